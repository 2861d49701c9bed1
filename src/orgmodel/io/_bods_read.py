"""Read the Beneficial Ownership Data Standard (BODS) 0.2, 0.3 and 0.4 into an organisation.

A BODS document is a JSON array of *statements*; from 0.4 each describes one version
of a *record* — a person, an entity or a relationship — by ``recordId``,
``recordType`` and ``recordDetails``.  0.2 and 0.3 statements are first rewritten in
the 0.4 shape (:mod:`._bods_versions`), and the statements gathered into records
(:mod:`._bods_statements`).  The last statement of each record then becomes a model
record (``docs/bods.md`` has the whole table):

* a **person** record a :class:`~orgmodel.model.Person`, an **entity** record an
  :class:`~orgmodel.model.Entity`, with the record id as id;
* a **relationship** record a :class:`~orgmodel.model.Stake` of the
  ``interestedParty`` in the ``subject`` for its direct interests — shares, votes,
  profits, control and roles (:mod:`._bods_interests`) — and a declared indirect
  stake (:attr:`~orgmodel.model.Stake.indirect`) for its indirect ones;
* relationships that give no stake (closed, or with an unspecified party) are kept
  on the record of the party that is known, and written back;
* every detail, and the statement around it, is kept in ``attributes["bods"]`` and
  ``attributes["bods_statement"]``.

Problems are reported together in one :class:`~orgmodel.exceptions.ValidationError`
with locations such as
``statements[3].recordDetails.interests[0].share (statement 'st-3')``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from orgmodel._suggest import did_you_mean
from orgmodel.io._bods_interests import MAX_INTERESTS, read_interests
from orgmodel.io._bods_places import identified, translate
from orgmodel.io._bods_statements import Record, StatementReader
from orgmodel.io._bods_values import (
    BODS_VERSION,
    STATEMENT,
    Problems,
    display_name,
    entity_kind,
    is_bods,
    shown,
)
from orgmodel.io._bods_versions import detect_version, upgrade
from orgmodel.model import Entity, Organization, Person, Stake
from orgmodel.model.exceptions import ValidationError
from orgmodel.model.problems import ProblemCode

__all__ = ["BODS_VERSION", "from_bods", "is_bods"]

#: Documents with more statements are refused (a register is read with the PSC or a
#: streaming reader, not as one JSON array).
MAX_STATEMENTS = 5_000_000


class _Builder:
    """Turns the last statement of every record into the model's records."""

    def __init__(self, reader: StatementReader, problems: Problems) -> None:
        self.reader = reader
        self.problems = problems
        self.people: list[Person] = []
        self.entities: list[Entity] = []
        self.stakes: list[Stake] = []
        # where each model record came from, to translate the model's own problems
        self.where: dict[str, list[str]] = {"people": [], "entities": [], "stakes": []}
        self.entity_extras: dict[str, dict[str, list[Any]]] = {}
        records = reader.records
        for record_id, record in records.items():
            if record.record_type == "person":
                self._person(record_id, record)
            elif record.record_type == "entity":
                self._entity(record_id, record)
        for record_id, record in records.items():
            if record.record_type != "relationship":
                continue
            if record.status == "closed":
                self._closed(record_id, record)
            else:
                self._relationship(record_id, record)
        self.entities = [attrs.evolve(e, attributes=self._with_extras(e)) for e in self.entities]
        self.people = [attrs.evolve(p, attributes=self._with_extras(p)) for p in self.people]

    def _person(self, record_id: str, record: Record) -> None:
        details = record.details
        name = display_name(details, record_id)
        attributes = {"bods": dict(details), STATEMENT: record.kept()}
        self.people.append(Person(record_id, name, attributes=attributes))
        self.where["people"].append(f"statements[{record.index}]")

    def _entity(self, record_id: str, record: Record) -> None:
        details = record.details
        where = f"statements[{record.index}].recordDetails"
        name = details.get("name")
        if name is not None and not isinstance(name, str):
            self.problems.add(
                ProblemCode.WRONG_TYPE,
                f"{where}.name",
                f"'name' must be a string (got {shown(name)})",
            )
        if "entityType" in details and not isinstance(details["entityType"], Mapping):
            self.problems.add(
                ProblemCode.WRONG_TYPE,
                f"{where}.entityType",
                "'entityType' must be an object with a 'type' "
                f"(got {shown(details['entityType'])})",
            )
        kept = {k: v for k, v in details.items() if k != "name"}
        self.entities.append(
            Entity(
                record_id,
                name if isinstance(name, str) else record_id,
                kind=entity_kind(details),
                attributes={"bods": kept, STATEMENT: record.kept()},
            )
        )
        self.where["entities"].append(f"statements[{record.index}]")

    def _party(self, details: Mapping[str, Any], key: str, where: str) -> str | None:
        """Return the record id in *key*, checked; ``None`` when unspecified or wrong."""
        value = details.get(key)
        records = self.reader.records
        if isinstance(value, Mapping):
            return None  # an unspecified party: kept as a note, no stake
        if not isinstance(value, str):
            self.problems.add(
                ProblemCode.MISSING_KEY if value is None else ProblemCode.WRONG_TYPE,
                f"{where}.{key}",
                f"a relationship needs '{key}', the recordId of a "
                + ("entity" if key == "subject" else "person or entity")
                + (f" (got {shown(value)})" if value is not None else ""),
            )
            return None
        found = records.get(value)
        if found is None and value in self.reader.broken:
            return None  # its own statement is reported already
        if found is None:
            hint = did_you_mean(
                value, [r for r, rec in records.items() if rec.record_type != "relationship"]
            )
            self.problems.add(
                ProblemCode.UNKNOWN_REFERENCE,
                f"{where}.{key}",
                f"relationship points to a missing record {shown(value)}{hint}",
            )
            return None
        wanted = ("entity",) if key == "subject" else ("entity", "person")
        if found.record_type not in wanted:
            self.problems.add(
                ProblemCode.UNKNOWN_REFERENCE,
                f"{where}.{key}",
                f"{key} {shown(value)} is a {found.record_type} record, not "
                + " or ".join(f"a {w}" for w in wanted),
            )
            return None
        return value

    def _closed(self, record_id: str, record: Record) -> None:
        """Keep a closed relationship on its subject, to write it back; it is no stake."""
        subject = record.details.get("subject")
        if isinstance(subject, str) and self.reader.records.get(subject) is not None:
            self._note(
                subject, "closed", record_id, {"statements": [*record.history, record.statement()]}
            )

    def _relationship(self, record_id: str, record: Record) -> None:
        details = record.details
        where = f"statements[{record.index}].recordDetails"
        subject = self._party(details, "subject", where)
        party = self._party(details, "interestedParty", where)
        interests = self._interests(details, where)
        if interests is None:
            return
        read = read_interests(interests, where, self.problems)
        if subject is None or party is None:
            self._unspecified(record_id, record, subject, party)
            return
        other = {k: v for k, v in details.items() if k not in _PARTS}
        base = {"recordId": record_id, **other}
        levels = [
            "indirect" if i.get("directOrIndirect") == "indirect" else "direct"
            for i in interests
            if isinstance(i, dict)
        ]
        mixed = {"levels": levels} if levels != sorted(levels) else {}  # indirect first
        if read.direct or not read.indirect:
            self._stake(
                record.index,
                Stake(
                    party,
                    subject,
                    read.share(),
                    voting=read.total("voting"),
                    profit_share=read.total("profit_share"),
                    control=read.control,
                    roles=read.roles,
                    attributes={
                        "bods": {**base, **mixed, "interests": read.direct},
                        STATEMENT: record.kept(),
                    },
                ),
            )
        if read.indirect:
            bods = {**base, "interests": read.indirect, "part": "indirect"}
            if not read.direct:
                bods_attrs: dict[str, Any] = {"bods": bods, STATEMENT: record.kept()}
            else:
                bods_attrs = {"bods": bods}
            self._stake(
                record.index,
                Stake(
                    party,
                    subject,
                    read.share(indirect=True),
                    voting=read.total("voting", indirect=True),
                    profit_share=read.total("profit_share", indirect=True),
                    control=read.control_of(indirect=True),
                    indirect=True,
                    attributes=bods_attrs,
                ),
            )

    def _interests(self, details: Mapping[str, Any], where: str) -> list[Any] | None:
        """Return the relationship's interests, checked with its component records."""
        components = details.get("componentRecords")
        if components is not None and not (
            isinstance(components, list) and all(isinstance(c, str) for c in components)
        ):
            msg = f"'componentRecords' must be a list of record ids (got {shown(components)})"
            self.problems.add(ProblemCode.WRONG_TYPE, f"{where}.componentRecords", msg)
        interests = details.get("interests", [])
        if not isinstance(interests, list):
            msg = f"'interests' must be a list (got {shown(interests)})"
            self.problems.add(ProblemCode.WRONG_TYPE, f"{where}.interests", msg)
            return None
        if len(interests) > MAX_INTERESTS:
            msg = f"a relationship has {len(interests)} interests; at most {MAX_INTERESTS} are read"
            self.problems.add(ProblemCode.WRONG_TYPE, f"{where}.interests", msg)
            return None
        return interests

    def _unspecified(
        self, record_id: str, record: Record, subject: str | None, party: str | None
    ) -> None:
        """Keep a relationship with an unspecified party on the party that is known."""
        details = record.details
        kept = {**details, STATEMENT: record.kept()}
        if subject is not None and isinstance(details.get("interestedParty"), Mapping):
            self._note(subject, "unspecifiedInterestedParties", record_id, kept)
        elif party is not None and isinstance(details.get("subject"), Mapping):
            self._note(party, "unspecifiedSubjects", record_id, kept)

    def _stake(self, index: int, stake: Stake) -> None:
        self.stakes.append(stake)
        self.where["stakes"].append(f"statements[{index}]")

    def _note(self, owner: str, kind: str, record_id: str, details: Mapping[str, Any]) -> None:
        """Keep a relationship that gives no stake on *owner*, to write it back."""
        extras = self.entity_extras.setdefault(owner, {})
        extras.setdefault(kind, []).append({"recordId": record_id, **details})

    def _with_extras(self, record: Entity | Person) -> dict[str, Any]:
        extras = self.entity_extras.get(record.id)
        if not extras:
            return record.attributes
        bods = {**record.attributes.get("bods", {}), "orgmodel": extras}
        return {**record.attributes, "bods": bods}


