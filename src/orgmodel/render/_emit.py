"""Writing an org chart's nodes and lines into a Digraph, for either layout.

Lines are written straight into ``Digraph.body``: node names are safe by
construction (:func:`~orgmodel.render._style.node_name`), every label is an escaped
HTML-like string, and going through ``graphviz.quoting`` would cost seconds on a
100,000-person chart.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping

import attrs
import graphviz

from orgmodel.model import Organization
from orgmodel.model.share import Share
from orgmodel.render._boxes import Box, Colouring
from orgmodel.render._plan import ChartPlan
from orgmodel.render._style import (
    DOTTED_COLOUR,
    DOTTED_STROKE,
    NO_COLOUR,
    STAKE_BADGE,
    VACANT,
    Swatch,
    html_text,
    node_name,
    text_em,
)
from orgmodel.render._tidy_chart import GAP_PT, tidy_geometry

__all__ = ["LEGEND_NAME", "VACANT_STYLE", "Legend", "emit_dot", "emit_tidy", "make_legend"]

LEGEND_NAME = "legend"
VACANT_STYLE = "rounded,filled,dashed"
"""A vacant post's box: dashed, so that it reads as a post with nobody in it."""


def _attr_list(attrs: Mapping[str, str]) -> str:
    """Format DOT attributes; every value is ours (numbers, colours, escaped labels)."""
    parts = []
    for key, value in attrs.items():
        if value.startswith("<") and value.endswith(">"):
            parts.append(f"{key}={value}")  # an HTML-like label, escaped when built
        else:
            parts.append(f'{key}="{value.replace(chr(34), chr(92) + chr(34))}"')
    return " ".join(parts)


def _node(graph: graphviz.Digraph, name: str, attrs: Mapping[str, str]) -> None:
    graph.body.append(f"\t{name} [{_attr_list(attrs)}]\n")


def _edge(graph: graphviz.Digraph, tail: str, head: str, attrs: Mapping[str, str]) -> None:
    if attrs:
        graph.body.append(f"\t{tail} -> {head} [{_attr_list(attrs)}]\n")
    else:
        graph.body.append(f"\t{tail} -> {head}\n")


def _node_attrs(box: Box) -> dict[str, str]:
    extra = {"style": VACANT_STYLE} if box.vacant else {}
    return {
        **extra,
        "label": box.label,
        "fillcolor": box.swatch.fill,
        "color": box.swatch.border,
        "width": f"{box.width / 72.0:.3f}",
        "height": f"{box.height / 72.0:.3f}",
    }


def emit_dot(
    graph: graphviz.Digraph, plan: ChartPlan, boxes: Mapping[str, Box], legend: Legend | None
) -> None:
    if legend is not None:
        _node(graph, LEGEND_NAME, {"label": legend.label, "shape": "plain", "style": ""})
    for person in plan.people:
        _node(graph, node_name(person.id), _node_attrs(boxes[person.id]))
    _same_rank_assistants(graph, plan)
    for person in plan.people:
        tail = node_name(person.id)
        for assistant in plan.assistants.get(person.id, ()):
            _edge(graph, tail, node_name(assistant), {"weight": "10"})
        for report in plan.reports.get(person.id, ()):
            _edge(graph, tail, node_name(report), {})
        column = plan.column.get(person.id, ())
        for index, report in enumerate(column):
            ports = {"tailport": "s", "headport": "w"}
            _edge(
                graph, tail, node_name(report), {**ports, "constraint": "false"} if index else ports
            )
        for upper, lower in itertools.pairwise(column):
            _edge(graph, node_name(upper), node_name(lower), {"style": "invis", "weight": "100"})
    for manager, report in plan.dotted:
        _edge(
            graph,
            node_name(manager),
            node_name(report),
            {"style": "dashed", "color": DOTTED_COLOUR, "penwidth": "1.4", "constraint": "false"},
        )


