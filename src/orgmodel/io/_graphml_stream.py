r"""GraphML written a piece at a time, holding any text, and read back exactly.

:func:`graphml_chunks` writes the graph of :func:`orgmodel.to_networkx` (the same
nodes, edges, attributes and GraphML types ``networkx.write_graphml`` gives it)
straight from the organisation, a few hundred elements at a time, without building
the graph or an XML tree: a million people need about as much memory as the
organisation itself.

XML 1.0 cannot hold every text a name may hold, so what it cannot hold is kept
beside it:

- a carriage return is written ``&#13;``, which XML parsers keep (a raw one would
  be read back as a newline);
- a control character (other than tab, newline and carriage return), U+FFFE and
  U+FFFF cannot be in an XML document at all.  Such a value is written with each of
  them replaced by U+FFFD (so Gephi, yEd and Cytoscape still show it), and the exact
  value goes into one more attribute of the element, ``orgmodel_exact``: a JSON
  object, ASCII only, mapping the attribute's name (or ``id`` for a node's id) to
  its value.  A node id that needed it is written as U+FFFD and the id as JSON, so
  it cannot be taken for another node's;
- GraphML cannot tell an empty string from an absent attribute, so
  :func:`restore` gives every node without a ``name`` the empty one.

:func:`restore` puts the exact values back into the graph ``networkx.read_graphml``
returns, before :func:`orgmodel.from_networkx` reads it.

Examples
--------
>>> import networkx as nx, orgmodel as om
>>> org = om.Organization(name="Tiny", people=[om.Person("ann", "Ann\x07 Bell\r")])
>>> text = "".join(graphml_chunks(org))
>>> "\x07" in text, "orgmodel_exact" in text
(False, True)
>>> graph = nx.parse_graphml(text, force_multigraph=True)
>>> om.from_networkx(restore(graph)) == org
True
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, Final

import networkx as nx

from orgmodel.graph.build import graph_items
from orgmodel.model import Organization
from orgmodel.model.exceptions import OrgModelError, ValidationError
from orgmodel.model.problems import Problem, ProblemCode

__all__ = ["EXACT", "KEYS", "graphml_chunks", "restore"]

#: The attribute holding the exact values XML could not.
EXACT: Final = "orgmodel_exact"

#: Every attribute orgmodel's graph has, with its GraphML domain and type, in the
#: order of their ``<key>`` declarations.  (tests/test_graphml_stream.py checks that
#: ``to_networkx`` makes no other.)
KEYS: Final[tuple[tuple[str, str, str], ...]] = (
    ("graph", "name", "string"),
    ("graph", "focal_entity", "string"),
    ("graph", "custom_tags", "string"),
    ("node", "kind", "string"),
    ("node", "name", "string"),
    ("node", "title", "string"),
    ("node", "employment", "string"),
    ("node", "responsibilities", "string"),
    ("node", "vacant", "boolean"),
    ("node", "entity_kind", "string"),
    ("node", "function", "string"),
    ("node", "head", "string"),
    ("node", "attributes", "string"),
    ("edge", "kind", "string"),
    ("edge", "line", "string"),
    ("edge", "order", "long"),
    ("edge", "share_min", "double"),
    ("edge", "share_max", "double"),
    ("edge", "voting_min", "double"),
    ("edge", "voting_max", "double"),
    ("edge", "profit_share_min", "double"),
    ("edge", "profit_share_max", "double"),
    ("edge", "liability", "string"),
    ("edge", "relationship", "string"),
    ("edge", "attributes", "string"),
    ("graph", EXACT, "string"),
    ("node", EXACT, "string"),
    ("edge", EXACT, "string"),
)
_IDS: Final = {(domain, name): f"d{i}" for i, (domain, name, _) in enumerate(KEYS)}
_TYPES: Final = {(domain, name): kind for domain, name, kind in KEYS}
_PYTHON_TYPE: Final = {"string": str, "long": int, "double": float, "boolean": bool}

_HEAD: Final = (  # no XML declaration: UTF-8 is XML's default
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
)
_CHUNK: Final = 500  # elements written at a time
#: What XML 1.0 cannot hold at all: C0 controls but tab, LF and CR; FFFE and FFFF.  (A
#: lone surrogate cannot be encoded at all, and the encoding refuses it.)
_NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_REPLACEMENT: Final = "\ufffd"
_TEXT_ESCAPES: Final = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTR_ESCAPES: Final = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\t": "&#9;",
        "\n": "&#10;",
        "\r": "&#13;",
    }
)


def _key_lines() -> str:
    lines = [
        f'  <key id="{_IDS[domain, name]}" for="{domain}" attr.name="{name}" '
        f'attr.type="{kind}" />\n'
        for domain, name, kind in KEYS
    ]
    return "".join(lines)


class _Writer:
    """Turns the graph's parts into GraphML text, collecting exact values as it goes."""

    def __init__(self) -> None:
        self.written_ids: dict[str, str] = {}  # XML id → the real id, for escaped ids

    def node_id(self, node: str) -> str:
        """Return the id to write for *node* (its JSON form after U+FFFD when XML cannot)."""
        if _NOT_XML.search(node) is None:
            return node
        written = _REPLACEMENT + json.dumps(node, ensure_ascii=True)
        other = self.written_ids.setdefault(written, node)
        if other != node:  # pragma: no cover - needs two ids that differ only so
            msg = f"the ids {node!r} and {other!r} cannot both be written as GraphML"
            raise ValidationError([Problem(ProblemCode.WRONG_TYPE, "", msg)])
        return written

    def data(self, domain: str, values: dict[str, Any], indent: str, exact: dict[str, Any]) -> str:
        """Return the ``<data>`` elements for *values*, adding what XML cannot hold to *exact*."""
        parts = []
        for name, value in values.items():
            key = _IDS.get((domain, name))
            if key is None:
                msg = f"orgmodel's GraphML writer does not know the {domain} attribute {name!r}"
                raise OrgModelError(msg)
            expected = _PYTHON_TYPE[_TYPES[domain, name]]
            if type(value) is not expected:
                msg = f"the {domain} attribute {name!r} holds {value!r}, not a {expected.__name__}"
                raise OrgModelError(msg)
            if isinstance(value, str):
                if _NOT_XML.search(value) is not None:
                    exact[name] = value
                    value = _NOT_XML.sub(_REPLACEMENT, value)  # noqa: PLW2901
                text = value.translate(_TEXT_ESCAPES)
            elif expected is bool:
                text = "true" if value else "false"
            else:
                text = repr(value)
            parts.append(f'{indent}<data key="{key}">{text}</data>\n')
        if exact:
            text = json.dumps(exact, ensure_ascii=True).translate(_TEXT_ESCAPES)
            parts.append(f'{indent}<data key="{_IDS[domain, EXACT]}">{text}</data>\n')
        return "".join(parts)

    def node(self, node: str, values: dict[str, Any]) -> str:
        written = self.node_id(node)
        exact: dict[str, Any] = {"id": node} if written != node else {}
        body = self.data("node", values, "      ", exact)
        return f'    <node id="{_attr(written)}">\n{body}    </node>\n'

    def edge(self, u: str, v: str, key: str, values: dict[str, Any]) -> str:
        body = self.data("edge", values, "      ", {})
        return (
            f'    <edge source="{_attr(self.node_id(u))}" target="{_attr(self.node_id(v))}" '
            f'id="{_attr(key)}">\n{body}    </edge>\n'
        )


