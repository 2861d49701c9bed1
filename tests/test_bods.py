"""Reading and writing the Beneficial Ownership Data Standard (BODS) 0.4."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import orgmodel as om
from orgmodel.io._bods import from_bods, is_bods, to_bods
from orgmodel.io._bods_write import BodsExportWarning, bods_export
from strategies import organizations

DATA = Path(__file__).parent / "data" / "bods"
GOOD = ["exact.json", "ranges.json", "indirect.json", "voting.json", "updates.json"]


def read(name: str) -> Any:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def load(name: str) -> om.Organization:
    return from_bods(read(name), source=name)


def stake(org: om.Organization, holder: str, entity: str) -> om.Stake:
    (found,) = [s for s in org.stakes if s.holder == holder and s.entity == entity]
    return found


def problems(name_or_doc: str | list[Any]) -> list[tuple[str, str]]:
    doc = read(name_or_doc) if isinstance(name_or_doc, str) else name_or_doc
    with pytest.raises(om.ValidationError) as info:
        from_bods(doc, source="doc.json")
    assert "doc.json" in str(info.value)
    # the statement's id follows the place: tested in test_problems_name_the_statement
    return [(p.code.value, p.location.split(" (statement ")[0]) for p in info.value.problems]


def ownership(org: om.Organization) -> tuple[Any, ...]:
    """The ownership part: people, entities and stakes, compared as records."""
    return (org.people, org.entities, sorted(org.stakes, key=repr))


# -- reading ------------------------------------------------------------------------


def test_exact_shares_and_details():
    """Exact shares become exact fractions; other details stay in attributes."""
    org = load("exact.json")
    assert org.focal_entity == "rivet-works"
    assert org.name == "Rivet Works Ltd"
    mara = stake(org, "mara-quist", "rivet-works")
    assert mara.share == om.Share.exact(0.7)
    assert mara.voting == om.Share.exact(0.7)
    assert stake(org, "tobias-fenn", "rivet-works").voting is None
    assert org.person("mara-quist").name == "Mara Quist"
    assert org.person("mara-quist").attributes["bods"]["birthDate"] == "1979-02"
    assert org.entity("rivet-works").attributes["bods"]["identifiers"][0]["id"] == "09876543"
    assert org.entity("rivet-works").kind is om.EntityKind.COMPANY


def test_ranges_and_exclusive_bounds():
    """Ranges become Share ranges; exclusive bounds become open ends."""
    org = load("ranges.json")
    assert stake(org, "ines-okafor", "lantern-llp").share == om.Share.between(0.25, 0.5)
    pavel = stake(org, "pavel-roos", "lantern-llp")
    assert pavel.share == om.Share.between(0.25, 0.5, lower_open=True)
    assert pavel.voting == om.Share.between(0.5, 0.75, lower_open=True, upper_open=True)
    assert stake(org, "yuki-brandt", "lantern-llp").share == om.Share.between(
        0.0, 0.25, upper_open=True
    )


def test_indirect_interests_are_declared_holdings():
    """An indirect interest is a declared holding (Stake.indirect), not a network link."""
    org = load("indirect.json")
    pairs = sorted((s.holder, s.entity, s.indirect) for s in org.stakes)
    assert pairs == [
        ("harbour-holdings", "rivet-works", False),
        ("mara-quist", "harbour-holdings", False),
        ("mara-quist", "rivet-works", True),
        ("olu-baines", "rivet-works", False),
    ]
    assert org.focal_entity == "rivet-works"


def test_votes_profits_and_control_only_interests():
    """votingRights → voting, rightsToProfitOrIncome → profit share; board-only → share 0."""
    org = load("voting.json")
    ada = stake(org, "ada-marsh", "quill-press")
    assert (ada.share, ada.voting, ada.profit_share) == (
        om.Share.exact(0.2),
        om.Share.exact(0.55),
        om.Share.exact(0.1),
    )
    ben = stake(org, "ben-hale", "quill-trust")
    assert ben.share == om.Share.between(0.0, 1.0)  # votes without a stated shareholding
    assert ben.voting == om.Share.between(0.5, 0.75)
    cora = stake(org, "cora-vance", "quill-press")
    assert cora.share == om.Share.exact(0.0)
    assert [i["type"] for i in cora.attributes["bods"]["interests"]] == [
        "appointmentOfBoard",
        "seniorManagingOfficial",
    ]
    assert org.entity("quill-trust").kind is om.EntityKind.TRUST


def test_later_statements_replace_earlier_and_closed_ones_drop():
    """Record updates win; a closed relationship leaves no stake."""
    org = load("updates.json")
    assert [(s.holder, s.share) for s in org.stakes] == [("mara-quist", om.Share.exact(1.0))]
    assert org.person("tobias-fenn").name == "Tobias J. Fenn"


def test_detection():
    """Only an array of statements is detected as BODS."""
    assert is_bods(read("exact.json"))
    assert not is_bods({"statements": read("exact.json")})
    assert not is_bods([{"id": "x"}])


# -- problems -------------------------------------------------------------------------

SHARE = "statements[3].recordDetails.interests[0].share"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("bad-min-above-max.json", [("share-range", SHARE)]),
        ("bad-exact-beside-range.json", [("share-range", SHARE)]),
        (
            "bad-missing-record.json",
            [("unknown-reference", "statements[4].recordDetails.interestedParty")],
        ),
        ("bad-record-type.json", [("unknown-value", "statements[2].recordType")]),
        (
            "bad-types.json",
            [
                ("wrong-type", "statements[0].recordDetails.name"),
                ("wrong-type", f"{SHARE}.exact"),
                ("wrong-type", "statements[3].recordDetails.interests[1]"),
                ("wrong-type", "statements[4].recordDetails.interests"),
            ],
        ),
    ],
)
def test_error_fixtures(name, expected):
    """Each broken fixture reports its problems at their place in the document."""
    assert problems(name) == expected


def test_missing_record_suggests_the_near_id():
    """A dangling reference names the record and suggests the near one."""
    with pytest.raises(om.ValidationError, match="did you mean 'tobias-fenn'"):
        load("bad-missing-record.json")


@pytest.mark.parametrize(
    ("share", "code"),
    [
        ({"minimum": 50, "exclusiveMinimum": 40}, "share-range"),
        ({"exclusiveMinimum": 50, "exclusiveMaximum": 50}, "share-range"),
        ({"exact": 30, "exclusiveMaximum": 30}, "share-range"),
        ({"exact": 130}, "share-range"),
        ({"exact": True}, "wrong-type"),
        ({"percent": 30}, "unknown-key"),
        ([30], "wrong-type"),
    ],
)
def test_share_problems(share, code):
    """Impossible, out-of-range and mistyped shares are reported, never raised raw."""
    doc = read("exact.json")
    doc[3]["recordDetails"]["interests"][0]["share"] = share
    assert [c for c, _ in problems(doc)] == [code]


def test_exact_with_equal_bounds_is_fine():
    """BODS asks for minimum and maximum equal to an exact share: accepted."""
    doc = read("exact.json")
    doc[3]["recordDetails"]["interests"][0]["share"] = {"exact": 70, "minimum": 70, "maximum": 70}
    assert stake(from_bods(doc), "mara-quist", "rivet-works").share == om.Share.exact(0.7)


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ({"statements": []}, [("wrong-type", "statements")]),
        ([42], [("wrong-type", "statements[0]")]),
        (
            [{"statementId": "s"}],
            [
                ("missing-key", "statements[0].recordType"),
                ("missing-key", "statements[0].recordDetails"),
            ],
        ),
        (
            [{"statementId": "s", "recordType": "person", "recordDetails": []}],
            [("wrong-type", "statements[0].recordDetails")],
        ),
    ],
)
def test_document_shape_problems(doc, expected):
    """A document that is not a list of statement objects is reported."""
    assert problems(doc) == expected


def test_structural_problems():
    """Wrong record kinds, a duplicate id across types and a missing subject are reported."""
    doc = read("exact.json")
    doc[3]["recordDetails"]["subject"] = "mara-quist"  # a person as subject
    doc[4]["recordDetails"].pop("subject")
    doc.append({**doc[1], "recordType": "entity"})  # mara-quist again, as an entity
    assert problems(doc) == [
        ("duplicate-id", "statements[5].recordId"),
        ("unknown-reference", "statements[3].recordDetails.subject"),
        ("missing-key", "statements[4].recordDetails.subject"),
    ]


def test_model_problems_point_at_statements():
    """A problem the model finds (self-holding, over 100%) points at the statement."""
    doc = read("exact.json")
    doc[3]["recordDetails"]["interests"][0]["share"] = {"exact": 80}
    found = problems(doc)
    assert found == [("share-overflow", "statements[3].recordDetails.interests")]
    doc = read("indirect.json")
    doc[4]["recordDetails"]["interestedParty"] = "harbour-holdings"
    assert ("self-holding", "statements[4]") in problems(doc)


def test_unspecified_interested_party_is_kept():
    """An unspecified owner (with a reason) is kept on the subject and written back."""
    doc = read("exact.json")
    doc[4]["recordDetails"]["interestedParty"] = {
        "reason": "subjectExemptFromDisclosure",
        "description": "Listed on a regulated market",
    }
    org = from_bods(doc)
    assert [s.holder for s in org.stakes] == ["mara-quist"]
    out = to_bods(org, date="2026-01-01")
    unspecified = [
        s
        for s in out
        if s["recordType"] == "relationship"
        and isinstance(s["recordDetails"]["interestedParty"], dict)
    ]
    assert unspecified[0]["recordDetails"]["interestedParty"]["reason"] == (
        "subjectExemptFromDisclosure"
    )


# -- writing and round trips --------------------------------------------------------------


@pytest.mark.parametrize("name", GOOD)
def test_round_trip_keeps_the_ownership_part(name):
    """BODS → Organization → BODS → Organization keeps people, entities and stakes."""
    first = load(name)
    written = to_bods(first, date="2026-01-01")
    second = from_bods(json.loads(json.dumps(written)))
    assert ownership(second) == ownership(first)
    assert to_bods(second, date="2026-01-01") == written


def test_exclusive_bounds_survive_the_round_trip():
    """Exclusive bounds are written back as read when the model's share is unchanged."""
    written = to_bods(load("ranges.json"), date="2026-01-01")
    pavel = next(s for s in written if s["recordId"] == "rel-pavel")
    shares = [i["share"] for i in pavel["recordDetails"]["interests"]]
    assert shares == [
        {"exclusiveMinimum": 25, "maximum": 50},
        {"exclusiveMinimum": 50, "exclusiveMaximum": 75},
    ]


