"""Atomic file writing for the command line: a failure never leaves half a file.

Examples
--------
>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as tmp:
...     path = pathlib.Path(tmp) / "out.txt"
...     with atomic_path(path) as partial:
...         _ = partial.write_text("hello", encoding="utf-8")
...     path.read_text(encoding="utf-8")
'hello'
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from orgmodel.exceptions import FileAccessError

__all__ = ["atomic_path", "write_text_atomic"]


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside *path*; move it over *path* when the block succeeds.

    If the block raises, the temporary file is removed and *path* is left as it was.

    Raises
    ------
    FileAccessError
        When the directory cannot be written to.

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
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".partial", dir=directory or Path()
        )
    except OSError as err:
        msg = f"cannot write {path}: {err.strerror or err}"
        raise FileAccessError(msg) from err
    os.close(handle)
    partial = Path(name)
    try:
        yield partial
        umask = os.umask(0)
        os.umask(umask)
        partial.chmod(0o666 & ~umask)
        partial.replace(path)
    except OSError as err:
        partial.unlink(missing_ok=True)
        msg = f"cannot write {path}: {err.strerror or err}"
        raise FileAccessError(msg) from err
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path, text: str) -> None:
    """Write *text* to *path* in UTF-8, atomically.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = pathlib.Path(tmp) / "schema.json"
    ...     write_text_atomic(path, "{}")
    ...     path.read_text(encoding="utf-8")
    '{}'
    """
    with atomic_path(path) as partial:
        partial.write_text(text, encoding="utf-8")
