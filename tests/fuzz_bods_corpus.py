"""BODS seed documents, structural mutations and the check, for fuzzing the BODS readers.

Shared by ``tests/test_fuzz_bods.py`` (in the suite) and ``tests/fuzz_loaders.py``
(for as long as you like).  The seeds are the scenario files of
``tests/data/bods/scenarios`` in BODS 0.2, 0.3 and 0.4.  A mutation edits the parsed
document the way broken registers are broken: a value of the wrong type anywhere, a
key dropped, a statement dropped, repeated or moved, a reference to a record that is
not there, ownership that runs in a circle, a huge array, an unknown version.

:func:`check` is the property: a document either loads or raises
:class:`~orgmodel.OrgModelError`; every problem in a statement names the statement
by its id; whatever loads is written back as BODS and read again equal, and can be
looked through.
"""

from __future__ import annotations

import contextlib
import copy
import json
import random
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orgmodel as om
from orgmodel.io import bods_export, from_bods

__all__ = ["SEEDS", "SEED_TEXTS", "check", "check_text", "mutate_doc", "paths"]

_SCENARIOS = Path(__file__).parent / "data" / "bods" / "scenarios"
#: The seed documents, parsed: every scenario file (0.2, 0.3, 0.4).
SEEDS: list[list[Any]] = [
    json.loads(path.read_text(encoding="utf-8")) for path in sorted(_SCENARIOS.glob("*.json"))
]
#: The same documents as text, for text mutations.
SEED_TEXTS: list[str] = [json.dumps(doc) for doc in SEEDS]

_HUGE = 10_001  # one more than the interests a relationship may have
_VALUES: list[Any] = [
    None,
    True,
    0,
    -1,
    101,
    1e308,
    10**400,
    "",
    "x",
    "0.4",
    "indirect",
    "closed",
    "shareholding",
    "trustee",
    [],
    {},
    [None],
    {"exact": 30},
    {"minimum": 60, "maximum": 40},
    {"exclusiveMinimum": 25},
    {"reason": "unknown"},
    {"describedByPersonStatement": "nobody"},
]


def paths(value: Any) -> list[tuple[Any, ...]]:
    """Every path into a JSON value, iteratively."""
    out: list[tuple[Any, ...]] = []
    stack: list[tuple[tuple[Any, ...], Any]] = [((), value)]
    while stack:
        where, item = stack.pop()
        out.append(where)
        if isinstance(item, dict):
            stack.extend(((*where, k), v) for k, v in item.items())
        elif isinstance(item, list):
            stack.extend(((*where, i), v) for i, v in enumerate(item))
    return out


def _parent(doc: Any, where: tuple[Any, ...]) -> Any:
    for key in where[:-1]:
        doc = doc[key]
    return doc


def _record_ids(doc: list[Any]) -> list[str]:
    ids = []
    for s in doc:
        if isinstance(s, dict):
            rid = s.get("recordId", s.get("statementID"))
            if isinstance(rid, str):
                ids.append(rid)
    return ids


def _set_value(doc: list[Any], rng: random.Random) -> list[Any]:
    where = rng.choice(paths(doc)[1:] or [(0,)])
    if not where:
        return doc
    parent = _parent(doc, where)
    parent[where[-1]] = copy.deepcopy(rng.choice(_VALUES))
    return doc


def _drop_key(doc: list[Any], rng: random.Random) -> list[Any]:
    keyed = [w for w in paths(doc) if w and isinstance(w[-1], str)]
    if keyed:
        where = rng.choice(keyed)
        del _parent(doc, where)[where[-1]]
    return doc


def _statements(doc: list[Any], rng: random.Random) -> list[Any]:
    if not doc:
        return doc
    i, j = rng.randrange(len(doc)), rng.randrange(len(doc))
    choice = rng.randrange(3)
    if choice == 0:
        del doc[i]  # a statement dropped: references to it dangle
    elif choice == 1:
        doc.insert(j, copy.deepcopy(doc[i]))  # repeated
    else:
        doc[i], doc[j] = doc[j], doc[i]  # out of order
    return doc


def _relationships(doc: list[Any]) -> list[dict[str, Any]]:
    out = []
    for s in doc:
        if not isinstance(s, dict):
            continue
        details = s.get("recordDetails", s)
        if isinstance(details, dict) and "interestedParty" in details:
            out.append(details)
    return out


