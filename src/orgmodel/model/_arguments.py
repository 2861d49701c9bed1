"""Checks of the arguments the public functions take, so a wrong one is a clear error.

An analysis, a writer or a chart given something that is not an
:class:`~orgmodel.Organization` (``None``, a file name, a dict) raises a
:class:`~orgmodel.exceptions.ValidationError` naming the function and what it got,
never an ``AttributeError`` from deep inside; an :class:`~orgmodel.Organization`
given records of the wrong type lists every one.

Examples
--------
>>> organization_argument(None, "classify")
Traceback (most recent call last):
...
orgmodel.exceptions.ValidationError: 1 problem:
  - classify() needs an Organization (got None); load one with om.load(path) [wrong-type]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from orgmodel.model.exceptions import ValidationError
from orgmodel.model.problems import Problem, ProblemCode
from orgmodel.model.records import Entity, Person, Relationship, Stake, Unit
from orgmodel.model.vocabulary import Tag

if TYPE_CHECKING:
    from orgmodel.model.organization import Organization

__all__ = ["organization_argument", "record_tuple", "record_type_problems", "shown"]

_SHOWN = 40  # characters of a wrong value shown in a message


def shown(value: object) -> str:
    """Return *value* for a message: its repr, cut short, and its type.

    Examples
    --------
    >>> shown(1), shown(None), shown("x" * 100)[-12:]
    ('1 (an int)', 'None', 'x... (a str)')
    """
    if value is None:
        return "None"
    text = repr(value)
    if len(text) > _SHOWN:
        text = text[: _SHOWN - 3] + "..."
    name = type(value).__name__
    return f"{text} ({'an' if name[0] in 'aeiou' else 'a'} {name})"


def organization_argument(value: object, function: str) -> Organization:
    """Return *value* when it is an Organization; raise a clear error otherwise.

    Raises
    ------
    ValidationError
        A ``wrong-type`` problem naming *function* and what it was given.
    """
    from orgmodel.model.organization import Organization  # noqa: PLC0415 - it imports us

    if isinstance(value, Organization):
        return value
    problem = Problem(
        ProblemCode.WRONG_TYPE,
        "",
        f"{function}() needs an Organization (got {shown(value)}); load one with om.load(path)",
    )
    raise ValidationError([problem])


def record_tuple(value: object, field: str) -> tuple[object, ...]:
    """Return the records *value* gives for *field* as a tuple (the field's converter).

    Raises
    ------
    ValidationError
        When *value* is not a list or other iterable of records (``None``, a number,
        a string, a mapping).
    """
    if isinstance(value, Iterable) and not isinstance(value, str | bytes | Mapping):
        return tuple(value)
    problem = Problem(
        ProblemCode.WRONG_TYPE, field, f"'{field}' must be a list of records (got {shown(value)})"
    )
    raise ValidationError([problem])


_TYPES: tuple[tuple[str, type], ...] = (
    ("people", Person),
    ("entities", Entity),
    ("units", Unit),
    ("stakes", Stake),
    ("relationships", Relationship),
    ("custom_tags", Tag),
)


def record_type_problems(org: Organization) -> list[Problem]:
    """List every record of *org* that is not of its field's type, and bad plain fields."""
    problems = []
    name: object = org.name  # typed str, but given by the caller
    focal: object = org.focal_entity
    if not isinstance(name, str):
        problems.append(
            Problem(ProblemCode.WRONG_TYPE, "name", f"'name' must be a string (got {shown(name)})")
        )
    if focal is not None and not isinstance(focal, str):
        problems.append(
            Problem(
                ProblemCode.WRONG_TYPE,
                "focal_entity",
                f"'focal_entity' must be an id (a string) or None (got {shown(focal)})",
            )
        )
    for field, cls in _TYPES:
        records: tuple[object, ...] = getattr(org, field)
        for i, record in enumerate(records):
            if type(record) is not cls and not isinstance(record, cls):
                problems.append(
                    Problem(
                        ProblemCode.WRONG_TYPE,
                        f"{field}[{i}]",
                        f"{field}[{i}] must be {_a(cls.__name__)} (got {shown(record)})",
                    )
                )
    return problems


def _a(name: str) -> str:
    return f"{'an' if name[0] in 'AEIOU' else 'a'} {name}"
