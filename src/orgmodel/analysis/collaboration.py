"""The background note's fourth point: whether partners and COOs work together.

"Partners provide the vision and direction, while COOs ensure the implementation."
:func:`collaboration` checks that the organisation is set up for that:

- for every partner-like member, their **operational counterparts** — COO-like or
  hybrid members linked to them by a reporting line (solid or dotted, either way),
  a shared manager, the chain of command, or a shared unit;
- the partners with **no operational counterpart**;
- the units with **no COO-like member above them**: neither their head, nor anyone
  in the head's chain of command (or a dotted-line manager of someone in it), nor
  the head of an enclosing unit is COO-like or hybrid.

Everything is computed in a few linear passes over the people and units.

Examples
--------
>>> import orgmodel as om
>>> org = om.Organization(
...     name="Firm",
...     people=[
...         om.Person("ann", "Ann", responsibilities=["strategy", "client_relationships"]),
...         om.Person(
...             "olu",
...             "Olu",
...             manager="ann",
...             responsibilities=["operations", "coordination"],
...         ),
...         *(om.Person(f"h{i}", f"H{i}", manager="olu", unit=f"u{i}") for i in range(3)),
...     ],
...     units=[om.Unit(f"u{i}", f"Unit {i}", head=f"h{i}") for i in range(3)]
...     + [om.Unit("sales", "Sales")],
...     entities=[om.Entity("firm", "Firm Ltd")],
...     stakes=[om.Stake("ann", "firm", om.Share.exact(1.0))],
... )
>>> summary = om.collaboration(org)
>>> print(summary)
Firm: 1 partner-like member; 1 operational counterpart (1 coo-like, 0 hybrid)
- Ann works with Olu (coo-like, reporting line)
Every partner-like member has an operational counterpart.
1 unit with no COO-like member above it: Sales
>>> summary.partners[0].counterparts[0].text
'Olu reports to Ann'
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Callable, KeysView, Mapping
from typing import Any

import attrs

from orgmodel.analysis._hierarchy import Hierarchy
from orgmodel.analysis.roles import classify
from orgmodel.analysis.roles.records import RoleAssessment, RoleLabel
from orgmodel.analysis.roles.text import listing, plural
from orgmodel.model import Organization, Person
from orgmodel.model._arguments import organization_argument
from orgmodel.model.exceptions import OrgModelError

__all__ = ["CollaborationSummary", "Counterpart", "LinkKind", "PartnerLinks", "collaboration"]

_SHOWN = 20  # partners listed in the text before "and N more"
_OPERATIONAL = (RoleLabel.COO_LIKE, RoleLabel.HYBRID)

#: Ids of a group of members (the keys of a dict, which test membership like a set).
_Ids = KeysView[str]


class _Names:
    """Display names looked up on demand (no dict of a million names)."""

    __slots__ = ("_people",)

    def __init__(self, people: Mapping[str, Person]) -> None:
        self._people = people

    def __getitem__(self, person_id: str) -> str:
        return self._people[person_id].name


#: Records a link: partner id, counterpart id, kind, phrase (the first link wins).
_Link = Callable[[str, str, "LinkKind", str], None]


class LinkKind(enum.Enum):
    """How a partner and an operational counterpart are linked (strongest first)."""

    REPORTING = "reporting"
    """One reports to the other on a solid line."""
    DOTTED = "dotted"
    """One reports to the other on a dotted (matrix) line."""
    SAME_MANAGER = "same-manager"
    """Both report to the same manager."""
    CHAIN = "chain"
    """The nearest such member above or below the other in the chain of command."""
    SHARED_UNIT = "shared-unit"
    """They belong to, or head, the same unit."""


_LINK_WORDS = {
    LinkKind.REPORTING: "reporting line",
    LinkKind.DOTTED: "dotted line",
    LinkKind.SAME_MANAGER: "same manager",
    LinkKind.CHAIN: "chain of command",
    LinkKind.SHARED_UNIT: "shared unit",
}


@attrs.frozen
class Counterpart:
    """An operational member linked to a partner.

    Attributes
    ----------
    person, name : str
        The counterpart's id and name.
    label : RoleLabel
        ``COO_LIKE`` or ``HYBRID``.
    link : LinkKind
        The strongest link between them.
    text : str
        The link as a phrase, such as ``"Carol Nguyen reports to Alice Smith"``.
    """

    person: str
    name: str
    label: RoleLabel
    link: LinkKind
    text: str

    def to_dict(self) -> dict[str, Any]:
        """Return the record as plain JSON-compatible values."""
        return {
            "person": self.person,
            "name": self.name,
            "label": self.label.value,
            "link": self.link.value,
            "text": self.text,
        }


@attrs.frozen
class PartnerLinks:
    """A partner-like member and their operational counterparts (possibly none)."""

    partner: str
    name: str
    counterparts: tuple[Counterpart, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the record as plain JSON-compatible values."""
        return {
            "partner": self.partner,
            "name": self.name,
            "counterparts": [c.to_dict() for c in self.counterparts],
        }


