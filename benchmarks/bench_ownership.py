"""Benchmark look-through on large synthetic ownership networks.

Run from the repository root::

    PYTHONPATH=src python benchmarks/bench_ownership.py            # 10k, 100k, 1M
    PYTHONPATH=src python benchmarks/bench_ownership.py --sizes 10000 100000
    PYTHONPATH=src python benchmarks/bench_ownership.py --quick    # 10k only

Each network has *n* entities and *n/2* people.  Every entity has one to three
holders (two on average); a holder is another entity with probability
``--entity-holders`` (default 0.4, so chains are a few levels deep on average, with a
long tail) and a person otherwise; shares are split at random and add up to 100%.
Half a percent of the entities also take a stake (``--cross-share``, default 10%) in
one of their own holders, whose other holders shrink to make room, so about 1% of the
entities sit in cross-holdings; ``--cross-share 0.99`` makes those cycles close to
100%, where a fixed-point iteration converges slowly.  One hundred target entities are
looked through with :func:`orgmodel.look_through`.

Reported per size: the time to build the :class:`~orgmodel.Organization` (not part
of the look-through), the look-through time and its peak memory (the growth of the
process's resident memory over its level before the call, sampled every 2 ms, so
memory scipy and numpy allocate in C counts too), the mean number of ancestors of a
target, a plain sparse fixed-point (Neumann) iteration on the same network (CPU
time, rounds, peak memory, and the largest difference from our result), and, for the
10k case, the time of a networkx brute force
(``nx.all_simple_paths`` from every ultimate holder to every target) and the ratio.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import networkx as nx
import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

import orgmodel as om
from orgmodel.analysis.ownership.integrated import _ancestors
from orgmodel.analysis.ownership.network import Network, compile_network

_T = TypeVar("_T")

TARGETS = 100
_PAGE = os.sysconf("SC_PAGE_SIZE")
_MB = 1024 * 1024


def generate(
    n: int, *, entity_holders: float = 0.4, cross_share: float = 0.1, seed: int = 0
) -> om.Organization:
    """Return a synthetic network of *n* entities (see the module docstring)."""
    rng = np.random.default_rng(seed)
    people = max(1, n // 2)
    counts = rng.integers(1, 4, size=n)
    owner = np.repeat(np.arange(n), counts)  # the entity each holding is in
    total = len(owner)
    is_entity = rng.random(total) < entity_holders
    offset = rng.integers(1, 1_000, size=total)
    upper_entity = owner + offset
    is_entity &= upper_entity < n  # holders of an entity come from higher indices
    holder_kind_entity = is_entity
    holder_index = np.where(holder_kind_entity, upper_entity, rng.integers(0, people, total))
    weights = rng.random(total) + 0.05
    sums = np.bincount(owner, weights=weights, minlength=n)
    # cross-holdings: some entities take 10% of one of their entity holders
    candidates = np.flatnonzero(holder_kind_entity)
    picked = rng.choice(candidates, size=min(len(candidates), n // 200), replace=False)
    cross_holder = owner[picked]  # the held entity now holds 10% of its holder
    cross_entity = holder_index[picked]
    cross_entity, first = np.unique(cross_entity, return_index=True)
    cross_holder = cross_holder[first]
    room = np.ones(n)
    room[cross_entity] = 1.0 - cross_share
    shares = weights / sums[owner] * room[owner] * (1 - 1e-12)

    entity_ids = [f"e{i}" for i in range(n)]
    person_ids = [f"p{i}" for i in range(people)]
    holders = [
        entity_ids[h] if e else person_ids[h]
        for h, e in zip(holder_index.tolist(), holder_kind_entity.tolist(), strict=True)
    ]
    stakes = [
        om.Stake(h, entity_ids[o], om.Share(s, s))
        for h, o, s in zip(holders, owner.tolist(), shares.tolist(), strict=True)
    ]
    stakes.extend(
        om.Stake(entity_ids[h], entity_ids[e], om.Share(cross_share, cross_share))
        for h, e in zip(cross_holder.tolist(), cross_entity.tolist(), strict=True)
    )
    return om.Organization(
        name=f"synthetic {n}",
        people=[om.Person(p, p) for p in person_ids],
        entities=[om.Entity(e, e) for e in entity_ids],
        stakes=stakes,
        focal_entity=entity_ids[0],
    )


def _rss() -> int:
    return int(Path("/proc/self/statm").read_text(encoding="ascii").split()[1]) * _PAGE


def measure(func: Callable[[], _T]) -> tuple[_T, float, float, float]:
    """Run *func*; return its result, its wall and CPU seconds and its peak extra memory (MB).

    The machine may be shared, so the CPU time (of this process, all threads) is
    reported beside the wall-clock time.
    """
    gc.collect()
    base = _rss()
    peak = base
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _rss())
            time.sleep(0.002)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    start = time.perf_counter()
    cpu = time.process_time()
    try:
        result = func()
    finally:
        elapsed = time.perf_counter() - start
        cpu = time.process_time() - cpu
        done.set()
        watcher.join()
    peak = max(peak, _rss())
    return result, elapsed, cpu, (peak - base) / _MB


def brute_force(org: om.Organization, targets: list[str]) -> dict[str, dict[str, float]]:
    """Look through *targets* by enumerating simple paths with networkx."""
    graph = nx.DiGraph()
    owned = set()
    for s in org.stakes:
        weight = s.share.lower + graph.get_edge_data(s.holder, s.entity, {"w": 0.0})["w"]
        graph.add_edge(s.holder, s.entity, w=weight)
        owned.add(s.entity)
    out: dict[str, dict[str, float]] = {}
    for target in targets:
        found: dict[str, float] = {}
        for holder in nx.ancestors(graph, target):
            if holder in owned:
                continue
            total = 0.0
            for path in nx.all_simple_paths(graph, holder, target):
                product = 1.0
                for a, b in itertools.pairwise(path):
                    product *= graph[a][b]["w"]
                total += product
            found[holder] = total
        out[target] = found
    return out


def neumann(org: om.Organization, targets: list[str]) -> tuple[int, dict[str, dict[str, float]]]:
    """Look through *targets* by plain fixed-point (Neumann) iteration ``y = e + A y``.

    The baseline the issue describes: sparse, every target at once, iterated until
    nothing changes by more than 1e-12.  Returns the number of rounds and the result.
    """
    net = compile_network(org, om.Measure.SHARE)
    n = net.n_entities
    a = net.up_upper[:, :n].T.tocsr()  # holder rows, held columns
    cols = np.arange(len(targets))
    rows = np.array([net.index[t] for t in targets])
    b = sp.csr_matrix((np.ones(len(targets)), (rows, cols)), shape=(n, len(targets)))
    y = b
    rounds = 0
    while True:
        rounds += 1
        nxt = (b + a @ y).tocsr()
        change = abs(nxt - y).max() if nxt.nnz else 0.0
        y = nxt
        if change < 1e-12 or rounds >= 1_000_000:
            break
    holdings = (y.T @ net.up_upper).tocsr()
    ultimate = net.ultimate()
    out: dict[str, dict[str, float]] = {}
    for i, target in enumerate(targets):
        row = holdings.getrow(i)
        out[target] = {
            net.ids[c]: float(v)
            for c, v in zip(row.indices.tolist(), row.data.tolist(), strict=True)
            if ultimate[c] and c != net.index[target] and v > 0.0
        }
    return rounds, out


def _compare(
    ours: dict[str, dict[str, om.Share]], theirs: dict[str, dict[str, float]], cyclic: set[str]
) -> float:
    """Largest difference on targets with no cross-holding above them."""
    worst = 0.0
    for target, found in theirs.items():
        if target in cyclic:
            continue
        for holder in set(found) | set(ours[target]):
            mine = ours[target][holder].lower if holder in ours[target] else 0.0
            worst = max(worst, abs(mine - found.get(holder, 0.0)))
    return worst


def run(
    n: int, *, entity_holders: float, cross_share: float, networkx_limit: int
) -> dict[str, str]:
    """Benchmark one size; return a row of the table."""
    org, build_s, _, _ = measure(
        lambda: generate(n, entity_holders=entity_holders, cross_share=cross_share)
    )
    rng = np.random.default_rng(1)
    targets = [f"e{i}" for i in rng.choice(n, size=min(TARGETS, n), replace=False).tolist()]
    result, seconds, cpu, peak = measure(lambda: om.look_through(org, targets))
    net = compile_network(org, om.Measure.SHARE)
    sizes = [len(_ancestors(net, np.array([net.index[t]]))) for t in targets]
    row = {
        "entities": f"{n:,}",
        "stakes": f"{len(org.stakes):,}",
        "build org s": f"{build_s:.1f}",
        "look-through s": f"{seconds:.2f}",
        "cpu s": f"{cpu:.2f}",
        "peak MB": f"{peak:.0f}",
        "ancestors/target": f"{np.mean(sizes):.0f} (max {max(sizes)})",
        "neumann cpu s": "-",
        "networkx cpu s": "-",
        "ratio": "-",
        "diff vs neumann": "-",
        "diff vs nx (acyclic)": "-",
    }
    (rounds, theirs), _, n_cpu, n_peak = measure(lambda: neumann(org, targets))
    row["neumann cpu s"] = f"{n_cpu:.2f} ({rounds} rounds, {n_peak:.0f} MB)"
    row["diff vs neumann"] = f"{_compare(result, theirs, set()):.1e}"
    if n <= networkx_limit:
        theirs, _, nx_cpu, _ = measure(lambda: brute_force(org, targets))
        cyclic = {
            t
            for t, k in zip(targets, sizes, strict=True)
            if k > 1 and _has_cycle_above(net, net.index[t])
        }
        row["networkx cpu s"] = f"{nx_cpu:.2f}"
        row["ratio"] = f"{nx_cpu / cpu:.0f}x"
        row["diff vs nx (acyclic)"] = f"{_compare(result, theirs, cyclic):.1e}"
    return row


def _has_cycle_above(net: Network, target: int) -> bool:
    nodes = _ancestors(net, np.array([target]))
    sub = net.graph_up[nodes][:, nodes]
    count, _ = connected_components(sub, directed=True, connection="strong")
    return bool(count < len(nodes))


def main() -> None:
    """Parse the options, run the sizes and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--entity-holders", type=float, default=0.4)
    parser.add_argument(
        "--cross-share",
        type=float,
        default=0.1,
        help="the stake an entity takes in its holder (0.99: cycles close to 100%%)",
    )
    parser.add_argument("--networkx-limit", type=int, default=10_000)
    parser.add_argument("--quick", action="store_true", help="the 10k network only")
    args = parser.parse_args()
    if args.quick:
        args.sizes = [10_000]
    rows = [
        run(
            n,
            entity_holders=args.entity_holders,
            cross_share=args.cross_share,
            networkx_limit=args.networkx_limit,
        )
        for n in args.sizes
    ]
    columns = list(rows[0])
    widths = {c: max(len(c), *(len(r[c]) for r in rows)) for c in columns}
    print(" | ".join(c.rjust(widths[c]) for c in columns))
    print("-+-".join("-" * widths[c] for c in columns))
    for r in rows:
        print(" | ".join(r[c].rjust(widths[c]) for c in columns))


if __name__ == "__main__":
    main()
