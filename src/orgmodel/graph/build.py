"""Building the NetworkX graph of an organisation, fast (see :mod:`orgmodel.graph`)."""

from __future__ import annotations

import contextlib
import gc
import json
from collections.abc import Iterator
from json.encoder import encode_basestring_ascii as _quote
from typing import Any

import networkx as nx

from orgmodel._graph_kinds import (
    COUNTERPARTY,
    DOTTED,
    ENTITY,
    MEMBER_OF,
    OWNS,
    PERSON,
    RELATES_TO,
    REPORTS_TO,
    SOLID,
    UNIT,
)
from orgmodel._share import Share
from orgmodel._validation import EXTERNAL_PREFIX
from orgmodel.model import Employment, Organization

__all__ = ["build_graph", "gc_paused"]

_EMPTY_LIST = "[]"
_EMPTY_OBJECT = "{}"

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


def build_graph(org: Organization) -> nx.MultiDiGraph:
    """Return the graph of *org* (see :func:`orgmodel.graph.to_networkx`)."""
    with gc_paused():
        return _build(org)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building millions of acyclic objects.

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


def _build(org: Organization) -> nx.MultiDiGraph:
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
    nodes: list[_NodeItem] = []
    edges: list[_EdgeItem] = []
    _person_nodes(org, nodes)
    _add_entities_and_units(org, nodes, edges)
    _add_stakes(org, edges)
    _add_relationships(org, nodes, edges)
    _add_nodes(graph, nodes)
    _person_edges(graph, org)
    _add_edges(graph, edges)
    nx._clear_cache(graph)  # noqa: SLF001
    return graph


def _add_nodes(graph: nx.MultiDiGraph, nodes: list[_NodeItem]) -> None:
    """Add *nodes* to the new *graph* in bulk.

    This and :func:`_add_edges` do what ``add_nodes_from`` and ``add_edges_from`` do,
    without their per-item checks and calls (several times faster on a million
    people): ids are unique and every edge joins two nodes, as validation
    guarantees.  They write the adjacency dicts of a plain ``MultiDiGraph`` (whose
    factories are all ``dict``); the tests compare the result with the graph the
    public methods build.
    """
    node, succ, pred = graph._node, graph._succ, graph._pred  # noqa: SLF001
    for n, data in nodes:
        node[n] = data
        succ[n] = {}
        pred[n] = {}


def _add_edges(graph: nx.MultiDiGraph, edges: list[_EdgeItem]) -> None:
    """Add keyed *edges* between nodes of *graph* in bulk (see :func:`_add_nodes`)."""
    succ, pred = graph._succ, graph._pred  # noqa: SLF001
    for u, v, key, data in edges:
        out = succ[u]
        keydict = out.get(v)
        if keydict is None:
            keydict = out[v] = {}
            pred[v][u] = keydict
        keydict[key] = data


def _person_edges(graph: nx.MultiDiGraph, org: Organization) -> None:
    """Add every person's reporting and membership edges straight into *graph*.

    Each joins a pair of nodes no other edge joins (validation refuses a second
    line between two people), so each gets a key dict of its own.
    """
    succ, pred = graph._succ, graph._pred  # noqa: SLF001
    for p in org.people:
        pid = p.id
        out = succ[pid]
        if p.manager is not None:
            m = p.manager
            out[m] = pred[m][pid] = {REPORTS_TO: {"kind": REPORTS_TO, "line": SOLID}}
        if p.dotted:
            for j, m in enumerate(p.dotted):
                data = {"kind": REPORTS_TO, "line": DOTTED, "order": j}
                out[m] = pred[m][pid] = {REPORTS_TO: data}
        if p.unit is not None:
            u = p.unit
            out[u] = pred[u][pid] = {MEMBER_OF: {"kind": MEMBER_OF}}


_NodeItem = tuple[str, dict[str, Any]]
_EdgeItem = tuple[str, str, str, dict[str, Any]]
_EMPLOYMENT = {e: e.value for e in Employment}


def _person_nodes(org: Organization, nodes: list[_NodeItem]) -> None:
    add_node = nodes.append
    employment = _EMPLOYMENT
    tags: dict[tuple[str, ...], str] = {(): _EMPTY_LIST}  # few distinct lists; encode once
    for p in org.people:
        add_node(
            (
                p.id,
                {
                    "kind": PERSON,
                    "name": p.name,
                    "title": p.title,
                    "employment": employment[p.employment],
                    "responsibilities": tags.get(p.responsibilities)
                    or tags.setdefault(p.responsibilities, _json(p.responsibilities)),
                    "attributes": _json_object(p.attributes),
                },
            )
        )


def _add_entities_and_units(
    org: Organization, nodes: list[_NodeItem], edges: list[_EdgeItem]
) -> None:
    nodes.extend(
        (
            e.id,
            {
                "kind": ENTITY,
                "name": e.name,
                "entity_kind": e.kind.value,
                "attributes": _json_object(e.attributes),
            },
        )
        for e in org.entities
    )
    for u in org.units:
        data: dict[str, Any] = {
            "kind": UNIT,
            "name": u.name,
            "function": u.function,
            "attributes": _json_object(u.attributes),
        }
        if u.head is not None:
            data["head"] = u.head
        nodes.append((u.id, data))
        if u.parent is not None:
            edges.append((u.id, u.parent, MEMBER_OF, {"kind": MEMBER_OF}))


def _add_stakes(org: Organization, edges: list[_EdgeItem]) -> None:
    counts: dict[tuple[str, str], int] = {}
    for i, s in enumerate(org.stakes):
        data: dict[str, Any] = {"kind": OWNS}
        _share_attrs(data, "share", s.share)
        _share_attrs(data, "voting", s.voting)
        _share_attrs(data, "profit_share", s.profit_share)
        if s.liability is not None:
            data["liability"] = s.liability.value
        data["attributes"] = _json_object(s.attributes)
        data["order"] = i
        edges.append((s.holder, s.entity, _keyed(counts, s.holder, s.entity, OWNS), data))


def _add_relationships(org: Organization, nodes: list[_NodeItem], edges: list[_EdgeItem]) -> None:
    counterparties: dict[str, None] = {}
    counts: dict[tuple[str, str], int] = {}
    for i, r in enumerate(org.relationships):
        target = EXTERNAL_PREFIX + r.counterparty
        counterparties[r.counterparty] = None
        data = {
            "kind": RELATES_TO,
            "relationship": r.kind.value,
            "attributes": _json_object(r.attributes),
            "order": i,
        }
        edges.append((r.person, target, _keyed(counts, r.person, target, RELATES_TO), data))
    nodes.extend(
        (EXTERNAL_PREFIX + name, {"kind": COUNTERPARTY, "name": name}) for name in counterparties
    )
