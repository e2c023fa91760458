"""`bench_scale.py queries`: query and map latencies on a large store filled by scale_store.fill.

Samples (fixed seed): entities drawn among those with at least one tie (the hubs, which about every
tenth document names, measured apart); `path` between pairs three steps apart (so there is something
to find) and between random pairs; `lineage` of entities that have lineage ties; `contested` of one
entity and the whole store's first page. Each query is run once to warm the connection pool, then
timed one call at a time (wall clock, milliseconds).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

from sqlalchemy import func, or_, select

from factionmap.graph import Graph
from factionmap.relations import LINEAGE
from factionmap.store import Store
from factionmap.store import schema as t


def timed(fn, samples, sql: list[float] | None = None) -> dict[str, float]:
    """p50/p95/max wall ms of fn over the samples; with `sql` (seconds, kept by sql_clock), also the p50 of
    each call's time inside cursor.execute, and of the process's CPU-seconds."""
    fn(samples[0])
    times, in_sql, cpu = [], [], []
    for x in samples:
        if sql is not None:
            sql[0] = 0.0
        start, cpu_start = time.perf_counter(), time.process_time()
        fn(x)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append(time.process_time() - cpu_start)
        in_sql.append(sql[0] * 1000 if sql is not None else 0.0)
    times.sort()
    out = {"p50_ms": statistics.median(times), "p95_ms": times[max(0, int(len(times) * 0.95) - 1)],
           "max_ms": times[-1], "n": len(times)}
    if sql is not None:
        out.update(sql_ms=statistics.median(in_sql), cpu_s=statistics.median(cpu))
    return out


def sql_clock(store: Store) -> list[float]:
    """[seconds spent inside cursor.execute] (the statement, the server, and pg8000 receiving and decoding
    its rows), added to by every statement of the store's engines: the rest of a request is Python."""
    from sqlalchemy import event

    spent = [0.0]

    def before(conn, *_args):
        conn.info["sql_start"] = time.perf_counter()

    def after(conn, *_args):
        spent[0] += time.perf_counter() - conn.info.pop("sql_start", time.perf_counter())
    for engine in {store.engine, store.reader}:
        event.listen(engine, "before_cursor_execute", before)
        event.listen(engine, "after_cursor_execute", after)
    return spent


def samples(store: Store, n: int, seed: int = 3) -> dict[str, list]:
    rng = random.Random(seed)
    c = t.ties.c
    with store.engine.connect() as conn:
        top = conn.execute(select(func.max(t.entities.c.id))).scalar_one()
        picked: list[int] = []
        while len(picked) < n:  # entities with a tie, drawn uniformly by id
            eid = rng.randrange(21, top + 1)
            if conn.execute(select(c.id).where(or_(c.subject_id == eid, c.object_id == eid)).limit(1)).first():
                picked.append(eid)
        hubs = list(range(1, 21, 4))  # five of the twenty
        lineage_ids = [r[0] for r in conn.execute(select(c.subject_id).where(c.relation.in_(sorted(LINEAGE)))
                                                  .order_by(c.id).limit(n * 20))]
        lineage_ids = rng.sample(lineage_ids, min(n, len(lineage_ids)))

        def step(eid: int) -> int:
            near = [r[0] if r[0] != eid else r[1] for r in conn.execute(
                select(c.subject_id, c.object_id).where(or_(c.subject_id == eid, c.object_id == eid),
                                                        c.subject_id > 20, c.object_id > 20).limit(50))]
            return rng.choice(near) if near else eid
        connected = []
        for a in picked:
            b = a
            for _ in range(3):
                b = step(b)
            connected.append((a, b))
    pairs = [(rng.choice(picked), rng.choice(picked)) for _ in range(n)]
    return {"ids": picked, "hubs": hubs, "lineage": lineage_ids, "connected": connected, "pairs": pairs}


def query_latencies(store: Store, n: int = 100, only: list[str] | None = None) -> dict[str, dict[str, float]]:
    """p50/p95 of each query over its samples; `only`: the queries whose label is one of these."""
    g = Graph(store)
    s = samples(store, n)
    plan = [
        ("show", g.profile, s["ids"]),
        ("show (hubs)", g.profile, s["hubs"]),
        *_hub_pages(g, s["hubs"]),
        ("ties --as-of", lambda e: _ties_as_of(g, e), s["ids"]),
        ("ties --as-of (hubs)", lambda e: _ties_as_of(g, e), s["hubs"]),
        ("ties --as-of (hubs, no quotes)", lambda e: _ties_as_of(g, e, citations=False), s["hubs"]),
        *_ties_pages(g, s["hubs"]),
        ("path (3 steps apart)", lambda p: g.path(*p), s["connected"]),
        ("path (random pairs)", lambda p: g.path(*p), s["pairs"]),
        ("lineage", g.lineage, s["lineage"]),
        ("contested --entity", lambda e: g.contested(entity=e), s["ids"]),
        ("contested (first 50)", lambda _e: g.contested(limit=50), s["ids"][:30]),
    ]
    return {label: timed(fn, xs) for label, fn, xs in plan if not only or label in only}


