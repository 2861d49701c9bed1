"""The Companies House PSC snapshot reader, on sample snapshots written from its documentation."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import warnings
from collections.abc import Mapping
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import orgmodel as om
from orgmodel.io._psc import from_psc_lines, is_psc_line, read_psc
from orgmodel.io._psc_build import PscJointWarning
from orgmodel.io._psc_codes import NATURES, Held, Measure, company_number

DATA = Path(__file__).parent / "data" / "psc"
CO = "GB-COH-"
SHARES = "ownership-of-shares-"


def _link(company: str, psc: str, kind: str = "individual") -> str:
    return f"/company/{company}/persons-with-significant-control/{kind}/{psc}"


def _owners(
    org: om.Organization, company: str, regime: str | None = "uk-psc"
) -> list[tuple[str, str, bool]]:
    found = om.beneficial_owners(org, CO + company, regime=regime)
    return [(o.person.rsplit("/", 1)[-1], str(o.share), o.certain) for o in found]


def _line(data: Mapping[str, object], company: object = "00000001") -> str:
    return json.dumps({"company_number": company, "data": data})


def _individual(**extra: object) -> dict[str, object]:
    data: dict[str, object] = {
        "kind": "individual-person-with-significant-control",
        "name": "Ann Lee",
        "links": {"self": _link("00000001", "a1")},
        "natures_of_control": [SHARES + "25-to-50-percent"],
        "notified_on": "2016-04-06",
    }
    data.update(extra)
    return data


# -- every nature of control -------------------------------------------------------------

#: Every code of Companies House's psc_descriptions.yml, typed from its documentation.
DOCUMENTED = (
    [
        f"{m}-{b}-percent{h}"
        for m in ("ownership-of-shares", "voting-rights")
        for b in ("25-to-50", "50-to-75", "75-to-100")
        for h in ("", "-as-trust", "-as-firm")
    ]
    + [
        f"{m}-more-than-25-percent{h}-registered-overseas-entity"
        for m in ("ownership-of-shares", "voting-rights")
        for h in ("", "-as-trust", "-as-firm", "-as-control-over-trust", "-as-control-over-firm")
    ]
    + [
        f"voting-rights-{b}-percent{h}-limited-liability-partnership"
        for b in ("25-to-50", "50-to-75", "75-to-100")
        for h in ("", "-as-trust", "-as-firm")
    ]
    + [
        f"right-to-share-surplus-assets-{b}-percent{h}-limited-liability-partnership"
        for b in ("25-to-50", "50-to-75", "75-to-100")
        for h in ("", "-as-trust", "-as-firm")
    ]
    + [
        f"part-right-to-share-surplus-assets-{b}-percent{h}"
        for b in ("25-to-50", "50-to-75", "75-to-100")
        for h in ("", "-as-trust", "-as-firm")
    ]
    + [f"right-to-appoint-and-remove-directors{h}" for h in ("", "-as-trust", "-as-firm")]
    + [
        f"right-to-appoint-and-remove-directors{h}-registered-overseas-entity"
        for h in ("", "-as-trust", "-as-firm", "-as-control-over-trust", "-as-control-over-firm")
    ]
    + [
        f"right-to-appoint-and-remove-members{h}-limited-liability-partnership"
        for h in ("", "-as-trust", "-as-firm")
    ]
    + [f"right-to-appoint-and-remove-person{h}" for h in ("", "-as-trust", "-as-firm")]
    + [f"significant-influence-or-control{h}" for h in ("", "-as-trust", "-as-firm")]
    + [
        f"significant-influence-or-control{h}-limited-liability-partnership"
        for h in ("", "-as-trust", "-as-firm")
    ]
    + [
        f"significant-influence-or-control{h}-registered-overseas-entity"
        for h in ("", "-as-trust", "-as-firm", "-as-control-over-trust", "-as-control-over-firm")
    ]
    + [
        f"registered-owner-as-nominee-{w}-{p}-registered-overseas-entity"
        for w in ("person", "another-entity")
        for p in ("england-wales", "scotland", "northern-ireland")
    ]
)


def test_the_table_has_every_documented_nature_and_no_other():
    """NATURES holds exactly the 86 documented codes."""
    assert len(DOCUMENTED) == 86
    assert set(NATURES) == set(DOCUMENTED)


BANDS = {
    "25-to-50": ("(25–50]%", 0.25, 0.5),
    "50-to-75": ("(50–75)%", 0.5, 0.75),
    "75-to-100": ("75–100%", 0.75, 1.0),
}


@pytest.mark.parametrize("code", DOCUMENTED)
def test_each_nature_becomes_its_figure(code):
    """Each code loads, its band or right on the stake, through a trust or firm as declared."""
    org = from_psc_lines([_line(_individual(natures_of_control=[code]))])
    (stake,) = org.stakes
    nature = NATURES[code]
    assert stake.indirect is (nature.held is not Held.DIRECT)
    assert stake.attributes["natures_of_control"] == [code]
    band = next((b for b in BANDS if f"-{b}-percent" in code), None)
    if "more-than-25-percent" in code:
        expected = ">25%"
    elif band is not None:
        expected = BANDS[band][0]
    else:
        expected = None
    if code.startswith(("ownership-of-shares", "right-to-share", "part-right")):
        assert str(stake.share) == expected
    elif code.startswith("voting-rights"):
        assert (str(stake.voting), str(stake.share)) == (expected, "0%")
    elif "appoint-and-remove" in code:
        assert stake.control == (om.Control.BOARD_APPOINTMENT,)
    elif "significant-influence" in code:
        assert stake.control == (om.Control.SIGNIFICANT_INFLUENCE,)
    else:
        assert nature.measure is Measure.NOMINEE
        assert (str(stake.share), stake.control) == ("0%", ())


# -- the sample snapshots ----------------------------------------------------------------


def test_group_chain_is_looked_through():
    """A person at the top of a chain of majority holdings owns the company at its foot."""
    org = om.load(DATA / "group.txt")
    assert org.entity(CO + "00000010").name == "Top Holdings Limited"
    assert _owners(org, "00000030") == [("ann1", "(50–75)%", True), ("bob1", "(25–50]%", True)]
    assert _owners(org, "00000020") == [("ann1", "75–100%", True)]


def test_group_stakes_are_the_bands_and_rights():
    """Registration number '10' is company 00000010; the board right is kept as control."""
    org = read_psc(DATA / "group.txt")
    top = next(s for s in org.stakes if s.entity == CO + "00000020")
    assert (top.holder, str(top.share), str(top.voting)) == (CO + "00000010", "75–100%", "75–100%")
    assert top.control == (om.Control.BOARD_APPOINTMENT,)


def test_corporate_psc_registered_abroad_is_not_linked():
    """Number 10 registered in Jersey is its own entity, not UK company 00000010."""
    org = read_psc(DATA / "abroad.txt")
    (held,) = [s for s in org.stakes if s.entity == CO + "00000040"]
    holder = org.entity(held.holder)
    assert held.holder == _link("00000040", "jer1", "corporate-entity")
    assert holder.attributes["country_registered"] == "Jersey"
    assert _owners(org, "00000040") == []
    assert _owners(org, "00000010") == [("ann1", "75–100%", True)]


@pytest.mark.parametrize(
    ("as_of", "holders"),
    [
        (None, ["dan1"]),
        ("2019-01-01", ["cat1"]),
        ("2020-06-30", []),
        ("2020-07-01", ["dan1"]),
    ],
)
def test_ceased_pscs_and_as_of(as_of, holders):
    """Ceased PSCs count only on a day they were active; later notifications not before."""
    org = read_psc(DATA / "history.txt", as_of=as_of)
    assert [s.holder.rsplit("/", 1)[-1] for s in org.stakes] == holders


def test_statements_and_exemptions_are_kept_on_the_company():
    """A statement and the exemptions in force are attributes of the company's entity."""
    org = read_psc(DATA / "kinds.txt")
    assert org.entity(CO + "00000060").attributes["psc_statements"] == [
        "no-individual-or-entity-with-signficant-control"
    ]
    assert org.entity(CO + "00000061").attributes["psc_exemptions"] == [
        "psc-exempt-as-trading-on-uk-regulated-market"
    ]
    before = read_psc(DATA / "kinds.txt", as_of="2020-01-01")
    assert sorted(before.entity(CO + "00000061").attributes["psc_exemptions"]) == [
        "disclosure-transparency-rules-chapter-five-applies",
        "psc-exempt-as-trading-on-uk-regulated-market",
    ]


