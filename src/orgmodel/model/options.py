"""Finding the member of an enumeration that a plain value names.

Options and file fields name enumeration members by their string values
(``"majority-chain"``, ``"partner"``); every reader of such a value uses
:func:`member_with_value` and reports a miss in its own way.

Examples
--------
>>> from orgmodel.model import LineKind
>>> member_with_value(LineKind, "dotted")
<LineKind.DOTTED: 'dotted'>
>>> member_with_value(LineKind, "dashed") is None
True
"""

from __future__ import annotations

import enum
from typing import TypeVar

__all__ = ["member_with_value"]

_E = TypeVar("_E", bound=enum.Enum)


def member_with_value(choices: type[_E], value: object) -> _E | None:
    """Return the member of *choices* whose value equals *value*, or ``None``.

    Any value may be given, unhashable ones included (they simply match nothing).
    """
    for member in choices:
        if member.value == value:
            return member
    return None
