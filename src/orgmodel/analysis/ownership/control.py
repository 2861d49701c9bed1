"""Who controls an entity: the ultimate controlling party through majority-vote chains.

A party *controls* an entity when the votes it commands there are a majority —
strictly more than half of all votes.  It commands the votes it holds itself and the
votes held by every entity it controls, so control runs up chains ("Alice holds 100%
of AS Holdings, which holds 60% of Acme") and adds up across them ("Alice controls
two holding companies with 30% each of Acme").  Exactly half is not a majority.

Votes are :attr:`~orgmodel.model.Stake.voting`, falling back to
:attr:`~orgmodel.model.Stake.share`.  When votes are ranges, control is decided by
interval logic: a bloc controls **certainly** when the lower bound of its votes is a
majority, and **possibly** when the most it can hold — the upper bounds of its own
stakes, but no more than the other holders' lower bounds leave over — is a majority.

When recorded votes and the shares of stakes without votes add up to more than
100% (inconsistent data), two blocs may both exceed half; the larger controls.

Circular holdings are allowed: an entity whose majority is held by entities it
controls itself is controlled by nobody outside (management entrenchment), and the
search stops there.
"""

from __future__ import annotations

import itertools
from collections import defaultdict, deque
from collections.abc import Callable
from typing import Any

import attrs
import numpy as np

from orgmodel.analysis.ownership.cycles import holders_first, strong_components
from orgmodel.analysis.ownership.index import OwnershipIndex
from orgmodel.analysis.ownership.votes import votes_by_entity
from orgmodel.model import Entity, Organization
from orgmodel.model._arguments import organization_argument
from orgmodel.model.share import Share

__all__ = ["Controller", "controllers"]

_MAJORITY = 0.5
_EPSILON = 1e-9  # sums within this of one half count as one half, not a majority


@attrs.frozen
class Controller:
    """A party that controls (or may control) an entity through majority-vote chains.

    Attributes
    ----------
    holder : str
        The id of the controlling person, or of an entity nobody controls.
    entity : str
        The id of the entity controlled.
    certain : bool
        ``True`` when control holds for every value inside the ranges of the votes;
        ``False`` when it holds only for some (possible control).
    votes : Share
        The votes in *entity* that *holder* commands: lower and upper bound.
    via : tuple of str
        The direct holders of *entity* whose votes make up the bloc.
    chain : tuple of str
        One chain of control from *holder* down to *entity* (through the largest
        holder of the bloc at each step), ids in order.
    explanation : str
        A sentence that says who controls what and how.
    """

    holder: str
    entity: str
    certain: bool
    votes: Share
    via: tuple[str, ...]
    chain: tuple[str, ...]
    explanation: str

    def __str__(self) -> str:
        return self.explanation

    def to_dict(self) -> dict[str, Any]:
        """Return the record as plain JSON-compatible values.

        Examples
        --------
        >>> import orgmodel as om
        >>> org = om.Organization(
        ...     name="x",
        ...     people=[om.Person("ann", "Ann")],
        ...     entities=[om.Entity("co", "Co")],
        ...     stakes=[om.Stake("ann", "co", om.Share.exact(0.6))],
        ... )
        >>> om.controllers(org, "co")[0].to_dict()["chain"]
        ['ann', 'co']
        """
        return {
            "holder": self.holder,
            "entity": self.entity,
            "certain": self.certain,
            "votes": self.votes.to_data(),
            "via": list(self.via),
            "chain": list(self.chain),
            "explanation": self.explanation,
        }


@attrs.frozen
class _Bloc:
    members: tuple[str, ...]  # direct holders whose votes count for the controller
    lower: float
    upper: float


