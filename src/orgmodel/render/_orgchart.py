"""Org charts: who reports to whom, coloured by role, as a ``graphviz.Digraph``."""

from __future__ import annotations

import enum
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TypedDict, Unpack

import graphviz

from orgmodel.analysis.roles import classify
from orgmodel.model import Organization
from orgmodel.model._arguments import organization_argument
from orgmodel.model.options import read_option
from orgmodel.model.share import Share
from orgmodel.render._backend import check_options, write_chart
from orgmodel.render._boxes import Box, Colouring, colouring, make_box
from orgmodel.render._emit import emit_dot, emit_tidy, make_legend
from orgmodel.render._percent import DEFAULT_DIGITS, check_digits
from orgmodel.render._plan import ChartPlan, plan_chart
from orgmodel.render._stakes import member_stakes
from orgmodel.render._style import (
    FONT,
    VACANT,
    ColorBy,
    html_text,
)

__all__ = [
    "LARGE_CHART_THRESHOLD",
    "STACK_THRESHOLD",
    "Layout",
    "OrgChartOptions",
    "org_chart",
    "render_org_chart",
]

LARGE_CHART_THRESHOLD = 300
"""Under ``layout="auto"``, charts with more people than this use the tidy tree.

``dot`` with orthogonal connectors and stacked teams takes about 0.3 s at 300
people and grows steeply (about 4 s at 1,000 on the reference machine); the
tidy-tree layout draws 1,000 people in under half a second.
"""

STACK_THRESHOLD = 3
"""A manager with at least this many reports without reports gets them in a column."""

_LINE_COLOUR = "#5A5A5A"


class Layout(enum.Enum):
    """How an org chart's boxes are placed.

    ``TIDY`` is the default at every size: it draws exactly the arrangement an org
    chart wants (elbow connectors, assistants beside, wide teams in a column) in
    linear time. ``DOT`` lets Graphviz place the same boxes, which routes dotted
    lines around boxes and lets you add nodes of your own without positions, but
    grows steeply; ``AUTO`` uses ``DOT`` for small charts and ``TIDY`` above
    :data:`LARGE_CHART_THRESHOLD` people.
    """

    TIDY = "tidy"
    """orgmodel places everything in linear time; Graphviz only draws (``nop2``)."""
    DOT = "dot"
    """Graphviz ``dot`` places everything (about 0.3 s at 300 people, 4 s at 1,000)."""
    AUTO = "auto"
    """``DOT`` up to :data:`LARGE_CHART_THRESHOLD` (300) people, ``TIDY`` above."""


class OrgChartOptions(TypedDict, total=False):
    """The keyword options of :func:`org_chart`, for ``render_org_chart(org, path, **options)``.

    A type checker catches a misspelt or mistyped option; at run time an unknown one
    is a :class:`~orgmodel.ValidationError` with a did-you-mean.
    """

    root: str | None
    depth: int | None
    color_by: ColorBy | str
    roles: Mapping[str, object] | None
    show_stakes: bool
    stakes: Mapping[str, Share] | None
    show_dotted: bool
    legend: bool
    stack: int
    layout: Layout | str
    title: str | None
    percent_digits: int
    notes: Mapping[str, str] | None


