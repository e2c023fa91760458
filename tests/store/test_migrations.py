"""The Alembic migrations build exactly the schema that store/schema.py declares."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from factionmap.store import Store, migrate
from factionmap.store.schema import metadata


def test_migrations_match_the_metadata(store: Store):
    with store.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
    assert diff == []


def test_opening_twice_keeps_the_data(tmp_path):
    from factionmap.model import Document

    path = tmp_path / "s.db"
    Store(path).add_document(Document(text="One short document."))
    assert Store(path).stats()["documents"] == 1
