"""Discipline decisions, agency discipline settings and generated reports.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-21 13:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('agency_discipline_settings',
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.Column('appeal_rights', sa.Text(), nullable=False),
    sa.Column('response_days', sa.Integer(), nullable=False),
    sa.Column('suspension_cap_days', sa.Integer(), nullable=True),
    sa.Column('cap_window_months', sa.Integer(), nullable=False),
    sa.Column('cap_citation', sa.String(length=100), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_agency_discipline_settings_agency_id_agencies')),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_agency_discipline_settings_updated_by_id_users')),
    sa.PrimaryKeyConstraint('agency_id', name=op.f('pk_agency_discipline_settings'))
    )
    op.create_table('discipline_actions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=30), nullable=False),
    sa.Column('suspension_days', sa.Integer(), nullable=True),
    sa.Column('effective_on', sa.Date(), nullable=False),
    sa.Column('steps_to_correct', sa.Text(), nullable=False),
    sa.Column('repeat_consequence', sa.Text(), nullable=False),
    sa.Column('response_due', sa.Date(), nullable=False),
    sa.Column('appeal_rights', sa.Text(), nullable=False),
    sa.Column('status_pending', sa.Text(), nullable=False),
    sa.Column('allegation_ids', sa.JSON(), nullable=False),
    sa.Column('cap_override_reason', sa.Text(), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_discipline_actions_case_id_cases')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_discipline_actions_decided_by_id_users')),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_discipline_actions_employee_id_employees')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_discipline_actions')),
    sa.UniqueConstraint('case_id', 'employee_id', name=op.f('uq_discipline_actions_case_id_employee_id'))
    )
    op.create_index('ix_discipline_actions_employee_effective', 'discipline_actions', ['employee_id', 'effective_on'], unique=False)
    op.create_table('generated_reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('scope', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('generated_by_id', sa.Integer(), nullable=False),
    sa.Column('generated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_generated_reports_case_id_cases')),
    sa.ForeignKeyConstraint(['generated_by_id'], ['users.id'], name=op.f('fk_generated_reports_generated_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_generated_reports'))
    )
    op.create_index(op.f('ix_generated_reports_case_id'), 'generated_reports', ['case_id'], unique=False)
    op.create_index(op.f('ix_generated_reports_generated_at'), 'generated_reports', ['generated_at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_generated_reports_generated_at'), table_name='generated_reports')
    op.drop_index(op.f('ix_generated_reports_case_id'), table_name='generated_reports')
    op.drop_table('generated_reports')
    op.drop_index('ix_discipline_actions_employee_effective', table_name='discipline_actions')
    op.drop_table('discipline_actions')
    op.drop_table('agency_discipline_settings')