class _Solver:
    """Certain and possible ultimate controllers of every entity above one target."""

    def __init__(self, org: Organization, target: str) -> None:
        self.org = org
        self.target = target
        self.holders = votes_by_entity(org)
        self.entities = {e.id for e in org.entities}
        climb = OwnershipIndex.of(org).above([target])
        self.above = climb.owned + climb.unowned_entities
        # certain: entity -> (ultimate controller, bloc)
        self.certain: dict[str, tuple[str, _Bloc]] = {}
        # possible: entity -> {ultimate candidate: bloc}
        self.possible: dict[str, dict[str, _Bloc]] = {}
        # entities that command a majority of their own votes through entities they
        # control (a control loop), and the component each entity is in
        self.entrenched: set[str] = set()
        self.component: dict[str, int] = {}
        self.order = self._components()
        for k, component in enumerate(self.order):
            self.component.update(dict.fromkeys(component, k))
        for component in self.order:
            self._settle(component, self._decide_certain)
        for component in self.order:
            self._settle(component, self._decide_possible)

    def _components(self) -> list[list[str]]:
        """Strongly connected components above the target, holders first."""
        above = self.above
        number = {e: i for i, e in enumerate(above)}
        pairs = [
            (number[h], number[entity])
            for entity in above
            for h in self.holders.get(entity, {})
            if h in number
        ]
        holders = np.array([p[0] for p in pairs], dtype=np.int64)
        helds = np.array([p[1] for p in pairs], dtype=np.int64)
        count, labels = strong_components(len(above), holders, helds)
        cross = labels[holders] != labels[helds]
        rank = holders_first(count, labels[holders][cross], labels[helds][cross])
        groups: dict[int, list[str]] = defaultdict(list)
        for entity, label in zip(above, labels.tolist(), strict=True):
            groups[label].append(entity)
        return [groups[c] for c in sorted(groups, key=lambda c: -rank[c])]

    def _settle(self, component: list[str], decide: Callable[[str], bool]) -> None:
        """Decide each entity of *component* until nothing changes (a worklist)."""
        inside = set(component)
        # The target is decided first: in a control loop through the target, the
        # loop member holding its majority controls it (not the other way round).
        work = sorted(component, key=lambda e: e == self.target)
        queued = set(work)
        budget = 4 * len(component) ** 2 + 16  # guards against oscillation
        while work and budget > 0:
            budget -= 1
            entity = work.pop()
            queued.discard(entity)
            if decide(entity):
                for held in inside:
                    if entity in self.holders.get(held, {}) and held not in queued:
                        queued.add(held)
                        work.append(held)

    def _decide_certain(self, entity: str) -> bool:
        groups: dict[str, list[Any]] = {}
        for holder, (lower, upper) in self.holders.get(entity, {}).items():
            key = self.certain[holder][0] if holder in self.certain else holder
            group = groups.setdefault(key, [0.0, 0.0, []])
            group[0] += lower
            group[1] += upper
            group[2].append(holder)
        # votes of entities it controls itself: a control loop, nobody outside
        own = groups.pop(entity, None)
        if own is not None and own[0] > _MAJORITY + _EPSILON:
            self.entrenched.add(entity)
        else:
            self.entrenched.discard(entity)
        best = max(groups.items(), key=lambda kv: kv[1][0], default=None)
        before = self.certain.get(entity)
        if best is not None and best[1][0] > _MAJORITY + _EPSILON:
            key, (lower, upper, members) = best
            now = (key, _Bloc(tuple(members), min(1.0, lower), min(1.0, upper)))
            self.certain[entity] = now
        else:
            self.certain.pop(entity, None)
        return self.certain.get(entity) != before

    def _candidates(self, holder: str) -> set[str]:
        """Who may ultimately command *holder*'s votes."""
        found = set(self.possible.get(holder, {}))
        if holder not in self.entities or holder not in self.certain:
            found.add(holder)
        return found

    def _decide_possible(self, entity: str) -> bool:
        holders = self.holders.get(entity, {})
        reach = {h: self._candidates(h) for h in holders}
        everyone = set().union(*reach.values()) - {entity}
        total_lower = sum(lower for lower, _ in holders.values())
        found: dict[str, _Bloc] = {}
        for candidate in everyone:
            members = tuple(h for h in holders if candidate in reach[h])
            own_lower = sum(holders[h][0] for h in members)
            own_upper = sum(holders[h][1] for h in members)
            most = min(own_upper, 1.0 - (total_lower - own_lower))
            if most > _MAJORITY + _EPSILON:
                found[candidate] = _Bloc(members, min(own_lower, most), most)
        before = self.possible.get(entity, {})
        self.possible[entity] = found
        return found != before

    # -- results ----------------------------------------------------------------

    def chain(self, holder: str, entity: str, *, certain: bool) -> tuple[str, ...]:
        """Return a shortest chain of control from *holder* down to *entity*.

        A breadth-first search up the blocs that count for *holder*, trying the
        largest holdings first; ``(holder, entity)`` if there is none.
        """
        bound = 0 if certain else 1
        below: dict[str, str] = {entity: ""}
        queue = deque([entity])
        while queue and holder not in below:
            current = queue.popleft()
            bloc = self._bloc(holder, current, certain=certain)
            if bloc is None:
                continue
            votes = self.holders[current]
            for step in sorted(bloc.members, key=lambda h: (h != holder, -votes[h][bound])):
                if step not in below:
                    below[step] = current
                    queue.append(step)
        if holder not in below:
            return (holder, entity)
        path = [holder]
        while path[-1] != entity:
            path.append(below[path[-1]])
        return tuple(path)

    def loop_entry(self, chain: tuple[str, ...]) -> int:
        """Where a certain *chain* first enters its controller's control loop, if any.

        A controller that commands its own majority through entities it controls
        sits in a loop with them; the member of the loop nearest the controlled
        entity is the one reported.  Returns the index into *chain* (0 without a loop).
        """
        top = chain[0]
        if top not in self.entrenched:
            return 0
        for k in range(len(chain) - 2, 0, -1):
            member = chain[k]
            found = self.certain.get(member)
            same = self.component.get(member) == self.component.get(top)
            if found is not None and found[0] == top and same:
                return k
        return 0

    def loop_members(self, top: str) -> list[str]:
        """*top* and the entities of its component it controls with certainty."""
        home = self.component.get(top)
        return [top] + [
            e
            for e, (key, _) in self.certain.items()
            if key == top and self.component.get(e) == home
        ]

    def _bloc(self, holder: str, entity: str, *, certain: bool) -> _Bloc | None:
        if certain:
            found = self.certain.get(entity)
            return found[1] if found is not None and found[0] == holder else None
        return self.possible.get(entity, {}).get(holder)


