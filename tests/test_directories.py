"""Directory dumps: SCIM 2.0, Microsoft Graph, Google Directory and LDIF, by their content."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import orgmodel as om

DATA = Path(__file__).parent / "data" / "directories"
BABS, JOHN = "2819c223-7f76-453a-919d-413861904646", "26118915-6090-4610-87e4-49d8ca9f808d"
MEI, ORLA = "c75ad752-64ae-4823-840d-ffa80929976c", "9f1a7c8e-3b2d-4e5f-8a9b-0c1d2e3f4a5b"
ADELE, ISAIAH = "87d349ed-44d7-43e1-9a83-5f2406dee5bd", "e3d0513b-449e-4198-ba6f-bd97ae7cae85"
LYNNE = "626cbf8c-5dde-46b0-8385-9e40d64736fe"
LIZ, RAJ, PAT, KIM = (
    "101234567890123456789",
    "101234567890123456790",
    "101234567890123456791",
    "101234567890123456792",
)

CASES = [
    (
        "scim-users.json",
        {BABS: None, JOHN: BABS, MEI: JOHN, ORLA: BABS},
        {
            "Universal Studios": None,
            "Universal Studios > Theme Park": "Universal Studios",
            "Universal Studios > Theme Park > Tour Operations": "Universal Studios > Theme Park",
            "Universal Studios > Finance": "Universal Studios",
        },
    ),
    (
        "graph-users.json",
        {ADELE: None, ISAIAH: ADELE, LYNNE: ISAIAH},
        {"Executive": None, "Operations": None},
    ),
    (
        "google-users.json",
        {LIZ: None, RAJ: LIZ, PAT: LIZ, KIM: RAJ},
        {"Leadership": None, "Operations": None},
    ),
    (
        "people.ldif",
        {"jdoe": None, "asmith": "jdoe", "zmuller": "asmith"},
        {"Executive": None, "Finance": None},
    ),
]


@pytest.mark.parametrize(("file", "managers", "units"), CASES)
def test_directory_loads_by_its_content(file, managers, units):
    """Each dump loads without options into its people, lines and units."""
    org = om.load(DATA / file)
    assert {p.id: p.manager for p in org.people} == managers
    assert {u.id: u.parent for u in org.units} == units
    assert org.warnings[0].code is om.ProblemCode.COLUMNS_DETECTED


@pytest.mark.parametrize("file", [c[0] for c in CASES])
def test_directory_round_trips_through_yaml(file, tmp_path):
    """What a dump loads into is kept by orgmodel YAML."""
    org = om.load(DATA / file)
    om.dump(org, tmp_path / "firm.yaml")
    assert om.load(tmp_path / "firm.yaml") == org


@pytest.mark.parametrize(
    ("file", "person", "name", "title", "email"),
    [
        ("scim-users.json", BABS, "Babs Jensen", "Chief Executive Officer", "bjensen@example.com"),
        ("scim-users.json", JOHN, "John Smith", "Tour Guide Manager", "jsmith@example.com"),
        ("scim-users.json", ORLA, "Orla Keefe", "Finance Lead", None),
        (
            "graph-users.json",
            LYNNE,
            "Lynne Robbins",
            "Facilities Manager",
            "LynneR@contoso.example",
        ),
        ("google-users.json", PAT, "Pat Doyle", "Executive Assistant", "pat@example.com"),
        ("people.ldif", "zmuller", "Zäzilia Müller", "Accountant", "zmuller@example.com"),
    ],
)
def test_directory_people(file, person, name, title, email):
    """Names (display, formatted, given and family, base64 in LDIF), titles and e-mails."""
    found = om.load(DATA / file).person(person)
    assert (found.name, found.title, found.attributes.get("email")) == (name, title, email)


def test_google_dotted_line_and_assistant():
    """Google relations give dotted lines and mark assistants."""
    org = om.load(DATA / "google-users.json")
    assert org.person(KIM).dotted == (LIZ,)
    assert org.person(PAT).attributes["assistant"] is True
    assert org.person(PAT).attributes["assistant_to"] == LIZ


def test_ldif_manager_dn_matches_despite_case_and_spaces():
    """`manager: UID=asmith, OU=People, ...` is asmith's DN."""
    assert om.load(DATA / "people.ldif").person("zmuller").manager == "asmith"


def test_ldif_skips_entries_that_are_not_people():
    """The domain entry is not a person."""
    assert len(om.load(DATA / "people.ldif").people) == 3


def test_scim_unknown_manager_is_located(tmp_path):
    """A manager id nobody has is an unknown-reference at the user's JSON path."""
    data = json.loads((DATA / "scim-users.json").read_text(encoding="utf-8"))
    ext = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    data["Resources"][2][ext]["manager"]["value"] = "no-such-id"
    path = tmp_path / "users.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(om.ValidationError) as info:
        om.load(path)
    (problem,) = info.value.problems
    assert problem.code is om.ProblemCode.UNKNOWN_REFERENCE
    assert problem.location == f"Resources[2].{ext}.manager.value"


def test_graph_entry_that_is_not_a_user(tmp_path):
    """An entry of `value` that is not an object is a wrong-type problem at its place."""
    data = json.loads((DATA / "graph-users.json").read_text(encoding="utf-8"))
    data["value"].append(42)
    path = tmp_path / "users.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(om.ValidationError) as info:
        om.load(path)
    assert [p.location for p in info.value.problems] == ["value[3]"]


def test_ldif_unknown_manager_is_located(tmp_path):
    """An LDIF manager DN that matches nobody is reported at the entry's line."""
    text = (
        (DATA / "people.ldif")
        .read_text(encoding="utf-8")
        .replace("manager: uid=jdoe,", "manager: uid=jdo,")
    )
    path = tmp_path / "people.ldif"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(om.ValidationError) as info:
        om.load(path)
    problems = [p for p in info.value.problems if p.code is om.ProblemCode.UNKNOWN_REFERENCE]
    assert problems[0].location == "people.ldif:20, attribute manager"


@pytest.mark.parametrize(
    "text",
    ["dn: uid=a,dc=x\nno colon here\n", "dn: uid=a,dc=x\ncn:: !!!notbase64\n"],
)
def test_bad_ldif_is_a_syntax_error(text):
    """A line without ':' or a bad base64 value is a syntax error."""
    with pytest.raises(om.ValidationError) as info:
        om.loads(text, format="ldif")
    assert om.ProblemCode.SYNTAX_ERROR in {p.code for p in info.value.problems}


def test_orgmodel_json_is_not_a_directory():
    """orgmodel's own JSON still reads as orgmodel's."""
    assert om.loads('{"organization": "Acme", "people": []}', format="json").name == "Acme"


def test_scim_bare_list_of_users(tmp_path):
    """A JSON list of SCIM User resources is read too, located by list index."""
    data = json.loads((DATA / "scim-users.json").read_text(encoding="utf-8"))["Resources"]
    ext = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    data[1][ext]["manager"]["value"] = "nobody"
    path = tmp_path / "users.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(om.ValidationError) as info:
        om.load(path)
    assert [p.location for p in info.value.problems] == [f"[1].{ext}.manager.value"]


def test_scim_empty_list_response():
    """A ListResponse with no Resources (totalResults 0) is an empty organisation."""
    text = json.dumps(
        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "totalResults": 0}
    )
    assert om.loads(text, format="json").people == ()
