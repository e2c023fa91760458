"""PostgreSQL connections (store/engine.py): Nagle's algorithm off, statistics refreshed as a build grows."""
from __future__ import annotations

import socket

import pytest

from factionmap.store import Store


@pytest.mark.postgres
def test_connections_to_postgresql_send_without_delay(pg_url):
    store = Store(pg_url)
    with store.engine.connect() as conn:
        sock = conn.connection.dbapi_connection._usock
        assert sock.family in (socket.AF_INET, socket.AF_INET6)
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
    store.close()


def analyzes(store) -> list[str]:
    from sqlalchemy import event

    seen: list[str] = []
    event.listen(store.engine, "before_cursor_execute",
                 lambda conn, cursor, statement, *args: seen.append(statement) if statement.startswith("ANALYZE") else None)
    return seen


@pytest.mark.postgres
def test_a_growing_build_refreshes_the_statistics_as_its_documents_double(pg_url):
    store = Store(pg_url)
    seen = analyzes(store)
    when = []
    for n in (8, 8, 8, 8, 16, 32):  # 8, 16, 24, 32, 48, 80 documents written
        before = len(seen)
        store._refresh_statistics(n)
        when.append(len(seen) > before)
    assert when == [False, True, False, True, False, True]
    store.close()


def test_sqlite_is_never_analyzed(tmp_path):
    store = Store(tmp_path / "s.db")
    seen = analyzes(store)
    for n in (16, 16, 32):
        store._refresh_statistics(n)
    assert seen == []
    store.close()


@pytest.mark.postgres
def test_a_bare_postgresql_url_opens_the_store_with_the_installed_driver(pg_url):
    """`postgresql://user@host/db`, as the README and docs/deploy.md write it (SQLAlchemy would pick psycopg,
    which factionmap does not install); the readers' connections never JIT-compile."""
    from sqlalchemy import text

    from factionmap.store.engine import to_url

    bare = pg_url.replace("postgresql+pg8000://", "postgresql://")
    assert to_url(bare) == pg_url and to_url(bare.replace("://", "+psycopg2://", 1)) == pg_url
    store = Store(bare)
    with store.reader.connect() as conn:
        assert conn.execute(text("SHOW jit")).scalar() == "off"
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT 1")).scalar() == 1
    store.close()
