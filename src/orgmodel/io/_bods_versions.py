"""BODS versions: which one a document is in, and 0.2/0.3 statements in 0.4's shape.

BODS 0.2 and 0.3 (2019, 2022) publish *statements* with ``statementID`` and
``statementType`` (``personStatement``, ``entityStatement``,
``ownershipOrControlStatement``); a relationship points at the statements that
describe its parties (``subject.describedByEntityStatement``), and a later statement
names those it replaces (``replacesStatements``).  BODS 0.4 (2024) publishes
*records* with ``recordId``, ``recordType`` and ``recordDetails``.  orgmodel reads
all three by rewriting 0.2 and 0.3 statements into the 0.4 shape first
(:func:`upgrade`); ``docs/bods.md`` has the table.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from orgmodel.model.exceptions import ValidationError
from orgmodel.model.problems import Problem, ProblemCode

__all__ = ["SUPPORTED", "detect_version", "upgrade"]

#: The versions read; the last is the one written.
SUPPORTED = ("0.2", "0.3", "0.4")

_TYPES = {
    "personStatement": "person",
    "entityStatement": "entity",
    "ownershipOrControlStatement": "relationship",
}
# 0.2's hyphenated codes (and 0.2/0.3 trust codes) in 0.4's camelCase
_INTERESTS = {
    "settlor-of-trust": "settlor",
    "trustee-of-trust": "trustee",
    "protector-of-trust": "protector",
    "beneficiary-of-trust": "beneficiaryOfLegalArrangement",
    "other-influence-or-control-of-trust": "otherInfluenceOrControl",
    "influence-or-control": "otherInfluenceOrControl",
    "rights-to-surplus-assets": "rightsToSurplusAssetsOnDissolution",
    "settlorOfTrust": "settlor",
    "trusteeOfTrust": "trustee",
    "protectorOfTrust": "protector",
    "beneficiaryOfTrust": "beneficiaryOfLegalArrangement",
    "otherInfluenceOrControlOfTrust": "otherInfluenceOrControl",
}
_STATEMENT_KEYS = (
    "statementID",
    "statementType",
    "statementDate",
    "publicationDetails",
    "source",
    "annotations",
    "replacesStatements",
)
_VERSION = re.compile(r"\d+\.\d+")  # bounded: digits, a dot, digits; no nesting


def _camel(code: object) -> object:
    if not isinstance(code, str):
        return code
    if code in _INTERESTS:
        return _INTERESTS[code]
    if "-" not in code:
        return code
    head, *rest = code.split("-")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def detect_version(statements: list[Any], source: str) -> str:
    """Return the BODS version of *statements*: declared, else told from their shape.

    Raises
    ------
    ValidationError
        Naming the version found and the versions supported, when it is another.

    Examples
    --------
    >>> detect_version([{"statementID": "a", "statementType": "personStatement"}], "x")
    '0.3'
    >>> detect_version([{"publicationDetails": {"bodsVersion": "0.1"}}], "x")
    Traceback (most recent call last):
    ...
    orgmodel.exceptions.ValidationError: 1 problem in x:
      - statements[0].publicationDetails.bodsVersion: BODS version '0.1' is not read; ...
    """
    for i, statement in enumerate(statements):
        if not isinstance(statement, Mapping):
            continue
        details = statement.get("publicationDetails")
        version = details.get("bodsVersion") if isinstance(details, Mapping) else None
        if version is None:
            continue
        if version not in SUPPORTED:
            shown = repr(version) if not isinstance(version, str) else repr(version[:20])
            where = f"statements[{i}].publicationDetails.bodsVersion"
            msg = (
                f"BODS version {shown} is not read; orgmodel reads BODS "
                + ", ".join(SUPPORTED)
                + (
                    " (write the version as major.minor, such as '0.4')"
                    if not (isinstance(version, str) and _VERSION.fullmatch(version))
                    else ""
                )
            )
            raise ValidationError([Problem(ProblemCode.UNKNOWN_VALUE, where, msg)], source=source)
        return str(version)
    shaped = [s for s in statements if isinstance(s, Mapping)]
    if any("recordType" in s for s in shaped):
        return "0.4"
    return "0.3"


def _party(value: object, record_of: Mapping[str, str]) -> object:
    """Return a 0.2/0.3 ``subject`` or ``interestedParty`` in 0.4's form.

    A party named by the statement that describes it is named by that statement's
    record: a later statement about the same person or entity is the same record.
    """
    if not isinstance(value, Mapping):
        return value
    for key in ("describedByEntityStatement", "describedByPersonStatement"):
        if key in value:
            described = value[key]
            return record_of.get(described, described) if isinstance(described, str) else described
    unspecified = value.get("unspecified")
    if isinstance(unspecified, Mapping):
        out = dict(unspecified)
        if "reason" in out:
            out["reason"] = _camel(out["reason"])
        return out
    return value


def _share(value: object) -> object:
    """Return a 0.2/0.3 share (boolean ``exclusive*`` flags) in 0.4's form (numeric keys).

    In 0.2 and 0.3 the minimum is inclusive and the maximum exclusive by default.
    """
    if not isinstance(value, Mapping):
        return value
    share = dict(value)
    if "exact" in share:
        share.pop("exclusiveMinimum", None)
        share.pop("exclusiveMaximum", None)
        return share
    low_open = share.pop("exclusiveMinimum", False)
    high_open = share.pop("exclusiveMaximum", True)
    if low_open is True and "minimum" in share:
        share["exclusiveMinimum"] = share.pop("minimum")
    if high_open is True and "maximum" in share:
        share["exclusiveMaximum"] = share.pop("maximum")
    return share


def _interest(value: object) -> object:
    if not isinstance(value, Mapping):
        return value
    interest = dict(value)
    if "interestLevel" in interest:
        interest["directOrIndirect"] = interest.pop("interestLevel")
    if "type" in interest:
        interest["type"] = _camel(interest["type"])
    if "share" in interest:
        interest["share"] = _share(interest["share"])
    return interest


def upgrade(statements: list[Any]) -> list[Any]:
    """Rewrite 0.2/0.3 statements in the 0.4 shape; anything unreadable is left as it is.

    A statement's ``recordId`` is the ``statementID`` of the first statement in its
    chain of ``replacesStatements``, so later versions of a record update it.

    Examples
    --------
    >>> old = [
    ...     {
    ...         "statementID": "e1",
    ...         "statementType": "entityStatement",
    ...         "name": "Co",
    ...         "entityType": "registeredEntity",
    ...     },
    ...     {
    ...         "statementID": "r1",
    ...         "statementType": "ownershipOrControlStatement",
    ...         "subject": {"describedByEntityStatement": "e1"},
    ...         "interestedParty": {"unspecified": {"reason": "no-beneficial-owners"}},
    ...         "interests": [],
    ...     },
    ... ]
    >>> [s["recordType"] for s in upgrade(old)], upgrade(old)[1]["recordDetails"]["interestedParty"]
    (['entity', 'relationship'], {'reason': 'noBeneficialOwners'})
    """
    record_of: dict[str, str] = {}
    out: list[Any] = []
    for statement in statements:
        kind_of = statement.get("statementType") if isinstance(statement, Mapping) else None
        if not isinstance(kind_of, str) or kind_of not in _TYPES:
            out.append(statement)
            continue
        sid = statement.get("statementID")
        record = sid
        replaced = statement.get("replacesStatements")
        if isinstance(replaced, list):
            for earlier in replaced:
                if isinstance(earlier, str) and earlier in record_of:
                    record = record_of[earlier]
                    break
        if isinstance(sid, str) and isinstance(record, str):
            record_of[sid] = record
        details = {k: v for k, v in statement.items() if k not in _STATEMENT_KEYS}
        kind = _TYPES[kind_of]
        _REWRITE[kind](details, record_of)
        new: dict[str, Any] = {
            "statementId": sid,
            "recordId": record,
            "recordType": kind,
            "recordDetails": details,
        }
        for key in ("statementDate", "publicationDetails", "source", "annotations"):
            if key in statement:
                new[key] = statement[key]
        if isinstance(replaced, list) and replaced:
            new["recordStatus"] = "updated"
        out.append(new)
    return out


def _relationship(details: dict[str, Any], record_of: dict[str, str]) -> None:
    for key in ("subject", "interestedParty"):
        if key in details:
            details[key] = _party(details[key], record_of)
    if isinstance(details.get("interests"), list):
        details["interests"] = [_interest(i) for i in details["interests"]]
    ids = details.pop("componentStatementIDs", None)
    if isinstance(ids, list):
        details["componentRecords"] = [
            record_of.get(i, i) if isinstance(i, str) else i for i in ids
        ]


def _entity(details: dict[str, Any], _record_of: dict[str, str]) -> None:
    if isinstance(details.get("entityType"), str):
        details["entityType"] = {"type": details["entityType"]}
    subtype = details.pop("entitySubtype", None)
    if isinstance(subtype, Mapping) and isinstance(details.get("entityType"), dict):
        category = subtype.get("generalCategory")
        if isinstance(category, str):
            details["entityType"]["subtype"] = category.rsplit("-", 1)[-1]


def _person(details: dict[str, Any], _record_of: dict[str, str]) -> None:
    if isinstance(details.get("unspecifiedPersonDetails"), Mapping):
        unspecified = dict(details["unspecifiedPersonDetails"])
        if "reason" in unspecified:
            unspecified["reason"] = _camel(unspecified["reason"])
        details["unspecifiedPersonDetails"] = unspecified


_REWRITE = {"relationship": _relationship, "entity": _entity, "person": _person}
