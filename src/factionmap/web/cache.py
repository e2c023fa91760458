"""Answers cached per store version and request: the map, profiles, documents are computed once.

A GET answer (200, HTML or JSON) is kept under (store version, path, query, gzip or not); any write to
the store raises its version (`Store.version`, one tiny query a request), so a cached answer is never
served after the data under it changed. Every such answer carries an ETag and `Cache-Control:
no-cache`: browsers revalidate and get 304 Not Modified while nothing changed. Requests that carry
credentials (Cookie, Authorization), answers made for a session (the login gate gave the request a
session: a page with its CSRF token) and the upload pages are never cached, and no cached answer
carries a Set-Cookie. It sits outside the session-cookie middleware, inside the security headers. The cache is bounded in
entries and bytes, least recently used first out. Requests for an answer already being made wait for
it instead of making it again (after a write, 32 clients asking for the map make it once, not 32 times).
"""
from __future__ import annotations

import asyncio
import gzip
import hashlib
from collections import OrderedDict
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_ENTRIES = 512
MAX_BYTES = 128 * 1024 * 1024
_UNCACHED = ("/upload", "/api/upload", "/static/")
_PRIVATE = (b"cookie", b"authorization")
_GZIP_FROM = 1024  # smaller answers are sent as they are


@dataclass
class Answer:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes


class AnswerCache:
    """ASGI middleware holding finished GET answers for the current store version."""

    def __init__(self, app: ASGIApp, store, *, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES):
        self.app, self.store = app, store
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self.entries: OrderedDict[tuple, Answer] = OrderedDict()
        self.size = 0
        self.version = -1
        self.hits = self.misses = self.shared = 0
        self.making: dict[tuple, asyncio.Future] = {}  # (version, key) -> the answer being made

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._cacheable(scope):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        version = self.store.version()
        if version != self.version:  # something was written: every answer held is stale
            self.entries.clear()
            self.size, self.version = 0, version
        zipped = b"gzip" in headers.get(b"accept-encoding", b"")
        key = (scope["path"], scope.get("query_string", b""), zipped)
        answer = self.entries.get(key)
        if answer is None and (version, key) in self.making:
            self.shared += 1
            answer = await asyncio.shield(self.making[(version, key)])  # None: not cacheable, made again below
        if answer is None:
            self.misses += 1
            answer = await self._make(scope, receive, send, version, zipped, key)
            if answer is None:
                return  # not a cacheable answer: already sent as it came
        else:
            self.hits += 1
            self.entries.move_to_end(key)
        await _send(send, answer, headers.get(b"if-none-match"))

    async def _make(self, scope: Scope, receive: Receive, send: Send, version: int, zipped: bool,
                    key: tuple) -> Answer | None:
        """Make the answer (others asking for it meanwhile wait for it) and keep it."""
        making = asyncio.get_running_loop().create_future()
        self.making.setdefault((version, key), making)
        answer = None
        try:
            answer = await self._compute(scope, receive, send, version, zipped)
            if answer is not None and version == self.version:
                self._keep(key, answer)
            return answer
        finally:
            if self.making.get((version, key)) is making:
                del self.making[(version, key)]
            making.set_result(answer)

    @staticmethod
    def _cacheable(scope: Scope) -> bool:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            return False
        if scope["path"].startswith(_UNCACHED):
            return False
        return not any(name in _PRIVATE for name, _ in scope.get("headers") or [])

    async def _compute(self, scope: Scope, receive: Receive, send: Send, version: int, zipped: bool) -> Answer | None:
        start: Message | None = None
        chunks: list[bytes] = []
        passing = False

        async def capture(message: Message) -> None:
            nonlocal start, passing
            if message["type"] == "http.response.start":
                start = message
                kind = dict(message.get("headers", [])).get(b"content-type", b"")
                passing = message["status"] != 200 or not kind.startswith((b"application/json", b"text/html"))
                if passing:
                    await send(message)
            elif passing:
                await send(message)
            else:
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, capture)
        if passing or start is None:
            return None
        body = b"".join(chunks)
        state = scope.get("state") or {}
        if state.get("session_token") or state.get("user"):  # made for one session (a CSRF token in it)
            await _send(send, Answer(start["status"], list(start.get("headers", [])), body, b""), None)
            return None
        headers = [(k, v) for k, v in start.get("headers", [])
                   if k.lower() not in (b"content-length", b"etag", b"set-cookie")]
        if zipped and len(body) >= _GZIP_FROM:
            body = gzip.compress(body, compresslevel=5, mtime=0)
            headers.append((b"content-encoding", b"gzip"))
        etag = b'"%d-%s"' % (version, hashlib.blake2b(body, digest_size=10).hexdigest().encode())
        headers += [(b"etag", etag), (b"cache-control", b"no-cache"), (b"vary", b"Accept-Encoding")]
        return Answer(start["status"], headers, body, etag)

    def _keep(self, key: tuple, answer: Answer) -> None:
        if len(answer.body) > self.max_bytes // 4:
            return
        self.entries[key] = answer
        self.size += len(answer.body)
        while len(self.entries) > self.max_entries or self.size > self.max_bytes:
            _, old = self.entries.popitem(last=False)
            self.size -= len(old.body)


async def _send(send: Send, answer: Answer, if_none_match: bytes | None) -> None:
    if if_none_match and answer.etag and answer.etag in [tag.strip() for tag in if_none_match.split(b",")]:
        headers = [(k, v) for k, v in answer.headers if k in (b"etag", b"cache-control", b"vary")]
        await send({"type": "http.response.start", "status": 304, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
        return
    await send({"type": "http.response.start", "status": answer.status,
                "headers": [*answer.headers, (b"content-length", str(len(answer.body)).encode())]})
    await send({"type": "http.response.body", "body": answer.body})
