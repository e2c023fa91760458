#!/usr/bin/env python3
"""Time to an interactive map: a synthetic store of 1,000 entities and 5,000 ties, headless Chromium.

    .venv/bin/python bench/bench_web.py [--entities 1000] [--ties 5000] [--runs 3] [--db PATH]

Builds the store through Store.save_extractions (documents of generated sentences, each tie with its
evidence), serves it with `factionmap serve`'s app on 127.0.0.1, opens the map in Debian's chromium
and prints, per run: the time from navigation to the map being drawn and laid out with its handlers
bound (`#map[data-state=ready]`), and the time from a click on a node to its profile in the panel.
Target: under 1.5 s to interactive (median of 3); the two first loads must give identical positions.
"""
from __future__ import annotations

import argparse
import random
import socket
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
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(url + "/api/stats", timeout=2)
            return url, proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    sys.exit("bench_web: the server did not start")


def measure(url: str, runs: int) -> list[tuple[float, float, int, int]]:
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        for _ in range(runs):
            page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
            t0 = time.perf_counter()
            page.goto(url + "/")
            page.wait_for_selector("#map[data-state=ready]", timeout=60000)
            ready = time.perf_counter() - t0
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
            out.append((ready, click, nodes, edges, pos))
            page.context.close()
        browser.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entities", type=int, default=1000)
    ap.add_argument("--ties", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--db", help="Keep the synthetic store here (default: a temporary file)")
    args = ap.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"bench_web: {CHROMIUM} is missing; run scripts/setup-system.sh")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.db) if args.db else Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        store = synthetic_store(path, args.entities, args.ties)
        stats = store.stats()
        print(f"store: {stats['entities']} entities, {stats['ties']} ties ({time.perf_counter() - t0:.1f} s to build)")
        store.close()
        url, server = serve(path)
        t1 = time.perf_counter()
        import httpx

        size = len(httpx.get(url + "/api/map", timeout=60).content)
        print(f"/api/map: {time.perf_counter() - t1:.2f} s, {size / 1e6:.1f} MB")
        results = measure(url, args.runs)
        print(f"identical node positions across loads: {len({r[4] for r in results}) == 1}")
        for i, (ready, click, nodes, edges, _pos) in enumerate(results, 1):
            print(f"run {i}: interactive in {ready:.2f} s ({nodes} nodes, {edges} edges drawn); click -> profile {click:.2f} s")
        best = min(r[0] for r in results)
        median = sorted(r[0] for r in results)[len(results) // 2]
        verdict = "OK" if median < TARGET_S else "SLOWER THAN TARGET"
        print(f"time to interactive: median {median:.2f} s, best {best:.2f} s (target < {TARGET_S} s): {verdict}")
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
