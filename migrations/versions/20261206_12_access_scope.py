"""Who may see which case: agency membership, restricted cases, conflicts of interest.

Every existing user is given each agency that has a case they worked on
(assigned as its investigator, or named as the actor of one of its audit
events), and each user holding a case role is marked for an administrator to
review (``users.agencies_to_review``: ``user list`` and the Users view show
it, ``db upgrade`` says so). A user with no such case belongs to no agency
and sees no case until an administrator gives them one.

Plain ``ADD COLUMN`` on ``cases``, ``employees`` and ``users`` (no batch table
copy): on SQLite a copy would be refused by the foreign keys of the rows that
refer to them.

Revision ID: 0012
Revises: 0013
Create Date: 2026-12-06 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "user_agencies",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"], name=op.f("fk_user_agencies_agency_id_agencies")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_user_agencies_user_id_users")
        ),
        sa.PrimaryKeyConstraint("user_id", "agency_id", name=op.f("pk_user_agencies")),
    )
    op.create_table(
        "case_access",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("added_by_id", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["added_by_id"], ["users.id"], name=op.f("fk_case_access_added_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_access_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_case_access_user_id_users")
        ),
        sa.PrimaryKeyConstraint("case_id", "user_id", name=op.f("pk_case_access")),
    )
    op.create_index(op.f("ix_case_access_user_id"), "case_access", ["user_id"], unique=False)
    op.create_table(
        "case_involvements",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_involvements_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["users.id"], name=op.f("fk_case_involvements_recorded_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_case_involvements_user_id_users")
        ),
        sa.PrimaryKeyConstraint("case_id", "user_id", "kind", name=op.f("pk_case_involvements")),
    )
    op.create_index(
        op.f("ix_case_involvements_user_id"), "case_involvements", ["user_id"], unique=False
    )
    op.create_table(
        "conflict_allowances",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("allowed_by_id", sa.Integer(), nullable=False),
        sa.Column("allowed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["allowed_by_id"], ["users.id"], name=op.f("fk_conflict_allowances_allowed_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_conflict_allowances_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_conflict_allowances_user_id_users")
        ),
        sa.PrimaryKeyConstraint("case_id", "user_id", name=op.f("pk_conflict_allowances")),
    )
    op.create_index(
        op.f("ix_conflict_allowances_user_id"), "conflict_allowances", ["user_id"], unique=False
    )
    op.add_column(
        "cases", sa.Column("restricted", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.add_column(
        "users",
        sa.Column("agencies_to_review", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    if op.get_bind().dialect.name == "sqlite":
        # SQLite adds a column's foreign key only inline, in the ADD COLUMN itself.
        op.execute(
            "ALTER TABLE employees ADD COLUMN user_id INTEGER "
            "CONSTRAINT fk_employees_user_id_users REFERENCES users (id)"
        )
    else:
        op.add_column("employees", sa.Column("user_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            op.f("fk_employees_user_id_users"), "employees", "users", ["user_id"], ["id"]
        )
    op.create_index(op.f("ix_employees_user_id"), "employees", ["user_id"], unique=True)
    _give_worked_agencies()


def _give_worked_agencies() -> None:
    """Each user gets the agencies of the cases they worked on; case-role users are flagged."""
    op.execute(
        sa.text(
            "INSERT INTO user_agencies (user_id, agency_id) "
            "SELECT DISTINCT worked.user_id, cases.agency_id FROM ("
            "  SELECT investigator_id AS user_id, id AS case_id FROM cases"
            "  WHERE investigator_id IS NOT NULL"
            "  UNION SELECT users.id, audit_events.case_id FROM audit_events"
            "  JOIN users ON users.username = audit_events.actor"
            "  WHERE audit_events.case_id IS NOT NULL"
            ") AS worked JOIN cases ON cases.id = worked.case_id"
        )
    )
    op.execute(
        sa.text(
            "UPDATE users SET agencies_to_review = :yes WHERE id IN ("
            "SELECT user_id FROM user_roles WHERE role IN ('investigator', 'supervisor', 'hr'))"
        ).bindparams(sa.bindparam("yes", True, type_=sa.Boolean()))
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_employees_user_id"), table_name="employees")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint(op.f("fk_employees_user_id_users"), "employees", type_="foreignkey")
    op.drop_column("employees", "user_id")
    op.drop_column("users", "agencies_to_review")
    op.drop_column("cases", "restricted")
    op.drop_index(op.f("ix_conflict_allowances_user_id"), table_name="conflict_allowances")
    op.drop_table("conflict_allowances")
    op.drop_index(op.f("ix_case_involvements_user_id"), table_name="case_involvements")
    op.drop_table("case_involvements")
    op.drop_index(op.f("ix_case_access_user_id"), table_name="case_access")
    op.drop_table("case_access")
    op.drop_table("user_agencies")