def test_super_secure_psc_is_a_possible_owner_of_a_withheld_share():
    """Its particulars are withheld: a nameless person with a 0–100% stake, possibly an owner."""
    org = read_psc(DATA / "kinds.txt")
    person = org.person(_link("00000062", "ss1", "super-secure"))
    (stake,) = [s for s in org.stakes if s.entity == CO + "00000062"]
    assert (person.name, person.attributes["super_secure"], str(stake.share)) == (
        "",
        "true",
        "0–100%",
    )
    assert _owners(org, "00000062") == [("ss1", "0–100%", False)]


def test_legal_person_is_an_entity_and_no_beneficial_owner():
    """A minister holding 75% or more is an entity of kind other; nobody owns the company."""
    org = read_psc(DATA / "kinds.txt")
    minister = org.entity(_link("00000063", "lp1", "legal-person"))
    assert (minister.kind, minister.attributes["legal_form"]) == (
        om.EntityKind.OTHER,
        "Government Department",
    )
    assert _owners(org, "00000063") == []


def test_trust_holding_is_a_declared_indirect_owner():
    """Control over a trust holding 75% or more: a declared figure that counts."""
    org = read_psc(DATA / "kinds.txt")
    (owner,) = om.beneficial_owners(org, CO + "SC000064", regime="uk-psc")
    assert (str(owner.share), owner.via) == ("75–100%", ("declared",))


