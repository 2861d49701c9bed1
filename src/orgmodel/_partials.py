"""The temporary files of atomic writes: their names, and sweeping up stale ones.

A file is written as ``.<name>.<pid>-<random>.partial`` beside its target (the name
cut so the whole fits in :data:`MAX_NAME_BYTES`) and moved over the target when
complete.  A process killed before it could clean up (SIGKILL, a power cut) leaves
one behind; :func:`sweep_partials`, run before every write into a folder, removes
every such file whose process no longer runs, and ones of the older
``.<name>.<random>.partial`` form (``tempfile.mkstemp``'s) more than an hour old.

Examples
--------
>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> partial_path(folder / "firm.yaml", pid=42).name.startswith(".firm.yaml.42-")
True
"""

from __future__ import annotations

import os
import re
import secrets
import time
from pathlib import Path

__all__ = ["MAX_NAME_BYTES", "partial_path", "short_name", "sweep_partials"]

#: The longest file name (in bytes) most file systems allow.
MAX_NAME_BYTES = 255
_SUFFIX = ".partial"
_PARTIAL = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)-[0-9a-f]{8}\.partial$", re.DOTALL)
_LEGACY = re.compile(r"^\..+\.[a-z0-9_]{8}\.partial$", re.DOTALL)  # tempfile.mkstemp's
_LEGACY_AGE = 3600.0  # seconds


def short_name(name: str, extra: int) -> str:
    """Cut *name* so that it fits in :data:`MAX_NAME_BYTES` with *extra* more bytes.

    Examples
    --------
    >>> len(short_name("a" * 300, 10))
    245
    """
    room = MAX_NAME_BYTES - extra
    encoded = name.encode("utf-8", "surrogateescape")
    if len(encoded) <= room:
        return name
    return encoded[:room].decode("utf-8", "ignore")


def _short_name(name: str, pid: int) -> str:
    """Cut *name* so that its partial file's name fits in :data:`MAX_NAME_BYTES`."""
    return short_name(name, len(f"..{pid}-00000000{_SUFFIX}"))


def partial_path(target: Path, pid: int | None = None) -> Path:
    """Return a new temporary name beside *target* (not created).

    Examples
    --------
    >>> name = partial_path(Path("out/firm.yaml"), pid=42).name
    >>> name.startswith(".firm.yaml.42-"), name.endswith(".partial")
    (True, True)
    """
    pid = os.getpid() if pid is None else pid
    return target.with_name(
        f".{_short_name(target.name, pid)}.{pid}-{secrets.token_hex(4)}{_SUFFIX}"
    )


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, but not ours to signal
        return True
    return True


def sweep_partials(directory: Path, *, now: float | None = None) -> list[Path]:
    """Remove the partial files in *directory* left by processes that no longer run.

    Returns the files removed.  Nothing else is touched, and a file that cannot be
    removed is left where it is.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / ".chart.svg.999999999-0a1b2c3d.partial").write_bytes(b"half")
    >>> [p.name for p in sweep_partials(folder)]
    ['.chart.svg.999999999-0a1b2c3d.partial']
    """
    if os.name != "posix":  # pragma: no cover - process ids are checked on POSIX only
        return []
    removed: list[Path] = []
    moment = time.time() if now is None else now
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if not name.endswith(_SUFFIX) or not name.startswith("."):
            continue
        found = _PARTIAL.match(name)
        try:
            if found is not None:
                stale = not _running(int(found["pid"]))
            elif _LEGACY.match(name):
                stale = moment - entry.stat(follow_symlinks=False).st_mtime > _LEGACY_AGE
            else:
                continue
            if stale and entry.is_file(follow_symlinks=False):
                stale_file = Path(entry.path)
                stale_file.unlink()
                removed.append(stale_file)
        except OSError:
            continue
    return removed
