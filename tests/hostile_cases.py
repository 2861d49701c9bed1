"""The adversarial corpus: hostile inputs, each with the one outcome orgmodel must give.

Each :class:`Case` makes its input (a file of ``tests/hostile/``, a file generated
into a scratch folder, a device, a FIFO, or a call into the library) and says what
must happen: an :class:`~orgmodel.OrgModelError` with these problem codes (or of this
type), or a load whose result every format writes and reads back equal.
``tests/test_hostile.py`` runs each case in a fresh process under a time and memory
limit (``tests/hostile_runner.py``); a hang, a crash or a raw exception fails it.
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

import orgmodel as om

__all__ = ["CASES", "CORPUS", "Case"]

CORPUS = Path(__file__).parent / "hostile"
#: Every format orgmodel writes and reads back in full.
FORMATS = ("yaml", "json", "csv", "graphml")


@attrs.frozen
class Case:
    """One hostile input and the outcome it must have.

    Attributes
    ----------
    make : callable
        ``(scratch folder) -> action``: the action is a path to load (with
        :attr:`format`) or a callable that runs the case and returns an organisation
        to write and read back (or raises).
    codes : tuple of str
        The problem codes the ``ValidationError`` may have (at least one problem, each
        with one of these); empty when the case must load.
    error : str
        The type of ``OrgModelError`` expected instead of a ``ValidationError``.
    refused : tuple of str
        Formats whose writer must refuse the organisation (with a ValidationError).
    formats : tuple of str
        Formats to write and read back (all, unless the input is too large for some).
    ids : tuple of str
        When given, the ids the loaded people must have, in order.
    """

    make: Callable[[Path], Any]
    format: str | None = None
    codes: tuple[str, ...] = ()
    error: str = ""
    refused: tuple[str, ...] = ()
    formats: tuple[str, ...] = FORMATS
    ids: tuple[str, ...] = ()
    seconds: float = 120.0


def _corpus(name: str) -> Callable[[Path], Path]:
    def make(_scratch: Path) -> Path:
        return CORPUS / name

    make.corpus_file = name  # type: ignore[attr-defined]
    return make


def _write(name: str, text: str) -> Callable[[Path], Path]:
    def make(scratch: Path) -> Path:
        path = scratch / name
        path.write_text(text, encoding="utf-8")
        return path

    return make


def _nested(levels: int) -> Any:
    value: Any = "bottom"
    for _ in range(levels):
        value = {"d": value}
    return value


def _deep_json_cell(scratch: Path) -> Path:
    """people.csv whose ``:json`` attribute cell nests 150 levels."""
    path = scratch / "people.csv"
    cell = json.dumps(_nested(150), separators=(",", ":")).replace('"', '""')
    path.write_text(f'id,name,profile:json\nann,Ann,"{cell}"\n', encoding="utf-8")
    return path


def _deep_graphml_attribute(scratch: Path) -> Path:
    """A GraphML file whose node ``attributes`` JSON nests 150 levels."""
    org = om.Organization(name="Deep", people=[om.Person("ann", "Ann")])
    text = om.dumps(org, format="graphml")
    deep = json.dumps(_nested(150)).replace('"', "&quot;")
    path = scratch / "deep.graphml"
    path.write_text(text.replace(">{}</data>", f">{deep}</data>", 1), encoding="utf-8")
    return path


def _deep_json_attributes(scratch: Path) -> Path:
    """A JSON document whose attributes nest 600 levels (writers used to recurse)."""
    doc = {"people": [{"id": "ann", "name": "Ann", "attributes": {"x": _nested(600)}}]}
    path = scratch / "deep.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def _deep_brackets(scratch: Path) -> Path:
    path = scratch / "brackets.json"
    path.write_text("[" * 100_000, encoding="utf-8")
    return path


def _many_people_yaml(scratch: Path) -> Path:
    """250,000 people, no aliases at all: once refused as a 'billion laughs' file."""
    path = scratch / "big.yaml"
    lines = ["organization: Big", "people:", "  - {id: p0, name: Person 0, title: CEO}"]
    lines += [
        f"  - {{id: p{i}, name: Person {i}, title: Staff, manager: p{i // 10}}}"
        for i in range(1, 250_000)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _long_cycle(scratch: Path) -> Path:
    """A 500,000-person reporting cycle, as CSV."""
    n = 500_000
    path = scratch / "people.csv"
    rows = [f"p{i},P{i},,p{(i + 1) % n}" for i in range(n)]
    path.write_text("id,name,title,manager_id\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def _binary(scratch: Path) -> Path:
    path = scratch / "people.csv"
    path.write_bytes(b"id,name\n" + random.Random(7).randbytes(5_000_000))  # noqa: S311
    return path


def _fifo(scratch: Path) -> Path:
    path = scratch / "firm.yaml"
    os.mkfifo(path)
    return path


def _self_reference(_scratch: Path) -> Callable[[], om.Organization]:
    def run() -> om.Organization:
        loop: dict[str, Any] = {}
        loop["me"] = loop
        return om.io.organization_from_data(
            {"people": [{"id": "a", "name": "A", "attributes": loop}]}
        )

    return run


def _shared_exponentially(_scratch: Path) -> Callable[[], om.Organization]:
    def run() -> om.Organization:
        value: Any = ["x"]
        for _ in range(60):
            value = [value, value]
        return om.Organization(name="x", people=[om.Person("a", "A", attributes={"v": value})])

    return run


def _changed_after_building(_scratch: Path) -> Callable[[], om.Organization]:
    """Attributes made circular after validation: every writer must refuse, not recurse."""

    def run() -> om.Organization:
        org = om.Organization(name="x", people=[om.Person("a", "A", attributes={"k": []})])
        org.people[0].attributes["k"].append(org.people[0].attributes)
        return org

    return run


def _long_name_written(scratch: Path) -> Callable[[], object]:
    """Dump to a name of 150 'é': 300 bytes, over every file system's 255."""
    return lambda: om.dump(om.example(), scratch / ("é" * 150 + ".json"))


