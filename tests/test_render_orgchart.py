"""Org charts: what a reader sees in the rendered SVG."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings

import orgmodel as om
from orgmodel.render import LARGE_CHART_THRESHOLD, node_name
from orgmodel.render._style import EMPLOYMENT_SWATCHES, ROLE_SWATCHES
from strategies import organizations

SVG = "{http://www.w3.org/2000/svg}"
P = om.Person
E = om.Employment

ROLES = {
    "alice": "partner-like",
    "dan": "partner-like",
    "erin": "hybrid",
    "carol": "coo-like",
    "frank": "coo-like",
}


def make_firm() -> om.Organization:
    people = [
        P("alice", "Alice Smith", title="Managing Partner", employment=E.PARTNER, unit="exec"),
        P(
            "grace",
            "Grace Hopper",
            title="Executive Assistant",
            unit="exec",
            manager="alice",
            attributes={"assistant": True},
        ),
        P("carol", "Carol Diaz", title="Chief Operating Officer", unit="ops", manager="alice"),
        P(
            "dan",
            "Dan Okafor",
            title="Partner, Litigation",
            employment=E.PARTNER,
            unit="lit",
            manager="alice",
        ),
        P(
            "erin",
            "Erin Müller",
            title="Partner, Corporate",
            employment=E.PARTNER,
            unit="corp",
            manager="alice",
        ),
        P(
            "frank",
            "Frank Li",
            title="Finance Director",
            employment=E.DIRECTOR,
            unit="fin",
            manager="carol",
        ),
        P("henry", "Henry O'Neil", title="Head of IT", unit="ops", manager="carol"),
        P("ivy", "Ivy Chen", title="Office Manager", unit="ops", manager="carol"),
        P("jack", 'Jack "JJ" Jones', title="Facilities <Lead>", unit="ops", manager="ivy"),
        P("kim", "Kim Park", title="Receptionist", unit="ops", manager="ivy"),
        P("leo", "Leo Rossi", title="HR Officer", unit="ops", manager="ivy"),
        P("mia", "Mia Wong", title="Paralegal", unit="ops", manager="ivy"),
        P("nora", "Nora Jensen", title="Senior Associate", unit="lit", manager="dan"),
        P("omar", "Omar Haddad", title="Associate", unit="lit", manager="dan"),
        P("paula", "Paula Silva", title="Associate", unit="corp", manager="erin", dotted=["dan"]),
        P(
            "quinn",
            "Quinn Adams",
            title="IT Support",
            employment=E.CONTRACTOR,
            unit="ops",
            manager="henry",
            dotted=["frank"],
        ),
        P("vera", "Vera Outside", employment=E.NONE),  # an outside investor: not on the chart
    ]
    units = [
        om.Unit("exec", "Executive"),
        om.Unit("ops", "Operations"),
        om.Unit("lit", "Litigation"),
        om.Unit("corp", "Corporate & M&A"),
        om.Unit("fin", "Finance"),
    ]
    entities = [
        om.Entity("acme", "Acme Partners LLP", kind=om.EntityKind.LLP),
        om.Entity("ashold", "AS Holdings Ltd"),
    ]
    stakes = [
        om.Stake("alice", "ashold", om.Share.exact(1.0)),
        om.Stake("ashold", "acme", om.Share.exact(0.4)),
        om.Stake("dan", "acme", om.Share.between(0.25, 0.3)),
        om.Stake("erin", "acme", om.Share.exact(0.2)),
        om.Stake("vera", "acme", om.Share.exact(0.1)),
    ]
    return om.Organization(
        name="Acme Partners LLP",
        people=people,
        units=units,
        entities=entities,
        stakes=stakes,
        focal_entity="acme",
    )


@pytest.fixture(scope="module")
def firm() -> om.Organization:
    return make_firm()


ON_CHART = [p.id for p in make_firm().people if p.id != "vera"]


class Chart:
    """The parts of a rendered SVG a reader sees."""

    def __init__(self, svg: bytes) -> None:
        self.root = ET.fromstring(svg)  # noqa: S314 - our own output, parsed to check it
        self.nodes: dict[str, list[ET.Element]] = {}
        self.edges: list[tuple[str, ET.Element]] = []
        for group in self.root.iter(f"{SVG}g"):
            title = group.find(f"{SVG}title")
            name = "" if title is None or title.text is None else title.text
            if group.get("class") == "node":
                self.nodes.setdefault(name, []).append(group)
            elif group.get("class") == "edge":
                self.edges.append((name, group))

    def node(self, pid: str) -> ET.Element:
        (group,) = self.nodes[node_name(pid)]
        return group

    def texts(self, pid: str) -> list[str]:
        return [t.text or "" for t in self.node(pid).iter(f"{SVG}text")]

    def fill(self, pid: str) -> str:
        shape = next(
            e for e in self.node(pid) if e.tag in {f"{SVG}path", f"{SVG}polygon"}
        )  # the box outline comes first
        return shape.get("fill", "").upper()

    def centre(self, pid: str) -> tuple[float, float]:
        shape = next(e for e in self.node(pid) if e.tag in {f"{SVG}path", f"{SVG}polygon"})
        numbers = [
            float(n)
            for n in re.findall(r"-?\d+(?:\.\d+)?", shape.get("d") or shape.get("points") or "")
        ]
        xs, ys = numbers[0::2], numbers[1::2]
        return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2

    def edge_pairs(self) -> list[tuple[str, str, bool]]:
        out = []
        for title, group in self.edges:
            # Titles carry ports ("n_ivy:s->n_jack:w"); node names never contain ":".
            tail, head = (end.split(":")[0] for end in title.split("->"))
            path = group.find(f"{SVG}path")
            assert path is not None
            out.append((tail, head, path.get("stroke-dasharray") is not None))
        return out


def render(org: om.Organization, tmp_path: Path, **options) -> Chart:
    out = om.render_org_chart(org, tmp_path / "chart.svg", **options)
    return Chart(out.read_bytes())


LAYOUTS = ["dot", "tidy"]


@pytest.mark.exe
@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_person_drawn_exactly_once(firm, tmp_path, layout):
    """Each member appears once, with name, title and unit; outside investors do not."""
    chart = render(firm, tmp_path, roles=ROLES, layout=layout)
    people = {n for n in chart.nodes if n != "legend"}
    assert people == {node_name(pid) for pid in ON_CHART}
    assert all(len(groups) == 1 for groups in chart.nodes.values())
    for pid in ON_CHART:
        person = firm.person(pid)
        texts = chart.texts(pid)
        assert texts.count(person.name) == 1
        assert person.title in texts
    assert "Corporate &amp; M&amp;A" not in chart.texts("paula")
    assert "Corporate & M&A" in chart.texts("paula")


@pytest.mark.exe
@pytest.mark.parametrize("layout", LAYOUTS)
def test_one_edge_per_reporting_line_dotted_dashed(firm, tmp_path, layout):
    """Every solid line is one plain edge; every dotted line one dashed edge."""
    chart = render(firm, tmp_path, roles=ROLES, layout=layout)
    expected = sorted(
        (node_name(line.manager), node_name(line.report), line.kind is om.LineKind.DOTTED)
        for line in firm.lines
    )
    assert sorted(chart.edge_pairs()) == expected


@pytest.mark.exe
@pytest.mark.parametrize("layout", LAYOUTS)
def test_box_colour_matches_role_label_and_legend(firm, tmp_path, layout):
    """Each box is filled with its role's colour, and the legend names every role shown."""
    chart = render(firm, tmp_path, roles=ROLES, layout=layout)
    for pid in ON_CHART:
        label = ROLES.get(pid, "neither")
        assert chart.fill(pid) == ROLE_SWATCHES[label].fill.upper(), pid
    (legend,) = chart.nodes["legend"]
    texts = [t.text for t in legend.iter(f"{SVG}text")]
    for swatch in ROLE_SWATCHES.values():
        assert swatch.label in texts
    fills = {e.get("fill", "").upper() for e in legend.iter() if e.get("fill")}
    assert {s.fill.upper() for s in ROLE_SWATCHES.values()} <= fills
    assert "dotted-line manager" in texts


