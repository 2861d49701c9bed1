import gc
import io
import json
import string

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import orgmodel as om
from orgmodel.graph import EdgeKind, NodeKind
from strategies import organizations, simple_ids

# XML 1.0 cannot carry control characters (other than tab and newline) and turns a
# carriage return into a newline; GraphML read-back is tested with text without them.
_xml_texts = st.text(
    st.characters(
        exclude_categories=["Cs", "Cc", "Cn", "Co"],
        include_characters="\t\n",
    ),
    max_size=20,
)
_xml_ids = st.text(string.ascii_letters + string.digits + "-_. é", min_size=1, max_size=8).filter(
    lambda s: s == s.strip()
)


@pytest.fixture
def firm():
    return om.Organization(
        name="Acme Partners",
        people=[
            om.Person(
                "alice",
                "Alice",
                title="Managing Partner",
                employment=om.Employment.PARTNER,
                unit="exec",
                responsibilities=["strategy", "pitching"],
                attributes={"email": "a@example.com", "desk": [1, 2.5, None]},
            ),
            om.Person("bob", "Bob", title="COO", manager="alice", unit="ops"),
            om.Person("carol", "Carol", manager="bob", dotted=["alice", "dan"]),
            om.Person("dan", "Dan", manager="alice", unit="ops"),
            om.Person("ivy", "Ivy Investor", employment=om.Employment.NONE),
        ],
        entities=[
            om.Entity("acme", "Acme LLP", kind=om.EntityKind.LLP),
            om.Entity("holdco", "AS Holdings", attributes={"jurisdiction": "UK"}),
        ],
        units=[
            om.Unit("exec", "Executive", function="management", head="alice"),
            om.Unit("ops", "Operations", function="operations", parent="exec", head="bob"),
        ],
        stakes=[
            om.Stake("alice", "holdco", om.Share.exact(1)),
            om.Stake(
                "holdco",
                "acme",
                om.Share.parse("40%"),
                voting=om.Share.parse("25-50%"),
                profit_share=om.Share.parse("35%"),
                liability=om.Liability.LIMITED,
            ),
            om.Stake("ivy", "acme", om.Share.parse("10%")),
            om.Stake("ivy", "acme", om.Share.parse("5%"), attributes={"class": "B"}),
        ],
        relationships=[
            om.Relationship("alice", om.RelationshipKind.CLIENT, "Globex"),
            om.Relationship("bob", om.RelationshipKind.SUPPLIER, "Initech"),
            om.Relationship("alice", om.RelationshipKind.INVESTOR, "Globex"),
        ],
        focal_entity="acme",
        custom_tags=[om.Tag("pitching", {om.Lean.EXTERNAL}, "pitches for work")],
    )


def _graphml_round_trip(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer)
    return nx.read_graphml(io.BytesIO(buffer.getvalue()), force_multigraph=True)


# -- to_networkx ------------------------------------------------------------------


def test_one_node_per_record_and_counterparty(firm):
    """People, entities, units and each distinct counterparty become one node each."""
    g = om.to_networkx(firm)
    kinds = {n: d["kind"] for n, d in g.nodes(data=True)}
    assert list(kinds) == [
        "alice",
        "bob",
        "carol",
        "dan",
        "ivy",
        "acme",
        "holdco",
        "exec",
        "ops",
        "ext:Globex",
        "ext:Initech",
    ]
    assert kinds["alice"] == "person"
    assert kinds["acme"] == "entity"
    assert kinds["ops"] == "unit"
    assert kinds["ext:Globex"] == "counterparty"
    assert g.nodes["ext:Globex"]["name"] == "Globex"


def test_kind_values_are_the_enum_values(firm):
    """Every node and edge kind is the value of a NodeKind or EdgeKind member."""
    g = om.to_networkx(firm)
    assert {d["kind"] for _, d in g.nodes(data=True)} == {k.value for k in NodeKind}
    assert {d["kind"] for *_, d in g.edges(data=True)} == {k.value for k in EdgeKind}


