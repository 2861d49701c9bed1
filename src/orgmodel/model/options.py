"""Reading an option or a field that names a member of an enumeration.

Every option that names a choice — a look-through ``rule``, a ``regime``, a
``measure``, a chart's ``color_by`` or ``layout``, a file ``format`` — accepts the
enumeration member or its string value, everywhere, through :func:`read_option`.
A bad one raises :class:`~orgmodel.exceptions.OptionError` (an
:class:`~orgmodel.exceptions.OrgModelError` that is also a ``ValueError``) whose
message lists the allowed values with a did-you-mean.  File readers, which report a
bad value as a problem with its place in the file instead, look values up with
:func:`member_of`.

Examples
--------
>>> from orgmodel.model import LineKind
>>> read_option("dotted", LineKind, "kind")
<LineKind.DOTTED: 'dotted'>
>>> read_option(LineKind.SOLID, LineKind, "kind")
<LineKind.SOLID: 'solid'>
>>> read_option("doted", LineKind, "kind")
Traceback (most recent call last):
...
orgmodel.exceptions.OptionError: 'kind' must be one of 'solid', 'dotted' (got 'doted') — \
did you mean 'dotted'?
>>> member_of(LineKind, "dashed") is None
True
"""

from __future__ import annotations

import enum
import functools
from typing import TypeVar

from orgmodel._suggest import did_you_mean
from orgmodel.model.exceptions import OptionError

__all__ = ["allowed_values", "member_of", "read_option"]

_E = TypeVar("_E", bound=enum.Enum)


@functools.cache
def _table(choices: type[enum.Enum]) -> dict[object, enum.Enum]:
    """Map each member, and each member's value, to the member."""
    table: dict[object, enum.Enum] = {m.value: m for m in choices}
    table.update((m, m) for m in choices)
    return table


def member_of(choices: type[_E], value: object) -> _E | None:
    """Return the member of *choices* that *value* is or names, or ``None``.

    Any value may be given, unhashable ones included (they match nothing).
    """
    try:
        return _table(choices).get(value)  # type: ignore[return-value]  # members of choices
    except TypeError:  # unhashable
        return None


def allowed_values(choices: type[enum.Enum]) -> str:
    """Return the values of *choices* as a message lists them: ``'a', 'b', 'c'``."""
    return ", ".join(repr(m.value) for m in choices)


def read_option(value: object, choices: type[_E], name: str) -> _E:
    """Return the member of *choices* that *value* is or names.

    Parameters
    ----------
    value : enum member or str
        The option as given: a member of *choices*, or its string value.
    choices : type
        The enumeration.
    name : str
        The option's name, for the message.

    Returns
    -------
    enum member
        The member of *choices*.

    Raises
    ------
    OptionError
        When *value* is neither, listing the allowed values with a did-you-mean.
    """
    found = member_of(choices, value)
    if found is not None:
        return found
    hint = did_you_mean(value, [str(m.value) for m in choices]) if isinstance(value, str) else ""
    msg = f"{name!r} must be one of {allowed_values(choices)} (got {value!r}){hint}"
    raise OptionError(msg)