def _ties_as_of(g: Graph, e: int, **page) -> None:
    """What `ties --as-of DATE --entity E` reads: a page of the entity's ties and their count where the
    code pages them (Graph.ties_page), every tie of it on a checkout from before. `citations=False`: the
    page without its citations, which the command reads only with --quotes or --json (since issue-13-latency2);
    the ends by name, without their aliases, which it does not print (since issue-13-aliases)."""
    if not hasattr(g, "ties_page"):
        g.ties(as_of="2015-06-01", entity=e)
        return
    g.ties_page(offset=page.get("offset", 0), as_of="2015-06-01", entity=e, aliases=False,
                **{k: v for k, v in page.items() if k != "offset"})


def _ties_pages(g: Graph, hubs: list[int]) -> list:
    """`ties --as-of --entity HUB --offset 100` and `--all`, where the code pages them."""
    if not hasattr(g, "ties_page"):
        return []
    return [("ties --as-of (hubs, page 2)", lambda e: _ties_as_of(g, e, offset=100), hubs),
            ("ties --as-of --all (hubs)", lambda e: g.ties(as_of="2015-06-01", entity=e), hubs[:3])]


def _hub_pages(g: Graph, hubs: list[int]) -> list:
    """A hub's second page of ties, and its whole profile (a few samples: seconds each), where the code
    measured pages profiles (graph.views.PROFILE_PAGE); nothing on a checkout from before."""
    try:
        from factionmap.graph.views import PROFILE_PAGE
    except ImportError:
        return []
    return [("show (hubs, page 2)", lambda e: g.profile(e, offset=PROFILE_PAGE), hubs),
            ("show --all (hubs)", lambda e: g.profile(e, limit=None), hubs[:3])]


def _after_a_write(store: Store, client, params: dict):
    """A request made right after a write: the store's version is raised (as by any write), so nothing
    made for the previous version (the answer's cache, the whole map's layout) is used."""
    def request(_x):
        with store.transaction():
            pass
        return client.get("/api/map", params=params)
    return request


