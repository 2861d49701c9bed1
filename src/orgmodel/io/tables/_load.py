"""Loading tables of people from CSV, TSV and Excel files, and the options they take.

A ``.csv`` file in orgmodel's own layout (its headers are orgmodel's columns, plus
attribute columns, with a ``units.csv`` beside it when it has a ``unit`` column) is
read by :mod:`orgmodel.io._csv`, sibling files and all.  Any other table — an HR
export, an org-chart tool's file, an organogram — is read here: encoding and
delimiter sniffed, columns detected, and the people built by
:func:`~orgmodel.io._roster.build_roster`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from orgmodel.io import _csv
from orgmodel.io._csv_layout import JSON_MARK, PEOPLE, TABLES, UNITS, sibling
from orgmodel.io._files import read_bytes
from orgmodel.io._roster import build_roster
from orgmodel.io.tables import organogram
from orgmodel.io.tables._columns import ATTRIBUTE_KEYS, OWN_HEADERS, field_of, normal
from orgmodel.io.tables._reader import Table, read_table
from orgmodel.io.tables._text import decode_table, rows_of, sniff_delimiter
from orgmodel.io.tables._xlsx import Workbook
from orgmodel.model import Organization
from orgmodel.model.exceptions import OptionError, ValidationError
from orgmodel.model.problems import Problem, ProblemCode

__all__ = ["ReadOptions", "read_csv_file", "read_csv_text", "read_xlsx"]

_MAX_FIELD = 1 << 24  # 16 MiB: far beyond any real cell
#: The columns orgmodel's CSV writer always writes: a file with all of them is its own.
_WRITTEN = frozenset(PEOPLE.columns)


def _is_mapping(_record: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, Mapping):
        msg = f"columns must be a mapping of field to header (got {value!r})"
        raise OptionError(msg)


def _is_name(_record: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, str):
        msg = f"sheet must be a sheet's name (got {value!r})"
        raise OptionError(msg)


@attrs.frozen
class ReadOptions:
    """Options of the table readers.

    Attributes
    ----------
    columns : mapping of str to str, optional
        Field → header overrides (``{"manager": "Supervisor Email"}``).
    sheet : str, optional
        The sheet of a workbook to read (default: the first).
    """

    columns: Mapping[str, str] | None = attrs.field(default=None, validator=_is_mapping)
    sheet: str | None = attrs.field(default=None, validator=_is_name)

    @property
    def given(self) -> bool:
        """Whether any option was given."""
        return self.columns is not None or self.sheet is not None


def is_own_layout(table: Table, *, units_file: bool, siblings: bool = False) -> bool:
    """Whether *table* is in orgmodel's own people.csv layout.

    It is when sibling files of the layout are beside it (*siblings*: ``units.csv``,
    ``stakes.csv`` ...), or its header has every column orgmodel writes, or it has
    ``id`` and ``name`` columns, every other header is one of orgmodel's columns, a
    ``:json`` column or a column no synonym names (an attribute), and its ``unit``
    column, if it has values, refers to a ``units.csv`` beside it.

    Examples
    --------
    >>> def table(*header):
    ...     return Table([list(header), ["1"] * len(header)], "people.csv", "people.csv")
    >>> is_own_layout(table("id", "name", "Manager ID", "email", "desk"), units_file=False)
    True
    >>> is_own_layout(table("id", "name", "department"), units_file=False)
    False
    >>> is_own_layout(table("id", "name", "unit"), units_file=False)
    False
    >>> is_own_layout(table("id", "name", "unit"), units_file=True)
    True
    """
    header = table.header
    if siblings or set(header) >= _WRITTEN:
        return True
    if not {"id", "name"} <= {normal(h) for h in header}:
        return False
    attribute_fields = set(ATTRIBUTE_KEYS)
    for raw in header:
        key = normal(raw)
        if key in OWN_HEADERS or raw.endswith(JSON_MARK) or not raw.strip():
            continue
        field = field_of(raw)
        if field is not None and field not in attribute_fields:
            return False
    if units_file:
        return True
    unit = next((i for i, h in enumerate(header) if normal(h) == "unit"), None)
    return unit is None or not any(len(row) > unit and row[unit].strip() for row in table.rows)


def _header(rows: list[list[str]]) -> list[str]:
    for row in rows:
        if any(c.strip() for c in row):
            return [c.strip() for c in row]
    return []


def _line_finder(text: str, delimiter: str, skip: int) -> list[int]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    lines: list[int] = []
    previous, header = 0, False
    try:
        for k, row in enumerate(reader):
            blank = not any(c.strip() for c in row)
            if k >= skip:
                if header and (len(row) > 1 or (row and row[0].strip())):
                    lines.append(previous + 1)
                elif not blank:
                    header = True
            previous = reader.line_num
    except csv.Error:
        pass
    return lines


def _text_table(text: str, file: str, source: str, delimiter: str, skip: int) -> Table:
    old = csv.field_size_limit(_MAX_FIELD)
    try:
        rows = rows_of(text, source, delimiter, skip)
    finally:
        csv.field_size_limit(old)
    return Table(rows, file, source, lambda: _line_finder(text, delimiter, skip))


def _read(table: Table, options: ReadOptions, junior: Table | None = None) -> Organization:
    if options.columns is None and organogram.is_junior(table.header):
        problem = Problem(
            ProblemCode.WRONG_TYPE,
            table.file,
            "this is the junior-posts file of a UK government organogram, which counts "
            "posts but names no one; load the senior-posts file (the junior file beside "
            "it is read with it)",
        )
        raise ValidationError([problem], source=table.source)
    if options.columns is None and organogram.is_senior(table.header):
        roster = organogram.read_senior(table)
        if junior is not None:
            organogram.add_junior(roster, junior)
        return build_roster(roster)
    return build_roster(read_table(table, columns=options.columns))


def read_csv_text(
    text: str, source: str, options: ReadOptions, *, delimiter: str | None = None
) -> Organization:
    """Read the text of a CSV or TSV table (a people.csv of the own layout too)."""
    if options.sheet is not None:
        msg = "sheet= applies to Excel workbooks only"
        raise OptionError(msg)
    found, skip = sniff_delimiter(text) if delimiter is None else (delimiter, 0)
    table = _text_table(
        text, "people.csv" if source.startswith("<") else source, source, found, skip
    )
    if found == "," and options.columns is None and is_own_layout(table, units_file=False):
        return _csv.read_text(text, source)
    return _read(table, options)


def read_csv_file(
    path: Path, options: ReadOptions, *, delimiter: str | None = None
) -> Organization:
    """Read a CSV or TSV file: the own layout with its siblings, or any table of people."""
    if options.sheet is not None:
        msg = "sheet= applies to Excel workbooks only"
        raise OptionError(msg)
    source = str(path)
    text = decode_table(read_bytes(path), source)
    found, skip = sniff_delimiter(text) if delimiter is None else (delimiter, 0)
    table = _text_table(text, path.name, source, found, skip)
    units_file = sibling(path, UNITS).is_file()
    siblings = any(sibling(path, t).is_file() for t in TABLES if t is not PEOPLE)
    own = found == "," and options.columns is None
    if own and is_own_layout(table, units_file=units_file, siblings=siblings):
        return _csv.read_file(path)
    junior = None
    other = organogram.junior_name(path.name)
    if (
        other is not None
        and (path.with_name(other)).is_file()
        and organogram.is_senior(table.header)
    ):
        where = path.with_name(other)
        junior_text = decode_table(read_bytes(where), str(where))
        junior_delimiter, junior_skip = sniff_delimiter(junior_text)
        junior = _text_table(junior_text, where.name, str(where), junior_delimiter, junior_skip)
    return _read(table, options, junior)


def read_xlsx(data: bytes, source: str, options: ReadOptions) -> Organization:
    """Read a sheet of an Excel workbook (an organogram's pair of sheets, when it has them)."""
    file = Path(source).name if not source.startswith("<") else "workbook.xlsx"
    with Workbook(data, source) as book:
        sheet, junior_sheet = options.sheet, None
        if sheet is None:  # an organogram's pair of sheets, when there is one
            sheet = next((n for n in book.names if "senior" in n.casefold()), None)
            junior_sheet = next((n for n in book.names if "junior" in n.casefold()), None)
        name, rows = book.rows(sheet)
        table = Table(rows, file, f"{source} (sheet {name!r})")
        junior_table = None
        if junior_sheet is not None and organogram.is_senior(table.header):
            junior_name, junior_rows = book.rows(junior_sheet)
            junior_table = Table(junior_rows, f"{file} (sheet {junior_name!r})", source)
    return _read(table, options, junior_table)
