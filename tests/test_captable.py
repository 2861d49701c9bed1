"""Cap tables: direct holders, totals, the unallocated remainder and the look-through."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import orgmodel as om
from strategies import ownership_networks


def org_of(stakes: list[om.Stake], *, people=("ann", "bob", "cy")) -> om.Organization:
    entities = sorted({s.entity for s in stakes} | {s.holder for s in stakes} - set(people))
    return om.Organization(
        name="t",
        people=[om.Person(p, p.title()) for p in people],
        entities=[om.Entity(e, e.upper()) for e in entities],
        stakes=stakes,
    )


def S(text: str) -> om.Share:  # noqa: N802 - reads like a literal
    return om.Share.parse(text)


def test_rows_totals_and_remainder():
    """Rows largest first; totals add up; the remainder is 100% less the total."""
    org = org_of(
        [
            om.Stake("ann", "co", S("30%"), voting=S("50%"), profit_share=S("40%")),
            om.Stake("bob", "co", S("35%")),
            om.Stake("cy", "co", S("10%"), liability=om.Liability.UNLIMITED),
        ]
    )
    table = om.cap_table(org, "co")
    assert [r.holder for r in table.rows] == ["bob", "ann", "cy"]
    assert math.isclose(table.total.value, 0.75)
    assert math.isclose(table.unallocated.value, 0.25)
    assert math.isclose(table.total_voting.value, 0.95)  # 50% + 35% (the share) + 10%
    assert math.isclose(table.unallocated_voting.value, 0.05)
    assert table.total_profit == S("40%")
    assert table.rows[1].voting == S("50%")
    assert table.rows[0].voting == S("35%")
    assert table.rows[2].liability is om.Liability.UNLIMITED
    assert table.rows[0].profit_share is None


def test_several_stakes_of_one_holder_add_up():
    """Two share classes of one holder make one row."""
    org = org_of(
        [
            om.Stake("ann", "co", S("20%"), liability=om.Liability.LIMITED),
            om.Stake("ann", "co", S("30%"), voting=S("0%")),
            om.Stake("bob", "co", S("50%")),
        ]
    )
    (ann,) = [r for r in om.cap_table(org, "co").rows if r.holder == "ann"]
    assert (ann.share, ann.voting, ann.stakes) == (S("50%"), S("20%"), 2)
    assert ann.liability is om.Liability.LIMITED
    table = om.cap_table(org, "co")
    assert table.total == S("100%")
    assert table.unallocated == S("0%")


def test_ranges_give_ranged_totals_and_remainder():
    """With ranges, the total and the remainder are ranges."""
    org = org_of([om.Stake("ann", "co", S("25-50%")), om.Stake("bob", "co", S("20%"))])
    table = om.cap_table(org, "co")
    assert (table.total.lower, table.total.upper) == pytest.approx((0.45, 0.7))
    assert (table.unallocated.lower, table.unallocated.upper) == pytest.approx((0.3, 0.55))


def test_overlapping_upper_bounds_are_capped():
    """Upper bounds adding past 100% cap the total at 100% and the remainder at 0."""
    org = org_of([om.Stake("ann", "co", S("40-80%")), om.Stake("bob", "co", S("30-60%"))])
    table = om.cap_table(org, "co")
    assert table.total == om.Share.between(0.7, 1.0)
    assert table.unallocated.lower == 0.0
    assert table.unallocated.upper == pytest.approx(0.3)


def test_look_through_chain():
    """Look-through: 100% of a holding with 60% gives 60%."""
    org = org_of(
        [
            om.Stake("ann", "hold", S("100%")),
            om.Stake("hold", "co", S("60%")),
            om.Stake("bob", "co", S("40%")),
        ]
    )
    table = om.cap_table(org, "co")
    assert [(r.holder, r.is_person) for r in table.rows] == [("hold", False), ("bob", True)]
    assert [h.holder for h in table.look_through] == ["ann", "bob"]
    assert [h.share.value for h in table.look_through] == pytest.approx([0.6, 0.4])


def test_look_through_cross_holding():
    """A holds 10% of B, B 40% of A; ann 60% of A, bob 90% of B → 5/8 and 3/8 of A."""
    org = org_of(
        [
            om.Stake("a", "b", S("10%")),
            om.Stake("b", "a", S("40%")),
            om.Stake("ann", "a", S("60%")),
            om.Stake("bob", "b", S("90%")),
        ]
    )
    table = om.cap_table(org, "a")
    assert table.total == S("100%")
    found = {h.holder: h.share.value for h in table.look_through}
    assert found == {"ann": pytest.approx(5 / 8), "bob": pytest.approx(3 / 8)}


def test_entity_without_holders():
    """No holders: no rows, nothing allocated, everything unallocated."""
    org = org_of([om.Stake("ann", "co", S("10%"))])
    org = om.Organization(
        name="t", entities=[*org.entities, om.Entity("lone", "Lone")], people=org.people
    )
    table = om.cap_table(org, "lone")
    assert table.rows == ()
    assert (table.total, table.unallocated) == (S("0%"), S("100%"))
    assert table.look_through == ()
    assert table.total_profit is None


def test_to_dict_is_json_and_str_is_a_table():
    """to_dict is plain JSON; str shows every holder, the remainder and the total."""
    org = org_of(
        [
            om.Stake("ann", "hold", S("100%")),
            om.Stake("hold", "co", S("25-40%"), profit_share=S("35%")),
            om.Stake("bob", "co", S("50%"), liability=om.Liability.LIMITED),
        ]
    )
    table = om.cap_table(org, "co")
    data = json.loads(json.dumps(table.to_dict()))
    assert data["rows"][0] == {
        "holder": "bob",
        "name": "Bob",
        "kind": "person",
        "share": 0.5,
        "voting": 0.5,
        "profit_share": None,
        "liability": "limited",
        "stakes": 1,
    }
    assert data["rows"][1]["share"] == {"minimum": 0.25, "maximum": 0.4}
    assert data["look_through"][0]["holder"] == "bob"
    text = str(table)
    lines = text.splitlines()
    assert lines[0] == "Cap table of CO (co)"
    assert any(line.startswith("HOLD (hold)") and "25–40%" in line for line in lines)
    assert any(line.startswith("unallocated") and "10–25%" in line for line in lines)
    assert "Look-through (ultimate holders)" in text
    assert any(line.startswith("Ann (ann)") for line in lines)


def test_unknown_entity():
    """An unknown entity is an UnknownReferenceError, a person too."""
    org = org_of([om.Stake("ann", "acme", S("10%"))])
    with pytest.raises(om.UnknownReferenceError, match="did you mean 'acme'"):
        om.cap_table(org, "acne")
    with pytest.raises(om.UnknownReferenceError, match="is a person"):
        om.cap_table(org, "ann")


@settings(max_examples=40)
@given(ownership_networks(ranges=True), st.data())
def test_totals_and_remainder_cover_the_whole(org, data):
    """Allocated plus unallocated is 100% at both ends; rows cover every direct holder."""
    if not org.entities:
        return
    entity = data.draw(st.sampled_from([e.id for e in org.entities]))
    table = om.cap_table(org, entity)
    assert {r.holder for r in table.rows} == {s.holder for s in org.stakes if s.entity == entity}
    assert sum(r.stakes for r in table.rows) == sum(s.entity == entity for s in org.stakes)
    assert table.total.lower + table.unallocated.upper == pytest.approx(1.0)
    if table.total.upper < 1.0:
        assert table.total.upper + table.unallocated.lower == pytest.approx(1.0)
    json.dumps(table.to_dict())
    assert str(table).startswith("Cap table of ")
