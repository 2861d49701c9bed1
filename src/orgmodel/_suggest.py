"""Did-you-mean suggestions for unknown ids, keys and values."""

from __future__ import annotations

import difflib
from collections.abc import Collection

__all__ = ["did_you_mean", "suggest"]

# difflib is quadratic in the worst case; beyond this many candidates we only compare
# against those of similar length, which keeps a million-id lookup fast.
_MANY = 2_000
_LENGTH_SLACK = 2


def suggest(word: str, candidates: Collection[str]) -> str | None:
    """Return the candidate closest to *word*, or ``None`` when nothing is close.

    Examples
    --------
    >>> suggest("manger", ["manager", "name", "unit"])
    'manager'
    >>> suggest("zzz", ["manager"]) is None
    True
    """
    pool: Collection[str] = candidates
    if len(candidates) > _MANY:
        pool = [
            c for c in candidates if abs(len(c) - len(word)) <= _LENGTH_SLACK and c[:1] == word[:1]
        ]
        if len(pool) > _MANY:
            pool = list(pool)[:_MANY]
    matches = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(word: str, candidates: Collection[str]) -> str:
    """Return ``" — did you mean 'x'?"`` for the closest candidate, or ``""``.

    Examples
    --------
    >>> did_you_mean("bbo", ["bob", "alice"])
    " — did you mean 'bob'?"
    """
    best = suggest(word, candidates)
    return f" — did you mean {best!r}?" if best is not None else ""
