"""A linear-time tidy tree layout (Walker's algorithm as improved by Buchheim et al.).

Buchheim, Jünger and Leipert, *Improving Walker's Algorithm to Run in Linear Time*
(Graph Drawing 2002). Subtrees are placed side by side as close as their contours
allow, parents are centred over their children, and small subtrees between large
ones are spread evenly. Both walks are iterative, so a chain of 100,000 people does
not touch the recursion limit.

Nodes may be asymmetric: each has a ``left`` and a ``right`` extent measured from
the point that is centred under its parent (an org chart's stacked column of
reports hangs to the right of its connector line, for example).

Examples
--------
>>> tidy_x([-1, 0, 0], left=[1, 1, 1], right=[1, 1, 1], gap=1.0)
[2.5, 1.0, 4.0]
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["tidy_x"]


def tidy_x(
    parent: Sequence[int],
    *,
    left: Sequence[float],
    right: Sequence[float],
    gap: float,
) -> list[float]:
    """Return the x coordinate of every node of a forest, laid out as a tidy tree.

    Parameters
    ----------
    parent : sequence of int
        ``parent[i]`` is the index of node *i*'s parent, or ``-1`` for a root. A
        parent must come before its children; siblings are ordered by index.
    left, right : sequence of float
        How far each node reaches left and right of its x coordinate.
    gap : float
        The smallest horizontal space between two nodes on the same level.

    Returns
    -------
    list of float
        The x coordinate of each node; the leftmost point of the drawing is 0.

    Examples
    --------
    A root with three children of width 2, one unit apart:

    >>> tidy_x([-1, 0, 0, 0], left=[1] * 4, right=[1] * 4, gap=1.0)
    [4.0, 1.0, 4.0, 7.0]
    """
    count = len(parent)
    if count == 0:
        return []
    # Node `count` is a virtual root holding the forest's roots.
    size = count + 1
    root = count
    children: list[list[int]] = [[] for _ in range(size)]
    for node, up in enumerate(parent):
        children[root if up < 0 else up].append(node)
    lefts = [*left, 0.0]
    rights = [*right, 0.0]
    up_of = [root if p < 0 else p for p in parent] + [-1]
    number = [0] * size
    for kids in children:
        for index, kid in enumerate(kids):
            number[kid] = index
    walk = _Walk(children=children, parent=up_of, number=number, left=lefts, right=rights, gap=gap)
    walk.first_walk(root)
    xs = walk.second_walk(root)[:count]
    offset = min(x - lefts[i] for i, x in enumerate(xs))
    return [x - offset for x in xs]


class _Walk:
    """The state of one layout: the per-node arrays of the paper."""

    def __init__(
        self,
        *,
        children: list[list[int]],
        parent: list[int],
        number: list[int],
        left: list[float],
        right: list[float],
        gap: float,
    ) -> None:
        size = len(children)
        self.children = children
        self.parent = parent
        self.number = number
        self.left = left
        self.right = right
        self.gap = gap
        self.prelim = [0.0] * size
        self.mod = [0.0] * size
        self.shift = [0.0] * size
        self.change = [0.0] * size
        self.thread = [-1] * size
        self.ancestor = list(range(size))
        self.mid = [0.0] * size

    def distance(self, a: int, b: int) -> float:
        """Centre-to-centre distance needed between *a* (left) and *b* (right)."""
        return self.right[a] + self.gap + self.left[b]

    def first_walk(self, top: int) -> None:
        """Compute preliminary x and modifiers bottom-up (post-order, iterative)."""
        order: list[int] = []
        stack = [top]
        while stack:
            node = stack.pop()
            order.append(node)
            stack.extend(self.children[node])
        # `order` lists every parent before its children; walk it backwards.
        for node in reversed(order):
            kids = self.children[node]
            if not kids:
                continue
            default = kids[0]
            for index, kid in enumerate(kids):
                if index == 0:
                    self.prelim[kid] = self.mid[kid]
                else:
                    before = kids[index - 1]
                    self.prelim[kid] = self.prelim[before] + self.distance(before, kid)
                    if self.children[kid]:
                        self.mod[kid] = self.prelim[kid] - self.mid[kid]
                default = self.apportion(kid, default)
            self.execute_shifts(node)
            self.mid[node] = (self.prelim[kids[0]] + self.prelim[kids[-1]]) / 2.0

    def next_left(self, node: int) -> int:
        kids = self.children[node]
        return kids[0] if kids else self.thread[node]

    def next_right(self, node: int) -> int:
        kids = self.children[node]
        return kids[-1] if kids else self.thread[node]

    def apportion(self, node: int, default: int) -> int:
        """Push *node*'s subtree right of its left siblings' subtrees (the paper's APPORTION)."""
        index = self.number[node]
        if index == 0:
            return default
        siblings = self.children[self.parent[node]]
        v_ir = v_or = node
        v_il = siblings[index - 1]
        v_ol = siblings[0]
        s_ir = self.mod[v_ir]
        s_or = self.mod[v_or]
        s_il = self.mod[v_il]
        s_ol = self.mod[v_ol]
        while self.next_right(v_il) >= 0 and self.next_left(v_ir) >= 0:
            v_il = self.next_right(v_il)
            v_ir = self.next_left(v_ir)
            v_ol = self.next_left(v_ol)
            v_or = self.next_right(v_or)
            self.ancestor[v_or] = node
            shift = (
                (self.prelim[v_il] + s_il) - (self.prelim[v_ir] + s_ir) + self.distance(v_il, v_ir)
            )
            if shift > 0:
                self.move_subtree(self.ancestor_of(v_il, node, default), node, shift)
                s_ir += shift
                s_or += shift
            s_il += self.mod[v_il]
            s_ir += self.mod[v_ir]
            s_ol += self.mod[v_ol]
            s_or += self.mod[v_or]
        if self.next_right(v_il) >= 0 and self.next_right(v_or) < 0:
            self.thread[v_or] = self.next_right(v_il)
            self.mod[v_or] += s_il - s_or
        if self.next_left(v_ir) >= 0 and self.next_left(v_ol) < 0:
            self.thread[v_ol] = self.next_left(v_ir)
            self.mod[v_ol] += s_ir - s_ol
            default = node
        return default

    def ancestor_of(self, v_il: int, node: int, default: int) -> int:
        candidate = self.ancestor[v_il]
        return candidate if self.parent[candidate] == self.parent[node] else default

    def move_subtree(self, w_l: int, w_r: int, shift: float) -> None:
        subtrees = self.number[w_r] - self.number[w_l]
        self.change[w_r] -= shift / subtrees
        self.shift[w_r] += shift
        self.change[w_l] += shift / subtrees
        self.prelim[w_r] += shift
        self.mod[w_r] += shift

    def execute_shifts(self, node: int) -> None:
        shift = 0.0
        change = 0.0
        for kid in reversed(self.children[node]):
            self.prelim[kid] += shift
            self.mod[kid] += shift
            change += self.change[kid]
            shift += self.shift[kid] + change

    def second_walk(self, top: int) -> list[float]:
        """Sum the modifiers top-down into final x coordinates (iterative)."""
        xs = [0.0] * len(self.children)
        stack = [(top, -self.prelim[top])]
        while stack:
            node, modsum = stack.pop()
            xs[node] = self.prelim[node] + modsum
            below = modsum + self.mod[node]
            stack.extend((kid, below) for kid in self.children[node])
        return xs
