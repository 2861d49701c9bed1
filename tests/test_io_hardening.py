"""Readers and writers that agree: ids kept as written, text every format can hold."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings

import orgmodel as om
from orgmodel.io import _graphml_stream, _yaml
from orgmodel.problems import ProblemCode
from strategies import hostile_organizations

# -- YAML numbers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    ["010", "0x1F", "0X1f", "0b101", "0o17", "1_000", "1:30", "190:20:30", "+5", "-0", "007"],
)
def test_yaml_ids_are_kept_as_written(written):
    """An id YAML 1.1 would read as another number (010 is 8) is the text written."""
    org = om.loads(f"people:\n  - {{id: {written}, name: A}}\n", format="yaml")
    assert org.people[0].id == written


@pytest.mark.parametrize(("written", "value"), [("42", 42), ("-7", -7), ("0", 0)])
def test_yaml_decimal_integers_are_numbers(written, value):
    """Plain decimal integers are numbers in attributes (and their digits as ids)."""
    text = f"people:\n  - {{id: {written}, name: A, attributes: {{n: {written}}}}}\n"
    person = om.loads(text, format="yaml").people[0]
    assert (person.id, person.attributes["n"]) == (written, value)


@pytest.mark.parametrize("written", ["1_000.5", "1:30.5"])
def test_yaml_floats_with_underscores_or_colons_stay_text(written):
    """Floats in YAML 1.1's underscore or sexagesimal forms stay text too."""
    text = f"people:\n  - {{id: a, name: A, attributes: {{n: {written}}}}}\n"
    assert om.loads(text, format="yaml").people[0].attributes["n"] == written


def test_yaml_hex_with_thousands_of_digits_is_text():
    """0x and 5,000 digits is text: it never becomes an integer no writer can write."""
    digits = "0x" + "F" * 5000
    text = f"people:\n  - {{id: a, name: A, attributes: {{serial: {digits}}}}}\n"
    org = om.loads(text, format="yaml")
    assert org.people[0].attributes["serial"] == digits
    assert om.loads(om.dumps(org, format="json"), format="json") == org


def test_yaml_decimal_with_thousands_of_digits_is_a_problem():
    """A 5,000-digit decimal is a wrong-type problem, not a ValueError."""
    text = "people:\n  - {id: a, name: A, attributes: {n: " + "9" * 5000 + "}}\n"
    with pytest.raises(om.ValidationError, match="too many digits") as info:
        om.loads(text, format="yaml")
    assert info.value.problems[0].code is ProblemCode.WRONG_TYPE


# -- what aliases may add ----------------------------------------------------------------


def test_values_written_out_never_count_as_aliases(monkeypatch):
    """A document with many more values than the alias limit, but no aliases, loads."""
    monkeypatch.setattr(_yaml, "MAX_ALIAS_VALUES", 10)
    people = "".join(f"  - {{id: p{i}, name: P{i}, title: T}}\n" for i in range(500))
    assert len(om.loads("people:\n" + people, format="yaml").people) == 500


def test_aliases_count_what_they_add(monkeypatch):
    """Aliases that would add more values than the limit are refused as unsafe."""
    monkeypatch.setattr(_yaml, "MAX_ALIAS_VALUES", 10)
    text = "a: &a [1, 2, 3, 4, 5, 6]\nb: [*a, *a]\n"
    with pytest.raises(om.ValidationError, match="billion laughs") as info:
        om.loads(text, format="yaml")
    assert info.value.problems[0].code is ProblemCode.UNSAFE_INPUT


# -- lone surrogates ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ('{"people": [{"id": "a", "name": "x\\ud800"}]}', "json"),
        ('{"people": [{"id": "a", "name": "x", "attributes": {"\\udc00": 1}}]}', "json"),
        ('people:\n  - {id: a, name: "x\\ud800"}\n', "yaml"),
        ("people:\n  - {id: a, name: x\ud800}\n", "yaml"),
        ("id,name\na,x\ud800\n", "csv"),
    ],
)
def test_lone_surrogates_are_refused_on_reading(text, fmt):
    """Half a surrogate pair, escaped or not, is a problem on reading, never an object."""
    with pytest.raises(om.ValidationError, match=r"surrogate|Unicode") as info:
        om.loads(text, format=fmt)
    assert info.value.problems[0].code in {ProblemCode.WRONG_TYPE, ProblemCode.SYNTAX_ERROR}


def test_a_surrogate_pair_is_one_character():
    """An escaped pair (an emoji) is read as the character it stands for."""
    org = om.loads('{"people": [{"id": "a", "name": "\\ud83d\\ude00"}]}', format="json")
    assert org.people[0].name == "\U0001f600"


@pytest.mark.parametrize("fmt", ["yaml", "json", "csv", "graphml"])
def test_lone_surrogates_are_refused_on_writing(fmt, tmp_path):
    """An organisation built in Python with a lone surrogate is refused by every writer."""
    org = om.Organization(name="", people=[om.Person("a", "x\udc80")])
    with pytest.raises(om.ValidationError, match="surrogate"):
        om.dumps(org, format=fmt)
    name = "people.csv" if fmt == "csv" else f"firm.{fmt}"
    with pytest.raises(om.ValidationError, match="surrogate"):
        om.dump(org, tmp_path / name)
    assert list(tmp_path.iterdir()) == []


