"""The one check of free ``attributes`` values: JSON values that every format can hold.

An attribute value must be what JSON, YAML, CSV's ``:json`` cells and GraphML's JSON
attributes all read back equal, so :func:`json_problem` refuses, without recursion
and in time linear in the number of distinct objects:

- anything but ``None``, ``bool``, ``int``, finite ``float``, ``str``, ``list`` and
  ``dict`` with string keys;
- a list or mapping that contains itself (a cycle: no file can hold it, and walking
  it never ends);
- nesting deeper than :data:`MAX_DEPTH` levels (the file readers refuse documents
  deeper than 100 levels, and a record's attributes sit 3 levels down);
- more than :data:`MAX_VALUES` values once shared lists and mappings are written out
  as often as they occur (``a = [b, b]; b = [c, c] ...`` doubles at each level, so
  60 levels would write 2**60 values);
- integers with more than :data:`MAX_DIGITS` digits (Python refuses to turn them
  into text, so no writer could write them).

Text that UTF-8 cannot encode (a lone surrogate) is the readers' and writers'
business: they check whole documents at once, which costs far less than a check of
every string here.

Shared objects that stay within the limits are fine: the YAML reader shares the
object of an anchor with every alias to it, as PyYAML does.

Examples
--------
>>> json_problem({"email": "ann@example.com", "desk": [1, {"floor": 3}]}) is None
True
>>> loop = []
>>> loop.append(loop)
>>> json_problem({"x": loop})
'a list or mapping contains itself (a cycle), which no file can hold'
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Final

__all__ = ["MAX_DEPTH", "MAX_DIGITS", "MAX_VALUES", "json_problem"]

#: The deepest nesting of an attributes mapping (the mapping itself is level 1).
MAX_DEPTH: Final = 64
#: The most values the attributes of one record may hold, shared objects counted as
#: often as they occur.
MAX_VALUES: Final = 1_000_000
#: The most decimal digits of an integer (Python's default text-conversion limit).
MAX_DIGITS: Final = 4300
# An integer needs more than MAX_DIGITS digits only when it has more bits than this.
_SAFE_BITS: Final = int(MAX_DIGITS * math.log2(10)) - 1


def _scalar_problem(item: object) -> str | None:
    if item is None or isinstance(item, bool):
        return None
    if isinstance(item, str):
        return None
    if isinstance(item, int):
        if _int_too_long(item):
            return f"an integer with more than {MAX_DIGITS:,} digits cannot be written"
        return None
    if isinstance(item, float):
        return None if math.isfinite(item) else f"{item!r} is not a finite number"
    return f"{item!r} (a {type(item).__name__}) is not a JSON value"


def _int_too_long(item: int) -> bool:
    if item.bit_length() <= _SAFE_BITS:
        return False
    try:
        return len(str(abs(item))) > MAX_DIGITS
    except ValueError:  # over the interpreter's own limit, which may be lower
        return True


def _is_plain_map(value: dict[object, object]) -> bool:
    """Whether *value* maps text to text, small integers, booleans or None."""
    for key, item in value.items():
        if type(key) is not str:
            return False
        if type(item) is not str and (
            item is not None
            and type(item) is not bool
            and (type(item) is not int or item.bit_length() > _SAFE_BITS)
        ):
            return False
    return True


class _Frame:
    """A list or mapping being walked: its children left, its depth, what it holds."""

    __slots__ = ("children", "container", "depth", "height", "values")

    def __init__(self, container: list[object] | dict[object, object], depth: int) -> None:
        self.container = container
        self.children: Iterator[object] = iter(
            container.values() if isinstance(container, dict) else container
        )
        self.depth = depth
        self.values = 1  # itself, then everything under it
        self.height = 1  # levels from it down to its deepest value

    def add(self, values: int, height: int) -> None:
        """Count a finished child holding *values* values over *height* levels."""
        self.values += values
        self.height = max(self.height, height + 1)


def json_problem(
    value: object, *, max_depth: int = MAX_DEPTH, max_values: int = MAX_VALUES
) -> str | None:
    """Say what in *value* is not a JSON value every format can hold, or ``None``.

    Parameters
    ----------
    value : object
        An attributes mapping, or any value inside one.
    max_depth : int
        The deepest nesting allowed; *value* itself is level 1.
    max_values : int
        The most values allowed once shared objects are counted as often as they occur.

    Returns
    -------
    str or None
        The first problem found, as a phrase for a message; ``None`` when all is well.

    Examples
    --------
    >>> json_problem({"n": float("nan")})
    'nan is not a finite number'
    >>> deep = {}
    >>> for _ in range(100):
    ...     deep = {"d": deep}
    >>> json_problem(deep)
    'the values nest deeper than 64 levels'
    """
    if type(value) is dict and _is_plain_map(value):  # most records: nothing nested
        return None
    if not isinstance(value, list | dict):
        return _scalar_problem(value)
    # Depth first with an explicit stack.  A finished container's (values, height) is
    # kept by id, so a shared one is walked once however often it occurs.
    walk = _Walk(max_depth, max_values)
    problem = walk.enter(value, 1)
    while problem is None and walk.stack:
        problem = walk.step()
    return problem


class _Walk:
    """The state of one :func:`json_problem` walk."""

    def __init__(self, max_depth: int, max_values: int) -> None:
        self.max_depth = max_depth
        self.max_values = max_values
        self.done: dict[int, tuple[int, int]] = {}
        self.keep: list[object] = []  # finished containers, alive so their ids stay theirs
        self.on_path: set[int] = set()
        self.stack: list[_Frame] = []

    def enter(self, container: list[object] | dict[object, object], depth: int) -> str | None:
        """Push *container*; return a problem with it (a cycle, depth, a bad key) instead."""
        if id(container) in self.on_path:
            return "a list or mapping contains itself (a cycle), which no file can hold"
        if depth > self.max_depth:
            return _too_deep(self.max_depth)
        if isinstance(container, dict):
            for key in container:
                if not isinstance(key, str):
                    return f"key {key!r} is not a string"
        self.on_path.add(id(container))
        self.stack.append(_Frame(container, depth))
        return None

    def step(self) -> str | None:
        """Take the next child of the innermost container; return a problem found."""
        frame = self.stack[-1]
        child = next(frame.children, _END)
        problem: str | None = None
        if child is _END:
            self.stack.pop()
            self.on_path.discard(id(frame.container))
            self.done[id(frame.container)] = (frame.values, frame.height)
            self.keep.append(frame.container)
            if self.stack:
                self.stack[-1].add(frame.values, frame.height)
        elif isinstance(child, list | dict):
            finished = self.done.get(id(child))
            if finished is None:
                problem = self.enter(child, frame.depth + 1)
            elif frame.depth + finished[1] > self.max_depth:
                problem = _too_deep(self.max_depth)
            else:
                frame.add(*finished)
        else:
            problem = _scalar_problem(child)
            frame.values += 1
        if problem is None and frame.values > self.max_values:
            problem = _too_many(self.max_values)
        return problem


_END: Final = object()


def _too_deep(max_depth: int) -> str:
    return f"the values nest deeper than {max_depth} levels"


def _too_many(max_values: int) -> str:
    return (
        f"the values expand to more than {max_values:,} once shared lists and mappings "
        "are written out"
    )