def test_reporting_edges_point_from_report_to_manager(firm):
    """Solid and dotted lines go report → manager; dotted ones carry their order."""
    g = om.to_networkx(firm)
    assert g.edges["bob", "alice", "reports_to"] == {"kind": "reports_to", "line": "solid"}
    assert g.edges["carol", "alice", "reports_to"]["line"] == "dotted"
    assert g.edges["carol", "alice", "reports_to"]["order"] == 0
    assert g.edges["carol", "dan", "reports_to"]["order"] == 1
    assert not g.has_edge("alice", "bob")


def test_membership_edges(firm):
    """Person → unit and unit → parent unit edges are member_of."""
    g = om.to_networkx(firm)
    assert g.edges["bob", "ops", "member_of"] == {"kind": "member_of"}
    assert g.edges["ops", "exec", "member_of"] == {"kind": "member_of"}
    assert g.nodes["ops"]["head"] == "bob"
    assert (
        "head"
        not in om.to_networkx(om.Organization(name="x", units=[om.Unit("u", "U")])).nodes["u"]
    )


def test_ownership_edges_hold_bounds_and_optional_measures(firm):
    """Shares become share_min/share_max floats; unrecorded measures are left out."""
    g = om.to_networkx(firm)
    holdco = g.edges["holdco", "acme", "owns"]
    assert holdco["share_min"] == holdco["share_max"] == pytest.approx(0.4)
    assert (holdco["voting_min"], holdco["voting_max"]) == (0.25, 0.5)
    assert holdco["liability"] == "limited"
    assert holdco["order"] == 1
    whole = g.edges["alice", "holdco", "owns"]
    assert isinstance(whole["share_min"], float)
    assert whole["share_min"] == 1.0
    assert "voting_min" not in whole
    assert "liability" not in whole


def test_second_stake_between_same_pair_gets_its_own_key(firm):
    """Two stakes of one holder in one entity are two edges: owns and owns#2."""
    g = om.to_networkx(firm)
    assert set(g["ivy"]["acme"]) == {"owns", "owns#2"}
    assert json.loads(g.edges["ivy", "acme", "owns#2"]["attributes"]) == {"class": "B"}
    assert set(g["alice"]["ext:Globex"]) == {"relates_to", "relates_to#2"}


def test_relationship_edges(firm):
    """Person → counterparty edges carry the relationship kind."""
    g = om.to_networkx(firm)
    assert g.edges["bob", "ext:Initech", "relates_to"]["relationship"] == "supplier"


def test_graph_attributes(firm):
    """The graph keeps the organisation's name, focal entity and custom tags."""
    g = om.to_networkx(firm)
    assert g.graph["name"] == "Acme Partners"
    assert g.graph["focal_entity"] == "acme"
    assert json.loads(g.graph["custom_tags"]) == [
        {"name": "pitching", "leans": ["external"], "description": "pitches for work"}
    ]


def test_json_encoded_attributes(firm):
    """Responsibilities and free attributes are JSON strings."""
    g = om.to_networkx(firm)
    alice = g.nodes["alice"]
    assert json.loads(alice["responsibilities"]) == ["strategy", "pitching"]
    assert json.loads(alice["attributes"])["desk"] == [1, 2.5, None]
    assert g.nodes["bob"]["responsibilities"] == "[]"
    assert g.nodes["bob"]["attributes"] == "{}"


@given(organizations())
@settings(max_examples=60)
def test_attributes_are_plain_scalars(org):
    """Every attribute of every node, edge and the graph is a str, int, float or bool."""
    g = om.to_networkx(org)
    values = [*g.graph.values()]
    for _, data in g.nodes(data=True):
        values.extend(data.values())
    for *_, data in g.edges(data=True):
        values.extend(data.values())
    assert all(type(v) in {str, int, float, bool} for v in values)


def test_graph_is_independent_of_the_model(firm):
    """Changing the graph does not change the organisation."""
    g = om.to_networkx(firm)
    g.nodes["alice"]["name"] = "Changed"
    g.remove_node("bob")
    assert firm.person("alice").name == "Alice"
    assert om.to_networkx(firm).has_node("bob")


