"""Positions for a large org chart, from the linear-time tidy-tree layout.

Graphviz ``dot`` grows at about n^2.6 with the number of people. For large charts
orgmodel computes every box position and every connector itself and lets Graphviz
only draw them (``layout=nop2``, the engine behind ``neato -n2``). The drawing has
the same boxes, colours and arrangement as the ``dot`` one: assistants beside their
manager, wide teams stacked in a column, and elbow connectors.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

import attrs

from orgmodel.render._boxes import Box
from orgmodel.render._layout import tidy_x
from orgmodel.render._plan import ChartPlan

__all__ = ["GAP_PT", "TidyGeometry", "tidy_geometry"]

GAP_PT = 18.0  # between neighbouring boxes on a level
_VGAP_PT = 32.0  # between levels
_SPINE_PT = 8.0  # room left of a stacked column's connector
_INDENT_PT = 16.0  # from a stacked column's connector to its boxes
_ASSIST_GAP_PT = 22.0  # between a manager and an assistant beside them


@attrs.frozen
class TidyGeometry:
    """Where everything goes, in points (y grows upwards, as Graphviz expects).

    Attributes
    ----------
    centre : dict
        Person id → ``(x, y)`` of the box centre.
    solid, dotted : dict
        ``(manager, report)`` → the connector as Graphviz spline points.
    left, top : float
        The leftmost x and the highest y of the boxes (for placing a legend).
    """

    centre: dict[str, tuple[float, float]]
    solid: dict[tuple[str, str], str]
    dotted: dict[tuple[str, str], str]
    left: float
    top: float


def tidy_geometry(plan: ChartPlan, boxes: Mapping[str, Box]) -> TidyGeometry:
    """Lay out *plan* with the tidy-tree algorithm and route its connectors."""
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
            right.append(_INDENT_PT + box.width)
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
            centre[pid] = (xs[index] + _INDENT_PT + boxes[pid].width / 2.0, y)
        else:
            centre[pid] = (xs[index], y)
    for manager, beside in plan.assistants.items():
        x, y = centre[manager]
        edge = x + boxes[manager].width / 2.0
        for assistant in beside:
            width = boxes[assistant].width
            centre[assistant] = (edge + _ASSIST_GAP_PT + width / 2.0, y)
            edge += _ASSIST_GAP_PT + width
    solid = _solid_connectors(plan, boxes, centre, spine, level_height)
    dotted = {
        (m, r): _dotted_connector(centre[m], boxes[m], centre[r], boxes[r], level_height)
        for m, r in plan.dotted
    }
    return TidyGeometry(
        centre=centre,
        solid=solid,
        dotted=dotted,
        left=min(centre[p][0] - boxes[p].width / 2.0 for p in centre),
        top=max(centre[p][1] + boxes[p].height / 2.0 for p in centre),
    )


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


def _dotted_connector(
    m_at: tuple[float, float], m_box: Box, r_at: tuple[float, float], r_box: Box, lift: float
) -> str:
    """Return a curve from a dotted-line manager to the report.

    Downwards from the manager's bottom to the report's top when the report is lower;
    an arc over both boxes, top to top, when they share a level; otherwise upwards.
    """
    m_top = (m_at[0], m_at[1] + m_box.height / 2.0)
    m_bottom = (m_at[0], m_at[1] - m_box.height / 2.0)
    r_top = (r_at[0], r_at[1] + r_box.height / 2.0)
    r_bottom = (r_at[0], r_at[1] - r_box.height / 2.0)
    if r_top[1] < m_bottom[1]:
        points = [m_bottom, (m_bottom[0], m_bottom[1] - lift / 2), (r_top[0], r_top[1] + lift / 2)]
        points.append(r_top)
    elif abs(r_at[1] - m_at[1]) < 1.0:
        rise = max(m_top[1], r_top[1]) + lift / 3
        points = [m_top, (m_top[0], rise), (r_top[0], rise), r_top]
    else:
        points = [m_top, (m_top[0], m_top[1] + lift / 2), (r_bottom[0], r_bottom[1] - lift / 2)]
        points.append(r_bottom)
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)


def _polyline(points: Sequence[tuple[float, float]]) -> str:
    """Return straight segments through *points* as a Graphviz B-spline."""
    shown = [f"{x:.1f},{y:.1f}" for x, y in points]
    spline = [shown[0]]
    for after in shown[1:]:
        spline.extend((spline[-1], after, after))
    return " ".join(spline)
