"""`orgmodel classify`: the warning line above the table, the note on vacancies."""

import json
from pathlib import Path

from click.testing import CliRunner

from orgmodel.cli import main

ROLES = Path(__file__).parent / "data" / "roles"
HR_EXPORT = ROLES / "northgate" / "people.csv"
TAGGED = ROLES / "pemberton" / "pemberton.yaml"
ORGANOGRAM = Path(__file__).parent / "data" / "tables" / "organogram-2024-03-31-senior.csv"
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


def test_cli_table_leaves_vacancies_out_and_says_so():
    """The table lists no vacant post and says above it which posts were left out."""
    result = run(str(ORGANOGRAM))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "note: 2 vacant posts are not classified: DG002 and DD001" in lines
    header = next(i for i, line in enumerate(lines) if line.split()[:2] == ["id", "name"])
    assert lines.index("note: 2 vacant posts are not classified: DG002 and DD001") < header
    ids = [line.split()[0] for line in lines[header + 2 :]]
    assert ids == ["PS001", "DG001", "D001", "D002", "D003"]


def test_cli_neither_filter_counts_no_vacancy():
    """--label neither lists people labelled neither, never a vacant post."""
    result = run(str(ORGANOGRAM), "--label", "neither", "--format", "csv")
    ids = [row.split(",")[0] for row in result.stdout.splitlines()[1:]]
    assert ids == ["PS001", "D001", "D002", "D003"]


def test_cli_json_has_no_vacancy_and_notes_on_stderr():
    """JSON output holds only assessed people; the note goes to standard error."""
    result = run(str(ORGANOGRAM), "--format", "json")
    assert [row["person"] for row in json.loads(result.stdout)] == [
        "PS001", "DG001", "D001", "D002", "D003",
    ]  # fmt: skip
    assert "note: 2 vacant posts are not classified: DG002 and DD001" in result.stderr