@pytest.mark.exe
def test_default_colours_come_from_classify(firm, tmp_path):
    """Without ``roles=``, boxes are coloured by :func:`orgmodel.classify`."""
    chart = render(firm, tmp_path)
    labels = om.classify(firm)
    for pid in ON_CHART:
        assert chart.fill(pid) == ROLE_SWATCHES[labels[pid].label.value].fill.upper(), pid
    assert om.org_chart(firm).source == om.org_chart(firm, roles=labels).source


def test_precomputed_stakes_are_used(firm):
    """``stakes=`` replaces the look-through stakes on the badges."""
    source = om.org_chart(firm, roles=ROLES, stakes={"kim": om.Share.exact(0.05)}).source
    assert "stake 5%" in source
    assert "stake 40%" not in source


@pytest.mark.exe
def test_colour_by_employment(firm, tmp_path):
    """Colouring by employment uses the employment palette and lists only kinds shown."""
    chart = render(firm, tmp_path, color_by=om.ColorBy.EMPLOYMENT)
    for pid in ON_CHART:
        assert chart.fill(pid) == EMPLOYMENT_SWATCHES[firm.person(pid).employment].fill.upper()
    texts = [t.text for t in chart.nodes["legend"][0].iter(f"{SVG}text")]
    assert "Contractor" in texts
    assert "No employment" not in texts


