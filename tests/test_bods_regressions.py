"""The failures issue 12 reported on BODS data, and the trust, nominee and joint cases.

Each test names the failure it pins down; the documents are built here, statement by
statement, in the shapes the standard's examples use.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import orgmodel as om
from _bods_docs import entity, interest, person, rel
from orgmodel.io import bods_export, from_bods

REGIMES = (None, "uk-psc", "eu-amlr", "us-cta")
SCENARIOS = Path(__file__).parent / "data" / "bods" / "scenarios"


def owners(org: om.Organization, regime: str | None, focal: str = "co") -> dict[str, str]:
    return {o.person: str(o.share) for o in om.beneficial_owners(org, focal, regime=regime)}


def chain(link: dict[str, Any], *primary: dict[str, Any]) -> list[dict[str, Any]]:
    """Co held 60% by Holdco; Ann linked to Holdco by *link*; Ann's *primary* interests in Co."""
    return [
        entity("co", "Co Ltd"),
        entity("hold", "Holdco Ltd", isComponent=True),
        person("ann", "Ann Lee"),
        rel("hold-co", "co", "hold", interest("shareholding", 60), isComponent=True),
        rel("ann-hold", "hold", "ann", link, isComponent=True),
        rel("ann-co", "co", "ann", *primary, componentRecords=["hold", "hold-co", "ann-hold"]),
    ]


# -- 1. interests with no type, unknownInterest, unpublishedInterest ------------------


@pytest.mark.parametrize("regime", REGIMES)
def test_declared_30_percent_through_an_untyped_link_is_an_owner(regime):
    """Failure 1: a person declared to hold 30% indirectly was absent; now 30%, an owner."""
    doc = chain(interest(None, level="unknown"), interest("shareholding", 30, level="indirect"))
    assert owners(from_bods(doc), regime) == {"ann": "30%"}


def test_fifty_direct_and_fifty_indirect_make_a_hundred():
    """Failure 1: "50% direct + 50% indirect" came out 50%; now 100%."""
    doc = chain(
        interest(None, level="unknown"),
        interest("shareholding", 50, level="indirect"),
        interest("shareholding", 50),
    )
    doc[3]["recordDetails"]["interests"][0]["share"] = {"exact": 50}  # Holdco holds 50%
    org = from_bods(doc)
    assert {k: str(v) for k, v in om.effective_ownership(org, "co").items()} == {"ann": "100%"}
    assert owners(org, "uk-psc") == {"ann": "100%"}


def test_declared_60_percent_through_two_untyped_chains():
    """Failure 1: declared 60% through two intermediaries came out 0; now 60%."""
    doc = [
        entity("co", "Co Ltd"),
        entity("a", "A Ltd", isComponent=True),
        entity("b", "B Ltd", isComponent=True),
        person("ann", "Ann Lee"),
        rel("a-co", "co", "a", interest("shareholding", 50), isComponent=True),
        rel("b-co", "co", "b", interest("shareholding", 50), isComponent=True),
        rel("ann-a", "a", "ann", interest(None, level="unknown"), isComponent=True),
        rel("ann-b", "b", "ann", interest(None, level="unknown"), isComponent=True),
        rel("ann-co", "co", "ann", interest("shareholding", 60, level="indirect")),
    ]
    org = from_bods(doc)
    assert str(om.effective_ownership(org, "co")["ann"]) == "60%"
    assert owners(org, "eu-amlr") == {"ann": "60%"}


@pytest.mark.parametrize("kind", [None, "unknownInterest", "unpublishedInterest"])
@pytest.mark.parametrize(
    ("share", "shown"),
    [({"exact": 88}, "88%"), ({"minimum": 88, "maximum": 99}, "88–99%"), (None, "0–100%")],
)
def test_interests_of_unknown_kind_keep_their_share(kind, share, shown):
    """Failure 1: 88% or 88–99% of unknown kind came out 0%; the share is kept as stated."""
    doc = [
        entity("co", "Co Ltd"),
        person("ann", "Ann Lee"),
        rel("ann-co", "co", "ann", interest(kind, share)),
    ]
    (stake,) = from_bods(doc).stakes
    assert str(stake.share) == shown


