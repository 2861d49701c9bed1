"""Ownership charts: who holds which entity, with the shares on the lines."""

from __future__ import annotations

import os
import warnings
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TypedDict, Unpack

import graphviz

from orgmodel.analysis.ownership import effective_ownership
from orgmodel.analysis.ownership.cycles import stakes_on_cycles
from orgmodel.analysis.ownership.index import OwnershipIndex
from orgmodel.model import Entity, Liability, Organization, Person, Stake, Unit
from orgmodel.model._arguments import organization_argument
from orgmodel.model.exceptions import ValidationError
from orgmodel.model.problems import Problem, ProblemCode
from orgmodel.model.share import Share
from orgmodel.render._backend import check_options, write_chart
from orgmodel.render._percent import DEFAULT_DIGITS, check_digits, format_share
from orgmodel.render._style import FONT, html_text, node_name

__all__ = [
    "STAKE_LABEL_PREFIX",
    "OwnershipChartOptions",
    "ownership_chart",
    "render_ownership_chart",
]

_ENTITY_FILL = "#E6EEF6"
_FOCAL_FILL = "#C9DCEE"
_ENTITY_BORDER = "#35608A"
_PERSON_FILL = "#FFFFFF"
_PERSON_BORDER = "#6B6B6B"
_STAKE_COLOUR = "#4D4D4D"
_CYCLE_COLOUR = "#D55E00"
_LOOK_COLOUR = "#0072B2"
_KIND_NAMES = {"llp": "LLP"}
_MIN_PEN = 0.8
_PEN_RANGE = 4.2


class OwnershipChartOptions(TypedDict, total=False):
    """The keyword options of :func:`ownership_chart`, for ``render_ownership_chart``."""

    entity: str | None
    show_look_through: bool
    legend: bool
    title: str | None
    percent_digits: int
    look_through: bool | None


def ownership_chart(
    org: Organization,
    entity: str | None = None,
    *,
    show_look_through: bool = False,
    legend: bool = True,
    title: str | None = None,
    percent_digits: int = DEFAULT_DIGITS,
    look_through: bool | None = None,
) -> graphviz.Digraph:
    """Return the ownership chart around *entity* as a ``graphviz.Digraph``.

    Holders sit above what they hold. Each stake is a line labelled with its share
    (ranges as ranges, such as ``25–50%``), votes and profit share when recorded, and
    drawn thicker the larger the share. The label sits *on* its own line, in a white
    box the line runs into and out of, so it cannot be read as another stake's and no
    line covers it. Stakes that are part of a cross-holding
    cycle are drawn in orange. With ``show_look_through=True`` a dashed blue line runs
    from every ultimate owner to *entity*, labelled with what they hold through all
    the chains (:func:`orgmodel.effective_ownership`); owners whose only holding is
    one direct stake already show that share and get no extra line.

    Parameters
    ----------
    org : Organization
        The organisation.
    entity : str, optional
        The entity to chart: everyone above it and everything below it is drawn.
        Defaults to the focal entity; with none, the whole ownership network.
    show_look_through : bool
        Add the look-through shares of the ultimate owners (needs an entity).
    legend : bool
        Add a legend.
    title : str, optional
        The heading; by default "Ownership of" the entity's name.
    percent_digits : int
        Decimals of every percentage on the chart (one rule for all of them).
    look_through : bool, optional
        The old name of *show_look_through*; deprecated (it is also the name of the
        function :func:`orgmodel.look_through`).

    Returns
    -------
    graphviz.Digraph

    Raises
    ------
    UnknownReferenceError
        When *entity* is not an entity of *org* (with a did-you-mean suggestion).
    ValidationError
        When ``show_look_through`` is asked for without an entity to look through to.

    Warns
    -----
    DeprecationWarning
        When the old keyword ``look_through`` is used.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="Acme",
    ...     people=[om.Person("ann", "Ann Lee")],
    ...     entities=[om.Entity("hold", "Lee Holdings"), om.Entity("acme", "Acme LLP")],
    ...     stakes=[
    ...         om.Stake("ann", "hold", om.Share.exact(1.0)),
    ...         om.Stake("hold", "acme", om.Share.between(0.25, 0.5)),
    ...     ],
    ...     focal_entity="acme",
    ... )
    >>> chart = om.ownership_chart(org, show_look_through=True)
    >>> "25–50%" in chart.source, "look-through 25–50%" in chart.source
    (True, True)
    >>> om.ownership_chart(org, "acm")
    Traceback (most recent call last):
    ...
    orgmodel.exceptions.UnknownReferenceError: unknown entity 'acm' — did you mean 'acme'?
    """
    organization_argument(org, "ownership_chart")
    if look_through is not None:
        warnings.warn(
            "ownership_chart(look_through=...) is deprecated; use show_look_through=...",
            DeprecationWarning,
            stacklevel=2,
        )
        show_look_through = look_through
    digits = check_digits(percent_digits)
    target = org.entity(entity) if entity is not None else org.focal
    if show_look_through and target is None:
        msg = "show_look_through needs an entity: name one, or set the organisation's focal_entity"
        raise ValidationError([Problem(ProblemCode.NO_FOCAL_ENTITY, "entity", msg)])
    stakes = _stakes_around(org, target)
    ids = _node_order(org, stakes, target)
    cyclic = stakes_on_cycles(stakes)
    heading = title if title is not None else _default_title(org, target)
    graph = graphviz.Digraph(
        "ownership_chart",
        graph_attr={
            "rankdir": "TB",
            "fontname": FONT,
            "outputorder": "edgesfirst",
            "bgcolor": "white",
            "pad": "0.3",
            "nodesep": "0.4",
            "ranksep": "0.7",
            **(
                {"label": f"<<B>{html_text(heading)}</B>>", "labelloc": "t", "fontsize": "18"}
                if heading
                else {}
            ),
        },
        node_attr={"fontname": FONT, "fontsize": "10", "style": "filled", "penwidth": "1.3"},
        edge_attr={"fontname": FONT, "fontsize": "9", "arrowsize": "0.7"},
    )
    for node_id in ids:
        graph.node(node_name(node_id), **_node_attrs(org.node(node_id), target))
    for index, stake in enumerate(stakes):
        _add_stake(graph, index, stake, cyclic=index in cyclic, digits=digits)
    if show_look_through and target is not None:
        _add_look_through(graph, org, target, stakes, digits)
    if legend:
        key = _legend(cyclic=bool(cyclic), look=show_look_through)
        graph.node("legend", label=key, shape="plain", style="")
    return graph


