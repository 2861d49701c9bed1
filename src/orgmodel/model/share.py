"""Fractions of ownership known exactly, as a range, or as an open-ended band.

Registers publish bands whose ends may be open or closed: the UK's "more than 25% but
not more than 50%" is ``(25%, 50%]``, "75% or more" is ``[75%, 100%]``.  A
:class:`Share` keeps both the bounds and whether each is attained, and reads the text
notation documented in ``docs/file-format.md`` (``"40%"``, ``"25-50%"``,
``"(25-50]%"``, ``">25%"``) with a linear-time scanner (:mod:`._share_text`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import attrs

from orgmodel.model._share_text import NotationError, scan
from orgmodel.model.exceptions import ShareError

__all__ = ["Share", "ShareData"]

_PERCENT_LIMIT = 100.0  # a bare number up to this is probably a percentage

#: What :meth:`Share.to_data` returns and :meth:`Share.parse` accepts back.
ShareData = float | dict[str, float]

#: The keys of a share mapping: one lower and one upper key.
_LOWER_KEYS = ("minimum", "exclusive_minimum")
_UPPER_KEYS = ("maximum", "exclusive_maximum")
_TEXT_LIMIT = 10_000  # longer text is refused before it is scanned


def _as_float(value: object) -> float | None:
    """*value* as a float when it is a real number (bool excluded), else ``None``.

    Integers too large for a float (``10**400``) give ``inf``, never ``OverflowError``.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, int):
        try:
            return float(value)
        except OverflowError:
            return math.inf if value > 0 else -math.inf
    return float(value)


def _shown(value: float) -> str:
    return f"{value:g}" if math.isfinite(value) else repr(value)


def _described(value: object, number: float) -> str:
    """How an out-of-range *value* is shown: huge integers by their size, not ``inf``."""
    if isinstance(value, int) and not math.isfinite(number):
        digits = int(abs(value).bit_length() * math.log10(2)) + 1
        return f"an integer of about {digits} digits"
    return _shown(number)