def test_empty_organization():
    """An empty organisation is an empty graph with its name."""
    g = om.to_networkx(om.Organization(name="Empty"))
    assert g.number_of_nodes() == 0
    assert g.graph["name"] == "Empty"
    assert om.from_networkx(g) == om.Organization(name="Empty")


# -- from_networkx ----------------------------------------------------------------


def test_round_trip_of_the_firm(firm):
    """from_networkx inverts to_networkx, record order included."""
    back = om.from_networkx(om.to_networkx(firm))
    assert back == firm
    assert back.stakes == firm.stakes
    assert back.person("carol").dotted == ("alice", "dan")


@given(organizations())
@settings(max_examples=150)
def test_round_trip(org):
    """from_networkx(to_networkx(org)) == org for random organisations."""
    back = om.from_networkx(om.to_networkx(org))
    assert back == org
    assert [p.attributes for p in back.people] == [p.attributes for p in org.people]
    assert [s.attributes for s in back.stakes] == [s.attributes for s in org.stakes]


def test_order_attribute_wins_over_edge_order(firm):
    """Stakes come back in the order of their order attribute, not edge order."""
    g = om.to_networkx(firm)
    shuffled = nx.MultiDiGraph()
    shuffled.graph.update(g.graph)
    shuffled.add_nodes_from(g.nodes(data=True))
    shuffled.add_edges_from(reversed(list(g.edges(keys=True, data=True))))
    assert om.from_networkx(shuffled) == firm


def test_edges_without_order_follow_in_edge_order():
    """A hand-built graph without order attributes is read in edge order."""
    g = nx.MultiDiGraph(name="x")
    g.add_node("ann", kind="person", name="Ann")
    for e in ("a", "b"):
        g.add_node(e, kind="entity", name=e.upper())
    g.add_edge("ann", "b", kind="owns", share_min=0.5, share_max=0.5)
    g.add_edge("ann", "a", kind="owns", share_min=0.1, share_max=0.2)
    org = om.from_networkx(g)
    assert [s.entity for s in org.stakes] == ["b", "a"]
    assert org.stakes[1].share == om.Share.between(0.1, 0.2)
    assert org.person("ann").title == ""
    assert org.person("ann").employment is om.Employment.EMPLOYEE


def test_unknown_attributes_are_ignored(firm):
    """Attributes added by an analysis (a score, say) do not stop the way back."""
    g = om.to_networkx(firm)
    nx.set_node_attributes(g, nx.pagerank(nx.DiGraph(g)), "pagerank")
    g.graph["note"] = "scored"
    assert om.from_networkx(g) == firm


def test_graphml_writes(firm):
    """networkx.write_graphml accepts the graph as it is."""
    buffer = io.BytesIO()
    nx.write_graphml(om.to_networkx(firm), buffer)
    assert b"<graphml" in buffer.getvalue()


def test_graphml_round_trip_of_the_firm(firm):
    """Written to GraphML and read back, the graph gives the same organisation."""
    assert om.from_networkx(_graphml_round_trip(om.to_networkx(firm))) == firm


@given(organizations(id_strategy=_xml_ids, text_strategy=_xml_texts))
@settings(max_examples=60)
def test_graphml_round_trip(org):
    """write_graphml → read_graphml → from_networkx gives the organisation back."""
    assert om.from_networkx(_graphml_round_trip(om.to_networkx(org))) == org


@given(organizations(id_strategy=simple_ids))
@settings(max_examples=30)
def test_node_link_json_round_trip(org):
    """The graph also survives NetworkX's node-link JSON."""
    data = json.loads(json.dumps(nx.node_link_data(om.to_networkx(org), edges="edges")))
    graph = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    assert om.from_networkx(graph) == org


# -- from_networkx on bad graphs --------------------------------------------------


def _problems(graph: object) -> tuple[om.Problem, ...]:
    with pytest.raises(om.ValidationError) as info:
        om.from_networkx(graph)
    return info.value.problems


def _codes(graph: object) -> list[tuple[str, str]]:
    return [(p.code.value, p.location) for p in _problems(graph)]


