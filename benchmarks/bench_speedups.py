"""Benchmark: what each speed trick in ``orgmodel._speed`` buys, measured in one run.

For each size, fresh processes build the same synthetic organisation and time

- ``build``: constructing and validating the ``Organization`` from its records (the
  ``instance_of`` validators run about ten times per person);
- ``to_networkx`` (the ``adjacency`` fill and the ``gc_pause``);
- ``from_networkx`` (the ``gc_pause``);

once with every trick on, and once with each trick switched off through
``ORGMODEL_NO_SPEEDUPS`` (the public-API fallback), then with all of them off.  The
ratio is the fallback's time over the time with every trick on: what the trick buys.
Times are CPU seconds of the child, the best of ``--repeat`` runs, the configurations
alternating so that load on a shared machine falls on all alike.

Usage::

    python benchmarks/bench_speedups.py              # 100k and 1M people
    python benchmarks/bench_speedups.py --quick      # 10k and 100k
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from _common import format_size, format_table, parse_sizes

HERE = Path(__file__).resolve().parent
CONFIGS = ("", "instance_of", "adjacency", "gc_pause", "1")
STEPS = ("build", "to_networkx", "from_networkx")


def child(size: int) -> None:
    """Time the steps in this process and print them as one JSON line."""
    sys.path.insert(0, str(HERE))
    import orgmodel as om  # noqa: PLC0415 - after the environment is set
    from generate import organization_from_spec, synthetic_spec  # noqa: PLC0415

    spec = synthetic_spec(size, seed=1)
    times: dict[str, float] = {}
    start = time.process_time()
    org = organization_from_spec(spec)
    times["build"] = time.process_time() - start
    start = time.process_time()
    graph = om.to_networkx(org)
    times["to_networkx"] = time.process_time() - start
    start = time.process_time()
    back = om.from_networkx(graph)
    times["from_networkx"] = time.process_time() - start
    assert back == org  # noqa: S101 - a benchmark that measured a wrong result is worthless
    print(json.dumps(times))


def measure(size: int, config: str) -> dict[str, float]:
    """Run :func:`child` in a fresh process with ``ORGMODEL_NO_SPEEDUPS=config``."""
    env = {**os.environ, "ORGMODEL_NO_SPEEDUPS": config}
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(size)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=parse_sizes, default=None, help="e.g. 100k,1M")
    parser.add_argument("--repeat", type=int, default=2, help="runs per configuration")
    parser.add_argument("--quick", action="store_true", help="10k and 100k")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child)
        return
    sizes = args.sizes or ([10_000, 100_000] if args.quick else [100_000, 1_000_000])
    rows = []
    for size in sizes:
        best: dict[str, dict[str, float]] = {}
        for _ in range(args.repeat):
            for config in CONFIGS:
                found = measure(size, config)
                known = best.setdefault(config, found)
                for step in STEPS:
                    known[step] = min(known[step], found[step])
        base = best[""]
        for config in CONFIGS:
            label = {"": "all tricks on", "1": "all tricks off"}.get(config, f"{config} off")
            cells = [format_size(size), label]
            for step in STEPS:
                seconds = best[config][step]
                ratio = seconds / base[step] if base[step] else float("nan")
                cells.append(f"{seconds:.2f} s ({ratio:.2f}x)")
            rows.append(cells)
    print(format_table(["people", "configuration", *STEPS], rows))
    print("\nCPU seconds, best of", args.repeat, "runs; (ratio to all tricks on).")


if __name__ == "__main__":
    main()
