"""each entity's degree and date bounds, kept with its ties: the map's opening view ranks its groups and
reads the store's date bounds from this table instead of scanning every tie on the first request

Revision ID: 0017
Revises: 0016
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entity_degrees",
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("ties", sa.Integer(), nullable=False),
        sa.Column("map_ties", sa.Integer(), nullable=False),
        sa.Column("start_earliest", sa.String(32)),
        sa.Column("end_earliest", sa.String(32)),
        sa.Column("life_from", sa.String(10)),
        sa.Column("start_latest", sa.String(32)),
        sa.Column("end_latest", sa.String(32)),
        sa.Column("life_until", sa.String(10)),
        sa.ForeignKeyConstraint(["entity_id"], ["entities.id"], name="fk_entity_degrees_entity_id_entities",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("entity_id", name="pk_entity_degrees"),
    )
    op.create_index("ix_entity_degrees_map_ties_entity_id", "entity_degrees", ["map_ties", "entity_id"])
    from factionmap.graph import degrees

    degrees.refresh(op.get_bind(), None, groups=False)  # the ties already stored (group_ties: 0022)


def downgrade() -> None:
    op.drop_index("ix_entity_degrees_map_ties_entity_id", table_name="entity_degrees")
    op.drop_table("entity_degrees")
