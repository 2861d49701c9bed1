"""JSON: the standard library parser with duplicate keys, constants and depth refused."""

from __future__ import annotations

import json
from typing import Any, TypeAlias

from orgmodel.exceptions import ValidationError
from orgmodel.problems import Problem, ProblemCode

__all__ = ["MAX_DEPTH", "Data", "dumps", "parse"]

#: A parsed JSON value: null, bool, int, float, str, or lists and dicts of them.
Data: TypeAlias = Any

#: The deepest nesting of objects and arrays accepted (as for YAML).
MAX_DEPTH = 100


class _RefusedError(ValueError):
    """Raised from inside the parser's hooks; turned into a problem."""


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            msg = f"the key {key!r} appears twice in one object"
            raise _RefusedError(msg)
        out[key] = value
    return out


def _constant(name: str) -> float:
    msg = f"{name} is not a JSON value"
    raise _RefusedError(msg)


def _depth(value: object) -> int:
    """Return the nesting depth of *value*, computed without recursion."""
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            children: list[object] = list(item.values())
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in children)
    return deepest


def parse(text: str, source: str) -> Data:
    """Parse JSON *text*; every failure is a :class:`ValidationError` with its place."""
    if not text.strip():
        problem = Problem(ProblemCode.EMPTY_DOCUMENT, "", "the document is empty")
        raise ValidationError([problem], source=source)
    try:
        data = json.loads(text, object_pairs_hook=_pairs, parse_constant=_constant)
    except json.JSONDecodeError as err:
        problem = Problem(
            ProblemCode.SYNTAX_ERROR, f"line {err.lineno}, column {err.colno}", err.msg
        )
        raise ValidationError([problem], source=source) from err
    except RecursionError as err:
        problem = Problem(
            ProblemCode.WRONG_TYPE, "", f"the document nests deeper than {MAX_DEPTH} levels"
        )
        raise ValidationError([problem], source=source) from err
    except ValueError as err:  # our hooks, or an integer too long to read
        message = str(err)
        if "integer string conversion" in message:
            message = "a number has too many digits to read"
        problem = Problem(ProblemCode.SYNTAX_ERROR, "", message)
        raise ValidationError([problem], source=source) from err
    if _depth(data) > MAX_DEPTH:
        problem = Problem(
            ProblemCode.WRONG_TYPE, "", f"the document nests deeper than {MAX_DEPTH} levels"
        )
        raise ValidationError([problem], source=source)
    return data


def dumps(data: Data) -> str:
    """Return *data* as indented JSON text (UTF-8, not ASCII-escaped) ending in a newline."""
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