@pytest.mark.parametrize("graph", [nx.DiGraph(), nx.MultiGraph(), nx.Graph(), {}, None])
def test_not_a_multidigraph(graph):
    """Anything but a MultiDiGraph is a wrong-type problem, not an AttributeError."""
    assert _codes(graph) == [("wrong-type", "graph")]


def test_missing_node_kind():
    """A node without kind is reported by id."""
    g = nx.MultiDiGraph()
    g.add_node("ann", name="Ann")
    assert _codes(g) == [("missing-key", "nodes['ann']")]


def test_unknown_node_kind_lists_the_allowed():
    """An unknown node kind names the allowed values."""
    g = nx.MultiDiGraph()
    g.add_node("ann", kind="human", name="Ann")
    (problem,) = _problems(g)
    assert problem.code is om.ProblemCode.UNKNOWN_VALUE
    assert "'person', 'entity', 'unit', 'counterparty'" in problem.message
    assert "'human'" in problem.message


def test_edge_to_an_unattributed_node():
    """add_edge creates bare nodes; they are reported, not a KeyError."""
    g = nx.MultiDiGraph()
    g.add_node("ann", kind="person", name="Ann")
    g.add_edge("ann", "ghost", kind="reports_to", line="solid")
    assert _codes(g) == [("missing-key", "nodes['ghost']")]


@pytest.mark.parametrize(
    ("attribute", "value"),
    [
        ("name", 5),
        ("title", 1.5),
        ("employment", "boss"),
        ("responsibilities", "not json"),
        ("responsibilities", '{"a": 1}'),
        ("responsibilities", "[1, 2]"),
        ("responsibilities", ["strategy"]),
        ("attributes", "[1]"),
        ("attributes", "[" * 10_000 + "]" * 10_000),
        ("employment", ["partner"]),
        ("attributes", {"a": 1}),
    ],
)
def test_wrong_person_attribute(attribute, value):
    """A person attribute of the wrong type or value is reported where it is."""
    g = nx.MultiDiGraph()
    g.add_node("ann", kind="person", name="Ann")
    g.nodes["ann"][attribute] = value
    (problem,) = _problems(g)
    assert problem.location == f"nodes['ann'].{attribute}"
    assert problem.code in {om.ProblemCode.WRONG_TYPE, om.ProblemCode.UNKNOWN_VALUE}


def test_non_string_node_id():
    """Node ids must be strings."""
    g = nx.MultiDiGraph()
    g.add_node(7, kind="person", name="Seven")
    assert _codes(g) == [("bad-id", "nodes[7]")]


def test_missing_name():
    """A person without a name is a missing-key problem."""
    g = nx.MultiDiGraph()
    g.add_node("ann", kind="person")
    assert _codes(g) == [("missing-key", "nodes['ann']")]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ({}, "missing-key"),
        ({"kind": "reports"}, "unknown-value"),
        ({"kind": "reports_to"}, "missing-key"),
        ({"kind": "reports_to", "line": "wavy"}, "unknown-value"),
        ({"kind": "reports_to", "line": "dotted", "order": "1"}, "wrong-type"),
        ({"kind": "reports_to", "line": "dotted", "order": True}, "wrong-type"),
    ],
)
def test_bad_reporting_edge(data, code):
    """A reporting edge with a missing or bad kind, line or order is reported."""
    g = nx.MultiDiGraph()
    g.add_node("ann", kind="person", name="Ann")
    g.add_node("bob", kind="person", name="Bob")
    g.add_edge("bob", "ann", **data)
    assert [p.code.value for p in _problems(g)] == [code]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ({}, "missing-key"),
        ({"share_min": 0.5}, "missing-key"),
        ({"share_min": "50%", "share_max": 0.5}, "wrong-type"),
        ({"share_min": True, "share_max": 0.5}, "wrong-type"),
        ({"share_min": 0.6, "share_max": 0.5}, "share-range"),
        ({"share_min": 50, "share_max": 50}, "share-range"),
        ({"share_min": float("nan"), "share_max": 0.5}, "share-range"),
        ({"share_min": 0.5, "share_max": 0.5, "liability": "some"}, "unknown-value"),
        ({"share_min": 0.5, "share_max": 0.5, "voting_max": 0.5}, "missing-key"),
        ({"share_min": 0.5, "share_max": 0.5, "attributes": "{"}, "wrong-type"),
    ],
)
def test_bad_ownership_edge(data, code):
    """A bad owns edge is reported, never a KeyError or ShareError."""
    g = nx.MultiDiGraph()
    g.add_node("ann", kind="person", name="Ann")
    g.add_node("acme", kind="entity", name="Acme")
    g.add_edge("ann", "acme", kind="owns", **data)
    assert [p.code.value for p in _problems(g)] == [code]


