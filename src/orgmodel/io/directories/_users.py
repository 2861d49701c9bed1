"""What the directory readers share: pulling fields out of user records into a roster."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from orgmodel.io._roster import Roster
from orgmodel.model.problems import Problem, ProblemCode

__all__ = ["Users", "text"]


def text(value: object) -> str:
    """Return *value* as text: strings trimmed, numbers as digits, anything else ''."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


@attrs.define
class Users:
    """A roster being filled one user at a time, with each user's place in the file."""

    source: str
    section: str  # the JSON path of the list of users: "Resources", "value", "users", ""
    ids: list[str] = attrs.field(factory=list)
    names: list[str] = attrs.field(factory=list)
    titles: list[str] = attrs.field(factory=list)
    managers: list[str] = attrs.field(factory=list)
    dotted: list[list[str]] = attrs.field(factory=list)
    units: list[tuple[str, ...]] = attrs.field(factory=list)
    emails: list[str] = attrs.field(factory=list)
    dns: list[str] = attrs.field(factory=list)
    attributes: list[dict[str, Any]] = attrs.field(factory=list)
    positions: list[int] = attrs.field(factory=list)
    problems: list[Problem] = attrs.field(factory=list)
    keys: dict[str, str] = attrs.field(factory=dict)  # model field → key in the record

    def add(
        self,
        position: int,
        *,
        uid: str,
        name: str,
        title: str = "",
        manager: str = "",
        dotted: list[str] | None = None,
        unit: tuple[str, ...] = (),
        email: str = "",
        dn: str = "",
        attributes: dict[str, Any] | None = None,
    ) -> None:
        """Add one user found at *position* in the list."""
        self.positions.append(position)
        self.ids.append(uid)
        self.names.append(name)
        self.titles.append(title)
        self.managers.append(manager)
        self.dotted.append(dotted or [])
        self.units.append(unit)
        self.emails.append(email)
        self.dns.append(dn)
        self.attributes.append(attributes or {})

    def wrong(self, position: int, message: str) -> None:
        """Record that the entry at *position* is not a user record."""
        self.problems.append(
            Problem(ProblemCode.WRONG_TYPE, f"{self.section}[{position}]", message)
        )

    def place(self, index: int, field: str) -> str:
        """``Resources[3].manager`` for the user at *index* and model field *field*."""
        key = self.keys.get(field, field)
        return f"{self.section}[{self.positions[index]}].{key}"

    def roster(self, what: str) -> Roster:
        """Return the roster of the users added."""
        return Roster(
            source=self.source,
            ids=self.ids,
            names=self.names,
            attributes=self.attributes,
            titles=self.titles,
            managers=self.managers,
            dotted=self.dotted,
            units=self.units,
            emails=self.emails,
            dns=self.dns if any(self.dns) else None,
            place=self.place,
            problems=self.problems,
            detected=f"read {self.source} as {what} ({len(self.ids)} users)",
        )


def each(
    users: Users, data: object, key: str, read: Callable[[Users, int, Mapping[str, Any]], None]
) -> None:
    """Call *read* for each user record in ``data[key]``; report entries that are not."""
    items = data.get(key, []) if isinstance(data, Mapping) else data  # none: an empty page
    if not isinstance(items, list):
        users.problems.append(
            Problem(ProblemCode.WRONG_TYPE, key, f"'{key}' must be a list of users")
        )
        return
    for i, item in enumerate(items):
        if isinstance(item, Mapping):
            read(users, i, item)
        else:
            users.wrong(i, f"{key}[{i}] must be a user record (an object)")
