"""The ownership index: every stake of an organisation, found by the entity it is in.

Look-through, control and the ownership chart all climb the stakes above an entity
(its holders, their holders, ...) and the chart also descends below it.
:class:`OwnershipIndex` numbers the entities and sorts the stakes by the entity they
are in, once, with one pass over the records and a sort in C (no container per
entity, so no garbage-collector work on a large model); :meth:`~OwnershipIndex.above`
and :meth:`~OwnershipIndex.below` then climb iteratively, touching only the stakes
they need.

Examples
--------
>>> import orgmodel as om
>>> org = om.Organization(
...     name="x",
...     people=[om.Person("ann", "Ann")],
...     entities=[om.Entity("op", "Op"), om.Entity("hold", "Hold"), om.Entity("sub", "Sub")],
...     stakes=[
...         om.Stake("ann", "hold", om.Share.exact(1.0)),
...         om.Stake("hold", "op", om.Share.exact(0.6)),
...         om.Stake("op", "sub", om.Share.exact(1.0)),
...     ],
... )
>>> index = OwnershipIndex.of(org)
>>> climb = index.above(["op"])
>>> climb.owned, climb.unowned_entities, climb.people, climb.stakes
(['op', 'hold'], [], ['ann'], [1, 0])
>>> index.below("op")
[2]
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs
import numpy as np
import numpy.typing as npt

from orgmodel.model import Organization, Stake

__all__ = ["Climb", "OwnershipIndex"]

_Ints = npt.NDArray[np.int64]


@attrs.frozen
class Climb:
    """What lies above some target entities, as :meth:`OwnershipIndex.above` finds it.

    Attributes
    ----------
    owned : list of str
        The targets, then every entity reached that has recorded holders, in the
        order the climb reached them.
    unowned_entities : list of str
        Entities reached that nobody is recorded to hold (the tops of the chains).
    people : list of str
        Holders reached that are not entities.
    stakes : list of int
        Indexes into ``org.stakes`` of every stake climbed, in climbing order.
    """

    owned: list[str]
    unowned_entities: list[str]
    people: list[str]
    stakes: list[int]


@attrs.frozen(eq=False)
class OwnershipIndex:
    """The stakes of one organisation, numbered once and sorted by the entity held.

    Build it with :meth:`of`.

    Attributes
    ----------
    stakes : tuple of Stake
        ``org.stakes``.
    entity_ids : list of str
        The entities, in the organisation's order; an entity's number is its place.
    number : dict of str to int
        Entity id to its number.
    held : ndarray of int
        Per stake, the number of the entity it is in.
    by_held : ndarray of int
        Stake indexes sorted (stably) by the entity they are in.
    starts : list of int
        The stakes in entity ``j`` are ``by_held[starts[j]:starts[j + 1]]``.
    """

    stakes: tuple[Stake, ...]
    entity_ids: list[str]
    number: dict[str, int]
    held: _Ints
    by_held: _Ints
    starts: list[int]

    @classmethod
    def of(cls, org: Organization) -> OwnershipIndex:
        """Index the stakes of *org* (one pass over them, one sort)."""
        entity_ids = [e.id for e in org.entities]
        number = dict(zip(entity_ids, range(len(entity_ids)), strict=True))
        stakes = org.stakes
        held = np.array([number[s.entity] for s in stakes], dtype=np.int64)
        by_held = np.argsort(held, kind="stable").astype(np.int64)
        counts = np.bincount(held, minlength=len(entity_ids))
        starts = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64).tolist()
        return cls(stakes, entity_ids, number, held, by_held, starts)

    def above(self, targets: Iterable[str]) -> Climb:
        """Climb from the entities *targets* to everything that holds them, directly or not.

        A breadth-first search over the holders, iterative, touching only the
        stakes above the targets.
        """
        stakes, number, by_held, starts = self.stakes, self.number, self.by_held, self.starts
        order = list(dict.fromkeys(targets))
        seen = set(order)
        unowned: list[str] = []
        people: list[str] = []
        found: list[int] = []
        position = 0
        while position < len(order):
            i = number[order[position]]
            position += 1
            for k in by_held[starts[i] : starts[i + 1]].tolist():
                found.append(k)
                holder = stakes[k].holder
                if holder in seen:
                    continue
                seen.add(holder)
                j = number.get(holder)
                if j is None:
                    people.append(holder)
                elif starts[j + 1] > starts[j]:  # an owned entity: climb on
                    order.append(holder)
                else:
                    unowned.append(holder)
        return Climb(order, unowned, people, found)

    def below(self, entity: str) -> list[int]:
        """Return the indexes of the stakes below *entity*: what it holds, and so on down.

        In the organisation's order.  Builds a by-holder view for the call (the
        descent is asked for rarely, by the ownership chart).
        """
        by_holder: dict[str, list[int]] = {}
        for k, stake in enumerate(self.stakes):
            by_holder.setdefault(stake.holder, []).append(k)
        seen = {entity}
        pending = [entity]
        found: set[int] = set()
        while pending:
            for k in by_holder.get(pending.pop(), ()):
                found.add(k)
                held = self.stakes[k].entity
                if held not in seen:
                    seen.add(held)
                    pending.append(held)
        return sorted(found)
