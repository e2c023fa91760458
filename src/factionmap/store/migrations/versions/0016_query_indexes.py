"""indexes for queries at scale: ties by status in the order readers list them (contested ties, the
review queue, the map's status filter), so a first page reads a page and not the whole table

Revision ID: 0016
Revises: 0015
"""
from __future__ import annotations

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_ties_status_relation_start_earliest_id", "ties",
                    ["status", "relation", "start_earliest", "id"])


def downgrade() -> None:
    op.drop_index("ix_ties_status_relation_start_earliest_id", table_name="ties")
