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
import uuid
import warnings
from collections.abc import Mapping
from typing import Any

import attrs

from orgmodel.io._bods_values import BODS_VERSION, STATEMENT, display_name, entity_kind
from orgmodel.io._bods_write_interests import STAKE_KEYS, in_order, interests_of
from orgmodel.model import Entity, EntityKind, Organization, Person, Stake
from orgmodel.model.exceptions import BodsExportWarning

__all__ = ["BodsExport", "BodsExportWarning", "bods_export", "to_bods", "warn_unwritten"]

_NAMESPACE = uuid.UUID("6f1c2a54-9a43-4d1e-8a59-3c0b6f0d2b1e")
_NOTES = "orgmodel"  # key of the notes kept on a record: relationships giving no stake
_SHOWN = 5  # people named in the sentence about those left out


def _bods(record: Person | Entity | Stake) -> dict[str, Any]:
    found = record.attributes.get("bods")
    return dict(found) if isinstance(found, Mapping) else {}


def _kept(record: Person | Entity | Stake) -> dict[str, Any]:
    found = record.attributes.get(STATEMENT)
    return dict(found) if isinstance(found, Mapping) else {}


def _entity_type(kind: EntityKind) -> dict[str, str]:
    if kind is EntityKind.TRUST:
        return {"type": "arrangement", "subtype": "trust", "details": kind.value}
    if kind is EntityKind.ARRANGEMENT:
        return {"type": "arrangement", "details": kind.value}
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
    details.pop(_NOTES, None)
    details.setdefault("isComponent", False)
    details.setdefault("personType", "knownPerson")
    if display_name(details, person.id) != person.name:
        details["names"] = [{"type": "legal", "fullName": person.name}]
    return details


@attrs.frozen
class BodsExport:
    """What :func:`bods_export` wrote, and what BODS could not carry.

    Attributes
    ----------
    statements : list of dict
        The statements, ready for :func:`json.dump`.
    unwritten : tuple of str
        One sentence per kind of thing left out (people who hold nothing, units,
        reporting lines, external relationships, liabilities, attributes).
    """

    statements: list[dict[str, Any]]
    unwritten: tuple[str, ...]


