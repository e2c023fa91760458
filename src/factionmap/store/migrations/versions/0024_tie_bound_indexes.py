"""ties indexed by each date bound and by top confidence: the map's view of a day that is not a 1 January, or
under a floor that is not a tenth, reads only the ties whose bound lies between that day and its year's
1 January, or whose top confidence lies between the floor and the next tenth (graph.group_spans.band), and
takes the rest of its counts from group_spans

Revision ID: 0024
Revises: 0023
"""
from __future__ import annotations

from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

BOUNDS = ["start_earliest", "end_latest", "life_from", "life_until", "top_confidence"]


def upgrade() -> None:
    for column in BOUNDS:
        op.create_index(f"ix_ties_{column}", "ties", [column])


def downgrade() -> None:
    for column in BOUNDS:
        op.drop_index(f"ix_ties_{column}", table_name="ties")