def render_ownership_chart(
    org: Organization, path: str | os.PathLike[str], **options: Unpack[OwnershipChartOptions]
) -> Path:
    """Draw the ownership chart of *org* into *path* (SVG, PNG, PDF, or DOT for .dot/.gv).

    Takes the options of :func:`ownership_chart` (:class:`OwnershipChartOptions`); the
    file is written atomically.

    Examples
    --------
    >>> import orgmodel as om, tempfile, pathlib
    >>> org = om.Organization(
    ...     name="Acme",
    ...     people=[om.Person("ann", "Ann Lee")],
    ...     entities=[om.Entity("acme", "Acme LLP")],
    ...     stakes=[om.Stake("ann", "acme", om.Share.exact(1.0))],
    ... )
    >>> out = om.render_ownership_chart(org, pathlib.Path(tempfile.mkdtemp()) / "own.gv")
    >>> out.read_text(encoding="utf-8").startswith("digraph ownership_chart {")
    True
    """
    organization_argument(org, "render_ownership_chart")
    check_options(options, ownership_chart)
    return write_chart(ownership_chart(org, **options), path)


def _stakes_around(org: Organization, target: Entity | None) -> list[Stake]:
    """Return the stakes above *target* (holders, theirs, ...) and below it, in file order."""
    if target is None:
        return list(org.stakes)
    index = OwnershipIndex.of(org)
    keep = set(index.above([target.id]).stakes).union(index.below(target.id))
    return [org.stakes[i] for i in sorted(keep)]


def _node_order(org: Organization, stakes: Iterable[Stake], target: Entity | None) -> list[str]:
    involved = {target.id} if target is not None else set()
    for stake in stakes:
        involved.update((stake.holder, stake.entity))
    ordered = [e.id for e in org.entities if e.id in involved]
    return ordered + [p.id for p in org.people if p.id in involved]


def _default_title(org: Organization, target: Entity | None) -> str:
    return f"Ownership of {target.name}" if target is not None else f"Ownership — {org.name}"


def _node_attrs(node: Person | Entity | Unit, target: Entity | None) -> dict[str, str]:
    if isinstance(node, Entity):
        focal = target is not None and node.id == target.id
        kind = _KIND_NAMES.get(node.kind.value, node.kind.value.title())
        return {
            "label": (
                f'<<B>{html_text(node.name)}</B><BR/><FONT POINT-SIZE="9" COLOR="#4D4D4D">'
                f"{html_text(kind)}</FONT>>"
            ),
            "shape": "box",
            "fillcolor": _FOCAL_FILL if focal else _ENTITY_FILL,
            "color": _ENTITY_BORDER,
            "penwidth": "2.6" if focal else "1.3",
        }
    lines = [f"<B>{html_text(node.name)}</B>"]
    title = node.title if isinstance(node, Person) else ""
    if title:
        lines.append(f'<FONT POINT-SIZE="9" COLOR="#4D4D4D">{html_text(title)}</FONT>')
    return {
        "label": f"<{'<BR/>'.join(lines)}>",
        "shape": "box",
        "style": "rounded,filled",
        "fillcolor": _PERSON_FILL,
        "color": _PERSON_BORDER,
    }


