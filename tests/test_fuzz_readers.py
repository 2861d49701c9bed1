"""Fuzzing the readers of the data people have: mutated inputs load or raise OrgModelError.

Hypothesis feeds 10,150 inputs to the table, directory, LDIF and Excel readers; no
other exception, hang or crash is allowed, and whatever loads survives a JSON round
trip.  Most come in batches of ten drawn from one Hypothesis seed; the rest are built
edit by edit, so failures shrink.  Counts per test:

======================================  =========
mutated tables: CSV, ``;`` (edits)            300
mutated directory JSON (edits)                200
mutated LDIF (edits)                          100
mutated tables and TSV (seeded, ×10)        3,500
mutated directory JSON (seeded, ×10)        2,500
mutated LDIF (seeded, ×10)                  1,500
mutated Excel sheet XML (seeded, ×10)       1,000
tables as bytes, re-encoded (seeded, ×10)     600
mutated organogram pairs as files (×10)       450
======================================  =========

``tests/fuzz_loaders.py`` runs the same checks for as long as you like.
"""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import orgmodel as om
from fuzz_corpus import (
    MUTATION_ALPHABET,
    READER_SEEDS,
    load_reader_input,
    mutate,
    random_ops,
)
from strategies import edit_ops

pytestmark = pytest.mark.slow

_FUZZ = settings(
    deadline=timedelta(seconds=10),  # a hang fails the test; a busy machine does not
    database=None,
    suppress_health_check=list(HealthCheck),
)
_BATCH = 10
_ops = edit_ops(MUTATION_ALPHABET)


def _round_trips(org: om.Organization) -> None:
    assert om.loads(om.dumps(org, format="json"), format="json") == org


def _check(kind: str, text: str) -> None:
    try:
        org = load_reader_input(kind, text)
    except om.OrgModelError:
        return
    _round_trips(org)


@given(st.sampled_from(READER_SEEDS["table"]), _ops)
@settings(_FUZZ, max_examples=300)
def test_mutated_tables(seed, ops):
    """Mutated HR exports and org-chart tools' tables, edit by edit."""
    _check("table", mutate(seed, ops))


@given(st.sampled_from(READER_SEEDS["directory"]), _ops)
@settings(_FUZZ, max_examples=200)
def test_mutated_directories(seed, ops):
    """Mutated SCIM, Microsoft Graph and Google Directory dumps, edit by edit."""
    _check("directory", mutate(seed, ops))


@given(st.sampled_from(READER_SEEDS["ldif"]), _ops)
@settings(_FUZZ, max_examples=100)
def test_mutated_ldif(seed, ops):
    """Mutated LDIF dumps, edit by edit."""
    _check("ldif", mutate(seed, ops))


def _batch(kind: str, seed: int) -> None:
    rng = random.Random(seed)  # noqa: S311 - reproducible fuzzing, not secrets
    for _ in range(_BATCH):
        _check(kind, mutate(rng.choice(READER_SEEDS[kind]), random_ops(rng)))


@given(st.sampled_from(["table", "table", "table", "table", "tsv"]), st.integers(0, 2**64))
@settings(_FUZZ, max_examples=350)
def test_seeded_tables(kind, seed):
    """Batches of ten mutated tables (CSV, ``;`` and tab-separated): 3,500 in all."""
    _batch(kind, seed)


@given(st.integers(0, 2**64))
@settings(_FUZZ, max_examples=250)
def test_seeded_directories(seed):
    """Batches of ten mutated directory dumps: 2,500 in all."""
    _batch("directory", seed)


@given(st.integers(0, 2**64))
@settings(_FUZZ, max_examples=150)
def test_seeded_ldif(seed):
    """Batches of ten mutated LDIF dumps: 1,500 in all."""
    _batch("ldif", seed)


@given(st.integers(0, 2**64))
@settings(_FUZZ, max_examples=100)
def test_seeded_workbooks(seed):
    """Batches of ten workbooks with a mutated sheet: 1,000 in all."""
    _batch("xlsx", seed)


_ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "latin-1")


@given(st.integers(0, 2**64))
@settings(_FUZZ, max_examples=60)
def test_seeded_table_bytes(seed):
    """Batches of ten mutated tables, encoded every way, with bytes flipped: 600 in all."""
    rng = random.Random(seed)  # noqa: S311 - reproducible fuzzing, not secrets
    for _ in range(_BATCH):
        text = mutate(rng.choice(READER_SEEDS["table"]), random_ops(rng))
        data = bytearray(text.encode(rng.choice(_ENCODINGS), "replace"))
        for _ in range(rng.randrange(3)):
            if data:
                data[rng.randrange(len(data))] = rng.randrange(256)
        try:
            org = om.loads(bytes(data), format="csv")
        except om.OrgModelError:
            continue
        _round_trips(org)


_SENIOR = READER_SEEDS["table"][6]


@given(st.integers(0, 2**64))
@settings(_FUZZ, max_examples=45)
def test_seeded_organogram_pairs(tmp_path_factory, seed):
    """Batches of ten organogram pairs, one file of each mutated: 450 in all."""
    from fuzz_corpus import _DATA  # noqa: PLC0415

    junior = (_DATA / "tables" / "organogram-2024-03-31-junior.csv").read_text(encoding="utf-8")
    rng = random.Random(seed)  # noqa: S311 - reproducible fuzzing, not secrets
    folder = tmp_path_factory.mktemp("pair", numbered=True)
    for k in range(_BATCH):
        senior, other = _SENIOR, junior
        if rng.random() < 0.5:
            senior = mutate(senior, random_ops(rng))
        else:
            other = mutate(other, random_ops(rng))
        (folder / f"o{k}-senior.csv").write_text(senior, encoding="utf-8", errors="surrogatepass")
        (folder / f"o{k}-junior.csv").write_text(other, encoding="utf-8", errors="surrogatepass")
        try:
            org = om.load(folder / f"o{k}-senior.csv")
        except om.OrgModelError:
            continue
        _round_trips(org)
