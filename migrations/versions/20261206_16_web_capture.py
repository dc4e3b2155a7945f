"""Web captures: their metadata, their extra parts (viewport PNG, WARC), the capture log.

Revision ID: 0016
Revises: 0014
Create Date: 2026-12-06 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0016"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('capture_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('session', sa.String(length=64), nullable=False),
    sa.Column('visited_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('event', sa.String(length=40), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_capture_log_case_id_cases')),
    sa.ForeignKeyConstraint(['item_id'], ['evidence_items.id'], name=op.f('fk_capture_log_item_id_evidence_items')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_capture_log_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_capture_log'))
    )
    with op.batch_alter_table('capture_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_capture_log_case_id'), ['case_id'], unique=False)

    op.create_table('evidence_parts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=40), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['evidence_items.id'], name=op.f('fk_evidence_parts_item_id_evidence_items')),
    sa.ForeignKeyConstraint(['sha256'], ['evidence_blobs.sha256'], name=op.f('fk_evidence_parts_sha256_evidence_blobs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence_parts')),
    sa.UniqueConstraint('item_id', 'role', name=op.f('uq_evidence_parts_item_id_role'))
    )
    op.create_table('web_captures',
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('requested_url', sa.Text(), nullable=False),
    sa.Column('final_url', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('http_status', sa.Integer(), nullable=True),
    sa.Column('response_headers', sa.JSON(), nullable=False),
    sa.Column('ip_addresses', sa.JSON(), nullable=False),
    sa.Column('certificate', sa.JSON(), nullable=True),
    sa.Column('certificate_exception', sa.Text(), nullable=False),
    sa.Column('user_agent', sa.Text(), nullable=False),
    sa.Column('viewport_width', sa.Integer(), nullable=False),
    sa.Column('viewport_height', sa.Integer(), nullable=False),
    sa.Column('page_height', sa.Integer(), nullable=False),
    sa.Column('privacy_confirmed', sa.Boolean(), nullable=False),
    sa.Column('profile', sa.String(length=200), nullable=False),
    sa.Column('method', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['evidence_items.id'], name=op.f('fk_web_captures_item_id_evidence_items')),
    sa.PrimaryKeyConstraint('item_id', name=op.f('pk_web_captures'))
    )


def downgrade() -> None:
    op.drop_table('web_captures')
    op.drop_table('evidence_parts')
    with op.batch_alter_table('capture_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_capture_log_case_id'))

    op.drop_table('capture_log')
