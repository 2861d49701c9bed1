"""The ``orgmodel`` click group and its commands (see :mod:`orgmodel.cli`)."""

from __future__ import annotations

import errno
import sys
from pathlib import Path
from typing import Any

import click

from orgmodel import __version__
from orgmodel.cli._process import Interrupted, guard_streams, output_failed, signals_raise
from orgmodel.cli._terminal import printable
from orgmodel.cli.inputs import (
    FILE,
    FORMATS,
    OUT,
    chart_path,
    check_id,
    choose_entity,
    format_of,
    fraction,
    load,
    load_input,
    org_chart_path,
    table_options,
)
from orgmodel.cli.output import (
    CSV_HEADERS,
    TABLE_HEADERS,
    fit,
    json_text,
    library_warnings,
    report_error,
    report_warnings,
    role_rows,
    say,
    status,
    vacancies_line,
    write_output,
)
from orgmodel.cli.tables import format_csv, format_table
from orgmodel.model.exceptions import OrgModelError

__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "FORMATS", "main"]

EXIT_OK = 0
"""Everything went well."""
EXIT_PROBLEMS = 1
"""The input has problems (or a file could not be written or rendered)."""
EXIT_USAGE = 2
"""The command was used wrongly: a missing file, an unknown option or value."""


# -- presentation -------------------------------------------------------------------


class _Group(click.Group):
    """A group that turns library errors into a problem block and exit status 1.

    It also runs as a well-behaved process (:mod:`orgmodel.cli._process`): a signal
    is one line and status 128 + its number, output that cannot be written is one
    line and status 1.
    """

    def invoke(self, ctx: click.Context) -> Any:  # noqa: ANN401 - whatever the command returns
        try:
            return super().invoke(ctx)
        except OrgModelError as err:
            report_error(err)
            ctx.exit(EXIT_PROBLEMS)

    def main(self, *args: Any, **kwargs: Any) -> Any:  # noqa: ANN401 - click's signature
        guard_streams()
        with signals_raise():
            try:
                try:
                    return super().main(*args, **kwargs)
                finally:
                    sys.stdout.flush()  # a full disk shows here, not at the interpreter's exit
            except Interrupted as err:
                say(f"orgmodel: {err}")
                sys.exit(err.status)
            except OSError as err:
                if isinstance(err, OrgModelError):
                    raise
                if err.errno != errno.EPIPE:
                    say(output_failed(err, sys.stdout))
                sys.exit(EXIT_PROBLEMS)


# -- shared helpers -----------------------------------------------------------------


# -- the commands -------------------------------------------------------------------


@click.group(
    cls=_Group,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="Run 'orgmodel COMMAND --help' for the options and an example of each command.",
)
@click.version_option(version=__version__, prog_name="orgmodel")
def main() -> None:
    """Model who owns, who runs and who reports to whom — and tell partners from COOs.

    \b
    Examples:
      orgmodel demo                        # the bundled example firm, charts included
      orgmodel validate firm.yaml          # check a file; problems listed with places
      orgmodel classify firm.yaml          # who is partner-like, who is COO-like, and why

    Exit status: 0 all well, 1 problems in the input, 2 usage errors.
    """


@main.command()
@click.argument("file", type=FILE)
@table_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="Read FILE as this format instead of guessing from its name.",
)
@click.option("--strict", is_flag=True, help="Treat warnings as problems (exit status 1).")
def validate(file: Path, fmt: str | None, *, strict: bool) -> None:
    """Check FILE and summarise it; list every problem with its place.

    FILE is YAML, JSON, CSV (people.csv, with stakes.csv beside it), BODS JSON,
    GraphML, or the data people have: an HR export or org-chart tool's table (CSV,
    TSV, Excel), a directory dump or a UK organogram, columns found by themselves.
    Warnings (several roots, unknown tags, unallocated shares) are printed but do not
    fail the check unless --strict is given; the note saying which column of a table
    was read as what never fails it.

    \b
    Example:
      orgmodel validate firm.yaml
      firm.yaml: ok — 6 people, 2 entities, 5 units, 3 stakes, 2 relationships, 6 reporting lines
    """
    org = load(file, format_of(file, fmt, "--format"))
    report_warnings(org, str(file))
    counts = dict(org.summary())
    counts.pop("warnings", None)
    parts = ", ".join(f"{n} {what}" for what, n in counts.items())
    click.echo(f"{printable(str(file))}: ok — {parts}")
    # What a reader detected in an HR export is a note, not a problem with the data.
    if strict and any(w.code.value != "columns-detected" for w in org.warnings):
        sys.exit(EXIT_PROBLEMS)


