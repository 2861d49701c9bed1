"""The JSON Schema of the file format: well formed, in step with the model, and strict."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml
from hypothesis import given
from jsonschema import Draft202012Validator

import orgmodel as om
from orgmodel.schema import schema_text
from orgmodel.vocabulary import Lean
from strategies import ids

SCHEMA = om.json_schema()
VALIDATOR = Draft202012Validator(SCHEMA)

DESIGN_EXAMPLE = """
organization: Acme Partners LLP
focal_entity: acme
entities:
  - {id: acme, name: Acme Partners LLP, kind: llp}
  - {id: alice-holdco, name: AS Holdings Ltd, kind: company}
units:
  - {id: exec, name: Executive, function: leadership}
  - {id: ops, name: Operations, function: operations, parent: exec, head: carol}
people:
  - id: alice
    name: Alice Smith
    title: Managing Partner
    employment: partner
    unit: exec
    manager: null
    dotted: []
    responsibilities: [strategy, business_development, client_relationships]
    attributes: {email: alice@example.com}
  - {id: carol, name: Carol Diaz, title: COO, manager: alice, unit: ops, dotted: [alice]}
stakes:
  - {holder: alice, entity: alice-holdco, share: 1.0}
  - {holder: alice-holdco, entity: acme, share: "40%", voting: "40%", profit_share: "35%",
     liability: limited}
  - {holder: carol, entity: acme, share: "1-5%"}
  - {holder: carol, entity: alice-holdco, share: {minimum: 0, maximum: 0.0}}
relationships:
  - {person: alice, kind: client, counterparty: Globex Corp}
lines:
  - {report: carol, manager: alice, kind: dotted}
vocabulary:
  - {tag: pitching, leans: [external], description: pitches for new work}
"""


def errors(document: Any) -> list[str]:
    return [error.message for error in VALIDATOR.iter_errors(document)]


def with_stake_share(share: Any) -> dict[str, Any]:
    return {
        "organization": "x",
        "entities": [{"id": "e", "name": "E"}],
        "people": [{"id": "p", "name": "P"}],
        "stakes": [{"holder": "p", "entity": "e", "share": share}],
    }


def test_schema_is_a_valid_draft_2020_12_schema():
    """The shipped schema passes the metaschema."""
    Draft202012Validator.check_schema(SCHEMA)


def test_json_schema_returns_a_fresh_copy():
    """Changing the returned dictionary does not change the next one."""
    first = om.json_schema()
    first["title"] = "changed"
    assert om.json_schema()["title"] != "changed"


def test_design_example_validates():
    """The example of DESIGN §3, every key used, passes the schema."""
    assert errors(yaml.safe_load(DESIGN_EXAMPLE)) == []


@pytest.mark.parametrize(
    ("definition", "enum"),
    [
        ("entity", om.EntityKind),
        ("person", om.Employment),
        ("relationship", om.RelationshipKind),
        ("line", om.LineKind),
    ],
)
def test_enumerations_match_the_model(definition, enum):
    """Each enumeration in the schema lists exactly the model's values."""
    properties = SCHEMA["$defs"][definition]["properties"]
    key = {"entity": "kind", "person": "employment", "relationship": "kind", "line": "kind"}[
        definition
    ]
    assert properties[key]["enum"] == [member.value for member in enum]


def test_liability_and_leans_match_the_model():
    """Liability values and tag leans are the model's."""
    liability = SCHEMA["$defs"]["stake"]["properties"]["liability"]["oneOf"][0]["enum"]
    assert liability == [member.value for member in om.Liability]
    leans = SCHEMA["$defs"]["tag"]["properties"]["leans"]["items"]["enum"]
    assert leans == [member.value for member in Lean]


