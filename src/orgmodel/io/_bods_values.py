"""The values of BODS 0.4 and how they map to the model's.

Shares in per cent (exact, ranged, with exclusive bounds), person names, entity
types, and the test that tells a BODS document from any other JSON array.  The
statement reader (:mod:`orgmodel.io._bods_read`) and the writer
(:mod:`orgmodel.io._bods_write`) share them.
"""

from __future__ import annotations

import math
import reprlib
from collections.abc import Mapping
from typing import Any

from orgmodel._suggest import did_you_mean
from orgmodel.model import EntityKind
from orgmodel.model.problems import Problem, ProblemCode
from orgmodel.model.share import Share

__all__ = [
    "BODS_VERSION",
    "MEASURES",
    "STATEMENT",
    "Problems",
    "display_name",
    "entity_kind",
    "is_bods",
    "person_name",
    "share_from_bods",
    "shown",
]

#: The attribute that keeps a statement's metadata (``statementId``, dates,
#: ``publicationDetails``, ``annotations``, ...) and the earlier statements of its record.
STATEMENT = "bods_statement"

#: The version of the standard read and written.
BODS_VERSION = "0.4"

#: Interest types that carry a measure of the model, and the stake field they fill.
MEASURES = {
    "shareholding": "share",
    "votingRights": "voting",
    "rightsToProfitOrIncome": "profit_share",
}

