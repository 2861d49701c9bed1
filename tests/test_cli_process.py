"""The command line as a process: signals, failing output, Graphviz that hangs or crashes."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import orgmodel as om
from orgmodel.cli import EXIT_OK, EXIT_PROBLEMS, main

SRC = Path(__file__).resolve().parents[1] / "src"
EXAMPLE = SRC / "orgmodel" / "data" / "acme-partners.yaml"
_TIMEOUT = 60


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    env.update(extra)
    return env


def _orgmodel(*args: str) -> list[str]:
    return [sys.executable, "-m", "orgmodel", *args]


def _wait_for(predicate, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            msg = "timed out waiting"
            raise AssertionError(msg)
        time.sleep(0.05)


@pytest.mark.parametrize(
    ("signum", "status", "said"),
    [
        (signal.SIGINT, 130, "interrupted (Ctrl-C)"),
        (signal.SIGTERM, 143, "stopped by SIGTERM"),
        (signal.SIGHUP, 129, "stopped by SIGHUP"),
    ],
)
def test_a_signal_is_one_line_and_128_plus_its_number(tmp_path, signum, status, said):
    """Ctrl-C, SIGTERM and SIGHUP print one line, no traceback, and exit 128 + the signal."""
    fifo = tmp_path / "firm.yaml"
    os.mkfifo(fifo)  # the command waits on it: a deterministic moment to signal
    with subprocess.Popen(  # noqa: S603 - our own interpreter
        _orgmodel("validate", str(fifo)), stderr=subprocess.PIPE, text=True, env=_env()
    ) as child:
        time.sleep(1.5)  # let it start and block on the FIFO
        child.send_signal(signum)
        _, stderr = child.communicate(timeout=_TIMEOUT)
    assert child.returncode == status
    assert stderr.strip().splitlines() == [f"orgmodel: {said}; nothing is left half-written"]


def test_output_to_a_full_disk_is_one_line():
    """Writing results to /dev/full is an error line and status 1, not a traceback."""
    with Path("/dev/full").open("w") as full:
        done = subprocess.run(  # noqa: S603 - our own interpreter
            _orgmodel("classify", str(EXAMPLE)),
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
            timeout=_TIMEOUT,
            check=False,
        )
    assert done.returncode == EXIT_PROBLEMS
    assert done.stderr.strip() == "error: cannot write the output: No space left on device"


@pytest.mark.parametrize("command", [["classify", str(EXAMPLE)], ["schema"]])
def test_closed_standard_output_is_one_line(command):
    """With standard output closed (>&-) the command says so instead of losing its output."""
    done = subprocess.run(  # noqa: S603 - our own interpreter
        [*_orgmodel(*command)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
        timeout=_TIMEOUT,
        check=False,
        preexec_fn=lambda: os.close(1),
    )
    assert done.returncode == EXIT_PROBLEMS
    assert done.stderr.strip() == "error: cannot write the output: standard output is closed"


@pytest.mark.parametrize("where", ["/proc/orgmodel-demo", "{tmp}/a-file/demo"])
def test_demo_into_a_folder_it_cannot_make_is_one_line(tmp_path, where):
    """`demo --out` into /proc or below a file is an error line and status 1."""
    (tmp_path / "a-file").write_text("in the way")
    result = CliRunner().invoke(main, ["demo", "--out", where.format(tmp=tmp_path)])
    assert result.exit_code == EXIT_PROBLEMS
    assert result.stderr.startswith("error: cannot make the folder")
    assert "Traceback" not in result.output


_HOSTILE = om.Organization(
    name="Hostile \x1b]0;pwned\x07 LLP",
    people=[
        om.Person(
            "ann", "Ann \x1b[2J\x1b]52;c;ZWNobyBob3N0aWxl\x07", employment=om.Employment.PARTNER
        ),
        om.Person("bob", '=HYPERLINK("http://x")', title="two\rlines", manager="ann"),
        om.Person("cy", "Cy \u202eevil", title="@SUM(A1)", manager="ann"),
    ],
    entities=[om.Entity("firm", "Firm \x9b31m Ltd")],
    stakes=[om.Stake("ann", "firm", om.Share.exact(1.0))],
)


@pytest.fixture
def hostile(tmp_path):
    path = tmp_path / "hostile.json"
    om.dump(_HOSTILE, path)
    return path


_RAW = ("\x1b", "\x07", "\x9b", "\u202e")


@pytest.mark.parametrize(
    "command",
    [
        ["classify"],
        ["ownership", "--entity", "firm"],
        ["classify", "--format", "json"],
        ["ownership", "--entity", "firm", "--format", "json"],
    ],
)
def test_terminal_output_escapes_control_characters(hostile, command):
    """Tables, reports, JSON and messages show escapes for what a terminal would act on."""
    result = CliRunner().invoke(main, [command[0], str(hostile), *command[1:]])
    assert result.exit_code == EXIT_OK, result.output
    for raw in _RAW:
        assert raw not in result.output
    assert "\\x1b" in result.output or "\\u001b" in result.output


def test_problem_messages_escape_control_characters(tmp_path):
    """A problem whose place or value holds escape sequences is printed with them escaped."""
    path = tmp_path / "firm.json"
    key = "\x1b]0;pwned\x07"
    path.write_text(json.dumps({"people": [{"id": "a", "name": "A", key: 1, "manager": key}]}))
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == EXIT_PROBLEMS
    for raw in _RAW:
        assert raw not in result.output
    assert "people[0].\\x1b]0;pwned\\x07 (line 1): unknown key" in result.stderr


def test_json_output_is_the_same_value(hostile):
    """Escaping JSON for the terminal changes no value: the names parse back exactly."""
    result = CliRunner().invoke(main, ["classify", str(hostile), "--format", "json"])
    names = {row["person"]: row["name"] for row in json.loads(result.stdout)}
    assert names == {p.id: p.name for p in _HOSTILE.people}


def test_classify_csv_neutralises_formulas_and_quotes_line_breaks(hostile):
    """classify --format csv puts ' before =, @ ... and quotes a cell holding a bare \\r."""
    result = CliRunner().invoke(main, ["classify", str(hostile), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    by_id = {row["id"]: row for row in rows}
    assert by_id["bob"]["name"] == '\'=HYPERLINK("http://x")'
    assert by_id["bob"]["title"] == "two\rlines"
    assert by_id["cy"]["title"] == "'@SUM(A1)"
    assert len(rows) == 3


def test_classify_csv_without_escaping(hostile):
    """--no-escape-formulas writes the cells as they are."""
    result = CliRunner().invoke(
        main, ["classify", str(hostile), "--format", "csv", "--no-escape-formulas"]
    )
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(result.stdout, newline=""))}
    assert rows["bob"]["name"] == '=HYPERLINK("http://x")'


