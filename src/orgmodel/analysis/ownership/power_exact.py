"""Exact counting for the power indices: dynamic programming over integer vote totals.

``counts[k, s]`` is the number of coalitions of *k* players whose votes total *s*.
Built once for all players (``n · T`` cells, ``n² · T`` steps), the table for "every
player but *i*" follows from it by peeling player *i* off size by size::

    without_i[k] = counts[k] - shift(without_i[k - 1], w_i)

which is exact in 64-bit integers while the counts fit (up to
:data:`INTEGER_LIMIT` players).  A player swings every coalition of the others whose
total lies in ``(limit - w_i, limit]``; Banzhaf counts them, Shapley–Shubik weighs a
coalition of *k* others by ``k! (n - k - 1)! / n!``.  Beyond that many players the
table for each player is built afresh in floating point (no subtraction, so no
cancellation): ``n² · T`` steps for Banzhaf and ``n³ · T`` for Shapley–Shubik.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import numpy as np
import numpy.typing as npt

__all__ = ["INTEGER_LIMIT", "grid_banzhaf", "grid_cost", "grid_shapley", "order_weights"]

#: Up to this many players the counts fit in 64-bit integers (C(60, 30) < 2⁶³).
INTEGER_LIMIT = 60

_Floats = npt.NDArray[np.float64]
_Ints = npt.NDArray[np.int64]


def grid_cost(n: int, total: int, *, shapley: bool) -> tuple[int, int]:
    """Return the array steps and the table cells the counting takes (*n* players, *total*)."""
    cells = (n + 1) * (total + 1)
    if n <= INTEGER_LIMIT:
        return n * n * (total + 1), 2 * cells
    return n ** (3 if shapley else 2) * (total + 1), cells


def order_weights(n: int) -> _Floats:
    """Return ``k! (n-k-1)! / n!``: the chance that given *k* others come before a player."""
    return np.array([1.0 / (n * math.comb(n - 1, k)) for k in range(n)])


def _window(limit: int, weight: int, total: int) -> tuple[int, int] | None:
    low, high = max(0, limit - weight + 1), min(limit, total)
    return (low, high) if limit >= 0 and low <= high else None


def _peeled(weights: list[int]) -> Iterator[_Ints]:
    """Yield for each player ``counts[k, s]`` over the others (exact, in int64)."""
    n, total = len(weights), sum(weights)
    counts = np.zeros((n + 1, total + 1), dtype=np.int64)
    counts[0, 0] = 1
    for m, w in enumerate(weights):
        if w:
            counts[1 : m + 2, w:] = counts[1 : m + 2, w:] + counts[: m + 1, :-w]
        else:
            counts[1 : m + 2, :] = counts[1 : m + 2, :] + counts[: m + 1, :]
    without = np.zeros((n, total + 1), dtype=np.int64)
    for w in weights:
        without[0] = counts[0]
        for k in range(1, n):
            without[k] = counts[k]
            if w:
                without[k, w:] -= without[k - 1, :-w]
            else:
                without[k] -= without[k - 1]
        yield without


def _fresh(weights: list[int], i: int) -> _Floats:
    """``counts[k, s]`` over every player but *i*, built directly in floating point."""
    n, total = len(weights), sum(weights)
    counts = np.zeros((n, total + 1))
    counts[0, 0] = 1.0
    for j, w in enumerate(weights):
        if j == i:
            continue
        if w:
            counts[1:, w:] = counts[1:, w:] + counts[:-1, :-w]
        else:
            counts[1:, :] = counts[1:, :] + counts[:-1, :]
    return counts


def _fresh_totals(weights: list[int], i: int) -> _Floats:
    """Coalitions of every player but *i* by total only, in floating point."""
    counts = np.zeros(sum(weights) + 1)
    counts[0] = 1.0
    for j, w in enumerate(weights):
        if j != i and w:
            counts[w:] = counts[w:] + counts[:-w]
    return counts


def _per_size(weights: list[int], limit: int) -> list[_Floats | None]:
    """For each player, the swung coalitions of the others counted by their size."""
    total = sum(weights)
    exact = len(weights) <= INTEGER_LIMIT
    tables = _peeled(weights) if exact else None
    out: list[_Floats | None] = []
    for i, w in enumerate(weights):
        peeled = next(tables) if tables is not None else None
        window = _window(limit, w, total)
        if window is None:
            out.append(None)
            continue
        table: _Ints | _Floats = peeled if peeled is not None else _fresh(weights, i)
        low, high = window
        out.append(table[:, low : high + 1].sum(axis=1).astype(float))
    return out


def grid_banzhaf(weights: list[int], limit: int) -> _Floats:
    """Return each player's swings: coalitions of the others totalling ``(limit - w, limit]``.

    Examples
    --------
    >>> grid_banzhaf([50, 49, 1], 50).tolist()
    [3.0, 1.0, 1.0]
    """
    if len(weights) <= INTEGER_LIMIT:
        return np.array([0.0 if c is None else float(c.sum()) for c in _per_size(weights, limit)])
    total = sum(weights)
    out = np.zeros(len(weights))
    for i, w in enumerate(weights):
        window = _window(limit, w, total)
        if window is not None:
            out[i] = _fresh_totals(weights, i)[window[0] : window[1] + 1].sum()
    return out


def grid_shapley(weights: list[int], limit: int) -> _Floats:
    """Return each player's Shapley–Shubik index.

    Examples
    --------
    >>> [round(v, 4) for v in grid_shapley([50, 49, 1], 50).tolist()]
    [0.6667, 0.1667, 0.1667]
    """
    factor = order_weights(len(weights))
    return np.array([0.0 if c is None else float(c @ factor) for c in _per_size(weights, limit)])
