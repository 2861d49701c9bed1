"""Beneficial owners under a threshold and a named legal regime."""

from __future__ import annotations

import math

import attrs

from orgmodel.analysis.ownership.integrated import integrated
from orgmodel.analysis.ownership.majority import Chains, majority_chain
from orgmodel.analysis.ownership.network import compile_network
from orgmodel.analysis.ownership.paths import OwnershipPath, majority_paths, multiplicative_paths
from orgmodel.analysis.ownership.rules import Measure, OwnershipRule, Regime
from orgmodel.model import Organization
from orgmodel.model._arguments import organization_argument
from orgmodel.model.exceptions import OrgModelError
from orgmodel.model.options import read_option
from orgmodel.model.share import Share

__all__ = ["TOLERANCE", "BeneficialOwner", "find_beneficial_owners", "rule_of", "strict_of"]

#: Figures within this of the threshold count as equal to it (floating point).
TOLERANCE = 1e-9

_RULES = {
    None: OwnershipRule.MULTIPLICATIVE,
    Regime.UK_PSC: OwnershipRule.MAJORITY_CHAIN,
    Regime.EU_AMLR: OwnershipRule.MULTIPLICATIVE,
    Regime.US_CTA: OwnershipRule.MULTIPLICATIVE,
}
# Whether the threshold must be exceeded ("more than 25%") rather than met.
_STRICT = {None: False, Regime.UK_PSC: True, Regime.EU_AMLR: False, Regime.US_CTA: False}


def rule_of(regime: Regime | None) -> OwnershipRule:
    """Return the look-through rule a regime uses.

    Examples
    --------
    >>> rule_of(Regime.UK_PSC)
    <OwnershipRule.MAJORITY_CHAIN: 'majority-chain'>
    """
    return _RULES[regime]


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
    """

    person: str
    name: str
    share: Share
    certain: bool
    paths: tuple[OwnershipPath, ...]
    regime: Regime | None
    rule: OwnershipRule
    paths_complete: bool = True

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
        }

    def __str__(self) -> str:
        how = "" if self.certain else ", possibly"
        regime = "" if self.regime is None else f", {self.regime.value}"
        head = f"{self.name} ({self.person}): {self.share}{regime}{how}"
        lines = [head, *(f"  {p}" for p in self.paths)]
        if not self.paths_complete:
            lines.append("  ... (more paths not listed)")
        return "\n".join(lines)


def _meets(value: float, threshold: float, *, strict: bool) -> bool:
    if strict:
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
    level = _check_threshold(threshold)
    org.entity(entity)
    rule = rule_of(regime)
    strict = strict_of(regime)
    net = compile_network(org, measure, [entity])
    target = net.index[entity]
    chains: Chains | None = None
    if rule is OwnershipRule.MULTIPLICATIVE:
        found = integrated(net, [target])[0]
    else:
        links = net if measure is Measure.VOTING else compile_network(org, Measure.VOTING, [entity])
        chains = Chains.of(links)
        found = majority_chain(net, chains, [target])[0]
    people = {h: bounds for h, bounds in found.items() if h >= net.n_entities}
    owners = {h: (lo, hi) for h, (lo, hi) in people.items() if _meets(hi, level, strict=strict)}
    names = {p.id: p.name for p in org.people}
    names.update((e.id, e.name) for e in org.entities)
    if chains is None:
        paths, complete = multiplicative_paths(net, names, target, owners)
    else:
        paths, complete = majority_paths(net, chains, names, target, owners)
    records = [
        BeneficialOwner(
            person=net.ids[h],
            name=names[net.ids[h]],
            share=Share(max(0.0, min(lo, hi)), min(hi, 1.0)),
            certain=_meets(lo, level, strict=strict),
            paths=tuple(paths[h]),
            regime=regime,
            rule=rule,
            paths_complete=complete,
        )
        for h, (lo, hi) in owners.items()
    ]
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
    chosen = None if regime is None else read_option(regime, Regime, "regime")
    return find_beneficial_owners(
        org,
        entity,
        threshold=threshold,
        regime=chosen,
        measure=read_option(measure, Measure, "measure"),
    )
