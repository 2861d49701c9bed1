"""Org charts of large firms: the tidy-tree layout against Graphviz ``dot``.

Usage::

    python benchmarks/bench_render.py            # 1k, 2k, 5k, 10k, 20k, 100k people
    python benchmarks/bench_render.py --quick    # 1k and 2k only
    python benchmarks/bench_render.py --sizes 20000 --dot-max 0

For every size one synthetic firm (a realistic tree: spans of 2 to 9, a few wide
teams, assistants and dotted lines) is drawn to SVG with orgmodel's linear
tidy-tree layout (``layout="tidy"``: orgmodel places, Graphviz only draws), and
beside it by Graphviz ``dot``: orgmodel's own ``layout="dot"`` chart (orthogonal
connectors, stacked teams; up to ``--dot-max`` people) and plain ``dot`` on the
same tree (its own spline edges, no stacking; up to ``--plain-max``). ``dot``
grows at about n^2.6. Targets: 20,000 people under 3 s and 100,000 under 20 s.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

import attrs

import orgmodel as om
from orgmodel.render._backend import write_chart

TITLES = ("Associate", "Senior Associate", "Analyst", "Manager", "Paralegal", "Engineer")
UNITS = ("Litigation", "Corporate", "Operations", "Finance", "Technology", "Tax")


def synthetic_firm(count: int, *, seed: int = 7) -> om.Organization:
    """Return a firm of *count* people shaped like a real hierarchy."""
    rng = random.Random(seed)
    units = [om.Unit(f"u{i}", name) for i, name in enumerate(UNITS)]
    people = [
        om.Person(
            "p0", "Managing Partner 0", title="Managing Partner", employment=om.Employment.PARTNER
        )
    ]
    open_managers = [0]
    spans = {0: rng.randint(4, 9)}
    index = 1
    while index < count:
        manager = open_managers[0]
        extra: dict[str, object] = {}
        if rng.random() < 0.01:
            extra["assistant"] = True
        dotted = [f"p{rng.randrange(index)}"] if rng.random() < 0.02 and index > 2 else []
        if dotted == [f"p{manager}"]:
            dotted = []
        people.append(
            om.Person(
                f"p{index}",
                f"Person {index}",
                title=rng.choice(TITLES),
                unit=f"u{rng.randrange(len(UNITS))}",
                manager=f"p{manager}",
                dotted=dotted,
                attributes=extra,
            )
        )
        if not extra and rng.random() < 0.35:
            open_managers.append(index)
            spans[index] = rng.randint(2, 9) if rng.random() < 0.9 else rng.randint(10, 25)
        spans[manager] -= 1
        if spans[manager] == 0:
            open_managers.pop(0)
            if not open_managers:
                open_managers.append(index)
                spans[index] = 5
        index += 1
    return om.Organization(name=f"Synthetic firm of {count:,}", people=people, units=units)


@attrs.frozen
class Timing:
    """Seconds for one chart: wall clock, and CPU time (Python plus Graphviz)."""

    build_cpu: float
    draw_cpu: float
    wall: float

    @property
    def cpu(self) -> float:
        """Total CPU seconds: what the wall clock shows on an otherwise idle machine."""
        return self.build_cpu + self.draw_cpu


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_render(org: om.Organization, layout: str, out: Path, **options: object) -> Timing:
    """Build the chart of *org* and have Graphviz write it as SVG; time both."""
    wall = time.perf_counter()
    cpu = time.process_time()
    chart = om.org_chart(org, color_by="employment", layout=layout, **options)  # type: ignore[arg-type]
    if options.get("stack") == 0:
        chart.graph_attr.pop("splines", None)  # plain dot: its own spline edges
    build_cpu = time.process_time() - cpu
    child = _child_cpu()
    write_chart(chart, out)
    return Timing(build_cpu, _child_cpu() - child, time.perf_counter() - wall)


def main(argv: list[str] | None = None) -> int:
    """Print the benchmark table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1k and 2k people only")
    parser.add_argument("--sizes", type=int, nargs="*", help="numbers of people")
    parser.add_argument(
        "--dot-max", type=int, default=1_000, help="largest size for orgmodel's dot chart"
    )
    parser.add_argument(
        "--plain-max", type=int, default=10_000, help="largest size for plain dot (0: never)"
    )
    args = parser.parse_args(argv)
    sizes = args.sizes or (
        [1_000, 2_000] if args.quick else [1_000, 2_000, 5_000, 10_000, 20_000, 100_000]
    )
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print("CPU seconds (Python + Graphviz; = wall clock on an idle machine), wall in brackets")
    print()
    print(
        "| people | tidy: build | tidy: Graphviz | tidy total | layout=dot | plain dot "
        "| plain dot / tidy |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as folder:
        for count in sizes:
            org = synthetic_firm(count)
            tidy = time_render(org, "tidy", Path(folder) / "tidy.svg")
            ours = "—"
            if count <= args.dot_max:
                dot = time_render(org, "dot", Path(folder) / "dot.svg")
                ours = f"{dot.cpu:.2f} ({dot.wall:.2f})"
            plain, ratio = "—", "—"
            if count <= args.plain_max:
                base = time_render(org, "dot", Path(folder) / "plain.svg", stack=0)
                plain, ratio = f"{base.cpu:.2f} ({base.wall:.2f})", f"{base.cpu / tidy.cpu:.1f}×"
            print(
                f"| {count:,} | {tidy.build_cpu:.2f} | {tidy.draw_cpu:.2f} "
                f"| {tidy.cpu:.2f} ({tidy.wall:.2f}) | {ours} | {plain} | {ratio} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
