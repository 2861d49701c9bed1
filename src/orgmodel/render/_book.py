"""The org book: a multi-page PDF with one page per team, for charts too big for a sheet.

Each page shows one manager and their team (direct reports, assistants beside,
wide teams stacked) at the size of an ordinary org chart. A report who leads a team
of their own carries "team on p. N"; the manager at the top of a page carries
"reports to … on p. M". Pages follow the chart's depth-first order, so a
department's teams come together. Graphviz draws every page; several graphs in one
input become one page each of a single PDF.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

import pypdf

from orgmodel._atomic import atomic_path
from orgmodel.analysis.roles import classify
from orgmodel.model import Organization
from orgmodel.model.exceptions import GraphvizNotFoundError, RenderError, ValidationError
from orgmodel.model.options import read_option
from orgmodel.model.problems import Problem, ProblemCode
from orgmodel.model.share import Share
from orgmodel.render._backend import INSTALL_HINT, child_dies_with_parent, find_executable
from orgmodel.render._orgchart import org_chart
from orgmodel.render._percent import DEFAULT_DIGITS
from orgmodel.render._plan import plan_chart
from orgmodel.render._stakes import member_stakes
from orgmodel.render._style import ColorBy

__all__ = ["book_pages", "render_org_book"]


def book_pages(org: Organization, *, root: str | None = None) -> dict[str, int]:
    """Return the page of every manager's team in the org book (1 for the top).

    Managers are numbered in the chart's depth-first order; people without reports
    have no page of their own.

    Examples
    --------
    >>> import orgmodel as om
    >>> book_pages(om.example())["carol"], len(book_pages(om.example()))
    (8, 14)
    """
    plan = plan_chart(org, root=root, depth=None, stack=0, dotted=False)
    pages: dict[str, int] = {}
    for person in plan.people:
        if plan.reports.get(person.id) or plan.assistants.get(person.id):
            pages[person.id] = len(pages) + 1
    for top in plan.tops:  # a top with nobody below still gets a page
        pages.setdefault(top, len(pages) + 1)
    return pages


def render_org_book(
    org: Organization,
    path: str | os.PathLike[str],
    *,
    root: str | None = None,
    color_by: ColorBy | str = ColorBy.ROLE,
    roles: Mapping[str, object] | None = None,
    show_stakes: bool = True,
    stakes: Mapping[str, Share] | None = None,
    percent_digits: int = DEFAULT_DIGITS,
) -> Path:
    """Write *org*'s org chart as a multi-page PDF "org book", one page per team.

    Every page is a readable org chart of one manager and their direct reports.
    Reports who lead a team say on which page it is ("team on p. 5"), and the
    manager at the top of each page says where they report ("reports to Alice
    Smith, p. 1"). The first page has the top of the organisation (or *root*).

    Parameters
    ----------
    org : Organization
        The organisation.
    path : str or path-like
        The PDF file to write (atomically).
    root : str, optional
        Start the book at this person.
    color_by, roles, show_stakes, stakes, percent_digits
        As for :func:`orgmodel.org_chart`.

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    ValidationError
        When *path* is not a ``.pdf`` file.
    GraphvizNotFoundError
        Without the Graphviz executables.

    Examples
    --------
    >>> import orgmodel as om, tempfile, pathlib
    >>> out = om.render_org_book(om.example(), pathlib.Path(tempfile.mkdtemp()) / "book.pdf")
    >>> import pypdf
    >>> len(pypdf.PdfReader(out).pages)  # one page per manager
    14
    """
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        msg = f"an org book is a PDF: name the file .pdf (got {target.name!r})"
        raise ValidationError([Problem(ProblemCode.UNKNOWN_VALUE, "path", msg)])
    mode = read_option(color_by, ColorBy, "color_by")
    if mode is ColorBy.ROLE and roles is None:
        roles = classify(org)
    if not show_stakes:
        stakes = {}
    elif stakes is None:
        stakes = member_stakes(org)
    pages = book_pages(org, root=root)
    people = {p.id: p for p in org.people}
    total = len(pages)
    sources: list[str] = []
    for manager, page in pages.items():
        person = people[manager]
        notes = {
            p.id: f"team on p. {pages[p.id]}"
            for p in org.people
            if p.manager == manager and p.id in pages
        }
        boss = person.manager
        if page > 1 and boss is not None and boss in pages:
            notes[manager] = f"reports to {people[boss].name}, p. {pages[boss]}"
        chart = org_chart(
            org,
            root=manager,
            depth=1,
            color_by=mode,
            roles=roles,
            stakes=stakes,
            title=f"{_team_title(org, person.name, page)} — page {page} of {total}",
            notes=notes,
            legend=page == 1,
            percent_digits=percent_digits,
        )
        sources.append(chart.source)
    with tempfile.TemporaryDirectory(prefix="orgmodel-book-") as folder:
        writer = pypdf.PdfWriter()
        for page_file in _draw_pages(sources, Path(folder)):
            writer.append(pypdf.PdfReader(page_file))
        with atomic_path(target) as temp, temp.open("wb") as out:
            writer.write(out)
    return target


def _draw_pages(sources: list[str], folder: Path) -> list[Path]:
    """Have Graphviz draw every page into *folder* in one run; return the files in order.

    ``dot -O`` names the output of the n-th graph of ``pages.gv`` ``pages.gv.n.pdf``
    (the first ``pages.gv.pdf``).
    """
    executable = find_executable("dot")
    source = folder / "pages.gv"
    source.write_text("".join(sources), encoding="utf-8")
    try:
        done = subprocess.run(  # noqa: S603 - fixed arguments, no shell
            [executable, "-Tpdf", "-O", source.name],
            cwd=folder,
            capture_output=True,
            check=False,
            preexec_fn=child_dies_with_parent(),  # never outlives orgmodel (issue 14)
        )
    except OSError as err:
        msg = f"could not run Graphviz {executable!r}: {err} — {INSTALL_HINT}"
        raise GraphvizNotFoundError(msg) from err
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip()
        msg = f"Graphviz failed to draw the org book (exit {done.returncode}): {detail}"
        raise RenderError(msg)
    names = [folder / "pages.gv.pdf"] + [
        folder / f"pages.gv.{n}.pdf" for n in range(2, len(sources) + 1)
    ]
    missing = [p.name for p in names if not p.exists()]
    if missing:
        msg = f"Graphviz drew {len(names) - len(missing)} of {len(names)} pages of the org book"
        raise RenderError(msg)
    return names


def _team_title(org: Organization, name: str, page: int) -> str:
    return org.name if page == 1 else f"Team of {name}"
