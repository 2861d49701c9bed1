"""The scenarios the BODS standard documents, in files written for these tests.

Each file in ``tests/data/bods/scenarios`` models one situation the standard's
documentation describes with an example (0.4 modelling guides on beneficial
ownership, trusts, nominations and state-owned enterprises; the examples page; the
0.2 and 0.3 schemas), with its own fictional companies and people.  Every file is
checked for the same four things, with figures worked out by hand:

* the declared indirect figures beside the computed ones;
* look-through under each regime's own rule (``ultimate_owners`` and
  ``effective_ownership``);
* the beneficial owners under no regime, UK PSC, EU AMLR and US CTA;
* a lossless round trip: load → dump → load gives an equal organisation.
"""

from __future__ import annotations

import contextlib
import json
import warnings
from pathlib import Path
from typing import Any

import attrs
import pytest

import orgmodel as om
from orgmodel.io import bods_export, from_bods

SCENARIOS = Path(__file__).parent / "data" / "bods" / "scenarios"
REGIMES = (None, "uk-psc", "eu-amlr", "us-cta")
RULE = {None: "multiplicative", "uk-psc": "majority-chain", "eu-amlr": "multiplicative"}
RULE["us-cta"] = "multiplicative"


@attrs.frozen
class Expected:
    """What one scenario file must give (figures as ``str(Share)``)."""

    focal: str
    holders: dict[str | None, dict[str, str]]  # ultimate holder → share, by regime
    owners: dict[str | None, list[tuple[str, str, bool, tuple[str, ...]]]]
    declared: dict[str, tuple[str, str | None, str]] = attrs.field(factory=dict)
    via: dict[str, tuple[str, ...]] = attrs.field(factory=dict)  # under no regime
    warns: frozenset[str | None] = frozenset()  # regimes where a declaration disagrees


def same(value: Any) -> dict[str | None, Any]:
    """The same expectation under every regime."""
    return dict.fromkeys(REGIMES, value)


TRUST_ALL = {
    "kenneth-ibe": "60%",
    "lily-harlow": "60%",
    "margaret-harlow": "60%",
    "minor-beneficiary": "60%",
    "owen-harlow": "60%",
    "sian-lloyd": "60%",
    "dev-patel": "40%",
}
TRUST_UK = ["kenneth-ibe", "owen-harlow", "sian-lloyd"]
TRUST_US = ["lily-harlow", "margaret-harlow", "minor-beneficiary", "owen-harlow", "sian-lloyd"]


def trust_owners(parties: list[str]) -> list[tuple[str, str, bool, tuple[str, ...]]]:
    return [*((p, "60%", True, ("trust",)) for p in parties), ("dev-patel", "40%", True, ())]


EWAN = "om-test-ewan-p1-0000000000000000"
CZ = "om-test-czech-republic-e1-000000"
MERCY, ADA, FEMI = (
    "om-test-mercy-p1-000000000000000",
    "om-test-ada-okafor-p1-0000000000",
    "om-test-femi-okafor-p1-000000000",
)
KUNLE, MINOR, NGOZI = (
    "om-test-kunle-adeyemi-p1-0000000",
    "om-test-minor-p1-000000000000000",
    "om-test-ngozi-okafor-p1-00000000",
)
BRUNO, CHIARA = "om-test-bruno-p1-000000000000000", "om-test-chiara-p1-00000000000000"
OKAFOR_EU = {MERCY: "[50–75)%", ADA: "40%", FEMI: "40%", KUNLE: "40%", MINOR: "40%"}
OKAFOR_EU[NGOZI] = "40%"


def okafor_owners(parties: list[str]) -> list[tuple[str, str, bool, tuple[str, ...]]]:
    return [
        (MERCY, "[50–75)%", True, ()),
        *((p, "40%", True, ("control",) if p == KUNLE else ("trust",)) for p in parties),
    ]


