"""each group's ties among groups per relation and status (graph.degrees.group_ties), kept with the ties:
the map's views filtered by relation and status rank their groups and count them from it instead of
reading every chosen tie

Revision ID: 0022
Revises: 0021
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "group_ties",
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("relation", sa.String(32), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("ties", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["entity_id"], ["entities.id"], name="fk_group_ties_entity_id_entities",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("entity_id", "relation", "status", name="pk_group_ties"),
    )
    op.create_index("ix_group_ties_status_relation_entity_id_ties", "group_ties",
                    ["status", "relation", "entity_id", "ties"])
    from factionmap.graph import degrees

    degrees.refresh_groups(op.get_bind(), None)  # the ties already stored


def downgrade() -> None:
    op.drop_index("ix_group_ties_status_relation_entity_id_ties", table_name="group_ties")
    op.drop_table("group_ties")