def _rewire(doc: list[Any], rng: random.Random) -> list[Any]:
    """Point a relationship at another record, a missing one, or round in a circle."""
    rels = _relationships(doc)
    if not rels:
        return doc
    rel = rng.choice(rels)
    key = rng.choice(["subject", "interestedParty"])
    ids = _record_ids(doc)
    target = rng.choice([*ids, "missing-record", rel.get("subject")]) if ids else "missing"
    if isinstance(rel.get(key), dict) and "describedByEntityStatement" in rel[key]:
        rel[key] = {"describedByEntityStatement": target}
    else:
        rel[key] = target
    if rng.random() < 0.5 and isinstance(rel.get("subject"), str):
        # the subject holds its own holder: a circle of ownership
        party = rel.get("interestedParty")
        doc.append(
            {
                **(copy.deepcopy(doc[0]) if isinstance(doc[0], dict) else {}),
                "statementId": f"fuzz-circle-{len(doc)}".ljust(32, "0"),
                "recordId": f"fuzz-circle-{len(doc)}",
                "recordType": "relationship",
                "recordDetails": {
                    "isComponent": False,
                    "subject": party,
                    "interestedParty": rel["subject"],
                    "interests": [{"type": "shareholding", "share": {"exact": 100}}],
                },
            }
        )
    return doc


def _huge(doc: list[Any], rng: random.Random) -> list[Any]:
    """Make one array huge: the interests of a relationship, or a list of names."""
    rels = _relationships(doc)
    if rels and rng.random() < 0.7:
        rel = rng.choice(rels)
        one = {"type": "shareholding", "share": {"exact": 0}}
        rel["interests"] = [one] * rng.choice([_HUGE, 300])
        return doc
    lists = [w for w in paths(doc) if w and isinstance(_parent(doc, w)[w[-1]], list)]
    if lists:
        where = rng.choice(lists)
        _parent(doc, where)[where[-1]] = [rng.choice(_VALUES)] * 5_000
    return doc


def _version(doc: list[Any], rng: random.Random) -> list[Any]:
    for s in doc:
        if isinstance(s, dict) and isinstance(s.get("publicationDetails"), dict):
            s["publicationDetails"]["bodsVersion"] = rng.choice(
                ["0.1", "0.2", "0.3", "0.4", "1.0", 4, None, "", "0.4.0"]
            )
            break
    return doc


_OPS: list[tuple[int, Callable[[list[Any], random.Random], list[Any]]]] = [
    (40, _set_value),
    (15, _drop_key),
    (15, _statements),
    (15, _rewire),
    (5, _huge),
    (10, _version),
]


def mutate_doc(doc: list[Any], rng: random.Random) -> Any:
    """Return a copy of *doc* with one to four structural mutations drawn from *rng*."""
    out: Any = copy.deepcopy(doc)
    weights = [w for w, _ in _OPS]
    for _ in range(rng.randint(1, 4)):
        if not isinstance(out, list):
            break
        (op,) = rng.choices([op for _, op in _OPS], weights=weights)
        out = op(out, rng)
    return out


def _statement_id(doc: Any, location: str) -> str | None:
    head, _, rest = location.partition("[")
    number = rest.partition("]")[0]
    if head != "statements" or not number.isdigit() or not isinstance(doc, list):
        return None
    statement = doc[int(number)] if int(number) < len(doc) else None
    if not isinstance(statement, dict):
        return None
    sid = statement.get("statementId", statement.get("statementID"))
    return sid if isinstance(sid, str) and sid else None


def _core(org: om.Organization) -> tuple[Any, ...]:
    """The ownership an organisation records: who, what, and who holds what."""
    return (
        [(p.id, p.name) for p in org.people],
        [(e.id, e.name, e.kind) for e in org.entities],
        [
            (s.holder, s.entity, s.share, s.voting, s.profit_share, s.control, s.roles, s.indirect)
            for s in org.stakes
        ],
    )


def check(doc: Any) -> None:
    """Load *doc*; on success write it back, read it again and look it through.

    Raises AssertionError (or any exception other than OrgModelError) when a property
    fails: the caller reports the document.  The first export may complete what an
    older or broken document lacks (a declaration subject, ``isComponent``); what it
    records survives, and from then on the round trip is exact.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", om.OrgModelWarning)
        try:
            org = from_bods(doc, source="fuzz.json")
        except om.ValidationError as err:
            for problem in err.problems:
                sid = _statement_id(doc, problem.location)
                assert sid is None or "(statement " in problem.location, problem
            return
        except om.OrgModelError:
            return
        again = from_bods(_through_json(bods_export(org).statements), source="fuzz.json")
        assert _core(again) == _core(org), "a loaded document does not survive BODS"
        third = from_bods(_through_json(bods_export(again).statements), source="fuzz.json")
        assert third == again, "a written document is not read back equal"
        for entity in org.entities[:1]:
            for regime in (None, "uk-psc"):
                with contextlib.suppress(om.OrgModelError):  # a circle that owns itself wholly
                    om.beneficial_owners(org, entity.id, regime=regime)


def _through_json(statements: list[Any]) -> Any:
    return json.loads(json.dumps(statements))


def check_text(text: str) -> None:
    """Read *text* as ``orgmodel.loads(format="bods")`` does, then :func:`check` it."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", om.OrgModelWarning)
        try:
            om.loads(text, format="bods")
        except om.OrgModelError:
            return
    check(json.loads(text))
