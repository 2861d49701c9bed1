"""The speed tricks of orgmodel._speed give what their public-API fallbacks give."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import networkx as nx
import pytest

import orgmodel as om
from orgmodel._speed import TRICKS, adjacency, enabled

SRC = Path(__file__).resolve().parents[1] / "src"

_PROGRAM = textwrap.dedent(
    """
    import json, sys
    import networkx as nx
    import orgmodel as om
    from orgmodel._speed import TRICKS, enabled

    org = om.example()
    graph = om.to_networkx(org)
    try:
        om.Person("bob", 7)
    except TypeError as err:
        message = err.args[0]
    print(json.dumps({
        "on": [name for name in TRICKS if enabled(name)],
        "graph": nx.node_link_data(graph, edges="edges"),
        "back": om.from_networkx(graph) == org,
        "message": message,
    }))
    """
)


def _run(setting: str) -> dict[str, object]:
    env = {**os.environ, "ORGMODEL_NO_SPEEDUPS": setting, "PYTHONPATH": str(SRC)}
    done = subprocess.run(  # noqa: S603 - our own interpreter and program
        [sys.executable, "-c", _PROGRAM], env=env, capture_output=True, text=True, check=True
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_every_trick_is_on_by_default():
    """Without ORGMODEL_NO_SPEEDUPS every trick is on."""
    assert os.environ.get("ORGMODEL_NO_SPEEDUPS", "") == ""
    assert all(enabled(name) for name in TRICKS)
    assert adjacency.usable(nx.MultiDiGraph())


@pytest.mark.parametrize("setting", ["1", "adjacency,gc_pause", "instance_of"])
def test_fallbacks_build_the_same_graph_and_messages(setting):
    """With tricks switched off the graph, the round trip and the type errors are the same."""
    fast = _run("")
    plain = _run(setting)
    off = {"1": set(TRICKS)}.get(setting, set(setting.split(",")))
    assert set(plain["on"]) == set(TRICKS) - off  # type: ignore[arg-type,call-overload,unused-ignore]
    assert plain["graph"] == fast["graph"]
    assert plain["back"] is True
    assert (
        plain["message"]
        == fast["message"]
        == ("'name' must be <class 'str'> (got 7 that is a <class 'int'>).")
    )


def test_adjacency_falls_back_for_a_graph_subclass():
    """A MultiDiGraph subclass (other factories, perhaps) is filled through the public API."""

    class Tracked(nx.MultiDiGraph):  # type: ignore[misc,unused-ignore]
        added: int = 0

        def add_edges_from(self, ebunch_to_add, **attr):
            self.added += 1
            return super().add_edges_from(ebunch_to_add, **attr)

    graph = Tracked()
    adjacency.add_nodes(graph, [("a", {}), ("b", {})])
    adjacency.add_edges(graph, [("a", "b", "k", {"kind": "x"})])
    assert graph.added == 1
    assert graph.edges["a", "b", "k"] == {"kind": "x"}
    assert not adjacency.usable(graph)
    assert om.to_networkx(om.example()).number_of_nodes() > 0


def test_gc_pause_is_counted_across_threads():
    """Overlapping pauses keep the collector off until the last ends, then restore it."""
    import gc  # noqa: PLC0415
    import threading  # noqa: PLC0415

    from orgmodel._speed.gc_pause import gc_paused  # noqa: PLC0415

    inside, release, states = threading.Event(), threading.Event(), []

    def hold() -> None:
        with gc_paused():
            inside.set()
            release.wait(10)

    assert gc.isenabled()
    worker = threading.Thread(target=hold)
    worker.start()
    assert inside.wait(10)
    with gc_paused():
        states.append(gc.isenabled())
    states.append(gc.isenabled())  # the other thread still holds its pause
    release.set()
    worker.join(10)
    states.append(gc.isenabled())
    assert states == [False, False, True]
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # switched off before: left off
    finally:
        gc.enable()
