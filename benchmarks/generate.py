"""Synthetic organisations for benchmarks: deterministic by seed, a million people fast.

The shape is a professional firm grown level by level: a managing partner at the
top, partners below, then directors, managers and staff.  Every manager has a span
of control of 3–12; the depth is 6–10 levels for organisations of 10,000 people or
more (small ones are shallower, as they must be with spans of at least 3).  About 3%
of people also have a dotted line to a peer of their manager.  Departments (under
each partner) and teams (under each director) are units; the top levels are partners
holding the firm, some through a personal holding company, beside a few outside
investors; partners and directors hold client, supplier and investor relationships.

API
---
``synthetic_spec(n_people, *, seed=0) -> Spec``
    The records as plain columns (fast, no validation): what the CSV writer and
    :func:`synthetic_organization` build from.
``synthetic_organization(n_people, *, seed=0) -> orgmodel.Organization``
    The validated organisation.
``write_csv(org_or_spec, directory) -> Path``
    ``people.csv`` and its sibling files (stakes, units, ...) in the CSV format of
    ``orgmodel.load``; returns the path of ``people.csv``.

Command line::

    python benchmarks/generate.py 100k out/ --seed 1     # writes out/people.csv ...
"""

from __future__ import annotations

import argparse
import csv
import gc
import math
import random
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import attrs

import orgmodel as om
from _common import parse_size

__all__ = [
    "Spec",
    "organization_from_spec",
    "synthetic_organization",
    "synthetic_spec",
    "write_csv",
]

MIN_SPAN, MAX_SPAN = 3, 12
MIN_DEPTH, MAX_DEPTH = 6, 10
_MEAN_SPAN = (MIN_SPAN + MAX_SPAN) / 2
DOTTED_RATE = 0.03
_PARTNER_LEVELS = 2  # the managing partner (level 0) and the partners (level 1)
_DIRECTOR_LEVEL = 2
_RELATIONSHIPS_PER_HOLDER = 2
_INVESTORS = 3
_INVESTOR_SHARE = 0.05

_FIRST = (
    "Alice",
    "Bob",
    "Carol",
    "Dan",
    "Erin",
    "Frank",
    "Grace",
    "Heidi",
    "Ivan",
    "Judy",
    "Mallory",
    "Niaj",
    "Olivia",
    "Peggy",
    "Rupert",
    "Sybil",
    "Trent",
    "Victor",
    "Walter",
    "Yara",
    "Zoe",
    "Amir",
    "Bea",
    "Chen",
    "Dara",
    "Emeka",
    "Farah",
    "Goran",
    "Hana",
    "Ines",
    "Jonas",
    "Kofi",
    "Lena",
    "Mateo",
    "Nadia",
    "Omar",
    "Priya",
    "Quinn",
    "Rosa",
    "Sven",
    "Tariq",
    "Uma",
)
_LAST = (
    "Smith",
    "Jones",
    "Brown",
    "Taylor",
    "Wilson",
    "Davies",
    "Evans",
    "Thomas",
    "Johnson",
    "Roberts",
    "Walker",
    "Wright",
    "Robinson",
    "Thompson",
    "White",
    "Hughes",
    "Edwards",
    "Green",
    "Hall",
    "Wood",
    "Harris",
    "Lewis",
    "Martin",
    "Jackson",
    "Clarke",
    "Clark",
    "Turner",
    "Hill",
    "Scott",
    "Cooper",
    "Morris",
    "Ward",
    "Moore",
    "King",
    "Watson",
    "Baker",
    "Okafor",
    "Nakamura",
    "Silva",
    "Novak",
    "Haddad",
    "Kowalski",
    "Singh",
)
_TITLES = (
    "Managing Partner",
    "Partner",
    "Director",
    "Senior Manager",
    "Manager",
    "Senior Associate",
    "Associate",
    "Analyst",
    "Assistant",
    "Trainee",
    "Intern",
)
_FUNCTIONS = (
    "operations",
    "finance",
    "litigation",
    "corporate",
    "tax",
    "technology",
    "people",
    "marketing",
    "advisory",
    "audit",
    "real estate",
    "risk",
)
_LEVEL_TAGS: tuple[tuple[tuple[str, ...], ...], ...] = (
    (("vision", "strategy", "governance", "business_development"),),
    (
        ("strategy", "client_relationships", "business_development"),
        ("operations", "coordination", "department_management"),
        ("fundraising", "investor_relations"),
    ),
    (
        ("department_management", "operations"),
        ("client_relationships", "sales"),
        ("project_management", "resource_allocation"),
    ),
    (("project_management",), ("client_service",), ("quality_assurance", "training"), ()),
    ((), (), ("client_service",), ("execution",)),
)