@attrs.frozen
class CollaborationSummary:
    """Partners, their operational counterparts, and the gaps.

    Attributes
    ----------
    organization : str
        The organisation's name.
    partners : tuple of PartnerLinks
        Every partner-like member, in the organisation's order, with counterparts.
    operational : tuple of str
        Ids of the COO-like and hybrid members.
    hybrids : int
        How many of :attr:`operational` are hybrid.
    unpaired : tuple of str
        Partner-like members with no operational counterpart.
    uncovered_units : tuple of str
        Ids of units with no COO-like or hybrid member above them.
    unit_names : dict of str to str
        Names of the units in :attr:`uncovered_units`, for display.
    """

    organization: str
    partners: tuple[PartnerLinks, ...]
    operational: tuple[str, ...]
    hybrids: int
    unpaired: tuple[str, ...]
    uncovered_units: tuple[str, ...]
    unit_names: dict[str, str]

    @property
    def ok(self) -> bool:
        """Whether every partner has a counterpart and every unit is covered."""
        return not (self.unpaired or self.uncovered_units)

    def to_dict(self) -> dict[str, Any]:
        """Return the record as plain JSON-compatible values."""
        return {
            "organization": self.organization,
            "partners": [p.to_dict() for p in self.partners],
            "operational": list(self.operational),
            "hybrids": self.hybrids,
            "unpaired": list(self.unpaired),
            "uncovered_units": [
                {"id": u, "name": self.unit_names[u]} for u in self.uncovered_units
            ],
            "ok": self.ok,
        }

    def __str__(self) -> str:
        n_ops = len(self.operational)
        head = (
            f"{self.organization}: {plural(len(self.partners), 'partner-like member')}; "
            f"{plural(n_ops, 'operational counterpart')} "
            f"({n_ops - self.hybrids} coo-like, {self.hybrids} hybrid)"
        )
        lines = [head]
        for p in self.partners[:_SHOWN]:
            if p.counterparts:
                shown = [
                    f"{c.name} ({c.label.value}, {_LINK_WORDS[c.link]})" for c in p.counterparts
                ]
                lines.append(f"- {p.name} works with {listing(shown)}")
            else:
                lines.append(f"- {p.name} has no operational counterpart")
        if len(self.partners) > _SHOWN:
            lines.append(f"- and {len(self.partners) - _SHOWN} more partner-like members")
        if not self.partners:
            lines.append("No partner-like members.")
        elif self.unpaired:
            partner_names = {p.partner: p.name for p in self.partners}
            unpaired = [partner_names[u] for u in self.unpaired]
            lines.append(
                f"{plural(len(self.unpaired), 'partner-like member')} with no operational "
                f"counterpart: {listing(unpaired, _SHOWN)}"
            )
        else:
            lines.append("Every partner-like member has an operational counterpart.")
        if self.uncovered_units:
            names = [self.unit_names[u] for u in self.uncovered_units]
            count = len(names)
            lines.append(
                f"{plural(count, 'unit')} with no COO-like member above "
                f"{'it' if count == 1 else 'them'}: {listing(names, _SHOWN)}"
            )
        else:
            lines.append("Every unit has a COO-like member above it.")
        return "\n".join(lines)


