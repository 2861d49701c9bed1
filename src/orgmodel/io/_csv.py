"""Reading the CSV layout: ``people.csv`` and its optional sibling files.

Each row becomes a record in the document format and goes through the same checks
as YAML and JSON (:func:`orgmodel.io._mapping.build`).  People rows take a fast
path when they are plain (the common case for large HR exports) and the general
path otherwise, so a million-row file loads in seconds.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from orgmodel._suggest import did_you_mean
from orgmodel.exceptions import ValidationError
from orgmodel.io._csv_layout import (
    JSON_MARK,
    LIST_KEYS,
    ORGANIZATION,
    PEOPLE,
    SHARE_KEYS,
    TABLES,
    TEXT_KEYS,
    Table,
    sibling,
    split_list,
)
from orgmodel.io._files import check_text, decode, read_bytes
from orgmodel.io._locations import segments
from orgmodel.io._mapping import build
from orgmodel.model import Employment, Organization, Person
from orgmodel.problems import Problem, ProblemCode

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
_MAX_FIELD = 1 << 24  # 16 MiB: far beyond any real cell
_VALUES_LINE = 2  # organization.csv: the header, then one row of values


def read_file(path: Path) -> Organization:
    """Load ``people.csv`` at *path* with whichever sibling files exist."""
    files: dict[str, tuple[str, str]] = {}
    for table in TABLES:
        where = sibling(path, table)
        if table is PEOPLE or where.is_file():
            files[table.kind] = (where.name, decode(read_bytes(where), str(where)))
    return _load(files, str(path))


def read_text(text: str, source: str) -> Organization:
    """Load the text of a ``people.csv`` file (no siblings)."""
    check_text(text, source)
    return _load({"people": ("people.csv", text.removeprefix("\ufeff"))}, source)


@attrs.define
class _Sheet:
    """One CSV file as read: its header, rows and the line each row starts on."""

    table: Table
    file: str
    columns: dict[str, int]  # document key → column index
    extras: list[tuple[int, str, bool]]  # attribute columns: index, key, JSON-encoded
    width: int
    rows: list[tuple[int, list[str]]]


class _Reader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.lines: dict[str, list[int]] = {}
        self.files: dict[str, str] = {}

    def add(self, code: ProblemCode, where: str, message: str) -> None:
        self.problems.append(Problem(code, where, message))

    def sheet(self, table: Table, file: str, text: str) -> _Sheet | None:
        """Read the header and the rows of one file; ``None`` when it has no header."""
        rows = _rows(text)
        try:
            first = next(rows, None)
        except csv.Error as err:
            self.add(ProblemCode.SYNTAX_ERROR, f"{file}:1", str(err))
            return None
        if first is None or not any(cell.strip() for cell in first[1]):
            if table is PEOPLE:
                self.add(
                    ProblemCode.EMPTY_DOCUMENT, file, f"{file} is empty; it needs a header row"
                )
            return None
        header = first[1]
        columns, extras = self.header(table, file, header)
        body: list[tuple[int, list[str]]] = []
        try:
            for line, row in rows:
                if row and (len(row) > 1 or row[0]):
                    body.append((line, row))
        except csv.Error as err:
            self.add(ProblemCode.SYNTAX_ERROR, f"{file}:{line_after(body)}", str(err))
        self.files[table.section] = file
        return _Sheet(table, file, columns, extras, len(header), body)

    def header(
        self, table: Table, file: str, header: list[str]
    ) -> tuple[dict[str, int], list[tuple[int, str, bool]]]:
        """Map the document keys to column indices; list the attribute columns."""
        known = table.columns
        columns: dict[str, int] = {}
        extras: list[tuple[int, str, bool]] = []
        seen: set[str] = set()
        for index, raw in enumerate(header):
            name = raw.strip()
            if raw in seen:
                self.add(ProblemCode.SYNTAX_ERROR, f"{file}:1", f"the column {raw!r} appears twice")
            elif name in known:
                columns[known[name]] = index
            elif table.attributes:
                is_json = raw.endswith(JSON_MARK)
                extras.append((index, raw[: -len(JSON_MARK)] if is_json else raw, is_json))
            elif name:
                hint = did_you_mean(name, known) or f"; the columns are {', '.join(known)}"
                self.add(ProblemCode.UNKNOWN_KEY, f"{file}:1", f"unknown column {raw!r}{hint}")
            seen.add(raw)
        for column in _REQUIRED[table.kind]:
            if known[column] not in columns:
                close = [h for h in header if h.strip().lower() == column]
                hint = f" — did you mean {close[0]!r}?" if close else did_you_mean(column, header)
                self.add(
                    ProblemCode.MISSING_KEY, f"{file}:1", f"{file} has no column {column!r}{hint}"
                )
        return columns, extras

    def attributes(self, sheet: _Sheet, line: int, row: list[str]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for index, key, is_json in sheet.extras:
            cell = row[index]
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
                    f"{sheet.file}:{line}, column {key}{JSON_MARK}",
                    f"not a JSON value: {str(err)[:80]}",
                )
        return out

    def record(self, sheet: _Sheet, line: int, row: list[str]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, index in sheet.columns.items():
            cell = row[index]
            if not cell and key not in TEXT_KEYS:
                continue
            if key in LIST_KEYS:
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
            attributes = self.attributes(sheet, line, row)
            if attributes:
                out["attributes"] = attributes
        return out

    def single(self, sheet: _Sheet) -> dict[str, Any]:
        """Read the one row of ``organization.csv``."""
        rows = self.records(sheet)
        if len(rows) > 1:
            self.add(
                ProblemCode.SYNTAX_ERROR,
                f"{sheet.file}:{self.lines['organization'][1]}",
                f"{sheet.file} has one row of values; found {len(rows)}",
            )
        return rows[0] if rows else {}

    def fit(self, sheet: _Sheet, line: int, row: list[str]) -> list[str]:
        """Pad a short row; report and cut a long one."""
        if len(row) > sheet.width:
            self.add(
                ProblemCode.SYNTAX_ERROR,
                f"{sheet.file}:{line}",
                f"the row has {len(row)} fields but the header has {sheet.width}",
            )
            return row[: sheet.width]
        if len(row) < sheet.width:
            row.extend([""] * (sheet.width - len(row)))
        return row

    def records(self, sheet: _Sheet) -> list[dict[str, Any]]:
        lines = self.lines.setdefault(sheet.table.section, [])
        out = []
        for line, row in sheet.rows:
            lines.append(line)
            out.append(self.record(sheet, line, self.fit(sheet, line, row)))
        return out

    def people(self, sheet: _Sheet) -> list[Person | dict[str, Any]]:
        """Read people rows, building plain rows straight into :class:`Person` records."""
        lines = self.lines.setdefault("people", [])
        cols = sheet.columns
        width = sheet.width
        absent = width  # index of the "" appended to every row for absent columns
        i_id, i_name, i_title, i_manager, i_unit, i_emp, i_dotted, i_resp = (
            cols.get(key, absent)
            for key in (
                "id",
                "name",
                "title",
                "manager",
                "unit",
                "employment",
                "dotted",
                "responsibilities",
            )
        )
        extras = sheet.extras
        employee = Employment.EMPLOYEE
        kinds = _EMPLOYMENT
        out: list[Person | dict[str, Any]] = []
        append = out.append
        with attrs.validators.disabled():
            for line, row in sheet.rows:
                lines.append(line)
                if len(row) != width:
                    row = self.fit(sheet, line, row)  # noqa: PLW2901
                row.append("")
                emp = row[i_emp]
                employment = kinds.get(emp) if emp else employee
                dotted, resp = row[i_dotted], row[i_resp]
                if employment is None or dotted[:1] == "[" or resp[:1] == "[":
                    append(self.record(sheet, line, row))
                    continue
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
                        attributes=self.attributes(sheet, line, row) if extras else {},
                    )
                )
        return out


def _split(cell: str) -> list[str]:
    return [item.strip() for item in cell.split(";") if item.strip()]


def line_after(body: list[tuple[int, list[str]]]) -> int:
    """Return the line after the last row read: where a CSV error stopped the reader."""
    return body[-1][0] + 1 if body else 2


def _no_constant(name: str) -> float:
    msg = f"{name} is not a JSON value"
    raise ValueError(msg)


def _rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(first line, cells)`` for each record of *text*."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=False)
    previous = 0
    for row in reader:
        yield previous + 1, row
        previous = reader.line_num


def _load(files: dict[str, tuple[str, str]], source: str) -> Organization:
    old_limit = csv.field_size_limit(_MAX_FIELD)
    try:
        return _load_sheets(files, source)
    finally:
        csv.field_size_limit(old_limit)


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
    locate = _Locator(reader.lines, reader.files).locate
    try:
        org = build(data, source=source, locate=locate)
    except ValidationError as err:
        raise ValidationError([*reader.problems, *err.problems], source=source) from None
    if reader.problems:
        raise ValidationError(reader.problems, source=source)
    return org


@attrs.frozen
class _Locator:
    lines: dict[str, list[int]]
    files: dict[str, str]

    def locate(self, path: str) -> str:
        """``people[3].manager`` → ``people.csv:5, column manager_id``."""
        parts = segments(path)
        if not parts or not isinstance(parts[0], str):
            return path
        section = parts[0]
        if section in {"organization", "focal_entity"}:
            file = self.files.get("organization", "organization.csv")
            column = "name" if section == "organization" else section
            return f"{file}:{_VALUES_LINE}, column {column}"
        table = next((t for t in TABLES if t.section == section), None)
        lines = self.lines.get(section)
        position = parts[1] if len(parts) > 1 else None
        if table is None or lines is None or not isinstance(position, int):
            return path
        file = self.files.get(section, f"{table.kind}.csv")
        if position >= len(lines):
            return path
        where = f"{file}:{lines[position]}"
        key = parts[2] if len(parts) > 2 else None  # noqa: PLR2004 - section, index, key
        if isinstance(key, str) and key != "attributes":
            where += f", column {table.column_of(key)}"
        return where
