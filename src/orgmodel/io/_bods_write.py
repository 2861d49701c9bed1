"""Write the ownership part of an organisation as Beneficial Ownership Data Standard 0.4.

Every entity, every person who holds a stake (or came from a BODS document), and
every stake become statements; details read from BODS (``attributes["bods"]``) are
written back, with the shares, votes and profit shares taken from the model so that
edits made in orgmodel win.  Output is deterministic: statement ids are UUIDs derived
from the content.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import uuid
from collections.abc import Mapping
from typing import Any

from orgmodel.io._bods_values import (
    BODS_VERSION,
    MEASURES,
    Problems,
    entity_kind,
    person_name,
    share_from_bods,
)
from orgmodel.model import Entity, EntityKind, Organization, Person, Stake
from orgmodel.model.share import Share

__all__ = ["to_bods"]

_NAMESPACE = uuid.UUID("6f1c2a54-9a43-4d1e-8a59-3c0b6f0d2b1e")
_PERCENT = 100.0
_NOTES = "orgmodel"  # key of the notes kept on an entity: indirect and unspecified holders
_SAME = 1e-12
_ULP_STEPS = 8


def _percent(value: float) -> float:
    """*value* in per cent, as the shortest decimal that reads back to *value* exactly."""
    raw = value * _PERCENT
    for digits in range(6, 18):
        rounded = round(raw, digits)
        if rounded / _PERCENT == value:
            return rounded
    down = up = raw
    for _ in range(_ULP_STEPS):  # a neighbour of the product reads back exactly
        down, up = math.nextafter(down, -math.inf), math.nextafter(up, math.inf)
        for candidate in (down, up):
            if candidate / _PERCENT == value:
                return candidate
    return raw


def _share(value: Share) -> dict[str, float]:
    if value.is_exact:
        exact = _percent(value.lower)
        return {"exact": exact, "minimum": exact, "maximum": exact}
    return {"minimum": _percent(value.lower), "maximum": _percent(value.upper)}


def _bods(record: Person | Entity | Stake) -> dict[str, Any]:
    found = record.attributes.get("bods")
    return dict(found) if isinstance(found, Mapping) else {}


def _entity_type(kind: EntityKind) -> dict[str, str]:
    if kind is EntityKind.TRUST:
        return {"type": "arrangement", "subtype": "trust", "details": kind.value}
    if kind is EntityKind.OTHER:
        return {"type": "legalEntity", "details": kind.value}
    return {"type": "registeredEntity", "details": kind.value}


def _entity_details(entity: Entity) -> dict[str, Any]:
    details = _bods(entity)
    details.pop(_NOTES, None)
    details.setdefault("isComponent", False)
    if entity_kind(details) is not entity.kind:
        details["entityType"] = _entity_type(entity.kind)
    details["name"] = entity.name
    return details


def _person_details(person: Person) -> dict[str, Any]:
    details = _bods(person)
    details.setdefault("isComponent", False)
    details.setdefault("personType", "knownPerson")
    if person_name(details) != person.name:
        details["names"] = [{"type": "individual", "fullName": person.name}]
    return details


def _total(interests: list[dict[str, Any]]) -> Share:
    sink = Problems()
    lower = upper = 0.0
    for interest in interests:
        share = (
            share_from_bods(interest["share"], "", sink)
            if "share" in interest
            else Share.between(0.0, 1.0)
        )
        if share is None:
            return Share.between(0.0, 1.0)
        lower, upper = lower + share.lower, upper + share.upper
    return Share(min(1.0, lower), min(1.0, upper))


def _same(a: Share, b: Share) -> bool:
    return math.isclose(a.lower, b.lower, abs_tol=_SAME) and math.isclose(
        a.upper, b.upper, abs_tol=_SAME
    )


def _placeholder(stake: Stake) -> Share:
    """Return the share :func:`from_bods` gives a relationship without a shareholding."""
    if stake.voting is not None or stake.profit_share is not None:
        return Share.between(0.0, 1.0)
    return Share.exact(0.0)


def _interests(stake: Stake) -> list[dict[str, Any]]:
    """Return the interests of *stake*: those read from BODS, with the model's measures."""
    stored = [dict(i) for i in _bods(stake).get("interests", []) if isinstance(i, Mapping)]
    from_bods = bool(_bods(stake))
    out: list[dict[str, Any]] = []
    for kind, field in MEASURES.items():
        value: Share | None = getattr(stake, field)
        current = [i for i in stored if i.get("type") == kind and "endDate" not in i]
        if value is None or not current:
            continue
        if not _same(_total(current), value):
            first = {**current[0], "share": _share(value)}
            stored = [
                first if i is current[0] else i
                for i in stored
                if not any(i is c for c in current[1:])
            ]
    for interest in stored:
        measure = MEASURES.get(str(interest.get("type")))
        if measure is not None and "endDate" not in interest and getattr(stake, measure) is None:
            continue  # the model dropped this measure
        out.append(interest)
    for kind, field in MEASURES.items():
        value = getattr(stake, field)
        has = any(i.get("type") == kind and "endDate" not in i for i in stored)
        if value is None or has:
            continue
        if field == "share" and from_bods and _same(value, _placeholder(stake)):
            continue
        out.append({"type": kind, "directOrIndirect": "direct", "share": _share(value)})
    return out


