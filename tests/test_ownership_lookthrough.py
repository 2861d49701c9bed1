"""Hand-computed look-through cases for effective_ownership."""

from __future__ import annotations

import pytest

import orgmodel as om
from _ownership_helpers import DEEP, build, deep_chain, values


def test_chain_multiplies():
    """A chain of 60% and 50% gives 30%."""
    org = build([("ann", "hold", 0.6), ("hold", "acme", 0.5)], people=["ann"])
    assert values(om.effective_ownership(org, "acme")) == {"ann": pytest.approx(0.3)}


def test_two_paths_add_up():
    """40% directly plus 60% x 30% through a holding gives 58%."""
    org = build([("ann", "acme", 0.4), ("ann", "hold", 0.6), ("hold", "acme", 0.3)], people=["ann"])
    assert values(om.effective_ownership(org, "acme")) == {"ann": pytest.approx(0.58)}


def test_two_paths_majority_chain():
    """Under the majority-chain rule the 30% held through a 60% holding counts whole: 70%."""
    org = build([("ann", "acme", 0.4), ("ann", "hold", 0.6), ("hold", "acme", 0.3)], people=["ann"])
    result = om.effective_ownership(org, "acme", rule=om.OwnershipRule.MAJORITY_CHAIN)
    assert values(result) == {"ann": pytest.approx(0.7)}


@pytest.mark.parametrize(
    ("target", "expected"),
    [("a", {"pa": 5 / 8, "pb": 3 / 8}), ("b", {"pa": 1 / 16, "pb": 15 / 16})],
)
def test_cross_holding(target, expected):
    """A holds 10% of B, B 40% of A; people hold 60% of A and 90% of B."""
    org = build(
        [("a", "b", 0.1), ("b", "a", 0.4), ("pa", "a", 0.6), ("pb", "b", 0.9)],
        people=["pa", "pb"],
    )
    result = values(om.effective_ownership(org, target))
    assert result == {k: pytest.approx(v) for k, v in expected.items()}


def test_cross_holding_order_is_by_share():
    """Holders come in descending order of their share."""
    org = build(
        [("a", "b", 0.1), ("b", "a", 0.4), ("pa", "a", 0.6), ("pb", "b", 0.9)],
        people=["pa", "pb"],
    )
    assert list(om.effective_ownership(org, "b")) == ["pb", "pa"]


def test_ties_are_ordered_by_id():
    """Equal shares come in id order."""
    org = build([("zed", "acme", 0.5), ("amy", "acme", 0.5)], people=["zed", "amy"])
    assert list(om.effective_ownership(org, "acme")) == ["amy", "zed"]


def test_unowned_entity_is_an_ultimate_holder():
    """An entity with no recorded owners is an ultimate holder itself."""
    org = build(
        [("fund", "hold", 1.0), ("hold", "acme", 0.5), ("ann", "acme", 0.5)], people=["ann"]
    )
    assert values(om.effective_ownership(org, "acme")) == {"ann": 0.5, "fund": 0.5}


def test_target_without_owners_is_empty():
    """An entity with no recorded owners has no ultimate holders but itself: empty."""
    org = build([("acme", "sub", 1.0)])
    assert om.effective_ownership(org, "acme") == {}


def test_unallocated_equity_is_not_attributed():
    """Equity held by nobody in the model reaches nobody."""
    org = build([("ann", "hold", 0.5), ("hold", "acme", 0.5)], people=["ann"])
    assert values(om.effective_ownership(org, "acme")) == {"ann": 0.25}


def test_zero_stake_is_left_out():
    """A holder whose share is 0 is not listed."""
    org = build([("ann", "acme", 0.0), ("bob", "acme", 1.0)], people=["ann", "bob"])
    assert list(om.effective_ownership(org, "acme")) == ["bob"]


def test_duplicate_stakes_add_up():
    """Two stakes of one holder in one entity add up."""
    org = build([("ann", "acme", 0.2), ("ann", "acme", 0.3)], people=["ann"])
    assert values(om.effective_ownership(org, "acme")) == {"ann": 0.5}


def test_three_cycle_sums_to_one():
    """A three-entity ring with outside holders: the holders' shares add up to 1."""
    org = build(
        [
            ("a", "b", 0.3),
            ("b", "c", 0.3),
            ("c", "a", 0.3),
            ("pa", "a", 0.7),
            ("pb", "b", 0.7),
            ("pc", "c", 0.7),
        ],
        people=["pa", "pb", "pc"],
    )
    result = om.effective_ownership(org, "a")
    assert sum(s.value for s in result.values()) == pytest.approx(1.0)
    # walks: pa 0.7/(1-0.027), pc 0.7*0.3/(1-0.027), pb 0.7*0.3*0.3/(1-0.027)
    assert result["pa"].value == pytest.approx(0.7 / 0.973)
    assert result["pb"].value == pytest.approx(0.063 / 0.973)


@pytest.mark.parametrize(
    ("measure", "expected"),
    [
        ("share", 0.3),
        (om.Measure.VOTING, 0.5),
        ("profit_share", 0.2),
    ],
)
def test_measures(measure, expected):
    """Votes and profit shares are looked through when asked for."""
    org = om.Organization(
        name="m",
        people=[om.Person("ann", "Ann")],
        entities=[om.Entity("acme", "Acme"), om.Entity("hold", "Hold")],
        stakes=[
            om.Stake(
                "ann",
                "hold",
                om.Share.exact(0.6),
                voting=om.Share.exact(1.0),
                profit_share=om.Share.exact(0.4),
            ),
            om.Stake("hold", "acme", om.Share.exact(0.5)),
        ],
    )
    assert om.effective_ownership(org, "acme", measure=measure)["ann"].value == pytest.approx(
        expected
    )


