"""Units as evidence: functions from declared text or names, inferred heads, vacancies."""

import pytest

import orgmodel as om
from orgmodel.analysis.roles.units import Units

P, U = om.Person, om.Unit
L = om.RoleLabel
F = om.JobFunction


def units_of(org: om.Organization) -> Units:
    return Units(org, om.DEFAULT_TITLES, vacant={p.id for p in org.people if p.vacant})


@pytest.mark.parametrize(
    ("name", "function", "expected", "from_name"),
    [
        ("Operations", "", F.OPERATIONS, True),
        ("Facilities", "", F.FACILITIES, True),
        ("People Ops", "", F.PEOPLE, True),
        ("Finance", "", F.FINANCE, True),
        ("IT", "", F.TECHNOLOGY, True),
        ("Sales", "", F.SALES, True),
        ("Business Development", "", F.BUSINESS_DEVELOPMENT, True),
        ("Client Services", "", F.CLIENT_SERVICE, True),
        ("Marketing", "", F.MARKETING, True),
        ("Team Blue", "facilities", F.FACILITIES, False),  # the declared function wins
        ("Operations", "sales", F.SALES, False),
        ("Litigation", "legal practice", F.DELIVERY, False),
        ("Team Blue", "", None, False),  # nothing to read
    ],
)
def test_unit_function_from_declared_function_or_name(name, function, expected, from_name):
    """A unit's function is its declared function, else its name, through the lexicon."""
    org = om.Organization(name="x", units=[U("u", name, function=function)])
    index = units_of(org)
    assert index.function.get("u") is expected
    assert ("u" in index.from_name) is from_name


@pytest.mark.parametrize(
    ("name", "lean"),
    [("Operations", om.Lean.INTERNAL), ("Sales", om.Lean.EXTERNAL),
     ("Client Services", om.Lean.EXTERNAL), ("Strategy", None), ("Team Blue", None)],
)  # fmt: skip
def test_unit_is_internal_or_client_facing(name, lean):
    """Internal functions make internal units, client-facing ones external units."""
    index = units_of(om.Organization(name="x", units=[U("u", name)]))
    assert index.lean("u") is lean


def org_with(people, units=None) -> om.Organization:
    return om.Organization(name="x", people=people, units=units or [U("u", "Operations")])


HEADS = [
    # people, expected head, the rule
    ([P("boss", "B"), P("h", "H", manager="boss", unit="u"), P("r", "R", manager="h", unit="u")],
     "h", "the only member whose manager is outside it"),
    ([P("solo", "S", unit="u")], "solo", "the only member whose manager is outside it"),
    ([P("boss", "B"), P("a", "A", manager="boss", unit="u"), P("b", "B2", manager="boss", unit="u"),
      P("a1", "A1", manager="a", unit="u"), P("a2", "A2", manager="a", unit="u"),
      P("b1", "B1", manager="b", unit="u")],
     "a", "of 2 members whose manager is outside it, the one with most of the unit under them"),
    ([P("boss", "B"), P("a", "A", manager="boss", unit="u"),
      P("b", "B2", manager="boss", unit="u")], None, None),  # a tie: no head
    ([P("boss", "B")], None, None),  # no members
]  # fmt: skip


@pytest.mark.parametrize(("people", "head", "why"), HEADS)
def test_inferred_head_follows_the_documented_rules(people, head, why):
    """The member whose manager is outside the unit heads it; ties leave it headless."""
    index = units_of(org_with(people))
    assert index.head_of.get("u") == head
    assert index.why.get("u") == why


def test_declared_head_is_kept_and_not_inferred():
    """A declared head stays, even when another member's manager is outside the unit."""
    people = [P("boss", "B"), P("h", "H", manager="boss", unit="u"), P("d", "D", unit="u")]
    index = units_of(org_with(people, [U("u", "Operations", head="d")]))
    assert index.head_of["u"] == "d"
    assert "u" not in index.why


def test_vacant_post_is_never_an_inferred_head():
    """When the member whose manager is outside the unit is vacant, nobody heads it."""
    people = [P("boss", "B"), P("v", "Vacant", manager="boss", unit="u", vacant=True),
              P("r", "R", manager="v", unit="u")]  # fmt: skip
    assert "u" not in units_of(org_with(people)).head_of


def coo_org(*, vacant: int = 0, declared: bool = False) -> om.Organization:
    """A COO over four units whose heads manage nobody; *vacant* of the heads are vacancies."""
    names = ["Finance", "IT", "People", "Facilities"]
    units = [U(f"u{i}", n, head=f"h{i}" if declared else None) for i, n in enumerate(names)]
    return om.Organization(
        name="x",
        entities=[om.Entity("co", "Co")],
        units=units,
        people=[
            P("ceo", "C", title="CEO"),
            P("coo", "O", title="Director", manager="ceo",
              responsibilities=["operations", "process_improvement", "coordination",
                                "resource_allocation"]),
            *(P(f"h{i}", f"H{i}", title=f"Head of {n}", manager="coo", unit=f"u{i}",
                vacant=i < vacant) for i, n in enumerate(names)),
        ],
        stakes=[om.Stake("ceo", "co", om.Share.exact(1.0))],
    )  # fmt: skip


