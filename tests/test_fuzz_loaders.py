"""Fuzzing: mutated and random documents either load or raise OrgModelError.

Hypothesis feeds 10,100 documents in all; no other exception, hang or crash is
allowed.  Most mutated documents come in batches of ten drawn from one Hypothesis
seed (cheap to generate on a busy machine); the rest are built by Hypothesis
directly, edit by edit, so failures shrink to small cases.  Counts per test:

===========================  =========
mutated YAML (edits)               400
mutated JSON (edits)               300
mutated CSV sets (edits)           300
mutated YAML (seeded, ×10)       2,500
mutated JSON (seeded, ×10)       2,000
mutated CSV sets (seeded, ×10)   2,000
random structures (×3)           1,800
random text                        600
random bytes as files              200
hostile organisations written       40
===========================  =========

``tests/fuzz_loaders.py`` runs the same checks for as long as you like.
"""

from __future__ import annotations

import contextlib
import json
import random
from datetime import timedelta

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import orgmodel as om
from fuzz_corpus import (
    MUTATION_ALPHABET,
    SEEDS,
    check_written,
    csv_tables,
    load_csv_tables,
    mutate,
    random_ops,
    random_organization,
)
from orgmodel.io import organization_from_data
from strategies import edit_ops

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_FUZZ = settings(
    deadline=timedelta(seconds=10),  # a hang fails the test; a busy machine does not
    database=None,
    suppress_health_check=list(HealthCheck),
)

_ops = edit_ops(MUTATION_ALPHABET)


def _check(text: str, fmt: str) -> None:
    try:
        org = om.loads(text, format=fmt)
    except om.OrgModelError:
        return
    # Whatever loads must also write and load back.
    assert om.loads(om.dumps(org, format="json"), format="json") == org


@given(st.sampled_from(SEEDS["yaml"]), _ops)
@settings(_FUZZ, max_examples=400)
def test_mutated_yaml(seed, ops):
    """Mutated YAML documents, edit by edit."""
    _check(mutate(seed, ops), "yaml")


@given(st.sampled_from(SEEDS["json"]), _ops)
@settings(_FUZZ, max_examples=300)
def test_mutated_json(seed, ops):
    """Mutated JSON documents, edit by edit."""
    _check(mutate(seed, ops), "json")


_TABLES = csv_tables()


@given(st.sampled_from(_TABLES), st.data(), _ops)
@settings(_FUZZ, max_examples=300)
def test_mutated_csv(tables, data, ops):
    """Sets of CSV files with one file mutated, edit by edit."""
    kind = data.draw(st.sampled_from(sorted(tables)))
    _check_tables({**tables, kind: mutate(tables[kind], ops)})


def _check_tables(tables: dict[str, str]) -> None:
    try:
        org = load_csv_tables(tables)
    except om.OrgModelError:
        return
    assert om.loads(om.dumps(org, format="json"), format="json") == org


_BATCH = 10


@given(st.sampled_from(["yaml", "json", "csv"]), st.integers(0, 2**64))
@settings(_FUZZ, max_examples=650)
def test_seeded_mutations(fmt, seed):
    """Batches of ten mutated documents per seed: 6,500 documents in all."""
    rng = random.Random(seed)  # noqa: S311 - reproducible fuzzing, not secrets
    for _ in range(_BATCH):
        if fmt == "csv":
            tables = rng.choice(_TABLES)
            kind = rng.choice(sorted(tables))
            _check_tables({**tables, kind: mutate(tables[kind], random_ops(rng))})
        else:
            _check(mutate(rng.choice(SEEDS[fmt]), random_ops(rng)), fmt)


_KEY_NAMES = st.sampled_from(
    [
        "organization",
        "people",
        "stakes",
        "entities",
        "units",
        "relationships",
        "lines",
        "vocabulary",
        "focal_entity",
        "id",
        "name",
        "manager",
        "dotted",
        "holder",
        "entity",
        "share",
        "kind",
        "report",
        "tag",
        "leans",
        "attributes",
        "minimum",
        "maximum",
    ]
)
_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=8),
    st.sampled_from(["alice", "acme", "40%", "25-50%", "llp", "partner", "solid", "strategic"]),
)
_structures = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(_KEY_NAMES | st.text(max_size=4), inner, max_size=4)
    ),
    max_leaves=10,
)


@given(_structures)
@settings(_FUZZ, max_examples=600)
def test_random_structures(data):
    """Random structures built from the format's own keys, as data, YAML and JSON."""
    with contextlib.suppress(om.OrgModelError):
        organization_from_data(data)
    _check(json.dumps(data), "json")
    _check(yaml.dump(data, Dumper=_DUMPER), "yaml")


@given(st.sampled_from(["yaml", "json", "csv"]), st.text(MUTATION_ALPHABET, max_size=80))
@settings(_FUZZ, max_examples=600)
def test_random_text(fmt, text):
    """Random texts from the characters parsers care about."""
    _check(text, fmt)


@given(st.sampled_from(["yaml", "json", "csv"]), st.binary(max_size=60))
@settings(_FUZZ, max_examples=200)
def test_random_bytes_as_files(tmp_path_factory, fmt, data):
    """Random byte strings written to files and loaded."""
    path = tmp_path_factory.mktemp("fuzz", numbered=True) / f"people.{fmt}"
    path.write_bytes(data)
    with contextlib.suppress(om.OrgModelError):
        om.load(path)


@pytest.mark.parametrize("engine", ["random", "writers"])
def test_the_long_fuzzing_command_runs(engine, tmp_path):
    """`fuzz_loaders.py` runs each engine for a few inputs and finds nothing."""
    import fuzz_loaders  # noqa: PLC0415 - the standalone command

    args = ["--engine", engine, "--iterations", "25", "--seed", "1", "--crash-dir", str(tmp_path)]
    assert fuzz_loaders.main(args) == 0
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("seed", range(40))
def test_random_hostile_organisations_survive_every_writer(seed, tmp_path):
    """A random organisation with hostile text is written in every format and read back equal."""
    check_written(random_organization(random.Random(seed)), str(tmp_path))  # noqa: S311
