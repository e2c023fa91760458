"""Issue 11 in a real Chromium: honest time, lifespans on the map, stable readable layout, search,
profiles, geography and the in-app views. The fixture stores are written for the tests."""
from __future__ import annotations

import httpx
import pytest


from .conftest import LiveServer
from .lifespan_store import build
from .test_browser import api, open_map, visible_edges, wait_until

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def life_server(tmp_path_factory):
    from factionmap.web import create_app

    store = build(tmp_path_factory.mktemp("life") / "life.db")
    with LiveServer(create_app(store, bind_host="127.0.0.1")) as server:
        yield server


@pytest.fixture
def life_page(browser, life_server):
    from .conftest import Watched

    context = browser.new_context(base_url=life_server.url, viewport={"width": 1400, "height": 900})
    yield Watched(context.new_page())
    context.close()


def names_shown(page) -> set[str]:
    return set(page.page.evaluate("window.factionmapMap.cy.nodes().not('.hidden').map(n => n.data('name'))"))


def test_no_group_is_drawn_before_its_founding_or_after_its_end(life_page, life_server):
    data = api(life_server, "/api/map")
    assert {n["name"]: n["lifespan"]["start"] for n in data["nodes"]}["Northern Front"] == "2015-06"
    open_map(life_page, "/?as_of=2012&undated=1")  # even keeping undated ties
    wait_until(life_page, "document.getElementById('map').dataset.asOf === '2012'"
                          " && document.getElementById('map').dataset.state === 'ready'")
    assert "Northern Front" not in names_shown(life_page)  # founded June 2015; its ties are undated
    assert {"River Brigades", "Hill Army"} <= names_shown(life_page)
    assert life_page.page.input_value("#as-of") == "2012" and "as_of=2012" in life_page.page.url
    open_map(life_page, "/?as_of=2017&undated=1")
    wait_until(life_page, "document.getElementById('map').dataset.asOf === '2017'"
                          " && document.getElementById('map').dataset.state === 'ready'")
    assert "Northern Front" in names_shown(life_page)
    for day, drawn in (("2015-05-31", False), ("2015-07-01", True)):  # YYYY-MM-DD, either side of June 2015
        open_map(life_page, f"/?as_of={day}&undated=1")
        wait_until(life_page, f"document.getElementById('map').dataset.asOf === '{day}'"
                              " && document.getElementById('map').dataset.state === 'ready'")
        assert ("Northern Front" in names_shown(life_page)) is drawn, day
    later = api(life_server, "/api/map?as_of=2020&undated=1")  # the River Brigades dissolved in 2019
    assert "River Brigades" not in {n["name"] for n in later["nodes"]}
    assert life_page.errors == []


def test_undated_ties_are_drawn_faint_and_hidden_once_a_date_is_chosen(life_page, life_server):
    open_map(life_page)
    undated = life_page.page.evaluate("window.factionmapMap.cy.edges('[?undated]').map(e => e.style('opacity'))")
    assert undated and all(float(o) < 0.5 for o in undated)
    assert "undated" in life_page.page.inner_text("#map-status")
    dated = api(life_server, "/api/map?as_of=2017")["edges"]
    assert dated and all(not e["undated"] for e in dated)
    assert len(dated) < len(api(life_server, "/api/map?as_of=2017&undated=1")["edges"])
    ticks = life_page.page.locator("#time-scale .tick-label").all_text_contents()
    assert ticks and all(t.isdigit() for t in ticks)
    assert life_page.page.locator("#time-scale .hist-bar").count() >= 1


@pytest.mark.parametrize("query, words", [
    ("relation=bogus", "relation: unknown bogus"),
    ("as_of=abc", "as_of: 'abc' is not a date"),
    ("from=2016&to=2014", "reversed"),
    ("as_of=1850", "before the earliest date"),
    ("as_of=2090", "in the future"),
    ("focus=abc", "is not an entity id"),
    ("focus=999999", "no entity with id 999999"),
    ("min_grade=Z9", "not a grade"),
    ("status=maybe", "status: unknown maybe"),
    ("type=GROUP", "type: unknown GROUP"),
    ("from=abc", "from: 'abc' is not a date"),
    ("to=2016-13", "to: '2016-13' is not a date"),
    ("as_of=2015-02-30", "as_of: '2015-02-30' is not a date"),
    ("as_of=2014&from=2013", "cannot be combined"),
    ("depth=7", "depth: '7' is not 1, 2 or 3"),
    ("undated=maybe", "undated: 'maybe' is not a yes/no value"),
    ("lineage=sometimes", "lineage: 'sometimes' is not a yes/no value"),
])
def test_every_bad_parameter_gets_a_visible_message_and_a_400(page, live_server, query, words):
    r = httpx.get(f"{live_server.url}/api/map?{query}", timeout=10)
    assert r.status_code == 400 and words in r.json()["detail"]
    page.page.goto(f"/?{query}")
    page.page.wait_for_selector("#map-error:not([hidden])", timeout=15000)
    assert words in page.page.inner_text("#map-error")
    assert query.split("=")[0] in page.page.url  # never silently reset


