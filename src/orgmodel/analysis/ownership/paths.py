"""Ownership paths: the chains of stakes that explain a look-through figure.

The figures themselves come from linear algebra (:mod:`._lookthrough`); paths only
explain them.  Their number can grow exponentially with the size of a network, so
the search is capped: at most :data:`PATH_LIMIT` paths per holder and
:data:`SEARCH_LIMIT` steps of search per entity looked through.  Paths are simple
(no entity twice): around a cross-holding the walks that go round the cycle add to
the figure but are not listed.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterator

import attrs

from orgmodel.analysis.ownership.majority import Chains, direct_holdings
from orgmodel.analysis.ownership.network import Network
from orgmodel.model.share import Share

__all__ = [
    "PATH_LIMIT",
    "SEARCH_LIMIT",
    "OwnershipPath",
    "PathStep",
    "majority_paths",
    "multiplicative_paths",
]

#: At most this many paths are listed for one holder.
PATH_LIMIT = 20
#: The path search stops after this many steps for one entity looked through.
SEARCH_LIMIT = 100_000


@attrs.frozen
class PathStep:
    """One stake on a path: *holder* holds *share* of *entity*.

    Attributes
    ----------
    holder, entity : str
        Ids of the holder and of the entity held.
    share : Share
        The stake (in the measure looked through).
    holder_name, entity_name : str
        Display names, for :class:`OwnershipPath`'s text.
    """

    holder: str
    entity: str
    share: Share
    holder_name: str = attrs.field(eq=False)
    entity_name: str = attrs.field(eq=False)

    def to_dict(self) -> dict[str, object]:
        """Return the step as plain data.

        Examples
        --------
        >>> PathStep("ann", "acme", Share.exact(0.4), "Ann", "Acme").to_dict()
        {'holder': 'ann', 'entity': 'acme', 'share': 0.4}
        """
        return {"holder": self.holder, "entity": self.entity, "share": self.share.to_data()}


def _product(steps: tuple[PathStep, ...]) -> Share:
    lower = upper = 1.0
    for step in steps:
        lower *= step.share.lower
        upper *= step.share.upper
    return Share(min(lower, upper), upper)


@attrs.frozen
class OwnershipPath:
    """A chain of stakes from a holder down to the entity looked through.

    Attributes
    ----------
    steps : tuple of PathStep
        The stakes, from the top holder down.
    share : Share
        What the path contributes: the product of its shares under the
        multiplicative rule, the last holding whole under the majority-chain rule.

    Examples
    --------
    >>> steps = (
    ...     PathStep("alice", "hold", Share.exact(1.0), "Alice", "AS Holdings Ltd"),
    ...     PathStep("hold", "acme", Share.exact(0.4), "AS Holdings Ltd", "Acme LLP"),
    ... )
    >>> path = OwnershipPath(steps, Share.exact(0.4))
    >>> str(path)
    'Alice → AS Holdings Ltd (100%) → Acme LLP (40%)'
    >>> path.holder, path.entity
    ('alice', 'acme')
    """

    steps: tuple[PathStep, ...]
    share: Share

    @property
    def holder(self) -> str:
        """The id at the top of the path."""
        return self.steps[0].holder

    @property
    def entity(self) -> str:
        """The id of the entity at the bottom of the path."""
        return self.steps[-1].entity

    def to_dict(self) -> dict[str, object]:
        """Return the path as plain data, its text included.

        Examples
        --------
        >>> step = PathStep("ann", "acme", Share.exact(0.4), "Ann", "Acme")
        >>> OwnershipPath((step,), Share.exact(0.4)).to_dict()["text"]
        'Ann → Acme (40%)'
        """
        return {
            "steps": [s.to_dict() for s in self.steps],
            "share": self.share.to_data(),
            "text": str(self),
        }

    def __str__(self) -> str:
        parts = [self.steps[0].holder_name]
        parts.extend(f"{s.entity_name} ({s.share})" for s in self.steps)
        return " → ".join(parts)


class _Namer:
    def __init__(
        self, net: Network, names: dict[str, str], shares: dict[tuple[float, float], Share] | None
    ) -> None:
        self.net = net
        self.names = names
        self.shares = {} if shares is None else shares  # one Share per figure

    def share(self, low: float, high: float) -> Share:
        found = self.shares.get((low, high))
        if found is None:
            found = self.shares[low, high] = Share(min(low, high), high)
        return found

    def step(self, holder: int, entity: int, low: float, high: float) -> PathStep:
        h, e = self.net.ids[holder], self.net.ids[entity]
        return PathStep(h, e, self.share(low, high), self.names[h], self.names[e])


def multiplicative_paths(
    net: Network,
    names: dict[str, str],
    target: int,
    wanted: Collection[int],
    *,
    shares: dict[tuple[float, float], Share] | None = None,
) -> tuple[dict[int, list[OwnershipPath]], bool]:
    """Return simple paths from each of *wanted* down to *target*, and whether complete.

    Paths are found by an iterative depth-first search up from *target*, capped as
    the module docstring says; each holder's paths come largest first.  *shares*
    memoises the figures' :class:`Share` records across calls (a dict the caller
    keeps).
    """
    namer = _Namer(net, names, shares)
    found: dict[int, list[OwnershipPath]] = {w: [] for w in wanted}
    complete = True
    budget = SEARCH_LIMIT
    # the current path is the stack: (entity, iterator over its holders, step into it)
    stack: list[tuple[int, Iterator[tuple[int, float, float]], PathStep | None]] = [
        (target, iter(direct_holdings(net, target)), None)
    ]
    on_path = {target}
    while stack:
        entity, holders, _ = stack[-1]
        nxt = next(holders, None)
        if nxt is None:
            stack.pop()
            on_path.discard(entity)
            continue
        budget -= 1
        if budget < 0:
            complete = False
            break
        holder, low, high = nxt
        if holder in on_path or high <= 0.0:
            continue
        step = namer.step(holder, entity, low, high)
        if holder in found and len(found[holder]) < PATH_LIMIT:
            steps = (step, *(s for _, _, s in reversed(stack) if s is not None))
            found[holder].append(OwnershipPath(steps, _product(steps)))
        elif holder in found:
            complete = False
        if holder < net.n_entities and net.owned[holder]:
            stack.append((holder, iter(direct_holdings(net, holder)), step))
            on_path.add(holder)
    _sort(found)
    return found, complete


def majority_paths(
    net: Network,
    chains: Chains,
    names: dict[str, str],
    target: int,
    wanted: Collection[int],
    *,
    shares: dict[tuple[float, float], Share] | None = None,
) -> tuple[dict[int, list[OwnershipPath]], bool]:
    """Return, for each of *wanted*, its majority chains down to *target*.

    Each path is a chain of (possibly, for ranges) majority stakes from the holder
    to a direct holder of *target*, then that direct holding, which it contributes
    whole.  *shares* memoises the figures' :class:`Share` records across calls.
    """
    namer = _Namer(net, names, shares)
    found: dict[int, list[OwnershipPath]] = {w: [] for w in wanted}
    complete = True
    people = net.n_entities  # nodes from here on are people: each the top of its chain
    for direct, low, high in direct_holdings(net, target):
        climbed = [(direct, [direct])] if direct >= people else chains.climb(direct, certain=False)
        for top, chain in climbed:
            if top not in found:
                continue
            if len(found[top]) >= PATH_LIMIT:
                complete = False
                continue
            steps = [namer.step(a, b, *_stake(net, a, b)) for a, b in itertools.pairwise(chain)]
            steps.append(namer.step(direct, target, low, high))
            found[top].append(OwnershipPath(tuple(steps), namer.share(low, high)))
    _sort(found)
    return found, complete


def _sort(found: dict[int, list[OwnershipPath]]) -> None:
    """Put each holder's paths largest first (then by their text, for a stable order)."""
    for paths in found.values():
        if len(paths) > 1:
            paths.sort(key=lambda p: (-p.share.upper, -p.share.lower, str(p)))


def _stake(net: Network, holder: int, entity: int) -> tuple[float, float]:
    for who, low, high in net.direct(entity):
        if who == holder:
            return low, high
    return 0.0, 0.0  # a majority of votes over a stake with no share in this measure