def test_dump_csv_escapes_and_reads_back_exactly(hostile, tmp_path):
    """`convert` to CSV escapes formulas; orgmodel reads the files back equal."""
    target = tmp_path / "out" / "people.csv"
    target.parent.mkdir()
    result = CliRunner().invoke(main, ["convert", str(hostile), str(target)])
    assert result.exit_code == EXIT_OK, result.output
    text = target.read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text
    assert ",=HYPERLINK" not in text
    assert om.load(target) == _HOSTILE


def test_convert_to_standard_output(hostile):
    """TARGET - writes to standard output; --to says the format."""
    result = CliRunner().invoke(main, ["convert", str(hostile), "-", "--to", "yaml"])
    assert result.exit_code == EXIT_OK, result.output
    assert om.loads(result.stdout, format="yaml") == _HOSTILE


def test_convert_to_standard_output_needs_a_format(hostile):
    """TARGET - without --to is a usage error."""
    result = CliRunner().invoke(main, ["convert", str(hostile), "-"])
    assert result.exit_code == 2
    assert "give --to" in result.output


# -- Graphviz that hangs or crashes ------------------------------------------------------

_SLOW_DOT = """#!/bin/sh
echo $$ > "{pidfile}"
exec sleep 120
"""
_CRASHING_DOT = """#!/bin/sh
echo "Error: trouble in init_rank" >&2
kill -SEGV $$
"""