def _check_roles(org: Organization, roles: object) -> Mapping[str, RoleAssessment]:
    if not isinstance(roles, Mapping):
        msg = f"'roles' must be the dict classify(org) returns (got {type(roles).__name__})"
        raise OrgModelError(msg)
    for p in org.people:
        if p.vacant:  # a vacant post is never classified: it needs no entry
            continue
        found = roles.get(p.id)
        if not isinstance(found, RoleAssessment):
            msg = f"'roles' has no assessment of person {p.id!r}; pass classify(org)"
            raise OrgModelError(msg)
    return roles


def collaboration(
    org: Organization, *, roles: Mapping[str, RoleAssessment] | None = None
) -> CollaborationSummary:
    """Pair partner-like members with operational counterparts; find the gaps.

    Parameters
    ----------
    org : Organization
        The organisation.
    roles : dict of str to RoleAssessment, optional
        A classification of *org* (from :func:`~orgmodel.classify`, perhaps with a
        custom configuration); classified with the defaults when omitted.

    Returns
    -------
    CollaborationSummary
        Prints as readable text; :meth:`~CollaborationSummary.to_dict` for data.

    Raises
    ------
    OrgModelError
        When *roles* does not assess every person of *org* (vacant posts aside).

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="x",
    ...     people=[om.Person("ann", "Ann", responsibilities=["strategy"])],
    ...     entities=[om.Entity("co", "Co")],
    ...     stakes=[om.Stake("ann", "co", om.Share.exact(1.0))],
    ... )
    >>> summary = om.collaboration(org)
    >>> summary.unpaired, summary.ok
    (('ann',), False)
    """
    organization_argument(org, "collaboration")
    checked = classify(org) if roles is None else _check_roles(org, roles)
    h = Hierarchy.of(org)
    ops: dict[str, RoleLabel] = {}  # COO-like and hybrid members, in order
    partners: list[Person] = []
    for p in org.people:
        if p.vacant:  # never classified, never anyone's counterpart
            continue
        label = checked[p.id].label
        if label is RoleLabel.PARTNER_LIKE:
            partners.append(p)
        elif label is RoleLabel.COO_LIKE or label is RoleLabel.HYBRID:
            ops[p.id] = label
    names = _Names(h.people)

    links: dict[str, dict[str, tuple[LinkKind, str]]] = {p.id: {} for p in partners}

    def link(partner: str, other: str, kind: LinkKind, text: str) -> None:
        links[partner].setdefault(other, (kind, text))

    if partners and ops:
        _line_links(partners, h, ops.keys(), names, link)
        _chain_links(h, ops.keys(), links.keys(), names, link)
        _unit_links(org, ops.keys(), links.keys(), link)
    uncovered = _uncovered_units(org, h, ops.keys())

    return CollaborationSummary(
        organization=org.name,
        partners=tuple(
            PartnerLinks(
                p.id,
                p.name,
                tuple(
                    Counterpart(c, names[c], ops[c], kind, text)
                    for c, (kind, text) in links[p.id].items()
                ),
            )
            for p in partners
        ),
        operational=tuple(ops),
        hybrids=sum(label is RoleLabel.HYBRID for label in ops.values()),
        unpaired=tuple(p.id for p in partners if not links[p.id]),
        uncovered_units=uncovered,
        unit_names={u.id: u.name for u in org.units if u.id in set(uncovered)},
    )


