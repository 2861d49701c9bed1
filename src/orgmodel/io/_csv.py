"""Reading the CSV layout: ``people.csv`` and its optional sibling files.

Each row becomes a record in the document format and goes through the same checks
as YAML and JSON (:func:`orgmodel.io._mapping.build`).  People rows take a fast
path when they are plain (the common case for large HR exports) and the general
path otherwise.  Line numbers are worked out only when a problem needs one, so a
clean million-row file pays nothing for them.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import attrs

from orgmodel._speed.gc_pause import gc_paused
from orgmodel._suggest import did_you_mean
from orgmodel.io._csv_guard import may_hold_escapes, unclosed_message, unclosed_quote, unescape_rows
from orgmodel.io._csv_layout import (
    CELL_LIMIT,
    FLAG_CELLS,
    FLAG_KEYS,
    JSON_MARK,
    LIST_KEYS,
    LIST_SEPARATOR,
    ORGANIZATION,
    PEOPLE,
    SHARE_KEYS,
    TABLES,
    TEXT_KEYS,
    Table,
    normal_column,
    sibling,
    split_list,
)
from orgmodel.io._files import check_text, decode, read_bytes
from orgmodel.io._locations import segments
from orgmodel.io._mapping import build
from orgmodel.model import Employment, Organization, Person
from orgmodel.model.exceptions import ValidationError
from orgmodel.model.problems import Problem, ProblemCode

__all__ = ["read_file", "read_text"]

_REQUIRED = {
    "people": ("id", "name"),
    "organization": (),
    "vocabulary": ("tag", "leans"),
    "entities": ("id", "name"),
    "units": ("id", "name"),
    "stakes": ("holder", "entity", "share"),
    "relationships": ("person", "kind", "counterparty"),
}
_EMPLOYMENT = {e.value: e for e in Employment}
_VALUES_LINE = 2  # organization.csv: the header, then one row of values


def read_file(path: Path) -> Organization:
    """Load ``people.csv`` at *path* with whichever sibling files exist."""
    files: dict[str, tuple[str, str]] = {}
    for table in TABLES:
        where = sibling(path, table)
        if table is PEOPLE or where.is_file():
            files[table.kind] = (where.name, decode(read_bytes(where, utf8=True), str(where)))
    return _load(files, str(path))


def read_text(text: str, source: str) -> Organization:
    """Load the text of a ``people.csv`` file (no siblings)."""
    check_text(text, source)
    return _load({"people": ("people.csv", text.removeprefix("\ufeff"))}, source)


def _exact_columns(known: dict[str, str], header: list[str]) -> dict[str, int]:
    """Map document keys to the indices of headers naming their column exactly."""
    columns: dict[str, int] = {}
    for index, raw in enumerate(header):
        key = known.get(raw.strip())
        if key is not None and key not in columns:
            columns[key] = index
    return columns


def _is_header(row: list[str]) -> bool:
    """Whether *row* can be the header: the first row with a non-blank cell."""
    return any(cell.strip() for cell in row)


def _is_blank(row: list[str]) -> bool:
    return not row or (len(row) == 1 and not row[0])


@attrs.define
class _Sheet:
    """One CSV file as read: its header and its non-blank rows."""

    table: Table
    file: str
    text: str
    columns: dict[str, int]  # document key → column index
    extras: list[tuple[int, str, bool]]  # attribute columns: index, key, JSON-encoded
    width: int
    rows: list[list[str]]
    _lines: list[int] | None = None

    def line(self, index: int) -> int:
        """Return the line data row *index* starts on (worked out on first use)."""
        if self._lines is None:
            self._lines = _data_lines(self.text)
        return self._lines[index] if index < len(self._lines) else 0


def _data_lines(text: str) -> list[int]:
    """Return the first line of each non-blank data row of *text*."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=False)
    lines: list[int] = []
    previous = 0
    header = False
    try:
        for row in reader:
            if header and not _is_blank(row):
                lines.append(previous + 1)
            elif _is_header(row):
                header = True
            previous = reader.line_num
    except csv.Error:
        pass
    return lines


