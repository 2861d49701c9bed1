r"""Drawing a chart too large for one Graphviz run: in tiles, stitched into one SVG.

Graphviz holds every node and edge of a drawing in memory, about 3 KB each with
orgmodel's boxes (6.1 GB for a million people).  A chart whose boxes and lines all
have positions (the tidy layout, ``layout=nop2``) needs no layout from Graphviz, only
drawing, so it can be drawn in parts: :func:`draw_svg_in_tiles` runs Graphviz on
:data:`TILE_STATEMENTS` nodes or edges at a time and joins the parts into one SVG, so
Graphviz never holds more than one part.

Each part is the whole chart's header (title, fonts, defaults), the nodes or the
edges of the part, the nodes without a size of their own (the legend: drawn in the
first part of nodes, invisible elsewhere), invisible endpoints for the edges, and two
invisible points at the corners of the whole drawing.  So every part has the same
bounding box, and Graphviz places every part's SVG in the same coordinates; the
joined file is the first part's header, every part's nodes and edges (in the order
the graph's ``outputorder`` asks: all edges first, or all nodes first, with their SVG
ids made unique), and the first part's end.

Examples
--------
>>> import graphviz
>>> g = graphviz.Digraph(graph_attr={"layout": "nop2"})
>>> g.node("a", pos="0,0!", width="1", height="0.5")
>>> tileable(g, statements=0)
True
>>> g.body.append("\tsubgraph cluster_x {\n")
>>> tileable(g, statements=0)
False
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, Final

import attrs
import graphviz

__all__ = ["TILE_STATEMENTS", "draw_svg_in_tiles", "tileable"]

#: Nodes or edges drawn by one Graphviz run (about 650 MB of Graphviz's memory).
TILE_STATEMENTS: Final = 200_000
_MAX_UNSIZED: Final = 100  # nodes without their own size, repeated in every part

_ID = (
    r'(?:"(?:[^"\\]|\\.)*"'  # a quoted id
    r"|[A-Za-z_\x80-\U0010ffff][\w\x80-\U0010ffff]*"  # a bare one
    r"|-?(?:\.\d+|\d+(?:\.\d*)?))"  # a number
)
_EDGE: Final = re.compile(rf"\t(?P<u>{_ID}) -> (?P<v>{_ID})(?: |$)")
_NODE: Final = re.compile(rf"\t(?P<id>{_ID})(?: \[|$)")
_SIZED: Final = re.compile(
    r'width="?(?P<w>[\d.]+)"? height="?(?P<h>[\d.]+)"? '
    r'pos="(?P<x>[-\d.e+]+),(?P<y>[-\d.e+]+)!?"\]\n?$'
)
_EDGE_POS: Final = re.compile(r'pos="(?P<pos>[^"]*)"')
_NUMBER_PAIR: Final = re.compile(r"(-?[\d.]+(?:e[-+]?\d+)?),(-?[\d.]+(?:e[-+]?\d+)?)")
_KEYWORDS: Final = frozenset({"graph", "node", "edge", "subgraph", "strict", "digraph"})
_POINTS_PER_INCH: Final = 72.0


def tileable(graph: graphviz.Digraph, *, statements: int = TILE_STATEMENTS) -> bool:
    """Whether *graph* is drawn in tiles: positioned (``nop2``), flat and large.

    A graph with subgraphs, or with nodes that Graphviz places itself, is drawn in
    one run, whatever its size.
    """
    if graph.graph_attr.get("layout") != "nop2" or len(graph.body) <= statements:
        return False
    return not any("subgraph" in line or line.rstrip().endswith("{") for line in graph.body)


@attrs.define
class _Parts:
    """The statements of a positioned graph, sorted for drawing in parts."""

    nodes: list[str] = attrs.field(factory=list)
    edges: list[tuple[str, str, str]] = attrs.field(factory=list)  # (line, u, v)
    unsized: list[str] = attrs.field(factory=list)
    places: dict[str, tuple[float, float]] = attrs.field(factory=dict)
    corners: list[float] = attrs.field(factory=lambda: [1e300, 1e300, -1e300, -1e300])

    def extend(self, x0: float, y0: float, x1: float, y1: float) -> None:
        c = self.corners
        c[0], c[1], c[2], c[3] = min(c[0], x0), min(c[1], y0), max(c[2], x1), max(c[3], y1)


def _split(graph: graphviz.Digraph) -> _Parts | None:
    """Sort the body of *graph* into nodes (sized or not) and edges; ``None`` if it cannot be."""
    parts = _Parts()
    for line in graph.body:
        edge = _EDGE.match(line)
        if edge is not None:
            parts.edges.append((line, edge["u"], edge["v"]))
            found = _EDGE_POS.search(line)
            for x, y in _NUMBER_PAIR.findall(found["pos"] if found else ""):
                parts.extend(float(x), float(y), float(x), float(y))
            continue
        node = _NODE.match(line)
        if node is None or node["id"] in _KEYWORDS:
            return None  # a statement of another kind: draw the graph in one run
        sized = _SIZED.search(line)
        if sized is None:
            parts.unsized.append(line)
            if len(parts.unsized) > _MAX_UNSIZED:
                return None
            continue
        x, y = float(sized["x"]), float(sized["y"])
        half_w = float(sized["w"]) * _POINTS_PER_INCH / 2
        half_h = float(sized["h"]) * _POINTS_PER_INCH / 2
        parts.extend(x - half_w, y - half_h, x + half_w, y + half_h)
        parts.places[node["id"]] = (x, y)
        parts.nodes.append(line)
    return parts


def _invisible(line: str) -> str:
    """Return a node statement drawn invisibly (a repeated attribute wins in DOT)."""
    body = line.rstrip("\n")
    return body[:-1] + " style=invis]\n" if body.endswith("]") else body + " [style=invis]\n"


def _point(name: str, x: float, y: float) -> str:
    return f'\t{name} [shape=point width=0 height=0 style=invis label="" pos="{x!r},{y!r}!"]\n'


def _sources(graph: graphviz.Digraph, parts: _Parts, size: int) -> Iterator[str]:
    """Yield the DOT source of each part, in the graph's drawing order.

    ``outputorder=edgesfirst`` draws every edge before any node; otherwise (orgmodel's
    tidy charts say ``nodesfirst``, so lines run over boxes) the nodes come first.
    """
    lines = list(graph)
    head = "".join(lines[: len(lines) - len(graph.body) - 1])
    x0, y0, x1, y1 = parts.corners
    corners = _point("__orgmodel_corner_0", x0, y0) + _point("__orgmodel_corner_1", x1, y1)
    hidden = "".join(_invisible(line) for line in parts.unsized)

    def edge_parts() -> Iterator[str]:
        for start in range(0, len(parts.edges), size):
            chunk = parts.edges[start : start + size]
            ends = {end for _, u, v in chunk for end in (u, v)}
            points = "".join(_point(end, *parts.places[end]) for end in ends if end in parts.places)
            yield head + hidden + corners + points + "".join(line for line, _, _ in chunk) + "}\n"

    def node_parts() -> Iterator[str]:
        shown = "".join(parts.unsized)
        for start in range(0, len(parts.nodes), size):
            nodes = parts.nodes[start : start + size]
            unsized = shown if start == 0 else hidden
            yield head + unsized + corners + "".join(nodes) + "}\n"

    if graph.graph_attr.get("outputorder") == "edgesfirst":
        yield from edge_parts()
        yield from node_parts()
    else:
        yield from node_parts()
        yield from edge_parts()


def draw_svg_in_tiles(
    graph: graphviz.Digraph,
    executable: str,
    out: BinaryIO,
    *,
    scratch: Callable[[], Path],
    run: Callable[[list[str], bytes], subprocess.CompletedProcess[bytes]],
    failed: Callable[[subprocess.CompletedProcess[bytes]], Exception],
    size: int = TILE_STATEMENTS,
) -> bool:
    """Draw *graph* as SVG into *out*, part by part; ``False`` when it cannot be tiled.

    *scratch* gives a new temporary path for a part's SVG (removed when done); *run*
    runs Graphviz with these arguments on this source; *failed* turns a failed run
    into the exception to raise.
    """
    parts = _split(graph)
    if parts is None or not parts.nodes:
        return False
    footer: list[bytes] = []
    for k, source in enumerate(_sources(graph, parts, size)):
        part = scratch()
        try:
            done = run([executable, "-Tsvg", "-o", str(part)], source.encode("utf-8"))
            if done.returncode != 0:
                raise failed(done)
            with part.open("rb") as svg:
                footer = _copy_part(svg, out, k, first=k == 0) or footer
        finally:
            part.unlink(missing_ok=True)
    out.writelines(footer)
    return True


_BODY_START: Final = b"<!-- "
_GROUP_ID: Final = re.compile(rb'^(<g id=")')


def _copy_part(svg: BinaryIO, out: BinaryIO, k: int, *, first: bool) -> list[bytes]:
    """Copy a part's nodes and edges (and, for the first, its header) into *out*.

    The part is read a line at a time.  Returns the first part's two closing lines
    (``</g>`` and ``</svg>``), to be written after every part.
    """
    lines = iter(svg)
    for line in lines:  # the header: up to the first comment inside the graph group
        if line.startswith(b'<g id="graph0"'):
            if first:
                out.write(line)
            break
        if first:
            out.write(line)
    prefix = b'<g id="t%d_' % k
    held: list[bytes] = []  # the last two lines, which close the document
    in_body = False
    for line in lines:
        if not in_body and not line.startswith(_BODY_START) and line != b"</g>\n":
            if first:
                out.write(line)  # the graph's title, background and label
            continue
        in_body = True
        held.append(line)
        if len(held) > 2:  # noqa: PLR2004 - "</g>" and "</svg>"
            kept = held.pop(0)
            out.write(_GROUP_ID.sub(prefix, kept, count=1) if kept.startswith(b"<g id=") else kept)
    return held if first else []
