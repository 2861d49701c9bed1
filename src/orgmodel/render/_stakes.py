"""The stakes an org chart shows: each member's look-through share of the focal entity."""

from __future__ import annotations

from orgmodel.analysis.ownership import effective_ownership
from orgmodel.model import Organization, Person
from orgmodel.model.share import Share

__all__ = ["member_stakes"]


def member_stakes(org: Organization) -> dict[str, Share]:
    """Return each person's look-through stake in the focal entity (none without one).

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="Acme",
    ...     people=[om.Person("ann", "Ann Lee")],
    ...     entities=[om.Entity("hold", "Lee Holdings"), om.Entity("acme", "Acme LLP")],
    ...     stakes=[
    ...         om.Stake("ann", "hold", om.Share.exact(1.0)),
    ...         om.Stake("hold", "acme", om.Share.exact(0.4)),
    ...     ],
    ...     focal_entity="acme",
    ... )
    >>> {k: str(v) for k, v in member_stakes(org).items()}
    {'ann': '40%'}
    """
    focal = org.focal
    if focal is None:
        return {}
    found = effective_ownership(org, focal.id)
    return {
        holder: share
        for holder, share in found.items()
        if share.upper > 0 and isinstance(org.node(holder), Person)
    }
