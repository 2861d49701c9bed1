"""Atomic file writes, the one mechanism every writer in orgmodel uses.

A regular file is written beside its target under a temporary name and moved over
the target with :func:`os.replace` only when the writing succeeded, so a failure
never leaves half a file and never touches an existing one.  What the target is
decides the rest:

- a **symbolic link**: the file it points to is replaced and the link is kept (a
  dangling link gets its file created);
- a **character device** or a **FIFO** (``/dev/null``, ``/dev/stdout``, a named
  pipe), or an open descriptor (``/dev/fd/N``, ``/proc/self/fd/N``): written
  directly, in order, as a stream; it cannot be replaced, so it is not atomic.  A
  FIFO nobody reads is refused at once rather than waited on;
- a **block device**, a **socket** or a **directory**: refused with a clear error;
- a file with **other hard links**: replaced by a new file, so the other names keep
  the old content (writing in place would give up atomicity).  The new file keeps
  the old one's permissions (and, when run as root, its owner).

The temporary file is called ``.<name>.<pid>-<random>.partial``; a stale one, left
by a process killed before it could clean up, is removed by the next write into its
folder (:mod:`orgmodel._partials`).

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
import enum
import errno
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from orgmodel._partials import MAX_NAME_BYTES, partial_path, sweep_partials
from orgmodel.model.exceptions import FileAccessError, ValidationError
from orgmodel.model.problems import Problem, ProblemCode

__all__ = [
    "Target",
    "atomic_path",
    "checked_path",
    "classify_target",
    "file_error",
    "finish_partial",
    "write_chunks_atomically",
    "write_text_atomically",
]

#: The longest file name (in bytes) most file systems allow.
_FD_PATH = re.compile(r"^/(?:dev/fd|proc/self/fd)/(\d+)$|^/dev/(stdout|stderr)$")


class Target(enum.Enum):
    """What a path to be written is, which decides how it is written."""

    FILE = "file"  # a regular file, or nothing yet: replaced atomically
    STREAM = "stream"  # a character device or a FIFO: written directly
    DESCRIPTOR = "descriptor"  # /dev/stdout, /dev/fd/N: written to that descriptor


def checked_path(path: str | os.PathLike[str], *, action: str = "write") -> Path:
    r"""Return *path* as a :class:`Path`, refusing names no file system accepts.

    Raises
    ------
    FileAccessError
        When the path holds a NUL character, or a part of it is longer than
        :data:`MAX_NAME_BYTES` bytes.

    Examples
    --------
    >>> checked_path("a\x00b.yaml")
    Traceback (most recent call last):
    ...
    orgmodel.exceptions.FileAccessError: cannot write 'a\x00b.yaml': a path cannot hold ...
    """
    text = os.fspath(path)
    if "\x00" in text:
        msg = f"cannot {action} {text!r}: a path cannot hold the NUL character"
        raise FileAccessError(msg)
    for part in Path(text).parts:
        size = len(os.fsencode(part))
        if size > MAX_NAME_BYTES:
            msg = (
                f"cannot {action} {text[:60]!r}…: the name {part[:40]!r}… is {size} bytes long; "
                f"file systems allow {MAX_NAME_BYTES}"
            )
            raise FileAccessError(msg)
    return Path(text)


def classify_target(path: Path) -> tuple[Target, Path]:
    """Say how *path* is to be written, and return the path to write.

    A symbolic link is followed to the file it names; a descriptor path is returned
    as given.

    Raises
    ------
    FileAccessError
        For a directory, a block device, a socket, or a FIFO nobody reads.
    """
    if _FD_PATH.match(os.fspath(path)):
        return Target.DESCRIPTOR, path
    try:
        info = path.stat()
    except FileNotFoundError:
        resolved = Path(os.path.realpath(path)) if path.is_symlink() else path
        return Target.FILE, resolved
    except OSError as err:
        raise _access_error(path, err) from err
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return Target.FILE, Path(os.path.realpath(path)) if path.is_symlink() else path
    if stat.S_ISDIR(mode):
        msg = f"cannot write {path}: it is a directory; give a file name"
        raise FileAccessError(msg)
    if stat.S_ISCHR(mode):
        return Target.STREAM, path
    if stat.S_ISFIFO(mode):
        return Target.STREAM, path
    what = "a block device (a disk)" if stat.S_ISBLK(mode) else "a socket or other special file"
    msg = f"cannot write {path}: it is {what}, not a file"
    raise FileAccessError(msg)


def _open_stream(path: Path) -> int:
    """Open a device or FIFO for writing; refuse a FIFO nobody reads instead of waiting.

    The descriptor must stay open while anything is written: closing it tells the
    FIFO's reader that the writing is over.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
    except OSError as err:
        if err.errno == errno.ENXIO:
            msg = f"cannot write {path}: it is a FIFO (named pipe) and nothing is reading it"
            raise FileAccessError(msg) from err
        raise _access_error(path, err) from err
    os.set_blocking(fd, True)
    return fd


