"""Scoring the evidence into labels: :func:`classify` and :func:`classification_frame`.

The evidence is gathered by :mod:`.evidence`; the weights and thresholds are the
:class:`~orgmodel.analysis.roles.config.ClassifierConfig`.  The package
:mod:`orgmodel.analysis.roles` documents the method and re-exports these names.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from orgmodel.analysis.roles.config import (
    ClassifierConfig,
    Evidence,
    RoleAssessment,
    RoleLabel,
)
from orgmodel.analysis.roles.evidence import Facts
from orgmodel.model import Employment, Organization
from orgmodel.model._arguments import organization_argument
from orgmodel.model.exceptions import OrgModelError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["classification_frame", "classify"]

_EPSILON = 1e-9  # scores within this of a threshold count as reaching it


def classify(
    org: Organization, *, config: ClassifierConfig | None = None
) -> dict[str, RoleAssessment]:
    """Classify every person as partner-like, COO-like, hybrid or neither.

    Parameters
    ----------
    org : Organization
        The organisation.  Stakes count in its focal entity; with no focal entity
        (several entities and none named), in whichever *operating* entity — one
        that holds no stakes itself — the person holds most of.
    config : ClassifierConfig, optional
        Weights and thresholds; the documented defaults when omitted.

    Returns
    -------
    dict of str to RoleAssessment
        One assessment for every person, in the organisation's order.

    Raises
    ------
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
    """
    organization_argument(org, "classify")
    given: object = ClassifierConfig() if config is None else config
    if not isinstance(given, ClassifierConfig):
        msg = f"'config' must be a ClassifierConfig (got {type(given).__name__})"
        raise OrgModelError(msg)
    config = given
    facts = Facts(org, config)
    out: dict[str, RoleAssessment] = {}
    # People with nothing personal to them — no stake, no relationship, no unit to
    # oversee — are assessed from a few shared facts (Facts.key): equal facts give
    # equal results, computed once.
    alike: dict[tuple[object, ...], _Outcome] = {}
    personal, leaders, roots = facts.personal, facts.leaders, facts.roots
    employee = Employment.EMPLOYEE
    for person in org.people:
        pid = person.id
        key: tuple[object, ...] | None = None
        if pid in leaders:
            key = facts.key(person)
        elif pid not in personal:  # Facts.key inlined: this loop runs once per person
            kind = 0 if person.employment is employee else id(person.employment)
            key = (kind, person.title, person.responsibilities, person.manager in roots)
        found: _Outcome | None
        if key is None:
            held = facts.holdings.get(pid)
            stake = held.share.lower if held is not None else 0.0
            found = _assess(*facts.evidence(person), stake, config)
        else:
            found = alike.get(key)
            if found is None:  # the same tags in another order assess the same
                unordered = (*key[:2], frozenset(person.responsibilities), *key[3:])
                found = alike.get(unordered)
                if found is None:
                    found = _assess(*facts.evidence(person), 0.0, config)
                    alike[unordered] = found
                alike[key] = found
        out[pid] = RoleAssessment(person, *found)
    return out


#: Everything of a RoleAssessment but the person, in field order.
_Outcome = tuple[RoleLabel, float, float, float, float, float, float, tuple[Evidence, ...]]


def _assess(
    evidence: list[Evidence],
    tally: list[float],
    seniority: float,
    stake: float,
    cfg: ClassifierConfig,
) -> _Outcome:
    """Score and label one person from their evidence tally (see docs/classification.md)."""
    damping = cfg.damping
    # Position on each axis: (partner - coo) / (partner + coo + damping), in (-1, 1).
    own = (tally[0] - tally[1]) / (tally[0] + tally[1] + damping)
    focus = (tally[3] - tally[4]) / (tally[3] + tally[4] + damping)
    orient = (tally[6] - tally[7]) / (tally[6] + tally[7] + damping)
    # Partner: ownership gates it; strategic or external evidence lifts it.
    # (Conditional expressions rather than max(): this runs once per person.)
    gate = 1.0 if stake >= cfg.materiality else stake / cfg.materiality
    # Strategic and external evidence count by their own weight, not net of the
    # operational side: a partner who also runs a large practice is still a partner.
    strategic = tally[3] / (tally[3] + damping)
    external = tally[6] / (tally[6] + damping)
    activity = 1.0 - (1.0 - strategic) * (1.0 - external)
    partner = gate * (cfg.passive_score + (1.0 - cfg.passive_score) * activity)
    # COO: no stake, operational and internal focus, and seniority, weighed together.
    coo = (
        (cfg.coo_ownership * -own if own < 0 else 0.0)
        + (cfg.coo_focus * -focus if focus < 0 else 0.0)
        + (cfg.coo_orientation * -orient if orient < 0 else 0.0)
        + cfg.coo_seniority * seniority
    ) / (cfg.coo_ownership + cfg.coo_focus + cfg.coo_orientation + cfg.coo_seniority)
    material = stake >= cfg.materiality - _EPSILON
    coo_strong = coo >= cfg.coo_threshold - _EPSILON
    if material and coo_strong:
        label = RoleLabel.HYBRID
    elif material and partner >= cfg.partner_threshold - _EPSILON:
        label = RoleLabel.PARTNER_LIKE
    elif coo_strong:
        label = RoleLabel.COO_LIKE
    else:
        label = RoleLabel.NEITHER
    return (label, partner, coo, own, focus, orient, stake, tuple(evidence))


def classification_frame(
    org_or_roles: Organization | Mapping[str, RoleAssessment],
) -> pd.DataFrame:
    """Return the classification as a pandas DataFrame, one row per person.

    Needs pandas, an optional extra: ``pip install orgmodel[pandas]``.

    Parameters
    ----------
    org_or_roles : Organization or dict of str to RoleAssessment
        An organisation (classified with the defaults) or the result of
        :func:`classify`.

    Returns
    -------
    pandas.DataFrame
        Indexed by person id, with the name, title, label, both scores, the three
        axis positions, the stake and the one-line reason.

    Raises
    ------
    OrgModelError
        When pandas is not installed, or the argument is neither accepted type.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(name="x", people=[om.Person("ann", "Ann")])
    >>> frame = om.classification_frame(org)
    >>> frame.loc["ann", "label"], list(frame.columns)[:4]
    ('neither', ['name', 'title', 'label', 'partner_score'])
    """
    try:
        import pandas as pd  # noqa: PLC0415 - pandas is an optional extra
    except ImportError as err:
        msg = "classification_frame needs pandas: pip install orgmodel[pandas]"
        raise OrgModelError(msg) from err
    given: object = org_or_roles
    if isinstance(given, Organization):
        roles: Mapping[str, RoleAssessment] = classify(given)
    elif isinstance(given, Mapping) and all(isinstance(a, RoleAssessment) for a in given.values()):
        roles = given
    else:
        msg = (
            "classification_frame takes an Organization or the dict classify returns "
            f"(got {type(given).__name__})"
        )
        raise OrgModelError(msg)
    rows = [
        {
            "id": a.person.id,
            "name": a.person.name,
            "title": a.person.title,
            "label": a.label.value,
            "partner_score": a.partner_score,
            "coo_score": a.coo_score,
            "ownership": a.ownership,
            "focus": a.focus,
            "orientation": a.orientation,
            "stake": a.stake,
            "reason": a.reason,
        }
        for a in roles.values()
    ]
    columns = ["id", "name", "title", "label", "partner_score", "coo_score"]
    columns += ["ownership", "focus", "orientation", "stake", "reason"]
    return pd.DataFrame(rows, columns=columns).set_index("id")
