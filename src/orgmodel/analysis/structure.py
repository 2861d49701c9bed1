"""The reporting structure: tops, chains of command, spans of control, layers, health.

Every function takes an :class:`~orgmodel.model.Organization` and returns plain
values keyed by person id, or the :class:`OrgHealth` record.  All of them are
iterative and linear in the size of the organisation, so a 100,000-deep chain of
command is no harder than a flat team.

Solid lines (:attr:`Person.manager <orgmodel.model.Person.manager>`) make the
hierarchy; dotted (matrix) lines are listed by :func:`dotted_lines` and counted by
:func:`org_health` but never change a person's layer or span.  People with no
manager, no reports and ``employment: none`` — an outside investor, say — stand
outside the reporting structure: they have no layer and are not counted as tops.

Vacant posts (:attr:`Person.vacant <orgmodel.model.Person.vacant>`) keep their place
in the tree: people under a vacancy report to the vacant post itself, not to the
filled post above it, so chains of command and layers run through it as the
organisation draws them.  A vacancy is **open headcount** (:func:`headcount`,
:func:`vacancies`, :attr:`OrgHealth.vacancies`) and never a manager's report: spans
of control, :func:`direct_reports` and :func:`all_reports` count filled posts only
(pass ``vacant=True`` to list vacancies too), and :class:`OrgHealth` counts people
in posts.  A vacant post that has people under it still has a span.

Examples
--------
>>> import orgmodel as om
>>> from orgmodel.analysis import structure
>>> org = om.Organization(
...     name="Tiny",
...     people=[
...         om.Person("ann", "Ann"),
...         om.Person("bob", "Bob", manager="ann"),
...         om.Person("cat", "Cat", manager="bob", dotted=["ann"]),
...     ],
... )
>>> structure.chain_of_command(org, "cat")
('bob', 'ann')
>>> structure.layers(org)
{'ann': 1, 'bob': 2, 'cat': 3}
>>> structure.span_of_control(org)
{'ann': 1, 'bob': 1}
"""

from __future__ import annotations

from typing import Any

import attrs

from orgmodel.analysis._hierarchy import Hierarchy
from orgmodel.model import LineKind, Organization, ReportingLine
from orgmodel.model._arguments import organization_argument
from orgmodel.model.exceptions import OrgModelError

__all__ = [
    "Headcount",
    "OrgHealth",
    "all_reports",
    "chain_of_command",
    "depth",
    "direct_reports",
    "dotted_lines",
    "headcount",
    "layers",
    "org_health",
    "roots",
    "span_of_control",
    "vacancies",
]

_SHOWN = 10  # ids listed per finding in OrgHealth.__str__


def roots(org: Organization) -> tuple[str, ...]:
    """Return the ids of the people at the top: no manager, inside the structure.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="x",
    ...     people=[
    ...         om.Person("ann", "Ann"),
    ...         om.Person("bob", "Bob", manager="ann"),
    ...         om.Person("inv", "Investor", employment=om.Employment.NONE),
    ...     ],
    ... )
    >>> roots(org)
    ('ann',)
    """
    return tuple(p.id for p in org.roots)


def chain_of_command(org: Organization, person: str) -> tuple[str, ...]:
    """Return the solid-line managers above *person*, nearest first, up to the top.

    Parameters
    ----------
    org : Organization
        The organisation.
    person : str
        The id of a person.

    Returns
    -------
    tuple of str
        Empty for a person at the top.

    Raises
    ------
    UnknownReferenceError
        When *person* is not a person of *org*.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="x",
    ...     people=[om.Person("a", "A"), om.Person("b", "B", manager="a")],
    ... )
    >>> chain_of_command(org, "b"), chain_of_command(org, "a")
    (('a',), ())
    """
    out: list[str] = []
    manager = org.person(person).manager
    while manager is not None:
        out.append(manager)
        manager = org.person(manager).manager
    return tuple(out)


