"""each piece of evidence keeps its sentence as the document writes it (evidence.quote): a page of citations
reads its quotes from the evidence rows instead of slicing each from its document's whole text

Revision ID: 0027
Revises: 0026
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("evidence") as batch:
        batch.add_column(sa.Column("quote", sa.Text(), nullable=True))
    # the evidence already stored, in one statement (substr counts characters, as Python's slices do)
    op.execute("UPDATE evidence SET quote = (SELECT substr(documents.text, evidence.start_char + 1, "
               "evidence.end_char - evidence.start_char) FROM documents WHERE documents.id = evidence.doc_id)")


def downgrade() -> None:
    with op.batch_alter_table("evidence") as batch:
        batch.drop_column("quote")
