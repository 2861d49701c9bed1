"""Open and closed ends of look-through figures: "more than 25%", "less than 75%".

The look-through engines compute bounds as floats; whether each bound is *attained*
is worked out here from the stakes.  A bound of a sum is attained only when every
term attains its own, and a bound of a product only when every factor does, so a
holder's lower (upper) bound is open when some chain that contributes to it runs
through a stake whose lower (upper) bound is open.  Under the majority-chain rule
the holding of the target is attributed whole along majority links, so only the
openness of the holding itself counts, carried up the majority links that the bound
follows (certain links for the lower bound, possible ones for the upper).
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Mapping, Sequence

from orgmodel.analysis.ownership.majority import MAJORITY
from orgmodel.analysis.ownership.rules import Measure, measure_of
from orgmodel.model import Share, Stake

__all__ = ["any_open", "holders_index", "open_ends", "shares_with_ends"]


def any_open(stakes: Iterable[Stake]) -> bool:
    """Whether any figure of *stakes* has an open end.

    Examples
    --------
    >>> any_open([Stake("ann", "acme", Share.parse(">25%"))])
    True
    """
    return any(
        f is not None and (f.lower_open or f.upper_open)
        for s in stakes
        for f in (s.share, s.voting, s.profit_share)
    )


def _certain_majority(share: Share) -> bool:
    return share.lower > MAJORITY or (share.lower == MAJORITY and share.lower_open)


def _possible_majority(share: Share) -> bool:
    return share.upper > MAJORITY


def _end(share: Share, *, upper: bool) -> tuple[bool, bool]:
    """Return whether *share*'s upper (else lower) end is open, and whether it contributes."""
    if upper:
        return share.upper_open, share.upper > 0.0
    return share.lower_open, share.lower > 0.0 or share.lower_open


def _first(
    holders_of: Mapping[str, list[tuple[str, Share]]], target: str, *, upper: bool
) -> tuple[set[str], set[tuple[str, bool]], deque[tuple[str, bool]]]:
    """Start :func:`_tainted` at the target's own holders: most are held by nobody."""
    tainted: set[str] = set()
    seen: set[tuple[str, bool]] = set()
    queue: deque[tuple[str, bool]] = deque()
    for holder, share in holders_of.get(target, ()):
        end_open, contributes = _end(share, upper=upper)
        if not contributes:
            continue
        if end_open:
            tainted.add(holder)
        if holder in holders_of and (holder, end_open) not in seen:
            seen.add((holder, end_open))
            queue.append((holder, end_open))
    return tainted, seen, queue


def _tainted(
    holders_of: Mapping[str, list[tuple[str, Share]]],
    target: str,
    *,
    upper: bool,
    majority: bool,
) -> set[str]:
    """Return the holders whose lower (or, with *upper*, upper) bound in *target* is open.

    A breadth-first search over (holder, open) states: each holder is visited at most
    twice, so the search is linear in the stakes above *target*.
    """
    follows = _possible_majority if upper else _certain_majority
    tainted, seen, queue = _first(holders_of, target, upper=upper)
    while queue:
        node, is_open = queue.popleft()
        for holder, share in holders_of[node]:
            end_open, contributes = _end(share, upper=upper)
            if not contributes or (majority and not follows(share)):
                continue
            carries = is_open or (end_open and not majority)
            if (holder, carries) not in seen:
                seen.add((holder, carries))
                if carries:
                    tainted.add(holder)
                if holder in holders_of:
                    queue.append((holder, carries))
    return tainted


def holders_index(stakes: Sequence[Stake], measure: Measure) -> dict[str, list[tuple[str, Share]]]:
    """Return, for each entity, its holders in *stakes* with their figure in *measure*.

    What :func:`open_ends` climbs; build it once to ask about many targets.

    Examples
    --------
    >>> holders_index([Stake("ann", "acme", Share.parse(">25%"))], Measure.SHARE)
    {'acme': [('ann', Share(lower=0.25, upper=1.0, lower_open=True))]}
    """
    holders_of: dict[str, list[tuple[str, Share]]] = defaultdict(list)
    for s in stakes:
        holders_of[s.entity].append((s.holder, measure_of(s, measure)))
    return dict(holders_of)


def open_ends(
    stakes: Sequence[Stake],
    target: str,
    measure: Measure,
    *,
    majority: bool,
    holders_of: Mapping[str, list[tuple[str, Share]]] | None = None,
) -> tuple[set[str], set[str]]:
    """Return the holders whose lower and whose upper bound in *target* are open.

    *holders_of* is :func:`holders_index` of *stakes*, when the caller has built it
    (asking about many targets, build it once: a pass over the stakes per target
    would be quadratic).

    Examples
    --------
    >>> stakes = [
    ...     Stake("hold", "acme", Share.parse("(25-50)%")),
    ...     Stake("ann", "hold", Share.exact(1.0)),
    ... ]
    >>> lower, upper = open_ends(stakes, "acme", Measure.SHARE, majority=False)
    >>> sorted(lower), sorted(upper)
    (['ann', 'hold'], ['ann', 'hold'])
    """
    if holders_of is None:
        holders_of = holders_index(stakes, measure)
    return (
        _tainted(holders_of, target, upper=False, majority=majority),
        _tainted(holders_of, target, upper=True, majority=majority),
    )


def shares_with_ends(
    found: Mapping[str, tuple[float, float]],
    ends: tuple[set[str], set[str]] = (set(), set()),
    *,
    memo: dict[tuple[float, float, bool, bool], Share] | None = None,
) -> dict[str, Share]:
    """Turn raw ``(lower, upper)`` figures into shares, largest first, with open ends.

    Bounds are clipped to [0, 1]; an upper bound clipped at 100% is attained (nobody
    holds more than the whole), and an end is open only in a range, never on an exact
    figure.  *memo* (a dict the caller keeps) makes one :class:`Share` per figure
    across calls: a register's millions of holdings have a few hundred figures.

    Examples
    --------
    >>> shares_with_ends({"ann": (0.25, 0.5), "bo": (0.1, 0.1)}, ({"ann"}, set()))
    {'ann': Share(lower=0.25, upper=0.5, lower_open=True), 'bo': Share(lower=0.1, upper=0.1)}
    """
    lower_open, upper_open = ends
    rows = sorted(
        (-max(0.0, min(lo, hi, 1.0)), -max(0.0, min(hi, 1.0)), h, hi <= 1.0)
        for h, (lo, hi) in found.items()
    )
    made = {} if memo is None else memo
    out = {}
    for low, high, holder, unclipped in rows:
        is_range = -low < -high
        key = (
            -low,
            -high,
            is_range and holder in lower_open,
            is_range and unclipped and holder in upper_open,
        )
        share = made.get(key)
        if share is None:
            share = made[key] = Share(key[0], key[1], lower_open=key[2], upper_open=key[3])
        out[holder] = share
    return out
