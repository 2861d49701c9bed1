"""Evidence from the structure: the top, who reports to it, what someone oversees.

:class:`Oversight` reads, for one person, the facts the reporting lines and units
give: leading from the top, reporting straight to it, the department heads
(heads of units, declared or inferred, whether or not they manage anyone, and reports
whose title is head-level or higher) and other managers who report to them, the units
they head and span, and the **breadth** of what they oversee — the number of distinct
*areas*, an area being a function (so three finance teams are one area): a unit's, or
a report's from their title, else their unit's; a unit the lexicon cannot read is an
area of its own.  Vacant posts never count as anyone's report.
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from orgmodel.analysis._hierarchy import Hierarchy
from orgmodel.analysis.roles.config import ClassifierConfig
from orgmodel.analysis.roles.records import Basis, Direction, Evidence, EvidenceSource
from orgmodel.analysis.roles.text import listing, plural
from orgmodel.analysis.roles.titles import JobFunction, Seniority
from orgmodel.analysis.roles.units import Units
from orgmodel.model import Person
from orgmodel.model.vocabulary import Axis, Lean

__all__ = ["Overseen", "Oversight"]

_FOCUS, _ORIENT = Axis.FOCUS, Axis.ORIENTATION
_P, _C, _N = Direction.PARTNER, Direction.COO, Direction.NEUTRAL
_STRUCTURE, _UNIT = EvidenceSource.STRUCTURE, EvidenceSource.UNIT
_DECLARED, _INFERRED = Basis.DECLARED, Basis.INFERRED
_CLIENT = frozenset(
    {
        JobFunction.SALES,
        JobFunction.CLIENT_SERVICE,
        JobFunction.DELIVERY,
        JobFunction.BUSINESS_DEVELOPMENT,
    }
)

#: Title seniorities that make a report a department head though they head no unit.
_HEADS = frozenset(
    {Seniority.CHIEF, Seniority.PRESIDENT, Seniority.MANAGING_DIRECTOR,
     Seniority.VICE_PRESIDENT, Seniority.DIRECTOR, Seniority.HEAD}
)  # fmt: skip

#: What a person oversees: unit heads, other managers, how many of them on dotted
#: lines, how many heads were inferred, the units, and the number of areas.
Overseen = tuple[int, int, int, int, list[str], int]


class Oversight:
    """The structural evidence of every person, read off the hierarchy and units."""

    def __init__(
        self,
        hierarchy: Hierarchy,
        units: Units,
        config: ClassifierConfig,
        *,
        vacant: AbstractSet[str],
        people: Sequence[Person],
    ) -> None:
        self.hierarchy = hierarchy
        self.units = units
        self.config = config
        self.vacant = vacant
        self.roots = set(hierarchy.roots)
        #: Ids of people with reports (solid or dotted) or a unit to head.
        self.leaders = {*hierarchy.reports, *hierarchy.dotted_reports, *units.headed}
        self.under_top = Evidence(
            _FOCUS, _C, config.under_top_weight, "reports directly to the top of the organisation",
            _STRUCTURE,
        )  # fmt: skip
        self._top = Evidence(
            _FOCUS, _P, config.top_weight, "leads the organisation from the top", _STRUCTURE
        )
        self._oversight: dict[tuple[int, int, int, int, bool], Evidence] = {}
        self._overseen: dict[str, Overseen] = {}  # Facts.key asks, then the evidence
        self._org_people = people
        self._people: dict[str, Person] = {}  # the managers, built on first use
        self._titled: dict[str, object] | None = None  # heads by title, built on first use

    def _ramp(self, count: int) -> float:
        """0 for one thing, 1 for ``several``, straight in between."""
        if count <= 1:
            return 0.0
        return min(1.0, (count - 1) / (self.config.several - 1))

    def structure(self, person: Person) -> tuple[list[Evidence], float]:
        """Return *person*'s structural evidence and their seniority in [0, 1]."""
        h, cfg, pid = self.hierarchy, self.config, person.id
        under_top = person.manager in self.roots
        if pid not in self.leaders:  # the common case: leads nobody and no unit
            if under_top:
                return [self.under_top], cfg.seniority_under_top
            return [], 0.0
        out: list[Evidence] = []
        at_top = pid in self.roots
        if at_top and pid in h.reports:
            out.append(self._top)
        if under_top:
            out.append(self.under_top)
        heads, managers, dotted, inferred, units, areas = self.overseen(pid)
        if heads + managers:
            out.append(self._oversees(heads, managers, dotted, inferred, at_top=at_top))
        if units:
            out.append(self._units(units, at_top=at_top))
        breadth = 0.0 if at_top else self._ramp(areas)
        share = cfg.seniority_under_top
        return out, share * under_top + (1.0 - share) * breadth

    def overseen(self, pid: str) -> Overseen:
        """Count the heads and managers reporting to *pid*; list the units they oversee.

        Reports count on solid and dotted lines, vacant posts never; a report who
        heads no unit and manages nobody is a head (inferred) when their title is
        head-level or higher.  The units are those headed by *pid* or by their
        reports, and the units directly inside those; the areas are the distinct
        functions of those units and of the other reports counted (from their
        titles, else their units).
        """
        known = self._overseen.get(pid)
        if known is None:
            h = self.hierarchy
            tally = [0, 0, 0, 0]  # unit heads, other managers, of which dotted, heads inferred
            own = self.units.headed.get(pid)
            found: list[str] = list(own) if own else []
            areas: set[object] = set()
            solid = h.reports.get(pid)
            if solid:
                self._count(solid, tally, found, areas)
            dotted = h.dotted_reports.get(pid)
            if dotted:
                before = tally[0] + tally[1]
                self._count(dotted, tally, found, areas)
                tally[2] = tally[0] + tally[1] - before
            listed = self._spread(found, areas) if found else found
            known = (tally[0], tally[1], tally[2], tally[3], listed, len(areas))
            self._overseen[pid] = known
        return known

    def _count(
        self, group: list[str], tally: list[int], found: list[str], areas: set[object]
    ) -> None:
        """Add the heads and managers among *group* to the tallies (see overseen)."""
        headed, reports, why, vacant = (
            self.units.headed,
            self.hierarchy.reports,
            self.units.why,
            self.vacant,
        )
        titled = self._titled_heads()
        for rid in group:
            if vacant and rid in vacant:
                continue
            theirs = headed.get(rid)
            if theirs is not None:
                tally[0] += 1
                if why and not why.keys().isdisjoint(theirs):
                    tally[3] += 1
                found.extend(theirs)
            elif rid in reports:
                tally[1] += 1
                areas.add(self._area_of(rid))
            elif rid in titled:
                tally[0] += 1
                tally[3] += 1
                areas.add(titled[rid])

    def _spread(self, found: list[str], areas: set[object]) -> list[str]:
        """Add the units inside *found*, and their areas; return them in file order."""
        units = self.units
        children = units.children
        listed = dict.fromkeys(found)
        for uid in found:
            inner = children.get(uid)
            if inner:
                listed.update(dict.fromkeys(inner))
        areas.update(map(units.area, listed))
        if len(listed) == 1:
            return list(listed)
        return sorted(listed, key=units.position.__getitem__)

    def _titled_heads(self) -> dict[str, object]:
        """Return the people whose title makes them a head, each with their area.

        The area is the function the title names, else the person's own.  Built on
        first use, in one pass over the people with each distinct title read once.
        """
        found = self._titled
        if found is None:
            found = self._titled = {}
            read: dict[str, tuple[bool, JobFunction | None]] = {}
            parse, heads = self.config.titles.parse, _HEADS
            for person in self._org_people:
                title = person.title
                known = read.get(title)
                if known is None:
                    parsed = parse(title)
                    functions = parsed.functions
                    known = read[title] = (
                        parsed.seniority in heads,
                        functions[0] if functions else None,
                    )
                if known[0]:
                    found[person.id] = ("person", person.id) if known[1] is None else known[1]
        return found

    def _area_of(self, rid: str) -> object:
        """Return the area of a report who manages people but heads no unit.

        The function their title names, else their unit's, else their own.
        """
        person = self._people.get(rid)
        if person is None:
            reports = self.hierarchy.reports
            self._people = {p.id: p for p in self._org_people if p.id in reports}
            person = self._people[rid]
        functions = self.config.titles.parse(person.title).functions
        if functions:
            return functions[0]
        if person.unit is not None:
            return self.units.area(person.unit)
        return ("person", rid)  # a manager with no unit and no function in the title

    def _units(self, units: list[str], *, at_top: bool) -> Evidence:
        index = self.units
        names = [index.names[u] for u in units]
        internal = [u for u in units if index.lean(u) is Lean.INTERNAL]
        basis = _INFERRED if any(index.inferred(u) for u in units) else _DECLARED
        if at_top or len(internal) < 2:  # noqa: PLR2004 - "spans" needs two units
            text = f"oversees {plural(len(units), 'unit')}: {listing(names)}"
            text += " as the top of the organisation" if at_top and len(units) > 1 else ""
            return Evidence(_ORIENT, _N, 0.0, text, _STRUCTURE, basis)
        inner = [index.names[u] for u in internal]
        text = f"spans {len(internal)} internal units: {listing(inner)}"
        weight = self.config.units_weight * self._ramp(len(internal))
        return Evidence(_ORIENT, _C, weight, text, _STRUCTURE, basis)

    def _oversees(
        self, heads: int, managers: int, dotted: int, inferred: int, *, at_top: bool
    ) -> Evidence:
        key = (heads, managers, dotted, inferred, at_top)
        found = self._oversight.get(key)
        if found is None:
            parts = []
            if heads:
                head = plural(heads, "department head")
                parts.append(f"{head} ({inferred} inferred)" if inferred else head)
            if managers:
                other = "other " if heads else ""
                parts.append(plural(managers, f"{other}manager"))
            text = f"oversees {' and '.join(parts)}"
            if dotted:
                text += f" ({dotted} on a dotted line)" if dotted == 1 else f" ({dotted} dotted)"
            basis = _INFERRED if inferred else _DECLARED
            if at_top:
                text += " as the top of the organisation"
                found = Evidence(_FOCUS, _N, 0.0, text, _STRUCTURE, basis)
            else:
                ratio = min(1.0, (heads + managers) / self.config.several)
                weight = self.config.oversight_weight * ratio
                found = Evidence(_FOCUS, _C, weight, text, _STRUCTURE, basis)
            self._oversight[key] = found
        return found

    def headship(self, pid: str) -> list[Evidence]:
        """One record per unit *pid* heads: client-facing, internal, or neither."""
        units, weight = self.units, self.config.unit_weight
        out = []
        for uid in units.headed.get(pid, ()):
            lean = units.lean(uid)
            text = f"heads {units.names[uid]}"
            if lean is Lean.EXTERNAL:
                facing = "client" if units.function[uid] in _CLIENT else "outward"
                text += f", a {facing}-facing unit"
                points, w = _P, weight
            elif lean is Lean.INTERNAL:
                text += ", an internal unit"
                points, w = _C, weight
            else:
                points, w = _N, 0.0
            why = units.why.get(uid)
            if why is not None:
                text += f" (inferred: {why})"
            basis = _INFERRED if units.inferred(uid) else _DECLARED
            out.append(Evidence(_ORIENT, points, w, text, _UNIT, basis))
        return out
