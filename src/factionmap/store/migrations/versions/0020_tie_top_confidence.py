"""each tie's top confidence kept on the tie (graph.cited.confident): a confidence floor (serve
--min-confidence) tests a column instead of joining every tie's assertions on each request

Revision ID: 0020
Revises: 0019
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ties") as batch_op:
        batch_op.add_column(sa.Column("top_confidence", sa.Float()))
    from factionmap.graph import cited

    cited.refresh_confidence(op.get_bind(), None)  # the ties already stored


def downgrade() -> None:
    with op.batch_alter_table("ties") as batch_op:
        batch_op.drop_column("top_confidence")
