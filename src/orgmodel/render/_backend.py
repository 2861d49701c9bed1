"""Writing charts to files: DOT source without Graphviz, SVG/PNG/PDF with it.

Every file is written atomically: output goes to a temporary file in the target
directory, which replaces the target only once it is complete.  A failed or
interrupted render leaves nothing behind, and one killed outright (SIGKILL) leaves a
partial file that the next write into the folder removes (:mod:`orgmodel._atomic`).

The Graphviz process never outlives orgmodel: on Linux it is started with
``prctl(PR_SET_PDEATHSIG, SIGKILL)``, so the kernel kills it when the thread that
started it dies, however that happens; elsewhere (and as well) an exception in
orgmodel — Ctrl-C, or SIGTERM in the command line — kills it on the way out.  A
Graphviz crash (a chart too large or too wide for it) is reported with the size of
the drawing and what to try instead.
"""

from __future__ import annotations

import ctypes
import enum
import functools
import inspect
import os
import shutil
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path

import graphviz

from orgmodel._atomic import atomic_path, write_chunks_atomically
from orgmodel._partials import partial_path
from orgmodel._suggest import did_you_mean
from orgmodel.model.exceptions import (
    GraphvizNotFoundError,
    OrgModelError,
    RenderError,
    ValidationError,
)
from orgmodel.model.problems import Problem, ProblemCode
from orgmodel.render._tiles import draw_svg_in_tiles, tileable

__all__ = [
    "INSTALL_HINT",
    "OutputFormat",
    "check_options",
    "child_dies_with_parent",
    "describe_drawing",
    "find_executable",
    "output_format",
    "run_graphviz",
    "write_chart",
]

INSTALL_HINT = (
    "install Graphviz with `sudo apt-get install graphviz` (Debian, Ubuntu), "
    "`brew install graphviz` (macOS) or `conda install -c conda-forge graphviz`, "
    "see https://graphviz.org/download/ — or write the DOT source with a .dot path"
)


class OutputFormat(enum.Enum):
    """The file formats a chart can be written in, chosen by the file's extension."""

    SVG = "svg"
    PNG = "png"
    PDF = "pdf"
    DOT = "dot"


_SUFFIXES = {
    ".svg": OutputFormat.SVG,
    ".png": OutputFormat.PNG,
    ".pdf": OutputFormat.PDF,
    ".dot": OutputFormat.DOT,
    ".gv": OutputFormat.DOT,
}


def output_format(path: str | os.PathLike[str]) -> OutputFormat:
    """Return the format for *path*'s extension (``.svg .png .pdf .dot .gv``).

    Raises
    ------
    ValidationError
        For any other extension, listing the supported ones.

    Examples
    --------
    >>> output_format("chart.SVG")
    <OutputFormat.SVG: 'svg'>
    >>> output_format("chart.gv")
    <OutputFormat.DOT: 'dot'>
    >>> output_format("chart.jpg")
    Traceback (most recent call last):
    ...
    orgmodel.exceptions.ValidationError: 1 problem:
      - path: cannot write a chart as '.jpg' — use one of .svg, .png, .pdf, .dot, .gv ...
    """
    suffix = Path(path).suffix.lower()
    found = _SUFFIXES.get(suffix)
    if found is None:
        allowed = ", ".join(_SUFFIXES)
        shown = repr(suffix) if suffix else "a file without an extension"
        msg = f"cannot write a chart as {shown} — use one of {allowed}"
        raise ValidationError([Problem(ProblemCode.UNKNOWN_VALUE, "path", msg)])
    return found


def check_options(options: Mapping[str, object], function: Callable[..., object]) -> None:
    """Raise a ValidationError for an option *function* does not take, with a suggestion.

    Examples
    --------
    >>> def chart(org, *, depth=None): ...
    >>> check_options({"dept": 1}, chart)
    Traceback (most recent call last):
    ...
    orgmodel.exceptions.ValidationError: 1 problem:
      - dept: unknown option 'dept' — did you mean 'depth'? ...
    """
    allowed = [
        name
        for name, p in inspect.signature(function).parameters.items()
        if p.kind in {p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD} and name != "org"
    ]
    problems = [
        Problem(ProblemCode.UNKNOWN_KEY, key, f"unknown option {key!r}{did_you_mean(key, allowed)}")
        for key in options
        if key not in allowed
    ]
    if problems:
        raise ValidationError(problems)


def find_executable(name: str = "dot") -> str:
    """Return the path of the Graphviz executable *name*.

    Raises
    ------
    GraphvizNotFoundError
        When it is not on ``PATH``; the message gives the install command.

    Examples
    --------
    >>> find_executable("no-such-tool")
    Traceback (most recent call last):
    ...
    orgmodel.exceptions.GraphvizNotFoundError: the Graphviz executable 'no-such-tool' is not ...
    """
    found = shutil.which(name)
    if found is None:
        msg = f"the Graphviz executable {name!r} is not on PATH — {INSTALL_HINT}"
        raise GraphvizNotFoundError(msg)
    return found


