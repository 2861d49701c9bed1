"""The two conversions between an organisation and its NetworkX graph.

The shape of the graph (every node and edge kind and attribute) is documented in
one place, :mod:`orgmodel.graph`; this module holds the functions, which the
package re-exports.
"""

from __future__ import annotations

import networkx as nx

from orgmodel.graph.build import build_graph
from orgmodel.graph.read import read_graph
from orgmodel.model._arguments import organization_argument
from orgmodel.model.organization import Organization

__all__ = ["from_networkx", "to_networkx"]


def to_networkx(org: Organization) -> nx.MultiDiGraph:
    """Return *org* as a ``networkx.MultiDiGraph`` with plain, GraphML-safe attributes.

    The node and edge attributes are listed in the module docstring
    (:mod:`orgmodel.graph`).

    Parameters
    ----------
    org : Organization
        A validated organisation.

    Returns
    -------
    networkx.MultiDiGraph
        A new graph; changing it does not change *org*.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="Acme",
    ...     people=[
    ...         om.Person("ann", "Ann", unit="ops"),
    ...         om.Person("bob", "Bob", manager="ann", dotted=["cy"]),
    ...         om.Person("cy", "Cy", manager="ann"),
    ...     ],
    ...     units=[om.Unit("ops", "Operations", head="ann")],
    ... )
    >>> g = om.to_networkx(org)
    >>> g.graph["name"], g.number_of_nodes(), g.number_of_edges()
    ('Acme', 4, 4)
    >>> sorted((u, v, d["line"]) for u, v, d in g.edges(data=True) if d["kind"] == "reports_to")
    [('bob', 'ann', 'solid'), ('bob', 'cy', 'dotted'), ('cy', 'ann', 'solid')]
    >>> g.nodes["ops"]["head"]
    'ann'
    """
    organization_argument(org, "to_networkx")
    return build_graph(org)


def from_networkx(graph: nx.MultiDiGraph) -> Organization:
    """Rebuild an :class:`~orgmodel.model.Organization` from a graph of :func:`to_networkx`.

    The exact inverse of :func:`to_networkx`: ``from_networkx(to_networkx(org)) == org``
    with records in their original order.  Attributes it does not know are ignored.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A graph with the node and edge attributes listed in :mod:`orgmodel.graph`,
        from :func:`to_networkx`, ``networkx.read_graphml`` or built by hand.

    Returns
    -------
    Organization
        The validated organisation.

    Raises
    ------
    ValidationError
        Listing every problem with the graph (missing or unknown ``kind``, attributes
        of the wrong type, edges between the wrong kinds of node), or, once the
        records are read, every problem with the organisation itself.

    Examples
    --------
    >>> import networkx as nx
    >>> import orgmodel as om
    >>> g = nx.MultiDiGraph(name="Two")
    >>> g.add_node("ann", kind="person", name="Ann")
    >>> g.add_node("bob", kind="person", name="Bob")
    >>> _ = g.add_edge("bob", "ann", kind="reports_to", line="solid")
    >>> om.from_networkx(g).person("bob").manager
    'ann'
    >>> g.add_node("cy", kind="persn", name="Cy")
    >>> om.from_networkx(g)
    Traceback (most recent call last):
    ...
    orgmodel.exceptions.ValidationError: 1 problem in graph:
      - nodes['cy'].kind: 'kind' of nodes['cy'] must be one of 'person', ... (got 'persn') ...
    """
    return read_graph(graph)
