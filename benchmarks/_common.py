"""Helpers the benchmark scripts share: sizes, timing, peak memory and tables.

Timing is wall time (``time.perf_counter``), the best of *repeat* runs.  Peak memory
is the peak resident set size of a **fresh process** that runs one pipeline, read
with ``resource.getrusage(RUSAGE_SELF).ru_maxrss`` at its end: it includes the
interpreter and imports (about 60 MiB), is what the operating system must provide,
and cannot leak from one measurement into the next.  :func:`run_child` starts such
a process and reads the JSON line it prints (:func:`report_child`).
"""

from __future__ import annotations

import gc
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

__all__ = [
    "best_of",
    "format_bytes",
    "format_seconds",
    "format_size",
    "format_table",
    "parse_size",
    "parse_sizes",
    "peak_rss",
    "report_child",
    "run_child",
]

_T = TypeVar("_T")
_SCALES = {"k": 1_000, "m": 1_000_000}
_KIB = 1024
_MACOS_RSS_IN_BYTES = sys.platform == "darwin"


def parse_size(text: str) -> int:
    """Read a size such as ``2500``, ``10k`` or ``1M`` (case-insensitive).

    Examples
    --------
    >>> parse_size("10k"), parse_size("1M"), parse_size("2.5k"), parse_size("300")
    (10000, 1000000, 2500, 300)
    """
    cleaned = text.strip().lower().replace("_", "")
    scale = _SCALES.get(cleaned[-1:], 1)
    digits = cleaned[:-1] if scale != 1 else cleaned
    try:
        value = float(digits) * scale
    except ValueError:
        msg = f"not a size: {text!r} (use a number such as 2500, 10k or 1M)"
        raise ValueError(msg) from None
    if value < 1:
        msg = f"a size must be at least 1 (got {text!r})"
        raise ValueError(msg)
    return round(value)


def parse_sizes(text: str) -> list[int]:
    """Read a comma-separated list of sizes.

    Examples
    --------
    >>> parse_sizes("10k,100k,1M")
    [10000, 100000, 1000000]
    """
    return [parse_size(part) for part in text.split(",") if part.strip()]


def format_size(n: int) -> str:
    """Write a size compactly.

    Examples
    --------
    >>> format_size(10_000), format_size(1_000_000), format_size(2_500)
    ('10k', '1M', '2.5k')
    """
    for suffix, scale in (("M", 1_000_000), ("k", 1_000)):
        if n >= scale:
            return f"{n / scale:g}{suffix}"
    return str(n)


def format_seconds(seconds: float) -> str:
    """Write a duration with three significant figures.

    Examples
    --------
    >>> format_seconds(0.01234), format_seconds(12.345)
    ('12.3 ms', '12.3 s')
    """
    if seconds < 1:
        return f"{seconds * 1000:.3g} ms"
    return f"{seconds:.3g} s"


def format_bytes(n: float) -> str:
    """Write a number of bytes in MiB or GiB.

    Examples
    --------
    >>> format_bytes(3 * 2**30), format_bytes(200 * 2**20)
    ('3.00 GiB', '200 MiB')
    """
    if n >= 2**30:
        return f"{n / 2**30:.2f} GiB"
    return f"{n / 2**20:.0f} MiB"


def best_of(repeat: int, func: Callable[[], _T]) -> tuple[float, _T]:
    """Run *func* *repeat* times; return the best wall time and the last result.

    Each result is dropped (and garbage collected) before the next run, so runs do
    not add up in memory.

    Examples
    --------
    >>> seconds, value = best_of(3, lambda: sum(range(1000)))
    >>> value, seconds >= 0
    (499500, True)
    """
    if repeat < 1:
        msg = f"repeat must be at least 1 (got {repeat})"
        raise ValueError(msg)
    gc.collect()
    start = time.perf_counter()
    result = func()
    best = time.perf_counter() - start
    for _ in range(repeat - 1):
        del result
        gc.collect()
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    return best, result


def peak_rss() -> int:
    """Return this process's peak resident set size so far, in bytes.

    Examples
    --------
    >>> peak_rss() > 0
    True
    """
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak if _MACOS_RSS_IN_BYTES else peak * _KIB)


def report_child(results: dict[str, Any]) -> None:
    """Print *results* and this process's peak memory as the JSON line run_child reads."""
    print(json.dumps({**results, "peak_rss": peak_rss()}), flush=True)


def run_child(script: Path, arguments: Sequence[str]) -> dict[str, Any]:
    """Run ``python script *arguments`` in a fresh process; return its JSON report.

    Raises
    ------
    RuntimeError
        When the child fails; its error output is included.
    """
    done = subprocess.run(
        [sys.executable, str(script), *arguments],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        msg = f"{script.name} {' '.join(arguments)} failed:\n{done.stderr}"
        raise RuntimeError(msg)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def format_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Return an aligned text table: the first column left-aligned, the rest right.

    Examples
    --------
    >>> print(format_table(["step", "time"], [["load", "1.2 s"], ["graph", "30 ms"]]))
    step  |  time
    ------+------
    load  | 1.2 s
    graph | 30 ms
    """
    cells = [[str(h) for h in headers], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        parts = [
            row[i].ljust(widths[i]) if i == 0 else row[i].rjust(widths[i]) for i in range(len(row))
        ]
        return " | ".join(parts).rstrip()

    rule = "-+-".join("-" * w for w in widths)
    return "\n".join([line(cells[0]), rule, *(line(row) for row in cells[1:])])