def write_chart(graph: graphviz.Digraph, path: str | os.PathLike[str]) -> Path:
    r"""Write *graph* to *path* in the format its extension names, atomically.

    ``.dot`` and ``.gv`` write the DOT source and need no Graphviz executables;
    ``.svg``, ``.png`` and ``.pdf`` run Graphviz.

    Raises
    ------
    ValidationError
        For an unsupported extension.
    FileAccessError
        When the directory is missing or the file cannot be written.
    GraphvizNotFoundError
        When rendering needs Graphviz and it is not installed.
    RenderError
        When Graphviz fails.

    Examples
    --------
    >>> import graphviz, tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "g.dot"
    >>> write_chart(graphviz.Digraph(), target).read_text()
    'digraph {\n}\n'
    """
    target = Path(path)
    fmt = output_format(target)
    if fmt is OutputFormat.DOT:
        write_chunks_atomically(target, graph)  # line by line: never one big string
        return target
    executable = find_executable(graph.engine)

    def failed(done: subprocess.CompletedProcess[bytes]) -> RenderError:
        detail = done.stderr.decode("utf-8", "replace").strip()
        return RenderError(_failure(graph, target, done.returncode, detail))

    with atomic_path(target) as temp:
        try:
            if fmt is OutputFormat.SVG and tileable(graph):
                with temp.open("wb") as out:
                    draw_svg_in_tiles(
                        graph,
                        executable,
                        out,
                        scratch=lambda: partial_path(temp),
                        run=run_graphviz,
                        failed=failed,
                    )
                return target
            done = run_graphviz(
                [executable, f"-T{fmt.value}", "-o", str(temp)], graph.source.encode("utf-8")
            )
        except OSError as err:
            if isinstance(err, OrgModelError):
                raise
            msg = f"could not run Graphviz {executable!r}: {err} — {INSTALL_HINT}"
            raise GraphvizNotFoundError(msg) from err
        if done.returncode != 0:
            raise failed(done)
    return target


def run_graphviz(args: list[str], source: bytes) -> subprocess.CompletedProcess[bytes]:
    """Run Graphviz on *source*, capturing its output; it dies if orgmodel does."""
    return subprocess.run(  # noqa: S603 - an executable found on PATH, no shell
        args,
        input=source,
        capture_output=True,
        check=False,
        preexec_fn=child_dies_with_parent(),
    )


_SHOWN_DETAIL = 400  # characters of Graphviz's own message shown


def _failure(graph: graphviz.Digraph, target: Path, code: int, detail: str) -> str:
    """Say what went wrong with Graphviz, with what it was drawing when it crashed."""
    said = detail[:_SHOWN_DETAIL] + ("…" if len(detail) > _SHOWN_DETAIL else "")
    if code > 0:
        return f"Graphviz failed to write {target.name} (exit {code}): {said}"
    try:
        how = signal.Signals(-code).name
    except ValueError:
        how = f"signal {-code}"
    return (
        f"Graphviz ({graph.engine}) crashed ({how}) while drawing {target.name}, "
        f"{describe_drawing(graph)}: it cannot draw a chart this large or this wide. "
        "Draw part of it — a smaller depth or one person's part (--depth N, --root ID on "
        "the command line; depth=, root= in Python) — or use the interactive HTML chart, "
        f"which has no such limit.  Graphviz said: {said or 'nothing'}"
    )


def describe_drawing(graph: graphviz.Digraph) -> str:
    """Say how big the drawing of *graph* is: its nodes, edges and widest fan-out.

    Examples
    --------
    >>> import graphviz
    >>> g = graphviz.Digraph()
    >>> for i in range(3):
    ...     g.edge("boss", f"r{i}")
    >>> describe_drawing(g)
    "a drawing of 0 nodes and 3 edges, 3 of them from 'boss'"
    """
    nodes = edges = 0
    fan: Counter[str] = Counter()
    for line in graph.body:
        text = line.strip()
        if " -> " in text:
            edges += 1
            fan[text.split(" -> ", 1)[0].strip('"')] += 1
        elif text[:1] == '"' or (text[:1].isalnum() and "[" in text):
            nodes += 1
    widest = ""
    if fan:
        source, count = fan.most_common(1)[0]
        widest = f", {count:,} of them from {source!r}"
    return f"a drawing of {nodes:,} nodes and {edges:,} edges{widest}"


def child_dies_with_parent() -> Callable[[], None] | None:
    """Return a ``preexec_fn`` that makes a child process die with its parent (Linux).

    The child asks the kernel (``prctl(PR_SET_PDEATHSIG, SIGKILL)``) to be killed
    when the thread that started it dies, then checks that its parent has not died
    already.  ``None`` where there is no ``prctl``: exceptions still kill the child
    (``subprocess.run`` does on the way out).

    Examples
    --------
    >>> import sys
    >>> (child_dies_with_parent() is not None) == sys.platform.startswith("linux")
    True
    """
    prctl = _prctl()
    if prctl is None:
        return None
    parent = os.getpid()

    def die_with_parent() -> None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)

    return die_with_parent


_PR_SET_PDEATHSIG = 1


@functools.cache
def _prctl() -> Callable[[int, int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        function: Callable[[int, int], int] = libc.prctl
    except (OSError, AttributeError):  # pragma: no cover - a libc without prctl
        return None
    return function
