"""Graph queries at scale: a synthetic store of 100,000 entities and 1,000,000 assertions.

    python bench/bench_graph.py [--entities 100000] [--assertions 1000000] [--db /tmp/bench_graph.db]

Loading writes documents, document entities (already resolved: resolution is per document and is
not what this measures), assertions and evidence in bulk, then aggregates every tie
(`graph.aggregate.refresh`: grouping, near-duplicate voices, grades, supersession). It prints the
load time, then the median and p95 latency of `show` (a profile with every citation), an as-of
neighbourhood query and `path`, over random entities. Target: each median under 50 ms on SQLite.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time
from pathlib import Path

from sqlalchemy import insert

from factionmap.graph import Graph, aggregate, dedup, keys
from factionmap.namefold import fold
from factionmap.relations import RELATIONS
from factionmap.store import Store
from factionmap.store import schema as t

ORG_RELATIONS = [r for r in RELATIONS if r not in ("leader_of", "member_of", "operates_in", "designated_by")]
COMMUNITY = 40  # entities that documents talk about together
PER_DOC = 100  # assertions per document
CHUNK = 50_000


def _bulk(conn, table, rows) -> None:
    for i in range(0, len(rows), CHUNK):
        conn.execute(insert(table), rows[i:i + CHUNK])


def generate(store: Store, n_entities: int, n_assertions: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    now = dt.datetime.now(dt.timezone.utc)
    n_docs = max(1, n_assertions // PER_DOC)
    with store.transaction() as conn:
        _bulk(conn, t.entities, [{"id": i, "name": f"Group {i}", "type": "ORG", "attributes": {}}
                                 for i in range(1, n_entities + 1)])
        docs, doc_entities, members, aliases, assertions, evidence = [], [], [], [], [], []
        de_id = a_id = 0
        for d in range(n_docs):
            base = rng.randrange(0, max(1, n_entities // COMMUNITY)) * COMMUNITY
            cast = {min(n_entities, base + rng.randrange(COMMUNITY) + 1) for _ in range(20)}
            cast |= {rng.randrange(1, n_entities + 1) for _ in range(2)}  # links beyond the community
            cast = sorted(cast)
            doc_id = f"doc{d:07d}"
            local = {}
            for eid in cast:
                de_id += 1
                local[eid] = de_id
                doc_entities.append({"id": de_id, "doc_id": doc_id, "key": f"e{eid}", "name": f"Group {eid}",
                                     "type": "ORG", "aliases": [{"name": f"G{eid}", "source": "acronym"}],
                                     "attributes": {}})
                members.append({"doc_entity_id": de_id, "entity_id": eid, "reason": "synthetic"})
                for name in (f"Group {eid}", f"G{eid}"):
                    norm = fold(name)
                    aliases.append({"entity_id": eid, "name": name, "norm": norm, "doc_id": doc_id, "source": "text",
                                    "skel": keys.skeleton(norm), "block": keys.block(norm), "reason": "synthetic"})
            sentences = []
            offset = 0
            for _ in range(PER_DOC):
                s, o = rng.sample(cast, 2)
                relation = ORG_RELATIONS[(s * 7 + o * 13) % len(ORG_RELATIONS)]
                year = rng.randrange(1990, 2021)
                sentence = f"Group {s} {RELATIONS[relation].label} Group {o} from {year}. "
                sentences.append(sentence)
                a_id += 1
                dated = rng.random() < 0.7
                ended = dated and rng.random() < 0.2
                stance = rng.choices(["asserted", "reported", "denied"], [75, 20, 5])[0]
                assertions.append({
                    "id": a_id, "doc_id": doc_id, "subject_id": local[s], "relation": relation, "object_id": local[o],
                    "stance": stance, "attribution": None,
                    "start_iso": str(year) if dated else None, "start_earliest": f"{year}-01-01" if dated else None,
                    "start_latest": f"{year}-12-31" if dated else None, "start_text": str(year) if dated else None,
                    "end_iso": str(year + 3) if ended else None, "end_earliest": f"{year + 3}-01-01" if ended else None,
                    "end_latest": f"{year + 3}-12-31" if ended else None, "end_text": None,
                })
                evidence.append({"assertion_id": a_id, "doc_id": doc_id, "start_char": offset,
                                 "end_char": offset + len(sentence) - 1, "extractor": "synthetic",
                                 "extractor_version": "bench", "trigger": "",
                                 "fingerprint": dedup.fingerprint(sentence)})
                offset += len(sentence)
            docs.append({"id": doc_id, "path": f"{doc_id}.txt", "format": "txt", "title": f"Report {d}",
                         "publisher": f"Outlet {d % 300}", "published": f"{rng.randrange(2000, 2024)}",
                         "language": "en", "text": "".join(sentences), "sections": [], "infobox": [],
                         "ingested_at": now, "extractor_version": "bench"})
        for table, rows in ((t.documents, docs), (t.doc_entities, doc_entities), (t.entity_members, members),
                            (t.aliases, aliases), (t.assertions, assertions), (t.evidence, evidence)):
            _bulk(conn, table, rows)
        aggregate.refresh(conn, None)


def timed(fn, samples) -> tuple[float, float]:
    times = []
    for x in samples:
        start = time.perf_counter()
        fn(x)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--assertions", type=int, default=1_000_000)
    parser.add_argument("--db", default="/tmp/bench_graph.db")
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--reuse", action="store_true", help="Query an existing store without loading it again.")
    args = parser.parse_args()
    path = Path(args.db)
    if not args.reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    store = Store(path)
    if not args.reuse:
        start = time.perf_counter()
        generate(store, args.entities, args.assertions)
        print(f"load: {time.perf_counter() - start:.1f} s for {args.entities:,} entities, "
              f"{args.assertions:,} assertions -> {store.stats()['ties']:,} ties")
    g = Graph(store)
    rng = random.Random(1)
    ids = [rng.randrange(1, args.entities + 1) for _ in range(args.samples)]
    pairs = [(rng.randrange(1, args.entities + 1), rng.randrange(1, args.entities + 1)) for _ in range(args.samples)]
    connected = []
    for a in ids:  # pairs three steps apart, so that path has something to find
        b = a
        for _ in range(3):
            near = [x for tie in g.neighbourhood(b) for x in (tie.subject.id, tie.object.id) if x != b]
            b = rng.choice(near) if near else b
        connected.append((a, b))
    g.profile(ids[0])  # warm the cache
    for label, fn, samples in (
        ("show (profile, cited)", g.profile, ids),
        ("as-of neighbourhood (2010)", lambda e: g.neighbourhood(e, as_of="2010-06-01"), ids),
        ("path, random pairs", lambda p: g.path(*p), pairs),
        ("path, connected pairs", lambda p: g.path(*p), connected),
    ):
        median, p95 = timed(fn, samples)
        print(f"{label:<30} median {median:7.1f} ms   p95 {p95:7.1f} ms   ({len(samples)} samples)")
    found = sum(1 for a, b in pairs[:50] if g.path(a, b))
    linked = sum(1 for a, b in connected[:50] if g.path(a, b))
    print(f"paths found within 4 hops: random pairs {found}/50, connected pairs {linked}/50")


if __name__ == "__main__":
    main()
