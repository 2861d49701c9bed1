"""The majority-chain rule: holdings attributed whole to the top of a majority chain.

UK Companies Act 2006, Schedule 1A paragraph 18: a person holds a share indirectly
when they hold a *majority stake* in a legal entity that holds it, or sit at the top
of a chain of legal entities each holding a majority stake in the next, the last of
which holds it.  A majority stake is more than 50% of the voting rights
(paragraph 18(4)); exactly 50% is not a majority.  The links of a chain are therefore
judged on votes (falling back to the share where no votes are recorded), while the
figure attributed is the last holding in the chosen measure.

The holder at the top of a chain is a person, or an entity with no majority holder
(which may have owners, none of them with a majority).  A chain that runs into a
circle of majority stakes has no top, and its holding is attributed to nobody.

Ranges use interval logic.  A link is *possible* when its upper bound is above 50%,
and *certain* when its lower bound is and no other holder could have a majority.
Lower bounds follow certain links to holders that are certainly at the top (no
possible majority holder); upper bounds follow possible links to holders that are
possibly at the top (no certain majority holder).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence

import attrs
import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from orgmodel.analysis.ownership.network import Network

__all__ = ["MAJORITY", "Chains", "majority_chain"]

#: A stake is a majority stake when it is more than this.
MAJORITY = 0.5


@attrs.frozen(eq=False)
class Chains:
    """Majority links of a network, by entity: who holds a majority of it.

    Attributes
    ----------
    certain, possible : scipy.sparse.csr_matrix
        ``n_entities x n_nodes`` structures; row ``j`` lists the holders whose votes in
        ``j`` are certainly (lower bound) or possibly (upper bound) above 50%.
    """

    certain: sp.csr_matrix
    possible: sp.csr_matrix
    # the same links as Python lists, for fast look-ups one node at a time
    _rows: dict[bool, tuple[list[int], list[int]]] = attrs.field(
        init=False, repr=False, eq=False, factory=dict
    )

    @classmethod
    def of(cls, links: Network) -> Chains:
        """Read the majority links from *links*, a network compiled on votes.

        A link is possible when its upper bound is above 50%, and certain when its
        lower bound is and no other holder of the entity could have a majority.
        Figures that add up to more than 100% (recorded votes beside a share that
        stands in for votes) can give an entity two majority holders: neither is then
        certain, so the holding is attributed as a range.  The exception is holders
        that each hold the *whole* (exactly 100%): the links through which a regime
        treats every joint holder, trustee or controller as holding all of it
        (:mod:`.links`).  When all the possible majority holders of an entity hold it
        whole, each is certain.
        """
        up = links.up_upper
        n = up.shape[0]
        rows = np.repeat(np.arange(n), np.diff(up.indptr))
        possible = up.data > MAJORITY
        rivals = np.bincount(rows[possible], minlength=n)  # possible majority holders
        # up_lower is built on the same coordinates as up_upper (see compile_network)
        lower = links.up_lower.data
        whole = lower >= 1.0
        partial = np.bincount(rows[possible & ~whole], minlength=n)  # rivals not whole
        certain = (lower > MAJORITY) & ((rivals[rows] == 1) | (whole & (partial[rows] == 0)))
        return cls(
            certain=_links(rows, up.indices, certain, up.shape),
            possible=_links(rows, up.indices, possible, up.shape),
        )

    def holders(self, node: int, *, certain: bool) -> list[int]:
        """Return the majority holders of entity *node* (people have none)."""
        rows = self._rows.get(certain)
        if rows is None:
            matrix = self.certain if certain else self.possible
            rows = self._rows[certain] = (matrix.indptr.tolist(), matrix.indices.tolist())
        indptr, indices = rows
        if node >= len(indptr) - 1:
            return []
        return indices[indptr[node] : indptr[node + 1]]

    def is_top(self, node: int, *, certain: bool) -> bool:
        """Whether *node* is (certainly, else possibly) at the top of its chains."""
        return not self.holders(node, certain=not certain)

    def climb(self, start: int, *, certain: bool) -> Iterator[tuple[int, list[int]]]:
        """Yield each top above *start* with the chain from it down to *start*.

        Breadth-first along majority links, each node once; iterative.
        """
        if not self.holders(start, certain=certain) and self.is_top(start, certain=certain):
            yield start, [start]  # a person, or an entity nobody holds a majority of
            return
        parent: dict[int, int] = {start: start}
        queue = deque([start])
        while queue:
            node = queue.popleft()
            if self.is_top(node, certain=certain):
                chain = [node]
                while chain[-1] != start:
                    chain.append(parent[chain[-1]])
                yield node, chain
            for up in self.holders(node, certain=certain):
                if up not in parent:
                    parent[up] = node
                    queue.append(up)


def _links(
    rows: npt.NDArray[np.int64],
    cols: npt.NDArray[np.int32],
    keep: npt.NDArray[np.bool_],
    shape: tuple[int, int],
) -> sp.csr_matrix:
    return sp.csr_matrix((np.ones(int(keep.sum())), (rows[keep], cols[keep])), shape=shape)


def majority_chain(
    net: Network, chains: Chains, targets: Sequence[int]
) -> list[dict[int, tuple[float, float]]]:
    """Return, per target, ``{top holder index: (lower, upper)}`` under the majority rule.

    The bounds are not clipped at 1: :func:`.bounds.shares_with_ends` clips them, and
    an upper bound above 1 tells that 100% is attained.

    Examples
    --------
    >>> import orgmodel as om
    >>> from orgmodel.analysis.ownership.network import compile_network
    >>> from orgmodel.analysis.ownership.rules import Measure
    >>> org = om.Organization(
    ...     name="x",
    ...     people=[om.Person("ann", "Ann")],
    ...     entities=[om.Entity("acme", "Acme"), om.Entity("hold", "Holdco")],
    ...     stakes=[
    ...         om.Stake("ann", "hold", om.Share.exact(0.6)),
    ...         om.Stake("hold", "acme", om.Share.exact(0.3)),
    ...     ],
    ... )
    >>> net = compile_network(org, Measure.SHARE)
    >>> chains = Chains.of(compile_network(org, Measure.VOTING))
    >>> majority_chain(net, chains, [net.index["acme"]])
    [{2: (0.3, 0.3)}]
    """
    out: list[dict[int, tuple[float, float]]] = []
    people = net.n_entities  # nodes from here on are people: each the top of its chain
    for target in targets:
        lows: dict[int, float] = {}
        highs: dict[int, float] = {}
        for direct, low, high in direct_holdings(net, target):
            if direct >= people:
                lows[direct] = lows.get(direct, 0.0) + low
                highs[direct] = highs.get(direct, 0.0) + high
                continue
            for top, _ in chains.climb(direct, certain=True):
                lows[top] = lows.get(top, 0.0) + low
            for top, _ in chains.climb(direct, certain=False):
                highs[top] = highs.get(top, 0.0) + high
        highs.pop(target, None)
        out.append(
            {
                # unclipped: bounds.shares_with_ends clips, and an upper bound above
                # 100% is attained once clipped (nobody holds more than the whole)
                h: (min(lows.get(h, 0.0), value), value)
                for h, value in highs.items()
                if value > 0.0
            }
        )
    return out


def direct_holdings(net: Network, target: int) -> list[tuple[int, float, float]]:
    """Return the holders of *target* with their summed (lower, upper) figures."""
    return net.direct(target)  # up_lower is built on the same coordinates as up_upper
