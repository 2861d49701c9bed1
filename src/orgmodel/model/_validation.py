"""The checks an :class:`~orgmodel.model.Organization` runs when it is built.

One pass over the records collects every error and every warning; nothing stops at
the first.  All checks are iterative and linear in the size of the organisation.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from orgmodel._suggest import did_you_mean
from orgmodel.model._arguments import record_type_problems
from orgmodel.model._json_values import json_problem
from orgmodel.model.problems import Problem, ProblemCode, Severity
from orgmodel.model.records import EXTERNAL_PREFIX, Entity, Person, Stake, Unit
from orgmodel.model.share import Share

if TYPE_CHECKING:
    from orgmodel.model.organization import Organization

__all__ = ["validate"]

_EPSILON = 1e-9
_SUGGESTION_LIMIT = 200  # did-you-mean is costly; suggest for the first problems only
_BAD_ID_CHARACTER = re.compile("[\x00-\x1f]")  # control characters
_SHOWN_ROOTS = 5

_Node = Person | Entity | Unit


class _Collector:
    def __init__(self) -> None:
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []

    def error(self, code: ProblemCode, location: str, message: str) -> None:
        self.errors.append(Problem(code, location, message))

    def warn(self, code: ProblemCode, location: str, message: str) -> None:
        self.warnings.append(Problem(code, location, message, Severity.WARNING))

    def hint(self, word: str, candidates: Collection[str]) -> str:
        if len(self.errors) >= _SUGGESTION_LIMIT:
            return ""
        return did_you_mean(word, candidates)


def validate(org: Organization) -> tuple[dict[str, _Node], list[Problem], list[Problem]]:
    """Check *org*; return its id index, the errors and the warnings."""
    wrong = record_type_problems(org)  # the other checks assume the right types
    if wrong:
        return {}, wrong, []
    out = _Collector()
    index = _check_ids(org, out)
    managers = _check_people(org, index, out)
    _check_units(org, index, out)
    _check_reporting_cycles(org, managers, out)
    _check_stakes(org, index, out)
    _check_relationships(org, index, out)
    _check_focal(org, index, out)
    _check_attributes(org, out)
    if not out.errors:
        _collect_warnings(org, out)
    return index, out.errors, out.warnings


def _records(org: Organization) -> Iterator[tuple[str, Sequence[_Node]]]:
    yield "people", org.people
    yield "entities", org.entities
    yield "units", org.units


def _check_ids(org: Organization, out: _Collector) -> dict[str, _Node]:
    index: dict[str, _Node] = {}
    first: dict[str, str] = {}
    bad = _BAD_ID_CHARACTER.search
    prefix = EXTERNAL_PREFIX
    for group, records in _records(org):
        for i, record in enumerate(records):
            rid = record.id
            # isprintable() is a fast C test that rules out control characters.
            if not rid or rid != rid.strip() or (not rid.isprintable() and bad(rid)):
                out.error(
                    ProblemCode.BAD_ID,
                    f"{group}[{i}].id",
                    f"id {rid!r} must be non-empty, without surrounding spaces "
                    "or control characters",
                )
            elif rid.startswith(prefix):
                out.error(
                    ProblemCode.BAD_ID,
                    f"{group}[{i}].id",
                    f"id {rid!r} must not start with {prefix!r}, "
                    "which marks outside counterparties in the graph",
                )
            if index.setdefault(rid, record) is not record:
                if not first:  # built once, on the first duplicate only
                    first.update(_first_locations(org))
                location = f"{group}[{i}]"
                out.error(
                    ProblemCode.DUPLICATE_ID,
                    f"{location}.id",
                    f"id {rid!r} is used twice: {first[rid]} and {location}",
                )
    return index


def _first_locations(org: Organization) -> dict[str, str]:
    """Map each id to where it first occurs."""
    first: dict[str, str] = {}
    for group, records in _records(org):
        for i, record in enumerate(records):
            first.setdefault(record.id, f"{group}[{i}]")
    return first


def _is(index: dict[str, _Node], rid: str, cls: type) -> bool:
    return isinstance(index.get(rid), cls)


def _unknown(  # noqa: PLR0917 - one private helper, called the same way everywhere
    out: _Collector, index: dict[str, _Node], rid: str, cls: type, what: str, context: str
) -> str:
    """Say what is wrong with reference *rid*, with *context*, then any suggestion."""
    found = index.get(rid)
    article = "an" if what[0] in "aeiou" else "a"
    if found is not None:
        return f"{rid!r} {context} is a {type(found).__name__.lower()}, not {article} {what}"
    pool = (
        [k for k, v in index.items() if isinstance(v, cls)]
        if len(out.errors) < _SUGGESTION_LIMIT
        else []
    )
    return f"unknown {what} {rid!r} {context}{out.hint(rid, pool)}"


def _check_people(org: Organization, index: dict[str, _Node], out: _Collector) -> dict[str, str]:
    """Check each person's references; return the valid solid lines, report → manager."""
    managers: dict[str, str] = {}
    for i, p in enumerate(org.people):
        if p.unit is not None and not isinstance(index.get(p.unit), Unit):
            msg = _unknown(out, index, p.unit, Unit, "unit", f"for {p.id!r}")
            out.error(ProblemCode.UNKNOWN_REFERENCE, f"people[{i}].unit", msg)
        if p.manager is not None:
            if p.manager == p.id:
                out.error(
                    ProblemCode.SELF_MANAGER,
                    f"people[{i}].manager",
                    f"{p.id!r} is their own manager",
                )
            elif not isinstance(index.get(p.manager), Person):
                msg = _unknown(out, index, p.manager, Person, "person", f"as manager of {p.id!r}")
                out.error(ProblemCode.UNKNOWN_REFERENCE, f"people[{i}].manager", msg)
            else:
                managers[p.id] = p.manager
        if p.dotted:
            _check_dotted(i, p, index, out)
    return managers


