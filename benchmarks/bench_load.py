"""Benchmark: load a synthetic org chart from CSV, validate it, and build its graph.

For each size, a synthetic organisation (``generate.py``) is written as CSV, then
two fresh processes run on the same ``people.csv``:

* **orgmodel**: ``om.load`` (parse and validate: it builds the ``Organization``),
  the validation alone (rebuilding the ``Organization`` from its records), and
  ``om.to_networkx``;
* **baseline**: the ``csv`` module reads ``people.csv`` into ``(id, manager_id)``
  pairs, and ``nx.DiGraph(edges)`` builds the bare reporting graph.

The two alternate, one run per process, ``--repeat`` times (3 up to 100k people,
1 above), and each step's best wall-clock time is kept: on a shared machine, load
from other work then falls on both alike.  Peak memory is the highest peak resident
set size (``getrusage``) of those processes, interpreter and imports included.  Targets:
load + graph within 3x the baseline at 1M people, under 4 GiB peak, and near-linear
growth (time per person about flat from 100k to 1M).

Usage::

    python benchmarks/bench_load.py --sizes 10k,100k,1M
    python benchmarks/bench_load.py --quick
"""

from __future__ import annotations

import argparse
import csv
import gc
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import networkx as nx

import orgmodel as om
from _common import (
    best_of,
    format_bytes,
    format_seconds,
    format_size,
    format_table,
    parse_sizes,
    report_child,
    run_child,
)
from generate import synthetic_spec, write_csv

HERE = Path(__file__).resolve()
TIME_TARGET = 3.0
MEMORY_TARGET = 4 * 2**30
BIG = 1_000_000
_REPEAT_LIMIT = 100_000  # sizes up to this run three times, larger ones once


# -- the two pipelines, each run in a child process ------------------------------------


def run_orgmodel(path: Path, repeat: int) -> dict[str, Any]:
    """Load, validate and graph *path* with orgmodel; return the times and counts."""
    load, org = best_of(repeat, lambda: om.load(path))

    def rebuild() -> om.Organization:
        return om.Organization(
            name=org.name,
            people=org.people,
            entities=org.entities,
            units=org.units,
            stakes=org.stakes,
            relationships=org.relationships,
            focal_entity=org.focal_entity,
            custom_tags=org.custom_tags,
        )

    validate, rebuilt = best_of(repeat, rebuild)
    del rebuilt
    graph_time, graph = best_of(repeat, lambda: om.to_networkx(org))
    return {
        "load": load,
        "validate": validate,
        "graph": graph_time,
        "people": len(org.people),
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
    }


