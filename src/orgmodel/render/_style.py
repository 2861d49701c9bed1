"""Colours, fonts, safe node names and text escaping shared by every chart.

Nothing here knows about layouts: these are the looks, and the two rules that keep
user text harmless — node names are derived from ids by a reversible escape (never
from display text), and display text only ever reaches Graphviz inside HTML-like
labels with ``&``, ``<``, ``>`` and quotes escaped.
"""

from __future__ import annotations

import enum
import functools
import unicodedata
from typing import TypeVar

import attrs

from orgmodel.exceptions import ValidationError
from orgmodel.model import Employment
from orgmodel.problems import Problem, ProblemCode

__all__ = [
    "EMPLOYMENT_SWATCHES",
    "FONT",
    "NO_COLOUR",
    "ROLE_SWATCHES",
    "STAKE_BADGE",
    "UNIT_SWATCHES",
    "ColorBy",
    "Swatch",
    "coerce_option",
    "html_text",
    "node_name",
    "text_units",
]


class ColorBy(enum.Enum):
    """What the fill colour of an org-chart box tells the reader."""

    ROLE = "role"
    """Partner-like, COO-like, hybrid or neither (from :func:`orgmodel.classify`)."""
    EMPLOYMENT = "employment"
    """The person's :class:`~orgmodel.Employment`."""
    UNIT = "unit"
    """The unit the person belongs to."""
    NONE = "none"
    """One colour for everyone, and no legend."""


@attrs.frozen
class Swatch:
    """A box's fill and border colour, and the legend text that explains it."""

    fill: str
    border: str
    label: str


FONT = "Helvetica"

# Okabe–Ito hues (safe for colour-blind readers) as borders, with light tints as fills
# so that black text stays readable on paper.
ROLE_SWATCHES: dict[str, Swatch] = {
    "partner-like": Swatch("#D4E6F4", "#0072B2", "Partner-like"),
    "coo-like": Swatch("#FBE7C2", "#D55E00", "COO-like"),
    "hybrid": Swatch("#F2DCEA", "#AA4499", "Hybrid (partner and COO)"),
    "neither": Swatch("#F2F2F2", "#8C8C8C", "Neither"),
}

EMPLOYMENT_SWATCHES: dict[Employment, Swatch] = {
    Employment.PARTNER: Swatch("#D4E6F4", "#0072B2", "Partner"),
    Employment.MEMBER: Swatch("#D3EFEA", "#009E73", "Member"),
    Employment.DIRECTOR: Swatch("#F2DCEA", "#AA4499", "Director"),
    Employment.EMPLOYEE: Swatch("#F2F2F2", "#8C8C8C", "Employee"),
    Employment.CONTRACTOR: Swatch("#FBE7C2", "#D55E00", "Contractor"),
    Employment.NONE: Swatch("#FFFFFF", "#8C8C8C", "No employment"),
}

# Units cycle through these (fill, border) pairs in the order the units are declared.
UNIT_SWATCHES: tuple[tuple[str, str], ...] = (
    ("#D4E6F4", "#0072B2"),
    ("#FBE7C2", "#D55E00"),
    ("#D3EFEA", "#009E73"),
    ("#F2DCEA", "#AA4499"),
    ("#FFF6C2", "#B59A00"),
    ("#DCEFFA", "#3C9BD6"),
    ("#F9DDD2", "#B3431B"),
    ("#E4E4F4", "#44449A"),
)

NO_COLOUR = Swatch("#FFFFFF", "#4D4D4D", "")

STAKE_BADGE = Swatch("#FFF3C4", "#A67C00", "Stake in the focal entity")

_E = TypeVar("_E", bound=enum.Enum)


def coerce_option(cls: type[_E], value: _E | str, name: str) -> _E:
    """Return *value* as a member of *cls*, accepting the member's string value.

    Raises
    ------
    ValidationError
        With an ``unknown-value`` problem listing the allowed values.

    Examples
    --------
    >>> coerce_option(ColorBy, "unit", "color_by")
    <ColorBy.UNIT: 'unit'>
    >>> coerce_option(ColorBy, "rank", "color_by")
    Traceback (most recent call last):
    ...
    orgmodel.exceptions.ValidationError: 1 problem:
      - color_by: unknown value 'rank' — use one of 'role', 'employment', 'unit', 'none' ...
    """
    if isinstance(value, cls):
        return value
    for member in cls:
        if member.value == value:
            return member
    allowed = ", ".join(repr(m.value) for m in cls)
    msg = f"unknown value {value!r} — use one of {allowed}"
    raise ValidationError([Problem(ProblemCode.UNKNOWN_VALUE, name, msg)])


