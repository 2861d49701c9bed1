"""Circular holdings: the one cycle finder of the ownership analyses and charts.

Groups of entities that hold each other, directly or not, are the strongly
connected components of the graph of stakes (holder → entity held).  Every part of
orgmodel that needs them — :func:`ownership_cycles`, the look-through solver
(:mod:`.integrated`), control (:mod:`.control`) and the ownership chart — asks this
module, which finds them with scipy's iterative (non-recursive) algorithm in C and
orders them, when asked, with Kahn's iterative topological sort.

Examples
--------
>>> import numpy as np
>>> count, labels = strong_components(3, np.array([0, 1, 1]), np.array([1, 0, 2]))
>>> count, bool(labels[0] == labels[1]), bool(labels[1] == labels[2])
(2, True, False)
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from orgmodel.model import Organization, Stake
from orgmodel.model._arguments import organization_argument

__all__ = [
    "components_of",
    "find_ownership_cycles",
    "holders_first",
    "ownership_cycles",
    "stakes_on_cycles",
    "strong_components",
]

_Ints = npt.NDArray[np.int64]


def components_of(graph: sp.spmatrix) -> tuple[int, _Ints]:
    """Return the number of strongly connected components of *graph* and each node's label.

    *graph* is a square sparse matrix whose non-zero entries are the edges.
    """
    count, labels = connected_components(graph, directed=True, connection="strong")
    return int(count), np.asarray(labels, dtype=np.int64)


def strong_components(count: int, holders: _Ints, helds: _Ints) -> tuple[int, _Ints]:
    """Return the components of the graph on nodes ``0..count-1`` with edges *holders* → *helds*."""
    graph = sp.csr_matrix((np.ones(len(holders)), (holders, helds)), shape=(count, count))
    return components_of(graph)


def holders_first(count: int, holders: _Ints, helds: _Ints) -> _Ints:
    """Rank *count* components so that what holds nothing ranks 0 and a holder ranks above.

    *holders* and *helds* are the component labels of the edges between different
    components.  Kahn's algorithm, iteratively; descending rank puts holders first.
    """
    outdegree = np.bincount(holders, minlength=count)
    holders_of: list[list[int]] = [[] for _ in range(count)]
    for k, j in zip(holders.tolist(), helds.tolist(), strict=True):
        holders_of[j].append(k)
    left = outdegree.tolist()
    ready = deque(c for c in range(count) if left[c] == 0)
    rank = np.empty(count, dtype=np.int64)
    nxt = 0
    while ready:
        c = ready.popleft()
        rank[c] = nxt
        nxt += 1
        for k in holders_of[c]:
            left[k] -= 1
            if left[k] == 0:
                ready.append(k)
    return rank


def _labels_of_stakes(stakes: Sequence[Stake]) -> tuple[dict[str, int], _Ints, _Ints, _Ints]:
    """Give each node of *stakes* a number; return them, each stake's ends and the labels."""
    number: dict[str, int] = {}
    for s in stakes:
        number.setdefault(s.holder, len(number))
        number.setdefault(s.entity, len(number))
    holders = np.fromiter((number[s.holder] for s in stakes), dtype=np.int64, count=len(stakes))
    helds = np.fromiter((number[s.entity] for s in stakes), dtype=np.int64, count=len(stakes))
    _, labels = strong_components(len(number), holders, helds)
    return number, holders, helds, labels


def stakes_on_cycles(stakes: Sequence[Stake]) -> set[int]:
    """Return the positions in *stakes* of the stakes that lie on a circular holding.

    Examples
    --------
    >>> import orgmodel as om
    >>> s = om.Share.exact(0.5)
    >>> sorted(
    ...     stakes_on_cycles([om.Stake("a", "b", s), om.Stake("b", "a", s), om.Stake("p", "a", s)])
    ... )
    [0, 1]
    """
    if not stakes:
        return set()
    _, holders, helds, labels = _labels_of_stakes(stakes)
    return set(np.flatnonzero(labels[holders] == labels[helds]).tolist())


def find_ownership_cycles(org: Organization) -> tuple[tuple[str, ...], ...]:
    """Return the strongly connected groups of two or more entities in *org*'s stakes.

    Every recorded stake between entities counts, whatever its size.  Members are in
    the order of ``org.entities``, groups in the order of their first member.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="x",
    ...     entities=[om.Entity(i, i.upper()) for i in "abcd"],
    ...     stakes=[
    ...         om.Stake("a", "b", om.Share.exact(0.1)),
    ...         om.Stake("b", "a", om.Share.exact(0.4)),
    ...         om.Stake("c", "d", om.Share.exact(0.5)),
    ...     ],
    ... )
    >>> find_ownership_cycles(org)
    (('a', 'b'),)
    """
    entities = {e.id for e in org.entities}
    between = [s for s in org.stakes if s.holder in entities]
    if not between:
        return ()
    number, _, _, labels = _labels_of_stakes(between)
    sizes = np.bincount(labels)
    groups: dict[int, list[str]] = {}
    for entity in org.entities:
        k = number.get(entity.id)
        if k is not None and sizes[labels[k]] > 1:
            groups.setdefault(int(labels[k]), []).append(entity.id)
    return tuple(tuple(members) for members in groups.values())


def ownership_cycles(org: Organization) -> tuple[tuple[str, ...], ...]:
    """Return the circular holdings of *org*: groups of entities holding each other.

    Each group is a strongly connected component of the stakes between entities
    (two or more entities, each holding every other one directly or through the
    rest), not an elementary cycle: a group can contain exponentially many cycles,
    but it is listed once.  Members are in the order of ``org.entities``, groups in
    the order of their first member.  Found iteratively in linear time.

    Parameters
    ----------
    org : Organization
        The organisation.

    Returns
    -------
    tuple of tuple of str
        The entity ids of each group.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="x",
    ...     entities=[om.Entity("a", "A"), om.Entity("b", "B"), om.Entity("c", "C")],
    ...     stakes=[
    ...         om.Stake("a", "b", om.Share.exact(0.1)),
    ...         om.Stake("b", "a", om.Share.exact(0.4)),
    ...         om.Stake("b", "c", om.Share.exact(1.0)),
    ...     ],
    ... )
    >>> om.ownership_cycles(org)
    (('a', 'b'),)
    """
    organization_argument(org, "ownership_cycles")
    return find_ownership_cycles(org)
