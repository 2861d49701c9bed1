"""YAML, read safely: one iterative pass over PyYAML's parser events.

PyYAML's own composer and constructor recurse and expand aliases without limit, so
orgmodel builds the values itself from the parser's event stream, in one pass:

- only the plain YAML types are built (mappings, sequences, strings, integers,
  floats, booleans, null); any other tag (``!!python/object``, ``!!binary``,
  ``!custom``) is refused as ``unsafe-input``;
- aliases are counted: every value's size with its aliases expanded is known when
  it is finished, and a document whose aliases would add more than
  :data:`MAX_ALIAS_VALUES` values ("billion laughs") is refused as soon as they do.
  Values written out count nothing, so a file of any number of people without
  aliases is never refused.  An alias to a value that is not finished yet (a
  recursive structure) is refused too.  An alias shares the anchor's Python object,
  as in PyYAML, so nothing is ever copied;
- integers are decimal (``42``, ``-7``): every other form YAML 1.1 reads as an
  integer (``010`` octal, ``0x1F``, ``0b101``, ``1_000``, ``1:30`` sexagesimal, ``+5``)
  stays text, exactly as written, and so do floats written with ``_`` or ``:``.  An
  id is never silently changed (``id: 010`` is ``"010"``, not ``8``), and no
  integer skips Python's limit of 4,300 digits;
- a lone surrogate written as an escape (``"\ud800"``) is refused, since no file
  can hold it;
- nesting deeper than :data:`MAX_DEPTH` is refused before anything recurses;
- timestamps are **not** resolved: ``2020-01-01`` stays a string, so every loaded
  value can be written back as JSON;
- merge keys (``<<``) are not special: ``<<`` is an ordinary (and unknown) key;
- a key given twice in one mapping is an error, not a silent overwrite;
- the line of every mapping key and sequence item is kept for problem locations.

The parser is libyaml's (``CParser``) when PyYAML was built with it, else the pure
Python one; both only tokenise, so neither can construct anything.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from typing import Any, Final, TypeAlias

import yaml
from yaml import events as ev
from yaml.nodes import ScalarNode

from orgmodel.io._locations import segments
from orgmodel.model.exceptions import ValidationError
from orgmodel.model.problems import Problem, ProblemCode

__all__ = ["MAX_ALIAS_VALUES", "MAX_DEPTH", "Document", "dump_chunks", "dumps", "parse"]

#: The deepest nesting of mappings and sequences accepted.
MAX_DEPTH: Final = 100
#: The most values aliases may add to a document when they are expanded.
MAX_ALIAS_VALUES: Final = 1_000_000

_PREFIX = "tag:yaml.org,2002:"
_STR = _PREFIX + "str"
_INT = _PREFIX + "int"
_FLOAT = _PREFIX + "float"
#: The one form of integer read as a number; YAML 1.1's others stay text.
_DECIMAL = re.compile(r"0|-?[1-9][0-9]*")
_SCALAR_TAGS = frozenset(_PREFIX + t for t in ("str", "int", "float", "bool", "null"))
_DROPPED = frozenset(_PREFIX + t for t in ("timestamp", "merge", "value"))
_MAP_TAGS = frozenset({_PREFIX + "map"})
_SEQ_TAGS = frozenset({_PREFIX + "seq"})

#: A parsed YAML value: null, bool, int, float, str, or lists and dicts of them.
Data: TypeAlias = Any

try:
    _Parser: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _Parser = yaml.SafeLoader


class _Resolver(yaml.resolver.Resolver):
    """YAML 1.1 implicit types without timestamps, merge keys and ``=``."""

    yaml_implicit_resolvers = {  # noqa: RUF012 - PyYAML's class-level table
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in _DROPPED]
        for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
    }


_RESOLVER = _Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
#: First characters of plain scalars that may resolve to something other than text.
_SPECIAL_FIRST = frozenset(k for k, v in _Resolver.yaml_implicit_resolvers.items() if v)


class _AbortError(Exception):
    """Raised inside the composer; becomes a :class:`ValidationError`."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _where(mark: object) -> str:
    line, column = getattr(mark, "line", None), getattr(mark, "column", None)
    if line is None or column is None:
        return ""
    return f"line {line + 1}, column {column + 1}"


