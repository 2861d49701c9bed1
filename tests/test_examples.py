import shutil
from pathlib import Path

import pytest

import orgmodel as om


def test_example_is_the_firm_in_examples_folder():
    """om.example() loads the same file as examples/acme-partners.yaml."""
    assert om.example() == om.load("examples/acme-partners.yaml")


def test_example_has_every_archetype():
    """The bundled firm has 40 people, a holding company, dotted lines and relationships."""
    org = om.example()
    assert len(org.people) == 40
    assert not org.warnings
    assert any(s.holder == "as-holdings" for s in org.stakes)
    assert sum(len(p.dotted) for p in org.people) >= 2
    kinds = {r.kind for r in org.relationships}
    assert {om.RelationshipKind.CLIENT, om.RelationshipKind.INVESTOR} <= kinds


def test_unknown_example_suggests_the_name():
    """A misspelt example name is an UnknownReferenceError with a suggestion."""
    with pytest.raises(om.UnknownReferenceError, match="did you mean 'acme-partners'"):
        om.example("acme-partner")


@pytest.mark.exe
def test_readme_python_block_runs_and_prints_each_label_once(tmp_path, monkeypatch, capsys):
    """The README's Python example runs as written and names each label once per line."""
    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    block = readme.split("## In Python\n\n```python\n", 1)[1].split("```", 1)[0]
    (tmp_path / "examples").mkdir()
    shutil.copy(root / "examples" / "acme-partners.yaml", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    exec(compile(block, "README.md", "exec"), {})  # noqa: S102 - our own README
    lines = capsys.readouterr().out.splitlines()
    labels = ("partner-like", "coo-like", "hybrid")
    role_lines = [line for line in lines if any(f" {label}:" in line for label in labels)]
    assert len(role_lines) == 7  # 4 partner-like, 1 hybrid, 2 COO-like in the bundled firm
    assert all(sum(line.count(label) for label in labels) == 1 for line in role_lines)
    assert (tmp_path / "out" / "chart.svg").stat().st_size > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["examples", "out"]
