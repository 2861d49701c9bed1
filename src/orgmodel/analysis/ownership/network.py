"""An organisation's stakes as arrays and sparse matrices, for the look-through engine."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs
import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from orgmodel.analysis.ownership.index import OwnershipIndex
from orgmodel.analysis.ownership.rules import Measure, measure_of
from orgmodel.model import Organization, Stake

__all__ = ["Network", "compile_network"]

_Ints = npt.NDArray[np.int64]
_Floats = npt.NDArray[np.float64]
_Bools = npt.NDArray[np.bool_]


@attrs.frozen(eq=False)
class Network:
    """An organisation's stakes as arrays: entities are ``0..n_entities-1``, people after.

    Attributes
    ----------
    ids : list of str
        The id of each node index.
    index : dict
        Node index by id.
    n_entities : int
        How many of the nodes are entities.
    holder, held : ndarray of int
        Per stake, the node index of the holder and of the entity held.
    lower, upper : ndarray of float
        Per stake, the bounds of the measure looked through.
    owned : ndarray of bool
        Per entity, whether any stake in it is recorded.
    up_lower, up_upper : scipy.sparse.csr_matrix
        ``n_entities x n_nodes``: row ``j`` lists the holders of entity ``j``.
    graph_up : scipy.sparse.csr_matrix
        ``n_entities x n_entities``: entity to its entity holders (upper bounds).
    exact : bool
        Whether every stake is exact, so the lower and upper results agree.
    """

    ids: list[str]
    index: dict[str, int]
    n_entities: int
    holder: _Ints
    held: _Ints
    lower: _Floats
    upper: _Floats
    owned: _Bools
    up_lower: sp.csr_matrix
    up_upper: sp.csr_matrix
    graph_up: sp.csr_matrix
    exact: bool

    @property
    def n_nodes(self) -> int:
        """People and entities together."""
        return len(self.ids)

    def ultimate(self) -> _Bools:
        """Per node, whether it is an ultimate holder (a person or an unowned entity)."""
        mask = np.ones(self.n_nodes, dtype=bool)
        mask[: self.n_entities] = ~self.owned
        return mask


def compile_network(
    org: Organization, measure: Measure, targets: Iterable[str] | None = None
) -> Network:
    """Turn the stakes of *org* into the arrays and matrices of a :class:`Network`.

    With *targets* (entity ids), only the part of the network above them is compiled:
    the targets, every entity that holds one of them directly or not, and the holders
    of those.  That is all a look-through needs, and on a large network it is much
    less than the whole.  Without *targets* the whole network is compiled.

    Examples
    --------
    >>> import orgmodel as om
    >>> org = om.Organization(
    ...     name="x",
    ...     people=[om.Person("ann", "Ann"), om.Person("bob", "Bob")],
    ...     entities=[om.Entity("acme", "Acme"), om.Entity("other", "Other")],
    ...     stakes=[
    ...         om.Stake("ann", "acme", om.Share.exact(0.4)),
    ...         om.Stake("bob", "other", om.Share.exact(1.0)),
    ...     ],
    ... )
    >>> net = compile_network(org, Measure.SHARE)
    >>> net.ids, net.n_entities, net.exact
    (['acme', 'other', 'ann', 'bob'], 2, True)
    >>> compile_network(org, Measure.SHARE, ["acme"]).ids
    ['acme', 'ann']
    """
    if targets is None:
        ids = [e.id for e in org.entities]
        n_entities = len(ids)
        ids.extend(p.id for p in org.people)
        stakes: Sequence[Stake] = org.stakes
    else:
        climb = OwnershipIndex.of(org).above(targets)
        ids = climb.owned + climb.unowned_entities
        n_entities = len(ids)
        ids.extend(climb.people)
        stakes = [org.stakes[k] for k in climb.stakes]
    index = dict(zip(ids, range(len(ids)), strict=True))
    # plain list comprehensions are the fastest way through the records; this pass
    # is most of the cost of a look-through on a large network
    holder = np.array([index[s.holder] for s in stakes], dtype=np.int64)
    held = np.array([index[s.entity] for s in stakes], dtype=np.int64)
    if measure is Measure.SHARE:
        figures = [s.share for s in stakes]
    else:
        figures = [measure_of(s, measure) for s in stakes]
    lower = np.array([f.lower for f in figures], dtype=np.float64)
    upper = np.array([f.upper for f in figures], dtype=np.float64)
    exact = bool(np.array_equal(lower, upper))
    owned = np.zeros(n_entities, dtype=bool)
    owned[held] = True
    shape = (n_entities, len(ids))
    live = upper > 0.0
    rows, cols = held[live], holder[live]
    up_upper = sp.csr_matrix((upper[live], (rows, cols)), shape=shape)
    # built on the same coordinates, so with the same structure as up_upper
    up_lower = up_upper if exact else sp.csr_matrix((lower[live], (rows, cols)), shape=shape)
    graph_up = up_upper[:, :n_entities]
    return Network(
        ids=ids,
        index=index,
        n_entities=n_entities,
        holder=holder,
        held=held,
        lower=lower,
        upper=upper,
        owned=owned,
        up_lower=up_lower,
        up_upper=up_upper,
        graph_up=graph_up,
        exact=exact,
    )