def test_record_keys_match_the_model():
    """Every field of each record class is a key in the schema, and nothing else."""
    pairs = {
        "person": om.Person,
        "entity": om.Entity,
        "unit": om.Unit,
        "stake": om.Stake,
        "relationship": om.Relationship,
        "line": om.ReportingLine,
    }
    for definition, cls in pairs.items():
        fields = {field.name for field in attrs.fields(cls)}
        assert set(SCHEMA["$defs"][definition]["properties"]) == fields, definition


@pytest.mark.parametrize(
    "share",
    [
        0,
        1,
        0.4,
        1.0,
        "40%",
        "100%",
        "0%",
        "12.5%",
        " 40 % ",
        "0.4",
        "1",
        "25-50%",
        "25%-50%",
        "25 – 50%",
        "25 to 50%",
        "0.25-0.5",
        {"minimum": 0.25, "maximum": 0.5},
        {"minimum": "25%", "maximum": "50%"},
    ],
)
def test_share_forms_accepted(share):
    """Every share form the loader reads passes the schema, and Share.parse reads it."""
    assert errors(with_stake_share(share)) == []
    if isinstance(share, str) and " to " not in share and "–" not in share:
        om.Share.parse(share)


@pytest.mark.parametrize(
    "share",
    [
        40,
        -0.1,
        1.5,
        "140%",
        "40",
        "forty",
        "1/3",
        "",
        {"minimum": 0.25},
        {"minimum": 0.2, "maximum": 0.5, "exact": 0.3},
        None,
        True,
        [0.4],
    ],
)
def test_share_forms_rejected(share):
    """Numbers above 1, bad strings and incomplete ranges fail the schema."""
    assert errors(with_stake_share(share)) != []


@pytest.mark.parametrize(
    ("document", "fragment"),
    [
        ({"organization": "x", "people": [{"id": "a", "name": "A", "manger": "b"}]}, "manger"),
        ({"organization": "x", "poeple": []}, "poeple"),
        ({"organization": "x", "people": [{"id": "a", "name": "A", "employment": "boss"}]}, "boss"),
        ({"organization": "x", "entities": [{"id": "a", "name": "A", "kind": "plc"}]}, "plc"),
        ({"organization": "x", "people": [{"name": "A"}]}, "'id' is a required property"),
        ({"people": []}, "'organization' is a required property"),
        ({"organization": "x", "people": [{"id": " a", "name": "A"}]}, "does not match"),
        ({"organization": "x", "people": [{"id": "ext:a", "name": "A"}]}, "does not match"),
        (
            {"organization": "x", "people": [{"id": "a", "name": "A", "dotted": "b"}]},
            "is not of type 'array'",
        ),
        (
            {"organization": "x", "lines": [{"report": "a", "manager": "b", "kind": "dashed"}]},
            "dashed",
        ),
        (
            {"organization": "x", "relationships": [{"person": "a", "kind": "client"}]},
            "'counterparty' is a required property",
        ),
        (
            {"organization": "x", "vocabulary": [{"tag": "Pitching", "leans": ["external"]}]},
            "does not match",
        ),
        ([], "is not of type 'object'"),
    ],
)
def test_bad_documents_fail(document, fragment):
    """Misspelt keys, bad enumeration values, missing and malformed fields fail."""
    found = errors(document)
    assert found
    assert any(fragment in message for message in found), found


@given(ids)
def test_id_pattern_accepts_every_valid_id(node_id):
    """Every id the model accepts matches the schema's id pattern."""
    om.Organization(name="x", people=[om.Person(node_id, "N")])
    assert re.search(SCHEMA["$defs"]["id"]["pattern"], node_id)


def test_bundled_example_file_validates():
    """The bundled example, read as plain YAML, passes the schema."""
    path = Path(__file__).resolve().parents[1] / "src" / "orgmodel" / "data" / "acme-partners.yaml"
    assert errors(yaml.safe_load(path.read_text(encoding="utf-8"))) == []


def test_schema_text_is_the_schema():
    """The text printed by `orgmodel schema` parses to the same schema."""
    assert json.loads(schema_text()) == SCHEMA
