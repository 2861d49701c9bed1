"""The records of the role classifier: labels, evidence, assessments, the result.

:mod:`orgmodel.analysis.roles` re-exports everything here; see ``docs/classification.md``
for how the scores and labels are computed.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from orgmodel.model import Person
from orgmodel.model.problems import Problem
from orgmodel.model.vocabulary import Axis

__all__ = [
    "Basis",
    "Classification",
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
    UNIT = "unit"
    """The units someone heads, by their function: client-facing or internal."""


class Basis(enum.Enum):
    """Whether evidence was declared in the file or inferred by the classifier."""

    DECLARED = "declared"
    """Read as the file states it: stakes, tags, relationships, reporting lines,
    declared unit heads and functions, ``employment``."""
    INFERRED = "inferred"
    """Read into the file: job titles, unit names, inferred unit heads."""
    MIXED = "mixed"
    """An assessment resting on both (never a single piece of evidence)."""


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
    basis : Basis
        ``DECLARED`` (the default) or ``INFERRED``: titles, unit names and inferred
        unit heads are read into the file, not stated by it.

    Examples
    --------
    >>> from orgmodel.model.vocabulary import Axis
    >>> e = Evidence(
    ...     Axis.FOCUS, Direction.COO, 0.75, "reports directly to the top", EvidenceSource.STRUCTURE
    ... )
    >>> str(e)
    'focus → coo (0.75): reports directly to the top'
    >>> e.to_dict()["points"], e.to_dict()["basis"]
    ('coo', 'declared')
    """

    axis: Axis
    points: Direction
    weight: float
    text: str
    source: EvidenceSource
    basis: Basis = Basis.DECLARED
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
            "basis": self.basis.value,
        }

    def __str__(self) -> str:
        return f"{self.axis.value} → {self.points.value} ({self.weight:.3g}): {self.text}"


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
        The look-through share of the entity judged (lower bound of a range).
    evidence : tuple of Evidence
        Every fact used, ownership first; never empty.
    material : bool
        Whether the stake counts: capital, votes or profits at the materiality
        threshold or above, or a profit-sharing member of a partnership.  The label
        and the evidence sentence rest on this one decision.
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
    material: bool = False

    @property
    def basis(self) -> Basis:
        """Whether the evidence that counts (weight above 0) was declared, inferred or both.

        Examples
        --------
        >>> import orgmodel as om
        >>> org = om.Organization(name="x", people=[om.Person("a", "A", title="COO")])
        >>> om.classify(org)["a"].basis
        <Basis.MIXED: 'mixed'>
        """
        weighted = [e.basis for e in self.evidence if e.weight > 0] or [
            e.basis for e in self.evidence
        ]
        kinds = set(weighted)
        if len(kinds) == 1:
            return kinds.pop()
        return Basis.MIXED

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
            "material": self.material,
            "basis": self.basis.value,
            "reason": self.reason,
            "evidence": [e.to_dict() for e in self.evidence],
        }


class Classification(dict[str, RoleAssessment]):
    """What :func:`~orgmodel.classify` returns: ``{person id: RoleAssessment}``.

    A plain dict in everything but two attributes:

    - :attr:`warnings`: what a reader of the labels should know about the
      organisation as a whole, each a :class:`~orgmodel.problems.Problem` (code
      ``no-responsibilities`` when no one has a responsibility tag,
      ``no-focal-entity`` when stakes could not be looked through), given once per
      organisation, not once per person;
    - :attr:`vacancies`: the ids of the vacant posts, in file order.  A vacancy is
      nobody, so it is never classified: it has no entry in the dict, counts in no
      label, and looking it up says so (a :class:`KeyError` naming the post).

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="x",
    ...     people=[om.Person("a", "A"), om.Person("v", "Vacant", manager="a", vacant=True)],
    ... )
    >>> roles = om.classify(org)
    >>> list(roles), roles.vacancies, [p.code.value for p in roles.warnings]
    (['a'], ('v',), ['no-responsibilities'])
    >>> roles["v"]
    Traceback (most recent call last):
    ...
    KeyError: "'v' is a vacant post: vacancies are not classified (see Classification.vacancies)"
    """

    __slots__ = ("vacancies", "warnings")

    def __init__(
        self,
        assessments: Mapping[str, RoleAssessment] | Iterable[tuple[str, RoleAssessment]] = (),
        warnings: Iterable[Problem] = (),
        *,
        vacancies: Iterable[str] = (),
    ) -> None:
        super().__init__(assessments)
        self.warnings: tuple[Problem, ...] = tuple(warnings)
        self.vacancies: tuple[str, ...] = tuple(vacancies)

    def __missing__(self, key: str) -> RoleAssessment:
        if key in self.vacancies:
            msg = (
                f"{key!r} is a vacant post: vacancies are not classified "
                "(see Classification.vacancies)"
            )
            raise KeyError(msg)
        raise KeyError(key)