@pytest.mark.parametrize("kind", [None, "unknownInterest", "unpublishedInterest", "boardMember"])
def test_minimum_above_maximum_is_a_problem_whatever_the_type(kind):
    """Failure 1: a minimum above its maximum loaded silently; now a share-range problem."""
    doc = [
        entity("co", "Co Ltd"),
        person("ann", "Ann Lee"),
        rel("ann-co", "co", "ann", interest(kind, {"minimum": 60, "maximum": 40})),
    ]
    with pytest.raises(om.ValidationError) as info:
        from_bods(doc)
    place = "statements[2].recordDetails.interests[0].share"
    assert [(p.code, p.location) for p in info.value.problems] == [
        (om.ProblemCode.SHARE_RANGE, f"{place} (statement {doc[2]['statementId']!r})")
    ]


# -- 2. control without shares --------------------------------------------------------


def state_owned() -> list[dict[str, Any]]:
    return [
        entity("co", "State Rail Ltd"),
        entity("ministry", "Ministry of Transport", "stateBody", subtype="governmentDepartment"),
        entity("state", "The Republic", "state"),
        rel("ministry-co", "co", "ministry", interest("shareholding", 100)),
        rel("state-ministry", "ministry", "state", interest("controlByLegalFramework")),
    ]


@pytest.mark.parametrize("regime", REGIMES)
def test_a_ministry_controlled_by_statute_passes_its_holding_to_the_state(regime):
    """Failure 2: effective_ownership was {}; the State holds 100% through control."""
    org = from_bods(state_owned())
    assert om.effective_ownership(org, "co", regime=regime) == {"state": om.Share.exact(1.0)}
    (owner,) = om.ultimate_owners(org, "co", regime=regime)
    assert (owner.holder, owner.via) == ("state", ("control",))


def test_the_route_is_an_enum_written_as_its_text():
    """The route through control is Route.CONTROL, and plain "control" in the JSON form."""
    (owner,) = om.ultimate_owners(from_bods(state_owned()), "co", regime="uk-psc")
    assert owner.via == (om.Route.CONTROL,)
    assert type(owner.via[0]) is om.Route
    assert json.loads(json.dumps(owner.to_dict()))["via"] == ["control"]


def test_control_only_interests_are_control_not_shares():
    """Failure 2: control interests are Stake.control, with a share of exactly 0."""
    org = from_bods(state_owned())
    stake = next(s for s in org.stakes if s.holder == "state")
    assert (stake.share, stake.control) == (om.Share.exact(0.0), (om.Control.LEGAL_FRAMEWORK,))
    assert om.cap_table(org, "co").unallocated == om.Share.exact(0.0)


def test_a_board_seat_alone_passes_nothing():
    """An entity nobody holds shares in does not pass its holding to a mere board member."""
    doc = state_owned()
    doc[4]["recordDetails"]["interests"] = [interest("boardMember")]
    assert om.effective_ownership(from_bods(doc), "co") == {"ministry": om.Share.exact(1.0)}


# -- 3. open-ended ranges ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("share", "certain"),
    [
        ({"exclusiveMinimum": 25, "maximum": 50}, True),  # more than 25%: a definite PSC
        ({"minimum": 25, "maximum": 50}, False),  # 25% itself is not more than 25%
        ({"exclusiveMinimum": 25}, True),
    ],
)
def test_exclusive_minimum_25_is_a_definite_uk_owner(share, certain):
    """Failure 3: exclusiveMinimum 25 was read as 25–50% inclusive, a possible owner only."""
    doc = [
        entity("co", "Co Ltd"),
        person("ann", "Ann Lee"),
        rel("ann-co", "co", "ann", interest("shareholding", share)),
    ]
    (owner,) = om.beneficial_owners(from_bods(doc), "co", regime="uk-psc")
    assert owner.certain is certain


def test_exclusive_maximum_25_is_no_owner_at_25_percent_or_more():
    """ "Less than 25%" cannot meet an "at least 25%" test."""
    doc = [
        entity("co", "Co Ltd"),
        person("ann", "Ann Lee"),
        rel(
            "ann-co", "co", "ann", interest("shareholding", {"minimum": 10, "exclusiveMaximum": 25})
        ),
    ]
    assert owners(from_bods(doc), "eu-amlr") == {}


