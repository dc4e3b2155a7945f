"""MA DYS supervision and investigation authorizations, AR DHS credential requests.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-21 13:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('authorizations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=40), nullable=False),
    sa.Column('supervisor_id', sa.Integer(), nullable=False),
    sa.Column('written_on', sa.Date(), nullable=False),
    sa.Column('platform', sa.String(length=200), nullable=False),
    sa.Column('account_name', sa.String(length=200), nullable=False),
    sa.Column('account_key', sa.String(length=420), nullable=False),
    sa.Column('youth_case', sa.String(length=200), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('attests_no_youth_contact', sa.Boolean(), nullable=False),
    sa.Column('attests_true_identity', sa.Boolean(), nullable=False),
    sa.Column('site_shows_viewers', sa.Boolean(), nullable=False),
    sa.Column('privacy_settings_enabled', sa.Boolean(), nullable=False),
    sa.Column('youth_communication_approved', sa.Boolean(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('revoked_on', sa.Date(), nullable=True),
    sa.Column('revoked_reason', sa.Text(), nullable=False),
    sa.Column('revoked_by_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_authorizations_agency_id_agencies')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_authorizations_case_id_cases')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_authorizations_created_by_id_users')),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_authorizations_employee_id_employees')),
    sa.ForeignKeyConstraint(['revoked_by_id'], ['users.id'], name=op.f('fk_authorizations_revoked_by_id_users')),
    sa.ForeignKeyConstraint(['supervisor_id'], ['employees.id'], name=op.f('fk_authorizations_supervisor_id_employees')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_authorizations'))
    )
    op.create_index('ix_authorizations_account_key', 'authorizations', ['account_key'], unique=False)
    op.create_index(op.f('ix_authorizations_case_id'), 'authorizations', ['case_id'], unique=False)
    op.create_index(op.f('ix_authorizations_employee_id'), 'authorizations', ['employee_id'], unique=False)
    op.create_index('ix_authorizations_kind_starts', 'authorizations', ['kind', 'starts_on'], unique=False)
    op.create_table('credential_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.Column('origin', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('platform', sa.String(length=200), nullable=False),
    sa.Column('account_name', sa.String(length=200), nullable=False),
    sa.Column('office', sa.String(length=40), nullable=False),
    sa.Column('violation_kind', sa.String(length=20), nullable=True),
    sa.Column('violation_provision', sa.String(length=300), nullable=False),
    sa.Column('justification', sa.Text(), nullable=False),
    sa.Column('account_exclusion', sa.String(length=40), nullable=False),
    sa.Column('received_via', sa.String(length=30), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('requested_by_id', sa.Integer(), nullable=False),
    sa.Column('requested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decision_note', sa.Text(), nullable=False),
    sa.Column('provided_by', sa.String(length=120), nullable=True),
    sa.Column('provided_to_id', sa.Integer(), nullable=True),
    sa.Column('provided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('ended_reason', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_credential_requests_agency_id_agencies')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_credential_requests_case_id_cases')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_credential_requests_decided_by_id_users')),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_credential_requests_employee_id_employees')),
    sa.ForeignKeyConstraint(['provided_to_id'], ['users.id'], name=op.f('fk_credential_requests_provided_to_id_users')),
    sa.ForeignKeyConstraint(['requested_by_id'], ['users.id'], name=op.f('fk_credential_requests_requested_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_credential_requests'))
    )
    op.create_index(op.f('ix_credential_requests_case_id'), 'credential_requests', ['case_id'], unique=False)
    op.create_index(op.f('ix_credential_requests_employee_id'), 'credential_requests', ['employee_id'], unique=False)
    op.create_index(op.f('ix_credential_requests_status'), 'credential_requests', ['status'], unique=False)
    op.create_table('authorization_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('authorization_id', sa.Integer(), nullable=False),
    sa.Column('met_on', sa.Date(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['authorization_id'], ['authorizations.id'], name=op.f('fk_authorization_reviews_authorization_id_authorizations')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_authorization_reviews_recorded_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_authorization_reviews'))
    )
    op.create_index(op.f('ix_authorization_reviews_authorization_id'), 'authorization_reviews', ['authorization_id'], unique=False)
    op.create_table('credential_uses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('purpose', sa.Text(), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_by_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_credential_uses_case_id_cases')),
    sa.ForeignKeyConstraint(['request_id'], ['credential_requests.id'], name=op.f('fk_credential_uses_request_id_credential_requests')),
    sa.ForeignKeyConstraint(['used_by_id'], ['users.id'], name=op.f('fk_credential_uses_used_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_credential_uses'))
    )
    op.create_index(op.f('ix_credential_uses_request_id'), 'credential_uses', ['request_id'], unique=False)
    # What evidence was obtained under: an authorization or a credential request.
    with op.batch_alter_table('evidence_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('authorization_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('credential_request_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_evidence_items_authorization_id_authorizations'), 'authorizations', ['authorization_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_evidence_items_credential_request_id_credential_requests'), 'credential_requests', ['credential_request_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('evidence_items', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_evidence_items_credential_request_id_credential_requests'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_evidence_items_authorization_id_authorizations'), type_='foreignkey')
        batch_op.drop_column('credential_request_id')
        batch_op.drop_column('authorization_id')
    op.drop_index(op.f('ix_credential_uses_request_id'), table_name='credential_uses')
    op.drop_table('credential_uses')
    op.drop_index(op.f('ix_authorization_reviews_authorization_id'), table_name='authorization_reviews')
    op.drop_table('authorization_reviews')
    op.drop_index(op.f('ix_credential_requests_status'), table_name='credential_requests')
    op.drop_index(op.f('ix_credential_requests_employee_id'), table_name='credential_requests')
    op.drop_index(op.f('ix_credential_requests_case_id'), table_name='credential_requests')
    op.drop_table('credential_requests')
    op.drop_index('ix_authorizations_kind_starts', table_name='authorizations')
    op.drop_index(op.f('ix_authorizations_employee_id'), table_name='authorizations')
    op.drop_index(op.f('ix_authorizations_case_id'), table_name='authorizations')
    op.drop_index('ix_authorizations_account_key', table_name='authorizations')
    op.drop_table('authorizations')
