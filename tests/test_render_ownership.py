"""Ownership charts: what a reader sees in the rendered SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import orgmodel as om
from orgmodel.render import node_name
from orgmodel.render._ownership_chart import STAKE_LABEL_PREFIX
from orgmodel.render._percent import format_share

SVG = "{http://www.w3.org/2000/svg}"


def make_network() -> om.Organization:
    """Alice owns a holding company; two funds hold each other; one band is a range."""
    people = [
        om.Person("alice", "Alice Smith", title="Managing Partner"),
        om.Person("bob", "Bob <Bobby> & Co", title="Partner"),
        om.Person("carol", "Carol Diaz", title="COO"),  # no stake: not on the chart
    ]
    entities = [
        om.Entity("acme", "Acme LLP", kind=om.EntityKind.LLP),
        om.Entity("hold", "AS Holdings Ltd"),
        om.Entity("fund1", "Fund One", kind=om.EntityKind.FUND),
        om.Entity("fund2", "Fund Two", kind=om.EntityKind.FUND),
        om.Entity("sub", "Acme Services Ltd"),
        om.Entity("other", "Unrelated Ltd"),
    ]
    stakes = [
        om.Stake("alice", "hold", om.Share.exact(1.0)),
        om.Stake("hold", "acme", om.Share.exact(0.4)),
        om.Stake("bob", "acme", om.Share.between(0.25, 0.3), voting=om.Share.exact(0.5)),
        om.Stake("fund1", "acme", om.Share.exact(0.2)),
        om.Stake("fund2", "fund1", om.Share.exact(0.5)),
        om.Stake("fund1", "fund2", om.Share.exact(0.3)),
        om.Stake("bob", "fund2", om.Share.exact(0.7)),
        om.Stake("alice", "fund1", om.Share.exact(0.5)),
        om.Stake("acme", "sub", om.Share.exact(1.0)),
        om.Stake("carol", "other", om.Share.exact(1.0)),
    ]
    return om.Organization(
        name="Acme", people=people, entities=entities, stakes=stakes, focal_entity="acme"
    )


class Picture:
    def __init__(self, path: Path) -> None:
        root = ET.fromstring(path.read_bytes())  # noqa: S314 - our own output
        self.nodes: dict[str, list[str]] = {}
        self.edges: list[tuple[str, str, list[str], ET.Element]] = []
        raw: list[tuple[str, str, list[str], ET.Element]] = []
        for group in root.iter(f"{SVG}g"):
            title = group.find(f"{SVG}title")
            name = "" if title is None or title.text is None else title.text
            texts = [t.text or "" for t in group.iter(f"{SVG}text")]
            if group.get("class") == "node":
                self.nodes[name] = texts
            elif group.get("class") == "edge":
                tail, head = name.split("->")
                raw.append((tail, head, texts, group))
        # A stake is drawn holder -> its label box -> entity: read it as one line.
        holder_of = {head: tail for tail, head, _, _ in raw if head.startswith(STAKE_LABEL_PREFIX)}
        for tail, head, texts, group in raw:
            if head.startswith(STAKE_LABEL_PREFIX):
                continue
            if tail.startswith(STAKE_LABEL_PREFIX):
                self.edges.append((holder_of[tail], head, self.nodes.pop(tail), group))
            else:
                self.edges.append((tail, head, texts, group))

    def stroke_width(self, group: ET.Element) -> float:
        path = group.find(f"{SVG}path")
        assert path is not None
        return float(path.get("stroke-width", "1"))


def draw(tmp_path: Path, **options) -> Picture:
    return Picture(om.render_ownership_chart(make_network(), tmp_path / "own.svg", **options))


@pytest.mark.exe
def test_holders_above_and_subsidiaries_below_exactly(tmp_path):
    """Everyone above the entity and everything below it is drawn once; nothing else."""
    picture = draw(tmp_path)
    expected = {"alice", "bob", "acme", "hold", "fund1", "fund2", "sub"}
    assert set(picture.nodes) - {"legend"} == {node_name(i) for i in expected}
    assert "Bob <Bobby> & Co" in picture.nodes[node_name("bob")]
    stakes = [s for s in make_network().stakes if s.holder != "carol"]
    assert sorted((t, h) for t, h, _, _ in picture.edges) == sorted(
        (node_name(s.holder), node_name(s.entity)) for s in stakes
    )


@pytest.mark.exe
def test_share_labels_ranges_and_votes(tmp_path):
    """Each line shows its share; a range reads as a range; votes are added when they differ."""
    picture = draw(tmp_path)
    labels = {(t, h): texts for t, h, texts, _ in picture.edges}
    assert labels[node_name("hold"), node_name("acme")] == ["40%"]
    assert labels[node_name("bob"), node_name("acme")] == ["25–30%", "votes 50%"]


@pytest.mark.exe
def test_pen_width_grows_with_share(tmp_path):
    """Larger shares are drawn with thicker lines."""
    picture = draw(tmp_path)
    width = {(t, h): picture.stroke_width(g) for t, h, _, g in picture.edges}
    assert (
        width[node_name("alice"), node_name("hold")]
        > width[node_name("hold"), node_name("acme")]
        > width[node_name("fund1"), node_name("acme")]
    )


@pytest.mark.exe
def test_cycle_is_visible(tmp_path):
    """Cross-holdings are drawn in the cycle colour and named in the legend."""
    picture = draw(tmp_path)
    colours = {(t, h): g.find(f"{SVG}path").get("stroke") for t, h, _, g in picture.edges}  # type: ignore[union-attr]
    assert colours[node_name("fund1"), node_name("fund2")] == "#d55e00"
    assert colours[node_name("fund2"), node_name("fund1")] == "#d55e00"
    assert colours[node_name("hold"), node_name("acme")] != "#d55e00"
    assert "part of a cross-holding cycle" in picture.nodes["legend"]


@pytest.mark.exe
def test_look_through_lines(tmp_path):
    """Look-through adds dashed lines from indirect ultimate owners with their share."""
    picture = draw(tmp_path, show_look_through=True)
    expected = om.effective_ownership(make_network(), "acme")
    dashed = {
        t: texts
        for t, h, texts, g in picture.edges
        if h == node_name("acme") and g.find(f"{SVG}path").get("stroke-dasharray")  # type: ignore[union-attr]
    }
    assert dashed[node_name("alice")] == [f"look-through {format_share(expected['alice'])}"]
    assert node_name("bob") in dashed  # direct and through Fund Two
    assert node_name("hold") not in dashed  # not an ultimate owner
    plain = draw(tmp_path)
    assert not any(texts and texts[0].startswith("look-through") for *_, texts, _ in plain.edges)


def test_unknown_entity_and_look_through_without_entity():
    """An unknown entity suggests a fix; look-through needs an entity."""
    with pytest.raises(om.UnknownReferenceError, match="did you mean 'acme'"):
        om.ownership_chart(make_network(), "acm")
    no_focal = om.Organization(
        name="x",
        entities=[om.Entity("a", "A"), om.Entity("b", "B")],
        stakes=[om.Stake("a", "b", om.Share.exact(1.0))],
    )
    assert node_name("a") in om.ownership_chart(no_focal).source  # whole network
    with pytest.raises(om.ValidationError, match="show_look_through needs an entity"):
        om.ownership_chart(no_focal, show_look_through=True)


def test_ownership_dot_is_deterministic():
    """The same network gives byte-identical DOT."""
    first = om.ownership_chart(make_network(), show_look_through=True).source
    assert first == om.ownership_chart(make_network(), show_look_through=True).source
