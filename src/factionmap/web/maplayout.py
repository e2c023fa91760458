"""Where the map's nodes go, computed on the server once per store version, so the page only draws.

The layout is the one the page's force-layout.js runs (d3-force's forces: many-body repulsion, links
as springs, a weak pull to the centre, then collision), here in numpy with exact repulsion instead of
d3's Barnes-Hut approximation. It is deterministic: nodes in id order, start positions on a spiral in
breadth-first order from the hubs (neighbours start near each other), no randomness; the same ties
give the same positions, rounded to 0.01.

One layout is made per store version (and confidence floor): the whole map as it opens (`MapQuery()`:
groups, every relation, supported and contested ties, every date). Every filtered view takes its
nodes' places from it, so a node stays where it was across the slider, the filters and the focus; a
node the whole map lacks (a person, a place, a denied tie's end) is laid out by the page around the
others, which stay pinned. A map of more than MAX_NODES nodes is left to the page.
"""
from __future__ import annotations

import logging
import math
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np

from ..model import Tie
from ..relations import RELATIONS

log = logging.getLogger(__name__)

LARGE = 300  # more nodes: shorter lines and fewer ticks, as map.js draws them
EDGE_LENGTH, LARGE_EDGE_LENGTH = 110.0, 60.0
TICKS, LARGE_TICKS = 300, 60
MAX_NODES = 2000  # exact repulsion is n² a tick (1,000 nodes: 0.8 s of CPU); beyond, the page lays out
SHORT_FAMILIES = frozenset({"leadership", "place"})  # drawn at half length (a leader, a place)
_BLOCK = 1024  # rows of the n x n repulsion computed at a time (memory stays O(n * _BLOCK))
_KEEP = 4  # layouts kept a store (versions x confidence floors)

Link = tuple[int, int, bool]  # indexes of the two ends, and whether the line is drawn short


def links_of(ids: Sequence[int], ties: Iterable[Tie]) -> list[Link]:
    """Each tie as a link between indexes of `ids` (ties whose ends are not both there are left out)."""
    index = {e: i for i, e in enumerate(ids)}
    out = []
    for t in ties:
        a, b = index.get(t.subject.id), index.get(t.object.id)
        rel = RELATIONS.get(t.relation)
        if a is not None and b is not None:
            out.append((a, b, bool(rel and rel.family in SHORT_FAMILIES)))
    return out


def start_positions(n: int, links: Sequence[Link], spacing: float) -> np.ndarray:
    """Places on a golden-angle spiral, taken in breadth-first order from the best-connected node, so
    that neighbours start near each other (force-layout.js startPositions, nothing pinned)."""
    adj: list[list[int]] = [[] for _ in range(n)]
    degree = [0] * n
    for a, b, _ in links:
        adj[a].append(b)
        adj[b].append(a)
        degree[a] += 1
        degree[b] += 1
    seen = [False] * n
    order: list[int] = []
    for root in sorted(range(n), key=lambda k: (-degree[k], k)):
        if seen[root]:
            continue
        seen[root] = True
        queue = [root]
        head = 0
        while head < len(queue):
            node = queue[head]
            head += 1
            order.append(node)
            for j in adj[node]:
                if not seen[j]:
                    seen[j] = True
                    queue.append(j)
    golden = math.pi * (3 - math.sqrt(5))
    out = np.zeros((n, 2))
    for k, node in enumerate(order):
        a, r = k * golden, spacing * math.sqrt(k + 0.5)
        out[node] = (r * math.cos(a), r * math.sin(a))
    return out


def _repulsion(pos: np.ndarray, strength: float, max_dist: float) -> np.ndarray:
    """d3.forceManyBody, exact: each node pushed from every other within max_dist by strength / distance
    (distances under 1 count as 1). Single precision: half the memory traffic, the same answer each run."""
    n = len(pos)
    x, y = pos[:, 0].astype(np.float32), pos[:, 1].astype(np.float32)
    out = np.zeros_like(pos)
    max2 = np.float32(max_dist * max_dist)
    for lo in range(0, n, _BLOCK):
        hi = min(n, lo + _BLOCK)
        dx = x[None, :] - x[lo:hi, None]  # from each node of the block to every node
        dy = y[None, :] - y[lo:hi, None]
        d2 = dx * dx
        d2 += dy * dy
        np.maximum(d2, 1, out=d2)
        d2[d2 >= max2] = np.inf
        d2[np.arange(hi - lo), np.arange(lo, hi)] = np.inf  # not itself
        inv = np.divide(np.float32(strength), d2, out=d2)
        out[lo:hi, 0] = np.einsum("ij,ij->i", inv, dx)
        out[lo:hi, 1] = np.einsum("ij,ij->i", inv, dy)
    return out


def _collide(pos: np.ndarray, vel: np.ndarray, radius: float) -> None:
    """d3.forceCollide (strength 1, one iteration): overlapping nodes pushed apart, half each."""
    from scipy.spatial import cKDTree

    ahead = pos + vel
    pairs = cKDTree(ahead).query_pairs(2 * radius, output_type="ndarray")
    if not len(pairs):
        return
    i, j = pairs[:, 0], pairs[:, 1]
    d = ahead[i] - ahead[j]
    dist = np.sqrt(np.einsum("ij,ij->i", d, d))
    dist = np.where(dist == 0, 1e-6, dist)
    push = d * (((2 * radius - dist) / dist) * 0.5)[:, None]
    np.add.at(vel, i, push)
    np.add.at(vel, j, -push)


