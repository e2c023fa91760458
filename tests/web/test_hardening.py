"""The web app under hostile requests: a Host check that holds, headers on every answer (500s too),
no 500 for bad ids or long queries, LIKE wildcards taken literally, no paths in messages, and
answers cached per store version with ETags."""
from __future__ import annotations

import warnings

import pytest

from factionmap.model import Document
from factionmap.web import create_app
from factionmap.web.security import CSP, HEADERS, allowed_hosts, host_name, is_loopback

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

HOSTILE_HOSTS = [
    "127.evil.example", "127.0.0.1.nip.io", "localhost.evil.example", "evil.example", "attacker.example:8765",
    "127.0.0.1.", "localhost.", "127.1", "2130706433", "0x7f000001", "0.0.0.0", "[::ffff:127.0.0.1]",
    "[::1].evil.example", "127.0.0.1:80@evil.example", "127.0.0.1 evil.example", "127.0.0.1:99999",
    "127.0.0.1:8765:80", "%31%32%37.0.0.1", "", "127.0.0.2", "[::1", "::1", "127.0.0.1/x", "ｌｏｃａｌｈｏｓｔ".encode(),
]


@pytest.fixture
def served(store):
    """The app as `factionmap serve` makes it on 127.0.0.1, uploads on."""
    return TestClient(create_app(store, bind_host="127.0.0.1", allow_upload=True), base_url="http://127.0.0.1:8765")


def assert_headers(response, csp: str | None = None) -> None:
    assert response.headers["content-security-policy"] in ((csp,) if csp else (CSP, "default-src 'none'; frame-ancestors 'none'"))
    for name, value in HEADERS.items():
        assert response.headers[name] == value, name


@pytest.mark.parametrize("host", HOSTILE_HOSTS)
def test_hostile_hosts_are_refused(served, host):
    r = served.get("/api/documents", headers={"host": host})
    assert r.status_code == 400, host
    assert "documents" not in r.text
    assert_headers(r)


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:8765", "localhost", "LOCALHOST:8765", "[::1]:8765", "[::1]"])
def test_loopback_names_are_answered(served, host):
    assert served.get("/api/stats", headers={"host": host}).status_code == 200


def test_a_dns_rebinding_request_reads_and_writes_nothing(served, store):
    rebound = {"host": "rebind.attacker.example:8765", "origin": "http://rebind.attacker.example:8765",
               "sec-fetch-site": "same-origin"}
    assert served.get("/api/documents", headers=rebound).status_code == 400
    before = store.stats()
    r = served.post("/api/upload", data={"text": "The Eastern Brigade split from the Northern Front in 2021."},
                    headers=rebound)
    assert r.status_code == 400
    assert store.stats() == before


def test_allowed_hosts_are_exact():
    hosts = allowed_hosts("127.0.0.1", ["maps.example.org"])
    assert hosts == {"127.0.0.1", "localhost", "::1", "maps.example.org"}
    assert allowed_hosts("0.0.0.0", []) == {"127.0.0.1", "localhost", "::1"}
    assert allowed_hosts("127.0.0.1", ["*"]) is None
    assert host_name("[::1]:80") == "::1" and host_name("Localhost:1") == "localhost" and host_name("a b") is None
    assert is_loopback("127.0.0.5") and is_loopback("::1") and not is_loopback("127.evil.example")


def test_an_allowed_host_is_answered(store):
    c = TestClient(create_app(store, bind_host="127.0.0.1", allowed_hosts=["maps.example.org"]))
    assert c.get("/api/stats", headers={"host": "maps.example.org:8765"}).status_code == 200
    assert c.get("/api/stats", headers={"host": "maps.example.org.evil"}).status_code == 400


