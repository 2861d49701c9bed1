"""The organisation as a NetworkX graph, and back again, losslessly.

:func:`to_networkx` turns an :class:`~orgmodel.model.Organization` into a
``networkx.MultiDiGraph`` that the analyses (and any NetworkX algorithm) work on;
:func:`from_networkx` is its exact inverse: ``from_networkx(to_networkx(org)) == org``,
with every record in its original order.

Every attribute is a plain ``str``, ``int`` or ``float``, so the graph can be written
with ``networkx.write_graphml`` (or GEXF, or JSON) as it is.  An optional value that
is absent (``None`` in the model) is left out rather than stored as ``None``.

Nodes
-----
One node per person, entity and unit, keyed by its id, and one per outside
counterparty of a relationship, keyed ``"ext:" + name`` (ids starting with ``ext:``
are reserved by validation).  Nodes are added in the order people, entities, units,
counterparties (each in model order), and :func:`from_networkx` reads people,
entities and units back in node order.

==============  ======================  =====  ==========================================
node kind       attribute               type   meaning
==============  ======================  =====  ==========================================
every node      ``kind``                str    a :class:`NodeKind` value
person          ``name``                str    display name
person          ``title``               str    job title
person          ``employment``          str    an :class:`~orgmodel.model.Employment` value
person          ``responsibilities``    str    JSON list of tag names, in order
person          ``attributes``          str    JSON object of free attributes
entity          ``name``                str    registered name
entity          ``entity_kind``         str    an :class:`~orgmodel.model.EntityKind` value
entity          ``attributes``          str    JSON object
unit            ``name``                str    display name
unit            ``function``            str    free text
unit            ``head``                str    id of the unit's head; absent when none
unit            ``attributes``          str    JSON object
counterparty    ``name``                str    the counterparty's name as written
==============  ======================  =====  ==========================================

A person's unit, manager and dotted managers, and a unit's parent, are edges.

Edges
-----
Every edge has a ``kind`` attribute (an :class:`EdgeKind` value) and its key is the
same string, so ``graph.edges["bob", "alice", "reports_to"]`` finds a line.  A
second stake of one holder in one entity (or a second relationship of one person
with one counterparty) gets the key ``"owns#2"`` (``"relates_to#2"``), and so on.

==============  ======================  =====  ==========================================
edge kind       attribute               type   meaning
==============  ======================  =====  ==========================================
reports_to      (direction)                    report → manager
reports_to      ``line``                str    ``solid`` or ``dotted``
reports_to      ``order``               int    dotted only: position among the
                                               person's dotted managers
owns            (direction)                    holder (person or entity) → entity
owns            ``share_min``           float  lower bound of the economic share
owns            ``share_max``           float  upper bound (equal when exact)
owns            ``voting_min``          float  voting rights, lower bound; absent when
                                               not recorded (likewise ``voting_max``)
owns            ``profit_share_min``    float  profit share, lower bound; absent when
                                               not recorded (likewise ``_max``)
owns            ``liability``           str    ``limited`` or ``unlimited``; absent
                                               when not recorded
owns            ``attributes``          str    JSON object
owns            ``order``               int    position in ``Organization.stakes``
member_of       (direction)                    person → unit, and unit → parent unit
relates_to      (direction)                    person → counterparty
relates_to      ``relationship``        str    a :class:`~orgmodel.model.RelationshipKind`
                                               value
relates_to      ``attributes``          str    JSON object
relates_to      ``order``               int    position in
                                               ``Organization.relationships``
==============  ======================  =====  ==========================================

An exact share has ``share_min == share_max``.  :func:`from_networkx` orders stakes,
relationships and dotted lines by ``order``; edges without one (in a graph built by
hand) follow, in edge order.

Graph attributes
----------------
``name`` (str): the organisation's name; ``focal_entity`` (str, absent when none);
``custom_tags`` (str): a JSON list of ``{"name", "leans", "description"}`` objects.

Reading back and GraphML
------------------------
:func:`from_networkx` ignores attributes it does not know (an analysis may add a
score to every node), and reports every problem it finds — a missing or unknown
``kind``, an attribute of the wrong type, an edge between the wrong kinds of node —
in one :class:`~orgmodel.exceptions.ValidationError`.

``networkx.read_graphml`` gives back the same types, so a GraphML round trip is
lossless when read with ``force_multigraph=True`` (without it, a graph with no
parallel edges comes back as a ``DiGraph``, which :func:`from_networkx` refuses; edge
keys come back as strings, which it ignores), with two limits from XML 1.0 itself:
text (names, titles, ids) cannot hold control characters other than tab and
newline, and a carriage return is read back as a newline.  JSON-encoded attributes
are ASCII and always safe.

Examples
--------
>>> import orgmodel as om
>>> org = om.Organization(
...     name="Acme",
...     people=[om.Person("alice", "Alice"), om.Person("bob", "Bob", manager="alice")],
...     entities=[om.Entity("acme", "Acme LLP")],
...     stakes=[om.Stake("alice", "acme", om.Share.parse("60%"))],
...     relationships=[om.Relationship("alice", om.RelationshipKind.CLIENT, "Globex")],
... )
>>> g = om.to_networkx(org)
>>> g.nodes["ext:Globex"]["kind"], g.edges["bob", "alice", "reports_to"]["line"]
('counterparty', 'solid')
>>> om.from_networkx(g) == org
True
"""

