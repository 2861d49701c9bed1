"""Writing chart files: formats by extension, no Graphviz needed for DOT, atomic writes."""

from __future__ import annotations

import graphviz
import pytest

import orgmodel as om
from orgmodel.render._backend import OutputFormat, output_format, write_chart


def _org() -> om.Organization:
    return om.Organization(
        name="Tiny", people=[om.Person("ann", "Ann"), om.Person("bob", "Bob", manager="ann")]
    )


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.svg", OutputFormat.SVG),
        ("a.PNG", OutputFormat.PNG),
        ("a.pdf", OutputFormat.PDF),
        ("a.dot", OutputFormat.DOT),
        ("a.gv", OutputFormat.DOT),
    ],
)
def test_format_by_extension(name, fmt):
    """The file's extension picks the format, ignoring case."""
    assert output_format(name) is fmt


@pytest.mark.parametrize("name", ["chart.jpg", "chart", "chart.svg.bak"])
def test_unsupported_extension(tmp_path, name):
    """Other extensions are refused with the list of supported ones, writing nothing."""
    with pytest.raises(om.ValidationError, match=r"use one of \.svg, \.png, \.pdf, \.dot, \.gv"):
        om.render_org_chart(_org(), tmp_path / name, color_by="none")
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def no_graphviz(monkeypatch, tmp_path):
    """PATH holds only an empty directory, so no Graphviz executable can be found."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    return empty


@pytest.mark.usefixtures("no_graphviz")
def test_without_graphviz_dot_source_still_works(tmp_path):
    """Building the Digraph and writing .dot/.gv need no executables."""
    chart = om.org_chart(_org(), color_by="employment")
    assert isinstance(chart, graphviz.Digraph)
    for name in ("chart.dot", "chart.gv"):
        out = om.render_org_chart(_org(), tmp_path / name, color_by="employment")
        assert out.read_text(encoding="utf-8") == chart.source


@pytest.mark.parametrize("name", ["chart.svg", "chart.png", "chart.pdf"])
@pytest.mark.usefixtures("no_graphviz")
def test_without_graphviz_rendering_says_how_to_install(tmp_path, name):
    """Rendering without Graphviz raises GraphvizNotFoundError with the install command."""
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(om.GraphvizNotFoundError) as caught:
        om.render_org_chart(_org(), out_dir / name, color_by="none")
    message = str(caught.value)
    assert "apt-get install graphviz" in message
    assert "brew install graphviz" in message
    assert isinstance(caught.value, om.OrgModelError)
    assert list(out_dir.iterdir()) == []


@pytest.mark.exe
def test_failed_render_leaves_nothing_and_keeps_old_file(tmp_path):
    """A Graphviz failure raises RenderError; the old file stays, no temp file is left."""
    target = tmp_path / "chart.svg"
    target.write_text("old", encoding="utf-8")
    broken = graphviz.Digraph()
    broken.body.append("\ta -> {{{ broken\n")
    with pytest.raises(om.RenderError, match=r"Graphviz failed to write chart\.svg"):
        write_chart(broken, target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["chart.svg"]


@pytest.mark.exe
@pytest.mark.parametrize("name", ["chart.svg", "chart.png", "chart.pdf"])
def test_renders_each_format(tmp_path, name):
    """SVG, PNG and PDF come out with their own magic bytes and nothing else is left."""
    out = om.render_org_chart(_org(), tmp_path / name, color_by="none")
    head = out.read_bytes()[:8]
    assert {"chart.svg": b"<?xml", "chart.png": b"\x89PNG", "chart.pdf": b"%PDF"}[name] in head
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_missing_directory_and_directory_target(tmp_path):
    """A missing directory or a directory as target is a FileAccessError."""
    with pytest.raises(om.FileAccessError, match="does not exist"):
        om.render_org_chart(_org(), tmp_path / "nope" / "chart.dot", color_by="none")
    (tmp_path / "taken.dot").mkdir()
    with pytest.raises(om.FileAccessError, match="is a directory"):
        om.render_org_chart(_org(), tmp_path / "taken.dot", color_by="none")


def test_replacing_a_dot_file_is_atomic(tmp_path):
    """Writing over an existing file replaces it whole and leaves no temporary file."""
    target = tmp_path / "chart.gv"
    target.write_text("old", encoding="utf-8")
    om.render_org_chart(_org(), target, color_by="none")
    assert target.read_text(encoding="utf-8").startswith("digraph org_chart {")
    assert [p.name for p in tmp_path.iterdir()] == ["chart.gv"]


def test_misspelt_option_is_a_validation_error(tmp_path):
    """A misspelt option is an OrgModelError naming the likely one, not a TypeError."""
    with pytest.raises(
        om.ValidationError, match="unknown option 'colour_by' — did you mean 'color_by'"
    ):
        om.render_org_chart(_org(), tmp_path / "c.dot", colour_by="none")  # type: ignore[call-arg]
    with pytest.raises(om.ValidationError, match="did you mean 'show_look_through'"):
        om.render_ownership_chart(_org(), tmp_path / "o.dot", show_lookthrough=True)  # type: ignore[call-arg]
    assert list(tmp_path.iterdir()) == []
