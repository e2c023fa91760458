"""The pages in a real headless Chromium against a live server on 127.0.0.1 over the fixture store."""
from __future__ import annotations

import time

import httpx
import pytest

from .fixture_store import XSS_GROUP, XSS_IMG, XSS_SCRIPT, XSS_TITLE

pytestmark = pytest.mark.browser


def api(live_server, path: str):
    return httpx.get(live_server.url + path, timeout=10).json()


def open_map(page, path: str = "/") -> None:
    page.page.goto(path)
    page.page.wait_for_selector("#map[data-state=ready]", timeout=15000)


def wait_until(page, expression: str, timeout: float = 10.0) -> None:
    """Poll from Python: the page's CSP (no eval) forbids Playwright's in-page wait_for_function."""
    deadline = time.monotonic() + timeout
    while not page.page.evaluate(f"() => Boolean({expression})"):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {expression}")
        time.sleep(0.05)


def visible_edges(page) -> int:
    return int(page.page.get_attribute("#map", "data-visible-edges"))


def click_element(page, selector_js: str) -> None:
    """Click, with the real mouse, where Cytoscape drew the node or edge that `selector_js` picks."""
    x, y = page.page.evaluate(
        """(pick) => {
            const cy = window.factionmapMap.cy;
            const el = (new Function('cy', 'return ' + pick))(cy);
            const p = el.isNode() ? el.renderedPosition() : el.renderedMidpoint();
            const box = document.getElementById('map').getBoundingClientRect();
            return [box.left + p.x, box.top + p.y];
        }""",
        selector_js,
    )
    page.page.mouse.click(x, y)


def node_by_name(name: str) -> str:
    return f"cy.nodes().filter(n => n.data('name') === {name!r})[0]"


def test_map_renders_the_edges_of_the_api(page, live_server):
    open_map(page)
    expected = api(live_server, "/api/map")
    assert len(expected["edges"]) >= 5
    assert visible_edges(page) == len(expected["edges"])
    assert page.page.evaluate("window.factionmapMap.cy.edges().length") == len(expected["edges"])
    assert "ties shown" in page.page.inner_text("#map-status")
    legend = page.page.inner_text(".legend")
    for label in ("hierarchy", "alliance", "conflict", "lineage", "leadership", "place", "reported only", "contested",
                  "undated"):
        assert label in legend
    filters = page.page.inner_text("#filters")
    for label in ("pledged allegiance to", "is part of", "split from", "merged into"):
        assert label in filters
    assert page.errors == [], page.errors  # no CSP violations, no script errors
    assert page.dialogs == []


def test_time_slider_redraws_the_map_as_it_stood(page, live_server):
    open_map(page)
    all_dates = visible_edges(page)
    months = page.page.evaluate("window.factionmapMap.months")
    index = months.index("2014-01")
    page.page.locator("#time").fill(str(index))
    page.page.wait_for_selector("#map[data-as-of='2014-01'][data-state=ready]", timeout=10000)
    then = api(live_server, "/api/map?as_of=2014-01")
    assert visible_edges(page) == len(then["edges"]) < all_dates
    assert page.page.inner_text("#time-label") == "2014-01"
    hidden_jfs = page.page.evaluate(
        "window.factionmapMap.cy.nodes().filter(n => n.data('name') === 'Hay\\'at Tahrir al-Sham').hasClass('hidden')")
    assert hidden_jfs  # HTS was formed in 2017
    assert "as_of=2014-01" in page.page.url
    page.page.locator("#time").fill(str(len(months)))  # far right: all dates again
    page.page.wait_for_selector("#map[data-as-of=''][data-state=ready]", timeout=10000)
    assert visible_edges(page) == all_dates
    assert page.errors == []


def test_filters_redraw_and_focus_on_a_group(page, live_server):
    open_map(page)
    page.page.uncheck("input[name=relation][value=allegiance_to]")
    wait_until(page, "document.getElementById('map').dataset.state === 'ready' && location.search.includes('relation=')")
    expected = api(live_server, "/api/map?" + page.page.url.split("?", 1)[1])
    assert visible_edges(page) == len(expected["edges"])
    assert all(e["relation"] != "allegiance_to" for e in expected["edges"])
    assert page.errors == []


def test_click_on_a_group_opens_its_profile(page, live_server):
    open_map(page)
    click_element(page, node_by_name("Jabhat al-Nusra"))
    page.page.wait_for_selector(".entity-panel .entity-name")
    assert page.page.inner_text(".entity-panel .entity-name") == "Jabhat al-Nusra"
    page.page.click(".entity-panel a.open-profile")
    page.page.wait_for_url("**/entities/*")
    assert page.page.inner_text("h1.entity-name") == "Jabhat al-Nusra"
    body = page.page.inner_text("main")
    assert "Abu Mohammad al-Julani" in body  # a leader
    assert "al-Nusra Front" in body  # an alias, with why
    assert "pledged allegiance to" in body
    assert "In April 2013 Jabhat al-Nusra pledged allegiance to al-Qaeda." in body  # the cited sentence
    assert page.errors == []


