"""Reading the document format of DESIGN §3: parsed data → :class:`~orgmodel.Organization`.

:func:`organization_from_data` reads a mapping as YAML or JSON parse it (or as any
other front end builds it), collects **every** problem with its path in the document
(``people[3].manager``), then builds the organisation so that model validation adds
its own problems to the same :class:`~orgmodel.ValidationError`.
:func:`orgmodel.io.organization_to_data` is its lossless inverse.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from orgmodel._suggest import did_you_mean
from orgmodel.io import _fields as F  # noqa: N812 - the tables read well as F.PERSON
from orgmodel.io._locations import Locate, Relocator, describe, no_place
from orgmodel.io._to_data import organization_to_data  # the inverse, re-exported
from orgmodel.model import (
    Employment,
    Entity,
    EntityKind,
    LineKind,
    Organization,
    Person,
    Relationship,
    Stake,
    Unit,
)
from orgmodel.model.exceptions import ValidationError
from orgmodel.model.problems import Problem, ProblemCode
from orgmodel.model.vocabulary import Tag

__all__ = ["build", "organization_from_data", "organization_to_data"]


def organization_from_data(data: object, *, source: str = "<data>") -> Organization:
    """Build an :class:`~orgmodel.Organization` from data in the orgmodel file format.

    Parameters
    ----------
    data : object
        A mapping with the keys of DESIGN §3 (``organization``, ``people``,
        ``stakes``, ...), as a YAML or JSON parser returns it.
    source : str
        What the data came from, for the error message.

    Returns
    -------
    Organization

    Raises
    ------
    ValidationError
        Listing every problem at once: unknown or missing keys, wrong types, unknown
        enumeration values, bad shares, and the model's own checks (duplicate ids,
        unknown references, reporting cycles, ...), each at its path in the data.

    Examples
    --------
    >>> from orgmodel.io import organization_from_data
    >>> org = organization_from_data(
    ...     {
    ...         "organization": "Acme",
    ...         "people": [{"id": "ann", "name": "Ann"}, {"id": "bob", "name": "Bob"}],
    ...         "lines": [{"report": "bob", "manager": "ann"}],
    ...     }
    ... )
    >>> org.person("bob").manager
    'ann'
    >>> organization_from_data({"people": [{"id": "ann", "name": "Ann", "manger": "bob"}]})
    Traceback (most recent call last):
    ...
    orgmodel.exceptions.ValidationError: 1 problem in <data>:
      - people[0].manger: unknown key 'manger' — did you mean 'manager'? [unknown-key]
    """
    return build(data, source=source, locate=no_place)


def build(data: object, *, source: str, locate: Locate) -> Organization:
    """Do the work of :func:`organization_from_data`, showing paths through *locate*."""
    reader = F.FieldReader()
    if data is None:
        reader.add(ProblemCode.EMPTY_DOCUMENT, "", "the document is empty")
        raise ValidationError(reader.problems, source=source)
    top = reader.record(data, "", F.TOP)
    if top is None:
        problem = Problem(
            ProblemCode.WRONG_TYPE,
            "",
            "the document must be a mapping with keys such as 'organization' and 'people' "
            f"(got {describe(data)})",
        )
        raise ValidationError([problem], source=source)
    builder = _Builder(reader)
    org_args = builder.collect(top)
    problems = [_relocated(p, locate) for p in reader.problems]
    try:
        org = Organization(**org_args)
    except ValidationError as err:
        problems.extend(builder.relocator.problems(err.problems, locate))
    else:
        if not problems:
            return org
    raise ValidationError(problems, source=source)


def _relocated(problem: Problem, locate: Locate) -> Problem:
    return Problem(problem.code, locate(problem.location), problem.message, problem.severity)


class _Builder:
    """Turn the checked sections into records, remembering where each came from."""

    def __init__(self, reader: F.FieldReader) -> None:
        self.reader = reader
        self.relocator = Relocator()

    def section(
        self, top: Mapping[str, Any], name: str, fields: Mapping[str, F.Field]
    ) -> list[tuple[int, Any]]:
        """Read the records of section *name*; already built records pass through."""
        items = top.get(name) or []
        out: list[tuple[int, Any]] = []
        for i, item in enumerate(items):
            if isinstance(item, Person):
                out.append((i, item))
                continue
            record = self.reader.record(item, f"{name}[{i}]", fields)
            if record is not None:
                out.append((i, record))
        return out

    def keep(
        self, name: str, rows: list[tuple[int, Any]], needed: tuple[str, ...]
    ) -> list[tuple[int, Any]]:
        """Keep the records with every *needed* value; remember their positions."""
        kept = [
            (i, r)
            for i, r in rows
            if not isinstance(r, dict) or all(r.get(k) is not None for k in needed)
        ]
        self.relocator.positions[name] = [i for i, _ in kept]
        return kept

    def collect(self, top: Mapping[str, Any]) -> dict[str, Any]:
        given = top.get("people")
        if isinstance(given, list) and all(type(p) is Person for p in given):
            built: list[Person] = given  # records built by a fast reader (CSV)
        else:
            people = self.keep("people", self.section(top, "people", F.PERSON), ("id",))
            self.fold_lines(top, people)
            built = [_person(r) if isinstance(r, dict) else r for _, r in people]
        entities = self.keep("entities", self.section(top, "entities", F.ENTITY), ("id",))
        units = self.keep("units", self.section(top, "units", F.UNIT), ("id",))
        stakes = self.keep(
            "stakes", self.section(top, "stakes", F.STAKE), ("holder", "entity", "share")
        )
        relationships = self.keep(
            "relationships",
            self.section(top, "relationships", F.RELATIONSHIP),
            ("person", "kind", "counterparty"),
        )
        return {
            "name": top.get("organization") or "",
            "people": built,
            "entities": [_entity(r) for _, r in entities],
            "units": [_unit(r) for _, r in units],
            "stakes": [_stake(r) for _, r in stakes],
            "relationships": [_relationship(r) for _, r in relationships],
            "focal_entity": top.get("focal_entity"),
            "custom_tags": self.tags(top),
        }

    def fold_lines(self, top: Mapping[str, Any], people: list[tuple[int, Any]]) -> None:
        """Put top-level ``lines`` onto the people they belong to."""
        lines = self.section(top, "lines", F.LINE)
        if not lines:
            return
        by_id: dict[str, tuple[int, dict[str, Any]]] = {}
        for i, record in people:
            if isinstance(record, dict):
                by_id.setdefault(record["id"], (i, record))
        solid_from: dict[str, str] = {}
        for k, line in lines:
            report, manager = line.get("report"), line.get("manager")
            if report is None or manager is None:
                continue
            where = f"lines[{k}]"
            found = by_id.get(report)
            if found is None:
                self.reader.add(
                    ProblemCode.UNKNOWN_REFERENCE,
                    f"{where}.report",
                    f"unknown person {report!r} in a reporting line to {manager!r}"
                    f"{did_you_mean(report, by_id)}",
                )
                continue
            i, person = found
            if line.get("kind", LineKind.SOLID) is LineKind.SOLID:
                current = person.get("manager")
                if current == manager:
                    self.reader.add(
                        ProblemCode.DUPLICATE_LINE,
                        where,
                        f"{report!r} reports to {manager!r} twice; keep one line",
                    )
                    continue
                if current is not None:
                    origin = solid_from.get(report, f"people[{i}].manager")
                    self.reader.add(
                        ProblemCode.SEVERAL_MANAGERS,
                        where,
                        f"{report!r} has two solid-line managers: {current!r} ({origin}) and "
                        f"{manager!r} ({where}); keep one and make the other dotted",
                    )
                    continue
                person["manager"] = manager
                solid_from[report] = where
                self.relocator.origins[f"people[{i}].manager"] = f"{where}.manager"
            else:
                dotted = person.get("dotted") or ()
                self.relocator.origins[f"people[{i}].dotted[{len(dotted)}]"] = f"{where}.manager"
                person["dotted"] = (*dotted, manager)

    def tags(self, top: Mapping[str, Any]) -> list[Tag]:
        out: list[Tag] = []
        seen: dict[str, int] = {}
        for k, record in self.section(top, "vocabulary", F.TAG):
            name, leans = record.get("tag"), record.get("leans")
            if name is None or leans is None:
                continue
            where = f"vocabulary[{k}]"
            try:
                tag = Tag(name, leans, record.get("description") or "")
            except ValueError as err:
                code = ProblemCode.BAD_ID if "'name'" in str(err) else ProblemCode.UNKNOWN_VALUE
                field = "tag" if code is ProblemCode.BAD_ID else "leans"
                self.reader.add(code, f"{where}.{field}", str(err).replace("'name'", "'tag'"))
                continue
            if name in seen:
                self.reader.add(
                    ProblemCode.DUPLICATE_ID,
                    f"{where}.tag",
                    f"tag {name!r} is defined twice: vocabulary[{seen[name]}] and {where}",
                )
                continue
            seen[name] = k
            out.append(tag)
        return out


def _person(r: dict[str, Any]) -> Person:
    return Person(
        r["id"],
        r.get("name") or "",
        title=r.get("title") or "",
        employment=r.get("employment") or Employment.EMPLOYEE,
        unit=r.get("unit"),
        manager=r.get("manager"),
        dotted=r.get("dotted") or (),
        responsibilities=r.get("responsibilities") or (),
        vacant=r.get("vacant") or False,
        attributes=r.get("attributes") or {},
    )


def _entity(r: dict[str, Any]) -> Entity:
    return Entity(
        r["id"],
        r.get("name") or "",
        kind=r.get("kind") or EntityKind.COMPANY,
        attributes=r.get("attributes") or {},
    )


def _unit(r: dict[str, Any]) -> Unit:
    return Unit(
        r["id"],
        r.get("name") or "",
        function=r.get("function") or "",
        parent=r.get("parent"),
        head=r.get("head"),
        attributes=r.get("attributes") or {},
    )


def _stake(r: dict[str, Any]) -> Stake:
    return Stake(
        r["holder"],
        r["entity"],
        r["share"],
        voting=r.get("voting"),
        profit_share=r.get("profit_share"),
        liability=r.get("liability"),
        attributes=r.get("attributes") or {},
    )


def _relationship(r: dict[str, Any]) -> Relationship:
    return Relationship(
        r["person"], r["kind"], r["counterparty"], attributes=r.get("attributes") or {}
    )