class _Reader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.sheets: dict[str, _Sheet] = {}

    def add(self, code: ProblemCode, where: str, message: str) -> None:
        self.problems.append(Problem(code, where, message))

    def sheet(self, table: Table, file: str, text: str) -> _Sheet | None:
        """Read the header and the rows of one file; ``None`` when it has no header."""
        try:
            rows = list(csv.reader(io.StringIO(text, newline=""), strict=False))
        except csv.Error as err:
            line = len(_data_lines(text)) + 2
            why = (
                f"a cell is longer than {CELL_LIMIT:,} characters; keep long text in YAML or JSON"
                if "field larger than field limit" in str(err)
                else f"not valid CSV: {err}"
            )
            self.add(ProblemCode.SYNTAX_ERROR, f"{file}:{line}", why)
            return None
        # issue 14: a quote that never closes, and cells written with a guarding "'"
        if rows and (opened := unclosed_quote(text, rows[-1])) is not None:
            self.add(ProblemCode.SYNTAX_ERROR, f"{file}:{opened}", unclosed_message(text, opened))
            return None
        if may_hold_escapes(text):
            unescape_rows(rows)
        start = 0
        while start < len(rows) and not _is_header(rows[start]):
            start += 1
        if start == len(rows):
            if table is PEOPLE:
                self.add(
                    ProblemCode.EMPTY_DOCUMENT, file, f"{file} is empty; it needs a header row"
                )
            return None
        header = rows[start]
        columns, extras = self.header(table, file, header)
        body = [row for row in rows[start + 1 :] if len(row) > 1 or (row and row[0])]
        sheet = _Sheet(table, file, text, columns, extras, len(header), body)
        self.sheets[table.section] = sheet
        return sheet

    def header(
        self, table: Table, file: str, header: list[str]
    ) -> tuple[dict[str, int], list[tuple[int, str, bool]]]:
        """Map the document keys to column indices; list the attribute columns.

        A header matches a column exactly (after trimming spaces) or, when that
        column is not there exactly, loosely: ``Manager ID`` is ``manager_id``.
        """
        known = table.columns
        columns = _exact_columns(known, header)
        taken = set(columns.values())
        extras: list[tuple[int, str, bool]] = []
        seen: set[str] = set()
        for index, raw in enumerate(header):
            if index in taken:
                seen.add(raw)
                continue
            loose = known.get(normal_column(raw))
            if raw in seen or raw.strip() in known:
                self.add(ProblemCode.SYNTAX_ERROR, f"{file}:1", f"the column {raw!r} appears twice")
            elif table.attributes and raw.endswith(JSON_MARK):
                extras.append((index, raw[: -len(JSON_MARK)], True))
            elif loose is not None and loose not in columns:
                columns[loose] = index
            elif table.attributes:
                extras.append((index, raw, False))
            elif raw.strip():
                hint = did_you_mean(raw.strip(), known) or f"; the columns are {', '.join(known)}"
                self.add(ProblemCode.UNKNOWN_KEY, f"{file}:1", f"unknown column {raw!r}{hint}")
            seen.add(raw)
        for column in _REQUIRED[table.kind]:
            if known[column] not in columns:
                hint = did_you_mean(column, header)
                self.add(
                    ProblemCode.MISSING_KEY, f"{file}:1", f"{file} has no column {column!r}{hint}"
                )
        return columns, extras

    def attributes(self, sheet: _Sheet, index: int, row: list[str]) -> dict[str, Any]:
        """Read the attribute cells of data row *index*."""
        out: dict[str, Any] = {}
        for column, key, is_json in sheet.extras:
            cell = row[column]
            if not cell:
                continue
            if not is_json:
                out[key] = cell
                continue
            try:
                out[key] = json.loads(cell, parse_constant=_no_constant)
            except (ValueError, RecursionError) as err:
                self.add(
                    ProblemCode.SYNTAX_ERROR,
                    f"{sheet.file}:{sheet.line(index)}, column {key}{JSON_MARK}",
                    f"not a JSON value: {str(err)[:80]}",
                )
        return out

    def record(self, sheet: _Sheet, index: int, row: list[str]) -> dict[str, Any]:
        """Turn data row *index* into a record of the document format."""
        out: dict[str, Any] = {}
        for key, column in sheet.columns.items():
            cell = row[column]
            if not cell and key not in TEXT_KEYS:
                continue
            if key in FLAG_KEYS:
                flag = FLAG_CELLS.get(cell.strip().lower())
                out[key] = cell if flag is None else flag  # a bad cell is reported later
            elif key in LIST_KEYS:
                items = split_list(cell)
                out[key] = cell if items is None else items
            elif key in SHARE_KEYS and cell.lstrip().startswith("{"):
                try:
                    out[key] = json.loads(cell, parse_constant=_no_constant)
                except (ValueError, RecursionError):
                    out[key] = cell
            else:
                out[key] = cell
        if sheet.extras:
            attributes = self.attributes(sheet, index, row)
            if attributes:
                out["attributes"] = attributes
        return out

    def single(self, sheet: _Sheet) -> dict[str, Any]:
        """Read the one row of ``organization.csv``."""
        rows = self.records(sheet)
        if len(rows) > 1:
            self.add(
                ProblemCode.SYNTAX_ERROR,
                f"{sheet.file}:{sheet.line(1)}",
                f"{sheet.file} has one row of values; found {len(rows)}",
            )
        return rows[0] if rows else {}

    def fit(self, sheet: _Sheet, index: int, row: list[str]) -> list[str]:
        """Pad a short row; report and cut a long one."""
        if len(row) > sheet.width:
            self.add(
                ProblemCode.SYNTAX_ERROR,
                f"{sheet.file}:{sheet.line(index)}",
                f"the row has {len(row)} fields but the header has {sheet.width}",
            )
            return row[: sheet.width]
        row.extend([""] * (sheet.width - len(row)))
        return row

    def records(self, sheet: _Sheet) -> list[dict[str, Any]]:
        """Turn every row of *sheet* into a record of the document format."""
        return [self.record(sheet, i, self.fit(sheet, i, row)) for i, row in enumerate(sheet.rows)]

    def people(self, sheet: _Sheet) -> list[Person | dict[str, Any]]:
        """Read people rows, building plain rows straight into :class:`Person` records."""
        width = sheet.width
        absent = width  # index of the "" appended to every row for absent columns
        keys = ("id", "name", "title", "manager", "unit", "employment", "dotted")
        i_id, i_name, i_title, i_manager, i_unit, i_emp, i_dotted = (
            sheet.columns.get(key, absent) for key in keys
        )
        i_resp = sheet.columns.get("responsibilities", absent)
        i_vacant = sheet.columns.get("vacant", absent)
        pad = len(sheet.columns) < len(PEOPLE.columns)  # some column is absent
        plain = [(c, k) for c, k, is_json in sheet.extras if not is_json]
        mixed = len(plain) != len(sheet.extras)
        kinds = _EMPLOYMENT
        employee = Employment.EMPLOYEE
        out: list[Person | dict[str, Any]] = []
        append = out.append
        for index, row in enumerate(sheet.rows):
            if len(row) != width:
                row = self.fit(sheet, index, row)  # noqa: PLW2901
            if pad:
                row.append("")
            emp = row[i_emp]
            employment = kinds.get(emp) if emp else employee
            dotted, resp, vacant = row[i_dotted], row[i_resp], row[i_vacant]
            if employment is None or dotted[:1] == "[" or resp[:1] == "[" or vacant:
                append(self.record(sheet, index, row))
                continue
            if mixed:
                attributes = self.attributes(sheet, index, row)
            else:
                attributes = {}
                for column, key in plain:
                    if cell := row[column]:
                        attributes[key] = cell
            append(
                Person(
                    row[i_id],
                    row[i_name],
                    title=row[i_title],
                    employment=employment,
                    unit=row[i_unit] or None,
                    manager=row[i_manager] or None,
                    dotted=_split(dotted) if dotted else (),
                    responsibilities=_split(resp) if resp else (),
                    attributes=attributes,
                )
            )
        return out


