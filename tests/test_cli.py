"""The `orgmodel` command line, invoked as users do: exit statuses, output, files."""

from __future__ import annotations

import csv
import io
import json
import os
import shlex
import subprocess
import sys
import threading
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner

import orgmodel as om
from orgmodel.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, FORMATS, main
from orgmodel.cli.progress import Status

SRC = Path(__file__).resolve().parents[1] / "src"
COMMANDS = sorted(main.commands)
SVG = "{http://www.w3.org/2000/svg}"


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


def test_formats_are_the_librarys():
    """The formats offered by --format, --from and --to are the library's."""
    assert set(FORMATS) == {f.value for f in om.Format}


def test_help_imports_nothing_heavy():
    """`orgmodel --help` imports no networkx, scipy, numpy or graphviz (its speed: bench_cli)."""
    code = (
        "import sys\n"
        "from orgmodel.cli import main\n"
        "try:\n"
        "    main(['--help'], prog_name='orgmodel')\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = [m for m in ('networkx', 'scipy', 'numpy', 'graphviz', 'pandas', 'yaml')"
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


class FakeClock:
    """A clock that only moves when the spinner waits, and stops it after *frames* frames."""

    def __init__(self, frames: int) -> None:
        self.now = 100.0
        self.frames = frames
        self.waits = 0
        self.stopped = False
        self.finished = threading.Event()

    def __call__(self):
        return self.now

    def set(self):
        self.stopped = True

    def wait(self, timeout):
        self.now += timeout
        self.waits += 1
        done = self.stopped or self.waits > self.frames
        if done:
            self.finished.set()
        return done


def _spin(stream: io.StringIO, frames: int, **options: float) -> FakeClock:
    clock = FakeClock(frames)
    status = Status("Loading big.csv", stream=stream, clock=clock, stop=clock, **options)
    with status:
        if status.enabled:  # let the spinner draw its frames before the work "ends"
            assert clock.finished.wait(10)
    return clock


def test_status_is_silent_off_a_terminal():
    """No progress line is drawn when stderr is not a terminal."""
    stream = io.StringIO()
    clock = _spin(stream, frames=3, delay=0.0)
    assert stream.getvalue() == ""
    assert clock.waits == 0  # no spinner thread at all


def test_status_draws_each_frame_and_clears_on_a_terminal():
    """On a terminal each frame shows the label and the elapsed time; the end clears it."""
    stream = Terminal()
    _spin(stream, frames=3, delay=0.4, interval=0.1)
    assert stream.getvalue() == (
        "\r\x1b[K⠋ Loading big.csv… 0.4 s"
        "\r\x1b[K⠙ Loading big.csv… 0.5 s"
        "\r\x1b[K⠹ Loading big.csv… 0.6 s"
        "\r\x1b[K"
    )


def test_status_waits_before_showing():
    """Work that ends within the delay draws nothing, even on a terminal."""
    stream = Terminal()
    _spin(stream, frames=0, delay=5.0)
    assert stream.getvalue() == ""


# -- validate -------------------------------------------------------------------------

EXAMPLE = SRC / "orgmodel" / "data" / "acme-partners.yaml"

BAD_YAML = """\
organization: Broken LLP
people:
  - {id: ann, name: Ann, manger: bob}
  - {id: bob, name: Bob, manager: bbo}
stakes:
  - {holder: ann, entity: broken, share: 40}
entities:
  - {id: broken, name: Broken LLP, kind: llp}
"""

TWO_TOPS = """\
organization: Two tops
people:
  - {id: ann, name: Ann}
  - {id: bob, name: Bob}
"""


@pytest.fixture
def write(tmp_path):
    def _write(name: str, text: str) -> Path:
        path = Path(tmp_path) / name
        path.write_text(text, encoding="utf-8")
        return path

    return _write


def test_validate_good_file():
    """A valid file exits 0 and prints a summary on stdout, nothing on stderr."""
    result = run("validate", str(EXAMPLE))
    assert result.exit_code == EXIT_OK
    assert "ok — 40 people" in result.stdout
    assert result.stderr == ""


def test_validate_reports_every_problem_in_one_block(write):
    """A file with several problems exits 1 and lists each one with its place."""
    path = write("broken.yaml", BAD_YAML)
    result = run("validate", str(path))
    assert result.exit_code == EXIT_PROBLEMS
    assert result.stdout == ""
    err = result.stderr
    assert err.startswith("error: 3 problems in ")
    assert "people[0].manger" in err
    assert "did you mean 'manager'" in err
    assert "people[1].manager" in err
    assert "'bbo'" in err
    assert "stakes[0].share" in err
    assert '"40%"' in err
    assert "Traceback" not in err


def test_validate_syntax_error_has_line_and_column(write):
    """A YAML syntax error exits 1 with the line and column."""
    path = write("syntax.yaml", "organization: x\npeople: [\n")
    result = run("validate", str(path))
    assert result.exit_code == EXIT_PROBLEMS
    assert "line " in result.stderr
    assert "column " in result.stderr
    assert "[syntax-error]" in result.stderr


def test_validate_warnings_pass_unless_strict(write):
    """Warnings are printed but exit 0; with --strict they exit 1."""
    path = write("tops.yaml", TWO_TOPS)
    result = run("validate", str(path))
    assert result.exit_code == EXIT_OK
    assert "warning: 1 warning" in result.stderr
    assert "[several-roots]" in result.stderr
    strict = run("validate", "--strict", str(path))
    assert strict.exit_code == EXIT_PROBLEMS


def test_validate_csv(write):
    """people.csv is read by its suffix."""
    path = write("people.csv", "id,name,title,manager_id\nann,Ann,CEO,\nbob,Bob,COO,ann\n")
    result = run("validate", str(path))
    assert result.exit_code == EXIT_OK
    assert "2 people" in result.stdout


def test_validate_explicit_format(write):
    """--format reads a file whose name says nothing."""
    path = write("firm.txt", TWO_TOPS)
    assert run("validate", str(path)).exit_code == EXIT_USAGE
    assert run("validate", "--format", "yaml", str(path)).exit_code == EXIT_OK


def test_validate_directory_is_a_usage_error(tmp_path):
    """A directory is not a file: usage error."""
    result = CliRunner().invoke(main, ["validate", str(tmp_path)])
    assert result.exit_code == EXIT_USAGE


# -- convert --------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".json", ".yaml", ".yml", ".graphml"])
def test_convert_round_trips(tmp_path, suffix):
    """Converting to a format and back gives the same organisation."""
    there = tmp_path / f"acme{suffix}"
    back = tmp_path / "back.yaml"
    assert run("convert", str(EXAMPLE), str(there)).exit_code == EXIT_OK
    assert run("convert", str(there), str(back)).exit_code == EXIT_OK
    assert om.load(back) == om.load(EXAMPLE)


def test_convert_to_csv_writes_siblings(tmp_path):
    """people.csv gets its sibling files and loads back equal."""
    target = tmp_path / "people.csv"
    result = run("convert", str(EXAMPLE), str(target))
    assert result.exit_code == EXIT_OK
    assert (tmp_path / "stakes.csv").exists()
    assert om.load(target) == om.load(EXAMPLE)


def test_convert_says_what_it_wrote_on_stderr(tmp_path):
    """The written file is named on stderr; stdout stays empty for pipes."""
    target = tmp_path / "acme.json"
    result = run("convert", str(EXAMPLE), str(target))
    assert result.stdout == ""
    assert f"wrote {target}" in result.stderr


def test_convert_never_overwrites_its_input(tmp_path):
    """SOURCE and TARGET the same file is a usage error; the file is untouched."""
    path = tmp_path / "firm.yaml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    before = path.read_bytes()
    result = CliRunner().invoke(main, ["convert", str(path), str(path)])
    assert result.exit_code == EXIT_USAGE
    assert path.read_bytes() == before


def test_convert_unknown_target_suffix_is_a_usage_error(tmp_path):
    """A target whose name names no format is a usage error that lists the suffixes."""
    result = CliRunner().invoke(main, ["convert", str(EXAMPLE), str(tmp_path / "x.txt")])
    assert result.exit_code == EXIT_USAGE
    assert ".yaml" in result.output
    assert "--to" in result.output
    assert not (tmp_path / "x.txt").exists()


def test_convert_with_explicit_target_format(tmp_path):
    """--to writes the named format whatever the file is called."""
    target = tmp_path / "acme.out"
    assert run("convert", "--to", "json", str(EXAMPLE), str(target)).exit_code == EXIT_OK
    assert json.loads(target.read_text(encoding="utf-8"))["organization"] == "Acme Partners LLP"


def test_convert_bad_input_writes_nothing(write, tmp_path):
    """A source with problems exits 1 and no target file appears."""
    source = write("broken.yaml", BAD_YAML)
    target = tmp_path / "out.json"
    result = run("convert", str(source), str(target))
    assert result.exit_code == EXIT_PROBLEMS
    assert not target.exists()
    assert list(tmp_path.glob("*.partial")) == []


def test_convert_to_bods_json_writes_bods(tmp_path):
    """A target named .bods.json is written as BODS statements, not orgmodel JSON."""
    target = tmp_path / "owners.bods.json"
    assert run("convert", str(EXAMPLE), str(target)).exit_code == EXIT_OK
    statements = json.loads(target.read_text(encoding="utf-8"))
    assert isinstance(statements, list)
    assert {"statementId", "recordType"} <= set(statements[0])


def test_convert_bad_graphml_exits_1(write, tmp_path):
    """A file named .graphml that is not GraphML is an input problem."""
    source = write("broken.graphml", "<graphml><graph")
    result = run("convert", str(source), str(tmp_path / "out.yaml"))
    assert result.exit_code == EXIT_PROBLEMS
    assert "not a GraphML file" in result.stderr


# -- as a real process ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (["validate", str(EXAMPLE)], EXIT_OK),
        (["validate", "no-such-file.yaml"], EXIT_USAGE),
        (["frobnicate"], EXIT_USAGE),
    ],
)
def test_exit_status_as_a_process(args, status):
    """`python -m orgmodel` exits with the documented status."""
    done = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-m", "orgmodel", *args],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        check=False,
    )
    assert done.returncode == status, done.stderr


