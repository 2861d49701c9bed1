"""LDIF (RFC 2849) directory dumps: people entries with ``manager:`` as a DN.

Each entry (records separated by blank lines) gives its ``dn``; the id from ``uid``
(else ``employeeNumber``, else the DN); the name from ``displayName`` (else
``cn``, else ``givenName`` and ``sn``); ``title``; ``mail``; the unit from
``departmentNumber`` (else ``ou``); and ``manager`` (a DN, resolved against the
other entries' DNs).  Values may be base64 (``attr:: ...``) and lines folded (a
continuation starts with one space); comments and ``version:`` are skipped, as are
entries that are not people (no ``objectClass`` among person, inetOrgPerson,
organizationalPerson, user) and change records.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any, Final

from orgmodel.io._roster import Roster
from orgmodel.io.directories._users import Users
from orgmodel.model.problems import Problem, ProblemCode

__all__ = ["is_ldif", "parse_ldif", "read_ldif"]

_PEOPLE: Final = frozenset({"person", "inetorgperson", "organizationalperson", "user"})
_KEPT: Final = ("telephoneNumber", "l", "employeeType", "o", "employeeNumber", "uid")


def is_ldif(text: str) -> bool:
    r"""Whether *text* looks like LDIF: its first record starts with ``dn:``.

    Examples
    --------
    >>> is_ldif("version: 1\n\ndn: uid=ann,dc=x\n"), is_ldif("id,name\n")
    (True, False)
    """
    for line in text.splitlines():
        if line.startswith("#") or not line.strip() or line.lower().startswith("version:"):
            continue
        return line.lower().startswith("dn:")
    return False


Entry = tuple[int, dict[str, list[str]]]


def _unfold(text: str) -> list[tuple[int, str]]:
    """Join folded lines (a continuation starts with one space); drop comments."""
    logical: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(" ") and logical and logical[-1][1]:
            logical[-1] = (logical[-1][0], logical[-1][1] + line[1:])
        elif not line.startswith("#"):
            logical.append((number, line))
    return logical


def _value(name: str, value: str, where: str) -> str | Problem | None:
    """Decode one value: plain, base64 (``::``) or a URL (``:<``, never followed)."""
    if value.startswith(":"):
        try:
            return base64.b64decode(value[1:].strip(), validate=True).decode("utf-8").strip()
        except (binascii.Error, UnicodeDecodeError, ValueError):
            return Problem(ProblemCode.SYNTAX_ERROR, where, f"{name}: is not base64 UTF-8 text")
    if value.startswith("<"):
        return None
    return value.strip()


def parse_ldif(text: str, file: str) -> tuple[list[Entry], list[Problem]]:
    """Return each entry (its first line, its attributes) and the problems found."""
    entries: list[Entry] = []
    problems: list[Problem] = []
    current: dict[str, list[str]] = {}
    start = 0
    for number, line in [*_unfold(text), (0, "")]:
        if not line.strip():
            if current:
                entries.append((start, current))
            current = {}
            continue
        name, sep, raw = line.partition(":")
        where = f"{file}:{number}"
        if not sep:
            problems.append(
                Problem(ProblemCode.SYNTAX_ERROR, where, f"not 'name: value': {line[:60]!r}")
            )
            continue
        value = _value(name, raw, where)
        if isinstance(value, Problem):
            problems.append(value)
            continue
        if value is None or (name.lower() == "version" and not current):
            continue
        if not current:
            start = number
        current.setdefault(name.strip().lower(), []).append(value)
    return entries, problems


def _first(entry: dict[str, list[str]], *names: str) -> str:
    for name in names:
        values = entry.get(name.lower())
        if values and values[0]:
            return values[0]
    return ""


def read_ldif(text: str, source: str, file: str) -> Roster:
    """Read the people entries of an LDIF dump into a roster (see the module)."""
    entries, problems = parse_ldif(text, file)
    users = Users(source, file)
    lines: list[int] = []
    for start, entry in entries:
        if "changetype" in entry:
            continue
        classes = {c.lower() for c in entry.get("objectclass", [])}
        if classes and not classes & _PEOPLE:
            continue
        dn = _first(entry, "dn")
        given = " ".join(v for v in (_first(entry, "givenName"), _first(entry, "sn")) if v)
        attributes: dict[str, Any] = {"dn": dn}
        email = _first(entry, "mail")
        if email:
            attributes["email"] = email
        for key in _KEPT:
            if value := _first(entry, key):
                attributes[key] = value
        unit = _first(entry, "departmentNumber", "ou")
        lines.append(start)
        users.add(
            len(lines) - 1,
            uid=_first(entry, "uid", "employeeNumber") or dn,
            name=_first(entry, "displayName", "cn") or given,
            title=_first(entry, "title"),
            manager=_first(entry, "manager"),
            unit=(unit,) if unit else (),
            email=email,
            dn=dn,
            attributes=attributes,
        )
    users.problems.extend(problems)
    roster = users.roster("an LDIF directory dump")
    roster.place = lambda i, field: f"{file}:{lines[i]}, attribute {field}"
    return roster
