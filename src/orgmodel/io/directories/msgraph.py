"""Microsoft Graph users (Entra ID), listed with ``$expand=manager``.

The response of ``GET /users?$expand=manager`` is ``{"@odata.context": ..., "value":
[user, ...]}``; each user gives ``id``, ``displayName`` (else ``givenName`` and
``surname``), ``jobTitle``, ``department`` (the unit), ``mail`` (else
``userPrincipalName``) and the expanded ``manager`` object, whose ``id`` is the
manager's.  ``userPrincipalName``, ``employeeId``, ``officeLocation`` (as
``location``) and ``companyName`` are kept as attributes.  A list of user objects
without the envelope is read too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from orgmodel.io._roster import Roster
from orgmodel.io.directories._users import Users, each, text

__all__ = ["is_graph", "read_graph"]


def _is_user(item: object) -> bool:
    return isinstance(item, Mapping) and "userPrincipalName" in item and "id" in item


def is_graph(data: object) -> bool:
    """Whether *data* is a Microsoft Graph list of users.

    Examples
    --------
    >>> is_graph(
    ...     {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users", "value": []}
    ... )
    True
    """
    if isinstance(data, Mapping):
        context = data.get("@odata.context")
        items = data.get("value")
        if isinstance(context, str) and "#users" in context and isinstance(items, list):
            return True
        return isinstance(items, list) and bool(items) and _is_user(items[0])
    return isinstance(data, list) and bool(data) and _is_user(data[0])


def _read(users: Users, i: int, user: Mapping[str, Any]) -> None:
    manager = user.get("manager")
    attributes: dict[str, Any] = {}
    for key, name in (
        ("userPrincipalName", "userPrincipalName"),
        ("employeeId", "employeeId"),
        ("officeLocation", "location"),
        ("companyName", "companyName"),
    ):
        if value := text(user.get(key)):
            attributes[name] = value
    email = text(user.get("mail")) or text(user.get("userPrincipalName"))
    if email:
        attributes["email"] = email
    given = " ".join(text(user.get(k)) for k in ("givenName", "surname")).strip()
    department = text(user.get("department"))
    users.add(
        i,
        uid=text(user.get("id")),
        name=text(user.get("displayName")) or given,
        title=text(user.get("jobTitle")),
        manager=text(manager.get("id")) if isinstance(manager, Mapping) else "",
        unit=(department,) if department else (),
        email=email,
        attributes=attributes,
    )


def read_graph(data: object, source: str) -> Roster:
    """Read Microsoft Graph users into a roster (see the module)."""
    users = Users(source, "value" if isinstance(data, Mapping) else "")
    users.keys = {"manager": "manager.id", "name": "displayName"}
    each(users, data, "value", _read)
    return users.roster("Microsoft Graph users")