@pytest.mark.exe
def test_colour_by_unit_names_units_in_legend(firm, tmp_path):
    """Colouring by unit gives each unit its own fill, named in the legend."""
    chart = render(firm, tmp_path, color_by="unit")
    assert chart.fill("carol") == chart.fill("ivy")
    assert chart.fill("carol") != chart.fill("dan")
    texts = [t.text for t in chart.nodes["legend"][0].iter(f"{SVG}text")]
    assert "Corporate & M&A" in texts


def test_no_colour_and_no_legend():
    """``color_by="none"`` with nothing else to explain adds no legend node."""
    org = om.Organization(name="x", people=[P("a", "A"), P("b", "B", manager="a")])
    assert "legend" not in om.org_chart(org, color_by="none").source
    assert "legend" not in om.org_chart(make_firm(), roles=ROLES, legend=False).source


@pytest.mark.exe
@pytest.mark.parametrize("layout", LAYOUTS)
def test_subtree_has_exactly_the_right_people(firm, tmp_path, layout):
    """``root=`` draws that person and everyone below; ``depth=`` cuts levels."""
    chart = render(firm, tmp_path, root="carol", roles=ROLES, layout=layout)
    below_carol = {"carol", "frank", "henry", "ivy", "jack", "kim", "leo", "mia", "quinn"}
    assert {n for n in chart.nodes if n != "legend"} == {node_name(p) for p in below_carol}
    # The dotted line frank → quinn is inside the subtree; dan → paula is not.
    assert (node_name("frank"), node_name("quinn"), True) in chart.edge_pairs()
    assert len(chart.edge_pairs()) == len(below_carol) - 1 + 1
    top = render(firm, tmp_path, depth=1, roles=ROLES, layout=layout)
    expected = {"alice", "grace", "carol", "dan", "erin"}
    assert {n for n in top.nodes if n != "legend"} == {node_name(p) for p in expected}


def test_depth_zero_and_bad_depth(firm):
    """``depth=0`` is the top alone; a negative depth is a clear error."""
    source = om.org_chart(firm, root="dan", depth=0, roles=ROLES).source
    assert node_name("dan") in source
    assert node_name("nora") not in source
    with pytest.raises(om.ValidationError, match="'depth' must be a whole number"):
        om.org_chart(firm, depth=-1, roles=ROLES)


def test_unknown_root_suggests(firm):
    """An unknown ``root`` is an UnknownReferenceError with a did-you-mean."""
    with pytest.raises(om.UnknownReferenceError, match="did you mean 'carol'"):
        om.org_chart(firm, root="carl", roles=ROLES)


@pytest.mark.exe
@pytest.mark.parametrize("layout", LAYOUTS)
def test_assistant_beside_manager_not_in_report_row(firm, tmp_path, layout):
    """An assistant sits level with their manager, to the side, above the reports."""
    chart = render(firm, tmp_path, roles=ROLES, layout=layout)
    ax, ay = chart.centre("alice")
    gx, gy = chart.centre("grace")
    assert abs(gy - ay) < 1
    assert gx > ax
    assert abs(chart.centre("carol")[1] - gy) > 20


