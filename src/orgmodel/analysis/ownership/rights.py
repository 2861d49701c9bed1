"""Rights of control that make a person a beneficial owner whatever their shares.

Every regime names owners by control as well as by ownership (sources in
``docs/ownership-rules.md``):

* ``uk-psc``: the right to appoint or remove a majority of the board (Companies Act
  2006 Sch. 1A para 4) and the right to exercise, or the actual exercise of,
  significant influence or control (para 5), which the statutory guidance extends
  to rights under the articles or a shareholder agreement;
* ``eu-amlr``: control via other means, Regulation (EU) 2024/1624 Art. 53: the right
  to appoint or remove a majority of the board (53(3)(b)), veto or decision rights
  under the articles (53(3)(c)), significant influence (53(2)(a)) and formal or
  informal agreements (53(4)(a));
* ``us-cta``: substantial control, 31 CFR 1010.380(d)(1): a senior officer
  ((d)(1)(i)(A)), authority over the appointment or removal of a senior officer or a
  majority of the board ((B)), direction of important decisions ((C)) and any other
  form of substantial control ((D));
* no regime: shares only.

A board seat, the chair, a conditional right and control by a legal framework (a
state over its own bodies) are recorded but make nobody an owner.  The rights looked
at are those a person holds over the entity directly, or declares holding through
others (a :attr:`~orgmodel.model.Stake.indirect` stake with control, as BODS
publishes the nominator behind a nominee director).
"""

from __future__ import annotations

from orgmodel.analysis.ownership.rules import Regime
from orgmodel.model import Control, Organization

__all__ = ["OWNER_RIGHTS", "control_rights", "rights_of_all"]

_BOARD = Control.BOARD_APPOINTMENT
_INFLUENCE = Control.SIGNIFICANT_INFLUENCE
_RULES = Control.COMPANY_RULES

#: The rights of control that make their holder a beneficial owner, by regime.
OWNER_RIGHTS: dict[Regime | None, frozenset[Control]] = {
    None: frozenset(),
    Regime.UK_PSC: frozenset({_BOARD, _INFLUENCE, _RULES}),
    Regime.EU_AMLR: frozenset({_BOARD, _INFLUENCE, _RULES, Control.CONTRACT}),
    Regime.US_CTA: frozenset(
        {_BOARD, _INFLUENCE, _RULES, Control.CONTRACT, Control.SENIOR_MANAGING_OFFICIAL}
    ),
}


def control_rights(
    org: Organization, entity: str, regime: Regime | None
) -> dict[str, tuple[Control, ...]]:
    """Return the people who hold a right over *entity* that *regime* counts, with it.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="x",
    ...     people=[om.Person("ann", "Ann"), om.Person("bo", "Bo")],
    ...     entities=[om.Entity("co", "Co")],
    ...     stakes=[
    ...         om.Stake("ann", "co", om.Share.exact(1.0)),
    ...         om.Stake(
    ...             "bo", "co", om.Share.exact(0.0), control=[om.Control.SENIOR_MANAGING_OFFICIAL]
    ...         ),
    ...     ],
    ... )
    >>> control_rights(org, "co", Regime.US_CTA), control_rights(org, "co", Regime.UK_PSC)
    ({'bo': (<Control.SENIOR_MANAGING_OFFICIAL: 'senior_managing_official'>,)}, {})
    """
    return rights_of_all(org, regime).get(entity, {})


def rights_of_all(
    org: Organization, regime: Regime | None
) -> dict[str, dict[str, tuple[Control, ...]]]:
    """Return :func:`control_rights` of every entity that has any: one pass over the stakes.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="x",
    ...     people=[om.Person("bo", "Bo")],
    ...     entities=[om.Entity("co", "Co")],
    ...     stakes=[
    ...         om.Stake("bo", "co", om.Share.exact(0.0), control=[om.Control.BOARD_APPOINTMENT]),
    ...     ],
    ... )
    >>> rights_of_all(org, Regime.UK_PSC)
    {'co': {'bo': (<Control.BOARD_APPOINTMENT: 'board_appointment'>,)}}
    """
    counted = OWNER_RIGHTS[regime]
    if not counted:
        return {}
    people: set[str] | None = None
    found: dict[str, dict[str, list[Control]]] = {}
    for s in org.stakes:
        if not s.control:
            continue
        if people is None:
            people = {p.id for p in org.people}
        if s.holder not in people:
            continue
        rights = found.setdefault(s.entity, {}).setdefault(s.holder, [])
        rights.extend(c for c in s.control if c in counted and c not in rights)
    out: dict[str, dict[str, tuple[Control, ...]]] = {}
    for entity, holders in found.items():
        kept = {holder: tuple(rights) for holder, rights in holders.items() if rights}
        if kept:
            out[entity] = kept
    return out
