"""Ingest from the browser: only with --allow-upload, the same readers and errors as the CLI, limits
enforced while the body streams in, extraction in the background queue with a progress page."""
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
    r = uploads.post("/api/upload?wait=true", files=[("files", ("../../etc/northern.txt", TEXT, "text/plain"))],
                     data={"text": PASTED, "title": "Pasted <b>note</b>"})
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["status"] == "done" and report["added"] == 2 and report["errors"] == []
    assert store.stats()["documents"] == before + 2
    stored = {d["title"]: d["path"] for d in store.documents()}
    assert stored["Pasted <b>note</b>"] == "pasted text"
    assert "northern.txt" in stored.values()  # the client's file name, without its folders
    assert not any("factionmap-upload" in (p or "") for p in stored.values())
    again = uploads.post("/api/upload?wait=true", data={"text": PASTED, "title": "Pasted <b>note</b>"}).json()
    assert again["added"] == 0 and again["unchanged"] == 1  # the same bytes twice is a no-op
    page = uploads.get(report["documents"][1]["href"])
    assert page.status_code == 200 and "Eastern Brigade" in page.text


def test_upload_answers_at_once_with_a_job_to_follow(uploads):
    r = uploads.post("/api/upload", data={"text": PASTED + " Queued.", "title": "Queued"})
    assert r.status_code == 202
    job = r.json()
    assert job["status"] in ("queued", "reading", "extracting", "done") and r.headers["location"] == job["json"]
    from factionmap.web.jobs import wait

    wait(uploads.app.state.uploads.get(job["id"]), 120)
    final = uploads.get(job["json"]).json()
    assert final["status"] == "done" and final["extracted"] == 1
    page = uploads.get(job["href"])
    assert page.status_code == 200 and "1</strong> new" in page.text and "upload-job.js" in page.text
    assert uploads.get("/api/uploads/not-a-job").status_code == 404


def test_upload_form_page(uploads):
    assert 'enctype="multipart/form-data"' in uploads.get("/upload").text
    r = uploads.post("/upload", data={"text": PASTED + " Form.", "title": "Form paste"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/uploads/")
    assert uploads.get(r.headers["location"]).status_code == 200
    assert 'href="/upload"' in uploads.get("/").text


def test_upload_reports_bad_files_like_the_cli(uploads):
    r = uploads.post("/api/upload?wait=true",
                     files=[("files", ("data.xyz", b"\x00\x01binary", "application/octet-stream")),
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


def _chunks(total: int, size: int = 1024 * 1024):
    sent = 0
    while sent < total:
        yield b"x" * min(size, total - sent)
        sent += size


def test_a_large_upload_is_refused_while_it_streams(uploads, tmp_path, monkeypatch):
    import tempfile

    from factionmap.web import upload

    spool = tmp_path / "spool"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    boundary = "b0undary"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.txt\"\r\n"
            "Content-Type: text/plain\r\n\r\n").encode()
    written = []

    def body():
        yield head
        for chunk in _chunks(upload.MAX_BYTES * 3):
            written.append(sum(f.stat().st_size for f in spool.rglob("*") if f.is_file()))
            yield chunk

    r = uploads.post("/api/upload", content=body(), headers={"content-type": f"multipart/form-data; boundary={boundary}"})
    assert r.status_code == 413 and "big.txt is larger than 20 MB" in r.json()["detail"]
    assert max(written) <= upload.MAX_BYTES + 1024 * 1024  # never more than the limit on disk
    assert not any(spool.iterdir())  # and nothing left behind


def test_a_declared_oversize_body_is_refused_before_reading(uploads):
    r = uploads.post("/api/upload", content=b"--x\r\n", headers={
        "content-type": "multipart/form-data; boundary=x", "content-length": str(10 ** 12)})
    assert r.status_code == 413


def test_a_full_queue_answers_503(uploads, monkeypatch):
    from factionmap.web import jobs

    client = uploads
    monkeypatch.setattr(jobs.UploadQueue, "_serve", lambda self: None)  # nothing leaves the queue
    codes = [client.post("/api/upload", data={"text": f"{PASTED} ({i})"}).status_code for i in range(jobs.MAX_PENDING + 2)]
    assert codes[:jobs.MAX_PENDING] == [202] * jobs.MAX_PENDING and codes[-1] == 503