_NO_ESCAPE = click.option(
    "--no-escape-formulas",
    "no_escape",
    is_flag=True,
    help="CSV: write cells starting with = + - @ as they are, without the ' that keeps "
    "spreadsheets from running them as formulas.",
)


@main.command()
@click.argument("source", type=FILE)
@table_options
@click.argument("target", type=OUT)
@click.option(
    "--from",
    "from_fmt",
    type=click.Choice(FORMATS),
    help="Read SOURCE as this format instead of guessing from its name.",
)
@click.option(
    "--to",
    "to_fmt",
    type=click.Choice(FORMATS),
    help="Write TARGET as this format instead of guessing from its name.",
)
@_NO_ESCAPE
def convert(
    source: Path, target: Path, from_fmt: str | None, to_fmt: str | None, *, no_escape: bool
) -> None:
    """Convert SOURCE to TARGET, each format chosen by its file name.

    Formats: YAML (.yaml, .yml), JSON (.json), CSV (people.csv), BODS JSON (.bods.json)
    and GraphML (.graphml); SOURCE may also be an HR export or org-chart tool's table
    (.csv, .tsv, .xlsx), a directory dump, a UK organogram or a Companies House PSC
    snapshot (JSON lines, .txt/.jsonl/.json, told by its content).  TARGET is written
    atomically; SOURCE is never modified.  TARGET - is standard output (give --to).  In
    CSV, cells a spreadsheet would run as formulas get a leading ' (orgmodel reads them
    back without it).

    \b
    Examples:
      orgmodel convert firm.yaml firm.json
      orgmodel convert people.csv firm.yaml
      orgmodel convert hr.xlsx firm.yaml --column manager="Supervisor Email"
      orgmodel convert firm.yaml firm.graphml     # for Gephi, yEd or Cytoscape
      orgmodel convert firm.yaml owners.bods.json     # BODS 0.4 statements
      orgmodel convert psc-snapshot.txt register.yaml  # a PSC snapshot
      orgmodel convert firm.yaml - --to json | jq .people
    """
    to_stdout = str(target) == "-"
    if to_stdout and to_fmt is None:
        msg = "give --to with TARGET - (standard output): its name says no format"
        raise click.UsageError(msg)
    if not to_stdout and target.resolve() == source.resolve():
        msg = "TARGET is SOURCE; orgmodel never overwrites its input"
        raise click.BadParameter(msg, param_hint="TARGET")
    out_fmt = format_of(target, to_fmt, "--to", reading=False)
    org = load(source, format_of(source, from_fmt, "--from"))
    report_warnings(org, str(source))
    with library_warnings(str(target)), status(f"Writing {target.name}"):
        written = write_output(
            org, None if to_stdout else target, out_fmt, escape_formulas=not no_escape
        )
    for path in written:
        say(f"wrote {printable(str(path))}")


@main.command(short_help="Print the JSON Schema of the file format.")
@click.option(
    "-o",
    "--output",
    type=OUT,
    help="Write the schema to this file instead of standard output (- is standard output).",
)
def schema(output: Path | None) -> None:
    """Print the JSON Schema (draft 2020-12) of the YAML/JSON file format.

    Point an editor at it for completion and checking: put this first line in a
    YAML file (the YAML language server reads it):

    \b
      # yaml-language-server: $schema=./organization.schema.json

    \b
    Example:
      orgmodel schema -o organization.schema.json
    """
    from orgmodel._atomic import write_text_atomically  # noqa: PLC0415
    from orgmodel.schema import schema_text  # noqa: PLC0415

    text = schema_text()
    if output is None or str(output) == "-":
        click.echo(text, nl=not text.endswith("\n"))
    else:
        write_text_atomically(output, text)
        say(f"wrote {printable(str(output))}")


_TABLE_FORMATS = click.Choice(["table", "json", "csv"])


