"""Seed documents and mutations shared by the fuzz test and the standalone fuzz command."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import orgmodel as om

__all__ = [
    "MUTATION_ALPHABET",
    "READER_SEEDS",
    "SEEDS",
    "WRITTEN_FORMATS",
    "check_written",
    "csv_tables",
    "load_csv_tables",
    "load_reader_input",
    "mutate",
    "random_ops",
    "random_organization",
    "workbook_with_sheet",
]

_ORG = om.Organization(
    name="Acme Partners LLP",
    focal_entity="acme",
    entities=[
        om.Entity("acme", "Acme Partners LLP", kind=om.EntityKind.LLP),
        om.Entity("alice-holdco", "AS Holdings Ltd", attributes={"jurisdiction": "UK"}),
    ],
    units=[
        om.Unit("exec", "Executive", function="management", head="alice"),
        om.Unit("ops", "Operations", function="operations", parent="exec", head="carol"),
    ],
    people=[
        om.Person(
            "alice",
            "Alice Smith",
            title="Managing Partner",
            employment=om.Employment.PARTNER,
            unit="exec",
            responsibilities=["strategy", "business_development"],
            attributes={"email": "alice@example.com", "since": 2009, "desk": [1, {"floor": 3}]},
        ),
        om.Person("bob", "Bob Jones", title="Partner", employment=om.Employment.PARTNER),
        om.Person(
            "carol",
            "Carol White",
            title="COO",
            manager="alice",
            unit="ops",
            dotted=["bob"],
            responsibilities=["operations", "process_improvement", "pitching"],
        ),
        om.Person("dan", "Dan Brown", title="Head of IT", manager="carol", unit="ops"),
        om.Person("eve", "Eve; Black", title='Associate, "senior"', manager="bob"),
    ],
    stakes=[
        om.Stake("alice", "alice-holdco", om.Share.exact(1.0)),
        om.Stake(
            "alice-holdco",
            "acme",
            om.Share.exact(0.4),
            voting=om.Share.exact(0.4),
            profit_share=om.Share.exact(0.35),
            liability=om.Liability.LIMITED,
        ),
        om.Stake("bob", "acme", om.Share.between(0.25, 0.5), attributes={"class": "B"}),
    ],
    relationships=[
        om.Relationship("alice", om.RelationshipKind.CLIENT, "Globex Corp"),
        om.Relationship("bob", om.RelationshipKind.INVESTOR, "Initech Fund"),
    ],
    custom_tags=[om.Tag("pitching", {om.Lean.EXTERNAL}, "pitches for new work")],
)


def _csv_write_people() -> str:
    return csv_tables()[0]["people"]


_HANDWRITTEN_YAML = """\
organization: Acme
defaults: &d {employment: partner}
vocabulary:
  - {tag: pitching, leans: [strategic, external], description: wins work}
people:
  - {id: alice, name: Alice, <<: *d, attributes: {joined: 2020-01-01, tags: &t [a, b]}}
  - id: bob
    name: Bob
    title: "Partner"
    dotted: []
    attributes: {tags: *t, ratio: .5, big: 1e3, hex: 0x1F, none: ~}
lines:
  - {report: bob, manager: alice, kind: solid}
stakes:
  - {holder: alice, entity: acme, share: "25-50%"}
  - {holder: bob, entity: acme, share: {minimum: 0.1, maximum: 0.2}}