_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def node_name(node_id: str) -> str:
    """Return the Graphviz node name for the person, entity or unit *node_id*.

    The name is ``n_`` followed by the id with every character other than an ASCII
    letter or digit written as ``_xHEX_``. The escape is reversible, so distinct ids
    give distinct names, and a name never needs quoting tricks or carries markup.
    Use it to restyle a chart: ``chart.node(node_name("alice"), fillcolor="gold")``.

    Examples
    --------
    >>> node_name("alice")
    'n_alice'
    >>> node_name("bob-2")
    'n_bob_x2d_2'
    >>> node_name('x" -> y')
    'n_x_x22__x20__x2d__x3e__x20_y'
    """
    if node_id.isascii() and node_id.isalnum():
        return "n_" + node_id
    return "n_" + "".join(c if c in _SAFE else f"_x{ord(c):x}_" for c in node_id)


def _clean_char(char: str) -> str:
    if char == "\t":
        return " "
    code = ord(char)
    category = unicodedata.category(char)
    if category in {"Cc", "Cs"} or code in {0xFFFE, 0xFFFF}:
        # Control characters, lone surrogates and U+FFFE/U+FFFF are not allowed in XML
        # (so not in SVG); show the replacement character instead. Unassigned code
        # points stay: they may be emoji newer than this Python's Unicode tables.
        return "\ufffd"
    return char


# Graphviz expands escapes such as \N (the node name) even inside HTML-like labels,
# and even when the backslash is written as an entity; a doubled backslash is literal.
_ESCAPES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#39;",
    "\\": "\\\\",
}


_ASCII_TABLE = str.maketrans(_ESCAPES)


@functools.lru_cache(maxsize=8192)  # titles and unit names repeat across big charts
def html_text(text: str) -> str:
    r"""Escape *text* for the inside of a Graphviz HTML-like label.

    ``&``, ``<``, ``>`` and quotes become entities, line breaks become ``<BR/>``,
    backslashes are doubled (Graphviz would otherwise expand ``\N`` and friends even
    here), and characters XML cannot carry (control characters, lone surrogates)
    become U+FFFD. Everything else — non-Latin scripts, emoji — is kept as is.

    Examples
    --------
    >>> html_text('R&D <"core">')
    'R&amp;D &lt;&quot;core&quot;&gt;'
    >>> html_text("line one\nline two")
    'line one<BR/>line two'
    >>> print(html_text("C:\\N"))
    C:\\N
    """
    if text.isascii() and text.isprintable():
        # The common case, without a look at every character.
        return text.translate(_ASCII_TABLE)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<BR/>".join("".join(_ESCAPES.get(c) or _clean_char(c) for c in line) for line in lines)


@functools.lru_cache(maxsize=8192)
def text_units(text: str) -> float:
    """Estimate the width of the longest line of *text* in average-character units.

    Wide (East Asian) characters and emoji count as two units; combining marks as none.
    The tidy-tree layout sizes its boxes from this, since it places them before
    Graphviz measures the text.

    Examples
    --------
    >>> text_units("Alice")
    5.0
    >>> text_units("山田太郎")
    8.0
    """
    if text.isascii() and text.isprintable():
        return float(len(text))
    best = 0.0
    for line in text.replace("\r", "\n").split("\n"):
        best = max(best, sum(_char_units(c) for c in line))
    return best


def _char_units(char: str) -> float:
    if unicodedata.combining(char) or unicodedata.category(char) in {"Mn", "Me", "Cf"}:
        return 0.0
    if unicodedata.east_asian_width(char) in {"W", "F"} or ord(char) >= 0x1F000:  # noqa: PLR2004
        return 2.0
    return 1.0
