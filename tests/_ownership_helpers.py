"""Small builders shared by the ownership tests."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import orgmodel as om

_Triple = tuple[str, str, "float | om.Share"]


def build(
    stakes: Iterable[_Triple],
    *,
    people: Iterable[str] = (),
    entities: Iterable[str] = (),
    names: Mapping[str, str] | None = None,
) -> om.Organization:
    """An organisation from ``(holder, entity, share)`` triples; shares as numbers or Shares.

    Ids not listed among *people* are entities.
    """
    stakes = list(stakes)
    people = list(people)
    names = names or {}
    used = {h for h, _, _ in stakes} | {e for _, e, _ in stakes} | set(entities)
    ents = [e for e in dict.fromkeys([*entities, *sorted(used)]) if e not in people]
    return om.Organization(
        name="test",
        people=[om.Person(p, names.get(p, p.title())) for p in people],
        entities=[om.Entity(e, names.get(e, e.upper())) for e in ents],
        stakes=[
            om.Stake(h, e, s if isinstance(s, om.Share) else om.Share.exact(s))
            for h, e, s in stakes
        ],
    )


def values(result: Mapping[str, om.Share]) -> dict[str, float]:
    """``{id: value}`` of an exact result."""
    return {k: v.value for k, v in result.items()}
