"""Ingest from the browser: only with --allow-upload, the same build and errors as the CLI."""
from __future__ import annotations

import warnings

import pytest

from factionmap.web import create_app
from factionmap.web.upload import safe_name

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TEXT = b"""The Northern Front

The Northern Front is an armed group formed in 2019. In 2020 the Northern Front pledged allegiance to the Islamic State.
"""
PASTED = "The Eastern Brigade split from the Northern Front in 2021."


@pytest.fixture
def uploads(store):
    """A client of a server with uploads on, holding its session cookie and CSRF token (as a page does)."""
    client = TestClient(create_app(store, allow_upload=True))
    client.headers["X-CSRF-Token"] = client.get("/api/session").json()["csrf_token"]
    return client


def test_upload_needs_the_csrf_token(store):
    client = TestClient(create_app(store, allow_upload=True))
    r = client.post("/api/upload", data={"text": PASTED})
    assert r.status_code == 403 and "CSRF" in r.json()["detail"]
    assert store.stats()["documents"] == 5


def test_upload_is_off_without_the_switch(store):
    c = TestClient(create_app(store))
    assert c.get("/upload").status_code == 404
    r = c.post("/api/upload", data={"text": PASTED})
    assert r.status_code == 404 and "--allow-upload" in r.json()["detail"]
    assert c.post("/upload", data={"text": PASTED}).status_code == 404
    assert "/upload" not in c.get("/").text


def test_upload_a_file_and_pasted_text(uploads, store):
    before = store.stats()["documents"]
    r = uploads.post("/api/upload", files=[("files", ("../../etc/northern.txt", TEXT, "text/plain"))],
                     data={"text": PASTED, "title": "Pasted <b>note</b>"})
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["added"] == 2 and report["errors"] == []
    assert store.stats()["documents"] == before + 2
    titles = {d["title"] for d in store.documents()}
    assert "Pasted <b>note</b>" in titles
    again = uploads.post("/api/upload", data={"text": PASTED, "title": "Pasted <b>note</b>"}).json()
    assert again["added"] == 0 and again["unchanged"] == 1  # the same bytes twice is a no-op
    page = uploads.get(report["documents"][1]["href"])
    assert page.status_code == 200 and "Eastern Brigade" in page.text


def test_upload_form_page(uploads):
    assert 'enctype="multipart/form-data"' in uploads.get("/upload").text
    r = uploads.post("/upload", data={"text": PASTED, "title": "Form paste"})
    assert r.status_code == 200 and "1</strong> new" in r.text
    assert 'href="/upload"' in uploads.get("/").text


def test_upload_reports_bad_files_like_the_cli(uploads):
    r = uploads.post("/api/upload", files=[("files", ("data.xyz", b"\x00\x01binary", "application/octet-stream")),
                                           ("files", ("ok.txt", TEXT, "text/plain"))])
    report = r.json()
    assert report["added"] == 1
    assert len(report["errors"]) == 1 and report["errors"][0].startswith("data.xyz")
    assert "/tmp" not in report["errors"][0] and "factionmap-upload" not in report["errors"][0]


def test_upload_needs_something(uploads):
    r = uploads.post("/api/upload", data={"text": "   "})
    assert r.status_code == 422 and "nothing to ingest" in r.json()["detail"]


def test_upload_refuses_other_sites(uploads):
    r = uploads.post("/api/upload", data={"text": PASTED}, headers={"origin": "http://evil.example"})
    assert r.status_code == 403
    r = uploads.post("/api/upload", data={"text": PASTED}, headers={"sec-fetch-site": "cross-site"})
    assert r.status_code == 403


@pytest.mark.parametrize("name, expected", [
    ("report.TXT", "001-report.txt"),
    ("../../etc/passwd", "001-passwd"),
    ("..\\..\\windows\\evil.md", "001-evil.md"),
    ("a b;c.html", "001-a_b_c.html"),
    ("", "001-upload"),
    (".hidden", "001-hidden"),
])
def test_safe_name_never_keeps_a_path(name, expected):
    assert safe_name(name, 1) == expected
