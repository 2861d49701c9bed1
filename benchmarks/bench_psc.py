"""Companies House PSC snapshots at register scale: streaming load and every company's owners.

For each size a synthetic snapshot is written (:mod:`psc_snapshot`: lines in the data
product's documented shape, with the register's structure — individuals, groups of
companies two to five deep, holders abroad, cycles, ceased PSCs, statements), then a
fresh process measures, on that one file:

* ``json.loads`` of every line, alone: the baseline any reader must pay;
* ``read_psc`` of the file (target: within **4x** the baseline, under **4 GiB** peak
  memory, near-linear growth from 100k to 1M lines);
* ``beneficial_owners_of_all(org, regime="uk-psc")``: the beneficial owners of every
  company, with one look-through of them all (target: within **2x** the load).

Times are CPU seconds of the measuring process (``time.process_time``), the best of
``--repeat`` runs at sizes up to 100k and one run above: CPU time is what the code
costs even when the shared machine is busy, and the baseline is measured in the
same process beside it.  Peak memory is that process's peak resident set size,
interpreter and imports included.  The second table gives microseconds per line and
growth against linear (1.00 is linear).  ``--check`` also compares, for a sample of
companies, the bulk result with ``beneficial_owners`` one company at a time.

Usage::

    python benchmarks/bench_psc.py                 # 100k and 1M lines
    python benchmarks/bench_psc.py --sizes 10k,100k --check
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from _common import format_bytes, format_size, format_table, parse_sizes, report_child, run_child
from psc_snapshot import generate

_SMALL = 100_000  # up to this many lines, the best of --repeat runs


def _cpu(func: Any) -> tuple[float, Any]:  # noqa: ANN401
    gc.collect()
    start = time.process_time()
    result = func()
    return time.process_time() - start, result


def child(path: Path, repeat: int, *, check: bool) -> None:
    """Measure the file at *path* in this process and print the JSON line."""
    import orgmodel as om  # noqa: PLC0415 - imported in the measuring process only
    from orgmodel.analysis.ownership import beneficial_owners_of_all  # noqa: PLC0415
    from orgmodel.io._psc import read_psc  # noqa: PLC0415

    # imported before any timing (numpy and scipy take a second to import)

    def parse() -> int:
        count = 0
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                json.loads(line)
                count += 1
        return count

    def load() -> om.Organization:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the joint holders' warning
            return read_psc(path)

    parse_s, lines = min(_cpu(parse) for _ in range(repeat))
    load_s, org = _cpu(load)
    for _ in range(repeat - 1):
        del org  # one organisation at a time in memory
        seconds, org = _cpu(load)
        load_s = min(load_s, seconds)
    owners_s, found = _cpu(lambda: beneficial_owners_of_all(org, regime="uk-psc"))
    owners = [o for found_owners in found.values() for o in found_owners]
    checked = 0
    if check:
        rng = random.Random(1)
        held = sorted({s.entity for s in org.stakes})
        for entity in rng.sample(held, min(30, len(held))):
            if om.beneficial_owners(org, entity, regime="uk-psc") != found[entity]:
                msg = f"bulk and one-at-a-time owners differ for {entity}"
                raise AssertionError(msg)
            checked += 1
    report_child(
        {
            "lines": lines,
            "companies": sum(1 for e in org.entities if e.id.startswith("GB-COH-")),
            "stakes": len(org.stakes),
            "parse": parse_s,
            "load": load_s,
            "owners": owners_s,
            "owner_rows": len(owners),
            "certain": sum(1 for o in owners if o.certain),
            "checked": checked,
        }
    )


def main(argv: list[str]) -> None:
    """Run the benchmark and print its tables."""
    if argv[:1] == ["--child"]:
        child(Path(argv[1]), int(argv[2]), check=argv[3] == "1")
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100k,1M", help="lines per snapshot (default 100k,1M)")
    parser.add_argument("--repeat", type=int, default=2, help="runs per step up to 100k lines")
    parser.add_argument("--check", action="store_true", help="compare bulk with one at a time")
    args = parser.parse_args(argv)
    rows, per_line = [], []
    previous: dict[str, float] | None = None
    with tempfile.TemporaryDirectory() as folder:
        for size in parse_sizes(args.sizes):
            path = Path(folder) / f"psc-{size}.txt"
            generate(path, size)
            repeat = args.repeat if size <= _SMALL else 1
            r = run_child(Path(__file__), ["--child", str(path), str(repeat), "1" * args.check])
            path.unlink()
            rows.append(
                [
                    format_size(size),
                    f"{r['companies']:,}",
                    f"{r['stakes']:,}",
                    f"{r['parse']:.2f} s",
                    f"{r['load']:.2f} s ({r['load'] / r['parse']:.2f}x)",
                    f"{r['owners']:.2f} s ({r['owners'] / r['load']:.2f}x load)",
                    f"{r['owner_rows']:,} ({r['certain']:,} certain)",
                    format_bytes(r["peak_rss"]),
                ]
            )
            now = {k: r[k] / r["lines"] * 1e6 for k in ("parse", "load", "owners")}
            growth = (
                ["", "", ""]
                if previous is None
                else [f"{now[k] / previous[k]:.2f}" for k in ("parse", "load", "owners")]
            )
            per_line.append([format_size(size), *(f"{now[k]:.1f} µs" for k in now), *growth])
            previous = now
    print(
        format_table(
            [
                "lines",
                "companies",
                "stakes",
                "json.loads",
                "read_psc (vs json.loads)",
                "uk-psc owners, every company",
                "owners found",
                "peak RSS",
            ],
            rows,
        )
    )
    print()
    print(
        format_table(
            [
                "lines",
                "json.loads / line",
                "read_psc / line",
                "owners / line",
                "growth json.loads",
                "growth read_psc",
                "growth owners",
            ],
            per_line,
        )
    )


if __name__ == "__main__":
    main(sys.argv[1:])