def _check_dotted(i: int, p: Person, index: dict[str, _Node], out: _Collector) -> None:
    seen: set[str] = set()
    for j, m in enumerate(p.dotted):
        dloc = f"people[{i}].dotted[{j}]"
        if m == p.id:
            out.error(ProblemCode.SELF_MANAGER, dloc, f"{p.id!r} is their own dotted-line manager")
        elif not _is(index, m, Person):
            msg = _unknown(out, index, m, Person, "person", f"as dotted-line manager of {p.id!r}")
            out.error(ProblemCode.UNKNOWN_REFERENCE, dloc, msg)
        elif m == p.manager or m in seen:
            out.error(
                ProblemCode.DUPLICATE_LINE,
                dloc,
                f"{p.id!r} reports to {m!r} twice; keep one line",
            )
        seen.add(m)


def _check_units(org: Organization, index: dict[str, _Node], out: _Collector) -> None:
    for i, u in enumerate(org.units):
        loc = f"units[{i}]"
        if u.parent is not None:
            if u.parent == u.id:
                out.error(
                    ProblemCode.UNIT_CYCLE, f"{loc}.parent", f"unit {u.id!r} is its own parent"
                )
            elif not _is(index, u.parent, Unit):
                msg = _unknown(out, index, u.parent, Unit, "unit", f"as parent of {u.id!r}")
                out.error(ProblemCode.UNKNOWN_REFERENCE, f"{loc}.parent", msg)
        if u.head is not None and not _is(index, u.head, Person):
            msg = _unknown(out, index, u.head, Person, "person", f"as head of {u.id!r}")
            out.error(ProblemCode.UNKNOWN_REFERENCE, f"{loc}.head", msg)
    parents = {u.id: u.parent for u in org.units if u.parent is not None and u.parent != u.id}
    position: dict[str, int] = {}
    for i, u in enumerate(org.units):
        position.setdefault(u.id, i)
    for cycle in _cycles(parents):
        out.error(
            ProblemCode.UNIT_CYCLE,
            f"units[{position[cycle[0]]}].parent",
            "units nest in a cycle" + _cycle_text(cycle, "units"),
        )


