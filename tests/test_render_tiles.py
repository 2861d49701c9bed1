"""Large positioned charts are drawn by Graphviz in parts and joined into one SVG."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import orgmodel as om
from orgmodel.render import _backend, _tiles

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_SHAPES = ("<path", "<text", "<polygon", "<polyline", "<ellipse")


def _shapes(svg: Path) -> list[list[object]]:
    """Every drawn shape of an SVG, numbers apart from the rest so they can be compared."""
    lines = [
        line for line in svg.read_text(encoding="utf-8").splitlines() if line.startswith(_SHAPES)
    ]
    return sorted(
        [_NUMBER.sub("#", line), [float(n) for n in _NUMBER.findall(line)]] for line in lines
    )


def _draw(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: int | None) -> Path:
    chart = om.org_chart(om.example(), layout="tidy")
    if size is None:
        monkeypatch.setattr(_backend, "tileable", lambda _graph: False)
    else:
        monkeypatch.setattr(_backend, "tileable", lambda g: _tiles.tileable(g, statements=size))
        real = _tiles.draw_svg_in_tiles
        monkeypatch.setattr(
            _backend, "draw_svg_in_tiles", lambda *a, **k: real(*a, **{**k, "size": size})
        )
    target = tmp_path / f"chart-{size}.svg"
    _backend.write_chart(chart, target)
    return target


@pytest.mark.exe
def test_tiles_draw_what_one_run_draws(tmp_path, monkeypatch):
    """Joined parts draw every shape one Graphviz run draws, where it draws it (±0.25 pt).

    Only the background and the title can move at all: the parts' common bounding box
    is computed by orgmodel, a fraction of a point from Graphviz's own.
    """
    whole = _shapes(_draw(tmp_path, monkeypatch, None))
    tiled = _shapes(_draw(tmp_path, monkeypatch, 7))
    assert [text for text, _ in tiled] == [text for text, _ in whole]
    for (_, a), (_, b) in zip(whole, tiled, strict=True):
        assert a == pytest.approx(b, abs=0.25)


def _layers(svg: Path) -> list[str]:
    """The classes of the drawn groups in drawing order, runs of one class merged."""
    root = ET.parse(svg).getroot()  # noqa: S314 - our own file
    classes = [g.get("class") for g in root.iter("{http://www.w3.org/2000/svg}g")]
    drawn = [c for c in classes if c in {"node", "edge"}]
    return [c for i, c in enumerate(drawn) if i == 0 or drawn[i - 1] != c]


@pytest.mark.exe
def test_tiles_draw_in_the_order_one_run_draws(tmp_path, monkeypatch):
    """Lines over boxes (the tidy chart's nodesfirst) stay over boxes when drawn in parts."""
    whole = _layers(_draw(tmp_path, monkeypatch, None))
    assert _layers(_draw(tmp_path, monkeypatch, 7)) == whole
    assert whole == ["node", "edge"]


@pytest.mark.exe
def test_tiles_make_one_svg_with_unique_ids(tmp_path, monkeypatch):
    """The joined SVG is one XML document whose element ids are all different."""
    root = ET.parse(_draw(tmp_path, monkeypatch, 7)).getroot()  # noqa: S314 - our own file
    ids = [element.get("id") for element in root.iter() if element.get("id")]
    assert len(ids) == len(set(ids))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"


def test_each_graphviz_run_gets_one_part(tmp_path):
    """No Graphviz run is given more than a part's statements (and a few helpers)."""
    chart = om.org_chart(om.example(), layout="tidy")
    sizes: list[int] = []

    def run(args: list[str], source: bytes) -> subprocess.CompletedProcess[bytes]:
        sizes.append(source.count(b"\n"))
        Path(args[-1]).write_bytes(b'<svg>\n<g id="graph0">\n</g>\n</svg>\n')
        return subprocess.CompletedProcess(args, 0, b"", b"")

    scratch = iter(tmp_path / f"part{i}.svg" for i in range(100))
    with (tmp_path / "out.svg").open("wb") as out:
        assert _tiles.draw_svg_in_tiles(
            chart, "dot", out, scratch=lambda: next(scratch), run=run, failed=RuntimeError, size=10
        )
    header = len(list(chart)) - len(chart.body)
    edges = sum(" -> " in line for line in chart.body)
    boxes = len(chart.body) - edges - 1  # the legend is drawn in every part (invisibly)
    helpers = 2 + 2 * 10 + 1  # corners, the edges' endpoints, the legend
    assert len(sizes) == -(-edges // 10) + -(-boxes // 10)
    assert max(sizes) <= header + 10 + helpers


@pytest.mark.parametrize(
    ("layout", "extra", "expected"),
    [("tidy", "", True), ("dot", "", False), ("tidy", "\tsubgraph cluster_x {\n", False)],
)
def test_only_flat_positioned_charts_are_tiled(layout, extra, expected):
    """Charts Graphviz lays out itself, or with subgraphs, are drawn in one run."""
    chart = om.org_chart(om.example(), layout=layout)
    if extra:
        chart.body.append(extra)
    assert _tiles.tileable(chart, statements=10) is expected
