"""Atomic writes and what they write over: devices, FIFOs, links, stale partial files."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import orgmodel as om
from orgmodel import _atomic
from orgmodel._atomic import write_chunks_atomically, write_text_atomically
from orgmodel._partials import sweep_partials

_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _a_character_device(tmp_path: Path) -> Path:
    """A null device of our own as root (so a bug cannot replace /dev/null), else /dev/null."""
    if not _ROOT:
        return Path("/dev/null")  # nobody else may replace it, so the test stays safe
    device = tmp_path / "null"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    return device


def test_a_character_device_is_written_through_not_replaced(tmp_path):
    """Writing to a device (as root, where rename would succeed) keeps the device."""
    device = _a_character_device(tmp_path)
    write_text_atomically(device, "organization: x\n")
    assert stat.S_ISCHR(device.stat().st_mode)


def test_a_full_device_is_a_file_access_error():
    """/dev/full reports the disk-full error as a FileAccessError."""
    with pytest.raises(om.FileAccessError, match="No space left"):
        write_text_atomically("/dev/full", "x")


def test_a_fifo_with_a_reader_gets_the_text(tmp_path):
    """A FIFO is written directly, in order, to whoever reads it."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with fifo.open("rb") as pipe:  # blocks until the writer opens it
            received.append(pipe.read())

    reader = threading.Thread(target=read)
    reader.start()
    deadline = time.monotonic() + 10
    while True:  # until the reader is in open(): before that nobody reads the FIFO
        try:
            write_chunks_atomically(fifo, ["a\n", "b\n"])
            break
        except om.FileAccessError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    reader.join(10)
    assert received == [b"a\nb\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_fifo_nobody_reads_is_refused_at_once(tmp_path):
    """Writing into a FIFO without a reader fails with a message instead of blocking."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(om.FileAccessError, match="nothing is reading it"):
        write_text_atomically(fifo, "x")


def test_a_symlink_keeps_its_link_and_its_file_is_replaced(tmp_path):
    """The file a link points to gets the new text; the link stays a link."""
    real = tmp_path / "real.yaml"
    real.write_text("old")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    write_text_atomically(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.yaml", "real.yaml"]


def test_a_dangling_symlink_gets_its_file(tmp_path):
    """A link to a file that does not exist yet creates that file."""
    link = tmp_path / "link.yaml"
    link.symlink_to(tmp_path / "later.yaml")
    write_text_atomically(link, "new")
    assert link.is_symlink()
    assert (tmp_path / "later.yaml").read_text() == "new"


def test_a_hard_link_keeps_the_old_content_as_documented(tmp_path):
    """Replacing a file with other hard links leaves them the old content (documented)."""
    first = tmp_path / "a.yaml"
    first.write_text("old")
    other = tmp_path / "b.yaml"
    os.link(first, other)
    write_text_atomically(first, "new")
    assert (first.read_text(), other.read_text()) == ("new", "old")
    assert "hard links" in (_atomic.__doc__ or "")


@pytest.mark.parametrize("name", ["/dev/stdout", "/dev/stderr", "/dev/fd/3", "/proc/self/fd/1"])
def test_descriptor_paths_are_written_to_their_descriptor(name):
    """/dev/stdout and its kin are open descriptors, never files to replace."""
    assert _atomic.classify_target(Path(name))[0] is _atomic.Target.DESCRIPTOR


def test_a_descriptor_path_appends_where_the_shell_said(tmp_path):
    """/dev/fd/1 is the open descriptor: a `>>` redirection is appended to, not replaced."""
    out = tmp_path / "out.txt"
    out.write_text("first\n")
    code = "from orgmodel._atomic import write_text_atomically as w; w('/dev/fd/1', 'second\\n')"
    with out.open("a") as handle:
        subprocess.run([sys.executable, "-c", code], stdout=handle, check=True)  # noqa: S603
    assert out.read_text() == "first\nsecond\n"


def test_a_socket_is_refused(tmp_path):
    """A Unix socket is not a file and is not written over."""
    where = tmp_path / "s"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(where))
        with pytest.raises(om.FileAccessError, match="socket"):
            write_text_atomically(where, "x")
        assert stat.S_ISSOCK(where.stat().st_mode)
    finally:
        server.close()


@pytest.mark.parametrize(
    ("name", "pattern"),
    [("a\x00b.yaml", "NUL character"), ("a" * 300 + ".yaml", "305 bytes long")],
)
def test_impossible_names_are_file_access_errors(tmp_path, name, pattern):
    """A NUL or an over-long name is a FileAccessError, for reading and for writing."""
    org = om.Organization(name="x")
    with pytest.raises(om.FileAccessError, match=pattern):
        om.dump(org, tmp_path / name, format="yaml")
    with pytest.raises(om.FileAccessError, match=pattern):
        om.load(tmp_path / name, format="yaml")


def test_the_longest_name_can_be_written(tmp_path):
    """A 255-byte name works: the temporary name beside it is cut to fit."""
    target = tmp_path / ("a" * 250 + ".yaml")
    om.dump(om.Organization(name="x"), target)
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_a_folder_that_takes_no_files_says_so():
    """/proc exists but takes no new files: the message does not claim it is missing."""
    with pytest.raises(om.FileAccessError, match="does not take new files"):
        write_text_atomically("/proc/orgmodel-test.yaml", "x")


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_stale_partial_files_are_swept(tmp_path):
    """Partial files of processes that no longer run are removed by the next write."""
    stale = tmp_path / f".chart.svg.{_dead_pid()}-0123abcd.partial"
    stale.write_bytes(b"half a chart")
    write_text_atomically(tmp_path / "other.txt", "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.txt"]


def test_live_and_foreign_partial_files_are_kept(tmp_path):
    """A running process's partial file, and files that only look similar, are left."""
    live = tmp_path / f".chart.svg.{os.getppid()}-0123abcd.partial"
    mine = tmp_path / "notes.partial"
    for path in (live, mine):
        path.write_bytes(b"x")
    assert sweep_partials(tmp_path) == []
    assert live.exists()
    assert mine.exists()


def test_old_style_partial_files_are_swept_when_old(tmp_path):
    """mkstemp-named partial files of earlier versions go once they are an hour old."""
    old = tmp_path / ".firm.yaml.k3j_x9a2.partial"
    fresh = tmp_path / ".firm.yaml.q8w2e4r6.partial"
    for path in (old, fresh):
        path.write_bytes(b"x")
    os.utime(old, (0, 0))
    assert sweep_partials(tmp_path) == [old]
    assert fresh.exists()


def test_a_replaced_file_keeps_its_mode(tmp_path):
    """The new file gets the permissions of the one it replaces."""
    target = tmp_path / "firm.yaml"
    target.write_text("old")
    target.chmod(0o640)
    write_text_atomically(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_lone_surrogate_leaves_the_old_file(tmp_path):
    """A chunk UTF-8 cannot encode stops the write; the old file stays, nothing is left."""
    target = tmp_path / "firm.yaml"
    target.write_text("old")
    with pytest.raises(om.ValidationError, match="lone surrogate"):
        write_chunks_atomically(target, ["fine\n", "bad \udc80\n"])
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["firm.yaml"]
