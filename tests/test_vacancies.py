"""Vacant posts: read, written, graphed, validated and counted as open headcount."""

from __future__ import annotations

import networkx as nx
import pytest
from jsonschema import Draft202012Validator

import orgmodel as om
from orgmodel.analysis import structure

YAML = """\
organization: Acme
units:
  - {id: fin, name: Finance}
people:
  - {id: ceo, name: Ann Lee, title: Chief Executive}
  - {id: cfo, name: "", title: Chief Financial Officer, manager: ceo, unit: fin, vacant: true}
  - {id: fc, name: Bo Chen, title: Financial Controller, manager: cfo, unit: fin}
  - {id: ap, name: Cy Dane, title: Payables Clerk, manager: fc, unit: fin}
  - {id: ar, name: "", title: Receivables Clerk, manager: fc, unit: fin, vacant: true}
"""


@pytest.fixture
def org():
    return om.loads(YAML, format="yaml")


def test_yaml_reads_vacant(org):
    """`vacant: true` makes a vacancy; absent means filled."""
    assert [p.id for p in org.people if p.vacant] == ["cfo", "ar"]


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_documents_round_trip_vacancies(org, fmt):
    """YAML and JSON keep vacancies."""
    assert om.loads(om.dumps(org, format=fmt), format=fmt) == org


def test_dump_writes_vacant_only_when_true(org):
    """A filled post's record has no `vacant` key."""
    data = om.io.organization_to_data(org)
    assert [p.get("vacant") for p in data["people"]] == [None, True, None, None, True]


def test_csv_round_trips_vacancies(org, tmp_path):
    """people.csv has a `vacant` column that reads back."""
    om.dump(org, tmp_path / "people.csv")
    assert om.load(tmp_path / "people.csv") == org


def test_csv_writes_true():
    """A vacancy's cell is `true`; a filled post's is empty."""
    people = om.Organization(name="", people=[om.Person("a", "A"), om.Person("v", "", vacant=True)])
    lines = om.dumps(people, format="csv").splitlines()
    header = lines[0].split(",")
    cells = [line.split(",")[header.index("vacant")] for line in lines[1:]]
    assert cells == ["", "true"]


@pytest.mark.parametrize(
    ("cell", "vacant"),
    [("true", True), ("TRUE", True), ("Yes", True), ("1", True), ("false", False), ("no", False)],
)
def test_csv_flag_cells(cell, vacant):
    """Flag cells read as spreadsheets write them."""
    org = om.loads(f"id,name,vacant\na,A,{cell}\n", format="csv")
    assert org.person("a").vacant is vacant


def test_csv_bad_flag_is_located():
    """A flag cell that is not true or false is a wrong-type problem at its cell."""
    with pytest.raises(om.ValidationError) as info:
        om.loads("id,name,vacant\na,A,maybe\n", format="csv")
    (problem,) = info.value.problems
    assert problem.code is om.ProblemCode.WRONG_TYPE
    assert problem.location == "people.csv:2, column vacant"


@pytest.mark.parametrize("value", ['"yes"', "1", "[true]"])
def test_yaml_vacant_must_be_boolean(value):
    """`vacant` takes true or false only."""
    with pytest.raises(om.ValidationError) as info:
        om.loads(f"people:\n  - {{id: a, name: A, vacant: {value}}}\n", format="yaml")
    assert [p.code for p in info.value.problems] == [om.ProblemCode.WRONG_TYPE]


def test_vacancy_holds_no_stake():
    """A vacant post holding a stake is a vacant-post problem at the stake's holder."""
    with pytest.raises(om.ValidationError) as info:
        om.Organization(
            name="x",
            people=[om.Person("v", "", vacant=True)],
            entities=[om.Entity("acme", "Acme")],
            stakes=[om.Stake("v", "acme", om.Share.exact(0.5))],
        )
    assert [(p.code, p.location) for p in info.value.problems] == [
        (om.ProblemCode.VACANT_POST, "stakes[0].holder")
    ]


def test_vacancy_holds_no_relationship():
    """A vacant post holding a relationship is a vacant-post problem."""
    with pytest.raises(om.ValidationError) as info:
        om.Organization(
            name="x",
            people=[om.Person("v", "", vacant=True)],
            relationships=[om.Relationship("v", om.RelationshipKind.CLIENT, "Globex")],
        )
    assert [(p.code, p.location) for p in info.value.problems] == [
        (om.ProblemCode.VACANT_POST, "relationships[0].person")
    ]


