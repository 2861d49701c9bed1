"""The reporting hierarchy of an organisation, indexed once for the analyses.

:class:`Hierarchy` holds the solid and dotted reports of every person, the tops, and
the layer of each person, all computed in one linear, iterative pass.  The public
functions in :mod:`orgmodel.analysis.structure`, the classifier and the
collaboration check share it so none of them walks the people more than a few times.
"""

from __future__ import annotations

from collections import deque

import attrs

from orgmodel.model import Employment, Organization, Person

__all__ = ["Hierarchy"]


@attrs.frozen
class Hierarchy:
    """Solid and dotted reports, tops and layers of an organisation.

    Attributes
    ----------
    people : dict of str to Person
        Every person by id, in the organisation's order.
    reports : dict of str to list of str
        Solid-line direct reports of each manager (managers only), in order.
    dotted_reports : dict of str to list of str
        Dotted-line reports of each dotted-line manager.
    roots : tuple of str
        The tops: people with no manager inside the reporting structure.
    layer : dict of str to int
        The layer of everyone in the reporting structure, 1 at the top.  People
        outside it (no manager, no reports, ``employment: none``) have none.
    order : tuple of str
        Everyone with a layer, top-down (breadth-first from the tops).
    """

    people: dict[str, Person]
    reports: dict[str, list[str]]
    dotted_reports: dict[str, list[str]]
    roots: tuple[str, ...]
    layer: dict[str, int]
    order: tuple[str, ...]

    @classmethod
    def of(cls, org: Organization) -> Hierarchy:
        """Index *org*'s reporting lines (linear, iterative).

        Examples
        --------
        >>> import orgmodel as om
        >>> org = om.Organization(
        ...     name="x", people=[om.Person("a", "A"), om.Person("b", "B", manager="a")]
        ... )
        >>> h = Hierarchy.of(org)
        >>> h.roots, h.reports, h.layer
        (('a',), {'a': ['b']}, {'a': 1, 'b': 2})
        """
        people = {p.id: p for p in org.people}
        reports: dict[str, list[str]] = {}
        dotted: dict[str, list[str]] = {}
        for p in org.people:
            if p.manager is not None:
                reports.setdefault(p.manager, []).append(p.id)
            for m in p.dotted:
                dotted.setdefault(m, []).append(p.id)
        roots = tuple(
            p.id
            for p in org.people
            if p.manager is None and (p.employment is not Employment.NONE or p.id in reports)
        )
        layer: dict[str, int] = dict.fromkeys(roots, 1)
        order: list[str] = list(roots)
        queue = deque(roots)
        while queue:
            pid = queue.popleft()
            below = layer[pid] + 1
            for child in reports.get(pid, ()):
                layer[child] = below
                order.append(child)
                queue.append(child)
        return cls(people, reports, dotted, roots, layer, tuple(order))

    def chain(self, person_id: str) -> list[str]:
        """Return the managers above *person_id*, nearest first (iterative)."""
        out: list[str] = []
        manager = self.people[person_id].manager
        while manager is not None:
            out.append(manager)
            manager = self.people[manager].manager
        return out

    def subtree_sizes(self) -> dict[str, int]:
        """Return the number of people at or below each person (bottom-up, linear)."""
        size = dict.fromkeys(self.order, 1)
        for pid in reversed(self.order):
            manager = self.people[pid].manager
            if manager is not None:
                size[manager] += size[pid]
        return size