def test_a_bug_gives_a_500_with_every_header(store, monkeypatch):
    from factionmap.graph import Graph

    def broken(self, *args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(Graph, "entities", broken)
    c = TestClient(create_app(store), raise_server_exceptions=False)
    for path in ("/api/entities", "/entities"):
        r = c.get(path)
        assert r.status_code == 500 and "a bug" not in r.text
        assert_headers(r)


@pytest.mark.parametrize("path", [
    "/api/ties/99999999999999999999999", "/ties/9223372036854775808", "/api/entities/99999999999999999999999",
    "/entities/18446744073709551616", "/api/documents/%25%25%25%25%25%25", "/documents/______",
    "/api/documents/" + "f" * 500, "/api/entities/" + "x" * 5000, "/api/ties/0", "/api/entities/²",
])
def test_bad_ids_are_404_not_500(store, path):
    r = TestClient(create_app(store), raise_server_exceptions=False).get(path)
    assert r.status_code in (404, 422), (path, r.status_code)
    assert_headers(r)


def test_long_queries_are_refused_cleanly(store):
    c = TestClient(create_app(store), raise_server_exceptions=False)
    for path in ("/api/entities", "/entities"):
        r = c.get(path, params={"q": "a" * 50_000})
        assert r.status_code == 400 and "at most 200" in r.text
        assert_headers(r)


def test_like_wildcards_are_literal(store):
    c = TestClient(create_app(store))
    assert c.get("/api/entities", params={"q": "__"}).json() == []
    assert c.get("/api/entities", params={"q": "%"}).json() == []
    assert c.get("/api/entities", params={"q": "qaeda"}).json()


def test_messages_name_no_paths(store, tmp_path):
    c = TestClient(create_app(store))
    for path in ("/documents/ffffffffffff", "/api/documents/ffffffffffff"):
        r = c.get(path)
        assert r.status_code == 404 and str(tmp_path) not in r.text and "sqlite" not in r.text


def test_answers_are_cached_per_store_version(store):
    app = create_app(store)
    c = TestClient(app)
    first = c.get("/api/map")
    etag = first.headers["etag"]
    assert first.headers["cache-control"] == "no-cache"
    again = c.get("/api/map")
    assert again.content == first.content and again.headers["etag"] == etag
    assert c.get("/api/map", headers={"if-none-match": etag}).status_code == 304
    listing = c.get("/api/documents").json()
    store.add_document(Document("A new document about the Northern Front, written in 2021.", title="New"))
    assert len(c.get("/api/documents").json()) == len(listing) + 1  # a write invalidates every answer
    assert c.get("/api/map", headers={"if-none-match": etag}).status_code == 200
    zipped = c.get("/api/map", headers={"accept-encoding": "gzip"})
    assert zipped.json() == first.json()


def test_clients_asking_at_once_for_an_answer_being_made_share_it(store):
    """After a write, many clients asking for the map at once make it once, and all get it."""
    import asyncio

    import httpx

    from factionmap.web.cache import AnswerCache

    app = create_app(store)
    TestClient(app).get("/api/stats")  # builds the middleware stack
    cache = next(m for m in _middlewares(app) if isinstance(m, AnswerCache))
    inner, made = cache.app, []

    async def slow(scope, receive, send):
        if scope["path"] == "/api/map":
            made.append(scope["path"])
            await asyncio.sleep(0.2)  # the answer takes a while to make: the others arrive meanwhile
        await inner(scope, receive, send)

    cache.app = slow

    async def clients():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            return await asyncio.gather(*(client.get("/api/map") for _ in range(8)))

    # in a thread of its own: an event loop another test left running in this thread (Playwright's sync
    # API) must not stop asyncio.run
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        answers = pool.submit(asyncio.run, clients()).result()
    assert [a.status_code for a in answers] == [200] * 8
    assert len({a.content for a in answers}) == 1 and len({a.headers["etag"] for a in answers}) == 1
    assert len(made) == 1 and cache.shared == 7


def test_credentials_and_uploads_are_never_cached(store):
    from factionmap.web.cache import AnswerCache

    app = create_app(store, allow_upload=True)
    c = TestClient(app)
    c.get("/api/stats", headers={"cookie": "session=1"})
    c.get("/upload")
    cache = next(m for m in _middlewares(app) if isinstance(m, AnswerCache))
    assert cache.entries == {} or all(key[0] not in ("/api/stats", "/upload") for key in cache.entries)


def _middlewares(app):
    layer = app.middleware_stack
    while layer is not None:
        yield layer
        layer = getattr(layer, "app", None)


def test_answers_made_for_a_session_are_never_cached(store):
    """With uploads (or edits) on, pages carry the session's CSRF token: no other client may get them."""
    c1 = TestClient(create_app(store, allow_upload=True))
    first = c1.get("/")
    assert "etag" not in first.headers
    c2 = TestClient(c1.app)
    second = c2.get("/")
    assert first.cookies.get("factionmap_session") != second.cookies.get("factionmap_session") or \
        "factionmap_session" not in first.cookies
    token = c1.get("/api/session").json()["csrf_token"]
    assert token not in c2.get("/").text
