"""Scoring the evidence into labels: :func:`classify`.

The evidence is gathered by :mod:`.evidence`; the weights and thresholds are the
:class:`~orgmodel.analysis.roles.config.ClassifierConfig`.  The package
:mod:`orgmodel.analysis.roles` documents the method and re-exports these names.
"""

from __future__ import annotations

from collections.abc import Sequence

from orgmodel._speed.gc_pause import gc_paused
from orgmodel.analysis.roles.config import ClassifierConfig
from orgmodel.analysis.roles.evidence import Facts
from orgmodel.analysis.roles.records import (
    Classification,
    Evidence,
    RoleAssessment,
    RoleLabel,
)
from orgmodel.model import Employment, Organization
from orgmodel.model._arguments import organization_argument
from orgmodel.model.exceptions import OrgModelError
from orgmodel.model.problems import Problem, ProblemCode, Severity

__all__ = ["classify"]

_EPSILON = 1e-9  # scores within this of a threshold count as reaching it
_NO_RESPONSIBILITIES = (
    "no responsibilities are given, so labels rest on titles, stakes and structure"
)
_NOT_LOOKED_THROUGH = (
    "no focal entity, and every entity holds a stake in another, so no operating "
    "entity stands out: stakes are judged as held directly; set focal_entity to look "
    "through them"
)


def classify(org: Organization, *, config: ClassifierConfig | None = None) -> Classification:
    """Classify every person as partner-like, COO-like, hybrid or neither.

    Parameters
    ----------
    org : Organization
        The organisation.  Stakes count in its focal entity; with no focal entity
        (several entities and none named), in whichever *operating* entity — one
        that holds no stakes itself — the person holds most of.
    config : ClassifierConfig, optional
        Weights, thresholds and the title lexicon; the documented defaults when
        omitted.

    Returns
    -------
    Classification
        A dict of one assessment for every person, in the organisation's order.
        A vacant post is never classified: it has no assessment (nobody holds the
        post) and is listed in ``vacancies`` instead.  The ``warnings`` say what
        holds for the whole organisation, once: that no responsibilities are
        given, so the labels rest on titles, stakes and structure
        (``no-responsibilities``); that stakes could not be looked through
        (``no-focal-entity``).

    Raises
    ------
    ValidationError
        When *org* is not an :class:`~orgmodel.Organization` (``wrong-type``).
    OrgModelError
        When *config* is not a :class:`ClassifierConfig`.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="Firm",
    ...     people=[
    ...         om.Person("ceo", "Cy", responsibilities=["vision"]),
    ...         om.Person(
    ...             "coo",
    ...             "Olu",
    ...             manager="ceo",
    ...             responsibilities=["operations", "coordination", "budgeting"],
    ...         ),
    ...         *(om.Person(f"h{i}", f"Head {i}", manager="coo", unit=f"u{i}") for i in range(3)),
    ...     ],
    ...     units=[om.Unit(f"u{i}", f"Unit {i}", head=f"h{i}") for i in range(3)],
    ...     entities=[om.Entity("firm", "Firm Ltd")],
    ...     stakes=[om.Stake("ceo", "firm", om.Share.exact(0.6))],
    ... )
    >>> roles = om.classify(org)
    >>> {pid: a.label.value for pid, a in roles.items()}
    {'ceo': 'partner-like', 'coo': 'coo-like', 'h0': 'neither', 'h1': 'neither', 'h2': 'neither'}
    >>> for e in roles["coo"].evidence[:3]:
    ...     print(e)
    ownership → coo (1): holds no stake in Firm Ltd
    ownership → coo (0.25): an employee
    focus → coo (3): operational work: budgeting, coordination and operations

    Without responsibilities the labels rest on titles, stakes and structure, and
    the result says so once:

    >>> hr = om.Organization(name="HR export", people=[om.Person("a", "Ann", title="COO")])
    >>> print(om.classify(hr).warnings[0].message)
    no responsibilities are given, so labels rest on titles, stakes and structure

    A vacant post gets no label:

    >>> posts = om.Organization(
    ...     name="Posts",
    ...     people=[om.Person("a", "Ann"), om.Person("v", "Vacant", manager="a", vacant=True)],
    ... )
    >>> roles = om.classify(posts)
    >>> list(roles), roles.vacancies
    (['a'], ('v',))
    """
    organization_argument(org, "classify")
    given: object = ClassifierConfig() if config is None else config
    if not isinstance(given, ClassifierConfig):
        msg = f"'config' must be a ClassifierConfig (got {type(given).__name__})"
        raise OrgModelError(msg)
    with gc_paused():  # a million assessments, no reference cycles among them
        return _classify(org, given)


