"""A hub's profile page, a page of ties at a time: /api/entities pages its ties (most cited first, the
next page's address in `page.next`), and in a real Chromium the page's "More ties" control adds the next
page under those shown until every tie is there, each once. On a small generated store (bench/scale_store.py)."""
from __future__ import annotations

import time
from collections import Counter

import pytest
from fastapi.testclient import TestClient

from bench.scale_store import fill
from factionmap.graph import Graph
from factionmap.graph import views
from factionmap.store import Store
from factionmap.web import create_app


@pytest.fixture(scope="module")
def hub_store(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("hub") / "map.db")
    fill(store, 400, 3000, aggregate_in_python=True, log=lambda *_: None)
    yield store
    store.close()


def busiest(store) -> tuple[int, list[int]]:
    rows = Graph(store).tie_rows()
    eid, _n = Counter(e for r in rows for e in (r["subject_id"], r["object_id"])).most_common(1)[0]
    return eid, sorted(r["id"] for r in rows if eid in (r["subject_id"], r["object_id"]))


def test_the_api_pages_a_profile_and_names_the_next_page(hub_store, monkeypatch):
    monkeypatch.setattr(views, "PAGE_CITATIONS", 1)  # a page's ties carry one citation: most have more
    client = TestClient(create_app(hub_store, cache=False))
    eid, ties = busiest(hub_store)
    assert len(ties) > 12
    seen, url, many = [], f"/entities/{eid}?limit=5", 0
    while url:  # page.next is the profile page's address; its JSON twin is under /api
        answer = client.get("/api" + url)
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert body["page"]["total"] == len(ties) and body["page"]["shown"] == len(body["timeline"]) <= 5
        seen += [x["id"] for x in body["timeline"]]
        for x in body["timeline"]:  # a tie cited more than a page carries says how many it has
            shown = len({c["assertion_id"] for c in x["citations"]})
            assert shown == views.PAGE_CITATIONS < x["cited"] if "cited" in x else shown <= views.PAGE_CITATIONS
            many += "cited" in x
        url = body["page"]["next"]
    assert sorted(seen) == ties and len(seen) == len(set(seen))
    assert many, "the hub should have a tie cited more often than a page shows"
    for bad in ("offset=-1", "limit=0", "limit=ten", "limit=100000"):
        answer = client.get(f"/api/entities/{eid}?{bad}")
        assert answer.status_code == 400 and bad.split("=")[0] in answer.json()["detail"], answer.text


def wait_until(page, expression: str, timeout: float = 15.0) -> None:
    """Poll from Python: the page's CSP (no eval) forbids Playwright's in-page wait_for_function."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(f"() => Boolean({expression})"):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {expression}")
        time.sleep(0.05)


@pytest.mark.browser
def test_more_ties_adds_the_next_page_until_every_tie_is_shown(browser, hub_store):
    from .conftest import LiveServer, Watched

    eid, ties = busiest(hub_store)
    with LiveServer(create_app(hub_store.url, bind_host="127.0.0.1")) as server:
        context = browser.new_context(base_url=server.url, viewport={"width": 1400, "height": 900})
        p = Watched(context.new_page())
        p.page.goto(f"/entities/{eid}?limit=6")
        rows = "document.querySelectorAll('#relationships tbody tr').length"
        assert p.page.evaluate(rows) == 6
        assert f"{len(ties)} ties" in p.page.inner_text(".tie-count")
        clicks = 0
        while p.page.locator("#more-ties a.more").count():
            before = p.page.evaluate(rows)
            p.page.locator("#more-ties a.more").click()
            wait_until(p.page, f"{rows} > {before}")
            clicks += 1
            assert p.page.url.endswith(f"/entities/{eid}?limit=6")  # added in place, not a new page
        shown = p.page.evaluate("[...document.querySelectorAll('#relationships tbody tr')].map(r => +r.dataset.tie)")
        assert sorted(shown) == ties and len(shown) == len(set(shown))
        assert clicks == -(-len(ties) // 6) - 1
        timeline = p.page.evaluate("[...document.querySelectorAll('ol.timeline > li')].map(li => li.id)")
        assert sorted(timeline) == sorted(f"tie-{x}" for x in ties)
        assert p.page.inner_text(".ties-shown") == f"1–{len(ties)}"
        assert p.errors == [], p.errors
        context.close()
