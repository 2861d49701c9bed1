"""Companies House "persons with significant control" (PSC) snapshots, read as a stream.

The snapshot is JSON lines, one record a line (``docs/psc.md`` has the whole
mapping)::

    {"company_number": "09876543", "data": {"kind": "individual-person-with-significant-control",
     "name": "...", "natures_of_control": ["ownership-of-shares-25-to-50-percent"],
     "links": {"self": "/company/09876543/persons-with-significant-control/individual/..."},
     "notified_on": "2016-04-06", ...}}

Each company becomes an :class:`~orgmodel.model.Entity` (id ``GB-COH-<number>``);
each PSC a holder with a stake in it: a :class:`~orgmodel.model.Person` for an
individual (id: its ``links.self``), an entity for a corporate or legal-person PSC
— the company's own entity when it names a UK registration number, so chains of
companies are looked through.  Natures of control become the stake's share, votes,
surplus assets (as profit share) and control rights, in the statutory bands with
their open and closed ends; what is held through a trust or a firm is a declared
indirect holding.  Ceased PSCs are left out unless ``as_of`` is a date on which
they were active.  Statements and exemptions are kept on the company's entity.

The file is read a line at a time, so a snapshot of millions of lines needs memory
for the organisation only.  Every bad line is reported with its number and field,
in one :class:`~orgmodel.ValidationError`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from orgmodel._speed.gc_pause import gc_paused
from orgmodel._speed.json_lines import line_parser
from orgmodel.io._files import reading
from orgmodel.io._psc_build import COMPANY_PREFIX, PscJointWarning, Snapshot
from orgmodel.io._psc_codes import KINDS
from orgmodel.model import Organization
from orgmodel.model.exceptions import OrgModelError
from orgmodel.model.problems import ProblemCode

__all__ = [
    "COMPANY_PREFIX",
    "MAX_LINE",
    "PscJointWarning",
    "from_psc_lines",
    "is_psc_file",
    "is_psc_line",
    "read_psc",
]

#: A line longer than this (in bytes, or characters for text) is refused unread.
MAX_LINE = 1 << 20
_BOM = "\ufeff"
_SNIFF = 1 << 16  # how much of a file is read to tell whether it is a PSC snapshot


def _as_of(value: object) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    msg = f"'as_of' must be a date or 'YYYY-MM-DD' text (got {value!r})"
    raise OrgModelError(msg)


def _read(snapshot: Snapshot, lines: Iterable[tuple[int, str | None]]) -> None:
    """Give each line to *snapshot*; the caller pauses the garbage collector."""
    parse = line_parser()
    for number, text in lines:
        if text is None:
            snapshot.number = number
            msg = f"a line of more than {MAX_LINE} characters is not a PSC record"
            snapshot.problem(ProblemCode.SYNTAX_ERROR, "", msg)
            continue
        try:
            record = parse(text)
        except (ValueError, RecursionError) as err:
            snapshot.number = number
            why = str(err)[:100] if isinstance(err, ValueError) else "nested too deeply"
            snapshot.problem(ProblemCode.SYNTAX_ERROR, "", f"not a JSON object: {why}")
            continue
        snapshot.line(number, record)


def _text_lines(lines: Iterable[str]) -> Iterator[tuple[int, str | None]]:
    for number, line in enumerate(lines, start=1):
        text = line.removeprefix(_BOM) if number == 1 else line
        if len(text) > MAX_LINE:
            yield number, None
        elif text.strip():
            yield number, text


def from_psc_lines(
    lines: Iterable[str], *, source: str = "<psc>", as_of: dt.date | str | None = None
) -> Organization:
    """Read PSC snapshot lines (one JSON object a line) into an organisation.

    Parameters
    ----------
    lines : iterable of str
        The lines; blank ones are skipped.  Taken one at a time, so a generator
        streams.
    source : str
        Where the lines came from, for the problems' places (``psc.txt:14``).
    as_of : date or str, optional
        Keep the PSCs, statements and exemptions that applied on this date (notified
        on or before it, not ceased by it); by default the current ones.

    Returns
    -------
    Organization
        Named after *source* (:func:`read_psc`: after the file's name).

    Raises
    ------
    ValidationError
        Listing every bad line with its number and field (at most
        :data:`~orgmodel.io._psc_build.MAX_PROBLEMS`, then a count).
    OrgModelError
        When *as_of* is not a date.

    Warns
    -----
    PscJointWarning
        When the PSCs of a company hold more than 100% between them; they are read
        as joint holders (``docs/psc.md``).

    Examples
    --------
    >>> lines = [
    ...     '{"company_number": "01234567", "data": {"kind": '
    ...     '"individual-person-with-significant-control", "name": "Ann Lee", '
    ...     '"natures_of_control": ["ownership-of-shares-25-to-50-percent"], '
    ...     '"links": {"self": "/company/01234567/persons-with-significant-control/individual/a1"},'
    ...     ' "notified_on": "2016-04-06"}}'
    ... ]
    >>> org = from_psc_lines(lines)
    >>> [(s.holder.rsplit("/", 1)[-1], s.entity, str(s.share)) for s in org.stakes]
    [('a1', 'GB-COH-01234567', '(25–50]%')]
    >>> from_psc_lines(['{"company_number": "1", "data": {"kind": "individual"}}'])
    Traceback (most recent call last):
    ...
    orgmodel.exceptions.ValidationError: 1 problem in <psc>:
      - <psc>:1, data.kind: unknown kind 'individual' [unknown-value]
    """
    snapshot = Snapshot(source, _as_of(as_of))
    with gc_paused():  # millions of records, none in a reference cycle
        _read(snapshot, _text_lines(lines))
        return snapshot.build(source)


def _file_lines(handle: BinaryIO, snapshot: Snapshot) -> Iterator[tuple[int, str | None]]:
    readline = handle.readline
    number = 0
    while True:
        raw = readline(MAX_LINE + 1)
        if not raw:
            return
        number += 1
        if len(raw) > MAX_LINE and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the line unread
                raw = readline(MAX_LINE)
            yield number, None
            continue
        try:
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as err:
            snapshot.number = number
            msg = f"not UTF-8 text (byte {raw[err.start]:#04x} at column {err.start + 1})"
            snapshot.problem(ProblemCode.SYNTAX_ERROR, "", msg)
            continue
        if text.strip():
            yield number, text


def read_psc(path: str | Path, *, as_of: dt.date | str | None = None) -> Organization:
    r"""Read a PSC snapshot file, a line at a time (see :func:`from_psc_lines`).

    The file may be as large as the register: only the organisation is kept in
    memory.

    Raises
    ------
    FileAccessError
        When the file cannot be read.
    ValidationError
        Listing every bad line with its number and field.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "psc.txt").write_text(
    ...     '{"company_number": "00000001", "data": {"kind": '
    ...     '"corporate-entity-person-with-significant-control", "name": "Hold Ltd", '
    ...     '"identification": {"registration_number": "2", "country_registered": "England"}, '
    ...     '"natures_of_control": ["voting-rights-75-to-100-percent"]}}\n'
    ... )
    >>> org = read_psc(folder / "psc.txt")
    >>> [(s.holder, str(s.voting)) for s in org.stakes]
    [('GB-COH-00000002', '75–100%')]
    >>> org.entity("GB-COH-00000002").name, org.name
    ('Hold Ltd', 'psc.txt')
    """
    where = Path(path)
    source = str(where)
    snapshot = Snapshot(source, _as_of(as_of))
    with reading(where), where.open("rb") as handle, gc_paused():
        _read(snapshot, _file_lines(handle, snapshot))
        # millions of records, none in a reference cycle: no collection until built
        return snapshot.build(where.name)


def is_psc_line(text: str) -> bool:
    """Whether *text* (one line) is a PSC snapshot record: ``company_number`` and a PSC kind.

    Examples
    --------
    >>> is_psc_line('{"company_number": "1", "data": {"kind": "exemptions"}}')
    True
    >>> is_psc_line('{"organization": "Acme"}'), is_psc_line("not json")
    (False, False)
    """
    try:
        record = json.loads(text.removeprefix(_BOM))
    except (ValueError, RecursionError):
        return False
    if type(record) is not dict:
        return False
    data = record.get("data")
    kind = data.get("kind") if type(data) is dict else None
    return (
        isinstance(kind, str)
        and kind in KINDS
        and ("company_number" in record or KINDS[kind].value == "totals")
    )


def is_psc_file(path: Path) -> bool:
    """Whether the first non-blank line of *path* is a PSC record; ``False`` if unreadable."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF)
    except OSError:
        return False
    for raw in head.split(b"\n"):
        if raw.strip():
            try:
                return is_psc_line(raw.decode("utf-8-sig"))
            except UnicodeDecodeError:
                return False
    return False
