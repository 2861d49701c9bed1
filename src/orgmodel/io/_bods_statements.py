"""The statements of a BODS 0.4 document, checked and gathered into records.

Each statement describes one version of a record (``recordId``); a later statement
about the same record replaces the earlier, which is kept whole (``history``) so
that writing gives every statement back.  Problems are located by the statement's
place in the document; :func:`~orgmodel.io._bods_read.from_bods` adds its
``statementId`` to each location.
"""

from __future__ import annotations

from typing import Any

import attrs

from orgmodel._suggest import did_you_mean
from orgmodel.io._bods_values import Problems, shown
from orgmodel.model.problems import ProblemCode

__all__ = ["RECORD_STATUSES", "RECORD_TYPES", "Record", "StatementReader"]

#: The record types of BODS 0.4.
RECORD_TYPES = ("entity", "person", "relationship")
#: The record statuses of BODS 0.4.
RECORD_STATUSES = ("new", "updated", "closed")
_STATEMENT_PARTS = ("recordId", "recordType", "recordDetails")


@attrs.define
class Record:
    index: int  # position of the (last) statement in the document
    record_type: str
    details: dict[str, Any]
    status: str | None
    meta: dict[str, Any]  # the statement less its record: ids, dates, annotations ...
    history: list[dict[str, Any]]  # the earlier statements about the record, whole
    record_id: str = ""

    def statement(self) -> dict[str, Any]:
        """Return the statement as it was read."""
        return {
            **self.meta,
            "recordId": self.record_id,
            "recordType": self.record_type,
            "recordDetails": self.details,
        }

    def kept(self) -> dict[str, Any]:
        """Return what a model record keeps of the statement: metadata and history."""
        out = dict(self.meta)
        if self.history:
            out["history"] = self.history
        return out


class StatementReader:
    def __init__(self, statements: list[Any], problems: Problems) -> None:
        self.problems = problems
        self.records: dict[str, Record] = {}
        # records whose statements are broken: references to them are not reported again
        self.broken: set[str] = set()
        for i, statement in enumerate(statements):
            self._statement(i, statement)

    def _statement(self, i: int, statement: object) -> None:
        where = f"statements[{i}]"
        parts = self._parts(where, statement)
        if parts is None:
            return
        record_type, record_id, details, statement = parts
        status = statement.get("recordStatus")
        if not self._sound(where, statement, status):
            return
        earlier = self.records.get(record_id)
        if earlier is not None and earlier.record_type != record_type:
            self.problems.add(
                ProblemCode.DUPLICATE_ID,
                f"{where}.recordId",
                f"record {shown(record_id)} is a {record_type} here but a {earlier.record_type} "
                f"in statements[{earlier.index}]",
            )
            return
        # A later statement about the same record is an update: it replaces the earlier,
        # which is kept whole so that writing gives the same statements back.
        history = [] if earlier is None else [*earlier.history, earlier.statement()]
        meta = {k: v for k, v in statement.items() if k not in _STATEMENT_PARTS}
        self.records[record_id] = Record(i, record_type, details, status, meta, history, record_id)
        self.broken.discard(record_id)

    def _parts(
        self, where: str, statement: object
    ) -> tuple[str, str, dict[str, Any], dict[str, Any]] | None:
        """Return the record type, id and details of *statement*, and it; ``None`` if broken."""
        add = self.problems.add
        if not isinstance(statement, dict):
            msg = f"a statement must be an object (got {shown(statement)})"
            add(ProblemCode.WRONG_TYPE, where, msg)
            return None
        missing = [k for k in ("statementId", "recordType", "recordDetails") if k not in statement]
        for key in missing:
            add(ProblemCode.MISSING_KEY, f"{where}.{key}", f"a statement needs '{key}'")
        if missing:
            return None
        record_type = statement["recordType"]
        record_id = statement.get("recordId", statement["statementId"])
        if isinstance(record_id, str):
            self.broken.add(record_id)  # until the statement proves sound
        if not isinstance(record_type, str) or record_type not in RECORD_TYPES:
            hint = did_you_mean(str(record_type)[:40], RECORD_TYPES)
            msg = f"unknown record type {shown(record_type)}{hint}; expected one of " + ", ".join(
                RECORD_TYPES
            )
            add(ProblemCode.UNKNOWN_VALUE, f"{where}.recordType", msg)
            return None
        details = statement["recordDetails"]
        if not isinstance(details, dict):
            msg = f"'recordDetails' must be an object (got {shown(details)})"
            add(ProblemCode.WRONG_TYPE, f"{where}.recordDetails", msg)
            return None
        if not isinstance(record_id, str) or not record_id:
            key = "recordId" if "recordId" in statement else "statementId"
            msg = f"'{key}' must be a non-empty string (got {shown(record_id)})"
            add(ProblemCode.WRONG_TYPE, f"{where}.{key}", msg)
            return None
        return record_type, record_id, details, statement

    def _sound(self, where: str, statement: dict[str, Any], status: object) -> bool:
        """Check the statement's id and status; report what is wrong."""
        ok = True
        sid = statement["statementId"]
        if not isinstance(sid, str) or not sid:
            msg = f"'statementId' must be a non-empty string (got {shown(sid)})"
            self.problems.add(ProblemCode.WRONG_TYPE, f"{where}.statementId", msg)
            ok = False
        if status is not None and (not isinstance(status, str) or status not in RECORD_STATUSES):
            hint = did_you_mean(str(status)[:40], RECORD_STATUSES)
            msg = f"unknown record status {shown(status)}{hint}; expected one of " + ", ".join(
                RECORD_STATUSES
            )
            self.problems.add(ProblemCode.UNKNOWN_VALUE, f"{where}.recordStatus", msg)
            ok = False
        return ok
