"""Writing the document format of DESIGN §3: :class:`~orgmodel.Organization` → plain data."""

from __future__ import annotations

from typing import Any, TypeVar, cast

from orgmodel.model import Organization, Person, Stake
from orgmodel.model.share import Share
from orgmodel.model.vocabulary import Lean, Tag

__all__ = ["copy_json", "organization_to_data"]

_J = TypeVar("_J")


def organization_to_data(org: Organization) -> dict[str, Any]:
    """Return *org* as plain, JSON-compatible data in the orgmodel file format.

    The result is lossless: :func:`organization_from_data` turns it back into an
    equal organisation.  Keys whose value is null, empty text or an empty list or
    mapping are left out; enumerations are always written.  Reporting lines are
    written on the people (``manager``, ``dotted``), never as top-level ``lines``.

    Examples
    --------
    >>> import orgmodel as om
    >>> from orgmodel.io import organization_to_data
    >>> org = om.Organization(
    ...     name="Acme",
    ...     people=[om.Person("ann", "Ann"), om.Person("bob", "Bob", manager="ann")],
    ... )
    >>> organization_to_data(org)["people"][1]
    {'id': 'bob', 'name': 'Bob', 'employment': 'employee', 'manager': 'ann'}
    """
    data: dict[str, Any] = {"organization": org.name}
    if org.focal_entity is not None:
        data["focal_entity"] = org.focal_entity
    if org.custom_tags:
        data["vocabulary"] = [_tag_data(t) for t in org.custom_tags]
    if org.entities:
        data["entities"] = [
            _compact({"id": e.id, "name": e.name, "kind": e.kind.value}, e.attributes)
            for e in org.entities
        ]
    if org.units:
        data["units"] = [
            _compact(
                {
                    "id": u.id,
                    "name": u.name,
                    "function": u.function,
                    "parent": u.parent,
                    "head": u.head,
                },
                u.attributes,
            )
            for u in org.units
        ]
    if org.people:
        data["people"] = [_person_data(p) for p in org.people]
    if org.stakes:
        data["stakes"] = [_stake_data(s) for s in org.stakes]
    if org.relationships:
        data["relationships"] = [
            _compact(
                {"person": r.person, "kind": r.kind.value, "counterparty": r.counterparty},
                r.attributes,
            )
            for r in org.relationships
        ]
    return data


def _tag_data(tag: Tag) -> dict[str, Any]:
    out: dict[str, Any] = {
        "tag": tag.name,
        "leans": [lean.value for lean in Lean if lean in tag.leans],
    }
    if tag.description:
        out["description"] = tag.description
    return out


def _person_data(p: Person) -> dict[str, Any]:
    return _compact(
        {
            "id": p.id,
            "name": p.name,
            "vacant": True if p.vacant else None,
            "title": p.title,
            "employment": p.employment.value,
            "unit": p.unit,
            "manager": p.manager,
            "dotted": list(p.dotted),
            "responsibilities": list(p.responsibilities),
        },
        p.attributes,
    )


def _stake_data(s: Stake) -> dict[str, Any]:
    return _compact(
        {
            "holder": s.holder,
            "entity": s.entity,
            "share": _share(s.share),
            "voting": _share(s.voting),
            "profit_share": _share(s.profit_share),
            "liability": s.liability.value if s.liability is not None else None,
        },
        s.attributes,
    )


def _share(share: Share | None) -> float | dict[str, float] | None:
    return share.to_data() if share is not None else None


def _compact(fields: dict[str, Any], attributes: dict[str, Any]) -> dict[str, Any]:
    keep = ("id", "name", "holder", "entity", "share", "person", "kind", "counterparty")
    out = {k: v for k, v in fields.items() if k in keep or v not in (None, "", [])}
    if attributes:
        out["attributes"] = copy_json(attributes)
    return out


def copy_json(value: _J) -> _J:
    """Copy nested lists and dicts of JSON values without recursion.

    Examples
    --------
    >>> original = {"a": [1, {"b": None}]}
    >>> copy = copy_json(original)
    >>> copy == original, copy["a"] is original["a"]
    (True, False)
    """
    if not isinstance(value, list | dict):
        return value
    root: Any = [] if isinstance(value, list) else {}
    stack: list[tuple[Any, Any]] = [(value, root)]
    while stack:
        source, target = stack.pop()
        items = enumerate(source) if isinstance(source, list) else source.items()
        for key, item in items:
            if isinstance(item, list | dict):
                child: Any = [] if isinstance(item, list) else {}
                stack.append((item, child))
            else:
                child = item
            if isinstance(target, list):
                target.append(child)
            else:
                target[key] = child
    return cast("_J", root)