@attrs.frozen
class Spec:
    """A synthetic organisation as plain columns, one list per field, in people order.

    ``people`` columns are parallel lists; ``managers[i]`` is an index into them
    (``-1`` at the top) and ``dotted[i]`` an index or ``-1``.  ``units`` rows are
    ``(id, name, function, parent or None, head id)``; ``entities`` rows ``(id,
    name, kind)``; ``stakes`` rows ``(holder, entity, share, liability or None)``;
    ``relationships`` rows ``(person id, kind, counterparty)``.
    """

    name: str
    ids: list[str]
    names: list[str]
    titles: list[str]
    employment: list[str]
    units: list[str]
    managers: list[int]
    dotted: list[int]
    responsibilities: list[tuple[str, ...]]
    emails: list[str]
    unit_rows: list[tuple[str, str, str, str | None, str]]
    entities: list[tuple[str, str, str]]
    stakes: list[tuple[str, str, float, str | None]]
    relationships: list[tuple[str, str, str]]
    focal_entity: str
    levels: list[int]

    def __len__(self) -> int:
        return len(self.ids)


def _depth_and_growth(n_people: int) -> tuple[int, float]:
    """Return the planned depth and the mean span that reach *n_people* at that depth."""
    depth = math.ceil(math.log(max(n_people, 2)) / math.log(_MEAN_SPAN))
    depth = min(MAX_DEPTH, max(MIN_DEPTH, depth))
    growth = min(float(MAX_SPAN), max(float(MIN_SPAN), n_people ** (1 / depth)))
    return depth, growth


def _grow_tree(n_people: int, rng: random.Random) -> tuple[list[int], list[int]]:
    """Return each person's manager index (-1 at the top) and level, grown level by level."""
    managers = [-1]
    levels = [0]
    level_members = [0]
    _, growth = _depth_and_growth(n_people)
    high = max(MIN_SPAN, min(MAX_SPAN, round(2 * growth - MIN_SPAN)))
    level = 0
    while len(managers) < n_people:
        level += 1
        nxt: list[int] = []
        for boss in level_members:
            span = rng.randint(MIN_SPAN, high)
            take = min(span, n_people - len(managers))
            first = len(managers)
            managers.extend([boss] * take)
            levels.extend([level] * take)
            nxt.extend(range(first, first + take))
            if len(managers) >= n_people:
                break
        level_members = nxt
        if level >= MAX_DEPTH and len(managers) < n_people:
            # Out of depth (only with extreme sizes): widen the last level's spans.
            high = MAX_SPAN
    return managers, levels


_UnitRow = tuple[str, str, str, str | None, str]
_StakeRow = tuple[str, str, float, str | None]


def _units(
    ids: list[str], managers: list[int], levels: list[int]
) -> tuple[list[_UnitRow], list[str]]:
    """Return the unit rows and each person's unit.

    The executive unit is headed by the top; a department under each partner, a
    team under every other director; everyone else is in their manager's unit.
    """
    rows: list[_UnitRow] = [("u-exec", "Executive", "management", None, ids[0])]
    unit_of = [""] * len(ids)
    unit_of[0] = "u-exec"
    for i in range(1, len(ids)):
        lv, boss = levels[i], managers[i]
        if lv == 1:
            function = _FUNCTIONS[len(rows) % len(_FUNCTIONS)]
            unit_of[i] = f"u-{ids[i]}"
            rows.append((unit_of[i], f"{function.title()} {len(rows)}", function, "u-exec", ids[i]))
        elif lv == _DIRECTOR_LEVEL and i % 2 == 0:
            unit_of[i] = f"u-{ids[i]}"
            rows.append((unit_of[i], f"Team {len(rows)}", "delivery", unit_of[boss], ids[i]))
        else:
            unit_of[i] = unit_of[boss]
    return rows, unit_of


def _dotted_lines(managers: list[int], levels: list[int], rng: random.Random) -> list[int]:
    """Give about DOTTED_RATE of people a dotted line to a peer of their manager."""
    by_level: dict[int, list[int]] = {}
    for i, lv in enumerate(levels):
        by_level.setdefault(lv, []).append(i)
    dotted = [-1] * len(managers)
    for i in range(1, len(managers)):
        if rng.random() < DOTTED_RATE:
            peers = by_level[levels[i] - 1]
            other = peers[rng.randrange(len(peers))]
            if other != managers[i]:
                dotted[i] = other
    return dotted


