"""Each person's stake for the role classifier, on every measure, and whether it counts.

:func:`holdings` looks through the entities whose ownership counts — the focal
entity, or without one the *operating* entities (those that hold no stakes) — with
one :func:`~orgmodel.analysis.ownership.look_through` block solve per measure
(capital; votes and profits when any stake records them), never one solve per
entity.  For every person it keeps the entity they hold most of and how: directly,
through which holding entities, with what votes, profit share and liability, and
whether the stake **counts** (:func:`is_material`, the one comparison the label and
the evidence sentence both use).

Without a focal entity and with no operating entity — every entity holds another, as
in a ring of cross-holdings — no entity stands out as the firm: stakes are then
judged as held directly, and :func:`holdings` says so (``looked_through`` is
false), so the classifier can warn.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

import attrs

from orgmodel.analysis.ownership.lookthrough import look_through
from orgmodel.analysis.ownership.rules import Measure
from orgmodel.model import Entity, EntityKind, Liability, Organization, Stake
from orgmodel.model.share import Share

__all__ = ["MATERIALITY_TOLERANCE", "Holding", "Holdings", "holdings", "is_material"]

#: Shares this close below the threshold count as reaching it: float noise from
#: multiplying shares along a chain (0.5 x 0.1), far below any real difference.
MATERIALITY_TOLERANCE = 1e-12


def is_material(value: float, threshold: float) -> bool:
    """Whether a share (a lower bound) reaches the materiality threshold.

    The one comparison behind both the label and the evidence sentence.

    Examples
    --------
    >>> is_material(0.05, 0.05), is_material(0.5 * 0.1, 0.05), is_material(0.05 - 5e-10, 0.05)
    (True, True, False)
    """
    return value >= threshold - MATERIALITY_TOLERANCE


@attrs.frozen
class Holding:
    """A person's stake in one entity, on every measure, and whether it counts."""

    entity: str  # the entity's name
    share: Share  # look-through share of capital
    direct: float  # lower bound held directly
    vehicles: tuple[str, ...]  # names of the entities it is held through
    votes: Share | None  # look-through votes, when recorded and unlike the share
    profit: Share | None  # look-through profit share, when recorded
    unlimited: bool  # unlimited liability on a direct stake
    member: bool  # a profit-sharing member of a partnership
    material: bool  # the stake counts
    strength: float  # the largest lower bound of capital, votes and profits


@attrs.frozen
class Holdings:
    """Everyone's holding, the entities considered, and whether they were looked through."""

    by_person: dict[str, Holding]
    targets: list[Entity]
    looked_through: bool


def _targets(org: Organization) -> tuple[list[Entity], bool]:
    """Return the entities whose ownership counts, and whether to look through them."""
    if org.focal is not None:
        return [org.focal], True
    holders = {s.holder for s in org.stakes}
    operating = [e for e in org.entities if e.id not in holders]
    if operating or not org.entities:
        return operating, True
    return list(org.entities), False


def holdings(
    org: Organization,
    *,
    materiality: float,
    partnership_kinds: Iterable[EntityKind],
) -> Holdings:
    """Return each person's largest stake, the entities considered, how it was judged.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="x",
    ...     people=[om.Person("ann", "Ann")],
    ...     entities=[om.Entity("co", "Co LLP"), om.Entity("hold", "Ann Holdings Ltd")],
    ...     stakes=[
    ...         om.Stake("ann", "hold", om.Share.exact(1.0)),
    ...         om.Stake("hold", "co", om.Share.exact(0.3)),
    ...     ],
    ... )
    >>> found = holdings(org, materiality=0.05, partnership_kinds=())
    >>> held = found.by_person["ann"]
    >>> str(held.share), held.vehicles, held.material, [t.id for t in found.targets]
    ('30%', ('Ann Holdings Ltd',), True, ['co'])
    """
    targets, through = _targets(org)
    kinds = frozenset(partnership_kinds)
    entities = {e.id for e in org.entities}  # every other holder is a person
    by_holder = _direct_stakes(org)
    if not through:
        found = {
            pid: _direct(stakes, org, materiality, kinds)
            for pid, stakes in by_holder.items()
            if pid not in entities
        }
        return Holdings({k: v for k, v in found.items() if v is not None}, targets, False)
    ids = [t.id for t in targets]
    capital = look_through(org, ids)
    votes = look_through(org, ids, measure=Measure.VOTING) if _any_votes(org) else None
    profits = look_through(org, ids, measure=Measure.PROFIT_SHARE) if _any_profits(org) else None
    best = _strongest(ids, (capital, votes, profits), entities)
    judge = _Judge(by_holder, _Reach(org), materiality, kinds)
    out: dict[str, Holding] = {}
    for pid, (_, k) in best.items():
        target = targets[k]
        tid = target.id
        out[pid] = judge.holding(
            pid,
            target,
            capital[tid].get(pid, Share.exact(0.0)),
            votes[tid].get(pid) if votes is not None else None,
            profits[tid].get(pid) if profits is not None else None,
        )
    return Holdings(out, targets, True)