def test_edits_in_the_model_win_over_kept_details():
    """A share changed in the model is written, not the one read."""
    org = load("exact.json")
    mara = stake(org, "mara-quist", "rivet-works")
    edited = attrs.evolve(mara, share=om.Share.exact(0.6), voting=None)
    stakes = [edited if s is mara else s for s in org.stakes]
    org2 = attrs.evolve(org, stakes=stakes)
    written = to_bods(org2, date="2026-01-01")
    before, after = (s for s in written if s["recordId"] == "rel-mara-rivet")
    interests = after["recordDetails"]["interests"]
    assert [(i["type"], i["share"]["exact"]) for i in interests] == [("shareholding", 60)]
    assert interests[0]["startDate"] == "2021-06-01"
    assert (after["recordStatus"], after["statementDate"]) == ("updated", "2026-01-01")
    assert before == next(s for s in to_bods(org) if s["recordId"] == "rel-mara-rivet")
    assert stake(from_bods(written), "mara-quist", "rivet-works").share == om.Share.exact(0.6)


def test_written_statements_have_the_04_shape():
    """Written statements carry the fields BODS 0.4 requires, in dependency order."""
    org = om.Organization(
        name="Acme",
        people=[om.Person("ann", "Ann"), om.Person("bob", "Bob (no stake)")],
        entities=[
            om.Entity("acme", "Acme LLP", kind=om.EntityKind.LLP),
            om.Entity("hold", "Holdco", kind=om.EntityKind.TRUST),
        ],
        stakes=[
            om.Stake("ann", "hold", om.Share.exact(1.0)),
            om.Stake("hold", "acme", om.Share.parse("25-50%"), profit_share=om.Share.parse("40%")),
        ],
        focal_entity="acme",
    )
    with pytest.warns(BodsExportWarning, match=r"1 people who hold nothing .*\(bob\)"):
        written = to_bods(org, date="2026-02-03", publisher="Acme registry")
    assert [s["recordId"] for s in written] == ["acme", "hold", "ann", "ann/hold", "hold/acme"]
    for statement in written:
        assert {
            "statementId",
            "declarationSubject",
            "recordId",
            "recordType",
            "recordDetails",
        } <= statement.keys()
        assert 32 <= len(statement["statementId"]) <= 64
        assert statement["declarationSubject"] == "acme"
        assert statement["publicationDetails"]["bodsVersion"] == "0.4"
        assert statement["recordDetails"]["isComponent"] is False
    assert len({s["statementId"] for s in written}) == len(written)
    assert written[1]["recordDetails"]["entityType"]["subtype"] == "trust"
    interests = written[4]["recordDetails"]["interests"]
    assert [(i["type"], i["share"]) for i in interests] == [
        ("shareholding", {"minimum": 25, "maximum": 50}),
        ("rightsToProfitOrIncome", {"exact": 40, "minimum": 40, "maximum": 40}),
    ]
    back = from_bods(written)
    assert [(e.id, e.name, e.kind) for e in back.entities] == [
        (e.id, e.name, e.kind) for e in org.entities
    ]
    assert [p.id for p in back.people] == ["ann"]  # Bob holds nothing: not written


