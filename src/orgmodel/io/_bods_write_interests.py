"""The interests a stake is written back as, in BODS 0.4.

A stake read from BODS keeps its interests (``attributes["bods"]["interests"]``):
when they still give the stake's share, votes, profit share, control and roles
(:func:`reads_back`) they are written as they were read; when the model was changed
since, the changed figures replace the ones read and the interests' other details
(dates, ``details``, ``beneficialOwnershipOrControl``) are kept (:func:`_edited`).
A stake that did not come from BODS gets one interest per figure, control and role.
Shares are per cent, each the shortest decimal that reads back to the model's
fraction.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from orgmodel.io._bods_interests import (
    ALIASES,
    CONTROLS,
    JOINT_DETAILS,
    ROLES,
    UNKNOWN_KINDS,
    is_joint,
    read_interests,
)
from orgmodel.io._bods_values import MEASURES, Problems, share_from_bods
from orgmodel.model import Control, Role, Stake
from orgmodel.model.share import Share

__all__ = ["STAKE_KEYS", "bods_share", "in_order", "interests_of", "reads_back"]

_PERCENT = 100.0
_SAME = 1e-12
_ULP_STEPS = 8


def _stored(stake: Stake) -> dict[str, Any]:
    found = stake.attributes.get("bods")
    return dict(found) if isinstance(found, Mapping) else {}


def _percent(value: float) -> float:
    """*value* in per cent, as the shortest decimal that reads back to *value* exactly."""
    raw = value * _PERCENT
    for digits in range(6, 18):
        rounded = round(raw, digits)
        if rounded / _PERCENT == value:
            return rounded
    down = up = raw
    for _ in range(_ULP_STEPS):  # a neighbour of the product reads back exactly
        down, up = math.nextafter(down, -math.inf), math.nextafter(up, math.inf)
        for candidate in (down, up):
            if candidate / _PERCENT == value:
                return candidate
    return raw


def bods_share(value: Share) -> dict[str, float]:
    """Return *value* as a BODS share object in per cent."""
    if value.is_exact:
        exact = _percent(value.lower)
        return {"exact": exact, "minimum": exact, "maximum": exact}
    low = "exclusiveMinimum" if value.lower_open else "minimum"
    high = "exclusiveMaximum" if value.upper_open else "maximum"
    return {low: _percent(value.lower), high: _percent(value.upper)}


def _measure(interest: Mapping[str, Any]) -> str | None:
    """Return the stake field a current interest fills, as the reader reads it."""
    if "endDate" in interest:
        return None
    kind = interest.get("type")
    if not (kind is None or isinstance(kind, str)):
        return None
    if kind in MEASURES:
        return MEASURES[kind]
    if kind in UNKNOWN_KINDS and not is_joint(interest):
        return "share"
    return None


def reads_back(interests: list[dict[str, Any]], stake: Stake) -> bool:
    """Whether *interests*, read again, give *stake*'s figures, control and roles."""
    read = read_interests(interests, "", Problems())
    indirect = stake.indirect
    return (
        read.share(indirect=indirect) == stake.share
        and read.total("voting", indirect=indirect) == stake.voting
        and read.total("profit_share", indirect=indirect) == stake.profit_share
        and read.control_of(indirect=indirect) == stake.control
        and (() if indirect else read.roles) == stake.roles
    )


def _total(interests: list[dict[str, Any]]) -> Share | None:
    sink = Problems()
    shares = []
    for interest in interests:
        if "share" not in interest:
            shares.append(Share.between(0.0, 1.0))
            continue
        share = share_from_bods(interest["share"], "", sink)
        if share is None:
            return None
        shares.append(share)
    low = min(1.0, sum(x.lower for x in shares))
    high = min(1.0, sum(x.upper for x in shares))
    lower_open = any(x.lower_open for x in shares) and low < high
    upper_open = any(x.upper_open for x in shares) and low < high and high < 1.0
    return Share(low, high, lower_open=lower_open, upper_open=upper_open)


