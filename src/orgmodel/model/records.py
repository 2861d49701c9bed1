"""The typed object model: people, entities, units, stakes, lines and relationships.

Every record is a frozen, slotted ``attrs`` class.  :class:`Organization` holds them
all and validates itself completely when it is built: it raises one
:class:`~orgmodel.exceptions.ValidationError` listing **every** problem, and keeps
non-fatal findings in :attr:`Organization.warnings`.

Reporting lines live on the people (:attr:`Person.manager` and
:attr:`Person.dotted`); :attr:`Organization.lines` lists them as
:class:`ReportingLine` records.

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

import enum
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import attrs

from orgmodel._share import Share
from orgmodel._suggest import did_you_mean
from orgmodel.exceptions import UnknownReferenceError, ValidationError
from orgmodel.problems import Problem
from orgmodel.vocabulary import DEFAULT_VOCABULARY, Tag, Vocabulary

__all__ = [
    "Employment",
    "Entity",
    "EntityKind",
    "Liability",
    "LineKind",
    "Organization",
    "Person",
    "Relationship",
    "RelationshipKind",
    "ReportingLine",
    "Share",
    "Stake",
    "Unit",
]


class EntityKind(enum.Enum):
    """The legal form of an entity."""

    COMPANY = "company"
    PARTNERSHIP = "partnership"
    LLP = "llp"
    FUND = "fund"
    TRUST = "trust"
    OTHER = "other"


class Employment(enum.Enum):
    """How a person stands to the organisation.

    ``PARTNER`` and ``MEMBER`` (of an LLP) are titles of standing, not proof of a
    stake: the classifier reads stakes, not this field, for ownership.
    """

    PARTNER = "partner"
    MEMBER = "member"
    EMPLOYEE = "employee"
    DIRECTOR = "director"
    CONTRACTOR = "contractor"
    NONE = "none"


class LineKind(enum.Enum):
    """A solid (line-management) or dotted (matrix) reporting line."""

    SOLID = "solid"
    DOTTED = "dotted"


class RelationshipKind(enum.Enum):
    """The kind of an external relationship a person holds."""

    CLIENT = "client"
    INVESTOR = "investor"
    SUPPLIER = "supplier"
    REGULATOR = "regulator"
    PARTNER_FIRM = "partner_firm"
    OTHER = "other"


class Liability(enum.Enum):
    """The liability a holder bears for the entity's debts."""

    LIMITED = "limited"
    UNLIMITED = "unlimited"


_Validator = Callable[[object, "attrs.Attribute[Any]", object], None]


def _instance_of(cls: type, *, optional: bool = False) -> _Validator:
    """Like ``attrs.validators.instance_of`` (same TypeError and message), but faster.

    Building a million people runs these ten million times; a plain function costs
    a third of attrs' validator classes.
    """

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, cls) or (optional and value is None):
            return
        msg = f"'{attribute.name}' must be {cls!r} (got {value!r} that is a {value.__class__!r})."
        raise TypeError(msg, attribute, cls, value)

    return check


_str = _instance_of(str)
_opt_str = _instance_of(str, optional=True)
_attributes = _instance_of(dict)
_opt_share = _instance_of(Share, optional=True)
_is_tuple = _instance_of(tuple)