def _ownership(
    ids: list[str], names: list[str], levels: list[int]
) -> tuple[list[tuple[str, str, str]], list[_StakeRow]]:
    """Partners hold the firm (every third through a holding company)."""
    entities = [("firm", "Synthetic Partners LLP", "llp")]
    stakes: list[_StakeRow] = []
    partners = [i for i, lv in enumerate(levels) if lv < _PARTNER_LEVELS]
    per_partner = (1.0 - _INVESTORS * _INVESTOR_SHARE) / len(partners)
    for k, i in enumerate(partners):
        if k % 3 == 1:
            holdco = f"h-{ids[i]}"
            entities.append((holdco, f"{names[i]} Holdings Ltd", "company"))
            stakes.append((ids[i], holdco, 1.0, "limited"))
            stakes.append((holdco, "firm", per_partner, "limited"))
        else:
            stakes.append((ids[i], "firm", per_partner, "unlimited" if k == 0 else None))
    return entities, stakes


def _relationships(
    ids: list[str], levels: list[int], rng: random.Random
) -> list[tuple[str, str, str]]:
    """Partners and directors near the top hold client, supplier and investor ties."""
    kinds = ("client", "client", "client", "supplier", "investor")
    n = len(levels)
    top = range(min(n, 10 * (1 + MAX_SPAN)))
    holders = [i for i in top if levels[i] <= _DIRECTOR_LEVEL]
    return [
        (ids[i], kinds[(i + j) % len(kinds)], f"Counterparty {rng.randrange(max(10, n // 50))}")
        for i in holders
        for j in range(_RELATIONSHIPS_PER_HOLDER)
    ]


def synthetic_spec(n_people: int, *, seed: int = 0) -> Spec:
    """Return a synthetic organisation of *n_people* as plain columns.

    Parameters
    ----------
    n_people : int
        How many members, at least 1; three outside investors (people with
        ``employment: none`` and a stake) come on top.
    seed : int
        The same seed gives the same organisation.

    Examples
    --------
    >>> spec = synthetic_spec(1000, seed=3)
    >>> len(spec), spec.managers[0], spec.ids[:2]
    (1003, -1, ['p0000', 'p0001'])
    """
    if n_people < 1:
        msg = f"n_people must be at least 1 (got {n_people})"
        raise ValueError(msg)
    rng = random.Random(seed)
    managers, levels = _grow_tree(n_people, rng)
    n = len(managers)
    width = len(str(n + _INVESTORS))
    ids = [f"p{i:0{width}d}" for i in range(n)]
    names = [f"{rng.choice(_FIRST)} {rng.choice(_LAST)}" for _ in range(n)]
    unit_rows, unit_of = _units(ids, managers, levels)
    dotted = _dotted_lines(managers, levels, rng)
    entities, stakes = _ownership(ids, names, levels)
    for k in range(_INVESTORS):
        ids.append(f"x{n + k:0{width}d}")
        names.append(f"Investor {k + 1}")
        stakes.append((ids[-1], "firm", _INVESTOR_SHARE, "limited"))
    outside = range(_INVESTORS)
    return Spec(
        name=f"Synthetic Partners ({n_people} people, seed {seed})",
        ids=ids,
        names=names,
        titles=[_TITLES[min(lv, len(_TITLES) - 1)] for lv in levels] + ["" for _ in outside],
        employment=["partner" if lv < _PARTNER_LEVELS else "employee" for lv in levels]
        + ["none" for _ in outside],
        units=unit_of + ["" for _ in outside],
        managers=managers + [-1 for _ in outside],
        dotted=dotted + [-1 for _ in outside],
        responsibilities=[rng.choice(_LEVEL_TAGS[min(lv, len(_LEVEL_TAGS) - 1)]) for lv in levels]
        + [() for _ in outside],
        emails=[f"{i}@firm.example" for i in ids[:n]]
        + [f"investor{k + 1}@fund.example" for k in outside],
        unit_rows=unit_rows,
        entities=entities,
        stakes=stakes,
        relationships=_relationships(ids, levels, rng),
        focal_entity="firm",
        levels=levels + [-1 for _ in outside],
    )


