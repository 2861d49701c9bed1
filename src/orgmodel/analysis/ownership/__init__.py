"""Ownership: look-through, beneficial owners and circular holdings.

The rules and their legal sources are set out in ``docs/ownership-rules.md``.

- :func:`effective_ownership` — who ultimately holds an entity, through chains of
  holding entities and cross-holdings (integrated ownership, solved with sparse
  linear algebra), or under the majority-chain rule.
- :func:`look_through` — the same for many entities at once (one block solve).
- :func:`beneficial_owners` — the people at or above a threshold, under a named
  regime (UK PSC, EU AMLR, US CTA), with the paths that explain their share.
- :func:`ownership_cycles` — circular holdings.
- :func:`controllers` — who controls an entity through majority-vote chains.
- :func:`banzhaf` and :func:`shapley_shubik` — the voting power of its holders.
- :func:`cap_table` — its direct holders, the unallocated rest and the look-through.

Shares given as ranges give results with lower and upper bounds; exact data gives
exact results.

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
...         om.Stake("bob", "acme", om.Share.exact(0.6)),
...     ],
...     focal_entity="acme",
... )
>>> {k: str(v) for k, v in om.effective_ownership(org, "acme").items()}
{'bob': '60%', 'alice': '40%'}
"""

from __future__ import annotations

from collections.abc import Iterable

from orgmodel._share import Share
from orgmodel.analysis._beneficial import BeneficialOwner, find_beneficial_owners
from orgmodel.analysis._captable import CapTable, CapTableRow, HolderShare, cap_table
from orgmodel.analysis._control import Controller, controllers
from orgmodel.analysis._cycles import find_ownership_cycles
from orgmodel.analysis._lookthrough import integrated
from orgmodel.analysis._majority import Chains, majority_chain
from orgmodel.analysis._network import Network, compile_network
from orgmodel.analysis._paths import PATH_LIMIT, SEARCH_LIMIT, OwnershipPath, PathStep
from orgmodel.analysis._power import PowerMethod, Unallocated, banzhaf, shapley_shubik
from orgmodel.analysis._rules import Measure, OwnershipRule, Regime, coerce
from orgmodel.model import Organization

__all__ = [
    "PATH_LIMIT",
    "SEARCH_LIMIT",
    "BeneficialOwner",
    "CapTable",
    "CapTableRow",
    "Controller",
    "HolderShare",
    "Measure",
    "OwnershipPath",
    "OwnershipRule",
    "PathStep",
    "PowerMethod",
    "Regime",
    "Unallocated",
    "banzhaf",
    "beneficial_owners",
    "cap_table",
    "controllers",
    "effective_ownership",
    "look_through",
    "ownership_cycles",
    "shapley_shubik",
]


def effective_ownership(
    org: Organization,
    entity: str,
    *,
    rule: OwnershipRule | str = OwnershipRule.MULTIPLICATIVE,
    measure: Measure | str = Measure.SHARE,
) -> dict[str, Share]:
    """Return who ultimately holds *entity*, and how much of it.

    Under the ``multiplicative`` rule the ultimate holders are the people, and the
    entities with no recorded owners, from whom a chain of stakes leads to *entity*;
    each holds the sum over those chains of the product of the shares along them.
    Cross-holdings (cycles) are solved exactly: the result is column *entity* of the
    integrated ownership ``(I - W)^{-1} W`` (Brioschi et al. 1989; Vitali,
    Glattfelder and Battiston 2011), computed with sparse linear algebra, never by
    enumerating paths.  When all the equity of every entity involved is held inside
    the organisation, the shares add up to 1.

    Under the ``majority-chain`` rule (UK PSC, Companies Act 2006 Sch. 1A para. 18) a
    holding reached through a chain of majority stakes (more than 50% of the votes,
    or of the share where no votes are recorded) is attributed whole to the holder at
    the top: a person, or an entity with no majority holder.

    Parameters
    ----------
    org : Organization
        The organisation.
    entity : str
        The id of the entity looked through.
    rule : OwnershipRule or str
        ``"multiplicative"`` (default) or ``"majority-chain"``.
    measure : Measure or str
        ``"share"`` (default), ``"voting"`` or ``"profit_share"``; a stake without
        votes or a profit share recorded counts with its share.

    Returns
    -------
    dict of str to Share
        Ultimate holder id to its share of *entity*: exact when every stake involved
        is exact, otherwise lower and upper bounds, clamped to [0, 1].  Holders whose
        upper bound is 0 are left out, and so is *entity* itself.  Ordered by
        descending lower bound, then descending upper bound, then id.

    Raises
    ------
    UnknownReferenceError
        When *entity* is not an entity of *org* (with a did-you-mean suggestion).
    SingularOwnershipError
        When a group of entities above *entity* is wholly owned by itself, so no
        share of it reaches anyone outside; the message names the cycle.
    OrgModelError
        When *rule* or *measure* is not one of the allowed values.

    Examples
    --------
    A chain, and a second path: 40% directly plus 60% x 30% through a holding.

    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="x",
    ...     people=[om.Person("ann", "Ann"), om.Person("ben", "Ben")],
    ...     entities=[om.Entity("acme", "Acme"), om.Entity("hold", "Holdco")],
    ...     stakes=[
    ...         om.Stake("ann", "acme", om.Share.exact(0.4)),
    ...         om.Stake("ann", "hold", om.Share.exact(0.6)),
    ...         om.Stake("ben", "hold", om.Share.exact(0.4)),
    ...         om.Stake("hold", "acme", om.Share.exact(0.3)),
    ...     ],
    ... )
    >>> {k: round(v.value, 4) for k, v in om.effective_ownership(org, "acme").items()}
    {'ann': 0.58, 'ben': 0.12}
    >>> om.effective_ownership(org, "acme", rule="majority-chain")["ann"].value
    0.7
    >>> om.effective_ownership(org, "acme", rule="majority")
    Traceback (most recent call last):
    ...
    orgmodel.exceptions.OrgModelError: 'rule' must be one of 'multiplicative', \
'majority-chain' (got 'majority')
    """
    return look_through(org, [entity], rule=rule, measure=measure)[entity]


