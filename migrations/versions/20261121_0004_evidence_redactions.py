"""Evidence redactions and cached thumbnails.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21 13:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('evidence_thumbnails',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('max_side', sa.Integer(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['sha256'], ['evidence_blobs.sha256'], name=op.f('fk_evidence_thumbnails_sha256_evidence_blobs')),
    sa.PrimaryKeyConstraint('sha256', 'max_side', name=op.f('pk_evidence_thumbnails'))
    )
    op.create_table('evidence_redactions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('x', sa.Integer(), nullable=False),
    sa.Column('y', sa.Integer(), nullable=False),
    sa.Column('width', sa.Integer(), nullable=False),
    sa.Column('height', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=40), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_evidence_redactions_created_by_id_users')),
    sa.ForeignKeyConstraint(['item_id'], ['evidence_items.id'], name=op.f('fk_evidence_redactions_item_id_evidence_items')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence_redactions'))
    )
    op.create_index(op.f('ix_evidence_redactions_item_id'), 'evidence_redactions', ['item_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_evidence_redactions_item_id'), table_name='evidence_redactions')
    op.drop_table('evidence_redactions')
    op.drop_table('evidence_thumbnails')
