"""each entity's ties per relation and status (graph.degrees.entity_relations), kept with the ties: an
entity's profile counts its ties per relation from a few rows instead of reading every tie of a hub

Revision ID: 0025
Revises: 0024
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entity_relations",
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("relation", sa.String(32), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("ties", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["entity_id"], ["entities.id"], name="fk_entity_relations_entity_id_entities",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("entity_id", "relation", "status", name="pk_entity_relations"),
    )
    from factionmap.graph import degrees

    degrees.refresh_relations(op.get_bind(), None)  # the ties already stored


def downgrade() -> None:
    op.drop_table("entity_relations")
