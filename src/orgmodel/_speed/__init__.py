"""Speed tricks, one module each, each with a public-API fallback.

Every module here buys a measured speed-up by doing something the plain public API
would do more slowly: pausing the garbage collector (:mod:`.gc_pause`), writing
networkx's adjacency dicts directly (:mod:`.adjacency`), a plain-function type
check in place of attrs' validator classes (:mod:`.instance_of`).  Each says what it
buys, in figures measured with ``benchmarks/``, and each falls back to the public
API when it is switched off: set the environment variable ``ORGMODEL_NO_SPEEDUPS``
before importing orgmodel to ``1`` (every trick off) or to a comma-separated list of
trick names (``gc_pause,adjacency``).  The test suite compares both paths, and
``benchmarks/bench_speedups.py`` measures what each trick buys.  Nothing here changes
process-wide state without restoring it, and nothing does so in a way that races
between threads.

Examples
--------
>>> enabled("gc_pause") in (True, False)
True
"""

from __future__ import annotations

import os

__all__ = ["TRICKS", "enabled"]

#: The names of the tricks, one module each.
TRICKS = ("adjacency", "gc_pause", "instance_of")

_OFF = {name.strip() for name in os.environ.get("ORGMODEL_NO_SPEEDUPS", "").split(",")}


def enabled(name: str) -> bool:
    """Whether the trick *name* is on: not listed in ``ORGMODEL_NO_SPEEDUPS``, nor all off."""
    return not ({"1", "all"} & _OFF or name in _OFF)