EXPECTED: dict[str, Expected] = {
    "04-direct.json": Expected(
        "loomis-joinery",
        same({"ruth-ambler": "100%"}),
        same([("ruth-ambler", "100%", True, ())]),
    ),
    "04-indirect.json": Expected(
        "cardew-foods",
        {
            **same({"imran-shah": "30%"}),
            "uk-psc": {"imran-shah": "30%", "cardew-holdings": "0–60%"},
        },
        same([("imran-shah", "30%", True, ("declared",))]),
        declared={"imran-shah": ("30%", "0–60%", "30%")},
    ),
    "04-several-chains.json": Expected(
        "penrose-labs",
        {
            **same({"tomas-reyes": "50%", "mira-kowalski": "10%"}),
            "uk-psc": {"tomas-reyes": "50%", "alder-ventures": "40%", "mira-kowalski": "10%"},
        },
        same([("tomas-reyes", "50%", True, ())]),
        declared={"tomas-reyes": ("50%", "50%", "50%")},
    ),
    "04-direct-and-indirect.json": Expected(
        "quayside-marine",
        {
            **same({"nadia-farouk": "100%"}),
            "uk-psc": {"nadia-farouk": "100%", "quayside-group": "0–50%"},
        },
        same([("nadia-farouk", "100%", True, ("declared",))]),
        declared={"nadia-farouk": ("50%", "0–50%", "100%")},
    ),
    "04-joint.json": Expected(
        "fenwick-bakery",
        {
            **same({"agnes-fenwick": "50%", "colin-fenwick": "50%"}),
            "uk-psc": {"agnes-fenwick": "100%", "colin-fenwick": "100%"},
        },
        {
            **same([("agnes-fenwick", "50%", True, ()), ("colin-fenwick", "50%", True, ())]),
            "uk-psc": [
                ("agnes-fenwick", "100%", True, ("joint",)),
                ("colin-fenwick", "100%", True, ("joint",)),
            ],
        },
    ),
    "04-state-owned.json": Expected(
        "norrvik-timber",
        same({"kingdom-of-norway": "100%"}),
        {**same([]), "us-cta": [("ingrid-solberg", "0%", True, ("control",))]},
        declared={"kingdom-of-norway": ("100%", "100%", "100%")},
        via={"kingdom-of-norway": ("control",)},
    ),
    "04-anonymous-and-unknown.json": Expected(
        "kestrel-analytics",
        same({"leah-okoro": "30%", "anonymous-holder": "(25–50]%", "unknown-holder": "0–100%"}),
        same(
            [
                ("leah-okoro", "30%", True, ()),  # definite owners by lower bound, largest first
                ("anonymous-holder", "(25–50]%", True, ()),
                ("unknown-holder", "0–100%", False, ()),
            ]
        ),
    ),
    "04-trust.json": Expected(
        "ashgrove-estates",
        {
            None: TRUST_ALL,
            "eu-amlr": TRUST_ALL,
            "uk-psc": {k: TRUST_ALL[k] for k in [*TRUST_UK, "dev-patel"]},
            "us-cta": {k: TRUST_ALL[k] for k in [*TRUST_US, "dev-patel"]},
        },
        {
            None: trust_owners(sorted(set(TRUST_ALL) - {"dev-patel"})),
            "eu-amlr": trust_owners(sorted(set(TRUST_ALL) - {"dev-patel"})),
            "uk-psc": trust_owners(TRUST_UK),
            "us-cta": trust_owners(TRUST_US),
        },
        via={"owen-harlow": ("trust",), "dev-patel": ()},
    ),
    "04-nominee-shareholding.json": Expected(
        "brightwater-consulting",
        same({"victor-lang": "75%", "alice-moyo": "25%"}),
        {
            **same([("victor-lang", "75%", True, ("nominee",)), ("alice-moyo", "25%", True, ())]),
            "uk-psc": [("victor-lang", "75%", True, ("nominee",))],  # more than 25%
        },
        declared={"victor-lang": ("75%", "75%", "75%")},
    ),
    "04-nominee-director.json": Expected(
        "oakridge-logistics",
        same({"oakridge-holdings": "100%"}),
        {**same([("selim-arslan", "0%", True, ("control",))]), None: []},
    ),
    "04-ranges.json": Expected(
        "marlow-print",
        same({"henry-watts": "(50–75)%", "grace-chen": "(25–50]%", "ola-berg": "[10–25)%"}),
        same([("henry-watts", "(50–75)%", True, ()), ("grace-chen", "(25–50]%", True, ())]),
    ),
    "04-updates.json": Expected(
        "tidewater-cafe",
        same({"joan-reilly": "100%"}),
        same([("joan-reilly", "100%", True, ())]),
    ),
    "03-updates.json": Expected(
        "om-test-glenmore-e1-000000000000",
        same({EWAN: "(50–75]%"}),
        same([(EWAN, "(50–75]%", True, ())]),
    ),
    "03-state-owned.json": Expected(
        "om-test-vltava-e1-00000000000000",
        same({CZ: "100%"}),
        same([]),
        declared={CZ: ("100%", "100%", "100%")},
        via={CZ: ("control",)},
    ),
    "02-trust.json": Expected(
        "om-test-okafor-haulage-e1-000000",
        {
            None: OKAFOR_EU,
            "eu-amlr": OKAFOR_EU,
            "uk-psc": {MERCY: "[50–75)%", FEMI: "40%", KUNLE: "40%"},
            "us-cta": OKAFOR_EU,
        },
        {
            None: okafor_owners([ADA, FEMI, KUNLE, MINOR, NGOZI]),
            "eu-amlr": okafor_owners([ADA, FEMI, KUNLE, MINOR, NGOZI]),
            "uk-psc": okafor_owners([FEMI, KUNLE]),
            "us-cta": okafor_owners([ADA, FEMI, KUNLE, MINOR, NGOZI]),
        },
    ),
    "02-indirect.json": Expected(
        "om-test-larkspur-media-e1-000000",
        {**same({BRUNO: "45%", CHIARA: "30%"}), "uk-psc": {BRUNO: "75%", CHIARA: "0%"}},
        {
            **same([(BRUNO, "45%", True, ()), (CHIARA, "30%", True, ())]),
            "uk-psc": [(BRUNO, "75%", True, ())],
        },
        declared={CHIARA: ("30%", "30%", "30%")},
        warns=frozenset({"uk-psc"}),  # 40% of the intermediary is no majority stake
    ),
}


