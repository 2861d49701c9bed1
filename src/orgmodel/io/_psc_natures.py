"""What a list of natures of control gives: the figures of a PSC's stakes.

Most lines of a snapshot share their list of natures, so the reader computes what
a list gives once (:func:`read_natures`) and caches it; every stake built from it
shares the same :class:`~orgmodel.model.Share` records and the same list of codes.

Examples
--------
>>> found = read_natures(
...     ["ownership-of-shares-25-to-50-percent", "voting-rights-75-to-100-percent"]
... )
>>> share, voting, profit, control = found.direct
>>> str(share), str(voting), found.indirect, found.weight
('(25–50]%', '75–100%', None, 0.75)
"""

from __future__ import annotations

from typing import Any

import attrs

from orgmodel.io._psc_codes import NATURES, Held, Measure
from orgmodel.model import Control, Share

__all__ = ["Figures", "Natures", "read_natures"]

#: (share, voting, profit_share, control) of one stake.
Figures = tuple[Share, Share | None, Share | None, tuple[Control, ...]]
_NONE = Share.exact(0.0)
_MEASURES = (Measure.SHARE, Measure.VOTING)


@attrs.frozen
class Natures:
    """What one list of natures of control gives."""

    direct: Figures | None
    indirect: Figures | None  # through a trust or a firm
    codes: list[str]
    bad: tuple[int, ...]
    weight: float  # the largest lower bound of the direct figures

    @classmethod
    def of(
        cls,
        direct: Figures | None,
        indirect: Figures | None,
        codes: list[str],
        bad: tuple[int, ...],
    ) -> Natures:
        lows = [] if direct is None else [f.lower for f in direct[:3] if f is not None]
        return cls(direct, indirect, codes, bad, max(lows, default=0.0))


def _hull(a: Share | None, b: Share) -> Share:
    """Return the smallest band holding both (two bands of one measure on one PSC)."""
    if a is None or a == b:
        return b
    low = min((a.lower, not a.lower_open), (b.lower, not b.lower_open))
    high = max((a.upper, not a.upper_open), (b.upper, not b.upper_open))
    return Share(low[0], high[0], lower_open=not low[1], upper_open=not high[1])


def read_natures(natures: list[Any]) -> Natures:
    slots: dict[bool, list[Any]] = {}
    bad: list[int] = []
    for j, code in enumerate(natures):
        nature = NATURES.get(code) if isinstance(code, str) else None
        if nature is None:
            bad.append(j)
            continue
        slot = slots.setdefault(nature.held is not Held.DIRECT, [None, None, None, []])
        if nature.control is not None:
            if nature.control not in slot[3]:
                slot[3].append(nature.control)
        elif nature.band is not None:
            k = _MEASURES.index(nature.measure)
            slot[k] = _hull(slot[k], nature.band)
    made = {through: (s[0] or _NONE, s[1], s[2], tuple(s[3])) for through, s in slots.items()}
    codes = [c for c in natures if isinstance(c, str)]
    return Natures.of(made.get(False), made.get(True), codes, tuple(bad))
