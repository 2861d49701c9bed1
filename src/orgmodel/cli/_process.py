"""The command line as a process: signals, standard streams that fail, exit statuses.

- **Ctrl-C** (SIGINT), **SIGTERM** and **SIGHUP** stop the command with one line on
  standard error and exit status 128 + the signal's number (130 for Ctrl-C, 143 for
  SIGTERM), the shells' convention, never a traceback or click's "Aborted!".  The
  signal is raised as :class:`Interrupted` where the command is, so every file being
  written is removed (writes are atomic) and a Graphviz process is killed on the way
  out; a second signal while that happens ends the process at once.
- **Standard output that fails** — a full disk (``> /dev/full``), a closed
  descriptor (``>&-``), an I/O error — is one line, ``error: cannot write the
  output: ...``, and exit status 1; a closed pipe (``| head``) ends quietly with 1, as
  click does.

Examples
--------
>>> import signal
>>> Interrupted(signal.SIGINT).status, Interrupted(signal.SIGTERM).status
(130, 143)
>>> print(Interrupted(signal.SIGINT))
interrupted (Ctrl-C); nothing is left half-written
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import IO, Any

__all__ = ["ClosedStream", "Interrupted", "guard_streams", "output_failed", "signals_raise"]

_HANDLED = tuple(
    sig
    for sig in (signal.SIGINT, getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None))
    if sig is not None
)
_WHAT: dict[int, str] = {signal.SIGINT: "interrupted (Ctrl-C)"}


class Interrupted(Exception):  # noqa: N818 - it is what happened, not an error
    """A signal asked the command to stop; raised where the command was."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        what = _WHAT.get(signum) or f"stopped by {signal.Signals(signum).name}"
        super().__init__(f"{what}; nothing is left half-written")

    @property
    def status(self) -> int:
        """The exit status: 128 + the signal's number."""
        return 128 + int(self.signum)


def _raise(signum: int, _frame: FrameType | None) -> None:
    for sig in _HANDLED:  # a second signal during the clean-up ends the process
        signal.signal(sig, _exit_now)
    raise Interrupted(signum)


def _exit_now(signum: int, _frame: FrameType | None) -> None:
    os._exit(128 + signum)


@contextlib.contextmanager
def signals_raise() -> Iterator[None]:
    """Turn SIGINT, SIGTERM and SIGHUP into :class:`Interrupted` while the block runs."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous: dict[int, Any] = {sig: signal.getsignal(sig) for sig in _HANDLED}
    for sig in _HANDLED:
        signal.signal(sig, _raise)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


class ClosedStream:
    """Stands in for a standard stream whose descriptor was closed (``>&-``).

    Nothing can be written to it: a write raises the ``OSError`` writing to a closed
    descriptor would, so the command says so instead of losing its output silently.
    """

    def __init__(self, name: str) -> None:
        self.name = name

    def write(self, _text: str) -> int:
        """Refuse, as the closed descriptor would."""
        raise OSError(errno.EBADF, f"standard {self.name} is closed")

    def flush(self) -> None:
        """Nothing was written, so there is nothing to flush."""

    def isatty(self) -> bool:
        """Not a terminal."""
        return False

    def fileno(self) -> int:
        """There is no descriptor."""
        raise OSError(errno.EBADF, f"standard {self.name} is closed")


def guard_streams() -> None:
    """Put :class:`ClosedStream` in place of a standard stream Python found closed."""
    if sys.stdout is None:
        sys.stdout = ClosedStream("output")
    if sys.stderr is None:
        sys.stderr = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115 - for good


def output_failed(err: OSError, stream: IO[str] | None) -> str:
    """Say why output could not be written; keep the interpreter quiet about it at exit.

    The stream's unwritten buffer would be flushed again when Python exits and
    print an "Exception ignored" warning, so its descriptor is pointed at
    ``/dev/null`` first.
    """
    with contextlib.suppress(OSError, ValueError, AttributeError):
        if stream is not None and sys.__stdout__ is not None and stream.fileno() == 1:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stream.fileno())
            os.close(devnull)
    reason = err.strerror or str(err)
    return f"error: cannot write the output: {reason}"
