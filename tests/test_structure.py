import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import orgmodel as om
from orgmodel.analysis import structure


@st.composite
def forests(draw, max_people=40):
    """Random reporting forests: person i reports to one of people 0..i-1 or nobody."""
    n = draw(st.integers(1, max_people))
    parents = [None] + [draw(st.none() | st.integers(0, i - 1)) for i in range(1, n)]
    people = [
        om.Person(f"p{i}", f"P {i}", manager=None if m is None else f"p{m}")
        for i, m in enumerate(parents)
    ]
    return om.Organization(name="forest", people=people)


def graph_of(org) -> nx.DiGraph:
    g = nx.DiGraph()
    g.add_nodes_from(p.id for p in org.people)
    g.add_edges_from((p.manager, p.id) for p in org.people if p.manager is not None)
    return g


@pytest.fixture
def firm():
    return om.Organization(
        name="Firm",
        people=[
            om.Person("ann", "Ann"),
            om.Person("bob", "Bob", manager="ann"),
            om.Person("cat", "Cat", manager="ann"),
            om.Person("dan", "Dan", manager="bob", dotted=["cat"]),
            om.Person("eve", "Eve", manager="dan"),
            om.Person("fay", "Fay"),
            om.Person("inv", "Investor", employment=om.Employment.NONE),
        ],
    )


@given(forests())
@settings(max_examples=60)
def test_layers_match_networkx_distances(org):
    """A person's layer is one more than their distance from their tree's top."""
    g = graph_of(org)
    expected = {}
    for top in (n for n in g if g.in_degree(n) == 0):
        for node, dist in nx.single_source_shortest_path_length(g, top).items():
            expected[node] = dist + 1
    assert structure.layers(org) == expected
    assert structure.depth(org) == nx.dag_longest_path_length(g) + 1


@given(forests())
@settings(max_examples=60)
def test_reports_and_chains_match_networkx(org):
    """all_reports are the descendants, chain_of_command the ancestors in path order."""
    g = graph_of(org)
    for p in org.people:
        assert set(structure.all_reports(org, p.id)) == nx.descendants(g, p.id)
        assert len(structure.all_reports(org, p.id)) == len(nx.descendants(g, p.id))
        chain = structure.chain_of_command(org, p.id)
        assert set(chain) == nx.ancestors(g, p.id)
        if chain:
            assert nx.shortest_path(g, chain[-1], p.id)[-2::-1] == list(chain)
        assert set(structure.direct_reports(org, p.id)) == set(g.successors(p.id))


@given(forests())
@settings(max_examples=60)
def test_span_of_control_is_out_degree(org):
    """Span of control is the out-degree of every manager with reports."""
    g = graph_of(org)
    expected = {n: d for n, d in g.out_degree() if d}
    assert structure.span_of_control(org) == expected


@given(forests())
@settings(max_examples=40)
def test_health_counts_match_networkx(org):
    """Findings agree with the spans and depths networkx computes."""
    g = graph_of(org)
    health = structure.org_health(org, max_depth=3, min_span=2, max_span=3)
    spans = {n: d for n, d in g.out_degree() if d}
    assert health.narrow_spans == {n: d for n, d in spans.items() if d < 2}
    assert health.wide_spans == {n: d for n, d in spans.items() if d > 3}
    tops = [n for n in g if g.in_degree(n) == 0]
    sizes = {t: len(nx.descendants(g, t)) + 1 for t in tops}
    assert sizes[health.top] == max(sizes.values())
    assert set(health.unmanaged) == set(tops) - {health.top}
    deep = {n for n, lay in structure.layers(org).items() if lay > 3}
    assert set(health.too_deep) == deep
    assert health.people == len(org.people)


def test_outside_investor_has_no_layer(firm):
    """An outside holder with no manager and no reports is not a top and has no layer."""
    assert structure.roots(firm) == ("ann", "fay")
    assert "inv" not in structure.layers(firm)


def test_dotted_reports_and_lines(firm):
    """Dotted lines are listed, and direct_reports adds them only when asked."""
    assert structure.direct_reports(firm, "cat") == ()
    assert structure.direct_reports(firm, "cat", dotted=True) == ("dan",)
    assert [str(x) for x in structure.dotted_lines(firm)] == ["dan → cat (dotted)"]


def test_health_record_reads_and_serialises(firm):
    """OrgHealth names its findings in text and in to_dict()."""
    health = structure.org_health(firm)
    assert health.top == "ann"
    assert health.unmanaged == ("fay",)
    assert health.narrow_spans == {"bob": 1, "dan": 1}
    assert health.dotted_lines == 1
    data = health.to_dict()
    assert data["unmanaged"] == ["fay"]
    assert data["limits"] == {"max_depth": 8, "min_span": 2, "max_span": 15}
    assert data["ok"] is False
    text = str(health)
    assert "1 person with no manager besides the top: fay" in text
    assert "bob (1)" in text


def test_healthy_org_says_so():
    """A well-formed team has no findings."""
    org = om.Organization(
        name="ok",
        people=[
            om.Person("a", "A"),
            om.Person("b", "B", manager="a"),
            om.Person("c", "C", manager="a"),
        ],
    )
    health = structure.org_health(org)
    assert health.ok
    assert str(health).endswith("no findings")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"max_depth": 0}, "'max_depth' must be an integer of at least 1"),
        ({"min_span": -1}, "'min_span' must be an integer of at least 0"),
        ({"max_span": 2.5}, "'max_span' must be an integer"),
        ({"min_span": 5, "max_span": 3}, "'min_span' must not exceed 'max_span'"),
    ],
)
def test_bad_limits_are_clear_errors(firm, options, message):
    """Bad limits raise OrgModelError naming the option."""
    with pytest.raises(om.OrgModelError, match=message):
        structure.org_health(firm, **options)


@pytest.mark.parametrize(
    "call",
    [structure.chain_of_command, structure.direct_reports, structure.all_reports],
)
def test_unknown_person_is_unknown_reference(firm, call):
    """An unknown id raises UnknownReferenceError with a suggestion."""
    with pytest.raises(om.UnknownReferenceError, match=r"unknown person .zed."):
        call(firm, "zed")


def test_empty_organisation():
    """No people: no layers, depth 0, no top."""
    org = om.Organization(name="empty")
    assert structure.depth(org) == 0
    health = structure.org_health(org)
    assert health.top is None
    assert health.ok


@pytest.mark.slow
def test_hundred_thousand_deep_chain():
    """A 100,000-deep chain of command does not hit the recursion limit."""
    n = 100_000
    people = [om.Person("p0", "P0")] + [
        om.Person(f"p{i}", f"P{i}", manager=f"p{i - 1}") for i in range(1, n)
    ]
    org = om.Organization(name="chain", people=people)
    assert len(structure.chain_of_command(org, f"p{n - 1}")) == n - 1
    assert len(structure.all_reports(org, "p0")) == n - 1
    assert structure.depth(org) == n
    health = structure.org_health(org, max_depth=10)
    assert len(health.too_deep) == n - 10
    assert len(health.narrow_spans) == n - 1
