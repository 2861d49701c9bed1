"""Cap tables: the direct holders of an entity, the unallocated rest, and who is behind them.

A cap table lists each direct holder once (several stakes of one holder — share
classes — add up) with their share, votes, profit share and liability, then the
part nobody in the model holds, the totals, and a look-through view: the ultimate
holders from :func:`~orgmodel.analysis.ownership.effective_ownership`
(multiplicative rule, economic shares).  With ranged stakes every figure has a lower
and an upper bound.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from orgmodel.analysis.ownership.lookthrough import effective_ownership
from orgmodel.model import Entity, Liability, Organization, Person, Share
from orgmodel.model._arguments import organization_argument

__all__ = ["CapTable", "CapTableRow", "HolderShare", "cap_table"]


def _data(value: Share | None) -> float | dict[str, float] | None:
    return None if value is None else value.to_data()


def _shown(value: Share | None) -> str:
    return "—" if value is None else str(value)


@attrs.frozen
class CapTableRow:
    """One direct holder of an entity.

    Attributes
    ----------
    holder : str
        The id of the person or entity holding.
    name : str
        Their display name.
    is_person : bool
        Whether the holder is a person (otherwise an entity).
    share : Share
        Economic share, all their stakes together.
    voting : Share
        Votes: :attr:`~orgmodel.model.Stake.voting`, falling back to the share.
    profit_share : Share or None
        Profit share where any of their stakes records one.
    liability : Liability or None
        Unlimited if any of their stakes is, limited if any is, else unknown.
    stakes : int
        How many stakes the row adds up.
    """

    holder: str
    name: str
    is_person: bool
    share: Share
    voting: Share
    profit_share: Share | None
    liability: Liability | None
    stakes: int = 1

    def to_dict(self) -> dict[str, Any]:
        """Return the row as plain JSON-compatible values.

        Examples
        --------
        >>> row = CapTableRow("ann", "Ann", True, Share.exact(0.5), Share.exact(0.5), None, None)
        >>> row.to_dict()["share"]
        0.5
        """
        return {
            "holder": self.holder,
            "name": self.name,
            "kind": "person" if self.is_person else "entity",
            "share": self.share.to_data(),
            "voting": self.voting.to_data(),
            "profit_share": _data(self.profit_share),
            "liability": None if self.liability is None else self.liability.value,
            "stakes": self.stakes,
        }


@attrs.frozen
class HolderShare:
    """An ultimate holder in the look-through view, and their share.

    Attributes
    ----------
    holder : str
        The id of the person, or of an entity with no recorded owners.
    name : str
        Their display name.
    is_person : bool
        Whether the holder is a person.
    share : Share
        Their share of the entity through every chain.
    """

    holder: str
    name: str
    is_person: bool
    share: Share

    def to_dict(self) -> dict[str, Any]:
        """Return the record as plain JSON-compatible values.

        Examples
        --------
        >>> HolderShare("ann", "Ann", True, Share.exact(0.4)).to_dict()["share"]
        0.4
        """
        return {
            "holder": self.holder,
            "name": self.name,
            "kind": "person" if self.is_person else "entity",
            "share": self.share.to_data(),
        }


def _sum(values: Iterable[Share]) -> Share:
    lower = upper = 0.0
    for v in values:
        lower += v.lower
        upper += v.upper
    return Share(min(1.0, lower), min(1.0, upper))


def _rest(total: Share) -> Share:
    """Return what is left of 100% when *total* is allocated, as a range."""
    return Share(max(0.0, 1.0 - total.upper), max(0.0, 1.0 - total.lower))


@attrs.frozen
class CapTable:
    """The cap table of one entity.

    Attributes
    ----------
    entity : str
        The id of the entity.
    name : str
        Its display name.
    rows : tuple of CapTableRow
        The direct holders, largest share first.
    total, total_voting : Share
        Shares and votes allocated to the holders, together.
    total_profit : Share or None
        Profit shares allocated, where any are recorded.
    unallocated, unallocated_voting : Share
        What nobody in the model holds: 100% less the totals.
    look_through : tuple of HolderShare
        The ultimate holders (people, and entities with no recorded owners),
        largest first.
    """

    entity: str
    name: str
    rows: tuple[CapTableRow, ...]
    total: Share
    total_voting: Share
    total_profit: Share | None
    unallocated: Share
    unallocated_voting: Share
    look_through: tuple[HolderShare, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the cap table as plain JSON-compatible values.

        Examples
        --------
        >>> import orgmodel as om
        >>> org = om.Organization(
        ...     name="x",
        ...     people=[om.Person("ann", "Ann")],
        ...     entities=[om.Entity("co", "Co")],
        ...     stakes=[om.Stake("ann", "co", om.Share.exact(0.75))],
        ... )
        >>> om.cap_table(org, "co").to_dict()["unallocated"]
        0.25
        """
        return {
            "entity": self.entity,
            "name": self.name,
            "rows": [r.to_dict() for r in self.rows],
            "total": self.total.to_data(),
            "total_voting": self.total_voting.to_data(),
            "total_profit": _data(self.total_profit),
            "unallocated": self.unallocated.to_data(),
            "unallocated_voting": self.unallocated_voting.to_data(),
            "look_through": [h.to_dict() for h in self.look_through],
        }

    def __str__(self) -> str:
        header = ("holder", "share", "votes", "profit", "liability")
        body = [
            (
                f"{r.name} ({r.holder})",
                str(r.share),
                str(r.voting),
                _shown(r.profit_share),
                "—" if r.liability is None else r.liability.value,
            )
            for r in self.rows
        ]
        footer = [
            ("unallocated", str(self.unallocated), str(self.unallocated_voting), "", ""),
            ("total", str(self.total), str(self.total_voting), _shown(self.total_profit), ""),
        ]
        through = [(f"{h.name} ({h.holder})", str(h.share), "", "", "") for h in self.look_through]
        table = [header, *body, *footer, *through]
        widths = [max(len(row[k]) for row in table) for k in range(len(header))]

        def line(row: tuple[str, ...]) -> str:
            first = row[0].ljust(widths[0])
            rest = "  ".join(cell.rjust(w) for cell, w in zip(row[1:], widths[1:], strict=True))
            return f"{first}  {rest}".rstrip()

        rule = "-" * (sum(widths) + 2 * (len(widths) - 1))
        out = [f"Cap table of {self.name} ({self.entity})", line(header), rule]
        out += [line(r) for r in body]
        out += [rule, *(line(r) for r in footer)]
        if through:
            out += ["", "Look-through (ultimate holders)", rule, *(line(r) for r in through)]
        return "\n".join(out)


