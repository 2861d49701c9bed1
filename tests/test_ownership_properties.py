"""Properties of look-through on random ownership networks (Hypothesis)."""

from __future__ import annotations

from collections import defaultdict

import pytest
from hypothesis import assume, given, reject
from hypothesis import strategies as st

import orgmodel as om
from strategies import ownership_networks

_TOL = 1e-9


def brute_force(org: om.Organization, target: str) -> dict[str, float]:
    """Sum over every path up from *target* of the product of its shares (acyclic only)."""
    holders = defaultdict(list)
    for s in org.stakes:
        holders[s.entity].append((s.holder, s.share.value))
    result: dict[str, float] = defaultdict(float)
    stack = [(target, 1.0)]
    while stack:
        node, product = stack.pop()
        for holder, share in holders[node]:
            if holder in holders:  # an owned entity: keep climbing
                stack.append((holder, product * share))
            else:  # a person or an unowned entity
                result[holder] += product * share
    return {k: v for k, v in result.items() if v > 0.0}


def _entities(org: om.Organization) -> list[str]:
    return [e.id for e in org.entities]


def _each(
    org: om.Organization, rule: om.OwnershipRule = om.OwnershipRule.MULTIPLICATIVE
) -> dict[str, dict[str, om.Share]]:
    """Look through every entity; leave out those above which a ring owns itself."""
    try:
        return om.look_through(org, _entities(org), rule=rule)
    except om.SingularOwnershipError:
        pass
    out = {}
    for entity in _entities(org):
        try:
            out[entity] = om.effective_ownership(org, entity, rule=rule)
        except om.SingularOwnershipError:
            continue
    return out


@given(ownership_networks(acyclic=True))
def test_acyclic_equals_path_enumeration(org):
    """Without cycles, look-through equals brute-force path enumeration."""
    for entity, result in om.look_through(org, _entities(org)).items():
        got = {k: v.value for k, v in result.items()}
        expected = brute_force(org, entity)
        assert got.keys() == expected.keys()
        for holder, value in expected.items():
            assert got[holder] == pytest.approx(value, abs=_TOL)


def _whole(org: om.Organization) -> om.Organization:
    """*org* with every owned entity's shares scaled to add up to exactly 1."""
    totals: dict[str, float] = defaultdict(float)
    for s in org.stakes:
        totals[s.entity] += s.share.value
    stakes = [
        om.Stake(s.holder, s.entity, om.Share.exact(min(1.0, s.share.value / totals[s.entity])))
        for s in org.stakes
        if totals[s.entity] > 0.0
    ]
    return om.Organization(name="whole", people=org.people, entities=org.entities, stakes=stakes)


@given(ownership_networks())
def test_all_equity_inside_sums_to_one(org):
    """When every owned entity is wholly held inside the network, the shares sum to 1."""
    whole = _whole(org)
    owned = {s.entity for s in whole.stakes}
    for entity in owned:
        try:
            result = om.effective_ownership(whole, entity)
        except om.SingularOwnershipError:
            reject()  # a ring owning itself wholly: nothing reaches anyone
        assert sum(v.value for v in result.values()) == pytest.approx(1.0, abs=1e-6)


@st.composite
def _ranged_and_point(draw: st.DrawFn) -> tuple[om.Organization, om.Organization]:
    """A network with ranges and the same network at one point inside every range."""
    org = draw(ownership_networks(ranges=True))
    stakes = []
    for s in org.stakes:
        t = draw(st.sampled_from([0.0, 1.0, 0.5]) | st.floats(0.0, 1.0))
        value = min(
            s.share.upper, max(s.share.lower, s.share.lower + t * (s.share.upper - s.share.lower))
        )
        votes = s.voting
        vote = None if votes is None else om.Share.exact(votes.midpoint)
        stakes.append(om.Stake(s.holder, s.entity, om.Share.exact(value), voting=vote))
    try:
        point = om.Organization(
            name="point", people=org.people, entities=org.entities, stakes=stakes
        )
    except om.ValidationError:
        reject()  # the point adds up to more than 100% somewhere
    return org, point


def _contains(bounds: dict[str, om.Share], point: dict[str, om.Share]) -> None:
    for holder, share in point.items():
        if share.upper > _TOL:
            assert holder in bounds
    for holder, bound in bounds.items():
        low, high = (point[holder].lower, point[holder].upper) if holder in point else (0.0, 0.0)
        assert bound.lower - 1e-7 <= low
        assert high <= bound.upper + 1e-7


@pytest.mark.parametrize("rule", list(om.OwnershipRule))
@given(pair=_ranged_and_point())
def test_ranges_contain_every_point(rule, pair):
    """The bounds from ranges contain the exact result at any point inside them."""
    ranged, point = pair
    exact = _each(point, rule)
    bounds = _each(ranged, rule)
    for entity, result in exact.items():
        _contains(bounds[entity], result)


def _two_majorities(org: om.Organization) -> bool:
    """Whether some entity has two holders with more than 50% of the votes.

    Possible when votes are recorded for some stakes and the share stands in for the
    others, so the votes add up to more than 100%.
    """
    votes: dict[tuple[str, str], float] = defaultdict(float)
    for s in org.stakes:
        votes[s.holder, s.entity] += (s.voting or s.share).value
    majorities = [entity for (_, entity), v in votes.items() if v > 0.5]
    return len(majorities) != len(set(majorities))


@given(ownership_networks(ranges=False))
def test_exact_data_gives_exact_results(org):
    """Exact stakes give exact shares adding up to at most 1 (votes permitting)."""
    consistent = not _two_majorities(org)
    for rule in om.OwnershipRule:
        for result in _each(org, rule).values():
            assert sum(s.lower for s in result.values()) <= 1.0 + 1e-9
            if rule is om.OwnershipRule.MULTIPLICATIVE or consistent:
                assert all(s.is_exact for s in result.values())
                assert sum(s.value for s in result.values()) <= 1.0 + 1e-9


@given(ownership_networks())
def test_look_through_agrees_with_single(org):
    """Looking through all entities at once equals looking through each."""
    entities = _entities(org)
    assume(entities)
    try:
        many = om.look_through(org, entities)
    except om.SingularOwnershipError:
        reject()
    for entity in entities:
        single = om.effective_ownership(org, entity)
        assert many[entity].keys() == single.keys()
        for holder, share in single.items():
            assert many[entity][holder].lower == pytest.approx(share.lower, abs=_TOL)
            assert many[entity][holder].upper == pytest.approx(share.upper, abs=_TOL)
