"""Reading never trusts a file's size: devices, FIFOs, /proc and binary files."""

from __future__ import annotations

import os
import threading
import time
import tracemalloc
from pathlib import Path

import pytest

import orgmodel as om
from orgmodel.io import _files


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_is_refused_before_reading(device):
    """/dev/zero and other devices (size 0) are refused at once, not read until memory ends."""
    with pytest.raises(om.FileAccessError, match="is a device"):
        om.load(device, format="yaml")


def test_a_proc_file_of_size_zero_is_read_whole():
    """A /proc file reports size 0 but has content; it is read to its end."""
    data = _files.read_bytes(Path("/proc/self/status"))
    assert b"Name:" in data


def test_a_silent_fifo_is_given_up_on(tmp_path, monkeypatch):
    """A FIFO nobody writes to is an error after FIFO_WAIT seconds, never a hang."""
    monkeypatch.setattr(_files, "FIFO_WAIT", 0.3)
    fifo = tmp_path / "firm.yaml"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(om.FileAccessError, match="nothing was written to it"):
        om.load(fifo)
    assert time.monotonic() - started < 10


def test_a_fifo_with_a_writer_is_read(tmp_path):
    """A FIFO that a process writes to (a little later) is read to its end."""
    fifo = tmp_path / "firm.yaml"
    os.mkfifo(fifo)

    def write() -> None:
        time.sleep(0.2)
        with fifo.open("w", encoding="utf-8") as pipe:
            pipe.write("organization: Piped\n")

    writer = threading.Thread(target=write)
    writer.start()
    try:
        assert om.load(fifo).name == "Piped"
    finally:
        writer.join(5)


def test_a_binary_file_is_refused_at_its_first_block(tmp_path):
    """A large binary file is refused as soon as a block shows it, without reading it all."""
    path = tmp_path / "firm.yaml"
    with path.open("wb") as out:
        out.write(b"organization: x\n\xff\xfe")
        out.write(os.urandom(1 << 20) * 64)  # 64 MiB
    tracemalloc.start()
    try:
        with pytest.raises(om.ValidationError, match="not UTF-8"):
            om.load(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 << 20


def test_a_file_over_the_limit_is_refused(tmp_path, monkeypatch):
    """A file larger than MAX_FILE_BYTES is refused, whatever its size says."""
    monkeypatch.setattr(_files, "MAX_FILE_BYTES", 100)
    path = tmp_path / "firm.yaml"
    path.write_text("organization: x\n" * 20)
    with pytest.raises(om.FileAccessError, match="larger than the 100 bytes"):
        om.load(path)


def test_nul_is_found_with_its_line(tmp_path):
    """A NUL in a file is reported with its line."""
    path = tmp_path / "firm.yaml"
    path.write_bytes(b"organization: x\npeople: []\n\x00\n")
    with pytest.raises(om.ValidationError, match="NUL") as info:
        om.load(path)
    assert info.value.problems[0].location == "line 3"
