"""GraphML as a format of om.load and om.dump, and suffixes that name formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import orgmodel as om
from orgmodel.io._api import format_of_path


@pytest.fixture
def firm():
    return om.example("acme-partners")


def test_load_reads_graphml_by_suffix(firm, tmp_path):
    """om.dump and om.load take .graphml by its suffix and round-trip."""
    om.dump(firm, tmp_path / "firm.graphml")
    assert (tmp_path / "firm.graphml").read_text(encoding="utf-8").startswith("<graphml")
    assert om.load(tmp_path / "firm.graphml") == firm


def test_graphml_text_round_trips(firm):
    """dumps and loads take format='graphml'."""
    assert om.loads(om.dumps(firm, format="graphml"), format="graphml") == firm


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("<graphml><graph", om.ProblemCode.SYNTAX_ERROR),
        ("not xml at all", om.ProblemCode.SYNTAX_ERROR),
        (
            '<?xml version="1.0"?><!DOCTYPE g [<!ENTITY a "aaaa">]><graphml>&a;</graphml>',
            om.ProblemCode.UNSAFE_INPUT,
        ),
        (
            (
                '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
                '<graph edgedefault="undirected"><node id="a"/></graph></graphml>'
            ),
            om.ProblemCode.WRONG_TYPE,
        ),
    ],
)
def test_bad_graphml_is_a_validation_error(text, code):
    """Broken, entity-declaring or undirected GraphML is a ValidationError with its code."""
    with pytest.raises(om.ValidationError) as info:
        om.loads(text, format="graphml")
    assert [p.code for p in info.value.problems] == [code]


def test_graphml_of_a_foreign_graph_reports_its_problems():
    """A GraphML graph that orgmodel did not write is checked node by node."""
    text = (
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
        '<graph edgedefault="directed"><node id="a"/></graph></graphml>'
    )
    with pytest.raises(om.ValidationError) as info:
        om.loads(text, format="graphml")
    assert [p.location for p in info.value.problems] == ["nodes['a']"]


def test_missing_graphml_file_is_a_file_access_error(tmp_path):
    """A missing .graphml file is a FileAccessError, as for every format."""
    with pytest.raises(om.FileAccessError):
        om.load(tmp_path / "nope.graphml")


def test_bods_json_suffix_writes_bods(firm, tmp_path):
    """A .bods.json target is written as BODS statements."""
    om.dump(firm, tmp_path / "owners.bods.json")
    statements = json.loads((tmp_path / "owners.bods.json").read_text(encoding="utf-8"))
    assert isinstance(statements, list)
    assert all("statementId" in s for s in statements)


def test_bods_json_suffix_reads_bods(firm, tmp_path):
    """A .bods.json file is read as BODS: the same as reading it with format='bods'."""
    path = tmp_path / "owners.bods.json"
    om.dump(firm, path)
    assert om.load(path) == om.load(path, format="bods")


def test_bods_json_that_is_not_bods_is_refused(tmp_path):
    """orgmodel JSON named .bods.json is a problem, not silently read as orgmodel JSON."""
    path = tmp_path / "owners.bods.json"
    path.write_text('{"organization": "Acme"}', encoding="utf-8")
    with pytest.raises(om.OrgModelError):
        om.load(path)


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("firm.yaml", om.Format.YAML),
        ("firm.YML", om.Format.YAML),
        ("firm.json", om.Format.JSON),
        ("owners.bods.json", om.Format.BODS),
        ("OWNERS.BODS.JSON", om.Format.BODS),
        ("people.csv", om.Format.CSV),
        ("firm.graphml", om.Format.GRAPHML),
        (".bods.json", om.Format.JSON),
        ("notes.txt", None),
        ("json", None),
    ],
)
def test_format_of_path(name, fmt):
    """The longest suffix names the format; a bare suffix is no file name."""
    assert format_of_path(Path(name)) is fmt