def test_every_scenario_file_is_checked():
    """The table covers every file in the scenarios folder, and nothing else."""
    assert sorted(p.name for p in SCENARIOS.glob("*.json")) == sorted(EXPECTED)


def load(name: str) -> om.Organization:
    return from_bods(json.loads((SCENARIOS / name).read_text(encoding="utf-8")), source=name)


def expecting(name: str, regime: str | None) -> contextlib.AbstractContextManager[Any]:
    """pytest.warns where the scenario declares a figure the regime's chain disagrees with."""
    if regime in EXPECTED[name].warns:
        return pytest.warns(om.DeclaredFigureWarning, match="disagrees with")
    return contextlib.nullcontext()


CASES = [(name, regime) for name in EXPECTED for regime in REGIMES]


@pytest.mark.parametrize(("name", "regime"), CASES)
def test_look_through_under_each_regime(name, regime):
    """ultimate_owners gives each holder's share under the regime's own rule."""
    expected = EXPECTED[name]
    org = load(name)
    with expecting(name, regime):
        found = om.ultimate_owners(org, expected.focal, regime=regime)
    assert {o.holder: str(o.share) for o in found} == expected.holders[regime]


@pytest.mark.parametrize(("name", "regime"), CASES)
def test_effective_ownership_agrees_with_ultimate_owners(name, regime):
    """effective_ownership with the regime's rule gives the same figures, in order."""
    expected = EXPECTED[name]
    org = load(name)
    with expecting(name, regime):
        shares = om.effective_ownership(org, expected.focal, rule=RULE[regime], regime=regime)
    assert {k: str(v) for k, v in shares.items()} == expected.holders[regime]


