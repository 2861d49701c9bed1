"""The PSC snapshot reader's state: one parsed line in, records out, problems with places.

:class:`Snapshot` takes the parsed lines one at a time (:meth:`Snapshot.line`) and
keeps only what the organisation needs: a holder and one or two stakes per PSC, and
the statements and exemptions of each company.  A later line for the same PSC (the
same ``links.self``) replaces an earlier one, so a snapshot followed by updates
reads as the updated register.  :meth:`Snapshot.build` makes the
:class:`~orgmodel.model.Organization`.  ``docs/psc.md`` documents the mapping.

What a list of natures of control gives is computed once (:mod:`._psc_natures`) and
cached; joint holders are marked at the end (:mod:`._psc_joint`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any, Literal

from orgmodel._speed.unchecked import maker
from orgmodel._suggest import did_you_mean
from orgmodel.io._psc_codes import (
    EXEMPTIONS,
    KINDS,
    NATURES,
    STATEMENTS,
    Kind,
    company_number,
    is_uk_register,
)
from orgmodel.io._psc_joint import PscJointWarning, mark_joint
from orgmodel.io._psc_natures import Natures, read_natures
from orgmodel.model import Entity, EntityKind, Organization, Person, Share, Stake
from orgmodel.model.exceptions import ValidationError
from orgmodel.model.problems import Problem, ProblemCode

__all__ = ["COMPANY_PREFIX", "MAX_ITEMS", "MAX_PROBLEMS", "PscJointWarning", "Snapshot"]

#: Entity ids of companies: the org-id.guide scheme of Companies House, then the number.
COMPANY_PREFIX = "GB-COH-"
#: A list in a line (natures of control, exemption periods) longer than this is refused.
MAX_ITEMS = 100
#: At most this many problems are listed; the rest are counted.
MAX_PROBLEMS = 1000

#: A super-secure PSC's holding: withheld, so anything from nothing to all.
WITHHELD = Share.between(0.0, 1.0)
_COMPANY = EntityKind.COMPANY
_CACHE_LIMIT = 100_000
_PERSON_FIELDS = ("nationality", "country_of_residence")
_ENTITY_FIELDS = (
    "legal_form",
    "legal_authority",
    "country_registered",
    "place_registered",
    "registration_number",
)
_EPSILON = 1e-9
_SHOWN = 60
_MONTHS = 12
_YEARS = 10_000

_Psc = tuple[Person | Entity | None, tuple[Stake, ...]]

# the reader checks every value it puts in these records (see orgmodel._speed.unchecked)
_person = maker(Person, ("id", "name", "attributes"))
_entity = maker(Entity, ("id", "name", "kind", "attributes"))
_stake = maker(
    Stake,
    ("holder", "entity", "share", "voting", "profit_share", "control", "indirect", "attributes"),
)


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


class Snapshot:
    """The records read so far from one snapshot.

    Parameters
    ----------
    source : str
        Where the lines come from, for the problems' places.
    as_of : date or None
        Keep what was active on this date; ``None`` for what is active now.
    """

    def __init__(self, source: str, as_of: dt.date | None) -> None:
        self.source = source
        self.as_of = as_of
        self.problems: list[Problem] = []
        self.more_problems = 0
        self.number = 0  # the line being read
        # company number as written -> (company id, the start of its records' addresses)
        self.companies: dict[str, tuple[str, str]] = {}
        self.prefix = ""
        self.order: dict[str, None] = {}  # company ids in the order first seen
        self.names: dict[str, str] = {}  # company id -> the name a corporate PSC gives it
        self.about: dict[str, dict[str, str]] = {}  # company id -> a corporate PSC's details
        self.pscs: dict[str, _Psc | None] = {}  # PSC key -> its records; None once ceased
        # company -> at least the largest of its PSCs' summed lower bounds (share, votes,
        # surplus assets): only where it passes 100% can the figures overflow
        self.weights: dict[str, float] = {}
        self.notes: dict[str, tuple[str, str, str] | None] = {}  # key -> (company, field, code)
        self.dates: dict[object, dt.date] = {}
        self.natures: dict[tuple[Any, ...], Natures] = {}
        self.kinds = {kind: kind for kind in KINDS}  # one copy of each kind's text
        self.words: dict[str, str] = {}  # one copy of each repeated text
        self.births: dict[tuple[int, int], str] = {}  # (year, month) -> "YYYY-MM"

    # -- problems ------------------------------------------------------------------

    def problem(self, code: ProblemCode, field: str, message: str) -> None:
        """Record a problem at the current line and *field*."""
        if len(self.problems) >= MAX_PROBLEMS:
            self.more_problems += 1
            return
        where = f"{self.source}:{self.number}"
        self.problems.append(Problem(code, f"{where}, {field}" if field else where, message))

    def unknown(self, field: str, code: object, known: Any, what: str) -> None:  # noqa: ANN401
        """Record an unknown (or missing) code of a known list."""
        if code is None:
            self.problem(ProblemCode.MISSING_KEY, field, f"needs {what}, a string")
            return
        if not isinstance(code, str):
            self.problem(
                ProblemCode.WRONG_TYPE, field, f"{what} must be a string (got {_shown(code)})"
            )
            return
        hint = did_you_mean(code[:100], known)
        self.problem(ProblemCode.UNKNOWN_VALUE, field, f"unknown {what} {_shown(code)}{hint}")

    # -- one line ------------------------------------------------------------------

    def line(self, number: int, record: object) -> None:
        """Take line *number*, parsed."""
        self.number = number
        if type(record) is not dict:
            got = type(record).__name__
            self.problem(ProblemCode.WRONG_TYPE, "", f"a line must be a JSON object (got {got})")
            return
        data = record.get("data")
        if type(data) is not dict:
            self.problem(ProblemCode.MISSING_KEY, "data", "needs 'data', an object")
            return
        code = data.get("kind")
        kind = KINDS.get(code) if type(code) is str else None
        if kind is None:
            self.unknown("data.kind", code, KINDS, "kind")
            return
        if kind is Kind.TOTALS:
            return  # the snapshot's closing line of counts
        raw = record.get("company_number")
        known = self.companies.get(raw) if type(raw) is str else None
        company: str | None
        if known is not None:  # a company seen before: most lines
            company, self.prefix = known
            self.order[company] = None
        else:
            company = self.company(raw)
            if company is None:
                return
        if kind is Kind.STATEMENT:
            self.statement(company, data)
        elif kind is Kind.EXEMPTIONS:
            self.exemptions(company, data)
        else:
            self.psc(kind, company, data)

    def company(self, raw: object) -> str | None:
        """Return the company id of a ``company_number``, or ``None`` after a problem.

        Also sets :attr:`prefix`, the start of the addresses of the company's records.
        """
        found = self.companies.get(raw) if type(raw) is str else None
        if found is None:
            number = company_number(raw) if isinstance(raw, str) else None
            if number is None:
                self.problem(
                    ProblemCode.WRONG_TYPE,
                    "company_number",
                    "needs a Companies House company number such as '01234567' "
                    f"(got {_shown(raw)})",
                )
                return None
            found = (COMPANY_PREFIX + number, f"/company/{raw}/")
            if len(self.companies) < _CACHE_LIMIT * 100:
                self.companies[raw] = found  # type: ignore[index]
        self.order[found[0]] = None
        self.prefix = found[1]
        return found[0]

    def date(self, data: dict[str, Any], key: str) -> dt.date | bool | None:
        """Return ``data[key]`` as a date, ``None`` if absent, ``False`` after a problem."""
        value = data.get(key)
        if value is None:
            return None
        if type(value) is str:
            found = self.dates.get(value)
            if found is not None:
                return found
            try:
                found = dt.date.fromisoformat(value)
            except ValueError:
                found = None
            if found is not None:
                if len(self.dates) < _CACHE_LIMIT:
                    self.dates[value] = found
                return found
        self.problem(ProblemCode.WRONG_TYPE, key, f"not a YYYY-MM-DD date (got {_shown(value)})")
        return False

    def active(self, data: dict[str, Any], start: str, end: str) -> bool | None:
        """Whether a record is active on the day; ``None`` after a problem."""
        started = self.date(data, start)
        ended = self.date(data, end)
        if started is False or ended is False:
            return None
        if self.as_of is None:
            return ended is None and data.get("ceased") is not True
        return (started is None or started <= self.as_of) and (ended is None or ended > self.as_of)  # type: ignore[operator]

    def link(self, data: dict[str, Any], company: str) -> str | Literal[False] | None:
        """Return ``links.self`` (``None`` when absent), or ``False`` after a problem."""
        links = data.get("links")
        link = links.get("self") if type(links) is dict else links
        if link is None:
            return None
        if type(link) is str and link.isprintable():
            if link.startswith(self.prefix):
                return link
            parts = link.split("/", 3)
            if len(parts) == 4 and not parts[0] and parts[1] == "company":  # noqa: PLR2004
                number = company_number(parts[2])
                if number is not None and COMPANY_PREFIX + number == company:
                    return link
            msg = (
                f"{_shown(link)} is not an address under /company/"
                f"{company.removeprefix(COMPANY_PREFIX)}/, the line's company"
            )
            self.problem(ProblemCode.UNKNOWN_REFERENCE, "data.links.self", msg)
            return False
        self.problem(
            ProblemCode.WRONG_TYPE,
            "data.links.self",
            f"needs the record's address, a printable string (got {_shown(link)})",
        )
        return False

    # -- statements and exemptions -------------------------------------------------

    def statement(self, company: str, data: dict[str, Any]) -> None:
        link = self.link(data, company)
        code = data.get("statement")
        if link is False:
            return
        if code not in STATEMENTS:
            self.unknown("data.statement", code, STATEMENTS, "statement")
            return
        active = self.active(data, "notified_on", "ceased_on")
        if active is not None:
            key = link if isinstance(link, str) else f"{company}/statement/{code}"
            self.notes[key] = (company, "psc_statements", code) if active else None

    def exemptions(self, company: str, data: dict[str, Any]) -> None:
        """Keep the exemption types of an ``exemptions`` record that apply on the day."""
        link = self.link(data, company)
        found = data.get("exemptions")
        if link is False:
            return
        if type(found) is not dict or len(found) > len(EXEMPTIONS):
            self.problem(
                ProblemCode.WRONG_TYPE,
                "data.exemptions",
                f"needs an object of at most {len(EXEMPTIONS)} exemptions (got {_shown(found)})",
            )
            return
        base = link if isinstance(link, str) else f"{company}/exemptions"
        for name, exemption in found.items():
            field = f"data.exemptions.{name[:40]}"
            code = exemption.get("exemption_type") if type(exemption) is dict else None
            if code not in EXEMPTIONS:
                self.unknown(f"{field}.exemption_type", code, EXEMPTIONS, "exemption")
                continue
            items = exemption.get("items")
            if type(items) is not list or len(items) > MAX_ITEMS:
                msg = f"needs a list of at most {MAX_ITEMS} periods (got {_shown(items)})"
                self.problem(ProblemCode.WRONG_TYPE, f"{field}.items", msg)
                continue
            applies = False
            for j, item in enumerate(items):
                if type(item) is not dict:
                    msg = f"a period is an object (got {_shown(item)})"
                    self.problem(ProblemCode.WRONG_TYPE, f"{field}.items[{j}]", msg)
                    applies = False
                    break
                applies = bool(self.active(item, "exempt_from", "exempt_to")) or applies
            self.notes[f"{base}#{code}"] = (company, "psc_exemptions", code) if applies else None

    # -- persons with significant control --------------------------------------------

    def psc(self, kind: Kind, company: str, data: dict[str, Any]) -> None:  # noqa: C901, PLR0912 - the hot path, kept in one function
        link = self.link(data, company)
        if link is False:
            return
        name = data.get("name", "")
        if type(name) is not str:
            self.problem(
                ProblemCode.WRONG_TYPE, "data.name", f"needs a string (got {_shown(name)})"
            )
            return
        key = link if link is not None else f"{company}/{kind.value}/{name}"
        if link is None and not key.isprintable():
            msg = "a PSC without links.self is known by its name, which must be printable"
            self.problem(ProblemCode.BAD_ID, "data.name", msg)
            return
        notified, ceased = data.get("notified_on"), data.get("ceased_on")
        if (
            ceased is None
            and self.as_of is None
            and (notified is None or notified in self.dates)  # a date seen before
            and data.get("ceased") is not True
        ):
            active: bool | None = True
        else:
            active = self.active(data, "notified_on", "ceased_on")
        if not active:
            if active is False and key in self.pscs:
                self.pscs[key] = None  # an update: the PSC has left the register
            return
        natures = None
        if kind is not Kind.SUPER_SECURE:
            natures = self.read_natures(data.get("natures_of_control"))
            if natures is None:
                return
        holder: str | None
        if kind is Kind.INDIVIDUAL or kind is Kind.SUPER_SECURE:
            holder = key
            record: Person | Entity | None = _person(key, name, self.person_attributes(kind, data))
        else:
            holder, record = self.entity(kind, company, key, name, data)
        if holder is None:
            return
        self.pscs[key] = (record, self.stakes(holder, company, data, natures))
        if natures is not None and natures.weight:  # for the joint holders' test (_joint)
            self.weights[company] = self.weights.get(company, 0.0) + natures.weight

    def read_natures(self, natures: object) -> Natures | None:
        if type(natures) is not list or not natures or len(natures) > MAX_ITEMS:
            self.problem(
                ProblemCode.WRONG_TYPE,
                "data.natures_of_control",
                f"needs a list of 1 to {MAX_ITEMS} natures of control (got {_shown(natures)})",
            )
            return None
        try:
            key: tuple[Any, ...] = tuple(natures)
            found = self.natures.get(key)
        except TypeError:  # an object or a list among them
            key, found = (), None
        if found is None:
            found = read_natures(natures)
            if key and len(self.natures) < _CACHE_LIMIT:
                self.natures[key] = found
        for j in found.bad:
            field = f"data.natures_of_control[{j}]"
            self.unknown(field, natures[j], NATURES, "nature of control")
        return None if found.bad else found

    def entity(
        self, kind: Kind, company: str, key: str, name: str, data: dict[str, Any]
    ) -> tuple[str | None, Entity | None]:
        """Return a corporate or legal-person PSC's id and record.

        The record is ``None`` for a UK company: its entity is the company's own.
        The id is ``None`` after a problem.
        """
        ident = data.get("identification", {})
        if type(ident) is not dict:
            msg = f"needs an object (got {_shown(ident)})"
            self.problem(ProblemCode.WRONG_TYPE, "data.identification", msg)
            return None, None
        about = {k: ident[k] for k in _ENTITY_FIELDS if type(ident.get(k)) is str}
        number = ident.get("registration_number")
        uk = (
            company_number(number)
            if type(number) is str
            and is_uk_register(ident.get("country_registered"), ident.get("place_registered"))
            else None
        )
        if uk is None:
            what = EntityKind.OTHER if kind is Kind.LEGAL_PERSON else EntityKind.COMPANY
            return key, _entity(key, name or key, what, about)
        holder = COMPANY_PREFIX + uk
        if holder == company:
            msg = f"company {uk!r} is named as its own PSC"
            self.problem(ProblemCode.SELF_HOLDING, "data.identification", msg)
            return None, None
        self.names.setdefault(holder, name or uk)
        if about:
            self.about.setdefault(holder, about)
        return holder, None

    def person_attributes(self, kind: Kind, data: dict[str, Any]) -> dict[str, Any]:
        """Return what a person keeps: nationality, country of residence, month of birth."""
        words = self.words
        out: dict[str, Any] = {}
        for key in _PERSON_FIELDS:
            value = data.get(key)
            if type(value) is str:
                out[key] = words.setdefault(value, value) if len(words) < _CACHE_LIMIT else value
        born = data.get("date_of_birth")
        if type(born) is dict:
            year, month = born.get("year"), born.get("month")
            if type(year) is int and type(month) is int and 0 < month <= _MONTHS:
                births = self.births
                text = births.get((year, month))
                if text is None and 0 < year < _YEARS:
                    text = f"{year:04d}-{month:02d}"
                    if len(births) < _CACHE_LIMIT:
                        births[year, month] = text
                if text is not None:
                    out["date_of_birth"] = text
        if kind is Kind.SUPER_SECURE:
            out["super_secure"] = "true"
        return out

    def stakes(
        self, holder: str, company: str, data: dict[str, Any], natures: Natures | None
    ) -> tuple[Stake, ...]:
        """Return the PSC's stakes: direct figures, and those held through a trust or firm."""
        attributes: dict[str, Any] = {"kind": self.kinds[data["kind"]]}
        words = self.words
        for key in ("notified_on", "ceased_on"):
            value = data.get(key)
            if value is not None:  # a date: checked, and repeated on many lines
                attributes[key] = words.setdefault(value, value)
        if natures is None:  # super-secure: what it holds is withheld
            description = data.get("description")
            if type(description) is str:
                attributes["description"] = description
            return (_stake(holder, company, WITHHELD, None, None, (), False, attributes),)
        attributes["natures_of_control"] = natures.codes
        direct, through = natures.direct, natures.indirect
        if through is None:  # the common case
            share, voting, profit, control = direct  # type: ignore[misc]
            return (_stake(holder, company, share, voting, profit, control, False, attributes),)
        out = []
        if direct is not None:
            share, voting, profit, control = direct
            out.append(_stake(holder, company, share, voting, profit, control, False, attributes))
            attributes = dict(attributes)  # each stake its own
        share, voting, profit, control = through
        out.append(_stake(holder, company, share, voting, profit, control, True, attributes))
        return tuple(out)

    # -- the organisation --------------------------------------------------------------

    def build(self, name: str) -> Organization:
        """Return the organisation, or raise :class:`ValidationError` listing the problems."""
        if self.problems:
            problems = list(self.problems)
            if self.more_problems:
                more = f"... and {self.more_problems} more problems not listed"
                problems.append(Problem(ProblemCode.SYNTAX_ERROR, self.source, more))
            raise ValidationError(problems, source=self.source)
        people: list[Person] = []
        outside: dict[str, Entity] = {}
        stakes: list[Stake] = []
        for found in self.pscs.values():
            if found is not None:
                record, held = found
                if type(record) is Person:
                    people.append(record)
                elif type(record) is Entity:
                    outside.setdefault(record.id, record)
                stakes.extend(held)
        entities = self.companies_of_register()
        entities.extend(outside.values())
        maybe = {c for c, weight in self.weights.items() if weight > 1.0 + _EPSILON}
        stakes = mark_joint(stakes, maybe) if maybe else stakes
        return Organization(name=name, people=people, entities=entities, stakes=stakes)

    def companies_of_register(self) -> list[Entity]:
        """Return the companies of the snapshot, then those only its corporate PSCs name."""
        notes: dict[str, dict[str, list[str]]] = defaultdict(dict)
        for note in self.notes.values():
            if note is not None:
                codes = notes[note[0]].setdefault(note[1], [])
                if note[2] not in codes:
                    codes.append(note[2])
        out = []
        for company in (*self.order, *(c for c in self.names if c not in self.order)):
            attributes: dict[str, Any] = {}
            if company in self.about:
                attributes.update(self.about[company])
            if company in notes:
                attributes.update(notes[company])
            name = self.names.get(company) or company.removeprefix(COMPANY_PREFIX)
            out.append(_entity(company, name, _COMPANY, attributes))
        return out
