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

import shutil
import sys
import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import click

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
    "library_warnings",
    "report_error",
    "report_warnings",
    "role_rows",
    "status",
]


def echo_problems(head: str, problems: tuple[Problem, ...]) -> None:
    """Print one readable block of problems to standard error."""
    lines = [head, *(f"  {problem}" for problem in problems)]
    click.echo("\n".join(lines), err=True)


def report_error(err: OrgModelError) -> None:
    """Print *err* to standard error: every problem of a validation error, one per line."""
    if isinstance(err, ValidationError):
        count = len(err.problems)
        head = f"error: {count} problem{'s' if count != 1 else ''}"
        if err.source:
            head += f" in {err.source}"
        echo_problems(head + ":", err.problems)
    else:
        click.echo(f"error: {err}", err=True)


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


def role_rows(org: Organization, roles: Mapping[str, Any], *, full: bool) -> list[list[str]]:
    """One row per person, in file order: the table columns, or all of them for CSV."""
    rows = []
    for person in org.people:
        a = roles[person.id]
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
                    person.id,
                    person.name,
                    label,
                    f"{a.partner_score:.2f}",
                    f"{a.coo_score:.2f}",
                    reason,
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
