"""Escaping: any name or title renders as itself and never injects DOT or SVG markup."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import orgmodel as om
from orgmodel.render import node_name
from orgmodel.render._style import html_text

SVG = "{http://www.w3.org/2000/svg}"

NASTY = [
    "Quote \" and ' apostrophe",
    "Back\\slash \\N \\G \\L",
    "<b>not bold</b> & <script>alert(1)</script>",
    "Tom & Jerry &amp; &#60; &lt;",
    'x"]; evil [label="pwned',
    "}} digraph g { a -> b",
    "Line one\nLine two",
    "山田 太郎",
    "Ελένη Παπαδοπούλου",
    "محمد عبد الله",
    "Zoë 🚀👩‍💼",
    "]]> <!-- -->",
]


def _texts(svg: bytes) -> dict[str, list[str]]:
    root = ET.fromstring(svg)  # noqa: S314 - our own output, parsed to check it
    out: dict[str, list[str]] = {}
    for group in root.iter(f"{SVG}g"):
        title = group.find(f"{SVG}title")
        if group.get("class") == "node" and title is not None and title.text:
            out[title.text] = [t.text or "" for t in group.iter(f"{SVG}text")]
    return out


def _org(names: list[str], titles: list[str]) -> om.Organization:
    people = [
        om.Person(f"p{i}", name, title=title, manager=None if i == 0 else "p0")
        for i, (name, title) in enumerate(zip(names, titles, strict=True))
    ]
    return om.Organization(name=names[0], people=people)


def _squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.exe
@pytest.mark.parametrize("layout", ["dot", "tidy"])
def test_nasty_names_render_as_themselves(tmp_path, layout):
    """Quotes, backslashes, markup, newlines, other scripts and emoji show verbatim."""
    org = _org(NASTY, list(reversed(NASTY)))
    out = om.render_org_chart(org, tmp_path / "x.svg", color_by="none", layout=layout)
    texts = _texts(out.read_bytes())
    assert set(texts) == {node_name(p.id) for p in org.people}
    for person in org.people:
        shown = texts[node_name(person.id)]
        for text in (person.name, person.title):
            for line in text.split("\n"):
                assert _squash(line) in [_squash(t) for t in shown], (line, shown)
    assert not any("pwned" in t for t in texts)
    assert "evil" not in texts


def test_no_dot_injection_in_source():
    """Display text never leaves an HTML-like label in the DOT source."""
    org = _org(NASTY, NASTY)
    for layout in ("dot", "tidy"):
        lines = om.org_chart(org, color_by="none", layout=layout).source.splitlines()
        assert lines[0] == "digraph org_chart {"
        assert lines[-1] == "}"
        # One statement per line, each starting with a node name or a keyword; every
        # label is one HTML-like string with no raw quotes, brackets or line breaks.
        for line in lines[1:-1]:
            head = line.strip().split(" ")[0]
            assert head.startswith("n_") or head in {"graph", "node", "edge", "legend", "}"}, line
        edges = [ln for ln in lines if " -> " in ln.split("[")[0] and "invis" not in ln]
        assert len(edges) == len(NASTY) - 1


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a&b", "a&amp;b"),
        ("<x>", "&lt;x&gt;"),
        ('"', "&quot;"),
        ("a\r\nb", "a<BR/>b"),
        ("bell\x07", "bell\ufffd"),
        ("half \ud800", "half \ufffd"),
        ("private \ue000", "private \ue000"),
        ("not a char \uffff", "not a char \ufffd"),
        ("tab\there", "tab here"),
        ("back\\slash", "back\\\\slash"),
    ],
)
def test_html_text_table(text, escaped):
    """html_text escapes markup, keeps backslashes, and replaces what XML cannot carry."""
    assert html_text(text) == escaped


@given(st.lists(st.text(min_size=1, max_size=12), min_size=2, max_size=8, unique=True))
def test_node_names_are_distinct_and_plain(ids):
    """Distinct ids give distinct node names made only of ASCII letters, digits and _."""
    names = [node_name(i) for i in ids]
    assert len(set(names)) == len(names)
    assert all(n.isascii() and n.replace("_", "").isalnum() for n in names)


@pytest.mark.exe
@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    names=st.lists(
        st.text(st.characters(exclude_categories=("Cs", "Cc", "Cn")), min_size=1, max_size=20)
        .map(str.strip)
        .filter(bool),
        min_size=2,
        max_size=4,
    )
)
def test_any_printable_name_round_trips_through_svg(tmp_path, names):
    """Random printable names render to well-formed SVG showing each name."""
    org = _org(names, [""] * len(names))
    out = om.render_org_chart(org, tmp_path / "r.svg", color_by="none", legend=False, title="")
    texts = _texts(out.read_bytes())
    assert len(texts) == len(names)
    for person in org.people:
        shown = _squash(" ".join(texts[node_name(person.id)]))
        assert shown == _squash(person.name.replace("\n", " "))
