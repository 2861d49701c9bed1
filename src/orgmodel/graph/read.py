"""Reading an organisation back from a NetworkX graph (see :mod:`orgmodel.graph`).

Every problem with the graph is collected, located (``nodes['bob'].title``,
``edges['bob', 'ann', 'reports_to'].line``) and raised in one
:class:`~orgmodel.exceptions.ValidationError`.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import networkx as nx

from orgmodel._speed.gc_pause import gc_paused
from orgmodel.graph.kinds import EdgeKind, NodeKind
from orgmodel.model import (
    Employment,
    Entity,
    EntityKind,
    Liability,
    LineKind,
    Organization,
    Person,
    Relationship,
    RelationshipKind,
    Stake,
    Unit,
)
from orgmodel.model.exceptions import OrgModelError, ValidationError
from orgmodel.model.options import allowed_values, member_of
from orgmodel.model.problems import Problem, ProblemCode
from orgmodel.model.share import Share
from orgmodel.model.vocabulary import Lean, Tag

__all__ = ["read_graph"]

_E = TypeVar("_E", bound=enum.Enum)
_T = TypeVar("_T")
_R = TypeVar("_R")
_MISSING = object()


_EMPTY_OBJECT = "{}"


class _Reader:
    """Reads typed values out of attribute dicts, collecting problems as it goes."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.tag_lists: dict[str, tuple[str, ...]] = {}

    def problem(self, code: ProblemCode, location: str, message: str) -> None:
        self.problems.append(Problem(code, location, message))

    def value(
        self, data: Mapping[str, Any], key: str, where: str, *, required: bool = False
    ) -> object:
        value = data.get(key, _MISSING)
        if value is _MISSING and required:
            self.problem(ProblemCode.MISSING_KEY, where, f"{where} needs the attribute {key!r}")
        return value

    def text(
        self, data: Mapping[str, Any], key: str, where: str, *, default: str | None = None
    ) -> str | None:
        value = self.value(data, key, where, required=default is None)
        if value is _MISSING:
            return default
        if not isinstance(value, str):
            self.wrong(where, key, "a string", value)
            return default
        return value

    def optional_text(self, data: Mapping[str, Any], key: str, where: str) -> str | None:
        value = data.get(key)
        if value is None or isinstance(value, str):
            return value
        self.wrong(where, key, "a string", value)
        return None

    def choice(
        self,
        data: Mapping[str, Any],
        key: str,
        where: str,
        enum_type: type[_E],
        *,
        default: _E | None = None,
        required: bool = False,
    ) -> _E | None:
        value = data.get(key, _MISSING)
        if value is _MISSING:
            if required:
                self.value(data, key, where, required=True)
            return default
        found = member_of(enum_type, value)
        if found is None:
            allowed = allowed_values(enum_type)
            self.problem(
                ProblemCode.UNKNOWN_VALUE,
                f"{where}.{key}",
                f"'{key}' of {where} must be one of {allowed} (got {_shown(value)})",
            )
            return default
        return found

    def json_value(
        self,
        data: Mapping[str, Any],
        key: str,
        where: str,
        check: Callable[[object], bool],
        what: str,
    ) -> object:
        value = self.value(data, key, where)
        if value is _MISSING:
            return _MISSING
        if not isinstance(value, str):
            self.wrong(where, key, f"a string holding JSON ({what})", value)
            return _MISSING
        try:
            decoded = json.loads(value)
        except (ValueError, RecursionError) as err:  # nested too deep is RecursionError
            self.problem(
                ProblemCode.WRONG_TYPE,
                f"{where}.{key}",
                f"'{key}' of {where} is not valid JSON ({err})",
            )
            return _MISSING
        if not check(decoded):
            self.wrong(where, key, f"JSON holding {what}", decoded)
            return _MISSING
        return decoded

    def attributes(self, data: Mapping[str, Any], where: str) -> dict[str, Any]:
        if data.get("attributes") == _EMPTY_OBJECT:
            return {}
        found = self.json_value(
            data, "attributes", where, lambda v: isinstance(v, dict), "an object"
        )
        return found if isinstance(found, dict) else {}

    def tags(self, data: Mapping[str, Any], where: str) -> tuple[str, ...]:
        raw = data.get("responsibilities")
        known = self.tag_lists.get(raw) if isinstance(raw, str) else None
        if known is not None:
            return known
        found = self.json_value(
            data,
            "responsibilities",
            where,
            lambda v: isinstance(v, list) and all(isinstance(t, str) for t in v),
            "a list of strings",
        )
        if not isinstance(found, list):
            return ()
        tags = tuple(found)
        if isinstance(raw, str):
            self.tag_lists[raw] = tags  # few distinct lists: decode each once
        return tags

    def flag(self, data: Mapping[str, Any], key: str, where: str) -> bool:
        value = data.get(key, False)
        if isinstance(value, bool):
            return value
        self.wrong(where, key, "a boolean", value)
        return False

    def number(self, data: Mapping[str, Any], key: str, where: str) -> float | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.wrong(where, key, "a number", value)
            return None
        return value

    def share(self, data: Mapping[str, Any], name: str, where: str) -> Share | None:
        low_key, high_key = f"{name}_min", f"{name}_max"
        low = self.number(data, low_key, where)
        high = self.number(data, high_key, where)
        if low is None and high is None:
            return None
        if (low is None and low_key in data) or (high is None and high_key in data):
            return None  # of the wrong type, reported already
        if low is None or high is None:
            missing = low_key if low is None else high_key
            self.problem(
                ProblemCode.MISSING_KEY,
                f"{where}.{missing}",
                f"{where} has one of {low_key!r} and {high_key!r} but not {missing!r}",
            )
            return None
        try:
            return Share(low, high)
        except OrgModelError as err:
            self.problem(ProblemCode.SHARE_RANGE, f"{where}.{name}", f"{where}: {err}")
            return None

    def order(self, data: Mapping[str, Any], where: str) -> int | None:
        value = data.get("order")
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.wrong(where, "order", "an integer", value)
            return None
        return value

    def wrong(self, where: str, key: str, expected: str, value: object) -> None:
        self.problem(
            ProblemCode.WRONG_TYPE,
            f"{where}.{key}",
            f"'{key}' of {where} must be {expected} (got {_shown(value)} that is a "
            f"{type(value).__name__})",
        )