def test_problems_exit_1_as_a_process(write):
    """A broken file makes the process exit 1 with the block on stderr only."""
    path = write("broken.yaml", BAD_YAML)
    done = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-m", "orgmodel", "validate", str(path)],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        check=False,
    )
    assert done.returncode == EXIT_PROBLEMS
    assert done.stdout == ""
    assert "3 problems" in done.stderr


# -- classify -------------------------------------------------------------------------


def test_classify_table_has_a_reason_per_person():
    """The table lists every person once with a label and a one-line reason."""
    result = run("classify", str(EXAMPLE))
    assert result.exit_code == EXIT_OK
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["id", "name", "label", "partner", "coo", "reason"]
    body = lines[2:]
    assert len(body) == 40
    carol = next(line for line in body if line.startswith("carol "))
    assert "coo-like" in carol
    assert "holds no stake" in carol


def test_classify_labels_agree_with_the_library():
    """Each label printed is the label om.classify gives."""
    roles = om.classify(om.load(EXAMPLE))
    result = run("classify", "--format", "csv", str(EXAMPLE))
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {row["id"]: row["label"] for row in rows} == {
        pid: assessment.label.value for pid, assessment in roles.items()
    }


def test_classify_json_carries_the_evidence():
    """--format json gives each assessment with its evidence, each naming its axis."""
    result = run("classify", "--format", "json", str(EXAMPLE))
    data = json.loads(result.stdout)
    assert len(data) == 40
    alice = next(item for item in data if item["person"] == "alice")
    assert alice["label"] == "partner-like"
    assert {e["axis"] for e in alice["evidence"]} >= {"ownership", "focus"}


