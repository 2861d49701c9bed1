"""Excel workbooks (``.xlsx``, ``.xlsm``): one sheet as rows of text, read safely.

openpyxl reads the workbook in read-only mode with ``data_only=True``, so a formula
is read as the value Excel cached for it and never evaluated (a formula with no
cached value reads as an empty cell).  Before openpyxl sees the file, the zip
archive is checked: a workbook whose parts would unpack to more than
:data:`MAX_UNPACKED` bytes, or one part to more than :data:`MAX_RATIO` times its
packed size (a zip bomb), is refused, as is an XML part that declares entities.  A
password-protected workbook (an encrypted OLE2 file) and an old ``.xls`` workbook
get their own messages.  Whatever openpyxl makes of a damaged file becomes a
:class:`~orgmodel.ValidationError`; no exception of openpyxl's or zipfile's leaves
this module.

Examples
--------
>>> import io, openpyxl
>>> book = openpyxl.Workbook()
>>> book.active.append(["id", "name", "fte"])
>>> book.active.append([1, "Ann", 0.5])
>>> buffer = io.BytesIO()
>>> book.save(buffer)
>>> read_sheet(buffer.getvalue(), "hr.xlsx")
('Sheet', [['id', 'name', 'fte'], ['1', 'Ann', '0.5']])
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable
from typing import Final, Self

import openpyxl

from orgmodel._suggest import did_you_mean
from orgmodel.model.exceptions import ValidationError
from orgmodel.model.problems import Problem, ProblemCode

__all__ = ["MAX_RATIO", "MAX_UNPACKED", "Workbook", "read_sheet"]

#: The most bytes the parts of a workbook may unpack to (1 GiB).
MAX_UNPACKED: Final = 1 << 30
#: The most a part may unpack to, as a multiple of its packed size, once over 1 MiB.
#: Real sheets pack 5 to 30 times; a zip bomb packs thousands of times.
MAX_RATIO: Final = 200
_RATIO_FLOOR = 1 << 20
_OLE2: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED: Final = "EncryptedPackage".encode("utf-16-le")
_XML_PROBE = 4096


def _fail(source: str, message: str, code: ProblemCode = ProblemCode.SYNTAX_ERROR) -> None:
    raise ValidationError([Problem(code, source, message)], source=source)


def _check_archive(data: bytes, source: str) -> None:
    if data.startswith(_OLE2):
        if _ENCRYPTED in data:
            _fail(source, "the workbook is password-protected; save a copy without a password")
        _fail(source, "this is an old .xls workbook; save it as .xlsx or CSV")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
        total = 0
        for info in infos:
            total += info.file_size
            packed = max(info.compress_size, 1)
            if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * packed:
                _fail(
                    source,
                    f"part {info.filename!r} would unpack {info.file_size // packed} times its "
                    f"size (more than {MAX_RATIO}); refused as a zip bomb",
                    ProblemCode.UNSAFE_INPUT,
                )
            if info.filename.endswith((".xml", ".rels", ".vml")):
                with archive.open(info) as part:
                    head = part.read(_XML_PROBE)
                if b"<!ENTITY" in head or b"<!DOCTYPE" in head:
                    _fail(
                        source,
                        f"part {info.filename!r} declares XML entities; refused",
                        ProblemCode.UNSAFE_INPUT,
                    )
        if total > MAX_UNPACKED:
            _fail(
                source,
                f"the workbook would unpack to {total} bytes, more than the {MAX_UNPACKED} "
                "orgmodel reads; refused",
                ProblemCode.UNSAFE_INPUT,
            )
    except ValidationError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as err:
        problem = Problem(ProblemCode.SYNTAX_ERROR, source, f"not an Excel workbook (.xlsx): {err}")
        raise ValidationError([problem], source=source) from err


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:  # noqa: PLR2004
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _open(data: bytes, source: str) -> openpyxl.Workbook:
    _check_archive(data, source)
    try:
        return openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=True, keep_links=False
        )
    except Exception as err:  # openpyxl raises many kinds on a damaged file
        problem = Problem(ProblemCode.SYNTAX_ERROR, source, f"not a readable Excel workbook: {err}")
        raise ValidationError([problem], source=source) from err


class Workbook:
    """An open workbook: its sheet names, and each sheet's rows as text.

    Use it as a context manager, so the file is closed whatever happens.
    """

    def __init__(self, data: bytes, source: str) -> None:
        self.source = source
        self._book = _open(data, source)
        self.names: list[str] = list(self._book.sheetnames)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._book.close()

    def rows(self, sheet: str | None = None) -> tuple[str, list[list[str]]]:
        """Return the name and the rows (as text) of *sheet*, or of the first sheet.

        Trailing empty cells of each row are dropped, as a CSV export drops them.
        """
        source, names = self.source, self.names
        if not names:
            _fail(source, "the workbook has no sheets")
        name = names[0] if sheet is None else sheet
        if name not in names:
            _fail(
                source,
                f"the workbook has no sheet {sheet!r}; its sheets are "
                f"{', '.join(repr(n) for n in names)}{did_you_mean(name, names)}",
                ProblemCode.MISSING_KEY,
            )
        try:
            return name, _rows(self._book[name].iter_rows(values_only=True))
        except Exception as err:  # a damaged sheet part: openpyxl raises many kinds
            problem = Problem(
                ProblemCode.SYNTAX_ERROR, f"{source}, sheet {name}", f"cannot read the sheet: {err}"
            )
            raise ValidationError([problem], source=source) from err


def read_sheet(data: bytes, source: str, sheet: str | None = None) -> tuple[str, list[list[str]]]:
    """Return the name and the rows (as text) of *sheet*, or of the first sheet."""
    with Workbook(data, source) as book:
        return book.rows(sheet)


def _rows(values: Iterable[tuple[object, ...]]) -> list[list[str]]:
    text = _cell_text
    out: list[list[str]] = []
    for row in values:
        cells = [text(v) for v in row]
        while cells and not cells[-1]:
            cells.pop()
        out.append(cells)
    return out
