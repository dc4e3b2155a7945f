"""Typed text the window keeps against a crash: ``work_drafts``.

Each row is one piece of a user's work not yet recorded (a note being
written, a finding, a form), kept by one window session and replaced every
few seconds while it is unrecorded (``services.recovery``). The user's own
working state, like Home's rows: no audit event.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-10 12:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "work_drafts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("session", sa.String(length=40), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("place", sa.String(length=300), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"],
                                name=op.f("fk_work_drafts_case_id_cases")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_work_drafts_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_drafts")),
    )  # fmt: skip
    op.create_index(op.f("ix_work_drafts_case_id"), "work_drafts", ["case_id"], unique=False)
    op.create_index(
        "ix_work_drafts_user_session", "work_drafts", ["user_id", "session"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_work_drafts_user_session", table_name="work_drafts")
    op.drop_index(op.f("ix_work_drafts_case_id"), table_name="work_drafts")
    op.drop_table("work_drafts")
