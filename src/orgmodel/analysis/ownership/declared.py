"""Declared figures beside computed ones: indirect holdings as registers declare them.

A register often declares what a person holds *indirectly* ("30% through
intermediaries") with or without the chain of companies in between.  orgmodel keeps
such declarations as stakes with :attr:`~orgmodel.model.Stake.indirect` set; they
are not links of the network.  After look-through, each is set beside the computed
figure of its holder:

* when the file has no chain from the holder to the entity (nothing beyond the
  holder's own direct stake), the declared figure is what counts, added to the
  direct stake ("50% direct + 50% declared indirect" is 100%);
* when it has one, the computed figure counts; where the declared figure lies
  outside what the chain can give (the computed figure less the direct stake), a
  :class:`DeclaredFigureWarning` names both figures.

This module also tells which lower bounds are *open* ("more than 25%"): a sum is
open when one of its terms is, so a figure is open when some chain contributing to
it runs through a stake with an open lower bound.
"""

from __future__ import annotations

import warnings
from collections import defaultdict, deque
from collections.abc import Iterable, Sequence

import attrs

from orgmodel.analysis.ownership.rules import Measure, measure_of
from orgmodel.model import Organization, Share, Stake
from orgmodel.model.exceptions import DeclaredFigureWarning

__all__ = [
    "DeclaredFigure",
    "DeclaredFigureWarning",
    "merge_declared",
    "open_lower",
]

_TOLERANCE = 1e-9
_MAJORITY = 0.5


@attrs.frozen
class DeclaredFigure:
    """A declared indirect holding set beside the figure look-through computes.

    Attributes
    ----------
    holder, entity : str
        Who declared a holding of what.
    declared : Share
        The declared indirect figure.
    computed : Share or None
        What the chain in the file gives (look-through less the direct stake);
        ``None`` when the file has no chain.
    counted : Share
        The holder's figure that counts: direct stake plus the declared figure when
        there is no chain, else the computed look-through.
    agrees : bool
        Whether the declared figure lies within what the chain can give (always
        ``True`` without a chain).
    """

    holder: str
    entity: str
    declared: Share
    computed: Share | None
    counted: Share
    agrees: bool

    def __str__(self) -> str:
        if self.computed is None:
            return (
                f"{self.holder} declares {self.declared} of {self.entity} held indirectly; "
                f"no chain in the file, so the declared figure counts ({self.counted} in all)"
            )
        verdict = "agrees with" if self.agrees else "disagrees with"
        return (
            f"{self.holder} declares {self.declared} of {self.entity} held indirectly, which "
            f"{verdict} the {self.computed} its chain in the file gives"
        )


def _sum(shares: Iterable[Share]) -> Share:
    low = high = 0.0
    any_open = False
    for s in shares:
        low += s.lower
        high += s.upper
        any_open = any_open or s.lower_open
    low, high = min(low, 1.0), min(high, 1.0)
    return Share(low, high, lower_open=any_open and low < high)


def _overlaps(a: Share, b: Share) -> bool:
    return a.lower <= b.upper + _TOLERANCE and b.lower <= a.upper + _TOLERANCE


def merge_declared(
    org: Organization, entity: str, computed: dict[str, Share], measure: Measure
) -> tuple[dict[str, Share], tuple[DeclaredFigure, ...]]:
    """Return *computed* with the declared indirect holdings of *entity* merged in.

    Warns with :class:`DeclaredFigureWarning` for each declaration that disagrees with
    its chain.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="x",
    ...     people=[om.Person("ann", "Ann")],
    ...     entities=[om.Entity("co", "Co")],
    ...     stakes=[
    ...         om.Stake("ann", "co", om.Share.exact(0.5)),
    ...         om.Stake("ann", "co", om.Share.exact(0.5), indirect=True),
    ...     ],
    ... )
    >>> merged, figures = merge_declared(org, "co", {"ann": om.Share.exact(0.5)}, Measure.SHARE)
    >>> str(merged["ann"]), figures[0].computed is None
    ('100%', True)
    """
    declared: dict[str, list[Share]] = defaultdict(list)
    direct: dict[str, list[Share]] = defaultdict(list)
    for s in org.stakes:
        if s.entity != entity:
            continue
        (declared if s.indirect else direct)[s.holder].append(measure_of(s, measure))
    if not declared:
        return computed, ()
    merged = dict(computed)
    figures: list[DeclaredFigure] = []
    for holder, shares in declared.items():
        claim = _sum(shares)
        own = _sum(direct.get(holder, ()))
        found = computed.get(holder)
        chain = found is not None and found.upper > own.upper + _TOLERANCE
        if not chain:
            counted = _sum([own, claim])
            merged[holder] = counted
            figures.append(DeclaredFigure(holder, entity, claim, None, counted, agrees=True))
            continue
        assert found is not None  # noqa: S101 - narrowed by `chain`
        low = max(0.0, found.lower - own.upper)
        high = max(low, min(1.0, found.upper - own.lower))
        through = Share(low, high)
        agrees = _overlaps(through, claim)
        figure = DeclaredFigure(holder, entity, claim, through, found, agrees=agrees)
        figures.append(figure)
        if not agrees:
            warnings.warn(str(figure), DeclaredFigureWarning, stacklevel=3)
    ordered = sorted(merged.items(), key=lambda kv: (-kv[1].lower, -kv[1].upper, kv[0]))
    return dict(ordered), tuple(figures)


def open_lower(
    stakes: Sequence[Stake], target: str, measure: Measure, *, majority: bool
) -> set[str]:
    """Return the holders whose look-through lower bound in *target* is open.

    A holder's lower bound is open when some chain that contributes to it holds a
    stake with an open lower bound: under the multiplicative rule any link with a
    positive lower bound contributes; under the majority-chain rule the holding of
    *target* is attributed whole, so only its own openness counts, carried up certain
    majority links.  A breadth-first search over (holder, open) states: each holder
    is visited at most twice.
    """
    holders_of: dict[str, list[tuple[str, Share]]] = defaultdict(list)
    for s in stakes:
        holders_of[s.entity].append((s.holder, measure_of(s, measure)))
    seen: set[tuple[str, bool]] = set()
    queue: deque[tuple[str, bool, bool]] = deque([(target, False, True)])
    tainted: set[str] = set()
    while queue:
        node, is_open, first = queue.popleft()
        for holder, share in holders_of.get(node, ()):
            if share.lower <= 0.0 and not share.lower_open:
                continue
            if majority and not first and not _majority(share):
                continue
            carries = is_open or (share.lower_open and (first or not majority))
            if (holder, carries) in seen:
                continue
            seen.add((holder, carries))
            if carries:
                tainted.add(holder)
            queue.append((holder, carries, False))
    return tainted


def _majority(share: Share) -> bool:
    return share.lower > _MAJORITY or (share.lower == _MAJORITY and share.lower_open)
