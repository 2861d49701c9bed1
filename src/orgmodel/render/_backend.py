"""Writing charts to files: DOT source without Graphviz, SVG/PNG/PDF with it.

Every file is written atomically: output goes to a temporary file in the target
directory, which replaces the target only once it is complete. A failed render
leaves nothing behind.
"""

from __future__ import annotations

import enum
import inspect
import os
import shutil
import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path

import graphviz

from orgmodel._atomic import atomic_path
from orgmodel._suggest import did_you_mean
from orgmodel.model.exceptions import (
    GraphvizNotFoundError,
    RenderError,
    ValidationError,
)
from orgmodel.model.problems import Problem, ProblemCode

__all__ = [
    "INSTALL_HINT",
    "OutputFormat",
    "check_options",
    "find_executable",
    "output_format",
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
    source = graph.source.encode("utf-8")
    if fmt is OutputFormat.DOT:
        with atomic_path(target) as temp:
            temp.write_bytes(source)
        return target
    executable = find_executable(graph.engine)
    with atomic_path(target) as temp:
        try:
            done = subprocess.run(  # noqa: S603 - fixed arguments, no shell
                [executable, f"-T{fmt.value}", "-o", str(temp)],
                input=source,
                capture_output=True,
                check=False,
            )
        except OSError as err:
            msg = f"could not run Graphviz {executable!r}: {err} — {INSTALL_HINT}"
            raise GraphvizNotFoundError(msg) from err
        if done.returncode != 0:
            detail = done.stderr.decode("utf-8", "replace").strip()
            msg = f"Graphviz failed to write {target.name} (exit {done.returncode}): {detail}"
            raise RenderError(msg)
    return target
