"""The report ``orgmodel ownership`` prints: beneficial owners and look-through shares.

Imported only by that command, since the look-through needs numpy and scipy.

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
>>> print(ownership_report(org, "acme", regime="uk-psc").text())
Beneficial owners of Acme LLP (acme) under uk-psc: more than 25%, through majority chains
  Alice (alice): 40%
    Alice → AS Holdings Ltd (100%) → Acme LLP (40%)
<BLANKLINE>
Look-through ownership of Acme LLP (majority-chain)
holder  name   share
------  -----  -----
alice   Alice    40%
bob     Bob      25%
"""

from __future__ import annotations

from typing import Any

import attrs

import orgmodel as om
from orgmodel.cli._terminal import printable
from orgmodel.cli.tables import format_table

__all__ = ["OwnershipReport", "ownership_report"]

_DEFAULT_THRESHOLD = 0.25

_WHO = {
    None: "{t} or more, multiplied along each chain and summed across chains",
    om.Regime.UK_PSC: "more than {t}, through majority chains",
    om.Regime.EU_AMLR: "{t} or more, multiplied along each chain and summed across chains",
    om.Regime.US_CTA: "at least {t}, multiplied along each chain and summed across chains",
}


@attrs.frozen
class OwnershipReport:
    """Who owns an entity in the end, and who its beneficial owners are.

    Attributes
    ----------
    entity : str
        The id of the entity looked at.
    entity_name : str
        Its name.
    regime : Regime or None
        The beneficial-ownership rules applied.
    threshold : float
        The qualifying fraction.
    rule : OwnershipRule
        The look-through rule behind both the owners and the shares.
    owners : tuple of BeneficialOwner
        The beneficial owners, definite ones first.
    shares : dict of str to Share
        Look-through share of every ultimate holder.
    names : dict of str to str
        Display names of the holders.
    """

    entity: str
    entity_name: str
    regime: om.Regime | None
    threshold: float
    rule: om.OwnershipRule
    owners: tuple[om.BeneficialOwner, ...]
    shares: dict[str, om.Share]
    names: dict[str, str]

    def to_dict(self) -> dict[str, Any]:
        """Return the report as JSON-compatible data.

        Examples
        --------
        >>> import orgmodel as om
        >>> org = om.Organization(
        ...     name="x",
        ...     people=[om.Person("ann", "Ann")],
        ...     entities=[om.Entity("e", "E")],
        ...     stakes=[om.Stake("ann", "e", om.Share.exact(1.0))],
        ... )
        >>> ownership_report(org, "e").to_dict()["effective_ownership"]
        {'ann': 1.0}
        """
        return {
            "entity": self.entity,
            "regime": None if self.regime is None else self.regime.value,
            "threshold": self.threshold,
            "rule": self.rule.value,
            "beneficial_owners": [owner.to_dict() for owner in self.owners],
            "effective_ownership": {k: v.to_data() for k, v in self.shares.items()},
        }

    def text(self) -> str:
        """Return the report as text for a terminal, control characters in names escaped."""
        regime = "no named regime" if self.regime is None else self.regime.value
        who = _WHO[self.regime].format(t=f"{self.threshold * 100:g}%")
        entity = f"{printable(self.entity_name)} ({printable(self.entity)})"
        lines = [f"Beneficial owners of {entity} under {regime}: {who}"]
        if not self.owners:
            lines.append("  nobody qualifies")
        for owner in self.owners:
            maybe = "" if owner.certain else " (possibly: the range straddles the threshold)"
            who_owns = f"{printable(owner.name)} ({printable(owner.person)})"
            lines.append(f"  {who_owns}: {owner.share}{maybe}")
            lines.extend(f"    {printable(str(path))}" for path in owner.paths)
            if not owner.paths_complete:
                lines.append("    … more paths not listed")
        lines.extend(
            ["", f"Look-through ownership of {printable(self.entity_name)} ({self.rule.value})"]
        )
        if self.shares:
            rows = [
                [printable(k), printable(self.names.get(k, k)), str(v)]
                for k, v in self.shares.items()
            ]
            lines.append(format_table(["holder", "name", "share"], rows, align_right=[2]))
        else:
            lines.append("  no recorded holders")
        return "\n".join(lines)


def ownership_report(
    org: om.Organization,
    entity: str,
    *,
    regime: om.Regime | str | None = None,
    threshold: float | None = None,
) -> OwnershipReport:
    """Compute the beneficial owners and look-through shares of *entity*.

    Parameters
    ----------
    org : Organization
        The organisation.
    entity : str
        The entity's id.
    regime : Regime or str, optional
        ``"uk-psc"``, ``"eu-amlr"`` or ``"us-cta"``.
    threshold : float, optional
        The qualifying fraction (default 25%).

    Returns
    -------
    OwnershipReport
        The owners, the shares and how they were found.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="x",
    ...     people=[om.Person("ann", "Ann"), om.Person("bo", "Bo")],
    ...     entities=[om.Entity("e", "E")],
    ...     stakes=[
    ...         om.Stake("ann", "e", om.Share.exact(0.25)),
    ...         om.Stake("bo", "e", om.Share.exact(0.75)),
    ...     ],
    ... )
    >>> [o.person for o in ownership_report(org, "e", regime="uk-psc").owners]
    ['bo']
    >>> [o.person for o in ownership_report(org, "e", regime="eu-amlr").owners]
    ['bo', 'ann']
    """
    chosen = None if regime is None else om.Regime(regime)
    cutoff = _DEFAULT_THRESHOLD if threshold is None else threshold
    rule = om.OwnershipRule.MAJORITY_CHAIN if chosen is om.Regime.UK_PSC else None
    rule = rule or om.OwnershipRule.MULTIPLICATIVE
    owners = om.beneficial_owners(org, entity, threshold=cutoff, regime=chosen)
    shares = dict(om.effective_ownership(org, entity, rule=rule))
    names = {holder: org.node(holder).name for holder in shares}
    return OwnershipReport(
        entity=entity,
        entity_name=org.entity(entity).name,
        regime=chosen,
        threshold=cutoff,
        rule=rule,
        owners=owners,
        shares=shares,
        names=names,
    )
