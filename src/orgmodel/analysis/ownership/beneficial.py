"""Beneficial owners under a threshold and a named legal regime."""

from __future__ import annotations

import math
from collections.abc import Iterable

import attrs

from orgmodel._speed.gc_pause import gc_paused
from orgmodel.analysis.ownership.declared import DeclaredFigure
from orgmodel.analysis.ownership.owners import RULES, UltimateOwner, look_all
from orgmodel.analysis.ownership.paths import OwnershipPath
from orgmodel.analysis.ownership.rights import rights_of_all
from orgmodel.analysis.ownership.rules import Measure, OwnershipRule, Regime, Route
from orgmodel.model import Control, Organization
from orgmodel.model._arguments import organization_argument
from orgmodel.model.exceptions import OrgModelError
from orgmodel.model.options import read_option
from orgmodel.model.share import Share

__all__ = [
    "TOLERANCE",
    "BeneficialOwner",
    "beneficial_owners_of_all",
    "find_beneficial_owners",
    "owners_of",
    "rule_of",
    "strict_of",
]

#: Figures within this of the threshold count as equal to it (floating point).
TOLERANCE = 1e-9

_NOTHING = Share.exact(0.0)

# Whether the threshold must be exceeded ("more than 25%") rather than met.
_STRICT = {None: False, Regime.UK_PSC: True, Regime.EU_AMLR: False, Regime.US_CTA: False}


def rule_of(regime: Regime | None) -> OwnershipRule:
    """Return the look-through rule a regime uses.

    Examples
    --------
    >>> rule_of(Regime.UK_PSC)
    <OwnershipRule.MAJORITY_CHAIN: 'majority-chain'>
    """
    return RULES[regime]


def strict_of(regime: Regime | None) -> bool:
    """Return whether a regime asks for *more than* the threshold (not *at least*).

    Examples
    --------
    >>> strict_of(Regime.UK_PSC), strict_of(Regime.EU_AMLR)
    (True, False)
    """
    return _STRICT[regime]


