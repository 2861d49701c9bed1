"""The records of the model: people, entities, units, stakes, lines and relationships.

Every record is a frozen, slotted ``attrs`` class that checks the types of its own
fields; :class:`~orgmodel.model.Organization` holds them all and checks how they fit
together.  Reporting lines live on the people (:attr:`Person.manager` and
:attr:`Person.dotted`); :attr:`Organization.lines` lists them as
:class:`ReportingLine` records.

Examples
--------
>>> import orgmodel as om
>>> bob = om.Person("bob", "Bob Jones", title="COO", manager="alice")
>>> bob.manager, bob.employment
('alice', <Employment.EMPLOYEE: 'employee'>)
>>> om.Stake("alice", "acme", om.Share.exact(0.4)).share.value
0.4
>>> try:
...     om.Person("bob", 7)
... except TypeError as err:
...     print(err.args[0])
'name' must be <class 'str'> (got 7 that is a <class 'int'>).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from orgmodel._speed.instance_of import instance_of
from orgmodel.model.options import read_option
from orgmodel.model.share import Share

__all__ = [
    "EXTERNAL_PREFIX",
    "Control",
    "Employment",
    "Entity",
    "EntityKind",
    "Liability",
    "LineKind",
    "Person",
    "Relationship",
    "RelationshipKind",
    "ReportingLine",
    "Role",
    "Stake",
    "Unit",
]


#: Ids may not start with this: graph nodes of outside counterparties use it.
EXTERNAL_PREFIX = "ext:"


class EntityKind(enum.Enum):
    """The legal form of an entity."""

    COMPANY = "company"
    PARTNERSHIP = "partnership"
    LLP = "llp"
    FUND = "fund"
    TRUST = "trust"
    ARRANGEMENT = "arrangement"
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


class Control(enum.Enum):
    """A right of control a holder has in an entity, beside or instead of shares.

    Registers declare control that is not a percentage: the right to appoint the
    board, a senior managing official, "significant influence or control".  A stake
    records them in :attr:`Stake.control`; ``docs/ownership-rules.md`` says how each
    regime counts them.
    """

    BOARD_APPOINTMENT = "board_appointment"  # the right to appoint or remove the board
    BOARD_MEMBER = "board_member"
    BOARD_CHAIR = "board_chair"
    SENIOR_MANAGING_OFFICIAL = "senior_managing_official"
    SIGNIFICANT_INFLUENCE = "significant_influence"  # other influence or control
    COMPANY_RULES = "company_rules"  # through the articles or a shareholder agreement
    LEGAL_FRAMEWORK = "legal_framework"  # by statute (a state body)
    CONTRACT = "contract"
    CONDITIONAL_CONTRACT = "conditional_contract"


class Role(enum.Enum):
    """A holder's part in a legal arrangement: a trust, a nomination, a joint holding."""

    SETTLOR = "settlor"
    TRUSTEE = "trustee"
    PROTECTOR = "protector"
    BENEFICIARY = "beneficiary"
    NOMINEE = "nominee"
    NOMINATOR = "nominator"
    JOINT_HOLDER = "joint_holder"


class Liability(enum.Enum):
    """The liability a holder bears for the entity's debts."""

    LIMITED = "limited"
    UNLIMITED = "unlimited"


_str = instance_of(str)
_opt_str = instance_of(str, optional=True)
_attributes = instance_of(dict)
_opt_share = instance_of(Share, optional=True)
_is_tuple = instance_of(tuple)