def close(a: om.Share | None, b: om.Share | None) -> bool:
    """Equal up to the last bit lost to per cent and back (0.1 × 100 / 100)."""
    if a is None or b is None:
        return a is b
    return math.isclose(a.lower, b.lower, rel_tol=1e-14, abs_tol=1e-300) and math.isclose(
        a.upper, b.upper, rel_tol=1e-14, abs_tol=1e-300
    )


@settings(max_examples=30)
@given(organizations(max_people=5, max_entities=3, max_units=0, attributes=st.just({})))
def test_any_organisation_round_trips_its_ownership(org):
    """Any valid organisation keeps its stakes, entities and holders through BODS."""
    written = bods_export(org, date="2026-01-01").statements
    back = from_bods(json.loads(json.dumps(written)))
    assert [(e.id, e.name, e.kind) for e in back.entities] == [
        (e.id, e.name, e.kind) for e in org.entities
    ]
    assert [(s.holder, s.entity, s.indirect) for s in back.stakes] == [
        (s.holder, s.entity, s.indirect) for s in org.stakes
    ]
    for mine, theirs in zip(back.stakes, org.stakes, strict=True):
        assert (mine.control, mine.roles) == (theirs.control, theirs.roles)
        assert close(mine.share, theirs.share)
        assert close(mine.voting, theirs.voting)
        assert close(mine.profit_share, theirs.profit_share)
    holders = {s.holder for s in org.stakes}
    assert {(p.id, p.name) for p in back.people} == {
        (p.id, p.name) for p in org.people if p.id in holders
    }


