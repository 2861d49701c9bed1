"""A table of people (rows of text cells) → a :class:`~orgmodel.io._roster.Roster`.

The header is the first non-blank row; :func:`~orgmodel.io.tables._columns.detect`
says which column holds what.  Each row then gives one person:

- the **id** from the id column, else the e-mail address, else the name;
- the **name** from the name column, else the preferred (or first) name and the
  last name; a name cell of ``Vacant``, ``Eliminated`` (and the like) makes a
  vacant post with no name, ``N/D`` a filled post whose holder is not named
  (``name_withheld: true``);
- the **unit** from the business unit, division, department and team columns,
  outermost first, each of which may hold a nested path;
- the recognised attribute columns under their own key (``email``, ``fte`` ...;
  numbers read as numbers), every other column under its header.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from operator import itemgetter
from typing import Any

from orgmodel.io._roster import Roster
from orgmodel.io._units import split_path
from orgmodel.io.tables._cells import Post, employment_of, flag, number, post_of
from orgmodel.io.tables._columns import ATTRIBUTE_KEYS, ColumnMap, Field, detect
from orgmodel.model import Employment
from orgmodel.model.options import member_of
from orgmodel.model.problems import Problem, ProblemCode

__all__ = ["Table", "read_table"]

_LEVELS = (Field.BUSINESS_UNIT, Field.DIVISION, Field.UNIT, Field.TEAM)
_NUMBERS = frozenset({Field.FTE, Field.SALARY, Field.COST})
_FIELD_OF = {
    "id": Field.ID,
    "name": Field.NAME,
    "title": Field.TITLE,
    "manager": Field.MANAGER,
    "dotted": Field.DOTTED,
    "employment": Field.EMPLOYMENT,
    "responsibilities": Field.RESPONSIBILITIES,
    "vacant": Field.VACANT,
}


class Table:
    """The rows of one table, with the line (or sheet row) each data row starts on."""

    def __init__(
        self,
        rows: list[list[str]],
        file: str,
        source: str,
        lines: Callable[[], list[int]] | None = None,
    ) -> None:
        start = 0
        while start < len(rows) and not any(c.strip() for c in rows[start]):
            start += 1
        self.header = [c.strip() for c in rows[start]] if start < len(rows) else []
        self.file = file
        self.source = source
        self._all = rows
        self._start = start
        self.rows = [row for row in rows[start + 1 :] if len(row) > 1 or (row and row[0].strip())]
        self._lines = lines
        self._resolved: list[int] | None = None

    def line(self, index: int) -> int:
        """Return the line (CSV) or row number (Excel) of data row *index*."""
        if self._resolved is None:
            self._resolved = self._lines() if self._lines is not None else self._numbers()
        lines = self._resolved
        return lines[index] if index < len(lines) else 0

    def _numbers(self) -> list[int]:
        """Return the row number of each data row (the table's first row is 1)."""
        first = self._start + 2
        return [
            first + k
            for k, row in enumerate(self._all[self._start + 1 :])
            if len(row) > 1 or (row and row[0].strip())
        ]


def _column(rows: list[list[str]], index: int) -> list[str]:
    return list(map(str.strip, map(itemgetter(index), rows)))


class _Reading:
    def __init__(self, table: Table, found: ColumnMap) -> None:
        self.table = table
        self.found = found
        self.problems: list[Problem] = []
        width = len(found.headers)
        for i, row in enumerate(table.rows):
            if len(row) > width:
                if any(c.strip() for c in row[width:]):
                    self.problems.append(
                        Problem(
                            ProblemCode.SYNTAX_ERROR,
                            f"{table.file}:{table.line(i)}",
                            f"the row has {len(row)} cells but the header has {width}",
                        )
                    )
                del row[width:]
            elif len(row) < width:
                row.extend([""] * (width - len(row)))

    def get(self, field: Field) -> list[str] | None:
        index = self.found.fields.get(field)
        return None if index is None else _column(self.table.rows, index)

    def place(self, i: int, key: str) -> str:
        """``hr.csv:5, column Manager Email`` for data row *i* and document key *key*."""
        where = f"{self.table.file}:{self.table.line(i)}"
        field = _FIELD_OF.get(key)
        if key == "id" and Field.ID not in self.found.fields:
            field = Field.EMAIL if Field.EMAIL in self.found.fields else Field.NAME
        if key == "unit":
            field = next((f for f in reversed(_LEVELS) if f in self.found.fields), None)
        if field is not None and field in self.found.fields:
            where += f", column {self.found.header(field)}"
        return where


def read_table(
    table: Table,
    *,
    columns: Mapping[str, str] | None = None,
    tops: frozenset[str] = frozenset(),
    what: str = "a table of people",
) -> Roster:
    """Read *table* into a roster (see the module)."""
    found = detect(table.header, table.file, columns, source=table.source)
    reading = _Reading(table, found)
    n = len(table.rows)
    names = _names(reading, n)
    emails = reading.get(Field.EMAIL)
    ids = reading.get(Field.ID) or emails or list(names)
    attributes: list[dict[str, Any]] = [{} for _ in range(n)]
    vacant = _posts(reading, names, attributes)
    _attributes(reading, attributes)
    employment = None
    raw_employment = reading.get(Field.EMPLOYMENT)
    if raw_employment is not None:
        employment = [_employment(cell) for cell in raw_employment]
        for cell, attrs_of, emp in zip(raw_employment, attributes, employment, strict=True):
            if cell and cell.strip().casefold() != emp.value:
                attrs_of["employment_type"] = cell
    return Roster(
        source=table.source,
        ids=ids,
        names=names,
        attributes=attributes,
        titles=reading.get(Field.TITLE),
        managers=reading.get(Field.MANAGER),
        dotted=_lists(reading.get(Field.DOTTED)),
        units=_units(reading),
        emails=emails,
        dns=reading.get(Field.DN),
        employment=employment,
        vacant=vacant,
        responsibilities=_tags(reading.get(Field.RESPONSIBILITIES)),
        place=reading.place,
        problems=reading.problems,
        detected=f"read {table.file} as {what}: {found.describe()}",
        tops=tops,
    )


def _employment(cell: str) -> Employment:
    if not cell:
        return Employment.EMPLOYEE
    own = member_of(Employment, cell.strip().lower())
    return own if own is not None else employment_of(cell)


def _names(reading: _Reading, n: int) -> list[str]:
    full = reading.get(Field.NAME)
    first = reading.get(Field.PREFERRED_NAME) or reading.get(Field.FIRST_NAME)
    given = reading.get(Field.FIRST_NAME)
    last = reading.get(Field.LAST_NAME)
    if full is not None and first is None and last is None:
        return full
    out = list(full) if full is not None else [""] * n
    for i in range(n):
        if not out[i]:
            parts = (
                (first[i] if first else "") or (given[i] if given else ""),
                (last[i] if last else ""),
            )
            out[i] = " ".join(p for p in parts if p)
    return out


def _posts(reading: _Reading, names: list[str], attributes: list[dict[str, Any]]) -> list[bool]:
    vacant = [False] * len(names)
    for i, name in enumerate(names):
        post = post_of(name) if name else None
        if post is None:
            continue
        names[i] = ""
        if post is Post.WITHHELD:
            attributes[i]["name_withheld"] = True
        else:
            vacant[i] = True
            if post is Post.ELIMINATED:
                attributes[i]["post_status"] = "eliminated"
    cells = reading.get(Field.VACANT)
    if cells is not None:
        for i, cell in enumerate(cells):
            if not cell:
                continue
            value = flag(cell)
            if value is None:
                reading.problems.append(
                    Problem(
                        ProblemCode.WRONG_TYPE,
                        reading.place(i, "vacant"),
                        f"'vacant' must be true or false, yes or no (got {cell!r})",
                    )
                )
            elif value:
                vacant[i] = True
    return vacant


def _attributes(reading: _Reading, attributes: list[dict[str, Any]]) -> None:
    found, rows = reading.found, reading.table.rows
    for field, key in ATTRIBUTE_KEYS.items():
        index = found.fields.get(field)
        if index is None:
            continue
        for row, attrs_of in zip(rows, attributes, strict=True):
            cell = row[index].strip()
            if not cell:
                continue
            if field is Field.ASSISTANT:
                if flag(cell):
                    attrs_of[key] = True
                continue
            value = number(cell) if field in _NUMBERS else None
            attrs_of[key] = cell if value is None else value
    for index in found.attributes:
        header = found.headers[index]
        for row, attrs_of in zip(rows, attributes, strict=True):
            if cell := row[index]:
                attrs_of.setdefault(header, cell)


def _units(reading: _Reading) -> list[tuple[str, ...]] | None:
    levels = [cells for f in _LEVELS if (cells := reading.get(f)) is not None]
    if not levels:
        return None
    if len(levels) == 1:
        memo: dict[str, tuple[str, ...]] = {}
        return [memo.get(c) or memo.setdefault(c, split_path(c)) for c in levels[0]]
    return [
        tuple(part for cell in cells for part in split_path(cell))
        for cells in zip(*levels, strict=True)
    ]


def _lists(cells: Sequence[str] | None) -> list[list[str]] | None:
    if cells is None:
        return None
    return [[v.strip() for v in c.split(";") if v.strip()] if c else [] for c in cells]


def _tags(cells: Sequence[str] | None) -> list[tuple[str, ...]] | None:
    lists = _lists(cells)
    return None if lists is None else [tuple(items) for items in lists]