def _stop(code: ProblemCode, mark: object, message: str) -> _AbortError:
    return _AbortError(Problem(code, _where(mark), message))


def _check_tag(tag: str, allowed: frozenset[str], mark: object) -> None:
    if tag not in allowed:
        raise _stop(
            ProblemCode.UNSAFE_INPUT,
            mark,
            f"the tag {tag!r} is not allowed: orgmodel files hold plain mappings, lists, "
            "text, numbers, booleans and null",
        )


def _scalar(event: ev.ScalarEvent) -> Data:
    """Build the value of a scalar: text unless its tag or its form says otherwise."""
    value = event.value
    tag = event.tag
    if tag is None or tag == "!":
        implicit = event.implicit
        if not (implicit and implicit[0]) or (value and value[0] not in _SPECIAL_FIRST):
            return value
        tag = _RESOLVER.resolve(ScalarNode, value, implicit)  # type: ignore[no-untyped-call]
    _check_tag(str(tag), _SCALAR_TAGS, event.start_mark)
    if tag == _STR:
        if event.style == '"' and not value.isascii():
            _check_text(value, event.start_mark)
        return value
    if event.implicit[0] and _kept_as_text(tag, value):
        return value
    node = ScalarNode(tag, value)
    try:
        built = _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, node)
    except (ValueError, yaml.YAMLError) as err:
        why = "it has too many digits" if "integer string" in str(err) else str(err)
        raise _stop(
            ProblemCode.WRONG_TYPE, event.start_mark, f"cannot read {value[:40]!r}: {why}"
        ) from err
    if isinstance(built, float) and math.isinf(built) and "inf" not in value.lower():
        raise _stop(
            ProblemCode.WRONG_TYPE, event.start_mark, f"the number {value[:40]!r} is too large"
        )
    return built


def _kept_as_text(tag: str, value: str) -> bool:
    """Whether a plain scalar YAML 1.1 reads as a number is kept as the text written."""
    if tag == _INT:
        return _DECIMAL.fullmatch(value) is None
    return tag == _FLOAT and ("_" in value or ":" in value)


def _check_text(value: str, mark: object) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as err:
        bad = value[err.start : err.end]
        raise _stop(
            ProblemCode.WRONG_TYPE,
            mark,
            f"the text holds the escape {bad!r}, a lone surrogate that no file can hold",
        ) from err


class _Lines:
    """Where the keys or items of one mapping or sequence are, and their own ``_Lines``.

    ``at`` holds the line of each key (a mapping) or item (a sequence); ``inner`` the
    ``_Lines`` of each key or item that is itself a mapping or sequence.  The tree
    runs beside the data, so a path is located without keying anything by ``id()``.
    """

    __slots__ = ("at", "inner")

    def __init__(self, mapping: bool) -> None:  # noqa: FBT001 - private, one call site
        self.at: dict[Any, int] | list[int] = {} if mapping else []
        self.inner: dict[Any, _Lines] = {}


class _Frame:
    """A mapping or sequence being built."""

    __slots__ = ("anchor", "key", "key_line", "line", "lines", "size", "value")

    def __init__(self, value: dict[Any, Any] | list[Any], anchor: str | None, line: int) -> None:
        self.value = value
        self.anchor = anchor
        self.line = line
        self.size = 1
        self.key: Any = _NO_KEY
        self.key_line = 0
        self.lines = _Lines(isinstance(value, dict))


_NO_KEY: Final = object()


def _line(mark: object) -> int:
    line = getattr(mark, "line", 0)
    return line if isinstance(line, int) else 0


