"""Positions for a large org chart, from the linear-time tidy-tree layout.

Graphviz ``dot`` grows at about n^2.6 with the number of people. For large charts
orgmodel computes every box position and every connector itself and lets Graphviz
only draw them (``layout=nop2``, the engine behind ``neato -n2``). The drawing has
the same boxes, colours and arrangement as the ``dot`` one: assistants beside their
manager, wide teams stacked in a column, and elbow connectors.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence

import attrs

from orgmodel.render._boxes import Box
from orgmodel.render._layout import tidy_x
from orgmodel.render._plan import ChartPlan

__all__ = [
    "GAP_PT",
    "INDENT_PT",
    "Point",
    "TidyGeometry",
    "dotted_lanes",
    "dotted_route",
    "dotted_routes",
    "tidy_geometry",
]

GAP_PT = 18.0  # between neighbouring boxes on a level
_VGAP_PT = 32.0  # between levels
_SPINE_PT = 8.0  # room left of a stacked column's connector
INDENT_PT = 16.0  # from a stacked column's connector to its boxes
_ASSIST_GAP_PT = 22.0  # between a manager and an assistant beside them

Point = tuple[float, float]


@attrs.frozen
class TidyGeometry:
    """Where everything goes, in points (y grows upwards, as Graphviz expects).

    Attributes
    ----------
    centre : dict
        Person id → ``(x, y)`` of the box centre.
    solid, dotted : dict
        ``(manager, report)`` → the connector as Graphviz spline points (empty when
        the connectors were not asked for).
    left, top : float
        The leftmost x and the highest y of the boxes (for placing a legend).
    level_height : float
        The distance between the centres of two levels.
    """

    centre: dict[str, tuple[float, float]]
    solid: dict[tuple[str, str], str]
    dotted: dict[tuple[str, str], str]
    left: float
    top: float
    level_height: float


def tidy_geometry(
    plan: ChartPlan, boxes: Mapping[str, Box], *, connectors: bool = True
) -> TidyGeometry:
    """Lay out *plan* with the tidy-tree algorithm and route its connectors.

    With ``connectors=False`` only the boxes are placed (the interactive page draws
    its own connectors from the positions).
    """
    # Layout nodes: each person not drawn beside their manager. A stacked column is a
    # chain (each box the only child of the one above), so contours handle it.
    ids: list[str] = []
    parent: list[int] = []
    left: list[float] = []
    right: list[float] = []
    in_column: set[str] = set()
    chain_next: dict[str, str] = {}
    stack: list[tuple[str, int]] = [(top, -1) for top in reversed(plan.tops)]
    while stack:
        pid, up = stack.pop()
        index = len(ids)
        ids.append(pid)
        parent.append(up)
        box = boxes[pid]
        if pid in in_column:
            left.append(_SPINE_PT)
            right.append(INDENT_PT + box.width)
        else:
            extra = sum(_ASSIST_GAP_PT + boxes[a].width for a in plan.assistants.get(pid, ()))
            left.append(box.width / 2.0)
            right.append(box.width / 2.0 + extra)
        kids: list[str] = list(plan.reports.get(pid, ()))
        column = plan.column.get(pid, ())
        if column:
            in_column.update(column)
            kids.append(column[0])
            # Chain the column: each box hangs under the previous one.
            chain_next.update(itertools.pairwise(column))
        nxt = chain_next.get(pid)
        if nxt is not None:
            kids.append(nxt)
        stack.extend((kid, index) for kid in reversed(kids))
    xs = tidy_x(parent, left=left, right=right, gap=GAP_PT)
    level_height = max(b.height for b in boxes.values()) + _VGAP_PT
    levels = _levels(parent)
    centre: dict[str, tuple[float, float]] = {}
    spine: dict[str, float] = {}
    for index, pid in enumerate(ids):
        y = -levels[index] * level_height
        if pid in in_column:
            spine[pid] = xs[index]
            centre[pid] = (xs[index] + INDENT_PT + boxes[pid].width / 2.0, y)
        else:
            centre[pid] = (xs[index], y)
    for manager, beside in plan.assistants.items():
        x, y = centre[manager]
        edge = x + boxes[manager].width / 2.0
        for assistant in beside:
            width = boxes[assistant].width
            centre[assistant] = (edge + _ASSIST_GAP_PT + width / 2.0, y)
            edge += _ASSIST_GAP_PT + width
    return TidyGeometry(
        centre=centre,
        solid=_solid_connectors(plan, boxes, centre, spine, level_height) if connectors else {},
        dotted=_dotted_connectors(plan, boxes, centre, level_height) if connectors else {},
        left=min(centre[p][0] - boxes[p].width / 2.0 for p in centre),
        top=max(centre[p][1] + boxes[p].height / 2.0 for p in centre),
        level_height=level_height,
    )


def dotted_routes(
    plan: ChartPlan, boxes: Mapping[str, Box], centre: Mapping[str, Point], level_height: float
) -> dict[tuple[str, str], tuple[Point, ...]]:
    """Return the route of every dotted line of *plan* (see :func:`dotted_route`)."""
    lanes = dotted_lanes(plan.dotted, centre)
    return {
        (m, r): dotted_route(
            centre[m],
            boxes[m],
            centre[r],
            boxes[r],
            box_height=level_height - _VGAP_PT,
            level_height=level_height,
            lane=lane,
        )
        for (m, r), lane in zip(plan.dotted, lanes, strict=True)
    }


def _dotted_connectors(
    plan: ChartPlan, boxes: Mapping[str, Box], centre: Mapping[str, Point], level_height: float
) -> dict[tuple[str, str], str]:
    routes = dotted_routes(plan, boxes, centre, level_height)
    return {pair: _spline(route) for pair, route in routes.items()}


def _levels(parent: Sequence[int]) -> list[int]:
    out = [0] * len(parent)
    for index, up in enumerate(parent):
        if up >= 0:
            out[index] = out[up] + 1
    return out


def _solid_connectors(
    plan: ChartPlan,
    boxes: Mapping[str, Box],
    centre: Mapping[str, tuple[float, float]],
    spine: Mapping[str, float],
    level_height: float,
) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for person in plan.people:
        manager = person.id
        mx, my = centre[manager]
        bottom = my - boxes[manager].height / 2.0
        bus = my - level_height / 2.0
        for assistant in plan.assistants.get(manager, ()):
            ax, ay = centre[assistant]
            out[manager, assistant] = _polyline(
                [(mx + boxes[manager].width / 2.0, my), (ax - boxes[assistant].width / 2.0, ay)]
            )
        for report in plan.reports.get(manager, ()):
            rx, ry = centre[report]
            out[manager, report] = _polyline(
                [(mx, bottom), (mx, bus), (rx, bus), (rx, ry + boxes[report].height / 2.0)]
            )
        for report in plan.column.get(manager, ()):
            rx, ry = centre[report]
            sx = spine[report]
            out[manager, report] = _polyline(
                [(mx, bottom), (mx, bus), (sx, bus), (sx, ry), (rx - boxes[report].width / 2.0, ry)]
            )
    return out


# Heights of the crests of dotted lines in a row of boxes, as fractions of the box
# height above the row's centre line, the first ones preferred: lanes 8 points apart,
# clear of the assistants' connectors (on the centre line) and of the buses.
_LANES = (0.3, 0.15, 0.45, -0.15, -0.3, -0.45)


def dotted_lanes(
    lines: Sequence[tuple[str, str]], centre: Mapping[str, Point], margin: float = 24.0
) -> list[int]:
    """Give each dotted line a crest lane, so that lines that overlap never share one.

    Lines crest in the row above the higher of their ends; in each row, lines are
    taken from left to right and each gets the first lane that is free over its
    horizontal extent (interval colouring). Past the last lane they start again.
    """
    rows: dict[float, list[tuple[float, float, int]]] = {}
    for index, (manager, report) in enumerate(lines):
        (mx, my), (rx, ry) = centre[manager], centre[report]
        rows.setdefault(max(my, ry), []).append((min(mx, rx), max(mx, rx), index))
    lanes = [0] * len(lines)
    for extents in rows.values():
        free_from = [-math.inf] * len(_LANES)
        for left, right, index in sorted(extents):
            lane = next((k for k, x in enumerate(free_from) if x < left), index % len(_LANES))
            lanes[index] = lane
            free_from[lane] = right + margin
    return lanes


def dotted_route(
    m_at: Point,
    m_box: Box,
    r_at: Point,
    r_box: Box,
    *,
    box_height: float,
    level_height: float,
    lane: int = 0,
) -> tuple[Point, ...]:
    """Return the path of a dotted line from the manager to the report (B-spline points).

    Solid connectors run along horizontal buses in the gaps between levels and
    vertically through box centres, so a dotted line keeps clear of both. It leaves
    the top of the manager's box and enters the top of the report's box a quarter of
    a box width off centre (away from the solid connector that arrives there), rises
    only past the bus above each end, climbs at 45° (steeper when the ends are close
    together) to a crest inside the row of boxes above the higher end — where no bus
    runs — and comes down the same way. Slanted lines cross the buses and vertical
    connectors; they never run beside them. Corners are rounded.

    Coordinates are Graphviz points (y grows upwards).
    """
    gap = level_height - box_height
    direction = 1.0 if r_at[0] >= m_at[0] else -1.0
    start = (m_at[0] + direction * m_box.width / 4.0, m_at[1] + m_box.height / 2.0)
    end = (r_at[0] - direction * r_box.width / 4.0, r_at[1] + r_box.height / 2.0)
    # Past the bus above each box: buses run half a gap above the tallest boxes.
    lift_start = (start[0], m_at[1] + box_height / 2.0 + gap * 0.7)
    lift_end = (end[0], r_at[1] + box_height / 2.0 + gap * 0.7)
    crest = max(m_at[1], r_at[1]) + level_height + box_height * _LANES[lane % len(_LANES)]
    climb, fall = crest - lift_start[1], crest - lift_end[1]
    span = abs(end[0] - start[0])
    # 45° when there is room; otherwise as steep as it takes (the crest shrinks to 0).
    slope = max(1.0, (climb + fall) / max(span, 1.0))
    top_start = (lift_start[0] + direction * climb / slope, crest)
    top_end = (lift_end[0] - direction * fall / slope, crest)
    corners = [start, lift_start, top_start, top_end, lift_end, end]
    return _rounded([c for i, c in enumerate(corners) if i == 0 or c != corners[i - 1]])


def _rounded(corners: Sequence[Point], radius: float = 8.0) -> tuple[Point, ...]:
    """Straight segments through *corners*, each inner corner rounded (B-spline points)."""
    out: list[Point] = [corners[0]]
    for before, corner, after in zip(corners, corners[1:], corners[2:], strict=False):
        enter = _towards(corner, before, radius)
        leave = _towards(corner, after, radius)
        out.extend((out[-1], enter, enter, corner, corner, leave))
    last = corners[-1]
    out.extend((out[-1], last, last))
    return tuple(out)


def _towards(origin: Point, target: Point, distance: float) -> Point:
    length = math.dist(origin, target)
    if length == 0:
        return origin
    share = min(distance, length / 2.0) / length
    return (
        origin[0] + (target[0] - origin[0]) * share,
        origin[1] + (target[1] - origin[1]) * share,
    )


def _spline(points: Sequence[Point]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)


def _polyline(points: Sequence[tuple[float, float]]) -> str:
    """Return straight segments through *points* as a Graphviz B-spline."""
    shown = [f"{x:.1f},{y:.1f}" for x, y in points]
    spline = [shown[0]]
    for after in shown[1:]:
        spline.extend((spline[-1], after, after))
    return " ".join(spline)