def test_classify_label_filter():
    """--label keeps only the people with the labels asked for."""
    result = run(
        "classify", "--format", "csv", "--label", "hybrid", "--label", "coo-like", str(EXAMPLE)
    )
    labels = {row["label"] for row in csv.DictReader(io.StringIO(result.stdout))}
    assert labels == {"hybrid", "coo-like"}


def test_classify_bad_label_is_a_usage_error():
    """An unknown --label value is a usage error listing the choices."""
    result = CliRunner().invoke(main, ["classify", "--label", "boss", str(EXAMPLE)])
    assert result.exit_code == EXIT_USAGE
    assert "partner-like" in result.output


def test_classify_bad_file_exits_1(write):
    """Problems in the file stop the classification with status 1."""
    result = run("classify", str(write("broken.yaml", BAD_YAML)))
    assert result.exit_code == EXIT_PROBLEMS
    assert result.stdout == ""


# -- chart ----------------------------------------------------------------------------


def test_chart_dot_source_needs_no_graphviz(tmp_path):
    """A .gv target gets the DOT source of the chart, with every person in it."""
    target = tmp_path / "acme.gv"
    result = run("chart", str(EXAMPLE), "-o", str(target))
    assert result.exit_code == EXIT_OK
    source = target.read_text(encoding="utf-8")
    assert source.startswith("digraph")
    assert "Carol Nguyen" in source


