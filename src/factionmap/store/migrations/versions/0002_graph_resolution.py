"""graph: alias skeletons and blocks, evidence fingerprints, superseded ties, source grades

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("aliases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("skel", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("block", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("reason", sa.Text(), nullable=True))
        batch_op.create_index(batch_op.f("ix_aliases_skel"), ["skel"], unique=False)
        batch_op.create_index(batch_op.f("ix_aliases_block"), ["block"], unique=False)
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.add_column(sa.Column("fingerprint", sa.Text(), nullable=True))
    with op.batch_alter_table("ties", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ended_by", sa.Integer(), nullable=True))
    op.create_table(
        "source_grades",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("reliability", sa.String(length=1), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_source_grades")),
    )


def downgrade() -> None:
    op.drop_table("source_grades")
    with op.batch_alter_table("ties", schema=None) as batch_op:
        batch_op.drop_column("ended_by")
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_column("fingerprint")
    with op.batch_alter_table("aliases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_aliases_block"))
        batch_op.drop_index(batch_op.f("ix_aliases_skel"))
        batch_op.drop_column("reason")
        batch_op.drop_column("block")
        batch_op.drop_column("skel")