def file_error(path: Path, err: OSError, *, action: str = "write") -> FileAccessError:
    """Say, as a :class:`FileAccessError`, why *path* could not be read or written.

    Examples
    --------
    >>> print(file_error(Path("x.yaml"), PermissionError(13, "Permission denied"), action="read"))
    permission denied reading x.yaml
    """
    if isinstance(err, FileAccessError):
        return err
    if isinstance(err, PermissionError):
        return FileAccessError(f"permission denied {action.removesuffix('e')}ing {path}")
    if err.errno == errno.ENAMETOOLONG:
        return FileAccessError(f"cannot {action} {path}: the name is too long for the file system")
    return FileAccessError(f"cannot {action} {path}: {err.strerror or err}")


def _access_error(path: Path, err: OSError) -> FileAccessError:
    return file_error(path, err, action="write")


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _create_partial(target: Path) -> Path:
    directory = target.parent
    for _ in range(100):
        partial = partial_path(target)
        try:
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        except FileNotFoundError as err:
            msg = f"cannot write {target}: the folder {directory} does not exist"
            if directory.is_dir():
                msg = f"cannot write {target}: {directory} does not take new files"
            raise FileAccessError(msg) from err
        except PermissionError as err:
            msg = f"permission denied writing in {directory}"
            raise FileAccessError(msg) from err
        except OSError as err:
            raise _access_error(target, err) from err
        os.close(fd)
        return partial
    msg = f"cannot write {target}: no free temporary name beside it"  # pragma: no cover
    raise FileAccessError(msg)  # pragma: no cover


def _keep_mode_and_owner(partial: Path, target: Path) -> None:
    try:
        old = target.stat()
    except OSError:
        partial.chmod(_new_file_mode())
        return
    partial.chmod(stat.S_IMODE(old.st_mode))
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        with contextlib.suppress(OSError):
            os.chown(partial, old.st_uid, old.st_gid)


def _sync_directory(directory: Path) -> None:
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def finish_partial(partial: Path, target: Path) -> None:
    """Give *partial* the target's mode, flush it to disk and move it over *target*."""
    _keep_mode_and_owner(partial, target)
    with partial.open("rb") as written:
        os.fsync(written.fileno())
    partial.replace(target)
    _sync_directory(target.parent)


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield the path to write in place of *path*; put it in place when the block succeeds.

    For a regular file (or a new one) that is a temporary file beside the target,
    moved over it on success and removed on failure; for a device, a FIFO or a
    descriptor it is the target itself (see the module docstring).  Stale partial
    files in the folder are removed first.

    Raises
    ------
    FileAccessError
        When the target is a directory or a special file, its folder is missing, or
        it cannot be written.

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
    kind, target = classify_target(checked_path(path))
    if kind is not Target.FILE:
        held = _open_stream(target) if kind is Target.STREAM else None
        try:
            yield target
        except OSError as err:
            raise _access_error(target, err) from err
        finally:
            if held is not None:
                os.close(held)
        return
    sweep_partials(target.parent)
    partial = _create_partial(target)
    try:
        yield partial
        finish_partial(partial, target)
    except OSError as err:
        partial.unlink(missing_ok=True)
        raise _access_error(target, err) from err
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _surrogate_error(path: Path, err: UnicodeEncodeError) -> ValidationError:
    bad = err.object[err.start : err.end]
    context = err.object[max(0, err.start - 20) : err.start]
    problem = Problem(
        ProblemCode.WRONG_TYPE,
        "",
        f"the text holds {bad!r} (after {context!r}), a lone surrogate that UTF-8 cannot "
        "encode; fix that text",
    )
    return ValidationError([problem], source=str(path))


@contextlib.contextmanager
def _open_target(path: Path) -> Iterator[BinaryIO]:
    """Yield a binary file to write *path* through: a partial file, a stream or a descriptor."""
    found = _FD_PATH.match(os.fspath(path))
    if found is None:
        kind, target = classify_target(path)
        if kind is Target.STREAM:
            try:
                with os.fdopen(_open_stream(target), "wb") as out:
                    yield out
            except OSError as err:
                raise _access_error(target, err) from err
            return
        with atomic_path(target) as where, where.open("wb") as out:
            yield out
        return
    number = int(found[1]) if found[1] is not None else (1 if found[2] == "stdout" else 2)
    try:
        fd = os.dup(number)
    except OSError as err:
        msg = f"cannot write {path}: the descriptor {number} is not open"
        raise FileAccessError(msg) from err
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
    except OSError as err:
        raise _access_error(path, err) from err


def write_chunks_atomically(path: str | os.PathLike[str], chunks: Iterable[str]) -> None:
    r"""Write the text *chunks* as UTF-8 to *path*, one after the other (see :func:`atomic_path`).

    The whole text is never held in memory, so a writer can stream a large document.
    Writing to a descriptor (``/dev/stdout``, ``/dev/fd/3``) writes to the open
    descriptor itself (appending when it was opened to append) and leaves it open.

    Raises
    ------
    ValidationError
        When a chunk cannot be encoded as UTF-8 (a lone surrogate); a regular file is
        then left as it was.
    FileAccessError
        When the file cannot be written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "two.txt"
    >>> write_chunks_atomically(path, ["a\n", "b\n"])
    >>> path.read_text()
    'a\nb\n'
    """
    given = checked_path(path)
    with _open_target(given) as out:
        for chunk in chunks:
            try:
                data = chunk.encode("utf-8")
            except UnicodeEncodeError as err:
                raise _surrogate_error(given, err) from err
            out.write(data)


def write_text_atomically(path: str | os.PathLike[str], text: str) -> None:
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
    write_chunks_atomically(path, [text])
