r"""Parse one JSON value a line with the C scanner of :mod:`json`, without its wrappers.

``json.loads`` checks its argument's type, builds a decoder call, matches a
whitespace regular expression before and after the value and then calls the C
scanner; on a line of a few hundred bytes the wrappers cost as much as the scan.
:func:`line_parser` returns a function that calls the scanner of a
:class:`json.JSONDecoder` directly (``JSONDecoder.scan_once``, the C
``make_scanner`` object ``JSONDecoder.raw_decode`` itself uses) and accepts the
value only when nothing but white space surrounds it; anything else — a syntax
error, trailing data, leading white space — goes through ``json.loads``, so the
result and every error are exactly ``json.loads``'s.  Measured on 50,000 lines of
the synthetic PSC snapshot of ``benchmarks/psc_snapshot.py`` (CPU seconds, best of
15 alternating runs, 2026-12-01, a shared 2-core machine): 0.294 s through
``json.loads``, 0.236 s through the scanner (1.25x); the PSC reader parses every line
this way.  With speed-ups off (see :mod:`orgmodel._speed`) the function is
``json.loads``.

Examples
--------
>>> parse = line_parser()
>>> parse('{"a": [1, 2.5, null]}\n')
{'a': [1, 2.5, None]}
>>> parse('{"a": 1} trailing')
Traceback (most recent call last):
...
json.decoder.JSONDecodeError: Extra data: line 1 column 10 (char 9)
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from orgmodel._speed import enabled

__all__ = ["line_parser"]

_ENABLED = enabled("json_lines")
_SPACE = " \t\n\r"


def line_parser() -> Callable[[str], Any]:
    """Return a function that parses one line of JSON text as ``json.loads`` does."""
    loads = json.loads
    if not _ENABLED:
        return loads
    scan = json.JSONDecoder().scan_once  # type: ignore[attr-defined]

    def parse(line: str) -> Any:  # noqa: ANN401 - any JSON value
        try:
            value, end = scan(line, 0)
        except (StopIteration, ValueError, RecursionError):
            return loads(line)  # the same error json.loads gives, or its result
        if end == len(line) or not line[end:].strip(_SPACE):
            return value
        return loads(line)

    return parse