def _cycles(parent: dict[str, str]) -> list[list[str]]:
    """Return every cycle of the functional graph *parent*, each once, iteratively.

    Each walk marks the nodes it visits with its number and stops at a node already
    marked; it has found a new cycle when that node is its own.  Each node is visited
    once, so this is linear.
    """
    walk_of: dict[str, int] = {}
    cycles: list[list[str]] = []
    for walk, start in enumerate(parent):
        if start in walk_of:
            continue
        node: str | None = start
        while node is not None and node not in walk_of:
            walk_of[node] = walk
            node = parent.get(node)
        if node is not None and walk_of[node] == walk:
            cycle = [node]
            step = parent[node]
            while step != node:
                cycle.append(step)
                step = parent[step]
            cycles.append(cycle)
    return cycles


_CYCLE_HEAD, _CYCLE_TAIL = 5, 3  # members named at each end of a long cycle


def _cycle_text(cycle: list[str], members: str) -> str:
    """Name the members of *cycle* back to the first; a long one by its length and ends.

    Examples
    --------
    >>> _cycle_text(["a", "b"], "people")
    ': a → b → a'
    >>> _cycle_text([f"p{i}" for i in range(500_000)], "people")
    ' of 500,000 people: p0 → p1 → p2 → p3 → p4 → … → p499997 → p499998 → p499999 → p0'
    """
    if len(cycle) <= _CYCLE_HEAD + _CYCLE_TAIL + 1:
        return ": " + " → ".join([*cycle, cycle[0]])
    shown = [*cycle[:_CYCLE_HEAD], "…", *cycle[-_CYCLE_TAIL:], cycle[0]]
    return f" of {len(cycle):,} {members}: " + " → ".join(shown)


def _check_reporting_cycles(org: Organization, managers: dict[str, str], out: _Collector) -> None:
    cycles = _cycles(managers)
    if not cycles:
        return
    position: dict[str, int] = {}
    for i, p in enumerate(org.people):
        position.setdefault(p.id, i)
    for cycle in cycles:
        first = min(cycle, key=position.__getitem__)
        k = cycle.index(first)
        ordered = cycle[k:] + cycle[:k]
        out.error(
            ProblemCode.REPORTING_CYCLE,
            f"people[{position[first]}].manager",
            "reporting cycle" + _cycle_text(ordered, "people"),
        )


def _check_stakes(org: Organization, index: dict[str, _Node], out: _Collector) -> None:
    valid = [(i, s) for i, s in enumerate(org.stakes) if _check_stake(i, s, index, out)]
    totals: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
    first_stake: dict[str, int] = {}
    for i, s in valid:
        first_stake.setdefault(s.entity, i)
        for name, value in _measures(s.share, s.voting, s.profit_share):
            bounds = totals[s.entity, name]
            bounds[0] += value.lower
            bounds[1] += value.upper
    for (entity, name), (lower, upper) in totals.items():
        if lower > 1.0 + _EPSILON:
            ranged = " counting the lower bounds of ranges" if lower != upper else ""
            out.error(
                ProblemCode.SHARE_OVERFLOW,
                f"stakes[{first_stake[entity]}].{name}",
                f"stakes in {entity!r} add up to {lower * 100:.4g}% ({name}){ranged}, over 100%",
            )


def _vacant_holder(
    index: dict[str, _Node], rid: str, where: str, what: str, out: _Collector
) -> bool:
    """Report a vacant post holding *what* (a stake, a relationship); say whether it is one."""
    holder = index.get(rid)
    if not (isinstance(holder, Person) and holder.vacant):
        return False
    out.error(
        ProblemCode.VACANT_POST,
        where,
        f"{rid!r} is a vacant post and cannot hold {what}; give it to the person who "
        "holds it, or fill the post",
    )
    return True


def _check_stake(i: int, s: Stake, index: dict[str, _Node], out: _Collector) -> bool:
    loc = f"stakes[{i}]"
    ok = True
    _vacant_holder(index, s.holder, f"{loc}.holder", f"a stake in {s.entity!r}", out)
    if not (_is(index, s.holder, Person) or _is(index, s.holder, Entity)):
        ok = False
        if s.holder in index:
            msg = f"{s.holder!r} is a unit; only people and entities hold stakes"
        else:
            msg = f"unknown holder {s.holder!r} of a stake in {s.entity!r}"
            msg += out.hint(s.holder, index)
        out.error(ProblemCode.UNKNOWN_REFERENCE, f"{loc}.holder", msg)
    if not _is(index, s.entity, Entity):
        ok = False
        msg = _unknown(out, index, s.entity, Entity, "entity", f"held by {s.holder!r}")
        out.error(ProblemCode.UNKNOWN_REFERENCE, f"{loc}.entity", msg)
    if s.holder == s.entity:
        ok = False
        out.error(ProblemCode.SELF_HOLDING, loc, f"entity {s.entity!r} holds a stake in itself")
    return ok


