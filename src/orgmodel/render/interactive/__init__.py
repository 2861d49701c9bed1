"""The interactive org chart: one self-contained HTML page, inline in notebooks.

:func:`interactive_chart` returns an :class:`InteractiveChart`, which displays in
Jupyter as a sandboxed ``<iframe srcdoc>`` (no kernel needed, so it survives an HTML
export of the notebook) and writes a single ``.html`` file with :meth:`~InteractiveChart.save`.
The page's script (the parts in ``script/``) and styles (``page.css``) are package
data, inlined into every page; positions come from the tidy layout computed in Python.
"""

from __future__ import annotations

from orgmodel.render.interactive._page import HTML_SUFFIXES, InteractiveChart, interactive_chart

__all__ = ["HTML_SUFFIXES", "InteractiveChart", "interactive_chart"]
