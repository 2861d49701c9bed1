"""Graphviz diagrams: org charts and ownership charts.

Every chart function returns a ``graphviz.Digraph``, which displays inline in
Jupyter and can be restyled; the ``render_*`` helpers write SVG, PNG or PDF (or the
DOT source, without Graphviz installed) atomically.

Examples
--------
>>> import orgmodel as om
>>> org = om.Organization(name="Tiny", people=[om.Person("ann", "Ann")])
>>> type(om.org_chart(org, color_by="none")).__name__
'Digraph'
"""

from __future__ import annotations

from orgmodel.render._backend import OutputFormat
from orgmodel.render._orgchart import (
    LARGE_CHART_THRESHOLD,
    STACK_THRESHOLD,
    Layout,
    org_chart,
    render_org_chart,
)
from orgmodel.render._ownership_chart import ownership_chart, render_ownership_chart
from orgmodel.render._style import ColorBy, node_name
from orgmodel.render.interactive import InteractiveChart, interactive_chart

__all__ = [
    "LARGE_CHART_THRESHOLD",
    "STACK_THRESHOLD",
    "ColorBy",
    "InteractiveChart",
    "Layout",
    "OutputFormat",
    "interactive_chart",
    "node_name",
    "org_chart",
    "ownership_chart",
    "render_org_chart",
    "render_ownership_chart",
]
