"""Dotted-line managers on the tidy chart can be traced: no dotted line runs along a solid one.

The check is geometric and reads only what Graphviz is told to draw (the ``pos`` of
every edge in the DOT source): each dotted curve is sampled every point, and a sample
"hugs" a solid connector when it lies within :data:`NEAR` points of a solid segment
while heading the same way (within :data:`ANGLE` degrees). A dotted line that hugs
solid lines for more than :data:`RUN` points in a row would be read as part of them.
"""

from __future__ import annotations

import itertools
import math
import random
import re

import pytest

import orgmodel as om
from orgmodel.render._style import DOTTED_COLOUR

NEAR = 6.0  # points
ANGLE = 25.0  # degrees
RUN = 24.0  # points

Point = tuple[float, float]
_EDGE = re.compile(r"^\s*(\S+) -> (\S+) \[pos=\"([^\"]+)\"(.*)\]$", re.MULTILINE)


def edges(chart) -> tuple[list[list[Point]], list[list[Point]]]:
    """Return the solid and dotted edges of a tidy chart as B-spline control points."""
    solid: list[list[Point]] = []
    dotted: list[list[Point]] = []
    for match in _EDGE.finditer(chart.source):
        points = [(float(p.split(",")[0]), float(p.split(",")[1])) for p in match.group(3).split()]
        (dotted if "dashed" in match.group(4) else solid).append(points)
    return solid, dotted


def sample(points: list[Point], step: float = 1.0) -> list[Point]:
    """Points along a piecewise cubic B-spline (Graphviz's 3n+1 control points)."""
    out: list[Point] = []
    for i in range(0, len(points) - 1, 3):
        p0, p1, p2, p3 = points[i : i + 4]
        length = math.dist(p0, p1) + math.dist(p1, p2) + math.dist(p2, p3)
        count = max(2, int(length / step))
        for k in range(count + 1):
            t = k / count
            a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t * t, t**3
            out.append(
                (
                    a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                    a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1],
                )
            )
    return out


def segments(points: list[Point]) -> list[tuple[Point, Point]]:
    """The straight pieces of a polyline written as a B-spline (solid connectors)."""
    corners = [points[0], *points[3::3]]
    return [(a, b) for a, b in itertools.pairwise(corners) if a != b]


def hugs(at: Point, heading: float, seg: tuple[Point, Point]) -> bool:
    (x1, y1), (x2, y2) = seg
    dx, dy = x2 - x1, y2 - y1
    t = max(0.0, min(1.0, ((at[0] - x1) * dx + (at[1] - y1) * dy) / (dx * dx + dy * dy)))
    if math.dist(at, (x1 + t * dx, y1 + t * dy)) > NEAR:
        return False
    turn = abs(math.degrees(heading - math.atan2(dy, dx))) % 180.0
    return min(turn, 180.0 - turn) < ANGLE


def longest_hug(curve: list[Point], solid: list[tuple[Point, Point]]) -> float:
    """The longest stretch (in points) over which *curve* runs along a solid segment."""
    cell = 64.0
    grid: dict[tuple[int, int], list[tuple[Point, Point]]] = {}
    for seg in solid:
        (x1, y1), (x2, y2) = seg
        for gx in range(int((min(x1, x2) - NEAR) // cell), int((max(x1, x2) + NEAR) // cell) + 1):
            for gy in range(
                int((min(y1, y2) - NEAR) // cell), int((max(y1, y2) + NEAR) // cell) + 1
            ):
                grid.setdefault((gx, gy), []).append(seg)
    samples = sample(curve)
    best = run = 0.0
    for before, at in itertools.pairwise(samples):
        step = math.dist(before, at)
        if step == 0:
            continue
        heading = math.atan2(at[1] - before[1], at[0] - before[0])
        near = grid.get((int(at[0] // cell), int(at[1] // cell)), ())
        if any(hugs(at, heading, seg) for seg in near):
            run += step
            best = max(best, run)
        else:
            run = 0.0
    return best


def worst(chart) -> float:
    """The longest stretch over which a dotted line runs along a solid one."""
    solid_edges, dotted = edges(chart)
    solid = [seg for edge in solid_edges for seg in segments(edge)]
    assert dotted, "the chart has no dotted lines to check"
    return max(longest_hug(curve, solid) for curve in dotted)


def worst_between_dotted(chart) -> float:
    """The longest stretch over which a dotted line runs along another dotted line."""
    _, dotted = edges(chart)
    chords = [
        [(a, b) for a, b in itertools.pairwise(s) if a != b]
        for s in (sample(curve, step=4.0) for curve in dotted)
    ]
    return max(
        (
            longest_hug(curve, [seg for j, c in enumerate(chords) if j != i for seg in c])
            for i, curve in enumerate(dotted)
        ),
        default=0.0,
    )


def synthetic(count: int, seed: int) -> om.Organization:
    """A firm with spans of 1 to 7, some wide teams, assistants and 5% dotted lines."""
    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    people = [om.Person("p0", "Person 0", title="Managing Partner")]
    for i in range(1, count):
        manager = rng.randrange(max(1, i // 3), i) if i > 3 else 0
        dotted = [f"p{rng.randrange(i)}"] if rng.random() < 0.05 else []
        if dotted == [f"p{manager}"]:
            dotted = []
        extra = {"assistant": True} if rng.random() < 0.02 else {}
        people.append(
            om.Person(
                f"p{i}",
                f"Person {i}",
                title=rng.choice(["Associate", "Manager", "Head of Operations"]),
                manager=f"p{manager}",
                dotted=dotted,
                attributes=extra,
            )
        )
    return om.Organization(name="synthetic", people=people)


def test_bundled_example_dotted_lines_run_apart():
    """Brian → Noah and Chloé → Mohammed no longer run beside the solid connectors."""
    assert worst(om.org_chart(om.example(), show_stakes=False)) <= RUN


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_synthetic_firms_dotted_lines_run_apart(seed):
    """Across random firms with wide teams and assistants, no dotted line hugs a solid one."""
    chart = om.org_chart(synthetic(150, seed), color_by="none", show_stakes=False)
    assert worst(chart) <= RUN


def test_bundled_example_dotted_lines_apart_from_each_other():
    """Brian → Noah and Chloé → Mohammed cross the same row, in different lanes."""
    assert worst_between_dotted(om.org_chart(om.example(), show_stakes=False)) <= RUN


def test_checker_catches_a_dotted_line_drawn_along_a_bus():
    """The check itself fails a dotted line laid over a solid bus (it can catch the defect)."""
    solid = [((0.0, 0.0), (300.0, 0.0))]
    along = [(10.0, 3.0), (100.0, 3.0), (200.0, 3.0), (290.0, 3.0)]
    assert longest_hug(along, solid) > RUN


def test_dotted_lines_have_their_own_colour():
    """Dotted lines are drawn dashed in a colour no solid connector uses."""
    source = om.org_chart(om.example(), show_stakes=False).source
    dotted = [line for line in source.splitlines() if "dashed" in line and "->" in line]
    assert len(dotted) == 3
    assert all(DOTTED_COLOUR.lower() in line.lower() for line in dotted)
    solid = [line for line in source.splitlines() if "->" in line and "dashed" not in line]
    assert not any(DOTTED_COLOUR.lower() in line.lower() for line in solid)
