"""Fuzzing the BODS readers (0.2, 0.3, 0.4): 10,000 documents, each loads or is refused.

Every document either loads or raises :class:`~orgmodel.OrgModelError` whose
problems name the statement (by its id) and the field; whatever loads is written
back, read again and looked through (``tests/fuzz_bods_corpus.py`` has the check).
Seeds are the scenario files in BODS 0.2, 0.3 and 0.4.  Counts per test:

=============================================  ======
structural mutations of 0.4 (seeded, ×10)       3,000
structural mutations of 0.2/0.3 (seeded, ×10)   3,000
mutated JSON text (seeded, ×10)                 2,000
structural edits built by Hypothesis              800
random statements from BODS's own keys          1,200
=============================================  ======

The mutations are what broken registers look like: values of the wrong type
anywhere, keys and statements dropped, repeated or out of order, references to
records that are not there, ownership in a circle, arrays of thousands of items,
unknown versions.  ``tests/fuzz_loaders.py --format bods`` runs the same checks for
as long as you like.
"""

from __future__ import annotations

import copy
import random
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz_bods_corpus import SEED_TEXTS, SEEDS, check, check_text, mutate_doc, paths
from fuzz_corpus import mutate, random_ops

_FUZZ = settings(
    deadline=timedelta(seconds=10),  # a hang fails the test; a busy machine does not
    database=None,
    suppress_health_check=list(HealthCheck),
)
_BATCH = 10


_V04 = [doc for doc in SEEDS if any(isinstance(s, dict) and "recordType" in s for s in doc)]
_OLDER = [doc for doc in SEEDS if doc not in _V04]


@pytest.mark.parametrize("seeds", [_V04, _OLDER], ids=["0.4", "0.2-0.3"])
@given(st.integers(0, 2**64))
@settings(_FUZZ, max_examples=300)
def test_structural_mutations(seeds, seed):
    """Batches of ten mutated documents per seed, 0.4 and 0.2/0.3 apart: 3,000 each."""
    rng = random.Random(seed)  # noqa: S311 - reproducible fuzzing, not secrets
    for _ in range(_BATCH):
        check(mutate_doc(rng.choice(seeds), rng))


@given(st.integers(0, 2**64))
@settings(_FUZZ, max_examples=200)
def test_mutated_text(seed):
    """Batches of ten documents mutated as text (JSON syntax included): 2,000 in all."""
    rng = random.Random(seed)  # noqa: S311 - reproducible fuzzing, not secrets
    for _ in range(_BATCH):
        check_text(mutate(rng.choice(SEED_TEXTS), random_ops(rng)))


_JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 10**20)
    | st.floats(allow_nan=False)
    | st.text(max_size=6)
    | st.sampled_from(["shareholding", "indirect", "0.3", "closed", "trustee", "nominee"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=6,
)


@given(st.sampled_from(range(len(SEEDS))), st.data())
@settings(_FUZZ, max_examples=800)
def test_structural_edits(index, data):
    """Values put anywhere in a seed, drawn by Hypothesis so failures shrink."""
    doc: Any = copy.deepcopy(SEEDS[index])
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.sampled_from(paths(doc)))
        value = data.draw(_JSON_VALUES)
        if not where:
            doc = value
            break
        parent = doc
        for key in where[:-1]:
            parent = parent[key]
        parent[where[-1]] = value
    check(doc)


_KEYS = st.sampled_from(
    [
        "statementId",
        "statementID",
        "statementType",
        "recordId",
        "recordType",
        "recordStatus",
        "recordDetails",
        "publicationDetails",
        "bodsVersion",
        "replacesStatements",
        "subject",
        "interestedParty",
        "describedByEntityStatement",
        "describedByPersonStatement",
        "unspecified",
        "interests",
        "type",
        "directOrIndirect",
        "interestLevel",
        "share",
        "exact",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "endDate",
        "names",
        "fullName",
        "personType",
        "entityType",
        "componentRecords",
        "componentStatementIDs",
        "isComponent",
        "name",
    ]
)
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-1, 120),
    st.floats(-1, 120, allow_nan=False),
    st.sampled_from(
        [
            "a",
            "b",
            "entity",
            "person",
            "relationship",
            "entityStatement",
            "personStatement",
            "ownershipOrControlStatement",
            "shareholding",
            "votingRights",
            "settlor",
            "nominator",
            "indirect",
            "new",
            "closed",
            "0.2",
            "0.4",
            "registeredEntity",
            "arrangement",
            "knownPerson",
            "anonymousPerson",
        ]
    ),
)
_STRUCTURES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=5),
    max_leaves=10,
)


@given(st.lists(st.dictionaries(_KEYS, _STRUCTURES, max_size=5), max_size=5))
@settings(_FUZZ, max_examples=1200)
def test_random_statements(statements):
    """Random statements built from the keys and values of BODS 0.2–0.4."""
    check(statements)
