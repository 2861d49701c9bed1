"""The title lexicon: titles read as a seniority and functions, and used as evidence."""

import attrs
import pytest

import orgmodel as om

S, F = om.Seniority, om.JobFunction
L = om.RoleLabel
P = om.Person

TITLES = [
    # (title, highest seniority, functions)
    ("Chief Operating Officer", S.CHIEF, [F.OPERATIONS]),
    ("COO", S.CHIEF, [F.OPERATIONS]),
    ("CFO", S.CHIEF, [F.FINANCE]),
    ("Chief Executive Officer", S.CHIEF, [F.EXECUTIVE]),
    ("CTO & Co-founder", S.CHIEF, [F.TECHNOLOGY]),
    ("President", S.PRESIDENT, [F.EXECUTIVE]),
    ("Vice President of Marketing", S.VICE_PRESIDENT, [F.MARKETING]),
    ("SVP, Operations & Supply Chain", S.VICE_PRESIDENT, [F.OPERATIONS, F.SUPPLY_CHAIN]),
    ("VP, Operations & Supply Chain", S.VICE_PRESIDENT, [F.OPERATIONS, F.SUPPLY_CHAIN]),
    ("EVP Sales", S.VICE_PRESIDENT, [F.SALES]),
    ("Managing Director", S.MANAGING_DIRECTOR, [F.EXECUTIVE]),
    ("MD", S.MANAGING_DIRECTOR, [F.EXECUTIVE]),
    ("General Manager", S.MANAGING_DIRECTOR, [F.OPERATIONS]),
    ("GM", S.MANAGING_DIRECTOR, [F.OPERATIONS]),
    ("Partner, Head of Tax", S.PARTNER, []),
    ("Managing Partner", S.PARTNER, [F.EXECUTIVE]),
    ("Operating Partner", S.PARTNER, [F.OPERATIONS]),
    ("Principal", S.PRINCIPAL, []),
    ("Founder", S.FOUNDER, []),
    ("Owner", S.FOUNDER, []),
    ("Chair of Trustees", S.BOARD, []),
    ("Non-Executive Director", S.BOARD, []),
    ("Sales Director", S.DIRECTOR, [F.SALES]),
    ("Head of Business Development", S.HEAD, [F.BUSINESS_DEVELOPMENT]),
    ("Head of BD", S.HEAD, [F.BUSINESS_DEVELOPMENT]),
    ("Head of Ops", S.HEAD, [F.OPERATIONS]),
    ("Facilities Manager", S.MANAGER, [F.FACILITIES]),
    ("Warehouse & Logistics Manager", S.MANAGER, [F.SUPPLY_CHAIN]),
    ("Team Lead, Customer Support", S.LEAD, [F.CLIENT_SERVICE]),
    ("Software Engineer", S.INDIVIDUAL, [F.ENGINEERING]),
    ("Executive Assistant", S.ASSISTANT, []),
    ("Trainee Solicitor", S.TRAINEE, []),
    ("Investor Relations Manager", S.MANAGER, [F.INVESTOR_RELATIONS]),
    ("Head of Strategy", S.HEAD, [F.STRATEGY]),
    ("Head of Legal & Compliance", S.HEAD, [F.LEGAL]),
    ("Quality Manager", S.MANAGER, [F.QUALITY]),
    ("Head of People Ops", S.HEAD, [F.PEOPLE]),
    ("Client Services Director", S.DIRECTOR, [F.CLIENT_SERVICE]),
    # traps: the longest phrase wins, practices, principals of "to", past roles
    ("HR Business Partner", S.INDIVIDUAL, [F.PEOPLE]),
    ("Partner, Operations Consulting", S.PARTNER, [F.DELIVERY]),
    ("Partner, People & Organisation Advisory", S.PARTNER, [F.DELIVERY]),
    ("Partner, Practice Operations", S.PARTNER, [F.OPERATIONS]),
    ("PA to the Managing Partner", S.ASSISTANT, []),
    ("Executive Assistant to the Chairman", S.ASSISTANT, []),
    ("Product Owner", S.INDIVIDUAL, []),
    ("Founding Partner (retired)", S.INDIVIDUAL, []),
    ("Former CEO", S.INDIVIDUAL, []),
    ("Geschäftsführerin (Managing Director)", S.MANAGING_DIRECTOR, [F.EXECUTIVE]),
    ("", S.INDIVIDUAL, []),
    ("!!!", S.INDIVIDUAL, []),
]


@pytest.mark.parametrize(("title", "seniority", "functions"), TITLES, ids=[t[0] for t in TITLES])
def test_title_reads_as_seniority_and_functions(title, seniority, functions):
    """A title reads as its highest seniority and the functions it names."""
    parsed = om.DEFAULT_TITLES.parse(title)
    assert parsed.seniority is seniority
    assert list(parsed.functions) == functions


@pytest.mark.parametrize(
    ("title", "owner", "salaried"),
    [
        ("Partner", True, False),
        ("Equity Partner", True, False),
        ("Co-founder", True, False),
        ("Salaried Partner", False, True),
        ("Non-Equity Partner", False, True),
        ("Income Partner", False, True),
        ("HR Business Partner", False, False),
        ("Chief Executive Officer", False, False),
    ],
)
def test_title_says_whether_it_is_an_owners(title, owner, salaried):
    """Partner and founder titles suggest an owner, unless they say salaried."""
    parsed = om.DEFAULT_TITLES.parse(title)
    assert (parsed.suggests_owner, parsed.salaried) == (owner, salaried)


