"""The labelled corpus (tests/data/roles/): accuracy per shape, and the issue's cases."""

import csv
import functools
from pathlib import Path

import pytest

import orgmodel as om

ROOT = Path(__file__).parent / "data" / "roles"
L = om.RoleLabel
OWNERS = (L.PARTNER_LIKE, L.HYBRID)

#: The accuracy each shape must keep (issue 11: 95% overall, 90% on HR exports).
FLOORS = {"hr-export": 0.90, "tagged": 0.95, "bundled": 1.0}
OVERALL = 0.95


def corpus() -> list[dict[str, str]]:
    with (ROOT / "corpus.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def labels(name: str) -> list[dict[str, str]]:
    with (ROOT / name / "labels.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@functools.cache
def classified(name: str) -> om.Classification:
    entry = next(row for row in corpus() if row["organization"] == name)
    return om.classify(om.load(ROOT / entry["file"]))


def outcomes(shape: str | None = None) -> list[tuple[str, str, L, L]]:
    """(organisation, person, expected, got) for every labelled member of *shape*."""
    out: list[tuple[str, str, L, L]] = []
    for entry in corpus():
        if shape is not None and entry["shape"] != shape:
            continue
        roles = classified(entry["organization"])
        out.extend(
            (entry["organization"], row["id"], L(row["label"]), roles[row["id"]].label)
            for row in labels(entry["organization"])
        )
    return out


def test_corpus_is_large_and_varied():
    """At least 12 organisations and 150 labelled members, in every shape."""
    entries = corpus()
    assert len(entries) >= 12
    assert len(outcomes()) >= 150
    assert {e["shape"] for e in entries} == set(FLOORS)


@pytest.mark.parametrize("entry", corpus(), ids=lambda e: e["organization"])
def test_every_member_has_one_label_with_a_rationale(entry):
    """labels.csv names every member once, with a known label and a rationale."""
    org = om.load(ROOT / entry["file"])
    rows = labels(entry["organization"])
    assert sorted(r["id"] for r in rows) == sorted(p.id for p in org.people)
    for row in rows:
        assert row["label"] in {label.value for label in L}, row
        assert row["rationale"].strip(), row


@pytest.mark.parametrize("shape", sorted(FLOORS))
def test_accuracy_per_shape(shape):
    """Each shape is labelled as its rationales say, at least as often as its floor."""
    found = outcomes(shape)
    wrong = [(o, p, want.value, got.value) for o, p, want, got in found if got is not want]
    assert 1 - len(wrong) / len(found) >= FLOORS[shape], wrong


def test_accuracy_overall():
    """The whole corpus is labelled as its rationales say at least 95% of the time."""
    found = outcomes()
    right = sum(got is want for *_, want, got in found)
    assert right / len(found) >= OVERALL


def test_no_false_partner_anywhere():
    """Nobody the rationales call COO-like or neither is labelled partner-like or hybrid."""
    false = [
        (o, p, got.value) for o, p, want, got in outcomes() if got in OWNERS and want not in OWNERS
    ]
    assert false == []


def test_organisations_without_owners_have_no_partners():
    """In the charity and the public body nobody is partner-like or hybrid."""
    for name in ("hospice", "water-regulator"):
        assert {a.label for a in classified(name).values()}.isdisjoint(OWNERS), name


def test_hr_exports_warn_once_that_no_responsibilities_are_given():
    """Each tag-less export carries one no-responsibilities warning; tagged files none."""
    for entry in corpus():
        codes = [w.code for w in classified(entry["organization"]).warnings]
        expected = [om.ProblemCode.NO_RESPONSIBILITIES] if entry["shape"] == "hr-export" else []
        assert codes == expected, entry["organization"]


# The five cases of issue 11, as a careful reader of the note labels them, with the
# evidence that says why.
CASES = [
    ("northgate", "N02", L.COO_LIKE,
     ["oversees 4 department heads (4 inferred)",
      'the title "Chief Operating Officer" reads as operational work (operations)']),
    ("pemberton", "coo", L.COO_LIKE,
     ["holds no stake in Pemberton Rhodes LLP", "oversees 4 department heads (4 inferred)",
      "spans 4 internal units: Finance, IT, Human Resources and 1 more"]),
    ("brightloop", "E1002", L.PARTNER_LIKE,
     ["holds 26% of Brightloop Ltd",
      'the title "CTO & Co-founder" reads as strategic work (founder)']),
    ("calder", "C02", L.PARTNER_LIKE,
     ["holds 18% of Calder Whitby LLP", "takes 18% of the profits of Calder Whitby LLP",
      'the title "Senior Partner" reads as strategic work (partner)']),
    ("hartley", "H03", L.PARTNER_LIKE,
     ["holds 10% of Hartley & Sons (Joinery) Ltd",
      'the title "Sales Director" reads as external work (sales)']),
    ("calder", "C08", L.PARTNER_LIKE,
     [("holds 3% of Calder Whitby LLP, as a member sharing in its profits, which counts "
       "whatever the size"), "takes 4% of the profits of Calder Whitby LLP"]),
    ("hartley", "H02", L.HYBRID,
     ["holds 20% of Hartley & Sons (Joinery) Ltd", "oversees 5 department heads (5 inferred)",
      'the title "General Manager" reads as operational work (operations)']),
]  # fmt: skip


@pytest.mark.parametrize(
    ("org", "person", "label", "texts"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES]
)
def test_issue_cases_get_the_readers_label_and_say_why(org, person, label, texts):
    """The issue's misses get the label the note gives, with evidence naming the facts."""
    assessment = classified(org)[person]
    assert assessment.label is label, assessment.reason
    found = [e.text for e in assessment.evidence]
    for text in texts:
        assert text in found


def test_inferred_evidence_is_recorded_as_inferred():
    """Titles and inferred heads are inferred evidence; stakes and lines declared."""
    coo = classified("northgate")["N02"]
    basis = {e.text: e.basis for e in coo.evidence}
    assert basis["holds no stake in Northgate Logistics Ltd"] is om.Basis.DECLARED
    assert basis["reports directly to the top of the organisation"] is om.Basis.DECLARED
    assert basis["oversees 4 department heads (4 inferred)"] is om.Basis.INFERRED
    inferred = "inferred: the only member whose manager is outside it"
    assert basis[f"heads Operations, an internal unit ({inferred})"] is om.Basis.INFERRED
    assert coo.basis is om.Basis.MIXED


def test_accuracy_table_in_the_docs_is_current():
    """docs/classification.md's accuracy table gives the counts the corpus has now."""
    text = (Path(__file__).parents[1] / "docs" / "classification.md").read_text(encoding="utf-8")
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 5 and cells[0] in {*FLOORS, "all"} and cells[1].isdigit():
            rows[cells[0]] = [int(cells[1]), int(cells[2]), int(cells[3]), cells[4]]
    for shape in [*FLOORS, "all"]:
        found = outcomes(None if shape == "all" else shape)
        orgs = {o for o, *_ in found}
        right = sum(got is want for *_, want, got in found)
        expected = [len(orgs), len(found), right, f"{round(100 * right / len(found))}%"]
        assert rows[shape] == expected, shape


DATA = Path(__file__).parent / "data"

# The readers' samples (issue 10): tag-less exports with no cap table, so nobody is
# partner-like; the COO-like members a reader of the note picks out, the rest neither.
SAMPLES = [
    ("tables/orgchart-now.csv", {"102": L.COO_LIKE}),  # a COO over heads of Facilities and IT
    ("tables/organogram-2024-03-31-senior.csv", {"DG001": L.COO_LIKE}),  # DG Operations
    ("tables/bamboohr.csv", {}),  # a CEO, two VPs each over one function
    ("tables/hibob.csv", {}),
    ("tables/adp-workforce-now.csv", {}),
    ("tables/d3-org-chart.csv", {}),
    ("tables/visio-org-chart-wizard.csv", {}),
    ("directories/google-users.json", {}),
    ("directories/graph-users.json", {}),
    ("directories/people.ldif", {}),
    ("directories/scim-users.json", {}),
]


@pytest.mark.parametrize(("path", "expected"), SAMPLES, ids=[s[0] for s in SAMPLES])
def test_reader_samples_get_the_readers_labels(path, expected):
    """Each sample file of the readers gets the non-neither labels a reader gives it."""
    roles = om.classify(om.load(DATA / path))
    assert {k: a.label for k, a in roles.items() if a.label is not L.NEITHER} == expected
