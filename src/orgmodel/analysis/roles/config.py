"""The records of the role classifier: labels, evidence, configuration, assessments.

:mod:`orgmodel.analysis.roles` re-exports everything here; see ``docs/classification.md``
for how the scores and labels are computed and why each default is what it is.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable
from typing import Any

import attrs

from orgmodel.model import Person
from orgmodel.model.exceptions import OrgModelError
from orgmodel.model.vocabulary import Axis

__all__ = [
    "ClassifierConfig",
    "Direction",
    "Evidence",
    "EvidenceSource",
    "RoleAssessment",
    "RoleLabel",
]

_REASON_ITEMS = 3  # evidence sentences quoted in a one-line reason


class RoleLabel(enum.Enum):
    """What a member acts like, after the background note."""

    PARTNER_LIKE = "partner-like"
    """Holds a material stake and shows strategic or external evidence."""
    COO_LIKE = "coo-like"
    """A senior operational leader with no material stake."""
    HYBRID = "hybrid"
    """A material stake and a strong COO side: an operating partner."""
    NEITHER = "neither"
    """Most members: neither of the above."""


class Direction(enum.Enum):
    """The way one piece of evidence points."""

    PARTNER = "partner"
    """Toward the partner's side of its axis: a stake, strategic or external work."""
    COO = "coo"
    """Toward the COO's side: no stake, operational or internal work, seniority."""
    NEUTRAL = "neutral"
    """A recorded fact that points neither way (a token stake, no responsibilities)."""


class EvidenceSource(enum.Enum):
    """Where in the model a piece of evidence was read."""

    STAKE = "stake"
    """Stakes, look-through holdings, profit shares and liability."""
    EMPLOYMENT = "employment"
    """The ``employment`` field (weak)."""
    TITLE = "title"
    """The job title (weak)."""
    RESPONSIBILITIES = "responsibilities"
    """Responsibility tags, through the vocabulary."""
    RELATIONSHIPS = "relationships"
    """External relationships with clients, investors, suppliers ..."""
    STRUCTURE = "structure"
    """Reporting lines and units: the top, who reports to it, what someone oversees."""


@attrs.frozen
class Evidence:
    """One fact read off the model, the axis it bears on and the way it points.

    Attributes
    ----------
    axis : Axis
        The background note's axis the fact bears on.
    points : Direction
        Toward the partner side, the COO side, or neither.
    weight : float
        How much it counts (0 for neutral facts); see :class:`ClassifierConfig`.
    text : str
        A sentence built from the facts, such as
        ``"holds 30% of Acme Partners LLP through AS Holdings Ltd"``.
    source : EvidenceSource
        Where in the model the fact was read.

    Examples
    --------
    >>> from orgmodel.model.vocabulary import Axis
    >>> e = Evidence(
    ...     Axis.FOCUS, Direction.COO, 0.75, "reports directly to the top", EvidenceSource.STRUCTURE
    ... )
    >>> str(e)
    'focus → coo (0.75): reports directly to the top'
    >>> e.to_dict()["points"]
    'coo'
    """

    axis: Axis
    points: Direction
    weight: float
    text: str
    source: EvidenceSource
    # Where the weight is tallied: 3 x axis + direction (see roles._assess).
    _slot: int = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        # Identity tests, not dict look-ups: enum hashing is slow on a million records.
        axis, points = self.axis, self.points
        slot = 0 if axis is Axis.OWNERSHIP else 3 if axis is Axis.FOCUS else 6
        slot += 0 if points is Direction.PARTNER else 1 if points is Direction.COO else 2
        object.__setattr__(self, "_slot", slot)

    def to_dict(self) -> dict[str, Any]:
        """Return the record as plain JSON-compatible values."""
        return {
            "axis": self.axis.value,
            "points": self.points.value,
            "weight": self.weight,
            "text": self.text,
            "source": self.source.value,
        }

    def __str__(self) -> str:
        return f"{self.axis.value} → {self.points.value} ({self.weight:.3g}): {self.text}"


