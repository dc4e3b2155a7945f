"""The due-process flow: pre-action notices, responses, decision details, appeals.

Employees get a regime (nullable: not recorded); each agency gets keyed
discipline settings. Existing decisions get empty reasons and no notice.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 02:56:11.673064
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('agency_discipline_values',
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_agency_discipline_values_agency_id_agencies')),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_agency_discipline_values_updated_by_id_users')),
    sa.PrimaryKeyConstraint('agency_id', 'key', name=op.f('pk_agency_discipline_values'))
    )
    op.create_table('discipline_notices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('proposed_action', sa.String(length=30), nullable=False),
    sa.Column('proposed_days', sa.Integer(), nullable=True),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('delivery_method', sa.String(length=20), nullable=False),
    sa.Column('delivered_by', sa.String(length=120), nullable=False),
    sa.Column('response_days', sa.Integer(), nullable=False),
    sa.Column('response_due', sa.Date(), nullable=False),
    sa.Column('response_due_note', sa.Text(), nullable=False),
    sa.Column('allegation_ids', sa.JSON(), nullable=False),
    sa.Column('evidence_explanation', sa.Text(), nullable=False),
    sa.Column('status_pending', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_discipline_notices_case_id_cases')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_discipline_notices_created_by_id_users')),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_discipline_notices_employee_id_employees')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_discipline_notices'))
    )
    with op.batch_alter_table('discipline_notices', schema=None) as batch_op:
        batch_op.create_index('ix_discipline_notices_case_employee', ['case_id', 'employee_id'], unique=False)

    op.create_table('discipline_responses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('notice_id', sa.Integer(), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['notice_id'], ['discipline_notices.id'], name=op.f('fk_discipline_responses_notice_id_discipline_notices')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_discipline_responses_recorded_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_discipline_responses')),
    sa.UniqueConstraint('notice_id', name=op.f('uq_discipline_responses_notice_id'))
    )
    op.create_table('discipline_appeals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=False),
    sa.Column('filed_on', sa.Date(), nullable=False),
    sa.Column('body', sa.String(length=200), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=True),
    sa.Column('outcome_on', sa.Date(), nullable=True),
    sa.Column('outcome_note', sa.Text(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['decision_id'], ['discipline_actions.id'], name=op.f('fk_discipline_appeals_decision_id_discipline_actions')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_discipline_appeals_recorded_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_discipline_appeals')),
    sa.UniqueConstraint('decision_id', name=op.f('uq_discipline_appeals_decision_id'))
    )
    op.create_table('discipline_referrals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('provider', sa.String(length=200), nullable=False),
    sa.Column('referred_on', sa.Date(), nullable=False),
    sa.Column('sent_by', sa.String(length=120), nullable=False),
    sa.Column('allegation_ids', sa.JSON(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_discipline_referrals_case_id_cases')),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_discipline_referrals_employee_id_employees')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_discipline_referrals_recorded_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_discipline_referrals')),
    sa.UniqueConstraint('case_id', 'employee_id', name=op.f('uq_discipline_referrals_case_id_employee_id'))
    )
    op.create_table('discipline_response_files',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('response_id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['response_id'], ['discipline_responses.id'], name=op.f('fk_discipline_response_files_response_id_discipline_responses')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_discipline_response_files'))
    )
    with op.batch_alter_table('discipline_response_files', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_discipline_response_files_response_id'), ['response_id'], unique=False)

    with op.batch_alter_table('discipline_actions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('notice_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('suspension_first_day', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('suspension_last_day', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('return_to_work_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('terminal_suspension', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('progressive_step', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('aggravating_factors', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('mitigating_factors', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('decision_maker_name', sa.String(length=120), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('decision_maker_title', sa.String(length=120), nullable=False, server_default=''))
        batch_op.create_foreign_key(batch_op.f('fk_discipline_actions_notice_id_discipline_notices'), 'discipline_notices', ['notice_id'], ['id'])
    # The defaults only filled the rows already there; the model sets every value.
    with op.batch_alter_table('discipline_actions', schema=None) as batch_op:
        for column in ('terminal_suspension', 'progressive_step', 'aggravating_factors', 'mitigating_factors',
                       'decision_maker_name', 'decision_maker_title'):
            batch_op.alter_column(column, server_default=None)

    with op.batch_alter_table('employees', schema=None) as batch_op:
        batch_op.add_column(sa.Column('regime', sa.String(length=40), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('employees', schema=None) as batch_op:
        batch_op.drop_column('regime')

    with op.batch_alter_table('discipline_actions', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_discipline_actions_notice_id_discipline_notices'), type_='foreignkey')
        batch_op.drop_column('decision_maker_title')
        batch_op.drop_column('decision_maker_name')
        batch_op.drop_column('mitigating_factors')
        batch_op.drop_column('aggravating_factors')
        batch_op.drop_column('progressive_step')
        batch_op.drop_column('terminal_suspension')
        batch_op.drop_column('return_to_work_on')
        batch_op.drop_column('suspension_last_day')
        batch_op.drop_column('suspension_first_day')
        batch_op.drop_column('notice_id')

    with op.batch_alter_table('discipline_response_files', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_discipline_response_files_response_id'))

    op.drop_table('discipline_response_files')
    op.drop_table('discipline_referrals')
    op.drop_table('discipline_appeals')
    op.drop_table('discipline_responses')
    with op.batch_alter_table('discipline_notices', schema=None) as batch_op:
        batch_op.drop_index('ix_discipline_notices_case_employee')

    op.drop_table('discipline_notices')
    op.drop_table('agency_discipline_values')