from __future__ import annotations

import contextlib
import enum
import gc
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from json.encoder import encode_basestring_ascii as _quote
from typing import Any, TypeVar

import networkx as nx

from orgmodel._share import Share
from orgmodel._validation import EXTERNAL_PREFIX
from orgmodel.exceptions import OrgModelError, ValidationError
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
from orgmodel.problems import Problem, ProblemCode
from orgmodel.vocabulary import Lean, Tag

__all__ = ["EdgeKind", "NodeKind", "from_networkx", "to_networkx"]


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


_PERSON = NodeKind.PERSON.value
_ENTITY = NodeKind.ENTITY.value
_UNIT = NodeKind.UNIT.value
_COUNTERPARTY = NodeKind.COUNTERPARTY.value
_REPORTS_TO = EdgeKind.REPORTS_TO.value
_OWNS = EdgeKind.OWNS.value
_MEMBER_OF = EdgeKind.MEMBER_OF.value
_RELATES_TO = EdgeKind.RELATES_TO.value
_SOLID = LineKind.SOLID.value
_DOTTED = LineKind.DOTTED.value
_EMPTY_LIST = "[]"
_EMPTY_OBJECT = "{}"

#: Graph-level keys NetworkX's GraphML reader adds; they are not ours to check.
_GRAPHML_KEYS = frozenset({"node_default", "edge_default"})


# -- to_networkx ----------------------------------------------------------------


#: ASCII-only JSON (safe in any XML); attributes are validated finite, so the default
#: encoder (fast, shared) needs no ``allow_nan=False``.
_json = json.JSONEncoder(ensure_ascii=True).encode


def _json_object(value: dict[str, Any]) -> str:
    """Encode an attribute map; a map of strings (all of a CSV file's) takes a fast path."""
    if not value:
        return _EMPTY_OBJECT
    try:
        return "{" + ", ".join([_quote(k) + ": " + _quote(v) for k, v in value.items()]) + "}"
    except TypeError:  # a value that is not a string
        return _json(value)


def _share_attrs(data: dict[str, Any], name: str, share: Share | None) -> None:
    if share is not None:
        data[f"{name}_min"] = float(share.lower)
        data[f"{name}_max"] = float(share.upper)


def _keyed(counts: dict[tuple[str, str], int], u: str, v: str, kind: str) -> str:
    n = counts.get((u, v), 0) + 1
    counts[u, v] = n
    return kind if n == 1 else f"{kind}#{n}"


def to_networkx(org: Organization) -> nx.MultiDiGraph:
    """Return *org* as a ``networkx.MultiDiGraph`` with plain, GraphML-safe attributes.

    The node and edge attributes are listed in the module docstring
    (:mod:`orgmodel.graph`).

    Parameters
    ----------
    org : Organization
        A validated organisation.

    Returns
    -------
    networkx.MultiDiGraph
        A new graph; changing it does not change *org*.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="Acme",
    ...     people=[
    ...         om.Person("ann", "Ann", unit="ops"),
    ...         om.Person("bob", "Bob", manager="ann", dotted=["cy"]),
    ...         om.Person("cy", "Cy", manager="ann"),
    ...     ],
    ...     units=[om.Unit("ops", "Operations", head="ann")],
    ... )
    >>> g = om.to_networkx(org)
    >>> g.graph["name"], g.number_of_nodes(), g.number_of_edges()
    ('Acme', 4, 4)
    >>> sorted((u, v, d["line"]) for u, v, d in g.edges(data=True) if d["kind"] == "reports_to")
    [('bob', 'ann', 'solid'), ('bob', 'cy', 'dotted'), ('cy', 'ann', 'solid')]
    >>> g.nodes["ops"]["head"]
    'ann'
    """
    with _gc_paused():
        return _to_networkx(org)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building millions of acyclic dicts.

    Each collection walks every live object (the whole organisation, too), and a
    bulk build triggers many; pausing halves the time of a large graph.  Nothing
    built here forms a reference cycle, so nothing is left for the collector.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _to_networkx(org: Organization) -> nx.MultiDiGraph:
    nodes: list[_NodeItem] = []
    edges: list[_EdgeItem] = []
    _add_people(org, nodes, edges)
    _add_entities_and_units(org, nodes, edges)
    _add_stakes(org, edges)
    _add_relationships(org, nodes, edges)
    graph = nx.MultiDiGraph()
    graph.graph["name"] = org.name
    if org.focal_entity is not None:
        graph.graph["focal_entity"] = org.focal_entity
    graph.graph["custom_tags"] = _json(
        [
            {
                "name": t.name,
                "leans": sorted(lean.value for lean in t.leans),
                "description": t.description,
            }
            for t in org.custom_tags
        ]
    )
    _fill(graph, nodes, edges)
    return graph


