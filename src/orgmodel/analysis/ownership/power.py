"""Voting power of the direct holders of an entity: Banzhaf and Shapley–Shubik indices.

The holders of an entity play a weighted voting game: a coalition wins when its
votes are **strictly more** than ``quota`` of the votes that count.  A holder's
power is how often their votes turn a losing coalition into a winning one — over
all coalitions (Banzhaf) or over all orders in which holders could join
(Shapley–Shubik).  Votes are :attr:`~orgmodel.model.Stake.voting`, falling back to
:attr:`~orgmodel.model.Stake.share`; a ranged vote plays with its midpoint.

Unallocated votes
    Votes not held by anyone in the model are, by default, **absent**
    (:attr:`Unallocated.ABSENT`): the quota is a fraction of the votes the recorded
    holders have, as at a meeting where only they vote.  With
    :attr:`Unallocated.FLOAT` the remainder is a dispersed public float that counts in
    the total but never joins a coalition, so the recorded holders need more than
    ``quota`` of all votes; if they cannot reach it, every index is 0.

How the indices are computed
    ``method=PowerMethod.AUTO`` picks the first of:

    1. **exact, integer weights** — when every vote is a fraction with a denominator
       of at most a million (any percentage with up to four decimals, thirds, ...;
       the quota likewise, so ``quota=2/3`` means two thirds), votes are scaled to
       integers, divided by their greatest common divisor, and coalitions are
       counted by size and vote total (dynamic programming, exact 64-bit integers up
       to 60 holders; see :mod:`orgmodel.analysis._power_exact`): ``n² · T`` steps,
       ``T`` the scaled total (``n³ · T`` for Shapley–Shubik above 60 holders).  It is
       used while that stays under ``10⁸`` steps and ``10⁷`` table cells: 60 holders
       with votes in hundredths of a per cent, or 100 with whole per cents.
    2. **exact, enumeration** — up to 20 holders with any votes: all ``2ⁿ`` coalition
       totals are listed; totals within ``1e-9`` of the quota count as equal to it.
    3. **Monte Carlo** — otherwise: ``samples`` random coalitions (Banzhaf) or random
       orders (Shapley–Shubik) from a generator seeded with ``seed``, so the result is
       reproducible.  Each raw index has a standard error of at most
       ``0.5 / sqrt(samples)`` (0.0011 for the default 200,000 samples).
"""

from __future__ import annotations

import enum
import math
from fractions import Fraction
from functools import reduce

import numpy as np
import numpy.typing as npt

from orgmodel.analysis.ownership.power_exact import (
    grid_banzhaf,
    grid_cost,
    grid_shapley,
    order_weights,
)
from orgmodel.analysis.ownership.votes import votes_by_entity
from orgmodel.model import Organization
from orgmodel.model._arguments import organization_argument
from orgmodel.model.exceptions import OrgModelError, ShareError
from orgmodel.model.options import read_option

__all__ = ["PowerMethod", "Unallocated", "banzhaf", "shapley_shubik"]

_GRID = 1_000_000  # votes on a grid of one part in a million are exact
_STEP_BUDGET = 100_000_000
_CELL_BUDGET = 10_000_000  # 80 MB of 64-bit counts
_ENUMERATION_LIMIT = 20
_TOLERANCE = 1e-9
_ULPS = 2  # a fraction within two units in the last place is the value itself
_BATCH_CELLS = 1 << 21

_Floats = npt.NDArray[np.float64]


class PowerMethod(enum.Enum):
    """How voting power is computed (see the module notes)."""

    AUTO = "auto"
    EXACT = "exact"
    MONTE_CARLO = "monte-carlo"


class Unallocated(enum.Enum):
    """What the votes nobody in the model holds do in a vote."""

    ABSENT = "absent"
    FLOAT = "float"


