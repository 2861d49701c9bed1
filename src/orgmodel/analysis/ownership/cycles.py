"""Circular holdings: groups of entities that hold each other, directly or not."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from orgmodel.model import Organization
from orgmodel.model._arguments import organization_argument

__all__ = ["find_ownership_cycles"]


def find_ownership_cycles(org: Organization) -> tuple[tuple[str, ...], ...]:
    """Return the strongly connected groups of two or more entities in *org*'s stakes.

    Every recorded stake between entities counts, whatever its size.  Members are in
    the order of ``org.entities``, groups in the order of their first member.  The
    components are found by scipy's iterative (non-recursive) algorithm in C.

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
    ids = [e.id for e in org.entities]
    index = {e: i for i, e in enumerate(ids)}
    pairs = [(index[s.holder], index[s.entity]) for s in org.stakes if s.holder in index]
    n = len(ids)
    if not pairs:
        return ()
    rows, cols = (np.array(side, dtype=np.int64) for side in zip(*pairs, strict=True))
    graph = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    _, labels = connected_components(graph, directed=True, connection="strong")
    sizes = np.bincount(labels)
    groups: dict[int, list[str]] = {}
    for i in np.flatnonzero(sizes[labels] > 1).tolist():
        groups.setdefault(int(labels[i]), []).append(ids[i])
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
