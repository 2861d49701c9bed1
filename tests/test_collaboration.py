import json

import attrs
import pytest
from hypothesis import given, settings

import orgmodel as om
from strategies import organizations

P, U = om.Person, om.Unit
L = om.RoleLabel
K = om.LinkKind

PARTNER_TAGS = ["strategy", "client_relationships", "business_development"]
COO_TAGS = ["operations", "process_improvement", "coordination", "department_management"]


def firm(*people, units=(), stakes=()) -> om.Organization:
    return om.Organization(
        name="Firm",
        people=people,
        units=units,
        entities=[om.Entity("co", "Co LLP")],
        stakes=stakes,
        focal_entity="co",
    )


def partner(pid, **kw) -> om.Person:
    return P(pid, pid.upper(), responsibilities=PARTNER_TAGS, **kw)


def coo(pid, **kw) -> om.Person:
    return P(pid, pid.upper(), responsibilities=COO_TAGS, **kw)


def heads(boss, n=3, prefix="h") -> list[om.Person]:
    """*n* managers under *boss*, each with one report: what a COO oversees."""
    out = []
    for i in range(n):
        out.append(P(f"{prefix}{i}", f"{prefix.upper()}{i}", manager=boss))
        out.append(P(f"{prefix}{i}r", f"{prefix.upper()}{i}R", manager=f"{prefix}{i}"))
    return out


def stake(pid, x=0.2) -> om.Stake:
    return om.Stake(pid, "co", om.Share.exact(x))


@pytest.fixture
def org():
    """Top partner; a COO under them; a partner beside the COO; a lone partner below."""
    return firm(
        partner("top"),
        coo("coo", manager="top"),
        *heads("coo"),
        partner("peer", manager="top"),
        P("mid", "Mid", manager="peer"),
        partner("deep", manager="mid"),
        partner("far"),
        units=[
            U("ops", "Operations", head="coo"),
            U("fin", "Finance", parent="ops", head="h0"),
            U("lit", "Litigation", head="peer"),
            U("sub", "Sub-team", parent="lit"),
            U("orphan", "Orphan"),
        ],
        stakes=[stake("top"), stake("peer"), stake("deep"), stake("far")],
    )


def pairs(summary) -> dict[str, dict[str, om.LinkKind]]:
    return {p.partner: {c.person: c.link for c in p.counterparts} for p in summary.partners}


def test_labels_of_the_fixture(org):
    """The fixture has the roles the other tests assume."""
    labels = {pid: a.label for pid, a in om.classify(org).items()}
    assert labels["coo"] is L.COO_LIKE
    assert {pid for pid, lab in labels.items() if lab is L.PARTNER_LIKE} == {
        "top",
        "peer",
        "deep",
        "far",
    }


def test_counterparts_by_each_kind_of_link(org):
    """Reporting line, same manager and chain of command each link a partner to the COO."""
    found = pairs(om.collaboration(org))
    assert found["top"] == {"coo": K.REPORTING}
    assert found["peer"] == {"coo": K.SAME_MANAGER}
    assert found["deep"] == {}
    assert found["far"] == {}


def test_unpaired_partners(org):
    """Partners with no link to an operational member are listed, in order."""
    summary = om.collaboration(org)
    assert summary.unpaired == ("deep", "far")
    assert not summary.ok


def test_chain_of_command_links_the_nearest_above_and_below():
    """A COO two levels below a partner, and a partner two below a COO, are linked."""
    org = firm(
        partner("p"),
        P("m", "M", manager="p"),
        coo("c", manager="m"),
        *heads("c"),
        P("n", "N", manager="c"),
        partner("q", manager="n"),
        stakes=[stake("p"), stake("q")],
    )
    summary = om.collaboration(org)
    assert pairs(summary) == {"p": {"c": K.CHAIN}, "q": {"c": K.CHAIN}}
    texts = {c.text for p in summary.partners for c in p.counterparts}
    assert texts == {"C is below P in the chain of command", "C is above Q in the chain of command"}


def test_dotted_lines_and_shared_units_link():
    """A dotted line either way, or a shared unit, is a link; reporting wins over a unit."""
    org = firm(
        P("b", "B"),
        partner("p", unit="u"),
        coo("c", manager="b", dotted=["p"]),
        *heads("c"),
        coo("d", manager="b", unit="u"),
        *heads("d", prefix="k"),
        partner("q", dotted=["d"]),
        units=[U("u", "Unit", head="d")],
        stakes=[stake("p"), stake("q")],
    )
    found = pairs(om.collaboration(org))
    assert found["p"] == {"c": K.DOTTED, "d": K.SHARED_UNIT}
    assert found["q"] == {"d": K.DOTTED}


def test_units_without_a_coo_above(org):
    """Units under a COO head or inside a covered unit are covered; the rest are listed."""
    summary = om.collaboration(org)
    assert summary.uncovered_units == ("lit", "sub", "orphan")
    assert summary.unit_names == {"lit": "Litigation", "sub": "Sub-team", "orphan": "Orphan"}


def test_dotted_line_to_a_coo_covers_a_unit():
    """A head with a dotted line to a COO-like member counts as covered."""
    org = firm(
        P("b", "B"),
        coo("c", manager="b"),
        *heads("c"),
        P("h", "H", dotted=["c"]),
        units=[U("u", "U", head="h")],
    )
    assert om.collaboration(org).uncovered_units == ()


