"""Reading the evidence for the role classifier off an organisation.

:class:`Facts` indexes an organisation once — look-through stakes, reporting lines,
unit heads, relationships — and then turns each person into a list of
:class:`~orgmodel.analysis._role_config.Evidence` records plus a seniority figure.
Evidence that many people share ("holds no stake in Acme", a tag, a title) is built
once and reused, so the classifier stays linear and light on a million people.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from orgmodel.analysis._hierarchy import Hierarchy
from orgmodel.analysis.roles.config import ClassifierConfig, Direction, Evidence, EvidenceSource
from orgmodel.analysis.roles.holdings import holdings
from orgmodel.model import Employment, Organization, Person
from orgmodel.model.share import Share
from orgmodel.model.vocabulary import Axis, Lean

__all__ = ["Facts", "listing"]

_SHOWN = 3  # names listed in a sentence before "and N more"
_TAGS_SHOWN = 3  # responsibilities listed in one evidence sentence
_LEAN_ORDER = (Lean.STRATEGIC, Lean.OPERATIONAL, Lean.EXTERNAL, Lean.INTERNAL)
_LEAN_EVIDENCE = tuple(
    (
        lean.axis,
        Direction.PARTNER if lean.partner_side else Direction.COO,
        f"{lean.value} work: ",
    )
    for lean in _LEAN_ORDER
)
_PARTNER_TITLE = re.compile(
    r"\b(partner|founder|founding|owner|co-owner|proprietor|principal)\b", re.IGNORECASE
)
_COO_TITLE = re.compile(
    r"\b(coo|chief operating officer|operations|operating|ops)\b", re.IGNORECASE
)
_OWN, _FOCUS, _ORIENT = Axis.OWNERSHIP, Axis.FOCUS, Axis.ORIENTATION
_P, _C, _N = Direction.PARTNER, Direction.COO, Direction.NEUTRAL
_JOB, _TITLE, _TAGS = (
    EvidenceSource.EMPLOYMENT,
    EvidenceSource.TITLE,
    EvidenceSource.RESPONSIBILITIES,
)


def listing(names: Sequence[str], limit: int = _SHOWN) -> str:
    """Join names as prose: ``"A, B and C"``, ``"A, B, C and 2 more"``.

    Examples
    --------
    >>> listing(["A"]), listing(["A", "B"]), listing(["A", "B", "C", "D", "E"])
    ('A', 'A and B', 'A, B, C and 2 more')
    """
    if len(names) > limit:
        return f"{', '.join(names[:limit])} and {len(names) - limit} more"
    if len(names) > 1:
        return f"{', '.join(names[:-1])} and {names[-1]}"
    return "".join(names)


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {plural or word + 's'}"


class Facts:
    """Everything the classifier reads about an organisation, indexed once.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="x",
    ...     people=[om.Person("a", "A"), om.Person("b", "B", manager="a")],
    ...     entities=[om.Entity("co", "Co Ltd")],
    ...     stakes=[om.Stake("a", "co", om.Share.exact(1.0))],
    ... )
    >>> facts = Facts(org, ClassifierConfig())
    >>> [e.text for e in facts.evidence(org.person("b"))[0]]  # doctest: +NORMALIZE_WHITESPACE
    ['holds no stake in Co Ltd', 'an employee',
     'reports directly to the top of the organisation',
     'no external or internal work recorded']
    """

    def __init__(self, org: Organization, config: ClassifierConfig) -> None:
        self.config = config
        self.hierarchy = Hierarchy.of(org)
        self.roots = set(self.hierarchy.roots)
        self._leaders = {*self.hierarchy.reports, *self.hierarchy.dotted_reports}
        self.holdings, targets = holdings(org)
        self.vocabulary = org.vocabulary
        self.unit_names = {u.id: u.name for u in org.units}
        self.heads: dict[str, list[str]] = {}
        self.unit_children: dict[str, list[str]] = {}
        for u in org.units:
            if u.head is not None:
                self.heads.setdefault(u.head, []).append(u.id)
            if u.parent is not None:
                self.unit_children.setdefault(u.parent, []).append(u.id)
        self._leaders.update(self.heads)
        self.relationships: dict[str, dict[str, list[str]]] = {}
        for r in org.relationships:
            kinds = self.relationships.setdefault(r.person, {})
            kinds.setdefault(r.kind.value, []).append(r.counterparty)
        #: Ids with a stake or a relationship: facts of their own (see :meth:`key`).
        self.personal = {*self.holdings, *self.relationships}
        #: Ids of people with reports (solid or dotted) or a unit to head.
        self.leaders = self._leaders
        where = listing([t.name for t in targets]) if len(targets) <= _SHOWN else "any entity"
        self._no_stake = Evidence(
            _OWN,
            _C,
            config.no_stake_weight,
            f"holds no stake in {where}" if targets else "holds no stake in any entity",
            EvidenceSource.STAKE,
        )
        self._under_top = Evidence(
            _FOCUS,
            _C,
            config.under_top_weight,
            "reports directly to the top of the organisation",
            EvidenceSource.STRUCTURE,
        )
        self._top = Evidence(
            _FOCUS,
            _P,
            config.top_weight,
            "leads the organisation from the top",
            EvidenceSource.STRUCTURE,
        )
        self._no_focus = Evidence(
            _FOCUS, _N, 0.0, "no strategic or operational work recorded", _TAGS
        )
        self._no_orientation = Evidence(
            _ORIENT, _N, 0.0, "no external or internal work recorded", _TAGS
        )
        self._employment = self._employment_evidence()
        self._employee = self._employment[Employment.EMPLOYEE]
        self._tag_cache: dict[frozenset[str], tuple[Evidence, ...]] = {}
        self._tag_tuples: dict[tuple[str, ...], tuple[Evidence, ...]] = {}
        self._tag_leans: dict[str, tuple[int, ...]] = {}
        self._titles: dict[str, tuple[Evidence, ...]] = {}
        self._oversight: dict[tuple[int, int, int, bool], Evidence] = {}

    # -- ownership ------------------------------------------------------------

    def _ownership(self, person: Person) -> list[Evidence]:
        held = self.holdings.get(person.id)
        if held is None or held.share.upper <= 0:
            return [self._no_stake]
        cfg = self.config
        text = f"holds {held.share} of {held.entity}"
        if held.vehicles and held.direct > 0:
            text += f": {Share.exact(held.direct)} directly, the rest through "
            text += listing(held.vehicles)
        elif held.vehicles:
            text += f" through {listing(held.vehicles)}"
        if not held.share.is_exact:
            text += f" (the lower bound, {Share.exact(held.share.lower)}, counts)"
        material = held.share.lower >= cfg.materiality - 1e-12
        if material:
            out = [Evidence(_OWN, _P, cfg.stake_weight, text, EvidenceSource.STAKE)]
        else:
            text += f", below the {Share.exact(cfg.materiality)} materiality threshold"
            out = [Evidence(_OWN, _N, 0.0, text, EvidenceSource.STAKE)]
        if held.profit is not None and held.profit.upper > 0:
            out.append(
                Evidence(
                    _OWN,
                    _P,
                    cfg.profit_share_weight,
                    f"takes {held.profit} of the profits of {held.entity}",
                    EvidenceSource.STAKE,
                )
            )
        if held.unlimited:
            out.append(
                Evidence(
                    _OWN,
                    _P,
                    cfg.liability_weight,
                    f"bears unlimited liability for the debts of {held.entity}",
                    EvidenceSource.STAKE,
                )
            )
        return out

    def _employment_evidence(self) -> dict[Employment, Evidence]:
        w = self.config.employment_weight
        weak = "a standing, not proof of a stake"
        return {
            Employment.PARTNER: Evidence(_OWN, _P, w, f"employed as a partner ({weak})", _JOB),
            Employment.MEMBER: Evidence(_OWN, _P, w, f"a member of the firm ({weak})", _JOB),
            Employment.EMPLOYEE: Evidence(_OWN, _C, w, "an employee", _JOB),
            Employment.NONE: Evidence(_OWN, _N, 0.0, "not employed by the organisation", _JOB),
        }

    def _title(self, title: str) -> tuple[Evidence, ...]:
        found = self._titles.get(title)
        if found is None:
            w = self.config.title_weight
            out = []
            if _PARTNER_TITLE.search(title):
                out.append(
                    Evidence(_OWN, _P, w, f'the title "{title}" suggests a partner (weak)', _TITLE)
                )
            if _COO_TITLE.search(title):
                out.append(
                    Evidence(
                        _FOCUS, _C, w, f'the title "{title}" suggests operations (weak)', _TITLE
                    )
                )
            found = self._titles[title] = tuple(out)
        return found

    # -- responsibilities and relationships ------------------------------------

    def _tags(self, names: frozenset[str]) -> tuple[Evidence, ...]:
        """One record per lean the tags show ("strategic work: ..."), names in sorted order."""
        found = self._tag_cache.get(names)
        if found is None:
            by_lean: list[list[str]] = [[], [], [], []]
            for name in sorted(names):
                leans = self._tag_leans.get(name)
                if leans is None:
                    tag = self.vocabulary.get(name)
                    leans = () if tag is None else tuple(map(_LEAN_ORDER.index, tag.leans))
                    self._tag_leans[name] = leans
                for k in leans:
                    by_lean[k].append(name.replace("_", " "))
            w = self.config.tag_weight
            found = tuple(
                Evidence(
                    axis, points, w * len(words), f"{lead}{listing(words, _TAGS_SHOWN)}", _TAGS
                )
                for (axis, points, lead), words in zip(_LEAN_EVIDENCE, by_lean, strict=True)
                if words
            )
            self._tag_cache[names] = found
        return found

    def _relationships(self, person: Person) -> list[Evidence]:
        kinds = self.relationships.get(person.id)
        if not kinds:
            return []
        cfg = self.config
        out = []
        for kind, parties in kinds.items():
            noun = "external" if kind == "other" else kind.replace("_", "-")
            count = len(parties)
            text = f"{_plural(count, noun + ' relationship')}: {listing(parties)}"
            weight = cfg.relationship_weight * min(count, cfg.relationship_cap)
            out.append(Evidence(_ORIENT, _P, weight, text, EvidenceSource.RELATIONSHIPS))
        return out

    # -- position in the structure -------------------------------------------

    def _ramp(self, count: int) -> float:
        """0 for one thing, 1 for ``several``, straight in between."""
        if count <= 1:
            return 0.0
        return min(1.0, (count - 1) / (self.config.several - 1))

    def _structure(self, person: Person) -> tuple[list[Evidence], float]:
        h, cfg, pid = self.hierarchy, self.config, person.id
        under_top = person.manager in self.roots
        if pid not in self._leaders:  # the common case: leads nobody and no unit
            if under_top:
                return [self._under_top], cfg.seniority_under_top
            return [], 0.0
        out: list[Evidence] = []
        at_top = pid in self.roots
        if at_top and pid in h.reports:
            out.append(self._top)
        if under_top:
            out.append(self._under_top)
        heads, managers, on_dotted, units = self._overseen(pid)
        if heads + managers:
            out.append(self._oversees(heads, managers, on_dotted, at_top=at_top))
        if units:
            out.append(self._units(units, at_top=at_top))
        breadth = 0.0 if at_top else self._ramp(max(len(units), heads + managers))
        share = cfg.seniority_under_top
        return out, share * under_top + (1.0 - share) * breadth

    def _overseen(self, pid: str) -> tuple[int, int, int, list[str]]:
        """Count the heads and managers reporting to *pid*; list the units they oversee.

        Reports count on solid and dotted lines.  The units are those headed by *pid*
        or by their reports, and the units directly inside those.
        """
        h, heads_of = self.hierarchy, self.heads
        reports = h.reports
        own = heads_of.get(pid)
        units: dict[str, None] = dict.fromkeys(own) if own else {}
        counts = [0, 0, 0]  # unit heads, other managers, of which on dotted lines
        for dotted, group in ((0, reports.get(pid, ())), (1, h.dotted_reports.get(pid, ()))):
            for rid in group:
                headed = heads_of.get(rid)
                if headed is not None:
                    counts[0] += 1
                    units.update(dict.fromkeys(headed))
                elif rid in reports:
                    counts[1] += 1
                else:
                    continue
                counts[2] += dotted
        if units:
            children = self.unit_children
            for uid in list(units):
                inner = children.get(uid)
                if inner:
                    units.update(dict.fromkeys(inner))
        return counts[0], counts[1], counts[2], list(units)

    def _units(self, units: list[str], *, at_top: bool) -> Evidence:
        names = [self.unit_names[u] for u in units]
        if at_top or len(units) == 1:
            text = f"oversees {_plural(len(units), 'unit')}: {listing(names)}"
            text += " as the top of the organisation" if at_top and len(units) > 1 else ""
            return Evidence(_ORIENT, _N, 0.0, text, EvidenceSource.STRUCTURE)
        text = f"spans {len(units)} internal units: {listing(names)}"
        weight = self.config.units_weight * self._ramp(len(units))
        return Evidence(_ORIENT, _C, weight, text, EvidenceSource.STRUCTURE)

    def _oversees(self, heads: int, managers: int, dotted: int, *, at_top: bool) -> Evidence:
        key = (heads, managers, dotted, at_top)
        found = self._oversight.get(key)
        if found is None:
            parts = []
            if heads:
                parts.append(_plural(heads, "department head"))
            if managers:
                other = "other " if heads else ""
                parts.append(_plural(managers, f"{other}manager"))
            text = f"oversees {' and '.join(parts)}"
            if dotted:
                text += f" ({dotted} on a dotted line)" if dotted == 1 else f" ({dotted} dotted)"
            if at_top:
                found = Evidence(
                    _FOCUS,
                    _N,
                    0.0,
                    text + " as the top of the organisation",
                    EvidenceSource.STRUCTURE,
                )
            else:
                ratio = min(1.0, (heads + managers) / self.config.several)
                weight = self.config.oversight_weight * ratio
                found = Evidence(_FOCUS, _C, weight, text, EvidenceSource.STRUCTURE)
            self._oversight[key] = found
        return found

    # -- everything -------------------------------------------------------------

    def key(self, person: Person) -> tuple[object, ...] | None:
        """Return what a person's assessment depends on, or ``None`` if it is personal.

        A person with no stake, no external relationship and no unit to oversee is
        assessed from their employment, title and tags, whether they report to the
        top, and — if they lead anyone — how many unit heads and managers report to
        them; people with equal keys get equal assessments.
        """
        pid = person.id
        if pid in self.personal:
            return None
        employment = person.employment
        kind = 0 if employment is Employment.EMPLOYEE else id(employment)  # no enum hash
        base = (kind, person.title, person.responsibilities, person.manager in self.roots)
        if pid not in self._leaders:
            return base
        heads, managers, dotted, units = self._overseen(pid)
        if units:
            return None
        return (*base, heads, managers, dotted, pid in self.roots, pid in self.hierarchy.reports)

    def evidence(self, person: Person) -> tuple[list[Evidence], list[float], float]:
        """Return *person*'s evidence (ownership first), its tally and their seniority.

        The tally holds the summed weights by axis (ownership, focus, orientation)
        and direction (partner, COO, neutral): ``tally[3 * axis + direction]``.
        """
        # This runs once per person: fast paths and identity tests (hashing an enum
        # member calls Python code), caches keyed by strings and tuples.
        pid = person.id
        out = self._ownership(person) if pid in self.holdings else [self._no_stake]
        employment = person.employment
        if employment is Employment.EMPLOYEE:
            out.append(self._employee)
        elif employment is not Employment.DIRECTOR and employment is not Employment.CONTRACTOR:
            out.append(self._employment[employment])
        if person.title:
            out.extend(self._title(person.title))
        if person.responsibilities:
            found = self._tag_tuples.get(person.responsibilities)
            if found is None:
                found = self._tags(frozenset(person.responsibilities))
                self._tag_tuples[person.responsibilities] = found
            out.extend(found)
        if pid in self.relationships:
            out.extend(self._relationships(person))
        structural, seniority = self._structure(person)
        out.extend(structural)
        tally = [0.0] * 9
        axes = 0  # bit 1: something on focus; bit 2: something on orientation
        for e in out:
            slot = e._slot  # noqa: SLF001 - the record's own precomputed tally slot
            tally[slot] += e.weight
            axes |= 1 << (slot // 3)
        if not axes & 2:
            out.append(self._no_focus)
        if not axes & 4:
            out.append(self._no_orientation)
        return out, tally, seniority
