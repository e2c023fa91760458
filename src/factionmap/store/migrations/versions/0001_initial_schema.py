"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-21 04:32:28.418658
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('decisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('undone_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decisions'))
    )
    op.create_table('documents',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('path', sa.Text(), nullable=True),
    sa.Column('format', sa.String(length=16), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('author', sa.Text(), nullable=True),
    sa.Column('publisher', sa.Text(), nullable=True),
    sa.Column('published', sa.String(length=32), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('language', sa.String(length=16), nullable=False),
    sa.Column('source_kind', sa.String(length=16), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('sections', sa.JSON(), nullable=False),
    sa.Column('infobox', sa.JSON(), nullable=False),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('extractor_version', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents'))
    )
    op.create_table('entities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('type', sa.String(length=8), nullable=False),
    sa.Column('kb_id', sa.Text(), nullable=True),
    sa.Column('attributes', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_entities'))
    )
    with op.batch_alter_table('entities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_entities_kb_id'), ['kb_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_entities_name'), ['name'], unique=False)

    op.create_table('aliases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('norm', sa.Text(), nullable=False),
    sa.Column('doc_id', sa.String(length=64), nullable=True),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], name=op.f('fk_aliases_doc_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['entity_id'], ['entities.id'], name=op.f('fk_aliases_entity_id_entities'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_aliases'))
    )
    with op.batch_alter_table('aliases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_aliases_entity_id'), ['entity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_aliases_norm'), ['norm'], unique=False)

    op.create_table('doc_entities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('type', sa.String(length=8), nullable=False),
    sa.Column('kb_id', sa.Text(), nullable=True),
    sa.Column('aliases', sa.JSON(), nullable=False),
    sa.Column('attributes', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], name=op.f('fk_doc_entities_doc_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_doc_entities')),
    sa.UniqueConstraint('doc_id', 'key', name=op.f('uq_doc_entities_doc_id_key'))
    )
    op.create_table('ties',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=False),
    sa.Column('relation', sa.String(length=32), nullable=False),
    sa.Column('object_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('confidence', sa.Integer(), nullable=False),
    sa.Column('grade', sa.String(length=2), nullable=False),
    sa.Column('evidence_count', sa.Integer(), nullable=False),
    sa.Column('independent_count', sa.Integer(), nullable=False),
    sa.Column('start_iso', sa.String(length=32), nullable=True),
    sa.Column('start_earliest', sa.String(length=32), nullable=True),
    sa.Column('start_latest', sa.String(length=32), nullable=True),
    sa.Column('start_text', sa.Text(), nullable=True),
    sa.Column('end_iso', sa.String(length=32), nullable=True),
    sa.Column('end_earliest', sa.String(length=32), nullable=True),
    sa.Column('end_latest', sa.String(length=32), nullable=True),
    sa.Column('end_text', sa.Text(), nullable=True),
    sa.Column('score', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['object_id'], ['entities.id'], name=op.f('fk_ties_object_id_entities'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['subject_id'], ['entities.id'], name=op.f('fk_ties_subject_id_entities'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ties')),
    sa.UniqueConstraint('subject_id', 'relation', 'object_id', name=op.f('uq_ties_subject_id_relation_object_id'))
    )
    with op.batch_alter_table('ties', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ties_object_id'), ['object_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ties_relation'), ['relation'], unique=False)

    op.create_table('assertions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=False),
    sa.Column('relation', sa.String(length=32), nullable=False),
    sa.Column('object_id', sa.Integer(), nullable=False),
    sa.Column('stance', sa.String(length=16), nullable=False),
    sa.Column('attribution', sa.Text(), nullable=True),
    sa.Column('start_iso', sa.String(length=32), nullable=True),
    sa.Column('start_earliest', sa.String(length=32), nullable=True),
    sa.Column('start_latest', sa.String(length=32), nullable=True),
    sa.Column('start_text', sa.Text(), nullable=True),
    sa.Column('end_iso', sa.String(length=32), nullable=True),
    sa.Column('end_earliest', sa.String(length=32), nullable=True),
    sa.Column('end_latest', sa.String(length=32), nullable=True),
    sa.Column('end_text', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], name=op.f('fk_assertions_doc_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['object_id'], ['doc_entities.id'], name=op.f('fk_assertions_object_id_doc_entities'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['subject_id'], ['doc_entities.id'], name=op.f('fk_assertions_subject_id_doc_entities'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assertions'))
    )
    with op.batch_alter_table('assertions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assertions_doc_id'), ['doc_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assertions_object_id'), ['object_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assertions_subject_id'), ['subject_id'], unique=False)

    op.create_table('entity_members',
    sa.Column('doc_entity_id', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['doc_entity_id'], ['doc_entities.id'], name=op.f('fk_entity_members_doc_entity_id_doc_entities'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['entity_id'], ['entities.id'], name=op.f('fk_entity_members_entity_id_entities'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_entity_id', name=op.f('pk_entity_members'))
    )
    with op.batch_alter_table('entity_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_entity_members_entity_id'), ['entity_id'], unique=False)

    op.create_table('mentions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=8), nullable=False),
    sa.Column('doc_entity_id', sa.Integer(), nullable=True),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['doc_entity_id'], ['doc_entities.id'], name=op.f('fk_mentions_doc_entity_id_doc_entities'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], name=op.f('fk_mentions_doc_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentions'))
    )
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mentions_doc_id_start'), ['doc_id', 'start'], unique=False)

    op.create_table('evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assertion_id', sa.Integer(), nullable=False),
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('extractor', sa.Text(), nullable=False),
    sa.Column('extractor_version', sa.String(length=32), nullable=False),
    sa.Column('trigger', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['assertion_id'], ['assertions.id'], name=op.f('fk_evidence_assertion_id_assertions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], name=op.f('fk_evidence_doc_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence'))
    )
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_assertion_id'), ['assertion_id'], unique=False)

    op.create_table('tie_assertions',
    sa.Column('tie_id', sa.Integer(), nullable=False),
    sa.Column('assertion_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['assertion_id'], ['assertions.id'], name=op.f('fk_tie_assertions_assertion_id_assertions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tie_id'], ['ties.id'], name=op.f('fk_tie_assertions_tie_id_ties'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('tie_id', 'assertion_id', name=op.f('pk_tie_assertions'))
    )
    with op.batch_alter_table('tie_assertions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tie_assertions_assertion_id'), ['assertion_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('tie_assertions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tie_assertions_assertion_id'))

    op.drop_table('tie_assertions')
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_assertion_id'))

    op.drop_table('evidence')
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mentions_doc_id_start'))

    op.drop_table('mentions')
    with op.batch_alter_table('entity_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_entity_members_entity_id'))

    op.drop_table('entity_members')
    with op.batch_alter_table('assertions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assertions_subject_id'))
        batch_op.drop_index(batch_op.f('ix_assertions_object_id'))
        batch_op.drop_index(batch_op.f('ix_assertions_doc_id'))

    op.drop_table('assertions')
    with op.batch_alter_table('ties', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ties_relation'))
        batch_op.drop_index(batch_op.f('ix_ties_object_id'))

    op.drop_table('ties')
    op.drop_table('doc_entities')
    with op.batch_alter_table('aliases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_aliases_norm'))
        batch_op.drop_index(batch_op.f('ix_aliases_entity_id'))

    op.drop_table('aliases')
    with op.batch_alter_table('entities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_entities_name'))
        batch_op.drop_index(batch_op.f('ix_entities_kb_id'))

    op.drop_table('entities')
    op.drop_table('documents')
    op.drop_table('decisions')
