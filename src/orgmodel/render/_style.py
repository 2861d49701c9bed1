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

import attrs

from orgmodel.model import Employment

__all__ = [
    "DOTTED_COLOUR",
    "DOTTED_STROKE",
    "EMPLOYMENT_SWATCHES",
    "FONT",
    "NO_COLOUR",
    "ROLE_SWATCHES",
    "STAKE_BADGE",
    "UNIT_SWATCHES",
    "VACANT",
    "ColorBy",
    "Swatch",
    "html_text",
    "node_name",
    "text_em",
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

VACANT = Swatch("#FFFFFF", "#8C8C8C", "Vacant post")
"""A post with nobody in it: white, with a dashed grey border, whatever the colouring."""

DOTTED_COLOUR = "#009E73"
"""Dotted-line managers get their own colour (Okabe–Ito bluish green), no box uses it."""
DOTTED_STROKE = DOTTED_COLOUR + "D0"
"""The same, slightly translucent: dotted lines are drawn over boxes, text shows through."""

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


# Advance widths of Helvetica (Arial's metrics), in thousandths of an em, for the
# printable ASCII characters " " to "~". Bold is about 8% wider.
_ASCII_WIDTHS = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
)  # fmt: skip
# The font Graphviz finds for "Helvetica" (often DejaVu Sans) runs wider; stay generous.
_SAFETY = 1.18
_BOLD = 1.08
_WIDE_EM = 1.0  # CJK ideographs, kana, hangul
_EMOJI_EM = 1.3
_OTHER_EM = 0.68  # accented Latin, Greek, Cyrillic, Arabic, ...


@functools.lru_cache(maxsize=8192)  # titles and unit names repeat across big charts
def text_em(text: str, *, bold: bool = False) -> float:
    """Estimate the width of the longest line of *text*, in ems of its font size.

    The tidy-tree layout places boxes before Graphviz measures their text, so box
    widths come from this generous estimate (Helvetica's metrics for ASCII, an em for
    wide East Asian characters, more for emoji).

    Examples
    --------
    >>> round(text_em("Alice") * 10)  # points at 10 pt
    26
    >>> text_em("WWW") > text_em("iii") * 3
    True
    >>> text_em("山田太郎") > text_em("Yamada")
    True
    """
    best = 0.0
    for line in text.replace("\r", "\n").split("\n"):
        best = max(best, sum(_char_em(c) for c in line))
    return best * _SAFETY * (_BOLD if bold else 1.0)


def _char_em(char: str) -> float:
    code = ord(char)
    if 32 <= code <= 126:  # noqa: PLR2004 - printable ASCII
        return _ASCII_WIDTHS[code - 32] / 1000.0
    if unicodedata.combining(char) or unicodedata.category(char) in {"Mn", "Me", "Cf"}:
        return 0.0
    if code >= 0x1F000:  # noqa: PLR2004 - emoji and pictographs
        return _EMOJI_EM
    if unicodedata.east_asian_width(char) in {"W", "F"}:
        return _WIDE_EM
    return _OTHER_EM
