"""The keys of each record in the document format, and how each value is read.

One table per record kind says which keys exist, which are required and what type
each holds.  :class:`FieldReader` reads one value or one record and collects every
problem instead of stopping at the first.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from typing import Any, Final, TypeAlias

import attrs

from orgmodel._suggest import did_you_mean
from orgmodel.io._locations import describe
from orgmodel.model import Employment, EntityKind, Liability, LineKind, RelationshipKind
from orgmodel.model.exceptions import ShareError
from orgmodel.model.options import member_of
from orgmodel.model.problems import Problem, ProblemCode
from orgmodel.model.share import Share
from orgmodel.model.vocabulary import Lean

__all__ = [
    "BAD",
    "ENTITY",
    "LINE",
    "PERSON",
    "RELATIONSHIP",
    "STAKE",
    "TAG",
    "TOP",
    "UNIT",
    "Field",
    "FieldReader",
    "Kind",
]


class Kind(enum.Enum):
    """What a key holds."""

    ID = "id"  # a string (an integer is read as its digits)
    REF = "ref"  # an id or null
    TEXT = "text"  # a string
    IDS = "ids"  # a list of ids
    TAGS = "tags"  # a list of strings
    CHOICE = "choice"  # one value of an enumeration
    SHARE = "share"  # a Share in any accepted form
    ATTRIBUTES = "attributes"  # a mapping with string keys
    LEANS = "leans"  # a list of Lean values
    LIST = "list"  # a list of records
    FLAG = "flag"  # true or false


_WANTED: Final = {
    Kind.ID: "an id (a string)",
    Kind.REF: "an id (a string)",
    Kind.TEXT: "a string",
    Kind.IDS: "a list of ids",
    Kind.TAGS: "a list of strings",
    Kind.CHOICE: "one of the allowed values",
    Kind.SHARE: 'a share such as 0.4 or "40%"',
    Kind.ATTRIBUTES: "a mapping",
    Kind.LEANS: "a list such as [strategic, external]",
    Kind.LIST: "a list",
    Kind.FLAG: "true or false",
}
# Enum members looked up once: attribute access on an Enum class is slow in a hot loop.
_K_ID, _K_REF, _K_TEXT = Kind.ID, Kind.REF, Kind.TEXT
_K_CHOICE, _K_SHARE = Kind.CHOICE, Kind.SHARE


@attrs.frozen
class Field:
    """One key of a record."""

    kind: Kind
    required: bool = False
    choices: type[enum.Enum] | None = None
    wanted: str = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "wanted", _WANTED[self.kind])


_REQ_ID = Field(Kind.ID, required=True)
_REQ_TEXT = Field(Kind.TEXT, required=True)
_TEXT = Field(Kind.TEXT)
_REF = Field(Kind.REF)
_ATTRS = Field(Kind.ATTRIBUTES)

TOP: Final = {
    "organization": _TEXT,
    "focal_entity": _REF,
    "vocabulary": Field(Kind.LIST),
    "entities": Field(Kind.LIST),
    "units": Field(Kind.LIST),
    "people": Field(Kind.LIST),
    "stakes": Field(Kind.LIST),
    "relationships": Field(Kind.LIST),
    "lines": Field(Kind.LIST),
}
ENTITY: Final = {
    "id": _REQ_ID,
    "name": _REQ_TEXT,
    "kind": Field(Kind.CHOICE, choices=EntityKind),
    "attributes": _ATTRS,
}
UNIT: Final = {
    "id": _REQ_ID,
    "name": _REQ_TEXT,
    "function": _TEXT,
    "parent": _REF,
    "head": _REF,
    "attributes": _ATTRS,
}
PERSON: Final = {
    "id": _REQ_ID,
    "name": _REQ_TEXT,
    "title": _TEXT,
    "employment": Field(Kind.CHOICE, choices=Employment),
    "unit": _REF,
    "manager": _REF,
    "dotted": Field(Kind.IDS),
    "responsibilities": Field(Kind.TAGS),
    "vacant": Field(Kind.FLAG),
    "attributes": _ATTRS,
}
STAKE: Final = {
    "holder": _REQ_ID,
    "entity": _REQ_ID,
    "share": Field(Kind.SHARE, required=True),
    "voting": Field(Kind.SHARE),
    "profit_share": Field(Kind.SHARE),
    "liability": Field(Kind.CHOICE, choices=Liability),
    "attributes": _ATTRS,
}
RELATIONSHIP: Final = {
    "person": _REQ_ID,
    "kind": Field(Kind.CHOICE, required=True, choices=RelationshipKind),
    "counterparty": _REQ_TEXT,
    "attributes": _ATTRS,
}
LINE: Final = {
    "report": _REQ_ID,
    "manager": _REQ_ID,
    "kind": Field(Kind.CHOICE, choices=LineKind),
}
TAG: Final = {
    "tag": _REQ_TEXT,
    "leans": Field(Kind.LEANS, required=True),
    "description": _TEXT,
}


class _Bad(enum.Enum):
    BAD = "bad"


#: Returned for a value that could not be read (its problem is already recorded).
BAD: Final = _Bad.BAD

#: A value as read: text, a tuple of ids, an enum member, a Share, a dict, None or BAD.
Value: TypeAlias = Any

_QUOTE_HINT = "; put it in quotes to make it text"


class FieldReader:
    """Read values and records, collecting problems with their document paths."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self._readers: dict[Kind, Callable[[object, str], Value]] = {
            Kind.LIST: self.records,
            Kind.IDS: self.identifiers,
            Kind.TAGS: self.strings,
            Kind.ATTRIBUTES: self.attributes,
            Kind.LEANS: self.leans,
            Kind.FLAG: self.flag,
        }

    def add(self, code: ProblemCode, path: str, message: str) -> None:
        """Record a problem at *path*."""
        self.problems.append(Problem(code, path, message))

    def wrong_type(self, path: str, wanted: str, value: object) -> _Bad:
        """Record that *value* at *path* is not *wanted*; return :data:`BAD`."""
        hint = ""
        if wanted.startswith(("a string", "an id")) and isinstance(value, bool | int | float):
            hint = _QUOTE_HINT
            if isinstance(value, bool):
                hint += " (YAML reads yes, no, on, off, true and false as booleans)"
        name = path.rsplit(".", 1)[-1]
        self.add(
            ProblemCode.WRONG_TYPE,
            path,
            f"'{name}' must be {wanted} (got {describe(value)}){hint}",
        )
        return BAD

    def record(self, item: object, path: str, fields: Mapping[str, Field]) -> dict[str, Any] | None:
        """Read the mapping *item* against *fields*; ``None`` when it is not a mapping.

        The result holds every key that was present and readable; unknown keys,
        missing required keys and unreadable values are recorded as problems.
        """
        if not isinstance(item, Mapping):
            self.wrong_type(path, "a mapping", item)
            return None
        out: dict[str, Any] = {}
        unknown: list[str] = []
        for key, value in item.items():
            field = fields.get(key) if isinstance(key, str) else None
            if field is None:
                unknown.append(key if isinstance(key, str) else repr(key))
                continue
            parsed = self.value(value, field, f"{path}.{key}" if path else key, key)
            if parsed is not BAD:
                out[key] = parsed
        absent = [k for k in fields if k not in item]
        for key in unknown:
            hint = did_you_mean(key, absent) or did_you_mean(key, fields)
            if not hint:
                hint = f"; the keys are {', '.join(fields)}"
            where = f"{path}.{key}" if path else key
            self.add(ProblemCode.UNKNOWN_KEY, where, f"unknown key {key!r}{hint}")
        for key in absent:
            if fields[key].required:
                hint = did_you_mean(key, unknown)
                self.add(ProblemCode.MISSING_KEY, path, f"{path} has no {key!r}{hint}")
        return out

    def value(self, value: object, field: Field, path: str, key: str) -> Value:
        """Read one value of kind *field*; :data:`BAD` after recording a problem."""
        kind = field.kind
        if value is None:
            return self.wrong_type(path, field.wanted, value) if field.required else None
        if kind is _K_TEXT or kind is _K_ID or kind is _K_REF:
            if type(value) is str:  # the common case, first
                return value
            text = kind is _K_TEXT
            return (
                self.wrong_type(path, field.wanted, value) if text else self.identifier(value, path)
            )
        if kind is _K_CHOICE and field.choices is not None:
            return self.choice(value, field.choices, path, key)
        if kind is _K_SHARE:
            return self.share(value, path, key)
        return self._readers[kind](value, path)

    def flag(self, value: object, path: str) -> bool | _Bad:
        """Read ``true`` or ``false`` (a boolean, never a string or a number)."""
        if isinstance(value, bool):
            return value
        return self.wrong_type(path, "true or false", value)

    def records(self, value: object, path: str) -> list[Any] | _Bad:
        """Read a list (of records, each read later)."""
        if isinstance(value, list | tuple):
            return list(value)
        return self.wrong_type(path, "a list", value)

    def identifier(self, value: object, path: str) -> str | _Bad:
        """Read an id: a string, or an integer read as its digits."""
        if isinstance(value, str):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return self.wrong_type(path, "an id (a string)", value)

    def identifiers(self, value: object, path: str) -> tuple[str, ...] | _Bad:
        """Read a list of ids."""
        if not isinstance(value, list | tuple):
            return self.wrong_type(path, "a list of ids", value)
        out = [self.identifier(v, f"{path}[{j}]") for j, v in enumerate(value)]
        return tuple(v for v in out if v is not BAD) if BAD not in out else BAD

    def strings(self, value: object, path: str) -> tuple[str, ...] | _Bad:
        """Read a list of strings."""
        if not isinstance(value, list | tuple):
            return self.wrong_type(path, "a list of strings", value)
        ok = True
        for j, v in enumerate(value):
            if not isinstance(v, str):
                ok = False
                self.wrong_type(f"{path}[{j}]", "a string", v)
        return tuple(value) if ok else BAD

    def choice(
        self, value: object, choices: type[enum.Enum], path: str, key: str
    ) -> enum.Enum | _Bad:
        """Read one value of the enumeration *choices*."""
        member = member_of(choices, value)
        if member is not None:
            return member
        allowed = [m.value for m in choices]
        text = value if isinstance(value, str) else repr(value)
        hint = ""
        if isinstance(value, str):
            lowered = value.strip().lower().replace(" ", "_").replace("-", "_")
            if lowered in allowed:
                hint = f" — did you mean {lowered!r}?"
            else:
                hint = did_you_mean(lowered, allowed)
        self.add(
            ProblemCode.UNKNOWN_VALUE,
            path,
            f"unknown {key} {text!r}; allowed: {', '.join(allowed)}{hint}",
        )
        return BAD

    def share(self, value: object, path: str, key: str) -> Share | _Bad:
        """Read a share in any form :meth:`Share.parse` accepts."""
        try:
            return Share.parse(value, name=key)
        except (ShareError, ValueError, OverflowError, TypeError) as err:
            self.add(ProblemCode.SHARE_RANGE, path, str(err))
            return BAD

    def attributes(self, value: object, path: str) -> dict[str, Any] | _Bad:
        """Read a mapping of attributes with string keys (values are checked later)."""
        if not isinstance(value, Mapping):
            return self.wrong_type(path, "a mapping", value)
        for key in value:
            if not isinstance(key, str):
                self.add(
                    ProblemCode.WRONG_TYPE,
                    f"{path}.{key!r}",
                    f"attribute names must be strings (got {key!r}){_QUOTE_HINT}",
                )
                return BAD
        return dict(value)

    def leans(self, value: object, path: str) -> frozenset[Lean] | _Bad:
        """Read a list of :class:`~orgmodel.vocabulary.Lean` values."""
        if not isinstance(value, list | tuple):
            return self.wrong_type(path, "a list such as [strategic, external]", value)
        out = [self.choice(v, Lean, f"{path}[{j}]", "lean") for j, v in enumerate(value)]
        return BAD if BAD in out else frozenset(v for v in out if isinstance(v, Lean))
