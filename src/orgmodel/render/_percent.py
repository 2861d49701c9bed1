"""One rule for showing shares as percentages on every chart.

A chart shows every percentage with the same number of decimals (*digits*, one by
default), so that ``35.1%`` never stands beside ``5.745%``. Trailing zeros are
dropped (``30%``, not ``30.0%``), and rounding never turns a holding into nothing or
into everything: a share above 0 that rounds to 0 shows as ``<0.1%``, one below 1
that rounds to 100 as ``>99.9%``. Ranges keep both ends (``25–50%``).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from orgmodel.model.exceptions import ValidationError
from orgmodel.model.problems import Problem, ProblemCode
from orgmodel.model.share import Share

__all__ = ["DEFAULT_DIGITS", "MAX_DIGITS", "check_digits", "format_fraction", "format_share"]

DEFAULT_DIGITS = 1
"""Decimals shown after the point of a percentage, unless a chart is told otherwise."""

MAX_DIGITS = 6
"""The most decimals a chart shows; a float carries no more that mean anything."""

_WHOLE = Decimal(100)


def check_digits(digits: object) -> int:
    """Return *digits* if it is a whole number from 0 to :data:`MAX_DIGITS`, else raise.

    Raises
    ------
    ValidationError
        For anything else, naming the allowed range.

    Examples
    --------
    >>> check_digits(2)
    2
    >>> check_digits(-1)
    Traceback (most recent call last):
    ...
    orgmodel.exceptions.ValidationError: 1 problem:
      - percent_digits: 'percent_digits' must be a whole number from 0 to 6 (got -1) ...
    """
    if isinstance(digits, bool) or not isinstance(digits, int) or not 0 <= digits <= MAX_DIGITS:
        msg = f"'percent_digits' must be a whole number from 0 to {MAX_DIGITS} (got {digits!r})"
        raise ValidationError([Problem(ProblemCode.WRONG_TYPE, "percent_digits", msg)])
    return digits


def format_fraction(value: float, digits: int = DEFAULT_DIGITS) -> str:
    """Return the fraction *value* (0 to 1) as a percentage with *digits* decimals.

    Examples
    --------
    >>> format_fraction(0.3511), format_fraction(0.05745), format_fraction(0.3)
    ('35.1%', '5.7%', '30%')
    >>> format_fraction(0.0004), format_fraction(0.99996), format_fraction(1.0)
    ('<0.1%', '>99.9%', '100%')
    >>> format_fraction(0.05745, 2), format_fraction(0.355, 0)
    ('5.75%', '36%')
    """
    return _number(value, digits) + "%"


def format_share(share: Share, digits: int = DEFAULT_DIGITS) -> str:
    """Return *share* as a chart shows it: ``35.1%``, or a range such as ``25–50%``.

    Examples
    --------
    >>> format_share(Share.exact(0.35114))
    '35.1%'
    >>> format_share(Share.between(0.25, 0.5))
    '25–50%'
    >>> format_share(Share.between(0.00001, 0.2), digits=2)
    '<0.01–20%'
    """
    if share.is_exact:
        return format_fraction(share.lower, digits)
    return f"{_number(share.lower, digits)}–{format_fraction(share.upper, digits)}"


def _number(value: float, digits: int) -> str:
    percent = Decimal(repr(value * 100.0))
    step = Decimal(1).scaleb(-digits)
    # Half away from zero, as people round by hand (35.15 -> 35.2), on the decimal
    # text of the number rather than on its binary approximation.
    shown = percent.quantize(step, rounding=ROUND_HALF_UP)
    if percent > 0 and shown == 0:
        return "<" + _plain(step)
    if percent < _WHOLE <= shown:
        return ">" + _plain(_WHOLE - step)
    return _plain(shown)


def _plain(number: Decimal) -> str:
    text = f"{number:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text
