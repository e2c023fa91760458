"""lifespans: dated foundings, ends and renamings with their evidence; each tie's life window

Revision ID: 0011
Revises: 0003
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lifespan_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("doc_id", sa.String(length=64), nullable=False),
        sa.Column("doc_entity_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("date_iso", sa.String(length=32), nullable=False),
        sa.Column("date_earliest", sa.String(length=32), nullable=False),
        sa.Column("date_latest", sa.String(length=32), nullable=False),
        sa.Column("date_text", sa.Text(), nullable=True),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column("reader", sa.Text(), nullable=False),
        sa.Column("reader_version", sa.String(length=32), nullable=False),
        sa.Column("trigger", sa.Text(), nullable=False),
        sa.Column("new_name", sa.Text(), nullable=True),
        sa.Column("new_doc_entity_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.id"], name=op.f("fk_lifespan_events_doc_id_documents"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["doc_entity_id"], ["doc_entities.id"],
                                name=op.f("fk_lifespan_events_doc_entity_id_doc_entities"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["new_doc_entity_id"], ["doc_entities.id"],
                                name=op.f("fk_lifespan_events_new_doc_entity_id_doc_entities"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lifespan_events")),
    )
    op.create_index(op.f("ix_lifespan_events_doc_id"), "lifespan_events", ["doc_id"])
    op.create_index(op.f("ix_lifespan_events_doc_entity_id"), "lifespan_events", ["doc_entity_id"])
    with op.batch_alter_table("ties", schema=None) as batch_op:
        batch_op.add_column(sa.Column("life_from", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("life_until", sa.String(length=10), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ties", schema=None) as batch_op:
        batch_op.drop_column("life_until")
        batch_op.drop_column("life_from")
    op.drop_index(op.f("ix_lifespan_events_doc_entity_id"), table_name="lifespan_events")
    op.drop_index(op.f("ix_lifespan_events_doc_id"), table_name="lifespan_events")
    op.drop_table("lifespan_events")
