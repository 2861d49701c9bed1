"""Plain-text tables and CSV for the command line's results.

Examples
--------
>>> print(format_table(["id", "label"], [["alice", "partner-like"], ["bob", "neither"]]))
id     label
-----  ------------
alice  partner-like
bob    neither
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

__all__ = ["format_csv", "format_table"]


def format_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], *, align_right: Sequence[int] = ()
) -> str:
    """Return *rows* as an aligned text table under *headers*, the last column unpadded.

    Parameters
    ----------
    headers : sequence of str
        Column headings.
    rows : sequence of sequences of str
        The cells, one inner sequence per row.
    align_right : sequence of int
        Indices of columns to align right (numbers).

    Examples
    --------
    >>> print(
    ...     format_table(["who", "share"], [["alice", "30%"], ["george", "17%"]], align_right=[1])
    ... )
    who     share
    ------  -----
    alice     30%
    george    17%
    """
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    right = set(align_right)

    def line(cells: Sequence[str]) -> str:
        parts = []
        last = len(cells) - 1
        for i, cell in enumerate(cells):
            if i in right:
                parts.append(cell.rjust(widths[i]))
            elif i == last:
                parts.append(cell)
            else:
                parts.append(cell.ljust(widths[i]))
        return "  ".join(parts).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    out.extend(line(row) for row in rows)
    return "\n".join(out)


def format_csv(
    headers: Sequence[str], rows: Sequence[Sequence[str]], *, escape_formulas: bool = True
) -> str:
    r"""Return *rows* as CSV text with a header row (``\n`` line ends).

    Every cell holding a line break (``\r`` or ``\n``) is quoted, so no cell can
    start a row of its own, and a cell a spreadsheet would run as a formula gets a
    leading ``'`` unless *escape_formulas* is false (:mod:`orgmodel.io._csv_guard`).

    Examples
    --------
    >>> format_csv(["id", "reason"], [["alice", "holds 30%, directly"]])
    'id,reason\nalice,"holds 30%, directly"\n'
    >>> format_csv(["id", "name"], [["x", "=HYPERLINK(1)"], ["y", "two\rlines"]])
    'id,name\nx,\'=HYPERLINK(1)\ny,"two\rlines"\n'
    """
    from orgmodel.io._csv_guard import escape_row  # noqa: PLC0415 - keeps --help fast

    buffer = io.StringIO()
    # "\r\n" makes the writer quote a bare "\r" as well as "\n"; each row's own line
    # end is then written "\n".
    writer = csv.writer(buffer, lineterminator="\r\n")
    out: list[str] = []
    for row in [headers, *rows]:
        writer.writerow(escape_row(row, formulas=escape_formulas))
        out.append(buffer.getvalue()[:-2] + "\n")
        buffer.seek(0)
        buffer.truncate()
    return "".join(out)
