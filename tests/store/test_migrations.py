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


def test_every_reference_to_what_re_extraction_deletes_is_indexed():
    """Extracting a document again deletes its entities and assertions row by row through their foreign
    keys' ON DELETE: a referencing column without an index is read whole for each (2.3 s a document of 40
    entities among 1,000,000 mentions on PostgreSQL, before mentions.doc_entity_id had its index)."""
    from sqlalchemy import PrimaryKeyConstraint, UniqueConstraint

    deleted = {"doc_entities", "assertions"}
    missing = []
    for table in metadata.sorted_tables:
        leading = {next(iter(index.columns)).name for index in table.indexes}
        leading |= {next(iter(con.columns)).name for con in table.constraints
                    if isinstance(con, (PrimaryKeyConstraint, UniqueConstraint)) and len(con.columns)}
        for fk in table.foreign_keys:
            if fk.column.table.name in deleted and fk.parent.name not in leading:
                missing.append(f"{table.name}.{fk.parent.name}")
    assert missing == []
