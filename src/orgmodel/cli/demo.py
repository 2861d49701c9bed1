"""``orgmodel demo``: the bundled example firm, classified and drawn.

Imported only by that command.
"""

from __future__ import annotations

import shlex
import shutil
import sys
from collections import Counter
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import orgmodel as om
from orgmodel._atomic import write_text_atomically
from orgmodel.cli._terminal import printable
from orgmodel.cli.tables import format_table
from orgmodel.examples import example_text
from orgmodel.model.exceptions import FileAccessError, GraphvizNotFoundError

__all__ = ["run_demo"]

_ORDER = ("partner-like", "hybrid", "coo-like", "neither")


def run_demo(
    out_dir: Path,
    *,
    echo: Callable[[str], object],
    status: Callable[[str], AbstractContextManager[None]],
) -> list[Path]:
    """Classify the bundled example, print the table and write its charts into *out_dir*.

    Parameters
    ----------
    out_dir : Path
        Directory for the charts; created when missing.
    echo : callable
        Prints one block of text for the reader.
    status : callable
        Returns a context manager that shows progress while a step runs.

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    FileAccessError
        When *out_dir* cannot be made or written (read-only, under ``/proc``).

    Examples
    --------
    >>> import contextlib, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp())
    >>> lines = []
    >>> written = run_demo(out, echo=lines.append, status=lambda _: contextlib.nullcontext())
    >>> lines[0]
    'Acme Partners LLP: 40 people, 12 units, 3 entities, 8 stakes'
    >>> sorted({p.stem for p in written})  # SVG and PNG (DOT without Graphviz), the YAML
    ['acme-partners', 'org-chart', 'ownership-chart']
    """
    org = om.example()
    summary = org.summary()
    echo(
        f"{org.name}: {summary['people']} people, {summary['units']} units, "
        f"{summary['entities']} entities, {summary['stakes']} stakes"
    )
    with status(f"Classifying {summary['people']} people"):
        roles = om.classify(org)
    counts = Counter(a.label.value for a in roles.values())
    echo(
        "\nWho acts like a partner, who like a COO — and why ("
        + ", ".join(f"{counts[label]} {label}" for label in _ORDER)
        + "):\n"
    )
    rows = []
    for label in _ORDER:
        for a in roles.values():  # in file order; vacant posts have no entry
            if a.label.value == label:
                reason = a.reason.removeprefix(f"{label}: ")
                rows.append([printable(a.person.name), printable(a.person.title), label, reason])
    echo(format_table(["name", "title", "label", "reason"], rows))

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        msg = f"cannot make the folder {out_dir} for the charts: {err.strerror or err}"
        raise FileAccessError(msg) from err
    written: list[Path] = []
    try:
        with status("Drawing the charts"):
            for suffix in (".svg", ".png"):
                written.append(
                    om.render_org_chart(org, out_dir / f"org-chart{suffix}", roles=roles)
                )
                written.append(om.render_ownership_chart(org, out_dir / f"ownership-chart{suffix}"))
    except GraphvizNotFoundError as err:
        written = [
            om.render_org_chart(org, out_dir / "org-chart.gv", roles=roles),
            om.render_ownership_chart(org, out_dir / "ownership-chart.gv"),
        ]
        echo(f"\n{err}\nWrote the DOT source instead; render it with Graphviz later.")
    example_file = out_dir / "acme-partners.yaml"
    write_text_atomically(example_file, example_text())
    written.append(example_file)
    echo("\nFiles written:")
    echo("\n".join(f"  {path}" for path in written))
    shown, program = _shown(example_file), _program()
    echo(
        "\nNext: the same commands on the example's file, then on your own —\n"
        f"  {program} validate {shown}\n"
        f"  {program} classify {shown} --format csv\n"
        f"  {program} chart {shown} -o {_shown(out_dir / 'carol.svg')} --root carol --depth 2\n"
        f"  {program} ownership {shown} --regime uk-psc\n"
        f"  {program} schema > organization.schema.json   # the file format, for your editor"
    )
    return written


def _program() -> str:
    """Return the command to type for orgmodel: ``orgmodel`` when the shell finds this one.

    Run as ``./dev demo`` the virtual environment is not activated, so its
    ``orgmodel`` is not on ``PATH``: the path to it is what works when typed.
    """
    beside = Path(sys.executable).with_name("orgmodel")
    found = shutil.which("orgmodel")
    if not beside.is_file() or (found is not None and Path(found).resolve() == beside.resolve()):
        return "orgmodel"
    return _shown(beside)


def _shown(path: Path) -> str:
    """*path* relative to the working directory when it is below it, as typed in a shell."""
    try:
        text = str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        text = str(path)
    return shlex.quote(text)