# -- through load and dump --------------------------------------------------------------


def test_load_with_format_and_by_detection(tmp_path):
    """om.load reads BODS with format='bods', and detects it in a .json file."""
    path = DATA / "voting.json"
    assert om.load(path, format="bods") == load("voting.json")
    assert om.load(path) == load("voting.json")  # .json holding an array of statements
    copy = tmp_path / "register.txt"
    copy.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    assert om.load(copy, format=om.Format.BODS) == load("voting.json")


def test_dump_and_loads(tmp_path):
    """om.dump(format='bods') writes statements that read back to the same ownership."""
    org = load("indirect.json")
    target = tmp_path / "out.json"
    om.dump(org, target, format="bods")
    written = json.loads(target.read_text(encoding="utf-8"))
    assert is_bods(written)
    assert ownership(om.load(target)) == ownership(org)
    text = om.dumps(org, format="bods")
    assert ownership(om.loads(text, format="bods")) == ownership(org)


def test_load_reports_problems_with_the_file_name():
    """Problems in a BODS file name the file and the place."""
    path = DATA / "bad-min-above-max.json"
    with pytest.raises(om.ValidationError) as info:
        om.load(path)
    assert str(path) in str(info.value)
    assert [p.location.split(" (statement ")[0] for p in info.value.problems] == [SHARE]


def test_problems_name_the_statement():
    """Each problem's location names the statement it is in by its statementId."""
    doc = read("exact.json")
    doc[3]["recordDetails"]["interests"][0]["share"] = {"exact": 130}
    with pytest.raises(om.ValidationError) as info:
        from_bods(doc)
    sid = doc[3]["statementId"]
    assert [p.location for p in info.value.problems] == [
        f"statements[3].recordDetails.interests[0].share.exact (statement {sid!r})"
    ]


def test_own_json_format_is_not_taken_for_bods():
    """orgmodel's JSON (an object) stays JSON; BODS text that is not JSON is a syntax error."""
    org = om.loads('{"organization": "Acme", "people": [{"id": "a", "name": "A"}]}', format="json")
    assert org.person("a").name == "A"
    with pytest.raises(om.ValidationError) as info:
        om.loads("[{", format="bods")
    assert info.value.problems[0].code is om.ProblemCode.SYNTAX_ERROR
    with pytest.raises(om.ValidationError, match="array of statements"):
        om.loads('{"organization": "Acme"}', format="bods")


def test_analyses_run_on_a_bods_register():
    """Look-through, control and the cap table work on what BODS gives."""
    org = load("indirect.json")
    owners = om.effective_ownership(org, "rivet-works")
    assert {k: v.value for k, v in owners.items()} == {
        "mara-quist": pytest.approx(0.6),
        "olu-baines": pytest.approx(0.4),
    }
    (found,) = om.controllers(org, "rivet-works")
    assert found.chain == ("mara-quist", "harbour-holdings", "rivet-works")
    assert om.cap_table(org, "rivet-works").unallocated == om.Share.exact(0.0)
    voting = load("voting.json")
    assert [c.holder for c in om.controllers(voting, "quill-press")] == ["ada-marsh"]
    assert [(c.holder, c.certain) for c in om.controllers(voting, "quill-trust")] == [
        ("ben-hale", False)
    ]
