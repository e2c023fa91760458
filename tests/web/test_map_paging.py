"""The map API pages a large selection on the server: the groups with the most ties under the filters
(dates, relations, statuses, grade, region), or the neighbourhood of a focus, read in SQL. Each answer is
checked against the whole selection as the map reads it unpaged (`limit` above the number of groups),
on a small generated store (bench/scale_store.py, ties made by the package's aggregator) on SQLite and
on the suite's PostgreSQL server; then in a real Chromium."""
from __future__ import annotations

from collections import Counter

import pytest
from fastapi.testclient import TestClient

from bench.scale_store import fill
from factionmap.store import Store
from factionmap.web import create_app


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def paged_store(request, tmp_path_factory):
    if request.param == "sqlite":
        store = Store(tmp_path_factory.mktemp("paging") / "map.db")
    else:
        store = Store(request.getfixturevalue("postgres").create_database("map_paging"))
    fill(store, 700, 5000, aggregate_in_python=True, log=lambda *_: None)
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(paged_store):
    return TestClient(create_app(paged_store, cache=False))


def get(client, **params):
    answer = client.get("/api/map", params=params)
    assert answer.status_code == 200, answer.text
    return answer.json()


def top(whole: dict, n: int) -> list[int]:
    """The n groups with the most ties in an unpaged answer (ties, then id, decide)."""
    degree = Counter()
    for e in whole["edges"]:
        degree[e["source"]] += 1
        degree[e["target"]] += 1
    return sorted(degree, key=lambda i: (-degree[i], i))[:n]


def among(whole: dict, ids) -> tuple[list[int], list[int]]:
    keep = set(ids)
    edges = [e for e in whole["edges"] if e["source"] in keep and e["target"] in keep]
    return sorted({x for e in edges for x in (e["source"], e["target"])}), [e["id"] for e in edges]


@pytest.mark.parametrize("filters", [{}, {"as_of": "2005"}, {"from": "1995", "to": "2000", "status": "supported"},
                                     {"relation": "ally_of,opposes", "min_grade": "5"},
                                     {"status": "supported"},  # these two ranked from graph.degrees' group_ties
                                     {"relation": "ally_of,opposes,part_of", "status": "supported,contested"},
                                     {"as_of": "2003", "undated": "1"},  # these two from graph.group_spans too
                                     {"as_of": "2004", "relation": "ally_of,opposes", "status": "supported"},
                                     {"as_of": "2004-07-01"},  # not a 1 January: group_spans' 1 January corrected
                                     {"from": "1996-03-01", "to": "2001-06-30"}])  # a period: by the ties between
def test_a_page_is_the_top_groups_of_the_whole_selection_and_their_ties(client, filters):
    whole = get(client, limit=5000, **filters)
    assert whole["page"] == {"limit": 5000, "groups": len(whole["nodes"]), "shown": len(whole["nodes"]),
                             "truncated": False}
    assert len(whole["nodes"]) > 60
    paged = get(client, limit=40, **filters)
    nodes, edges = among(whole, top(whole, 40))
    assert [n["id"] for n in paged["nodes"]] == nodes
    assert [e["id"] for e in paged["edges"]] == edges
    kept = set(edges)  # read as rows, not Tie objects: every field as the unpaged answer gives it
    assert paged["edges"] == [e for e in whole["edges"] if e["id"] in kept]
    assert paged["page"] == {"limit": 40, "groups": len(whole["nodes"]), "shown": len(nodes), "truncated": True}
    by_id = {n["id"]: n for n in whole["nodes"]}
    assert all(n["name"] == by_id[n["id"]]["name"] for n in paged["nodes"])


@pytest.mark.parametrize("filters", [{}, {"as_of": "2004"}, {"as_of": "2004", "status": "supported"},
                                     {"as_of": "2004-07-01"}])
@pytest.mark.parametrize("floor", [0.7, 0.65])  # a tenth, and a floor that is not (the next tenth corrected)
def test_under_a_confidence_floor_a_page_is_the_top_groups_of_the_whole_selection(paged_store, filters, floor):
    confident = TestClient(create_app(paged_store, cache=False, min_confidence=floor))  # serve --min-confidence
    whole = get(confident, limit=5000, **filters)
    every = get(TestClient(create_app(paged_store, cache=False)), limit=5000, **filters)
    assert len(whole["nodes"]) > 60 and len(whole["edges"]) < len(every["edges"])  # the floor leaves ties out
    paged = get(confident, limit=40, **filters)  # ranked from graph.group_spans
    nodes, edges = among(whole, top(whole, 40))
    assert [n["id"] for n in paged["nodes"]] == nodes
    assert paged["edges"] == [e for e in whole["edges"] if e["id"] in set(edges)]
    assert paged["page"]["groups"] == len(whole["nodes"]) and paged["page"]["truncated"]


def test_a_focus_is_its_neighbourhood_in_the_whole_selection(client):
    whole = get(client, limit=5000)
    degree = Counter(x for e in whole["edges"] for x in (e["source"], e["target"]))
    for focus in sorted(degree, key=lambda i: (degree[i], i))[::97][:6]:
        for depth in (1, 2):
            near = {focus}
            for _ in range(depth):
                near |= {x for e in whole["edges"] if near & {e["source"], e["target"]} for x in (e["source"], e["target"])}
            nodes, edges = among(whole, near)
            got = get(client, focus=focus, depth=depth)
            assert [e["id"] for e in got["edges"]] == edges
            assert [n["id"] for n in got["nodes"]] == sorted(set(nodes) | {focus})
            assert got["page"]["groups"] == len(near) and not got["page"]["truncated"]
    hub = max(degree, key=lambda i: (degree[i], -i))
    big = get(client, focus=hub, depth=2, limit=10)  # a neighbourhood larger than the page: its top groups
    assert big["page"]["truncated"] and hub in {n["id"] for n in big["nodes"]} and len(big["nodes"]) <= 10


