"""The look-through engine's fallbacks and limits, tested directly."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

import orgmodel as om
from _ownership_helpers import build, values
from orgmodel.analysis.ownership import cycles as _cycles
from orgmodel.analysis.ownership import integrated as _lookthrough
from orgmodel.analysis.ownership.cycles import stakes_on_cycles
from orgmodel.analysis.ownership.index import OwnershipIndex


def test_topological_rank_orders_holders_above_held():
    """Kahn's fallback ranks every holder above what it holds."""
    holders = np.array([3, 3, 1, 2], dtype=np.int64)
    helds = np.array([1, 2, 0, 0], dtype=np.int64)
    rank = _cycles.holders_first(4, holders, helds)
    assert all(rank[h] > rank[j] for h, j in zip(holders, helds, strict=True))


def test_block_order_falls_back_when_labels_are_not_ordered(monkeypatch):
    """If scipy's component labels were not topological, Kahn's order is used."""

    def shuffled(graph):
        count, labels = _cycles.components_of(graph)
        return count, (count - 1) - labels  # the reverse of scipy's order

    monkeypatch.setattr(_lookthrough, "components_of", shuffled)
    org = build(
        [("ann", "c", 0.5), ("c", "b", 0.5), ("b", "a", 0.5), ("a", "b", 0.1)], people=["ann"]
    )
    result = values(om.effective_ownership(org, "a"))
    assert result == {"ann": pytest.approx(0.125 / (1 - 0.05))}


def test_targets_solved_in_blocks(monkeypatch):
    """With a tiny right-hand-side budget the targets are solved block by block."""
    org = build(
        [("a", "b", 0.1), ("b", "a", 0.4), ("pa", "a", 0.6), ("pb", "b", 0.9), ("b", "c", 0.5)],
        people=["pa", "pb"],
    )
    whole = om.look_through(org, ["a", "b", "c"])
    monkeypatch.setattr(_lookthrough, "RHS_BUDGET", 1)
    assert om.look_through(org, ["a", "b", "c"]) == whole


def test_upper_bounds_that_exceed_a_whole_ring():
    """Upper bounds over 100% in a ring: a positive solution cannot exist; bound is 100%."""
    a = sp.csr_matrix(np.array([[0.0, 0.9], [0.9, 0.0]]))
    assert _lookthrough._converges(a) is True
    a = sp.csr_matrix(np.array([[0.0, 1.2], [0.9, 0.0]]))
    assert _lookthrough._converges(a) is False


def test_mixed_ring_upper_bound_diverges_only_above_it():
    """A ring that may own itself makes upper bounds 100% above it, not elsewhere."""
    org = build(
        [
            ("a", "b", om.Share.between(0.4, 1.0)),
            ("b", "a", om.Share.between(0.5, 1.0)),
            ("ann", "a", 0.5),
            ("bob", "b", 0.3),
            ("b", "t", 0.5),
            ("cat", "t", 0.5),
        ],
        people=["ann", "bob", "cat"],
    )
    result = om.effective_ownership(org, "t")
    assert result["cat"] == om.Share.exact(0.5)
    assert result["ann"].upper == 1.0
    assert result["bob"].upper == 1.0
    # lower bounds: ring at 40% and 50%
    loop = 1 / (1 - 0.4 * 0.5)
    assert result["bob"].lower == pytest.approx(0.3 * loop * 0.5)
    assert result["ann"].lower == pytest.approx(0.5 * 0.4 * loop * 0.5)


def test_ring_of_three_wholly_self_owned_names_its_cycle():
    """A three-ring held wholly inside itself names the cycle in holding order."""
    org = build([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "t", 0.5)])
    with pytest.raises(om.SingularOwnershipError, match="'a' → 'b' → 'c' → 'a'"):
        om.effective_ownership(org, "t")


def test_ring_wholly_held_by_two_members():
    """A ring split between two members (60% + 40%) is singular too."""
    org = build(
        [("a", "b", 0.6), ("c", "b", 0.4), ("b", "c", 1.0), ("b", "a", 1.0), ("a", "t", 1.0)]
    )
    with pytest.raises(om.SingularOwnershipError):
        om.effective_ownership(org, "t")


def test_singular_inside_a_larger_component_is_found():
    """A wholly self-owned pair inside a bigger ring (joined by 0% stakes) is found."""
    org = build(
        [
            ("a", "b", 1.0),
            ("b", "a", 1.0),
            ("a", "c", om.Share.between(0.0, 0.2)),
            ("c", "a", om.Share.between(0.0, 0.0)),
            ("ann", "c", 0.5),
            ("c", "t", 1.0),
        ],
        people=["ann"],
    )
    with pytest.raises(om.SingularOwnershipError):
        om.effective_ownership(org, "t")


def test_no_numpy_warnings_on_a_near_singular_ring():
    """A ring 1e-12 short of owning itself gives no numpy warning (warnings are errors)."""
    share = 1.0 - 1e-12
    org = build(
        [("a", "b", share), ("b", "a", share), ("ann", "a", 1e-12), ("bob", "b", 1e-12)],
        people=["ann", "bob"],
    )
    with pytest.raises(om.SingularOwnershipError):
        om.effective_ownership(org, "a")


def _web() -> om.Organization:
    """Ann above a holding loop (h1 <-> h2) above the operating company, which holds a sub."""
    return om.Organization(
        name="web",
        people=[om.Person("ann", "Ann"), om.Person("bo", "Bo")],
        entities=[om.Entity(e, e.upper()) for e in ("op", "h1", "h2", "sub", "lone")],
        stakes=[
            om.Stake("ann", "h1", om.Share.exact(0.7)),
            om.Stake("h2", "h1", om.Share.exact(0.3)),
            om.Stake("h1", "h2", om.Share.exact(1.0)),
            om.Stake("h2", "op", om.Share.exact(0.6)),
            om.Stake("bo", "op", om.Share.exact(0.4)),
            om.Stake("op", "sub", om.Share.exact(1.0)),
            om.Stake("bo", "lone", om.Share.exact(1.0)),
        ],
    )


def test_index_climbs_above_and_descends_below():
    """The index finds the stakes above an entity, and below it, and nothing else."""
    index = OwnershipIndex.of(_web())
    climb = index.above(["op"])
    assert climb.owned == ["op", "h2", "h1"]
    assert climb.people == ["bo", "ann"]
    assert sorted(climb.stakes) == [0, 1, 2, 3, 4]
    assert index.below("op") == [5]
    assert index.below("sub") == []
    assert index.above(["sub"]).owned == ["sub", "op", "h2", "h1"]


def test_one_cycle_finder_for_the_analyses_and_the_chart():
    """ownership_cycles, the chart's orange stakes and control agree on the loop."""
    org = _web()
    assert om.ownership_cycles(org) == (("h1", "h2"),)
    assert stakes_on_cycles(org.stakes) == {1, 2}
    source = om.ownership_chart(org, "op", legend=False).source
    orange = [line.split("[")[0].strip() for line in source.splitlines() if "#D55E00" in line]
    # Each stake is drawn holder -> its label box (stake_<index>) -> entity.
    assert orange == [  # the two stakes of the loop only
        "stake_1",
        "n_h2 -> stake_1",
        "stake_1 -> n_h1",
        "stake_2",
        "n_h1 -> stake_2",
        "stake_2 -> n_h2",
    ]
    assert [c.holder for c in om.controllers(org, "op")] == ["ann"]