def direct_reports(
    org: Organization, person: str, *, dotted: bool = False, vacant: bool = False
) -> tuple[str, ...]:
    """Return the people who report to *person*, in the organisation's order.

    Parameters
    ----------
    org : Organization
        The organisation.
    person : str
        The id of a person.
    dotted : bool
        Also list dotted-line reports, after the solid-line ones.
    vacant : bool
        Also list vacant posts that report to *person* (left out by default: a
        vacancy is open headcount, not a report).

    Raises
    ------
    UnknownReferenceError
        When *person* is not a person of *org*.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="x",
    ...     people=[
    ...         om.Person("a", "A"),
    ...         om.Person("b", "B", manager="a"),
    ...         om.Person("c", "C", manager="b", dotted=["a"]),
    ...     ],
    ... )
    >>> direct_reports(org, "a"), direct_reports(org, "a", dotted=True)
    (('b',), ('b', 'c'))
    >>> org = om.Organization(
    ...     name="x",
    ...     people=[om.Person("a", "A"), om.Person("v", "", manager="a", vacant=True)],
    ... )
    >>> direct_reports(org, "a"), direct_reports(org, "a", vacant=True)
    ((), ('v',))
    """
    org.person(person)
    solid = tuple(p.id for p in org.people if p.manager == person and (vacant or not p.vacant))
    if not dotted:
        return solid
    return solid + tuple(
        p.id for p in org.people if person in p.dotted and (vacant or not p.vacant)
    )


def all_reports(org: Organization, person: str, *, vacant: bool = False) -> tuple[str, ...]:
    """Return everyone below *person* on solid lines, breadth-first.

    People under a vacant post are below *person* too; the vacant posts themselves
    are listed only with ``vacant=True``.

    Raises
    ------
    UnknownReferenceError
        When *person* is not a person of *org*.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="x",
    ...     people=[
    ...         om.Person("a", "A"),
    ...         om.Person("b", "B", manager="a"),
    ...         om.Person("c", "C", manager="b"),
    ...         om.Person("d", "D", manager="a"),
    ...     ],
    ... )
    >>> all_reports(org, "a"), all_reports(org, "c")
    (('b', 'd', 'c'), ())
    """
    org.person(person)
    h = Hierarchy.of(org)
    reports = h.reports
    out: list[str] = []
    frontier = [person]
    while frontier:
        below: list[str] = []
        for pid in frontier:
            below.extend(reports.get(pid, ()))
        out.extend(below)
        frontier = below
    if not vacant and h.vacant:
        return tuple(pid for pid in out if pid not in h.vacant)
    return tuple(out)


def span_of_control(org: Organization) -> dict[str, int]:
    """Return the number of solid-line direct reports of every manager.

    Only posts with at least one filled report appear; dotted lines and vacant posts
    are not counted as reports (a vacant post with people under it has a span).

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="x",
    ...     people=[
    ...         om.Person("a", "A"),
    ...         om.Person("b", "B", manager="a"),
    ...         om.Person("c", "C", manager="a"),
    ...     ],
    ... )
    >>> span_of_control(org)
    {'a': 2}
    """
    return {manager: len(below) for manager, below in Hierarchy.of(org).filled_reports.items()}


def vacancies(org: Organization) -> tuple[str, ...]:
    """Return the ids of the vacant posts, in the organisation's order.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="x",
    ...     people=[om.Person("a", "A"), om.Person("v", "", manager="a", vacant=True)],
    ... )
    >>> vacancies(org)
    ('v',)
    """
    return tuple(p.id for p in org.people if p.vacant)


@attrs.frozen
class Headcount:
    """Filled and open headcount, for the organisation and for each unit.

    Attributes
    ----------
    filled : int
        People in posts (everyone in the reporting structure who is not a vacancy).
    open : int
        Vacant posts.
    by_unit : dict of str to tuple of (int, int)
        For each unit with anyone in it, ``(filled, open)`` of its own members (not
        of the units inside it), in the order of :attr:`Organization.units`.
    """

    filled: int
    open: int
    by_unit: dict[str, tuple[int, int]]

    @property
    def total(self) -> int:
        """Every post, filled or open."""
        return self.filled + self.open

    def to_dict(self) -> dict[str, Any]:
        """Return the record as plain JSON-compatible values."""
        return {
            "filled": self.filled,
            "open": self.open,
            "total": self.total,
            "by_unit": {u: {"filled": f, "open": o} for u, (f, o) in self.by_unit.items()},
        }