def _direct_stakes(org: Organization) -> dict[str, list[Stake]]:
    """Return each holder's stakes as recorded, without declared indirect holdings."""
    by_holder: dict[str, list[Stake]] = {}
    for s in org.stakes:
        if s.indirect:
            continue  # declared through intermediaries: the look-through finds it
        by_holder.setdefault(s.holder, []).append(s)
    return by_holder


def _strongest(
    ids: list[str],
    measures: tuple[dict[str, dict[str, Share]] | None, ...],
    entities: set[str],
) -> dict[str, tuple[float, int]]:
    """Return each person's strongest lower bound on any measure, and its target's position."""
    best: dict[str, tuple[float, int]] = {}
    for k, tid in enumerate(ids):
        for measure in measures:
            if measure is None:
                continue
            for holder, share in measure[tid].items():
                if holder not in entities:
                    known = best.get(holder)
                    if known is None or share.lower > known[0]:
                        best[holder] = (share.lower, k)
    return best


def _any_votes(org: Organization) -> bool:
    return any(s.voting is not None for s in org.stakes)


def _any_profits(org: Organization) -> bool:
    return any(s.profit_share is not None for s in org.stakes)


class _Reach:
    """The entities holding each target directly or not, found once per target."""

    def __init__(self, org: Organization) -> None:
        entities = {e.id for e in org.entities}
        self.names = {e.id: e.name for e in org.entities}
        self.holders_of: dict[str, list[str]] = {}
        for s in org.stakes:
            if s.holder in entities:
                self.holders_of.setdefault(s.entity, []).append(s.holder)
        self._found: dict[str, set[str]] = {}

    def above(self, target: str) -> set[str]:
        found = self._found.get(target)
        if found is None:
            found = {target}
            queue = deque([target])
            while queue:
                for holder in self.holders_of.get(queue.popleft(), ()):
                    if holder not in found:
                        found.add(holder)
                        queue.append(holder)
            self._found[target] = found
        return found


@attrs.frozen
class _Judge:
    """What a holding is judged with: everyone's stakes, reachability, the thresholds."""

    by_holder: dict[str, list[Stake]]
    reach: _Reach
    materiality: float
    kinds: frozenset[EntityKind]

    def holding(
        self, pid: str, target: Entity, share: Share, votes: Share | None, profit: Share | None
    ) -> Holding:
        """Return *pid*'s holding in *target* from their look-through shares."""
        tid, by_holder = target.id, self.by_holder
        mine = by_holder.get(pid, [])
        direct = [s for s in mine if s.entity == tid]
        above = self.reach.above(tid)
        vehicles = [s.entity for s in mine if s.entity != tid and s.entity in above]
        # a recorded profit share on the way: on a direct stake, or on a vehicle's stake
        recorded = any(s.profit_share is not None for s in direct) or any(
            s.profit_share is not None
            for v in vehicles
            for s in by_holder.get(v, ())
            if s.entity == tid
        )
        if profit is not None and not (recorded or profit != share):
            profit = None
        if votes is not None and votes == share:
            votes = None
        member = target.kind in self.kinds and recorded and profit is not None and profit.upper > 0
        strength = max([share.lower, *(m.lower for m in (votes, profit) if m is not None)])
        return Holding(
            entity=target.name,
            share=share,
            direct=sum(s.share.lower for s in direct),
            vehicles=tuple(dict.fromkeys(self.reach.names[v] for v in vehicles)),
            votes=votes,
            profit=profit,
            unlimited=any(s.liability is Liability.UNLIMITED for s in direct),
            member=member,
            material=member or is_material(strength, self.materiality),
            strength=strength,
        )


def _direct(
    stakes: list[Stake],
    org: Organization,
    materiality: float,
    kinds: frozenset[EntityKind],
) -> Holding | None:
    """Return the largest stake as held directly (when nothing can be looked through)."""

    def strength(s: Stake) -> float:
        return max([s.share.lower, *(m.lower for m in (s.voting, s.profit_share) if m is not None)])

    chosen = max(stakes, key=strength, default=None)
    if chosen is None or max(strength(chosen), chosen.share.upper) <= 0:
        return None
    entity = org.entity(chosen.entity)
    profit = chosen.profit_share
    member = entity.kind in kinds and profit is not None and profit.upper > 0
    votes = chosen.voting if chosen.voting != chosen.share else None
    return Holding(
        entity=entity.name,
        share=chosen.share,
        direct=chosen.share.lower,
        vehicles=(),
        votes=votes,
        profit=profit,
        unlimited=chosen.liability is Liability.UNLIMITED,
        member=member,
        material=member or is_material(strength(chosen), materiality),
        strength=strength(chosen),
    )
