"""``load``, ``loads``, ``dump`` and ``dumps``: one table of formats behind four functions.

Each :class:`Format` has one :class:`Codec` in :data:`CODECS` saying which file
suffixes it claims, how it reads and writes text and files, and which reading
options (``columns=``, ``sheet=``) it takes.  Adding a format is one enum member and
one table entry.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

import attrs

from orgmodel._atomic import checked_path, write_chunks_atomically
from orgmodel.io import _csv_write, _json, _yaml
from orgmodel.io._bods import from_bods, is_bods, to_bods
from orgmodel.io._files import check_text, decode, read_bytes, write_atomically
from orgmodel.io._mapping import build
from orgmodel.io._to_data import organization_sections
from orgmodel.io.directories import is_directory, read_directory, read_ldif_text
from orgmodel.io.tables import ReadOptions, read_csv_file, read_csv_text, read_xlsx
from orgmodel.io.tables._text import decode_table
from orgmodel.model import Organization
from orgmodel.model._arguments import organization_argument
from orgmodel.model.exceptions import OptionError, OrgModelError
from orgmodel.model.options import read_option

__all__ = ["CODECS", "Codec", "Format", "dump", "dumps", "format_of_path", "load", "loads"]


class Format(enum.Enum):
    """The file formats orgmodel reads and writes.

    Anywhere a format is asked for, its value (``"yaml"``) may be given instead.

    Examples
    --------
    >>> import orgmodel as om
    >>> om.Format("yaml") is om.Format.YAML
    True
    >>> org = om.Organization(name="Acme")
    >>> om.dumps(org, format=om.Format.JSON) == om.dumps(org, format="json")
    True
    """

    YAML = "yaml"
    JSON = "json"
    CSV = "csv"
    BODS = "bods"
    GRAPHML = "graphml"
    TSV = "tsv"
    XLSX = "xlsx"
    LDIF = "ldif"


@attrs.frozen
class Codec:
    """How one format is read and written.

    Attributes
    ----------
    suffixes : tuple of str
        File suffixes (lower case, with the dot) that mean this format.
    read_text : callable
        ``(text, source, options) -> Organization``.
    write_text : callable, optional
        ``(org) -> str``; ``None`` for formats orgmodel reads but does not write.
    read_file : callable, optional
        ``(path, options) -> Organization`` for formats that read more than one file;
        the default reads the file and calls *read_bytes* or *read_text*.
    write_file : callable, optional
        ``(org, path) -> None`` for formats that write more than one file; the
        default writes *write_text*'s result atomically.
    write_chunks : callable, optional
        ``(org) -> iterable of str``: the text a piece at a time, for formats that
        can stream a large organisation to a file without holding all of it; when
        given, files and :func:`dumps` use it instead of *write_text*.
    read_bytes : callable, optional
        ``(data, source, options) -> Organization`` for binary formats (Excel), and
        for text formats that sniff their encoding; the default decodes UTF-8.
    options : frozenset of str
        The reading options the format takes (``columns``, ``sheet``).
    """

    suffixes: tuple[str, ...]
    read_text: Callable[[str, str, ReadOptions], Organization]
    write_text: Callable[[Organization], str] | None
    read_file: Callable[[Path, ReadOptions], Organization] | None = None
    write_file: Callable[[Organization, Path], list[Path]] | None = None
    write_chunks: Callable[[Organization], Iterable[str]] | None = None
    read_bytes: Callable[[bytes, str, ReadOptions], Organization] | None = None
    options: frozenset[str] = frozenset()


def _read_yaml(text: str, source: str, _options: ReadOptions) -> Organization:
    document = _yaml.parse(text, source)
    return build(document.data, source=source, locate=document.locate)


def _read_json(text: str, source: str, _options: ReadOptions) -> Organization:
    data = _json.parse(text, source)
    if is_bods(data):  # an array of BODS statements: never orgmodel's own format
        return from_bods(data, source=source)
    if is_directory(data):  # SCIM, Microsoft Graph or Google Directory users
        return read_directory(data, source)
    return build(data, source=source, locate=_json.JsonLines(text).locate)


def _read_bods(text: str, source: str, _options: ReadOptions) -> Organization:
    return from_bods(_json.parse(text, source), source=source)


def _write_bods(org: Organization) -> str:
    return _json.dumps(to_bods(org))


def _read_graphml(text: str, source: str, _options: ReadOptions) -> Organization:
    from orgmodel.io import _graphml  # noqa: PLC0415 - networkx is slow to import

    return _graphml.read_text(text, source)


def _write_graphml(org: Organization) -> str:
    return "".join(_graphml_chunks(org))


def _graphml_chunks(org: Organization) -> Iterator[str]:
    from orgmodel.io import _graphml_stream  # noqa: PLC0415 - networkx is slow to import

    return _graphml_stream.graphml_chunks(org)


def _read_tsv_text(text: str, source: str, options: ReadOptions) -> Organization:
    return read_csv_text(text, source, options, delimiter="\t")


def _read_tsv_file(path: Path, options: ReadOptions) -> Organization:
    return read_csv_file(path, options, delimiter="\t")


def _read_table_bytes(data: bytes, source: str, options: ReadOptions) -> Organization:
    return read_csv_text(decode_table(data, source), source, options)


def _read_tsv_bytes(data: bytes, source: str, options: ReadOptions) -> Organization:
    return read_csv_text(decode_table(data, source), source, options, delimiter="\t")


def _read_ldif(text: str, source: str, _options: ReadOptions) -> Organization:
    return read_ldif_text(text, source)


def _binary_only(_text: str, source: str, _options: ReadOptions) -> Organization:
    msg = f"an Excel workbook is binary: give loads() its bytes, or load() the file ({source})"
    raise OrgModelError(msg)


def _write_yaml(org: Organization) -> str:
    return "".join(_yaml_chunks(org))


def _yaml_chunks(org: Organization) -> Iterator[str]:
    return _yaml.dump_chunks(organization_sections(org))


def _write_json(org: Organization) -> str:
    return "".join(_json_chunks(org))


def _json_chunks(org: Organization) -> Iterator[str]:
    return _json.dump_chunks(organization_sections(org))


#: The formats, one entry each.  Add a format here (and to :class:`Format`).
CODECS: dict[Format, Codec] = {
    Format.YAML: Codec((".yaml", ".yml"), _read_yaml, _write_yaml, write_chunks=_yaml_chunks),
    Format.JSON: Codec((".json",), _read_json, _write_json, write_chunks=_json_chunks),
    Format.CSV: Codec(
        (".csv",),
        read_csv_text,
        _csv_write.people_text,
        read_file=read_csv_file,
        write_file=_csv_write.write_file,
        read_bytes=_read_table_bytes,
        options=frozenset({"columns"}),
    ),
    Format.TSV: Codec(
        (".tsv", ".tab"),
        _read_tsv_text,
        None,
        read_file=_read_tsv_file,
        read_bytes=_read_tsv_bytes,
        options=frozenset({"columns"}),
    ),
    Format.XLSX: Codec(
        (".xlsx", ".xlsm"),
        _binary_only,
        None,
        read_bytes=read_xlsx,
        options=frozenset({"columns", "sheet"}),
    ),
    Format.LDIF: Codec((".ldif",), _read_ldif, None),
    # Other BODS files are plain .json: Format.JSON's reader hands a document that is
    # an array of BODS statements to the BODS reader.
    Format.BODS: Codec((".bods.json",), _read_bods, _write_bods),
    Format.GRAPHML: Codec(
        (".graphml",), _read_graphml, _write_graphml, write_chunks=_graphml_chunks
    ),
}


def format_of_path(path: Path) -> Format | None:
    """Return the format *path*'s name says, or ``None``; the longest suffix wins.

    Examples
    --------
    >>> format_of_path(Path("owners.bods.json")), format_of_path(Path("firm.JSON"))
    (<Format.BODS: 'bods'>, <Format.JSON: 'json'>)
    >>> format_of_path(Path("notes.txt")) is None
    True
    """
    name = path.name.lower()
    found: tuple[int, Format] | None = None
    for fmt, codec in CODECS.items():
        for suffix in codec.suffixes:
            longer = found is None or len(suffix) > found[0]
            if longer and name.endswith(suffix) and len(name) > len(suffix):
                found = (len(suffix), fmt)
    return found[1] if found is not None else None


def _allowed() -> str:
    return ", ".join(f.value for f in CODECS)


def _format(format: object, path: Path | None) -> Format:  # noqa: A002
    if format is not None:
        given = format.strip().lower().lstrip(".") if isinstance(format, str) else format
        return read_option(given, Format, "format")
    if path is None:
        msg = f"give the format; the formats are {_allowed()}"
        raise OrgModelError(msg)
    found = format_of_path(path)
    if found is not None:
        return found
    suffix = path.suffix.lower()
    suffixes = ", ".join(s for codec in CODECS.values() for s in codec.suffixes)
    msg = (
        f"cannot tell the format of {path} from its suffix {suffix or '(none)'!r}; "
        f"use one of {suffixes} or pass format= (one of {_allowed()})"
    )
    raise OrgModelError(msg)


def _path(path: object, action: str) -> Path:
    if not isinstance(path, str | os.PathLike):
        msg = f"path must be a string or a path (got {type(path).__name__})"
        raise OrgModelError(msg)
    return checked_path(path, action=action)


def _options(codec: Codec, fmt: Format, columns: object, sheet: object) -> ReadOptions:
    given = [name for name, value in (("columns", columns), ("sheet", sheet)) if value is not None]
    for name in given:
        if name not in codec.options:
            takes = [f.value for f, c in CODECS.items() if name in c.options]
            msg = f"{name}= applies to {', '.join(takes)} files, not {fmt.value}"
            raise OptionError(msg)
    return ReadOptions(columns=columns, sheet=sheet)  # type: ignore[arg-type]


def load(
    path: str | os.PathLike[str],
    *,
    format: Format | str | None = None,  # noqa: A002 - the public name DESIGN §4 fixes
    columns: Mapping[str, str] | None = None,
    sheet: str | None = None,
) -> Organization:
    r"""Load an organisation from a file: orgmodel's own formats or the data people have.

    Parameters
    ----------
    path : str or path-like
        The file.  For orgmodel's CSV layout, ``people.csv`` (sibling files beside it
        are read too).
    format : Format or str, optional
        A :class:`Format` or its value (``"yaml"``, ``"csv"``, ...); by default from
        the file's suffix: ``.yaml``/``.yml``, ``.json``, ``.csv``, ``.tsv``/``.tab``,
        ``.xlsx``/``.xlsm``, ``.bods.json``, ``.graphml``.  A ``.json`` file is read by
        its content: orgmodel's document, a BODS 0.4 array of statements, or a
        directory dump (SCIM, Microsoft Graph, Google Directory).
    columns : mapping of str to str, optional
        For tables (CSV, TSV, Excel): which header holds which field, overriding
        what is detected (``{"manager": "Supervisor Email"}``); the fields are the
        values of the synonym table in docs/bring-your-own-data.md.
    sheet : str, optional
        For Excel workbooks: the sheet to read (default: the first).

    Returns
    -------
    Organization
        For an HR export, ``org.warnings`` starts with a ``columns-detected``
        warning saying which column was read as what.

    Raises
    ------
    ValidationError
        Listing every problem in the file, each with its place.
    FileAccessError
        When the file cannot be read (missing, a directory, no permission).
    OptionError
        When *format* is not one of the formats.
    OrgModelError
        When the format cannot be told from the suffix, or an option does not apply
        to it.

    Examples
    --------
    >>> import tempfile, pathlib, orgmodel as om
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "firm.yaml").write_text(
    ...     "organization: Acme\npeople:\n  - {id: ann, name: Ann}\n"
    ... )
    >>> om.load(folder / "firm.yaml").person("ann").name
    'Ann'
    >>> _ = (folder / "hr.csv").write_text(
    ...     "Employee ID,Full Name,Job Title,Supervisor Email,Work Email,Department\n"
    ...     "1,Ann Lee,CEO,,ann@acme.test,Executive\n"
    ...     "2,Bo Chen,CFO,ann@acme.test,bo@acme.test,Finance\n"
    ... )
    >>> org = om.load(folder / "hr.csv")
    >>> org.person("2").manager, org.person("2").unit, [u.id for u in org.units]
    ('1', 'Finance', ['Executive', 'Finance'])
    >>> om.load(folder / "firm.txt")
    Traceback (most recent call last):
    ...
    orgmodel.exceptions.OrgModelError: cannot tell the format of ... use one of .yaml, ...
    """
    where = _path(path, "read")
    fmt = _format(format, where)
    codec = CODECS[fmt]
    options = _options(codec, fmt, columns, sheet)
    if codec.read_file is not None:
        return codec.read_file(where, options)
    if codec.read_bytes is not None:
        return codec.read_bytes(read_bytes(where), str(where), options)
    return codec.read_text(decode(read_bytes(where, utf8=True), str(where)), str(where), options)


def loads(
    text: str | bytes,
    *,
    format: Format | str,  # noqa: A002 - the public name DESIGN §4 fixes
    columns: Mapping[str, str] | None = None,
    sheet: str | None = None,
) -> Organization:
    r"""Load an organisation from text (or bytes) in the given format.

    For CSV, *text* is the content of ``people.csv`` (there are no sibling files).
    Bytes are read as a file's content would be (an Excel workbook is only bytes);
    *columns* and *sheet* are as for :func:`load`.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.loads('{"organization": "Acme", "people": []}', format="json")
    >>> org.name
    'Acme'
    >>> om.loads("id,name,title,manager_id\nann,Ann,CEO,\n", format="csv").person("ann").title
    'CEO'
    >>> org = om.loads("Name;Reports To\nAnn;\nBo;Ann\n", format="csv")
    >>> org.person("Bo").manager
    'Ann'
    """
    fmt = _format(format, None)
    codec = CODECS[fmt]
    options = _options(codec, fmt, columns, sheet)
    source = f"<{fmt.value} text>"
    if isinstance(text, bytes):
        if codec.read_bytes is not None:
            return codec.read_bytes(text, source, options)
        return codec.read_text(decode(text, source), source, options)
    return codec.read_text(check_text(_text(text), source), source, options)


def _text(text: object) -> str:
    if not isinstance(text, str):
        msg = f"text must be a string or bytes (got {type(text).__name__})"
        raise OrgModelError(msg)
    return text


def _writer(fmt: Format) -> Callable[[Organization], str]:
    write = CODECS[fmt].write_text
    if write is None:
        writable = ", ".join(f.value for f, c in CODECS.items() if c.write_text is not None)
        msg = f"orgmodel reads {fmt.value} but does not write it; write one of {writable}"
        raise OptionError(msg)
    return write


def dump(
    org: Organization,
    path: str | os.PathLike[str],
    *,
    format: Format | str | None = None,  # noqa: A002 - the public name DESIGN §4 fixes
    escape_formulas: bool = True,
) -> tuple[Path, ...]:
    """Write *org* to a file, atomically; return every file written.

    The file is written to a temporary file in the same folder and moved into
    place, so it is never left half-written; a large organisation is written a
    piece at a time.  For CSV, the sibling files the organisation needs are written
    beside ``people.csv`` (see the file-format docs), all of them or none, and each
    of them is in the result.  A symbolic link is followed (its file is replaced,
    the link kept); a device or a FIFO is written directly; a file with other hard
    links becomes a new file, so its other names keep the old content.

    Parameters
    ----------
    org : Organization
        What to write.
    path : str or path-like
        The file (``people.csv`` for CSV).
    format : Format or str, optional
        By default from the file's suffix.
    escape_formulas : bool
        CSV only: write a ``'`` before a cell starting with ``=``, ``+``, ``-``, ``@``,
        a tab or a carriage return, so spreadsheets do not run it as a formula
        (orgmodel reads the cell back without it).  Other formats ignore it.

    Returns
    -------
    tuple of Path
        Every file written, the main one last.

    Raises
    ------
    FileAccessError
        When the file cannot be written (the old file is left as it was).
    ValidationError
        When the organisation holds something the format cannot (NUL in CSV, a
        lone surrogate anywhere).

    Examples
    --------
    >>> import tempfile, pathlib, orgmodel as om
    >>> org = om.Organization(name="Acme", people=[om.Person("ann", "Ann")])
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> [p.name for p in om.dump(org, folder / "firm.json")]
    ['firm.json']
    >>> om.load(folder / "firm.json") == org
    True
    >>> [p.name for p in om.dump(om.example(), folder / "people.csv")]  # doctest: +ELLIPSIS
    ['organization.csv', 'vocabulary.csv', 'entities.csv', ..., 'people.csv']
    """
    organization_argument(org, "dump")
    where = _path(path, "write")
    fmt = _format(format, where)
    codec = CODECS[fmt]
    if fmt is Format.CSV:
        return tuple(_csv_write.write_file(org, where, escape_formulas=escape_formulas))
    if codec.write_file is not None:
        return tuple(codec.write_file(org, where))
    if codec.write_chunks is not None:
        write_chunks_atomically(where, codec.write_chunks(org))
    else:
        write_atomically(where, _writer(fmt)(org))
    return (where,)


def dumps(
    org: Organization,
    *,
    format: Format | str,  # noqa: A002
    escape_formulas: bool = True,
) -> str:
    """Return *org* as YAML or JSON text (CSV only when it is just people).

    *escape_formulas* is :func:`dump`'s, for CSV.

    Raises
    ------
    ValidationError
        When the text could not be read back: a lone surrogate, or CSV that would
        need sibling files.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(name="Acme", people=[om.Person("ann", "Ann")])
    >>> print(om.dumps(org, format="yaml"), end="")
    organization: Acme
    people:
    - id: ann
      name: Ann
      employment: employee
    >>> om.loads(om.dumps(org, format="json"), format="json") == org
    True
    """
    organization_argument(org, "dumps")
    fmt = _format(format, None)
    if fmt is Format.CSV:
        text = _csv_write.people_text(org, escape_formulas=escape_formulas)
    else:
        text = _writer(fmt)(org)
    return check_text(text, f"<{fmt.value} text>", writing=True)
