"""Discipline consistency: the reason a decision departs from the comparable earlier ones.

Plain ``ADD COLUMN`` / ``DROP COLUMN`` (no batch table copy): on SQLite a copy
of ``discipline_actions`` would be refused by the foreign keys of the rows
that refer to it (appeals, referrals). The server default stays; the
application always writes the column itself.

Revision ID: 0015
Revises: 0011
Create Date: 2026-12-06 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0015"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "discipline_actions",
        sa.Column("consistency_reason", sa.Text(), nullable=False, server_default=""),
    )


def downgrade() -> None:
    op.drop_column("discipline_actions", "consistency_reason")
