"""The reporting hierarchy of an organisation, indexed once for the analyses.

:class:`Hierarchy` holds the solid and dotted reports of every person, the tops, and
the layer of each person, all computed in one linear, iterative pass.  The public
functions in :mod:`orgmodel.analysis.structure`, the classifier and the
collaboration check share it so none of them walks the people more than a few times.
"""

from __future__ import annotations

from orgmodel.model import Employment, Organization, Person

__all__ = ["Hierarchy"]


class Hierarchy:
    """Solid and dotted reports, tops and layers of an organisation.

    Attributes
    ----------
    people : dict of str to Person
        Every person by id, in the organisation's order (built on first use).
    reports : dict of str to list of str
        Solid-line direct reports of each manager (managers only), in order.
    dotted_reports : dict of str to list of str
        Dotted-line reports of each dotted-line manager.
    roots : tuple of str
        The tops: people with no manager inside the reporting structure.
    layer : dict of str to int
        The layer of everyone in the reporting structure, 1 at the top (computed on
        first use).  People outside it (no manager, no reports, ``employment: none``)
        have none.
    order : tuple of str
        Everyone with a layer, top-down (breadth-first, one top's tree at a time).
    tree_sizes : dict of str to int
        The number of people in each top's tree.
    vacant : frozenset of str
        The ids of the vacant posts.  They keep their place in :attr:`reports` (people
        under a vacancy report to it), so the tree stays whole.
    filled_reports : dict of str to list of str
        :attr:`reports` without the vacant posts: the people each manager has
        (managers with none left out); the counts of spans and oversight.
    """

    __slots__ = (
        "_filled",
        "_levels",
        "_org",
        "_people",
        "dotted_reports",
        "reports",
        "roots",
        "vacant",
    )

    def __init__(
        self,
        org: Organization,
        reports: dict[str, list[str]],
        dotted_reports: dict[str, list[str]],
        roots: tuple[str, ...],
        vacant: frozenset[str] = frozenset(),
    ) -> None:
        self._org = org
        self.vacant = vacant
        self._filled: dict[str, list[str]] | None = None
        self._people: dict[str, Person] | None = None
        self.reports = reports
        self.dotted_reports = dotted_reports
        self.roots = roots
        self._levels: tuple[dict[str, int], tuple[str, ...], dict[str, int]] | None = None

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
        reports: dict[str, list[str]] = {}
        dotted: dict[str, list[str]] = {}
        vacant: list[str] = []
        for p in org.people:
            if p.vacant:
                vacant.append(p.id)
            if p.manager is not None:
                reports.setdefault(p.manager, []).append(p.id)
            if p.dotted:
                for m in p.dotted:
                    dotted.setdefault(m, []).append(p.id)
        roots = tuple(
            p.id
            for p in org.people
            if p.manager is None and (p.employment is not Employment.NONE or p.id in reports)
        )
        return cls(org, reports, dotted, roots, frozenset(vacant))

    @property
    def filled_reports(self) -> dict[str, list[str]]:
        """Solid-line reports without the vacant posts (see the class)."""
        if self._filled is None:
            if not self.vacant:
                self._filled = self.reports
            else:
                vacant = self.vacant
                filled = {m: [r for r in rs if r not in vacant] for m, rs in self.reports.items()}
                self._filled = {m: rs for m, rs in filled.items() if rs}
        return self._filled

    @property
    def people(self) -> dict[str, Person]:
        """Every person by id, in the organisation's order (built on first use)."""
        if self._people is None:
            self._people = {p.id: p for p in self._org.people}
        return self._people

    def _layering(self) -> tuple[dict[str, int], tuple[str, ...], dict[str, int]]:
        if self._levels is None:
            layer: dict[str, int] = {}
            order: list[str] = []
            sizes: dict[str, int] = {}
            reports = self.reports
            for root in self.roots:  # breadth-first, one tree at a time
                start = len(order)
                layer[root] = 1
                order.append(root)
                k = start
                while k < len(order):
                    pid = order[k]
                    k += 1
                    below = reports.get(pid)
                    if below:
                        depth = layer[pid] + 1
                        for child in below:
                            layer[child] = depth
                        order.extend(below)
                sizes[root] = len(order) - start
            self._levels = (layer, tuple(order), sizes)
        return self._levels

    @property
    def layer(self) -> dict[str, int]:
        """The layer of everyone in the reporting structure (see the class)."""
        return self._layering()[0]

    @property
    def order(self) -> tuple[str, ...]:
        """Everyone with a layer, top-down."""
        return self._layering()[1]

    def chain(self, person_id: str) -> list[str]:
        """Return the managers above *person_id*, nearest first (iterative)."""
        out: list[str] = []
        manager = self.people[person_id].manager
        while manager is not None:
            out.append(manager)
            manager = self.people[manager].manager
        return out

    @property
    def tree_sizes(self) -> dict[str, int]:
        """The number of people in each top's tree, the top included."""
        return self._layering()[2]
