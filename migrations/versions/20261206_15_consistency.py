"""Discipline consistency: the reason a decision departs from the comparable earlier ones.

Also the indexes the dashboard's aggregates read (cases by status and agency,
allegations by finding and provision and by case, audit events by action and
time).

Plain ``ADD COLUMN`` / ``DROP COLUMN`` (no batch table copy): on SQLite a copy
of ``discipline_actions`` would be refused by the foreign keys of the rows
that refer to it (appeals, referrals). The server default stays; the
application always writes the column itself.

Revision ID: 0015
Revises: 0016
Create Date: 2026-12-06 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0015"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


_INDEXES = (
    ("ix_cases_status_agency_reported", "cases", ["status", "agency_id", "reported_on"]),
    ("ix_allegations_finding_provision_case", "allegations",
     ["finding", "provision_id", "case_id"]),
    ("ix_allegations_case_finding_at", "allegations", ["case_id", "finding", "finding_at"]),
    ("ix_audit_events_action_occurred", "audit_events", ["action", "occurred_at"]),
)  # fmt: skip


def upgrade() -> None:
    op.add_column(
        "discipline_actions",
        sa.Column("consistency_reason", sa.Text(), nullable=False, server_default=""),
    )
    # The dashboard's aggregates read these indexes instead of the tables.
    for name, table, columns in _INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _columns in _INDEXES:
        op.drop_index(name, table_name=table)
    op.drop_column("discipline_actions", "consistency_reason")
