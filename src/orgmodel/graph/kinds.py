"""The kinds of node and edge in orgmodel's graph, and their values as strings."""

from __future__ import annotations

import enum

from orgmodel.model import LineKind

__all__ = [
    "COUNTERPARTY",
    "DOTTED",
    "ENTITY",
    "MEMBER_OF",
    "OWNS",
    "PERSON",
    "RELATES_TO",
    "REPORTS_TO",
    "SOLID",
    "UNIT",
    "EdgeKind",
    "NodeKind",
]


class NodeKind(enum.Enum):
    """What a node of the graph stands for (its ``kind`` attribute)."""

    PERSON = "person"
    ENTITY = "entity"
    UNIT = "unit"
    COUNTERPARTY = "counterparty"


class EdgeKind(enum.Enum):
    """What an edge of the graph stands for (its ``kind`` attribute and key)."""

    REPORTS_TO = "reports_to"
    OWNS = "owns"
    MEMBER_OF = "member_of"
    RELATES_TO = "relates_to"


PERSON = NodeKind.PERSON.value
ENTITY = NodeKind.ENTITY.value
UNIT = NodeKind.UNIT.value
COUNTERPARTY = NodeKind.COUNTERPARTY.value
REPORTS_TO = EdgeKind.REPORTS_TO.value
OWNS = EdgeKind.OWNS.value
MEMBER_OF = EdgeKind.MEMBER_OF.value
RELATES_TO = EdgeKind.RELATES_TO.value
SOLID = LineKind.SOLID.value
DOTTED = LineKind.DOTTED.value
