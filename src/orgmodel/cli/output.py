"""What the command line prints: problem blocks, warnings, progress and role tables.

Problems and warnings go to standard error as one block each, every problem on its own
line with its place in the file; results go to standard output.

Examples
--------
>>> from orgmodel.model.problems import Problem, ProblemCode
>>> from click.testing import CliRunner
>>> import click
>>> @click.command()
... def show():
...     echo_problems(
...         "error: 1 problem in firm.yaml:",
...         (Problem(ProblemCode.SELF_MANAGER, "people[2].manager", "'bob' is his own manager"),),
...     )
>>> print(CliRunner().invoke(show).stderr, end="")
error: 1 problem in firm.yaml:
  people[2].manager: 'bob' is his own manager [self-manager]
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from orgmodel.cli._terminal import printable
from orgmodel.cli.progress import Status
from orgmodel.model.exceptions import (
    BodsExportWarning,
    OrgModelError,
    OrgModelWarning,
    ValidationError,
)

if TYPE_CHECKING:
    from orgmodel.model import Organization
    from orgmodel.model.problems import Problem

__all__ = [
    "CSV_HEADERS",
    "TABLE_HEADERS",
    "echo_problems",
    "fit",
    "json_text",
    "library_warnings",
    "report_error",
    "report_warnings",
    "role_rows",
    "say",
    "status",
    "vacancies_line",
    "write_output",
]

_VACANCIES_SHOWN = 10  # vacant post ids named in the note before "and N more"


def say(text: str) -> None:
    """Print a message for the reader to standard error."""
    click.echo(text, err=True)


def echo_problems(head: str, problems: tuple[Problem, ...]) -> None:
    """Print one readable block of problems to standard error, control characters escaped."""
    lines = [printable(head), *(f"  {printable(str(problem))}" for problem in problems)]
    say("\n".join(lines))


def report_error(err: OrgModelError) -> None:
    """Print *err* to standard error: every problem of a validation error, one per line."""
    if isinstance(err, ValidationError):
        count = len(err.problems)
        head = f"error: {count} problem{'s' if count != 1 else ''}"
        if err.source:
            head += f" in {err.source}"
        echo_problems(head + ":", err.problems)
    else:
        say(f"error: {printable(str(err), keep_lines=True)}")


#: Characters JSON leaves as they are that a terminal acts on or that hide text: DEL,
#: C1 controls, bidirectional and zero-width marks.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def json_text(data: object) -> str:
    r"""Return *data* as indented JSON, with characters a terminal acts on written as escapes.

    The JSON is the same value (``\u202e`` is how JSON writes U+202E), only safe to print.

    Examples
    --------
    >>> json_text({"name": "Eve\u202eevil"})
    '{\n  "name": "Eve\\u202eevil"\n}'
    """
    text = json.dumps(data, indent=2, ensure_ascii=False)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def write_output(
    org: Organization, target: Path | None, fmt: str, *, escape_formulas: bool = True
) -> tuple[Path, ...]:
    """Write *org* in format *fmt* to *target*, or to standard output when it is ``None``.

    Returns the files written.  Every format but CSV streams: a large organisation is
    never held as one text.
    """
    import orgmodel as om  # noqa: PLC0415 - keeps --help fast
    from orgmodel.io._api import CODECS  # noqa: PLC0415
    from orgmodel.io._files import check_text  # noqa: PLC0415

    if target is not None:
        return om.dump(org, target, format=fmt, escape_formulas=escape_formulas)
    codec = CODECS[om.Format(fmt)]
    chunks: Iterable[str]
    if codec.write_chunks is not None:
        chunks = codec.write_chunks(org)
    else:
        chunks = [om.dumps(org, format=fmt, escape_formulas=escape_formulas)]
    for chunk in chunks:
        check_text(chunk, "<standard output>", writing=True)
        sys.stdout.write(chunk)
    return ()


def report_warnings(org: Organization, source: str) -> None:
    """Print the warnings of *org*, read from *source*, to standard error."""
    if org.warnings:
        count = len(org.warnings)
        head = f"warning: {count} warning{'s' if count != 1 else ''} in {source}:"
        echo_problems(head, org.warnings)


@contextmanager
def library_warnings(target: str) -> Iterator[None]:
    """Print the warnings the library gives inside the block to standard error.

    A :class:`~orgmodel.exceptions.BodsExportWarning` becomes a block naming *target*
    and, one per line, what it leaves out; other orgmodel warnings one line each.
    Warnings of other libraries pass through unchanged.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", OrgModelWarning)
        yield
    seen: set[str] = set()
    for found in caught:
        message = found.message
        if str(message) in seen:
            continue  # one analysis after another warns of the same declaration
        seen.add(str(message))
        if isinstance(message, BodsExportWarning):
            lines = [f"warning: BODS cannot carry all of it, so {target} leaves out:"]
            lines.extend(f"  {item}" for item in message.unwritten)
            click.echo("\n".join(lines), err=True)
        elif isinstance(message, OrgModelWarning):
            click.echo(f"warning: {message}", err=True)
        else:
            warnings.warn_explicit(message, found.category, found.filename, found.lineno)


