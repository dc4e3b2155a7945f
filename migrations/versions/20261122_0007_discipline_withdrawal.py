"""Discipline decisions can be withdrawn, with who, when and why.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("discipline_actions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("withdrawn_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("withdrawal_reason", sa.Text(), nullable=False, server_default="")
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_discipline_actions_withdrawn_by_id_users"),
            "users",
            ["withdrawn_by_id"],
            ["id"],
        )
    with op.batch_alter_table("discipline_actions", schema=None) as batch_op:
        batch_op.alter_column("withdrawal_reason", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("discipline_actions", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_discipline_actions_withdrawn_by_id_users"), type_="foreignkey"
        )
        batch_op.drop_column("withdrawal_reason")
        batch_op.drop_column("withdrawn_by_id")
        batch_op.drop_column("withdrawn_at")
