"""Ownership: look-through, beneficial owners and circular holdings.

The rules and their legal sources are set out in ``docs/ownership-rules.md``.

- :func:`effective_ownership` — who ultimately holds an entity, through chains of
  holding entities and cross-holdings (integrated ownership, solved with sparse
  linear algebra), or under the majority-chain rule.
- :func:`look_through` — the same for many entities at once (one block solve).
- :func:`beneficial_owners` — the people at or above a threshold, under a named
  regime (UK PSC, EU AMLR, US CTA), with the paths that explain their share;
  :func:`beneficial_owners_of_all` the same for every entity with one look-through.
- :func:`ultimate_owners` — the same holders with the reasons for each figure: the
  computed and the declared figure, the chains, and the route (control, a trust, a
  nominee, a joint holding).
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

from orgmodel.analysis.ownership.beneficial import (
    BeneficialOwner,
    beneficial_owners,
    beneficial_owners_of_all,
)
from orgmodel.analysis.ownership.captable import CapTable, CapTableRow, HolderShare, cap_table
from orgmodel.analysis.ownership.control import Controller, controllers
from orgmodel.analysis.ownership.cycles import ownership_cycles
from orgmodel.analysis.ownership.lookthrough import effective_ownership, look_through
from orgmodel.analysis.ownership.owners import UltimateOwner, ultimate_owners
from orgmodel.analysis.ownership.paths import PATH_LIMIT, SEARCH_LIMIT, OwnershipPath, PathStep
from orgmodel.analysis.ownership.power import PowerMethod, Unallocated, banzhaf, shapley_shubik
from orgmodel.analysis.ownership.rules import Measure, OwnershipRule, Regime, Route

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
    "Route",
    "UltimateOwner",
    "Unallocated",
    "banzhaf",
    "beneficial_owners",
    "beneficial_owners_of_all",
    "cap_table",
    "controllers",
    "effective_ownership",
    "look_through",
    "ownership_cycles",
    "shapley_shubik",
    "ultimate_owners",
]
