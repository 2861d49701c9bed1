r"""Reading and writing files safely: clear errors, bounded reads, strict decoding.

:func:`read_bytes` never trusts a file's size: it reads a regular file, a FIFO or a
pipe (``<(command)``) a block at a time and stops with an error past
:data:`MAX_FILE_BYTES`; a FIFO nobody writes to is given up on after
:data:`FIFO_WAIT` seconds instead of blocking for ever; a device (``/dev/zero``, a
terminal, a disk) or a socket is refused before anything is read.  Where the file
must be UTF-8 text, text that is not, or holds NUL, is refused as soon as a block
shows it, so a binary file never gets read to the end.

Examples
--------
>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "firm.yaml"
>>> _ = path.write_text("organization: Acme\n", encoding="utf-8")
>>> read_bytes(path)
b'organization: Acme\n'
>>> read_bytes(pathlib.Path("/dev/zero"))
Traceback (most recent call last):
...
orgmodel.exceptions.FileAccessError: cannot read /dev/zero: it is a device, not a file
"""

from __future__ import annotations

import codecs
import os
import select
import stat
import time
from pathlib import Path

from orgmodel._atomic import file_error, write_text_atomically
from orgmodel.model.exceptions import FileAccessError, ValidationError
from orgmodel.model.problems import Problem, ProblemCode

__all__ = ["FIFO_WAIT", "MAX_FILE_BYTES", "check_text", "decode", "read_bytes", "write_atomically"]

#: Input files larger than this are refused (1 GiB).
MAX_FILE_BYTES = 1 << 30
#: Seconds to wait for a FIFO's writer to send something before giving up.
FIFO_WAIT = 30.0
_BLOCK = 1 << 20


def read_bytes(path: Path, *, utf8: bool = False) -> bytes:
    """Return the contents of *path*, or raise :class:`FileAccessError` saying why not.

    With *utf8*, the file must be UTF-8 text without NUL, and a block that shows it
    is not stops the reading at once; without, any bytes are read (a workbook, or a
    table whose encoding is sniffed later).

    Raises
    ------
    FileAccessError
        When the file is missing, a directory, a device or a socket, unreadable,
        larger than :data:`MAX_FILE_BYTES`, or a FIFO that sends nothing for
        :data:`FIFO_WAIT` seconds.
    ValidationError
        With *utf8*, as soon as a block shows that the file is not UTF-8 or holds NUL.
    """
    try:
        info = path.stat()
    except FileNotFoundError as err:
        msg = f"no such file: {path}"
        raise FileAccessError(msg) from err
    except OSError as err:
        raise _read_error(path, err) from err
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        msg = f"{path} is a directory, not a file"
        raise FileAccessError(msg)
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        msg = f"cannot read {path}: it is a device, not a file"
        raise FileAccessError(msg)
    if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
        msg = f"cannot read {path}: it is a socket or other special file, not a file"
        raise FileAccessError(msg)
    if info.st_size > MAX_FILE_BYTES:
        msg = (
            f"{path} is {info.st_size} bytes, larger than the {MAX_FILE_BYTES} bytes orgmodel reads"
        )
        raise FileAccessError(msg)
    pipe = stat.S_ISFIFO(mode)
    try:
        fd = os.open(path, os.O_RDONLY | (os.O_NONBLOCK if pipe else 0))
    except OSError as err:
        raise _read_error(path, err) from err
    try:
        return _read_all(fd, path, pipe=pipe, utf8=utf8)
    except OSError as err:
        raise _read_error(path, err) from err
    finally:
        os.close(fd)


def _read_error(path: Path, err: OSError) -> FileAccessError:
    return file_error(path, err, action="read")


