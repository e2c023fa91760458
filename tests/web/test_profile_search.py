"""Issue 11's profile and search points in a real Chromium, on a store written for them: a leader of a
province is not listed as the leader of the whole group, each citation shows the sentences around it,
and search folds dashes, diacritics and the Arabic article."""
from __future__ import annotations

import pytest

from .conftest import LiveServer, Watched
from .profile_store import build
from .test_browser import api, open_map, wait_until

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def coast_server(tmp_path_factory):
    from factionmap.web import create_app

    store = build(tmp_path_factory.mktemp("coast") / "coast.db")
    with LiveServer(create_app(store, bind_host="127.0.0.1")) as server:
        yield server


@pytest.fixture
def coast_page(browser, coast_server):
    context = browser.new_context(base_url=coast_server.url, viewport={"width": 1400, "height": 900})
    yield Watched(context.new_page())
    context.close()


def group_id(server, name: str) -> int:
    return next(e["id"] for e in api(server, f"/api/entities?q={name}") if e["name"] == name)


def test_a_governor_of_a_province_is_not_the_leader_of_the_whole_group(coast_page, coast_server):
    cm = group_id(coast_server, "Coastal Movement")
    data = api(coast_server, f"/api/entities/{cm}")
    assert [x["person"]["name"] for x in data["leaders"]] == ["Yusuf Karim"]
    assert [x["person"]["name"] for x in data["branch_leaders"]] == ["Omar Said"]
    coast_page.page.goto(f"/entities/{cm}")
    assert "Yusuf Karim" in coast_page.page.inner_text("table.leaders")
    assert "Omar Said" not in coast_page.page.inner_text("table.leaders")
    assert "Omar Said" in coast_page.page.inner_text("table.branch-leaders")
    assert "Coastal Movement – Delta Province" in coast_page.page.inner_text(".overview")  # an affiliate
    assert coast_page.errors == []


def test_each_citation_is_shown_once_with_the_sentences_around_it(coast_page, coast_server):
    cm = group_id(coast_server, "Coastal Movement")
    coast_page.page.goto(f"/entities/{cm}")
    said = "Yusuf Karim has led the Coastal Movement since 2011."
    quote = coast_page.page.locator("blockquote", has=coast_page.page.locator("a.quote-link", has_text=said))
    assert quote.count() == 1
    context = quote.locator(".context").all_inner_texts()
    assert [c.strip() for c in context] == ["It was formed by fishing cooperatives in 2004.",
                                            "Omar Said led the Coastal Movement in the Delta Province as its governor."]
    assert coast_page.errors == []


@pytest.mark.parametrize("typed, found", [
    ("Coastal Movement - Delta Province", "Coastal Movement – Delta Province"),  # a hyphen for the en dash
    ("Harakat al-Sahil", "Coastal Movement"),  # no diacritics
    ("Harakat as-Sahil", "Coastal Movement"),  # the article assimilated
    ("harakat sahil", "Coastal Movement"),  # the article left out
    ("CM DP", "Coastal Movement – Delta Province"),
])
def test_search_folds_dashes_diacritics_and_the_article(coast_page, coast_server, typed, found):
    assert api(coast_server, f"/api/search?q={typed}")[0]["name"] == found
    open_map(coast_page, "/?type=ORG,PERSON")
    coast_page.page.fill("#search", typed)
    wait_until(coast_page, "document.querySelectorAll('#search-list .suggestion').length >= 1")
    assert found in coast_page.page.locator("#search-list .suggestion").first.inner_text()
    assert coast_page.errors == []
