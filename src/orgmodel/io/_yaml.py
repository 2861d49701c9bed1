"""YAML, read safely: an iterative composer over PyYAML's events.

PyYAML's own composer and constructor recurse and expand aliases without limit, so
orgmodel builds the node graph itself from the parser's event stream:

- only the plain YAML types are built (mappings, sequences, strings, integers,
  floats, booleans, null); any other tag (``!!python/object``, ``!!binary``,
  ``!custom``) is refused as ``unsafe-input``;
- aliases are counted: the size of the document with every alias expanded is
  computed on the node graph with memoisation, and a document that would expand to
  more than :data:`MAX_NODES` values ("billion laughs") is refused, as is an alias
  to a node that is not finished yet (a recursive structure);
- nesting deeper than :data:`MAX_DEPTH` is refused before anything recurses;
- timestamps are **not** resolved: ``2020-01-01`` stays a string, so every loaded
  value can be written back as JSON;
- merge keys (``<<``) are not special: ``<<`` is an ordinary (and unknown) key;
- a key given twice in one mapping is an error, not a silent overwrite.

The parser is libyaml's (``CParser``) when PyYAML was built with it, else the pure
Python one; both only tokenise, so neither can construct anything.
"""

from __future__ import annotations

import math
from typing import Any, TypeAlias, cast

import yaml
from yaml import events as ev
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from orgmodel.exceptions import ValidationError
from orgmodel.io._locations import segments
from orgmodel.problems import Problem, ProblemCode

__all__ = ["MAX_DEPTH", "MAX_NODES", "dumps", "parse"]

