"""Each person's look-through stake, for the role classifier.

:func:`holdings` asks :func:`~orgmodel.analysis.ownership.effective_ownership` who
ultimately holds the entities whose ownership counts — the focal entity, or without
one the *operating* entities that hold no stakes themselves — and records, for every
person, their largest such stake and how it is held: directly, through which holding
entities, with what profit share and liability.
"""

from __future__ import annotations

from collections import deque

import attrs

from orgmodel.analysis.ownership.lookthrough import effective_ownership
from orgmodel.model import Entity, Liability, Organization, Stake
from orgmodel.model.share import Share

__all__ = ["Holding", "holdings"]


@attrs.frozen
class Holding:
    """A person's look-through stake in one entity, with how it is held."""

    entity: str  # the entity's name
    share: Share  # look-through share
    direct: float  # lower bound held directly
    vehicles: tuple[str, ...]  # names of the entities it is held through
    profit: Share | None  # profit share recorded on direct stakes
    unlimited: bool  # unlimited liability on a direct stake


def _targets(org: Organization) -> list[Entity]:
    """Return the entities whose ownership counts: the focal one, else the operating ones."""
    if org.focal is not None:
        return [org.focal]
    holders = {s.holder for s in org.stakes}
    operating = [e for e in org.entities if e.id not in holders]
    return operating or list(org.entities)


def _reaching(target: str, holders_of: dict[str, list[str]]) -> set[str]:
    """Ids of the entities that hold *target* directly or through other entities."""
    seen = {target}
    queue = deque([target])
    while queue:
        for holder in holders_of.get(queue.popleft(), ()):
            if holder not in seen:
                seen.add(holder)
                queue.append(holder)
    return seen


def holdings(org: Organization) -> tuple[dict[str, Holding], list[Entity]]:
    """Return each person's largest look-through stake, and the entities considered.

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
    >>> held, targets = holdings(org)
    >>> str(held["ann"].share), held["ann"].vehicles, [t.id for t in targets]
    ('30%', ('Ann Holdings Ltd',), ['co'])
    """
    targets = _targets(org)
    entities = {e.id for e in org.entities}
    by_holder: dict[str, list[Stake]] = {}
    holders_of: dict[str, list[str]] = {}
    for s in org.stakes:
        if s.indirect:
            continue  # declared through intermediaries: the look-through finds it
        by_holder.setdefault(s.holder, []).append(s)
        if s.holder in entities:
            holders_of.setdefault(s.entity, []).append(s.holder)
    names = {e.id: e.name for e in org.entities}
    best: dict[str, Holding] = {}
    for target in targets:
        through = _reaching(target.id, holders_of)
        for holder, share in effective_ownership(org, target.id).items():
            if holder in entities:
                continue
            known = best.get(holder)
            if known is not None and known.share.lower >= share.lower:
                continue
            mine = by_holder.get(holder, [])
            direct = [s for s in mine if s.entity == target.id]
            profit = [s.profit_share for s in direct if s.profit_share is not None]
            best[holder] = Holding(
                entity=target.name,
                share=share,
                direct=sum(s.share.lower for s in direct),
                vehicles=tuple(
                    dict.fromkeys(
                        names[s.entity]
                        for s in mine
                        if s.entity != target.id and s.entity in through
                    )
                ),
                profit=Share(
                    min(1.0, sum(p.lower for p in profit)), min(1.0, sum(p.upper for p in profit))
                )
                if profit
                else None,
                unlimited=any(s.liability is Liability.UNLIMITED for s in direct),
            )
    return best, targets
