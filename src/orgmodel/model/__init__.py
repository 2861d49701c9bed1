"""The typed object model: people, entities, units, stakes, lines and relationships.

Every record is a frozen, slotted ``attrs`` class (:mod:`.records`), a share is a
:class:`Share` (:mod:`.share`), and :class:`Organization` (:mod:`.organization`)
holds them all and validates itself completely when it is built: it raises one
:class:`~orgmodel.exceptions.ValidationError` listing **every** problem, and keeps
non-fatal findings in :attr:`Organization.warnings`.  The model knows no file
format, analysis, picture or command.

Examples
--------
>>> import orgmodel as om
>>> org = om.Organization(
...     name="Acme",
...     people=[om.Person("alice", "Alice"), om.Person("bob", "Bob", manager="alice")],
... )
>>> [str(line) for line in org.lines]
['bob → alice (solid)']
"""

from __future__ import annotations

from orgmodel.model.organization import Organization
from orgmodel.model.records import (
    Control,
    Employment,
    Entity,
    EntityKind,
    Liability,
    LineKind,
    Person,
    Relationship,
    RelationshipKind,
    ReportingLine,
    Role,
    Stake,
    Unit,
)
from orgmodel.model.share import Share

__all__ = [
    "Control",
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
    "Role",
    "Share",
    "Stake",
    "Unit",
]