def map_latencies(store: Store, n: int = 20, only: str | None = None) -> dict[str, dict[str, float]]:
    """The map API's answer (/api/map) under TestClient: the default view (also right after a write:
    the first uncached request), a year, a day that is not a 1 January, two relations, one status, three
    confidence floors (serve --min-confidence; one not a tenth), a period, four combinations of them, a
    focus, nothing selected.
    Each view also gives the p50 of its time in SQL (sql_clock) and of the process's CPU-seconds."""
    from fastapi.testclient import TestClient

    from factionmap.web.app import create_app

    s = samples(store, n, seed=5)
    client = TestClient(create_app(store, cache=False))  # computed each time, not cached
    confident = TestClient(create_app(store, cache=False, min_confidence=0.5))  # serve --min-confidence 0.5
    stricter = TestClient(create_app(store, cache=False, min_confidence=0.8))
    between = TestClient(create_app(store, cache=False, min_confidence=0.55))  # a floor that is not a tenth

    def view(params: dict, on=client):
        return lambda _x: on.get("/api/map", params=params)
    plan = [
        ("/api/map (default)", lambda _x: client.get("/api/map"), list(range(n))),
        ("/api/map?as_of=2010", lambda _x: client.get("/api/map", params={"as_of": "2010"}), list(range(n))),
        ("/api/map?relation=ally_of,opposes", view({"relation": "ally_of,opposes"}), list(range(n))),
        ("/api/map?status=supported", view({"status": "supported"}), list(range(n))),
        ("/api/map (min-confidence 0.5)", view({}, confident), list(range(n))),
        ("/api/map (min-confidence 0.8)", view({}, stricter), list(range(n))),
        ("/api/map?as_of=2010-06-01 (not a 1 January)", view({"as_of": "2010-06-01"}), list(range(n))),
        ("/api/map (min-confidence 0.55)", view({}, between), list(range(n))),
        ("/api/map?from=2005-03-01&to=2010-06-30 (a period)", view({"from": "2005-03-01", "to": "2010-06-30"}),
         list(range(n))),
        ("/api/map?as_of=2010-06-01 (min-confidence 0.55)", view({"as_of": "2010-06-01"}, between), list(range(n))),
        ("/api/map?as_of=2010&status=supported", view({"as_of": "2010", "status": "supported"}), list(range(n))),
        ("/api/map?as_of=2010&relation=ally_of,opposes&status=supported (min-confidence 0.5)",
         view({"as_of": "2010", "relation": "ally_of,opposes", "status": "supported"}, confident), list(range(n))),
        ("/api/map?relation=ally_of,opposes&status=contested", view({"relation": "ally_of,opposes", "status": "contested"}),
         list(range(n))),
        ("/api/map?focus=ID", lambda e: client.get("/api/map", params={"focus": e}), s["ids"]),
        ("/api/map (after a write)", _after_a_write(store, client, {}), list(range(max(2, n // 2)))),
        ("/api/map?status= (nothing)", lambda _x: client.get("/api/map", params={"status": ""}), list(range(3))),
    ]
    out = {}
    spent = sql_clock(store)
    for label, fn, xs in plan:
        if only and only not in label:
            continue
        first = fn(xs[0])
        out[label] = {**timed(fn, xs, spent), "status": first.status_code, "bytes": len(first.content)}
        try:
            body = first.json()
            out[label].update(nodes=len(body.get("nodes", [])), edges=len(body.get("edges", [])))
        except ValueError:
            pass
    return out


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="bench_scale.py queries", description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--assertions", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=100)
    parser.add_argument("--sqlite", help="Fill (or, with --reuse, query) this SQLite file instead of PostgreSQL.")
    parser.add_argument("--url", help="Query this existing store as it is (no fill).")
    parser.add_argument("--reuse", action="store_true", help="With --sqlite: query the file as it is.")
    parser.add_argument("--no-map", action="store_true", help="Skip the map API's latencies.")
    parser.add_argument("--map-samples", type=int, default=20, help="Requests timed per map view.")
    parser.add_argument("--map-only", metavar="TEXT", help="Only the map views whose label holds TEXT ('after a write').")
    parser.add_argument("--no-queries", action="store_true", help="Skip the five queries (the map API only).")
    parser.add_argument("--only", nargs="+", metavar="LABEL",
                        help="Only these queries, by their printed label ('show' 'path (random pairs)').")
    parser.add_argument("--json", help="Also write the figures to this file.")
    args = parser.parse_args(argv)
    from bench.scale_store import fill
    server = None
    try:
        if args.url:
            store = Store(args.url)
        elif args.sqlite:
            path = Path(args.sqlite)
            if not args.reuse:
                for suffix in ("", "-wal", "-shm"):
                    Path(str(path) + suffix).unlink(missing_ok=True)
            store = Store(path)
        else:
            sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
            from tests.postgres_server import PostgresServer

            server = PostgresServer()
            server.start()
            store = Store(server.create_database("scale_queries"))
        figures: dict = {"store": store.shown}
        if not args.url and not args.reuse:
            start = time.perf_counter()
            figures["rows"] = fill(store, args.entities, args.assertions)
            figures["fill_s"] = time.perf_counter() - start
            print(f"filled in {figures['fill_s']:.1f} s: {figures['rows']}")
        figures["load"] = {"start": os.getloadavg()}
        if not args.no_queries:
            figures["queries"] = query_latencies(store, args.samples, args.only)
            figures["load"]["after queries"] = os.getloadavg()
        if not args.no_map:
            figures["map"] = map_latencies(store, args.map_samples, args.map_only)
            figures["load"]["after the map"] = os.getloadavg()
        print("load average (1, 5, 15 min): " + "; ".join(f"{k} {a:.1f} {b:.1f} {c:.1f}"
                                                           for k, (a, b, c) in figures["load"].items()))
        for group in ("queries", "map"):
            for label, v in figures.get(group, {}).items():
                extra = "".join(f"  {k} {v[k]:,}" for k in ("status", "nodes", "edges", "bytes") if k in v)
                if "sql_ms" in v:
                    extra += f"  SQL {v['sql_ms']:.0f} ms, Python {v['p50_ms'] - v['sql_ms']:.0f} ms, CPU {v['cpu_s']:.2f} s"
                print(f"{label:<24} p50 {v['p50_ms']:8.1f} ms  p95 {v['p95_ms']:8.1f} ms  max {v['max_ms']:8.1f} ms"
                      f"{extra}")
        store.close()
    finally:
        if server is not None:
            server.stop()
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2, default=str))
