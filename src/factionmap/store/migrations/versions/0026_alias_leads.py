"""each entity's name is looked up once, not once per document: aliases.lead marks the earliest row of its
entity, name and keys, and the name lookups read those rows through partial indexes (graph.leads)

Revision ID: 0026
Revises: 0025
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None

_KEYS = ("norm", "skel", "block")


def upgrade() -> None:
    with op.batch_alter_table("aliases") as batch:
        batch.add_column(sa.Column("lead", sa.Boolean(), nullable=False, server_default=sa.true()))
    from factionmap.graph import leads

    leads.mark_all(op.get_bind())  # the aliases already stored: their later copies stop leading
    for key in _KEYS:
        op.drop_index(f"ix_aliases_{key}", table_name="aliases")
        op.create_index(f"ix_aliases_lead_{key}", "aliases", [key], postgresql_where=sa.text("lead"),
                        sqlite_where=sa.text("lead = 1"))  # as SQLAlchemy writes the test there


def downgrade() -> None:
    for key in _KEYS:
        op.drop_index(f"ix_aliases_lead_{key}", table_name="aliases")
        op.create_index(f"ix_aliases_{key}", "aliases", [key])
    with op.batch_alter_table("aliases") as batch:
        batch.drop_column("lead")
