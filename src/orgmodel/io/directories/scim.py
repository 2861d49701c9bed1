"""SCIM 2.0 ``Users`` (RFC 7643): a ListResponse of User resources, or a list of them.

Each User gives ``id``; ``displayName`` (else ``name.formatted``, else ``givenName``
and ``familyName``, else ``userName``); ``title``; the primary (else first) of
``emails``; and, from the enterprise extension
(``urn:ietf:params:scim:schemas:extension:enterprise:2.0:User``), ``manager.value``
(the manager's ``id``), ``organization``, ``division`` and ``department`` (the unit,
outermost first), ``employeeNumber`` and ``costCenter``.  ``userName``, ``userType``
and ``active`` are kept as attributes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from orgmodel.io._roster import Roster
from orgmodel.io.directories._users import Users, each, text

__all__ = ["ENTERPRISE", "is_scim", "read_scim"]

LIST_RESPONSE: Final = "urn:ietf:params:scim:api:messages:2.0:ListResponse"
USER: Final = "urn:ietf:params:scim:schemas:core:2.0:User"
ENTERPRISE: Final = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"


def _schemas(item: object) -> list[object]:
    found = item.get("schemas") if isinstance(item, Mapping) else None
    return found if isinstance(found, list) else []


def is_scim(data: object) -> bool:
    """Whether *data* is a SCIM ListResponse or a list of SCIM Users.

    Examples
    --------
    >>> is_scim({"schemas": [LIST_RESPONSE], "Resources": []}), is_scim({"people": []})
    (True, False)
    """
    if LIST_RESPONSE in _schemas(data):
        return True
    return isinstance(data, list) and bool(data) and USER in _schemas(data[0])


def _name(user: Mapping[str, Any]) -> str:
    name = user.get("name")
    parts = name if isinstance(name, Mapping) else {}
    given = " ".join(text(parts.get(k)) for k in ("givenName", "familyName")).strip()
    return (
        text(user.get("displayName"))
        or text(parts.get("formatted"))
        or given
        or text(user.get("userName"))
    )


def _email(user: Mapping[str, Any]) -> str:
    emails = user.get("emails")
    if not isinstance(emails, list):
        return ""
    values = [e for e in emails if isinstance(e, Mapping) and text(e.get("value"))]
    primary = [e for e in values if e.get("primary") is True]
    return text((primary or values or [{}])[0].get("value"))


def _read(users: Users, i: int, user: Mapping[str, Any]) -> None:
    extension = user.get(ENTERPRISE)
    ext: Mapping[str, Any] = extension if isinstance(extension, Mapping) else {}
    manager = ext.get("manager")
    attributes: dict[str, Any] = {}
    for key, source in (
        ("userName", user),
        ("userType", user),
        ("employeeNumber", ext),
        ("costCenter", ext),
    ):
        if value := text(source.get(key)):
            attributes[key] = value
    if isinstance(user.get("active"), bool):
        attributes["active"] = user["active"]
    email = _email(user)
    if email:
        attributes["email"] = email
    users.add(
        i,
        uid=text(user.get("id")),
        name=_name(user),
        title=text(user.get("title")),
        manager=text(manager.get("value")) if isinstance(manager, Mapping) else text(manager),
        unit=tuple(
            v for k in ("organization", "division", "department") if (v := text(ext.get(k)))
        ),
        email=email,
        attributes=attributes,
    )


def read_scim(data: object, source: str) -> Roster:
    """Read SCIM Users into a roster (see the module)."""
    users = Users(source, "Resources" if isinstance(data, Mapping) else "")
    users.keys = {"manager": f"{ENTERPRISE}.manager.value", "id": "id", "name": "displayName"}
    each(users, data, "Resources", _read)
    return users.roster("SCIM 2.0 Users")
