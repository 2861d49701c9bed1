"""The enumerations of the ownership analyses: rules, measures, regimes and routes."""

from __future__ import annotations

import enum

from orgmodel.model import Share, Stake

__all__ = ["Measure", "OwnershipRule", "Regime", "Route", "measure_of"]


class OwnershipRule(enum.Enum):
    """How indirect holdings are attributed to the holders at the top.

    ``MULTIPLICATIVE``
        Integrated ownership: shares multiply along each chain and add up across
        chains, cross-holdings included (Brioschi et al. 1989; Vitali, Glattfelder
        and Battiston 2011).
    ``MAJORITY_CHAIN``
        A holding reached through a chain of majority (more than 50%) stakes is
        attributed whole to the holder at the top of the chain (UK Companies Act 2006,
        Schedule 1A paragraph 18).  Exactly 50% is not a majority.
    """

    MULTIPLICATIVE = "multiplicative"
    MAJORITY_CHAIN = "majority-chain"


class Route(enum.StrEnum):
    """How an owner was reached where it was not through shares alone.

    The ``via`` of :class:`~orgmodel.BeneficialOwner` and
    :class:`~orgmodel.UltimateOwner` lists these; each is also its text
    (``Route.CONTROL == "control"``), as the JSON output writes it.  The rules behind
    each are in ``docs/ownership-rules.md``.

    ``CONTROL``
        A right of control the regime counts, or control of an entity nobody holds
        shares in (a state over its ministry).
    ``TRUST``
        Through a trust, to the parties the regime names.
    ``NOMINEE``
        Through a nominee, to the nominator behind it.
    ``JOINT``
        A joint holding, each joint holder treated as holding the whole.
    ``DECLARED``
        A declared indirect holding that counts because the file has no chain for it,
        or that narrows the figure its chain gives.

    Examples
    --------
    >>> Route("trust") is Route.TRUST, Route.CONTROL == "control"
    (True, True)
    """

    CONTROL = "control"
    TRUST = "trust"
    NOMINEE = "nominee"
    JOINT = "joint"
    DECLARED = "declared"


class Measure(enum.Enum):
    """Which figure of a stake is looked through.

    A stake without a recorded ``voting`` or ``profit_share`` falls back to its
    ``share``: one share, one vote, one share of the profits.
    """

    SHARE = "share"
    VOTING = "voting"
    PROFIT_SHARE = "profit_share"


class Regime(enum.Enum):
    """A named legal rule for who counts as a beneficial owner.

    ``UK_PSC``
        People with significant control, Companies Act 2006 Schedule 1A: *more than*
        25%, indirect holdings through majority-stake chains (paragraph 18).
    ``EU_AMLR``
        Regulation (EU) 2024/1624, Articles 51–52: *25% or more*, shares multiplied
        along each chain and summed across chains.
    ``US_CTA``
        Corporate Transparency Act, 31 CFR 1010.380(d): *at least* 25% of the
        ownership interests, directly or indirectly (multiplicative look-through).
    """

    UK_PSC = "uk-psc"
    EU_AMLR = "eu-amlr"
    US_CTA = "us-cta"


def measure_of(stake: Stake, measure: Measure) -> Share:
    """Return the figure of *stake* that *measure* names, falling back to its share.

    Examples
    --------
    >>> from orgmodel.model import Stake
    >>> s = Stake("ann", "acme", Share.exact(0.4), voting=Share.exact(0.6))
    >>> measure_of(s, Measure.VOTING).value, measure_of(s, Measure.PROFIT_SHARE).value
    (0.6, 0.4)
    """
    if measure is Measure.VOTING and stake.voting is not None:
        return stake.voting
    if measure is Measure.PROFIT_SHARE and stake.profit_share is not None:
        return stake.profit_share
    return stake.share
