"""``render_chart(chart, path)``: write any chart orgmodel returns to a file.

The function is :func:`orgmodel.render_chart` at the top level and also
``orgmodel.render.render``, beside ``render_org_chart`` in this package.  At the
top level it cannot be called ``render``: ``orgmodel.render`` is the package.
"""

from __future__ import annotations

import os
from pathlib import Path

import graphviz

from orgmodel.render._backend import write_chart
from orgmodel.render.interactive import InteractiveChart

__all__ = ["render", "render_chart"]


def render_chart(
    chart: graphviz.Digraph | graphviz.Source | InteractiveChart, path: str | os.PathLike[str]
) -> Path:
    """Write *chart* to *path*, in the format the extension names, atomically.

    A Graphviz chart (from :func:`~orgmodel.org_chart` or
    :func:`~orgmodel.ownership_chart`, restyled or not) is written as SVG, PNG or PDF
    (Graphviz needed) or as DOT source (``.dot``, ``.gv``); an
    :class:`~orgmodel.InteractiveChart` as its ``.html`` page.

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    ValidationError
        For an extension the chart cannot be written as.
    GraphvizNotFoundError
        When rendering needs Graphviz and it is not installed.

    Examples
    --------
    >>> import orgmodel as om, tempfile, pathlib
    >>> org = om.Organization(name="Acme", people=[om.Person("ann", "Ann Lee")])
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> chart = om.org_chart(org, color_by="none")
    >>> chart.node("n_ann", fillcolor="gold")  # restyle, then write
    >>> om.render_chart(chart, folder / "acme.gv").name
    'acme.gv'
    >>> om.render_chart(om.interactive_chart(org), folder / "acme.html").name
    'acme.html'
    """
    if isinstance(chart, InteractiveChart):
        return chart.save(path)
    return write_chart(chart, path)


#: The same function inside the package: ``orgmodel.render.render(chart, path)``.
render = render_chart
