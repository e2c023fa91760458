#!/usr/bin/env python3
"""Screenshots of the web app on the sample corpus: the map, a profile, a document, lineage, geography, contested.

    .venv/bin/python bench/screenshots.py [--db demo.db] [--out docs/screenshots] [--group NAME]

Builds the sample corpus (samples/corpus) into --db unless it already holds documents, serves it
with `factionmap serve` on 127.0.0.1, and saves PNGs taken in headless Debian chromium.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_web import ARGS, CHROMIUM, serve  # noqa: E402


def ensure_store(db: Path) -> None:
    from factionmap.builder import build
    from factionmap.store import Store

    store = Store(db)
    if not store.stats()["documents"]:
        report = build(store, [str(ROOT / "samples" / "corpus")])
        print(f"built the sample corpus: {report.extracted} documents, {report.assertions} assertions")
    store.close()


def shoot(url: str, out: Path, group: str | None) -> list[Path]:
    import httpx
    from playwright.sync_api import sync_playwright

    nodes = httpx.get(url + "/api/map", timeout=30).json()["nodes"]
    if group:
        target = httpx.get(url + "/api/entities/" + group, timeout=30).json()["entity"]["id"]
    else:
        target = max(nodes, key=lambda n: n["degree"])["id"]
    profile = httpx.get(f"{url}/api/entities/{target}", timeout=30).json()
    cited = next((c for t in profile["timeline"] for c in t["citations"]), None)
    saved = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1440, "height": 900}, device_scale_factor=1)

        def save(name: str, full: bool = False) -> None:
            path = out / name
            page.screenshot(path=str(path), full_page=full)
            saved.append(path)

        page.goto(url + "/")
        page.wait_for_selector("#map[data-state=ready]")
        page.wait_for_timeout(500)
        x, y = page.evaluate(f"""() => {{ const n = window.factionmapMap.cy.$id('n{target}');
            const p = n.renderedPosition(), b = document.getElementById('map').getBoundingClientRect();
            return [b.left + p.x, b.top + p.y]; }}""")
        page.mouse.click(x, y)
        page.wait_for_selector(".entity-panel .entity-name")
        save("map.png")
        page.goto(f"{url}/?lineage=1")
        page.wait_for_selector("#map[data-state=ready]")
        page.wait_for_timeout(300)
        save("lineage.png")
        page.goto(f"{url}/entities/{target}")
        save("profile.png")
        page.goto(f"{url}/geo")
        page.wait_for_selector("#geo[data-state=ready]")
        page.wait_for_timeout(500)
        save("geography.png")
        page.goto(f"{url}/contested")
        save("contested.png")
        if cited:
            page.goto(url + cited["href"])
            page.wait_for_selector("mark.quote")
            save("document.png")
        browser.close()
    return saved


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="Store to use (default: a temporary one built from samples/corpus)")
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    ap.add_argument("--group", help="The group whose profile to show (default: the one with most ties)")
    args = ap.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"screenshots: {CHROMIUM} is missing; run scripts/setup-system.sh")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "samples.db"
        ensure_store(db)
        url, server = serve(db)
        try:
            for path in shoot(url, out, args.group):
                print(f"saved {path}")
        finally:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    main()