def _split(cell: str) -> list[str]:
    items = cell.split(LIST_SEPARATOR)
    if "" in items or " " in cell or "\t" in cell:
        return [item.strip() for item in items if item.strip()]
    return items


def _no_constant(name: str) -> float:
    msg = f"{name} is not a JSON value"
    raise ValueError(msg)


def _load(files: dict[str, tuple[str, str]], source: str) -> Organization:
    with gc_paused():
        return _load_sheets(files, source)


def _load_sheets(files: dict[str, tuple[str, str]], source: str) -> Organization:
    reader = _Reader()
    sheets = [
        sheet
        for table in TABLES
        if table.kind in files and (sheet := reader.sheet(table, *files[table.kind])) is not None
    ]
    if reader.problems:  # a bad header: reading the rows would only repeat it
        raise ValidationError(reader.problems, source=source)
    data: dict[str, Any] = {}
    for sheet in sheets:
        if sheet.table is PEOPLE:
            data["people"] = reader.people(sheet)
        elif sheet.table is ORGANIZATION:
            data.update(reader.single(sheet))
        else:
            data[sheet.table.section] = reader.records(sheet)
    locate = _Locator(reader.sheets).locate
    try:
        org = build(data, source=source, locate=locate)
    except ValidationError as err:
        raise ValidationError([*reader.problems, *err.problems], source=source) from None
    if reader.problems:
        raise ValidationError(reader.problems, source=source)
    return org


@attrs.frozen
class _Locator:
    sheets: dict[str, _Sheet]

    def locate(self, path: str) -> str:
        """``people[3].manager`` → ``people.csv:5, column manager_id``."""
        parts = segments(path)
        if not parts or not isinstance(parts[0], str):
            return path
        section = parts[0]
        if section in {"organization", "focal_entity"}:
            found = self.sheets.get("organization")
            file = found.file if found is not None else "organization.csv"
            column = "name" if section == "organization" else section
            return f"{file}:{_VALUES_LINE}, column {column}"
        sheet = self.sheets.get(section)
        position = parts[1] if len(parts) > 1 else None
        if sheet is None or not isinstance(position, int) or position >= len(sheet.rows):
            return path
        where = f"{sheet.file}:{sheet.line(position)}"
        key = parts[2] if len(parts) > 2 else None  # noqa: PLR2004 - section, index, key
        if isinstance(key, str) and key != "attributes":
            where += f", column {sheet.table.column_of(key)}"
        return where