def _str_tuple(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check for a tuple of strings, as ``deep_iterable(_str, instance_of(tuple))`` would."""
    if not isinstance(value, tuple):
        _is_tuple(instance, attribute, value)
        return
    for item in value:
        if not isinstance(item, str):
            _str(instance, attribute, item)


def _people(value: Iterable[Person]) -> tuple[Person, ...]:
    return tuple(value)


def _entities(value: Iterable[Entity]) -> tuple[Entity, ...]:
    return tuple(value)


def _units(value: Iterable[Unit]) -> tuple[Unit, ...]:
    return tuple(value)


def _stakes(value: Iterable[Stake]) -> tuple[Stake, ...]:
    return tuple(value)


def _relationships(value: Iterable[Relationship]) -> tuple[Relationship, ...]:
    return tuple(value)


def _tags(value: Iterable[Tag]) -> tuple[Tag, ...]:
    return tuple(value)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen
class Person:
    """A member of the organisation, or an outside holder of a stake.

    Attributes
    ----------
    id : str
        Unique across people, entities and units.
    name : str
        Display name.
    title : str
        Job title as the organisation uses it; weak evidence only.
    employment : Employment
        How they stand to the organisation (default ``EMPLOYEE``).
    unit : str or None
        The id of the unit they belong to.
    manager : str or None
        The id of their solid-line manager; ``None`` at the top.
    dotted : tuple of str
        Ids of dotted-line (matrix) managers.
    responsibilities : tuple of str
        Responsibility tags (see :mod:`orgmodel.vocabulary`).
    attributes : dict
        Anything else (email, photo, ``assistant: true``); kept on every round trip.
        Values must be JSON-compatible.
    """

    id: str = attrs.field(validator=_str)
    name: str = attrs.field(validator=_str)
    title: str = attrs.field(default="", validator=_str, kw_only=True)
    employment: Employment = attrs.field(
        default=Employment.EMPLOYEE,
        validator=_instance_of(Employment),
        kw_only=True,
    )
    unit: str | None = attrs.field(default=None, validator=_opt_str, kw_only=True)
    manager: str | None = attrs.field(default=None, validator=_opt_str, kw_only=True)
    dotted: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_str_tuple, kw_only=True
    )
    responsibilities: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_str_tuple, kw_only=True
    )
    attributes: dict[str, Any] = attrs.field(
        factory=dict, validator=_attributes, hash=False, kw_only=True
    )


@attrs.frozen
class Entity:
    """A legal entity: the firm itself, a holding company, a fund, a trust.

    Attributes
    ----------
    id : str
        Unique across people, entities and units.
    name : str
        Registered or display name.
    kind : EntityKind
        Legal form (default ``COMPANY``).
    attributes : dict
        Anything else (jurisdiction, registration number); JSON-compatible.
    """

    id: str = attrs.field(validator=_str)
    name: str = attrs.field(validator=_str)
    kind: EntityKind = attrs.field(
        default=EntityKind.COMPANY,
        validator=_instance_of(EntityKind),
        kw_only=True,
    )
    attributes: dict[str, Any] = attrs.field(
        factory=dict, validator=_attributes, hash=False, kw_only=True
    )


@attrs.frozen
class Unit:
    """An internal unit: a department, team, practice group or office.

    Attributes
    ----------
    id : str
        Unique across people, entities and units.
    name : str
        Display name.
    function : str
        Free text such as ``operations`` or ``litigation``.
    parent : str or None
        The id of the enclosing unit.
    head : str or None
        The id of the person who heads it.
    attributes : dict
        Anything else; JSON-compatible.
    """

    id: str = attrs.field(validator=_str)
    name: str = attrs.field(validator=_str)
    function: str = attrs.field(default="", validator=_str, kw_only=True)
    parent: str | None = attrs.field(default=None, validator=_opt_str, kw_only=True)
    head: str | None = attrs.field(default=None, validator=_opt_str, kw_only=True)
    attributes: dict[str, Any] = attrs.field(
        factory=dict, validator=_attributes, hash=False, kw_only=True
    )


@attrs.frozen
class Stake:
    """A holding of a person or entity in an entity.

    Attributes
    ----------
    holder : str
        The id of the person or entity that holds it.
    entity : str
        The id of the entity held.
    share : Share
        The economic share (exact or a range).
    voting : Share or None
        Voting rights, when they differ from or are known besides the share.
    profit_share : Share or None
        Share of profits, when recorded (common in partnerships).
    liability : Liability or None
        Limited or unlimited liability, when recorded.
    attributes : dict
        Anything else (share class, dates); JSON-compatible.
    """

    holder: str = attrs.field(validator=_str)
    entity: str = attrs.field(validator=_str)
    share: Share = attrs.field(validator=_instance_of(Share))
    voting: Share | None = attrs.field(default=None, validator=_opt_share, kw_only=True)
    profit_share: Share | None = attrs.field(default=None, validator=_opt_share, kw_only=True)
    liability: Liability | None = attrs.field(
        default=None,
        validator=_instance_of(Liability, optional=True),
        kw_only=True,
    )
    attributes: dict[str, Any] = attrs.field(
        factory=dict, validator=_attributes, hash=False, kw_only=True
    )


@attrs.frozen
class ReportingLine:
    """One reporting line, solid or dotted, from a report to a manager.

    Examples
    --------
    >>> str(ReportingLine("bob", "alice", LineKind.DOTTED))
    'bob → alice (dotted)'
    """

    report: str = attrs.field(validator=_str)
    manager: str = attrs.field(validator=_str)
    kind: LineKind = attrs.field(default=LineKind.SOLID, validator=_instance_of(LineKind))

    def __str__(self) -> str:
        return f"{self.report} → {self.manager} ({self.kind.value})"


@attrs.frozen
class Relationship:
    """An external relationship a person holds: a client, investor, supplier ...

    Attributes
    ----------
    person : str
        The id of the person.
    kind : RelationshipKind
        What the counterparty is to them.
    counterparty : str
        The outside party's name (free text; it becomes a node of its own).
    attributes : dict
        Anything else; JSON-compatible.
    """

    person: str = attrs.field(validator=_str)
    kind: RelationshipKind = attrs.field(validator=_instance_of(RelationshipKind))
    counterparty: str = attrs.field(validator=_str)
    attributes: dict[str, Any] = attrs.field(
        factory=dict, validator=_attributes, hash=False, kw_only=True
    )


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
    warnings : tuple of Problem
        Non-fatal findings (several roots, unknown tags, unallocated shares);
        computed, not given.

    Raises
    ------
    ValidationError
        Listing every problem found, each with a code, a location and a message.
    """

    name: str = attrs.field(validator=_str)
    people: tuple[Person, ...] = attrs.field(default=(), converter=_people)
    entities: tuple[Entity, ...] = attrs.field(default=(), converter=_entities, kw_only=True)
    units: tuple[Unit, ...] = attrs.field(default=(), converter=_units, kw_only=True)
    stakes: tuple[Stake, ...] = attrs.field(default=(), converter=_stakes, kw_only=True)
    relationships: tuple[Relationship, ...] = attrs.field(
        default=(), converter=_relationships, kw_only=True
    )
    focal_entity: str | None = attrs.field(default=None, validator=_opt_str, kw_only=True)
    custom_tags: tuple[Tag, ...] = attrs.field(default=(), converter=_tags, kw_only=True)
    warnings: tuple[Problem, ...] = attrs.field(init=False, eq=False, repr=False)
    _index: dict[str, _Node] = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        # Imported here: the checks need the record classes defined above.
        from orgmodel._validation import validate  # noqa: PLC0415

        index, errors, warnings = validate(self)
        if errors:
            raise ValidationError(errors)
        object.__setattr__(self, "warnings", tuple(warnings))
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