def test_click_on_an_edge_shows_its_cited_evidence(page, live_server):
    open_map(page)
    tie = next(e for e in api(live_server, "/api/map")["edges"] if e["relation"] == "split_from")
    click_element(page, f"cy.$id('e{tie['id']}')")
    page.page.wait_for_selector(".tie-panel .citation")
    text = page.page.inner_text(".tie-panel")
    assert "split from" in text
    assert "In August 2016 the Islamic State West Africa Province split from Boko Haram." in text
    assert page.errors == []


def test_focus_shows_the_neighbourhood(page, live_server):
    nusra = api(live_server, "/api/entities?q=Jabhat al-Nusra")[0]["id"]
    open_map(page, f"/?focus={nusra}")
    expected = api(live_server, f"/api/map?focus={nusra}")
    assert visible_edges(page) == len(expected["edges"])
    assert page.page.is_visible("#focus-box")


def test_lineage_view_lays_out_hierarchically(page, live_server):
    open_map(page, "/?lineage=1")
    expected = api(live_server, "/api/map?lineage=1")
    assert visible_edges(page) == len(expected["edges"]) > 0
    assert {e["relation"] for e in expected["edges"]} <= {"split_from", "merged_into", "successor_of"}
    assert page.errors == []


def test_citation_link_opens_the_document_with_the_quote_highlighted(page, live_server):
    nusra = api(live_server, "/api/entities?q=Jabhat al-Nusra")[0]["id"]
    page.page.goto(f"/entities/{nusra}")
    link = page.page.locator("a.quote-link", has_text="In April 2013").first
    quote = link.inner_text()
    link.click()
    page.page.wait_for_url("**/documents/*")
    mark = page.page.locator("mark.quote")
    assert "".join(mark.all_text_contents()).strip() == quote
    assert page.page.locator("#quote").is_visible()
    # mentions are highlighted and link to their entities
    mention = page.page.locator("#doc-text a.mention", has_text="al-Qaeda").first
    mention.click()
    page.page.wait_for_url("**/entities/*")
    assert page.page.inner_text("h1.entity-name") == "al-Qaeda"
    assert page.errors == []


def test_contested_page_shows_both_sides(page, live_server):
    page.page.goto("/contested")
    tie = page.page.locator(".contested-tie").first
    assert "Jabhat Fateh al-Sham" in tie.inner_text()
    assert "Analysts reported" in tie.locator(".side-for").inner_text()
    assert "denied that the group was part of al-Qaeda" in tie.locator(".side-against").inner_text()


def test_hostile_document_renders_as_text_and_runs_nothing(page, live_server):
    docs = api(live_server, "/api/documents")
    doc = next(d for d in docs if d["title"] == XSS_TITLE)
    page.page.goto(f"/documents/{doc['id']}")
    assert page.page.inner_text("h1.doc-title") == XSS_TITLE
    text = page.page.inner_text("#doc-text")
    assert XSS_SCRIPT in text and XSS_IMG in text and "<b>markup</b>" in text
    assert page.page.locator("main script, main img, #doc-text b").count() == 0
    assert XSS_TITLE in page.page.title()
    # the same strings as entity names: the profile, the lists, the map's panel
    brigade = api(live_server, "/api/entities?q=Brigade")[0]["id"]
    page.page.goto(f"/entities/{brigade}")
    assert page.page.inner_text("h1.entity-name") == XSS_GROUP
    for path in ("/documents", "/entities", "/contested", f"/ties/{api(live_server, '/api/map')['edges'][0]['id']}"):
        page.page.goto(path)
        assert page.page.locator("main script, main img").count() == 0
    open_map(page)
    click_element(page, node_by_name(XSS_GROUP))
    page.page.wait_for_selector(".entity-panel .entity-name")
    assert page.page.inner_text(".entity-panel .entity-name") == XSS_GROUP
    click_element(page, node_by_name("Jabhat al-Nusra"))
    page.page.wait_for_timeout(300)
    assert page.page.locator("#panel img, #panel script").count() == 0
    assert page.dialogs == []  # no alert() ran anywhere
    assert page.page.evaluate("typeof window.__xss") == "undefined"


def test_pages_send_a_strict_content_security_policy(page, live_server):
    response = page.page.goto("/")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
    # an inline script injected the way a payload would try is refused by the browser
    page.page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.__inline = 1'; document.body.appendChild(s); }""")
    assert page.page.evaluate("typeof window.__inline") == "undefined"
