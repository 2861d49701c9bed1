"""The adversarial corpus, each case in its own process under a time and memory limit.

Every hostile input must end in its one expected outcome (``tests/hostile_cases.py``):
an ``OrgModelError`` with the expected problem codes, or a load whose organisation
every format writes and reads back equal (or refuses clearly).  A hang (past the
case's seconds), a blow-up (past 3 GiB of address space) or any other exception fails.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from hostile_cases import CASES, FORMATS

_RUNNER = Path(__file__).parent / "hostile_runner.py"
_SRC = Path(__file__).resolve().parents[1] / "src"
_MEMORY = 3 << 30  # bytes of address space
_LONGEST_MESSAGE = 1000  # characters: a problem names a few ids, never thousands


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (_MEMORY, _MEMORY))


def _run(name: str, scratch: Path) -> dict[str, Any]:
    env = {"PYTHONPATH": str(_SRC), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    done = subprocess.run(  # noqa: S603 - our own interpreter and runner
        [sys.executable, str(_RUNNER), name, str(scratch)],
        capture_output=True,
        text=True,
        timeout=CASES[name].seconds,
        preexec_fn=_limits,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    outcome: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return outcome


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=pytest.mark.slow) if case.seconds > 120 else name
        for name, case in CASES.items()
    ],
)
def test_hostile_case(name, tmp_path):
    """The case ends in its expected outcome, within its time and memory."""
    case = CASES[name]
    outcome = _run(name, tmp_path)
    if case.codes or case.error:
        assert outcome["outcome"] == "error", outcome
        if case.error:
            assert outcome["type"] == case.error
        else:
            assert outcome["type"] == "ValidationError"
            assert outcome["codes"], outcome
            assert set(outcome["codes"]) <= set(case.codes), outcome["codes"]
        assert outcome["longest"] < _LONGEST_MESSAGE
        return
    assert outcome["outcome"] == "loaded", outcome
    expected = {fmt: "refused" if fmt in case.refused else "equal" for fmt in case.formats}
    assert outcome["formats"] == expected
    if case.ids:
        assert outcome["ids"] == list(case.ids)


def test_every_file_of_the_corpus_has_a_case():
    """Every file of tests/hostile/ is the input of a case."""
    used = {getattr(case.make, "corpus_file", None) for case in CASES.values()}
    on_disk = {p.name for p in (Path(__file__).parent / "hostile").iterdir()}
    assert on_disk <= used
    assert set(FORMATS) == {"yaml", "json", "csv", "graphml"}