@pytest.fixture
def fake_graphviz(tmp_path):
    """A folder of fake Graphviz executables, first on PATH."""

    def make(script: str) -> dict[str, str]:
        folder = tmp_path / "bin"
        folder.mkdir(exist_ok=True)
        for name in ("dot", "neato"):
            exe = folder / name
            exe.write_text(script.format(pidfile=tmp_path / "dot.pid"))
            exe.chmod(0o755)
        return _env(PATH=f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")

    return make


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie has not been reaped yet but no longer runs.
    status = (
        Path(f"/proc/{pid}/stat").read_text().split()[2] if Path(f"/proc/{pid}").exists() else "X"
    )
    return status not in {"Z", "X"}


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_a_killed_render_leaves_no_graphviz_and_no_partial_file(tmp_path, fake_graphviz, how):
    """Killing orgmodel mid-render kills Graphviz too; the next run sweeps any partial file."""
    env = fake_graphviz(_SLOW_DOT)
    out = tmp_path / "charts"
    out.mkdir()
    pidfile = tmp_path / "dot.pid"
    with subprocess.Popen(  # noqa: S603 - our own interpreter
        _orgmodel("chart", str(EXAMPLE), "-o", str(out / "chart.svg")),
        stderr=subprocess.PIPE,
        env=env,
    ) as child:
        _wait_for(lambda: pidfile.exists() and pidfile.read_text().strip())
        dot = int(pidfile.read_text())
        child.send_signal(how)
        child.wait(timeout=_TIMEOUT)
    _wait_for(lambda: not _alive(dot), seconds=10)
    om.dump(om.Organization(name="next"), out / "next.yaml")  # the next write into the folder
    assert sorted(p.name for p in out.iterdir()) == ["next.yaml"]


def test_a_graphviz_crash_says_what_was_drawn_and_what_to_try(tmp_path, fake_graphviz):
    """A segfaulting Graphviz is reported with the drawing's size and the ways round it."""
    env = fake_graphviz(_CRASHING_DOT)
    done = subprocess.run(  # noqa: S603 - our own interpreter
        _orgmodel("chart", str(EXAMPLE), "-o", str(tmp_path / "chart.svg")),
        capture_output=True,
        text=True,
        env=env,
        timeout=_TIMEOUT,
        check=False,
    )
    assert done.returncode == EXIT_PROBLEMS
    message = done.stderr
    assert "crashed (SIGSEGV) while drawing chart.svg" in message
    for hint in ("--depth", "--root", "HTML chart"):
        assert hint in message
    assert "trouble in init_rank" in message
    assert [p.name for p in tmp_path.iterdir() if p.suffix in {".svg", ".partial"}] == []


def test_schema_to_a_dash_is_standard_output(tmp_path, monkeypatch):
    """`schema -o -` prints the schema rather than writing a file called '-'."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["schema", "-o", "-"])
    assert result.exit_code == EXIT_OK
    assert json.loads(result.stdout) == om.json_schema()
    assert list(tmp_path.iterdir()) == []


def test_a_target_name_too_long_is_one_line(tmp_path):
    """Converting to a 300-byte name is an error line, not an OSError traceback."""
    target = tmp_path / ("é" * 150 + ".json")
    result = CliRunner().invoke(main, ["convert", str(EXAMPLE), str(target)])
    assert result.exit_code == EXIT_PROBLEMS
    assert "file systems allow 255" in result.stderr
    assert "Traceback" not in result.output