@pytest.mark.parametrize(
    ("source", "target", "kind"),
    [
        ("ann", "acme", "reports_to"),
        ("acme", "ann", "owns"),
        ("ann", "ann2", "member_of"),
        ("acme", "ops", "member_of"),
        ("ann", "acme", "relates_to"),
        ("ops", "ext:Globex", "relates_to"),
    ],
)
def test_edge_between_wrong_kinds_of_node(source, target, kind):
    """An edge between the wrong kinds of node names both ends and what it should join."""
    g = nx.MultiDiGraph()
    g.add_node("ann", kind="person", name="Ann")
    g.add_node("ann2", kind="person", name="Ann 2")
    g.add_node("acme", kind="entity", name="Acme")
    g.add_node("ops", kind="unit", name="Ops")
    g.add_node("ext:Globex", kind="counterparty", name="Globex")
    g.add_edge(source, target, kind=kind, line="solid", relationship="client")
    (problem,) = _problems(g)
    assert problem.code is om.ProblemCode.WRONG_TYPE
    assert f"{source!r} → {target!r}" in problem.message


def test_two_solid_lines():
    """Two solid reporting edges from one person are several-managers."""
    g = nx.MultiDiGraph()
    for p in ("ann", "bob", "cy"):
        g.add_node(p, kind="person", name=p)
    g.add_edge("cy", "ann", kind="reports_to", line="solid")
    g.add_edge("cy", "bob", kind="reports_to", line="solid")
    (problem,) = _problems(g)
    assert problem.code is om.ProblemCode.SEVERAL_MANAGERS
    assert "'ann'" in problem.message
    assert "'bob'" in problem.message


def test_two_units():
    """A person in two units is reported."""
    g = nx.MultiDiGraph()
    g.add_node("ann", kind="person", name="Ann")
    g.add_node("a", kind="unit", name="A")
    g.add_node("b", kind="unit", name="B")
    g.add_edge("ann", "a", kind="member_of")
    g.add_edge("ann", "b", kind="member_of")
    assert _codes(g) == [("wrong-type", "edges['ann', 'b', 0]")]


@pytest.mark.parametrize(
    ("value", "count"),
    [
        (5, 1),
        ("nope", 1),
        ('{"name": "x"}', 1),
        ('[{"name": "Bad Name", "leans": ["external"]}]', 1),
        ('[{"name": "ok", "leans": ["sideways"]}]', 1),
        ('[{"name": "ok", "leans": "external"}]', 1),
        ('[{"name": "ok", "leans": ["external"], "description": 5}]', 1),
        ('[{"name": 5, "leans": ["external"]}]', 1),
        ("[3]", 1),
    ],
)
def test_bad_custom_tags(value, count):
    """Malformed custom tags on the graph are reported."""
    g = nx.MultiDiGraph(custom_tags=value)
    problems = _problems(g)
    assert len(problems) == count
    assert problems[0].location.startswith("graph")


def test_bad_graph_name_and_focal():
    """A non-string name or focal entity is reported."""
    g = nx.MultiDiGraph(name=3, focal_entity=4)
    assert _codes(g) == [("wrong-type", "graph.name"), ("wrong-type", "graph.focal_entity")]


def test_every_problem_in_one_error():
    """Several problems in a graph come back together."""
    g = nx.MultiDiGraph()
    g.add_node("ann", kind="person", name="Ann", employment="boss")
    g.add_node("bob", name="Bob")
    g.add_node("acme", kind="entity", name="Acme", entity_kind="corp")
    g.add_edge("ann", "acme", kind="owns", share_min=2.0, share_max=2.0)
    assert len(_problems(g)) == 4