def test_compound_title_keeps_every_seniority():
    """'CTO & Co-founder' is both a chief and a founder."""
    assert om.DEFAULT_TITLES.parse("CTO & Co-founder").seniorities == (S.CHIEF, S.FOUNDER)


def test_lexicon_extends_like_the_vocabulary():
    """extend returns a larger lexicon and leaves the default alone."""
    term = om.TitleTerm("Rainmaker", functions=[F.BUSINESS_DEVELOPMENT])
    bigger = om.DEFAULT_TITLES.extend([term])
    assert "rainmaker" in bigger
    assert "rainmaker" not in om.DEFAULT_TITLES
    assert bigger.parse("Chief Rainmaker").functions == (F.BUSINESS_DEVELOPMENT,)
    assert len(bigger) == len(om.DEFAULT_TITLES) + 1


def test_extended_lexicon_is_used_by_classify():
    """A title the default lexicon cannot read gives evidence once the lexicon knows it."""
    org = om.Organization(name="x", people=[P("a", "A", title="Rainmaker")])
    lexicon = om.DEFAULT_TITLES.extend([om.TitleTerm("rainmaker", functions=[F.SALES])])
    before = [e.text for e in om.classify(org)["a"].evidence]
    config = om.ClassifierConfig(titles=lexicon)
    after = [e.text for e in om.classify(org, config=config)["a"].evidence]
    text = 'the title "Rainmaker" reads as external work (sales)'
    assert text not in before
    assert text in after


@pytest.mark.parametrize("phrase", ["", "  ", "&&"])
def test_term_needs_a_word(phrase):
    """A term without a word is refused with a clear message."""
    with pytest.raises(ValueError, match="'phrase' must contain a word"):
        om.TitleTerm(phrase)


def test_config_refuses_something_else_as_lexicon():
    """titles= takes a TitleLexicon."""
    with pytest.raises(om.OrgModelError, match="'titles' must be a TitleLexicon"):
        om.ClassifierConfig(titles={"coo": "operations"})  # type: ignore[arg-type]


def firm(title: str, *, stake: float = 0.0, tags: tuple[str, ...] = ()) -> om.Organization:
    """A firm whose owner-CEO has a report with *title* overseeing four heads of unit."""
    heads = ["Finance", "IT", "People", "Facilities"]
    stakes = [om.Stake("ceo", "co", om.Share.exact(1.0 - stake))]
    if stake:
        stakes.append(om.Stake("x", "co", om.Share.exact(stake)))
    return om.Organization(
        name="Firm",
        entities=[om.Entity("co", "Co Ltd")],
        units=[om.Unit(f"u{i}", name) for i, name in enumerate(heads)],
        people=[
            P("ceo", "Cy", title="CEO"),
            P("x", "X", title=title, manager="ceo", responsibilities=tags),
            *(P(f"h{i}", f"H{i}", title=f"Head of {n}", manager="x", unit=f"u{i}")
              for i, n in enumerate(heads)),
        ],
        stakes=stakes,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("title", "stake", "label"),
    [
        ("Chief Operating Officer", 0.0, L.COO_LIKE),
        ("Partner, Operations", 0.0, L.COO_LIKE),  # a "Partner" without a stake runs operations
        ("Salaried Partner, Operations", 0.0, L.COO_LIKE),
        ("Operating Partner", 0.10, L.HYBRID),
        ("General Manager", 0.20, L.HYBRID),
    ],
)
def test_title_and_structure_without_tags(title, stake, label):
    """Over four heads of internal units, the title and the stake decide the label."""
    assessment = om.classify(firm(title, stake=stake))["x"]
    assert assessment.label is label, assessment.reason


@pytest.mark.parametrize("title", ["Partner", "Managing Partner", "Co-founder", "Sales Director"])
def test_partner_title_without_stake_is_never_partner_like(title):
    """A partner's or founder's title with strategic work but no stake is not partner-like."""
    org = om.Organization(
        name="x",
        entities=[om.Entity("co", "Co")],
        people=[P("p", "P", title=title, employment=om.Employment.PARTNER,
                  responsibilities=["strategy", "business_development"])],
    )  # fmt: skip
    assert om.classify(org)["p"].label is not L.PARTNER_LIKE


def test_title_evidence_is_inferred():
    """What a title says is recorded as inferred evidence from the title."""
    evidence = om.classify(firm("Chief Operating Officer"))["x"].evidence
    from_title = [e for e in evidence if e.source is om.EvidenceSource.TITLE]
    assert from_title
    assert {e.basis for e in from_title} == {om.Basis.INFERRED}


def test_title_weights_are_configurable():
    """With the title weights at 0, a tag-less COO is judged on structure alone."""
    config = attrs.evolve(om.ClassifierConfig(), title_function_weight=0.0)
    default = om.classify(firm("Chief Operating Officer"))["x"].coo_score
    assert om.classify(firm("Chief Operating Officer"), config=config)["x"].coo_score < default
