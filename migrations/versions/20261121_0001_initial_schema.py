"""Initial schema: accounts, catalog, employees, cases, allegations, notes, audit log.

Revision ID: 0001
Revises:
Create Date: 2026-11-21 10:29:11.557294
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('agencies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('jurisdiction', sa.String(length=10), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agencies')),
    sa.UniqueConstraint('code', name=op.f('uq_agencies_code'))
    )
    op.create_table('audit_head',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.CheckConstraint('id = 1', name=op.f('ck_audit_head_single_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_head'))
    )
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=40), nullable=False),
    sa.Column('full_name', sa.String(length=120), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('last_failed_login_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    op.create_table('case_number_counters',
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('last_value', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_case_number_counters_agency_id_agencies')),
    sa.PrimaryKeyConstraint('agency_id', 'year', name=op.f('pk_case_number_counters'))
    )
    op.create_table('cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=30), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('reporter_name', sa.String(length=120), nullable=False),
    sa.Column('reporter_contact', sa.String(length=200), nullable=False),
    sa.Column('reporter_confidential', sa.Boolean(), nullable=False),
    sa.Column('intake_channel', sa.String(length=30), nullable=False),
    sa.Column('reported_on', sa.Date(), nullable=False),
    sa.Column('conduct_from', sa.Date(), nullable=True),
    sa.Column('conduct_to', sa.Date(), nullable=True),
    sa.Column('platforms', sa.JSON(), nullable=False),
    sa.Column('duty_status', sa.String(length=20), nullable=False),
    sa.Column('equipment', sa.String(length=20), nullable=False),
    sa.Column('account_kind', sa.String(length=20), nullable=False),
    sa.Column('clients_involved', sa.Boolean(), nullable=False),
    sa.Column('narrative', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=30), nullable=False),
    sa.Column('investigator_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_cases_agency_id_agencies')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_cases_created_by_id_users')),
    sa.ForeignKeyConstraint(['investigator_id'], ['users.id'], name=op.f('fk_cases_investigator_id_users')),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_cases_updated_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cases')),
    sa.UniqueConstraint('number', name=op.f('uq_cases_number'))
    )
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index('ix_cases_agency_reported', ['agency_id', 'reported_on'], unique=False)
        batch_op.create_index('ix_cases_reported', ['reported_on'], unique=False)
        batch_op.create_index('ix_cases_title_lower', [sa.text('lower(title)')], unique=False)
        batch_op.create_index('ix_cases_investigator_reported', ['investigator_id', 'reported_on'], unique=False)
        batch_op.create_index('ix_cases_status_reported', ['status', 'reported_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_updated_at'), ['updated_at'], unique=False)

    op.create_table('employees',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.Column('employee_number', sa.String(length=40), nullable=True),
    sa.Column('full_name', sa.String(length=120), nullable=False),
    sa.Column('position', sa.String(length=120), nullable=False),
    sa.Column('division', sa.String(length=120), nullable=False),
    sa.Column('supervisor_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_employees_agency_id_agencies')),
    sa.ForeignKeyConstraint(['supervisor_id'], ['employees.id'], name=op.f('fk_employees_supervisor_id_employees')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_employees')),
    sa.UniqueConstraint('agency_id', 'employee_number', name=op.f('uq_employees_agency_id_employee_number'))
    )
    with op.batch_alter_table('employees', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_employees_agency_id'), ['agency_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_employees_full_name'), ['full_name'], unique=False)

    op.create_table('policies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('issuer', sa.String(length=200), nullable=False),
    sa.Column('document_number', sa.String(length=40), nullable=False),
    sa.Column('effective', sa.Date(), nullable=True),
    sa.Column('references', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_policies_agency_id_agencies')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_policies')),
    sa.UniqueConstraint('code', name=op.f('uq_policies_code'))
    )
    with op.batch_alter_table('policies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_policies_agency_id'), ['agency_id'], unique=False)

    op.create_table('user_roles',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_user_roles_user_id_users')),
    sa.PrimaryKeyConstraint('user_id', 'role', name=op.f('pk_user_roles'))
    )
    op.create_table('audit_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=40), nullable=False),
    sa.Column('action', sa.String(length=60), nullable=False),
    sa.Column('entity_type', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.String(length=60), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_audit_events_case_id_cases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events')),
    sa.UniqueConstraint('seq', name=op.f('uq_audit_events_seq'))
    )
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_events_action'), ['action'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_events_case_id'), ['case_id'], unique=False)

    op.create_table('case_subjects',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_subjects_case_id_cases')),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_case_subjects_employee_id_employees')),
    sa.PrimaryKeyConstraint('case_id', 'employee_id', name=op.f('pk_case_subjects'))
    )
    with op.batch_alter_table('case_subjects', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_subjects_employee_id'), ['employee_id'], unique=False)

    op.create_table('notes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_notes_author_id_users')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_notes_case_id_cases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notes'))
    )
    with op.batch_alter_table('notes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notes_case_id'), ['case_id'], unique=False)

    op.create_table('provisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('policy_id', sa.Integer(), nullable=False),
    sa.Column('ref', sa.String(length=40), nullable=False),
    sa.Column('parent_ref', sa.String(length=40), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['policy_id'], ['policies.id'], name=op.f('fk_provisions_policy_id_policies')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_provisions')),
    sa.UniqueConstraint('policy_id', 'ref', name=op.f('uq_provisions_policy_id_ref'))
    )
    op.create_table('allegations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('provision_id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('finding', sa.String(length=30), nullable=False),
    sa.Column('reasoning', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('finding_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('finding_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_allegations_case_id_cases')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_allegations_created_by_id_users')),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_allegations_employee_id_employees')),
    sa.ForeignKeyConstraint(['finding_by_id'], ['users.id'], name=op.f('fk_allegations_finding_by_id_users')),
    sa.ForeignKeyConstraint(['provision_id'], ['provisions.id'], name=op.f('fk_allegations_provision_id_provisions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_allegations'))
    )
    with op.batch_alter_table('allegations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_allegations_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_allegations_provision_id'), ['provision_id'], unique=False)


    # The chain head exists from the start, so appends only ever update it.
    op.execute("INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '" + '0' * 64 + "')")
    create_search_objects()


def downgrade() -> None:
    drop_search_objects()
    with op.batch_alter_table('allegations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_allegations_provision_id'))
        batch_op.drop_index(batch_op.f('ix_allegations_case_id'))

    op.drop_table('allegations')
    op.drop_table('provisions')
    with op.batch_alter_table('notes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notes_case_id'))

    op.drop_table('notes')
    with op.batch_alter_table('case_subjects', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_subjects_employee_id'))

    op.drop_table('case_subjects')
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_events_case_id'))
        batch_op.drop_index(batch_op.f('ix_audit_events_action'))

    op.drop_table('audit_events')
    op.drop_table('user_roles')
    with op.batch_alter_table('policies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_policies_agency_id'))

    op.drop_table('policies')
    with op.batch_alter_table('employees', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_employees_full_name'))
        batch_op.drop_index(batch_op.f('ix_employees_agency_id'))

    op.drop_table('employees')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cases_updated_at'))
        batch_op.drop_index('ix_cases_status_reported')
        batch_op.drop_index('ix_cases_investigator_reported')
        batch_op.drop_index('ix_cases_agency_reported')
        batch_op.drop_index('ix_cases_reported')
        batch_op.drop_index('ix_cases_title_lower')

    op.drop_table('cases')
    op.drop_table('case_number_counters')
    op.drop_table('users')
    op.drop_table('audit_head')
    op.drop_table('agencies')


# Full-text search over case numbers, titles, narratives and notes, matched by
# word prefix as the user types, so words are indexed unstemmed ("harassm" must
# find "harassment").
#
# SQLite: one FTS5 document per case (rowid = case id) holding the case's text
# and all its notes, kept current by triggers, so a search yields case ids
# straight from the index.
# PostgreSQL: the same per-case document as a tsvector in case_search_documents
# (GIN-indexed), kept current by triggers on cases and notes.
_CASE_TEXT = "number || ' ' || title || ' ' || narrative"
_CASE_DOCUMENT = (
    "(SELECT c.number || ' ' || c.title || ' ' || c.narrative || coalesce(' ' || "
    "(SELECT group_concat(n.body, ' ') FROM notes n WHERE n.case_id = c.id), '') "
    "FROM cases c WHERE c.id = {case_id})"
)


_POSTGRESQL_SEARCH = (
    "CREATE TABLE case_search_documents ("
    "case_id integer PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE, "
    "search_vector tsvector NOT NULL)",
    "CREATE INDEX case_search_documents_fts ON case_search_documents USING gin (search_vector)",
    "CREATE FUNCTION case_search_refresh(target integer) RETURNS void LANGUAGE sql AS $$ "
    "INSERT INTO case_search_documents (case_id, search_vector) "
    "SELECT c.id, to_tsvector('simple', c.number || ' ' || c.title || ' ' || c.narrative "
    "|| ' ' || coalesce((SELECT string_agg(n.body, ' ') FROM notes n "
    "WHERE n.case_id = c.id), '')) FROM cases c WHERE c.id = target "
    "ON CONFLICT (case_id) DO UPDATE SET search_vector = EXCLUDED.search_vector $$",
    "CREATE FUNCTION case_search_on_case() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN PERFORM case_search_refresh(NEW.id); RETURN NULL; END $$",
    "CREATE TRIGGER case_search_case AFTER INSERT OR UPDATE OF number, title, narrative "
    "ON cases FOR EACH ROW EXECUTE FUNCTION case_search_on_case()",
    "CREATE FUNCTION case_search_on_note() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM case_search_refresh(OLD.case_id); END IF; "
    "IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM case_search_refresh(NEW.case_id); END IF; "
    "RETURN NULL; END $$",
    "CREATE TRIGGER case_search_note AFTER INSERT OR UPDATE OF body, case_id OR DELETE "
    "ON notes FOR EACH ROW EXECUTE FUNCTION case_search_on_note()",
)


def create_search_objects() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in _POSTGRESQL_SEARCH:
            op.execute(statement)
        return
    op.execute(
        "CREATE VIRTUAL TABLE case_search USING fts5("
        "body, tokenize = 'unicode61 remove_diacritics 2')"
    )
    triggers = {
        "case_insert": "AFTER INSERT ON cases BEGIN "
        "INSERT INTO case_search(rowid, body) VALUES "
        "(new.id, new.number || ' ' || new.title || ' ' || new.narrative); END",
        "case_update": "AFTER UPDATE OF number, title, narrative ON cases BEGIN "
        f"UPDATE case_search SET body = {_CASE_DOCUMENT.format(case_id='new.id')} "
        "WHERE rowid = new.id; END",
        "case_delete": "AFTER DELETE ON cases BEGIN "
        "DELETE FROM case_search WHERE rowid = old.id; END",
        "note_insert": "AFTER INSERT ON notes BEGIN "
        "UPDATE case_search SET body = body || ' ' || new.body WHERE rowid = new.case_id; END",
        "note_update": "AFTER UPDATE OF body, case_id ON notes BEGIN "
        f"UPDATE case_search SET body = {_CASE_DOCUMENT.format(case_id='old.case_id')} "
        "WHERE rowid = old.case_id; "
        f"UPDATE case_search SET body = {_CASE_DOCUMENT.format(case_id='new.case_id')} "
        "WHERE rowid = new.case_id; END",
        "note_delete": "AFTER DELETE ON notes BEGIN "
        f"UPDATE case_search SET body = {_CASE_DOCUMENT.format(case_id='old.case_id')} "
        "WHERE rowid = old.case_id; END",
    }
    for name, body in triggers.items():
        op.execute(f"CREATE TRIGGER case_search_{name} {body}")


def drop_search_objects() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS case_search_note ON notes")
        op.execute("DROP TRIGGER IF EXISTS case_search_case ON cases")
        op.execute("DROP FUNCTION IF EXISTS case_search_on_note()")
        op.execute("DROP FUNCTION IF EXISTS case_search_on_case()")
        op.execute("DROP FUNCTION IF EXISTS case_search_refresh(integer)")
        op.execute("DROP TABLE IF EXISTS case_search_documents")
        return
    for name in ("case_insert", "case_update", "case_delete",
                 "note_insert", "note_update", "note_delete"):
        op.execute(f"DROP TRIGGER IF EXISTS case_search_{name}")
    op.execute("DROP TABLE IF EXISTS case_search")
