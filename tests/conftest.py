"""Shared fixtures: stores on a real SQLite file and on a real PostgreSQL server."""
from __future__ import annotations

import itertools

import pytest

from factionmap.store import Store

from tests.postgres_server import PostgresServer

_db_names = itertools.count()


@pytest.fixture(scope="session")
def postgres():
    """A PostgreSQL server started for this test session (stopped at its end)."""
    server = PostgresServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def pg_url(postgres) -> str:
    """A fresh, empty database on the session's PostgreSQL server."""
    return postgres.create_database(f"t{next(_db_names)}")


@pytest.fixture
def sqlite_store(tmp_path) -> Store:
    store = Store(tmp_path / "factionmap.db")
    yield store
    store.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request, tmp_path) -> Store:
    """The same test on a SQLite file and on PostgreSQL."""
    if request.param == "sqlite":
        s = Store(tmp_path / "factionmap.db")
    else:
        s = Store(request.getfixturevalue("pg_url"))
    yield s
    s.close()