@main.command()
@click.argument("file", type=FILE)
@table_options
@click.option(
    "--format",
    "out_fmt",
    type=_TABLE_FORMATS,
    default="table",
    show_default=True,
    help="table for reading, json (with all the evidence) or csv for spreadsheets.",
)
@click.option(
    "--label",
    "labels",
    multiple=True,
    type=click.Choice(["partner-like", "coo-like", "hybrid", "neither"]),
    help="Show only people with this label (repeat for several).",
)
@_NO_ESCAPE
def classify(file: Path, out_fmt: str, labels: tuple[str, ...], *, no_escape: bool) -> None:
    """Say who is partner-like, COO-like, hybrid or neither in FILE, and why.

    Each person gets a label, a partner score and a COO score in [0, 1], and a one-line
    reason; --format json adds every piece of evidence, each naming its axis.  Vacant
    posts are nobody, so they get no label: a note above the table names them.

    \b
    Examples:
      orgmodel classify firm.yaml
      orgmodel classify firm.yaml --label partner-like --label hybrid
      orgmodel classify firm.yaml --format csv > roles.csv
      orgmodel classify export.csv              # an HR export, columns detected

    In CSV, cells a spreadsheet would run as formulas get a leading ' (see
    --no-escape-formulas); on a terminal, control characters are shown as escapes.
    """
    org = load_input(file)
    import orgmodel as om  # noqa: PLC0415 - keeps --help fast

    with status(f"Classifying {len(org.people)} people"):
        roles = om.classify(org)
    wanted = [pid for pid, a in roles.items() if not labels or a.label.value in labels]
    for problem in roles.warnings:  # above the table; on stderr beside JSON and CSV
        click.echo(f"warning: {problem.message}", err=out_fmt != "table")
    if roles.vacancies:
        click.echo(f"note: {vacancies_line(roles.vacancies)}", err=out_fmt != "table")
    if out_fmt == "json":
        data = [roles[pid].to_dict() for pid in wanted]
        click.echo(json_text(data))
        return
    rows = role_rows(org, roles, full=out_fmt == "csv", only=wanted)
    if out_fmt == "csv":
        text = format_csv(CSV_HEADERS, rows, escape_formulas=not no_escape)
        click.echo(printable(text, keep_lines=True) if sys.stdout.isatty() else text, nl=False)
    else:
        click.echo(fit(format_table(TABLE_HEADERS, rows, align_right=[3, 4])))


@main.command()
@click.argument("file", type=FILE)
@table_options
@click.option(
    "-o",
    "--output",
    type=OUT,
    required=True,
    callback=org_chart_path,
    help="The chart file: .html (an interactive page), .svg, .png or .pdf (rendered), "
    "or .gv/.dot (DOT source).",
)
@click.option("--root", metavar="ID", help="Draw only the part under this person.")
@click.option(
    "--depth",
    type=click.IntRange(min=0),
    metavar="N",
    help="Draw at most N levels below the top (or below --root).",
)
@click.option(
    "--color-by",
    type=click.Choice(["role", "employment", "unit", "none"]),
    default="role",
    show_default=True,
    help="What the colour of a box tells.",
)
@click.option(
    "--pages",
    type=click.Choice(["one", "teams"]),
    default="one",
    show_default=True,
    help="PDF only: 'teams' writes an org book, one page per team, with page references.",
)
@click.option(
    "--percent-digits",
    type=click.IntRange(0, 6),
    default=1,
    show_default=True,
    metavar="N",
    help="Decimals of the percentages shown (35.1% with 1).",
)
def chart(
    file: Path,
    *,
    output: Path,
    root: str | None,
    depth: int | None,
    color_by: str,
    pages: str,
    percent_digits: int,
) -> None:
    """Draw the org chart of FILE, coloured by role, into OUTPUT.

    Partner-like, COO-like, hybrid and other members are told apart by colour, with a
    legend; dotted lines are drawn in their own colour.  Large organisations are laid
    out in linear time.  An .html file is an interactive page (search, expand and
    collapse, zoom, the evidence behind every label on click) that needs no network.
    Rendering SVG, PNG or PDF needs the Graphviz executables; .gv and .dot do not.

    \b
    Examples:
      orgmodel chart firm.yaml -o chart.svg
      orgmodel chart firm.yaml -o chart.html
      orgmodel chart firm.yaml -o book.pdf --pages teams
      orgmodel chart firm.yaml -o operations.png --root carol --depth 2
    """
    suffix = output.suffix.lower()
    if pages == "teams" and suffix != ".pdf":
        msg = f"--pages teams writes a PDF org book: name the output .pdf (got {output.name})"
        raise click.UsageError(msg)
    if pages == "teams" and depth is not None:
        msg = "--pages teams puts every team in the book: leave out --depth"
        raise click.UsageError(msg)
    org = load_input(file)
    check_id(org, root, "--root", "person")
    import orgmodel as om  # noqa: PLC0415

    roles = None
    if color_by == "role" or suffix in {".html", ".htm"}:
        with status(f"Classifying {len(org.people)} people"):
            roles = om.classify(org)
    with status(f"Drawing {output.name}"):
        if suffix in {".html", ".htm"}:
            page = om.interactive_chart(
                org,
                root=root,
                depth=depth,
                color_by=color_by,
                roles=roles,
                percent_digits=percent_digits,
            )
            page.save(output)
        elif pages == "teams":
            om.render_org_book(
                org,
                output,
                root=root,
                color_by=color_by,
                roles=roles,
                percent_digits=percent_digits,
            )
        else:
            om.render_org_chart(
                org,
                output,
                root=root,
                depth=depth,
                color_by=color_by,
                roles=roles,
                percent_digits=percent_digits,
            )
    click.echo(f"wrote {output}", err=True)