@pytest.mark.exe
@pytest.mark.parametrize("layout", LAYOUTS)
def test_wide_team_stacked_in_a_column(firm, tmp_path, layout):
    """Four reports without reports are stacked one above the other in one column."""
    chart = render(firm, tmp_path, roles=ROLES, layout=layout)
    column = [chart.centre(p) for p in ("jack", "kim", "leo", "mia")]
    assert max(x for x, _ in column) - min(x for x, _ in column) < 1
    ys = [y for _, y in column]
    assert ys == sorted(ys)
    assert len(set(ys)) == 4
    # With stacking off they share a row instead.
    flat = render(firm, tmp_path, roles=ROLES, layout=layout, stack=0)
    assert len({round(flat.centre(p)[1]) for p in ("jack", "kim", "leo", "mia")}) == 1


@pytest.mark.exe
def test_stake_badges(firm, tmp_path):
    """Members with a stake in the focal entity get a badge; ranges shown as ranges."""
    chart = render(firm, tmp_path, roles=ROLES)
    assert "stake 40%" in chart.texts("alice")  # through AS Holdings Ltd
    assert "stake 25–30%" in chart.texts("dan")
    assert "stake 20%" in chart.texts("erin")
    assert not any(t.startswith("stake") for t in chart.texts("carol"))
    plain = render(firm, tmp_path, roles=ROLES, show_stakes=False)
    assert not any(t.startswith("stake") for t in plain.texts("dan"))


def test_deterministic_dot(firm):
    """The same organisation gives byte-identical DOT, in both layouts."""
    for layout in LAYOUTS:
        first = om.org_chart(firm, roles=ROLES, layout=layout).source
        again = om.org_chart(make_firm(), roles=dict(reversed(ROLES.items())), layout=layout)
        assert first == again.source


def test_node_names_are_ids_not_display_text(firm):
    """Node names come from ids; display text lives only in labels."""
    source = om.org_chart(firm, roles=ROLES).source
    names = set(re.findall(r"^\t(\w+) \[", source, flags=re.MULTILINE))
    assert names == {node_name(p) for p in ON_CHART} | {"legend", "graph", "node", "edge"}


def test_options_accept_strings_and_reject_unknown(firm):
    """Options take enum members or their values; anything else lists the choices."""
    assert om.org_chart(firm, color_by="employment", layout="tidy").source
    with pytest.raises(om.OptionError, match="'color_by' must be one of 'role', 'employment'"):
        om.org_chart(firm, color_by="rank")
    with pytest.raises(om.OptionError, match=r"'tidy', 'dot', 'auto' \(got 'fast'\)$"):
        om.org_chart(firm, roles=ROLES, layout="fast")
    with pytest.raises(om.OptionError, match="did you mean 'unit'"):
        om.org_chart(firm, color_by="units")
    with pytest.raises(om.ValidationError, match="unknown role label 'boss'"):
        om.org_chart(firm, roles={"alice": "boss"})


def test_auto_layout_switches_to_tidy_for_large_charts():
    """Under ``auto``, above the threshold the chart carries its own positions (``nop2``)."""
    count = LARGE_CHART_THRESHOLD + 1
    people = [P("p0", "Top")] + [
        P(f"p{i}", f"P {i}", manager=f"p{(i - 1) // 5}") for i in range(1, count)
    ]
    org = om.Organization(name="Big", people=people)
    source = om.org_chart(org, color_by="none", layout="auto").source
    assert "layout=nop2" in source
    assert source.count('pos="') == count + (count - 1)
    small = om.Organization(name="s", people=people[:50])
    assert "nop2" not in om.org_chart(small, color_by="none", layout="auto").source
    assert "layout=nop2" in om.org_chart(small, color_by="none").source


@pytest.mark.parametrize("layout", LAYOUTS)
def test_empty_and_investor_only_organisations(layout):
    """With nobody to draw, the chart is the title alone; outside investors are left out."""
    empty = om.org_chart(om.Organization(name="Empty"), layout=layout).source
    assert "n_" not in empty
    investors = om.Organization(name="x", people=[P("v", "V", employment=E.NONE)])
    assert node_name("v") not in om.org_chart(investors, layout=layout).source