@pytest.mark.parametrize("group", ["relation", "status", "type"])
def test_an_empty_selection_in_a_filter_group_shows_nothing(page, live_server, group):
    open_map(page)
    assert visible_edges(page) > 0
    for box in page.page.locator(f"input[name={group}]").all():
        box.uncheck()
    wait_until(page, f"document.getElementById('map').dataset.state === 'ready' && location.search.includes('{group}=')"
                     " && document.getElementById('map').dataset.visibleEdges === '0'")
    assert "no ties match" in page.page.inner_text("#map-status")
    assert page.page.evaluate("window.factionmapMap.cy.nodes().length") == 0
    assert api(live_server, f"/api/map?{group}=")["edges"] == []
    page.page.reload()  # the empty selection is in the URL: a reload still shows nothing
    page.page.wait_for_selector("#map[data-state=ready]")
    assert visible_edges(page) == 0 and page.page.locator(f"input[name={group}]:checked").count() == 0
    assert page.errors == []


def test_a_bad_value_typed_in_the_form_gets_a_message_and_stays(page, live_server):
    open_map(page)
    shown = visible_edges(page)
    page.page.fill("#from", "abc")
    page.page.press("#from", "Enter")
    page.page.wait_for_selector("#map-error:not([hidden])", timeout=15000)
    assert "from: 'abc' is not a date" in page.page.inner_text("#map-error")
    assert page.page.input_value("#from") == "abc" and visible_edges(page) == shown  # nothing reset, nothing redrawn
    page.page.fill("#from", "2016")
    page.page.fill("#to", "2014")
    page.page.press("#to", "Enter")
    wait_until(page, "document.getElementById('map-error').textContent.includes('reversed')")
    page.page.fill("#from", "2013")
    page.page.press("#from", "Enter")
    wait_until(page, "document.getElementById('map').dataset.state === 'ready'"
                     " && document.getElementById('map-error').hidden")
    assert "from=2013" in page.page.url and "to=2014" in page.page.url


def positions(page) -> dict:
    return page.page.evaluate("Object.fromEntries(window.factionmapMap.cy.nodes().map(n => [n.id(), n.position()]))")


def test_layout_is_deterministic_and_kept_across_filters(browser, live_server):
    runs = []
    for _ in range(2):
        context = browser.new_context(base_url=live_server.url, viewport={"width": 1400, "height": 900})
        from .conftest import Watched

        p = Watched(context.new_page())
        open_map(p)
        runs.append((positions(p), p))
    first, p = runs[0][0], runs[1][1]
    assert first == runs[1][0]  # two loads, the same positions
    placed = api(live_server, "/api/map")["positions"]  # the server's layout, drawn as it is
    assert first == {f"n{i}": {"x": x, "y": y} for i, (x, y) in placed.items()}
    p.page.uncheck("input[name=relation][value=opposes]")
    wait_until(p, "document.getElementById('map').dataset.state === 'ready' && location.search.includes('relation=')")
    after = positions(p)
    assert after and all(after[k] == runs[1][0][k] for k in after)
    p.page.locator("#time").fill("0")  # the slider to its first month: what stood then, where it was
    wait_until(p, "document.getElementById('map').dataset.state === 'ready' && location.search.includes('as_of=')")
    assert positions(p) == after
    p.page.check("input[name=type][value=PERSON]")  # people are laid out around the groups, which stay
    wait_until(p, "document.getElementById('map').dataset.state === 'ready' && location.search.includes('PERSON')")
    with_people = positions(p)
    assert set(with_people) > set(after) and all(with_people[k] == after[k] for k in after)
    assert p.errors == []


