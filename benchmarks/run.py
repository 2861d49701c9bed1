"""Run every orgmodel benchmark and print their tables.

Usage::

    python benchmarks/run.py                  # every benchmark at its default sizes
    python benchmarks/run.py --quick          # small sizes only (a smoke run)
    python benchmarks/run.py load ownership   # only the named benchmarks

Each ``bench_<name>.py`` beside this file is a standalone script that prints one
table comparing orgmodel with a baseline measured in the same run; this runner
calls them one after another in fresh processes, so peak-memory figures do not
leak from one benchmark into the next.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def available() -> dict[str, Path]:
    """Map each benchmark's name to its script."""
    return {p.stem.removeprefix("bench_"): p for p in sorted(HERE.glob("bench_*.py"))}


def main(argv: list[str] | None = None) -> int:
    """Run the chosen benchmarks; return non-zero when one of them failed."""
    scripts = available()
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument(
        "names",
        nargs="*",
        metavar="NAME",
        help=f"benchmarks to run (default: all of {', '.join(scripts)})",
    )
    parser.add_argument("--quick", action="store_true", help="pass --quick to each benchmark")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.names) - set(scripts))
    if unknown:
        parser.error(f"unknown benchmark(s) {', '.join(unknown)}; choose from {', '.join(scripts)}")
    failed = []
    for name in args.names or list(scripts):
        print(f"\n## {name}\n", flush=True)
        started = time.perf_counter()
        command = [sys.executable, str(scripts[name])] + (["--quick"] if args.quick else [])
        if subprocess.run(command, check=False).returncode != 0:
            failed.append(name)
        print(f"({name}: {time.perf_counter() - started:.0f} s)", flush=True)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
