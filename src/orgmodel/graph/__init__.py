"""The organisation as a NetworkX graph, and back again, losslessly.

:func:`to_networkx` turns an :class:`~orgmodel.model.Organization` into a
``networkx.MultiDiGraph`` that the analyses (and any NetworkX algorithm) work on;
:func:`from_networkx` is its exact inverse: ``from_networkx(to_networkx(org)) == org``,
with every record in its original order.

Every attribute is a plain ``str``, ``int``, ``float`` or ``bool``, so the graph can be
written with ``networkx.write_graphml`` (or GEXF, or JSON) as it is.  An optional value that
is absent (``None`` in the model) is left out rather than stored as ``None``.

Nodes
-----
One node per person, entity and unit, keyed by its id, and one per outside
counterparty of a relationship, keyed ``"ext:" + name`` (ids starting with ``ext:``
are reserved by validation).  Nodes are added in the order people, entities, units,
counterparties (each in model order), and :func:`from_networkx` reads people,
entities and units back in node order.

==============  ======================  =====  ==========================================
node kind       attribute               type   meaning
==============  ======================  =====  ==========================================
every node      ``kind``                str    a :class:`NodeKind` value
person          ``name``                str    display name
person          ``title``               str    job title
person          ``employment``          str    an :class:`~orgmodel.model.Employment` value
person          ``responsibilities``    str    JSON list of tag names, in order
person          ``attributes``          str    JSON object of free attributes
person          ``vacant``              bool   ``True`` for a vacant post; absent when
                                               the post is filled
entity          ``name``                str    registered name
entity          ``entity_kind``         str    an :class:`~orgmodel.model.EntityKind` value
entity          ``attributes``          str    JSON object
unit            ``name``                str    display name
unit            ``function``            str    free text
unit            ``head``                str    id of the unit's head; absent when none
unit            ``attributes``          str    JSON object
counterparty    ``name``                str    the counterparty's name as written
==============  ======================  =====  ==========================================

A person's unit, manager and dotted managers, and a unit's parent, are edges.

Edges
-----
Every edge has a ``kind`` attribute (an :class:`EdgeKind` value) and its key is the
same string, so ``graph.edges["bob", "alice", "reports_to"]`` finds a line.  A
second stake of one holder in one entity (or a second relationship of one person
with one counterparty) gets the key ``"owns#2"`` (``"relates_to#2"``), and so on.

==============  ======================  =====  ==========================================
edge kind       attribute               type   meaning
==============  ======================  =====  ==========================================
reports_to      (direction)                    report → manager
reports_to      ``line``                str    ``solid`` or ``dotted``
reports_to      ``order``               int    dotted only: position among the
                                               person's dotted managers
owns            (direction)                    holder (person or entity) → entity
owns            ``share_min``           float  lower bound of the economic share
owns            ``share_max``           float  upper bound (equal when exact)
owns            ``voting_min``          float  voting rights, lower bound; absent when
                                               not recorded (likewise ``voting_max``)
owns            ``profit_share_min``    float  profit share, lower bound; absent when
                                               not recorded (likewise ``_max``)
owns            ``liability``           str    ``limited`` or ``unlimited``; absent
                                               when not recorded
owns            ``attributes``          str    JSON object
owns            ``order``               int    position in ``Organization.stakes``
member_of       (direction)                    person → unit, and unit → parent unit
relates_to      (direction)                    person → counterparty
relates_to      ``relationship``        str    a :class:`~orgmodel.model.RelationshipKind`
                                               value
relates_to      ``attributes``          str    JSON object
relates_to      ``order``               int    position in
                                               ``Organization.relationships``
==============  ======================  =====  ==========================================

An exact share has ``share_min == share_max``.  :func:`from_networkx` orders stakes,
relationships and dotted lines by ``order``; edges without one (in a graph built by
hand) follow, in edge order.

Graph attributes
----------------
``name`` (str): the organisation's name; ``focal_entity`` (str, absent when none);
``custom_tags`` (str): a JSON list of ``{"name", "leans", "description"}`` objects.

Reading back and GraphML
------------------------
:func:`from_networkx` ignores attributes it does not know (an analysis may add a
score to every node), and reports every problem it finds — a missing or unknown
``kind``, an attribute of the wrong type, an edge between the wrong kinds of node —
in one :class:`~orgmodel.exceptions.ValidationError`.

``networkx.read_graphml`` gives back the same types, so a GraphML round trip is
lossless when read with ``force_multigraph=True`` (without it, a graph with no
parallel edges comes back as a ``DiGraph``, which :func:`from_networkx` refuses; edge
keys come back as strings, which it ignores).  ``networkx.write_graphml`` itself
cannot write text XML 1.0 cannot hold (control characters other than tab and
newline), and a carriage return it writes is read back as a newline;
``orgmodel.dump(org, "firm.graphml")`` writes the same graph with those kept exactly
beside the readable text (``orgmodel_exact``), and ``orgmodel.load`` puts them back.
JSON-encoded attributes are ASCII and always safe.

Examples
--------
>>> import orgmodel as om
>>> org = om.Organization(
...     name="Acme",
...     people=[om.Person("alice", "Alice"), om.Person("bob", "Bob", manager="alice")],
...     entities=[om.Entity("acme", "Acme LLP")],
...     stakes=[om.Stake("alice", "acme", om.Share.parse("60%"))],
...     relationships=[om.Relationship("alice", om.RelationshipKind.CLIENT, "Globex")],
... )
>>> g = om.to_networkx(org)
>>> g.nodes["ext:Globex"]["kind"], g.edges["bob", "alice", "reports_to"]["line"]
('counterparty', 'solid')
>>> om.from_networkx(g) == org
True
"""

from __future__ import annotations

from orgmodel.graph.convert import from_networkx, to_networkx
from orgmodel.graph.kinds import EdgeKind, NodeKind

__all__ = ["EdgeKind", "NodeKind", "from_networkx", "to_networkx"]
