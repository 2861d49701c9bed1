r"""CSV cells made safe for spreadsheets, and read back exactly.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula
(``=HYPERLINK(...)``, ``+cmd|' /C calc'!A0``), and some read a leading tab or
carriage return the same way.  Following OWASP's advice on CSV injection, orgmodel
writes such a cell with a ``'`` in front, which spreadsheets show as text and do not
run, and orgmodel's reader takes that ``'`` off again, so a round trip is exact:

- :func:`escape_cell` puts a ``'`` before a cell starting with a formula character,
  and before a cell that starts with ``'``\ s followed by one (so that a value
  really starting with ``'=`` survives too);
- :func:`unescape_cell` removes one ``'`` from a cell that starts with ``'``\ s
  followed by a formula character, and leaves every other cell alone.

A cell with ``-5`` is written ``'-5``; a JSON cell (``:json`` columns) the same
way.  With escaping switched off (``escape_formulas=False``) formula characters are
written as they are, and only cells starting with ``'`` and a formula character
still get their ``'``, so orgmodel reads its files back equal either way.

:func:`unclosed_quote` finds a quoted cell that never ends: Python's lenient CSV
reader would read it, and everything after it, as one cell.

Examples
--------
>>> escape_cell("=HYPERLINK(1)"), escape_cell("Ann"), escape_cell("'=x")
("'=HYPERLINK(1)", 'Ann', "''=x")
>>> unescape_cell("'=HYPERLINK(1)"), unescape_cell("''=x"), unescape_cell("O'Brien")
('=HYPERLINK(1)', "'=x", "O'Brien")
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Final

__all__ = [
    "FORMULA_FIRST",
    "escape_cell",
    "escape_row",
    "may_hold_escapes",
    "unclosed_quote",
    "unescape_cell",
    "unescape_rows",
]

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_FIRST: Final = frozenset("=+-@\t\r")
_MARK: Final = "'"
_FIRST_TO_CHECK: Final = FORMULA_FIRST | {_MARK}


def _marked(cell: str) -> bool:
    r"""Whether *cell* is ``'``\ s followed by a formula character."""
    return cell[:1] == _MARK and cell.lstrip(_MARK)[:1] in FORMULA_FIRST


def escape_cell(cell: str, *, formulas: bool = True) -> str:
    """Return *cell* as it is written: with a ``'`` in front when it needs one.

    With *formulas* false, only cells that :func:`unescape_cell` would change get one.
    """
    first = cell[:1]
    if first not in _FIRST_TO_CHECK or not first:
        return cell
    if (formulas and first in FORMULA_FIRST) or _marked(cell):
        return _MARK + cell
    return cell


def escape_row(row: Iterable[str], *, formulas: bool = True) -> list[str]:
    """Return the cells of *row* as :func:`escape_cell` writes them."""
    first = _FIRST_TO_CHECK
    return [
        escape_cell(cell, formulas=formulas) if cell[:1] in first and cell else cell for cell in row
    ]


def unescape_cell(cell: str) -> str:
    """Return the value a written *cell* stands for (one ``'`` fewer when it was added)."""
    return cell[1:] if _marked(cell) else cell


def may_hold_escapes(text: str) -> bool:
    """Whether CSV *text* may hold an escaped cell: a ``'`` at the start of a cell.

    A cheap test over the whole file (an apostrophe inside a name, as in O'Brien,
    does not count), so a file with no escaped cell costs nothing more to read.
    """
    return text[:1] == _MARK or any(f"{before}{_MARK}" in text for before in ',\n\r"')


def unescape_rows(rows: list[list[str]]) -> None:
    """Undo :func:`escape_cell` in every cell of *rows*, in place."""
    mark = _MARK
    for row in rows:
        for i, cell in enumerate(row):
            if cell[:1] == mark and _marked(cell):
                row[i] = cell[1:]


def unclosed_quote(text: str, last_row: list[str], delimiter: str = ",") -> int | None:
    r"""Return the line where a quoted cell opens and never closes, or ``None``.

    *last_row* is the last row Python's lenient reader read from *text* (with
    *delimiter* between cells).  A quote
    that never closes swallows everything after it into the last cell of the last
    row, and every quote inside that cell was doubled (a single one would have
    closed it), so the text ends with that cell's content as written, right after
    the opening quote at the start of a cell.  Checking that costs the length of the
    last cell; only then is the rest parsed again, strictly, to be sure.

    Examples
    --------
    >>> unclosed_quote('id,name\na,"Ann\nb,Bob\n', ["a", "Ann\nb,Bob\n"])
    2
    >>> unclosed_quote('id,name\na,"Ann, Jr"\n', ["a", "Ann, Jr"]) is None
    True
    """
    if not last_row or '"' not in text:
        return None
    raw = last_row[-1].replace('"', '""')
    start = len(text) - len(raw) - 1  # where the opening quote would be
    if start < 0 or text[start] != '"' or not text.endswith(raw):
        return None
    if start > 0 and text[start - 1] not in f"{delimiter}\r\n":
        return None
    strict = csv.reader(io.StringIO(text[start:], newline=""), delimiter=delimiter, strict=True)
    try:
        for _ in strict:
            pass
    except csv.Error as err:
        if "unexpected end of data" in str(err):
            return text.count("\n", 0, start) + 1
    return None


def unclosed_message(text: str, line: int) -> str:
    r"""Say what an unclosed quote on *line* of *text* would do, and how to fix it.

    Examples
    --------
    >>> print(unclosed_message('id,name\na,"Ann\nb,Bob\n', 2))
    a quote opens a cell here and never closes, so the 2 lines from here to the end ...
    """
    lines = text.count("\n") - line + 1 + (not text.endswith("\n"))
    return (
        f"a quote opens a cell here and never closes, so the {lines} "
        f"line{'s' if lines != 1 else ''} from here to the end would be one cell; close the "
        'quote, or write a quote inside a cell as ""'
    )
