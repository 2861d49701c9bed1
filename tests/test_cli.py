"""The `orgmodel` command line, invoked as users do: exit statuses, output, files."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import orgmodel as om
from orgmodel._cli_progress import Status
from orgmodel.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, main

SRC = Path(__file__).resolve().parents[1] / "src"
COMMANDS = sorted(main.commands)


def run(*args: str, input_text: str | None = None):
    return CliRunner().invoke(main, list(args), input=input_text, catch_exceptions=False)


def subprocess_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    return env


# -- help and usage -------------------------------------------------------------------


def test_help_lists_every_command():
    """`orgmodel --help` exits 0 and names each command."""
    result = run("--help")
    assert result.exit_code == EXIT_OK
    for name in COMMANDS:
        assert name in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    """Each command's --help exits 0 and shows an example invocation."""
    result = run(command, "--help")
    assert result.exit_code == EXIT_OK
    assert "Example" in result.output
    assert f"orgmodel {command}" in result.output


def test_version():
    """--version prints the package version."""
    result = run("--version")
    assert result.exit_code == EXIT_OK
    assert om.__version__ in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["no-such-command"],
        ["validate"],
        ["validate", "does-not-exist.yaml"],
        ["validate", "--no-such-option", "x"],
        ["convert", "only-one.yaml"],
    ],
)
def test_usage_errors_exit_2(args):
    """Unknown commands, missing arguments and missing files are usage errors."""
    result = CliRunner().invoke(main, args)
    assert result.exit_code == EXIT_USAGE
    assert "Usage:" in result.output or "Error" in result.output


def test_help_is_fast_and_imports_nothing_heavy():
    """`orgmodel --help` imports no networkx, scipy, numpy or graphviz."""
    code = (
        "import sys\n"
        "from orgmodel.cli import main\n"
        "try:\n"
        "    main(['--help'], prog_name='orgmodel')\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = [m for m in ('networkx', 'scipy', 'numpy', 'graphviz', 'pandas')"
        " if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    out = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        check=True,
    ).stdout
    assert "HEAVY []" in out


def test_help_answers_quickly():
    """`python -m orgmodel --help` answers in well under a second (0.3 s on a quiet machine)."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "orgmodel", "--help"],
        capture_output=True,
        env=subprocess_env(),
        check=True,
    )
    # The machine is shared; the import check above is the strict one.
    assert time.perf_counter() - start < 1.5


# -- schema ---------------------------------------------------------------------------


def test_schema_prints_the_json_schema():
    """`orgmodel schema` prints the schema as JSON on stdout."""
    result = run("schema")
    assert result.exit_code == EXIT_OK
    assert json.loads(result.stdout) == om.json_schema()


def test_schema_writes_a_file(tmp_path):
    """`orgmodel schema -o FILE` writes the schema and says so on stderr."""
    target = tmp_path / "organization.schema.json"
    result = run("schema", "-o", str(target))
    assert result.exit_code == EXIT_OK
    assert json.loads(target.read_text(encoding="utf-8")) == om.json_schema()
    assert str(target) in result.stderr
    assert result.stdout == ""


def test_schema_to_a_missing_directory_exits_1(tmp_path):
    """A target in a directory that does not exist is a problem, reported readably."""
    result = run("schema", "-o", str(tmp_path / "missing" / "schema.json"))
    assert result.exit_code == EXIT_PROBLEMS
    assert "error: cannot write" in result.stderr


# -- progress -------------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_status_is_silent_off_a_terminal():
    """No progress line is drawn when stderr is not a terminal."""
    stream = io.StringIO()
    with Status("Loading", stream=stream, delay=0.0, interval=0.01):
        time.sleep(0.05)
    assert stream.getvalue() == ""


def test_status_draws_and_clears_on_a_terminal():
    """On a terminal the line shows the label and is cleared at the end."""
    stream = Terminal()
    with Status("Loading big.csv", stream=stream, delay=0.0, interval=0.01):
        time.sleep(0.05)
    text = stream.getvalue()
    assert "Loading big.csv" in text
    assert text.endswith("\r\x1b[K")


def test_status_waits_before_showing():
    """Quick work finishes before the delay and draws nothing, even on a terminal."""
    stream = Terminal()
    with Status("Loading", stream=stream, delay=5.0):
        pass
    assert stream.getvalue() == ""