_PARTS = ("subject", "interestedParty", "interests")


def from_bods(data: object, *, source: str = "<bods>") -> Organization:
    """Read a BODS 0.4 document (parsed JSON: a list of statements) into an organisation.

    Parameters
    ----------
    data : object
        The parsed JSON document: a list of statements.
    source : str
        Where the data came from (a file name), for error messages.

    Returns
    -------
    Organization
        People, entities and stakes; named after the first entity, which is also the
        focal entity when there is exactly one subject not held by another entity.

    Raises
    ------
    ValidationError
        Listing every problem with its place in the document, such as
        ``statements[3].recordDetails.interests[0].share``.

    Examples
    --------
    >>> doc = [
    ...     {
    ...         "statementId": "s-acme",
    ...         "recordId": "acme",
    ...         "recordType": "entity",
    ...         "recordDetails": {
    ...             "isComponent": False,
    ...             "name": "Acme Ltd",
    ...             "entityType": {"type": "registeredEntity"},
    ...         },
    ...     },
    ...     {
    ...         "statementId": "s-ann",
    ...         "recordId": "ann",
    ...         "recordType": "person",
    ...         "recordDetails": {
    ...             "isComponent": False,
    ...             "personType": "knownPerson",
    ...             "names": [{"type": "individual", "fullName": "Ann Lee"}],
    ...         },
    ...     },
    ...     {
    ...         "statementId": "s-rel",
    ...         "recordId": "ann-acme",
    ...         "recordType": "relationship",
    ...         "recordDetails": {
    ...             "isComponent": False,
    ...             "subject": "acme",
    ...             "interestedParty": "ann",
    ...             "interests": [
    ...                 {
    ...                     "type": "shareholding",
    ...                     "directOrIndirect": "direct",
    ...                     "share": {"minimum": 25, "maximum": 50},
    ...                 }
    ...             ],
    ...         },
    ...     },
    ... ]
    >>> org = from_bods(doc)
    >>> org.person("ann").name, str(org.stakes[0].share)
    ('Ann Lee', '25–50%')
    >>> doc[2]["recordDetails"]["interests"][0]["share"] = {"minimum": 60, "maximum": 50}
    >>> from_bods(doc, source="acme.json")
    Traceback (most recent call last):
    ...
    orgmodel.exceptions.ValidationError: 1 problem in acme.json:
      - statements[2].recordDetails.interests[0].share (statement 's-rel'): share minimum 60 ...
    """
    problems = Problems()
    if not isinstance(data, list):
        problems.add(
            ProblemCode.WRONG_TYPE,
            "statements",
            f"a BODS document is a JSON array of statements (got a {type(data).__name__})",
        )
        raise ValidationError(problems.found, source=source)
    if len(data) > MAX_STATEMENTS:
        problems.add(
            ProblemCode.WRONG_TYPE,
            "statements",
            f"a BODS document of {len(data)} statements; at most {MAX_STATEMENTS} are read",
        )
        raise ValidationError(problems.found, source=source)
    try:
        return _build(data, source)
    except ValidationError as err:
        # the same problems, each naming its statement: the first raise adds nothing
        raise ValidationError(identified(err.problems, data), source=source) from None


def _build(data: list[Any], source: str) -> Organization:
    problems = Problems()
    if detect_version(data, source) != BODS_VERSION:
        data = upgrade(data)
    reader = StatementReader(data, problems)
    builder = _Builder(reader, problems)
    if problems.found:
        raise ValidationError(problems.found, source=source)
    focal = _focal(builder)
    names = {e.id: e.name for e in builder.entities}
    try:
        return Organization(
            name=names[focal] if focal else (builder.entities[0].name if names else source),
            people=builder.people,
            entities=builder.entities,
            stakes=builder.stakes,
            focal_entity=focal,
        )
    except ValidationError as err:
        translated = [translate(p, builder.where) for p in err.problems]
        raise ValidationError(translated, source=source) from err


def _focal(builder: _Builder) -> str | None:
    """Return the one entity held by someone that holds nothing itself, if unique."""
    holders = {s.holder for s in builder.stakes}
    held = {s.entity for s in builder.stakes}
    bottom = [e.id for e in builder.entities if e.id in held and e.id not in holders]
    return bottom[0] if len(bottom) == 1 else None
