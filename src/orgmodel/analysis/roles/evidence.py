"""Reading the evidence for the role classifier off an organisation.

:class:`Facts` indexes an organisation once — stakes on every measure, reporting
lines, units with their functions and heads (declared or inferred), relationships —
and then turns each person into a list of
:class:`~orgmodel.analysis.roles.records.Evidence` records plus a seniority figure.
Evidence that many people share ("holds no stake in Acme", a tag, a title) is built
once and reused, so the classifier stays linear and light on a million people.
"""

from __future__ import annotations

from operator import add

from orgmodel.analysis._hierarchy import Hierarchy
from orgmodel.analysis.roles.config import ClassifierConfig
from orgmodel.analysis.roles.holdings import Holding, holdings, is_material
from orgmodel.analysis.roles.lexicon import FUNCTION_LEANS, SENIORITY_LEANS
from orgmodel.analysis.roles.oversight import Oversight
from orgmodel.analysis.roles.records import Basis, Direction, Evidence, EvidenceSource
from orgmodel.analysis.roles.text import listing, plural
from orgmodel.analysis.roles.units import Units
from orgmodel.model import Employment, Organization, Person
from orgmodel.model.share import Share
from orgmodel.model.vocabulary import Axis, Lean

__all__ = ["Facts"]

_TAGS_SHOWN = 3  # responsibilities listed in one evidence sentence
_LEAN_ORDER = (Lean.STRATEGIC, Lean.OPERATIONAL, Lean.EXTERNAL, Lean.INTERNAL)
_LEAN_EVIDENCE = tuple(
    (lean.axis, Direction.PARTNER if lean.partner_side else Direction.COO, lean.value)
    for lean in _LEAN_ORDER
)
_OWN, _FOCUS, _ORIENT = Axis.OWNERSHIP, Axis.FOCUS, Axis.ORIENTATION
_P, _C, _N = Direction.PARTNER, Direction.COO, Direction.NEUTRAL
_JOB, _TITLE, _TAGS, _STAKE = (
    EvidenceSource.EMPLOYMENT,
    EvidenceSource.TITLE,
    EvidenceSource.RESPONSIBILITIES,
    EvidenceSource.STAKE,
)
_INFERRED = Basis.INFERRED


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
        hierarchy = Hierarchy.of(org)
        self.vacant = {p.id for p in org.people if p.vacant} if _any_vacant(org) else set()
        self.units = Units(org, config.titles, vacant=self.vacant)
        self.oversight = Oversight(
            hierarchy, self.units, config, vacant=self.vacant, people=org.people
        )
        self.roots = self.oversight.roots
        found = holdings(
            org, materiality=config.materiality, partnership_kinds=config.partnership_kinds
        )
        self.holdings: dict[str, Holding] = found.by_person
        self.looked_through = found.looked_through
        self.vocabulary = org.vocabulary
        self.relationships: dict[str, dict[str, list[str]]] = {}
        for r in org.relationships:
            kinds = self.relationships.setdefault(r.person, {})
            kinds.setdefault(r.kind.value, []).append(r.counterparty)
        #: Ids with a stake or a relationship: facts of their own (see :meth:`key`).
        self.personal = {*self.holdings, *self.relationships}
        #: Ids of people with reports (solid or dotted) or a unit to head.
        self.leaders = self.oversight.leaders
        targets = found.targets
        where = listing([t.name for t in targets]) if len(targets) <= 3 else "any entity"  # noqa: PLR2004
        self._no_stake = Evidence(
            _OWN,
            _C,
            config.no_stake_weight,
            f"holds no stake in {where}" if targets else "holds no stake in any entity",
            _STAKE,
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
        self._lean_cache: dict[tuple[object, ...], Evidence] = {}
        self._tag_tuples: dict[tuple[str, ...], tuple[Evidence, ...]] = {}
        self._tag_leans: dict[str, tuple[int, ...]] = {}
        self._titles: dict[str, tuple[Evidence, ...]] = {}
        self._heads: dict[tuple[object, ...], _Part] = {}
        self._tails: dict[object, tuple[_Part, float]] = {}
        self._tag_parts: dict[tuple[str, ...], _Part] = {}
        self._fillers = ((self._no_focus,), (self._no_orientation,))

    # -- ownership ------------------------------------------------------------

    def _ownership(self, held: Holding) -> list[Evidence]:
        cfg = self.config
        text = f"holds {held.share} of {held.entity}"
        if held.vehicles and held.direct > 0:
            text += f": {Share.exact(held.direct)} directly, the rest through "
            text += listing(held.vehicles)
        elif held.vehicles:
            text += f" through {listing(held.vehicles)}"
        if held.votes is not None:
            text += f", with {held.votes} of its votes"
        if not held.share.is_exact:
            text += f" (the lower bound, {Share.exact(held.share.lower)}, counts)"
        if held.material:
            if held.member and not is_material(held.strength, cfg.materiality):
                text += ", as a member sharing in its profits, which counts whatever the size"
            out = [Evidence(_OWN, _P, cfg.stake_weight, text, _STAKE)]
        else:
            text += f", below the {Share.exact(cfg.materiality)} materiality threshold"
            short = 1.0 - held.strength / cfg.materiality
            weight = cfg.no_stake_weight * short
            out = [Evidence(_OWN, _C if weight > 0 else _N, weight, text, _STAKE)]
        if held.profit is not None and held.profit.upper > 0:
            out.append(
                Evidence(
                    _OWN,
                    _P,
                    cfg.profit_share_weight,
                    f"takes {held.profit} of the profits of {held.entity}",
                    _STAKE,
                )
            )
        if held.unlimited:
            out.append(
                Evidence(
                    _OWN,
                    _P,
                    cfg.liability_weight,
                    f"bears unlimited liability for the debts of {held.entity}",
                    _STAKE,
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

    # -- titles -----------------------------------------------------------------

    def _title(self, title: str) -> tuple[Evidence, ...]:
        """Read what the title says, per lean, through the lexicon (once per title)."""
        found = self._titles.get(title)
        if found is None:
            cfg = self.config
            parsed = cfg.titles.parse(title)
            out = []
            if parsed.salaried:
                text = f'the title "{title}" says a salaried partner, not an owner (weak)'
                out.append(Evidence(_OWN, _C, cfg.title_weight, text, _TITLE, _INFERRED))
            elif parsed.suggests_owner:
                text = f'the title "{title}" suggests a partner (weak)'
                out.append(Evidence(_OWN, _P, cfg.title_weight, text, _TITLE, _INFERRED))
            for (axis, points, name), lean in zip(_LEAN_EVIDENCE, _LEAN_ORDER, strict=True):
                words: list[str] = []
                weight = 0.0
                for s in parsed.seniorities:
                    if lean in SENIORITY_LEANS.get(s, ()):
                        words.append(s.value.replace("-", " "))
                        weight += cfg.title_seniority_weight
                for f in parsed.functions:
                    if lean in FUNCTION_LEANS.get(f, ()):
                        words.append(f.value.replace("-", " "))
                        weight += cfg.title_function_weight
                if words and weight > 0:
                    text = f'the title "{title}" reads as {name} work ({listing(words)})'
                    out.append(Evidence(axis, points, weight, text, _TITLE, _INFERRED))
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
            found = tuple(self._lean(k, words) for k, words in enumerate(by_lean) if words)
            self._tag_cache[names] = found
        return found

    def _lean(self, k: int, words: list[str]) -> Evidence:
        """Return the record of one lean's tags ("strategic work: ..."), built once."""
        key = (k, *words)
        found = self._lean_cache.get(key)
        if found is None:
            axis, points, lead = _LEAN_EVIDENCE[k]
            text = f"{lead} work: {listing(words, _TAGS_SHOWN)}"
            found = Evidence(axis, points, self.config.tag_weight * len(words), text, _TAGS)
            self._lean_cache[key] = found
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
            text = f"{plural(count, noun + ' relationship')}: {listing(parties)}"
            weight = cfg.relationship_weight * min(count, cfg.relationship_cap)
            out.append(Evidence(_ORIENT, _P, weight, text, EvidenceSource.RELATIONSHIPS))
        return out

    # -- everything -------------------------------------------------------------

    def key(self, person: Person) -> tuple[object, ...] | None:
        """Return what a person's assessment depends on, or ``None`` if it is personal.

        A person with no stake, no external relationship and no unit to oversee is
        assessed from their employment, title and tags, whether they report to the
        top, and — if they lead anyone — how many unit heads and managers report to
        them and how many areas those cover; people with equal keys get equal
        assessments.
        """
        pid = person.id
        if pid in self.personal:
            return None
        employment = person.employment
        kind = 0 if employment is Employment.EMPLOYEE else id(employment)  # no enum hash
        base = (kind, person.title, person.responsibilities, person.manager in self.roots)
        if pid not in self.leaders:
            return base
        heads, managers, dotted, _, units, areas = self.oversight.overseen(pid)
        if units:
            return None
        reports = self.oversight.hierarchy.reports
        return (*base, heads, managers, dotted, areas, pid in self.roots, pid in reports)

    def _standing(self, person: Person) -> list[Evidence]:
        """Return the stake, ``employment`` and title evidence: ownership first."""
        held = self.holdings.get(person.id)
        out = [self._no_stake] if held is None else self._ownership(held)
        employment = person.employment
        if employment is Employment.EMPLOYEE:
            out.append(self._employee)
        elif employment is not Employment.DIRECTOR and employment is not Employment.CONTRACTOR:
            out.append(self._employment[employment])
        if person.title:
            out.extend(self._title(person.title))
        return out

    def simple(self, person: Person) -> tuple[tuple[Evidence, ...], tuple[float, ...], float]:
        """:meth:`evidence` for someone with nothing personal: no stake, no unit overseen.

        Their evidence is their standing and title, then their tags, then their place
        in the structure: each part is built once and the tallies added, so people who
        share a title but not their tags, or a span but not their title, cost little
        (a million people have many such combinations).
        """
        employment = person.employment
        kind = 0 if employment is Employment.EMPLOYEE else id(employment)
        head_key = (kind, person.title)
        head = self._heads.get(head_key)
        if head is None:
            head = self._heads[head_key] = _part(self._standing(person))
        tags = person.responsibilities
        if tags:
            middle = self._tag_parts.get(tags)
            if middle is None:
                middle = self._tag_parts[tags] = _part(self._tags(frozenset(tags)))
        else:
            middle = _EMPTY
        tail, seniority = self._tail(person)
        first, t1, a1 = head
        evidence, t2, a2 = middle
        last, t3, a3 = tail
        axes = a1 | a2 | a3
        evidence = first + evidence + last
        if not axes & 2:
            evidence += self._fillers[0]
        if not axes & 4:
            evidence += self._fillers[1]
        tally = tuple(map(add, map(add, t1, t2), t3)) if a2 else tuple(map(add, t1, t3))
        return evidence, tally, seniority

    def _tail(self, person: Person) -> tuple[_Part, float]:
        """Return the structural part of :meth:`simple`, built once per kind of place."""
        under_top = person.manager in self.roots
        pid = person.id
        if pid in self.leaders:
            oversight = self.oversight
            heads, managers, dotted, inferred, _, areas = oversight.overseen(pid)
            at_top = pid in self.roots
            reports = pid in oversight.hierarchy.reports
            key: object = (under_top, heads, managers, dotted, inferred, areas, at_top, reports)
        else:
            key = under_top
        found = self._tails.get(key)
        if found is None:
            structural, seniority = self.oversight.structure(person)
            found = self._tails[key] = (_part(structural), seniority)
        return found

    def evidence(self, person: Person) -> tuple[list[Evidence], list[float], float]:
        """Return *person*'s evidence (ownership first), its tally and their seniority.

        The tally holds the summed weights by axis (ownership, focus, orientation)
        and direction (partner, COO, neutral): ``tally[3 * axis + direction]``.
        """
        # This runs once per person: fast paths and identity tests (hashing an enum
        # member calls Python code), caches keyed by strings and tuples.
        pid = person.id
        out = self._standing(person)
        if person.responsibilities:
            found = self._tag_tuples.get(person.responsibilities)
            if found is None:
                found = self._tags(frozenset(person.responsibilities))
                self._tag_tuples[person.responsibilities] = found
            out.extend(found)
        if pid in self.relationships:
            out.extend(self._relationships(person))
        if pid in self.units.headed:
            out.extend(self.oversight.headship(pid))
        structural, seniority = self.oversight.structure(person)
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


#: Some evidence, its tally (by axis and direction) and which axes it touches.
_Part = tuple[tuple[Evidence, ...], tuple[float, ...], int]
_ZEROS = (0.0,) * 9
_EMPTY: _Part = ((), _ZEROS, 0)


def _part(evidence: list[Evidence] | tuple[Evidence, ...]) -> _Part:
    tally = [0.0] * 9
    axes = 0
    for e in evidence:
        slot = e._slot  # noqa: SLF001 - the record's own precomputed tally slot
        tally[slot] += e.weight
        axes |= 1 << (slot // 3)
    return tuple(evidence), tuple(tally), axes


def _any_vacant(org: Organization) -> bool:
    """Whether any post is vacant (a fast scan: most organisations have none)."""
    return any(p.vacant for p in org.people)
