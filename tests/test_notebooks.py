"""The example notebooks: stored without outputs, and each runs top to bottom."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "examples").glob("*.ipynb"))
TIMEOUT = 180  # seconds per cell; each notebook takes well under 30 s on a quiet machine


def read(path: Path) -> Any:
    """Read a notebook (nbformat has no type hints)."""
    return nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]


def ids(path: Path) -> str:
    return path.stem


def test_there_are_four_notebooks():
    """The law firm, start-up, holding structure and large-company stories are all there."""
    assert len(NOTEBOOKS) == 4, [p.name for p in NOTEBOOKS]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_notebook_is_stored_without_outputs(path):
    """No cell carries outputs or an execution count, so diffs show only the source."""
    notebook = read(path)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name}: a cell has outputs"
            assert cell.execution_count is None, f"{path.name}: a cell has a count"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_notebook_tells_a_story(path):
    """Each notebook opens with a title and alternates prose with code."""
    notebook = read(path)
    first = notebook.cells[0]
    assert first.cell_type == "markdown"
    assert first.source.startswith("# ")
    kinds = [cell.cell_type for cell in notebook.cells]
    assert kinds.count("markdown") >= 4
    assert kinds.count("code") >= 4


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_notebook_runs_top_to_bottom(path, tmp_path, monkeypatch):
    """Every cell runs without an error, in a scratch directory for the files it writes."""
    src = str(ROOT / "src")
    monkeypatch.setenv(
        "PYTHONPATH", os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")]))
    )
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    notebook = read(path)
    client = NotebookClient(
        notebook,
        timeout=TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()
    errors = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "error"
    ]
    assert errors == []
    written = [p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file()]
    assert all(p.parts[0] == "out" for p in written), written  # the ignored folder only
