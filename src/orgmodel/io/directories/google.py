"""Google Workspace Directory users (Admin SDK ``users.list``).

The response is ``{"kind": "admin#directory#users", "users": [user, ...]}``; each
user gives ``id``, ``name.fullName`` (else ``givenName`` and ``familyName``),
``primaryEmail``, and from its primary (else first) ``organizations`` entry the
``title`` and ``department`` (the unit).  Its ``relations`` name other people by
e-mail address: ``manager`` is the solid line, ``dotted_line_manager`` a dotted
one, and ``assistant`` marks the person named as an assistant (``assistant:
true``, with ``assistant_to``).  ``orgUnitPath``, ``suspended`` and the
organisation's ``costCenter`` and ``location`` are kept as attributes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from orgmodel.io._roster import Roster
from orgmodel.io.directories._users import Users, each, text

__all__ = ["is_google", "read_google"]

KIND: Final = "admin#directory#users"


def is_google(data: object) -> bool:
    """Whether *data* is a Google Directory list of users.

    Examples
    --------
    >>> is_google({"kind": "admin#directory#users", "users": []})
    True
    """
    if not isinstance(data, Mapping):
        return False
    if data.get("kind") == KIND:
        return True
    items = data.get("users")
    return (
        isinstance(items, list)
        and bool(items)
        and isinstance(items[0], Mapping)
        and "primaryEmail" in items[0]
    )


def _organization(user: Mapping[str, Any]) -> Mapping[str, Any]:
    found = user.get("organizations")
    entries = [o for o in found if isinstance(o, Mapping)] if isinstance(found, list) else []
    primary = [o for o in entries if o.get("primary") is True]
    return (primary or entries or [{}])[0]


def _relations(user: Mapping[str, Any], kind: str) -> list[str]:
    found = user.get("relations")
    if not isinstance(found, list):
        return []
    return [
        text(r.get("value"))
        for r in found
        if isinstance(r, Mapping) and r.get("type") == kind and text(r.get("value"))
    ]


def _read(users: Users, i: int, user: Mapping[str, Any]) -> None:
    name = user.get("name")
    parts: Mapping[str, Any] = name if isinstance(name, Mapping) else {}
    given = " ".join(text(parts.get(k)) for k in ("givenName", "familyName")).strip()
    org = _organization(user)
    email = text(user.get("primaryEmail"))
    attributes: dict[str, Any] = {"email": email} if email else {}
    if value := text(user.get("orgUnitPath")):
        attributes["orgUnitPath"] = value
    if isinstance(user.get("suspended"), bool):
        attributes["suspended"] = user["suspended"]
    for key in ("costCenter", "location"):
        if value := text(org.get(key)):
            attributes[key] = value
    managers = _relations(user, "manager")
    department = text(org.get("department"))
    users.add(
        i,
        uid=text(user.get("id")) or email,
        name=text(parts.get("fullName")) or given,
        title=text(org.get("title")),
        manager=managers[0] if managers else "",
        dotted=_relations(user, "dotted_line_manager"),
        unit=(department,) if department else (),
        email=email,
        attributes=attributes,
    )
    if assistants := _relations(user, "assistant"):
        attributes["assistants"] = assistants


def _mark_assistants(users: Users) -> None:
    by_email = {e.casefold(): i for i, e in enumerate(users.emails) if e}
    for i, attributes in enumerate(users.attributes):
        for email in attributes.pop("assistants", []):
            k = by_email.get(email.casefold())
            if k is not None:
                users.attributes[k]["assistant"] = True
                users.attributes[k]["assistant_to"] = users.ids[i]


def read_google(data: object, source: str) -> Roster:
    """Read Google Directory users into a roster (see the module)."""
    users = Users(source, "users")
    users.keys = {"manager": "relations", "dotted": "relations", "name": "name.fullName"}
    each(users, data, "users", _read)
    _mark_assistants(users)
    return users.roster("Google Directory users")
