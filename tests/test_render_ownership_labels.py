"""Ownership charts: every share label sits at its own line, and no line covers a label.

The checks read what Graphviz drew (``dot -Tjson``): the label boxes' positions and
sizes and every edge's spline. A label belongs to the line nearest to it; it is
covered when some line's stroke (the spline widened by half its pen width) enters
the label's box.
"""

from __future__ import annotations

import json
import math
import shutil
import subprocess
from typing import Any

import pytest

import orgmodel as om
from orgmodel.render import node_name
from orgmodel.render._ownership_chart import STAKE_LABEL_PREFIX
from orgmodel.render._percent import format_fraction, format_share

pytestmark = pytest.mark.exe


def layout(chart: Any) -> dict[str, Any]:
    dot = shutil.which("dot")
    assert dot is not None, "Graphviz's dot is needed (./dev setup installs it)"
    done = subprocess.run(  # noqa: S603 - Graphviz on our own chart
        [dot, "-Tjson"], input=chart.source.encode(), capture_output=True, check=True
    )
    found: dict[str, Any] = json.loads(done.stdout)
    return found


def spline(pos: str) -> list[tuple[float, float]]:
    """The control points of an edge's pos (arrow end markers dropped), sampled."""
    points = [tuple(map(float, p.split(",")[-2:])) for p in pos.split() if p[0] not in "es"]
    out = []
    for i in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[i : i + 4]
        for k in range(21):
            t = k / 20
            a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t * t, t**3
            out.append(
                (
                    a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                    a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1],
                )
            )
    return out


def pictures(chart: Any) -> tuple[dict[str, tuple[float, float, float, float]], list[Any]]:
    """(label boxes by name, [(tail, head, pen width, points)]) from Graphviz's layout."""
    drawn = layout(chart)
    names = {o["_gvid"]: o["name"] for o in drawn["objects"]}
    labels = {}
    for o in drawn["objects"]:
        if o["name"].startswith(STAKE_LABEL_PREFIX):
            x, y = map(float, o["pos"].split(","))
            labels[o["name"]] = (x, y, float(o["width"]) * 36.0, float(o["height"]) * 36.0)
    edges = [
        (names[e["tail"]], names[e["head"]], float(e.get("penwidth", 1)), spline(e["pos"]))
        for e in drawn.get("edges", [])
    ]
    # Labels Graphviz places beside a line (the look-through lines'): named by the line.
    for e in drawn.get("edges", []):
        if "lp" in e:
            x, y = map(float, e["lp"].split(","))
            labels[f"{names[e['tail']]}->{names[e['head']]}"] = (x, y, 0.0, 0.0)
    return labels, edges


def test_every_stake_runs_through_its_own_label():
    """Each stake's line runs holder → its label box → entity, in the stakes' order."""
    org = om.example()
    chart = om.ownership_chart(org)
    _, edges = pictures(chart)
    pairs = {(t, h) for t, h, _, _ in edges}
    for index, stake in enumerate(org.stakes):
        label = f"{STAKE_LABEL_PREFIX}{index}"
        assert (node_name(stake.holder), label) in pairs
        assert (label, node_name(stake.entity)) in pairs


@pytest.mark.parametrize("entity", ["acme", "as-holdings"])
def test_each_label_is_nearest_its_own_line(entity):
    """The line nearest to a label's centre is the stake's own (30% is AS Holdings')."""
    labels, edges = pictures(om.ownership_chart(om.example(), entity))
    assert labels
    for name, (x, y, _, _) in labels.items():
        nearest = min(edges, key=lambda e: min(math.dist((x, y), p) for p in e[3]))
        assert name in (nearest[0], nearest[1], f"{nearest[0]}->{nearest[1]}"), name


def test_no_line_covers_a_label():
    """No line's stroke enters a label box, the thick 100% line included."""
    org = om.example()
    labels, edges = pictures(om.ownership_chart(org, show_look_through=True))
    assert labels
    for name, (x, y, half_w, half_h) in labels.items():
        for tail, head, pen, points in edges:
            reach = pen / 2.0 + 0.5
            inside = [
                p
                for p in points
                if abs(p[0] - x) < half_w - reach and abs(p[1] - y) < half_h - reach
            ]
            assert inside == [], f"{tail} -> {head} runs over {name}"


def test_thick_line_label_text_is_whole():
    """The 100% stake's label reads "100%" in full, in its own box."""
    source = om.ownership_chart(om.example(), "as-holdings").source
    assert "stake_0 [label=<100%>" in source


@pytest.mark.parametrize(
    ("value", "digits", "shown"),
    [
        (0.3511, 1, "35.1%"),
        (0.05745, 1, "5.7%"),
        (0.05745, 2, "5.75%"),
        (0.3, 1, "30%"),
        (0.0004, 1, "<0.1%"),
        (0.99996, 1, ">99.9%"),
        (1.0, 1, "100%"),
        (0.0, 1, "0%"),
        (0.355, 0, "36%"),
        (0.12345, 3, "12.345%"),
    ],
)
def test_one_precision_rule(value, digits, shown):
    """Every percentage is shown with the same number of decimals, never 0 for a holding."""
    assert format_fraction(value, digits) == shown


def test_chart_uses_one_precision_for_every_label():
    """35.11% and 5.745% come out as 35.1% and 5.7% side by side, or 35.11%, 5.75% on asking."""
    org = om.Organization(
        name="x",
        people=[om.Person("a", "A"), om.Person("b", "B")],
        entities=[om.Entity("e", "E")],
        stakes=[
            om.Stake("a", "e", om.Share.exact(0.3511)),
            om.Stake("b", "e", om.Share.exact(0.05745)),
        ],
        focal_entity="e",
    )
    one = om.ownership_chart(org).source
    assert "<35.1%>" in one
    assert "<5.7%>" in one
    two = om.ownership_chart(org, percent_digits=2).source
    assert "<35.11%>" in two
    assert "<5.75%>" in two
    badge = om.org_chart(org, percent_digits=2).source
    assert "stake 35.11%" in badge


def test_range_keeps_both_ends():
    """A range is shown as a range under the same rule."""
    assert format_share(om.Share.between(0.2512, 0.5)) == "25.1–50%"


def test_bad_precision_is_refused():
    """percent_digits must be a whole number from 0 to 6."""
    with pytest.raises(om.ValidationError, match="percent_digits"):
        om.ownership_chart(om.example(), percent_digits=7)


def test_old_keyword_still_works_with_a_warning():
    """look_through= (the old name) still draws the look-through lines, with a warning."""
    with pytest.warns(DeprecationWarning, match="show_look_through"):
        old = om.ownership_chart(om.example(), look_through=True).source
    assert old == om.ownership_chart(om.example(), show_look_through=True).source
