"""Reading and writing files safely: clear errors, atomic writes, strict decoding."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from orgmodel._atomic import write_text_atomically
from orgmodel.model.exceptions import FileAccessError, ValidationError
from orgmodel.model.problems import Problem, ProblemCode

__all__ = ["decode", "read_bytes", "reading", "write_atomically"]

#: Input files larger than this are refused before they are read (1 GiB).
MAX_FILE_BYTES = 1 << 30


def read_bytes(path: Path) -> bytes:
    """Return the contents of *path*, or raise :class:`FileAccessError` saying why not."""
    with reading(path):
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            msg = f"{path} is {size} bytes, larger than the {MAX_FILE_BYTES} bytes orgmodel reads"
            raise FileAccessError(msg)
        return path.read_bytes()


@contextlib.contextmanager
def reading(path: Path) -> Iterator[None]:
    """Read *path* in the block; raise :class:`FileAccessError` saying why it cannot be.

    A directory is refused first; the operating system's errors become
    :class:`FileAccessError` with the reason.
    """
    try:
        if path.is_dir():
            msg = f"{path} is a directory, not a file"
            raise FileAccessError(msg)
        yield
    except FileNotFoundError as err:
        msg = f"no such file: {path}"
        raise FileAccessError(msg) from err
    except PermissionError as err:
        msg = f"permission denied reading {path}"
        raise FileAccessError(msg) from err
    except OSError as err:
        if isinstance(err, FileAccessError):
            raise
        msg = f"cannot read {path}: {err.strerror or err}"
        raise FileAccessError(msg) from err


def decode(data: bytes, source: str) -> str:
    """Decode UTF-8 (a byte-order mark is allowed); refuse NUL bytes and bad encodings."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        problem = Problem(
            ProblemCode.SYNTAX_ERROR,
            f"line {line}",
            f"the file is not UTF-8 text (byte {data[err.start]:#04x} at offset {err.start}); "
            "save it as UTF-8",
        )
        raise ValidationError([problem], source=source) from err
    return check_text(text, source)


def check_text(text: str, source: str) -> str:
    """Refuse text with NUL characters, which no orgmodel format allows."""
    where = text.find("\x00")
    if where >= 0:
        line = text.count("\n", 0, where) + 1
        problem = Problem(
            ProblemCode.SYNTAX_ERROR,
            f"line {line}",
            "the text contains a NUL character; is it a binary file?",
        )
        raise ValidationError([problem], source=source)
    return text


def write_atomically(path: Path, text: str) -> None:
    """Write *text* as UTF-8 to *path* through a temporary file and :func:`os.replace`.

    Either the whole new file is in place afterwards or the old one is untouched
    (:func:`orgmodel._atomic.write_text_atomically`).
    """
    write_text_atomically(path, text)