@pytest.mark.parametrize(("name", "regime"), CASES)
def test_beneficial_owners_under_each_regime(name, regime):
    """beneficial_owners names each owner, definite or possible, and how it was reached."""
    expected = EXPECTED[name]
    org = load(name)
    with expecting(name, regime):
        owners = om.beneficial_owners(org, expected.focal, regime=regime)
    found = [(o.person, str(o.share), o.certain, o.via) for o in owners]
    assert found == expected.owners[regime]


@pytest.mark.parametrize("name", [n for n, e in EXPECTED.items() if e.declared])
def test_declared_figures_beside_computed_ones(name):
    """Each declared indirect holding is reported with its chain's figure and the count."""
    expected = EXPECTED[name]
    owners = {o.holder: o for o in om.ultimate_owners(load(name), expected.focal)}
    for holder, (declared, computed, counted) in expected.declared.items():
        figure = owners[holder].declared
        assert figure is not None
        assert (str(figure.declared), str(figure.computed), str(figure.counted)) == (
            declared,
            computed,
            counted,
        )
        assert figure.agrees


@pytest.mark.parametrize("name", [n for n, e in EXPECTED.items() if e.via])
def test_routes_of_ultimate_owners(name):
    """ultimate_owners says which holders were reached through control, a trust, ..."""
    expected = EXPECTED[name]
    owners = {o.holder: o.via for o in om.ultimate_owners(load(name), expected.focal)}
    assert {k: owners[k] for k in expected.via} == expected.via


V04 = [n for n in EXPECTED if n.startswith("04-")]
OLDER = [n for n in EXPECTED if not n.startswith("04-")]


@pytest.mark.parametrize("name", V04)
def test_bods_04_round_trip_is_lossless(name):
    """load → dump → load gives an equal organisation; writing again gives the same text."""
    first = load(name)
    text = om.dumps(first, format="bods")
    second = om.loads(text, format="bods")
    assert second == first
    assert om.dumps(second, format="bods") == text


@pytest.mark.parametrize("name", V04)
def test_bods_04_writes_back_every_statement(name):
    """Every statement read is written back with its id, date and status unchanged."""
    doc = json.loads((SCENARIOS / name).read_text(encoding="utf-8"))
    written = bods_export(load(name)).statements
    keys = ("statementId", "statementDate", "recordId", "recordStatus", "recordType")
    assert sorted(tuple(s[k] for k in keys) for s in written) == sorted(
        tuple(s[k] for k in keys) for s in doc
    )
    by_id = {s["statementId"]: s for s in written}
    for statement in doc:
        assert by_id[statement["statementId"]]["recordDetails"] == statement["recordDetails"]


_ADDED = ("declarationSubject", "statementDate", "recordStatus")


def _less_added(org: om.Organization) -> om.Organization:
    """*org* without the statement fields a first 0.4 export adds to 0.2/0.3 statements."""

    def strip(kept: dict[str, Any]) -> dict[str, Any]:
        out = {k: v for k, v in kept.items() if k not in _ADDED}
        if "publicationDetails" in out:
            out["publicationDetails"] = {**out["publicationDetails"], "bodsVersion": "-"}
        if "history" in out:
            out["history"] = [strip(h) for h in out["history"]]
        return out

    def clean(record: Any) -> Any:
        attributes = dict(record.attributes)
        if "bods_statement" in attributes:
            attributes["bods_statement"] = strip(attributes["bods_statement"])
        notes = attributes.get("bods", {}).get("orgmodel")  # relationships kept on an entity
        if notes:
            notes = {
                kind: [{**n, "bods_statement": strip(n.get("bods_statement", {}))} for n in kept]
                for kind, kept in notes.items()
            }
            attributes["bods"] = {**attributes["bods"], "orgmodel": notes}
        return attrs.evolve(record, attributes=attributes)

    return attrs.evolve(
        org,
        people=[clean(p) for p in org.people],
        entities=[clean(e) for e in org.entities],
        stakes=[clean(s) for s in org.stakes],
    )