class _Writer:
    def __init__(self, org: Organization, date: str, publisher: str) -> None:
        self.org = org
        self.date = date
        self.publisher = publisher
        focal = org.focal
        self.declaration = focal.id if focal is not None else None
        self.statements: list[dict[str, Any]] = []
        self.used: set[str] = {p.id for p in org.people} | {e.id for e in org.entities}

    def statement(self, record_type: str, record_id: str, details: dict[str, Any]) -> None:
        content = json.dumps([record_type, record_id, details], sort_keys=True, default=str)
        subject = details.get("subject") if record_type == "relationship" else record_id
        self.statements.append(
            {
                "statementId": str(uuid.uuid5(_NAMESPACE, content)),
                "declarationSubject": self.declaration or subject or record_id,
                "statementDate": self.date,
                "recordId": record_id,
                "recordType": record_type,
                "recordStatus": "new",
                "recordDetails": details,
                "publicationDetails": {
                    "publicationDate": self.date,
                    "bodsVersion": BODS_VERSION,
                    "publisher": {"name": self.publisher},
                },
            }
        )

    def relationship_id(self, stake: Stake) -> str:
        stored = _bods(stake).get("recordId")
        base = stored if isinstance(stored, str) and stored else f"{stake.holder}/{stake.entity}"
        candidate, n = base, 1
        while candidate in self.used:
            n += 1
            candidate = f"{base}/{n}"
        self.used.add(candidate)
        return candidate


def _notes(entity: Entity) -> list[tuple[str, dict[str, Any]]]:
    notes = _bods(entity).get(_NOTES, {})
    if not isinstance(notes, Mapping):
        return []
    return [
        (kind, dict(note))
        for kind in ("indirect", "unspecifiedInterestedParties")
        for note in notes.get(kind, [])
        if isinstance(note, Mapping)
    ]


def to_bods(
    org: Organization, *, date: str | None = None, publisher: str | None = None
) -> list[dict[str, Any]]:
    """Write the ownership part of *org* as BODS 0.4 statements.

    Parameters
    ----------
    org : Organization
        The organisation.
    date : str, optional
        The statement and publication date (``YYYY-MM-DD``); today by default.
    publisher : str, optional
        The publisher's name; the organisation's name by default.

    Returns
    -------
    list of dict
        Entity and person statements first, then relationship statements, ready for
        :func:`json.dump`.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="Acme",
    ...     people=[om.Person("ann", "Ann Lee")],
    ...     entities=[om.Entity("acme", "Acme LLP", kind=om.EntityKind.LLP)],
    ...     stakes=[
    ...         om.Stake("ann", "acme", om.Share.parse("25-50%"), voting=om.Share.parse("60%"))
    ...     ],
    ... )
    >>> statements = to_bods(org, date="2026-01-31")
    >>> [s["recordType"] for s in statements]
    ['entity', 'person', 'relationship']
    >>> for interest in statements[2]["recordDetails"]["interests"]:
    ...     print(interest["type"], interest["share"])
    shareholding {'minimum': 25.0, 'maximum': 50.0}
    votingRights {'exact': 60.0, 'minimum': 60.0, 'maximum': 60.0}
    """
    today = dt.datetime.now(tz=dt.UTC).date().isoformat()
    writer = _Writer(org, date or today, publisher or org.name)
    notes = {e.id: _notes(e) for e in org.entities}
    holders = {s.holder for s in org.stakes}
    for entity_notes in notes.values():
        holders.update(
            party for _, n in entity_notes if isinstance(party := n.get("interestedParty"), str)
        )
    for entity in org.entities:
        writer.statement("entity", entity.id, _entity_details(entity))
    for person in org.people:
        if person.id in holders or _bods(person):
            writer.statement("person", person.id, _person_details(person))
    indirect: dict[str, list[Any]] = {}
    for entity_notes in notes.values():
        for kind, note in entity_notes:
            if kind == "indirect" and isinstance(note.get("recordId"), str):
                indirect.setdefault(note["recordId"], []).extend(note.get("interests", []))
    written: set[str] = set()
    for stake in org.stakes:
        record_id = writer.relationship_id(stake)
        written.add(record_id)
        details = {
            "isComponent": False,
            "subject": stake.entity,
            "interestedParty": stake.holder,
            "interests": _interests(stake) + indirect.get(record_id, []),
        }
        writer.statement("relationship", record_id, details)
    for entity in org.entities:
        _write_notes(writer, notes[entity.id], written)
    return writer.statements


def _write_notes(
    writer: _Writer, notes: list[tuple[str, dict[str, Any]]], written: set[str]
) -> None:
    """Write the relationships kept as notes that no stake has written already."""
    for _, note in notes:
        record_id = note.pop("recordId", None)
        party = note.get("interestedParty")
        if not isinstance(record_id, str) or record_id in written:
            continue
        if isinstance(party, str) and party not in writer.org:
            continue  # the holder is gone from the model
        written.add(record_id)
        writer.used.add(record_id)
        writer.statement("relationship", record_id, {"isComponent": False, **note})