def test_nodes_are_coloured_by_kind_sized_by_degree_and_have_tooltips(page, live_server):
    open_map(page, "/?type=ORG,PERSON,PLACE")
    nodes = page.page.evaluate("""window.factionmapMap.cy.nodes().map(n => ({id: n.id(), name: n.data('name'),
        kind: n.data('kind'), degree: n.data('degree'), colour: n.style('background-color'), size: n.width()}))""")
    colour = {}
    for n in nodes:
        colour.setdefault(n["kind"], set()).add(n["colour"])
    assert len(colour) >= 3 and all(len(c) == 1 for c in colour.values())  # one colour a kind
    assert len({next(iter(c)) for c in colour.values()}) == len(colour)  # kinds apart
    by_degree = sorted(nodes, key=lambda n: n["degree"])
    assert by_degree[0]["degree"] < by_degree[-1]["degree"] and by_degree[0]["size"] < by_degree[-1]["size"]
    hub = by_degree[-1]
    x, y = page.page.evaluate(f"""() => {{ const p = window.factionmapMap.cy.$id('{hub["id"]}').renderedPosition(),
        b = document.getElementById('map').getBoundingClientRect(); return [b.left + p.x, b.top + p.y]; }}""")
    page.page.mouse.move(x, y)
    page.page.wait_for_selector(f"#map-tip[data-for='{hub['id']}']")
    tip = page.page.inner_text("#map-tip")
    assert hub["name"] in tip and hub["kind"].replace("_", " ") in tip and f"{hub['degree']} ties shown" in tip
    assert page.errors == []


def test_labels_are_readable_and_do_not_overlap_and_tooltips_say_what_a_line_is(page, live_server):
    open_map(page)
    boxes = page.page.evaluate("""() => window.factionmapMap.cy.nodes('.labelled').map(n => {
        const z = window.factionmapMap.cy.zoom(); const b = n.renderedBoundingBox({includeNodes: false,
        includeEdges: false, includeLabels: true}); return {px: parseFloat(n.style('font-size')) * z, b}; })""")
    assert boxes and all(x["px"] >= 11.5 for x in boxes)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            A, B = a["b"], b["b"]
            assert not (A["x1"] < B["x2"] - 1 and B["x1"] < A["x2"] - 1 and A["y1"] < B["y2"] - 1 and B["y1"] < A["y2"] - 1)
    edge = next(e for e in api(live_server, "/api/map")["edges"] if e["relation"] == "split_from")
    x, y = page.page.evaluate(f"""() => {{ const e = window.factionmapMap.cy.$id('e{edge["id"]}');
        const p = e.renderedMidpoint(), b = document.getElementById('map').getBoundingClientRect();
        return [b.left + p.x, b.top + p.y]; }}""")
    page.page.mouse.move(x, y)
    page.page.wait_for_selector("#map-tip:not([hidden])")
    tip = page.page.inner_text("#map-tip")
    assert "split from" in tip and "2016-08" in tip and "source" in tip
    legend, show_all = page.page.locator(".legend").bounding_box(), page.page.locator("#show-all").bounding_box()
    assert legend["y"] + legend["height"] <= 900 and show_all["y"] + show_all["height"] <= 900


def test_relation_families_are_distinct_in_colour_and_style():
    from factionmap.relations import FAMILIES, RELATIONS
    from factionmap.web.colours import closest_pair
    from factionmap.web.static_check import family_colours, family_styles

    colours = family_colours()
    assert set(colours) == set(FAMILIES) and {r.family for r in RELATIONS.values()} == set(FAMILIES)
    assert closest_pair(colours)[0] >= 20
    for deficiency in ("protanopia", "deuteranopia", "tritanopia"):
        assert closest_pair(colours, deficiency)[0] >= 15, deficiency
    styles = family_styles()
    assert len({styles[f] for f in FAMILIES}) == len(FAMILIES)  # a line or arrow tells each family apart


def test_search_knows_every_alias_folded_and_offers_a_list(page, live_server):
    hits = api(live_server, "/api/search?q=ISIS")
    assert hits[0]["name"] == "Islamic State"
    assert api(live_server, "/api/search?q=Jabhat%20an-Nusra")[0]["name"] == "Jabhat al-Nusra"
    assert api(live_server, "/api/search?q=ISWAP")[0]["name"] == "Islamic State West Africa Province"
    open_map(page)
    page.page.fill("#search", "nusr")
    page.page.wait_for_selector("#search-list .suggestion")
    assert "Jabhat al-Nusra" in page.page.inner_text("#search-list")
    page.page.fill("#search", "Islamic")
    wait_until(page, "document.querySelectorAll('#search-list .suggestion').length >= 2")
    page.page.keyboard.press("ArrowDown")
    page.page.keyboard.press("Enter")
    page.page.wait_for_selector(".entity-panel .entity-name")
    assert page.page.inner_text(".entity-panel .entity-name") == "Islamic State"
    assert page.errors == []


