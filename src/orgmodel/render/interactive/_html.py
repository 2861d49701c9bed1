r"""Assembling the one self-contained HTML file: markup, styles, script and data inlined.

The page loads nothing: its Content-Security-Policy allows only its own script and
style (by hash), no network (``connect-src 'none'``), and images only from ``data:``
and ``blob:`` URLs (the PNG download). The data travels as JSON inside a
``<script type="application/json">`` element with ``<``, ``>`` and ``&`` written as
``\\u`` escapes, so no text in it can close the element or start markup; the script
reads it with ``JSON.parse`` and never turns it into markup.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import json
from importlib import metadata, resources
from typing import Any

__all__ = ["SCRIPT_PARTS", "page_html", "page_script", "srcdoc_iframe"]

_JSON_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


SCRIPT_PARTS = ("data.js", "draw.js", "navigate.js", "panel.js", "input.js")
"""The parts of the page's script (``script/``), joined in this order inside one function.

They share the function's scope: ``data.js`` reads the data and sets up the state,
``draw.js`` paints, ``navigate.js`` moves the view, collapses and searches,
``panel.js`` shows a person and writes downloads, ``input.js`` wires up the mouse,
trackpad and keyboard and starts the page.
"""

_SCRIPT_HEAD = """/* orgmodel interactive org chart: the page's script.
 *
 * Positions come from orgmodel's tidy layout, computed in Python; this script only
 * draws what is in view on a canvas, and handles pan and zoom, expand and collapse,
 * search, the person panel, dotted lines and downloads. Text from the data is only
 * ever drawn on the canvas, set as textContent, or escaped into SVG: never parsed
 * as markup.
 */
(function () {
  "use strict";
"""


@functools.cache
def _asset(name: str) -> str:
    return (resources.files("orgmodel.render.interactive") / name).read_text(encoding="utf-8")


@functools.cache
def page_script() -> str:
    """Return the page's whole script: its parts inside one function."""
    parts = (_asset(f"script/{name}") for name in SCRIPT_PARTS)
    return _SCRIPT_HEAD + "".join(parts) + "})();\n"


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


@functools.cache
def _version() -> str:
    try:
        return metadata.version("orgmodel")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0+unknown"


def page_html(data: dict[str, Any], *, title: str) -> str:
    """Return the whole page for *data* (see :func:`~._data.page_data`)."""
    script = page_script()
    css = _asset("page.css")
    csp = (
        "default-src 'none'; "
        f"script-src {_sha256(script)}; "
        f"style-src {_sha256(css)}; "
        "img-src data: blob:; base-uri 'none'; form-action 'none'"
    )
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _asset("page.html").format(
        csp=csp,
        version=html.escape(_version()),
        title=html.escape(title or "Org chart"),
        css=css,
        data=payload.translate(_JSON_ESCAPES),
        script=script,
    )


def srcdoc_iframe(page: str, *, height: int, title: str) -> str:
    """Return *page* as an ``<iframe srcdoc>``: it runs with no kernel and no server.

    The frame is sandboxed: its script runs (``allow-scripts``) and may offer
    downloads (``allow-downloads``), but it cannot reach the notebook around it.
    """
    return (
        f'<iframe srcdoc="{html.escape(page, quote=True)}" '
        f'title="{html.escape(title or "Org chart", quote=True)}" '
        'sandbox="allow-scripts allow-downloads" '
        f'style="width: 100%; height: {int(height)}px; border: 1px solid #d9d9d9; '
        'border-radius: 4px;"></iframe>'
    )
