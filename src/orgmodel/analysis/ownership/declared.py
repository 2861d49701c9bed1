"""Declared figures beside computed ones: indirect holdings as registers declare them.

A register often declares what a person holds *indirectly* ("30% through
intermediaries") with or without the chain of companies in between.  orgmodel keeps
such declarations as stakes with :attr:`~orgmodel.model.Stake.indirect` set; they
are not links of the network.  After look-through, each is set beside the computed
figure of its holder:

* when the file has no chain from the holder to the entity (nothing beyond the
  holder's own direct stake), the declared figure is what counts, added to the
  direct stake ("50% direct + 50% declared indirect" is 100%);
* when it has one, the figure the regime computes along it counts, narrowed to the
  declared one where the two agree: a chain whose links are ranges (an intermediary
  held through an interest of unknown size) gives bounds, and a consistent
  declaration says where in them the holding lies;
* where the declared figure lies outside what the chain can give (the computed
  figure less the direct stake), the computed figure counts and a
  :class:`~orgmodel.exceptions.DeclaredFigureWarning` names both figures.

Whether there is a chain is read from the file's stakes, not from the regime: a
chain that a regime does not follow (the settlor of a trust under UK PSC) is a
chain all the same, and gives that regime's figure.
"""

from __future__ import annotations

import warnings
from collections import defaultdict
from collections.abc import Iterable, Sequence

import attrs

from orgmodel.analysis.ownership.rules import Measure, measure_of
from orgmodel.model import Organization, Share, Stake
from orgmodel.model.exceptions import DeclaredFigureWarning

__all__ = [
    "Declarations",
    "DeclaredFigure",
    "DeclaredFigureWarning",
    "declarations",
    "merge_declared",
]

_TOLERANCE = 1e-9


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
        What the chain in the file gives under the regime (look-through less the
        direct stake); ``None`` when the file has no chain.
    counted : Share
        The holder's figure that counts: direct stake plus the declared figure when
        there is no chain; else the computed look-through, narrowed to the declared
        figure where the two agree.
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
    lower_open = upper_open = False
    for s in shares:
        low += s.lower
        high += s.upper
        lower_open = lower_open or s.lower_open
        upper_open = upper_open or s.upper_open
    clipped = high > 1.0
    low, high = min(low, 1.0), min(high, 1.0)
    ranged = low < high
    return Share(
        low,
        high,
        lower_open=lower_open and ranged,
        upper_open=upper_open and ranged and not clipped,
    )


def _overlaps(a: Share, b: Share) -> bool:
    return a.lower <= b.upper + _TOLERANCE and b.lower <= a.upper + _TOLERANCE


def _narrowed(found: Share, expected: Share) -> Share:
    """Return the part of *found* that *expected* (which overlaps it) allows."""
    if expected.lower > found.lower or (expected.lower == found.lower and expected.lower_open):
        low, low_open = expected.lower, expected.lower_open
    else:
        low, low_open = found.lower, found.lower_open
    if expected.upper < found.upper or (expected.upper == found.upper and expected.upper_open):
        high, high_open = expected.upper, expected.upper_open
    else:
        high, high_open = found.upper, found.upper_open
    if low >= high:  # they meet at a point (within the tolerance of _overlaps)
        return Share.exact(min(max(low, found.lower), found.upper))
    return Share(low, high, lower_open=low_open, upper_open=high_open)


def _chained(holders_of: dict[str, list[str]], holder: str, entity: str) -> bool:
    """Whether the file links *holder* to *entity* other than by a direct stake."""
    seen = {entity}
    stack = [h for h in holders_of.get(entity, ()) if h != holder]
    while stack:
        node = stack.pop()
        if node == holder:
            return True
        if node in seen:
            continue
        seen.add(node)
        stack.extend(holders_of.get(node, ()))
    return False


