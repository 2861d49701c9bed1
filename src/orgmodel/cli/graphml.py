"""GraphML for the command line: the graph of :func:`orgmodel.to_networkx` as a file.

Imported only by the commands that need it, since networkx is slow to import.

Examples
--------
>>> import tempfile, pathlib
>>> import orgmodel as om
>>> org = om.Organization(name="Tiny", people=[om.Person("ann", "Ann")])
>>> with tempfile.TemporaryDirectory() as tmp:
...     path = pathlib.Path(tmp) / "tiny.graphml"
...     write_graphml(org, path)
...     read_graphml(path) == org
True
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import ParseError

import networkx as nx

import orgmodel as om
from orgmodel._atomic import write_chunks_atomically
from orgmodel.io._files import decode, read_bytes
from orgmodel.io._graphml_stream import graphml_chunks, restore
from orgmodel.model.exceptions import ValidationError
from orgmodel.model.problems import Problem, ProblemCode

__all__ = ["read_graphml", "write_graphml"]


def write_graphml(org: om.Organization, path: Path) -> None:
    """Write the graph of *org* to *path* as GraphML, atomically, a piece at a time.

    Text XML cannot hold is kept exactly (:mod:`orgmodel.io._graphml_stream`).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import orgmodel as om
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = pathlib.Path(tmp) / "x.graphml"
    ...     write_graphml(om.Organization(name="x"), path)
    ...     "<graphml" in path.read_text(encoding="utf-8")
    True
    """
    write_chunks_atomically(path, graphml_chunks(org))


def read_graphml(path: Path) -> om.Organization:
    """Read an organisation from a GraphML file written by :func:`write_graphml`.

    Raises
    ------
    ValidationError
        When the file is not GraphML, or not a graph orgmodel can read back.
    FileAccessError
        When the file cannot be read.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = pathlib.Path(tmp) / "bad.graphml"
    ...     _ = path.write_text("<graphml", encoding="utf-8")
    ...     read_graphml(path)
    Traceback (most recent call last):
    ...
    orgmodel.exceptions.ValidationError: 1 problem in .../bad.graphml:
    ...
    """
    text = decode(read_bytes(path), str(path))
    try:
        graph = restore(nx.parse_graphml(text, force_multigraph=True))
    except (ParseError, nx.NetworkXError, ValueError, KeyError, TypeError, IndexError) as err:
        problem = Problem(ProblemCode.SYNTAX_ERROR, str(path), f"not a GraphML file: {err}")
        raise ValidationError([problem], source=str(path)) from err
    if not graph.is_directed():
        problem = Problem(
            ProblemCode.WRONG_TYPE, str(path), "the graph is undirected; orgmodel writes directed"
        )
        raise ValidationError([problem], source=str(path))
    try:
        return om.from_networkx(graph)
    except ValidationError as err:
        raise ValidationError(err.problems, source=str(path)) from err
