"""Home: each user's pinned cases, recently opened cases and saved case-list searches.

Revision ID: 0014
Revises: 0011
Create Date: 2026-12-06 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "pinned_cases",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("pinned_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"],
                                name=op.f("fk_pinned_cases_case_id_cases")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_pinned_cases_user_id_users")),
        sa.PrimaryKeyConstraint("user_id", "case_id", name=op.f("pk_pinned_cases")),
    )  # fmt: skip
    op.create_index(op.f("ix_pinned_cases_case_id"), "pinned_cases", ["case_id"], unique=False)
    op.create_table(
        "recent_cases",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"],
                                name=op.f("fk_recent_cases_case_id_cases")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_recent_cases_user_id_users")),
        sa.PrimaryKeyConstraint("user_id", "case_id", name=op.f("pk_recent_cases")),
    )  # fmt: skip
    op.create_index(op.f("ix_recent_cases_case_id"), "recent_cases", ["case_id"], unique=False)
    op.create_index(
        "ix_recent_cases_user_opened", "recent_cases", ["user_id", "opened_at"], unique=False
    )
    op.create_table(
        "saved_searches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("query", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_saved_searches_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_searches")),
        sa.UniqueConstraint("user_id", "name", name=op.f("uq_saved_searches_user_id_name")),
    )  # fmt: skip


def downgrade() -> None:
    op.drop_table("saved_searches")
    op.drop_index("ix_recent_cases_user_opened", table_name="recent_cases")
    op.drop_index(op.f("ix_recent_cases_case_id"), table_name="recent_cases")
    op.drop_table("recent_cases")
    op.drop_index(op.f("ix_pinned_cases_case_id"), table_name="pinned_cases")
    op.drop_table("pinned_cases")
