"""Speed tricks, one module each, each with a public-API fallback.

Every module here buys a measured speed-up by doing something the plain public API
would do more slowly: pausing the garbage collector (:mod:`.gc_pause`), writing
networkx's adjacency dicts directly (:mod:`.adjacency`), a plain-function type
check in place of attrs' validator classes (:mod:`.instance_of`).  Each says what it
buys, in figures measured with ``benchmarks/``, and each falls back to the public
API when :data:`ENABLED` is false: set the environment variable
``ORGMODEL_NO_SPEEDUPS=1`` before importing orgmodel to run everything the plain
way (the test suite compares both).  Nothing here changes process-wide state
without restoring it, and nothing does so in a way that races between threads.
"""

from __future__ import annotations

import os

__all__ = ["ENABLED"]

#: False when ``ORGMODEL_NO_SPEEDUPS`` is set (to anything but ``""`` or ``0``):
#: every trick then takes its public-API fallback.
ENABLED: bool = os.environ.get("ORGMODEL_NO_SPEEDUPS", "") in {"", "0"}
