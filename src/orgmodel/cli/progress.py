"""A quiet progress line for long work in the command line.

When standard error is a terminal, :class:`Status` shows a spinner with the elapsed
time after a short delay (so quick commands never flicker) and clears it when the work
ends.  When standard error is a file or a pipe it writes nothing at all.

Examples
--------
>>> import io
>>> out = io.StringIO()
>>> with Status("Loading firm.yaml", stream=out):
...     pass
>>> out.getvalue()
''
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from types import TracebackType
from typing import Protocol, Self, TextIO

__all__ = ["Status", "Stop"]

_FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
_CLEAR = "\r\x1b[K"


class Stop(Protocol):
    """What :class:`Status` waits on: ``threading.Event``, or a fake in tests."""

    def set(self) -> None:
        """Ask the spinner to stop."""

    def wait(self, timeout: float) -> bool:
        """Wait up to *timeout* seconds; return whether the spinner should stop."""


class Status:
    """Show ``label`` with a spinner and elapsed seconds on a terminal while work runs.

    Parameters
    ----------
    label : str
        What is being done ("Loading firm.yaml").
    stream : text stream
        Where to draw; nothing is drawn unless ``stream.isatty()`` is true.
    delay : float
        Seconds to wait before the line first appears.
    interval : float
        Seconds between redraws.
    clock : callable
        Returns the time in seconds (``time.monotonic``; tests pass a fake).
    stop : Stop, optional
        What the spinner waits on between frames (a new ``threading.Event``).

    Examples
    --------
    >>> import io
    >>> class Terminal(io.StringIO):
    ...     def isatty(self):
    ...         return True
    >>> Status("Rendering", stream=Terminal()).enabled, Status("x", stream=io.StringIO()).enabled
    (True, False)
    """

    def __init__(
        self,
        label: str,
        *,
        stream: TextIO,
        delay: float = 0.4,
        interval: float = 0.1,
        clock: Callable[[], float] = time.monotonic,
        stop: Stop | None = None,
    ) -> None:
        self.label = label
        self._stream = stream
        self._delay = delay
        self._interval = interval
        self._clock = clock
        self._stop: Stop = stop if stop is not None else threading.Event()
        self._thread: threading.Thread | None = None
        self._shown = False

    @property
    def enabled(self) -> bool:
        """Whether the stream is a terminal, so the line is drawn."""
        isatty = getattr(self._stream, "isatty", None)
        return bool(isatty and isatty())

    def __enter__(self) -> Self:
        if self.enabled:
            self._thread = threading.Thread(target=self._run, name="orgmodel-status", daemon=True)
            self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._thread is None:
            return
        self._stop.set()
        self._thread.join()
        if self._shown:
            self._stream.write(_CLEAR)
            self._stream.flush()

    def _run(self) -> None:
        start = self._clock()
        if self._stop.wait(self._delay):
            return
        frame = 0
        while True:
            elapsed = self._clock() - start
            symbol = _FRAMES[frame % len(_FRAMES)]
            self._stream.write(f"{_CLEAR}{symbol} {self.label}… {elapsed:.1f} s")
            self._stream.flush()
            self._shown = True
            frame += 1
            if self._stop.wait(self._interval):
                return
