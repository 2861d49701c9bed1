"""People as a reader of foreign data found them → an :class:`~orgmodel.Organization`.

The readers of HR exports, org-chart tools' tables, directory dumps and organograms
each fill a :class:`Roster`, one list per field, and :func:`build_roster` does the
rest the same way for all of them: managers resolved by what they hold
(:mod:`orgmodel.io._references`), departments made into units
(:mod:`orgmodel.io._units`), and every problem — the reader's, the references', the
model's — reported at once, each at its file, row and column.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from orgmodel.io._locations import segments
from orgmodel.io._references import By, References, Unresolved
from orgmodel.io._units import units_from_paths
from orgmodel.model import Employment, Organization, Person
from orgmodel.model.exceptions import ValidationError
from orgmodel.model.problems import Problem, ProblemCode, Severity

__all__ = ["Roster", "build_roster"]

#: ``(row index, field) -> location``: ``hr.csv:14, column Manager Email``.
Place = Callable[[int, str], str]


def _nowhere(_index: int, _field: str) -> str:
    return ""


@attrs.define
class Roster:
    """The people of one input, field by field (every list has one entry per person).

    Attributes
    ----------
    source : str
        The input, for the error message.
    ids, names : list of str
        Each person's id and display name.
    titles : list of str or None
        Job titles.
    managers : list of str or None
        Each person's solid-line manager as the input refers to them ("" for none).
    dotted : list of list of str or None
        Dotted-line managers, likewise.
    units : list of tuple of str or None
        The path of each person's unit (``()`` for none).
    emails, dns : list of str or None
        E-mail addresses and LDAP DNs, for resolving references.
    employment : list of Employment or None
        How each stands to the organisation.
    vacant : list of bool or None
        Which entries are vacant posts.
    responsibilities : list of tuple of str or None
        Responsibility tags.
    attributes : list of dict
        Each person's attributes.
    place : callable
        ``(row index, field) -> location`` for problems.
    problems : list of Problem
        What the reader found wrong already.
    detected : str
        What the reader detected, for the ``columns-detected`` warning ("" for none).
    tops : frozenset of str
        Manager references that mean "nobody: this is the top" (an organogram's ``XX``).
    name : str
        The organisation's name.
    """

    source: str
    ids: list[str]
    names: list[str]
    attributes: list[dict[str, Any]]
    titles: list[str] | None = None
    managers: list[str] | None = None
    dotted: list[list[str]] | None = None
    units: list[tuple[str, ...]] | None = None
    emails: list[str] | None = None
    dns: list[str] | None = None
    employment: list[Employment] | None = None
    vacant: list[bool] | None = None
    responsibilities: list[tuple[str, ...]] | None = None
    place: Place = _nowhere
    problems: list[Problem] = attrs.field(factory=list)
    detected: str = ""
    tops: frozenset[str] = frozenset()
    name: str = ""


def _resolve_one(roster: Roster, refs: References, i: int, value: str, field: str) -> str | None:
    if not value or (roster.tops and value.strip().upper() in roster.tops):
        return None
    try:
        return refs.resolve(value)
    except Unresolved as why:
        roster.problems.append(
            Problem(
                ProblemCode.UNKNOWN_REFERENCE,
                roster.place(i, field),
                f"the {_WHAT[field]} of {roster.ids[i]!r}: {why}",
            )
        )
        return None


_WHAT = {"manager": "manager", "dotted": "dotted-line manager"}


def _resolve_managers(roster: Roster, refs: References) -> list[str | None]:
    if roster.managers is None:
        return [None] * len(roster.ids)
    out: list[str | None] = []
    append = out.append
    id_set = refs.id_set
    emails = refs.email_index() if any("@" in v for v in roster.managers[:1000]) else {}
    by_id = by_email = 0
    for i, value in enumerate(roster.managers):
        if not value:
            append(None)
        elif value in id_set:  # the common cases first: an id, an e-mail address
            by_id += 1
            append(value)
        elif found := emails.get(value.casefold()):
            by_email += 1
            append(found)
        else:
            append(_resolve_one(roster, refs, i, value, "manager"))
    refs.used[By.ID] += by_id
    refs.used[By.EMAIL] += by_email
    return out


def _resolve_dotted(roster: Roster, refs: References) -> list[tuple[str, ...]] | None:
    if roster.dotted is None:
        return None
    out: list[tuple[str, ...]] = []
    for i, values in enumerate(roster.dotted):
        found = (_resolve_one(roster, refs, i, v, "dotted") for v in values)
        out.append(tuple(v for v in found if v is not None))
    return out


def _matched_by(refs: References) -> str:
    used = [by for by in By if refs.used[by]]
    if not used:
        return ""
    return "; managers matched by " + ", ".join(
        f"{by.value} ({refs.used[by]})" for by in sorted(used, key=lambda b: -refs.used[b])
    )


def build_roster(roster: Roster) -> Organization:
    """Resolve references, make units and build the organisation (see the module).

    Raises
    ------
    ValidationError
        With every problem: the reader's, unresolved or ambiguous references, and the
        model's own checks, each at its place in the input.
    """
    refs = References(roster.ids, roster.names, roster.emails, roster.dns)
    managers = _resolve_managers(roster, refs)
    dotted = _resolve_dotted(roster, refs)
    units, unit_ids = units_from_paths(roster.units) if roster.units is not None else ([], None)
    people = _people(roster, managers, dotted, unit_ids)
    warnings: list[Problem] = []
    if roster.detected:
        message = roster.detected + _matched_by(refs)
        if units:
            message += f"; {len(units)} units made from the departments"
        warnings.append(
            Problem(ProblemCode.COLUMNS_DETECTED, roster.source, message, Severity.WARNING)
        )
    problems = list(roster.problems)
    try:
        org = Organization(name=roster.name, people=people, units=units, loader_warnings=warnings)
    except ValidationError as err:
        problems.extend(_relocated(p, roster) for p in err.problems)
    else:
        if not problems:
            return org
    raise ValidationError(problems, source=roster.source)


def _people(
    roster: Roster,
    managers: list[str | None],
    dotted: list[tuple[str, ...]] | None,
    unit_ids: list[str | None] | None,
) -> list[Person]:
    n = len(roster.ids)
    none = [None] * n
    titles = roster.titles or [""] * n
    employment = roster.employment or [Employment.EMPLOYEE] * n
    vacant = roster.vacant or [False] * n
    units = unit_ids or none
    dotted_of = dotted or [()] * n
    resp = roster.responsibilities or [()] * n
    return [
        Person(
            pid,
            name,
            title=title,
            employment=emp,
            unit=unit,
            manager=manager,
            dotted=dots,
            responsibilities=tags,
            vacant=empty,
            attributes=attributes,
        )
        for pid, name, title, emp, unit, manager, dots, tags, empty, attributes in zip(
            roster.ids,
            roster.names,
            titles,
            employment,
            units,
            managers,
            dotted_of,
            resp,
            vacant,
            roster.attributes,
            strict=True,
        )
    ]


def _relocated(problem: Problem, roster: Roster) -> Problem:
    parts = segments(problem.location)
    if len(parts) >= 2 and parts[0] == "people" and isinstance(parts[1], int):  # noqa: PLR2004
        field = parts[2] if len(parts) > 2 and isinstance(parts[2], str) else "id"  # noqa: PLR2004
        where = roster.place(parts[1], field)
        if where:
            return attrs.evolve(problem, location=where)
    return problem