def _measures(
    share: Share, voting: Share | None, profit: Share | None
) -> Iterator[tuple[str, Share]]:
    yield "share", share
    if voting is not None:
        yield "voting", voting
    if profit is not None:
        yield "profit_share", profit


def _check_relationships(org: Organization, index: dict[str, _Node], out: _Collector) -> None:
    for i, r in enumerate(org.relationships):
        where = f"relationships[{i}].person"
        held = f"a relationship with {r.counterparty!r}"
        if not _vacant_holder(index, r.person, where, held, out) and not _is(
            index, r.person, Person
        ):
            context = f"in a relationship with {r.counterparty!r}"
            msg = _unknown(out, index, r.person, Person, "person", context)
            out.error(ProblemCode.UNKNOWN_REFERENCE, f"relationships[{i}].person", msg)
        if not r.counterparty.strip():
            out.error(
                ProblemCode.BAD_ID,
                f"relationships[{i}].counterparty",
                "a counterparty needs a name",
            )


def _check_focal(org: Organization, index: dict[str, _Node], out: _Collector) -> None:
    if org.focal_entity is not None and not _is(index, org.focal_entity, Entity):
        msg = _unknown(out, index, org.focal_entity, Entity, "entity", "as focal_entity")
        out.error(ProblemCode.UNKNOWN_REFERENCE, "focal_entity", msg)


def _check_attributes(org: Organization, out: _Collector) -> None:
    groups: list[tuple[str, Any]] = [
        ("people", org.people),
        ("entities", org.entities),
        ("units", org.units),
        ("stakes", org.stakes),
        ("relationships", org.relationships),
    ]
    for name, records in groups:
        for i, record in enumerate(records):
            if record.attributes and (why := json_problem(record.attributes)):
                out.error(
                    ProblemCode.WRONG_TYPE,
                    f"{name}[{i}].attributes",
                    f"attributes must be JSON values: {why}",
                )


def _collect_warnings(org: Organization, out: _Collector) -> None:
    roots = org.roots
    if len(roots) > 1:
        shown = ", ".join(repr(p.id) for p in roots[:_SHOWN_ROOTS]) + (
            ", ..." if len(roots) > _SHOWN_ROOTS else ""
        )
        out.warn(
            ProblemCode.SEVERAL_ROOTS,
            "people",
            f"{len(roots)} people have no manager ({shown}); the chart will have several tops",
        )
    vocabulary = org.vocabulary
    known = frozenset(vocabulary)  # a set test is much faster than the Mapping's
    for i, p in enumerate(org.people):
        for j, tag in enumerate(p.responsibilities):
            if tag not in known:
                out.warn(
                    ProblemCode.UNKNOWN_TAG,
                    f"people[{i}].responsibilities[{j}]",
                    f"unknown responsibility {tag!r} of {p.id!r} is kept but not used"
                    f"{did_you_mean(tag, vocabulary)}",
                )
    held: dict[str, float] = defaultdict(float)
    for s in org.stakes:
        held[s.entity] += s.share.upper
    position = {e.id: i for i, e in enumerate(org.entities)}  # ids are unique here
    for entity, total in held.items():
        if total < 1.0 - _EPSILON:
            out.warn(
                ProblemCode.UNALLOCATED_SHARES,
                f"entities[{position[entity]}]",
                f"{(1.0 - total) * 100:.4g}% of {entity!r} is held by nobody in the model",
            )
    if org.focal_entity is None and len(org.entities) > 1:
        out.warn(
            ProblemCode.NO_FOCAL_ENTITY,
            "focal_entity",
            f"{len(org.entities)} entities and no focal_entity; "
            "set it to say whose organisation this is",
        )
