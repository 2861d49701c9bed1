"""Small builders shared by the ownership tests."""

from __future__ import annotations

import functools
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


DEEP = 100_000


@functools.cache
def deep_chain() -> om.Organization:
    """A chain ``ann -> e100000 -> ... -> e0`` of full holdings, built once per session."""
    stakes = [om.Stake(f"e{i + 1}", f"e{i}", om.Share.exact(1.0)) for i in range(DEEP)]
    stakes.append(om.Stake("ann", f"e{DEEP}", om.Share.exact(1.0)))
    return om.Organization(
        name="deep",
        people=[om.Person("ann", "Ann")],
        entities=[om.Entity(f"e{i}", f"E{i}") for i in range(DEEP + 1)],
        stakes=stakes,
    )