_SHOWN = 60  # characters of a bad value shown in a message


def _shown(value: object) -> str:
    """Return the repr of *value*, cut short when long."""
    text = repr(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


def _sorted(items: list[tuple[int | None, int, _T]]) -> list[_T]:
    """Order by the ``order`` attribute; items without one follow in edge order."""
    items.sort(key=lambda t: (t[0] is None, t[0] or 0, t[1]))
    return [t[2] for t in items]


class _Builder:
    """The records of the organisation as they are read off the graph."""

    def __init__(self) -> None:
        self.kinds: dict[str, NodeKind] = {}
        self.people: dict[str, dict[str, Any]] = {}
        self.entities: dict[str, dict[str, Any]] = {}
        self.units: dict[str, dict[str, Any]] = {}
        self.counterparties: dict[str, str] = {}
        self.dotted: dict[str, list[tuple[int | None, int, str]]] = {}
        self.stakes: list[tuple[int | None, int, Stake]] = []
        self.relationships: list[tuple[int | None, int, Relationship]] = []


def _node_where(node: object) -> str:
    return f"nodes[{node!r}]"


def _edge_where(u: object, v: object, key: object) -> str:
    return f"edges[{u!r}, {v!r}, {key!r}]"


def _read_nodes(graph: nx.MultiDiGraph, read: _Reader, out: _Builder) -> None:
    for node, data in graph.nodes(data=True):
        where = _node_where(node)
        if not isinstance(node, str):
            read.problem(
                ProblemCode.BAD_ID,
                where,
                f"node {node!r} must be a string id (got a {type(node).__name__})",
            )
            continue
        kind = read.choice(data, "kind", where, NodeKind, required=True)
        if kind is None:
            continue
        out.kinds[node] = kind
        if kind is NodeKind.COUNTERPARTY:
            out.counterparties[node] = read.text(data, "name", where) or ""
            continue
        fields: dict[str, Any] = {"id": node, "name": read.text(data, "name", where) or ""}
        if kind is NodeKind.PERSON:
            fields["title"] = read.text(data, "title", where, default="")
            fields["employment"] = read.choice(
                data, "employment", where, Employment, default=Employment.EMPLOYEE
            )
            fields["responsibilities"] = read.tags(data, where)
            fields["vacant"] = read.flag(data, "vacant", where)
            fields["manager"] = None
            fields["unit"] = None
            out.people[node] = fields
        elif kind is NodeKind.ENTITY:
            fields["kind"] = read.choice(
                data, "entity_kind", where, EntityKind, default=EntityKind.COMPANY
            )
            out.entities[node] = fields
        else:
            fields["function"] = read.text(data, "function", where, default="")
            fields["head"] = read.optional_text(data, "head", where)
            fields["parent"] = None
            out.units[node] = fields
        fields["attributes"] = read.attributes(data, where)


def _endpoints(
    read: _Reader,
    out: _Builder,
    edge: tuple[object, object, object],
    kind: EdgeKind,
    allowed: Mapping[NodeKind, frozenset[NodeKind]],
) -> tuple[NodeKind, str, str] | None:
    """Check the kinds of an edge's ends; return the source kind and the ends."""
    u, v, key = edge
    source = out.kinds.get(u) if isinstance(u, str) else None
    target = out.kinds.get(v) if isinstance(v, str) else None
    if source is None or target is None:
        return None  # the node itself was reported already
    if source in allowed and target in allowed[source]:
        return source, str(u), str(v)
    ends = " or ".join(sorted(f"{s.value} → {t.value}" for s in allowed for t in allowed[s]))
    read.problem(
        ProblemCode.WRONG_TYPE,
        _edge_where(u, v, key),
        f"a {kind.value} edge goes {ends}, not {source.value} → {target.value} ({u!r} → {v!r})",
    )
    return None


_P, _En, _U, _C = NodeKind.PERSON, NodeKind.ENTITY, NodeKind.UNIT, NodeKind.COUNTERPARTY
_ENDS: dict[EdgeKind, dict[NodeKind, frozenset[NodeKind]]] = {
    EdgeKind.REPORTS_TO: {_P: frozenset({_P})},
    EdgeKind.OWNS: {_P: frozenset({_En}), _En: frozenset({_En})},
    EdgeKind.MEMBER_OF: {_P: frozenset({_U}), _U: frozenset({_U})},
    EdgeKind.RELATES_TO: {_P: frozenset({_C})},
}


def _read_edges(graph: nx.MultiDiGraph, read: _Reader, out: _Builder) -> None:
    for seq, (u, v, key, data) in enumerate(graph.edges(keys=True, data=True)):
        where = _edge_where(u, v, key)
        kind = read.choice(data, "kind", where, EdgeKind, required=True)
        if kind is None:
            continue
        ends = _endpoints(read, out, (u, v, key), kind, _ENDS[kind])
        if ends is None:
            continue
        source_kind, source, target = ends
        if kind is EdgeKind.REPORTS_TO:
            _read_line(read, out, data, (source, target, seq), where)
        elif kind is EdgeKind.MEMBER_OF:
            record = out.people[source] if source_kind is NodeKind.PERSON else out.units[source]
            field = "unit" if source_kind is NodeKind.PERSON else "parent"
            if record[field] is not None:
                read.problem(
                    ProblemCode.WRONG_TYPE,
                    where,
                    f"{source!r} is a member of both {record[field]!r} and {target!r}; "
                    "keep one member_of edge",
                )
            else:
                record[field] = target
        elif kind is EdgeKind.OWNS:
            _read_stake(read, out, data, (source, target, seq), where)
        else:
            _read_relationship(read, out, data, (source, target, seq), where)


def _read_line(
    read: _Reader, out: _Builder, data: Mapping[str, Any], edge: tuple[str, str, int], where: str
) -> None:
    report, manager, seq = edge
    line = read.choice(data, "line", where, LineKind, required=True)
    if line is LineKind.SOLID:
        person = out.people[report]
        if person["manager"] is not None:
            read.problem(
                ProblemCode.SEVERAL_MANAGERS,
                where,
                f"{report!r} has solid lines to both {person['manager']!r} and {manager!r}; "
                "make one of them dotted",
            )
        else:
            person["manager"] = manager
    elif line is LineKind.DOTTED:
        out.dotted.setdefault(report, []).append((read.order(data, where), seq, manager))


def _read_stake(
    read: _Reader, out: _Builder, data: Mapping[str, Any], edge: tuple[str, str, int], where: str
) -> None:
    holder, entity, seq = edge
    share = read.share(data, "share", where)
    if share is None and "share_min" not in data and "share_max" not in data:
        read.problem(ProblemCode.MISSING_KEY, where, f"{where} needs 'share_min' and 'share_max'")
    voting = read.share(data, "voting", where)
    profit = read.share(data, "profit_share", where)
    liability = read.choice(data, "liability", where, Liability)
    attributes = read.attributes(data, where)
    order = read.order(data, where)
    if share is not None:
        stake = Stake(
            holder,
            entity,
            share,
            voting=voting,
            profit_share=profit,
            liability=liability,
            attributes=attributes,
        )
        out.stakes.append((order, seq, stake))


def _read_relationship(
    read: _Reader, out: _Builder, data: Mapping[str, Any], edge: tuple[str, str, int], where: str
) -> None:
    person, node, seq = edge
    kind = read.choice(data, "relationship", where, RelationshipKind, required=True)
    attributes = read.attributes(data, where)
    order = read.order(data, where)
    if kind is not None:
        relationship = Relationship(person, kind, out.counterparties[node], attributes=attributes)
        out.relationships.append((order, seq, relationship))


def _read_custom_tags(graph: nx.MultiDiGraph, read: _Reader) -> list[Tag]:
    raw = read.json_value(
        graph.graph, "custom_tags", "graph", lambda v: isinstance(v, list), "a list"
    )
    if not isinstance(raw, list):
        return []
    tags: list[Tag] = []
    for i, item in enumerate(raw):
        where = f"graph.custom_tags[{i}]"
        if not (
            isinstance(item, dict)
            and isinstance(item.get("name"), str)
            and isinstance(item.get("leans"), list)
            and isinstance(item.get("description", ""), str)
        ):
            read.problem(
                ProblemCode.WRONG_TYPE,
                where,
                f"{where} must be an object with a string 'name', a list 'leans' and a "
                f"string 'description' (got {_shown(item)})",
            )
            continue
        try:
            leans = frozenset(Lean(lean) for lean in item["leans"])
            tags.append(Tag(item["name"], leans, item.get("description", "")))
        except (TypeError, ValueError) as err:
            read.problem(ProblemCode.WRONG_TYPE, where, f"{where}: {err}")
    return tags


def read_graph(graph: object) -> Organization:
    """Return the organisation of *graph* (see :func:`orgmodel.graph.from_networkx`)."""
    with gc_paused():
        return _read(graph)


def _read(graph: object) -> Organization:
    if not isinstance(graph, nx.MultiDiGraph):
        problem = Problem(
            ProblemCode.WRONG_TYPE,
            "graph",
            f"expected a networkx.MultiDiGraph as made by to_networkx "
            f"(got a {type(graph).__name__})",
        )
        raise ValidationError([problem], source="graph")
    read = _Reader()
    name = read.text(graph.graph, "name", "graph", default="")
    focal = read.optional_text(graph.graph, "focal_entity", "graph")
    custom_tags = _read_custom_tags(graph, read)
    out = _Builder()
    _read_nodes(graph, read, out)
    _read_edges(graph, read, out)
    if read.problems:
        raise ValidationError(read.problems, source="graph")
    for pid, lines in out.dotted.items():
        out.people[pid]["dotted"] = _sorted(lines)
    return Organization(
        name=name or "",
        people=_build(Person, out.people.values()),
        entities=_build(Entity, out.entities.values()),
        units=_build(Unit, out.units.values()),
        stakes=_sorted(out.stakes),
        relationships=_sorted(out.relationships),
        focal_entity=focal,
        custom_tags=custom_tags,
    )


def _build(cls: Callable[..., _R], records: Iterable[dict[str, Any]]) -> list[_R]:
    out = []
    for fields in records:
        ident, name = fields.pop("id"), fields.pop("name")
        out.append(cls(ident, name, **fields))
    return out
