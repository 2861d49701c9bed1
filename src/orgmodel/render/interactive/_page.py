"""``interactive_chart``: the org chart as one self-contained, interactive HTML page."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import attrs

from orgmodel._atomic import atomic_path
from orgmodel.analysis.roles import classify
from orgmodel.model import Organization
from orgmodel.model.exceptions import ValidationError
from orgmodel.model.options import read_option
from orgmodel.model.problems import Problem, ProblemCode
from orgmodel.model.share import Share
from orgmodel.render._boxes import colouring
from orgmodel.render._percent import DEFAULT_DIGITS, check_digits
from orgmodel.render._plan import plan_chart
from orgmodel.render._stakes import member_stakes
from orgmodel.render._style import ColorBy
from orgmodel.render.interactive._data import page_data
from orgmodel.render.interactive._html import page_html, srcdoc_iframe

__all__ = ["HTML_SUFFIXES", "InteractiveChart", "interactive_chart"]

HTML_SUFFIXES = (".html", ".htm")
"""The file names :meth:`InteractiveChart.save` writes."""

_STACK = 3


@attrs.frozen
class InteractiveChart:
    """An interactive org chart: one HTML page with its script, styles and data inside.

    In Jupyter (JupyterLab, Notebook, VS Code) it displays inline as a sandboxed
    ``<iframe srcdoc>``, which needs no kernel and no server, so the chart keeps
    working in a notebook exported to HTML. :meth:`save` writes the page to a file
    that opens in any browser without a network.

    Attributes
    ----------
    html : str
        The whole page.
    title : str
        The heading shown on the page.
    people : int
        How many people the chart shows.
    height : int
        The height of the inline frame in a notebook, in pixels.
    """

    html: str = attrs.field(repr=False)
    title: str
    people: int
    height: int = 640

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the page to *path* (``.html`` or ``.htm``), atomically.

        Returns
        -------
        pathlib.Path
            The file written.

        Raises
        ------
        ValidationError
            For another extension.
        FileAccessError
            When the file cannot be written.

        Examples
        --------
        >>> import orgmodel as om, tempfile, pathlib
        >>> org = om.Organization(name="Tiny", people=[om.Person("ann", "Ann Lee")])
        >>> out = om.interactive_chart(org).save(pathlib.Path(tempfile.mkdtemp()) / "tiny.html")
        >>> out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
        True
        """
        target = Path(path)
        if target.suffix.lower() not in HTML_SUFFIXES:
            shown = repr(target.suffix) if target.suffix else "a file without an extension"
            msg = f"an interactive chart is written as .html or .htm, not {shown}"
            raise ValidationError([Problem(ProblemCode.UNKNOWN_VALUE, "path", msg)])
        with atomic_path(target) as temp:
            temp.write_bytes(self.html.encode("utf-8"))
        return target

    def _repr_html_(self) -> str:
        """Jupyter's inline display: the page inside a sandboxed ``<iframe srcdoc>``."""
        return srcdoc_iframe(self.html, height=self.height, title=self.title)


def interactive_chart(
    org: Organization,
    *,
    root: str | None = None,
    depth: int | None = None,
    color_by: ColorBy | str = ColorBy.ROLE,
    roles: Mapping[str, object] | None = None,
    show_stakes: bool = True,
    stakes: Mapping[str, Share] | None = None,
    show_dotted: bool = False,
    stack: int = _STACK,
    title: str | None = None,
    percent_digits: int = DEFAULT_DIGITS,
    height: int = 640,
) -> InteractiveChart:
    """Return the org chart of *org* as an interactive page (:class:`InteractiveChart`).

    The page pans and zooms (drag, wheel or trackpad, arrow keys and ``+``/``-``),
    expands and collapses any team (collapsed boxes say how many people they hide),
    searches names, titles and ids (highlighting the matches and their chains to the
    top, and moving to the first), colours boxes by role with a legend, and shows a
    person's title, unit, stake, label, reason and full evidence on click. Dotted-line
    managers are drawn on demand, each manager's box carries the headcount below
    them, vacancies are drawn as vacancies, and the current view downloads as SVG or
    PNG. Positions come from the same tidy layout as :func:`org_chart`; the page
    draws only what is in view, so it stays smooth at 100,000 people.

    Parameters
    ----------
    org : Organization
        The organisation to draw.
    root : str, optional
        Draw only this person and those below them.
    depth : int, optional
        Draw this many levels below the top (0: the top only).
    color_by : ColorBy or str
        ``"role"``, ``"employment"``, ``"unit"`` or ``"none"``, as for :func:`org_chart`.
    roles : mapping, optional
        Person id → role assessment (the result of :func:`orgmodel.classify`, which is
        called when this is omitted): the label, reason and evidence the panel shows.
        A mapping to role labels colours the boxes but has no evidence to show.
    show_stakes : bool
        Show each member's look-through stake in the focal entity.
    stakes : mapping, optional
        Person id → :class:`~orgmodel.Share` to show instead.
    show_dotted : bool
        Start with the dotted-line managers drawn (a check box shows and hides them).
    stack : int
        How many reports without reports make a team "wide" (stacked in a column).
    title : str, optional
        The heading; the organisation's name by default.
    percent_digits : int
        Decimals of every percentage shown (one rule for the whole chart).
    height : int
        The height of the inline frame in a notebook, in pixels.

    Returns
    -------
    InteractiveChart
        Displays inline in Jupyter; ``.save("chart.html")`` writes the page.

    Raises
    ------
    UnknownReferenceError
        When *root* is not a person of *org* (with a did-you-mean suggestion).
    OptionError
        For an unknown ``color_by``.
    ValidationError
        For a bad ``depth``, ``stack``, ``percent_digits`` or ``height``.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="Acme",
    ...     people=[
    ...         om.Person("ann", "Ann Lee", title="Managing Partner"),
    ...         om.Person("bob", "Bob Ray", title="COO", manager="ann"),
    ...     ],
    ... )
    >>> chart = om.interactive_chart(org)
    >>> chart.people, "<script" in chart.html, "http" in chart.html.split("<script")[1]
    (2, True, False)
    >>> chart._repr_html_().startswith("<iframe srcdoc=")
    True
    """
    mode = read_option(color_by, ColorBy, "color_by")
    digits = check_digits(percent_digits)
    if isinstance(height, bool) or not isinstance(height, int) or height < 100:  # noqa: PLR2004
        msg = f"'height' must be a whole number of pixels, 100 or more (got {height!r})"
        raise ValidationError([Problem(ProblemCode.WRONG_TYPE, "height", msg)])
    plan = plan_chart(org, root=root, depth=depth, stack=stack, dotted=True)
    if roles is None:
        roles = classify(org)
    colours = colouring(org, plan.people, mode, roles)
    if not show_stakes:
        stakes = {}
    elif stakes is None:
        stakes = member_stakes(org)
    heading = org.name if title is None else title
    data = page_data(org, plan, colours, roles=roles, stakes=stakes, digits=digits, title=heading)
    data["showDotted"] = bool(show_dotted)
    page = page_html(data, title=heading)
    return InteractiveChart(html=page, title=heading, people=len(plan.people), height=height)