@pytest.mark.parametrize("name", OLDER)
def test_older_versions_round_trip_through_04(name):
    """0.2/0.3 → 0.4 keeps every record and detail; from then on the round trip is exact."""
    first = load(name)
    text = om.dumps(first, format="bods")
    assert {s["publicationDetails"]["bodsVersion"] for s in json.loads(text)} == {"0.4"}
    second = om.loads(text, format="bods")
    assert _less_added(second) == _less_added(first)
    assert om.loads(om.dumps(second, format="bods"), format="bods") == second


def test_anonymous_people_are_written_without_a_name():
    """An anonymous or unknown person keeps its reason and is given no invented name."""
    org = load("04-anonymous-and-unknown.json")
    assert org.person("anonymous-holder").name == (
        "anonymous person (interestedPartyExemptFromDisclosure)"
    )
    written = {s["recordId"]: s for s in bods_export(org).statements}
    for record in ("anonymous-holder", "unknown-holder"):
        details = written[record]["recordDetails"]
        assert "names" not in details
        assert details["unspecifiedPersonDetails"]["reason"]
    assert written["rest-kestrel"]["recordDetails"]["interestedParty"] == {
        "reason": "informationUnknownToPublisher",
        "description": "Small holdings of the remaining shareholders",
    }


def test_updates_keep_the_latest_record_and_the_history():
    """The last statement of a record wins; the closed relationship gives no stake."""
    org = load("04-updates.json")
    assert org.person("joan-reilly").name == "Joan M. Reilly"
    assert [(s.holder, str(s.share)) for s in org.stakes] == [("joan-reilly", "100%")]
    assert org.person("mark-reilly").attributes["bods"]["names"][0]["fullName"] == "Mark Reilly"
    statements = bods_export(org).statements
    closed = [s for s in statements if s["recordStatus"] == "closed"]
    assert [s["recordId"] for s in closed] == ["mark-tidewater"]
    updated = next(
        s for s in statements if s["statementId"].startswith("om-test-joan-tidewater-v2")
    )
    assert updated["annotations"][0]["description"].startswith("Mark Reilly's shares")


def test_replaced_statements_are_one_record_in_03():
    """In 0.3 a statement that replaces another updates the same record."""
    org = load("03-updates.json")
    assert [p.id for p in org.people] == [EWAN]
    assert org.person(EWAN).name == "Ewan R. Blake"
    history = org.person(EWAN).attributes["bods_statement"]["history"]
    assert [h["statementId"] for h in history] == [EWAN]


def test_cap_table_of_the_state_owned_enterprise_is_fully_allocated():
    """The ministry and its holding company hold all of the enterprise between them."""
    table = om.cap_table(load("04-state-owned.json"), "norrvik-timber")
    assert table.unallocated == om.Share.exact(0.0)


def test_the_nominee_is_never_an_owner():
    """Neither the nominee company nor the nominee director is a beneficial owner."""
    for name, focal, nominee in [
        ("04-nominee-shareholding.json", "brightwater-consulting", "harbour-nominees"),
        ("04-nominee-director.json", "oakridge-logistics", "paul-greer"),
    ]:
        org = load(name)
        for regime in REGIMES:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                holders = {o.holder for o in om.ultimate_owners(org, focal, regime=regime)}
                owners = {o.person for o in om.beneficial_owners(org, focal, regime=regime)}
            assert nominee not in holders | owners


def test_control_owner_names_the_right():
    """A beneficial owner through control lists the right that makes it one."""
    org = load("04-nominee-director.json")
    (owner,) = om.beneficial_owners(org, "oakridge-logistics", regime="uk-psc")
    assert owner.control == (om.Control.SIGNIFICANT_INFLUENCE,)
    assert "through control (significant_influence)" in str(owner)
