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

from typing import Any

import attrs

from orgmodel.io._bods_values import Problems, share_from_bods
from orgmodel.model import Control, Role, Share
from orgmodel.model.problems import ProblemCode

__all__ = [
    "CONTROLS",
    "JOINT_DETAILS",
    "MAX_INTERESTS",
    "ROLES",
    "UNKNOWN_KINDS",
    "Interests",
    "is_joint",
    "read_interests",
]

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


@attrs.define
class Interests:
    """The interests of one relationship, read."""

    direct: list[dict[str, Any]] = attrs.field(factory=list)
    indirect: list[dict[str, Any]] = attrs.field(factory=list)
    measures: dict[tuple[str, bool], list[Share]] = attrs.field(factory=dict)
    control: tuple[Control, ...] = ()
    roles: tuple[Role, ...] = ()

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

    def fallback(self) -> Share:
        """Return the share of a relationship that states none.

        Unknown (0–100%) when its votes or profits show a holding; none (0) when it
        records only control, roles or nothing at all.
        """
        if self.total("voting") or self.total("profit_share"):
            return Share.between(0.0, 1.0)
        return Share.exact(0.0)


#: The ``details`` of an ``unknownInterest`` that says its holder is a joint holder
#: (BODS has no code for it; orgmodel writes this one).
JOINT_DETAILS = "joint holder"


def is_joint(interest: dict[str, Any]) -> bool:
    """Whether *interest* is the one orgmodel writes for a joint holder."""
    details = interest.get("details")
    return (
        interest.get("type") == "unknownInterest"
        and isinstance(details, str)
        and details.strip().lower() == JOINT_DETAILS
    )


def read_interests(interests: list[Any], where: str, problems: Problems) -> Interests:  # noqa: C901
    """Read *interests* (a list) into an :class:`Interests`; report problems."""
    out = Interests()
    control: list[Control] = []
    roles: list[Role] = []
    for j, interest in enumerate(interests):
        at = f"{where}.interests[{j}]"
        if not isinstance(interest, dict):
            problems.add(
                ProblemCode.WRONG_TYPE, at, f"an interest must be an object (got {interest!r})"
            )
            continue
        kind = interest.get("type")
        if kind is not None and not isinstance(kind, str):
            problems.add(
                ProblemCode.WRONG_TYPE, f"{at}.type", f"'type' must be a string (got {kind!r})"
            )
            continue
        indirect = interest.get("directOrIndirect") == "indirect"
        (out.indirect if indirect else out.direct).append(interest)
        share = None
        if "share" in interest:  # checked whatever the type: minimum above maximum is wrong
            share = share_from_bods(interest["share"], f"{at}.share", problems)
        if "endDate" in interest:
            continue  # it has ended: kept, not counted
        measure = _MEASURES.get(kind) if kind is not None else None
        if measure is None and kind in UNKNOWN_KINDS and share is not None:
            measure = "share"  # ownership of unknown kind, as stated
        if measure is not None:
            if share is None and "share" not in interest:
                share = Share.between(0.0, 1.0)  # stated without a share: unknown
            if share is not None:
                out.measures.setdefault((measure, indirect), []).append(share)
        elif kind in CONTROLS and CONTROLS[kind] not in control and not indirect:
            control.append(CONTROLS[kind])
        elif kind in ROLES and ROLES[kind] not in roles and not indirect:
            roles.append(ROLES[kind])
        elif is_joint(interest) and Role.JOINT_HOLDER not in roles and not indirect:
            roles.append(Role.JOINT_HOLDER)
    out.control = tuple(control)
    out.roles = tuple(roles)
    return out
