"""Peak memory of the largest jobs: converting and drawing a million people.

Usage::

    python benchmarks/bench_memory.py                 # 1M people (about 25 minutes)
    python benchmarks/bench_memory.py --size 100k     # a quicker look
    python benchmarks/bench_memory.py --quick         # 10k people, a smoke run
    python benchmarks/bench_memory.py --size 1M --steps yaml,svg

Each step runs in a fresh process under ``/usr/bin/time -v`` (GNU time, as issue 14
asks; without it, ``os.wait4`` reads the same figure), which reports the peak
resident set size of the process and of every process it waited for, Graphviz
included: the figure is the largest single process, not a sum.  The baseline,
measured in the same run, is loading the same ``people.csv`` and nothing else; the
ratio is each step's peak against it.  The target (issue 14) is every step under
4 GiB at 1M people.

Steps: ``load`` (the baseline), ``yaml``, ``json``, ``csv``, ``graphml`` (``orgmodel
convert people.csv`` to that format) and ``svg`` (``orgmodel chart people.csv -o
chart.svg``: load, classify, lay out, draw).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import format_bytes, format_seconds, format_table, parse_size
from generate import synthetic_spec, write_csv

TARGET_BYTES = 4 << 30
_TIME = Path("/usr/bin/time")
_PEAK = re.compile(r"Maximum resident set size \(kbytes\): (\d+)")
_OUT = {"yaml": "firm.yaml", "json": "firm.json", "csv": "people.csv", "graphml": "firm.graphml"}
_STEPS = ("load", "yaml", "json", "csv", "graphml", "svg")


def _command(step: str, source: Path, out: Path) -> list[str]:
    orgmodel = [sys.executable, "-m", "orgmodel"]
    if step == "load":
        return [sys.executable, "-c", f"import orgmodel as om; om.load({str(source)!r})"]
    if step == "svg":
        return [*orgmodel, "chart", str(source), "-o", str(out / "chart.svg")]
    return [*orgmodel, "convert", str(source), str(out / _OUT[step])]


def measure(command: list[str]) -> tuple[float, int]:
    """Run *command*; return its wall time and the peak RSS of its largest process."""
    start = time.perf_counter()
    if _TIME.exists():
        done = subprocess.run(
            [str(_TIME), "-v", *command], capture_output=True, text=True, check=False
        )
        seconds = time.perf_counter() - start
        if done.returncode != 0:
            msg = f"{' '.join(command)} failed:\n{done.stderr[-2000:]}"
            raise RuntimeError(msg)
        found = _PEAK.search(done.stderr)
        if found is None:
            msg = f"GNU time printed no peak memory:\n{done.stderr[-2000:]}"
            raise RuntimeError(msg)
        return seconds, int(found[1]) * 1024
    with subprocess.Popen(command, stdout=subprocess.DEVNULL) as child:
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        msg = f"{' '.join(command)} failed with status {child.returncode}"
        raise RuntimeError(msg)
    scale = 1 if sys.platform == "darwin" else 1024
    return time.perf_counter() - start, usage.ru_maxrss * scale


def main(argv: list[str] | None = None) -> int:
    """Generate the organisation, run every step, print the table; 1 if a step misses."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1M", help="people (default 1M)")
    parser.add_argument("--quick", action="store_true", help="10k people")
    parser.add_argument("--steps", default=",".join(_STEPS), help="comma-separated steps")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    size = parse_size("10k" if args.quick else args.size)
    steps = ["load", *(s for s in args.steps.split(",") if s and s != "load")]
    work = Path(tempfile.mkdtemp(prefix="orgmodel-bench-memory-"))
    try:
        source = write_csv(synthetic_spec(size, seed=args.seed), work / "in")
        results: dict[str, tuple[float, int]] = {}
        for step in steps:
            out = work / f"out-{step}"
            out.mkdir()
            results[step] = measure(_command(step, source, out))
            shutil.rmtree(out)
            print(f"{step}: {format_bytes(results[step][1])}", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    baseline = results["load"][1]
    rows = [
        [
            step,
            format_seconds(seconds),
            format_bytes(peak),
            f"{peak / baseline:.2f}x",
            "yes" if peak < TARGET_BYTES else "NO",
        ]
        for step, (seconds, peak) in results.items()
    ]
    print(f"{size:,} people; peak RSS of the largest process (/usr/bin/time -v)")
    print(format_table(["step", "time", "peak RSS", "vs load", "under 4 GiB"], rows))
    return 0 if all(peak < TARGET_BYTES for _, peak in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