def test_roles_can_be_given():
    """A classification with a custom config is used as given."""
    org = firm(partner("p"), coo("c", manager="p"), *heads("c"), stakes=[stake("p")])
    strict = om.classify(org, config=om.ClassifierConfig(coo_threshold=1.0))
    summary = om.collaboration(org, roles=strict)
    assert summary.operational == ()
    assert summary.unpaired == ("p",)


@pytest.mark.parametrize(
    ("roles", "message"),
    [({}, "no assessment of person 'p'"), ([1], "must be the dict classify")],
)
def test_bad_roles_are_clear_errors(roles, message):
    """Roles that do not cover the organisation raise OrgModelError."""
    org = firm(partner("p"), stakes=[stake("p")])
    with pytest.raises(om.OrgModelError, match=message):
        om.collaboration(org, roles=roles)


def test_summary_text_and_dict(org):
    """The summary reads as text and serialises to JSON."""
    summary = om.collaboration(org)
    text = str(summary)
    assert text.splitlines()[0] == (
        "Firm: 4 partner-like members; 1 operational counterpart (1 coo-like, 0 hybrid)"
    )
    assert "- TOP works with COO (coo-like, reporting line)" in text
    assert "- FAR has no operational counterpart" in text
    assert "2 partner-like members with no operational counterpart: DEEP and FAR" in text
    assert "3 units with no COO-like member above them: Litigation, Sub-team and Orphan" in text
    data = json.loads(json.dumps(summary.to_dict()))
    assert data["unpaired"] == ["deep", "far"]
    assert data["partners"][0]["counterparts"][0] == {
        "person": "coo",
        "name": "COO",
        "label": "coo-like",
        "link": "reporting",
        "text": "COO reports to TOP",
    }


def test_no_partners():
    """With nobody partner-like the text says so."""
    text = str(om.collaboration(firm(P("a", "A"))))
    assert "No partner-like members." in text
    assert "Every unit has a COO-like member above it." in text


def naive_uncovered(org, roles) -> tuple[str, ...]:
    """Per unit, walk up enclosing units and each head's chain (quadratic, obviously right)."""
    ops = {pid for pid, a in roles.items() if a.label in (L.COO_LIKE, L.HYBRID)}

    def covered_person(pid) -> bool:
        while pid is not None:
            person = org.person(pid)
            if pid in ops or set(person.dotted) & ops:
                return True
            pid = person.manager
        return False

    out = []
    for unit in org.units:
        u, ok = unit, False
        while u is not None and not ok:
            ok = u.head is not None and covered_person(u.head)
            u = org.unit(u.parent) if u.parent is not None else None
        if not ok:
            out.append(unit.id)
    return tuple(out)


@given(organizations(max_people=15, max_units=6))
@settings(max_examples=60)
def test_invariants_on_random_organisations(org):
    """Partners, counterparts and uncovered units agree with the roles and a naive check."""
    try:
        roles = om.classify(org)
    except om.SingularOwnershipError:
        return
    summary = om.collaboration(org, roles=roles)
    partners = [pid for pid, a in roles.items() if a.label is L.PARTNER_LIKE]
    assert [p.partner for p in summary.partners] == partners
    for p in summary.partners:
        for c in p.counterparts:
            assert roles[c.person].label in (L.COO_LIKE, L.HYBRID)
            assert c.person != p.partner
    assert summary.unpaired == tuple(p.partner for p in summary.partners if not p.counterparts)
    assert summary.uncovered_units == naive_uncovered(org, roles)


@pytest.mark.slow
def test_hundred_thousand_deep_chain():
    """A 100,000-deep chain with a partner on top and a COO at the bottom is linked."""
    n = 100_000
    people = [partner("p0")] + [P(f"p{i}", f"P{i}", manager=f"p{i - 1}") for i in range(1, n)]
    people[-1] = attrs.evolve(coo(f"p{n - 1}"), manager=f"p{n - 2}")
    org = firm(
        *people,
        *heads(f"p{n - 1}"),
        units=[U("bottom", "Bottom", head=f"p{n - 1}"), U("top", "Top", head="p0")],
        stakes=[stake("p0")],
    )
    summary = om.collaboration(org)
    assert pairs(summary) == {"p0": {f"p{n - 1}": K.CHAIN}}
    assert summary.uncovered_units == ("top",)


def test_unit_headed_from_outside_the_reporting_tree_is_covered_by_a_dotted_coo():
    """A unit whose head sits outside the reporting tree but reports dotted to a COO is covered."""
    org = firm(
        partner("top"),
        coo("coo", manager="top"),
        *heads("coo"),
        P("adviser", "Adviser", employment=om.Employment.NONE, dotted=["coo"]),
        units=[U("board", "Advisory Board", head="adviser"), U("lone", "Lone", head="top")],
        stakes=[stake("top", 0.6)],
    )
    roles = om.classify(org)
    assert roles["coo"].label is L.COO_LIKE
    assert "adviser" not in {p.id for p in org.roots}
    assert om.collaboration(org, roles=roles).uncovered_units == ("lone",)