def look_through(
    org: Organization,
    entities: Iterable[str],
    *,
    rule: OwnershipRule | str = OwnershipRule.MULTIPLICATIVE,
    measure: Measure | str = Measure.SHARE,
) -> dict[str, dict[str, Share]]:
    """Return :func:`effective_ownership` for each of *entities*, solved together.

    The stakes are read once and the targets solved in blocks, so looking through a
    hundred entities of a large network costs little more than looking through one.

    Parameters
    ----------
    org : Organization
        The organisation.
    entities : iterable of str
        Ids of the entities looked through.
    rule, measure
        As for :func:`effective_ownership`.

    Returns
    -------
    dict
        Entity id to its ``{ultimate holder id: Share}``, in the order given.

    Raises
    ------
    UnknownReferenceError, SingularOwnershipError, OrgModelError
        As for :func:`effective_ownership`.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="x",
    ...     people=[om.Person("ann", "Ann")],
    ...     entities=[om.Entity("a", "A"), om.Entity("b", "B")],
    ...     stakes=[
    ...         om.Stake("ann", "a", om.Share.exact(1.0)),
    ...         om.Stake("a", "b", om.Share.between(0.25, 0.5)),
    ...     ],
    ... )
    >>> {k: {h: str(s) for h, s in v.items()} for k, v in om.look_through(org, ["a", "b"]).items()}
    {'a': {'ann': '100%'}, 'b': {'ann': '25–50%'}}
    """
    chosen_rule = coerce(rule, OwnershipRule, "rule")
    chosen = coerce(measure, Measure, "measure")
    wanted = list(dict.fromkeys(entities))
    for entity_id in wanted:
        org.entity(entity_id)  # unknown ids raise with a did-you-mean suggestion
    net = compile_network(org, chosen, wanted)
    targets = [net.index[e] for e in wanted]
    if chosen_rule is OwnershipRule.MULTIPLICATIVE:
        raw = integrated(net, targets)
    else:
        links = net if chosen is Measure.VOTING else compile_network(org, Measure.VOTING, wanted)
        raw = majority_chain(net, Chains.of(links), targets)
    return {e: _shares(net, found) for e, found in zip(wanted, raw, strict=True)}


def _shares(net: Network, found: dict[int, tuple[float, float]]) -> dict[str, Share]:
    ids = net.ids
    rows = sorted(
        (-max(0.0, min(lo, hi)), -max(0.0, min(hi, 1.0)), ids[h]) for h, (lo, hi) in found.items()
    )
    return {node: Share(-lo, -hi) for lo, hi, node in rows}


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
    OrgModelError
        When *threshold* is not a fraction or *regime* or *measure* is unknown.

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
    chosen = None if regime is None else coerce(regime, Regime, "regime")
    return find_beneficial_owners(
        org,
        entity,
        threshold=threshold,
        regime=chosen,
        measure=coerce(measure, Measure, "measure"),
    )


def ownership_cycles(org: Organization) -> tuple[tuple[str, ...], ...]:
    """Return the circular holdings of *org*: groups of entities holding each other.

    Each group is a strongly connected component of the stakes between entities
    (two or more entities, each holding every other one directly or through the
    rest), not an elementary cycle: a group can contain exponentially many cycles,
    but it is listed once.  Members are in the order of ``org.entities``, groups in
    the order of their first member.  Found iteratively in linear time.

    Parameters
    ----------
    org : Organization
        The organisation.

    Returns
    -------
    tuple of tuple of str
        The entity ids of each group.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="x",
    ...     entities=[om.Entity("a", "A"), om.Entity("b", "B"), om.Entity("c", "C")],
    ...     stakes=[
    ...         om.Stake("a", "b", om.Share.exact(0.1)),
    ...         om.Stake("b", "a", om.Share.exact(0.4)),
    ...         om.Stake("b", "c", om.Share.exact(1.0)),
    ...     ],
    ... )
    >>> om.ownership_cycles(org)
    (('a', 'b'),)
    """
    return find_ownership_cycles(org)
