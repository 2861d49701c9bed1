"""Which column of a table holds what: one documented table of header synonyms.

A header is matched case-, space- and punctuation-insensitively (``Employee ID``,
``employee_id`` and ``EmployeeID`` are one header).  :data:`SYNONYMS` lists, for each
:class:`Field`, the headers that mean it, best first; docs/bring-your-own-data.md
prints the table.  :func:`detect` maps a header row, with any overrides the caller
gives, and says what it could not map.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping, Sequence
from typing import Final

import attrs

from orgmodel._suggest import did_you_mean
from orgmodel.io._csv_layout import PEOPLE
from orgmodel.model.exceptions import OptionError, ValidationError
from orgmodel.model.problems import Problem, ProblemCode

__all__ = [
    "ATTRIBUTE_KEYS",
    "OWN_HEADERS",
    "SYNONYMS",
    "ColumnMap",
    "Field",
    "detect",
    "normal",
]


class Field(enum.Enum):
    """What a column can hold; the value is the name used in ``columns=`` overrides."""

    ID = "id"
    NAME = "name"
    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    PREFERRED_NAME = "preferred_name"
    TITLE = "title"
    MANAGER = "manager"
    DOTTED = "dotted"
    BUSINESS_UNIT = "business_unit"
    DIVISION = "division"
    UNIT = "unit"
    TEAM = "team"
    EMAIL = "email"
    EMPLOYMENT = "employment"
    ASSISTANT = "assistant"
    LOCATION = "location"
    FTE = "fte"
    GRADE = "grade"
    SALARY = "salary"
    COST = "cost"
    VACANT = "vacant"
    RESPONSIBILITIES = "responsibilities"
    DN = "dn"


def normal(header: str) -> str:
    """Return *header* without case, spaces or punctuation, for matching (``#`` is "number").

    Examples
    --------
    >>> normal(" Employee ID"), normal("reportsTo.associateOID"), normal("Salary Cost (£)")
    ('employeeid', 'reportstoassociateoid', 'salarycost')
    >>> normal("Employee #")
    'employeenumber'
    """
    return _PUNCTUATION.sub("", header.casefold().replace("#", "number"))


_PUNCTUATION = re.compile(r"[\W_]+")

#: The headers that mean each field, best first (matched through :func:`normal`).
SYNONYMS: Final[dict[Field, tuple[str, ...]]] = {
    Field.ID: (
        "id",
        "employee id",
        "employee number",
        "employee no",
        "emp id",
        "emp no",
        "person id",
        "person number",
        "personid",
        "worker id",
        "staff id",
        "staff number",
        "EID",
        "associateOID",
        "associate id",
        "user id",
        "post unique reference",
        "position id",
        "unique identifier",
    ),
    Field.NAME: (
        "name",
        "full name",
        "employee name",
        "display name",
        "displayName",
        "person name",
        "worker",
        "employee",
        "legal name",
        "associate name",
    ),
    Field.FIRST_NAME: ("first name", "firstName", "given name", "givenName", "forename"),
    Field.LAST_NAME: ("last name", "lastName", "surname", "family name", "familyName"),
    Field.PREFERRED_NAME: (
        "preferred name",
        "preferredName",
        "preferred first name",
        "known as",
        "nickname",
    ),
    Field.TITLE: (
        "title",
        "job title",
        "jobTitle",
        "position",
        "positionName",
        "position title",
        "role",
        "job",
        "job name",
        "business title",
        "designation",
        "job title description",
    ),
    Field.MANAGER: (
        # ids first, then e-mail addresses, then names: the best column wins
        "manager_id",
        "manager id",
        "supervisor id",
        "SupervisorID",
        "Supervisor EID",
        "reports to id",
        "parentId",
        "parent id",
        "boss id",
        "manager employee id",
        "manager employee number",
        "line manager id",
        "reports_to_id_in_company",
        "reportsTo.associateOID",
        "reports to associate id",
        "Reports to Senior Post",
        "Reporting Senior Post",
        "manager email",
        "manager e-mail",
        "supervisor email",
        "manager",
        "reports to",
        "Reports_To",
        "reporting to",
        "supervisor",
        "boss",
        "parent",
        "line manager",
        "manager name",
        "supervisor name",
        "reports to name",
    ),
    Field.DOTTED: (
        "dotted_manager_ids",
        "dotted line manager",
        "dotted line manager id",
        "dotted-line manager",
        "matrix manager",
        "matrix manager id",
        "secondary manager",
        "functional manager",
    ),
    Field.BUSINESS_UNIT: ("business unit", "businessUnit", "organisation", "organization"),
    Field.DIVISION: ("division", "directorate", "group"),
    Field.UNIT: (
        "unit",
        "department",
        "dept",
        "department name",
        "home department",
        "org unit",
        "organisational unit",
        "organizational unit",
        "cost center name",
        "home department description",
        "department description",
    ),
    Field.TEAM: ("team", "team name", "sub department", "subdepartment", "section"),
    Field.EMAIL: (
        "email",
        "e-mail",
        "work email",
        "email address",
        "work e-mail",
        "mail",
        "primaryEmail",
        "userPrincipalName",
        "contact e-mail",
        "contact email",
        "work contact work email",
    ),
    Field.EMPLOYMENT: (
        "employment",
        "employment type",
        "employmentType",
        "employee type",
        "worker type",
        "contract type",
        "employment status",
        "worker category description",
    ),
    Field.ASSISTANT: ("IsAssistant", "assistant", "is assistant"),
    Field.LOCATION: ("location", "office", "work location", "site", "city", "officeLocation"),
    Field.FTE: ("fte", "full time equivalent", "fte value", "number of posts in fte"),
    Field.GRADE: ("grade", "grade (or equivalent)", "pay grade", "job grade", "level", "band"),
    Field.SALARY: ("salary", "annual salary", "base salary", "base pay", "pay", "compensation"),
    Field.COST: ("cost", "salary cost of reports", "total cost", "cost of post"),
    Field.VACANT: ("vacant", "is vacant", "vacancy", "position status", "post status"),
    Field.RESPONSIBILITIES: ("responsibilities",),
    Field.DN: ("dn", "distinguished name", "distinguishedName"),
}

#: The attribute each attribute-like field is kept under.
ATTRIBUTE_KEYS: Final[dict[Field, str]] = {
    Field.EMAIL: "email",
    Field.ASSISTANT: "assistant",
    Field.LOCATION: "location",
    Field.FTE: "fte",
    Field.GRADE: "grade",
    Field.SALARY: "salary",
    Field.COST: "cost",
    Field.DN: "dn",
}

#: The headers of orgmodel's own CSV layout (people.csv), normalised.
OWN_HEADERS: Final = frozenset(normal(h) for h in PEOPLE.columns)

_LOOKUP: Final[dict[str, tuple[Field, int]]] = {}
for _field, _names in SYNONYMS.items():
    for _rank, _name in enumerate(_names):
        _LOOKUP.setdefault(normal(_name), (_field, _rank))
del _field, _names, _name, _rank


def field_of(header: str) -> Field | None:
    """Return the field *header* names, or ``None``.

    Examples
    --------
    >>> field_of("Supervisor EID"), field_of("Shoe size")
    (<Field.MANAGER: 'manager'>, None)
    """
    found = _LOOKUP.get(normal(header))
    return found[0] if found is not None else None


@attrs.frozen
class ColumnMap:
    """The columns of one table: the field each holds, and the attribute columns.

    Attributes
    ----------
    fields : dict of Field to int
        The column index of each field found.
    headers : tuple of str
        The header row as read.
    attributes : tuple of int
        The columns kept as plain attributes (under their header).
    overridden : frozenset of Field
        The fields the caller named a column for.
    """

    fields: dict[Field, int]
    headers: tuple[str, ...]
    attributes: tuple[int, ...]
    overridden: frozenset[Field] = frozenset()

    def header(self, field: Field) -> str:
        """Return the header of *field*'s column."""
        return self.headers[self.fields[field]]

    def describe(self) -> str:
        """Say what was detected: each mapping, then the columns kept as attributes."""
        parts = [f"{self.headers[i]!r} → {f.value}" for f, i in self.fields.items()]
        text = ", ".join(parts)
        if self.attributes:
            kept = ", ".join(repr(self.headers[i]) for i in self.attributes)
            text += f"; kept as attributes: {kept}"
        return text


def _override(
    columns: Mapping[str, str], headers: Sequence[str], file: str
) -> tuple[dict[Field, int], list[Problem]]:
    fields: dict[Field, int] = {}
    problems: list[Problem] = []
    allowed = [f.value for f in Field]
    by_normal: dict[str, int] = {}
    for position, raw in enumerate(headers):
        by_normal.setdefault(normal(raw), position)
    for key, header in columns.items():
        field = next((f for f in Field if f.value == key), None)
        if field is None:
            msg = (
                f"unknown field {key!r} in columns=; the fields are {', '.join(allowed)}"
                f"{did_you_mean(str(key), allowed)}"
            )
            raise OptionError(msg)
        if not isinstance(header, str):  # a caller's mistake that typing cannot stop
            msg = f"columns={{{key!r}: ...}} must name a header (got {header!r})"  # type: ignore[unreachable]
            raise OptionError(msg)
        index: int | None = (
            headers.index(header) if header in headers else by_normal.get(normal(header))
        )
        if index is None:
            problems.append(
                Problem(
                    ProblemCode.MISSING_KEY,
                    f"{file}:1",
                    f"{file} has no column {header!r} (given for {key}); the headers are "
                    f"{_listing(headers)}{did_you_mean(header, headers)}",
                )
            )
            continue
        fields[field] = index
    return fields, problems


def detect(
    headers: Sequence[str],
    file: str,
    columns: Mapping[str, str] | None = None,
    *,
    source: str | None = None,
) -> ColumnMap:
    """Map *headers* to fields through :data:`SYNONYMS`, then apply *columns*.

    When several columns name one field, the one whose header comes first in the
    field's synonyms wins (``Manager ID`` over ``Manager Name``); the others are
    kept as attributes.

    Raises
    ------
    OptionError
        When *columns* names a field that does not exist.
    ValidationError
        When a header given in *columns* is not in the table, or when nothing names
        the people (no name, or first and last name, column): listing the headers
        found, the fields missing and a did-you-mean.

    Examples
    --------
    >>> found = detect(["Employee ID", "Full Name", "Reports To", "Shoe size"], "hr.csv")
    >>> print(found.describe())
    'Employee ID' → id, 'Full Name' → name, 'Reports To' → manager; kept as attributes: 'Shoe size'
    """
    fixed, problems = _override(columns or {}, headers, file)
    taken = set(fixed.values())
    best: dict[Field, tuple[int, int]] = {}  # field → (rank of its synonym, column)
    for index, raw in enumerate(headers):
        found = None if index in taken else _LOOKUP.get(normal(raw))
        if found is None or found[0] in fixed:
            continue
        field, rank = found
        if field not in best or rank < best[field][0]:
            best[field] = (rank, index)
    fields = {field: index for field, (_, index) in best.items()}
    fields.update(fixed)
    fields = dict(sorted(fields.items(), key=lambda item: item[1]))
    used = set(fields.values())
    attributes = tuple(i for i, raw in enumerate(headers) if i not in used and raw.strip())
    named = {Field.NAME, Field.FIRST_NAME, Field.LAST_NAME, Field.PREFERRED_NAME}
    if not problems and not named & set(fields):
        problems.append(_unmapped(headers, file, has_id=Field.ID in fields))
    if problems:
        raise ValidationError(problems, source=source or file)
    return ColumnMap(fields, tuple(headers), attributes, frozenset(fixed))


def _listing(headers: Sequence[str]) -> str:
    return ", ".join(repr(h) for h in headers) or "(none)"


def _unmapped(headers: Sequence[str], file: str, *, has_id: bool) -> Problem:
    if not any(h.strip() for h in headers):
        return Problem(ProblemCode.EMPTY_DOCUMENT, file, f"{file} is empty; it needs a header row")
    words = [h for h in headers if h.strip()]
    pool = [name for field in _NAMED for name in SYNONYMS[field]]
    if not has_id:
        pool.extend(SYNONYMS[Field.ID])
    hints = "".join(
        hint.replace(" — did you mean", f"; {h!r}: did you mean")
        for h in words
        if (hint := did_you_mean(h, pool))
    ) or did_you_mean("name", words)
    missing = "name (or first and last name)" + ("" if has_id else ", and an id")
    message = (
        f"cannot tell who the people are: no column names them. Headers found: "
        f"{_listing(headers)}. Missing: {missing}; give it with "
        f"columns={{'name': 'Your Header'}} (--column name='Your Header'){hints}"
    )
    return Problem(ProblemCode.MISSING_KEY, f"{file}:1", message)


_NAMED = (Field.NAME, Field.FIRST_NAME, Field.LAST_NAME)