def test_model_problems_after_reading():
    """A well-formed graph of an invalid organisation raises the model's problems."""
    g = nx.MultiDiGraph()
    g.add_node("ann", kind="person", name="Ann")
    g.add_node("bob", kind="person", name="Bob")
    g.add_edge("ann", "bob", kind="reports_to", line="solid")
    g.add_edge("bob", "ann", kind="reports_to", line="solid")
    (problem,) = _problems(g)
    assert problem.code is om.ProblemCode.REPORTING_CYCLE


@given(organizations())
@settings(max_examples=40)
def test_bulk_fill_matches_the_public_methods(org):
    """The bulk build gives the graph add_nodes_from/add_edges_from would give."""
    g = om.to_networkx(org)
    public = nx.MultiDiGraph()
    public.graph.update(g.graph)
    public.add_nodes_from(g.nodes(data=True))
    public.add_edges_from(g.edges(keys=True, data=True))
    assert nx.utils.graphs_equal(g, public)
    assert list(g.edges(keys=True, data=True)) == list(public.edges(keys=True, data=True))
    assert list(g.pred.items()) == list(public.pred.items())


def test_gc_state_is_restored(firm):
    """to_networkx leaves the garbage collector as it found it."""
    assert gc.isenabled()
    om.to_networkx(firm)
    assert gc.isenabled()
    gc.disable()
    try:
        om.to_networkx(firm)
        assert not gc.isenabled()
    finally:
        gc.enable()


_junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(allow_nan=True),
    st.text(max_size=6),
    st.sampled_from(
        [
            "person",
            "entity",
            "unit",
            "counterparty",
            "reports_to",
            "owns",
            "member_of",
            "relates_to",
            "solid",
            "dotted",
            "[]",
            "{}",
            '["x"]',
            "[" * 5000,
            "[" * 5000 + "]" * 5000,
            "NaN",
        ]
    ),
    st.lists(st.integers(), max_size=2),
)
_keys = st.sampled_from(
    [
        "kind",
        "name",
        "title",
        "employment",
        "responsibilities",
        "attributes",
        "entity_kind",
        "function",
        "head",
        "line",
        "order",
        "share_min",
        "share_max",
        "voting_min",
        "liability",
        "relationship",
    ]
)


@st.composite
def _mutated_graphs(draw):
    g = om.to_networkx(draw(organizations(max_people=6, max_entities=3, max_units=3)))
    for _ in range(draw(st.integers(1, 4))):
        nodes = list(g.nodes)
        edges = list(g.edges(keys=True))
        action = draw(st.sampled_from(["node", "edge", "drop", "add", "graph"]))
        if action == "node" and nodes:
            data = g.nodes[draw(st.sampled_from(nodes))]
            data[draw(_keys)] = draw(_junk)
        elif action == "edge" and edges:
            data = g.edges[draw(st.sampled_from(edges))]
            data[draw(_keys)] = draw(_junk)
        elif action == "drop" and nodes:
            data = g.nodes[draw(st.sampled_from(nodes))]
            data.pop(draw(_keys), None)
        elif action == "add" and nodes:
            g.add_edge(
                draw(st.sampled_from(nodes)),
                draw(st.sampled_from([*nodes, "new"])),
                **{draw(_keys): draw(_junk), "kind": draw(_junk)},
            )
        else:
            g.graph[draw(st.sampled_from(["name", "focal_entity", "custom_tags"]))] = draw(_junk)
    return g


@given(_mutated_graphs())
@settings(max_examples=300)
def test_mutated_graphs_load_or_raise_orgmodel_errors(graph):
    """A changed graph loads into an organisation that round-trips, or every problem is named."""
    try:
        org = om.from_networkx(graph)
    except om.ValidationError as err:
        problems = err.problems
    else:
        assert om.from_networkx(om.to_networkx(org)) == org
        return
    assert problems
    assert all(p.code in om.ProblemCode and p.location and p.message for p in problems)