def _check_bound(_instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    number = _as_float(value)
    if number is None:
        msg = (
            f"'{attribute.name}' must be a number (got {value!r} that is a {type(value).__name__})"
        )
        raise ShareError(msg)
    if not (math.isfinite(number) and 0.0 <= number <= 1.0):
        shown = repr(value) if math.isfinite(number) else _described(value, number)
        msg = f"'{attribute.name}' must be a fraction between 0 and 1 (got {shown})"
        if math.isfinite(number) and 1.0 < number <= _PERCENT_LIMIT:
            msg += f' — write "{number:g}%" for {number:g} per cent'
        raise ShareError(msg)


def _check_flag(_instance: object, attribute: attrs.Attribute[bool], value: object) -> None:
    if not isinstance(value, bool):
        msg = f"'{attribute.name}' must be True or False (got {value!r})"
        raise ShareError(msg)


@attrs.frozen(repr=False)
class Share:
    """A fraction in [0, 1] known exactly or as a range, each end open or closed.

    Ownership registers often publish bands ("25-50%", "more than 25%") rather than
    exact figures, so every share, vote and profit share in orgmodel is a
    :class:`Share`.  An exact share has ``lower == upper``.  An *open* end is not
    attained: ``Share(0.25, 0.5, lower_open=True)`` is "more than 25%, at most 50%",
    which the UK's "more than 25%" test passes and "25-50%" does not.

    Attributes
    ----------
    lower, upper : float
        The bounds, ``0 <= lower <= upper <= 1``.
    lower_open, upper_open : bool
        Whether the share is strictly above *lower* / strictly below *upper*
        (default ``False``, closed).  An exact share has both closed.

    Examples
    --------
    >>> Share.parse("40%")
    Share(lower=0.4, upper=0.4)
    >>> Share.parse(">25%")
    Share(lower=0.25, upper=1.0, lower_open=True)
    >>> s = Share.parse("25-50%")
    >>> s.is_exact, str(s)
    (False, '25–50%')
    >>> Share.parse({"minimum": 0.25, "maximum": 0.5}) == s
    True
    >>> str(Share.parse(">25%")), str(Share.parse("(25-50]%")), str(Share.parse("<50%"))
    ('>25%', '(25–50]%', '<50%')
    >>> Share.parse(40)
    Traceback (most recent call last):
    ...
    orgmodel.exceptions.ShareError: 'share' must be a fraction between 0 and 1 (got 40) — ...
    """

    lower: float = attrs.field(validator=_check_bound)
    upper: float = attrs.field(validator=_check_bound)
    lower_open: bool = attrs.field(default=False, validator=_check_flag, kw_only=True)
    upper_open: bool = attrs.field(default=False, validator=_check_flag, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.lower > self.upper:
            msg = (
                f"a share's lower bound must not exceed its upper bound "
                f"(got {self.lower!r} > {self.upper!r})"
            )
            raise ShareError(msg)
        if self.lower == self.upper and (self.lower_open or self.upper_open):
            msg = (
                f"a share with both bounds at {_percent(self.lower)} and an open end is "
                "empty; make both ends closed for an exact share"
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
    def between(
        cls, lower: float, upper: float, *, lower_open: bool = False, upper_open: bool = False
    ) -> Share:
        """Return the range from *lower* to *upper*, closed unless an end is said open.

        Examples
        --------
        >>> str(Share.between(0.25, 0.5))
        '25–50%'
        >>> str(Share.between(0.25, 1.0, lower_open=True))
        '>25%'
        """
        return cls(lower, upper, lower_open=lower_open, upper_open=upper_open)

    @classmethod
    def parse(cls, value: object, *, name: str = "share") -> Share:
        """Read a share from a number, a ``%`` string, a range or a mapping.

        Accepted forms: ``0.4``; ``"40%"``; ``"0.4"``; ``"25-50%"``, ``"25%-50%"`` or
        ``"25 to 50%"``; with open or closed ends ``"(25-50]%"`` (more than 25%, at
        most 50%), ``"[50-75)%"``, ``">25%"``, ``">=25%"``, ``"<50%"``;
        ``{"minimum": 0.25, "maximum": 0.5}`` with ``exclusive_minimum`` /
        ``exclusive_maximum`` in place of either key for an open end; a
        :class:`Share`.  A bare number above 1 is an error that suggests the ``%``
        form; nothing is guessed.  The text is read in time linear in its length.

        Parameters
        ----------
        value : object
            The value as read from a file or given by a caller.
        name : str
            The field name used in error messages (``share``, ``voting``, ...).

        Raises
        ------
        ShareError
            When *value* is not a fraction or range of fractions in [0, 1]; numbers
            too large for a float (``10**400``) included.

        Examples
        --------
        >>> Share.parse("12.5%").value
        0.125
        >>> Share.parse({"exclusive_minimum": 0.5, "maximum": 0.75}).lower_open
        True
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
        number = _as_float(value)
        if number is None:
            msg = f"'{name}' must be a number or a string such as \"40%\" (got {value!r})"
            raise ShareError(msg)
        _check_named(number, name, _described(value, number))
        return cls(number, number)

    @classmethod
    def _parse_mapping(cls, value: Mapping[Any, Any], name: str) -> Share:
        keys = set(value)
        lows = [k for k in _LOWER_KEYS if k in keys]
        highs = [k for k in _UPPER_KEYS if k in keys]
        if len(lows) != 1 or len(highs) != 1 or len(keys) != 2:  # noqa: PLR2004 - two keys
            msg = (
                f"a range for '{name}' needs exactly the keys 'minimum' and 'maximum' "
                "(or 'exclusive_minimum' / 'exclusive_maximum' for an open end) "
                f"(got {sorted(map(str, keys))})"
            )
            raise ShareError(msg)
        low_key, high_key = lows[0], highs[0]
        lower = cls.parse(value[low_key], name=f"{name}.{low_key}").lower
        upper = cls.parse(value[high_key], name=f"{name}.{high_key}").upper
        lower_open, upper_open = low_key != "minimum", high_key != "maximum"
        if lower > upper or (lower == upper and (lower_open or upper_open)):
            msg = f"'{name}' has {low_key} {lower:g} above {high_key} {upper:g}"
            if lower == upper:
                msg = f"'{name}' is empty: {low_key} {lower:g} and {high_key} {upper:g}"
            raise ShareError(msg)
        return cls(lower, upper, lower_open=lower_open, upper_open=upper_open)

    @classmethod
    def _parse_text(cls, text: str, name: str) -> Share:
        shown = text if len(text) <= 60 else text[:57] + "..."  # noqa: PLR2004 - display
        expected = (
            f"'{name}' must be a number in [0, 1], a percentage such as \"40%\", "
            f'a range such as "25-50%" or a band such as "(25-50]%" or ">25%" (got {shown!r})'
        )
        if len(text) > _TEXT_LIMIT:
            raise ShareError(expected)
        try:
            bounds = scan(text)
        except NotationError as err:
            raise ShareError(expected) from err
        scale = 100.0 if bounds.percent else 1.0
        values: list[float | None] = []
        for number in (bounds.lower, bounds.upper):
            if number is None:
                values.append(None)
                continue
            if bounds.percent and number < 0.0:
                raise ShareError(expected)
            if bounds.percent and not (math.isfinite(number) and number <= _PERCENT_LIMIT):
                msg = f"'{name}' must be at most 100% (got {text.strip()!r})"
                raise ShareError(msg)
            if not bounds.percent:
                _check_named(number, name)
            values.append(number / scale)
        lower = 0.0 if values[0] is None else values[0]
        upper = 1.0 if values[1] is None else values[1]
        if lower > upper:
            msg = f"'{name}' has its lower bound above its upper bound (got {text!r})"
            raise ShareError(msg)
        if lower == upper and (bounds.lower_open or bounds.upper_open):
            msg = f"'{name}' is an empty range (got {text!r})"
            raise ShareError(msg)
        return cls(lower, upper, lower_open=bounds.lower_open, upper_open=bounds.upper_open)

    def __repr__(self) -> str:
        flags = "".join(
            f", {name}=True"
            for name, value in (("lower_open", self.lower_open), ("upper_open", self.upper_open))
            if value
        )
        return f"Share(lower={self.lower!r}, upper={self.upper!r}{flags})"

    @property
    def is_closed(self) -> bool:
        """Whether both ends are attained (no open bound)."""
        return not (self.lower_open or self.upper_open)

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
        """Return the lossless plain form: a number, or a mapping of the two bounds.

        A closed range is ``{"minimum", "maximum"}``; an open end uses
        ``exclusive_minimum`` or ``exclusive_maximum`` in place of its key.

        Examples
        --------
        >>> Share.exact(0.4).to_data()
        0.4
        >>> Share.between(0.25, 0.5).to_data()
        {'minimum': 0.25, 'maximum': 0.5}
        >>> Share.between(0.25, 0.5, lower_open=True).to_data()
        {'exclusive_minimum': 0.25, 'maximum': 0.5}
        """
        if self.is_exact:
            return self.lower
        low = "exclusive_minimum" if self.lower_open else "minimum"
        high = "exclusive_maximum" if self.upper_open else "maximum"
        return {low: self.lower, high: self.upper}

    def notation(self, *, percent: bool = True) -> str:
        """Return the share in the text notation, which :meth:`parse` reads back.

        With ``percent=False`` the numbers are the fractions' ``repr`` (exact, for
        files); otherwise per cent rounded to four significant digits (for people).

        Examples
        --------
        >>> Share.between(0.25, 0.5, lower_open=True).notation(percent=False)
        '(0.25-0.5]'
        >>> Share.between(0.25, 0.5).notation()
        '25–50%'
        """
        if percent:
            return str(self)
        if self.is_exact:
            return repr(self.lower)
        text = f"{self.lower!r}-{self.upper!r}"
        if self.is_closed:
            return text
        return ("(" if self.lower_open else "[") + text + (")" if self.upper_open else "]")

    def __str__(self) -> str:
        if self.is_exact:
            return _percent(self.lower)
        if self.is_closed:
            return f"{_percent(self.lower)[:-1]}–{_percent(self.upper)}"
        if self.lower_open and self.upper == 1.0 and not self.upper_open:
            return f">{_percent(self.lower)}"
        if self.upper_open and self.lower == 0.0 and not self.lower_open:
            return f"<{_percent(self.upper)}"
        low, high = _percent(self.lower)[:-1], _percent(self.upper)[:-1]
        return (
            ("(" if self.lower_open else "[")
            + f"{low}–{high}"
            + (")" if self.upper_open else "]")
            + "%"
        )


def _percent(value: float) -> str:
    return f"{value * 100:.4g}%"


def _check_named(number: float, name: str, shown: str | None = None) -> None:
    if math.isfinite(number) and 0.0 <= number <= 1.0:
        return
    msg = f"'{name}' must be a fraction between 0 and 1 (got {shown or _shown(number)})"
    if math.isfinite(number) and 1.0 < number <= _PERCENT_LIMIT:
        msg += f' — write "{number:g}%" for {number:g} per cent'
    raise ShareError(msg)