def test_heads_who_manage_nobody_count_in_oversight():
    """Inferred heads of units count as department heads even with no reports."""
    coo = om.classify(coo_org())["coo"]
    assert coo.label is L.COO_LIKE, coo.reason
    assert "oversees 4 department heads (4 inferred)" in [e.text for e in coo.evidence]


def test_declared_and_inferred_heads_count_alike():
    """Declaring the heads changes the basis of the evidence, not the label."""
    declared = om.classify(coo_org(declared=True))["coo"]
    inferred = om.classify(coo_org())["coo"]
    assert declared.label is inferred.label is L.COO_LIKE
    assert declared.coo_score == pytest.approx(inferred.coo_score)
    assert "oversees 4 department heads" in [e.text for e in declared.evidence]


def test_inferred_headship_is_recorded_as_inferred_evidence():
    """A head who was inferred gets evidence saying so, with an inferred basis."""
    head = om.classify(coo_org())["h0"]
    unit = [e for e in head.evidence if e.source is om.EvidenceSource.UNIT]
    assert [e.text for e in unit] == [
        "heads Finance, an internal unit (inferred: the only member whose manager is outside it)"
    ]
    assert unit[0].basis is om.Basis.INFERRED


def test_vacancy_is_nobodys_report():
    """Vacant posts do not count among the heads someone oversees."""
    texts = [e.text for e in om.classify(coo_org(vacant=2))["coo"].evidence]
    assert "oversees 2 department heads (2 inferred)" in texts


@pytest.mark.parametrize(
    ("title", "label"),
    [("Head of Finance", L.NEITHER), ("Head of Operations", L.NEITHER)],
)
def test_department_head_below_the_top_stays_neither(title, label):
    """A department head under someone else who oversees no heads is neither."""
    org = om.Organization(
        name="x",
        units=[U("u", "Finance")],
        people=[
            P("ceo", "C"),
            P("coo", "O", manager="ceo"),
            P("h", "H", title=title, manager="coo", unit="u",
              responsibilities=["finance_operations", "budgeting", "operations",
                                "process_improvement"]),
            *(P(f"s{i}", f"S{i}", manager="h", unit="u") for i in range(6)),
        ],
    )  # fmt: skip
    assert om.classify(org)["h"].label is label


def test_client_facing_unit_is_external_evidence_for_its_head():
    """Heading a sales unit is external evidence, as the issue's Sales Director shows."""
    org = om.Organization(
        name="x",
        units=[U("s", "Sales")],
        people=[P("ceo", "C"), P("d", "D", manager="ceo", unit="s")],
    )
    unit = [e for e in om.classify(org)["d"].evidence if e.source is om.EvidenceSource.UNIT]
    assert unit[0].points is om.Direction.PARTNER
    assert unit[0].axis is om.Axis.ORIENTATION


def one_department(head_titles: list[str]) -> om.Organization:
    """An HR export's shape: a COO and their reports all in one 'Operations' department."""
    return om.Organization(
        name="x",
        units=[U("ex", "Executive"), U("ops", "Operations")],
        people=[
            P("ceo", "C", title="Chief Executive Officer", unit="ex"),
            P("coo", "O", title="Chief Operating Officer", manager="ceo", unit="ops"),
            *(P(f"r{i}", f"R{i}", title=t, manager="coo", unit="ops")
              for i, t in enumerate(head_titles)),
            P("a", "A", title="Assistant to the COO", manager="coo", unit="ops"),
            P("x", "X", title="Systems Administrator", manager="r1", unit="ops"),
        ],
    )  # fmt: skip


def test_reports_titled_heads_count_as_department_heads():
    """A COO over a 'Head of Facilities' and a 'Head of IT' in one department is COO-like."""
    coo = om.classify(one_department(["Head of Facilities", "Head of IT"]))["coo"]
    assert coo.label is L.COO_LIKE, coo.reason
    oversees = [e for e in coo.evidence if "department head" in e.text]
    assert [e.text for e in oversees] == [
        "oversees 1 department head (1 inferred) and 1 other manager"
    ]
    assert oversees[0].basis is om.Basis.INFERRED


@pytest.mark.parametrize(
    "titles",
    [["Facilities Coordinator", "IT Support"], ["Facilities Manager", "Office Manager"]],
    ids=["individuals", "managers-of-nobody"],
)
def test_reports_below_head_level_are_not_department_heads(titles):
    """Reports whose titles are below head level, managing nobody, are not heads."""
    coo = om.classify(one_department(titles))["coo"]
    assert coo.label is L.NEITHER, coo.reason
    assert not any("department head" in e.text for e in coo.evidence)