# -- CSV: unclosed quotes and formulas -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('id,name,title\n1,Ann,"CEO\n2,Bob,COO\n3,Cy,CTO\n', 2),
        ('id,name,title\r\n1,Ann,CEO\r\n2,"Bob\r\n3,Cy,CTO\r\n', 3),
        ('id,name,title\n1,Ann,"CEO', 2),
        ('id,name,title\n1,Ann,CEO\n2,"Bob ""the builder"" Roe,COO\n', 3),
    ],
)
def test_an_unclosed_quote_is_a_problem_at_its_line(text, line):
    """A quote that never closes is a syntax error where it opens, not one huge cell."""
    with pytest.raises(om.ValidationError, match="never closes") as info:
        om.loads(text, format="csv")
    (problem,) = info.value.problems
    assert problem.code is ProblemCode.SYNTAX_ERROR
    assert problem.location in {f"people.csv:{line}", f"line {line}"}


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_an_unclosed_quote_in_an_hr_export_is_a_problem(delimiter):
    """An HR export (not orgmodel's own columns) with an unclosed quote is refused too."""
    rows = ["Name,Title,Reports To", "Ann,CEO,", 'Bo,"COO', "Cy,CTO,Ann", "Di,CFO,Ann"]
    text = "\n".join(row.replace(",", delimiter) for row in rows) + "\n"
    with pytest.raises(om.ValidationError, match="never closes") as info:
        om.loads(text, format="csv")
    assert info.value.problems[0].location == "line 3"


@pytest.mark.parametrize(
    "text",
    [
        'id,name,title\n1,Ann,"Managing\nPartner"\n2,Bob,COO\n',
        'id,name,title\n1,Ann,"CEO, ""the boss"""\n',
        'id,name,title\n1,Ann,"CEO\n"',
        'id,name,title\n1,Ann,""',
    ],
)
def test_closed_quotes_are_fine(text):
    """Quoted cells with line breaks and doubled quotes, even at the very end, are read."""
    assert om.loads(text, format="csv").people[0].id == "1"


_FORMULAS = om.Organization(
    name="",
    people=[
        om.Person("=1+1", '=HYPERLINK("http://x")', title="+cmd|' /C calc'!A0"),
        om.Person("-5", "@SUM(A1)", title="\t=tab", manager="=1+1", attributes={"=k": "-v"}),
        om.Person("'=x", "''=y", title="\r=cr", manager="=1+1", attributes={"n": -3}),
    ],
)


@pytest.mark.parametrize("escape", [True, False])
def test_formula_cells_read_back_exactly(escape):
    """Cells starting = + - @ tab CR (and ' before one) read back equal, escaped or not."""
    text = om.dumps(_FORMULAS, format="csv", escape_formulas=escape)
    assert om.loads(text, format="csv") == _FORMULAS


def test_formula_cells_are_escaped():
    """Every cell a spreadsheet would run starts with ' in the written CSV."""
    text = om.dumps(_FORMULAS, format="csv")
    cells = [cell for line in text.split("\r\n") for cell in line.split(",")]
    for cell in cells:
        bare = cell.strip('"')
        assert bare[:1] not in {"=", "+", "-", "@", "\t", "\r"}, cell


def test_a_bare_carriage_return_is_quoted_in_every_csv():
    """A name holding a carriage return is quoted, so it cannot start a row of its own."""
    org = om.Organization(name="", people=[om.Person("a", "one\rtwo")])
    assert '"one\rtwo"' in om.dumps(org, format="csv")


# -- GraphML -----------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(org=hostile_organizations())
def test_graphml_is_well_formed_xml_with_known_keys(org):
    """orgmodel's GraphML parses as XML, and declares every attribute the graph has."""
    text = om.dumps(org, format="graphml")
    ET.fromstring(text)  # noqa: S314 - our own output
    known = {(domain, name) for domain, name, _ in _graphml_stream.KEYS}
    graph = om.to_networkx(org)
    seen = {("graph", k) for k in graph.graph}
    seen |= {("node", k) for _, data in graph.nodes(data=True) for k in data}
    seen |= {("edge", k) for *_, data in graph.edges(data=True) for k in data}
    assert seen <= known


def test_graphml_keeps_what_xml_cannot_hold():
    """Control characters, U+FFFF and carriage returns survive GraphML, ids included."""
    org = om.Organization(
        name="a\x01b",
        people=[om.Person("ann", "Ann\r\nLee\x0b", title="\uffff")],
        relationships=[om.Relationship("ann", om.RelationshipKind.CLIENT, "Glo\x1bbex\r")],
    )
    text = om.dumps(org, format="graphml")
    assert not any(c in text for c in "\x01\x0b\x1b\uffff")
    assert om.loads(text, format="graphml") == org


def test_graphml_keeps_empty_names():
    """An empty name (which XML reads back as absent) comes back empty."""
    org = om.Organization(name="", people=[om.Person("ann", "")], entities=[om.Entity("e", "")])
    assert om.loads(om.dumps(org, format="graphml"), format="graphml") == org


def test_graphml_exact_values_must_be_an_object():
    """A broken orgmodel_exact attribute is a problem, not a crash."""
    text = om.dumps(om.Organization(name="x\x01"), format="graphml")
    broken = text.replace(json.dumps({"name": "x\x01"}), "[1]")
    with pytest.raises(om.ValidationError, match="orgmodel_exact"):
        om.loads(broken, format="graphml")