def test_open_ends_survive_a_chain():
    """An open lower bound stays open through a wholly owned holding company."""
    doc = chain(
        interest("shareholding", 100),
        interest(
            "shareholding", {"exclusiveMinimum": 30, "exclusiveMaximum": 60}, level="indirect"
        ),
    )
    doc[3]["recordDetails"]["interests"][0]["share"] = {"exclusiveMinimum": 50, "maximum": 75}
    share = om.effective_ownership(from_bods(doc), "co")["ann"]
    assert (share.lower_open, share.upper_open) == (True, True)
    assert str(share) == "(50–60)%"


# -- 4. the round trip -----------------------------------------------------------------


def test_an_anonymous_person_is_not_given_an_invented_name():
    """Failure 4: an anonymous person was written back with a legal name."""
    unspecified = {"reason": "subjectExemptFromDisclosure"}
    doc = [
        entity("co", "Co Ltd"),
        person("anon", kind="anonymousPerson", unspecifiedPersonDetails=unspecified),
        rel("anon-co", "co", "anon", interest("shareholding", 40)),
    ]
    written = bods_export(from_bods(doc)).statements
    details = next(s["recordDetails"] for s in written if s["recordId"] == "anon")
    assert "names" not in details
    assert details["unspecifiedPersonDetails"] == unspecified


def test_component_records_are_written_back():
    """Failure 4: componentRecords were dropped."""
    doc = chain(interest("shareholding", 50), interest("shareholding", 30, level="indirect"))
    written = bods_export(from_bods(doc)).statements
    primary = next(s for s in written if s["recordId"] == "ann-co")
    assert primary["recordDetails"]["componentRecords"] == ["hold", "hold-co", "ann-hold"]
    assert next(s for s in written if s["recordId"] == "hold")["recordDetails"]["isComponent"]


@pytest.mark.parametrize("party", ["ann", {"reason": "informationUnknownToPublisher"}])
def test_relationships_with_no_interests_are_written_back(party):
    """Failure 4: relationships declaring no interests were dropped without a word."""
    doc = [entity("co", "Co Ltd"), person("ann", "Ann Lee"), rel("ann-co", "co", party)]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        export = bods_export(from_bods(doc))
    (written,) = [s for s in export.statements if s["recordType"] == "relationship"]
    assert written["recordId"] == "ann-co"
    assert written["recordDetails"]["interests"] == []
    assert export.unwritten == ()


def test_a_relationship_with_an_unspecified_subject_is_kept_on_its_party():
    """A relationship whose subject nobody can name is written back, not dropped."""
    doc = [*small(), rel("ann-x", {"reason": "unknown"}, "ann", interest("shareholding", 20))]
    org = from_bods(doc)
    written = {s["recordId"]: s for s in bods_export(org).statements}
    assert written["ann-x"]["recordDetails"]["subject"] == {"reason": "unknown"}
    assert "orgmodel" not in written["ann"]["recordDetails"]
    assert from_bods(bods_export(org).statements) == org


def test_a_relationship_with_no_interests_is_an_interest_of_unknown_size():
    """A relationship that says nothing of its interests is a holding of 0–100%."""
    doc = [entity("co", "Co Ltd"), person("ann", "Ann Lee"), rel("ann-co", "co", "ann")]
    (stake,) = from_bods(doc).stakes
    assert stake.share == om.Share.between(0.0, 1.0)


def test_the_export_says_what_bods_cannot_carry():
    """Failure 4: people without a stake, units and reporting lines went without a word."""
    org = om.Organization(
        name="Acme",
        people=[om.Person("ann", "Ann", unit="ops"), om.Person("bob", "Bob", manager="ann")],
        units=[om.Unit("ops", "Operations")],
        entities=[om.Entity("acme", "Acme Ltd")],
        stakes=[om.Stake("ann", "acme", om.Share.exact(1.0))],
    )
    with pytest.warns(om.BodsExportWarning) as caught:
        om.dumps(org, format="bods")
    warning = caught[0].message
    assert isinstance(warning, om.BodsExportWarning)
    assert warning.unwritten == (
        "1 people who hold nothing and did not come from BODS (bob)",
        "1 units",
        "1 reporting lines",
    )
    assert caught[0].filename == __file__  # the warning points at the caller