def _read_edges(path: Path) -> list[tuple[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        rows = csv.reader(handle)
        header = next(rows)
        ident, manager = header.index("id"), header.index("manager_id")
        return [(row[ident], row[manager]) for row in rows if row[manager]]


def run_baseline(path: Path, repeat: int) -> dict[str, Any]:
    """Read *path* with the csv module into a bare nx.DiGraph; return the times."""
    parse, edges = best_of(repeat, lambda: _read_edges(path))
    graph_time, graph = best_of(repeat, lambda: nx.DiGraph(edges))
    nodes, count = graph.number_of_nodes(), graph.number_of_edges()
    del graph
    # The same with the cyclic garbage collector paused, as om.to_networkx pauses it:
    # at a million nodes most of nx.DiGraph's time is the collector's.
    gc.disable()
    try:
        parse_paused, _ = best_of(repeat, lambda: _read_edges(path))
        graph_paused, _ = best_of(repeat, lambda: nx.DiGraph(edges))
    finally:
        gc.enable()
    return {
        "load": parse,
        "graph": graph_time,
        "load_paused": parse_paused,
        "graph_paused": graph_paused,
        "nodes": nodes,
        "edges": count,
    }


# -- the parent: generate, measure, print ------------------------------------------


def measure(size: int, *, repeat: int, seed: int, folder: Path) -> dict[str, Any]:
    """Write the CSV files for *size* people and measure both pipelines on them."""
    started = time.perf_counter()
    people = write_csv(synthetic_spec(size, seed=seed), folder / format_size(size))
    generated = time.perf_counter() - started
    arguments = ["--path", str(people), "--repeat", "1"]
    # Alternate the two pipelines, one run per fresh process, so that the load of a
    # shared machine falls on both alike; keep each step's best time.
    ours_runs, base_runs = [], []
    for _ in range(repeat):
        ours_runs.append(run_child(HERE, ["--child", "orgmodel", *arguments]))
        base_runs.append(run_child(HERE, ["--child", "baseline", *arguments]))
    ours, base = _best(ours_runs), _best(base_runs)
    return {
        "size": size,
        "generated": generated,
        "csv_bytes": people.stat().st_size,
        "ours": ours,
        "base": base,
    }


def _best(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Each time at its best (lowest) over *runs*; the peak memory at its highest."""
    best = dict(runs[0])
    for run in runs[1:]:
        for key, value in run.items():
            if key == "peak_rss":
                best[key] = max(best[key], value)
            elif isinstance(value, float):
                best[key] = min(best[key], value)
    return best


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b else "-"


def results_table(results: list[dict[str, Any]]) -> str:
    """One block of rows per size: each step beside its baseline, and the ratio."""
    rows: list[list[str]] = []
    for r in results:
        ours, base = r["ours"], r["base"]
        size = format_size(r["size"])
        total, base_total = ours["load"] + ours["graph"], base["load"] + base["graph"]
        rows += [
            [
                f"{size}  CSV load (om.load)",
                format_seconds(ours["load"]),
                "csv.reader",
                format_seconds(base["load"]),
                _ratio(ours["load"], base["load"]),
            ],
            [f"{size}    of which validation", format_seconds(ours["validate"]), "", "", ""],
            [
                f"{size}  om.to_networkx",
                format_seconds(ours["graph"]),
                "nx.DiGraph(edges)",
                format_seconds(base["graph"]),
                _ratio(ours["graph"], base["graph"]),
            ],
            [
                f"{size}  load + graph",
                format_seconds(total),
                "csv + DiGraph",
                format_seconds(base_total),
                _ratio(total, base_total),
            ],
            [
                f"{size}  load + graph",
                "",
                "the same, gc paused",
                format_seconds(base["load_paused"] + base["graph_paused"]),
                _ratio(total, base["load_paused"] + base["graph_paused"]),
            ],
            [
                f"{size}  peak memory (RSS)",
                format_bytes(ours["peak_rss"]),
                "",
                format_bytes(base["peak_rss"]),
                _ratio(ours["peak_rss"], base["peak_rss"]),
            ],
        ]
    return format_table(["people  step", "orgmodel", "baseline", "time/mem", "ratio"], rows)


def growth_table(results: list[dict[str, Any]]) -> str:
    """Time per person at each size, and how far growth is from linear."""
    rows: list[list[str]] = []
    previous: dict[str, Any] | None = None
    for r in results:
        ours = r["ours"]["load"] + r["ours"]["graph"]
        base = r["base"]["load"] + r["base"]["graph"]
        growth = "-"
        if previous is not None:
            before = previous["ours"]["load"] + previous["ours"]["graph"]
            growth = f"{(ours / before) / (r['size'] / previous['size']):.2f}"
        rows.append(
            [
                format_size(r["size"]),
                f"{ours / r['size'] * 1e6:.2f}",
                f"{base / r['size'] * 1e6:.2f}",
                growth,
                f"{r['ours']['nodes']:,}",
                f"{r['ours']['edges']:,}",
            ]
        )
        previous = r
    return format_table(
        [
            "people",
            "orgmodel µs/person",
            "baseline µs/person",
            "growth vs linear",
            "graph nodes",
            "graph edges",
        ],
        rows,
    )


def verdict(results: list[dict[str, Any]]) -> list[str]:
    """Say, for the largest size, whether the targets are met."""
    r = results[-1]
    total = r["ours"]["load"] + r["ours"]["graph"]
    base = r["base"]["load"] + r["base"]["graph"]
    at = format_size(r["size"])
    time_ok = "met" if total <= TIME_TARGET * base else "MISSED"
    memory_ok = "met" if r["ours"]["peak_rss"] < MEMORY_TARGET else "MISSED"
    paused = r["base"]["load_paused"] + r["base"]["graph_paused"]
    lines = [
        (
            f"at {at}: load + graph is {total / base:.2f}x the baseline "
            f"(target {TIME_TARGET:g}x): {time_ok}"
        ),
        (
            f"at {at}: load + graph is {total / paused:.2f}x the baseline run with "
            "the garbage collector paused"
        ),
        (
            f"at {at}: peak memory {format_bytes(r['ours']['peak_rss'])} "
            f"(target < {format_bytes(MEMORY_TARGET)}): {memory_ok}"
        ),
    ]
    if r["size"] < BIG:
        lines.append("(the targets are stated for 1M people; run --sizes 10k,100k,1M)")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark (or, with --child, one pipeline) and print the tables."""
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--sizes", type=parse_sizes, default=parse_sizes("10k,100k,1M"))
    parser.add_argument("--quick", action="store_true", help="sizes 1k,10k only")
    parser.add_argument("--repeat", type=int, help="runs per step (default 3, 1 above 100k)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--child", choices=["orgmodel", "baseline"], help=argparse.SUPPRESS)
    parser.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        run = run_orgmodel if args.child == "orgmodel" else run_baseline
        report_child(run(args.path, args.repeat))
        return 0

    sizes = parse_sizes("1k,10k") if args.quick else args.sizes
    results = []
    with tempfile.TemporaryDirectory(prefix="orgmodel-bench-") as tmp:
        for size in sizes:
            repeat = args.repeat or (3 if size <= _REPEAT_LIMIT else 1)
            print(f"measuring {format_size(size)} people (best of {repeat}) ...", flush=True)
            result = measure(size, repeat=repeat, seed=args.seed, folder=Path(tmp))
            results.append(result)
            print(
                f"  generated {result['csv_bytes'] / 2**20:.0f} MiB of CSV "
                f"in {format_seconds(result['generated'])}",
                flush=True,
            )
    print()
    print(results_table(results))
    print()
    print(growth_table(results))
    print()
    for line in verdict(results):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