@attrs.frozen
class Declarations:
    """The stakes :func:`merge_declared` reads, indexed once for many entities.

    Attributes
    ----------
    stakes : dict of str to list of Stake
        For each entity with a declared indirect holding, every stake in it.
    holders_of : dict of str to list of str
        For each entity, the holders of its direct (not declared) stakes: what tells
        whether a chain links a holder to the entity.  Empty when nothing is declared.
    """

    stakes: dict[str, list[Stake]]
    holders_of: dict[str, list[str]]


def declarations(org: Organization) -> Declarations:
    """Index the stakes of *org* for :func:`merge_declared`: two passes, whatever the targets.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="x",
    ...     people=[om.Person("ann", "Ann")],
    ...     entities=[om.Entity("co", "Co"), om.Entity("other", "Other")],
    ...     stakes=[
    ...         om.Stake("ann", "co", om.Share.exact(0.5)),
    ...         om.Stake("ann", "co", om.Share.exact(0.5), indirect=True),
    ...         om.Stake("ann", "other", om.Share.exact(1.0)),
    ...     ],
    ... )
    >>> {e: len(stakes) for e, stakes in declarations(org).stakes.items()}
    {'co': 2}
    """
    wanted = {s.entity for s in org.stakes if s.indirect}
    stakes: dict[str, list[Stake]] = {}
    holders_of: dict[str, list[str]] = defaultdict(list)
    if wanted:
        for s in org.stakes:
            if s.entity in wanted:
                stakes.setdefault(s.entity, []).append(s)
            if not s.indirect:
                holders_of[s.entity].append(s.holder)
    return Declarations(stakes, dict(holders_of))


def _holdings(
    stakes: Sequence[Stake], measure: Measure
) -> tuple[dict[str, list[Share]], dict[str, list[Share]]]:
    """Return the declared indirect and the direct holdings among *stakes*, by holder."""
    declared: dict[str, list[Share]] = defaultdict(list)
    direct: dict[str, list[Share]] = defaultdict(list)
    for s in stakes:
        figure = measure_of(s, measure)
        if s.indirect and s.control and figure.upper == 0.0:
            continue  # a declaration of control held through others, not of a holding
        (declared if s.indirect else direct)[s.holder].append(figure)
    return declared, direct


def merge_declared(
    org: Organization,
    entity: str,
    computed: dict[str, Share],
    measure: Measure,
    *,
    index: Declarations | None = None,
) -> tuple[dict[str, Share], tuple[DeclaredFigure, ...]]:
    """Return *computed* with the declared indirect holdings of *entity* merged in.

    *index* is :func:`declarations` of *org*, when the caller merges many entities
    (built here otherwise).  Warns with
    :class:`~orgmodel.exceptions.DeclaredFigureWarning` for each declaration that
    disagrees with its chain.

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
    if index is None:
        index = declarations(org)
    stakes = index.stakes.get(entity)
    if stakes is None:
        return computed, ()
    declared, direct = _holdings(stakes, measure)
    if not declared:
        return computed, ()
    holders_of = index.holders_of
    merged = dict(computed)
    figures: list[DeclaredFigure] = []
    for holder, shares in declared.items():
        claim = _sum(shares)
        own = _sum(direct.get(holder, ()))
        expected = _sum([own, claim])
        if not _chained(holders_of, holder, entity):
            merged[holder] = expected
            figures.append(DeclaredFigure(holder, entity, claim, None, expected, agrees=True))
            continue
        found = computed.get(holder, Share.exact(0.0))
        low = max(0.0, found.lower - own.upper)
        high = max(low, min(1.0, found.upper - own.lower))
        through = Share(low, high)
        agrees = _overlaps(through, claim)
        counted = _narrowed(found, expected) if agrees else found
        merged[holder] = counted  # a declared holder is listed, even at 0
        figure = DeclaredFigure(holder, entity, claim, through, counted, agrees=agrees)
        figures.append(figure)
        if not agrees:
            warnings.warn(str(figure), DeclaredFigureWarning, stacklevel=3)
    ordered = sorted(merged.items(), key=lambda kv: (-kv[1].lower, -kv[1].upper, kv[0]))
    return dict(ordered), tuple(figures)