_REGIMES = click.Choice(["uk-psc", "eu-amlr", "us-cta"])


@main.command()
@click.argument("file", type=FILE)
@table_options
@click.option("--entity", metavar="ID", help="The entity to look at (default: the focal entity).")
@click.option(
    "--regime",
    type=_REGIMES,
    help="Beneficial-ownership rules: UK PSC register, EU AMLR or US CTA "
    "(default: 25% or more, multiplicative look-through).",
)
@click.option(
    "--threshold",
    callback=fraction,
    metavar="FRACTION",
    help="Threshold without a regime, as 0.25 or 25%.  [default: 25%]",
)
@click.option(
    "-o",
    "--output",
    type=OUT,
    callback=chart_path,
    help="Also draw the ownership chart into this file (.svg, .png, .pdf, .gv).",
)
@click.option(
    "--format",
    "out_fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="table for reading or json for programs.",
)
def ownership(
    file: Path,
    *,
    entity: str | None,
    regime: str | None,
    threshold: float | None,
    output: Path | None,
    out_fmt: str,
) -> None:
    """Show who owns an entity in FILE in the end, and who its beneficial owners are.

    Ownership is looked through holding companies, funds and trusts, cross-holdings
    included; each beneficial owner is listed with the chains that make them one.

    \b
    Examples:
      orgmodel ownership firm.yaml
      orgmodel ownership firm.yaml --entity acme --regime uk-psc -o owners.svg
      orgmodel ownership register.json --regime eu-amlr --format json
    """
    if regime is not None and threshold is not None:
        msg = "give either --regime (which sets its own threshold) or --threshold, not both"
        raise click.UsageError(msg)
    org = load_input(file)
    target = choose_entity(org, entity)
    from orgmodel.cli.ownership import ownership_report  # noqa: PLC0415 - scipy is slow

    with library_warnings(str(file)), status(f"Looking through the owners of {target}"):
        report = ownership_report(org, target, regime=regime, threshold=threshold)
    if out_fmt == "json":
        click.echo(json_text(report.to_dict()))
    else:
        click.echo(report.text())
    if output is not None:
        import orgmodel as om  # noqa: PLC0415

        with status(f"Drawing {output.name}"):
            om.render_ownership_chart(org, output, entity=target)
        say(f"wrote {printable(str(output))}")


@main.command()
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("orgmodel-demo"),
    show_default=True,
    help="Directory for the charts (created if missing).",
)
def demo(out_dir: Path) -> None:
    """Show orgmodel on its bundled example, a 40-person law firm.

    Loads Acme Partners LLP, prints who is partner-like, COO-like, hybrid or neither
    with a one-line reason each, and writes the org chart and the ownership chart.

    \b
    Example:
      orgmodel demo --out acme-charts
    """
    from orgmodel.cli.demo import run_demo  # noqa: PLC0415

    run_demo(out_dir, echo=lambda text: click.echo(fit(text)), status=status)