def cap_table(org: Organization, entity: str) -> CapTable:
    """Return the cap table of *entity*: direct holders, the unallocated rest, look-through.

    Parameters
    ----------
    org : Organization
        The organisation.
    entity : str
        The id of the entity.

    Returns
    -------
    CapTable
        Rows of direct holders (largest share first), totals, the unallocated
        remainder, and the ultimate holders by multiplicative look-through.

    Raises
    ------
    UnknownReferenceError
        When *entity* is not an entity of *org*.
    SingularOwnershipError
        When the look-through meets a group of entities wholly owned by itself.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="Acme",
    ...     people=[om.Person("alice", "Alice"), om.Person("bob", "Bob")],
    ...     entities=[om.Entity("acme", "Acme LLP"), om.Entity("hold", "AS Holdings")],
    ...     stakes=[
    ...         om.Stake("alice", "hold", om.Share.exact(1.0)),
    ...         om.Stake("hold", "acme", om.Share.exact(0.4), profit_share=om.Share.exact(0.35)),
    ...         om.Stake("bob", "acme", om.Share.exact(0.5), voting=om.Share.exact(0.6)),
    ...     ],
    ... )
    >>> print(om.cap_table(org, "acme"))
    Cap table of Acme LLP (acme)
    holder              share  votes  profit  liability
    ---------------------------------------------------
    Bob (bob)             50%    60%       —          —
    AS Holdings (hold)    40%    40%     35%          —
    ---------------------------------------------------
    unallocated           10%     0%
    total                 90%   100%     35%
    <BLANKLINE>
    Look-through (ultimate holders)
    ---------------------------------------------------
    Bob (bob)             50%
    Alice (alice)         40%
    """
    organization_argument(org, "cap_table")
    target = org.entity(entity)
    grouped: dict[str, list[Any]] = {}
    for stake in org.stakes:
        if stake.entity == entity:
            grouped.setdefault(stake.holder, []).append(stake)
    rows = [_row(org, holder, stakes) for holder, stakes in grouped.items()]
    rows.sort(key=lambda r: (-r.share.upper, -r.share.lower, r.holder))
    profits = [r.profit_share for r in rows if r.profit_share is not None]
    total = _sum(r.share for r in rows)
    total_voting = _sum(r.voting for r in rows)
    through = tuple(
        HolderShare(h, _name(org, h), isinstance(org.node(h), Person), share)
        for h, share in effective_ownership(org, entity).items()
    )
    return CapTable(
        entity=entity,
        name=target.name,
        rows=tuple(rows),
        total=total,
        total_voting=total_voting,
        total_profit=_sum(profits) if profits else None,
        unallocated=_rest(total),
        unallocated_voting=_rest(total_voting),
        look_through=through,
    )


def _name(org: Organization, node_id: str) -> str:
    return org.node(node_id).name or node_id


def _row(org: Organization, holder: str, stakes: list[Any]) -> CapTableRow:
    profits = [s.profit_share for s in stakes if s.profit_share is not None]
    liabilities = {s.liability for s in stakes}
    liability = (
        Liability.UNLIMITED
        if Liability.UNLIMITED in liabilities
        else Liability.LIMITED
        if Liability.LIMITED in liabilities
        else None
    )
    node = org.node(holder)
    return CapTableRow(
        holder=holder,
        name=_name(org, holder),
        is_person=not isinstance(node, Entity),
        share=_sum(s.share for s in stakes),
        voting=_sum(s.voting if s.voting is not None else s.share for s in stakes),
        profit_share=_sum(profits) if profits else None,
        liability=liability,
        stakes=len(stakes),
    )