def _str_tuple(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check for a tuple of strings, as ``deep_iterable(_str, instance_of(tuple))`` would."""
    if not isinstance(value, tuple):
        _is_tuple(instance, attribute, value)
        return
    for item in value:
        if not isinstance(item, str):
            _str(instance, attribute, item)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _members(value: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(value)


# Converters of the enum fields: a member, or its string value (``"partner"``); any
# other value is an OptionError listing the allowed values.  A converter's result is
# always a member, so these fields need no type validator beside it.  Named functions,
# so that type checkers see what each field's parameter takes.
def _employment(value: object) -> Employment:
    return value if type(value) is Employment else read_option(value, Employment, "employment")


def _entity_kind(value: object) -> EntityKind:
    return value if type(value) is EntityKind else read_option(value, EntityKind, "kind")


def _liability(value: object) -> Liability | None:
    if value is None or type(value) is Liability:
        return value
    return read_option(value, Liability, "liability")


def _line_kind(value: object) -> LineKind:
    return value if type(value) is LineKind else read_option(value, LineKind, "kind")


def _relationship_kind(value: object) -> RelationshipKind:
    if type(value) is RelationshipKind:
        return value
    return read_option(value, RelationshipKind, "kind")


def _enum_tuple(kind: type[enum.Enum]) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """Return a validator for a tuple of *kind* members, none twice."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            _is_tuple(_instance, attribute, value)
            return
        for item in value:
            if not isinstance(item, kind):
                msg = (
                    f"'{attribute.name}' must hold {kind.__name__} members "
                    f"(got {item!r} that is a {type(item).__name__})"
                )
                raise TypeError(msg)
        if len(set(value)) != len(value):
            msg = f"'{attribute.name}' names a {kind.__name__} twice (got {value!r})"
            raise ValueError(msg)

    return check


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
        How they stand to the organisation (default ``EMPLOYEE``).  Every enum
        field takes the member or its string value (``employment="partner"``); any
        other value is an :class:`~orgmodel.exceptions.OptionError`.
    unit : str or None
        The id of the unit they belong to.
    manager : str or None
        The id of their solid-line manager; ``None`` at the top.
    dotted : tuple of str
        Ids of dotted-line (matrix) managers.
    responsibilities : tuple of str
        Responsibility tags (see :mod:`orgmodel.vocabulary`).
    vacant : bool
        ``True`` for a post with nobody in it (an organogram's "Vacant" post): it
        keeps its place in the tree, is counted as open headcount, and is never
        classified.  Default ``False``.
    attributes : dict
        Anything else (email, photo, ``assistant: true``); kept on every round trip.
        Values must be JSON-compatible.
    """

    id: str = attrs.field(validator=_str)
    name: str = attrs.field(validator=_str)
    title: str = attrs.field(default="", validator=_str, kw_only=True)
    employment: Employment = attrs.field(
        default=Employment.EMPLOYEE,
        converter=_employment,
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
    vacant: bool = attrs.field(default=False, validator=instance_of(bool), kw_only=True)
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
        Legal form (default ``COMPANY``), or its string value (``"llp"``).
    attributes : dict
        Anything else (jurisdiction, registration number); JSON-compatible.
    """

    id: str = attrs.field(validator=_str)
    name: str = attrs.field(validator=_str)
    kind: EntityKind = attrs.field(
        default=EntityKind.COMPANY,
        converter=_entity_kind,
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
        Limited or unlimited liability (or ``"limited"``, ``"unlimited"``), when
        recorded.
    control : tuple of Control
        Rights of control held beside (or, with a share of exactly 0, instead of) the
        share: board appointment, significant influence, ...  A stake that records
        control and no shares has ``share == Share.exact(0.0)``.
    roles : tuple of Role
        The holder's part when *entity* is a trust, a nomination or a joint holding
        (settlor, trustee, nominee, joint holder, ...).
    indirect : bool
        ``True`` for a holding declared as held *through* intermediaries (BODS
        ``directOrIndirect: indirect``): it is not a link of the network but a
        declared figure that look-through compares with the one it computes.
    attributes : dict
        Anything else (share class, dates); JSON-compatible.
    """

    holder: str = attrs.field(validator=_str)
    entity: str = attrs.field(validator=_str)
    share: Share = attrs.field(validator=instance_of(Share))
    voting: Share | None = attrs.field(default=None, validator=_opt_share, kw_only=True)
    profit_share: Share | None = attrs.field(default=None, validator=_opt_share, kw_only=True)
    liability: Liability | None = attrs.field(
        default=None,
        converter=_liability,
        kw_only=True,
    )
    control: tuple[Control, ...] = attrs.field(
        default=(), converter=_members, validator=_enum_tuple(Control), kw_only=True
    )
    roles: tuple[Role, ...] = attrs.field(
        default=(), converter=_members, validator=_enum_tuple(Role), kw_only=True
    )
    indirect: bool = attrs.field(default=False, validator=instance_of(bool), kw_only=True)
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
    kind: LineKind = attrs.field(
        default=LineKind.SOLID,
        converter=_line_kind,
    )

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
        What the counterparty is to them, or its string value (``"client"``).
    counterparty : str
        The outside party's name (free text; it becomes a node of its own).
    attributes : dict
        Anything else; JSON-compatible.
    """

    person: str = attrs.field(validator=_str)
    kind: RelationshipKind = attrs.field(converter=_relationship_kind)
    counterparty: str = attrs.field(validator=_str)
    attributes: dict[str, Any] = attrs.field(
        factory=dict, validator=_attributes, hash=False, kw_only=True
    )