def _classify(org: Organization, config: ClassifierConfig) -> Classification:
    facts = Facts(org, config)
    out: dict[str, RoleAssessment] = {}
    # People with nothing personal to them — no stake, no relationship, no unit to
    # oversee — are assessed from a few shared facts (Facts.key): equal facts give
    # equal results, computed once.
    alike: dict[tuple[object, ...], _Outcome] = {}
    scored: dict[tuple[tuple[float, ...], float], _Scores] = {}
    personal, leaders, roots, vacant = facts.personal, facts.leaders, facts.roots, facts.vacant
    employee = Employment.EMPLOYEE
    for person in org.people:
        pid = person.id
        if vacant and pid in vacant:
            continue
        key: tuple[object, ...] | None = None
        if pid in leaders:
            key = facts.key(person)
        elif pid not in personal:  # Facts.key inlined: this loop runs once per person
            kind = 0 if person.employment is employee else id(person.employment)
            key = (kind, person.title, person.responsibilities, person.manager in roots)
        found: _Outcome | None
        if key is None:
            held = facts.holdings.get(pid)
            stake = (held.share.lower, held.strength, held.material) if held else _NO_STAKE
            found = _assess(*facts.evidence(person), stake, config)
        else:
            found = alike.get(key)
            if found is None:  # the same tags in another order assess the same
                unordered = (*key[:2], frozenset(person.responsibilities), *key[3:])
                found = alike.get(unordered)
                if found is None:
                    # the scores rest on the tally alone: many evidence lists share one
                    evidence, tally, seniority = facts.simple(person)
                    scores = scored.get((tally, seniority))
                    if scores is None:
                        scores = _score(tally, seniority, _NO_STAKE, config)
                        scored[tally, seniority] = scores
                    found = alike[unordered] = (*scores, evidence, False)
                alike[key] = found
        out[pid] = RoleAssessment(person, *found)
    # stops at the first tagged person: a pass over the people only in an HR export
    tagged = any(p.responsibilities for p in org.people if not p.vacant)
    untagged = not tagged and len(vacant) < len(org.people)
    warnings = _warnings(untagged=untagged, looked_through=facts.looked_through)
    posts = [p.id for p in org.people if p.id in vacant] if vacant else []
    return Classification(out, warnings, vacancies=posts)


def _warnings(*, untagged: bool, looked_through: bool) -> list[Problem]:
    """Return what holds for the whole organisation, each once."""
    out = []
    if untagged:
        out.append(_warning(ProblemCode.NO_RESPONSIBILITIES, "people", _NO_RESPONSIBILITIES))
    if not looked_through:
        out.append(_warning(ProblemCode.NO_FOCAL_ENTITY, "focal_entity", _NOT_LOOKED_THROUGH))
    return out


def _warning(code: ProblemCode, location: str, message: str) -> Problem:
    return Problem(code, location, message, Severity.WARNING)


#: The label, the scores, the axis positions and the share.
_Scores = tuple[RoleLabel, float, float, float, float, float, float]
#: Everything of a RoleAssessment but the person, in field order: the scores, the
#: evidence, ``material``.
_Outcome = tuple[RoleLabel, float, float, float, float, float, float, tuple[Evidence, ...], bool]
_NO_STAKE = (0.0, 0.0, False)  # share, strength, material


def _assess(
    evidence: Sequence[Evidence],
    tally: Sequence[float],
    seniority: float,
    stake: tuple[float, float, bool],
    cfg: ClassifierConfig,
) -> _Outcome:
    """Score and label one person, and attach their evidence."""
    return (*_score(tally, seniority, stake, cfg), tuple(evidence), stake[2])


def _score(
    tally: Sequence[float],
    seniority: float,
    stake: tuple[float, float, bool],
    cfg: ClassifierConfig,
) -> _Scores:
    """Score and label one person from their evidence tally (see docs/classification.md).

    *stake* is the look-through share, the strongest measure of the stake (capital,
    votes or profits) and whether it counts, as :mod:`.holdings` decided it.
    """
    share, strength, material = stake
    damping = cfg.damping
    # Position on each axis: (partner - coo) / (partner + coo + damping), in (-1, 1).
    own = (tally[0] - tally[1]) / (tally[0] + tally[1] + damping)
    focus = (tally[3] - tally[4]) / (tally[3] + tally[4] + damping)
    orient = (tally[6] - tally[7]) / (tally[6] + tally[7] + damping)
    # Partner: ownership gates it; strategic or external evidence lifts it.
    # (Conditional expressions rather than max(): this runs once per person.)
    gate = 1.0 if material else strength / cfg.materiality
    # Strategic and external evidence count by their own weight, not net of the
    # operational side: a partner who also runs a large practice is still a partner.
    strategic = tally[3] / (tally[3] + damping)
    external = tally[6] / (tally[6] + damping)
    activity = 1.0 - (1.0 - strategic) * (1.0 - external)
    partner = gate * (cfg.passive_score + (1.0 - cfg.passive_score) * activity)
    # COO: no stake, operational and internal focus, and seniority, weighed together;
    # focus and orientation count both ways (strategic or external work lowers it).
    # A material holder cannot have the "no stake" part, so their COO side is judged
    # on the other three alone: that is what makes an operating partner hybrid.
    side = cfg.coo_seniority * seniority - cfg.coo_focus * focus - cfg.coo_orientation * orient
    shares = cfg.coo_focus + cfg.coo_orientation + cfg.coo_seniority
    if not material:
        side += cfg.coo_ownership * -own if own < 0 else 0.0
        shares += cfg.coo_ownership
    coo = side / shares if side > 0 and shares > 0 else 0.0
    coo_strong = coo >= cfg.coo_threshold - _EPSILON
    if material and coo_strong:
        label = RoleLabel.HYBRID
    elif material and partner >= cfg.partner_threshold - _EPSILON:
        label = RoleLabel.PARTNER_LIKE
    elif coo_strong:
        label = RoleLabel.COO_LIKE
    else:
        label = RoleLabel.NEITHER
    return (label, partner, coo, own, focus, orient, share)