#: The deepest nesting of mappings and sequences accepted.
MAX_DEPTH = 100
#: The most values a document may hold once every alias is expanded.
MAX_NODES = 2_000_000

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_SCALAR_TAGS = frozenset({_STR, _INT, _FLOAT, _BOOL, _NULL})
_DROPPED = frozenset(
    {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"}
)

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


class _Abort(Exception):  # noqa: N818 - internal control flow, never escapes
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _where(mark: object) -> str:
    line, column = getattr(mark, "line", None), getattr(mark, "column", None)
    if line is None or column is None:
        return ""
    return f"line {line + 1}, column {column + 1}"


def _mark(event: ev.Event) -> yaml.error.Mark | None:
    # libyaml's marks have the same line and column attributes as PyYAML's.
    return cast("yaml.error.Mark | None", event.start_mark)


def _stop(code: ProblemCode, mark: object, message: str) -> _Abort:
    return _Abort(Problem(code, _where(mark), message))


def _tag_of(event: ev.NodeEvent, kind: type[Node]) -> str:
    tag = getattr(event, "tag", None)
    if tag is None or tag == "!":
        if kind is ScalarNode:
            value, implicit = getattr(event, "value", ""), getattr(event, "implicit", None)
            return str(_RESOLVER.resolve(ScalarNode, value, implicit))  # type: ignore[no-untyped-call]
        return _SEQ if kind is SequenceNode else _MAP
    allowed = _SCALAR_TAGS if kind is ScalarNode else {_SEQ if kind is SequenceNode else _MAP}
    if tag not in allowed:
        raise _stop(
            ProblemCode.UNSAFE_INPUT,
            event.start_mark,
            f"the tag {tag!r} is not allowed: orgmodel files hold plain mappings, lists, "
            "text, numbers, booleans and null",
        )
    return str(tag)


class _Frame:
    """A mapping or sequence being composed."""

    __slots__ = ("anchor", "key", "node")

    def __init__(self, node: SequenceNode | MappingNode, anchor: str | None) -> None:
        self.node = node
        self.anchor = anchor
        self.key: Node | None = None


class _Composer:
    """Build the node graph from parser events without recursion."""

    def __init__(self) -> None:
        self.stack: list[_Frame] = []
        self.anchors: dict[str, Node] = {}
        self.open_anchors: set[str] = set()
        self.root: Node | None = None
        self.documents = 0

    def feed(self, event: ev.Event) -> None:
        """Take one parser event."""
        node: Node | None = None
        if isinstance(event, ev.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise _stop(
                    ProblemCode.SYNTAX_ERROR,
                    event.start_mark,
                    "the file holds several YAML documents ('---'); keep one",
                )
        elif isinstance(event, ev.AliasEvent):
            node = self.alias(event)
        elif isinstance(event, ev.ScalarEvent):
            node = ScalarNode(_tag_of(event, ScalarNode), event.value, _mark(event))
            if event.anchor is not None:
                self.anchors[event.anchor] = node
        elif isinstance(event, ev.CollectionStartEvent):
            self.open(event)
        elif isinstance(event, ev.CollectionEndEvent):
            frame = self.stack.pop()
            node = frame.node
            if frame.anchor is not None:
                self.open_anchors.discard(frame.anchor)
                self.anchors[frame.anchor] = node
        if node is not None:
            self.attach(node)

    def alias(self, event: ev.AliasEvent) -> Node:
        name = str(event.anchor)
        node = self.anchors.get(name)
        if node is not None:
            return node
        if name in self.open_anchors:
            raise _stop(
                ProblemCode.UNSAFE_INPUT, event.start_mark, f"the alias *{name} refers to itself"
            )
        raise _stop(ProblemCode.SYNTAX_ERROR, event.start_mark, f"the alias *{name} is not defined")

    def open(self, event: ev.CollectionStartEvent) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise _stop(
                ProblemCode.WRONG_TYPE,
                event.start_mark,
                f"the document nests deeper than {MAX_DEPTH} levels",
            )
        container: SequenceNode | MappingNode
        if isinstance(event, ev.SequenceStartEvent):
            container = SequenceNode(_tag_of(event, SequenceNode), [], _mark(event))
        else:
            container = MappingNode(_tag_of(event, MappingNode), [], _mark(event))
        if event.anchor is not None:
            self.open_anchors.add(event.anchor)
            self.anchors.pop(event.anchor, None)
        self.stack.append(_Frame(container, event.anchor))

    def attach(self, node: Node) -> None:
        if not self.stack:
            self.root = node
            return
        frame = self.stack[-1]
        if isinstance(frame.node, SequenceNode):
            frame.node.value.append(node)
        elif frame.key is None:
            frame.key = node
        else:
            frame.node.value.append((frame.key, node))
            frame.key = None


def _compose(text: str) -> Node | None:
    """Build the node graph of the single document in *text*, iteratively and bounded."""
    loader = _Parser(text)
    composer = _Composer()
    try:
        while loader.check_event():
            composer.feed(loader.get_event())
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        message = " ".join(x for x in (err.context, err.problem) if x) or "not valid YAML"
        raise _stop(ProblemCode.SYNTAX_ERROR, mark, message) from err
    except yaml.YAMLError as err:
        position = getattr(err, "position", None)
        where = f"character {position}" if position is not None else ""
        raise _Abort(Problem(ProblemCode.SYNTAX_ERROR, where, str(err).strip())) from err
    finally:
        loader.dispose()
    return composer.root


def _check_size(root: Node) -> None:
    """Refuse a document whose alias expansion would exceed :data:`MAX_NODES` values."""
    sizes: dict[int, int] = {}
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if key in sizes and not done:
            continue
        children = _children(node)
        if done:
            total = 1 + sum(sizes[id(child)] for child in children)
            if total > MAX_NODES:
                raise _stop(
                    ProblemCode.UNSAFE_INPUT,
                    node.start_mark,
                    f"aliases expand the document to more than {MAX_NODES:,} values "
                    "(a 'billion laughs' file?)",
                )
            sizes[key] = total
            continue
        stack.append((node, True))
        stack.extend((child, False) for child in children if id(child) not in sizes)


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _scalar(node: ScalarNode) -> Data:
    tag = node.tag
    if tag == _STR:
        return node.value
    try:
        value = _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, node)
    except (ValueError, yaml.YAMLError) as err:
        why = "it has too many digits" if "integer string" in str(err) else str(err)
        raise _stop(
            ProblemCode.WRONG_TYPE, node.start_mark, f"cannot read {node.value[:40]!r}: {why}"
        ) from err
    if (
        isinstance(value, float)
        and math.isinf(value)
        and tag == _FLOAT
        and "inf" not in node.value.lower()
    ):
        raise _stop(
            ProblemCode.WRONG_TYPE, node.start_mark, f"the number {node.value[:40]!r} is too large"
        )
    return value


def _construct(root: Node) -> Data:
    """Turn the node graph into Python values, iteratively; shared nodes stay shared."""
    built: dict[int, Any] = {}
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if isinstance(node, ScalarNode):
            if key not in built:
                built[key] = _scalar(node)
            continue
        if not done:
            if key in built:
                continue
            stack.append((node, True))
            stack.extend((child, False) for child in _children(node) if id(child) not in built)
            continue
        if key in built:
            continue
        if isinstance(node, SequenceNode):
            built[key] = [built[id(child)] for child in node.value]
        elif isinstance(node, MappingNode):
            built[key] = _mapping(node, built)
    return built[id(root)]


def _mapping(node: MappingNode, built: dict[int, Any]) -> dict[Any, Any]:
    out: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            raise _stop(
                ProblemCode.WRONG_TYPE,
                key_node.start_mark,
                "a key must be plain text, not a list or mapping",
            )
        key = built[id(key_node)]
        if key in out:
            raise _stop(
                ProblemCode.SYNTAX_ERROR,
                key_node.start_mark,
                f"the key {key!r} appears twice in one mapping",
            )
        out[key] = built[id(value_node)]
    return out


class Document:
    """A parsed YAML document: its data and the node graph for line numbers."""

    def __init__(self, data: Data, root: Node | None) -> None:
        self.data = data
        self.root = root

    def locate(self, path: str) -> str:
        """Return *path* with the line it is on, e.g. ``people[3].manager (line 14)``."""
        node = self.root
        line: int | None = None if node is None else node.start_mark.line
        for part in segments(path):
            found = _step(node, part)
            if found is None:
                break
            node, line = found
        return f"{path} (line {line + 1})" if path and line is not None else path


def _step(node: Node | None, part: str | int) -> tuple[Node, int] | None:
    if isinstance(part, int) and isinstance(node, SequenceNode) and part < len(node.value):
        child = node.value[part]
        return child, child.start_mark.line
    if isinstance(part, str) and isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value == part:
                return value_node, key_node.start_mark.line
    return None


def parse(text: str, source: str) -> Document:
    """Parse *text* safely into a :class:`Document`.

    Raises
    ------
    ValidationError
        ``syntax-error``, ``unsafe-input`` or ``wrong-type`` with a line and column.
    """
    try:
        root = _compose(text)
        if root is None:
            return Document(None, None)
        _check_size(root)
        data = _construct(root)
    except _Abort as err:
        raise ValidationError([err.problem], source=source) from None
    return Document(data, root)


_DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _NoAliases(_DUMPER):  # type: ignore[misc]
    """The safe dumper, never writing anchors and aliases."""

    def ignore_aliases(self, data: object) -> bool:  # noqa: ARG002
        return True


def dumps(data: Data) -> str:
    """Return *data* (plain JSON-compatible values) as block-style YAML text."""
    text: str = yaml.dump(
        data,
        Dumper=_NoAliases,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
    return text
