"""The container of the model: an :class:`Organization`, validated completely when built.

:class:`Organization` holds every record and validates itself when it is built: it
raises one :class:`~orgmodel.exceptions.ValidationError` listing **every** problem,
and keeps non-fatal findings in :attr:`Organization.warnings`.

Examples
--------
>>> import orgmodel as om
>>> org = om.Organization(
...     name="Acme",
...     people=[
...         om.Person(
...             "alice", "Alice Smith", title="Managing Partner", employment=om.Employment.PARTNER
...         ),
...         om.Person("bob", "Bob Jones", title="COO", manager="alice"),
...     ],
...     entities=[om.Entity("acme", "Acme LLP", kind=om.EntityKind.LLP)],
...     stakes=[om.Stake("alice", "acme", om.Share.exact(1.0))],
... )
>>> org.person("bob").manager
'alice'
>>> [str(line) for line in org.lines]
['bob → alice (solid)']
>>> om.Organization(name="x", people=[om.Person("a", "A", manager="b")])
Traceback (most recent call last):
...
orgmodel.exceptions.ValidationError: 1 problem:
  - people[0].manager: unknown person 'b' as manager of 'a' [unknown-reference]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeVar

import attrs

from orgmodel._suggest import did_you_mean
from orgmodel.model._arguments import record_tuple
from orgmodel.model._validation import validate
from orgmodel.model.exceptions import UnknownReferenceError, ValidationError
from orgmodel.model.problems import Problem
from orgmodel.model.records import (
    Employment,
    Entity,
    LineKind,
    Person,
    Relationship,
    ReportingLine,
    Stake,
    Unit,
)
from orgmodel.model.vocabulary import DEFAULT_VOCABULARY, Tag, Vocabulary

__all__ = ["Organization"]


def _people(value: Iterable[Person]) -> tuple[Person, ...]:
    return record_tuple(value, "people")  # type: ignore[return-value]


def _entities(value: Iterable[Entity]) -> tuple[Entity, ...]:
    return record_tuple(value, "entities")  # type: ignore[return-value]


def _units(value: Iterable[Unit]) -> tuple[Unit, ...]:
    return record_tuple(value, "units")  # type: ignore[return-value]


def _stakes(value: Iterable[Stake]) -> tuple[Stake, ...]:
    return record_tuple(value, "stakes")  # type: ignore[return-value]


def _relationships(value: Iterable[Relationship]) -> tuple[Relationship, ...]:
    return record_tuple(value, "relationships")  # type: ignore[return-value]


def _tags(value: Iterable[Tag]) -> tuple[Tag, ...]:
    return record_tuple(value, "custom_tags")  # type: ignore[return-value]


def _problems(value: Iterable[Problem]) -> tuple[Problem, ...]:
    items: tuple[object, ...] = tuple(value)  # checked here: callers pass anything
    out: list[Problem] = []
    for item in items:
        if not isinstance(item, Problem):
            msg = f"'loader_warnings' must hold Problem records (got {item!r})"
            raise TypeError(msg)
        out.append(item)
    return tuple(out)


_Node = Person | Entity | Unit


_T = TypeVar("_T", Person, Entity, Unit)

_A_KIND: dict[type, str] = {Person: "a person", Entity: "an entity", Unit: "a unit"}


@attrs.frozen
class Organization:
    """A whole organisation: validated completely when built.

    Attributes
    ----------
    name : str
        Display name of the organisation.
    people, entities, units, stakes, relationships : tuple
        The records; any iterable is accepted and stored as a tuple.
    focal_entity : str or None
        The entity whose org chart this is; optional when there is one entity.
    custom_tags : tuple of Tag
        Responsibility tags added to :data:`~orgmodel.vocabulary.DEFAULT_VOCABULARY`.
    loader_warnings : tuple of Problem
        Warnings about the input the organisation was read from (what a reader
        detected in an HR export, say); a loader gives them, and they come first in
        :attr:`warnings`.  Not part of equality.
    warnings : tuple of Problem
        Non-fatal findings (several roots, unknown tags, unallocated shares), after
        :attr:`loader_warnings`; computed, not given.

    Raises
    ------
    ValidationError
        Listing every problem found, each with a code, a location and a message.
    """

    name: str = attrs.field()  # checked with the records (model._arguments)
    people: tuple[Person, ...] = attrs.field(default=(), converter=_people)
    entities: tuple[Entity, ...] = attrs.field(default=(), converter=_entities, kw_only=True)
    units: tuple[Unit, ...] = attrs.field(default=(), converter=_units, kw_only=True)
    stakes: tuple[Stake, ...] = attrs.field(default=(), converter=_stakes, kw_only=True)
    relationships: tuple[Relationship, ...] = attrs.field(
        default=(), converter=_relationships, kw_only=True
    )
    focal_entity: str | None = attrs.field(default=None, kw_only=True)
    custom_tags: tuple[Tag, ...] = attrs.field(default=(), converter=_tags, kw_only=True)
    loader_warnings: tuple[Problem, ...] = attrs.field(
        default=(), converter=_problems, eq=False, repr=False, kw_only=True
    )
    warnings: tuple[Problem, ...] = attrs.field(init=False, eq=False, repr=False)
    _index: dict[str, _Node] = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        index, errors, warnings = validate(self)
        if errors:
            raise ValidationError(errors)
        object.__setattr__(self, "warnings", (*self.loader_warnings, *warnings))
        object.__setattr__(self, "_index", index)

    # -- look-ups -------------------------------------------------------------

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._index

    def person(self, person_id: str) -> Person:
        """Return the person with id *person_id*.

        Raises
        ------
        UnknownReferenceError
            When there is no such person (with a did-you-mean suggestion).

        Examples
        --------
        >>> import orgmodel as om
        >>> org = om.Organization(name="x", people=[om.Person("bob", "Bob")])
        >>> org.person("bob").name
        'Bob'
        >>> org.person("bbo")
        Traceback (most recent call last):
        ...
        orgmodel.exceptions.UnknownReferenceError: unknown person 'bbo' — did you mean 'bob'?
        """
        return self._get(person_id, Person, "person")

    def entity(self, entity_id: str) -> Entity:
        """Return the entity with id *entity_id* (see :meth:`person`)."""
        return self._get(entity_id, Entity, "entity")

    def unit(self, unit_id: str) -> Unit:
        """Return the unit with id *unit_id* (see :meth:`person`)."""
        return self._get(unit_id, Unit, "unit")

    def node(self, node_id: str) -> Person | Entity | Unit:
        """Return the person, entity or unit with id *node_id*.

        Examples
        --------
        >>> import orgmodel as om
        >>> om.Organization(name="x", people=[om.Person("bob", "Bob")]).node("bob").id
        'bob'
        """
        found = self._index.get(node_id)
        if found is None:
            msg = f"unknown id {node_id!r}{did_you_mean(str(node_id), self._index)}"
            raise UnknownReferenceError(msg)
        return found

    def _get(self, node_id: str, cls: type[_T], what: str) -> _T:
        found = self._index.get(node_id)
        if isinstance(found, cls):
            return found
        candidates = [k for k, v in self._index.items() if isinstance(v, cls)]
        msg = f"unknown {what} {node_id!r}"
        if found is not None:
            msg += f" ({node_id!r} is {_A_KIND[type(found)]})"
        else:
            msg += did_you_mean(str(node_id), candidates)
        raise UnknownReferenceError(msg)

    # -- derived views --------------------------------------------------------

    @property
    def focal(self) -> Entity | None:
        """The focal entity: :attr:`focal_entity`, or the only entity there is.

        Examples
        --------
        >>> import orgmodel as om
        >>> om.Organization(name="x", entities=[om.Entity("acme", "Acme")]).focal.id
        'acme'
        """
        if self.focal_entity is not None:
            return self.entity(self.focal_entity)
        if len(self.entities) == 1:
            return self.entities[0]
        return None

    @property
    def vocabulary(self) -> Vocabulary:
        """The default vocabulary extended with :attr:`custom_tags`."""
        if not self.custom_tags:
            return DEFAULT_VOCABULARY
        return DEFAULT_VOCABULARY.extend(self.custom_tags)

    @property
    def lines(self) -> tuple[ReportingLine, ...]:
        """Every reporting line: each person's solid line, then their dotted ones."""
        out: list[ReportingLine] = []
        for p in self.people:
            if p.manager is not None:
                out.append(ReportingLine(p.id, p.manager, LineKind.SOLID))
            out.extend(ReportingLine(p.id, m, LineKind.DOTTED) for m in p.dotted)
        return tuple(out)

    @property
    def roots(self) -> tuple[Person, ...]:
        """People at the top: no manager, and inside the organisation.

        A person with no manager, no reports and ``employment: none`` (an outside
        investor, say) is not counted as a root.
        """
        managers = {p.manager for p in self.people if p.manager is not None}
        return tuple(
            p
            for p in self.people
            if p.manager is None and (p.employment is not Employment.NONE or p.id in managers)
        )

    def summary(self) -> Mapping[str, int]:
        """Count each kind of record, and the warnings.

        Examples
        --------
        >>> import orgmodel as om
        >>> dict(om.Organization(name="x", people=[om.Person("a", "A")]).summary())["people"]
        1
        """
        return {
            "people": len(self.people),
            "entities": len(self.entities),
            "units": len(self.units),
            "stakes": len(self.stakes),
            "relationships": len(self.relationships),
            "reporting lines": sum((p.manager is not None) + len(p.dotted) for p in self.people),
            "warnings": len(self.warnings),
        }