_SHARE_KEYS = ("exact", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")
_PERCENT = 100.0
_ENTITY_KINDS = {
    "registeredEntity": EntityKind.COMPANY,
    "legalEntity": EntityKind.COMPANY,
}


_REPR = reprlib.Repr()
_REPR.maxstring = _REPR.maxother = 60
_REPR.maxlist = _REPR.maxdict = _REPR.maxtuple = _REPR.maxset = 4
_REPR.maxlevel = 2
_REPR.maxlong = 40


def shown(value: object) -> str:
    """Return *value* as a message shows it: its ``repr``, cut short when long.

    A huge array or a megabyte of text in a document never makes a huge message.

    Examples
    --------
    >>> shown(list(range(1000)))
    '[0, 1, 2, 3, ...]'
    >>> shown("x" * 100)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxx...xxxxxxxxxxxxxxxxxxxxxxxxxxxx'"
    """
    return _REPR.repr(value)


def is_bods(data: object) -> bool:
    """Whether *data* looks like a BODS document: a list of statements.

    Only a non-empty JSON array whose items are all objects with a ``statementId``
    and a ``recordType`` (BODS 0.4) or a ``statementID`` and a ``statementType``
    (0.2, 0.3) counts, so detection is never ambiguous with orgmodel's own format (an
    object at the top).

    Examples
    --------
    >>> is_bods([{"statementId": "s1", "recordType": "person", "recordDetails": {}}])
    True
    >>> is_bods({"people": []}), is_bods([])
    (False, False)
    """
    return (
        isinstance(data, list)
        and bool(data)
        and all(
            isinstance(s, dict)
            and (
                ("statementId" in s and "recordType" in s)
                or ("statementID" in s and "statementType" in s)
            )
            for s in data
        )
    )


class Problems:
    """Problems found while reading, in document order."""

    def __init__(self) -> None:
        self.found: list[Problem] = []

    def add(self, code: ProblemCode, location: str, message: str) -> None:
        self.found.append(Problem(code, location, message))


def share_from_bods(value: object, location: str, problems: Problems) -> Share | None:
    """Read a BODS ``share`` object (per cent) into a :class:`Share`; report problems."""
    if not isinstance(value, Mapping):
        problems.add(
            ProblemCode.WRONG_TYPE,
            location,
            f"a share must be an object with {', '.join(_SHARE_KEYS)} (got {shown(value)})",
        )
        return None
    numbers: dict[str, float] = {}
    ok = True
    for key, raw in value.items():
        where = f"{location}.{key}"
        if key not in _SHARE_KEYS:
            hint = did_you_mean(str(key), _SHARE_KEYS)
            problems.add(ProblemCode.UNKNOWN_KEY, where, f"unknown share key {shown(key)}{hint}")
            ok = False
        elif isinstance(raw, bool) or not isinstance(raw, int | float):
            problems.add(
                ProblemCode.WRONG_TYPE, where, f"'{key}' must be a number (got {shown(raw)})"
            )
            ok = False
        elif not (0.0 <= raw <= _PERCENT and math.isfinite(raw)):  # big ints: no float()
            problems.add(
                ProblemCode.SHARE_RANGE,
                where,
                f"'{key}' must be a percentage between 0 and 100 (got {shown(raw)})",
            )
            ok = False
        else:
            numbers[key] = float(raw)
    if not ok:
        return None
    return _bounds(numbers, location, problems)


def _bounds(numbers: dict[str, float], location: str, problems: Problems) -> Share | None:
    for closed, open_ in (("minimum", "exclusiveMinimum"), ("maximum", "exclusiveMaximum")):
        if closed in numbers and open_ in numbers:
            problems.add(
                ProblemCode.SHARE_RANGE,
                location,
                f"a share gives both '{closed}' and '{open_}'; keep one",
            )
            return None
    if "exact" in numbers:
        exact = numbers["exact"]
        others = {k: v for k, v in numbers.items() if k != "exact"}
        if any(k.startswith("exclusive") for k in others) or any(
            v != exact for v in others.values()
        ):
            shown = ", ".join(f"{k} {v:g}" for k, v in others.items())
            problems.add(
                ProblemCode.SHARE_RANGE,
                location,
                f"exact share {exact:g} beside a range ({shown}); give the exact share "
                "alone (or with minimum and maximum equal to it) or the range alone",
            )
            return None
        return Share.exact(exact / _PERCENT)
    low_open = "exclusiveMinimum" in numbers
    high_open = "exclusiveMaximum" in numbers
    low = numbers.get("minimum", numbers.get("exclusiveMinimum", 0.0))
    high = numbers.get("maximum", numbers.get("exclusiveMaximum", _PERCENT))
    low_key = "exclusiveMinimum" if low_open else "minimum"
    high_key = "exclusiveMaximum" if high_open else "maximum"
    if low > high:
        problems.add(
            ProblemCode.SHARE_RANGE,
            location,
            f"share {low_key} {low:g} is above {high_key} {high:g}",
        )
        return None
    if low == high and (low_open or high_open):
        problems.add(
            ProblemCode.SHARE_RANGE,
            location,
            f"share range with {low_key} {low:g} and {high_key} {high:g} is empty",
        )
        return None
    return Share.between(low / _PERCENT, high / _PERCENT, lower_open=low_open, upper_open=high_open)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def person_name(details: Mapping[str, Any]) -> str | None:
    """Return the display name in a person record's ``names``, if any."""
    names = details.get("names")
    if not isinstance(names, list):
        return None
    ordered = sorted(
        (n for n in names if isinstance(n, Mapping)),
        key=lambda n: n.get("type") not in ("individual", "legal"),
    )
    for name in ordered:
        full = name.get("fullName")
        if isinstance(full, str):
            return full
        parts = [_text(name.get(k)) for k in ("givenName", "patronymicName", "familyName")]
        if any(parts):
            return " ".join(p for p in parts if p)
    return None


def display_name(details: Mapping[str, Any], record_id: str) -> str:
    """Return the name a person record is shown by: its own, else what it is.

    An anonymous or unknown person has no name; it is shown as
    ``"anonymous person (subjectExemptFromDisclosure)"`` and so on, and the writer
    writes no name for it.
    """
    name = person_name(details)
    if name is not None:
        return name
    kind = details.get("personType")
    if kind in ("anonymousPerson", "unknownPerson"):
        unspecified = details.get("unspecifiedPersonDetails")
        reason = unspecified.get("reason") if isinstance(unspecified, Mapping) else None
        shown = "anonymous person" if kind == "anonymousPerson" else "unknown person"
        return f"{shown} ({reason})" if isinstance(reason, str) else shown
    return record_id


def entity_kind(details: Mapping[str, Any]) -> EntityKind:
    """Return the :class:`EntityKind` an entity record's ``entityType`` stands for."""
    entity_type = details.get("entityType")
    if not isinstance(entity_type, Mapping):
        return EntityKind.OTHER
    detail = entity_type.get("details")
    if isinstance(detail, str):
        for kind in EntityKind:
            if detail.strip().lower() == kind.value:
                return kind
    if entity_type.get("subtype") == "trust":
        return EntityKind.TRUST
    if entity_type.get("type") == "arrangement":
        return EntityKind.ARRANGEMENT
    return _ENTITY_KINDS.get(str(entity_type.get("type")), EntityKind.OTHER)
