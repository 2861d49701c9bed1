"""The text notation of shares, read by a linear-time scanner (no regular expressions).

Grammar (``ws`` is any Unicode whitespace; ``%`` may follow each number or the whole)::

    share    := ws* ( compare | interval | number ) ws*
    number   := [ "+" | "-" ] ( digits [ "." digits? ] | "." digits )
                [ ("e" | "E") [ "+" | "-" ] digits ]
    compare  := ( ">" | ">=" | "≥" | "<" | "<=" | "≤" ) ws* number [ ws* "%" ]
    interval := [ "(" | "[" ] ws* number [ ws* "%" ] ws* sep ws* number [ ws* "%" ] ws*
                [ ")" | "]" ] [ ws* "%" ]
    sep      := "-" | "–" | "—" | "to"

A sign is read on a lone number or the first bound only (a negative one is then
refused by the caller with a clear message).  ``(`` and ``)`` make a bound exclusive,
``[`` and ``]`` (or no bracket) inclusive.
``>25%`` is more than 25% (up to 100% inclusive), ``<50%`` less than 50% (from 0
inclusive).  When the upper number carries ``%`` (or the whole is followed by one),
both numbers are per cent; a ``%`` on the lower number alone is an error.

Every character is looked at a bounded number of times, so the time is linear in the
length of the text whatever it holds (the old regular expression backtracked
polynomially on runs of spaces).
"""

from __future__ import annotations

import attrs

__all__ = ["Bounds", "NotationError", "scan"]

_LOWER_MARKS = {"(": True, "[": False}
_UPPER_MARKS = {")": True, "]": False}
_COMPARE = {">": (True, True), "≥": (True, False), "<": (False, True), "≤": (False, False)}
_SEPARATORS = ("-", "–", "—")
#: Longest number text read; longer is refused before any conversion (a 10**400-digit
#: mantissa is no share).
MAX_NUMBER = 64


class NotationError(ValueError):
    """The text is not in the share notation; the message says what was expected."""


@attrs.frozen
class Bounds:
    """What the text says, before any check of the values.

    ``lower``/``upper`` are the numbers as written (per cent when ``percent``), or
    ``None`` when the notation leaves that side at its limit (``>25%``).
    """

    lower: float | None
    upper: float | None
    lower_open: bool
    upper_open: bool
    percent: bool


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.end = len(text)

    def skip_space(self) -> None:
        text, pos, end = self.text, self.pos, self.end
        while pos < end and text[pos].isspace():
            pos += 1
        self.pos = pos

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < self.end else ""

    def take(self, options: str | tuple[str, ...]) -> str:
        for option in (options,) if isinstance(options, str) else options:
            if self.text.startswith(option, self.pos):
                self.pos += len(option)
                return option
        return ""

    def digits(self) -> int:
        start = self.pos
        text, pos, end = self.text, self.pos, self.end
        while pos < end and "0" <= text[pos] <= "9":
            pos += 1
        self.pos = pos
        return pos - start

    def number(self, *, signed: bool = False) -> float:
        start = self.pos
        if signed:
            self.take(("+", "-"))
        whole = self.digits()
        fraction = 0
        if self.take("."):
            fraction = self.digits()
        if whole == 0 and fraction == 0:
            msg = "a number"
            raise NotationError(msg)
        if self.peek() in ("e", "E"):
            mark = self.pos
            self.pos += 1
            self.take(("+", "-"))
            if self.digits() == 0:
                self.pos = mark
                msg = "digits after the exponent"
                raise NotationError(msg)
        written = self.text[start : self.pos]
        if len(written) > MAX_NUMBER:
            msg = f"a number of at most {MAX_NUMBER} characters"
            raise NotationError(msg)
        return float(written)  # never raises: float() of such text gives inf, not an error

    def percent(self) -> bool:
        mark = self.pos
        self.skip_space()
        if self.take("%"):
            return True
        self.pos = mark
        return False


def scan(text: str) -> Bounds:
    """Read *text* in the share notation; raise :class:`NotationError` otherwise.

    Examples
    --------
    >>> scan(" (25-50]% ")
    Bounds(lower=25.0, upper=50.0, lower_open=True, upper_open=False, percent=True)
    >>> scan(">25%")
    Bounds(lower=25.0, upper=None, lower_open=True, upper_open=False, percent=True)
    >>> scan("0.4")
    Bounds(lower=0.4, upper=0.4, lower_open=False, upper_open=False, percent=False)
    """
    s = _Scanner(text)
    s.skip_space()
    first = s.peek()
    bounds = _compare(s) if first in _COMPARE else _interval(s)
    s.skip_space()
    if s.pos != s.end:
        msg = f"the end of the share after {text[: s.pos].strip()!r}"
        raise NotationError(msg)
    return bounds


def _compare(s: _Scanner) -> Bounds:
    sign = s.peek()
    s.pos += 1
    if sign in ("<", ">") and s.take("="):
        sign = "≥" if sign == ">" else "≤"
    is_lower, is_open = _COMPARE[sign]
    s.skip_space()
    value = s.number()
    percent = s.percent()
    if is_lower:
        return Bounds(value, None, is_open, upper_open=False, percent=percent)
    return Bounds(None, value, lower_open=False, upper_open=is_open, percent=percent)


def _interval(s: _Scanner) -> Bounds:
    lower_open = _LOWER_MARKS.get(s.peek())
    bracketed = lower_open is not None
    if bracketed:
        s.pos += 1
        s.skip_space()
    low = s.number(signed=not bracketed)
    low_percent = s.percent()
    s.skip_space()
    if not s.take((*_SEPARATORS, "to")):
        if bracketed or low_percent:
            if not bracketed:
                return Bounds(low, low, lower_open=False, upper_open=False, percent=True)
            msg = "'-' or 'to' between the two bounds"
            raise NotationError(msg)
        return Bounds(low, low, lower_open=False, upper_open=False, percent=False)
    s.skip_space()
    high = s.number()
    high_percent = s.percent()
    s.skip_space()
    upper_open = _UPPER_MARKS.get(s.peek())
    if upper_open is not None:
        s.pos += 1
    elif bracketed:
        msg = "a closing ']' or ')'"
        raise NotationError(msg)
    if upper_open is not None and not bracketed:
        msg = "an opening '[' or '(' to match the closing bracket"
        raise NotationError(msg)
    tail_percent = upper_open is not None and s.percent()
    if tail_percent and high_percent:
        msg = "one '%' after the upper bound, not two"
        raise NotationError(msg)
    percent = high_percent or tail_percent
    if low_percent and not percent:
        msg = "'%' on both bounds or on neither"
        raise NotationError(msg)
    return Bounds(
        low,
        high,
        lower_open=bool(lower_open),
        upper_open=bool(upper_open),
        percent=percent,
    )
