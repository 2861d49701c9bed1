"""Writing the document format of DESIGN §3: :class:`~orgmodel.Organization` → plain data."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVar, cast

from orgmodel.model import Organization, Person, Stake, Unit
from orgmodel.model._json_values import json_problem
from orgmodel.model.exceptions import ValidationError
from orgmodel.model.problems import Problem, ProblemCode
from orgmodel.model.share import Share
from orgmodel.model.vocabulary import Lean, Tag

__all__ = ["copy_json", "organization_sections", "organization_to_data"]

_J = TypeVar("_J")


def organization_to_data(org: Organization) -> dict[str, Any]:
    """Return *org* as plain, JSON-compatible data in the orgmodel file format.

    The result is lossless: :func:`organization_from_data` turns it back into an
    equal organisation.  Keys whose value is null, empty text or an empty list or
    mapping are left out; enumerations are always written.  Reporting lines are
    written on the people (``manager``, ``dotted``), never as top-level ``lines``.

    Raises
    ------
    ValidationError
        When attributes were changed after the organisation was built into something
        no file can hold (a cycle, nesting deeper than 64 levels ...).

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
    return {
        key: list(value) if isinstance(value, Iterator) else value
        for key, value in organization_sections(org)
    }


def organization_sections(org: Organization) -> Iterator[tuple[str, Any]]:
    """Yield the top-level keys of :func:`organization_to_data` in order, lazily.

    A section of records (``people``, ``stakes`` ...) is an iterator that makes each
    record when it is asked for, so a streaming writer never holds all of them.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(name="Acme", people=[om.Person("ann", "Ann")])
    >>> [
    ...     (key, list(value) if key == "people" else value)
    ...     for key, value in organization_sections(org)
    ... ]
    [('organization', 'Acme'), ('people', [{'id': 'ann', 'name': 'Ann', 'employment': 'employee'}])]
    """
    yield "organization", org.name
    if org.focal_entity is not None:
        yield "focal_entity", org.focal_entity
    if org.custom_tags:
        yield "vocabulary", [_tag_data(t) for t in org.custom_tags]
    if org.entities:
        yield (
            "entities",
            (
                _compact({"id": e.id, "name": e.name, "kind": e.kind.value}, e.attributes, e.id)
                for e in org.entities
            ),
        )
    if org.units:
        yield "units", (_unit_data(u) for u in org.units)
    if org.people:
        yield "people", (_person_data(p) for p in org.people)
    if org.stakes:
        yield "stakes", (_stake_data(s) for s in org.stakes)
    if org.relationships:
        yield (
            "relationships",
            (
                _compact(
                    {"person": r.person, "kind": r.kind.value, "counterparty": r.counterparty},
                    r.attributes,
                    f"a relationship of {r.person!r}",
                )
                for r in org.relationships
            ),
        )


def _unit_data(u: Unit) -> dict[str, Any]:
    return _compact(
        {
            "id": u.id,
            "name": u.name,
            "function": u.function,
            "parent": u.parent,
            "head": u.head,
        },
        u.attributes,
        u.id,
    )


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
        p.id,
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
        f"the stake of {s.holder!r} in {s.entity!r}",
    )


def _share(share: Share | None) -> float | dict[str, float] | None:
    return share.to_data() if share is not None else None


_KEEP = frozenset({"id", "name", "holder", "entity", "share", "person", "kind", "counterparty"})


def _compact(fields: dict[str, Any], attributes: dict[str, Any], owner: str) -> dict[str, Any]:
    keep = _KEEP
    out = {k: v for k, v in fields.items() if k in keep or v not in (None, "", [])}
    if attributes:
        why = json_problem(attributes)
        if why is not None:  # changed since the organisation was built
            problem = Problem(
                ProblemCode.WRONG_TYPE,
                "",
                f"the attributes of {owner!r} cannot be written: {why}",
            )
            raise ValidationError([problem])
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
