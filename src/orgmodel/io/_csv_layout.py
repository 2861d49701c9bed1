"""The CSV layout: file names, columns, and how lists, shares and attributes fit in cells.

``people.csv`` is the main file.  Everything else goes into sibling files that share
its name prefix (none for ``people.csv``; ``acme.`` for ``acme.csv``) and are read
when present: ``organization.csv``, ``vocabulary.csv``, ``entities.csv``,
``units.csv``, ``stakes.csv`` and ``relationships.csv``.  docs/file-format.md
describes the layout for users.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Final

import attrs

__all__ = [
    "CELL_LIMIT",
    "FLAG_CELLS",
    "FLAG_KEYS",
    "JSON_MARK",
    "TABLES",
    "Table",
    "encode_list",
    "encode_value",
    "normal_column",
    "sibling",
    "split_list",
]

#: An attribute column whose header ends with this holds JSON values.
JSON_MARK: Final = ":json"
#: The longest cell read or written, in characters: the csv module's default field
#: limit.  orgmodel never raises the limit (``csv.field_size_limit`` is process-wide),
#: so the writer refuses longer cells instead of writing what it could not read back.
CELL_LIMIT: Final = 131_072
#: Items of a list cell are separated by this.
LIST_SEPARATOR: Final = ";"


@attrs.frozen
class Table:
    """One CSV file: its kind, the document section it fills and its columns.

    Attributes
    ----------
    kind : str
        The file's name without prefix and ``.csv`` (``stakes``).
    section : str
        The document section its rows become (``stakes``); ``organization`` is the
        one-row table of top-level values.
    columns : dict
        Column name → document key, in the order they are written.
    attributes : bool
        Whether extra columns are kept as attributes.
    """

    kind: str
    section: str
    columns: dict[str, str]
    attributes: bool = True

    def column_of(self, key: str) -> str:
        """Return the column holding document key *key* (the key itself when none does)."""
        for column, mapped in self.columns.items():
            if mapped == key:
                return column
        return key


PEOPLE: Final = Table(
    "people",
    "people",
    {
        "id": "id",
        "name": "name",
        "title": "title",
        "manager_id": "manager",
        "unit": "unit",
        "employment": "employment",
        "dotted_manager_ids": "dotted",
        "responsibilities": "responsibilities",
        "vacant": "vacant",
    },
)
ORGANIZATION: Final = Table(
    "organization",
    "organization",
    {"name": "organization", "focal_entity": "focal_entity"},
    attributes=False,
)
VOCABULARY: Final = Table(
    "vocabulary",
    "vocabulary",
    {"tag": "tag", "leans": "leans", "description": "description"},
    attributes=False,
)
ENTITIES: Final = Table("entities", "entities", {"id": "id", "name": "name", "kind": "kind"})
UNITS: Final = Table(
    "units",
    "units",
    {"id": "id", "name": "name", "function": "function", "parent": "parent", "head": "head"},
)
STAKES: Final = Table(
    "stakes",
    "stakes",
    {
        "holder": "holder",
        "entity": "entity",
        "share": "share",
        "voting": "voting",
        "profit_share": "profit_share",
        "liability": "liability",
    },
)
RELATIONSHIPS: Final = Table(
    "relationships",
    "relationships",
    {"person": "person", "kind": "kind", "counterparty": "counterparty"},
)

#: Every table, main file first; siblings in the order they are read.
TABLES: Final = (PEOPLE, ORGANIZATION, VOCABULARY, ENTITIES, UNITS, STAKES, RELATIONSHIPS)
#: Document keys whose cells hold lists.
LIST_KEYS: Final = frozenset({"dotted", "responsibilities", "leans"})
#: Document keys whose cells hold shares.
SHARE_KEYS: Final = frozenset({"share", "voting", "profit_share"})
#: Document keys whose cells hold ``true`` or ``false`` (any case; empty is absent).
FLAG_KEYS: Final = frozenset({"vacant"})
#: How a flag cell is read: ``true``/``false`` as written, and the forms spreadsheets use.
FLAG_CELLS: Final = {"true": True, "false": False, "yes": True, "no": False, "1": True, "0": False}
#: Document keys whose empty cell is the empty text (other empty cells are absent).
TEXT_KEYS: Final = frozenset(
    {"id", "name", "title", "function", "counterparty", "description", "organization"}
)


def normal_column(header: str) -> str:
    """Return *header* in the form of orgmodel's column names, for loose matching.

    Examples
    --------
    >>> normal_column(" Manager ID"), normal_column("dotted-manager-ids")
    ('manager_id', 'dotted_manager_ids')
    """
    return header.strip().lower().replace(" ", "_").replace("-", "_")


def sibling(main: Path, table: Table) -> Path:
    """Return the path of *table*'s file beside the main file *main*.

    Examples
    --------
    >>> sibling(Path("data/people.csv"), STAKES).as_posix()
    'data/stakes.csv'
    >>> sibling(Path("acme.csv"), STAKES).as_posix()
    'acme.stakes.csv'
    """
    if table is PEOPLE:
        return main
    prefix = "" if main.stem == "people" else f"{main.stem}."
    return main.with_name(f"{prefix}{table.kind}.csv")


def split_list(cell: str) -> list[str] | None:
    """Read a list cell: items separated by ``;`` (trimmed), or a JSON array of strings.

    Returns ``None`` when a cell starting with ``[`` is not a JSON array of strings.

    Examples
    --------
    >>> split_list("strategy; sales")
    ['strategy', 'sales']
    >>> split_list('["a;b", " c"]')
    ['a;b', ' c']
    """
    if cell.startswith("["):
        try:
            value = json.loads(cell)
        except (ValueError, RecursionError):
            return None
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return value
        return None
    return [item.strip() for item in cell.split(LIST_SEPARATOR) if item.strip()]


def encode_list(items: tuple[str, ...] | list[str]) -> str:
    """Write a list cell; JSON when an item would not survive the ``;`` form.

    Examples
    --------
    >>> encode_list(["strategy", "sales"]), encode_list(["a;b"])
    ('strategy;sales', '["a;b"]')
    """
    plain = all(
        item and item == item.strip() and LIST_SEPARATOR not in item and not item.startswith("[")
        for item in items
    )
    if plain:
        return LIST_SEPARATOR.join(items)
    return json.dumps(list(items), ensure_ascii=False)


def encode_value(value: object) -> str:
    """Write a JSON value compactly for a ``:json`` cell."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
