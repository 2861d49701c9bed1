"""A CSV organisation (people.csv and its siblings) is written all or nothing."""

from __future__ import annotations

import errno
import re
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import orgmodel as om
from orgmodel import _atomic_set
from orgmodel._atomic import finish_partial
from orgmodel._partials import sweep_partials

_OLD = om.Organization(
    name="Old LLP",
    people=[om.Person("ann", "Ann"), om.Person("bob", "Bob", manager="ann")],
    entities=[om.Entity("old", "Old LLP")],
    stakes=[om.Stake("ann", "old", om.Share.exact(1.0))],
    units=[om.Unit("ops", "Operations", head="bob")],
)
_NEW = om.Organization(
    name="New Ltd",
    people=[om.Person("cy", "Cy"), om.Person("di", "Di", manager="cy")],
    entities=[om.Entity("new", "New Ltd")],
    stakes=[om.Stake("cy", "new", om.Share.exact(0.6)), om.Stake("di", "new", om.Share.exact(0.4))],
    relationships=[om.Relationship("cy", om.RelationshipKind.CLIENT, "Globex")],
)


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def old_set(tmp_path):
    target = tmp_path / "people.csv"
    om.dump(_OLD, target)
    return target


def _fail_on(monkeypatch, name: str, error: OSError) -> None:
    """Make moving the partial file of *name* into place fail with *error*."""
    real = finish_partial

    def finish(partial: Path, target: Path) -> None:
        if target.name == name:
            raise error
        real(partial, target)

    monkeypatch.setattr(_atomic_set, "finish_partial", finish)


@pytest.mark.parametrize("failing", ["units.csv", "stakes.csv", "people.csv"])
def test_a_failed_move_puts_the_old_set_back(old_set, monkeypatch, failing):
    """When a file cannot be moved into place, those already moved are put back."""
    before = {p.name: p.read_bytes() for p in old_set.parent.iterdir()}
    _fail_on(monkeypatch, failing, PermissionError(errno.EPERM, "Operation not permitted"))
    with pytest.raises(om.FileAccessError, match=rf"cannot replace .*{re.escape(failing)}") as info:
        om.dump(_NEW, old_set)
    assert "the old files are as they were" in str(info.value)
    assert om.load(old_set) == _OLD
    assert {p.name: p.read_bytes() for p in old_set.parent.iterdir()} == before


def test_a_failed_write_touches_nothing(old_set, monkeypatch):
    """A disk that fills up while the new files are written leaves the old set whole."""
    before = {p.name: p.read_bytes() for p in old_set.parent.iterdir()}
    real = Path.write_bytes

    def write_bytes(self: Path, data: bytes) -> int:
        if ".stakes.csv." in self.name:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", write_bytes)
    with pytest.raises(om.FileAccessError, match="No space left"):
        om.dump(_NEW, old_set)
    assert {p.name: p.read_bytes() for p in old_set.parent.iterdir()} == before


def test_a_directory_in_the_way_touches_nothing(old_set):
    """A directory where a sibling file should go is found before anything is replaced."""
    (old_set.parent / "relationships.csv").mkdir()
    with pytest.raises(om.FileAccessError, match=r"relationships\.csv: it is a directory"):
        om.dump(_NEW, old_set)
    assert om.load(old_set) == _OLD


def test_a_good_write_leaves_only_the_set(old_set):
    """After a write there are the files of the set and nothing else: no lock, no partials."""
    om.dump(_NEW, old_set)
    assert om.load(old_set) == _NEW
    assert _names(old_set.parent) == [
        "entities.csv",
        "organization.csv",
        "people.csv",
        "relationships.csv",
        "stakes.csv",
        "units.csv",
    ]


def test_a_second_writer_waits_for_the_first(old_set, monkeypatch):
    """While one writer holds the set's lock, another waits and then gives up, naming it."""
    monkeypatch.setattr(_atomic_set, "LOCK_TIMEOUT", 0.5)
    script = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from orgmodel._atomic_set import set_lock
        with set_lock(Path({str(old_set)!r})):
            print("locked", flush=True)
            time.sleep(3)
        """
    )
    with subprocess.Popen(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True
    ) as holder:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(om.FileAccessError, match=f"process {holder.pid}"):
            om.dump(_NEW, old_set)
        assert om.load(old_set) == _OLD


def test_concurrent_writers_never_interleave(old_set):
    """Two processes writing different organisations to one set leave one of them whole."""
    script = textwrap.dedent(
        """
        import sys
        import orgmodel as om
        sys.path.insert(0, {tests!r})
        from test_csv_set import _NEW, _OLD
        org = _NEW if sys.argv[1] == "new" else _OLD
        for _ in range(15):
            om.dump(org, sys.argv[2])
        """
    ).format(tests=str(Path(__file__).parent))
    writers = [
        subprocess.Popen([sys.executable, "-c", script, which, str(old_set)])  # noqa: S603
        for which in ("new", "old")
    ]
    deadline = time.monotonic() + 120
    for writer in writers:
        assert writer.wait(max(1, deadline - time.monotonic())) == 0
    assert om.load(old_set) in (_OLD, _NEW)
    assert not any(name.endswith((".partial", ".lock")) for name in _names(old_set.parent))


def test_partial_files_of_a_killed_writer_are_swept(old_set):
    """A writer killed half-way leaves partial files that the next write removes."""
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = old_set.parent / f".stakes.csv.{dead.pid}-89abcdef.partial"
    stale.write_text("holder,entity\n")
    om.dump(_NEW, old_set)
    assert not stale.exists()
    assert sweep_partials(old_set.parent) == []