def _classified_ring(_scratch: Path) -> Callable[[], om.Organization]:
    """8,000 entities each holding 30% of the next, no focal entity (277 s once)."""
    n = 8_000

    def run() -> om.Organization:
        org = om.Organization(
            name="ring",
            people=[om.Person(f"p{i}", f"P{i}") for i in range(n)],
            entities=[om.Entity(f"e{i}", f"E{i}") for i in range(n)],
            stakes=[om.Stake(f"e{i}", f"e{(i + 1) % n}", om.Share.exact(0.3)) for i in range(n)]
            + [om.Stake(f"p{i}", f"e{i}", om.Share.exact(0.7)) for i in range(n)],
        )
        om.classify(org)
        return org

    return run


def _call(function: Callable[[], object]) -> Callable[[Path], Callable[[], object]]:
    return lambda _scratch: function


CASES: dict[str, Case] = {
    # -- hangs and blow-ups ----------------------------------------------------------
    "self-referencing-attribute": Case(_self_reference, codes=("wrong-type",), seconds=30),
    "exponentially-shared-attribute": Case(_shared_exponentially, codes=("wrong-type",)),
    "dev-zero": Case(lambda _s: Path("/dev/zero"), "yaml", error="FileAccessError", seconds=30),
    "dev-urandom": Case(lambda _s: Path("/dev/urandom"), "csv", error="FileAccessError"),
    "fifo-nobody-writes": Case(_fifo, "yaml", error="FileAccessError", seconds=60),
    "proc-file": Case(lambda _s: Path("/proc/version"), "yaml", codes=("wrong-type",)),
    "binary-as-csv": Case(_binary, codes=("syntax-error",)),
    "deep-brackets": Case(_deep_brackets, codes=("wrong-type",)),
    "billion-laughs": Case(_corpus("yaml-billion-laughs.yaml"), codes=("unsafe-input",)),
    "recursive-alias": Case(_corpus("yaml-recursive-alias.yaml"), codes=("unsafe-input",)),
    "python-tag": Case(_corpus("yaml-python-tag.yaml"), codes=("unsafe-input",)),
    "xml-entity-bomb": Case(_corpus("graphml-entity-bomb.graphml"), codes=("unsafe-input",)),
    "xml-external-entity": Case(_corpus("graphml-xxe.graphml"), codes=("unsafe-input",)),
    "share-of-spaces": Case(
        _corpus("yaml-share-of-spaces.yaml"), codes=("share-range",), seconds=30
    ),
    "classify-ring-8000": Case(_classified_ring, formats=("yaml", "json"), seconds=60),
    "reporting-cycle-500k": Case(_long_cycle, codes=("reporting-cycle",), seconds=240),
    # -- files orgmodel writes and must read back ----------------------------------------
    "yaml-integer-forms": Case(
        _corpus("yaml-integer-forms.yaml"),
        ids=("010", "0x1F", "0b101", "1_000", "1:30", "+5", "42"),
    ),
    "yaml-huge-hex": Case(_corpus("yaml-huge-hex.yaml")),
    "yaml-huge-decimal": Case(_corpus("yaml-huge-decimal.yaml"), codes=("wrong-type",)),
    "yaml-250k-people": Case(_many_people_yaml, formats=("yaml",), seconds=400),
    "hostile-names": Case(_corpus("hostile-names.json")),
    "nul-in-a-name": Case(_corpus("nul-in-a-name.json"), refused=("csv",)),
    "csv-formulas": Case(_corpus("csv-formulas.csv")),
    "csv-unclosed-quote": Case(_corpus("csv-unclosed-quote.csv"), codes=("syntax-error",)),
    "csv-json-cell-150-deep": Case(_deep_json_cell, codes=("wrong-type",)),
    "graphml-attribute-150-deep": Case(_deep_graphml_attribute, codes=("wrong-type",)),
    "json-attributes-600-deep": Case(_deep_json_attributes, codes=("wrong-type",)),
    # -- raw exceptions that must be OrgModelErrors --------------------------------------
    # libyaml refuses the escape itself (syntax-error); PyYAML's own parser reads it and
    # orgmodel refuses the surrogate (wrong-type).
    "yaml-surrogate-escape": Case(
        _corpus("yaml-surrogate-escape.yaml"), codes=("syntax-error", "wrong-type")
    ),
    "json-surrogate-escape": Case(_corpus("json-surrogate-escape.json"), codes=("wrong-type",)),
    "nul-in-a-path": Case(lambda s: s / "firm\x00.yaml", "yaml", error="FileAccessError"),
    "300-byte-name": Case(lambda s: s / ("a" * 300 + ".yaml"), "yaml", error="FileAccessError"),
    "300-byte-name-written": Case(_long_name_written, error="FileAccessError"),
    "share-of-ten-to-the-400": Case(
        _corpus("yaml-share-of-ten-to-the-400.yaml"), codes=("share-range",)
    ),
    "classify-none": Case(_call(lambda: om.classify(None)), codes=("wrong-type",)),  # type: ignore[arg-type]
    "organization-of-ints": Case(
        _call(lambda: om.Organization(name="x", people=[1])),  # type: ignore[list-item]
        codes=("wrong-type",),
    ),
    "attributes-changed-after-building": Case(_changed_after_building, refused=FORMATS, seconds=60),
}
