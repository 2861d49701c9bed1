"""GraphML: the graph of :func:`orgmodel.to_networkx` as a file, read back losslessly.

What is written is the organisation's graph as ``networkx.write_graphml`` would
write it, streamed straight from the organisation and keeping exactly the text XML
cannot hold (:mod:`orgmodel.io._graphml_stream`); what is read goes through
:func:`orgmodel.from_networkx`, which checks every node and edge.  Gephi, yEd and
Cytoscape open the files.  A document that declares XML entities is refused before
it is parsed (entity expansion is the classic way to make a small XML file huge).

networkx takes a quarter of a second or more to import, and only this format needs
it among the loaders, so :mod:`orgmodel.io._api` imports this module when a GraphML
file is read or written.

Examples
--------
>>> import orgmodel as om
>>> org = om.Organization(name="Tiny", people=[om.Person("ann", "Ann")])
>>> text = om.dumps(org, format="graphml")
>>> text.startswith("<graphml")
True
>>> om.loads(text, format="graphml") == org
True
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import ParseError

import networkx as nx

from orgmodel.graph import from_networkx
from orgmodel.io._graphml_stream import graphml_chunks, restore
from orgmodel.model import Organization
from orgmodel.model.exceptions import ValidationError
from orgmodel.model.problems import Problem, ProblemCode

__all__ = ["read_text", "write_text"]

_ENTITY = re.compile(r"<!ENTITY", re.IGNORECASE)


def write_text(org: Organization) -> str:
    """Return the GraphML document of *org*'s graph (:mod:`orgmodel.io._graphml_stream`)."""
    return "".join(graphml_chunks(org))


def read_text(text: str, source: str) -> Organization:
    """Read the organisation in the GraphML document *text*."""
    if _ENTITY.search(text):
        problem = Problem(
            ProblemCode.UNSAFE_INPUT, source, "the document declares XML entities; refused"
        )
        raise ValidationError([problem], source=source)
    try:
        graph = restore(nx.parse_graphml(text, force_multigraph=True))
    except (ParseError, nx.NetworkXError, ValueError, KeyError, TypeError, IndexError) as err:
        problem = Problem(ProblemCode.SYNTAX_ERROR, source, f"not a GraphML file: {err}")
        raise ValidationError([problem], source=source) from err
    if not graph.is_directed():
        problem = Problem(
            ProblemCode.WRONG_TYPE, source, "the graph is undirected; orgmodel writes directed"
        )
        raise ValidationError([problem], source=source)
    try:
        return from_networkx(graph)
    except ValidationError as err:
        raise ValidationError(err.problems, source=source) from err
