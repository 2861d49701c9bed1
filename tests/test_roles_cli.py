"""`orgmodel classify` on a tag-less HR export: the warning line above the table."""

import json
from pathlib import Path

from click.testing import CliRunner

from orgmodel.cli import main

ROLES = Path(__file__).parent / "data" / "roles"
HR_EXPORT = ROLES / "northgate" / "people.csv"
TAGGED = ROLES / "pemberton" / "pemberton.yaml"
LINE = "warning: no responsibilities are given, so labels rest on titles, stakes and structure"


def run(*args: str):
    return CliRunner().invoke(main, ["classify", *args], catch_exceptions=False)


def test_warning_is_printed_above_the_table():
    """For a file with no responsibilities, the first line of the table output warns."""
    result = run(str(HR_EXPORT))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == LINE
    assert lines[1].split() == ["id", "name", "label", "partner", "coo", "reason"]
    assert result.stdout.count(LINE) == 1


def test_warning_goes_to_stderr_beside_machine_formats():
    """With --format json the warning is on stderr and stdout stays valid JSON."""
    result = run(str(HR_EXPORT), "--format", "json")
    assert result.exit_code == 0
    assert LINE in result.stderr
    assert json.loads(result.stdout)[1]["label"] == "coo-like"


def test_no_warning_when_responsibilities_are_given():
    """A tagged file prints the table alone."""
    result = run(str(TAGGED))
    assert "warning:" not in result.output
    assert result.stdout.splitlines()[0].split()[0] == "id"