class _Writer:
    def __init__(self, org: Organization, date: str, publisher: str) -> None:
        self.org = org
        self.date = date
        self.publisher = publisher
        focal = org.focal
        self.declaration = focal.id if focal is not None else None
        self.statements: list[dict[str, Any]] = []
        self.used: set[str] = {p.id for p in org.people} | {e.id for e in org.entities}

    def statement(
        self,
        record_type: str,
        record_id: str,
        details: dict[str, Any],
        kept: Mapping[str, Any] | None = None,
        original: Mapping[str, Any] | None = None,
    ) -> None:
        """Write one statement; what was read (*kept*) is written back unchanged.

        A record read from BODS keeps its statement as it was (only the fields BODS
        0.4 requires are added where an older version had none).  A record changed
        in the model since is written as an update: its statement as read, then a
        new one with ``recordStatus: updated`` and today's date.
        """
        kept = dict(kept or {})
        for earlier in kept.pop("history", []):
            if isinstance(earlier, Mapping):
                self.statements.append(_current(earlier))
        subject = details.get("subject") if record_type == "relationship" else record_id
        declared = self.declaration or subject or record_id
        sid = kept.get("statementId")
        if isinstance(sid, str) and original is not None:
            if _plain(original) == _plain(details):
                self.statements.append(_as_read(kept, record_type, record_id, details, declared))
                return
            self.statements.append(_as_read(kept, record_type, record_id, dict(original), declared))
        content = json.dumps([record_type, record_id, details], sort_keys=True, default=str)
        self.statements.append(
            {
                "statementId": str(uuid.uuid5(_NAMESPACE, content)),
                "declarationSubject": kept.get("declarationSubject", declared),
                "statementDate": self.date,
                "recordId": record_id,
                "recordType": record_type,
                "recordStatus": "updated" if kept else "new",
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


def _as_read(
    kept: Mapping[str, Any],
    record_type: str,
    record_id: str,
    details: dict[str, Any],
    declared: str,
) -> dict[str, Any]:
    """Return the statement a record was read from, with its declaration subject.

    BODS 0.4 requires a ``declarationSubject``, which 0.2 and 0.3 statements lack: it
    is the focal entity (else the record's subject).  A missing ``statementDate`` is
    left missing: the date of a declaration is not made up.
    """
    statement: dict[str, Any] = {
        "statementId": kept["statementId"],
        "declarationSubject": kept.get("declarationSubject", declared),
        "recordId": record_id,
        "recordType": record_type,
        "recordDetails": details,
    }
    statement.update((k, v) for k, v in kept.items() if k not in statement)
    return _current(statement)


def _plain(value: object) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def _current(statement: Mapping[str, Any]) -> dict[str, Any]:
    """Return *statement* with its publication details saying the version written."""
    out = dict(statement)
    details = out.get("publicationDetails")
    if isinstance(details, Mapping):
        out["publicationDetails"] = {**details, "bodsVersion": BODS_VERSION}
    return out


_NOTE_KINDS = ("indirect", "unspecifiedInterestedParties", "unspecifiedSubjects", "closed")


def _notes(record: Entity | Person) -> list[tuple[str, dict[str, Any]]]:
    """Return the relationships kept on *record* that give no stake, by kind."""
    notes = _bods(record).get(_NOTES, {})
    if not isinstance(notes, Mapping):
        return []
    return [
        (kind, dict(note))
        for kind in _NOTE_KINDS
        for note in notes.get(kind, [])
        if isinstance(note, Mapping)
    ]


def _unwritten(org: Organization, written_people: set[str]) -> tuple[str, ...]:
    out = []
    left = [p.id for p in org.people if p.id not in written_people]
    if left:
        shown = ", ".join(left[:_SHOWN]) + (" ..." if len(left) > _SHOWN else "")
        out.append(f"{len(left)} people who hold nothing and did not come from BODS ({shown})")
    if org.units:
        out.append(f"{len(org.units)} units")
    lines = len(org.lines)
    if lines:
        out.append(f"{lines} reporting lines")
    if org.relationships:
        out.append(f"{len(org.relationships)} external relationships")
    liabilities = sum(1 for s in org.stakes if s.liability is not None)
    if liabilities:
        out.append(f"the liability of {liabilities} stakes")
    records: list[Person | Entity | Stake] = [*org.people, *org.entities, *org.stakes]
    extra = sum(1 for r in records if set(r.attributes) - {"bods", STATEMENT})
    if extra:
        out.append(f"attributes other than BODS details on {extra} records")
    return tuple(out)


def bods_export(
    org: Organization, *, date: str | None = None, publisher: str | None = None
) -> BodsExport:
    """Write the ownership part of *org* as BODS 0.4, saying what BODS could not carry.

    Parameters are as for :func:`to_bods`.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="Acme",
    ...     people=[om.Person("ann", "Ann Lee"), om.Person("bob", "Bob", manager="ann")],
    ...     entities=[om.Entity("acme", "Acme Ltd")],
    ...     stakes=[om.Stake("ann", "acme", om.Share.exact(1.0))],
    ... )
    >>> export = bods_export(org, date="2026-01-31")
    >>> len(export.statements), export.unwritten
    (3, ('1 people who hold nothing and did not come from BODS (bob)', '1 reporting lines'))
    """
    today = dt.datetime.now(tz=dt.UTC).date().isoformat()
    writer = _Writer(org, date or today, publisher or org.name)
    records: list[Entity | Person] = [*org.entities, *org.people]
    notes = {r.id: _notes(r) for r in records}
    holders = {s.holder for s in org.stakes}
    for entity_notes in notes.values():
        holders.update(
            party for _, n in entity_notes if isinstance(party := n.get("interestedParty"), str)
        )
    for entity in org.entities:
        original = {**_bods(entity), "name": entity.name}
        original.pop(_NOTES, None)
        writer.statement("entity", entity.id, _entity_details(entity), _kept(entity), original)
    people: set[str] = set()
    for person in org.people:
        if person.id in holders or _bods(person) or _kept(person):  # read from BODS
            people.add(person.id)
            original = _bods(person)
            original.pop(_NOTES, None)
            writer.statement("person", person.id, _person_details(person), _kept(person), original)
    groups: dict[str, list[Stake]] = {}
    for stake in org.stakes:
        stored = _bods(stake).get("recordId")
        key = stored if isinstance(stored, str) and stored else f"\x00{len(groups)}"
        groups.setdefault(key, []).append(stake)
    written: set[str] = set()
    for stakes in groups.values():
        first = stakes[0]
        record_id = writer.relationship_id(first)
        written.add(record_id)
        bods = _bods(first)
        other = {k: v for k, v in bods.items() if k not in STAKE_KEYS}
        levels = bods.get("levels")
        details = {
            "isComponent": False,
            **other,
            "subject": first.entity,
            "interestedParty": first.holder,
            "interests": in_order([interests_of(s) for s in stakes], stakes, levels),
        }
        original = {
            "isComponent": False,
            **other,
            "subject": first.entity,
            "interestedParty": first.holder,
            "interests": in_order(
                [list(_bods(s).get("interests", [])) for s in stakes], stakes, levels
            ),
        }
        kept = next((_kept(s) for s in stakes if _kept(s)), {})
        writer.statement("relationship", record_id, details, kept, original)
    for record in records:
        _write_notes(writer, notes[record.id], written)
    return BodsExport(writer.statements, _unwritten(org, people))


#: Keys of a stake's ``attributes["bods"]`` that are orgmodel's, not the record's.
def to_bods(
    org: Organization, *, date: str | None = None, publisher: str | None = None
) -> list[dict[str, Any]]:
    """Write the ownership part of *org* as BODS 0.4 statements.

    What BODS cannot carry (people who hold nothing, units, reporting lines, ...) is
    left out with a :class:`BodsExportWarning` that lists it; :func:`bods_export`
    returns the list instead.  ``docs/bods.md`` documents the mapping.

    Parameters
    ----------
    org : Organization
        The organisation.
    date : str, optional
        The statement and publication date (``YYYY-MM-DD``) of new statements; today
        by default.  Statements read from BODS keep their own.
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
    ...     stakes=[om.Stake("ann", "acme", om.Share.parse(">25%"), voting=om.Share.parse("60%"))],
    ... )
    >>> statements = to_bods(org, date="2026-01-31")
    >>> [s["recordType"] for s in statements]
    ['entity', 'person', 'relationship']
    >>> for interest in statements[2]["recordDetails"]["interests"]:
    ...     print(interest["type"], interest["share"])
    shareholding {'exclusiveMinimum': 25.0, 'maximum': 100.0}
    votingRights {'exact': 60.0, 'minimum': 60.0, 'maximum': 60.0}
    """
    export = bods_export(org, date=date, publisher=publisher)
    warn_unwritten(export, stacklevel=3)
    return export.statements


def warn_unwritten(export: BodsExport, *, stacklevel: int) -> None:
    """Warn with a :class:`BodsExportWarning` when *export* left anything out."""
    if export.unwritten:
        warnings.warn(BodsExportWarning(export.unwritten), stacklevel=stacklevel)


def _write_notes(
    writer: _Writer, notes: list[tuple[str, dict[str, Any]]], written: set[str]
) -> None:
    """Write the relationships kept as notes that no stake has written already."""
    for kind, note in notes:
        record_id = note.pop("recordId", None)
        if not isinstance(record_id, str) or record_id in written:
            continue
        if kind == "closed":
            written.add(record_id)
            writer.used.add(record_id)
            writer.statements.extend(
                _current(s) for s in note.get("statements", []) if isinstance(s, Mapping)
            )
            continue
        party = note.get("interestedParty")
        if isinstance(party, str) and party not in writer.org:
            continue  # the holder is gone from the model
        written.add(record_id)
        writer.used.add(record_id)
        kept = note.pop(STATEMENT, None)
        details = {"isComponent": False, **note}
        writer.statement("relationship", record_id, details, kept, details)
