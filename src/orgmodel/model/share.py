"""Fractions of ownership that are either exact or known only as a range."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

import attrs

from orgmodel.model.exceptions import ShareError

__all__ = ["Share", "ShareData"]

_PERCENT_LIMIT = 100.0  # a bare number up to this is probably a percentage

#: What :meth:`Share.to_data` returns and :meth:`Share.parse` accepts back.
ShareData = float | dict[str, float]

_PERCENT = re.compile(r"^\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*%\s*$")
_NUMBER = re.compile(r"^\s*([-+]?[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*$")
_RANGE = re.compile(r"^\s*([^-–]+?)\s*(%?)\s*(?:-|–|to)\s*([^-–]+?)\s*(%?)\s*$")


def _check_bound(_instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        msg = (
            f"'{attribute.name}' must be a number (got {value!r} that is a {type(value).__name__})"
        )
        raise ShareError(msg)
    if not (math.isfinite(value) and 0.0 <= value <= 1.0):
        msg = f"'{attribute.name}' must be a fraction between 0 and 1 (got {value!r})"
        if math.isfinite(value) and 1.0 < value <= _PERCENT_LIMIT:
            msg += f' — write "{value:g}%" for {value:g} per cent'
        raise ShareError(msg)


@attrs.frozen
class Share:
    """A fraction in [0, 1] known exactly or as a range ``[lower, upper]``.

    Ownership registers often publish bands ("25-50%") rather than exact figures, so
    every share, vote and profit share in orgmodel is a :class:`Share`. An exact share
    has ``lower == upper``.

    Attributes
    ----------
    lower, upper : float
        The bounds, ``0 <= lower <= upper <= 1``.

    Examples
    --------
    >>> Share.parse("40%")
    Share(lower=0.4, upper=0.4)
    >>> s = Share.parse("25-50%")
    >>> s.is_exact, str(s)
    (False, '25–50%')
    >>> Share.parse({"minimum": 0.25, "maximum": 0.5}) == s
    True
    >>> Share.parse(40)
    Traceback (most recent call last):
    ...
    orgmodel.exceptions.ShareError: 'share' must be a fraction between 0 and 1 (got 40) — ...
    """

    lower: float = attrs.field(validator=_check_bound)
    upper: float = attrs.field(validator=_check_bound)

    def __attrs_post_init__(self) -> None:
        if self.lower > self.upper:
            msg = (
                f"a share's lower bound must not exceed its upper bound "
                f"(got {self.lower!r} > {self.upper!r})"
            )
            raise ShareError(msg)

    @classmethod
    def exact(cls, value: float) -> Share:
        """Return the exact share *value*.

        Examples
        --------
        >>> Share.exact(0.25).value
        0.25
        """
        return cls(value, value)

    @classmethod
    def between(cls, lower: float, upper: float) -> Share:
        """Return the range ``[lower, upper]``.

        Examples
        --------
        >>> str(Share.between(0.25, 0.5))
        '25–50%'
        """
        return cls(lower, upper)

    @classmethod
    def parse(cls, value: object, *, name: str = "share") -> Share:
        """Read a share from a number, a ``%`` string, a range or a mapping.

        Accepted forms: ``0.4``; ``"40%"``; ``"0.4"``; ``"25-50%"`` or ``"25%-50%"``;
        ``{"minimum": 0.25, "maximum": 0.5}``; a :class:`Share`.  A bare number above 1
        is an error that suggests the ``%`` form; nothing is guessed.

        Parameters
        ----------
        value : object
            The value as read from a file or given by a caller.
        name : str
            The field name used in error messages (``share``, ``voting``, ...).

        Raises
        ------
        ShareError
            When *value* is not a fraction or range of fractions in [0, 1].

        Examples
        --------
        >>> Share.parse("12.5%").value
        0.125
        >>> Share.parse("1/3")
        Traceback (most recent call last):
        ...
        orgmodel.exceptions.ShareError: 'share' must be a number in [0, 1], ... (got '1/3')
        """
        if isinstance(value, Share):
            return value
        if isinstance(value, Mapping):
            return cls._parse_mapping(value, name)
        if isinstance(value, str):
            return cls._parse_text(value, name)
        number = _as_number(value, name)
        _check_named(number, name)
        return cls(number, number)

    @classmethod
    def _parse_mapping(cls, value: Mapping[Any, Any], name: str) -> Share:
        keys = set(value)
        if keys != {"minimum", "maximum"}:
            msg = (
                f"a range for '{name}' needs exactly the keys 'minimum' and 'maximum' "
                f"(got {sorted(map(str, keys))})"
            )
            raise ShareError(msg)
        lower = cls.parse(value["minimum"], name=f"{name}.minimum").lower
        upper = cls.parse(value["maximum"], name=f"{name}.maximum").upper
        if lower > upper:
            msg = f"'{name}' has minimum {lower:g} above maximum {upper:g}"
            raise ShareError(msg)
        return cls(lower, upper)

    @classmethod
    def _parse_text(cls, text: str, name: str) -> Share:
        if match := _PERCENT.match(text):
            number = float(match.group(1)) / 100.0
            if number > 1.0:
                msg = f"'{name}' must be at most 100% (got {text.strip()!r})"
                raise ShareError(msg)
            return cls(number, number)
        if match := _NUMBER.match(text):
            number = float(match.group(1))
            _check_named(number, name)
            return cls(number, number)
        if match := _RANGE.match(text):
            low_text, low_pct, high_text, high_pct = match.groups()
            percent = bool(high_pct)
            if low_pct and not percent:
                pass  # "25%-0.5" mixes forms: fall through to the error below
            else:
                low = cls._parse_text(low_text + ("%" if percent else ""), name).lower
                high = cls._parse_text(high_text + ("%" if percent else ""), name).upper
                if low > high:
                    msg = f"'{name}' has its lower bound above its upper bound (got {text!r})"
                    raise ShareError(msg)
                return cls(low, high)
        msg = (
            f"'{name}' must be a number in [0, 1], a percentage such as \"40%\" "
            f'or a range such as "25-50%" (got {text!r})'
        )
        raise ShareError(msg)

    @property
    def is_exact(self) -> bool:
        """Whether the share is known exactly."""
        return self.lower == self.upper

    @property
    def value(self) -> float:
        """The exact value; a range raises :class:`~orgmodel.exceptions.ShareError`.

        Examples
        --------
        >>> Share.parse("25-50%").value
        Traceback (most recent call last):
        ...
        orgmodel.exceptions.ShareError: the share 25–50% is a range; use .lower, .upper or .midpoint
        """
        if not self.is_exact:
            msg = f"the share {self} is a range; use .lower, .upper or .midpoint"
            raise ShareError(msg)
        return self.lower

    @property
    def midpoint(self) -> float:
        """The middle of the range (the value itself when exact)."""
        return (self.lower + self.upper) / 2.0

    def to_data(self) -> ShareData:
        """Return the lossless plain form: a number, or ``{"minimum", "maximum"}``.

        Examples
        --------
        >>> Share.exact(0.4).to_data()
        0.4
        >>> Share.between(0.25, 0.5).to_data()
        {'minimum': 0.25, 'maximum': 0.5}
        """
        if self.is_exact:
            return self.lower
        return {"minimum": self.lower, "maximum": self.upper}

    def __str__(self) -> str:
        if self.is_exact:
            return _percent(self.lower)
        return f"{_percent(self.lower)[:-1]}–{_percent(self.upper)}"


def _percent(value: float) -> str:
    return f"{value * 100:.4g}%"


def _as_number(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        msg = f"'{name}' must be a number or a string such as \"40%\" (got {value!r})"
        raise ShareError(msg)
    return float(value) if isinstance(value, int) else value


def _check_named(number: float, name: str) -> None:
    if math.isfinite(number) and 0.0 <= number <= 1.0:
        return
    shown = f"{number:g}" if math.isfinite(number) else repr(number)
    msg = f"'{name}' must be a fraction between 0 and 1 (got {shown})"
    if math.isfinite(number) and 1.0 < number <= _PERCENT_LIMIT:
        msg += f' — write "{number:g}%" for {number:g} per cent'
    raise ShareError(msg)
