"""Two organisations written after the classifier's defaults were set, never tuned on.

A BambooHR-shaped export (managers by name, department paths) read through the
table reader, and a tag-less LLP with a cap table.  The labels follow the corpus
codebook (``tests/data/roles/README.md``) and were decided before the classifier
was run on these files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import orgmodel as om

DATA = Path(__file__).parent / "data" / "roles_heldout"
L = om.RoleLabel

pytestmark = pytest.mark.filterwarnings("ignore::orgmodel.OrgModelWarning")

CASES = [
    # file, id, label, why
    ("bamboohr-export.csv", "101", L.NEITHER, "a hired CEO: strategy without a stake"),
    ("bamboohr-export.csv", "102", L.COO_LIKE, "COO over four operations heads, no stake"),
    ("bamboohr-export.csv", "103", L.NEITHER, "a finance chief whose reports are all finance"),
    ("bamboohr-export.csv", "104", L.NEITHER, "client-facing leader without a stake"),
    ("bamboohr-export.csv", "105", L.NEITHER, "head of one department"),
    ("bamboohr-export.csv", "110", L.NEITHER, "staff"),
    ("architects-llp.yaml", "p1", L.PARTNER_LIKE, "founder holding 55% through her company"),
    ("architects-llp.yaml", "p2", L.PARTNER_LIKE, "20% and leads a practice"),
    ("architects-llp.yaml", "p3", L.PARTNER_LIKE, "LLP member sharing in profits, 3%"),
    ("architects-llp.yaml", "p4", L.COO_LIKE, "practice manager over finance, people and IT"),
    ("architects-llp.yaml", "p5", L.NEITHER, "head of one department"),
    ("architects-llp.yaml", "p8", L.NEITHER, "head of business development, no stake"),
    ("architects-llp.yaml", "p10", L.NEITHER, "architect with a 1% token stake"),
    ("architects-llp.yaml", "p12", L.PARTNER_LIKE, "senior partner with 21%"),
    ("architects-llp.yaml", "p13", L.NEITHER, "staff"),
]


@pytest.fixture(scope="module")
def classified() -> dict[str, om.Classification]:
    """Each file loaded and classified once."""
    return {name: om.classify(om.load(DATA / name)) for name in {c[0] for c in CASES}}


@pytest.mark.parametrize(("name", "pid", "label", "why"), CASES)
def test_held_out_member_gets_the_codebook_label(classified, name, pid, label, why):
    """Each member gets the label the codebook gives, for the reason noted."""
    assert classified[name][pid].label is label, why


@pytest.mark.parametrize("name", sorted({c[0] for c in CASES}))
def test_nobody_else_is_labelled(classified, name):
    """Members not listed are all neither: no false partner-like, hybrid or COO-like."""
    listed = {pid for file, pid, _, _ in CASES if file == name}
    others = {k: a.label for k, a in classified[name].items() if k not in listed}
    assert others
    assert set(others.values()) == {L.NEITHER}
