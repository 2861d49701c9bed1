"""Integrated (look-through) ownership by sparse linear algebra.

Notation: ``A[k, j]`` is the share of entity ``j`` held by entity ``k`` and
``H[h, j]`` the share of entity ``j`` held by any holder ``h`` (person or entity).
For a target ``t`` the vector ``y`` solving ``y = e_t + A y`` holds in ``y[k]`` the
sum, over every chain from entity ``k`` down to ``t``, of the product of the shares
along it: column ``t`` of ``(I - A)^{-1}``.  A holder ``h`` then holds
``sum_k H[h, k] y[k]`` of ``t``, which is entry ``(h, t)`` of the integrated ownership
``(I - W)^{-1} W`` of Brioschi et al. (1989) and Vitali, Glattfelder and Battiston
(2011).  People and entities with no recorded owners are the ultimate holders.

How it stays linear:

1. Only the ancestors of the targets matter: :func:`compile_network` reads only the
   stakes above the targets (one pass over the records, then an iterative climb),
   and a breadth-first search upwards (scipy's, in C) splits them between blocks of
   targets.
2. Their strongly connected components (circular holdings) are found in C too;
   ordered so that an entity comes after everything it holds, ``I - A`` is block
   lower-triangular with one small block per circular holding.
3. A sparse LU factorisation in that order (no reordering, diagonal pivots) has no
   fill-in outside those blocks, so factorising and solving cost about the number of
   stakes.  ``I - A`` is an M-matrix here, so diagonal pivots are stable and the
   solution has no cancellation: every entry is a sum of non-negative terms.
4. Before factorising, each circular holding is checked: when every entity in it is
   wholly held inside it the system is singular (:class:`SingularOwnershipError`
   naming the cycle); upper bounds of ranges may exceed that, and then the chains
   through it diverge and the bounds become 100%.

Targets are solved in blocks so the dense right-hand side stays under
:data:`RHS_BUDGET` numbers.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from scipy.sparse.csgraph import breadth_first_order
from scipy.sparse.linalg import splu

from orgmodel.analysis.ownership.cycles import components_of, holders_first
from orgmodel.analysis.ownership.network import Network
from orgmodel.model.exceptions import SingularOwnershipError

__all__ = ["RHS_BUDGET", "find_cycle", "integrated"]

#: At most this many numbers in one dense right-hand side (64 MB of floats).
RHS_BUDGET = 8_000_000

_EPSILON = 1e-9  # the tolerance the model uses for shares adding up to 100%
_DENSE_LIMIT = 1_000  # circular holdings up to this size are tested with dense algebra

_Ints = npt.NDArray[np.int64]
_Floats = npt.NDArray[np.float64]
_Bools = npt.NDArray[np.bool_]


def integrated(net: Network, targets: Sequence[int]) -> list[dict[int, tuple[float, float]]]:
    """Return, per target, ``{ultimate holder index: (lower, upper)}`` with positive upper.

    The bounds are clamped to [0, 1]; exact networks give ``lower == upper``.

    Raises
    ------
    SingularOwnershipError
        When a group of entities among the targets' ancestors owns itself wholly.

    Examples
    --------
    >>> import orgmodel as om
    >>> from orgmodel.analysis.ownership.network import compile_network
    >>> org = om.Organization(
    ...     name="x",
    ...     people=[om.Person("ann", "Ann")],
    ...     entities=[om.Entity("acme", "Acme"), om.Entity("hold", "Holdco")],
    ...     stakes=[
    ...         om.Stake("ann", "hold", om.Share.exact(0.6)),
    ...         om.Stake("hold", "acme", om.Share.exact(0.5)),
    ...     ],
    ... )
    >>> net = compile_network(org, om.Measure.SHARE)
    >>> integrated(net, [net.index["acme"]])
    [{2: (0.3, 0.3)}]
    """
    wanted = np.asarray(targets, dtype=np.int64)
    out: list[dict[int, tuple[float, float]]] = [{} for _ in range(len(wanted))]
    if len(wanted) == 0:
        return out
    reach = _ancestors(net, wanted)
    size = max(1, RHS_BUDGET // len(reach))
    ultimate = net.ultimate()
    for start in range(0, len(wanted), size):
        chunk = wanted[start : start + size]
        nodes = reach if len(chunk) == len(wanted) else _ancestors(net, chunk)
        upper = _solve_chunk(net, nodes, chunk, upper=True, strict=net.exact)
        lower = upper if net.exact else _solve_chunk(net, nodes, chunk, upper=False, strict=True)
        for i in range(len(chunk)):
            out[start + i] = _row(upper, lower, i, ultimate, int(chunk[i]))
    return out


def _row(
    upper: sp.csr_matrix, lower: sp.csr_matrix, i: int, ultimate: _Bools, target: int
) -> dict[int, tuple[float, float]]:
    begin, end = upper.indptr[i], upper.indptr[i + 1]
    cols = upper.indices[begin:end]
    highs = upper.data[begin:end]
    keep = ultimate[cols] & (highs > 0.0) & (cols != target)
    cols, highs = cols[keep], np.minimum(highs[keep], 1.0)
    if lower is upper:
        lows = highs
    else:
        lows = np.minimum(np.asarray(lower[i, cols].todense()).ravel(), highs)
        lows = np.clip(lows, 0.0, 1.0)
    return {
        int(c): (float(lo), float(hi))
        for c, lo, hi in zip(cols.tolist(), lows.tolist(), highs.tolist(), strict=True)
    }


def _ancestors(net: Network, targets: _Ints) -> _Ints:
    """Return the targets and every entity that holds one of them, directly or not."""
    g = net.graph_up
    n = net.n_entities
    indptr = np.append(g.indptr, g.indptr[-1] + len(targets))
    indices = np.concatenate([g.indices, targets])
    ext = sp.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(n + 1, n + 1))
    order = breadth_first_order(ext, n, directed=True, return_predecessors=False)
    return np.asarray(order[1:], dtype=np.int64)


def _solve_chunk(
    net: Network, nodes: _Ints, chunk: _Ints, *, upper: bool, strict: bool
) -> sp.csr_matrix:
    """Return the ``len(chunk) x n_nodes`` look-through of *chunk* (upper or lower bounds)."""
    m = len(nodes)
    local = {int(k): i for i, k in enumerate(nodes.tolist())} if m < net.n_entities // 8 else None
    up = (net.up_upper if upper else net.up_lower)[nodes]  # m x n_nodes
    a = up[:, nodes].T.tocsr()  # m x m, holder rows, held columns
    order = _block_order(net.up_upper[nodes][:, nodes].T.tocsr())
    rhs = np.zeros((m, len(chunk)))
    if local is not None:
        where = np.fromiter((local[int(t)] for t in chunk), dtype=np.int64, count=len(chunk))
    else:
        lookup = np.full(net.n_entities, -1, dtype=np.int64)
        lookup[nodes] = np.arange(m)
        where = lookup[chunk]
    rhs[where, np.arange(len(chunk))] = 1.0
    y = _solve(a, order, rhs, strict=strict, net=net, nodes=nodes)
    return sp.csr_matrix(y.T) @ up


def _block_order(struct: sp.csr_matrix) -> _Ints:
    """Return an order in which each entity comes after everything it holds (cycles as blocks)."""
    count, labels = components_of(struct)
    coo = struct.tocoo()
    lr, lc = labels[coo.row], labels[coo.col]
    cross = lr != lc
    if not np.all(lr[cross] > lc[cross]):  # scipy's labels are normally in this order
        labels = holders_first(count, lr[cross], lc[cross])[labels]
    return np.argsort(labels, kind="stable").astype(np.int64)


def _solve(
    a: sp.csr_matrix,
    order: _Ints,
    rhs: _Floats,
    *,
    strict: bool,
    net: Network,
    nodes: _Ints,
) -> _Floats:
    """Solve ``(I - a) y = rhs`` in block order; see the module docstring.

    A block that owns itself wholly is an error when *strict* (exact figures and
    lower bounds); otherwise (upper bounds) the chains through it diverge.
    """
    m = a.shape[0]
    closed, scaled = _closed_blocks(a)
    divergent: _Ints = np.zeros(0, dtype=np.int64)
    if closed is not None:
        if strict:
            names = [net.ids[int(nodes[i])] for i in find_cycle(a, closed[0])]
            first = names.index(min(names))  # start at the smallest id, for a stable message
            names = names[first:] + names[:first]
            msg = (
                "these entities hold each other wholly, so the ownership of any of them "
                "cannot be looked through: " + " → ".join(map(repr, [*names, names[0]]))
            )
            raise SingularOwnershipError(msg, names)
        divergent = np.concatenate(closed)
        a = scaled
    matrix = (sp.identity(m, format="csr") - a)[order][:, order].tocsc()
    with np.errstate(all="ignore"):
        lu = splu(matrix, permc_spec="NATURAL", diag_pivot_thresh=0.0)
        solved = lu.solve(rhs[order])
        if len(divergent):
            position = np.empty(m, dtype=np.int64)
            position[order] = np.arange(m)
            marks = np.zeros_like(rhs)
            marks[position[divergent]] = solved[position[divergent]] > 0.0
            spread = lu.solve(marks)
            solved[spread > 0.0] = np.inf
    y: _Floats = np.empty_like(solved)
    y[order] = solved
    return np.maximum(y, 0.0)


def _closed_blocks(a: sp.csr_matrix) -> tuple[list[_Ints] | None, sp.csr_matrix]:
    """Find circular holdings that own themselves wholly (or more, for upper bounds).

    Returns the members of each such block (or ``None``) and *a* with the holdings
    inside them scaled down to 50% in all, so the rest can still be solved.
    """
    coo = a.tocoo()
    live = coo.data > 0.0
    row, col, data = coo.row[live], coo.col[live], coo.data[live]
    m = a.shape[0]
    count, labels = components_of(sp.csr_matrix((np.ones(len(row)), (row, col)), shape=(m, m)))
    if count == m:
        return None, a
    inside = labels[row] == labels[col]
    colsum = np.bincount(col[inside], weights=data[inside], minlength=m)
    sizes = np.bincount(labels, minlength=count)
    low = np.full(count, np.inf)
    np.minimum.at(low, labels, colsum)
    high = np.zeros(count)
    np.maximum.at(high, labels, colsum)
    nontrivial = sizes > 1
    closed = nontrivial & (low >= 1.0 - _EPSILON)
    unclear = np.flatnonzero(nontrivial & ~closed & (high > 1.0 + _EPSILON))
    grouped = np.argsort(labels, kind="stable")
    starts = np.concatenate([[0], np.cumsum(sizes)])
    for c in unclear.tolist():
        members = grouped[starts[c] : starts[c + 1]]
        if not _converges(a[members][:, members]):
            closed[c] = True
    if not closed.any():
        return None, a
    blocks = [grouped[starts[c] : starts[c + 1]] for c in np.flatnonzero(closed).tolist()]
    factor = np.ones(len(data))
    hit = inside & closed[labels[row]]
    factor[hit] = 0.5 / np.maximum(high[labels[row[hit]]], 1.0)
    return blocks, sp.csr_matrix((data * factor, (row, col)), shape=(m, m))


def _converges(block: sp.csr_matrix) -> bool:
    """Whether the walks in an irreducible block sum up (spectral radius below 1).

    ``I - B`` is then a non-singular M-matrix, so ``(I - B) z = 1`` has a positive
    solution; otherwise it has none.
    """
    size = block.shape[0]
    ones = np.ones(size)
    with np.errstate(all="ignore"):
        try:
            if size <= _DENSE_LIMIT:
                z = np.linalg.solve(np.eye(size) - block.toarray(), ones)
            else:
                matrix = (sp.identity(size, format="csc") - block).tocsc()
                z = splu(matrix).solve(ones)
        except (np.linalg.LinAlgError, RuntimeError):
            return False
    return bool(np.all(np.isfinite(z)) and np.all(z > 0.0))


def find_cycle(a: sp.csr_matrix, members: _Ints) -> list[int]:
    """Return one elementary cycle (node indices, in holding order) inside *members*.

    *a* has holder rows and held columns; *members* is a strongly connected set.
    The search is a breadth-first search, so the cycle is a shortest one through
    the first member.
    """
    inside = set(members.tolist())
    start = int(members[0])
    parent: dict[int, int] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        span = slice(a.indptr[node], a.indptr[node + 1])
        for nxt, value in zip(a.indices[span].tolist(), a.data[span].tolist(), strict=True):
            if value <= 0.0:
                continue
            if nxt == start:
                cycle = [node]
                while cycle[-1] != start:
                    cycle.append(parent[cycle[-1]])
                cycle.reverse()
                return cycle
            if nxt in inside and nxt not in parent:
                parent[nxt] = node
                queue.append(nxt)
    return [start]  # pragma: no cover - members are strongly connected
