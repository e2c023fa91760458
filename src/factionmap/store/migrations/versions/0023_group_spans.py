"""each group's ties among groups per relation, status, confidence decile and the years they hold in
(graph.group_spans), kept with the ties: the map's views with a date or a confidence floor rank their
groups and count them from it instead of reading every chosen tie

Revision ID: 0023
Revises: 0022
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None

_INDEX = "ix_group_spans_view"  # a view's rows read from the index alone (the full name passes 63 characters)


def upgrade() -> None:
    op.create_table(
        "group_spans",
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("relation", sa.String(32), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("decile", sa.Integer(), nullable=False),
        sa.Column("dated", sa.Integer(), nullable=False),
        sa.Column("since", sa.Integer(), nullable=False),
        sa.Column("until", sa.Integer(), nullable=False),
        sa.Column("ties", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["entity_id"], ["entities.id"], name="fk_group_spans_entity_id_entities",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("entity_id", "relation", "status", "decile", "dated", "since", "until",
                                name="pk_group_spans"),
    )
    op.create_index(_INDEX, "group_spans", ["decile", "status", "relation", "since", "until", "dated", "entity_id",
                                            "ties"])
    from factionmap.graph import group_spans

    group_spans.refresh(op.get_bind(), None)  # the ties already stored


def downgrade() -> None:
    op.drop_index(_INDEX, table_name="group_spans")
    op.drop_table("group_spans")