def test_unknown_entity_suggests():
    """An unknown entity is an UnknownReferenceError with a suggestion."""
    org = build([("ann", "acme", 1.0)], people=["ann"])
    with pytest.raises(om.UnknownReferenceError, match="did you mean 'acme'"):
        om.effective_ownership(org, "acne")


def test_person_is_not_an_entity():
    """Looking through a person is an UnknownReferenceError that says what it is."""
    org = build([("ann", "acme", 1.0)], people=["ann"])
    with pytest.raises(om.UnknownReferenceError, match="is a person"):
        om.effective_ownership(org, "ann")


@pytest.mark.parametrize(("option", "value"), [("rule", "majority"), ("measure", "votes")])
def test_bad_option_lists_allowed(option, value):
    """A bad rule or measure is an OrgModelError listing the allowed values."""
    org = build([("ann", "acme", 1.0)], people=["ann"])
    with pytest.raises(om.OrgModelError, match="must be one of"):
        om.effective_ownership(org, "acme", **{option: value})


def test_wholly_self_owned_cycle_is_an_error():
    """Two entities holding each other wholly: an error naming the cycle."""
    org = build([("a", "b", 1.0), ("b", "a", 1.0), ("a", "c", 0.5)])
    with pytest.raises(om.SingularOwnershipError, match="'a' → 'b' → 'a'") as info:
        om.effective_ownership(org, "c")
    assert set(info.value.cycle) == {"a", "b"}
    assert isinstance(info.value, ValueError)


def test_self_owned_cycle_elsewhere_does_not_matter():
    """A singular cycle that does not hold the target is not looked at."""
    org = build([("a", "b", 1.0), ("b", "a", 1.0), ("ann", "c", 1.0)], people=["ann"])
    assert values(om.effective_ownership(org, "c")) == {"ann": 1.0}


def test_nearly_self_owned_cycle_is_solved():
    """A cycle held 99.99% inside still resolves, to the little held outside."""
    org = build(
        [("a", "b", 0.9999), ("b", "a", 0.9999), ("ann", "a", 0.0001), ("bob", "b", 0.0001)],
        people=["ann", "bob"],
    )
    result = values(om.effective_ownership(org, "a"))
    assert sum(result.values()) == pytest.approx(1.0)
    assert result["ann"] == pytest.approx(1 / 1.9999)


def test_ranges_give_bounds():
    """A ranged stake gives lower and upper bounds."""
    org = build(
        [("ann", "hold", om.Share.between(0.5, 0.8)), ("hold", "acme", 0.5)], people=["ann"]
    )
    share = om.effective_ownership(org, "acme")["ann"]
    assert share.lower == pytest.approx(0.25)
    assert share.upper == pytest.approx(0.4)


def test_ranged_cycle_that_may_own_itself_has_upper_bound_one():
    """When the upper bounds let a ring own itself, the upper bound becomes 100%."""
    half_to_all = om.Share.between(0.5, 1.0)
    org = build(
        [
            ("a", "b", half_to_all),
            ("b", "a", half_to_all),
            ("ann", "a", om.Share.between(0.0, 0.5)),
            ("bob", "b", om.Share.between(0.0, 0.5)),
        ],
        people=["ann", "bob"],
    )
    result = om.effective_ownership(org, "a")
    assert {k: (v.lower, v.upper) for k, v in result.items()} == {
        "ann": (0.0, 1.0),
        "bob": (0.0, 1.0),
    }


def test_look_through_many_matches_one_by_one():
    """look_through gives the same as effective_ownership per entity."""
    org = build(
        [("a", "b", 0.1), ("b", "a", 0.4), ("pa", "a", 0.6), ("pb", "b", 0.9), ("b", "c", 1.0)],
        people=["pa", "pb"],
    )
    many = om.look_through(org, ["c", "a", "b"])
    assert list(many) == ["c", "a", "b"]
    for entity, result in many.items():
        assert result == om.effective_ownership(org, entity)


@pytest.mark.slow
def test_deep_chain_has_no_recursion_error():
    """A 100,000-deep chain of full holdings is looked through without recursion."""
    org = deep_chain()
    assert values(om.effective_ownership(org, "e0")) == {"ann": 1.0}
    assert values(om.effective_ownership(org, "e0", rule="majority-chain")) == {"ann": 1.0}
    assert values(om.effective_ownership(org, f"e{DEEP // 2}")) == {"ann": 1.0}


def test_look_through_defaults_to_every_entity_and_is_effective_ownership_for_one():
    """look_through(org) covers every entity; each entry is that entity's effective_ownership."""
    org = om.Organization(
        name="x",
        people=[om.Person("ann", "Ann"), om.Person("bo", "Bo")],
        entities=[om.Entity("a", "A"), om.Entity("b", "B"), om.Entity("c", "C")],
        stakes=[
            om.Stake("ann", "a", om.Share.exact(1.0)),
            om.Stake("a", "b", om.Share.exact(0.6)),
            om.Stake("bo", "b", om.Share.exact(0.4)),
            om.Stake("b", "c", om.Share.between(0.25, 0.5)),
        ],
    )
    everything = om.look_through(org)
    assert list(everything) == ["a", "b", "c"]
    assert everything == {e: om.effective_ownership(org, e) for e in ("a", "b", "c")}
    assert everything["c"] == {"ann": om.Share(0.15, 0.3), "bo": om.Share(0.1, 0.2)}
