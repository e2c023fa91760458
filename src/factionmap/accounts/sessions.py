"""Sessions and CSRF tokens for the web app, and the limit on login attempts.

A session cookie holds a random token, signed with a key kept in the store (HMAC-SHA256), so a
forged or altered cookie is refused before any lookup. The store keeps only the token's SHA-256 with
its user and expiry; logging out or disabling the user ends it. A browser that is not logged in gets
a token too (not stored), so that its forms carry a CSRF token as well: the token of a session is
HMAC(key, "csrf:" + session token), which a page of another site can neither read nor compute.
"""
from __future__ import annotations

import collections
import datetime as dt
import hashlib
import hmac
import secrets
import threading
import time

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from ..store import schema as t
from . import users

COOKIE = "fm_session"
LIFETIME = dt.timedelta(hours=12)
_KEY_NAME = "session_signing_key"


def signing_key(engine) -> bytes:
    """The store's key for signing cookies, made on first use."""
    with engine.begin() as conn:
        row = conn.execute(select(t.settings.c.value).where(t.settings.c.name == _KEY_NAME)).first()
        if row:
            return bytes.fromhex(row[0])
    try:
        with engine.begin() as conn:
            conn.execute(insert(t.settings).values(name=_KEY_NAME, value=secrets.token_hex(32)))
    except IntegrityError:  # another process made it first
        pass
    with engine.connect() as conn:
        return bytes.fromhex(conn.execute(select(t.settings.c.value).where(t.settings.c.name == _KEY_NAME)).scalar())


def new_token() -> str:
    return secrets.token_urlsafe(32)


def _mac(key: bytes, message: str) -> str:
    return hmac.new(key, message.encode(), hashlib.sha256).hexdigest()


def sign(key: bytes, token: str) -> str:
    return f"{token}.{_mac(key, 'session:' + token)}"


def unsign(key: bytes, cookie: str | None) -> str | None:
    """The token of a cookie whose signature checks out, else None."""
    if not cookie or "." not in cookie:
        return None
    token, mac = cookie.rsplit(".", 1)
    return token if hmac.compare_digest(mac, _mac(key, "session:" + token)) else None


def csrf_token(key: bytes, token: str) -> str:
    return _mac(key, "csrf:" + token)


def csrf_ok(key: bytes, token: str | None, given: str | None) -> bool:
    return bool(token and given) and hmac.compare_digest(csrf_token(key, token), given)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_session(conn: Connection, user_id: int) -> str:
    """A new session for a user (a new token: an earlier anonymous one is never promoted)."""
    token = new_token()
    now = dt.datetime.now(dt.timezone.utc)
    conn.execute(delete(t.sessions).where(t.sessions.c.expires_at < now))
    conn.execute(insert(t.sessions).values(id=_hash(token), user_id=user_id, created_at=now, expires_at=now + LIFETIME))
    return token


def user_of(conn: Connection, token: str | None) -> users.User | None:
    """The active user whose unexpired session this token is, else None."""
    if not token:
        return None
    row = conn.execute(select(t.sessions.c.user_id, t.sessions.c.expires_at)
                       .where(t.sessions.c.id == _hash(token))).first()
    if row is None:
        return None
    expires = row[1] if row[1].tzinfo else row[1].replace(tzinfo=dt.timezone.utc)
    if expires < dt.datetime.now(dt.timezone.utc):
        return None
    user = users.by_id(conn, row[0])
    return user if user and user.active else None


def close_session(conn: Connection, token: str | None) -> None:
    if token:
        conn.execute(delete(t.sessions).where(t.sessions.c.id == _hash(token)))


class LoginLimiter:
    """At most `attempts` failed logins per `window` seconds for one user name, and for one client."""

    def __init__(self, attempts: int = 5, window: float = 600.0):
        self.attempts, self.window = attempts, window
        self._failures: dict[str, collections.deque] = collections.defaultdict(collections.deque)
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> collections.deque:
        q = self._failures[key]
        while q and q[0] < now - self.window:
            q.popleft()
        return q

    def retry_after(self, *keys: str) -> int:
        """Seconds until these keys may try again (0: now)."""
        now = time.monotonic()
        with self._lock:
            waits = [int(q[0] + self.window - now) + 1 for k in keys if len(q := self._recent(k, now)) >= self.attempts]
        return max(waits, default=0)

    def failed(self, *keys: str) -> None:
        now = time.monotonic()
        with self._lock:
            for k in keys:
                self._recent(k, now).append(now)

    def succeeded(self, *keys: str) -> None:
        with self._lock:
            for k in keys:
                self._failures.pop(k, None)