def headcount(org: Organization) -> Headcount:
    """Count filled posts and open ones (vacancies), in all and per unit.

    People outside the reporting structure (no manager, no reports, ``employment:
    none``, such as an outside investor) are not headcount.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="x",
    ...     units=[om.Unit("fin", "Finance")],
    ...     people=[
    ...         om.Person("a", "A"),
    ...         om.Person("v", "", manager="a", unit="fin", vacant=True),
    ...         om.Person("b", "B", manager="v", unit="fin"),
    ...     ],
    ... )
    >>> count = headcount(org)
    >>> count.filled, count.open, count.by_unit
    (2, 1, {'fin': (1, 1)})
    """
    layer = Hierarchy.of(org).layer
    counts: dict[str, list[int]] = {u.id: [0, 0] for u in org.units}
    filled = vacant = 0
    for p in org.people:
        if p.id not in layer:
            continue
        if p.vacant:
            vacant += 1
        else:
            filled += 1
        if p.unit is not None:
            counts[p.unit][p.vacant] += 1
    by_unit = {u: (f, o) for u, (f, o) in counts.items() if f or o}
    return Headcount(filled=filled, open=vacant, by_unit=by_unit)


def layers(org: Organization) -> dict[str, int]:
    """Return the layer of everyone in the reporting structure: 1 at the top.

    People outside the structure (no manager, no reports, ``employment: none``) are
    left out.  Keys are in top-down, breadth-first order, one top's tree at a time.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="x", people=[om.Person("a", "A"), om.Person("b", "B", manager="a")]
    ... )
    >>> layers(org)
    {'a': 1, 'b': 2}
    """
    return dict(Hierarchy.of(org).layer)


def depth(org: Organization) -> int:
    """Return the number of layers of the organisation (0 when it has nobody).

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="x", people=[om.Person("a", "A"), om.Person("b", "B", manager="a")]
    ... )
    >>> depth(org)
    2
    """
    return max(Hierarchy.of(org).layer.values(), default=0)


def dotted_lines(org: Organization) -> tuple[ReportingLine, ...]:
    """Return the dotted-line (matrix) reporting lines.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="x",
    ...     people=[om.Person("a", "A"), om.Person("b", "B"), om.Person("c", "C", dotted=["a"])],
    ... )
    >>> [str(line) for line in dotted_lines(org)]
    ['c → a (dotted)']
    """
    return tuple(ReportingLine(p.id, m, LineKind.DOTTED) for p in org.people for m in p.dotted)


