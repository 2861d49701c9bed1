"""The org book (a PDF with one page per team) and the chart command's new outputs."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner

import orgmodel as om
from orgmodel.cli import main
from orgmodel.render import book_pages

EXAMPLE = Path(om.__file__).parent / "data" / "acme-partners.yaml"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> list[str]:
    """The text of every page of the bundled example's org book."""
    path = om.render_org_book(om.example(), tmp_path_factory.mktemp("book") / "book.pdf")
    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


def normal(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.exe
def test_one_page_per_team(book):
    """Fourteen people lead a team in the example: fourteen pages, each titled."""
    assert len(book) == 14
    assert normal(book[0]).startswith("Acme Partners LLP — page 1 of 14")
    assert "Team of Carol Nguyen — page 8 of 14" in normal(book[7])


@pytest.mark.exe
def test_page_references_lead_to_the_right_pages(book):
    """Each "team on p. N" names a report whose team page is N, and N points back up."""
    seen = 0
    for number, text in enumerate(book, start=1):
        flat = normal(text)
        for target in map(int, re.findall(r"team on p\. (\d+)", flat)):
            seen += 1
            assert f"page {target} of 14" in normal(book[target - 1])
            assert f", p. {number}" in normal(book[target - 1]), (number, target)
    assert seen == 13  # every team but the top's is referred to once


@pytest.mark.exe
def test_everyone_appears_in_the_book(book):
    """Every member of the chart is on some page."""
    everything = normal(" ".join(book))
    for person in om.example().people:
        if person.id == "george":  # an outside holder: not on the org chart
            continue
        assert person.name in everything, person.name


def test_book_pages_numbering():
    """Managers are numbered depth-first from the top, people without reports get none."""
    pages = book_pages(om.example())
    assert list(pages)[:4] == ["alice", "brian", "paul", "chloe"]
    assert "zoe" not in pages
    assert sorted(pages.values()) == list(range(1, 15))


def test_book_must_be_a_pdf(tmp_path):
    """An org book is a PDF; another name is refused before anything is drawn."""
    with pytest.raises(om.ValidationError, match="an org book is a PDF"):
        om.render_org_book(om.example(), tmp_path / "book.svg")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.exe
def test_cli_writes_an_org_book(tmp_path):
    """orgmodel chart firm.yaml -o book.pdf --pages teams writes the multi-page book."""
    out = tmp_path / "book.pdf"
    result = run("chart", str(EXAMPLE), "-o", str(out), "--pages", "teams")
    assert result.exit_code == 0, result.output
    assert len(pypdf.PdfReader(out).pages) == 14


def test_cli_writes_an_interactive_page(tmp_path):
    """orgmodel chart firm.yaml -o chart.html writes the interactive page."""
    out = tmp_path / "chart.html"
    result = run("chart", str(EXAMPLE), "-o", str(out), "--root", "carol")
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert '"count":13' in page


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "chart.svg", "--pages", "teams"], "--pages teams writes a PDF org book"),
        (["-o", "book.pdf", "--pages", "teams", "--depth", "1"], "leave out --depth"),
        (["-o", "chart.jpg"], "or .html for an interactive page"),
    ],
)
def test_cli_chart_usage_errors(tmp_path, args, message):
    """Wrong combinations are usage errors (exit 2) that say what to do."""
    args = [a if not a.endswith((".svg", ".pdf", ".jpg")) else str(tmp_path / a) for a in args]
    result = CliRunner().invoke(main, ["chart", str(EXAMPLE), *args])
    assert result.exit_code == 2
    assert message in normal(result.output)
    assert list(tmp_path.iterdir()) == []
