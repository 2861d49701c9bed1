r"""Writing a set of files all-or-nothing: every file of the set, or none of them.

A CSV organisation is ``people.csv`` and its sibling files; replacing them one by
one would leave, after a failure half-way, new siblings beside an old
``people.csv`` — a set that no longer loads.  :func:`atomic_files` instead:

1. takes the set's **lock** (``.<main file>.lock`` beside it, held with
   :func:`fcntl.flock`), so two processes writing the same set take turns; one that
   waits longer than :data:`LOCK_TIMEOUT` seconds gives up with an error naming the
   process holding it.  The lock dies with its process, so it is never stale;
2. writes every file of the set under a temporary name (``atomic_path``'s naming);
   a failure here (disk full, no permission) leaves every old file as it was;
3. moves the new files into place, keeping a hard link to each old one; should a
   move fail, the files already moved are put back from those links, so the old set
   is whole again, and the error names what was and was not replaced;
4. removes the links and the lock file.

A reader loading the set during step 3 (a few renames) can still see a mixture;
writers never interleave.

Examples
--------
>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> with atomic_files(folder / "people.csv", [folder / "people.csv", folder / "stakes.csv"]) as out:
...     for target, partial in out.items():
...         _ = partial.write_text(f"{target.name}\n")
>>> sorted(p.name for p in folder.iterdir())
['people.csv', 'stakes.csv']
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from orgmodel._atomic import Target, checked_path, classify_target, finish_partial
from orgmodel._partials import partial_path, short_name, sweep_partials
from orgmodel.model.exceptions import FileAccessError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows has no flock: writers are not serialised
    _flock = None
else:
    _flock = fcntl.flock

__all__ = ["LOCK_TIMEOUT", "atomic_files", "set_lock"]

#: Seconds a writer waits for another one writing the same set before giving up.
LOCK_TIMEOUT = 60.0
_POLL = 0.05


def _lock_path(main: Path) -> Path:
    return main.with_name(f".{short_name(main.name, len('..lock'))}.lock")


@contextlib.contextmanager
def set_lock(main: Path, *, timeout: float | None = None) -> Iterator[None]:
    """Hold the lock of the file set whose main file is *main* while the block runs.

    *timeout* is :data:`LOCK_TIMEOUT` unless given.

    Raises
    ------
    FileAccessError
        When another process holds it for longer than *timeout* seconds, or the lock
        file cannot be made.
    """
    where = _lock_path(main)
    timeout = LOCK_TIMEOUT if timeout is None else timeout
    deadline = time.monotonic() + timeout
    while True:
        try:
            fd = os.open(where, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as err:
            msg = f"cannot lock {main} for writing ({where}): {err.strerror or err}"
            raise FileAccessError(msg) from err
        if _try_lock(fd):
            # The holder before us may have removed the file after we opened it: a
            # lock on a removed file guards nothing, so open the new one and retry.
            try:
                same = os.path.samestat(os.fstat(fd), where.stat())
            except OSError:
                same = False
            if same:
                break
        os.close(fd)
        if time.monotonic() > deadline:
            msg = (
                f"another process is writing {main} ({_holder(where)}); "
                f"gave up after {timeout:g} s — try again when it has finished"
            )
            raise FileAccessError(msg)
        time.sleep(_POLL)
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        with contextlib.suppress(OSError):
            where.unlink()
        os.close(fd)  # closing releases the lock


def _try_lock(fd: int) -> bool:
    if _flock is None:  # pragma: no cover - see the import
        return True
    try:
        _flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _holder(where: Path) -> str:
    try:
        pid = where.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        pid = ""
    return f"process {pid}" if pid.isdigit() else "its lock file is " + where.name


@contextlib.contextmanager
def atomic_files(
    main: Path, targets: Sequence[Path], *, locked: bool = False
) -> Iterator[dict[Path, Path]]:
    """Yield ``{target: temporary path}`` for the set; put them all in place on success.

    *main* names the set (its lock, taken here unless *locked* says the caller holds
    it already); *targets* are moved into place in their order, so give the main
    file last.  When the block raises, every temporary file is removed and no target
    is touched.

    Raises
    ------
    FileAccessError
        When a target is a directory or a special file, the set is locked by another
        process, a file cannot be written, or the files cannot all be moved into
        place (the message says which were not, and the old set is put back).
    """
    checked = []
    for target in targets:
        kind, resolved = classify_target(checked_path(target))
        if kind is not Target.FILE:
            msg = f"cannot write {target}: a set of files is written to regular files only"
            raise FileAccessError(msg)
        checked.append(resolved)
    lock = contextlib.nullcontext() if locked else set_lock(checked_path(main))
    with lock:
        for folder in {t.parent for t in checked}:
            sweep_partials(folder)
        partials: dict[Path, Path] = {}
        try:
            for target in checked:
                partial = partial_path(target)
                try:
                    partial.touch(mode=0o600, exist_ok=False)
                except OSError as err:
                    msg = f"cannot write {target}: {err.strerror or err}"
                    raise FileAccessError(msg) from err
                partials[target] = partial
            yield dict(partials)
            _swap(partials)
        finally:
            for partial in partials.values():
                partial.unlink(missing_ok=True)


def _backup(target: Path) -> Path | None:
    """Keep the old *target* under a temporary name; ``None`` when there is none."""
    if not target.exists():
        return None
    backup = partial_path(target)
    try:
        os.link(target, backup)
    except OSError:  # no hard links on this file system: copy instead
        shutil.copy2(target, backup)
    return backup


def _swap(partials: dict[Path, Path]) -> None:
    """Move every partial over its target; on a failure, put the old targets back."""
    done: list[tuple[Path, Path | None]] = []
    backups: list[Path] = []
    try:
        for target, partial in partials.items():
            backup = _backup(target)
            if backup is not None:
                backups.append(backup)
            finish_partial(partial, target)
            done.append((target, backup))
    except OSError as err:
        failed = next(t for t in partials if t not in {d for d, _ in done})
        not_restored = _restore(done)
        replaced = [t.name for t, _ in done]
        untouched = [t.name for t in partials if t != failed and t.name not in replaced]
        msg = f"cannot replace {failed}: {err.strerror or err}"
        if not_restored:
            msg += (
                f"; {', '.join(not_restored)} could not be put back and hold the new content, "
                f"so the set in {failed.parent} is mixed — write it again"
            )
        else:
            left = [*replaced, failed.name, *untouched]
            msg += f"; none of {', '.join(left)} was replaced: the old files are as they were"
        raise FileAccessError(msg) from err
    finally:
        for backup in backups:
            backup.unlink(missing_ok=True)


def _restore(done: list[tuple[Path, Path | None]]) -> list[str]:
    """Put back the old files of *done*; return the names that could not be."""
    failed: list[str] = []
    for target, backup in reversed(done):
        try:
            if backup is None:
                target.unlink()
            else:
                backup.replace(target)
        except OSError:
            failed.append(target.name)
    return failed