def test_llp_surplus_assets_are_its_share():
    """An LLP's right to surplus assets is the economic share; votes and the members' right too."""
    org = read_psc(DATA / "kinds.txt")
    (stake,) = [s for s in org.stakes if s.entity == CO + "OC000065"]
    assert (str(stake.share), str(stake.voting), stake.control) == (
        "(50–75)%",
        "(50–75)%",
        (om.Control.BOARD_APPOINTMENT,),
    )
    assert _owners(org, "OC000065") == [("fay1", "(50–75)%", True)]


def test_a_later_line_updates_the_psc():
    """The same links.self later replaces the earlier line; a later ceased line removes it."""
    org = read_psc(DATA / "updates.txt")
    assert [p.id.rsplit("/", 1)[-1] for p in org.people] == ["gus1"]
    (stake,) = org.stakes
    assert (str(stake.share), str(stake.voting)) == ("(50–75)%", "(50–75)%")


def test_joint_holders_each_hold_the_whole_under_uk_psc():
    """Two PSCs of 75% or more each are joint holders, with a warning; each owns it wholly."""
    with pytest.warns(PscJointWarning, match="GB-COH-00000080"):
        org = read_psc(DATA / "joint.txt")
    joint = [s for s in org.stakes if s.entity == CO + "00000080"]
    assert all(s.roles == (om.Role.JOINT_HOLDER,) for s in joint)
    assert _owners(org, "00000080") == [("ivy1", "100%", True), ("jon1", "100%", True)]
    assert _owners(org, "00000080", regime=None) == [
        ("ivy1", "75–100%", True),
        ("jon1", "75–100%", True),
    ]


