"""store_version: one counter that every write raises, so cached web answers know when they are stale;
aliases.block recomputed with the finer fuzzy-matching blocks of graph.keys.block

Revision ID: 0014
Revises: 0012
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "store_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_store_version")),
    )
    op.bulk_insert(table, [{"id": 1, "version": 0}])
    from factionmap.graph.keys import block

    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, norm FROM aliases")).all()
    if rows:
        conn.execute(sa.text("UPDATE aliases SET block = :b WHERE id = :i"), [{"i": r[0], "b": block(r[1])} for r in rows])


def downgrade() -> None:
    op.drop_table("store_version")
