"""The links look-through follows under each regime: holdings, control, trusts, nominees.

The stakes of an organisation say who holds what directly.  Registers say more: who
controls an entity that has no shareholders (a ministry held by the State through a
statute), who stands behind a nominee, who the parties to a trust are, who holds
jointly.  :func:`regime_links` turns all of that into the list of stakes the
look-through engine follows, and says which links come from control or an
arrangement rather than from shares.  The rules and their legal sources are in
``docs/ownership-rules.md``:

* **declared indirect holdings** (:attr:`Stake.indirect`) are no links: they are
  figures to compare with (:mod:`.declared`);
* **nominees**: what a nomination arrangement holds passes whole to its nominators,
  never to its nominees, under every regime (UK Companies Act 2006 Sch. 1A Part 3,
  shares held by a nominee treated as held by the person for whom they are held;
  EU Regulation (EU) 2024/1624 Art. 53(4), control through nominee arrangements;
  US 31 CFR 1010.380(d)(2)(ii)(B), and (d)(3)(ii): a nominee is no beneficial owner);
* **trusts**: what a trust holds passes whole to the parties the regime names —
  ``eu-amlr`` the settlor, trustees, protector and beneficiaries (Art. 58(1));
  ``uk-psc`` the trustees, who hold in their capacity as such, and whoever has the
  right to exercise significant influence or control over the trust (Sch. 1A
  para 6, the fifth condition; the protector, and a party with a right of control
  over the trust); ``us-cta`` the trustee, the beneficiaries and the settlor
  (31 CFR 1010.380(d)(2)(ii)(C)); with no regime, every party;
* **joint holders**: under ``uk-psc`` each is treated as holding the whole joint
  holding (Sch. 1A para 11): all of an :attr:`EntityKind.ARRANGEMENT` that is no
  nomination or trust (the people holding it, as BODS publishes a joint holding),
  and, for stakes marked :attr:`Role.JOINT_HOLDER`, all the joint stakes in the
  entity together; elsewhere each holds its recorded share;
* **control**: an entity that nobody holds shares in passes what it holds whole to
  each party with a controlling right over it (a state over its ministry by
  statute; the right to appoint the board, significant influence or control, control
  through the articles or by contract).  A board seat, the chair, a senior managing
  official or a conditional right controls nothing by itself.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import attrs

from orgmodel.analysis.ownership.rules import Regime, Route
from orgmodel.model import Control, EntityKind, Organization, Role, Share, Stake

__all__ = ["CONTROLLING", "TRUST_PARTIES", "Links", "regime_links"]

#: The rights through which an entity nobody holds shares in passes on what it holds.
CONTROLLING = frozenset(
    {
        Control.BOARD_APPOINTMENT,
        Control.SIGNIFICANT_INFLUENCE,
        Control.COMPANY_RULES,
        Control.LEGAL_FRAMEWORK,
        Control.CONTRACT,
    }
)

#: The parties to a trust through whom a regime looks.
TRUST_PARTIES: dict[Regime | None, frozenset[Role]] = {
    None: frozenset({Role.SETTLOR, Role.TRUSTEE, Role.PROTECTOR, Role.BENEFICIARY}),
    Regime.EU_AMLR: frozenset({Role.SETTLOR, Role.TRUSTEE, Role.PROTECTOR, Role.BENEFICIARY}),
    Regime.UK_PSC: frozenset({Role.TRUSTEE, Role.PROTECTOR}),
    Regime.US_CTA: frozenset({Role.SETTLOR, Role.TRUSTEE, Role.BENEFICIARY}),
}
_WHOLE = Share.exact(1.0)
#: The kinds a trust is published as: a trust, or an arrangement (BODS 0.2 has no
#: trust subtype); a company whose holders carry trust roles is held as recorded.
_ARRANGEMENTS = frozenset({EntityKind.TRUST, EntityKind.ARRANGEMENT})


@attrs.frozen(eq=False)
class Links:
    """The stakes to look through, and which of them are not shareholdings.

    Attributes
    ----------
    stakes : sequence of Stake
        Direct holdings, with the links of control and arrangements in place of the
        stakes they stand for.
    via : dict
        ``(holder, entity)`` to how a link that is not a shareholding arises:
        ``"control"``, ``"nominee"``, ``"trust"`` or ``"joint"``.
    """

    stakes: Sequence[Stake]
    via: dict[tuple[str, str], Route]


def _party_link(
    stake: Stake, how: Route, via: dict[tuple[str, str], Route], share: Share = _WHOLE
) -> Stake:
    via[stake.holder, stake.entity] = how
    return attrs.evolve(stake, share=share, voting=None, profit_share=None)


def _joint_totals(stakes: Sequence[Stake]) -> dict[str, Share]:
    """Return the joint holding in each entity: its stakes marked joint, added up."""
    parts: dict[str, list[Share]] = defaultdict(list)
    for s in stakes:
        if Role.JOINT_HOLDER in s.roles and not s.indirect:
            parts[s.entity].append(s.share)
    return {
        entity: Share(min(1.0, sum(p.lower for p in found)), min(1.0, sum(p.upper for p in found)))
        for entity, found in parts.items()
    }


def regime_links(org: Organization, regime: Regime | None = None) -> Links:
    """Return the links look-through follows for *org* under *regime*.

    Examples
    --------
    A ministry held by the State through a statute, holding all of a company:

    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="x",
    ...     entities=[
    ...         om.Entity("state", "State"),
    ...         om.Entity("min", "Ministry"),
    ...         om.Entity("co", "Co"),
    ...     ],
    ...     stakes=[
    ...         om.Stake("min", "co", om.Share.exact(1.0)),
    ...         om.Stake("state", "min", om.Share.exact(0.0), control=[om.Control.LEGAL_FRAMEWORK]),
    ...     ],
    ... )
    >>> links = regime_links(org)
    >>> [(s.holder, s.entity, str(s.share)) for s in links.stakes]
    [('min', 'co', '100%'), ('state', 'min', '100%')]
    >>> links.via
    {('state', 'min'): <Route.CONTROL: 'control'>}
    """
    stakes = org.stakes
    plain = not any(s.indirect or s.control or s.roles for s in stakes) and not any(
        e.kind is EntityKind.ARRANGEMENT for e in org.entities
    )
    if plain:
        return Links(stakes, {})
    rules = _Rules(org, regime)
    out = [link for s in stakes if not s.indirect and (link := rules.link(s)) is not None]
    return Links(out, rules.via)


class _Rules:
    """The facts about *org* the links depend on, and the rule for one stake."""

    def __init__(self, org: Organization, regime: Regime | None) -> None:
        stakes = org.stakes
        self.regime = regime
        self.kinds = {e.id: e.kind for e in org.entities}
        self.equity: set[str] = {
            s.entity for s in stakes if not s.indirect and s.share.upper > 0.0 and not s.roles
        }
        self.parties = TRUST_PARTIES[regime]
        self.joint_totals = _joint_totals(stakes)
        self.nominated = {s.entity for s in stakes if Role.NOMINATOR in s.roles}
        self.people = {p.id for p in org.people}
        self.via: dict[tuple[str, str], Route] = {}

    def link(self, s: Stake) -> Stake | None:
        """Return the link *s* stands for under the regime, or ``None`` for none."""
        roles = set(s.roles)
        if s.entity in self.nominated and roles & {Role.NOMINATOR, Role.NOMINEE}:
            # a nominee holds nothing for itself
            return _party_link(s, Route.NOMINEE, self.via) if Role.NOMINATOR in roles else None
        kind = self.kinds.get(s.entity)
        if kind in _ARRANGEMENTS and roles & TRUST_PARTIES[None]:  # a party to a trust
            if roles & self.parties or (self.regime is Regime.UK_PSC and s.control):
                return _party_link(s, Route.TRUST, self.via)
            return s if s.share.upper > 0.0 else None
        joint = Role.JOINT_HOLDER in roles or (
            kind is EntityKind.ARRANGEMENT
            and not roles
            and not s.control
            and s.holder in self.people
        )
        if joint and self.regime is Regime.UK_PSC:
            whole = _WHOLE if kind is EntityKind.ARRANGEMENT else self.joint_totals[s.entity]
            return _party_link(s, Route.JOINT, self.via, whole)
        controlling = any(c in CONTROLLING for c in s.control)
        if controlling and s.entity not in self.equity and s.share.upper == 0.0:
            return _party_link(s, Route.CONTROL, self.via)
        return s