def test_cycle_of_companies_goes_to_the_majority_holder_above_it():
    """Two companies holding each other: each one's holding climbs to Lee, who holds a majority."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PscJointWarning)
        org = read_psc(DATA / "joint.txt")
    assert om.ownership_cycles(org) == ((CO + "00000090", CO + "00000091"),)
    assert _owners(org, "00000090") == [("lee1", "(50–75)%", True), ("kim1", "(25–50]%", True)]
    assert _owners(org, "00000091") == [("lee1", ">75%", True)]


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.txt")))
def test_every_company_at_once_equals_one_at_a_time(name):
    """beneficial_owners_of_all gives what beneficial_owners gives, company by company."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PscJointWarning)
        org = read_psc(DATA / name)
    found = om.beneficial_owners_of_all(org, regime="uk-psc")
    assert list(found) == [e.id for e in org.entities]
    for entity in org.entities:
        assert found[entity.id] == om.beneficial_owners(org, entity.id, regime="uk-psc")


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.txt")))
def test_loaded_snapshot_round_trips_through_yaml(name):
    """What the reader builds is written to orgmodel YAML and read back equal."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PscJointWarning)
        org = read_psc(DATA / name)
    assert om.loads(om.dumps(org, format="yaml"), format="yaml") == org


@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".json"])
def test_load_tells_a_snapshot_by_its_content(tmp_path, suffix):
    """om.load reads a PSC snapshot named .txt, .jsonl or .json, or with format='psc'."""
    path = tmp_path / f"snapshot{suffix}"
    path.write_text((DATA / "group.txt").read_text())
    expected = read_psc(path)
    assert (expected.name, len(expected.stakes)) == (path.name, 4)
    assert om.load(path) == expected
    assert om.load(path, format="psc") == expected
    from_text = om.loads(path.read_text(), format="psc")
    assert (from_text.people, from_text.stakes) == (expected.people, expected.stakes)


def test_psc_is_not_written(tmp_path):
    """Dumping to the PSC format says orgmodel does not write it."""
    with pytest.raises(om.OrgModelError, match="reads psc but does not write it"):
        om.dump(om.example(), tmp_path / "x.jsonl")


def test_a_plain_text_file_is_still_of_unknown_format(tmp_path):
    """A .txt file that is no snapshot keeps the unknown-format error."""
    path = tmp_path / "notes.txt"
    path.write_text("hello\n")
    with pytest.raises(om.OrgModelError, match="cannot tell the format"):
        om.load(path)


# -- bad input ---------------------------------------------------------------------------

BAD = [
    ("{not json", "syntax-error", "<psc>:1"),
    ("[1, 2]", "wrong-type", "<psc>:1"),
    (json.dumps({"company_number": "1"}), "missing-key", "<psc>:1, data"),
    (_line({"kind": "individual-psc"}), "unknown-value", "<psc>:1, data.kind"),
    (_line({"kind": 7}), "wrong-type", "<psc>:1, data.kind"),
    (_line({"name": "x"}), "missing-key", "<psc>:1, data.kind"),
    (_line(_individual(), company=12), "wrong-type", "<psc>:1, company_number"),
    (_line(_individual(), company="ACME LTD"), "wrong-type", "<psc>:1, company_number"),
    (
        _line(_individual(natures_of_control=["ownership-of-shares-25-to-49-percent"])),
        "unknown-value",
        "<psc>:1, data.natures_of_control[0]",
    ),
    (
        _line(_individual(natures_of_control="ownership-of-shares-25-to-50-percent")),
        "wrong-type",
        "<psc>:1, data.natures_of_control",
    ),
    (
        _line(_individual(natures_of_control=[SHARES + "25-to-50-percent"] * 1000)),
        "wrong-type",
        "<psc>:1, data.natures_of_control",
    ),
    (_line(_individual(natures_of_control=[[1]])), "wrong-type", "natures_of_control[0]"),
    (_line(_individual(notified_on="6 April 2016")), "wrong-type", "<psc>:1, notified_on"),
    (_line(_individual(name=["Ann"])), "wrong-type", "<psc>:1, data.name"),
    (
        _line(_individual(links={"self": _link("09999999", "a1")})),
        "unknown-reference",
        "<psc>:1, data.links.self",
    ),
    (_line(_individual(links={"self": 5})), "wrong-type", "data.links.self"),
    (
        _line(
            {
                "kind": "corporate-entity-person-with-significant-control",
                "identification": {"registration_number": "00000001"},
                "natures_of_control": [SHARES + "75-to-100-percent"],
            }
        ),
        "self-holding",
        "<psc>:1, data.identification",
    ),
    (
        _line({"kind": "persons-with-significant-control-statement", "statement": "none"}),
        "unknown-value",
        "<psc>:1, data.statement",
    ),
    (
        _line({"kind": "exemptions", "exemptions": {"x": {"exemption_type": "y", "items": []}}}),
        "unknown-value",
        "data.exemptions.x.exemption_type",
    ),
    (
        _line({"kind": "exemptions", "exemptions": [1] * 10}),
        "wrong-type",
        "<psc>:1, data.exemptions",
    ),
    ("x" * ((1 << 20) + 10), "syntax-error", "<psc>:1"),
    ("[" * 100_000 + "]" * 100_000, "syntax-error", "<psc>:1"),
]


@pytest.mark.parametrize(
    ("text", "code", "where"), BAD, ids=[b[1] + str(i) for i, b in enumerate(BAD)]
)
def test_bad_line_is_a_problem_with_its_line_and_field(text, code, where):
    """Each bad line is one problem, with its code, line number and field."""
    with pytest.raises(om.ValidationError) as caught:
        from_psc_lines([text])
    (problem,) = caught.value.problems
    assert problem.code.value == code
    assert where in problem.location


def test_every_bad_line_is_listed_with_its_number():
    """Problems on lines 2 and 4 are both reported, after good lines."""
    good = _line(_individual())
    lines = [good, "{", good.replace("a1", "a2"), _line({"kind": "nope"})]
    with pytest.raises(om.ValidationError) as caught:
        from_psc_lines(lines)
    assert [p.location for p in caught.value.problems] == ["<psc>:2", "<psc>:4, data.kind"]


def test_a_later_line_may_change_the_kind_of_psc():
    """The same links.self first for an individual, then for a legal person: the entity stays."""
    legal = {
        "kind": "legal-person-person-with-significant-control",
        "name": "The Welsh Ministers",
        "links": {"self": _link("00000001", "a1")},
        "natures_of_control": [SHARES + "75-to-100-percent"],
    }
    org = from_psc_lines([_line(_individual()), _line(legal)])
    assert (org.people, [e.name for e in org.entities]) == ((), ["00000001", "The Welsh Ministers"])


def test_bad_bytes_are_reported_per_line(tmp_path):
    """A line that is not UTF-8 is a problem at its line; the file's other lines are read."""
    path = tmp_path / "psc.txt"
    path.write_bytes(_line(_individual()).encode() + b"\n\xff\xfe\n")
    with pytest.raises(om.ValidationError) as caught:
        read_psc(path)
    assert [p.location for p in caught.value.problems] == [f"{path}:2"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("01234567", "01234567"), ("1234", "00001234"), ("sc 012345", "SC012345"), ("X", None)],
)
def test_company_numbers_are_written_as_companies_house_writes_them(text, expected):
    """Numbers are padded to eight characters after an optional two-letter prefix."""
    assert company_number(text) == expected


