"""A map of more than LARGE (300) groups in a real Chromium: laid out by the server, its ties drawn by
the edge layer (map-edges.js) instead of as Cytoscape.js edges, and still every tie there, deterministic,
hoverable, clickable, following the time slider and in the downloads. The store is bench_web's
synthetic one, smaller."""
from __future__ import annotations

import pytest

from bench.bench_web import synthetic_store

from .conftest import LiveServer, Watched
from .test_browser import api, open_map, visible_edges, wait_until

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def large_server(tmp_path_factory):
    from factionmap.web import create_app

    store = synthetic_store(tmp_path_factory.mktemp("large") / "large.db", 340, 900, per_doc=300)
    with LiveServer(create_app(store, bind_host="127.0.0.1")) as server:
        yield server


def new_page(browser, server) -> Watched:
    context = browser.new_context(base_url=server.url, viewport={"width": 1400, "height": 900})
    return Watched(context.new_page())


def positions(page) -> dict:
    return page.page.evaluate("Object.fromEntries(window.factionmapMap.cy.nodes().map(n => [n.id(), n.position()]))")


def test_large_map_draws_every_tie_on_the_edge_layer_with_the_same_positions_each_time(browser, large_server):
    data = api(large_server, "/api/map")
    assert len(data["nodes"]) > 300
    runs = []
    for _ in range(2):
        p = new_page(browser, large_server)
        open_map(p)
        runs.append((positions(p), p))
    first, p = runs[0][0], runs[1][1]
    assert first == runs[1][0] and len(first) == len(data["nodes"])
    # drawn where the server placed them: the page ran no layout and started no worker
    assert first == {f"n{i}": {"x": x, "y": y} for i, (x, y) in data["positions"].items()}
    assert p.page.evaluate("window.factionmapMap.worker === undefined")
    gaps = p.page.evaluate("""() => { const ps = window.factionmapMap.cy.nodes().map(n => n.renderedPosition());
        let least = Infinity; for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++)
        least = Math.min(least, Math.hypot(ps[i].x - ps[j].x, ps[i].y - ps[j].y)); return least; }""")
    assert gaps >= 8, gaps  # no two nodes drawn on top of each other at the initial zoom
    assert visible_edges(p) == len(data["edges"])
    assert p.page.evaluate("window.factionmapMap.cy.edges().length") == 0  # the layer draws them
    inked = p.page.evaluate("""() => { const c = document.querySelector('#map canvas.edge-layer');
        const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++; return n; }""")
    assert inked > 5000
    svg = p.page.evaluate("fmExport.toSVG(window.factionmapMap.cy, window.factionmapMap.layer)")
    assert svg.count("<line ") == len(data["edges"])
    with p.page.expect_download() as dl:
        p.page.click("#dl-png")
    assert dl.value.suggested_filename == "factionmap.png"
    assert runs[0][1].errors == [] and p.errors == []


def test_a_line_of_the_edge_layer_has_a_tooltip_and_opens_its_evidence(browser, large_server):
    p = new_page(browser, large_server)
    open_map(p)
    # a point on a line, far from every node and from the legend, in page coordinates
    x, y = p.page.evaluate("""() => {
        const m = window.factionmapMap, cy = m.cy, box = document.getElementById('map').getBoundingClientRect();
        const legend = document.querySelector('.legend').getBoundingClientRect();
        const nodes = cy.nodes().map(n => n.renderedPosition());
        for (const e of m.data.edges) {
            const a = cy.$id('n' + e.source).renderedPosition(), b = cy.$id('n' + e.target).renderedPosition();
            for (const f of [0.3, 0.5, 0.7]) {
                const q = {x: a.x + f * (b.x - a.x), y: a.y + f * (b.y - a.y)};
                const X = box.left + q.x, Y = box.top + q.y;
                if (q.x < 5 || q.y < 5 || q.x > box.width - 5 || q.y > box.height - 5) continue;
                if (X > legend.left - 5 && X < legend.right + 5 && Y > legend.top - 5 && Y < legend.bottom + 5) continue;
                if (nodes.every(n => Math.hypot(n.x - q.x, n.y - q.y) > 20)) return [X, Y];
            }
        }
        return null; }""")
    p.page.mouse.move(x, y)
    p.page.wait_for_selector("#map-tip:not([hidden])")
    tie_id = int(p.page.get_attribute("#map-tip", "data-for")[1:])
    edge = next(e for e in api(large_server, "/api/map")["edges"] if e["id"] == tie_id)
    tip = p.page.inner_text("#map-tip")
    assert api(large_server, "/api/map")["relations"][edge["relation"]]["label"] in tip and "source" in tip
    p.page.mouse.click(x, y)
    p.page.wait_for_selector(f".tie-panel[data-tie='{tie_id}']")
    assert "Evidence" in p.page.inner_text(".tie-panel")
    assert p.errors == []


def test_the_time_slider_hides_the_lines_of_the_edge_layer(browser, large_server):
    p = new_page(browser, large_server)
    open_map(p, "/?as_of=2005")
    wait_until(p, "document.getElementById('map').dataset.asOf === '2005'"
                  " && document.getElementById('map').dataset.state === 'ready'")
    then = api(large_server, "/api/map?as_of=2005")
    assert visible_edges(p) == len(then["edges"]) < len(api(large_server, "/api/map")["edges"])
    svg = p.page.evaluate("fmExport.toSVG(window.factionmapMap.cy, window.factionmapMap.layer)")
    assert svg.count("<line ") == len(then["edges"])
    assert p.errors == []


def test_a_map_the_server_does_not_place_is_laid_out_in_the_worker_the_same_each_time(browser, large_server,
                                                                                         monkeypatch):
    from factionmap.web import maplayout

    monkeypatch.setattr(maplayout, "MAX_NODES", 100)  # the live server runs in this process
    monkeypatch.setattr(maplayout, "LAYOUTS", maplayout.Layouts())
    found = []
    for _ in range(2):
        p = new_page(browser, large_server)
        p.page.goto("/?status=supported")  # a new answer, not the one cached with places
        p.page.wait_for_selector("#map[data-state=ready]", timeout=30000)
        assert p.page.evaluate("window.factionmapMap.worker instanceof Worker")
        found.append(positions(p))
        assert p.errors == []
    assert found[0] == found[1] and len(found[0]) > 300
