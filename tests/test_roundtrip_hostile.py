"""Anything orgmodel writes, orgmodel reads back equal: every format, hostile text included.

A writer may refuse what its format cannot hold (CSV and NUL), with a clear
``ValidationError``; it never writes what its reader then refuses or changes.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import orgmodel as om
from strategies import hostile_organizations

_SETTINGS = settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
_FILES = {"yaml": "firm.yaml", "json": "firm.json", "csv": "people.csv", "graphml": "firm.graphml"}


def _refused(write: Callable[[], object]) -> om.ValidationError | None:
    """Run *write*; return the ValidationError it refused with, if it did."""
    try:
        write()
    except om.ValidationError as err:
        return err
    return None


def _refusal_is_allowed(fmt: str, err: om.ValidationError) -> bool:
    """CSV cannot hold NUL and says so; nothing else may be refused."""
    return fmt == "csv" and all("NUL" in p.message for p in err.problems)


@pytest.mark.parametrize("fmt", sorted(_FILES))
@given(org=hostile_organizations())
@_SETTINGS
def test_files_round_trip_hostile_text(fmt, org):
    """dump → load through a file gives an equal organisation, or a clear refusal."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / _FILES[fmt]
        refusal = _refused(lambda: om.dump(org, path))
        if refusal is not None:
            assert _refusal_is_allowed(fmt, refusal), refusal
            assert list(Path(folder).iterdir()) == []
            return
        assert om.load(path) == org


@pytest.mark.parametrize("fmt", ["yaml", "json", "graphml"])
@given(org=hostile_organizations())
@_SETTINGS
def test_texts_round_trip_hostile_text(fmt, org):
    """dumps → loads gives an equal organisation, and dumping it again gives the same text."""
    text = om.dumps(org, format=fmt)
    again = om.loads(text, format=fmt)
    assert again == org
    assert om.dumps(again, format=fmt) == text


@given(org=hostile_organizations(max_entities=0, max_units=0))
@_SETTINGS
def test_csv_text_round_trips_hostile_people(org):
    """People alone survive dumps/loads as CSV, formulas escaped and read back exactly."""
    plain = om.Organization(name="", people=org.people)
    texts: list[str] = []
    refusal = _refused(lambda: texts.append(om.dumps(plain, format="csv")))
    if refusal is not None:
        assert _refusal_is_allowed("csv", refusal), refusal
        return
    assert om.loads(texts[0], format="csv") == plain
    assert om.loads(om.dumps(plain, format="csv", escape_formulas=False), format="csv") == plain
