"""Ultimate owners with their reasons: the computed figure, the declared one, the route.

:func:`~orgmodel.analysis.ownership.effective_ownership` answers *how much*; this
module answers *why*.  For each ultimate holder of an entity (a person, or an entity
nobody in the file holds) :func:`ultimate_owners` gives the figure that counts, the
figure the regime computes along the chains in the file, the declared indirect
figure where the file declares one (:mod:`.declared`), the chains themselves and
how the holder was reached where it was not through shares alone (control, a trust,
a nominee, a joint holding, a declaration: :mod:`.links`).
:func:`~orgmodel.analysis.ownership.beneficial_owners` is built on it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from orgmodel._speed.gc_pause import gc_paused
from orgmodel.analysis.ownership.bounds import (
    any_open,
    holders_index,
    open_ends,
    shares_with_ends,
)
from orgmodel.analysis.ownership.declared import DeclaredFigure, declarations, merge_declared
from orgmodel.analysis.ownership.links import Links, regime_links
from orgmodel.analysis.ownership.lookthrough import solve
from orgmodel.analysis.ownership.majority import Chains
from orgmodel.analysis.ownership.network import Network
from orgmodel.analysis.ownership.paths import OwnershipPath, majority_paths, multiplicative_paths
from orgmodel.analysis.ownership.rules import Measure, OwnershipRule, Regime, Route
from orgmodel.model import Organization, Share
from orgmodel.model._arguments import organization_argument
from orgmodel.model.options import read_option

__all__ = ["RULES", "UltimateOwner", "look", "look_all", "ultimate_owners"]

#: The look-through rule of each regime.
RULES = {
    None: OwnershipRule.MULTIPLICATIVE,
    Regime.UK_PSC: OwnershipRule.MAJORITY_CHAIN,
    Regime.EU_AMLR: OwnershipRule.MULTIPLICATIVE,
    Regime.US_CTA: OwnershipRule.MULTIPLICATIVE,
}

_NOTHING = Share.exact(0.0)


@attrs.frozen
class UltimateOwner:
    """An ultimate holder of an entity, with the figures and the route behind its share.

    Attributes
    ----------
    holder : str
        The id of a person, or of an entity nobody in the file holds.
    name : str
        Its display name.
    is_person : bool
        Whether the holder is a person.
    share : Share
        The figure that counts: :attr:`computed`, narrowed to (or, without a chain in
        the file, replaced by) the declared figure.
    computed : Share or None
        What the regime's look-through gives along the chains in the file; ``None``
        when the file declares the holding but has no chain for it.
    declared : DeclaredFigure or None
        The declared indirect holding, if the file declares one.
    via : tuple of Route
        How the holder was reached where it was not through shares alone:
        :class:`~orgmodel.Route` members (each is also its text: ``"control"``, ``"trust"``,
        ``"nominee"``, ``"joint"``, ``"declared"``).
    paths : tuple of OwnershipPath
        The chains of stakes that give the computed figure, largest first; capped.
    paths_complete : bool
        ``False`` when the path search hit its cap.
    """

    holder: str
    name: str
    is_person: bool
    share: Share
    computed: Share | None
    declared: DeclaredFigure | None = None
    via: tuple[Route, ...] = ()
    paths: tuple[OwnershipPath, ...] = ()
    paths_complete: bool = True

    def to_dict(self) -> dict[str, object]:
        """Return the record as plain data (JSON-compatible).

        Examples
        --------
        >>> UltimateOwner("state", "The State", False, Share.exact(1.0), None).to_dict()["kind"]
        'entity'
        """
        return {
            "holder": self.holder,
            "name": self.name,
            "kind": "person" if self.is_person else "entity",
            "share": self.share.to_data(),
            "computed": None if self.computed is None else self.computed.to_data(),
            "declared": None if self.declared is None else str(self.declared),
            "via": list(self.via),
            "paths": [p.to_dict() for p in self.paths],
            "paths_complete": self.paths_complete,
        }

    def __str__(self) -> str:
        through = f", through {' and '.join(self.via)}" if self.via else ""
        lines = [f"{self.name} ({self.holder}): {self.share}{through}"]
        lines.extend(f"  {p}" for p in self.paths)
        if self.declared is not None:
            lines.append(f"  {self.declared}")
        if not self.paths_complete:
            lines.append("  ... (more paths not listed)")
        return "\n".join(lines)


def look(
    org: Organization,
    entity: str,
    regime: Regime | None,
    measure: Measure,
    keep: Callable[[str, Share], bool],
) -> list[UltimateOwner]:
    """Return the ultimate holders of *entity* that *keep* accepts, with their reasons.

    *keep* is called with each holder's id and counted share; paths are searched for
    the holders it keeps only.  Holders come largest share first.
    """
    org.entity(entity)
    with gc_paused():  # the records made are acyclic: no collection until they are
        return look_all(org, [entity], regime, measure, lambda _e, h, s: keep(h, s))[entity]


def look_all(
    org: Organization,
    entities: Sequence[str],
    regime: Regime | None,
    measure: Measure,
    keep: Callable[[str, str, Share], bool],
) -> dict[str, list[UltimateOwner]]:
    """Return :func:`look` of each of *entities* (known ids), with one look-through.

    *keep* is called with the entity, each holder's id and its counted share.  The
    links are drawn and the targets solved once, in one block; what each target
    needs beside (open ends, declared figures, paths) is read from indexes built
    once, so the cost is about that of the look-through, not one per entity.  The
    records it makes are acyclic: callers making many pause the garbage collector
    (:func:`~orgmodel._speed.gc_pause.gc_paused`).
    """
    rule = RULES[regime]
    majority = rule is OwnershipRule.MAJORITY_CHAIN
    links = regime_links(org, regime)
    raw, net, chains = solve(org, links, list(entities), rule, measure)
    holders_of = holders_index(links.stakes, measure) if any_open(links.stakes) else None
    index = declarations(org)
    people = {p.id: p.name for p in org.people}
    names = dict(people)
    names.update((e.id, e.name) for e in org.entities)
    context = _Context(net, chains, links, names, people, {})
    memo: dict[tuple[float, float, bool, bool], Share] = {}  # one Share per figure
    out: dict[str, list[UltimateOwner]] = {}
    for entity, found in zip(entities, raw, strict=True):
        if not found and entity not in index.stakes:
            out[entity] = []  # nobody holds it, directly or not
            continue
        figures = {net.ids[h]: bounds for h, bounds in found.items()}
        ends = (
            open_ends(links.stakes, entity, measure, majority=majority, holders_of=holders_of)
            if holders_of is not None
            else (set(), set())
        )
        computed = shares_with_ends(figures, ends, memo=memo)
        shares, declared = merge_declared(org, entity, computed, measure, index=index)
        kept = {h: share for h, share in shares.items() if keep(entity, h, share)}
        out[entity] = (
            _owners(context, entity, kept, computed, {f.holder: f for f in declared})
            if kept
            else []
        )
    return out


@attrs.frozen
class _Context:
    """What every target's owners are read from: one look-through of them all."""

    net: Network
    chains: Chains | None  # the majority links, under the majority-chain rule
    links: Links
    names: dict[str, str]
    people: dict[str, str]
    shares: dict[tuple[float, float], Share]  # the paths' figures, one Share each


