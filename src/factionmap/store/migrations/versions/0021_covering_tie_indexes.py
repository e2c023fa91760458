"""ties read from their indexes alone: an entity's ties by citations (a hub's page and counts per
relation), and every status's ties with what the map filters on (its ranking, group count and year
histogram), so these reads never visit the table's rows

On PostgreSQL the indexes carry the columns the readers filter on (INCLUDE), so an index-only scan
answers them; SQLite has no INCLUDE and gets the ordering indexes alone.

Revision ID: 0021
Revises: 0020
"""
from __future__ import annotations

from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

# what Graph._ties_query filters on (besides the key columns): dates and lifespans, review, grade, confidence
FILTERED = ["start_earliest", "end_latest", "life_from", "life_until", "review", "grade", "top_confidence"]
BY_END = {"subject_id": ["object_id", "relation", "status", *FILTERED],
          "object_id": ["subject_id", "relation", "status", *FILTERED]}
BY_STATUS = ["subject_id", "object_id", *[c for c in FILTERED if c != "start_earliest"]]


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for end, include in BY_END.items():
        op.create_index(f"ix_ties_{end}_evidence_count_id", "ties", [end, "evidence_count", "id"],
                        **({"postgresql_include": include} if postgres else {}))
    if postgres:  # the same key, now carrying what the map reads
        op.drop_index("ix_ties_status_relation_start_earliest_id", table_name="ties")
        op.create_index("ix_ties_status_relation_start_earliest_id", "ties",
                        ["status", "relation", "start_earliest", "id"], postgresql_include=BY_STATUS)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_ties_status_relation_start_earliest_id", table_name="ties")
        op.create_index("ix_ties_status_relation_start_earliest_id", "ties", ["status", "relation", "start_earliest", "id"])
    for end in BY_END:
        op.drop_index(f"ix_ties_{end}_evidence_count_id", table_name="ties")
