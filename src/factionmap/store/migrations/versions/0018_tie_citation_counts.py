"""each tie's citation counts kept on the tie (graph.cited): the map reads them with the ties instead of
counting the evidence of every tie it draws on each request

Revision ID: 0018
Revises: 0017
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ties") as batch_op:
        batch_op.add_column(sa.Column("citation_count", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("cited_documents", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("only_reported", sa.Boolean(), nullable=False, server_default=sa.false()))
    from factionmap.graph import cited

    cited.refresh(op.get_bind(), None, confidence=False)  # the ties already stored (top_confidence: 0020)


def downgrade() -> None:
    with op.batch_alter_table("ties") as batch_op:
        batch_op.drop_column("only_reported")
        batch_op.drop_column("cited_documents")
        batch_op.drop_column("citation_count")