def _read_all(fd: int, path: Path, *, pipe: bool, utf8: bool) -> bytes:
    """Read *fd* to its end in blocks, checking the size and the text as it goes."""
    blocks: list[bytes] = []
    total = 0
    decoder = codecs.getincrementaldecoder("utf-8")()
    while True:
        block = _fifo_block(fd, path) if pipe else os.read(fd, _BLOCK)
        if not block:
            return b"".join(blocks)
        total += len(block)
        if total > MAX_FILE_BYTES:
            msg = f"{path} is larger than the {MAX_FILE_BYTES} bytes orgmodel reads"
            raise FileAccessError(msg)
        if utf8:
            _check_block(decoder, block, blocks, path)
        blocks.append(block)


def _fifo_block(fd: int, path: Path) -> bytes:
    """Return the next block from a FIFO opened without blocking; ``b""`` at its end.

    Until a writer has come and gone the FIFO is never "at its end" for
    :func:`select.select`, so silence is timed: after :data:`FIFO_WAIT` seconds
    without a byte the read is given up.
    """
    deadline = time.monotonic() + FIFO_WAIT
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            msg = (
                f"cannot read {path}: it is a FIFO (named pipe) and nothing was written to "
                f"it for {FIFO_WAIT:g} s"
            )
            raise FileAccessError(msg)
        ready, _, _ = select.select([fd], [], [], min(remaining, 1.0))
        if not ready:
            continue
        try:
            return os.read(fd, _BLOCK)
        except BlockingIOError:  # woken, but another reader took the data
            continue


def _check_block(
    decoder: codecs.IncrementalDecoder, block: bytes, before: list[bytes], path: Path
) -> None:
    """Refuse a block of bytes that shows the file is not UTF-8 text (or holds NUL)."""
    try:
        decoder.decode(block)
    except UnicodeDecodeError as err:
        at = sum(map(len, before)) + err.start
        problem = Problem(
            ProblemCode.SYNTAX_ERROR,
            _line_of(before, block, err.start),
            f"the file is not UTF-8 text (byte {block[err.start]:#04x} at offset {at}); "
            "save it as UTF-8",
        )
        raise ValidationError([problem], source=str(path)) from err
    nul = block.find(b"\x00")
    if nul >= 0:
        problem = Problem(
            ProblemCode.SYNTAX_ERROR,
            _line_of(before, block, nul),
            "the text contains a NUL character; is it a binary file?",
        )
        raise ValidationError([problem], source=str(path))


def _line_of(before: list[bytes], block: bytes, position: int) -> str:
    line = sum(b.count(b"\n") for b in before) + block.count(b"\n", 0, position) + 1
    return f"line {line}"


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


def check_text(text: str, source: str, *, writing: bool = False) -> str:
    r"""Refuse text with NUL characters or lone surrogates, which no orgmodel format allows.

    With *writing*, *text* is what a writer made, and the message says so.

    Examples
    --------
    >>> check_text("a\ud800b", "<yaml text>")
    Traceback (most recent call last):
    ...
    orgmodel.exceptions.ValidationError: 1 problem in <yaml text>:
      - line 1: the text holds '\ud800', a lone surrogate (half of a pair) that no ...
    """
    where = text.find("\x00")
    if where >= 0 and not writing:
        line = text.count("\n", 0, where) + 1
        problem = Problem(
            ProblemCode.SYNTAX_ERROR,
            f"line {line}",
            "the text contains a NUL character; is it a binary file?",
        )
        raise ValidationError([problem], source=source)
    if not text.isascii():  # a flag CPython keeps on each string: no scan
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as err:
            line = text.count("\n", 0, err.start) + 1
            problem = Problem(
                ProblemCode.WRONG_TYPE,
                f"line {line}",
                f"the text holds {text[err.start : err.end]!r}, a lone surrogate (half of a "
                "pair) that no file can hold",
            )
            raise ValidationError([problem], source=source) from err
    return text


def write_atomically(path: Path, text: str) -> None:
    """Write *text* as UTF-8 to *path* through a temporary file and :func:`os.replace`.

    Either the whole new file is in place afterwards or the old one is untouched
    (:func:`orgmodel._atomic.write_text_atomically`).
    """
    write_text_atomically(path, text)
