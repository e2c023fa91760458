"""Accounts in the web app: login for everything once users exist, sessions in signed HttpOnly SameSite
cookies, CSRF tokens and role checks on every write (API and forms), rate-limited logins, and no
password or hash anywhere a person or an export can see it."""
from __future__ import annotations

import io
import logging
import re
import warnings

import pytest
from fastapi.routing import APIRoute

from factionmap.accounts.roles import Actor
from factionmap.export import export
from factionmap.review import Editor, local_actor
from factionmap.web import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

PASSWORDS = {"ada": "analyst-password-1", "vic": "viewer-password-1", "root": "admin-password-1"}
OPEN_WRITES = {"/api/login", "/api/logout", "/login", "/logout"}


@pytest.fixture
def people(store):
    ed = Editor(store, local_actor("tester"))
    ed.add_user("root", "admin", PASSWORDS["root"])
    admin = Editor(store, Actor("root", "admin"))
    admin.add_user("ada", "analyst", PASSWORDS["ada"])
    admin.add_user("vic", "viewer", PASSWORDS["vic"])
    return store


@pytest.fixture
def app(people):
    return create_app(people, allow_upload=True)


def client(app, name: str | None = None) -> TestClient:
    c = TestClient(app, follow_redirects=False)
    token = c.get("/api/session").json()["csrf_token"]
    if name:
        r = c.post("/api/login", json={"name": name, "password": PASSWORDS[name]}, headers={"X-CSRF-Token": token})
        assert r.status_code == 200, r.text
        token = r.json()["csrf_token"]
    c.headers["X-CSRF-Token"] = token
    return c


def write_routes(app) -> list[str]:
    def walk(routes, prefix=""):
        for r in routes:
            if hasattr(r, "original_router"):
                yield from walk(r.original_router.routes, prefix + (getattr(r.include_context, "prefix", "") or ""))
            elif isinstance(r, APIRoute) and r.methods - {"GET", "HEAD"}:
                yield prefix + r.path

    return sorted(set(walk(app.routes)) - OPEN_WRITES)


def concrete(path: str, store) -> str:
    doc = store.documents()[0]["id"]
    values = {"tie_id": "4", "action": "confirm", "review_id": "1", "ref": "1", "decision_id": "1", "doc_id": doc,
              "name": "vic"}
    return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], path)


def test_everything_needs_a_login_once_users_exist(app):
    c = TestClient(app, follow_redirects=False)
    r = c.get("/entities?q=nusra")
    assert r.status_code == 303 and r.headers["location"].startswith("/login?next=")
    assert c.get("/api/map").status_code == 401
    assert c.get("/api/openapi.json").status_code == 401
    assert c.get("/login").status_code == 200
    assert c.get("/static/app.css").status_code == 200
    logged = client(app, "vic")
    assert logged.get("/api/map").status_code == 200
    assert "vic (viewer)" in logged.get("/").text


def test_without_users_the_app_reads_and_edits_need_the_switch(store):
    c = TestClient(create_app(store))
    assert c.get("/api/map").status_code == 200
    token = c.get("/api/session").json()["csrf_token"]
    assert token is None  # read-only: no session, nothing to protect
    r = c.post("/api/ties/4/confirm", json={"expected_review": None})
    assert r.status_code == 403
    edits = TestClient(create_app(store, allow_edits=True))
    token = edits.get("/api/session").json()["csrf_token"]
    r = edits.post("/api/ties/4/confirm", json={"expected_review": None}, headers={"X-CSRF-Token": token})
    assert r.status_code == 200 and r.json()["actor"] == "local:web"
    assert edits.post("/api/ties/9/confirm", json={"expected_review": None}).status_code == 403  # no token


def test_login_cookie_is_signed_httponly_and_samesite(app, people):
    c = TestClient(app, follow_redirects=False)
    token = c.get("/api/session").json()["csrf_token"]
    r = c.post("/login", data={"name": "ada", "password": PASSWORDS["ada"], "next": "/review", "csrf_token": token})
    assert r.status_code == 303 and r.headers["location"] == "/review"
    cookie = r.headers["set-cookie"]
    assert "fm_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert c.get("/api/session").json()["user"]["name"] == "ada"
    forged = TestClient(app, follow_redirects=False)
    value = c.cookies.get("fm_session")
    forged.cookies.set("fm_session", value[:-4] + ("0000" if not value.endswith("0000") else "1111"))
    assert forged.get("/api/map").status_code == 401
    out = c.post("/logout", data={"csrf_token": c.get("/api/session").json()["csrf_token"]})
    assert out.status_code == 303 and c.get("/api/map").status_code == 401


def test_a_login_form_without_its_csrf_token_is_refused(app):
    c = TestClient(app, follow_redirects=False)
    c.get("/login")
    r = c.post("/login", data={"name": "ada", "password": PASSWORDS["ada"]})
    assert r.status_code == 403


def test_failed_logins_are_rate_limited(app):
    c = client(app)
    for _ in range(5):
        assert c.post("/api/login", json={"name": "ada", "password": "wrong-password"}).status_code == 401
    r = c.post("/api/login", json={"name": "ada", "password": PASSWORDS["ada"]})
    assert r.status_code == 429 and int(r.headers["retry-after"]) > 0


