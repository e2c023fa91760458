"""The JSON API and the server-rendered pages, in-process (no browser)."""
from __future__ import annotations

import warnings

import pytest

from factionmap.web import create_app

from .fixture_store import XSS_IMG, XSS_SCRIPT, XSS_TITLE

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture
def client(store):
    return TestClient(create_app(store))


def entity_id(client, name: str) -> int:
    return next(e["id"] for e in client.get("/api/entities", params={"q": name}).json() if e["name"] == name)


def test_map_json_has_nodes_edges_bounds_and_regions(client):
    data = client.get("/api/map").json()
    names = {n["name"] for n in data["nodes"]}
    assert {"Jabhat al-Nusra", "al-Qaeda", "Boko Haram", "Islamic State West Africa Province"} <= names
    assert all(n["type"] == "ORG" for n in data["nodes"])  # groups by default
    rels = {e["relation"] for e in data["edges"]}
    assert {"part_of", "allegiance_to", "split_from", "merged_into", "successor_of", "opposes"} <= rels
    assert data["bounds"]["min"] == "2012-01-01"
    assert {"Syria", "Nigeria", "Idlib"} <= set(data["regions"])
    contested = [e for e in data["edges"] if e["status"] == "contested"]
    assert len(contested) == 1 and contested[0]["citations"] == 2


def test_map_filters(client):
    all_edges = client.get("/api/map").json()["edges"]
    in_2014 = client.get("/api/map", params={"as_of": "2014"}).json()["edges"]
    assert 0 < len(in_2014) < len(all_edges)
    assert all(e["start"] is None or e["start"] <= "2014" for e in in_2014)
    only = client.get("/api/map", params={"relation": "split_from,merged_into"}).json()["edges"]
    assert {e["relation"] for e in only} == {"split_from", "merged_into"}
    with_people = client.get("/api/map", params={"type": "ORG,PERSON"}).json()
    assert "leader_of" in {e["relation"] for e in with_people["edges"]}
    denied_too = client.get("/api/map", params={"status": "supported,contested,denied"}).json()["edges"]
    assert len(denied_too) >= len(all_edges)
    syria = client.get("/api/map", params={"region": "Syria"}).json()
    assert {n["name"] for n in syria["nodes"]} >= {"Hay'at Tahrir al-Sham"}
    assert "Boko Haram" not in {n["name"] for n in syria["nodes"]}
    lineage = client.get("/api/map", params={"lineage": "1"}).json()["edges"]
    assert {e["relation"] for e in lineage} <= {"split_from", "merged_into", "successor_of"}
    range_ = client.get("/api/map", params={"start": "2017", "end": "2018", "undated": "0"}).json()["edges"]
    assert all(e["end"] is None or e["end"] >= "2017" for e in range_)


def test_map_focus_is_the_neighbourhood(client):
    boko = entity_id(client, "Boko Haram")
    data = client.get("/api/map", params={"focus": boko}).json()
    assert {n["name"] for n in data["nodes"]} == {"Boko Haram", "Islamic State", "Islamic State West Africa Province"}
    deeper = client.get("/api/map", params={"focus": boko, "depth": 2}).json()
    assert len(deeper["nodes"]) > len(data["nodes"])


@pytest.mark.parametrize("params, message", [
    ({"as_of": "June 2015"}, "as_of"),
    ({"relation": "friend_of"}, "friend_of"),
    ({"status": "maybe"}, "maybe"),
    ({"min_grade": "Z9"}, "min_grade"),
    ({"type": "GROUP"}, "GROUP"),
])
def test_map_rejects_bad_filters_with_a_message(client, params, message):
    r = client.get("/api/map", params=params)
    assert r.status_code == 400 and message in r.json()["detail"]


def test_profile_json_is_the_twin_of_the_profile_page(client):
    nusra = entity_id(client, "Jabhat al-Nusra")
    p = client.get(f"/api/entities/{nusra}").json()
    assert p["entity"]["name"] == "Jabhat al-Nusra"
    # the alias came with the entity, but no document writes it so: provenance says so, lists no document
    front = next(a for a in p["aliases"] if a["name"] == "al-Nusra Front")
    assert front["why"] and front["documents"] == [] and "not written so" in front["where"]
    assert p["leaders"][0]["person"]["name"] == "Abu Mohammad al-Julani"
    starts = [t["start"]["earliest"] for t in p["timeline"] if t["start"]]
    assert starts == sorted(starts)
    assert all(t["citations"] and all(c["quote"] and c["href"].startswith("/documents/") for c in t["citations"])
               for t in p["timeline"])
    assert {"Jabhat Fateh al-Sham", "al-Qaeda"} <= {n["name"] for n in p["neighbours"]}
    page = client.get(f"/entities/{nusra}")
    assert page.status_code == 200
    assert f'href="/api/entities/{nusra}"' in page.text
    assert "In April 2013 Jabhat al-Nusra pledged allegiance to al-Qaeda." in page.text
    assert client.get("/api/entities/Jabhat al-Nusra").json()["entity"]["id"] == nusra  # by name too


