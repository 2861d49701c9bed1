"""JSON: the standard parser, refusing duplicate keys, constants, depth and lone surrogates.

Writing streams: :func:`dump_chunks` yields the text a few records at a time, the
same text :func:`dumps` returns.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any, TypeAlias

from orgmodel.model.exceptions import ValidationError
from orgmodel.model.problems import Problem, ProblemCode

__all__ = ["MAX_DEPTH", "Data", "JsonLines", "dump_chunks", "dumps", "parse"]

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
    if _SURROGATE_ESCAPE.search(text) is not None:
        _check_surrogates(data, text, source)
    return data


#: A \u escape of a surrogate; only text holding one can decode to a lone surrogate.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _check_surrogates(data: Data, text: str, source: str) -> None:
    r"""Refuse a string that decoded to a lone surrogate (``"\ud800"``), with its path."""
    stack: list[tuple[str, object]] = [("", data)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                child = f"{path}.{key}" if path else key
                stack.append((child, key))
                stack.append((child, value))
        elif isinstance(item, list):
            stack.extend((f"{path}[{i}]", value) for i, value in enumerate(item))
        elif isinstance(item, str) and not item.isascii():
            try:
                item.encode("utf-8")
            except UnicodeEncodeError as err:
                bad = item[err.start : err.end]
                problem = Problem(
                    ProblemCode.WRONG_TYPE,
                    JsonLines(text).locate(path),
                    f"the text holds the escape {bad!r}, a lone surrogate (half of a pair) "
                    "that no file can hold",
                )
                raise ValidationError([problem], source=source) from err


_INDEXED_DEPTH = 4  # people[3].dotted[0]: deep enough for every path a problem names
_WHITESPACE = frozenset(" \t\r\n")


class JsonLines:
    r"""Find the line of a path in JSON text; the text is scanned on first use only.

    Examples
    --------
    >>> text = '{"people": [\n  {"id": "a",\n   "manager": "b"}]}'
    >>> JsonLines(text).locate("people[0].manager")
    'people[0].manager (line 3)'
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: dict[str, int] | None = None

    def locate(self, path: str) -> str:
        """Return *path* with its line, or the line of its nearest enclosing value."""
        if not path:
            return path
        if self._lines is None:
            self._lines = _index(self._text)
        probe = path
        while probe:
            line = self._lines.get(probe)
            if line is not None:
                return f"{path} (line {line})"
            cut = max(probe.rfind("."), probe.rfind("["))
            probe = probe[:cut] if cut > 0 else ""
        return path


def _index(text: str) -> dict[str, int]:
    """Map the path of every value (to a few levels) to the line it starts on.

    *text* is valid JSON (it parsed), so the scanner only tracks strings, brackets,
    commas and colons.
    """
    lines: dict[str, int] = {}
    stack: list[list[Any]] = []  # [path, is_object, next index or pending key]
    line, i, size = 1, 0, len(text)
    expect_key = False
    while i < size:
        char = text[i]
        if char == "\n":
            line += 1
        elif char == '"':
            end = _string_end(text, i)
            if expect_key:
                stack[-1][2] = json.loads(text[i : end + 1])
                expect_key = False
            else:
                _record(stack, lines, line)
            line += text.count("\n", i, end)
            i = end
        elif char in "{[]},":
            expect_key = _punctuation(char, stack, lines, line)
        elif char not in _WHITESPACE and char != ":":
            _record(stack, lines, line)
            while i + 1 < size and text[i + 1] not in ",]}" and text[i + 1] not in _WHITESPACE:
                i += 1
        i += 1
    return lines


def _punctuation(char: str, stack: list[list[Any]], lines: dict[str, int], line: int) -> bool:
    """Open, close or step through a container; return whether a key comes next."""
    if char in "{[":
        _record(stack, lines, line)
        stack.append([_child_path(stack), char == "{", 0])
        return char == "{"
    if char in "}]":
        stack.pop()
        return False
    if stack and not stack[-1][1]:
        stack[-1][2] += 1
    return bool(stack) and stack[-1][1]


def _string_end(text: str, start: int) -> int:
    i = start + 1
    while True:
        i = text.index('"', i)
        backslashes = 0
        while text[i - 1 - backslashes] == "\\":
            backslashes += 1
        if backslashes % 2 == 0:
            return i
        i += 1


def _child_path(stack: list[list[Any]]) -> str:
    if not stack:
        return ""
    path, is_object, position = stack[-1]
    if is_object:
        return f"{path}.{position}" if path else str(position)
    return f"{path}[{position}]"


def _record(stack: list[list[Any]], lines: dict[str, int], line: int) -> None:
    if stack and len(stack) <= _INDEXED_DEPTH:
        lines.setdefault(_child_path(stack), line)


def dumps(data: Data) -> str:
    """Return *data* as indented JSON text (UTF-8, not ASCII-escaped) ending in a newline."""
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


_CHUNK = 1000  # records encoded at a time by dump_chunks
_ITEM_INDENT = " " * 4


def _encode(value: Data) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, allow_nan=False)


def dump_chunks(sections: Iterable[tuple[str, object]]) -> Iterator[str]:
    """Yield a JSON object's indented text a few records at a time.

    *sections* gives the keys in order, each with a plain value or an iterator of
    records (a list).  The text is exactly :func:`dumps`'s of the same object.

    Examples
    --------
    >>> chunks = dump_chunks([("organization", "Acme"), ("people", iter([{"id": "a"}]))])
    >>> "".join(chunks) == dumps({"organization": "Acme", "people": [{"id": "a"}]})
    True
    """
    opened = False
    for key, value in sections:
        head = ("{\n" if not opened else ",\n") + "  " + _encode(key) + ": "
        opened = True
        if not isinstance(value, Iterator):
            yield head + _encode(value).replace("\n", "\n  ")
            continue
        items: list[str] = []
        first = True
        for record in value:
            items.append(_ITEM_INDENT + _encode(record).replace("\n", "\n" + _ITEM_INDENT))
            if len(items) == _CHUNK:
                yield (head + "[\n" if first else ",\n") + ",\n".join(items)
                items, first = [], False
        if first and not items:
            yield head + "[]"
        elif not items:
            yield "\n  ]"
        else:
            yield (head + "[\n" if first else ",\n") + ",\n".join(items) + "\n  ]"
    yield "{}\n" if not opened else "\n}\n"
