"""Companies House "persons with significant control" (PSC) snapshots, read as a stream.

The snapshot is JSON lines, one PSC a line::

    {"company_number": "09876543", "data": {"kind": "individual-person-with-significant-control",
     "name": "...", "natures_of_control": ["ownership-of-shares-25-to-50-percent"],
     "notified_on": "2016-04-06", "ceased_on": null, ...}}

Each company becomes an :class:`~orgmodel.model.Entity` (id ``GB-COH-<number>``);
each PSC a holder: a :class:`~orgmodel.model.Person` for individuals, an entity for
corporate and legal-person PSCs — the company's own entity when its
``identification.registration_number`` is a company in the snapshot (registered in
the UK), so chains are looked through.  Natures of control become the stake's
figures (``docs/bods.md`` and ``docs/ownership-rules.md`` give the table):

================================================  ============================
nature of control (``-as-trust``/``-as-firm`` too)  figure
================================================  ============================
``ownership-of-shares-25-to-50-percent``          share ``(25-50]%``
``ownership-of-shares-50-to-75-percent``          share ``(50-75)%``
``ownership-of-shares-75-to-100-percent``         share ``[75-100]%``
``voting-rights-…``                               votes, the same bands
``right-to-share-surplus-assets-…`` (LLPs)        profit share, the same bands
``right-to-appoint-and-remove-directors``/members  control ``board_appointment``
``significant-influence-or-control``              control ``significant_influence``
================================================  ============================

The bands are the statutory ones (The Register of People with Significant Control
Regulations 2016, Schedule 1 Part 3): "more than 25% but not more than 50%", "more
than 50% but less than 75%", "75% or more".  A PSC with control and no ownership
band holds share 0 with its control.  Ceased PSCs (``ceased_on``) are left out,
unless ``as_of`` is a date on which they were active; PSCs notified after ``as_of``
are left out too.  Statements (``persons-with-significant-control-statement``) and
exemptions name no holder and are skipped.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from orgmodel.model import Control, Entity, EntityKind, Organization, Person, Share, Stake
from orgmodel.model.exceptions import ValidationError
from orgmodel.model.problems import Problem, ProblemCode

__all__ = ["BANDS", "COMPANY_PREFIX", "from_psc_lines", "read_psc"]

#: Entity ids of companies: the org-id.guide scheme of Companies House, then the number.
COMPANY_PREFIX = "GB-COH-"
_B25 = Share.between(0.25, 0.5, lower_open=True)
_B50 = Share.between(0.5, 0.75, lower_open=True, upper_open=True)
_B75 = Share.between(0.75, 1.0)
#: Band suffixes of natures of control and the share each stands for.
BANDS = {"25-to-50-percent": _B25, "50-to-75-percent": _B50, "75-to-100-percent": _B75}
_MEASURE = {
    "ownership-of-shares": "share",
    "voting-rights": "voting",
    "right-to-share-surplus-assets": "profit_share",
    "part-right-to-share-surplus-assets": "profit_share",
}
_CONTROL = {
    "right-to-appoint-and-remove-directors": Control.BOARD_APPOINTMENT,
    "right-to-appoint-and-remove-members": Control.BOARD_APPOINTMENT,
    "right-to-appoint-and-remove-person": Control.BOARD_APPOINTMENT,
    "significant-influence-or-control": Control.SIGNIFICANT_INFLUENCE,
}
_SUFFIXES = ("-as-trust", "-as-firm", "-limited-liability-partnership")
_HOLDER_KINDS = {
    "individual-person-with-significant-control": "person",
    "individual-beneficial-owner": "person",
    "corporate-entity-person-with-significant-control": "entity",
    "corporate-entity-beneficial-owner": "entity",
    "legal-person-person-with-significant-control": "entity",
    "legal-person-beneficial-owner": "entity",
    "super-secure-person-with-significant-control": "person",
    "super-secure-beneficial-owner": "person",
}
_MAX_LINE = 1 << 20  # 1 MiB: no PSC line comes near it
_MAX_NATURES = 64


def _nature(code: str) -> tuple[str, Share | Control] | None:
    for suffix in _SUFFIXES:
        code = code.removesuffix(suffix)
    if code in _CONTROL:
        return "control", _CONTROL[code]
    for prefix, measure in _MEASURE.items():
        for band, share in BANDS.items():
            if code == f"{prefix}-{band}":
                return measure, share
    return None


def _date(value: object, where: str, problems: list[Problem]) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    problems.append(
        Problem(ProblemCode.WRONG_TYPE, where, f"not a YYYY-MM-DD date (got {value!r})")
    )
    return None


class _Builder:
    def __init__(self, source: str, as_of: dt.date | None) -> None:
        self.source = source
        self.as_of = as_of
        self.problems: list[Problem] = []
        self.companies: dict[str, None] = {}
        self.people: dict[str, Person] = {}
        self.outside: dict[str, tuple[str, str]] = {}  # corporate PSC id -> (name, number)
        self.stakes: list[Stake] = []

    def line(self, number: int, text: str) -> None:
        where = f"{self.source}:{number}"
        if len(text) > _MAX_LINE:
            self.problems.append(Problem(ProblemCode.SYNTAX_ERROR, where, "a line of over 1 MiB"))
            return
        try:
            record = json.loads(text)
        except (ValueError, RecursionError) as err:
            msg = f"not a JSON object: {str(err)[:80]}"
            self.problems.append(Problem(ProblemCode.SYNTAX_ERROR, where, msg))
            return
        if not isinstance(record, dict):
            self.problems.append(Problem(ProblemCode.WRONG_TYPE, where, "a line must be an object"))
            return
        self.record(record, where)

    def record(self, record: dict[str, Any], where: str) -> None:  # noqa: C901, PLR0911, PLR0912
        company = record.get("company_number")
        data = record.get("data")
        if not isinstance(company, str) or not company.strip():
            self.problems.append(
                Problem(
                    ProblemCode.MISSING_KEY,
                    f"{where}.company_number",
                    "needs 'company_number', a string",
                )
            )
            return
        if not isinstance(data, dict):
            self.problems.append(
                Problem(ProblemCode.MISSING_KEY, f"{where}.data", "needs 'data', an object")
            )
            return
        company_id = COMPANY_PREFIX + company.strip().upper()
        self.companies.setdefault(company_id, None)
        holder_kind = _HOLDER_KINDS.get(data.get("kind"))  # type: ignore[arg-type]
        if holder_kind is None:
            return  # a statement or an exemption: no holder
        natures = data.get("natures_of_control", [])
        if not isinstance(natures, list) or len(natures) > _MAX_NATURES:
            msg = f"'natures_of_control' must be a list of at most {_MAX_NATURES} codes"
            self.problems.append(
                Problem(ProblemCode.WRONG_TYPE, f"{where}.data.natures_of_control", msg)
            )
            return
        notified = _date(data.get("notified_on"), f"{where}.data.notified_on", self.problems)
        ceased = _date(data.get("ceased_on"), f"{where}.data.ceased_on", self.problems)
        if self.as_of is None:
            if ceased is not None or data.get("ceased") is True:
                return
        elif (notified is not None and notified > self.as_of) or (
            ceased is not None and ceased <= self.as_of
        ):
            return
        figures: dict[str, Share] = {}
        control: list[Control] = []
        for j, code in enumerate(natures):
            found = _nature(code) if isinstance(code, str) else None
            if found is None:
                msg = f"unknown nature of control {code!r}"
                self.problems.append(
                    Problem(ProblemCode.UNKNOWN_VALUE, f"{where}.data.natures_of_control[{j}]", msg)
                )
                continue
            measure, value = found
            if isinstance(value, Control):
                if value not in control:
                    control.append(value)
            else:
                figures[measure] = value
        name = data.get("name")
        if not isinstance(name, str):
            name = ""
        links = data.get("links")
        link = links.get("self") if isinstance(links, dict) else None
        holder = self.holder(holder_kind, data, name=name, link=link, company_id=company_id)
        if holder is None:
            return
        if holder == company_id:
            msg = f"company {company!r} is its own PSC"
            self.problems.append(Problem(ProblemCode.SELF_HOLDING, where, msg))
            return
        attributes: dict[str, Any] = {
            "psc": {
                k: v
                for k, v in data.items()
                if k in ("kind", "natures_of_control", "notified_on", "ceased_on", "etag")
            }
        }
        self.stakes.append(
            Stake(
                holder,
                company_id,
                figures.get("share", Share.exact(0.0)),
                voting=figures.get("voting"),
                profit_share=figures.get("profit_share"),
                control=control,
                attributes=attributes,
            )
        )

    def holder(
        self, kind: str, data: dict[str, Any], *, name: str, link: object, company_id: str
    ) -> str | None:
        if kind == "entity":
            ident = data.get("identification")
            number = ident.get("registration_number") if isinstance(ident, dict) else None
            if isinstance(number, str) and number.strip():
                key = number.strip().upper().replace(" ", "")
                if key.isdigit() and len(key) < 8:  # noqa: PLR2004 - Companies House pads to 8
                    key = key.zfill(8)
                holder = COMPANY_PREFIX + key
                self.outside.setdefault(holder, (name or holder, key))
                return holder
            holder = f"psc:{link}" if isinstance(link, str) else f"psc:{company_id}:{name}"
            self.outside.setdefault(holder, (name or holder, ""))
            return holder
        holder = f"psc:{link}" if isinstance(link, str) else f"psc:{company_id}:{name}"
        if holder not in self.people:
            self.people[holder] = Person(holder, name)
        return holder

    def build(self, name: str) -> Organization:
        if self.problems:
            raise ValidationError(self.problems, source=self.source)
        entities = [
            Entity(c, c.removeprefix(COMPANY_PREFIX), kind=EntityKind.COMPANY)
            for c in self.companies
        ]
        for holder, (shown, number) in self.outside.items():
            if holder in self.companies:
                continue
            entities.append(
                Entity(holder, shown, attributes={"registration_number": number} if number else {})
            )
        return Organization(
            name=name, people=list(self.people.values()), entities=entities, stakes=self.stakes
        )


def from_psc_lines(
    lines: Iterable[str], *, source: str = "<psc>", as_of: dt.date | str | None = None
) -> Organization:
    """Read PSC snapshot lines (one JSON object a line) into an organisation.

    Parameters
    ----------
    lines : iterable of str
        The lines; blank ones are skipped.  Read one at a time, so a file object
        streams.
    source : str
        Where the lines came from, for error messages (``snapshot.txt:14``).
    as_of : date or str, optional
        Keep the PSCs active on this date (notified on or before it, not ceased by
        it); by default the current ones (not ceased).

    Raises
    ------
    ValidationError
        Listing every bad line with its number and field.

    Examples
    --------
    >>> lines = [
    ...     '{"company_number": "01234567", "data": {"kind": '
    ...     '"individual-person-with-significant-control", "name": "Ann Lee", '
    ...     '"natures_of_control": ["ownership-of-shares-25-to-50-percent"], '
    ...     '"links": {"self": "/company/01234567/persons-with-significant-control/individual/a1"},'
    ...     ' "notified_on": "2016-04-06"}}'
    ... ]
    >>> org = from_psc_lines(lines)
    >>> [(s.holder.rsplit("/", 1)[-1], s.entity, str(s.share)) for s in org.stakes]
    [('a1', 'GB-COH-01234567', '(25–50]%')]
    """
    when = dt.date.fromisoformat(as_of) if isinstance(as_of, str) else as_of
    builder = _Builder(source, when)
    for number, text in enumerate(lines, start=1):
        if text.strip():
            builder.line(number, text)
    return builder.build(source)


def read_psc(path: str | Path, *, as_of: dt.date | str | None = None) -> Organization:
    r"""Read a PSC snapshot file, streaming its lines (see :func:`from_psc_lines`).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "psc.txt").write_text(
    ...     '{"company_number": "00000001", "data": {"kind": '
    ...     '"corporate-entity-person-with-significant-control", "name": "Hold Ltd", '
    ...     '"identification": {"registration_number": "2"}, '
    ...     '"natures_of_control": ["voting-rights-75-to-100-percent"]}}\n'
    ... )
    >>> org = read_psc(folder / "psc.txt")
    >>> [(s.holder, str(s.voting)) for s in org.stakes]
    [('GB-COH-00000002', '75–100%')]
    """
    where = Path(path)
    with where.open(encoding="utf-8") as handle:
        return from_psc_lines(_lines(handle), source=str(where), as_of=as_of)


def _lines(handle: Iterable[str]) -> Iterator[str]:
    yield from handle
