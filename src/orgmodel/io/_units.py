"""Units made from the departments people are in: one unit per path, parents from paths.

A department cell may name a nested path (``Operations / Facilities``,
``Operations > Facilities``); every prefix of a path becomes a unit, and each unit's
parent is the prefix one shorter.  A unit's id is its path joined with ``" > "``
(``Operations > Facilities``), its name the last part.  Nothing else is made up:
units get no function and no head (inferring heads is the classifier's business).

Examples
--------
>>> split_path("Operations / Facilities"), split_path("Sales>EMEA"), split_path(" HR ")
(('Operations', 'Facilities'), ('Sales', 'EMEA'), ('HR',))
>>> units, ids = units_from_paths([("Ops", "IT"), (), ("Ops",)])
>>> [(u.id, u.name, u.parent) for u in units], ids
([('Ops', 'Ops', None), ('Ops > IT', 'IT', 'Ops')], ['Ops > IT', None, 'Ops'])
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from orgmodel.model import Unit

__all__ = ["JOIN", "split_path", "units_from_paths"]

#: What joins the parts of a path into a unit id.
JOIN: Final = " > "
#: What separates the parts of a nested department: ``>``, ``»``, ``|``, a backslash,
#: or a slash with a space on either side (``R&D/Labs`` stays one department).
_SEPARATOR = re.compile(r"\s*[>»|\\]\s*|\s+/\s*|\s*/\s+")


def split_path(cell: str) -> tuple[str, ...]:
    """Split a department cell into the parts of its path (empty parts dropped)."""
    if not cell:
        return ()
    return tuple(part for part in (p.strip() for p in _SEPARATOR.split(cell)) if part)


def units_from_paths(paths: Sequence[tuple[str, ...]]) -> tuple[list[Unit], list[str | None]]:
    """Return the units the *paths* make, and each path's unit id (``None`` for ``()``).

    Units come in the order their paths first appear, parents before children.
    """
    made: dict[tuple[str, ...], str] = {}
    units: list[Unit] = []
    out: list[str | None] = []
    for path in paths:
        if not path:
            out.append(None)
            continue
        found = made.get(path)
        if found is None:
            for depth in range(1, len(path) + 1):
                prefix = path[:depth]
                if prefix not in made:
                    uid = JOIN.join(prefix)
                    parent = made[prefix[:-1]] if depth > 1 else None
                    made[prefix] = uid
                    units.append(Unit(uid, prefix[-1], parent=parent))
            found = made[path]
        out.append(found)
    return units, out
