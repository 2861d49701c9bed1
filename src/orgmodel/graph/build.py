"""Building the NetworkX graph of an organisation, fast (see :mod:`orgmodel.graph`)."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from json.encoder import encode_basestring_ascii as _quote
from typing import Any

import networkx as nx

from orgmodel._speed import adjacency
from orgmodel._speed.gc_pause import gc_paused
from orgmodel.graph.kinds import (
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
from orgmodel.model._json_values import json_problem
from orgmodel.model.exceptions import ValidationError
from orgmodel.model.organization import Organization
from orgmodel.model.problems import Problem, ProblemCode
from orgmodel.model.records import EXTERNAL_PREFIX, Employment
from orgmodel.model.share import Share

__all__ = ["build_graph", "graph_items"]

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
        why = json_problem(value)
        if why is not None:  # changed since the organisation was built
            problem = Problem(ProblemCode.WRONG_TYPE, "", f"attributes cannot be written: {why}")
            raise ValidationError([problem]) from None
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


def graph_items(
    org: Organization,
) -> tuple[dict[str, Any], list[_NodeItem], Iterator[_EdgeItem]]:
    """Return the graph's attributes, its nodes and (lazily) its edges, in graph order.

    :func:`build_graph` puts them into a ``MultiDiGraph``; a streaming writer
    (GraphML) writes them out without building one.
    """
    data: dict[str, Any] = {"name": org.name}
    if org.focal_entity is not None:
        data["focal_entity"] = org.focal_entity
    data["custom_tags"] = _json(
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
    return data, nodes, itertools.chain(_person_edges(org), edges)


def _build(org: Organization) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    data, nodes, edges = graph_items(org)
    graph.graph.update(data)
    adjacency.add_nodes(graph, nodes)
    adjacency.add_edges(graph, edges)
    adjacency.finish(graph)
    return graph


def _person_edges(org: Organization) -> Iterator[_EdgeItem]:
    """Yield every person's reporting and membership edges.

    Each joins a pair of nodes no other edge joins (validation refuses a second
    line between two people), so the key is the edge's kind.
    """
    for p in org.people:
        pid = p.id
        if p.manager is not None:
            yield pid, p.manager, REPORTS_TO, {"kind": REPORTS_TO, "line": SOLID}
        if p.dotted:
            for j, m in enumerate(p.dotted):
                yield pid, m, REPORTS_TO, {"kind": REPORTS_TO, "line": DOTTED, "order": j}
        if p.unit is not None:
            yield pid, p.unit, MEMBER_OF, {"kind": MEMBER_OF}


_NodeItem = tuple[str, dict[str, Any]]
_EdgeItem = tuple[str, str, str, dict[str, Any]]
_EMPLOYMENT = {e: e.value for e in Employment}


def _person_nodes(org: Organization, nodes: list[_NodeItem]) -> None:
    add_node = nodes.append
    employment = _EMPLOYMENT
    tags: dict[tuple[str, ...], str] = {(): _EMPTY_LIST}  # few distinct lists; encode once
    for p in org.people:
        data: dict[str, Any] = {
            "kind": PERSON,
            "name": p.name,
            "title": p.title,
            "employment": employment[p.employment],
            "responsibilities": tags.get(p.responsibilities)
            or tags.setdefault(p.responsibilities, _json(p.responsibilities)),
            "attributes": _json_object(p.attributes),
        }
        if p.vacant:
            data["vacant"] = True
        add_node((p.id, data))


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