def _same_rank_assistants(graph: graphviz.Digraph, plan: ChartPlan) -> None:
    """Keep each manager and their assistants on one rank, so they sit side by side."""
    for manager, beside in plan.assistants.items():
        names = " ".join(node_name(p) for p in (manager, *beside))
        graph.body.append(f"\t{{rank=same; {names}}}\n")


def emit_tidy(
    graph: graphviz.Digraph, plan: ChartPlan, boxes: Mapping[str, Box], legend: Legend | None
) -> None:
    if not plan.people:  # an organisation with nobody on the chart: the title alone
        return
    geometry = tidy_geometry(plan, boxes)
    if legend is not None:
        x = geometry.left - 2 * GAP_PT - legend.width / 2.0
        y = geometry.top - legend.height / 2.0
        attrs = {"label": legend.label, "shape": "plain", "style": "", "pos": f"{x:.1f},{y:.1f}!"}
        _node(graph, LEGEND_NAME, attrs)
    # One formatted line per node and edge: this loop runs 100,000 times on big charts.
    names = {p.id: node_name(p.id) for p in plan.people}
    body = graph.body
    for person in plan.people:
        box = boxes[person.id]
        x, y = geometry.centre[person.id]
        style = f'style="{VACANT_STYLE}" ' if box.vacant else ""
        body.append(
            f'\t{names[person.id]} [{style}label={box.label} fillcolor="{box.swatch.fill}" '
            f'color="{box.swatch.border}" width="{box.width / 72.0:.3f}" '
            f'height="{box.height / 72.0:.3f}" pos="{x:.1f},{y:.1f}!"]\n'
        )
    for (manager, report), spline in geometry.solid.items():
        body.append(f'\t{names[manager]} -> {names[report]} [pos="{spline}"]\n')
    for (manager, report), spline in geometry.dotted.items():
        body.append(
            f'\t{names[manager]} -> {names[report]} [pos="{spline}" style="dashed" '
            f'color="{DOTTED_STROKE}" penwidth="1.4"]\n'
        )


@attrs.frozen
class Legend:
    """The legend node's label and its estimated size in points."""

    label: str
    width: float
    height: float


def make_legend(
    colours: Colouring, org: Organization, stakes: Mapping[str, Share], plan: ChartPlan
) -> Legend | None:
    entries: list[tuple[Swatch, str, str]] = [(s, s.label, "") for s in colours.legend]
    if any(p.vacant for p in plan.people):
        entries.append((VACANT, "vacant post (dashed)", ""))
    focal = org.focal
    if focal is not None and any(p.id in stakes for p in plan.people):
        entries.append((STAKE_BADGE, f"stake: share of {focal.name}", "stake"))
    rows = [_legend_row(swatch, text, sample=sample) for swatch, text, sample in entries]
    texts = [text for _, text, _ in entries]
    if plan.dotted:
        texts.append("dotted-line manager")
        rows.append(
            f'<TR><TD><FONT COLOR="{DOTTED_COLOUR}">- - - -</FONT></TD>'
            '<TD ALIGN="LEFT">dotted-line manager</TD></TR>'
        )
    if not rows:
        return None
    label = (
        '<<TABLE BORDER="1" COLOR="#BFBFBF" BGCOLOR="white" '
        'CELLBORDER="0" CELLSPACING="3" CELLPADDING="3">'
        '<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Legend</B></TD></TR>' + "".join(rows) + "</TABLE>>"
    )
    width = 60.0 + 10.0 * max(text_em(t) for t in texts)
    return Legend(label, width, 24.0 * (len(rows) + 1) + 8.0)


def _legend_row(swatch: Swatch, text: str, *, sample: str = "") -> str:
    border = swatch.border if swatch != NO_COLOUR else "#4D4D4D"
    inner = f'<FONT POINT-SIZE="8">{sample}</FONT>' if sample else ""
    return (
        f'<TR><TD BGCOLOR="{swatch.fill}" COLOR="{border}" BORDER="1" WIDTH="28">{inner}</TD>'
        f'<TD ALIGN="LEFT">{html_text(text)}</TD></TR>'
    )