def test_chart_subtree(tmp_path):
    """--root and --depth draw only the part asked for."""
    target = tmp_path / "ops.gv"
    result = run("chart", str(EXAMPLE), "-o", str(target), "--root", "carol", "--depth", "1")
    assert result.exit_code == EXIT_OK
    source = target.read_text(encoding="utf-8")
    assert "Frank Osei" in source
    assert "Diana Reyes" not in source  # two levels below Carol
    assert "Alice Smith" not in source


def test_chart_unknown_root_is_a_usage_error(tmp_path):
    """A --root that is not a person is a usage error with a suggestion."""
    result = CliRunner().invoke(
        main, ["chart", str(EXAMPLE), "-o", str(tmp_path / "x.svg"), "--root", "carl"]
    )
    assert result.exit_code == EXIT_USAGE
    assert "did you mean 'carol'" in result.output
    assert not (tmp_path / "x.svg").exists()


def test_chart_needs_an_output():
    """-o is required."""
    assert CliRunner().invoke(main, ["chart", str(EXAMPLE)]).exit_code == EXIT_USAGE


@pytest.mark.exe
def test_chart_renders_svg(tmp_path):
    """An .svg target is rendered by Graphviz: one box per person in the reporting tree."""
    target = tmp_path / "acme.svg"
    result = run("chart", str(EXAMPLE), "-o", str(target))
    assert result.exit_code == EXIT_OK
    root = ET.parse(target).getroot()  # noqa: S314 - our own output
    nodes = [g for g in root.iter(f"{SVG}g") if g.get("class") == "node"]
    texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert "Carol Nguyen" in texts
    assert len(nodes) >= 39  # 39 people in the tree (George only holds a stake), and the legend


def test_chart_without_graphviz_exits_1(tmp_path, monkeypatch):
    """Rendering with no Graphviz on PATH is a readable error with the install command."""
    monkeypatch.setenv("PATH", str(tmp_path))
    result = run("chart", str(EXAMPLE), "-o", str(tmp_path / "acme.svg"))
    assert result.exit_code == EXIT_PROBLEMS
    assert "Graphviz" in result.stderr
    assert not (tmp_path / "acme.svg").exists()


# -- ownership ------------------------------------------------------------------------


def test_ownership_uk_psc_lists_owners_with_paths():
    """Under uk-psc the firm's beneficial owner is Alice, through her holding company."""
    result = run("ownership", str(EXAMPLE), "--regime", "uk-psc")
    assert result.exit_code == EXIT_OK
    out = result.stdout
    assert "Beneficial owners of Acme Partners LLP (acme) under uk-psc" in out
    assert "Alice Smith (alice): 30%" in out
    assert "AS Holdings Ltd (100%)" in out
    assert "george" in out  # in the look-through table


