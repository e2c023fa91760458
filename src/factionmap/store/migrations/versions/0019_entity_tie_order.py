"""ties by each end in the order readers page them (relation, start, id): an entity's first page of ties
(show, ties --entity) is two ordered index scans that stop after the page, not a sort of every tie it has

Revision ID: 0019
Revises: 0018
"""
from __future__ import annotations

from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_ties_subject_id_relation_start_earliest_id", "ties",
                    ["subject_id", "relation", "start_earliest", "id"])
    op.create_index("ix_ties_object_id_relation_start_earliest_id", "ties",
                    ["object_id", "relation", "start_earliest", "id"])


def downgrade() -> None:
    op.drop_index("ix_ties_object_id_relation_start_earliest_id", table_name="ties")
    op.drop_index("ix_ties_subject_id_relation_start_earliest_id", table_name="ties")
