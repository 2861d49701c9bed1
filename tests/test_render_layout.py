"""The tidy-tree layout: no overlaps, parents centred, linear and iterative."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orgmodel.render._layout import tidy_x


@st.composite
def forests(draw):
    count = draw(st.integers(1, 60))
    parent = [-1]
    parent.extend(
        draw(st.integers(-1, index - 1)) if draw(st.booleans()) else index - 1
        for index in range(1, count)
    )
    extents = st.floats(0.0, 5.0, allow_nan=False)
    left = draw(st.lists(extents, min_size=count, max_size=count))
    right = draw(st.lists(extents, min_size=count, max_size=count))
    return parent, left, right


def _levels(parent: list[int]) -> tuple[list[list[int]], list[list[int]]]:
    children: list[list[int]] = [[] for _ in parent]
    roots: list[int] = []
    for node, up in enumerate(parent):
        (roots if up < 0 else children[up]).append(node)
    levels = []
    level = roots
    while level:
        levels.append(level)
        level = [kid for node in level for kid in children[node]]
    return children, levels


@given(forests(), st.floats(0.1, 3.0))
def test_no_overlap_and_order_kept(forest, gap):
    """Neighbours on each level keep left-to-right order at least ``gap`` apart."""
    parent, left, right = forest
    xs = tidy_x(parent, left=left, right=right, gap=gap)
    _, levels = _levels(parent)
    for level in levels:
        for a, b in itertools.pairwise(level):
            assert xs[b] - xs[a] >= right[a] + gap + left[b] - 1e-6


@given(forests())
def test_parents_centred_and_drawing_starts_at_zero(forest):
    """Each parent sits midway between its first and last child; the left edge is 0."""
    parent, left, right = forest
    xs = tidy_x(parent, left=left, right=right, gap=1.0)
    children, _ = _levels(parent)
    for node, kids in enumerate(children):
        if kids:
            assert xs[node] == pytest.approx((xs[kids[0]] + xs[kids[-1]]) / 2)
    assert min(x - lft for x, lft in zip(xs, left, strict=True)) == pytest.approx(0.0)


def test_symmetric_tree_is_symmetric():
    """A complete binary tree is drawn as its own mirror image."""
    parent = [-1] + [(i - 1) // 2 for i in range(1, 31)]
    xs = tidy_x(parent, left=[1.0] * 31, right=[1.0] * 31, gap=1.0)
    width = max(xs) + min(xs)
    _, levels = _levels(parent)
    for level in levels:
        mirrored = sorted(width - xs[n] for n in level)
        assert mirrored == pytest.approx(sorted(xs[n] for n in level))


def test_small_subtrees_spread_evenly():
    """Leaves between two deep subtrees are spaced evenly (Walker's apportioning)."""
    # root with children: deep, leaf, leaf, deep
    parent = [-1, 0, 0, 0, 0, 1, 1, 1, 4, 4, 4]
    xs = tidy_x(parent, left=[1.0] * 11, right=[1.0] * 11, gap=1.0)
    gaps = [xs[2] - xs[1], xs[3] - xs[2], xs[4] - xs[3]]
    assert gaps == pytest.approx([gaps[0]] * 3)


@pytest.mark.slow
def test_deep_chain_and_wide_star_are_iterative():
    """100,000 deep or wide lays out without hitting the recursion limit (speed: benchmarks)."""
    count = 100_000
    chain = tidy_x([-1, *range(count - 1)], left=[1.0] * count, right=[1.0] * count, gap=1.0)
    star = tidy_x([-1] + [0] * (count - 1), left=[1.0] * count, right=[1.0] * count, gap=1.0)
    assert len(set(chain)) == 1
    assert star[1:] == sorted(star[1:])
    assert star[0] == pytest.approx((star[1] + star[-1]) / 2)


def test_empty():
    """An empty forest has no positions."""
    assert tidy_x([], left=[], right=[], gap=1.0) == []
