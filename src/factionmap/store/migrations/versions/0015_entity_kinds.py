"""entity kinds: doc_entities.kind and entities.kind (state, government body, armed group, party, coalition,
media outlet, person, place, organization), filled from the knowledge base's kinds and analysts' set kinds

Revision ID: 0015
Revises: 0014
"""
from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def _fine(kb_id, attributes, kb) -> str:
    if isinstance(attributes, str):
        try:
            attributes = json.loads(attributes)
        except ValueError:
            attributes = {}
    if isinstance(attributes, dict) and attributes.get("kind"):
        return str(attributes["kind"])
    entry = kb.get(kb_id) if kb_id else None
    return entry.kind if entry else ""


def upgrade() -> None:
    from factionmap.entity_kinds import kind_for
    from factionmap.extract.kb import load_kb

    kb = load_kb()  # the packaged entries: what stores made before this revision can name

    for table in ("doc_entities", "entities"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("kind", sa.String(length=24), nullable=True))
        conn = op.get_bind()
        rows = conn.execute(sa.text(f"SELECT id, type, kb_id, attributes FROM {table}")).all()
        values = [{"i": r[0], "k": kind_for(r[1], _fine(r[2], r[3], kb)).value} for r in rows]
        if values:
            conn.execute(sa.text(f"UPDATE {table} SET kind = :k WHERE id = :i"), values)


def downgrade() -> None:
    for table in ("entities", "doc_entities"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("kind")
