"""Problems found in an organisation or an input file, as records.

Every check in orgmodel reports what it finds as a :class:`Problem`: a code from
:class:`ProblemCode`, a :class:`Severity`, the place it was found and a message that
names the ids involved and, where it can, the likely fix.  Errors are collected into
one :class:`~orgmodel.exceptions.ValidationError`; warnings are kept on the
organisation (:attr:`orgmodel.Organization.warnings`).

Examples
--------
>>> from orgmodel.model.problems import Problem, ProblemCode
>>> p = Problem(ProblemCode.SELF_MANAGER, "people[2].manager", "'bob' is his own manager")
>>> str(p)
"people[2].manager: 'bob' is his own manager [self-manager]"
"""

from __future__ import annotations

import enum

import attrs

__all__ = ["Problem", "ProblemCode", "Severity"]


class Severity(enum.Enum):
    """How bad a problem is: an error stops loading, a warning is kept and reported."""

    ERROR = "error"
    WARNING = "warning"


class ProblemCode(enum.Enum):
    """The kinds of problem orgmodel reports; the values are stable and documented."""

    # structure of the input
    SYNTAX_ERROR = "syntax-error"
    EMPTY_DOCUMENT = "empty-document"
    WRONG_TYPE = "wrong-type"
    MISSING_KEY = "missing-key"
    UNKNOWN_KEY = "unknown-key"
    UNKNOWN_VALUE = "unknown-value"
    UNSAFE_INPUT = "unsafe-input"
    BAD_ID = "bad-id"
    # identity and references
    DUPLICATE_ID = "duplicate-id"
    UNKNOWN_REFERENCE = "unknown-reference"
    # reporting lines
    SELF_MANAGER = "self-manager"
    REPORTING_CYCLE = "reporting-cycle"
    SEVERAL_MANAGERS = "several-managers"
    DUPLICATE_LINE = "duplicate-line"
    # units
    UNIT_CYCLE = "unit-cycle"
    # vacancies
    VACANT_POST = "vacant-post"
    # ownership
    SHARE_RANGE = "share-range"
    SHARE_OVERFLOW = "share-overflow"
    SELF_HOLDING = "self-holding"
    # warnings
    SEVERAL_ROOTS = "several-roots"
    UNKNOWN_TAG = "unknown-tag"
    UNALLOCATED_SHARES = "unallocated-shares"
    NO_FOCAL_ENTITY = "no-focal-entity"
    COLUMNS_DETECTED = "columns-detected"
    NO_RESPONSIBILITIES = "no-responsibilities"


@attrs.frozen
class Problem:
    """One problem: what it is, where it is, and what to do about it.

    Attributes
    ----------
    code : ProblemCode
        The kind of problem.
    location : str
        Where it is: a path into the document (``people[3].manager``), a file and
        line (``people.csv:14``), or ``""`` for the organisation as a whole.
    message : str
        A sentence naming the ids involved and, where possible, the likely fix.
    severity : Severity
        :attr:`Severity.ERROR` (the default) or :attr:`Severity.WARNING`.
    """

    code: ProblemCode
    location: str
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        return f"{where}{self.message} [{self.code.value}]"

    def to_dict(self) -> dict[str, str]:
        """Return the problem as plain strings, for JSON output.

        Examples
        --------
        >>> Problem(ProblemCode.BAD_ID, "people[0].id", "empty id").to_dict()["code"]
        'bad-id'
        """
        return {
            "code": self.code.value,
            "severity": self.severity.value,
            "location": self.location,
            "message": self.message,
        }
