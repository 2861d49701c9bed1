"""What the cells of an HR export say: vacancies, withheld names, flags, numbers, employment.

Examples
--------
>>> post_of("Vacant"), post_of("ELIMINATED"), post_of("N/D"), post_of("Ann Lee")
(<Post.VACANT: 'vacant'>, <Post.ELIMINATED: 'eliminated'>, <Post.WITHHELD: 'withheld'>, None)
>>> flag("Yes"), flag("0"), flag("maybe")
(True, False, None)
>>> number("£45,000"), number("0.5"), number("N/D")
(45000, 0.5, None)
>>> [employment_of(c).value for c in ("Full-Time", "Contractor", "Equity Partner")]
['employee', 'contractor', 'partner']
"""

from __future__ import annotations

import enum
import math
import re
from typing import Final

from orgmodel.model import Employment

__all__ = ["Post", "employment_of", "flag", "number", "post_of"]


class Post(enum.Enum):
    """What a name cell says about its post when it holds no name."""

    VACANT = "vacant"
    ELIMINATED = "eliminated"
    WITHHELD = "withheld"


_POSTS: Final = {
    "vacant": Post.VACANT,
    "vacancy": Post.VACANT,
    "vacant post": Post.VACANT,
    "vacant position": Post.VACANT,
    "open position": Post.VACANT,
    "open role": Post.VACANT,
    "to be hired": Post.VACANT,
    "tbh": Post.VACANT,
    "eliminated": Post.ELIMINATED,
    "n/d": Post.WITHHELD,
    "nd": Post.WITHHELD,
    "not disclosed": Post.WITHHELD,
    "withheld": Post.WITHHELD,
    "redacted": Post.WITHHELD,
}
_BRACKETS = "()[]<>* "


def post_of(name: str) -> Post | None:
    """Return what the name cell *name* says about its post, or ``None`` for a name."""
    if len(name) > 20:  # noqa: PLR2004 - the longest marker is far shorter
        return None
    found = _POSTS.get(name.casefold())
    if (found is None and name[:1] in _BRACKETS) or name[-1:] in _BRACKETS:
        found = _POSTS.get(name.strip(_BRACKETS).casefold())
    return found


_FLAGS: Final = {
    "true": True,
    "false": False,
    "yes": True,
    "no": False,
    "y": True,
    "n": False,
    "1": True,
    "0": False,
    "x": True,
    "vacant": True,
    "open": True,
    "eliminated": True,
    "filled": False,
    "active": False,
}


def flag(cell: str) -> bool | None:
    """Read a yes/no cell as spreadsheets write it; ``None`` when it is neither."""
    return _FLAGS.get(cell.strip().casefold())


_MONEY = re.compile(r"[£$€¥,\s]")


def number(cell: str) -> int | float | None:
    """Read a number, ignoring currency signs and thousands separators; ``None`` if not one."""
    text = _MONEY.sub("", cell)
    if not text or len(text) > 30:  # noqa: PLR2004 - no real amount is longer
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    if not math.isfinite(value):
        return None
    if value.is_integer() and "." not in text and "e" not in text.lower():
        return int(value)
    return value


def employment_of(cell: str) -> Employment:
    """Read an employment type: orgmodel's own values, or the words HR systems use.

    Partners, members and directors by those words; contractors, consultants,
    freelancers and agency or contingent workers as contractors; everyone else
    (full-time, part-time, permanent, fixed-term, intern ...) as an employee.
    """
    text = cell.strip().casefold()
    for word, kind in _EMPLOYMENT_WORDS:
        if word in text:
            return kind
    return Employment.EMPLOYEE


_EMPLOYMENT_WORDS: Final = (
    ("partner", Employment.PARTNER),
    ("member", Employment.MEMBER),
    ("director", Employment.DIRECTOR),
    ("contract", Employment.CONTRACTOR),
    ("consult", Employment.CONTRACTOR),
    ("freelanc", Employment.CONTRACTOR),
    ("contingent", Employment.CONTRACTOR),
    ("agency", Employment.CONTRACTOR),
    ("temp", Employment.CONTRACTOR),
)