# -- 5. BODS 0.2 and 0.3 ---------------------------------------------------------------


@pytest.mark.parametrize("name", ["02-trust.json", "02-indirect.json", "03-updates.json"])
def test_older_versions_are_read(name):
    """Failure 5: 0.2 and 0.3 were refused; they are read."""
    doc = json.loads((SCENARIOS / name).read_text(encoding="utf-8"))
    assert from_bods(doc).stakes


@pytest.mark.parametrize("version", ["0.1", "1.0", "0.5", "4"])
def test_an_unknown_version_is_named_with_the_supported_ones(version):
    """Failure 5: the error never named the version; now it names it and the supported."""
    doc = [entity("co", "Co Ltd")]
    doc[0]["publicationDetails"]["bodsVersion"] = version
    with pytest.raises(om.ValidationError) as info:
        from_bods(doc, source="old.json")
    message = str(info.value)
    assert f"BODS version {version!r} is not read" in message
    assert "0.2, 0.3, 0.4" in message
    assert info.value.problems[0].location == (
        f"statements[0].publicationDetails.bodsVersion (statement {doc[0]['statementId']!r})"
    )


def test_version_told_from_the_shape_when_not_declared():
    """A 0.3 document without publication details is read as 0.3."""
    doc = [
        {"statementID": "e1", "statementType": "entityStatement", "name": "Co", "entityType": "x"},
        {"statementID": "p1", "statementType": "personStatement", "personType": "knownPerson"},
        {
            "statementID": "r1",
            "statementType": "ownershipOrControlStatement",
            "subject": {"describedByEntityStatement": "e1"},
            "interestedParty": {"describedByPersonStatement": "p1"},
            "interests": [{"type": "shareholding", "share": {"exact": 30}}],
        },
    ]
    assert [(s.holder, str(s.share)) for s in from_bods(doc).stakes] == [("p1", "30%")]


# -- trusts, nominees, joint holdings -------------------------------------------------


def trust(*parties: tuple[str, str]) -> list[dict[str, Any]]:
    doc = [
        entity("co", "Co Ltd"),
        entity("trust", "The Lee Trust", "arrangement", subtype="trust"),
        rel("trust-co", "co", "trust", interest("shareholding", 80)),
    ]
    for who, kind in parties:
        doc.append(person(who, who.title()))
        doc.append(rel(f"{who}-trust", "trust", who, interest(kind)))
    return doc


PARTIES = [
    ("sam", "settlor"),
    ("tom", "trustee"),
    ("pat", "protector"),
    ("bea", "beneficiaryOfLegalArrangement"),
    ("ben", "beneficiary"),  # the code the standard's trust guide writes
]


@pytest.mark.parametrize(
    ("regime", "expected"),
    [
        ("eu-amlr", ["bea", "ben", "pat", "sam", "tom"]),  # Art. 58(1): every party
        ("uk-psc", ["pat", "tom"]),  # trustees, and control over the trust
        ("us-cta", ["bea", "ben", "sam", "tom"]),  # trustee, beneficiary, settlor
        (None, ["bea", "ben", "pat", "sam", "tom"]),
    ],
)
def test_trust_parties_are_owners_under_each_regime(regime, expected):
    """A trust's settlor, trustees, protector and beneficiaries, as each regime names them."""
    found = om.beneficial_owners(from_bods(trust(*PARTIES)), "co", regime=regime)
    assert sorted(o.person for o in found) == expected
    assert {(str(o.share), o.via) for o in found} == {("80%", ("trust",))}


def test_uk_psc_looks_through_a_trust_to_whoever_controls_it():
    """Sch. 1A para 6: a person with significant influence over a trust is a PSC."""
    doc = trust(("sam", "settlor"), ("ivy", "otherInfluenceOrControl"))
    found = om.beneficial_owners(from_bods(doc), "co", regime="uk-psc")
    assert [(o.person, str(o.share)) for o in found] == [("ivy", "80%")]