entities: [{id: acme, name: Acme, kind: llp}]
"""


_HR_EXPORT = (
    "id,name,title,manager_id,Department,Email\n"
    "1,Ann,CEO,,Board,ann@example.com\n"
    "2,Ben,CFO,1,Finance,\n"
    '3,"Cole, Jr.",Clerk,2,Finance,"c@x"\n'
)


def csv_tables() -> list[dict[str, str]]:
    """Valid sets of CSV tables (table kind → text) to mutate one table of."""
    from orgmodel.io import _csv_write  # noqa: PLC0415

    return [_csv_write.tables(_ORG), {"people": _HR_EXPORT}]


def load_csv_tables(tables: dict[str, str]) -> om.Organization:
    """Load a set of CSV tables as :func:`orgmodel.load` loads the files."""
    from orgmodel.io import _csv, _files  # noqa: PLC0415

    files = {k: (f"{k}.csv", _files.check_text(t, f"{k}.csv")) for k, t in tables.items()}
    return _csv._load(files, "people.csv")


#: Valid documents to mutate, by format.
SEEDS: dict[str, list[str]] = {
    "yaml": [om.dumps(_ORG, format="yaml"), _HANDWRITTEN_YAML],
    # BODS arrives through the JSON reader too (an array of statements).
    "json": [om.dumps(_ORG, format="json"), om.dumps(_ORG, format="bods")],
    "csv": [_csv_write_people(), _HR_EXPORT],
}

_DATA = Path(__file__).parent / "data"


def _texts(folder: str, *names: str) -> list[str]:
    return [(_DATA / folder / name).read_text(encoding="utf-8") for name in names]


_TABLES = _texts(
    "tables",
    "visio-org-chart-wizard.csv",
    "orgchart-now.csv",
    "d3-org-chart.csv",
    "bamboohr.csv",
    "hibob.csv",
    "adp-workforce-now.csv",
    "organogram-2024-03-31-senior.csv",
)
_SHEET_XML = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Employee ID</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>Name</t></is></c>'
    '<c r="C1" t="inlineStr"><is><t>Reports To</t></is></c>'
    '<c r="D1" t="inlineStr"><is><t>FTE</t></is></c></row>'
    '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>Ann Lee</t></is></c>'
    '<c r="D2"><f>0.5*2</f><v>1</v></c></row>'
    '<row r="3"><c r="A3"><v>2</v></c><c r="B3" t="inlineStr"><is><t>Bo Chen</t></is></c>'
    '<c r="C3" t="inlineStr"><is><t>Ann Lee</t></is></c><c r="D3"><v>0.6</v></c></row>'
    "</sheetData></worksheet>"
)

#: Valid inputs of the readers of the data people have, by kind: tables (CSV, any
#: delimiter), tab-separated text, directory dumps (JSON), LDIF, and the sheet XML of
#: an Excel workbook (mutated, then zipped into a workbook by workbook_with_sheet).
READER_SEEDS: dict[str, list[str]] = {
    "table": [*_TABLES, _TABLES[3].replace(",", ";")],
    "tsv": [_TABLES[1].replace(",", "\t"), _TABLES[4].replace(",", "\t")],
    "directory": _texts("directories", "scim-users.json", "graph-users.json", "google-users.json"),
    "ldif": _texts("directories", "people.ldif"),
    "xlsx": [_SHEET_XML],
}


def _workbook_template() -> bytes:
    import openpyxl  # noqa: PLC0415 - only the xlsx fuzzing needs it

    book = openpyxl.Workbook()
    book.active.append(["placeholder"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


_TEMPLATE: list[bytes] = []


def workbook_with_sheet(sheet_xml: str) -> bytes:
    """Return a workbook whose first sheet's XML is *sheet_xml*."""
    if not _TEMPLATE:
        _TEMPLATE.append(_workbook_template())
    source = zipfile.ZipFile(io.BytesIO(_TEMPLATE[0]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = sheet_xml.encode("utf-8", "surrogatepass")
            target.writestr(info, content)
    return out.getvalue()


_FORMAT = {"table": "csv", "tsv": "tsv", "directory": "json", "ldif": "ldif", "xlsx": "xlsx"}


def load_reader_input(kind: str, text: str) -> om.Organization:
    """Load a (mutated) input of READER_SEEDS' *kind* as om.loads would."""
    if kind == "xlsx":
        return om.loads(workbook_with_sheet(text), format="xlsx")
    return om.loads(text, format=_FORMAT[kind])


#: Characters that matter to YAML, JSON and CSV parsers, plus some that should not.
MUTATION_ALPHABET = (
    " \t\n\r:-,[]{}\"'#&*!|>%@`?=~;.0123456789eE+\\/<\x00\x85\u2028\ufeff\U0001f600aZ_"
)
_KEYS = (
    "id",
    "name",
    "manager",
    "manger",
    "dotted",
    "people",
    "stakes",
    "share",
    "entity",
    "holder",
    "kind",
    "lines",
    "report",
    "attributes",
    "vocabulary",
    "leans",
    "!!python/object:os.system",
    "&a",
    "*a",
    "<<",
    "manager_id",
    "dotted_manager_ids",
    "name:json",
    "0.4",
    "40",
    "1e999",
    "-1",
    "null",
    "[",
    "{",
    "Employee ID",
    "Reports To",
    "Manager Email",
    "Department",
    "Vacant",
    "N/D",
    "XX",
    "Post Unique Reference",
    "Reports to Senior Post",
    "dn:",
    "manager:",
    "Resources",
    "@odata.context",
    "relations",
    '<c r="A9"><f>1/0</f></c>',
    "<!ENTITY",
    " > ",
    " / ",
    "sep=;",
)


def random_ops(rng: random.Random) -> list[tuple[int, int, int, str]]:
    """Draw one to four edit operations for :func:`mutate` from *rng*."""
    return [
        (
            rng.randrange(7),
            rng.randrange(1 << 20),
            rng.randrange(41),
            "".join(rng.choice(MUTATION_ALPHABET) for _ in range(rng.randrange(7))),
        )
        for _ in range(rng.randint(1, 4))
    ]


def mutate(text: str, ops: list[tuple[int, int, int, str]]) -> str:
    """Apply edit operations ``(kind, position, length, insert)`` to *text*.

    Kinds: 0 delete, 1 insert, 2 replace, 3 duplicate a slice, 4 put in a known key,
    5 swap two lines, 6 truncate.  Positions wrap around the text's length.
    """
    for kind, position, length, insert in ops:
        size = len(text) or 1
        at = position % size
        end = min(len(text), at + length)
        if kind == 0:
            text = text[:at] + text[end:]
        elif kind == 1:
            text = text[:at] + insert + text[at:]
        elif kind == 2:
            text = text[:at] + insert + text[end:]
        elif kind == 3:
            text = text[:end] + text[at:end] * (1 + length % 5) + text[end:]
        elif kind == 4:
            text = text[:at] + _KEYS[length % len(_KEYS)] + text[end:]
        elif kind == 5:
            lines = text.split("\n")
            i, j = at % len(lines), (at + length) % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        else:
            text = text[:at]
    return text


# -- writers: random hostile organisations, written and read back ------------------------

#: The formats that write a whole organisation, and a file name for each.
WRITTEN_FORMATS = {
    "yaml": "firm.yaml",
    "json": "firm.json",
    "csv": "people.csv",
    "graphml": "firm.graphml",
}
_SAFE_ID = "abcdefghijklmnopqrstuvwxyz0123456789-_."


def _hostile_text(rng: random.Random, size: int = 4) -> str:
    from strategies import HOSTILE_WORDS  # noqa: PLC0415 - tests/ is on sys.path

    parts = []
    for _ in range(rng.randrange(size + 1)):
        if rng.random() < 0.6:
            parts.append(rng.choice(HOSTILE_WORDS))
        else:
            parts.append(chr(rng.choice([rng.randrange(0x20, 0x7F), rng.randrange(0x110000)])))
    text = "".join(parts)
    return "".join(c for c in text if not 0xD800 <= ord(c) <= 0xDFFF)  # no lone surrogates


def _hostile_id(rng: random.Random, taken: set[str]) -> str:
    while True:
        if rng.random() < 0.3:
            candidate = _hostile_text(rng, 2).strip()
            candidate = "".join(c for c in candidate if c.isprintable())
        else:
            candidate = "".join(rng.choice(_SAFE_ID) for _ in range(rng.randint(1, 6)))
        usable = candidate and candidate == candidate.strip() and not candidate.startswith("ext:")
        if usable and candidate not in taken:
            taken.add(candidate)
            return candidate


def _hostile_value(rng: random.Random, depth: int = 0) -> object:
    roll = rng.random()
    if depth < 4 and roll < 0.15:
        return [_hostile_value(rng, depth + 1) for _ in range(rng.randrange(3))]
    if depth < 4 and roll < 0.3:
        return {
            _hostile_text(rng, 2): _hostile_value(rng, depth + 1) for _ in range(rng.randrange(3))
        }
    return rng.choice(
        [
            None,
            rng.random() < 0.5,
            rng.randint(-(10**18), 10**18),
            rng.uniform(-1e300, 1e300),
            _hostile_text(rng),
        ]
    )


def _attributes(rng: random.Random) -> dict[str, object]:
    return {_hostile_text(rng, 2): _hostile_value(rng) for _ in range(rng.randrange(3))}


def random_organization(rng: random.Random) -> om.Organization:
    """A random valid organisation whose ids, texts and attributes are hostile."""
    taken: set[str] = set()
    n_people, n_entities, n_units = rng.randrange(8), rng.randrange(4), rng.randrange(3)
    units: list[om.Unit] = []
    for i in range(n_units):
        uid = _hostile_id(rng, taken)
        parent = rng.choice([None, *[u.id for u in units]]) if i else None
        units.append(om.Unit(uid, _hostile_text(rng), function=_hostile_text(rng), parent=parent))
    people: list[om.Person] = []
    for i in range(n_people):
        pid = _hostile_id(rng, taken)
        manager = rng.choice([None, *[p.id for p in people]]) if i else None
        people.append(
            om.Person(
                pid,
                _hostile_text(rng),
                title=_hostile_text(rng),
                employment=rng.choice(list(om.Employment)),
                unit=rng.choice([None, *[u.id for u in units]]),
                manager=manager,
                responsibilities=rng.sample(
                    ["strategy", "operations", "x" + _hostile_text(rng, 1)], 2
                ),
                attributes=_attributes(rng),
            )
        )
    entities = [
        om.Entity(_hostile_id(rng, taken), _hostile_text(rng), attributes=_attributes(rng))
        for _ in range(n_entities)
    ]
    stakes = [
        om.Stake(
            rng.choice(people).id,
            e.id,
            om.Share.exact(rng.random() / 4),
            attributes=_attributes(rng),
        )
        for e in entities
        if people
        for _ in range(rng.randrange(3))
    ]
    counterparties = [_hostile_text(rng) for _ in range(2)]
    relationships = [
        om.Relationship(
            rng.choice(people).id,
            rng.choice(list(om.RelationshipKind)),
            name,
            attributes=_attributes(rng),
        )
        for name in counterparties
        if people and name.strip()
    ]
    return om.Organization(
        name=_hostile_text(rng),
        people=people,
        entities=entities,
        units=units,
        stakes=stakes,
        relationships=relationships,
        focal_entity=entities[0].id if entities else None,
    )


def check_written(org: om.Organization, folder: str) -> None:
    """Write *org* in every format and read it back; raise on any difference.

    A writer may refuse what its format cannot hold with a ValidationError (CSV and
    NUL), leaving no file; anything else it writes must read back equal.
    """
    from pathlib import Path  # noqa: PLC0415

    for fmt, name in WRITTEN_FORMATS.items():
        where = Path(folder) / fmt
        where.mkdir()
        path = where / name
        try:
            om.dump(org, path)
        except om.ValidationError as err:
            if fmt != "csv" or not all("NUL" in p.message for p in err.problems):
                raise
            if any(where.iterdir()):
                msg = f"the {fmt} writer refused but left files behind"
                raise AssertionError(msg) from err
            continue
        again = om.load(path)
        if again != org:
            msg = f"an organisation written as {fmt} reads back different"
            raise AssertionError(msg)
        text_formats = ("yaml", "json", "graphml")
        if fmt in text_formats and om.loads(om.dumps(org, format=fmt), format=fmt) != org:
            msg = f"an organisation dumped as {fmt} text reads back different"
            raise AssertionError(msg)
