"""The documentation stays in step with the package: the API reference, the ./dev usage."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

import orgmodel as om

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
UNLISTED = {"__version__", "DEFAULT_VOCABULARY"}


def listed_names() -> set[str]:
    text = (DOCS / "api.md").read_text(encoding="utf-8")
    return set(re.findall(r"^   ([A-Za-z_][A-Za-z0-9_]*)$", text, flags=re.MULTILINE))


@pytest.mark.parametrize("name", sorted(set(om.__all__) - UNLISTED))
def test_public_name_is_in_the_api_reference(name):
    """Each name in orgmodel.__all__ appears in docs/api.md's autosummary tables."""
    assert name in listed_names()


def test_api_reference_lists_only_public_names():
    """Nothing in docs/api.md's tables is missing from the package."""
    assert listed_names() <= set(om.__all__)


def test_cli_reference_is_generated_from_the_program():
    """docs/cli.md uses the directive that renders every command's --help."""
    assert "```{orgmodel-cli}" in (DOCS / "cli.md").read_text(encoding="utf-8")


def test_dev_without_a_command_prints_its_usage_only():
    """``./dev`` alone prints the usage block (no script lines) and exits 2."""
    done = subprocess.run(  # noqa: S603 - our own script
        ["/bin/bash", str(ROOT / "dev")],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 2
    lines = done.stdout.splitlines()
    assert lines[0] == "orgmodel's one entry point for newcomers and CI."
    assert "./dev test --fast" in done.stdout
    assert not any(line.startswith(("set ", "cd ", "#")) for line in lines)


def test_licence_file_matches_the_declared_licence():
    """pyproject declares MIT and LICENSE holds the MIT text."""
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'license = "MIT"' in pyproject
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert "Permission is hereby granted, free of charge" in text