def nomination(*, nominee_is_company: bool = False) -> list[dict[str, Any]]:
    nominee = entity("agent", "Agent Nominees Ltd") if nominee_is_company else person("agent", "Al")
    return [
        entity("co", "Co Ltd"),
        entity("nom", "Nomination", "arrangement", subtype="nomination"),
        person("vic", "Vic Lang"),
        nominee,
        rel("nom-co", "co", "nom", interest("shareholding", 45)),
        rel("vic-nom", "nom", "vic", interest("nominator")),
        rel("agent-nom", "nom", "agent", interest("nominee")),
    ]


@pytest.mark.parametrize("regime", REGIMES)
@pytest.mark.parametrize("company", [False, True])
def test_the_nominator_behind_a_nominee_is_the_owner(regime, company):
    """What a nomination holds passes to the nominator, never to the nominee."""
    org = from_bods(nomination(nominee_is_company=company))
    assert owners(org, regime) == {"vic": "45%"}
    assert om.effective_ownership(org, "co", regime=regime) == {"vic": om.Share.exact(0.45)}


@pytest.mark.parametrize(
    ("regime", "expected"),
    [
        ("uk-psc", {"ann": "100%", "bo": "100%"}),  # Sch. 1A para 11: each holds it all
        ("eu-amlr", {"ann": "50%", "bo": "50%"}),
        ("us-cta", {"ann": "50%", "bo": "50%"}),
    ],
)
def test_joint_holders_through_an_arrangement(regime, expected):
    """Two people holding jointly through an arrangement are each an owner."""
    doc = [
        entity("co", "Co Ltd"),
        entity("joint", "Joint holding", "arrangement"),
        person("ann", "Ann"),
        person("bo", "Bo"),
        rel("joint-co", "co", "joint", interest("shareholding", 100)),
        rel("ann-joint", "joint", "ann", interest("shareholding", 50)),
        rel("bo-joint", "joint", "bo", interest("shareholding", 50)),
    ]
    assert owners(from_bods(doc), regime) == expected


def test_joint_holder_role_is_written_and_read_back():
    """Role.JOINT_HOLDER survives BODS as the unknownInterest orgmodel writes for it."""
    org = om.Organization(
        name="x",
        people=[om.Person("ann", "Ann"), om.Person("bo", "Bo")],
        entities=[om.Entity("co", "Co")],
        stakes=[
            om.Stake("ann", "co", om.Share.exact(0.3), roles=[om.Role.JOINT_HOLDER]),
            om.Stake("bo", "co", om.Share.exact(0.3), roles=[om.Role.JOINT_HOLDER]),
        ],
    )
    back = from_bods(bods_export(org).statements)
    assert [(s.holder, s.share, s.roles) for s in back.stakes] == [
        (s.holder, s.share, s.roles) for s in org.stakes
    ]
    assert owners(back, "uk-psc") == {"ann": "60%", "bo": "60%"}


# -- declared figures ---------------------------------------------------------------------


def test_a_declaration_the_chain_contradicts_warns_with_both_figures():
    """Where the chain's links are in the file and disagree, a warning names both figures."""
    doc = chain(interest("shareholding", 50), interest("shareholding", 10, level="indirect"))
    org = from_bods(doc)
    with pytest.warns(om.DeclaredFigureWarning, match=r"declares 10% .* disagrees with the 30%"):
        shares = om.effective_ownership(org, "co")
    assert str(shares["ann"]) == "30%"  # the chain's figure counts


@given(
    st.integers(0, 100),
    st.integers(0, 100),
    st.integers(0, 100),
)
def test_computed_bounds_contain_a_consistent_declared_figure(low, high, declared):
    """A declaration within the chain's bounds narrows them; one outside warns."""
    low, high = min(low, high), max(low, high)
    doc = chain(
        interest(None, {"minimum": low, "maximum": high}),
        interest("shareholding", declared, level="indirect"),
    )
    org = from_bods(doc)
    computed = om.Share.between(0.6 * low / 100, 0.6 * high / 100)
    inside = computed.lower - 1e-9 <= declared / 100 <= computed.upper + 1e-9
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        owner = {o.holder: o for o in om.ultimate_owners(org, "co")}["ann"]
    assert owner.computed is not None
    assert owner.computed.lower == pytest.approx(computed.lower)
    assert owner.computed.upper == pytest.approx(computed.upper)
    assert owner.computed.lower - 1e-9 <= owner.share.lower
    assert owner.share.upper <= owner.computed.upper + 1e-9
    if inside:
        assert owner.share.lower == pytest.approx(declared / 100)
        assert owner.share.upper == pytest.approx(declared / 100)
        assert not caught
    else:
        assert [w.category for w in caught] == [om.DeclaredFigureWarning]