def test_a_region_pages_the_groups_operating_there(client):
    whole = get(client, limit=5000)
    region = next(r for r in whole["regions"] if r.startswith("Province"))
    there = get(client, limit=5000, region=region)
    assert 0 < len(there["nodes"]) < len(whole["nodes"])
    paged = get(client, limit=5, region=region)
    nodes, edges = among(there, top(there, 5))
    assert [n["id"] for n in paged["nodes"]] == nodes and [e["id"] for e in paged["edges"]] == edges
    assert paged["page"]["groups"] == len(there["nodes"])


def test_a_bad_limit_is_refused_saying_why(client):
    for bad in ("0", "-3", "ten", "100000"):
        answer = client.get("/api/map", params={"limit": bad})
        assert answer.status_code == 400 and "limit" in answer.json()["detail"]


@pytest.mark.browser
def test_the_map_page_draws_a_page_and_a_focus_in_chromium(browser, paged_store):
    from .conftest import LiveServer, Watched

    app = create_app(paged_store.url, bind_host="127.0.0.1")
    data = TestClient(create_app(paged_store, cache=False)).get("/api/map", params={"limit": 25}).json()
    with LiveServer(app) as server:
        context = browser.new_context(base_url=server.url, viewport={"width": 1400, "height": 900})
        p = Watched(context.new_page())
        p.page.goto("/?limit=25")
        p.page.wait_for_selector("#map[data-state=ready]", timeout=60000)
        assert int(p.page.get_attribute("#map", "data-visible-nodes")) == len(data["nodes"]) <= 25
        assert int(p.page.get_attribute("#map", "data-groups")) == data["page"]["groups"]
        status = p.page.text_content("#map-status")
        assert f"most connected of {data['page']['groups']} groups" in status
        hub = data["nodes"][0]["id"]
        focused = TestClient(create_app(paged_store, cache=False)).get(
            "/api/map", params={"limit": 25, "focus": hub, "depth": 1}).json()
        p.page.goto(f"/?limit=25&focus={hub}&depth=1")
        p.page.wait_for_selector("#map[data-state=ready]", timeout=60000)
        assert int(p.page.get_attribute("#map", "data-visible-nodes")) == len(focused["nodes"])
        assert "limit=25" in p.page.url  # the page keeps its limit in the address as filters change
        assert p.errors == []
        context.close()


def test_the_year_histogram_counts_the_ties_as_stored_after_a_write(paged_store, client):
    """The histogram is summed from the store's years, read once per store version: it equals a count of
    the ties under each relation and status filter, before and after a write (a merge, then its undo)."""
    from factionmap.graph import Graph

    graph = Graph(paged_store)

    def recount(relations, statuses):
        years = Counter(r["start_earliest"][:4] for r in graph.tie_rows(rejected=True)
                        if r["start_earliest"] and (relations is None or r["relation"] in relations)
                        and r["status"] in statuses)
        return [{"year": int(y), "ties": years[y]} for y in sorted(years)]

    views = [(None, ["supported", "contested"]), (["ally_of", "opposes"], ["supported"]), (None, ["denied"])]

    def check():
        for relations, statuses in views:
            params = {"status": ",".join(statuses), **({"relation": ",".join(relations)} if relations else {})}
            assert get(client, **params)["histogram"] == recount(relations, statuses), params

    check()
    before = get(client)["histogram"]
    from factionmap.store import schema as t

    row = next(r for r in graph.tie_rows() if r["start_earliest"] and r["status"] == "supported")
    with paged_store.transaction() as conn:  # a write: the years are read anew
        conn.execute(t.ties.update().where(t.ties.c.id == row["id"]).values(start_earliest="1900-01-01"))
    check()
    assert {"year": 1900, "ties": 1} in get(client)["histogram"]
    with paged_store.transaction() as conn:
        conn.execute(t.ties.update().where(t.ties.c.id == row["id"]).values(start_earliest=row["start_earliest"]))
    assert get(client)["histogram"] == before
    ids = [e.id for e in graph.entities(type="ORG")]
    decision = graph.merge(ids[0], ids[1])
    check()
    graph.undo(decision.id)
    check()
    assert get(client)["histogram"] == before


def test_a_small_selection_of_a_large_store_is_read_as_one_page(client):
    """A selection with fewer groups than the page, on a store whose opening view has more: read as a page
    of all its groups (not every operates_in tie of the store for the regions), with the same nodes and
    edges as the selection read whole."""
    candidates = [{"relation": rel, "status": status} for status in ("contested", "denied", "supported")
                  for rel in ("ally_of,opposes", "merged_into", "split_from", "successor_of", "defected_to")]
    filters, whole = next((f, w) for f in candidates for w in [get(client, limit=5000, **f)]
                          if 0 < len(w["nodes"]) < 40)
    assert 40 < get(client, limit=5000)["page"]["groups"]
    paged = get(client, limit=40, **filters)
    assert paged["page"] == {**whole["page"], "limit": 40}
    assert [n["id"] for n in paged["nodes"]] == [n["id"] for n in whole["nodes"]]
    assert [e["id"] for e in paged["edges"]] == [e["id"] for e in whole["edges"]]