def _fill(graph: nx.MultiDiGraph, nodes: list[_NodeItem], edges: list[_EdgeItem]) -> None:
    """Add *nodes*, then *edges*, to the new, empty *graph* in bulk.

    This is what ``add_nodes_from`` and ``add_edges_from`` do, without their per-item
    checks and calls (three times faster on a million people): the ids are unique
    and every edge joins two of *nodes*, as validation guarantees.  It writes the
    adjacency dicts of a plain ``MultiDiGraph`` (whose factories are all ``dict``);
    the tests compare the result with the one the public methods build.
    """
    node, succ, pred = graph._node, graph._succ, graph._pred  # noqa: SLF001
    for n, data in nodes:
        node[n] = data
        succ[n] = {}
        pred[n] = {}
    for u, v, key, data in edges:
        out = succ[u]
        keydict = out.get(v)
        if keydict is None:
            keydict = out[v] = {}
            pred[v][u] = keydict
        keydict[key] = data
    nx._clear_cache(graph)  # noqa: SLF001


_NodeItem = tuple[str, dict[str, Any]]
_EdgeItem = tuple[str, str, str, dict[str, Any]]


def _add_people(org: Organization, nodes: list[_NodeItem], edges: list[_EdgeItem]) -> None:
    add_node = nodes.append
    add_edge = edges.append
    tags: dict[tuple[str, ...], str] = {(): _EMPTY_LIST}  # few distinct lists; encode once
    for p in org.people:
        pid = p.id
        add_node(
            (
                pid,
                {
                    "kind": _PERSON,
                    "name": p.name,
                    "title": p.title,
                    "employment": p.employment.value,
                    "responsibilities": tags.get(p.responsibilities)
                    or tags.setdefault(p.responsibilities, _json(p.responsibilities)),
                    "attributes": _json_object(p.attributes),
                },
            )
        )
        if p.manager is not None:
            add_edge((pid, p.manager, _REPORTS_TO, {"kind": _REPORTS_TO, "line": _SOLID}))
        if p.dotted:
            for j, m in enumerate(p.dotted):
                add_edge((pid, m, _REPORTS_TO, {"kind": _REPORTS_TO, "line": _DOTTED, "order": j}))
        if p.unit is not None:
            add_edge((pid, p.unit, _MEMBER_OF, {"kind": _MEMBER_OF}))


def _add_entities_and_units(
    org: Organization, nodes: list[_NodeItem], edges: list[_EdgeItem]
) -> None:
    nodes.extend(
        (
            e.id,
            {
                "kind": _ENTITY,
                "name": e.name,
                "entity_kind": e.kind.value,
                "attributes": _json_object(e.attributes),
            },
        )
        for e in org.entities
    )
    for u in org.units:
        data: dict[str, Any] = {
            "kind": _UNIT,
            "name": u.name,
            "function": u.function,
            "attributes": _json_object(u.attributes),
        }
        if u.head is not None:
            data["head"] = u.head
        nodes.append((u.id, data))
        if u.parent is not None:
            edges.append((u.id, u.parent, _MEMBER_OF, {"kind": _MEMBER_OF}))