class _Composer:
    """Build values from parser events without recursion, within the limits."""

    def __init__(self) -> None:
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Data, int, _Lines | None]] = {}
        self.open_anchors: set[str] = set()
        self.root: Data = None
        self.root_line = 0
        self.root_lines: _Lines | None = None
        self.documents = 0
        self.aliased = 0  # values the aliases so far add when expanded

    def feed(self, event: ev.Event) -> None:
        """Take one parser event."""
        mark = event.start_mark
        if isinstance(event, ev.ScalarEvent):
            value = _scalar(event)
            if event.anchor is not None:
                self.anchors[event.anchor] = (value, 1, None)
            self.attach(value, 1, _line(mark), mark)
        elif isinstance(event, ev.CollectionStartEvent):
            self.open(event)
        elif isinstance(event, ev.CollectionEndEvent):
            frame = self.stack.pop()
            if frame.anchor is not None:
                self.open_anchors.discard(frame.anchor)
                self.anchors[frame.anchor] = (frame.value, frame.size, frame.lines)
            self.attach(frame.value, frame.size, frame.line, mark, frame.lines)
        elif isinstance(event, ev.AliasEvent):
            value, size, lines = self.alias(event)
            self.aliased += size
            if self.aliased > MAX_ALIAS_VALUES:
                raise _stop(
                    ProblemCode.UNSAFE_INPUT,
                    mark,
                    f"aliases expand the document by more than {MAX_ALIAS_VALUES:,} values "
                    "(a 'billion laughs' file?)",
                )
            self.attach(value, size, _line(mark), mark, lines)
        elif isinstance(event, ev.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise _stop(
                    ProblemCode.SYNTAX_ERROR,
                    mark,
                    "the file holds several YAML documents ('---'); keep one",
                )

    def alias(self, event: ev.AliasEvent) -> tuple[Data, int, _Lines | None]:
        """Return the value, expanded size and lines of the anchor *event* refers to."""
        name = str(event.anchor)
        found = self.anchors.get(name)
        if found is not None:
            return found
        if name in self.open_anchors:
            raise _stop(
                ProblemCode.UNSAFE_INPUT, event.start_mark, f"the alias *{name} refers to itself"
            )
        raise _stop(ProblemCode.SYNTAX_ERROR, event.start_mark, f"the alias *{name} is not defined")

    def open(self, event: ev.CollectionStartEvent) -> None:
        """Start a mapping or a sequence."""
        if len(self.stack) >= MAX_DEPTH:
            raise _stop(
                ProblemCode.WRONG_TYPE,
                event.start_mark,
                f"the document nests deeper than {MAX_DEPTH} levels",
            )
        mapping = isinstance(event, ev.MappingStartEvent)
        tag = event.tag
        if tag is not None and tag != "!":
            allowed = _MAP_TAGS if mapping else _SEQ_TAGS
            _check_tag(str(tag), allowed, event.start_mark)
        if event.anchor is not None:
            self.open_anchors.add(event.anchor)
            self.anchors.pop(event.anchor, None)
        self.stack.append(_Frame({} if mapping else [], event.anchor, _line(event.start_mark)))

    def attach(
        self, value: Data, size: int, line: int, mark: object, inner: _Lines | None = None
    ) -> None:
        """Put a finished value (with *inner*, its lines if a container) in place."""
        if not self.stack:
            self.root, self.root_line, self.root_lines = value, line, inner
            return
        frame = self.stack[-1]
        frame.size += size
        container, lines = frame.value, frame.lines
        if isinstance(container, list):
            if inner is not None:
                lines.inner[len(container)] = inner
            container.append(value)
            lines.at.append(line)  # type: ignore[union-attr]
        elif frame.key is _NO_KEY:
            if isinstance(value, dict | list):
                raise _stop(
                    ProblemCode.WRONG_TYPE, mark, "a key must be plain text, not a list or mapping"
                )
            frame.key, frame.key_line = value, line
        else:
            key = frame.key
            if key in container:
                raise _stop(
                    ProblemCode.SYNTAX_ERROR, mark, f"the key {key!r} appears twice in one mapping"
                )
            container[key] = value
            lines.at[key] = frame.key_line
            if inner is not None:
                lines.inner[key] = inner
            frame.key = _NO_KEY


class Document:
    """A parsed YAML document: its data and the line of every key and item."""

    def __init__(self, composer: _Composer | None = None) -> None:
        self.data: Data = composer.root if composer is not None else None
        self._root_line = composer.root_line if composer is not None else 0
        self._root_lines = composer.root_lines if composer is not None else None

    def locate(self, path: str) -> str:
        """Return *path* with the line it is on, e.g. ``people[3].manager (line 14)``."""
        if not path or self.data is None:
            return path
        node, line, lines = self.data, self._root_line, self._root_lines
        for part in segments(path):
            if lines is None:
                break
            if isinstance(node, dict) and isinstance(part, str) and part in node:
                line = lines.at[part]  # type: ignore[call-overload]
            elif isinstance(node, list) and isinstance(part, int) and part < len(node):
                line = lines.at[part]
            else:
                break
            node, lines = node[part], lines.inner.get(part)
        return f"{path} (line {line + 1})"


def parse(text: str, source: str) -> Document:
    """Parse *text* safely into a :class:`Document`.

    Raises
    ------
    ValidationError
        ``syntax-error``, ``unsafe-input`` or ``wrong-type`` with a line and column.
    """
    loader = _Parser(text)
    composer = _Composer()
    try:
        while loader.check_event():
            composer.feed(loader.get_event())
    except _AbortError as err:
        raise ValidationError([err.problem], source=source) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        message = " ".join(x for x in (err.context, err.problem) if x) or "not valid YAML"
        problem = Problem(ProblemCode.SYNTAX_ERROR, _where(mark), message)
        raise ValidationError([problem], source=source) from err
    except yaml.YAMLError as err:
        position = getattr(err, "position", None)
        where = f"character {position}" if position is not None else ""
        problem = Problem(ProblemCode.SYNTAX_ERROR, where, str(err).strip())
        raise ValidationError([problem], source=source) from err
    finally:
        loader.dispose()
    return Document(composer)


_DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _NoAliases(_DUMPER):  # type: ignore[misc]
    """The safe dumper, never writing anchors and aliases."""

    def ignore_aliases(self, data: object) -> bool:  # noqa: ARG002
        return True


_CHUNK = 1000  # records dumped at a time by dump_chunks


def _dump(data: Data) -> str:
    try:
        text: str = yaml.dump(
            data,
            Dumper=_NoAliases,
            sort_keys=False,
            allow_unicode=True,
            default_flow_style=False,
            width=100,
        )
    except UnicodeEncodeError as err:
        bad = err.object[err.start : err.end]
        problem = Problem(
            ProblemCode.WRONG_TYPE,
            "",
            f"the text {err.object[:40]!r} holds {bad!r}, a lone surrogate that no file can hold",
        )
        raise ValidationError([problem]) from err
    return text


def dump_chunks(sections: Iterable[tuple[str, object]]) -> Iterator[str]:
    """Yield a document's block-style YAML text, a few records at a time.

    *sections* gives the top-level keys in order, each with a plain value or an
    iterator of records (a list section).  The text is exactly :func:`dumps`'s of
    the same mapping, but only :data:`_CHUNK` records are ever held as YAML at once,
    so a million people need no more memory than a thousand.

    Examples
    --------
    >>> print("".join(dump_chunks([("organization", "Acme"), ("people", iter([{"id": "a"}]))])))
    organization: Acme
    people:
    - id: a
    <BLANKLINE>
    """
    for key, value in sections:
        if not isinstance(value, Iterator):
            yield _dump({key: value})
            continue
        chunk: list[Data] = []
        started = False
        for record in value:
            if not started:
                yield _key_line(key)
                started = True
            chunk.append(record)
            if len(chunk) == _CHUNK:
                yield _dump(chunk)
                chunk = []
        if chunk:
            yield _dump(chunk)


def _key_line(key: str) -> str:
    """Return ``key:`` as the dumper writes a key whose value is a block sequence."""
    text = _dump({key: [None]})  # "key:\n- null\n"
    return text[: text.index("\n") + 1]


def dumps(data: Data) -> str:
    """Return *data* (plain JSON-compatible values) as block-style YAML text."""
    return _dump(data)
