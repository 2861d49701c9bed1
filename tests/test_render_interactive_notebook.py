"""A notebook exported to HTML, with no kernel running, still shows a working chart."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbconvert import HTMLExporter
from selenium.webdriver.common.by import By

from browser import chrome, errors, wait_for

__all__ = ["chrome"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.timeout(300),
    pytest.mark.xdist_group("browser"),
]

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def exported(tmp_path_factory, monkeypatch_module) -> Path:
    """A two-cell notebook, executed, then exported to a standalone HTML file."""
    folder = tmp_path_factory.mktemp("notebook")
    notebook = nbformat.v4.new_notebook()  # type: ignore[no-untyped-call]
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# Acme, interactive"),  # type: ignore[no-untyped-call]
        nbformat.v4.new_code_cell(  # type: ignore[no-untyped-call]
            "import orgmodel as om\nom.interactive_chart(om.example())"
        ),
    ]
    src = str(ROOT / "src")
    monkeypatch_module.setenv(
        "PYTHONPATH", os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")]))
    )
    monkeypatch_module.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
    ).execute()
    exporter = HTMLExporter()  # type: ignore[no-untyped-call]
    body: str = exporter.from_notebook_node(notebook)[0]
    page: Path = folder / "acme.html"
    page.write_text(body, encoding="utf-8")
    return page


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_exported_notebook_chart_works_without_a_kernel(chrome, exported):
    """In the exported file the chart paints, searches, collapses and opens the panel."""
    chrome.get_log("browser")
    chrome.get(exported.as_uri())
    frames = wait_for(lambda: chrome.find_elements(By.TAG_NAME, "iframe"), "the chart's frame")
    assert len(frames) == 1
    chrome.switch_to.frame(frames[0])
    try:
        wait_for(
            lambda: chrome.execute_script(
                "return !!window.orgmodelChart && window.orgmodelChart.stats.paints > 0"
            ),
            "the chart to paint inside the exported notebook",
        )
        chart = "window.orgmodelChart"
        assert chrome.execute_script(f"return {chart}.count") == 39
        chrome.find_element(By.ID, "om-q").send_keys("Head of Tax")
        wait_for(lambda: chrome.find_element(By.ID, "om-hits").text == "1 of 1", "the search")
        assert chrome.execute_script(f"return {chart}.current()") == "dev"
        assert chrome.execute_script(f"return {chart}.toggle('carol')") is True
        assert chrome.execute_script(f"return {chart}.person('frank').hidden") is True
        chrome.execute_script(f"{chart}.select('carol')")
        assert "Chief Operating Officer" in chrome.find_element(By.ID, "om-panel").text
    finally:
        chrome.switch_to.default_content()
    # nbconvert's own template asks a CDN for MathJax and RequireJS, which an offline
    # machine cannot reach; nothing else may complain.
    unrelated = ("cdnjs.cloudflare.com", "cdn.jsdelivr.net", "unpkg.com")
    assert [e for e in errors(chrome) if not any(host in e for host in unrelated)] == []