def test_ownership_threshold_without_regime():
    """--threshold 10% lets more people qualify."""
    result = run("ownership", str(EXAMPLE), "--threshold", "10%", "--format", "json")
    data = json.loads(result.stdout)
    owners = [o["person"] for o in data["beneficial_owners"]]
    assert owners[:2] == ["alice", "george"]
    assert "dev" in owners
    assert data["effective_ownership"]["alice"] == pytest.approx(0.3)


@pytest.mark.parametrize(
    "args",
    [
        ["--regime", "uk-psc", "--threshold", "10%"],
        ["--threshold", "ten"],
        ["--threshold", "20-30%"],
        ["--regime", "mars"],
        ["--entity", "acmee"],
    ],
)
def test_ownership_usage_errors(args):
    """Conflicting or malformed options are usage errors."""
    result = CliRunner().invoke(main, ["ownership", str(EXAMPLE), *args])
    assert result.exit_code == EXIT_USAGE


def test_ownership_without_focal_entity_asks_for_one(write):
    """With several entities and no focal one, --entity is asked for."""
    path = write(
        "two.yaml",
        "organization: x\nentities:\n  - {id: a, name: A}\n  - {id: b, name: B}\n",
    )
    result = CliRunner().invoke(main, ["ownership", str(path)])
    assert result.exit_code == EXIT_USAGE
    assert "--entity" in result.output
    assert run("ownership", str(path), "--entity", "a").exit_code == EXIT_OK


# -- demo -----------------------------------------------------------------------------


@pytest.mark.exe
def test_demo_prints_the_table_and_writes_the_charts(tmp_path):
    """The demo prints a reason per person and says where the charts are."""
    out = tmp_path / "demo"
    result = run("demo", "--out", str(out))
    assert result.exit_code == EXIT_OK
    text = result.stdout
    assert text.startswith("Acme Partners LLP: 40 people")
    assert "4 partner-like, 1 hybrid, 2 coo-like, 33 neither" in text
    sam = next(line for line in text.splitlines() if line.startswith("Sam Okafor"))
    assert "coo-like" in sam
    assert "holds no stake" in sam
    for name in ("org-chart.svg", "org-chart.png", "ownership-chart.svg", "ownership-chart.png"):
        assert (out / name).stat().st_size > 0
        assert str(out / name) in text


def test_demo_without_graphviz_writes_dot_source(tmp_path, monkeypatch):
    """Without Graphviz the demo still runs, writes DOT source and says how to render it."""
    monkeypatch.setenv("PATH", str(tmp_path))
    out = tmp_path / "demo"
    result = run("demo", "--out", str(out))
    assert result.exit_code == EXIT_OK
    assert (out / "org-chart.gv").read_text(encoding="utf-8").startswith("digraph")
    assert (out / "ownership-chart.gv").exists()
    assert "DOT source" in result.stdout


def test_demo_next_commands_name_files_that_exist_and_run(tmp_path, monkeypatch):
    """Every command the demo suggests names files that exist, and runs as printed."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path))  # DOT source only: fast and needs no Graphviz
    text = run("demo", "--out", "out").stdout
    suggested = text.split("\nNext:", 1)[1].splitlines()[1:]
    commands = [shlex.split(line.split(" > ")[0].split("  #")[0]) for line in suggested]
    assert [c[1] for c in commands] == ["validate", "classify", "chart", "ownership", "schema"]
    program = Path(commands[0][0])  # orgmodel is not on this PATH: its path is printed
    assert program.is_absolute(), program
    assert os.access(program, os.X_OK), program
    assert program.name == "orgmodel"
    assert {c[0] for c in commands} == {str(program)}
    assert (tmp_path / "out" / "acme-partners.yaml").is_file()
    for command in commands:
        for word in command:
            if word.endswith(".yaml"):
                assert (tmp_path / word).is_file(), word
        chart = command[1] == "chart"
        args = [a.replace(".svg", ".gv") if chart else a for a in command[1:]]
        assert run(*args).exit_code == EXIT_OK, command


def test_demo_next_commands_say_orgmodel_when_it_is_on_path(tmp_path, monkeypatch):
    """With this orgmodel on PATH (an activated environment) the commands say `orgmodel`."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", str(Path(sys.executable).parent))
    text = run("demo", "--out", "out").stdout
    suggested = text.split("\nNext:", 1)[1].splitlines()[1:]
    assert [line.split()[0] for line in suggested] == ["orgmodel"] * 5


