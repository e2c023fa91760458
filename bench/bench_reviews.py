"""What reviews cost the map: aggregation and reads with and without analysts' reviews, same run.

    python bench/bench_reviews.py [--entities 5000] [--assertions 50000] [--reviews 1000]

Builds a synthetic store (bench_graph.generate), then times, in this order: a full aggregation
(`aggregate.refresh(None)`) with no review; a full aggregation after `--reviews` reviews (a third
each confirmed, rejected, corrected); the review queue; and one review (confirm with the map
following). It prints each time and the ratio of the reviewed aggregation to the plain one (the
machine is shared: compare ratios, not seconds).
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_graph import generate  # noqa: E402

from factionmap.graph import Graph, aggregate  # noqa: E402
from factionmap.review import Editor, local_actor  # noqa: E402
from factionmap.store import Store  # noqa: E402


def _time(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entities", type=int, default=5000)
    ap.add_argument("--assertions", type=int, default=50000)
    ap.add_argument("--reviews", type=int, default=1000)
    ap.add_argument("--db")
    args = ap.parse_args()
    db = Path(args.db or Path(tempfile.mkdtemp()) / "bench_reviews.db")
    store = Store(db)
    generate(store, args.entities, args.assertions)
    g = Graph(store)

    def refresh():
        with store.transaction() as conn:
            aggregate.refresh(conn, None)

    plain = min(_time(refresh) for _ in range(2))
    ties = [r["id"] for r in g.tie_rows()]
    rng = random.Random(5)
    picked = rng.sample(ties, min(args.reviews, len(ties)))
    ed = Editor(store, local_actor("bench"))
    t0 = time.perf_counter()
    for i, tie_id in enumerate(picked):
        try:
            if i % 3 == 0:
                ed.confirm(tie_id)
            elif i % 3 == 1:
                ed.reject(tie_id)
            else:
                ed.correct(tie_id, {"start": "2001"})
        except Exception:  # noqa: BLE001 - a tie a previous correction merged away
            continue
    per_review = (time.perf_counter() - t0) / max(1, len(picked))
    reviewed = min(_time(refresh) for _ in range(2))
    queue = _time(lambda: g.review_queue(limit=20))
    print(f"store: {args.entities} entities, {args.assertions} assertions, {len(ties)} ties, {len(picked)} reviews")
    print(f"full aggregation, no reviews:   {plain:.2f} s")
    print(f"full aggregation, with reviews: {reviewed:.2f} s  (ratio {reviewed / plain:.2f})")
    print(f"one review (write, audit, map): {per_review * 1000:.0f} ms on average")
    print(f"review queue (first 20):        {queue * 1000:.0f} ms")


if __name__ == "__main__":
    main()