def _attr(value: str) -> str:
    return value.translate(_ATTR_ESCAPES)


def graphml_chunks(org: Organization) -> Iterator[str]:
    """Yield the GraphML document of *org*'s graph, a few hundred elements at a time.

    Raises
    ------
    ValidationError
        When attributes hold something no file can (see
        :func:`orgmodel.io.organization_to_data`); lone surrogates are refused when
        the text is encoded.
    """
    graph_data, nodes, edges = graph_items(org)
    writer = _Writer()
    yield _HEAD + _key_lines() + '  <graph edgedefault="directed">\n'
    batch: list[str] = []
    for node, values in nodes:
        batch.append(writer.node(node, values))
        if len(batch) == _CHUNK:
            yield "".join(batch)
            batch = []
    for u, v, key, values in edges:
        batch.append(writer.edge(u, v, key, values))
        if len(batch) == _CHUNK:
            yield "".join(batch)
            batch = []
    batch.append(writer.data("graph", graph_data, "    ", {}))
    batch.append("  </graph>\n</graphml>\n")
    yield "".join(batch)


def restore(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Put back the exact values :func:`graphml_chunks` kept beside what XML could not hold.

    Changes *graph* (as ``networkx.read_graphml`` gave it) and returns it, or a copy
    with the nodes renamed when an id had to be written differently.

    Raises
    ------
    ValidationError
        When an ``orgmodel_exact`` attribute is not a JSON object.
    """
    _restore_values(graph.graph, "graph")
    renamed: dict[Any, Any] = {}
    for node, values in graph.nodes(data=True):
        exact = _restore_values(values, f"nodes[{node!r}]")
        if "id" in exact and isinstance(exact["id"], str):
            renamed[node] = exact["id"]
        if "kind" in values and "name" not in values:
            values["name"] = ""  # GraphML reads an empty string back as absent
    for u, v, key, values in graph.edges(keys=True, data=True):
        _restore_values(values, f"edges[{u!r}, {v!r}, {key!r}]")
    if renamed:  # a copy, which keeps the order of the nodes (and so of the records)
        graph = nx.relabel_nodes(graph, renamed, copy=True)
    return graph


def _restore_values(values: dict[str, Any], where: str) -> dict[str, Any]:
    raw = values.pop(EXACT, None)
    if raw is None:
        return {}
    try:
        exact = json.loads(raw) if isinstance(raw, str) else None
    except ValueError:
        exact = None
    if not isinstance(exact, dict):
        problem = Problem(
            ProblemCode.WRONG_TYPE,
            f"{where}.{EXACT}",
            f"'{EXACT}' must be a JSON object of exact values (got {str(raw)[:40]!r})",
        )
        raise ValidationError([problem])
    values.update({name: value for name, value in exact.items() if name != "id"})
    return exact