def layout(n: int, links: Sequence[Link], *, length: float | None = None, ticks: int | None = None) -> np.ndarray:
    """Positions (n x 2) for n nodes joined by `links`, as force-layout.js run() lays them out."""
    large = n > LARGE
    L = length or (LARGE_EDGE_LENGTH if large else EDGE_LENGTH)
    ticks = ticks or (LARGE_TICKS if large else TICKS)
    pos = start_positions(n, links, L / 2)
    vel = np.zeros_like(pos)
    if n == 0:
        return pos
    src = np.array([a for a, _, _ in links], dtype=np.intp)
    dst = np.array([b for _, b, _ in links], dtype=np.intp)
    dist = np.array([L / 2 if short else L for _, _, short in links])
    count = np.bincount(np.concatenate([src, dst]), minlength=n).astype(float)
    bias = count[src] / np.maximum(count[src] + count[dst], 1) if len(src) else np.zeros(0)
    decay = 1 - 0.002 ** (1 / ticks)
    spread = round(ticks * 0.75)
    alpha = 1.0
    for tick in range(ticks):
        alpha += (0 - alpha) * decay
        vel += _repulsion(pos, -2.2 * L, 12 * L) * alpha
        if len(src):
            d = (pos[dst] + vel[dst]) - (pos[src] + vel[src])
            span = np.sqrt(np.einsum("ij,ij->i", d, d))
            span = np.where(span == 0, 1e-6, span)
            d *= (((span - dist) / span) * alpha * 0.25)[:, None]
            np.add.at(vel, dst, -d * bias[:, None])
            np.add.at(vel, src, d * (1 - bias)[:, None])
        vel -= pos * (0.03 * alpha)
        if tick >= spread:
            _collide(pos, vel, L / 5)
        vel *= 0.6
        pos += vel
    return np.round(pos, 2)


class Layouts:
    """Whole-map layouts kept per store and (store version, confidence floor), each made once."""

    def __init__(self, keep: int = _KEEP):
        self.keep = keep
        self.made: weakref.WeakKeyDictionary[Any, OrderedDict[tuple, dict[int, tuple[float, float]]]] = \
            weakref.WeakKeyDictionary()
        self.lock = threading.Lock()
        self.making: dict[tuple, threading.Lock] = {}

    def _held(self, store, key: tuple) -> dict[int, tuple[float, float]] | None:
        with self.lock:
            held = self.made.get(store)
            return held.get(key) if held is not None else None

    def positions(self, graph, read_ties: Callable[[Any], list[Tie]]) -> dict[int, tuple[float, float]]:
        """Entity id -> (x, y) for every node of the whole map under this graph's store version."""
        store = graph.store
        key = (store.version(), getattr(graph, "min_confidence", None))
        found = self._held(store, key)
        if found is not None:
            return found
        with self.lock:
            making = self.making.setdefault((id(store), *key), threading.Lock())
        with making:  # another request may be making it: wait for it rather than make it twice
            found = self._held(store, key)
            if found is not None:
                return found
            found = whole_map(graph, read_ties)
            with self.lock:
                self.making.pop((id(store), *key), None)
                if store.version() == key[0]:  # nothing was written meanwhile: keep it
                    held = self.made.setdefault(store, OrderedDict())
                    held[key] = found
                    while len(held) > self.keep:
                        held.popitem(last=False)
            return found


def whole_map(graph, read_ties: Callable[[Any], list[Tie]]) -> dict[int, tuple[float, float]]:
    """Positions of the map as it opens, with no filter (empty past MAX_NODES nodes); `read_ties` reads
    that map's ties (mapdata.opening_ties: passed in, so this module needs nothing of mapdata)."""
    if _ends_at_most(graph) > 20 * MAX_NODES:  # far too many: not worth reading the ties to count them
        return {}
    ties = read_ties(graph)
    ids = sorted({e for t in ties for e in (t.subject.id, t.object.id)})
    if not ids or len(ids) > MAX_NODES:
        return {}
    pos = layout(len(ids), links_of(ids, ties))
    return {e: (float(x), float(y)) for e, (x, y) in zip(ids, pos.tolist(), strict=True)}


def _ends_at_most(graph) -> int:
    """How many entities the store's ties join (at least as many as the whole map's nodes), counted with
    the ties (graph.degrees)."""
    from ..graph import degrees

    with graph.engine.connect() as conn:
        return degrees.ends(conn)


LAYOUTS = Layouts()


def warm(graph, read_ties: Callable[[Any], list[Tie]]) -> None:
    """Lay the whole map out now, so that the first visitor after the server starts (or after a write)
    does not wait for it; run in a background thread. A failure is only logged: the first request then
    lays the map out itself and reports any error the usual way."""
    try:
        LAYOUTS.positions(graph, read_ties)
    except Exception as exc:  # noqa: BLE001 - see above
        log.warning("the map's layout could not be made in advance: %s", exc)


def positions_for(graph, node_ids: Iterable[int], read_ties: Callable[[Any], list[Tie]]) -> dict[str, list[float]]:
    """The places of these nodes in the whole map's layout, as the map's JSON gives them."""
    placed = LAYOUTS.positions(graph, read_ties)
    return {str(i): list(placed[i]) for i in node_ids if i in placed}
