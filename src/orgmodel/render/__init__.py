"""Charts: Graphviz org charts and ownership charts, the interactive page, the org book.

The Graphviz chart functions return a ``graphviz.Digraph``, which displays inline in
Jupyter and can be restyled; :func:`interactive_chart` returns an
:class:`InteractiveChart` page. :func:`render_chart` writes any of them (SVG, PNG, PDF,
DOT or HTML) atomically, as do the ``render_*`` helpers; :func:`render_org_book`
writes a multi-page PDF with one page per team.

Examples
--------
>>> import orgmodel as om
>>> org = om.Organization(name="Tiny", people=[om.Person("ann", "Ann")])
>>> type(om.org_chart(org, color_by="none")).__name__
'Digraph'
"""

from __future__ import annotations

from orgmodel.render._backend import OutputFormat
from orgmodel.render._book import book_pages, render_org_book
from orgmodel.render._orgchart import (
    LARGE_CHART_THRESHOLD,
    STACK_THRESHOLD,
    Layout,
    OrgChartOptions,
    org_chart,
    render_org_chart,
)
from orgmodel.render._ownership_chart import (
    OwnershipChartOptions,
    ownership_chart,
    render_ownership_chart,
)
from orgmodel.render._percent import format_share
from orgmodel.render._render import render, render_chart
from orgmodel.render._style import ColorBy, node_name
from orgmodel.render.interactive import InteractiveChart, interactive_chart

__all__ = [
    "LARGE_CHART_THRESHOLD",
    "STACK_THRESHOLD",
    "ColorBy",
    "InteractiveChart",
    "Layout",
    "OrgChartOptions",
    "OutputFormat",
    "OwnershipChartOptions",
    "book_pages",
    "format_share",
    "interactive_chart",
    "node_name",
    "org_chart",
    "ownership_chart",
    "render",
    "render_chart",
    "render_org_book",
    "render_org_chart",
    "render_ownership_chart",
]
