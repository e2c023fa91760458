#!/usr/bin/env python3
"""Time to an interactive map: a synthetic store of 1,000 entities and 5,000 ties, headless Chromium.

    .venv/bin/python bench/bench_web.py [--entities 1000] [--ties 5000] [--runs 3] [--db PATH]

Builds the store through Store.save_extractions (documents of generated sentences, each tie with its
evidence; an existing --db is reused, brought up to the current schema), serves it with `factionmap
serve`'s app on 127.0.0.1, opens the map in Debian's chromium and prints, per run: the time from
navigation to the map laid out, painted and with its handlers bound (`#map[data-state=ready]`, set
after Cytoscape.js's first paint), the CPU time the page's main thread and its layout worker spent until then (from Chromium's trace:
less sensitive than wall time to the other work on a shared machine), and the time from a click on a
node to its profile in the panel. As a baseline measured in the same run, the same browser also opens
the map with no relation selected (the page, its scripts and an empty map): the ratio says how much
the 1,000 groups cost over the page's fixed costs under the machine's current load, which it prints.
The server lays the whole map out once per store version (web/maplayout.py), in a background thread
as `serve` starts and after each upload; the page then only draws (its layout worker shows 0 ms).
The map draws the server's first page of groups (400 by default); `--limit 1000` draws all of them.
Target: under 1.5 s to interactive (median of 3); the loads must give identical positions.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import sys
import tempfile
import subprocess
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
RELATIONS = ["allegiance_to", "part_of", "ally_of", "opposes", "split_from", "merged_into", "successor_of"]
TARGET_S = 1.5


def synthetic_store(path: Path, n_entities: int, n_ties: int, per_doc: int = 250):
    from factionmap.model import Assertion, Document, Entity, Evidence, Extraction, FuzzyDate, Mention, MentionType
    from factionmap.store import Store

    rng = random.Random(7)
    names = [f"Group {i:04d}" for i in range(n_entities)]
    entities = [Entity(n, "ORG", kb_id=f"synthetic:{i}") for i, n in enumerate(names)]
    pairs: set[tuple[int, str, int]] = set()
    while len(pairs) < n_ties:
        # a few hubs, like real maps: half the ties touch the first tenth of the groups
        a = rng.randrange(n_entities // 10) if rng.random() < 0.5 else rng.randrange(n_entities)
        b = rng.randrange(n_entities)
        rel = rng.choice(RELATIONS)
        if a != b and (b, rel, a) not in pairs:
            pairs.add((a, rel, b))
    rows = sorted(pairs)
    extractions = []
    for d in range(0, len(rows), per_doc):
        chunk = rows[d:d + per_doc]
        parts, spans = [], []
        offset = 0
        for a, rel, b in chunk:
            year = rng.randrange(1995, 2024)
            sentence = f"In {year} {names[a]} {rel.replace('_', ' ')} {names[b]}. "
            spans.append((offset, offset + len(sentence) - 1, a, rel, b, year))
            parts.append(sentence)
            offset += len(sentence)
        doc = Document("".join(parts), title=f"Synthetic report {d // per_doc + 1}", publisher=f"Source {d % 7}",
                       published="2024-01-01", format="txt")
        used = sorted({x for s in spans for x in (s[2], s[4])})
        mentions, assertions = [], []
        for start, end, a, rel, b, year in spans:
            sa = doc.text.index(names[a], start)
            sb = doc.text.index(names[b], sa + len(names[a]))
            mentions += [Mention(doc.id, sa, sa + len(names[a]), MentionType.ORG, entities[a].key),
                         Mention(doc.id, sb, sb + len(names[b]), MentionType.ORG, entities[b].key)]
            ended = FuzzyDate.from_iso(str(year + rng.randrange(1, 8))) if rng.random() < 0.4 else None
            assertions.append(Assertion(entities[a], rel, entities[b], "asserted" if rng.random() < 0.8 else "reported",
                                        FuzzyDate.from_iso(str(year)), ended, None,
                                        [Evidence(doc.id, start, end, "synthetic", "bench-1")]))
        extractions.append(Extraction(doc, [entities[i] for i in used], mentions, assertions, "bench-1"))
    store = Store(path)
    store.save_extractions(extractions)
    return store


def serve(db: Path) -> tuple[str, subprocess.Popen]:
    """`factionmap serve` in its own process, as a user runs it; returns its URL once it answers."""
    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "factionmap.cli", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120  # a busy shared machine can take a minute to import everything
    while time.monotonic() < deadline:
        try:
            httpx.get(url + "/api/stats", timeout=2)
            return url, proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    sys.exit("bench_web: the server did not start")


def cpu_ms(trace: bytes, until_mark: str = "fm-painted") -> dict[str, float]:
    """CPU milliseconds of the page's main thread and of its workers, up to the page's mark."""
    data = json.loads(trace)
    events = data["traceEvents"] if isinstance(data, dict) else data
    names = {(e["pid"], e["tid"]): e["args"]["name"] for e in events
             if e.get("ph") == "M" and e.get("name") == "thread_name"}
    marks = [e["ts"] for e in events if e.get("name") == until_mark and "user_timing" in e.get("cat", "")]
    end = max(marks) if marks else float("inf")
    out = {"main": 0.0, "worker": 0.0}
    for e in events:
        if e.get("ph") != "X" or e.get("name") not in ("RunTask", "ThreadControllerImpl::RunTask") or "tdur" not in e:
            continue
        thread = names.get((e["pid"], e["tid"]), "")
        key = "main" if thread == "CrRendererMain" else "worker" if "Worker" in thread else None
        if key and e["ts"] <= end:
            out[key] += e["tdur"] / 1000
    return out


# the two nearest nodes' distance on screen at the initial zoom (readability: none drawn on another)
CLOSEST = """() => { const ps = window.factionmapMap.cy.nodes().map(n => n.renderedPosition()); let least = Infinity;
    for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++)
        least = Math.min(least, Math.hypot(ps[i].x - ps[j].x, ps[i].y - ps[j].y));
    return least; }"""


def open_map(browser, url: str, trace: bool = False) -> tuple:
    """A fresh context (no cache) on the map: (page, seconds to ready, CPU ms by thread or None)."""
    page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
    if trace:
        browser.start_tracing(page=page, categories=["toplevel", "devtools.timeline", "blink.user_timing",
                                                     "disabled-by-default-devtools.timeline"])
    t0 = time.perf_counter()
    page.goto(url)
    page.wait_for_selector("#map[data-state=ready]", timeout=60000)
    ready = time.perf_counter() - t0
    return page, ready, cpu_ms(browser.stop_tracing()) if trace else None


def measure(url: str, runs: int, query: str = "") -> tuple[list[tuple], list[float]]:
    from playwright.sync_api import sync_playwright

    out, baseline = [], []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        for _ in range(runs):
            small, seconds, _cpu = open_map(browser, f"{url}/?relation=")
            baseline.append(seconds)
            small.context.close()
            page, ready, cpu = open_map(browser, url + "/" + query, trace=True)
            nodes = int(page.get_attribute("#map", "data-visible-nodes"))
            edges = int(page.get_attribute("#map", "data-visible-edges"))
            x, y = page.evaluate("""() => { const n = window.factionmapMap.cy.nodes().max(n => n.degree()).ele;
                const p = n.renderedPosition(), b = document.getElementById('map').getBoundingClientRect();
                return [b.left + p.x, b.top + p.y]; }""")
            t1 = time.perf_counter()
            page.mouse.click(x, y)
            page.wait_for_selector(".entity-panel .entity-name", timeout=30000)
            click = time.perf_counter() - t1
            pos = page.evaluate("JSON.stringify(window.factionmapMap.cy.nodes().map(n => [n.id(), n.position()]))")
            cpu["closest_px"] = page.evaluate(CLOSEST)
            out.append((ready, click, nodes, edges, pos, cpu))
            page.context.close()
        browser.close()
    return out, baseline


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entities", type=int, default=1000)
    ap.add_argument("--ties", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--limit", type=int, help="Draw at most this many groups (the map's `limit`; default: the "
                                              "server's page, 400): --limit 1000 draws every group")
    ap.add_argument("--db", help="Keep the synthetic store here (default: a temporary file), or a store's URL "
                                 "(postgresql+pg8000://...) to serve as it is")
    args = ap.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"bench_web: {CHROMIUM} is missing; run scripts/setup-system.sh")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.db) if args.db else Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        if args.db and "://" in args.db:  # an existing store by URL (e.g. bench_scale.py queries' PostgreSQL)
            from factionmap.store import Store

            path = args.db  # type: ignore[assignment]
            store = Store(path)
            built = "given by URL"
        elif path.exists():
            from factionmap.store import Store

            store = Store(path)  # brought up to the current schema
            built = "reused"
        else:
            store = synthetic_store(path, args.entities, args.ties)
            built = f"{time.perf_counter() - t0:.1f} s to build"
        stats = store.stats()
        print(f"store: {stats['entities']} entities, {stats['ties']} ties ({built}); "
              f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
        store.close()
        url, server = serve(path)
        import httpx

        # `serve` lays the whole map out in a background thread as it starts (web/maplayout.py, once per
        # store version): the first request, sent as soon as the server answers, waits for what is left of it
        for attempt in ("first request, sent as soon as the server answers", "second request"):
            t1 = time.perf_counter()
            answer = httpx.get(url + "/api/map", timeout=60)
            print(f"/api/map ({attempt}): {time.perf_counter() - t1:.2f} s, {len(answer.content) / 1e6:.2f} MB")
        results, baseline = measure(url, args.runs, f"?limit={args.limit}" if args.limit else "")
        print(f"identical node positions across loads: {len({r[4] for r in results}) == 1}")
        for i, (ready, click, nodes, edges, _pos, cpu) in enumerate(results, 1):
            print(f"run {i}: interactive in {ready:.2f} s ({nodes} nodes, {edges} edges drawn; CPU main thread "
                  f"{cpu['main']:.0f} ms, layout worker {cpu['worker']:.0f} ms; closest nodes {cpu['closest_px']:.1f} px); "
                  f"click -> profile {click:.2f} s; "
                  f"baseline (empty map) {baseline[i - 1]:.2f} s")
        median = statistics.median(r[0] for r in results)
        verdict = "OK" if median < TARGET_S else "SLOWER THAN TARGET"
        print(f"time to interactive: median {median:.2f} s, best {min(r[0] for r in results):.2f} s "
              f"(target < {TARGET_S} s): {verdict}")
        print(f"baseline median {statistics.median(baseline):.2f} s; ratio {median / statistics.median(baseline):.2f}; "
              f"main-thread CPU median {statistics.median(r[5]['main'] for r in results):.0f} ms")
        print(f"load average at the end {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