# -- bad input: each an OrgModelError naming the statement and the field -------------


def refused(doc: list[dict[str, Any]]) -> list[tuple[str, str]]:
    with pytest.raises(om.ValidationError) as info:
        from_bods(doc)
    return [(p.code.value, p.location) for p in info.value.problems]


def named(doc: list[dict[str, Any]], index: int, field: str) -> str:
    return f"statements[{index}]{field} (statement {doc[index]['statementId']!r})"


def small() -> list[dict[str, Any]]:
    return [
        entity("co", "Co Ltd"),
        person("ann", "Ann Lee"),
        rel("ann-co", "co", "ann", interest("shareholding", 40)),
    ]


@pytest.mark.parametrize(
    ("edit", "code", "field"),
    [
        (
            lambda d: d[2]["recordDetails"]["interests"][0].update(directOrIndirect=5),
            "unknown-value",
            ".recordDetails.interests[0].directOrIndirect",
        ),
        (
            lambda d: d[2]["recordDetails"].update(componentRecords="hold"),
            "wrong-type",
            ".recordDetails.componentRecords",
        ),
        (lambda d: d[2].update(recordStatus="gone"), "unknown-value", ".recordStatus"),
        (lambda d: d[2].update(statementId=7), "wrong-type", ".statementId"),
        (
            lambda d: d[2]["recordDetails"].update(interestedParty="anne"),
            "unknown-reference",
            ".recordDetails.interestedParty",
        ),
        (lambda d: d[2]["recordDetails"].update(interestedParty="co"), "self-holding", ""),
        (
            lambda d: d[2]["recordDetails"].update(interests={"type": "shareholding"}),
            "wrong-type",
            ".recordDetails.interests",
        ),
        (
            lambda d: d[0]["recordDetails"].update(entityType="registeredEntity"),
            "wrong-type",
            ".recordDetails.entityType",
        ),
    ],
)
def test_bad_statements_name_the_statement_and_the_field(edit, code, field):
    """Wrong types, unknown codes and dangling references: problems at the statement."""
    doc = small()
    edit(doc)
    index = 0 if field == ".recordDetails.entityType" else 2
    location = f"statements[{index}]{field}"
    if doc[index]["statementId"] != 7:
        location = named(doc, index, field)
    assert refused(doc) == [(code, location)]


def test_a_huge_array_of_interests_is_refused_unread():
    """A relationship with more interests than are read is a problem, said with the count."""
    doc = small()
    doc[2]["recordDetails"]["interests"] = [interest("shareholding", 0)] * 10_001
    with pytest.raises(om.ValidationError, match="has 10001 interests; at most 10000"):
        from_bods(doc)


def test_a_huge_array_of_statements_is_refused_unread():
    """A document of more statements than are read is refused before any is read."""
    one = entity("co", "Co Ltd")
    with pytest.raises(om.ValidationError, match="at most 5000000 are read"):
        from_bods([one] * 5_000_001)


def test_a_circle_of_ownership_loads_and_is_named_when_looked_through():
    """Two companies each holding all of the other load; look-through names the circle."""
    doc = [
        entity("a", "A Ltd"),
        entity("b", "B Ltd"),
        rel("a-b", "b", "a", interest("shareholding", 100)),
        rel("b-a", "a", "b", interest("shareholding", 100)),
    ]
    org = from_bods(doc)
    with pytest.raises(om.SingularOwnershipError) as info:
        om.effective_ownership(org, "a")
    assert set(info.value.cycle) == {"a", "b"}
    assert om.ownership_cycles(org) == (("a", "b"),)