@settings(max_examples=40, deadline=None)
@given(organizations(max_people=15))
def test_random_organisations_chart_every_member_deterministically(org):
    """Any valid organisation charts without error, each member once, deterministically."""
    tops = {p.id for p in org.roots}
    below: dict[str, list[str]] = {}
    for person in org.people:
        if person.manager is not None:
            below.setdefault(person.manager, []).append(person.id)
    members, pending = set(), list(tops)
    while pending:
        pid = pending.pop()
        members.add(pid)
        pending.extend(below.get(pid, ()))
    for layout in LAYOUTS:
        source = om.org_chart(org, layout=layout, color_by="unit").source
        drawn = set(re.findall(r"^\t(n_\w+) \[", source, flags=re.MULTILINE))
        assert drawn == {node_name(p) for p in members}
        assert source == om.org_chart(org, layout=layout, color_by="unit").source


@pytest.mark.exe
def test_large_chart_svg_has_every_person_and_line(tmp_path):
    """Past the ``auto`` threshold the tidy path draws every person and line once."""
    count = LARGE_CHART_THRESHOLD + 100
    people = [P("p0", "Top")]
    people += [
        P(f"p{i}", f"Person {i}", manager=f"p{(i - 1) // 4}", dotted=["p0"] if i % 97 == 0 else [])
        for i in range(1, count)
    ]
    org = om.Organization(name="Big", people=people)
    chart = render(org, tmp_path, color_by="none", layout="auto")
    assert set(chart.nodes) - {"legend"} == {node_name(p.id) for p in people}
    expected = sorted(
        (node_name(line.manager), node_name(line.report), line.kind is om.LineKind.DOTTED)
        for line in org.lines
    )
    assert sorted(chart.edge_pairs()) == expected


@pytest.mark.exe
@pytest.mark.parametrize("layout", LAYOUTS)
def test_displays_inline_like_jupyter(firm, layout):
    """Jupyter's display path (``_repr_mimebundle_``) renders the chart as it is."""
    bundle = om.org_chart(firm, roles=ROLES, layout=layout)._repr_mimebundle_()
    chart = Chart(bundle["image/svg+xml"].encode("utf-8"))
    assert {n for n in chart.nodes if n != "legend"} == {node_name(p) for p in ON_CHART}


def _boxes_in(chart: Chart) -> dict[str, tuple[float, float, float, float]]:
    out = {}
    for name, (group,) in chart.nodes.items():
        if name == "legend":
            continue
        shape = next(e for e in group if e.tag in {f"{SVG}path", f"{SVG}polygon"})
        raw = shape.get("d") or shape.get("points") or ""
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", raw)]
        xs, ys = numbers[0::2], numbers[1::2]
        out[name] = (min(xs), min(ys), max(xs), max(ys))
    return out


@pytest.mark.exe
@pytest.mark.parametrize("color_by", ["role", "unit"])
def test_bundled_example_boxes_never_overlap(tmp_path, color_by):
    """On the bundled example the tidy layout's boxes never overlap once Graphviz sizes them."""
    chart = render(om.example(), tmp_path, color_by=color_by, layout="tidy")
    boxes = sorted(_boxes_in(chart).values())
    assert len(boxes) == len(om.example().people) - sum(
        p.employment is E.NONE and p.manager is None for p in om.example().people
    )
    for index, (x0, y0, x1, y1) in enumerate(boxes):
        for a0, b0, a1, b1 in boxes[index + 1 :]:
            if a0 >= x1:
                break
            assert b0 >= y1 or b1 <= y0, ((x0, y0, x1, y1), (a0, b0, a1, b1))


@pytest.mark.exe
def test_wide_text_never_makes_boxes_overlap(tmp_path):
    """Capitals, CJK, emoji and long titles: Graphviz never grows a box into its neighbour."""
    names = ["W" * 20, "M" * 24, "山田太郎" * 3, "😀" * 10, "Ελένη Παπαδοπούλου", "i" * 30]
    people = [P("top", "Top")]
    for i, name in enumerate(names):
        people.append(P(f"p{i}", name, title="TITLE IN CAPITALS FOR A ROLE", manager="top"))
        people += [P(f"q{i}{k}", name, title="x", manager=f"p{i}") for k in range(2)]
    org = om.Organization(name="Wide", people=people)
    boxes = sorted(_boxes_in(render(org, tmp_path, color_by="none", stack=0)).values())
    assert len(boxes) == len(people)
    for index, (_, y0, x1, y1) in enumerate(boxes):
        for a0, b0, _, b1 in boxes[index + 1 :]:
            if a0 >= x1:
                break
            assert b0 >= y1 or b1 <= y0