def org_chart(
    org: Organization,
    *,
    root: str | None = None,
    depth: int | None = None,
    color_by: ColorBy | str = ColorBy.ROLE,
    roles: Mapping[str, object] | None = None,
    show_stakes: bool = True,
    stakes: Mapping[str, Share] | None = None,
    show_dotted: bool = True,
    legend: bool = True,
    stack: int = STACK_THRESHOLD,
    layout: Layout | str = Layout.TIDY,
    title: str | None = None,
    percent_digits: int = DEFAULT_DIGITS,
    notes: Mapping[str, str] | None = None,
) -> graphviz.Digraph:
    """Return the org chart of *org* as a ``graphviz.Digraph``.

    Each box shows the name, title and unit. Solid lines are drawn from managers to
    reports, dotted-line managers dashed. Assistants (``attributes["assistant"]`` is
    true) sit beside their manager; a manager's reports who have no reports of their
    own are stacked in a column once there are *stack* of them. The result displays
    inline in Jupyter and can be restyled; :func:`orgmodel.render.node_name` gives
    the node name of a person.

    Parameters
    ----------
    org : Organization
        The organisation to draw.
    root : str, optional
        Draw only this person and those below them.
    depth : int, optional
        Draw this many levels below the top (0: the top only).
    color_by : ColorBy or str
        ``"role"`` (partner-like, COO-like, hybrid, neither), ``"employment"``,
        ``"unit"`` or ``"none"``.
    roles : mapping, optional
        Person id → role assessment (or role label) to colour by, such as the result
        of :func:`orgmodel.classify`, which is called when this is omitted. People
        missing from it count as ``neither``.
    show_stakes : bool
        Show each member's stake in the focal entity as a badge: what they hold
        directly and through holding entities (:func:`orgmodel.effective_ownership`).
    stakes : mapping, optional
        Person id → :class:`~orgmodel.Share` to show instead of the look-through
        stakes (for instance when they are already computed).
    show_dotted : bool
        Draw dotted-line managers.
    legend : bool
        Add a legend explaining the colours.
    stack : int
        How many reports without reports make a team "wide"; 0 never stacks.
    layout : Layout or str
        ``"tidy"`` (the default), ``"dot"`` or ``"auto"`` (see :class:`Layout`).
    title : str, optional
        The heading; the organisation's name by default, ``""`` for none.
    percent_digits : int
        Decimals of every percentage on the chart (one rule: ``35.1%`` beside
        ``5.7%``; a holding that rounds to nothing shows as ``<0.1%``).
    notes : mapping, optional
        Person id → one more line of text at the bottom of their box (the org book
        puts its page references there).

    Returns
    -------
    graphviz.Digraph
        The chart; write it with :func:`render_org_chart` or :func:`orgmodel.render`.

    Raises
    ------
    UnknownReferenceError
        When *root* is not a person of *org* (with a did-you-mean suggestion).
    ValidationError
        For an unknown option value.
    SingularOwnershipError
        When the stake badges cannot be computed because a group of entities owns
        itself entirely; pass ``show_stakes=False`` or ``stakes=``.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="Acme",
    ...     people=[
    ...         om.Person(
    ...             "ann", "Ann Lee", title="Managing Partner", employment=om.Employment.PARTNER
    ...         ),
    ...         om.Person("bob", "Bob Ray", title="COO", manager="ann"),
    ...     ],
    ... )
    >>> chart = om.org_chart(org)  # coloured by om.classify(org)
    >>> "n_ann -> n_bob" in chart.source
    True
    >>> om.org_chart(org, root="bbo")
    Traceback (most recent call last):
    ...
    orgmodel.exceptions.UnknownReferenceError: unknown person 'bbo' — did you mean 'bob'?
    """
    organization_argument(org, "org_chart")
    colour_mode = read_option(color_by, ColorBy, "color_by")
    digits = check_digits(percent_digits)
    how = read_option(layout, Layout, "layout")
    plan = plan_chart(org, root=root, depth=depth, stack=stack, dotted=show_dotted)
    if colour_mode is ColorBy.ROLE and roles is None:
        roles = classify(org)
    colours = colouring(org, plan.people, colour_mode, roles)
    if not show_stakes:
        stakes = {}
    elif stakes is None:
        stakes = member_stakes(org)
    boxes = _boxes(org, plan, colours, stakes, notes=notes or {}, digits=digits)
    tidy = how is Layout.TIDY or (how is Layout.AUTO and len(plan.people) > LARGE_CHART_THRESHOLD)
    graph = _base_graph(org.name if title is None else title, tidy=tidy)
    key = make_legend(colours, org, stakes, plan) if legend else None
    if tidy:
        emit_tidy(graph, plan, boxes, key)
    else:
        emit_dot(graph, plan, boxes, key)
    return graph


def render_org_chart(
    org: Organization, path: str | os.PathLike[str], **options: Unpack[OrgChartOptions]
) -> Path:
    """Draw the org chart of *org* into *path* (SVG, PNG or PDF; DOT for .dot/.gv).

    Takes the options of :func:`org_chart` (:class:`OrgChartOptions`). The file is
    written atomically: a failed
    render leaves nothing behind. Writing ``.dot`` or ``.gv`` needs no Graphviz.

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    GraphvizNotFoundError
        When rendering SVG, PNG or PDF without the Graphviz executables.
    FileAccessError
        When the file cannot be written.
    ValidationError
        For an unknown option (with a suggestion) or an unsupported extension.

    Examples
    --------
    >>> import orgmodel as om, tempfile, pathlib
    >>> org = om.Organization(name="Acme", people=[om.Person("ann", "Ann Lee")])
    >>> out = om.render_org_chart(
    ...     org, pathlib.Path(tempfile.mkdtemp()) / "acme.dot", color_by="none"
    ... )
    >>> out.read_text(encoding="utf-8").startswith("digraph org_chart {")
    True
    """
    organization_argument(org, "render_org_chart")
    check_options(options, org_chart)
    return write_chart(org_chart(org, **options), path)


def _boxes(
    org: Organization,
    plan: ChartPlan,
    colours: Colouring,
    stakes: Mapping[str, Share],
    *,
    notes: Mapping[str, str],
    digits: int,
) -> dict[str, Box]:
    units = {u.id: u.name for u in org.units}
    return {
        p.id: make_box(
            p,
            units.get(p.unit, "") if p.unit is not None else "",
            VACANT if p.vacant else colours.swatch(p.id),
            stakes.get(p.id),
            note=notes.get(p.id, ""),
            digits=digits,
        )
        for p in plan.people
    }


def _base_graph(title: str, *, tidy: bool) -> graphviz.Digraph:
    # Tidy charts draw lines over boxes: solid connectors end at box borders, and
    # dotted lines arc over boxes (see _tidy_chart.dotted_route).
    order = "nodesfirst" if tidy else "edgesfirst"
    graph_attr = {"fontname": FONT, "outputorder": order, "bgcolor": "white", "pad": "0.3"}
    if title:
        graph_attr.update(label=f"<<B>{html_text(title)}</B>>", labelloc="t", fontsize="18")
    if tidy:
        graph_attr["layout"] = "nop2"
    else:
        graph_attr.update(rankdir="TB", nodesep="0.25", ranksep="0.5", splines="ortho")
    node_attr = {
        "shape": "box",
        "style": "rounded,filled",
        "fontname": FONT,
        "fontsize": "10",
        "penwidth": "1.3",
        "margin": "0.08,0.05",
    }
    edge_attr = {"arrowhead": "none", "color": _LINE_COLOUR, "penwidth": "1.2"}
    return graphviz.Digraph(
        "org_chart", graph_attr=graph_attr, node_attr=node_attr, edge_attr=edge_attr
    )
