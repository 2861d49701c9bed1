"""How fast the command line answers: ``orgmodel --help`` beside a bare interpreter.

Usage::

    python benchmarks/bench_cli.py            # 20 runs of each
    python benchmarks/bench_cli.py --quick    # 5 runs of each

The target (issue 6) is ``orgmodel --help`` in under 0.3 s; the baseline, measured in
the same run, is ``python -c pass``, the least any Python command can cost.  Each
command runs in a fresh process; the table gives the best and the median wall time.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

TARGET_SECONDS = 0.3

COMMANDS: dict[str, list[str]] = {
    "python -c pass (baseline)": [sys.executable, "-c", "pass"],
    "orgmodel --help": [sys.executable, "-m", "orgmodel", "--help"],
    "orgmodel classify --help": [sys.executable, "-m", "orgmodel", "classify", "--help"],
    "import orgmodel": [sys.executable, "-c", "import orgmodel"],
}


def wall_times(command: list[str], runs: int) -> list[float]:
    """Run *command* *runs* times in fresh processes; return the wall times."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main(argv: list[str] | None = None) -> int:
    """Print the table and whether ``orgmodel --help`` meets its target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5 runs instead of 20")
    args = parser.parse_args(argv)
    runs = 5 if args.quick else 20
    rows = {name: wall_times(command, runs) for name, command in COMMANDS.items()}
    baseline = min(rows["python -c pass (baseline)"])
    print(f"{'command':<28} | {'best':>8} | {'median':>8} | {'best / baseline':>15}")
    print(f"{'-' * 28}-+-{'-' * 8}-+-{'-' * 8}-+-{'-' * 15}")
    for name, times in rows.items():
        best, median = min(times), statistics.median(times)
        print(f"{name:<28} | {best:>7.3f}s | {median:>7.3f}s | {best / baseline:>14.2f}x")
    best_help = min(rows["orgmodel --help"])
    verdict = "met" if best_help < TARGET_SECONDS else "MISSED"
    print(f"\norgmodel --help: best {best_help:.3f} s (target < {TARGET_SECONDS} s): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