def test_tie_and_contested_json_show_both_sides(client):
    contested = client.get("/api/contested").json()
    assert len(contested) == 1
    tie = contested[0]
    assert (tie["subject"]["name"], tie["relation"], tie["object"]["name"]) == ("Jabhat Fateh al-Sham", "part_of", "al-Qaeda")
    assert [c["stance"] for c in tie["for"]] == ["reported"] and [c["stance"] for c in tie["against"]] == ["denied"]
    one = client.get(f"/api/ties/{tie['id']}").json()
    assert one["status"] == "contested" and len(one["citations"]) == 2 and one["label"] == "is part of"
    assert client.get("/api/ties/99999").status_code == 404
    assert "Denied" in client.get("/contested").text


def test_document_json_has_mentions_and_ties_with_sentences(client):
    docs = client.get("/api/documents").json()
    nusra_doc = next(d for d in docs if d["title"] == "Jabhat al-Nusra")
    d = client.get(f"/api/documents/{nusra_doc['id']}").json()
    assert d["document"]["text"].startswith("Jabhat al-Nusra")
    m = next(m for m in d["mentions"] if m["text"] == "Abu Mohammad al-Julani")
    assert m["entity_id"] == entity_id(client, "Abu Mohammad al-Julani")
    a = next(a for a in d["assertions"] if a["relation"] == "allegiance_to")
    assert a["evidence"][0]["text"] == "In April 2013 Jabhat al-Nusra pledged allegiance to al-Qaeda."
    assert a["tie_id"] is not None
    prefix = client.get(f"/api/documents/{nusra_doc['id'][:10]}")
    assert prefix.status_code == 200


def test_document_page_highlights_the_quote_and_escapes_everything(client):
    doc = next(d for d in client.get("/api/documents").json() if d["title"] == XSS_TITLE)
    text = client.get(f"/api/documents/{doc['id']}").json()["document"]["text"]
    start = text.index("The ")
    end = text.index(".", start) + 1
    page = client.get(f"/documents/{doc['id']}", params={"start": start, "end": end}).text
    assert '<mark class="quote" id="quote">' in page
    assert XSS_SCRIPT not in page and XSS_IMG not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<b>markup</b>" not in page


def test_every_page_sends_security_headers(client):
    for path in ("/", "/entities", "/documents", "/contested", "/api/map", "/static/app.css"):
        r = client.get(path)
        assert r.status_code == 200, path
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"


def test_no_request_path_reaches_the_file_system(client):
    for path in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py", "/documents/..%2f..%2fetc%2fpasswd",
                 "/static/vendor/../../../store/store.py"):
        r = client.get(path)
        assert r.status_code == 404, path
        assert "import" not in r.text


def test_unknowns_are_404_pages_or_json(client):
    assert client.get("/entities/424242").status_code == 404
    assert "no entity" in client.get("/entities/424242").text
    assert client.get("/api/entities/424242").json()["detail"].startswith("no entity")
    assert client.get("/documents/ffffffffffff").status_code == 404
    assert client.get("/nowhere").status_code == 404


def test_openapi_schema_lists_the_json_twins(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    for p in ("/api/map", "/api/entities", "/api/entities/{ref}", "/api/ties/{tie_id}", "/api/contested",
              "/api/documents", "/api/documents/{doc_id}", "/api/upload"):
        assert p in paths


def test_loopback_server_refuses_foreign_host_headers(store):
    c = TestClient(create_app(store, bind_host="127.0.0.1"), base_url="http://127.0.0.1:8765")
    assert c.get("/api/stats").status_code == 200
    assert c.get("/api/stats", headers={"host": "localhost:8765"}).status_code == 200
    assert c.get("/api/stats", headers={"host": "evil.example:8765"}).status_code == 400


def test_missing_vendor_assets_fail_with_a_clear_message(tmp_path, store):
    from factionmap.errors import WebAssetsMissing
    from factionmap.web.assets import check_vendor

    with pytest.raises(WebAssetsMissing, match="build-web.sh"):
        check_vendor(tmp_path)
