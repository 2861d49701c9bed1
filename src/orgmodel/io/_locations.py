"""Where a problem is: document paths such as ``people[3].manager`` and their places.

Model validation reports locations by position in the :class:`~orgmodel.Organization`
(``people[3].manager``).  A loader may drop unusable records or fold top-level
``lines`` onto people, so :class:`Relocator` maps those positions back to the
places in the file, and a *locate* function adds what the format knows (a YAML line,
a CSV file and row).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import attrs

from orgmodel.model.problems import Problem

__all__ = ["Locate", "Relocator", "describe", "no_place", "segments"]

#: Turns a document path into the location shown to the user.
Locate = Callable[[str], str]

_RECORD = re.compile(r"^(people|entities|units|stakes|relationships)\[(\d+)\](.*)$", re.DOTALL)
_SEGMENT = re.compile(r"\[(\d+)\]|\.?([^.\[\]]+)")


def no_place(path: str) -> str:
    """Return *path* unchanged: for data that has no lines or rows."""
    return path


def segments(path: str) -> list[str | int]:
    """Split ``people[3].manager`` into ``["people", 3, "manager"]``.

    Examples
    --------
    >>> segments("people[3].dotted[0]")
    ['people', 3, 'dotted', 0]
    """
    out: list[str | int] = []
    for index, key in _SEGMENT.findall(path):
        out.append(int(index) if index else key)
    return out


@attrs.define
class Relocator:
    """Map model positions back to document paths, then to displayed locations.

    Attributes
    ----------
    positions : dict
        For each section, the document index of each record kept, in model order.
    origins : dict
        Model paths whose value came from elsewhere (``people[2].manager`` set by
        ``lines[4]``), mapped to that place.
    """

    positions: dict[str, list[int]] = attrs.field(factory=dict)
    origins: dict[str, str] = attrs.field(factory=dict)

    def path(self, location: str) -> str:
        """Return the document path for the model location *location*."""
        match = _RECORD.match(location)
        if match:
            section, index, rest = match.groups()
            kept = self.positions.get(section)
            position = int(index)
            if kept is not None and position < len(kept):
                location = f"{section}[{kept[position]}]{rest}"
        return self.origins.get(location, location)

    def problems(self, problems: Iterable[Problem], locate: Locate) -> list[Problem]:
        """Return *problems* with their locations mapped into the document."""
        return [attrs.evolve(p, location=locate(self.path(p.location))) for p in problems]


def describe(value: object) -> str:
    """Name the type of a parsed value the way a file's author thinks of it.

    Examples
    --------
    >>> describe([1]), describe(None), describe(True)
    ('a list', 'null', 'a boolean')
    """
    for kind, name in _NAMES:
        if isinstance(value, kind):
            return name
    return f"a {type(value).__name__}"


_NAMES: tuple[tuple[type | tuple[type, ...], str], ...] = (
    (type(None), "null"),
    (bool, "a boolean"),
    ((int, float), "a number"),
    (str, "a string"),
    ((list, tuple), "a list"),
    (dict, "a mapping"),
)