def _add_stakes(org: Organization, edges: list[_EdgeItem]) -> None:
    counts: dict[tuple[str, str], int] = {}
    for i, s in enumerate(org.stakes):
        data: dict[str, Any] = {"kind": _OWNS}
        _share_attrs(data, "share", s.share)
        _share_attrs(data, "voting", s.voting)
        _share_attrs(data, "profit_share", s.profit_share)
        if s.liability is not None:
            data["liability"] = s.liability.value
        data["attributes"] = _json_object(s.attributes)
        data["order"] = i
        edges.append((s.holder, s.entity, _keyed(counts, s.holder, s.entity, _OWNS), data))


def _add_relationships(org: Organization, nodes: list[_NodeItem], edges: list[_EdgeItem]) -> None:
    counterparties: dict[str, None] = {}
    counts: dict[tuple[str, str], int] = {}
    for i, r in enumerate(org.relationships):
        target = EXTERNAL_PREFIX + r.counterparty
        counterparties[r.counterparty] = None
        data = {
            "kind": _RELATES_TO,
            "relationship": r.kind.value,
            "attributes": _json_object(r.attributes),
            "order": i,
        }
        edges.append((r.person, target, _keyed(counts, r.person, target, _RELATES_TO), data))
    nodes.extend(
        (EXTERNAL_PREFIX + name, {"kind": _COUNTERPARTY, "name": name}) for name in counterparties
    )


# -- from_networkx --------------------------------------------------------------

_E = TypeVar("_E", bound=enum.Enum)
_T = TypeVar("_T")
_R = TypeVar("_R")
_MISSING = object()


class _Reader:
    """Reads typed values out of attribute dicts, collecting problems as it goes."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

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
        value = self.value(data, key, where, required=required)
        if value is _MISSING:
            return default
        try:
            return enum_type(value)
        except ValueError:
            allowed = ", ".join(repr(m.value) for m in enum_type)
            self.problem(
                ProblemCode.UNKNOWN_VALUE,
                f"{where}.{key}",
                f"'{key}' of {where} must be one of {allowed} (got {value!r})",
            )
            return default

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
        except ValueError as err:
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
        found = self.json_value(
            data, "attributes", where, lambda v: isinstance(v, dict), "an object"
        )
        return found if isinstance(found, dict) else {}

    def tags(self, data: Mapping[str, Any], where: str) -> list[str]:
        found = self.json_value(
            data,
            "responsibilities",
            where,
            lambda v: isinstance(v, list) and all(isinstance(t, str) for t in v),
            "a list of strings",
        )
        return found if isinstance(found, list) else []

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
            f"'{key}' of {where} must be {expected} (got {value!r} that is a "
            f"{type(value).__name__})",
        )


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
        try:
            if not isinstance(item, dict) or not isinstance(item.get("leans"), list):
                msg = "each custom tag must be an object with 'name', 'leans' and 'description'"
                raise TypeError(msg)  # noqa: TRY301 - reported with the others below
            tags.append(
                Tag(
                    str(item.get("name")),
                    frozenset(Lean(lean) for lean in item["leans"]),
                    item.get("description", ""),
                )
            )
        except (TypeError, ValueError) as err:
            read.problem(ProblemCode.WRONG_TYPE, where, f"{where}: {err}")
    return tags


def from_networkx(graph: nx.MultiDiGraph) -> Organization:
    """Rebuild an :class:`~orgmodel.model.Organization` from a graph of :func:`to_networkx`.

    The exact inverse of :func:`to_networkx`: ``from_networkx(to_networkx(org)) == org``
    with records in their original order.  Attributes it does not know are ignored.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A graph with the node and edge attributes listed in :mod:`orgmodel.graph`,
        from :func:`to_networkx`, ``networkx.read_graphml`` or built by hand.

    Returns
    -------
    Organization
        The validated organisation.

    Raises
    ------
    ValidationError
        Listing every problem with the graph (missing or unknown ``kind``, attributes
        of the wrong type, edges between the wrong kinds of node), or, once the
        records are read, every problem with the organisation itself.

    Examples
    --------
    >>> import networkx as nx
    >>> import orgmodel as om
    >>> g = nx.MultiDiGraph(name="Two")
    >>> g.add_node("ann", kind="person", name="Ann")
    >>> g.add_node("bob", kind="person", name="Bob")
    >>> _ = g.add_edge("bob", "ann", kind="reports_to", line="solid")
    >>> om.from_networkx(g).person("bob").manager
    'ann'
    >>> g.add_node("cy", kind="persn", name="Cy")
    >>> om.from_networkx(g)
    Traceback (most recent call last):
    ...
    orgmodel.exceptions.ValidationError: 1 problem in graph:
      - nodes['cy'].kind: 'kind' of nodes['cy'] must be one of 'person', ... (got 'persn') ...
    """
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