STAKE_LABEL_PREFIX = "stake_"
"""Node names of stake labels: ``stake_0``, ``stake_1`` ... in the order of the stakes."""


def _add_stake(
    graph: graphviz.Digraph, index: int, stake: Stake, *, cyclic: bool, digits: int
) -> None:
    """Draw a stake as holder → label → entity: the label is a box on its own line."""
    parts = [format_share(stake.share, digits)]
    if stake.voting is not None and stake.voting != stake.share:
        parts.append(f"votes {format_share(stake.voting, digits)}")
    if stake.profit_share is not None and stake.profit_share != stake.share:
        parts.append(f"profit {format_share(stake.profit_share, digits)}")
    if stake.liability is Liability.UNLIMITED:
        parts.append("unlimited liability")
    colour = _CYCLE_COLOUR if cyclic else _STAKE_COLOUR
    label = f"{STAKE_LABEL_PREFIX}{index}"
    graph.node(
        label,
        label=f"<{'<BR/>'.join(html_text(p) for p in parts)}>",
        shape="box",
        style="rounded,filled",
        fillcolor="white",
        color=colour,
        penwidth="0.6",
        fontsize="9",
        fontcolor=colour,
        margin="0.06,0.03",
        width="0",
        height="0",
    )
    line = {"penwidth": _pen(stake.share), "color": colour}
    graph.edge(node_name(stake.holder), label, arrowhead="none", **line)
    graph.edge(label, node_name(stake.entity), **line)


def _pen(share: Share) -> str:
    return f"{_MIN_PEN + _PEN_RANGE * share.midpoint:.2f}"


def _add_look_through(
    graph: graphviz.Digraph,
    org: Organization,
    target: Entity,
    stakes: Iterable[Stake],
    digits: int,
) -> None:
    """Dashed lines from ultimate owners whose look-through share is not just a direct stake."""
    direct: dict[str, list[Share]] = defaultdict(list)
    for stake in stakes:
        if stake.entity == target.id:
            direct[stake.holder].append(stake.share)
    found: Mapping[str, Share] = effective_ownership(org, target.id)
    for holder, share in found.items():
        if share.upper <= 0 or holder == target.id or direct.get(holder) == [share]:
            continue
        graph.edge(
            node_name(holder),
            node_name(target.id),
            label=(
                '<<TABLE BORDER="0" CELLPADDING="1" BGCOLOR="white"><TR><TD>'
                f"look-through {html_text(format_share(share, digits))}</TD></TR></TABLE>>"
            ),
            style="dashed",
            color=_LOOK_COLOUR,
            fontcolor=_LOOK_COLOUR,
            constraint="false",
            penwidth=_pen(share),
        )


def _legend(*, cyclic: bool, look: bool) -> str:
    rows = [
        (
            f'<TR><TD BGCOLOR="{_ENTITY_FILL}" COLOR="{_ENTITY_BORDER}" BORDER="1" WIDTH="28">'
            '</TD><TD ALIGN="LEFT">entity (thick border: the one charted)</TD></TR>'
        ),
        (
            f'<TR><TD BGCOLOR="{_PERSON_FILL}" COLOR="{_PERSON_BORDER}" BORDER="1" WIDTH="28">'
            '</TD><TD ALIGN="LEFT">person</TD></TR>'
        ),
        (
            f'<TR><TD><FONT COLOR="{_STAKE_COLOUR}">——→</FONT></TD>'
            '<TD ALIGN="LEFT">stake held (thicker: larger share)</TD></TR>'
        ),
    ]
    if cyclic:
        rows.append(
            f'<TR><TD><FONT COLOR="{_CYCLE_COLOUR}">——→</FONT></TD>'
            '<TD ALIGN="LEFT">part of a cross-holding cycle</TD></TR>'
        )
    if look:
        rows.append(
            f'<TR><TD><FONT COLOR="{_LOOK_COLOUR}">- - →</FONT></TD>'
            '<TD ALIGN="LEFT">look-through share of an ultimate owner</TD></TR>'
        )
    return (
        '<<TABLE BORDER="1" COLOR="#BFBFBF" BGCOLOR="white" '
        'CELLBORDER="0" CELLSPACING="3" CELLPADDING="3">'
        '<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Legend</B></TD></TR>' + "".join(rows) + "</TABLE>>"
    )
