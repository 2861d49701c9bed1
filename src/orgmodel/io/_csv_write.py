"""Writing the CSV layout: ``people.csv`` plus the sibling files that are needed.

Rows are made from :func:`~orgmodel.io.organization_to_data`, so CSV stores exactly
what YAML and JSON store.  A sibling file is written only when it has rows, or when
an older one is in the way (it is then rewritten with just its header, so a later
load does not pick up stale rows).  No other file is touched.

The files are written as one set, all or nothing, under the set's lock
(:mod:`orgmodel._atomic_set`).  Cells that a spreadsheet would run as a formula get
a ``'`` in front, which orgmodel's reader removes (:mod:`orgmodel.io._csv_guard`), and
every cell holding a line break is quoted, whichever one it is.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from orgmodel._atomic import checked_path
from orgmodel._atomic_set import atomic_files, set_lock
from orgmodel.io._csv_guard import escape_row
from orgmodel.io._csv_layout import (
    CELL_LIMIT,
    JSON_MARK,
    LIST_KEYS,
    ORGANIZATION,
    PEOPLE,
    SHARE_KEYS,
    TABLES,
    Table,
    encode_list,
    encode_value,
    normal_column,
    sibling,
)
from orgmodel.io._to_data import organization_to_data
from orgmodel.model import Organization
from orgmodel.model.exceptions import FileAccessError, ValidationError
from orgmodel.model.problems import Problem, ProblemCode

__all__ = ["people_text", "tables", "write_file"]


def tables(org: Organization, *, escape_formulas: bool = True) -> dict[str, str]:
    """Return the text of every table with rows, keyed by table kind (people always)."""
    data = organization_to_data(org)
    out: dict[str, str] = {}
    for table in TABLES:
        if table is ORGANIZATION:
            records: list[dict[str, Any]] = [
                {k: data[k] for k in ("organization", "focal_entity") if k in data}
            ]
            if not data.get("organization") and "focal_entity" not in data:
                records = []
        else:
            records = data.get(table.section, [])
        if records or table is PEOPLE:
            out[table.kind] = _table_text(table, records, escape_formulas=escape_formulas)
    return out


def header_only(table: Table) -> str:
    """Return the text of *table* with no rows."""
    return _table_text(table, [])


def write_file(org: Organization, path: Path, *, escape_formulas: bool = True) -> list[Path]:
    """Write *org* as ``people.csv`` at *path* and the sibling files it needs; return them.

    The files are written all or nothing (:mod:`orgmodel._atomic_set`).  A sibling
    the organisation does not need is emptied to its header when it exists (so an
    old file cannot add records on the next load), and is in the result too.

    Raises
    ------
    FileAccessError
        When a file of the set cannot be written or put in place; the message says
        which, and the old set is left (or put back) as it was.
    """
    main = checked_path(path)
    if main.is_dir():
        msg = f"{main} is a directory; give the path of people.csv"
        raise FileAccessError(msg)
    texts = tables(org, escape_formulas=escape_formulas)
    with set_lock(main):  # which stale siblings to empty is decided under the lock
        plan: list[tuple[Path, str]] = []
        for table in TABLES[1:]:
            where = sibling(main, table)
            if table.kind in texts:
                plan.append((where, texts[table.kind]))
            elif where.is_file():
                plan.append((where, header_only(table)))
        plan.append((main, texts["people"]))
        with atomic_files(main, [where for where, _ in plan], locked=True) as partials:
            for where, text in plan:
                _write_text(partials[where], text, where)
    return [where for where, _ in plan]


def _write_text(partial: Path, text: str, target: Path) -> None:
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as err:
        problem = Problem(
            ProblemCode.WRONG_TYPE,
            "",
            f"{target.name} would hold {text[err.start : err.end]!r}, a lone surrogate that "
            "UTF-8 cannot encode",
        )
        raise ValidationError([problem], source=str(target)) from err
    try:
        partial.write_bytes(data)
    except OSError as err:
        msg = f"cannot write {target}: {err.strerror or err}"
        raise FileAccessError(msg) from err


def people_text(org: Organization, *, escape_formulas: bool = True) -> str:
    """Return ``people.csv`` alone, when it holds everything in *org*.

    Raises
    ------
    ValidationError
        When *org* has more than people (a name, entities, stakes ...), which would
        need the sibling files that only :func:`write_file` can write.
    """
    texts = tables(org, escape_formulas=escape_formulas)
    others = sorted(kind for kind in texts if kind != "people")
    if others:
        problem = Problem(
            ProblemCode.WRONG_TYPE,
            "",
            "this organisation needs more CSV files than people.csv "
            f"({', '.join(f'{k}.csv' for k in others)}); write it with dump() to a path, "
            "or use YAML or JSON",
        )
        raise ValidationError([problem])
    return texts["people"]


def _table_text(
    table: Table, records: list[dict[str, Any]], *, escape_formulas: bool = True
) -> str:
    attribute_values: dict[str, list[Any]] = {}
    for record in records:
        for key, value in record.get("attributes", {}).items():
            attribute_values.setdefault(key, []).append(value)
    for key in attribute_values:
        if "\x00" in key:
            first = next(i for i, r in enumerate(records) if key in r.get("attributes", {}))
            problem = Problem(
                ProblemCode.WRONG_TYPE,
                f"{table.section}[{first}].attributes",
                f"CSV cannot hold the NUL character, which the attribute name {key!r} holds; "
                "use YAML or JSON for this organisation",
            )
            raise ValidationError([problem])
    plain = {key: not _needs_json(key, values, table) for key, values in attribute_values.items()}
    header = [*table.columns, *(k if plain[k] else f"{k}{JSON_MARK}" for k in attribute_values)]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)  # "\r\n" endings: the writer then quotes any "\r" in a cell
    writer.writerow(escape_row(header, formulas=escape_formulas))
    for i, record in enumerate(records):
        row = [_cell(table, i, key, record.get(key)) for key in table.columns.values()]
        attributes = record.get("attributes", {})
        for key in attribute_values:
            if key not in attributes:
                row.append("")
            else:
                cell = attributes[key] if plain[key] else encode_value(attributes[key])
                row.append(_within_limit(cell, f"{table.section}[{i}].attributes.{key}"))
        cells = escape_row(row, formulas=escape_formulas)
        if max(map(len, cells)) > CELL_LIMIT:  # the ' of an escape can tip a cell over
            _too_long(table, i, header, cells)
        writer.writerow(cells)
    return buffer.getvalue()


def _too_long(table: Table, index: int, header: list[str], row: list[str]) -> None:
    column = max(range(len(row)), key=lambda k: len(row[k]))
    problem = Problem(
        ProblemCode.WRONG_TYPE,
        f"{table.section}[{index}]",
        f"the {header[column]} cell would be {len(row[column]):,} characters long; CSV cells "
        f"hold at most {CELL_LIMIT:,}: use YAML or JSON for this organisation",
    )
    raise ValidationError([problem])


def _needs_json(key: str, values: list[Any], table: Table) -> bool:
    if not key or normal_column(key) in table.columns or key.endswith(JSON_MARK):
        return True
    return not all(isinstance(v, str) and v and "\x00" not in v for v in values)


def _cell(table: Table, index: int, key: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # the vacant column
        return "true" if value else "false"
    if key in SHARE_KEYS:
        return _share_cell(value)
    text = encode_list(value) if key in LIST_KEYS and isinstance(value, list) else str(value)
    if "\x00" in text:
        problem = Problem(
            ProblemCode.WRONG_TYPE,
            f"{table.section}[{index}].{key}",
            "CSV cannot hold the NUL character; use YAML or JSON for this organisation",
        )
        raise ValidationError([problem])
    return _within_limit(text, f"{table.section}[{index}].{key}")


def _within_limit(text: str, where: str) -> str:
    """Return *text*, or refuse a cell the CSV reader could not read back."""
    if len(text) > CELL_LIMIT:
        msg = (
            f"a CSV cell holds at most {CELL_LIMIT:,} characters (this one has {len(text):,}); "
            "use YAML or JSON for this organisation"
        )
        raise ValidationError([Problem(ProblemCode.WRONG_TYPE, where, msg)])
    return text


def _share_cell(value: object) -> str:
    if not isinstance(value, dict):
        return repr(value)
    low, high = repr(value["minimum"]), repr(value["maximum"])
    if any(c in low + high for c in "e-n"):  # exponents, signs, inf/nan
        return encode_value(value)
    return f"{low}-{high}"
