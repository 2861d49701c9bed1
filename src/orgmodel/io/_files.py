"""Reading and writing files safely: clear errors, atomic writes, strict decoding."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from orgmodel.exceptions import FileAccessError, ValidationError
from orgmodel.problems import Problem, ProblemCode

__all__ = ["decode", "read_bytes", "write_atomically"]

#: Input files larger than this are refused before they are read (1 GiB).
MAX_FILE_BYTES = 1 << 30
_NEW_FILE_MODE = 0o644


def read_bytes(path: Path) -> bytes:
    """Return the contents of *path*, or raise :class:`FileAccessError` saying why not."""
    try:
        if path.is_dir():
            msg = f"{path} is a directory, not a file"
            raise FileAccessError(msg)
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            msg = f"{path} is {size} bytes, larger than the {MAX_FILE_BYTES} bytes orgmodel reads"
            raise FileAccessError(msg)
        return path.read_bytes()
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

    Either the whole new file is in place afterwards or the old one is untouched.
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as err:
        problem = Problem(
            ProblemCode.WRONG_TYPE,
            "",
            f"the text holds {text[err.start : err.end]!r}, which cannot be written as UTF-8 "
            "(a lone surrogate)",
        )
        raise ValidationError([problem], source=str(path)) from err
    directory = path.parent
    try:
        if path.is_dir():
            msg = f"{path} is a directory; give a file name"
            raise FileAccessError(msg)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except FileNotFoundError as err:
        msg = f"cannot write {path}: the folder {directory} does not exist"
        raise FileAccessError(msg) from err
    except PermissionError as err:
        msg = f"permission denied writing in {directory}"
        raise FileAccessError(msg) from err
    except OSError as err:
        if isinstance(err, FileAccessError):
            raise
        msg = f"cannot write {path}: {err.strerror or err}"
        raise FileAccessError(msg) from err
    tmp = Path(tmp_name)
    try:
        try:
            mode = path.stat().st_mode & 0o777
        except OSError:
            mode = _NEW_FILE_MODE
        tmp.chmod(mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)
    except OSError as err:
        with contextlib.suppress(OSError):
            tmp.unlink()
        msg = f"cannot write {path}: {err.strerror or err}"
        raise FileAccessError(msg) from err
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
