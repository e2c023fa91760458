"""The server's map layout (web/maplayout.py): deterministic, readable, one per store version, the same
places under every filter. On generated graphs and on the fixture store (real SQLite file)."""
from __future__ import annotations

import random
import warnings

import numpy as np
import pytest

from factionmap.web import create_app, maplayout
from factionmap.web.mapdata import opening_ties

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def hubs_graph(n: int, m: int, seed: int = 3) -> list[maplayout.Link]:
    """n nodes, m links, half of them touching the first tenth of the nodes (like real maps)."""
    rng = random.Random(seed)
    links: set[tuple[int, int]] = set()
    while len(links) < m:
        a = rng.randrange(n // 10) if rng.random() < 0.5 else rng.randrange(n)
        b = rng.randrange(n)
        if a != b:
            links.add((min(a, b), max(a, b)))
    return [(a, b, False) for a, b in sorted(links)]


def nearest(pos: np.ndarray) -> np.ndarray:
    d = np.hypot(*(pos[:, None, :] - pos[None, :, :]).transpose(2, 0, 1))
    np.fill_diagonal(d, np.inf)
    return d.min(axis=1)


@pytest.mark.parametrize("n, m", [(40, 70), (400, 1500)])
def test_layout_is_deterministic_spaced_and_keeps_neighbours_near(n, m):
    links = hubs_graph(n, m)
    first, again = maplayout.layout(n, links), maplayout.layout(n, links)
    assert first.shape == (n, 2) and np.array_equal(first, again)
    length = maplayout.LARGE_EDGE_LENGTH if n > maplayout.LARGE else maplayout.EDGE_LENGTH
    assert nearest(first).min() >= length / 5  # no two nodes on top of each other (collision radius)
    src, dst = np.array([a for a, _, _ in links]), np.array([b for _, b, _ in links])
    tied = np.median(np.hypot(*(first[src] - first[dst]).T))
    rng = np.random.default_rng(0)
    a, b = rng.integers(0, n, 2000), rng.integers(0, n, 2000)
    keep = a != b
    anyone = np.median(np.hypot(*(first[a[keep]] - first[b[keep]]).T))
    assert tied < 0.75 * anyone  # tied groups are drawn nearer each other than any two groups


def test_the_map_answer_places_every_node_the_same_under_every_filter(store):
    client = TestClient(create_app(store))
    whole = client.get("/api/map").json()
    assert whole["nodes"] and set(whole["positions"]) == {str(n["id"]) for n in whole["nodes"]}
    assert client.get("/api/map").json()["positions"] == whole["positions"]
    for query in ("relation=part_of,split_from", "as_of=2014", "status=supported"):
        part = client.get(f"/api/map?{query}").json()
        assert part["nodes"] and part["positions"] == {str(n["id"]): whole["positions"][str(n["id"])]
                                                       for n in part["nodes"]}, query
    people = client.get("/api/map?type=ORG,PERSON").json()  # people are not on the whole map: the page places them
    assert set(people["positions"]) == {str(n["id"]) for n in people["nodes"] if n["type"] == "ORG"}


def test_a_write_to_the_store_makes_a_new_layout(store):
    from factionmap.model import Assertion, Document, Entity, Evidence, Extraction, Mention, MentionType

    client = TestClient(create_app(store))
    before = client.get("/api/map").json()["positions"]
    text = "The Lake Column is allied with the Delta Legion."
    doc = Document(text, title="A new report", published="2021-01-01", format="txt")
    lake, delta = Entity("Lake Column", "ORG", kb_id="t:lake"), Entity("Delta Legion", "ORG", kb_id="t:delta")
    mentions = [Mention(doc.id, 4, 15, MentionType.ORG, lake.key), Mention(doc.id, 35, 47, MentionType.ORG, delta.key)]
    tie = Assertion(lake, "ally_of", delta, "asserted", None, None, None,
                    [Evidence(doc.id, 0, len(text), "fixture", "test-1", "is allied")])
    store.save_extraction(Extraction(doc, [lake, delta], mentions, [tie], "test-1"))
    after = client.get("/api/map").json()
    new = {str(n["id"]) for n in after["nodes"] if n["name"] in ("Lake Column", "Delta Legion")}
    assert len(new) == 2 and new <= set(after["positions"]) and not new & set(before)


def test_a_map_too_large_for_the_server_is_left_to_the_page(store, monkeypatch):
    monkeypatch.setattr(maplayout, "MAX_NODES", 3)
    data = TestClient(create_app(store)).get("/api/map").json()
    assert len(data["nodes"]) > 3 and data["positions"] == {}


def test_a_store_far_too_large_is_not_even_read_for_a_layout(store, monkeypatch):
    from factionmap.graph import Graph
    from factionmap.web import mapdata

    monkeypatch.setattr(maplayout, "MAX_NODES", 0)

    def unread(*args, **kwargs):
        raise AssertionError("the ties were read")

    monkeypatch.setattr(mapdata, "chosen_ties", unread)
    assert maplayout.whole_map(Graph(store), opening_ties) == {}


def waited_for(found, seconds: float = 60.0):
    """What `found()` gives once it gives something, polling while a background thread works (None: timed out)."""
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        got = found()
        if got:
            return got
        time.sleep(0.05)
    return None


def held_layout(store):
    """The whole map's layout kept for the store's current version, waiting for a background thread."""
    return waited_for(lambda: maplayout.LAYOUTS._held(store, (store.version(), None)))


def test_serving_lays_the_map_out_before_the_first_request(store, monkeypatch):
    app = create_app(store, warm_map=True)
    placed = held_layout(store)
    assert placed, "the background thread made no layout"

    def not_again(*args, **kwargs):
        raise AssertionError("the first request laid the map out again")

    monkeypatch.setattr(maplayout, "whole_map", not_again)
    data = TestClient(app).get("/api/map").json()
    assert data["nodes"] and data["positions"] == {str(n["id"]): list(placed[n["id"]]) for n in data["nodes"]}


def test_only_a_serving_app_lays_the_map_out_in_advance(store, monkeypatch):
    calls = []
    monkeypatch.setattr(maplayout, "warm", lambda graph, read_ties: calls.append(graph.store))
    create_app(store)
    assert calls == []
    create_app(store, warm_map=True)
    waited_for(lambda: calls, seconds=30)
    assert calls == [store]


def test_an_upload_lays_the_new_map_out_in_advance(store):
    client = TestClient(create_app(store, allow_upload=True, warm_map=True))
    assert held_layout(store)
    client.headers["X-CSRF-Token"] = client.get("/api/session").json()["csrf_token"]
    text = "The Lake Column is an armed group. In 2020 the Lake Column allied with the Delta Legion."
    report = client.post("/api/upload?wait=true", data={"text": text, "title": "A new report"}).json()
    assert report["status"] == "done" and report["added"] == 1, report
    assert held_layout(store) is not None, "no layout was made for the store after the upload"
