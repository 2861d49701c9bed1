"""Votes per holder of each entity, shared by control, power indices and cap tables."""

from __future__ import annotations

from collections import defaultdict

from orgmodel.model import Organization

__all__ = ["Bounds", "votes_by_entity"]

#: A ``(lower, upper)`` pair of fractions.
Bounds = tuple[float, float]


def votes_by_entity(org: Organization) -> dict[str, dict[str, Bounds]]:
    """Return ``{entity: {holder: (lower, upper)}}`` of votes, in the order of the stakes.

    Votes are :attr:`~orgmodel.model.Stake.voting`, falling back to
    :attr:`~orgmodel.model.Stake.share`; several stakes of one holder in one entity
    (share classes) add up, capped at 1.
    """
    out: dict[str, dict[str, list[float]]] = defaultdict(dict)
    for stake in org.stakes:
        if stake.indirect:
            continue  # a declared figure, not a holding of its own
        votes = stake.voting if stake.voting is not None else stake.share
        bounds = out[stake.entity].setdefault(stake.holder, [0.0, 0.0])
        bounds[0] = min(1.0, bounds[0] + votes.lower)
        bounds[1] = min(1.0, bounds[1] + votes.upper)
    return {e: {h: (b[0], b[1]) for h, b in holders.items()} for e, holders in out.items()}