def organization_from_spec(spec: Spec) -> om.Organization:
    """Build (and validate) the :class:`orgmodel.Organization` of *spec*."""
    ids = spec.ids
    employment = {e.value: e for e in om.Employment}
    people = [
        om.Person(
            ids[i],
            spec.names[i],
            title=spec.titles[i],
            employment=employment[spec.employment[i]],
            unit=spec.units[i] or None,
            manager=ids[spec.managers[i]] if spec.managers[i] >= 0 else None,
            dotted=(ids[spec.dotted[i]],) if spec.dotted[i] >= 0 else (),
            responsibilities=spec.responsibilities[i],
            attributes={"email": spec.emails[i]},
        )
        for i in range(len(ids))
    ]
    units = [
        om.Unit(uid, name, function=function, parent=parent, head=head)
        for uid, name, function, parent, head in spec.unit_rows
    ]
    entities = [om.Entity(eid, name, kind=om.EntityKind(kind)) for eid, name, kind in spec.entities]
    stakes = [
        om.Stake(
            holder,
            entity,
            om.Share.exact(share),
            liability=om.Liability(liability) if liability else None,
        )
        for holder, entity, share, liability in spec.stakes
    ]
    relationships = [
        om.Relationship(person, om.RelationshipKind(kind), counterparty)
        for person, kind, counterparty in spec.relationships
    ]
    return om.Organization(
        name=spec.name,
        people=people,
        entities=entities,
        units=units,
        stakes=stakes,
        relationships=relationships,
        focal_entity=spec.focal_entity,
    )


def synthetic_organization(n_people: int, *, seed: int = 0) -> om.Organization:
    """Return a validated synthetic organisation of about *n_people* people.

    Parameters
    ----------
    n_people : int
        How many members; three outside investors come on top.
    seed : int
        The same seed gives the same (equal) organisation.

    Examples
    --------
    >>> org = synthetic_organization(200, seed=1)
    >>> len(org.people), org.focal.id
    (203, 'firm')
    >>> org == synthetic_organization(200, seed=1)
    True
    """
    was_enabled = gc.isenabled()
    gc.disable()  # a million records, none in a cycle: the collector would only slow it
    try:
        return organization_from_spec(synthetic_spec(n_people, seed=seed))
    finally:
        if was_enabled:
            gc.enable()


PEOPLE_COLUMNS = (
    "id",
    "name",
    "title",
    "manager_id",
    "unit",
    "employment",
    "dotted_manager_ids",
    "responsibilities",
    "email",
)


def write_csv(source: Spec | om.Organization, directory: str | Path) -> Path:
    """Write *source* as ``people.csv`` and its sibling files into *directory*.

    The layout is ``orgmodel``'s CSV format (``om.load(path)`` reads it back):
    ``people.csv`` (extra ``email`` column kept as an attribute; lists separated by
    ``;``), ``organization.csv``, ``entities.csv``, ``units.csv``, ``stakes.csv``
    and ``relationships.csv``.  An :class:`orgmodel.Organization` is written with
    ``om.dump``; a :class:`Spec` directly, which is much faster for a million people.

    Returns
    -------
    pathlib.Path
        The path of ``people.csv``, ready for ``om.load``.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     spec = synthetic_spec(50)
    ...     people = write_csv(spec, tmp)
    ...     (people.name, om.load(people) == organization_from_spec(spec))
    ('people.csv', True)
    """
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    people = folder / "people.csv"
    if isinstance(source, om.Organization):
        om.dump(source, people)
        return people
    for name, columns, rows in _spec_tables(source):
        with (folder / name).open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            writer.writerows(rows)
    return people


_Table = tuple[str, Sequence[str], Iterable[Sequence[object]]]


def _spec_tables(spec: Spec) -> Iterator[_Table]:
    ids, managers, dotted = spec.ids, spec.managers, spec.dotted
    people = (
        (
            ids[i],
            spec.names[i],
            spec.titles[i],
            ids[managers[i]] if managers[i] >= 0 else "",
            spec.units[i],
            spec.employment[i],
            ids[dotted[i]] if dotted[i] >= 0 else "",
            ";".join(spec.responsibilities[i]),
            spec.emails[i],
        )
        for i in range(len(ids))
    )
    yield "people.csv", PEOPLE_COLUMNS, people
    yield "organization.csv", ("name", "focal_entity"), [(spec.name, spec.focal_entity)]
    yield "entities.csv", ("id", "name", "kind"), spec.entities
    units = ((uid, name, fn, parent or "", head) for uid, name, fn, parent, head in spec.unit_rows)
    yield "units.csv", ("id", "name", "function", "parent", "head"), units
    stakes = ((h, e, repr(share), liability or "") for h, e, share, liability in spec.stakes)
    yield "stakes.csv", ("holder", "entity", "share", "liability"), stakes
    yield "relationships.csv", ("person", "kind", "counterparty"), spec.relationships


def main(argv: list[str] | None = None) -> None:
    """Write a synthetic organisation's CSV files."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", type=parse_size, help="number of people: 2500, 10k, 1M")
    parser.add_argument("directory", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    print(write_csv(synthetic_spec(args.size, seed=args.seed), args.directory))


if __name__ == "__main__":
    main()