def controllers(org: Organization, entity: str) -> tuple[Controller, ...]:
    """Return who ultimately controls *entity* through majority-vote chains.

    The ultimate controller is a person, or an entity that nobody controls, whose
    bloc — its own votes and those of every entity it controls — is strictly more
    than half of the votes in *entity*.  At most one party controls with certainty;
    when votes are ranges, others may control for some values inside the ranges.

    Parameters
    ----------
    org : Organization
        The organisation.
    entity : str
        The id of the entity whose controllers are wanted.

    Returns
    -------
    tuple of Controller
        The certain controller first (if any), then the possible ones, largest most
        possible votes first; empty when nobody controls.

    Raises
    ------
    UnknownReferenceError
        When *entity* is not an entity of *org*.

    Notes
    -----
    Votes are :attr:`~orgmodel.model.Stake.voting`, falling back to the share.
    Control is certain when the lower bounds of the bloc's votes are a majority, and
    possible when its upper bounds are, within what the other holders' lower bounds
    leave.  Entities that hold a majority of each other form a control loop that
    nobody outside controls; the loop member nearest *entity* is reported, and the
    explanation says so.  Possible control through a loop may count the loop's votes
    in full (a fixed point: whoever controls the loop commands all of it).  Cost:
    linear in the stakes above *entity*, plus the size of each circular holding
    squared.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="Acme",
    ...     people=[om.Person("alice", "Alice"), om.Person("bob", "Bob")],
    ...     entities=[om.Entity("acme", "Acme LLP"), om.Entity("hold", "AS Holdings")],
    ...     stakes=[
    ...         om.Stake("alice", "hold", om.Share.exact(0.51)),
    ...         om.Stake("bob", "hold", om.Share.exact(0.49)),
    ...         om.Stake("hold", "acme", om.Share.exact(0.6)),
    ...         om.Stake("bob", "acme", om.Share.exact(0.4)),
    ...     ],
    ...     focal_entity="acme",
    ... )
    >>> [c.holder for c in om.controllers(org, "acme")]
    ['alice']
    >>> print(om.controllers(org, "acme")[0])
    Alice controls Acme LLP with 60% of its votes: Alice (51%) → AS Holdings (60%) → Acme LLP
    """
    organization_argument(org, "controllers")
    org.entity(entity)
    solver = _Solver(org, entity)
    out: list[Controller] = []
    sure = solver.certain.get(entity)
    if sure is not None:
        out.append(_record(org, solver, sure[0], entity, sure[1], certain=True))
    possible = []
    for candidate, bloc in solver.possible.get(entity, {}).items():
        if sure is not None and candidate == sure[0]:
            continue
        if candidate in solver.certain:
            continue  # an entity that is itself certainly controlled is not ultimate
        possible.append(_record(org, solver, candidate, entity, bloc, certain=False))
    possible.sort(key=lambda c: (-c.votes.upper, c.holder))
    return (*out, *possible)


def _record(
    org: Organization, solver: _Solver, holder: str, entity: str, bloc: _Bloc, *, certain: bool
) -> Controller:
    chain = solver.chain(holder, entity, certain=certain)
    loop: tuple[str, ...] = ()
    if certain and (entry := solver.loop_entry(chain)):
        loop = chain[: entry + 1]
        chain = chain[entry:]
        holder = chain[0]
    votes = Share(bloc.lower, max(bloc.lower, bloc.upper))
    return Controller(
        holder=holder,
        entity=entity,
        certain=certain,
        votes=votes,
        via=bloc.members,
        chain=chain,
        explanation=_explain(org, solver, chain, votes, bloc, certain=certain, loop=loop),
    )


def _name(org: Organization, node_id: str) -> str:
    node = org.node(node_id)
    return node.name or node.id


def _explain(
    org: Organization,
    solver: _Solver,
    chain: tuple[str, ...],
    votes: Share,
    bloc: _Bloc,
    *,
    certain: bool,
    loop: tuple[str, ...],
) -> str:
    holder, entity = chain[0], chain[-1]
    verb = "controls" if certain else "may control"
    steps = []
    for upper_id, lower_id in itertools.pairwise(chain):
        low, high = solver.holders[lower_id][upper_id]
        steps.append(f"{_name(org, upper_id)} ({Share(low, high)})")
    steps.append(_name(org, entity))
    text = (
        f"{_name(org, holder)} {verb} {_name(org, entity)} with {votes} of its votes: "
        + " → ".join(steps)
    )
    if len(bloc.members) > 1:
        others = ", ".join(_name(org, m) for m in bloc.members)
        text += f" (votes of {others} together)"
    if loop or holder in solver.entrenched:
        members = solver.loop_members(loop[0] if loop else holder)
        names = ", ".join(_name(org, m) for m in members if m != holder)
        text += (
            f"; {_name(org, holder)} is in a control loop with {names} that nobody outside controls"
        )
    elif isinstance(org.node(holder), Entity):
        text += f"; nobody controls {_name(org, holder)}"
    return text