def test_demo_default_directory(tmp_path, monkeypatch):
    """Without --out the charts go to ./orgmodel-demo/."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path))  # DOT source only: fast and needs no Graphviz
    assert run("demo").exit_code == EXIT_OK
    assert (tmp_path / "orgmodel-demo" / "org-chart.gv").exists()


def test_demo_output_directory_is_a_file_is_a_usage_error(tmp_path):
    """--out naming an existing file is a usage error."""
    target = tmp_path / "taken"
    target.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["demo", "--out", str(target)])
    assert result.exit_code == EXIT_USAGE


def test_convert_to_bods_and_back(tmp_path):
    """--to bods writes BODS statements; reading them back keeps the ownership."""
    source = Path(__file__).resolve().parents[1] / "docs" / "_examples" / "atlas.yaml"
    target = tmp_path / "atlas.json"
    assert run("convert", "--to", "bods", str(source), str(target)).exit_code == EXIT_OK
    statements = json.loads(target.read_text(encoding="utf-8"))
    assert {s["recordType"] for s in statements} == {"entity", "person", "relationship"}
    result = run("ownership", str(target), "--regime", "eu-amlr", "--format", "json")
    assert result.exit_code == EXIT_OK
    owners = [o["person"] for o in json.loads(result.stdout)["beneficial_owners"]]
    assert owners == ["hugo", "marta"]


@pytest.mark.parametrize("command", [["chart"], ["ownership"]])
def test_chart_file_of_unknown_kind_is_a_usage_error(command, tmp_path):
    """A chart file named .jpg is refused before any work, listing the kinds."""
    target = tmp_path / "chart.jpg"
    result = CliRunner().invoke(main, [*command, str(EXAMPLE), "-o", str(target)])
    assert result.exit_code == EXIT_USAGE
    assert ".svg" in result.output
    assert "Beneficial owners" not in result.output
    assert not target.exists()


def test_ownership_writes_the_chart(tmp_path):
    """-o also draws the ownership chart (DOT source here, so no Graphviz is needed)."""
    target = tmp_path / "owners.gv"
    result = run("ownership", str(EXAMPLE), "-o", str(target))
    assert result.exit_code == EXIT_OK
    assert "AS Holdings Ltd" in target.read_text(encoding="utf-8")
    assert f"wrote {target}" in result.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_help_examples_keep_their_lines(command):
    """Example blocks in --help are printed line by line, not rewrapped into a paragraph."""
    result = run(command, "--help")
    assert "\\b" not in result.output
    example_lines = [
        line for line in result.output.splitlines() if line.strip().startswith("orgmodel ")
    ]
    assert example_lines
    assert all(line.startswith("    orgmodel ") for line in example_lines)


def test_convert_to_csv_reports_every_file_it_wrote(tmp_path):
    """A CSV set is several files; convert names each of them."""
    target = tmp_path / "people.csv"
    result = run("convert", str(EXAMPLE), str(target))
    assert result.exit_code == EXIT_OK
    reported = [line.removeprefix("wrote ") for line in result.stderr.splitlines()]
    assert sorted(Path(p).name for p in reported) == sorted(p.name for p in tmp_path.iterdir())
    assert len(reported) == 7  # organization, vocabulary, entities, units, stakes, ...
