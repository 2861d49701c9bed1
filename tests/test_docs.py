"""The documentation stays in step with the package: every public name is in the API reference."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import orgmodel as om

DOCS = Path(__file__).resolve().parents[1] / "docs"
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
