"""Units read as evidence: each unit's function and its head, declared or inferred.

A unit's **function** is read through the title lexicon from its declared
``function``, or else from its ``name`` ("People Ops", "Client Services"); the first
function read is the unit's.  Internal functions (operations, finance, people, IT,
facilities, ...) make it an internal unit, client-facing ones (sales, marketing,
business development, client service, a practice) a client-facing unit.

A unit's **head** is its declared ``head``; when none is declared, it is inferred
from the reporting lines:

1. the members of the unit (people whose ``unit`` it is) whose manager sits outside
   it — or who have none — are its candidates;
2. one candidate heads it ("the only member whose manager is outside it");
3. of several, the one with the most members of the unit under them heads it
   ("... and most of the unit under them"); a tie leaves it without a head;
4. a unit with no members, or whose head would be a vacant post, has no head.

Examples
--------
>>> import orgmodel as om
>>> from orgmodel.analysis.roles.lexicon import DEFAULT_TITLES
>>> org = om.Organization(
...     name="x",
...     units=[om.Unit("ops", "People Ops")],
...     people=[
...         om.Person("ceo", "Cy"),
...         om.Person("h", "Hana", manager="ceo", unit="ops"),
...         om.Person("r", "Ravi", manager="h", unit="ops"),
...     ],
... )
>>> units = Units(org, DEFAULT_TITLES, vacant=set())
>>> units.head_of["ops"], units.why["ops"], units.function["ops"].value
('h', 'the only member whose manager is outside it', 'people')
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from orgmodel.analysis.roles.lexicon import FUNCTION_LEANS
from orgmodel.analysis.roles.titles import JobFunction, TitleLexicon
from orgmodel.model import Organization, Person, Unit
from orgmodel.model.vocabulary import Lean

__all__ = ["Units"]

_ONLY = "the only member whose manager is outside it"
_MOST = "of {n} members whose manager is outside it, the one with most of the unit under them"


class Units:
    """Each unit's function, orientation and head, declared or inferred, indexed once.

    Attributes
    ----------
    names : dict of str to str
        Unit id to name.
    function : dict of str to JobFunction
        Unit id to its function, for units whose function the lexicon reads.
    from_name : set of str
        Units whose function was read from their name (inferred), not declared.
    head_of : dict of str to str
        Unit id to the id of its head, declared or inferred.
    why : dict of str to str
        For inferred heads only: unit id to the rule that chose the head.
    headed : dict of str to list of str
        Person id to the units they head, in the organisation's order.
    children : dict of str to list of str
        Unit id to the units directly inside it.
    position : dict of str to int
        Unit id to its place in the organisation's list (for stable sentences).
    """

    def __init__(
        self, org: Organization, titles: TitleLexicon, *, vacant: AbstractSet[str]
    ) -> None:
        self.names = {u.id: u.name for u in org.units}
        self.position = {u.id: k for k, u in enumerate(org.units)}
        self.function: dict[str, JobFunction] = {}
        self.from_name: set[str] = set()
        self.head_of: dict[str, str] = {}
        self.why: dict[str, str] = {}
        self.children: dict[str, list[str]] = {}
        undeclared: dict[str, list[Person]] = {}
        for u in org.units:
            self._read_function(u, titles)
            if u.parent is not None:
                self.children.setdefault(u.parent, []).append(u.id)
            if u.head is None:
                undeclared[u.id] = []
            elif u.head not in vacant:
                self.head_of[u.id] = u.head
        if undeclared:
            self._infer_heads(org, undeclared, vacant)
        self.headed: dict[str, list[str]] = {}
        for u in org.units:  # in the organisation's order
            head = self.head_of.get(u.id)
            if head is not None:
                self.headed.setdefault(head, []).append(u.id)

    def _read_function(self, unit: Unit, titles: TitleLexicon) -> None:
        declared = titles.parse(unit.function).functions if unit.function else ()
        if declared:
            self.function[unit.id] = declared[0]
            return
        named = titles.parse(unit.name).functions
        if named:
            self.function[unit.id] = named[0]
            self.from_name.add(unit.id)

    def _infer_heads(
        self,
        org: Organization,
        undeclared: dict[str, list[Person]],
        vacant: AbstractSet[str],
    ) -> None:
        members_of = undeclared.get
        for p in org.people:  # one pass: a person with no unit finds nothing
            members = members_of(p.unit)  # type: ignore[arg-type]
            if members is not None:
                members.append(p)
        for uid, members in undeclared.items():
            found = _infer_head(members)
            if found is not None and found[0] not in vacant:
                self.head_of[uid], self.why[uid] = found

    def lean(self, unit_id: str) -> Lean | None:
        """Return ``INTERNAL`` or ``EXTERNAL`` when the unit's function says so, else ``None``."""
        function = self.function.get(unit_id)
        if function is None:
            return None
        leans = FUNCTION_LEANS.get(function, frozenset())
        if Lean.EXTERNAL in leans:
            return Lean.EXTERNAL
        if Lean.INTERNAL in leans:
            return Lean.INTERNAL
        return None

    def area(self, unit_id: str) -> object:
        """Return what the unit counts as when breadth is counted: its function, else itself."""
        found = self.function.get(unit_id)
        return unit_id if found is None else found  # unit ids and functions never clash

    def inferred(self, unit_id: str) -> bool:
        """Whether anything about the unit used here was inferred (its head or function)."""
        return unit_id in self.why or unit_id in self.from_name


def _infer_head(members: list[Person]) -> tuple[str, str] | None:
    """Apply the rules of the module docstring to one unit's members."""
    inside = {p.id for p in members}
    candidates = [p.id for p in members if p.manager is None or p.manager not in inside]
    if not candidates:
        return None  # impossible for acyclic lines, kept for safety
    if len(candidates) == 1:
        return candidates[0], _ONLY
    below: dict[str, list[str]] = {}
    for p in members:
        if p.manager is not None and p.manager in inside:
            below.setdefault(p.manager, []).append(p.id)
    sizes = []
    for c in candidates:  # iterative count of each candidate's part of the unit
        count, stack = 0, [c]
        while stack:
            for child in below.get(stack.pop(), ()):
                count += 1
                stack.append(child)
        sizes.append(count)
    best = max(sizes)
    if sizes.count(best) > 1:
        return None
    return candidates[sizes.index(best)], _MOST.format(n=len(candidates))
