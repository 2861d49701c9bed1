r"""Text from files made safe to print on a terminal.

A name in a file can hold terminal escape sequences: ``ESC ] 0 ;`` sets the window
title, ``ESC ] 52 ;`` writes to the clipboard, ``ESC [ 2 J`` clears the screen, and
bidirectional controls (U+202E) make text read differently from what it is.  Before
the command line prints a name, a title, an id, a path or a message,
:func:`printable` writes every such character as a visible escape (``\x1b``,
``\u202e``), as problem messages already do with :func:`repr`; a line break or tab
inside one cell of a table is written ``\n`` or ``\t`` so the table keeps its shape.

Examples
--------
>>> printable("Eve\x1b]0;pwned\x07 Black")
'Eve\\x1b]0;pwned\\x07 Black'
>>> printable("Zoë O'Brien — Managing Partner")
"Zoë O'Brien — Managing Partner"
>>> printable("two\nlines", keep_lines=True)
'two\nlines'
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["printable", "printable_lines"]

#: C0 and C1 controls, DEL, and the invisible format characters that reorder or hide
#: text (bidirectional embeddings, overrides and isolates; zero-width marks).
_UNSAFE: Final = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]"
)
_UNSAFE_KEEPING_LINES: Final = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]"
)
_NAMED: Final = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"  # noqa: PLR2004


def printable(text: str, *, keep_lines: bool = False) -> str:
    """Return *text* with control and invisible format characters written as escapes.

    With *keep_lines*, line breaks stay line breaks (for a block of lines).
    """
    pattern = _UNSAFE_KEEPING_LINES if keep_lines else _UNSAFE
    if text.isascii() and text.isprintable():  # the common case, checked in C
        return text
    return pattern.sub(_escape, text)


def printable_lines(text: str) -> str:
    """Return a block of lines with everything but its line breaks made printable."""
    return printable(text, keep_lines=True)