@attrs.frozen
class BeneficialOwner:
    """A person who holds at least the threshold of an entity, with the paths why.

    Attributes
    ----------
    person : str
        The person's id.
    name : str
        The person's name.
    share : Share
        Their look-through share (bounds when stakes are ranges).
    certain : bool
        ``True`` when they are a beneficial owner *definitely* (the lower bound meets
        the threshold), ``False`` when only *possibly* (only the upper bound does).
        Always ``True`` for exact data.
    paths : tuple of OwnershipPath
        The chains of stakes that give the share, largest first; capped (see
        ``paths_complete``).
    regime : Regime or None
        The regime applied; ``None`` for plain multiplicative look-through.
    rule : OwnershipRule
        The look-through rule the regime uses.
    paths_complete : bool
        ``False`` when the path search hit its cap, so some paths are not listed.
        The share is exact regardless: it never comes from the paths.
    via : tuple of Route
        How the owner was reached where it was not through shares alone (each
        :class:`~orgmodel.Route` is also its text): ``"control"`` (a right of
        control the regime counts, or control of an entity nobody holds shares in),
        ``"trust"``, ``"nominee"``, ``"joint"``,
        ``"declared"`` (a declared indirect holding that counts because the file has
        no chain for it, or that narrows the figure its chain gives).  Empty for
        shares only.
    declared : DeclaredFigure or None
        The owner's declared indirect holding beside the computed figure, if any.
    control : tuple of Control
        The rights of control over the entity that make the person an owner under
        the regime whatever their share (``docs/ownership-rules.md``), held directly
        or declared as held through others.
    """

    person: str
    name: str
    share: Share
    certain: bool
    paths: tuple[OwnershipPath, ...]
    regime: Regime | None
    rule: OwnershipRule
    paths_complete: bool = True
    via: tuple[Route, ...] = ()
    declared: DeclaredFigure | None = None
    control: tuple[Control, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """Return the record as plain data (JSON-compatible).

        Examples
        --------
        >>> from orgmodel.analysis.ownership.paths import PathStep
        >>> step = PathStep("ann", "acme", Share.exact(0.4), "Ann", "Acme")
        >>> owner = BeneficialOwner(
        ...     "ann",
        ...     "Ann",
        ...     Share.exact(0.4),
        ...     True,
        ...     (OwnershipPath((step,), Share.exact(0.4)),),
        ...     Regime.EU_AMLR,
        ...     OwnershipRule.MULTIPLICATIVE,
        ... )
        >>> owner.to_dict()["paths"][0]["text"], owner.to_dict()["regime"]
        ('Ann → Acme (40%)', 'eu-amlr')
        """
        return {
            "person": self.person,
            "name": self.name,
            "share": self.share.to_data(),
            "certain": self.certain,
            "regime": None if self.regime is None else self.regime.value,
            "rule": self.rule.value,
            "paths": [p.to_dict() for p in self.paths],
            "paths_complete": self.paths_complete,
            "via": list(self.via),
            "declared": None if self.declared is None else str(self.declared),
            "control": [c.value for c in self.control],
        }

    def __str__(self) -> str:
        how = "" if self.certain else ", possibly"
        regime = "" if self.regime is None else f", {self.regime.value}"
        through = f", through {' and '.join(self.via)}" if self.via else ""
        if self.control:
            through += f" ({', '.join(c.value for c in self.control)})"
        head = f"{self.name} ({self.person}): {self.share}{regime}{how}{through}"
        lines = [head, *(f"  {p}" for p in self.paths)]
        if self.declared is not None:
            lines.append(f"  {self.declared}")
        if not self.paths_complete:
            lines.append("  ... (more paths not listed)")
        return "\n".join(lines)


def _meets(value: float, threshold: float, *, strict: bool, is_open: bool = False) -> bool:
    """Whether a lower bound *value* (open or not) certainly meets the threshold."""
    if strict:  # "more than": an open bound at the threshold is above it
        return value > threshold + TOLERANCE or (is_open and value >= threshold - TOLERANCE)
    return value >= threshold - TOLERANCE


def _may_meet(value: float, threshold: float, *, strict: bool, is_open: bool = False) -> bool:
    """Whether an upper bound *value* (open: not attained) may meet the threshold."""
    if strict or is_open:  # "more than", or "less than value": at the threshold fails
        return value > threshold + TOLERANCE
    return value >= threshold - TOLERANCE


def _check_threshold(threshold: object) -> float:
    if (
        isinstance(threshold, bool)
        or not isinstance(threshold, int | float)
        or not (math.isfinite(threshold) and 0.0 <= threshold <= 1.0)
    ):
        msg = f"'threshold' must be a fraction between 0 and 1 (got {threshold!r})"
        raise OrgModelError(msg)
    return float(threshold)


def find_beneficial_owners(
    org: Organization,
    entity: str,
    *,
    threshold: object,
    regime: Regime | None,
    measure: Measure,
) -> tuple[BeneficialOwner, ...]:
    """Compute :func:`~orgmodel.analysis.ownership.beneficial_owners` (options checked)."""
    return owners_of(org, [entity], threshold=threshold, regime=regime, measure=measure)[entity]


def owners_of(
    org: Organization,
    entities: Iterable[str] | None,
    *,
    threshold: object,
    regime: Regime | None,
    measure: Measure,
) -> dict[str, tuple[BeneficialOwner, ...]]:
    """Compute the beneficial owners of each of *entities* with one look-through (options checked).

    The links are drawn and the targets solved once (:func:`.owners.look_all`), and
    the rights of control read in one pass over the stakes, so the cost is about
    that of the look-through.
    """
    level = _check_threshold(threshold)
    wanted = list(dict.fromkeys(entities if entities is not None else (e.id for e in org.entities)))
    for entity in wanted:
        org.entity(entity)  # unknown ids raise with a did-you-mean suggestion
    strict = strict_of(regime)
    rights_of = rights_of_all(org, regime)
    people = {p.id: p.name for p in org.people}

    def keep(entity: str, holder: str, share: Share) -> bool:
        return holder in people and (
            holder in rights_of.get(entity, ())
            or _may_meet(share.upper, level, strict=strict, is_open=share.upper_open)
        )

    with gc_paused():  # millions of acyclic records: no collection until they are made
        looked = look_all(org, wanted, regime, measure, keep)
        table = _Table(people, regime, rule_of(regime), level, strict)
        return {e: _records(table, looked[e], rights_of.get(e, {})) for e in wanted}


@attrs.frozen
class _Table:
    """What turns an entity's ultimate holders into its beneficial owners."""

    names: dict[str, str]  # the people's names
    regime: Regime | None
    rule: OwnershipRule
    level: float
    strict: bool


def _records(
    table: _Table, owners: list[UltimateOwner], rights: dict[str, tuple[Control, ...]]
) -> tuple[BeneficialOwner, ...]:
    """Return the people among *owners* (and the holders of *rights*) who are owners, in order."""
    found = {o.holder: o for o in owners}
    records = []
    for holder in [*found, *(h for h in rights if h not in found)]:
        owner = found.get(holder)
        share = _NOTHING if owner is None else owner.share
        by_share = _meets(share.lower, table.level, strict=table.strict, is_open=share.lower_open)
        via = set() if owner is None else set(owner.via)
        if holder in rights and not by_share:
            via.add(Route.CONTROL)
        records.append(
            BeneficialOwner(
                person=holder,
                name=table.names[holder],
                share=share,
                certain=by_share or holder in rights,
                paths=() if owner is None else owner.paths,
                regime=table.regime,
                rule=table.rule,
                paths_complete=True if owner is None else owner.paths_complete,
                via=tuple(sorted(via)),
                declared=None if owner is None else owner.declared,
                control=rights.get(holder, ()),
            )
        )
    if len(records) > 1:
        records.sort(key=lambda r: (not r.certain, -r.share.lower, -r.share.upper, r.person))
    return tuple(records)


def beneficial_owners(
    org: Organization,
    entity: str,
    *,
    threshold: float = 0.25,
    regime: Regime | str | None = None,
    measure: Measure | str = Measure.SHARE,
) -> tuple[BeneficialOwner, ...]:
    """Return the people who hold at least *threshold* of *entity*, with the paths why.

    Only people (natural persons) are beneficial owners; entities at the top of a
    chain are not.  The regime decides the look-through rule and whether the
    threshold must be met or exceeded (sources in ``docs/ownership-rules.md``):

    ============  =================  ==========================================
    regime        rule               qualifies with
    ============  =================  ==========================================
    ``None``      multiplicative     *threshold* or more
    ``uk-psc``    majority-chain     more than *threshold* (Companies Act 2006
                                     Sch. 1A: "more than 25%")
    ``eu-amlr``   multiplicative     *threshold* or more (Reg. (EU) 2024/1624
                                     Art. 52: "25% or more")
    ``us-cta``    multiplicative     *threshold* or more (31 CFR 1010.380(d):
                                     "at least 25 percent")
    ============  =================  ==========================================

    Figures within 1e-9 of the threshold count as equal to it.  With ranged stakes a
    person is a beneficial owner *definitely* (``certain=True``) when the lower bound
    of their share qualifies, and *possibly* (``certain=False``) when only the upper
    bound does; definite owners come first.

    Parameters
    ----------
    org : Organization
        The organisation.
    entity : str
        The id of the entity.
    threshold : float
        The fraction that qualifies, default 0.25.
    regime : Regime or str, optional
        ``"uk-psc"``, ``"eu-amlr"`` or ``"us-cta"``; ``None`` for plain look-through.
    measure : Measure or str
        The figure looked through, default ``"share"``; ``"voting"`` for votes.

    Returns
    -------
    tuple of BeneficialOwner
        Definite owners first, then by descending share and id.  Each lists up to
        :data:`PATH_LIMIT` paths; the search is capped at :data:`SEARCH_LIMIT` steps
        (``paths_complete`` says whether it was), while the share itself always
        comes from the full computation.

    Raises
    ------
    UnknownReferenceError
        When *entity* is not an entity of *org*.
    SingularOwnershipError
        When a group of entities above *entity* owns itself wholly.
    OptionError
        When *regime* or *measure* is not one of the allowed values.
    OrgModelError
        When *threshold* is not a fraction.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="Acme",
    ...     people=[om.Person("alice", "Alice"), om.Person("bob", "Bob")],
    ...     entities=[om.Entity("acme", "Acme LLP"), om.Entity("hold", "AS Holdings Ltd")],
    ...     stakes=[
    ...         om.Stake("alice", "hold", om.Share.exact(1.0)),
    ...         om.Stake("hold", "acme", om.Share.exact(0.4)),
    ...         om.Stake("bob", "acme", om.Share.exact(0.25)),
    ...     ],
    ... )
    >>> for owner in om.beneficial_owners(org, "acme", regime="eu-amlr"):
    ...     print(owner)
    Alice (alice): 40%, eu-amlr
      Alice → AS Holdings Ltd (100%) → Acme LLP (40%)
    Bob (bob): 25%, eu-amlr
      Bob → Acme LLP (25%)
    >>> [o.person for o in om.beneficial_owners(org, "acme", regime="uk-psc")]
    ['alice']
    """
    organization_argument(org, "beneficial_owners")
    return _checked(org, [entity], threshold, regime, measure)[entity]


def beneficial_owners_of_all(
    org: Organization,
    entities: Iterable[str] | None = None,
    *,
    threshold: float = 0.25,
    regime: Regime | str | None = None,
    measure: Measure | str = Measure.SHARE,
) -> dict[str, tuple[BeneficialOwner, ...]]:
    """Return the beneficial owners of every entity (or of *entities*): one computation.

    What :func:`beneficial_owners` returns for each entity, computed with one
    look-through of them all (:func:`~orgmodel.look_through`), not one per entity:
    ``beneficial_owners_of_all(org, [e], ...)[e] == beneficial_owners(org, e, ...)``.
    This is how the beneficial owners of a whole register are found (``docs/psc.md``
    measures it on a snapshot of a million lines).

    Parameters
    ----------
    org : Organization
        The organisation.
    entities : iterable of str, optional
        Ids of the entities; every entity of *org* when omitted.
    threshold, regime, measure
        As for :func:`beneficial_owners`.

    Returns
    -------
    dict of str to tuple of BeneficialOwner
        Entity id to its owners (possibly none), in the order given.

    Raises
    ------
    UnknownReferenceError, SingularOwnershipError, OptionError, OrgModelError
        As for :func:`beneficial_owners`.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="Group",
    ...     people=[om.Person("ann", "Ann"), om.Person("bob", "Bob")],
    ...     entities=[om.Entity("hold", "Hold Ltd"), om.Entity("op", "Op Ltd")],
    ...     stakes=[
    ...         om.Stake("ann", "hold", om.Share.between(0.75, 1.0)),
    ...         om.Stake("hold", "op", om.Share.between(0.5, 0.75, lower_open=True)),
    ...         om.Stake("bob", "op", om.Share.between(0.25, 0.5, lower_open=True)),
    ...     ],
    ... )
    >>> found = om.beneficial_owners_of_all(org, regime="uk-psc")
    >>> for entity, owners in found.items():
    ...     print(entity, [(o.person, str(o.share), o.certain) for o in owners])
    hold [('ann', '75–100%', True)]
    op [('ann', '(50–75]%', True), ('bob', '(25–50]%', True)]
    >>> found["op"] == om.beneficial_owners(org, "op", regime="uk-psc")
    True
    """
    organization_argument(org, "beneficial_owners_of_all")
    return _checked(org, entities, threshold, regime, measure)


def _checked(
    org: Organization,
    entities: Iterable[str] | None,
    threshold: object,
    regime: object,
    measure: object,
) -> dict[str, tuple[BeneficialOwner, ...]]:
    """Return :func:`owners_of` once the regime and the measure are read as options."""
    chosen = None if regime is None else read_option(regime, Regime, "regime")
    which = read_option(measure, Measure, "measure")
    return owners_of(org, entities, threshold=threshold, regime=chosen, measure=which)