def test_vacancy_may_head_a_unit_and_manage():
    """A vacant post may head a unit and have people under it."""
    org = om.Organization(
        name="x",
        units=[om.Unit("fin", "Finance", head="v")],
        people=[om.Person("v", "", vacant=True), om.Person("b", "B", manager="v")],
    )
    assert org.person("b").manager == "v"


def test_graph_marks_vacancies(org):
    """The person node of a vacancy has `vacant: True`; a filled one has no such key."""
    g = om.to_networkx(org)
    assert g.nodes["cfo"]["vacant"] is True
    assert "vacant" not in g.nodes["ceo"]


def test_graph_round_trips_vacancies(org):
    """from_networkx reads `vacant` back."""
    assert om.from_networkx(om.to_networkx(org)) == org


def test_graphml_round_trips_vacancies(org, tmp_path):
    """GraphML stores `vacant` as a boolean that reads back."""
    nx.write_graphml(om.to_networkx(org), tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert om.from_networkx(back) == org


def test_graph_vacant_of_wrong_type():
    """A `vacant` node attribute that is not a boolean is a wrong-type problem."""
    g = om.to_networkx(om.Organization(name="x", people=[om.Person("a", "A")]))
    g.nodes["a"]["vacant"] = "yes"
    with pytest.raises(om.ValidationError) as info:
        om.from_networkx(g)
    assert [p.location for p in info.value.problems] == ["nodes['a'].vacant"]


@pytest.mark.parametrize(("value", "valid"), [(True, True), (False, True), ("yes", False)])
def test_schema_knows_vacant(value, valid):
    """The JSON schema takes a boolean `vacant` and refuses anything else."""
    document = {"organization": "x", "people": [{"id": "a", "name": "", "vacant": value}]}
    assert Draft202012Validator(om.json_schema()).is_valid(document) is valid


def test_span_counts_filled_reports_only(org):
    """A vacancy is nobody's report; a vacant post with people under it has a span."""
    assert structure.span_of_control(org) == {"cfo": 1, "fc": 1}


def test_people_under_a_vacancy_keep_their_place(org):
    """Chains and layers run through the vacant post."""
    assert structure.chain_of_command(org, "ap") == ("fc", "cfo", "ceo")
    assert structure.layers(org) == {"ceo": 1, "cfo": 2, "fc": 3, "ap": 4, "ar": 4}


@pytest.mark.parametrize(
    ("person", "vacant", "expected"),
    [
        ("ceo", False, ()),
        ("ceo", True, ("cfo",)),
        ("fc", False, ("ap",)),
        ("fc", True, ("ap", "ar")),
    ],
)
def test_direct_reports_leave_vacancies_out(org, person, vacant, expected):
    """direct_reports lists vacancies only when asked."""
    assert structure.direct_reports(org, person, vacant=vacant) == expected


@pytest.mark.parametrize(
    ("vacant", "expected"), [(False, ("fc", "ap")), (True, ("cfo", "fc", "ap", "ar"))]
)
def test_all_reports_leave_vacancies_out(org, vacant, expected):
    """all_reports reaches people under a vacancy, and lists vacancies only when asked."""
    assert structure.all_reports(org, "ceo", vacant=vacant) == expected


def test_vacancies_lists_them(org):
    """vacancies() lists the vacant posts in order."""
    assert structure.vacancies(org) == ("cfo", "ar")


def test_headcount_counts_open_posts(org):
    """Headcount splits filled and open posts, per unit too."""
    count = structure.headcount(org)
    assert (count.filled, count.open, count.total) == (3, 2, 5)
    assert count.by_unit == {"fin": (2, 2)}


def test_org_health_counts_people_in_posts(org):
    """OrgHealth counts filled posts as people and lists the vacancies."""
    health = structure.org_health(org, min_span=1)
    assert (health.people, health.managers, health.vacancies) == (3, 2, ("cfo", "ar"))
    assert health.to_dict()["vacancies"] == ["cfo", "ar"]
    assert "2 vacant posts" in str(health)
