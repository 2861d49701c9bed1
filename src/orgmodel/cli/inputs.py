"""What the command line reads: files in any format, and options that name ids or charts.

Each helper turns a bad value into a usage error (exit status 2) with the likely fix,
before any work is done; problems inside a file are the library's to report.

Examples
--------
>>> from pathlib import Path
>>> format_of(Path("firm.yml"), None, "--format")
'yaml'
>>> format_of(Path("firm.txt"), "json", "--format")
'json'
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from orgmodel._suggest import did_you_mean
from orgmodel.cli.output import report_warnings, status
from orgmodel.model.exceptions import ShareError, ValidationError
from orgmodel.model.share import Share

if TYPE_CHECKING:
    from orgmodel.model import Organization

__all__ = [
    "FILE",
    "FORMATS",
    "OUT",
    "chart_path",
    "check_id",
    "choose_entity",
    "format_of",
    "fraction",
    "load",
    "load_input",
    "org_chart_path",
    "suffixes",
    "table_options",
]

#: Every format the command line reads and writes: the library's.  Kept literal so
#: that ``--help`` need not import the readers (a test keeps it in step).
FORMATS = ("yaml", "json", "csv", "bods", "graphml", "tsv", "xlsx", "ldif")


def suffixes() -> dict[str, str]:
    """Return file suffix → format name for the formats the library knows."""
    from orgmodel.io._api import CODECS  # noqa: PLC0415

    return {suffix: fmt.value for fmt, codec in CODECS.items() for suffix in codec.suffixes}


def format_of(path: Path, explicit: str | None, option: str) -> str:
    """Return the format to use for *path*: *explicit*, or the one its name says."""
    if explicit is not None:
        return explicit
    from orgmodel.io._api import format_of_path  # noqa: PLC0415 - keeps --help fast

    found = format_of_path(path)
    if found is None:
        known = ", ".join(suffixes())
        msg = (
            f"cannot tell the format of {path.name!r} from its name; "
            f"use a name ending in {known}, or give {option}"
        )
        raise click.BadParameter(msg, param_hint=repr(str(path)))
    return found.value


_READ = "orgmodel.read"  # where table_options keep --column and --sheet in ctx.meta


def _columns(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> None:
    columns: dict[str, str] = {}
    for item in value:
        field, sep, header = item.partition("=")
        if not sep or not field.strip() or not header.strip():
            msg = f"give FIELD=HEADER, as in manager='Supervisor Email' (got {item!r})"
            raise click.BadParameter(msg, ctx, param)
        columns[field.strip()] = header.strip()
    ctx.meta.setdefault(_READ, {})["columns"] = columns or None


def _sheet(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    ctx.meta.setdefault(_READ, {})["sheet"] = value


def table_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--column FIELD=HEADER`` and ``--sheet NAME`` for reading tables."""
    command = click.option(
        "--sheet",
        metavar="NAME",
        expose_value=False,
        callback=_sheet,
        help="The sheet of an Excel workbook to read (default: the first).",
    )(command)
    return click.option(
        "--column",
        "columns",
        metavar="FIELD=HEADER",
        multiple=True,
        expose_value=False,
        callback=_columns,
        help="Read HEADER as FIELD in a table (repeat): --column manager='Supervisor Email'.",
    )(command)


def load(path: Path, fmt: str) -> Organization:
    """Load *path* in format *fmt*, with a progress line on a terminal."""
    context = click.get_current_context(silent=True)
    options = context.meta.get(_READ, {}) if context is not None else {}
    with status(f"Loading {path.name}"):
        import orgmodel as om  # noqa: PLC0415 - keeps --help fast

        return om.load(path, format=fmt, columns=options.get("columns"), sheet=options.get("sheet"))


def load_input(path: Path) -> Organization:
    """Load the FILE argument of an analysis command, reporting its warnings."""
    org = load(path, format_of(path, None, "--format"))
    report_warnings(org, str(path))
    return org


def check_id(org: Organization, node_id: str | None, option: str, kind: str) -> None:
    """Raise a usage error when an option names an id the organisation lacks."""
    if node_id is None:
        return

    found = node_id in org
    if found and kind == "person":
        found = any(p.id == node_id for p in org.people)
    elif found and kind == "entity":
        found = any(e.id == node_id for e in org.entities)
    if not found:
        pool = [p.id for p in org.people] if kind == "person" else [e.id for e in org.entities]
        msg = f"no {kind} {node_id!r} in the file{did_you_mean(node_id, pool)}"
        raise click.BadParameter(msg, param_hint=option)


def chart_path(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """Check that a chart's file name says a format orgmodel can draw."""
    if value is None:
        return None
    from orgmodel.render._backend import output_format  # noqa: PLC0415 - graphviz is slow

    try:
        output_format(value)
    except ValidationError as err:
        raise click.BadParameter(err.problems[0].message, ctx, param) from err
    return value


def org_chart_path(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """Check an org chart's file name: a format Graphviz draws, or an .html page."""
    if value is not None and value.suffix.lower() in {".html", ".htm"}:
        return value
    try:
        return chart_path(ctx, param, value)
    except click.BadParameter as err:
        msg = f"{err.message}, or .html for an interactive page"
        raise click.BadParameter(msg, ctx, param) from err


def fraction(ctx: click.Context, param: click.Parameter, value: str | None) -> float | None:
    """Read a threshold given as 0.25 or 25%."""
    if value is None:
        return None

    try:
        share = Share.parse(value, name="threshold")
    except ShareError as err:
        raise click.BadParameter(str(err), ctx, param) from err
    if not share.is_exact:
        msg = f"a threshold must be one number, not a range (got {value!r})"
        raise click.BadParameter(msg, ctx, param)
    return share.lower


def choose_entity(org: Organization, entity: str | None) -> str:
    """Return the entity an ownership command is about: *entity*, or the focal one."""
    if entity is not None:
        check_id(org, entity, "--entity", "entity")
        return entity
    focal = org.focal
    if focal is None:
        choices = ", ".join(e.id for e in org.entities) or "none in the file"
        msg = f"the file names no focal entity; choose one with --entity ({choices})"
        raise click.UsageError(msg)
    return focal.id


FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


OUT = click.Path(dir_okay=False, writable=True, path_type=Path)