def _check_limit(name: str, value: int, minimum: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        msg = f"'{name}' must be an integer of at least {minimum} (got {value!r})"
        raise OrgModelError(msg)


@attrs.frozen
class OrgHealth:
    """The health of a reporting structure, with the limits it was checked against.

    Attributes
    ----------
    people : int
        People in posts in the reporting structure (vacancies not counted).
    managers : int
        Posts with at least one filled solid-line report.
    depth : int
        Number of layers.
    top : str or None
        The top with the most people below them (the first such, on a tie).
    mean_span : float
        Mean number of direct reports per manager (0 with no managers).
    dotted_lines : int
        Number of dotted-line (matrix) links.
    narrow_spans : dict of str to int
        Managers with fewer than ``min_span`` direct reports, and their span.
    wide_spans : dict of str to int
        Managers with more than ``max_span`` direct reports, and their span.
    too_deep : tuple of str
        People more than ``max_depth`` layers down (their chain is too long).
    unmanaged : tuple of str
        People with no manager besides :attr:`top`: tops of separate trees.
    max_depth, min_span, max_span : int
        The limits used.
    vacancies : tuple of str
        The vacant posts in the reporting structure: open headcount.
    """

    people: int
    managers: int
    depth: int
    top: str | None
    mean_span: float
    dotted_lines: int
    narrow_spans: dict[str, int]
    wide_spans: dict[str, int]
    too_deep: tuple[str, ...]
    unmanaged: tuple[str, ...]
    max_depth: int
    min_span: int
    max_span: int
    vacancies: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether nothing was found: no span, depth or unmanaged finding."""
        return not (self.narrow_spans or self.wide_spans or self.too_deep or self.unmanaged)

    def to_dict(self) -> dict[str, Any]:
        """Return the record as plain JSON-compatible values."""
        return {
            "people": self.people,
            "managers": self.managers,
            "depth": self.depth,
            "top": self.top,
            "mean_span": self.mean_span,
            "dotted_lines": self.dotted_lines,
            "narrow_spans": dict(self.narrow_spans),
            "wide_spans": dict(self.wide_spans),
            "too_deep": list(self.too_deep),
            "unmanaged": list(self.unmanaged),
            "vacancies": list(self.vacancies),
            "limits": {
                "max_depth": self.max_depth,
                "min_span": self.min_span,
                "max_span": self.max_span,
            },
            "ok": self.ok,
        }

    def __str__(self) -> str:
        head = (
            f"{_count(self.people)} in {self.depth} layers under {self.top or 'nobody'}; "
            f"{self.managers} managers with {self.mean_span:.1f} direct reports on average; "
            f"{self.dotted_lines} dotted lines"
        )
        if self.vacancies:
            head += f"; {len(self.vacancies)} vacant posts"
        lines = [head]
        if self.narrow_spans:
            lines.append(
                f"{len(self.narrow_spans)} managers with fewer than {self.min_span} "
                f"direct reports: {_listing(self.narrow_spans)}"
            )
        if self.wide_spans:
            lines.append(
                f"{len(self.wide_spans)} managers with more than {self.max_span} "
                f"direct reports: {_listing(self.wide_spans)}"
            )
        if self.too_deep:
            lines.append(
                f"{_count(len(self.too_deep))} more than {self.max_depth} layers down: "
                f"{_listing(self.too_deep)}"
            )
        if self.unmanaged:
            lines.append(
                f"{_count(len(self.unmanaged))} with no manager besides the top: "
                f"{_listing(self.unmanaged)}"
            )
        if self.ok:
            lines.append("no findings")
        return "\n".join(lines)


def _count(n: int) -> str:
    return f"{n} person" if n == 1 else f"{n} people"


def _listing(items: dict[str, int] | tuple[str, ...]) -> str:
    if isinstance(items, dict):
        shown = [f"{k} ({v})" for k, v in list(items.items())[:_SHOWN]]
    else:
        shown = list(items[:_SHOWN])
    more = len(items) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more else "")


def org_health(
    org: Organization, *, max_depth: int = 8, min_span: int = 2, max_span: int = 15
) -> OrgHealth:
    """Check spans of control, depth and unmanaged people against limits.

    Parameters
    ----------
    org : Organization
        The organisation.
    max_depth : int
        The most layers a chain of command may have, counting the top as layer 1.
        Eight layers is a common ceiling even for large organisations.
    min_span, max_span : int
        A manager with fewer than *min_span* or more than *max_span* direct reports
        is reported.  Under two reports usually means a layer that adds little;
        over fifteen, more people than one manager can support.

    Returns
    -------
    OrgHealth
        The counts and the findings.

    Raises
    ------
    OrgModelError
        When a limit is not a positive integer or *min_span* exceeds *max_span*.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="x",
    ...     people=[
    ...         om.Person("a", "A"),
    ...         om.Person("b", "B", manager="a"),
    ...         om.Person("c", "C", manager="b"),
    ...         om.Person("d", "D"),
    ...     ],
    ... )
    >>> health = org_health(org, max_depth=2)
    >>> health.narrow_spans, health.too_deep, health.unmanaged
    ({'a': 1, 'b': 1}, ('c',), ('d',))
    >>> print(health)  # doctest: +NORMALIZE_WHITESPACE
    4 people in 3 layers under a; 2 managers with 1.0 direct reports on average; 0 dotted lines
    2 managers with fewer than 2 direct reports: a (1), b (1)
    1 person more than 2 layers down: c
    1 person with no manager besides the top: d
    """
    organization_argument(org, "org_health")
    _check_limit("max_depth", max_depth, 1)
    _check_limit("min_span", min_span, 0)
    _check_limit("max_span", max_span, 1)
    if min_span > max_span:
        msg = f"'min_span' must not exceed 'max_span' (got {min_span} > {max_span})"
        raise OrgModelError(msg)
    h = Hierarchy.of(org)
    spans = {manager: len(below) for manager, below in h.filled_reports.items()}
    layer = h.layer
    vacant = tuple(pid for pid in h.order if pid in h.vacant) if h.vacant else ()
    top = None
    if h.roots:
        top = max(h.roots, key=h.tree_sizes.__getitem__)  # max keeps the first on a tie
    return OrgHealth(
        people=len(layer) - len(vacant),
        managers=len(spans),
        depth=max(layer.values(), default=0),
        top=top,
        mean_span=sum(spans.values()) / len(spans) if spans else 0.0,
        dotted_lines=sum(len(v) for v in h.dotted_reports.values()),
        narrow_spans={m: n for m, n in spans.items() if n < min_span},
        wide_spans={m: n for m, n in spans.items() if n > max_span},
        too_deep=tuple(pid for pid in h.order if layer[pid] > max_depth),
        unmanaged=tuple(r for r in h.roots if r != top),
        max_depth=max_depth,
        min_span=min_span,
        max_span=max_span,
        vacancies=vacant,
    )