def _line_links(
    partners: list[Person], h: Hierarchy, ops: _Ids, names: _Names, link: _Link
) -> None:
    """Link partners to operational members by solid and dotted lines and shared managers."""
    ops_below: dict[str, list[str]] = {}
    for c, person in h.people.items():
        if c in ops and person.manager is not None:
            ops_below.setdefault(person.manager, []).append(c)
    for p in partners:
        pid, me = p.id, p.name
        up = [] if p.manager is None else [p.manager]
        solid, dotted = h.reports.get(pid, ()), h.dotted_reports.get(pid, ())
        found = [
            *((m, LinkKind.REPORTING, f"{me} reports to {names[m]}") for m in up if m in ops),
            *((c, LinkKind.REPORTING, f"{names[c]} reports to {me}") for c in solid if c in ops),
            *((d, LinkKind.DOTTED, f"{me} has a dotted line to {names[d]}") for d in p.dotted),
            *((c, LinkKind.DOTTED, f"{names[c]} has a dotted line to {me}") for c in dotted),
            *(
                (c, LinkKind.SAME_MANAGER, f"both report to {names[m]}")
                for m in up
                for c in ops_below.get(m, ())
            ),
        ]
        for other, kind, text in found:
            if other in ops:
                link(pid, other, kind, text)


def _chain_links(h: Hierarchy, ops: _Ids, partners: _Ids, names: _Names, link: _Link) -> None:
    """Link each member to the nearest member of the other kind above them."""
    nearest_op: dict[str, str | None] = {}
    nearest_partner: dict[str, str | None] = {}
    for pid in h.order:  # top-down, so a manager is done before their reports
        manager = h.people[pid].manager
        if manager is None:
            nearest_op[pid] = nearest_partner[pid] = None
            continue
        nearest_op[pid] = manager if manager in ops else nearest_op[manager]
        nearest_partner[pid] = manager if manager in partners else nearest_partner[manager]
        if pid in partners and (above := nearest_op[pid]) is not None:
            text = f"{names[above]} is above {names[pid]} in the chain of command"
            link(pid, above, LinkKind.CHAIN, text)
        if pid in ops and (above := nearest_partner[pid]) is not None:
            text = f"{names[pid]} is below {names[above]} in the chain of command"
            link(above, pid, LinkKind.CHAIN, text)


def _unit_links(org: Organization, ops: _Ids, partners: _Ids, link: _Link) -> None:
    """Link partners and operational members who belong to or head the same unit."""
    members: dict[str, tuple[list[str], list[str]]] = {}
    for p in org.people:
        if p.unit is not None and (p.id in ops or p.id in partners):
            members.setdefault(p.unit, ([], []))[p.id in ops].append(p.id)
    for u in org.units:
        if u.head is not None and (u.head in ops or u.head in partners):
            group = members.setdefault(u.id, ([], []))[u.head in ops]
            if u.head not in group:
                group.append(u.head)
    unit_names = {u.id: u.name for u in org.units}
    for uid, (their_partners, their_ops) in members.items():
        for pid in their_partners:
            for c in their_ops:
                link(pid, c, LinkKind.SHARED_UNIT, f"both in {unit_names[uid]}")


def _uncovered_units(org: Organization, h: Hierarchy, ops: _Ids) -> tuple[str, ...]:
    """Units with no operational member as head, above the head, or heading a parent."""
    if not ops:
        return tuple(u.id for u in org.units)
    covered_people: set[str] = set()
    people = h.people
    layered = h.layer
    # Top-down, so a manager is settled before their reports; then the people outside
    # the reporting structure, who can still head a unit and have dotted lines.
    outside = (p.id for p in org.people if p.id not in layered)
    for pid in itertools.chain(h.order, outside):
        person = people[pid]
        if (
            pid in ops
            or person.manager in covered_people
            or (person.dotted and not ops.isdisjoint(person.dotted))
        ):
            covered_people.add(pid)
    units = {u.id: u for u in org.units}
    covered: dict[str, bool] = {}
    for start in units:
        path: list[str] = []
        uid: str | None = start
        while uid is not None and uid not in covered:
            path.append(uid)
            uid = units[uid].parent
        inherited = covered[uid] if uid is not None else False
        for unit_id in reversed(path):  # from the outermost unit inwards
            inherited = inherited or units[unit_id].head in covered_people
            covered[unit_id] = inherited
    return tuple(u.id for u in org.units if not covered[u.id])