def test_a_bad_as_of_is_an_error():
    """as_of must be a date."""
    with pytest.raises(om.OrgModelError, match="'as_of' must be a date"):
        from_psc_lines([], as_of="yesterday")


# -- fuzzing: every input loads or raises OrgModelError (10,000 inputs in all) -------------

_SAMPLES = [line for p in sorted(DATA.glob("*.txt")) for line in p.read_text().splitlines()]
_FUZZ = settings(
    max_examples=5000, deadline=None, database=None, suppress_health_check=list(HealthCheck)
)


def _mutated(draw: st.DrawFn) -> list[str]:
    lines = draw(st.lists(st.sampled_from(_SAMPLES), min_size=1, max_size=6))
    out = []
    for original in lines:
        line = original
        cut = draw(st.integers(0, len(line)))
        edit = draw(st.sampled_from(["", "keep", "drop", "swap", "null", "num", "list"]))
        if edit == "drop":
            line = line[:cut] + line[cut + 1 :]
        elif edit == "swap":
            line = line[:cut] + draw(st.text(max_size=4)) + line[cut:]
        elif edit == "null":
            line = line.replace('"2016-04-06"', "null").replace('"00000010"', "null")
        elif edit == "num":
            line = line.replace('"Ann Lee"', "7").replace("ownership", "owner")
        elif edit == "list":
            line = line.replace('"data": {', '"data": [{', 1)
        out.append(line)
    return out


