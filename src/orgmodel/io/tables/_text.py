r"""Text tables as spreadsheets save them: the encoding and the delimiter, sniffed.

Excel writes CSV as UTF-8 with a byte-order mark ("CSV UTF-8"), "Unicode Text" as
UTF-16 with tabs, and, in countries where the comma is the decimal mark, CSV with
``;`` between cells.  :func:`decode_table` reads UTF-8 (with or without a BOM) and
UTF-16 (with a BOM, or without one when every other byte of the start is NUL);
:func:`sniff_delimiter` picks ``,``, ``;``, tab or ``|`` from the header line, and
honours the ``sep=;`` first line Excel understands.

Examples
--------
>>> decode_table("id\tname\n".encode("utf-16"), "x.txt")
'id\tname\n'
>>> sniff_delimiter("id;name;manager\n1;Ann;\n")
(';', 0)
>>> sniff_delimiter("sep=|\nid|name\n")
('|', 1)
"""

from __future__ import annotations

import codecs
import csv
import io
from typing import Final

from orgmodel.io._csv_guard import unclosed_message, unclosed_quote
from orgmodel.io._files import check_text, decode
from orgmodel.model.exceptions import ValidationError
from orgmodel.model.problems import Problem, ProblemCode

__all__ = ["DELIMITERS", "decode_table", "rows_of", "sniff_delimiter"]

#: The delimiters sniffed, in the order a tie is broken.
DELIMITERS: Final = (",", ";", "\t", "|")
_PROBE = 4096  # bytes looked at to spot UTF-16 without a BOM


def decode_table(data: bytes, source: str) -> str:
    """Decode a text table: UTF-16 (as Excel's "Unicode Text" is), else UTF-8."""
    encoding = None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        head = data[:_PROBE]
        if len(head) >= 2 and head[1::2].count(0) * 10 >= len(head) // 2 * 9:  # noqa: PLR2004
            encoding = "utf-16-le"
        elif len(head) >= 2 and head[0::2].count(0) * 10 >= len(head) // 2 * 9:  # noqa: PLR2004
            encoding = "utf-16-be"
    if encoding is None:
        return decode(data, source)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        problem = Problem(
            ProblemCode.SYNTAX_ERROR,
            f"offset {err.start}",
            f"the file looks like UTF-16 but is not ({err.reason}); save it as UTF-8",
        )
        raise ValidationError([problem], source=source) from err
    return check_text(text.removeprefix("\ufeff"), source)


def sniff_delimiter(text: str) -> tuple[str, int]:
    """Return the delimiter of *text* and the number of lines to skip before the header."""
    start = 0
    lines = text.splitlines()
    if lines and lines[0].lower().startswith("sep=") and len(lines[0].strip()) == 5:  # noqa: PLR2004
        return lines[0].strip()[4], 1
    while start < len(lines) and not lines[start].strip():
        start += 1
    header = lines[start] if start < len(lines) else ""
    counts = {d: _count_outside_quotes(header, d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])  # max keeps the first on a tie
    return (best if counts[best] else ","), 0


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            count += 1
    return count


def rows_of(text: str, source: str, delimiter: str, skip: int = 0) -> list[list[str]]:
    """Split *text* into rows of cells; a malformed file is a ``syntax-error``."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    try:
        rows = list(reader)
    except csv.Error as err:
        problem = Problem(ProblemCode.SYNTAX_ERROR, f"line {reader.line_num}", f"not valid: {err}")
        raise ValidationError([problem], source=source) from err
    # issue 14: a quote that never closes would swallow the rest of the file
    if rows and (opened := unclosed_quote(text, rows[-1], delimiter)) is not None:
        problem = Problem(
            ProblemCode.SYNTAX_ERROR, f"line {opened}", unclosed_message(text, opened)
        )
        raise ValidationError([problem], source=source)
    return rows[skip:]
