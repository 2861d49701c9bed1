"""Small BODS 0.4 documents built in tests: one statement per call."""

from __future__ import annotations

from typing import Any


def entity(record: str, name: str, kind: str = "registeredEntity", **more: Any) -> dict[str, Any]:
    """An entity statement; ``subtype=`` goes into ``entityType``."""
    entity_type = {"type": kind}
    if "subtype" in more:
        entity_type["subtype"] = more.pop("subtype")
    details = {"isComponent": False, "entityType": entity_type, "name": name, **more}
    return _statement("entity", record, details)


def person(record: str, name: str | None = None, kind: str = "knownPerson", **more: Any):
    """A person statement (no name for an anonymous or unknown person)."""
    details: dict[str, Any] = {"isComponent": False, "personType": kind, **more}
    if name is not None:
        details["names"] = [{"type": "legal", "fullName": name}]
    return _statement("person", record, details)


def rel(record: str, subject: Any, party: Any, *interests: dict[str, Any], **more: Any):
    """A relationship statement of *party* in *subject*."""
    details = {
        "isComponent": False,
        "subject": subject,
        "interestedParty": party,
        "interests": list(interests),
        **more,
    }
    return _statement("relationship", record, details)


def interest(kind: str | None = "shareholding", share: Any = None, **more: Any):
    """An interest; *share* a number (exact per cent) or a share object."""
    out: dict[str, Any] = {"directOrIndirect": more.pop("level", "direct"), **more}
    if kind is not None:
        out["type"] = kind
    if share is not None:
        out["share"] = share if isinstance(share, dict) else {"exact": share}
    return out


def _statement(kind: str, record: str, details: dict[str, Any]) -> dict[str, Any]:
    return {
        "statementId": f"statement-{kind}-{record}".ljust(32, "0"),
        "declarationSubject": "co",
        "statementDate": "2024-01-31",
        "recordId": record,
        "recordType": kind,
        "recordStatus": "new",
        "recordDetails": details,
        "publicationDetails": {
            "publicationDate": "2024-01-31",
            "bodsVersion": "0.4",
            "publisher": {"name": "test"},
        },
    }
