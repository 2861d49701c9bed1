"""Joint holders: the PSCs of a company who hold more than 100% between them.

The register attributes the same shares to each joint holder (Companies Act 2006
Sch. 1A, joint interests: each is treated as holding the share), so the PSCs of one
company can hold more than 100% between them.  :func:`mark_joint` reads those PSCs
as joint holders (:attr:`~orgmodel.model.Role.JOINT_HOLDER`), so that the
organisation validates and each is looked through as holding the whole under
``uk-psc``, and says so with a :class:`PscJointWarning`.
"""

from __future__ import annotations

import warnings
from collections import defaultdict

import attrs

from orgmodel.model import Role, Stake
from orgmodel.model.exceptions import PscJointWarning

__all__ = ["PscJointWarning", "mark_joint"]

_EPSILON = 1e-9
_SHOWN = 5


def mark_joint(stakes: list[Stake], maybe: set[str]) -> list[Stake]:
    """Mark as joint holders the PSCs of each company whose figures add up to over 100%.

    Only the companies of *maybe* can be such.
    """
    totals: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for s in stakes:
        if s.entity in maybe and not s.indirect:
            t = totals[s.entity]
            t[0] += s.share.lower
            if s.voting is not None:
                t[1] += s.voting.lower
            if s.profit_share is not None:
                t[2] += s.profit_share.lower
    over = {e for e, t in totals.items() if max(t) > 1.0 + _EPSILON}
    if not over:
        return stakes
    named = sorted(over)
    shown = ", ".join(named[:_SHOWN]) + (", ..." if len(named) > _SHOWN else "")
    warnings.warn(
        f"the PSCs of {len(over)} compan{'y' if len(over) == 1 else 'ies'} ({shown}) hold "
        "more than 100% between them, so they hold jointly: each is read as a joint "
        "holder, treated as holding what it holds jointly (Companies Act 2006 Sch. 1A)",
        PscJointWarning,
        stacklevel=5,
    )
    joint = (Role.JOINT_HOLDER,)
    return [
        attrs.evolve(s, roles=joint) if s.entity in over and not s.indirect else s for s in stakes
    ]