@contextmanager
def status(label: str) -> Iterator[None]:
    """Show a progress line on a terminal while the block runs; silent otherwise."""
    with Status(label, stream=sys.stderr):
        yield


def vacancies_line(vacancies: Sequence[str]) -> str:
    """Say which vacant posts a role table leaves out (they are never classified).

    Examples
    --------
    >>> vacancies_line(["DG002"])
    '1 vacant post is not classified: DG002'
    >>> vacancies_line([f"v{i}" for i in range(12)])
    '12 vacant posts are not classified: v0, v1, v2, v3, v4, v5, v6, v7, v8, v9 and 2 more'
    """
    ids = [printable(v) for v in vacancies]
    shown = ids[:_VACANCIES_SHOWN]
    if len(ids) > len(shown):
        names = f"{', '.join(shown)} and {len(ids) - len(shown)} more"
    else:
        names = " and ".join([", ".join(shown[:-1]), shown[-1]]) if len(shown) > 1 else shown[0]
    many = len(ids) != 1
    return f"{len(ids)} vacant post{'s are' if many else ' is'} not classified: {names}"


def role_rows(
    org: Organization,
    roles: Mapping[str, Any],
    *,
    full: bool,
    only: Iterable[str] | None = None,
) -> list[list[str]]:
    """One row per person assessed (of *only*, if given), in file order: the columns.

    Vacant posts have no assessment (see ``Classification.vacancies``), so no row.

    Table cells are made printable (:func:`~orgmodel.cli._terminal.printable`); CSV
    cells stay exact.
    """
    rows = []
    keep = None if only is None else set(only)
    shown = (lambda text: text) if full else printable
    for person in org.people:
        if keep is not None and person.id not in keep:
            continue
        a = roles.get(person.id)
        if a is None:
            continue
        label = a.label.value
        reason = a.reason.removeprefix(f"{label}: ")
        if full:
            rows.append(
                [
                    person.id,
                    person.name,
                    person.title,
                    label,
                    f"{a.partner_score:.4f}",
                    f"{a.coo_score:.4f}",
                    f"{a.ownership:.4f}",
                    f"{a.focus:.4f}",
                    f"{a.orientation:.4f}",
                    f"{a.stake:.6g}",
                    reason,
                ]
            )
        else:
            rows.append(
                [
                    shown(person.id),
                    shown(person.name),
                    label,
                    f"{a.partner_score:.2f}",
                    f"{a.coo_score:.2f}",
                    shown(reason),
                ]
            )
    return rows


CSV_HEADERS = [
    "id",
    "name",
    "title",
    "label",
    "partner_score",
    "coo_score",
    "ownership",
    "focus",
    "orientation",
    "stake",
    "reason",
]


TABLE_HEADERS = ["id", "name", "label", "partner", "coo", "reason"]


def fit(text: str) -> str:
    """Cut each line of *text* to the terminal's width when stdout is a terminal."""
    if not sys.stdout.isatty():
        return text
    width = shutil.get_terminal_size().columns
    return "\n".join(
        line if len(line) <= width else line[: width - 1] + "…" for line in text.splitlines()
    )
