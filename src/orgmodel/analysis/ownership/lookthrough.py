"""Look-through ownership: who ultimately holds an entity, through chains and cycles.

:func:`look_through` is the computation; :func:`effective_ownership` is its
one-entity form (``effective_ownership(org, e) == look_through(org, [e])[e]``).
The ``multiplicative`` rule is solved by :mod:`.integrated` (sparse linear
algebra), the ``majority-chain`` rule by :mod:`.majority`.
"""

from __future__ import annotations

from collections.abc import Iterable

from orgmodel.analysis.ownership.integrated import integrated
from orgmodel.analysis.ownership.majority import Chains, majority_chain
from orgmodel.analysis.ownership.network import Network, compile_network
from orgmodel.analysis.ownership.rules import Measure, OwnershipRule
from orgmodel.model import Organization, Share
from orgmodel.model._arguments import organization_argument
from orgmodel.model.options import read_option

__all__ = ["effective_ownership", "look_through"]


def effective_ownership(
    org: Organization,
    entity: str,
    *,
    rule: OwnershipRule | str = OwnershipRule.MULTIPLICATIVE,
    measure: Measure | str = Measure.SHARE,
) -> dict[str, Share]:
    """Return who ultimately holds *entity*, and how much of it: :func:`look_through` for one.

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
    OptionError
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
    orgmodel.exceptions.OptionError: 'rule' must be one of 'multiplicative', \
'majority-chain' (got 'majority') — did you mean 'majority-chain'?
    """
    organization_argument(org, "effective_ownership")
    return look_through(org, [entity], rule=rule, measure=measure)[entity]


def look_through(
    org: Organization,
    entities: Iterable[str] | None = None,
    *,
    rule: OwnershipRule | str = OwnershipRule.MULTIPLICATIVE,
    measure: Measure | str = Measure.SHARE,
) -> dict[str, dict[str, Share]]:
    """Return who ultimately holds each of *entities*, and how much: one computation.

    This is the look-through itself; :func:`effective_ownership` is its one-entity
    form, ``effective_ownership(org, e) == look_through(org, [e])[e]``, and documents
    the rules.  The stakes are read once and the targets solved in blocks, so looking
    through a hundred entities of a large network costs little more than through one.

    Parameters
    ----------
    org : Organization
        The organisation.
    entities : iterable of str, optional
        Ids of the entities looked through; every entity of *org* when omitted.
    rule, measure
        As for :func:`effective_ownership`.

    Returns
    -------
    dict
        Entity id to its ``{ultimate holder id: Share}``, in the order given.

    Raises
    ------
    UnknownReferenceError, SingularOwnershipError, OptionError
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
    >>> {k: {h: str(s) for h, s in v.items()} for k, v in om.look_through(org).items()}
    {'a': {'ann': '100%'}, 'b': {'ann': '25–50%'}}
    >>> om.look_through(org, ["b"])["b"] == om.effective_ownership(org, "b")
    True
    """
    organization_argument(org, "look_through")
    chosen_rule = read_option(rule, OwnershipRule, "rule")
    chosen = read_option(measure, Measure, "measure")
    wanted = list(dict.fromkeys(entities if entities is not None else (e.id for e in org.entities)))
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