def test_profile_has_an_overview_a_sortable_table_and_each_citation_once(page, live_server):
    nusra = api(live_server, "/api/entities?q=Jabhat al-Nusra")[0]["id"]
    data = api(live_server, f"/api/entities/{nusra}")
    for tie in data["timeline"]:
        spans = [(c["doc_id"], c["start_char"], c["end_char"]) for c in tie["citations"]]
        assert len(spans) == len(set(spans))
    page.page.goto(f"/entities/{nusra}")
    card = page.page.inner_text(".overview")
    for label in ("Kind", "Lifespan", "Names", "Areas", "Designations", "Part of", "Branches and affiliates", "Ids"):
        assert label in card
    assert "al-Qaeda" in page.page.inner_text(".ov-parents")
    assert "Abu Mohammad al-Julani" in page.page.inner_text("table.leaders")
    first = lambda: page.page.locator("#relationships tbody tr").first.inner_text()  # noqa: E731
    page.page.click("#relationships th:nth-child(3)")
    top = first()
    page.page.click("#relationships th:nth-child(3)")
    assert first() != top or page.page.locator("#relationships tbody tr").count() == 1
    page.page.fill("#rel-filter", "succeeded")
    visible = page.page.locator("#relationships tbody tr:not([hidden])")
    assert visible.count() >= 1 and all("succeeded" in t for t in visible.all_inner_texts())
    assert "al-Nusra Front" in page.page.inner_text(".aliases")
    assert page.errors == []


def test_geography_view_draws_places_on_a_shipped_base_map_and_follows_time(life_page, life_server):
    life_page.page.goto("/geo")
    life_page.page.wait_for_selector("#geo[data-state=ready]", timeout=15000)
    assert life_page.page.locator("#geo path.leaflet-interactive, #geo .leaflet-overlay-pane path").count() >= 1
    assert int(life_page.page.get_attribute("#geo", "data-places")) == 1  # Damascus, from GeoNames
    geo = api(life_server, "/api/geo")
    assert geo["places"][0]["place"]["name"] == "Damascus" and geo["places"][0]["source"] == "geonames"
    assert api(life_server, "/api/geo?as_of=2017")["places"] == []  # an undated tie, once a date is chosen
    assert len(api(life_server, "/api/geo?as_of=2017&undated=1")["places"]) == 1
    requests = []
    life_page.page.on("request", lambda r: requests.append(r.url))
    life_page.page.locator("#geo-time").fill("0")
    life_page.page.wait_for_selector("#geo[data-state=ready]")
    assert all(u.startswith(life_server.url) for u in requests)  # no tile server
    assert life_page.errors == []


def test_downloads_path_table_lineage_and_contested(page, live_server):
    stix = httpx.get(f"{live_server.url}/api/export?format=stix&relation=split_from", timeout=20).json()
    rels = [o for o in stix["objects"] if o["type"] == "relationship"]
    assert rels and all(o["x_factionmap_relation"] == "split_from" for o in rels)
    csv = httpx.get(f"{live_server.url}/api/export?format=csv&as_of=2014", timeout=20).text
    assert csv.startswith("id,subject_id")
    assert "<graphml" in httpx.get(f"{live_server.url}/api/export?format=graphml", timeout=20).text
    open_map(page)
    assert "format=stix" in page.page.get_attribute("#dl-stix", "href")
    with page.page.expect_download() as dl:
        page.page.click("#dl-svg")
    assert dl.value.suggested_filename == "factionmap.svg"
    with page.page.expect_download() as dl:
        page.page.click("#dl-png")
    assert dl.value.suggested_filename == "factionmap.png"
    page.page.goto("/path?a=Boko%20Haram&b=Jabhat%20al-Nusra")
    assert page.page.locator(".path-steps li, .path-none").count() >= 1
    page.page.goto("/ties?relation=part_of")
    rows = page.page.locator("#ties-table tbody tr").all_inner_texts()
    assert rows and all("is part of" in r for r in rows)
    iswap = api(live_server, "/api/entities?q=ISWAP")[0]["id"]
    page.page.goto(f"/entities/{iswap}/lineage")
    assert "2016-08" in page.page.inner_text(".lineage-tree")
    page.page.goto("/contested")
    assert "2016-07" in page.page.inner_text(".contested-tie") and page.page.locator(".contested-tie a.map-link").count()
