"""Which people an org chart shows, and how each team is arranged.

The plan is independent of how the chart is laid out: both the ``dot`` path and the
tidy-tree path draw the same people, the same lines, the same assistants beside
their managers and the same stacked columns of reports.
"""

from __future__ import annotations

from collections import defaultdict

import attrs

from orgmodel.model import Organization, Person
from orgmodel.model.exceptions import ValidationError
from orgmodel.model.problems import Problem, ProblemCode

__all__ = ["ChartPlan", "plan_chart"]


@attrs.frozen
class ChartPlan:
    """The people on a chart and the arrangement of every team.

    Attributes
    ----------
    people : tuple of Person
        Everyone drawn, in depth-first order from the top (managers before reports).
    depth : dict
        Person id → depth below the chart's top (0 at the top).
    tops : tuple of str
        The people at the top of the chart.
    reports : dict
        Manager id → the reports drawn in the ordinary row, in file order.
    assistants : dict
        Manager id → reports drawn beside the manager (``attributes["assistant"]``).
    column : dict
        Manager id → reports without reports of their own, stacked in a column
        under the manager (a wide team).
    dotted : tuple of (str, str)
        Dotted lines ``(manager, report)`` with both ends on the chart.
    """

    people: tuple[Person, ...]
    depth: dict[str, int]
    tops: tuple[str, ...]
    reports: dict[str, tuple[str, ...]]
    assistants: dict[str, tuple[str, ...]]
    column: dict[str, tuple[str, ...]]
    dotted: tuple[tuple[str, str], ...]

    @property
    def solid(self) -> tuple[tuple[str, str], ...]:
        """Every solid line ``(manager, report)`` on the chart, in chart order."""
        out: list[tuple[str, str]] = []
        for person in self.people:
            pid = person.id
            for group in (self.assistants, self.reports, self.column):
                out.extend((pid, kid) for kid in group.get(pid, ()))
        return tuple(out)


def plan_chart(
    org: Organization,
    *,
    root: str | None,
    depth: int | None,
    stack: int,
    dotted: bool,
) -> ChartPlan:
    """Choose the people to draw and arrange each team.

    Parameters
    ----------
    org : Organization
        The organisation.
    root : str or None
        Draw only this person and the people below them; ``None`` draws from every
        top of the organisation (:attr:`Organization.roots`).
    depth : int or None
        Draw this many levels below the top (0: the top only); ``None`` for all.
    stack : int
        Stack a manager's reports that have no reports of their own in a column once
        there are at least this many of them; 0 never stacks.
    dotted : bool
        Whether to keep dotted lines.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="x", people=[om.Person("a", "A"), om.Person("b", "B", manager="a")]
    ... )
    >>> plan_chart(org, root=None, depth=None, stack=4, dotted=True).solid
    (('a', 'b'),)
    """
    _check_int(depth, "depth", allow_none=True)
    _check_int(stack, "stack", allow_none=False)
    if root is not None:
        tops: tuple[str, ...] = (org.person(root).id,)
    else:
        tops = tuple(p.id for p in org.roots)
    order, level, below = _walk(org, tops, depth)
    reports: dict[str, tuple[str, ...]] = {}
    assistants: dict[str, tuple[str, ...]] = {}
    column: dict[str, tuple[str, ...]] = {}
    for person in order:
        kids = below.get(person.id)
        if not kids:
            continue
        beside = [k for k in kids if _is_assistant(org.person(k)) and k not in below]
        rest = [k for k in kids if k not in beside]
        leaves = [k for k in rest if k not in below]
        if stack and len(leaves) >= stack:
            column[person.id] = tuple(leaves)
            rest = [k for k in rest if k in below]
        if beside:
            assistants[person.id] = tuple(beside)
        if rest:
            reports[person.id] = tuple(rest)
    lines: list[tuple[str, str]] = []
    if dotted:
        for person in order:
            lines.extend((m, person.id) for m in person.dotted if m in level)
    return ChartPlan(
        people=tuple(order),
        depth=level,
        tops=tops,
        reports=reports,
        assistants=assistants,
        column=column,
        dotted=tuple(lines),
    )


def _walk(
    org: Organization, tops: tuple[str, ...], depth: int | None
) -> tuple[list[Person], dict[str, int], dict[str, list[str]]]:
    """Depth-first from *tops*: the people drawn, their depth, and who is drawn below whom."""
    below: defaultdict[str, list[str]] = defaultdict(list)
    for person in org.people:
        if person.manager is not None:
            below[person.manager].append(person.id)
    order: list[Person] = []
    level: dict[str, int] = {}
    pending = [(top, 0) for top in reversed(tops)]
    while pending:
        pid, d = pending.pop()
        order.append(org.person(pid))
        level[pid] = d
        if depth is None or d < depth:
            pending.extend((kid, d + 1) for kid in reversed(below.get(pid, ())))
    shown = {pid: kids for pid, kids in below.items() if pid in level and kids[0] in level}
    return order, level, shown


def _is_assistant(person: Person) -> bool:
    return person.attributes.get("assistant") is True


def _check_int(value: object, name: str, *, allow_none: bool) -> None:
    if value is None and allow_none:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        msg = f"'{name}' must be a whole number of 0 or more (got {value!r})"
        raise ValidationError([Problem(ProblemCode.WRONG_TYPE, name, msg)])