@_FUZZ
@given(st.composite(_mutated)())
def test_fuzzed_snapshots_load_or_raise_orgmodel_error(lines):
    """Mutated snapshot lines load, or raise OrgModelError; nothing else."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PscJointWarning)
        try:
            org = from_psc_lines(lines)
        except om.OrgModelError:
            return
    assert om.loads(om.dumps(org, format="json"), format="json") == org


@_FUZZ
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=8),
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "company_number",
                        "data",
                        "kind",
                        "natures_of_control",
                        "links",
                        "self",
                        "name",
                        "identification",
                        "registration_number",
                        "notified_on",
                        "ceased_on",
                        "statement",
                        "exemptions",
                        "items",
                    ]
                ),
                inner,
                max_size=5,
            )
        ),
        max_leaves=20,
    )
)
def test_random_json_lines_load_or_raise_orgmodel_error(value):
    """Any JSON value as a line loads or raises OrgModelError."""
    text = json.dumps(value)
    assert is_psc_line(text) in (True, False)
    with contextlib.suppress(om.OrgModelError):
        from_psc_lines([text])


_FALLBACK = """
import json, sys, warnings
import orgmodel as om
from orgmodel.io._psc import read_psc
warnings.simplefilter("ignore")
orgs = [read_psc(path) for path in sys.argv[1:]]
print(json.dumps([om.dumps(org, format="json") for org in orgs]))
"""


def test_speed_tricks_off_read_the_same_organisations():
    """With json_lines and unchecked switched off, every sample reads the same."""
    paths = [str(p) for p in sorted(DATA.glob("*.txt"))]
    src = str(Path(__file__).resolve().parents[1] / "src")
    runs = []
    for setting in ("", "json_lines,unchecked"):
        env = {**os.environ, "ORGMODEL_NO_SPEEDUPS": setting, "PYTHONPATH": src}
        done = subprocess.run(  # noqa: S603 - our own interpreter and program
            [sys.executable, "-c", _FALLBACK, *paths],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append(json.loads(done.stdout))
    assert runs[0] == runs[1]
    assert len(runs[0]) == len(paths)


@pytest.mark.parametrize("name", ["missing.txt", ""])
def test_an_unreadable_path_is_a_file_access_error(tmp_path, name):
    """A missing file, or a directory, is a FileAccessError saying which."""
    with pytest.raises(om.FileAccessError, match=r"no such file|is a directory"):
        read_psc(tmp_path / name)


def test_the_joint_holders_warning_is_public_and_an_orgmodel_warning():
    """PscJointWarning lives in orgmodel.exceptions and derives from OrgModelWarning."""
    assert om.exceptions.PscJointWarning is PscJointWarning is om.PscJointWarning
    assert issubclass(PscJointWarning, om.OrgModelWarning)


def test_the_readers_are_public_in_orgmodel_io():
    """read_psc and from_psc_lines are importable from orgmodel and orgmodel.io."""
    assert om.io.read_psc is om.read_psc is read_psc
    assert om.io.from_psc_lines is om.from_psc_lines is from_psc_lines