def _same(a: Share | None, b: Share) -> bool:
    return (
        a is not None
        and math.isclose(a.lower, b.lower, abs_tol=_SAME)
        and math.isclose(a.upper, b.upper, abs_tol=_SAME)
        and (a.lower_open, a.upper_open) == (b.lower_open, b.upper_open)
    )


_CODES: dict[Control | Role, str] = {
    **{v: k for k, v in CONTROLS.items()},
    **{v: k for k, v in ROLES.items()},
}


def interests_of(stake: Stake) -> list[dict[str, Any]]:
    """Return the interests of *stake*: those read from BODS, with the model's figures.

    Interests read from BODS that still give the stake's figures are written back as
    they were; where the model was changed, its figures win (:func:`_edited`).
    """
    stored = [dict(i) for i in _stored(stake).get("interests", []) if isinstance(i, Mapping)]
    if "recordId" in _stored(stake) and reads_back(stored, stake):
        return stored
    return _edited(stake, stored)


def _edited(stake: Stake, stored: list[dict[str, Any]]) -> list[dict[str, Any]]:  # noqa: C901, PLR0912 - one pass per kind
    """Return *stored* interests rewritten to carry *stake*'s figures, control and roles."""
    from_bods = "recordId" in _stored(stake)
    level = "indirect" if stake.indirect else "direct"
    out: list[dict[str, Any]] = []
    written: set[str] = set()
    for interest in stored:
        kind = interest.get("type")
        field = _measure(interest)
        if field is not None:
            if field in written:
                continue  # the model's total is written once, on the first interest
            value: Share | None = getattr(stake, field)
            if value is None:
                continue  # the model dropped this measure
            current = [i for i in stored if _measure(i) == field]
            if not _same(_total(current), value):
                out.append({**interest, "share": bods_share(value)})
                written.add(field)
                continue
            out.extend(current)
            written.add(field)
            continue
        member: Control | Role | None = None
        if isinstance(kind, str):
            kind = ALIASES.get(kind, kind)
            member = CONTROLS.get(kind) or ROLES.get(kind)
        dropped = member is not None and member not in (*stake.control, *stake.roles)
        if dropped and "endDate" not in interest:
            continue  # the model dropped it
        out.append(interest)
    for field, kind in (
        ("share", "shareholding"),
        ("voting", "votingRights"),
        ("profit_share", "rightsToProfitOrIncome"),
    ):
        value = getattr(stake, field)
        if value is None or field in written:
            continue
        if field == "share" and from_bods and _placeholder(stake, out, value):
            continue
        out.append({"type": kind, "directOrIndirect": level, "share": bods_share(value)})
    present = {
        ALIASES.get(k, k) for i in out if "endDate" not in i and isinstance(k := i.get("type"), str)
    }
    parts: list[Control | Role] = [*stake.control, *stake.roles]
    for part in parts:
        code = _CODES.get(part)
        if code is not None and code not in present:
            out.append({"type": code, "directOrIndirect": level})
        joint = {"type": "unknownInterest", "directOrIndirect": level, "details": JOINT_DETAILS}
        if part is Role.JOINT_HOLDER and not any(is_joint(i) for i in out):
            out.append(joint)
    return out


def _placeholder(stake: Stake, written: list[dict[str, Any]], value: Share) -> bool:
    """Whether *value* is the share the reader gives *written* interests with no share."""
    read = read_interests(written, "", Problems())
    return read.share(indirect=stake.indirect) == value


STAKE_KEYS = ("recordId", "interests", "part", "levels")


def in_order(parts: list[list[Any]], stakes: list[Stake], levels: object) -> list[Any]:
    """Join the interests of a relationship's stakes in the order they were read.

    *levels* (kept by the reader when an indirect interest came first) says whether
    each interest was direct or indirect; interests beyond it come last.
    """
    if not isinstance(levels, list) or len(parts) < 2:  # noqa: PLR2004 - a direct and an indirect part
        return [i for part in parts for i in part]
    queues = {
        "indirect" if s.indirect else "direct": list(part)
        for s, part in zip(stakes, parts, strict=True)
    }
    out = [queues[level].pop(0) for level in levels if queues.get(level)]
    return out + [i for queue in queues.values() for i in queue]
