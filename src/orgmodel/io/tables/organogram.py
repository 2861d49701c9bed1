"""The UK government organogram: the senior-posts file and the junior-posts file.

Departments publish each organogram as a pair of tables (CSV, or two sheets of one
workbook) whose columns the Cabinet Office template fixes.  The **senior** file has
one row per senior post: ``Post Unique Reference`` (the id), ``Name`` (``Vacant``
or ``Eliminated`` for an empty post, ``N/D`` when the holder's name is withheld),
``Grade (or equivalent)``, ``Job Title``, ``Job/Team Function``, ``Parent
Department``, ``Organisation``, ``Unit``, ``Reports to Senior Post`` (``XX`` at the
top), ``FTE``, ``Salary Cost of Reports (£)``, ``Actual Pay Floor (£)`` and
``Actual Pay Ceiling (£)``.  The **junior** file counts the junior posts under each
senior post: ``Reporting Senior Post``, ``Grade``, ``Generic Job Title``, ``Number
of Posts in FTE`` and the pay scale.

:func:`read_senior` reads the senior file as a table of people (posts become
people, vacancies vacant posts), with ``XX`` as the top, units from ``Unit``
(under ``Organisation`` when the file covers several), and the organisation's name
from ``Organisation`` when it covers one.  :func:`add_junior` then adds, to each
senior post, ``junior_fte`` (the FTE of the junior posts reporting to it) and
``junior_posts`` (one record per junior row, its non-empty cells by header).
"""

from __future__ import annotations

from typing import Any, Final

from orgmodel.io._roster import Roster
from orgmodel.io.tables._cells import number
from orgmodel.io.tables._columns import normal
from orgmodel.io.tables._reader import Table, read_table
from orgmodel.model.problems import Problem, ProblemCode

__all__ = ["add_junior", "is_junior", "is_senior", "junior_name", "read_senior"]

_SENIOR: Final = frozenset({"postuniquereference", "reportstoseniorpost"})
_JUNIOR: Final = frozenset({"reportingseniorpost", "numberofpostsinfte"})
#: The manager reference that marks the top post.
TOP: Final = frozenset({"XX"})


def _headers(header: list[str]) -> set[str]:
    return {normal(h) for h in header}


def is_senior(header: list[str]) -> bool:
    """Whether *header* is the senior-posts file's.

    Examples
    --------
    >>> is_senior(["Post Unique Reference", "Name", "Reports to Senior Post"])
    True
    """
    return _headers(header) >= _SENIOR


def is_junior(header: list[str]) -> bool:
    """Whether *header* is the junior-posts file's.

    Examples
    --------
    >>> is_junior(["Parent Department", "Reporting Senior Post", "Number of Posts in FTE"])
    True
    """
    return _headers(header) >= _JUNIOR


def junior_name(senior: str) -> str | None:
    """Return the junior file's name for the senior file named *senior*, or ``None``.

    Examples
    --------
    >>> junior_name("2024-03-31-Organogram-Senior.csv"), junior_name("staff.csv")
    ('2024-03-31-Organogram-Junior.csv', None)
    """
    for old, new in (("senior", "junior"), ("Senior", "Junior"), ("SENIOR", "JUNIOR")):
        if old in senior:
            return senior.replace(old, new)
    return None


def read_senior(table: Table) -> Roster:
    """Read the senior-posts table (see the module)."""
    roster = read_table(table, tops=TOP, what="a UK government organogram (senior posts)")
    if roster.units is not None and any(
        normal(h) in {"organisation", "organization"} for h in table.header
    ):
        outer = {path[0] for path in roster.units if path}
        if len(outer) == 1:  # one organisation: its name, not a unit around everything
            roster.name = outer.pop()
            roster.units = [path[1:] for path in roster.units]
    return roster


def add_junior(roster: Roster, table: Table) -> None:
    """Add the junior posts of *table* to the senior posts of *roster* (see the module)."""
    header = table.header
    index = {normal(h): i for i, h in enumerate(header)}
    senior_at = index.get("reportingseniorpost")
    if senior_at is None:
        roster.problems.append(
            Problem(
                ProblemCode.MISSING_KEY,
                f"{table.file}:1",
                f"{table.file}, the junior-posts file beside the senior one, has no column "
                f"'Reporting Senior Post'; its headers are {', '.join(map(repr, header))}",
            )
        )
        return
    fte_at = index.get("numberofpostsinfte")
    position = {pid: i for i, pid in enumerate(roster.ids)}
    for k, row in enumerate(table.rows):
        cells = row + [""] * (len(header) - len(row))
        senior = cells[senior_at].strip()
        i = position.get(senior)
        if i is None:
            roster.problems.append(
                Problem(
                    ProblemCode.UNKNOWN_REFERENCE,
                    f"{table.file}:{table.line(k)}, column {header[senior_at]}",
                    f"junior posts report to senior post {senior!r}, which the senior "
                    "file does not have",
                )
            )
            continue
        record: dict[str, Any] = {}
        for h, cell in zip(header, cells, strict=False):
            if cell.strip() and h:
                value = number(cell)
                record[h] = cell.strip() if value is None else value
        attributes = roster.attributes[i]
        posts = attributes.setdefault("junior_posts", [])
        posts.append(record)
        fte = number(cells[fte_at]) if fte_at is not None else None
        if fte is not None:
            attributes["junior_fte"] = round(attributes.get("junior_fte", 0) + fte, 6)
    roster.detected += f"; {len(table.rows)} junior rows from {table.file}"