@pytest.mark.parametrize("who", [None, "vic"])
def test_every_write_is_refused_to_anonymous_and_viewers(app, people, who):
    c = client(app, who)
    before = people.stats()
    paths = write_routes(app)
    assert len(paths) >= 25
    for path in paths:
        url = concrete(path, people)
        api = path.startswith("/api/")
        r = c.post(url, json={"expected_review": None, "note": "x"}) if api else c.post(url, data={"note": "x"})
        assert r.status_code == 403, (path, r.status_code, r.text[:200])
    assert people.stats() == before
    with people.engine.connect() as conn:
        from factionmap import audit

        assert {e.action for e in audit.entries(conn)} <= {"add user", "log in"}


def test_every_write_needs_the_csrf_token(app, people):
    c = client(app, "root")  # an admin: only the missing token stops them
    del c.headers["X-CSRF-Token"]
    for path in write_routes(app):
        url = concrete(path, people)
        r = c.post(url, json={"expected_review": None}) if path.startswith("/api/") else c.post(url, data={"x": "1"})
        assert r.status_code == 403 and "CSRF" in r.text, (path, r.status_code, r.text[:200])
    bad = client(app, "root")
    bad.headers["X-CSRF-Token"] = "0" * 64
    assert bad.post("/api/ties/4/confirm", json={"expected_review": None}).status_code == 403


def test_roles_on_the_server(app, people):
    ada = client(app, "ada")
    assert ada.post("/api/ties/4/confirm", json={"expected_review": None, "note": "stated"}).status_code == 200
    assert ada.post("/api/sources", json={"name": "Encyclopedia A", "reliability": "B"}).status_code == 403
    assert ada.post("/api/users", json={"name": "eve", "role": "admin", "password": "x" * 12}).status_code == 403
    assert ada.get("/api/users").status_code == 403
    root = client(app, "root")
    assert root.post("/api/sources", json={"name": "Encyclopedia A", "reliability": "B"}).status_code == 200
    assert root.get("/api/users").status_code == 200
    token = root.get("/api/session").json()["csrf_token"]
    r = root.post("/users", data={"action": "role", "name": "vic", "role": "analyst", "csrf_token": token})
    assert r.status_code == 303
    assert client(app, "vic").post("/api/ties/9/reject", json={"expected_review": None}).status_code == 200


def test_no_password_or_hash_in_pages_exports_or_logs(app, people, caplog, tmp_path):
    caplog.set_level(logging.DEBUG)
    root = client(app, "root")
    root.post("/api/users", json={"name": "newcomer", "role": "viewer", "password": "newcomer-secret-1"})
    seen = []
    for path in ("/users", "/api/users", "/log", "/api/log", "/api/log?format=csv", "/api/log?format=jsonl",
                 "/api/session", "/", "/review"):
        seen.append(root.get(path).text)
    for fmt in ("stix", "jsonl", "graphml"):
        out = io.StringIO()
        export(people, fmt, out)
        seen.append(out.getvalue())
    with people.engine.connect() as conn:
        hashes = [r[0] for r in conn.exec_driver_sql("SELECT password_hash FROM users")]
    text = "\n".join(seen) + caplog.text
    for secret in [*PASSWORDS.values(), "newcomer-secret-1", *hashes, "$argon2"]:
        assert secret not in text


def test_the_audit_log_cannot_be_altered_through_the_app(app, people):
    root = client(app, "root")
    root.post("/api/ties/4/confirm", json={"expected_review": None, "note": "first"})
    before = root.get("/api/log").json()
    for method in ("delete", "put", "patch"):
        r = getattr(root, method)("/api/log")
        assert r.status_code in (404, 405)
    assert root.post("/api/log", json={}).status_code in (404, 405)
    assert root.post("/log", data={}).status_code in (404, 405)
    assert root.get("/api/log").json() == before


def test_document_metadata_and_the_openapi_schema(app, people):
    ada = client(app, "ada")
    doc = next(d for d in people.documents() if d["title"] == "Boko Haram")
    r = ada.post(f"/api/documents/{doc['id']}/metadata", json={"author": "A. Field Researcher",
                                                               "published": "March 2018", "note": "from the PDF"})
    assert r.status_code == 200 and r.json()["changed"] == {"author": "A. Field Researcher", "published": "2018-03"}
    assert ada.post(f"/api/documents/{doc['id']}/metadata", json={"published": "not a date"}).status_code == 400
    history = ada.get(f"/api/log?target_type=document&target_id={doc['id']}").json()
    assert history[0]["before"] == {"author": None, "published": "2018-05-01"} and history[0]["reason"] == "from the PDF"
    schema = ada.get("/api/openapi.json").json()
    for path in ("/api/ties/{tie_id}/confirm", "/api/ties/{tie_id}/reject", "/api/ties/{tie_id}/correct", "/api/ties",
                 "/api/reviews/{review_id}/undo", "/api/review/queue", "/api/entities/{ref}/merge",
                 "/api/entities/{ref}/rename", "/api/decisions/{decision_id}/undo", "/api/sources",
                 "/api/documents/{doc_id}/metadata", "/api/log", "/api/users", "/api/login"):
        assert path in schema["paths"], path
