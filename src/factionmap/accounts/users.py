"""Users: a name, a role, and an argon2id hash of the password (argon2-cffi), never shown anywhere.

Roles grow: a viewer reads; an analyst also reviews ties and edits entities and documents; an
admin also manages users, source grades and uploads (roles.py says which action needs which).
Users are disabled, never deleted: the audit log names them.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Connection

from ..errors import AuthError, NotFound
from ..store import schema as t
from .roles import ROLES

NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")
MIN_PASSWORD = 10
_HASHER = PasswordHasher()  # argon2id with RFC 9106's second recommended parameters (64 MiB, t=3, p=4)
_DUMMY = _HASHER.hash("factionmap: a password nobody has")  # unknown names cost as much as known ones


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: str
    created_at: dt.datetime
    disabled_at: dt.datetime | None = None

    @property
    def active(self) -> bool:
        return self.disabled_at is None

    def as_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "role": self.role, "created_at": self.created_at.isoformat(),
                "disabled_at": self.disabled_at.isoformat() if self.disabled_at else None}


def _user(r) -> User:
    return User(r["id"], r["name"], r["role"], r["created_at"], r["disabled_at"])


_COLUMNS = [t.users.c.id, t.users.c.name, t.users.c.role, t.users.c.created_at, t.users.c.disabled_at]


def any_active(conn: Connection) -> bool:
    """Whether the store has a user: then the web app asks everyone to log in."""
    query = select(func.count()).select_from(t.users).where(t.users.c.disabled_at.is_(None))
    return bool(conn.execute(query).scalar())


def check_role(role: str) -> str:
    if role not in ROLES:
        raise AuthError(f"role {role!r}: expected one of {', '.join(ROLES)}")
    return role


def check_password(password: str) -> str:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise AuthError(f"the password must have at least {MIN_PASSWORD} characters")
    if password.strip() != password:
        raise AuthError("the password starts or ends with white space (a stray newline?); give it without")
    return password


def add(conn: Connection, name: str, role: str, password: str) -> User:
    if not NAME.fullmatch(name or ""):
        raise AuthError(f"user name {name!r}: use 1-64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit")
    check_role(role)
    check_password(password)
    if conn.execute(select(t.users.c.id).where(func.lower(t.users.c.name) == name.lower())).first():
        raise AuthError(f"a user called {name!r} already exists")
    row = {"name": name, "role": role, "password_hash": _HASHER.hash(password),
           "created_at": dt.datetime.now(dt.timezone.utc)}
    uid = conn.execute(insert(t.users).values(**row)).inserted_primary_key[0]
    return get(conn, name) or User(uid, name, role, row["created_at"])


def get(conn: Connection, name: str) -> User | None:
    row = conn.execute(select(*_COLUMNS).where(func.lower(t.users.c.name) == (name or "").lower())).mappings().first()
    return _user(row) if row else None


def by_id(conn: Connection, user_id: int) -> User | None:
    row = conn.execute(select(*_COLUMNS).where(t.users.c.id == user_id)).mappings().first()
    return _user(row) if row else None


def require(conn: Connection, name: str) -> User:
    user = get(conn, name)
    if user is None:
        raise NotFound(f"no user {name!r}; see `factionmap users list`")
    return user


def listing(conn: Connection) -> list[User]:
    return [_user(r) for r in conn.execute(select(*_COLUMNS).order_by(t.users.c.name)).mappings()]


def set_role(conn: Connection, name: str, role: str) -> User:
    user = require(conn, name)
    conn.execute(update(t.users).where(t.users.c.id == user.id).values(role=check_role(role)))
    return require(conn, name)


def set_password(conn: Connection, name: str, password: str) -> User:
    user = require(conn, name)
    conn.execute(update(t.users).where(t.users.c.id == user.id)
                 .values(password_hash=_HASHER.hash(check_password(password))))
    conn.execute(t.sessions.delete().where(t.sessions.c.user_id == user.id))  # log out everywhere
    return user


def set_disabled(conn: Connection, name: str, disabled: bool) -> User:
    user = require(conn, name)
    when = dt.datetime.now(dt.timezone.utc) if disabled else None
    conn.execute(update(t.users).where(t.users.c.id == user.id).values(disabled_at=when))
    if disabled:
        conn.execute(t.sessions.delete().where(t.sessions.c.user_id == user.id))
    return require(conn, name)


def verify(conn: Connection, name: str, password: str) -> User | None:
    """The active user with this name and password, or None (the same work either way)."""
    row = conn.execute(select(t.users.c.id, t.users.c.password_hash)
                       .where(func.lower(t.users.c.name) == (name or "").lower())).first()
    stored = row[1] if row else _DUMMY
    try:
        _HASHER.verify(stored, password or "")
    except (VerificationError, InvalidHashError):
        return None
    if row is None:
        return None
    if _HASHER.check_needs_rehash(stored):
        conn.execute(update(t.users).where(t.users.c.id == row[0]).values(password_hash=_HASHER.hash(password)))
    user = by_id(conn, row[0])
    return user if user and user.active else None
