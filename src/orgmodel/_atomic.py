"""Atomic file writing, the one mechanism every writer in orgmodel uses.

A file is written beside its target under a temporary name and moved over the
target with :func:`os.replace` only when the writing succeeded, so a failure never
leaves half a file and never touches an existing one.

Examples
--------
>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as tmp:
...     path = pathlib.Path(tmp) / "out.txt"
...     write_text_atomically(path, "hello")
...     path.read_text(encoding="utf-8")
'hello'
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from orgmodel.model.exceptions import FileAccessError, ValidationError
from orgmodel.model.problems import Problem, ProblemCode

__all__ = ["atomic_path", "write_text_atomically"]


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside *path*; move it over *path* when the block succeeds.

    The finished file keeps the permissions of the file it replaces (a new file gets
    the usual ``0o666`` less the umask) and is flushed to disk before the move. If
    the block raises, the temporary file is removed and *path* is left as it was.

    Raises
    ------
    FileAccessError
        When *path* is a directory, its folder is missing, or it cannot be written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = pathlib.Path(tmp) / "out.txt"
    ...     try:
    ...         with atomic_path(path) as partial:
    ...             _ = partial.write_text("half", encoding="utf-8")
    ...             raise RuntimeError("interrupted")
    ...     except RuntimeError:
    ...         pass
    ...     sorted(p.name for p in pathlib.Path(tmp).iterdir())
    []
    """
    directory = path.parent
    if path.is_dir():
        msg = f"cannot write {path}: it is a directory; give a file name"
        raise FileAccessError(msg)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=directory)
    except FileNotFoundError as err:
        msg = f"cannot write {path}: the folder {directory} does not exist"
        raise FileAccessError(msg) from err
    except PermissionError as err:
        msg = f"permission denied writing in {directory}"
        raise FileAccessError(msg) from err
    except OSError as err:
        msg = f"cannot write {path}: {err.strerror or err}"
        raise FileAccessError(msg) from err
    os.close(handle)
    partial = Path(name)
    try:
        yield partial
        try:
            mode = path.stat().st_mode & 0o777
        except OSError:
            mode = _new_file_mode()
        partial.chmod(mode)
        with partial.open("rb") as written:
            os.fsync(written.fileno())
        partial.replace(path)
    except OSError as err:
        partial.unlink(missing_ok=True)
        if isinstance(err, FileAccessError):
            raise
        msg = f"cannot write {path}: {err.strerror or err}"
        raise FileAccessError(msg) from err
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def write_text_atomically(path: Path, text: str) -> None:
    r"""Write *text* as UTF-8 to *path*, atomically (see :func:`atomic_path`).

    Raises
    ------
    ValidationError
        When *text* cannot be encoded as UTF-8 (a lone surrogate); nothing is written.
    FileAccessError
        When the file cannot be written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "bad.txt"
    >>> write_text_atomically(path, "\ud800")
    Traceback (most recent call last):
    ...
    orgmodel.exceptions.ValidationError: 1 problem in ...
    >>> path.exists()
    False
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
    with atomic_path(path) as partial:
        partial.write_bytes(data)