class _Game:
    """A weighted majority game: holders, weights and the threshold to exceed."""

    def __init__(
        self, org: Organization, entity: str, quota: float, unallocated: Unallocated | str
    ) -> None:
        org.entity(entity)
        if isinstance(quota, bool) or not isinstance(quota, int | float):
            msg = f"'quota' must be a number (got {quota!r})"
            raise ShareError(msg)
        if not (math.isfinite(quota) and 0.0 <= quota < 1.0):
            msg = f"'quota' must be a fraction in [0, 1) (got {quota!r})"
            raise ShareError(msg)
        unallocated = read_option(unallocated, Unallocated, "unallocated")
        votes = votes_by_entity(org).get(entity, {})
        self.holders = list(votes)
        self.weights = np.array([(lo + hi) / 2.0 for lo, hi in votes.values()], dtype=float)
        self.quota = _as_fraction(float(quota)) or Fraction(quota)
        total = float(self.weights.sum())
        self.base = total if unallocated is Unallocated.ABSENT else max(1.0, total)
        self.threshold = float(self.quota) * self.base
        self.unallocated = unallocated

    @property
    def size(self) -> int:
        return len(self.holders)

    def integer_form(self, *, shapley: bool) -> tuple[list[int], int] | None:
        """Integer weights and the integer total to exceed, if the votes lie on the grid.

        Returns ``None`` when they do not, or when counting would take more steps or
        table cells than the budgets allow.
        """
        fractions = []
        for w in self.weights:
            f = _as_fraction(float(w))
            if f is None:
                return None
            fractions.append(f)
        base = sum(fractions, Fraction(0))
        if self.unallocated is Unallocated.FLOAT:
            base = max(Fraction(1), base)
        denominator = reduce(math.lcm, (f.denominator for f in fractions), 1)
        scaled = [int(f * denominator) for f in fractions]
        divisor = reduce(math.gcd, scaled, 0) or 1
        ints = [s // divisor for s in scaled]
        total = sum(ints)
        steps, cells = grid_cost(self.size, total, shapley=shapley)
        if steps > _STEP_BUDGET or cells > _CELL_BUDGET:
            return None
        limit = math.floor(self.quota * base * denominator / divisor)
        return ints, limit


def _as_fraction(value: float) -> Fraction | None:
    """*value* as a fraction with a denominator up to a million, if it is one."""
    f = Fraction(value).limit_denominator(_GRID)
    return f if abs(float(f) - value) <= _ULPS * math.ulp(value) else None


def _check_method(method: PowerMethod | str, samples: int) -> PowerMethod:
    chosen = read_option(method, PowerMethod, "method")
    if isinstance(samples, bool) or not isinstance(samples, int) or samples < 1:
        msg = f"'samples' must be a positive integer (got {samples!r})"
        raise OrgModelError(msg)
    return chosen


def _infeasible(game: _Game) -> OrgModelError:
    msg = (
        f"exact voting power of {game.size} holders is out of reach: their votes are not "
        f"fractions over {_GRID:,} or less with a total small enough to count, and there are more "
        f"than {_ENUMERATION_LIMIT}; use method=PowerMethod.MONTE_CARLO or AUTO"
    )
    return OrgModelError(msg)


# -- Banzhaf -------------------------------------------------------------------


def banzhaf(
    org: Organization,
    entity: str,
    *,
    quota: float = 0.5,
    normalized: bool = True,
    unallocated: Unallocated | str = Unallocated.ABSENT,
    method: PowerMethod | str = PowerMethod.AUTO,
    samples: int = 200_000,
    seed: int = 0,
) -> dict[str, float]:
    """Return the Banzhaf power of each direct holder of *entity*.

    A holder *swings* a coalition of the others when the coalition loses without them
    and wins with them.  The raw index is the share of the ``2ⁿ⁻¹`` coalitions a
    holder swings; the normalised index divides the swings by everyone's swings, so
    the indices sum to 1 (or are all 0 when nobody can ever win).

    Parameters
    ----------
    org : Organization
        The organisation.
    entity : str
        The id of the entity whose holders vote.
    quota : float
        A coalition wins with strictly more than this fraction of the votes.
    normalized : bool
        Normalise so the indices sum to 1 (default) or return raw swing rates.
    unallocated : Unallocated or str
        What votes held by nobody in the model do (default: absent).
    method : PowerMethod or str
        Exact, Monte Carlo, or the first that applies (default; see the module notes).
    samples, seed : int
        Monte Carlo sample size and seed.

    Returns
    -------
    dict
        ``{holder id: index}`` for every direct holder, in the order of the stakes.

    Raises
    ------
    UnknownReferenceError
        When *entity* is not an entity of *org*.
    ShareError
        When *quota* is not a fraction in [0, 1).
    OptionError
        When *method* or *unallocated* is not one of the allowed values.
    OrgModelError
        When ``method=PowerMethod.EXACT`` is out of reach, or *samples* is invalid.

    Notes
    -----
    Votes not held by anyone in the model are absent by default: the quota is a
    fraction of the recorded holders' votes (``unallocated=Unallocated.FLOAT`` makes
    them a dispersed float that counts in the total but never joins a coalition).
    A ranged vote plays with its midpoint.  ``PowerMethod.AUTO`` counts exactly when
    the votes are fractions over at most a million and the scaled total ``T`` keeps
    the ``n² · T`` counting under 10⁸ steps (60 holders in hundredths of a per cent,
    100 in whole per cents), lists all coalitions for up to 20 holders otherwise, and
    beyond that samples: *samples* random coalitions from a generator seeded with
    *seed*, reproducible, with a standard error of at most ``0.5 / sqrt(samples)``
    per raw index (0.0011 by default).

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="x",
    ...     people=[om.Person(p, p.title()) for p in ("ann", "bob", "cy")],
    ...     entities=[om.Entity("co", "Co")],
    ...     stakes=[
    ...         om.Stake("ann", "co", om.Share.parse("50%")),
    ...         om.Stake("bob", "co", om.Share.parse("49%")),
    ...         om.Stake("cy", "co", om.Share.parse("1%")),
    ...     ],
    ... )
    >>> {k: round(v, 4) for k, v in om.banzhaf(org, "co").items()}
    {'ann': 0.6, 'bob': 0.2, 'cy': 0.2}
    """
    organization_argument(org, "banzhaf")
    method = _check_method(method, samples)
    game = _Game(org, entity, quota, unallocated)
    n = game.size
    if n == 0:
        return {}
    swings = _banzhaf_swings(game, method, samples, seed)
    if normalized:
        total = float(swings.sum())
        values = swings / total if total > 0 else np.zeros(n)
    else:
        values = swings
    return {h: float(v) for h, v in zip(game.holders, values, strict=True)}


def _banzhaf_swings(game: _Game, method: PowerMethod, samples: int, seed: int) -> _Floats:
    """Raw Banzhaf indices (swing rates over ``2ⁿ⁻¹`` coalitions)."""
    n = game.size
    if method is not PowerMethod.MONTE_CARLO:
        integer = game.integer_form(shapley=False)
        if integer is not None:
            return grid_banzhaf(*integer) / 2.0 ** (n - 1)
        if n <= _ENUMERATION_LIMIT:
            totals, _ = _enumerate(game.weights)
            return _banzhaf_enumerated(game, totals) / 2.0 ** (n - 1)
        if method is PowerMethod.EXACT:
            raise _infeasible(game)
    return _banzhaf_sampled(game, samples, seed)


def _enumerate(weights: _Floats) -> tuple[_Floats, npt.NDArray[np.int64]]:
    """Totals and sizes of all ``2ⁿ`` coalitions; bit *i* of the index is player *i*."""
    totals = np.zeros(1)
    sizes = np.zeros(1, dtype=np.int64)
    for w in weights:
        totals = np.concatenate([totals, totals + w])
        sizes = np.concatenate([sizes, sizes + 1])
    return totals, sizes


def _pivotal(game: _Game, totals: _Floats, i: int) -> tuple[npt.NDArray[np.bool_], _Floats]:
    """Mask over coalitions without *i* that *i* swings, and those coalitions' totals."""
    index = np.arange(totals.size)
    without = ((index >> i) & 1) == 0
    rest = totals[without]
    line = game.threshold + _TOLERANCE
    return (rest <= line) & (rest + game.weights[i] > line), without


def _banzhaf_enumerated(game: _Game, totals: _Floats) -> _Floats:
    return np.array([float(_pivotal(game, totals, i)[0].sum()) for i in range(game.size)])


def _batches(samples: int, n: int) -> list[int]:
    batch = max(1, _BATCH_CELLS // max(1, n))
    return [min(batch, samples - start) for start in range(0, samples, batch)]


def _banzhaf_sampled(game: _Game, samples: int, seed: int) -> _Floats:
    rng = np.random.default_rng(seed)
    w = game.weights
    line = game.threshold + _TOLERANCE
    counts = np.zeros(game.size)
    for size in _batches(samples, game.size):
        members = rng.random((size, game.size)) < 0.5  # noqa: PLR2004 - a fair coin
        totals = members.astype(float) @ w
        rest = totals[:, None] - members * w
        counts += ((rest <= line) & (rest + w > line)).sum(axis=0)
    return counts / samples


# -- Shapley–Shubik ------------------------------------------------------------


def shapley_shubik(
    org: Organization,
    entity: str,
    *,
    quota: float = 0.5,
    unallocated: Unallocated | str = Unallocated.ABSENT,
    method: PowerMethod | str = PowerMethod.AUTO,
    samples: int = 200_000,
    seed: int = 0,
) -> dict[str, float]:
    """Return the Shapley–Shubik power of each direct holder of *entity*.

    Holders join in every possible order; a holder's index is the share of orders in
    which their votes first take the coalition past the quota.  The indices sum to 1
    whenever the holders together can win, and are all 0 otherwise.

    Parameters
    ----------
    org : Organization
        The organisation.
    entity : str
        The id of the entity whose holders vote.
    quota : float
        A coalition wins with strictly more than this fraction of the votes.
    unallocated : Unallocated or str
        What votes held by nobody in the model do (default: absent).
    method : PowerMethod or str
        Exact, Monte Carlo, or the first that applies (default; see the module notes).
    samples, seed : int
        Monte Carlo sample size and seed.

    Returns
    -------
    dict
        ``{holder id: index}`` for every direct holder, in the order of the stakes.

    Raises
    ------
    UnknownReferenceError
        When *entity* is not an entity of *org*.
    ShareError
        When *quota* is not a fraction in [0, 1).
    OptionError
        When *method* or *unallocated* is not one of the allowed values.
    OrgModelError
        When ``method=PowerMethod.EXACT`` is out of reach, or *samples* is invalid.

    Notes
    -----
    Votes not held by anyone in the model are absent by default: the quota is a
    fraction of the recorded holders' votes (``unallocated=Unallocated.FLOAT`` makes
    them a dispersed float that counts in the total but never joins a coalition).
    A ranged vote plays with its midpoint.  ``PowerMethod.AUTO`` counts exactly when
    the votes are fractions over at most a million and the scaled total ``T`` keeps
    the ``n² · T`` counting under 10⁸ steps (60 holders in hundredths of a per cent,
    100 in whole per cents), lists all coalitions for up to 20 holders otherwise, and
    beyond that samples: *samples* random orders from a generator seeded with
    *seed*, reproducible, with a standard error of at most ``0.5 / sqrt(samples)``
    per raw index (0.0011 by default).

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="x",
    ...     people=[om.Person(p, p.title()) for p in ("ann", "bob", "cy")],
    ...     entities=[om.Entity("co", "Co")],
    ...     stakes=[
    ...         om.Stake("ann", "co", om.Share.parse("50%")),
    ...         om.Stake("bob", "co", om.Share.parse("49%")),
    ...         om.Stake("cy", "co", om.Share.parse("1%")),
    ...     ],
    ... )
    >>> {k: round(v, 4) for k, v in om.shapley_shubik(org, "co").items()}
    {'ann': 0.6667, 'bob': 0.1667, 'cy': 0.1667}
    """
    organization_argument(org, "shapley_shubik")
    method = _check_method(method, samples)
    game = _Game(org, entity, quota, unallocated)
    if game.size == 0:
        return {}
    values = _shapley_values(game, method, samples, seed)
    return {h: float(v) for h, v in zip(game.holders, values, strict=True)}


def _shapley_values(game: _Game, method: PowerMethod, samples: int, seed: int) -> _Floats:
    n = game.size
    if method is not PowerMethod.MONTE_CARLO:
        integer = game.integer_form(shapley=True)
        if integer is not None:
            return grid_shapley(*integer)
        if n <= _ENUMERATION_LIMIT:
            return _shapley_enumerated(game)
        if method is PowerMethod.EXACT:
            raise _infeasible(game)
    return _shapley_sampled(game, samples, seed)


def _shapley_enumerated(game: _Game) -> _Floats:
    totals, sizes = _enumerate(game.weights)
    factor = order_weights(game.size)
    out = np.zeros(game.size)
    for i in range(game.size):
        pivot, without = _pivotal(game, totals, i)
        out[i] = float(factor[sizes[without][pivot]].sum())
    return out


def _shapley_sampled(game: _Game, samples: int, seed: int) -> _Floats:
    rng = np.random.default_rng(seed)
    n = game.size
    line = game.threshold + _TOLERANCE
    counts = np.zeros(n)
    for size in _batches(samples, n):
        orders = rng.permuted(np.tile(np.arange(n), (size, 1)), axis=1)
        running = np.cumsum(game.weights[orders], axis=1)
        past = running > line
        wins = past[:, -1]
        first = np.argmax(past, axis=1)
        pivots = orders[np.arange(size), first][wins]
        counts += np.bincount(pivots, minlength=n)
    return counts / samples