def _owners(
    context: _Context,
    entity: str,
    kept: dict[str, Share],
    computed: dict[str, Share],
    declared: dict[str, DeclaredFigure],
) -> list[UltimateOwner]:
    """Return the holders *kept* of *entity*, each with its paths and route."""
    net, names, via_of = context.net, context.names, context.links.via
    target = net.index[entity]
    wanted = {net.index[h] for h in kept if h in net.index}
    if context.chains is None:
        paths, complete = multiplicative_paths(net, names, target, wanted, shares=context.shares)
    else:
        paths, complete = majority_paths(
            net, context.chains, names, target, wanted, shares=context.shares
        )
    out = []
    for holder, share in kept.items():
        found_paths = tuple(paths.get(net.index[holder], ())) if holder in net.index else ()
        via: set[Route] = (
            {
                via_of[s.holder, s.entity]
                for p in found_paths
                for s in p.steps
                if (s.holder, s.entity) in via_of
            }
            if via_of
            else set()
        )
        figure = declared.get(holder)
        if figure is not None and (figure.computed is None or share != computed.get(holder)):
            via.add(Route.DECLARED)
        out.append(
            UltimateOwner(
                holder=holder,
                name=names[holder],
                is_person=holder in context.people,
                share=share,
                computed=None
                if figure is not None and figure.computed is None
                else (computed.get(holder, _NOTHING)),
                declared=figure,
                via=tuple(sorted(via)),
                paths=found_paths,
                paths_complete=complete,
            )
        )
    return out


def ultimate_owners(
    org: Organization,
    entity: str,
    *,
    regime: Regime | str | None = None,
    measure: Measure | str = Measure.SHARE,
) -> tuple[UltimateOwner, ...]:
    """Return who ultimately holds *entity*, each with the figures and the route why.

    The shares are those of :func:`~orgmodel.analysis.ownership.effective_ownership`
    under the regime's rule (majority chains for ``uk-psc``, multiplied shares
    otherwise); beside each, the figure computed along the chains in the file, the
    declared indirect figure where there is one, the chains, and how the holder was
    reached: a state that controls a ministry by statute, for instance, holds what the
    ministry holds ``"through control"``.

    Parameters
    ----------
    org : Organization
        The organisation.
    entity : str
        The id of the entity.
    regime : Regime or str, optional
        ``"uk-psc"``, ``"eu-amlr"`` or ``"us-cta"``; ``None`` for plain look-through.
    measure : Measure or str
        The figure looked through, default ``"share"``.

    Returns
    -------
    tuple of UltimateOwner
        Largest share first.

    Raises
    ------
    UnknownReferenceError
        When *entity* is not an entity of *org*.
    OptionError
        When *regime* or *measure* is not one of the allowed values.

    Examples
    --------
    A ministry holds the company; the State controls the ministry by statute:

    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="x",
    ...     entities=[
    ...         om.Entity("state", "The State"),
    ...         om.Entity("ministry", "Ministry of Trade"),
    ...         om.Entity("co", "State Timber Ltd"),
    ...     ],
    ...     stakes=[
    ...         om.Stake("ministry", "co", om.Share.exact(1.0)),
    ...         om.Stake(
    ...             "state", "ministry", om.Share.exact(0.0), control=[om.Control.LEGAL_FRAMEWORK]
    ...         ),
    ...     ],
    ... )
    >>> for owner in om.ultimate_owners(org, "co"):
    ...     print(owner)
    The State (state): 100%, through control
      The State → Ministry of Trade (100%) → State Timber Ltd (100%)
    """
    organization_argument(org, "ultimate_owners")
    chosen = None if regime is None else read_option(regime, Regime, "regime")
    which = read_option(measure, Measure, "measure")
    return tuple(look(org, entity, chosen, which, lambda _holder, _share: True))