def _fraction(_instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        msg = f"'{attribute.name}' must be a number between 0 and 1 (got {value!r})"
        raise OrgModelError(msg)


def _positive_fraction(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    _fraction(instance, attribute, value)
    if value == 0:
        msg = f"'{attribute.name}' must be above 0 (got {value!r})"
        raise OrgModelError(msg)


def _weight(_instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or value < 0
    ):
        msg = f"'{attribute.name}' must be a finite number of at least 0 (got {value!r})"
        raise OrgModelError(msg)


def _positive(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    _weight(instance, attribute, value)
    if value == 0:
        msg = f"'{attribute.name}' must be above 0 (got {value!r})"
        raise OrgModelError(msg)


def _count_at_least(minimum: int) -> Callable[[object, attrs.Attribute[int], int], None]:
    def check(_instance: object, attribute: attrs.Attribute[int], value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            msg = f"'{attribute.name}' must be an integer of at least {minimum} (got {value!r})"
            raise OrgModelError(msg)

    return check


@attrs.frozen(kw_only=True)
class ClassifierConfig:
    """Weights and thresholds of the role classifier, with documented defaults.

    ``docs/classification.md`` gives the reasoning for every default.  All fields are
    keyword-only; change one with :func:`attrs.evolve` or by passing it.

    Attributes
    ----------
    materiality : float
        The look-through stake in the focal entity (lower bound of a range) that
        counts as ownership: 5%.  Below it a stake is a token.
    partner_threshold, coo_threshold : float
        The partner score (0.5) and COO score (0.55) a label needs.
    passive_score : float
        The partner score of a material holder with no strategic or external
        evidence at all (0.3): weakly partner-like, under the threshold.
    damping : float
        Added to the evidence on an axis before taking its balance (2.0), so a
        single fact does not put anyone at the end of an axis.
    stake_weight, no_stake_weight : float
        A material stake (2.0) and holding no stake at all (1.0), on ownership.
    profit_share_weight, liability_weight : float
        A share of profits (0.5) and unlimited liability (0.5), on ownership.
    employment_weight, title_weight : float
        ``employment`` (partner or member, employee) and the title: weak (0.25).
    tag_weight : float
        Each lean of each responsibility tag (1.0).
    relationship_weight : float
        Each external relationship (0.5), up to ``relationship_cap`` per kind (4).
    top_weight : float
        Leading the organisation from the top: strategic (1.0).
    under_top_weight : float
        Reporting directly to the top: operational (0.75).
    oversight_weight : float
        Overseeing ``several`` managers or unit heads: operational (1.0).
    units_weight : float
        Spanning ``several`` internal units: internal (1.0).
    several : int
        How many units or heads make "several" (3); two count half.
    coo_ownership, coo_focus, coo_orientation, coo_seniority : float
        The shares of the COO score (0.15, 0.3, 0.2, 0.35): no stake, operational
        focus, internal focus and seniority.
    seniority_under_top : float
        The part of seniority that sitting directly under the top gives (0.3); the
        rest comes from the breadth of what they oversee.

    Examples
    --------
    >>> ClassifierConfig().materiality
    0.05
    >>> ClassifierConfig(materiality=0.01).materiality
    0.01
    >>> ClassifierConfig(materiality=5)
    Traceback (most recent call last):
    ...
    orgmodel.exceptions.OrgModelError: 'materiality' must be a number between 0 and 1 (got 5)
    """

    materiality: float = attrs.field(default=0.05, validator=_positive_fraction)
    partner_threshold: float = attrs.field(default=0.5, validator=_fraction)
    coo_threshold: float = attrs.field(default=0.55, validator=_fraction)
    passive_score: float = attrs.field(default=0.3, validator=_fraction)
    damping: float = attrs.field(default=2.0, validator=_positive)
    stake_weight: float = attrs.field(default=2.0, validator=_weight)
    no_stake_weight: float = attrs.field(default=1.0, validator=_weight)
    profit_share_weight: float = attrs.field(default=0.5, validator=_weight)
    liability_weight: float = attrs.field(default=0.5, validator=_weight)
    employment_weight: float = attrs.field(default=0.25, validator=_weight)
    title_weight: float = attrs.field(default=0.25, validator=_weight)
    tag_weight: float = attrs.field(default=1.0, validator=_weight)
    relationship_weight: float = attrs.field(default=0.5, validator=_weight)
    relationship_cap: int = attrs.field(default=4, validator=_count_at_least(1))
    top_weight: float = attrs.field(default=1.0, validator=_weight)
    under_top_weight: float = attrs.field(default=0.75, validator=_weight)
    oversight_weight: float = attrs.field(default=1.0, validator=_weight)
    units_weight: float = attrs.field(default=1.0, validator=_weight)
    several: int = attrs.field(default=3, validator=_count_at_least(2))
    coo_ownership: float = attrs.field(default=0.15, validator=_weight)
    coo_focus: float = attrs.field(default=0.3, validator=_weight)
    coo_orientation: float = attrs.field(default=0.2, validator=_weight)
    coo_seniority: float = attrs.field(default=0.35, validator=_weight)
    seniority_under_top: float = attrs.field(default=0.3, validator=_fraction)

    def __attrs_post_init__(self) -> None:
        total = self.coo_ownership + self.coo_focus + self.coo_orientation + self.coo_seniority
        if total <= 0:
            msg = "the COO score shares (coo_ownership, coo_focus, ...) must not all be 0"
            raise OrgModelError(msg)


@attrs.frozen
class RoleAssessment:
    """How one person was classified, and the evidence it rests on.

    Attributes
    ----------
    person : Person
        The person assessed.
    label : RoleLabel
        Partner-like, COO-like, hybrid or neither.
    partner_score, coo_score : float
        In [0, 1]; a label needs its score over the configured threshold.
    ownership, focus, orientation : float
        The position on each axis, in (-1, 1): **positive toward the partner side**
        (a stake; strategic; external), negative toward the COO side (no stake;
        operational; internal), 0 when the evidence balances or is absent.
    stake : float
        The look-through stake in the focal entity (lower bound) that materiality
        was judged on.
    evidence : tuple of Evidence
        Every fact used, ownership first; never empty.
    """

    person: Person
    label: RoleLabel
    partner_score: float
    coo_score: float
    ownership: float
    focus: float
    orientation: float
    stake: float
    evidence: tuple[Evidence, ...]

    @property
    def axes(self) -> dict[Axis, float]:
        """The three axis positions keyed by :class:`~orgmodel.vocabulary.Axis`."""
        return {
            Axis.OWNERSHIP: self.ownership,
            Axis.FOCUS: self.focus,
            Axis.ORIENTATION: self.orientation,
        }

    @property
    def reason(self) -> str:
        """A one-line summary: the label and the evidence that decided it."""
        texts = dict.fromkeys(e.text for e in self._deciding())
        return f"{self.label.value}: {'; '.join(texts)}"

    def _deciding(self) -> list[Evidence]:
        """Pick the ownership fact, then the heaviest fact on the label's side per source."""
        ownership = [e for e in self.evidence if e.axis is Axis.OWNERSHIP][:1]
        others = sorted(
            (e for e in self.evidence if e.axis is not Axis.OWNERSHIP),
            key=lambda e: -e.weight,  # stable: ties keep the evidence order
        )
        side = {
            RoleLabel.PARTNER_LIKE: (Direction.PARTNER,),
            RoleLabel.COO_LIKE: (Direction.COO,),
            RoleLabel.HYBRID: (Direction.COO,),
            RoleLabel.NEITHER: (Direction.PARTNER, Direction.COO),
        }[self.label]
        chosen = [e for e in others if e.points in side and e.weight > 0] or others
        by_source: dict[EvidenceSource, Evidence] = {}
        for e in chosen:
            by_source.setdefault(e.source, e)
        return ownership + list(by_source.values())[: _REASON_ITEMS - 1]

    def to_dict(self) -> dict[str, Any]:
        """Return the assessment as plain JSON-compatible values."""
        return {
            "person": self.person.id,
            "name": self.person.name,
            "title": self.person.title,
            "label": self.label.value,
            "partner_score": self.partner_score,
            "coo_score": self.coo_score,
            "axes": {axis.value: score for axis, score in self.axes.items()},
            "stake": self.stake,
            "reason": self.reason,
            "evidence": [e.to_dict() for e in self.evidence],
        }
