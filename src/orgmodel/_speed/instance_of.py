"""A type-checking field validator that is a plain function, not an attrs class.

Building a million people runs these checks about ten million times.  attrs'
``instance_of`` validator is a class whose ``__call__`` goes through a bound
method; a closure does the same check with one ``isinstance`` and no attribute
look-ups.  Measured with ``benchmarks/bench_speedups.py`` (CPU seconds, best of 2,
2026-12-01, a shared 2-core machine): building and validating the synthetic
organisation of 1M people takes 8.9 s with it and 10.5 s with attrs' validators
(1.18x; 1.19x at 100k).
It raises the same ``TypeError``, with the same arguments and message, as attrs'
validator does.  With speed-ups off (see :mod:`orgmodel._speed`) it returns attrs'
own validators.

Examples
--------
>>> import attrs
>>> @attrs.frozen
... class Point:
...     x: int = attrs.field(validator=instance_of(int))
>>> Point(1).x
1
>>> try:
...     Point("1")
... except TypeError as err:
...     print(err.args[0])
'x' must be <class 'int'> (got '1' that is a <class 'str'>).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from orgmodel._speed import enabled

__all__ = ["Validator", "instance_of"]

_ENABLED = enabled("instance_of")

#: The signature of an attrs field validator.
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def instance_of(cls: type, *, optional: bool = False) -> Validator:
    """Return a validator that checks a field holds an instance of *cls*.

    Parameters
    ----------
    cls : type
        The type the value must have.
    optional : bool
        Whether ``None`` is allowed too.

    Returns
    -------
    callable
        An attrs field validator raising ``TypeError`` in attrs' own shape.
    """
    if not _ENABLED:
        check: Validator = attrs.validators.instance_of(cls)
        return attrs.validators.optional(check) if optional else check

    def fast_check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, cls) or (optional and value is None):
            return
        msg = f"'{attribute.name}' must be {cls!r} (got {value!r} that is a {value.__class__!r})."
        raise TypeError(msg, attribute, cls, value)

    return fast_check
