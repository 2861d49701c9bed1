"""Sentence helpers for evidence: lists of names as prose, counts with their nouns."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["listing", "plural"]

_SHOWN = 3  # names listed in a sentence before "and N more"


def listing(names: Sequence[str], limit: int = _SHOWN) -> str:
    """Join names as prose: ``"A, B and C"``, ``"A, B, C and 2 more"``.

    Examples
    --------
    >>> listing(["A"]), listing(["A", "B"]), listing(["A", "B", "C", "D", "E"])
    ('A', 'A and B', 'A, B, C and 2 more')
    """
    if len(names) > limit:
        return f"{', '.join(names[:limit])} and {len(names) - limit} more"
    if len(names) > 1:
        return f"{', '.join(names[:-1])} and {names[-1]}"
    return "".join(names)


def plural(n: int, word: str, many: str | None = None) -> str:
    """Write a count with its noun: ``"1 unit"``, ``"3 units"``.

    Examples
    --------
    >>> plural(1, "unit"), plural(3, "unit"), plural(2, "body", "bodies")
    ('1 unit', '3 units', '2 bodies')
    """
    return f"{n} {word}" if n == 1 else f"{n} {many or word + 's'}"
