"""The interests of a BODS relationship, read into the measures, control and roles of stakes.

Each interest of a relationship is read by its ``type`` (``docs/bods.md`` has the
table):

* ``shareholding``, and interests of *unknown kind* — no ``type``,
  ``unknownInterest``, ``unpublishedInterest`` — that state a ``share``, give the
  economic share: an interest whose kind is not known still counts as ownership of
  the share it states;
* ``votingRights`` the votes, ``rightsToProfitOrIncome`` the profit share;
* control interests (``appointmentOfBoard``, ``otherInfluenceOrControl``,
  ``seniorManagingOfficial`` ...) a :class:`~orgmodel.model.Control`;
* parties to arrangements (``settlor``, ``trustee``, ``protector``,
  ``beneficiaryOfLegalArrangement``, ``nominee``, ``nominator``) a
  :class:`~orgmodel.model.Role`.

Interests declared ``indirect`` are totalled apart: they become a declared indirect
holding (:attr:`~orgmodel.model.Stake.indirect`).  An inconsistent share (minimum
above maximum) is a ``share-range`` problem whatever the type.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from orgmodel.io._bods_values import Problems, share_from_bods, shown
from orgmodel.model import Control, Role, Share
from orgmodel.model.problems import ProblemCode

__all__ = [
    "ALIASES",
    "CONTROLS",
    "JOINT_DETAILS",
    "LEVELS",
    "MAX_INTERESTS",
    "ROLES",
    "UNKNOWN_KINDS",
    "Interests",
    "is_joint",
    "read_interests",
]

#: The values of ``directOrIndirect``.
LEVELS = ("direct", "indirect", "unknown")
#: At most this many interests are read in one relationship (a huge array is refused).
MAX_INTERESTS = 10_000

#: Interest types of unknown kind; with a ``share`` they count as ownership.
UNKNOWN_KINDS = (None, "unknownInterest", "unpublishedInterest")
_MEASURES = {
    "shareholding": "share",
    "votingRights": "voting",
    "rightsToProfitOrIncome": "profit_share",
}
#: BODS interest types that are control, and the model's name for each.
CONTROLS = {
    "appointmentOfBoard": Control.BOARD_APPOINTMENT,
    "boardMember": Control.BOARD_MEMBER,
    "boardChair": Control.BOARD_CHAIR,
    "seniorManagingOfficial": Control.SENIOR_MANAGING_OFFICIAL,
    "otherInfluenceOrControl": Control.SIGNIFICANT_INFLUENCE,
    "controlViaCompanyRulesOrArticles": Control.COMPANY_RULES,
    "controlByLegalFramework": Control.LEGAL_FRAMEWORK,
    "rightsGrantedByContract": Control.CONTRACT,
    "conditionalRightsGrantedByContract": Control.CONDITIONAL_CONTRACT,
}
#: BODS interest types that are parts in an arrangement.
ROLES = {
    "settlor": Role.SETTLOR,
    "trustee": Role.TRUSTEE,
    "protector": Role.PROTECTOR,
    "beneficiaryOfLegalArrangement": Role.BENEFICIARY,
    "nominee": Role.NOMINEE,
    "nominator": Role.NOMINATOR,
}
#: Codes read as another: the standard's trust guidance writes ``beneficiary`` for
#: the codelist's ``beneficiaryOfLegalArrangement``.
ALIASES = {"beneficiary": "beneficiaryOfLegalArrangement"}


@attrs.define
class Interests:
    """The interests of one relationship, read: direct and indirect apart."""

    direct: list[dict[str, Any]] = attrs.field(factory=list)
    indirect: list[dict[str, Any]] = attrs.field(factory=list)
    measures: dict[tuple[str, bool], list[Share]] = attrs.field(factory=dict)
    controls: dict[bool, list[Control]] = attrs.field(factory=dict)
    roles: tuple[Role, ...] = ()
    current: dict[bool, int] = attrs.field(factory=dict)  # interests without an endDate

    @property
    def control(self) -> tuple[Control, ...]:
        """The rights of control held directly."""
        return tuple(self.controls.get(False, ()))

    def control_of(self, *, indirect: bool) -> tuple[Control, ...]:
        """Return the rights of control held directly or, with *indirect*, through others."""
        return tuple(self.controls.get(indirect, ()))

    def total(self, name: str, *, indirect: bool = False) -> Share | None:
        """Return the sum of the current interests measuring *name*, if any."""
        found = self.measures.get((name, indirect))
        if not found:
            return None
        low = min(1.0, sum(s.lower for s in found))
        high = min(1.0, sum(s.upper for s in found))
        is_open = any(s.lower_open for s in found) and low < high
        upper_open = any(s.upper_open for s in found) and low < high and high < 1.0
        return Share(low, high, lower_open=is_open, upper_open=upper_open)

    def share(self, *, indirect: bool = False) -> Share:
        """Return the share of the stake these interests make (direct or indirect part).

        The summed shareholdings (and interests of unknown kind) when there are any;
        else unknown (0–100%) when votes or profits show a holding, or when the
        relationship declares no interest at all (an interest of unknown kind); else
        none (0): the party holds control, a part in an arrangement, or interests that
        have ended.
        """
        found = self.total("share", indirect=indirect)
        if found is not None:
            return found
        if self.total("voting", indirect=indirect) or self.total("profit_share", indirect=indirect):
            return Share.between(0.0, 1.0)
        if not (self.indirect if indirect else self.direct):
            return Share.between(0.0, 1.0)
        return Share.exact(0.0)

    def fallback(self) -> Share:
        """Return the direct share of a relationship that states none (see :meth:`share`)."""
        return self.share()


#: The ``details`` of an ``unknownInterest`` that says its holder is a joint holder
#: (BODS has no code for it; orgmodel writes this one).
JOINT_DETAILS = "joint holder"


def is_joint(interest: Mapping[str, Any]) -> bool:
    """Whether *interest* is the one orgmodel writes for a joint holder."""
    details = interest.get("details")
    return (
        interest.get("type") == "unknownInterest"
        and isinstance(details, str)
        and details.strip().lower() == JOINT_DETAILS
    )


def read_interests(interests: list[Any], where: str, problems: Problems) -> Interests:
    """Read *interests* (a list) into an :class:`Interests`; report problems."""
    out = Interests()
    roles: list[Role] = []
    for j, interest in enumerate(interests):
        at = f"{where}.interests[{j}]"
        if not isinstance(interest, dict):
            problems.add(
                ProblemCode.WRONG_TYPE, at, f"an interest must be an object (got {shown(interest)})"
            )
            continue
        kind = interest.get("type")
        if kind is not None and not isinstance(kind, str):
            problems.add(
                ProblemCode.WRONG_TYPE, f"{at}.type", f"'type' must be a string (got {shown(kind)})"
            )
            continue
        level = interest.get("directOrIndirect")
        if level is not None and (not isinstance(level, str) or level not in LEVELS):
            msg = f"'directOrIndirect' must be one of {', '.join(LEVELS)} (got {shown(level)})"
            problems.add(ProblemCode.UNKNOWN_VALUE, f"{at}.directOrIndirect", msg)
            continue
        indirect = level == "indirect"
        (out.indirect if indirect else out.direct).append(interest)
        share = None
        if "share" in interest:  # checked whatever the type: minimum above maximum is wrong
            share = share_from_bods(interest["share"], f"{at}.share", problems)
            if share is None:
                continue  # reported
        if "endDate" in interest:
            continue  # it has ended: kept, not counted
        _count(out, kind, share, indirect=indirect, joint=is_joint(interest), roles=roles)
    out.roles = tuple(roles)
    return out


def _count(
    out: Interests,
    kind: str | None,
    share: Share | None,
    *,
    indirect: bool,
    joint: bool,
    roles: list[Role],
) -> None:
    """Count one current interest of *kind* (a measure, control or a role)."""
    out.current[indirect] = out.current.get(indirect, 0) + 1
    kind = ALIASES.get(kind, kind) if kind is not None else None
    measure = _MEASURES.get(kind) if kind is not None else None
    if measure is None and kind in UNKNOWN_KINDS and not joint:
        measure = "share"  # ownership of unknown kind: as stated, else unknown
    if measure is not None:
        found = Share.between(0.0, 1.0) if share is None else share
        out.measures.setdefault((measure, indirect), []).append(found)
        return
    controls = out.controls.setdefault(indirect, [])
    if kind in CONTROLS and CONTROLS[kind] not in controls:
        controls.append(CONTROLS[kind])
    elif indirect:
        return  # a part in an arrangement is held directly, in the arrangement
    elif kind in ROLES and ROLES[kind] not in roles:
        roles.append(ROLES[kind])
    elif joint and Role.JOINT_HOLDER not in roles:
        roles.append(Role.JOINT_HOLDER)
