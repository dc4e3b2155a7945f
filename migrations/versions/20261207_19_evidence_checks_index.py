"""A partial index of the audit log's evidence integrity checks, for Home.

Home lists the evidence items whose latest integrity check failed: the
latest ``evidence.verify`` or ``evidence.integrity_failure`` event of each
item. ``ix_audit_events_evidence_checks`` holds only those events, by item
and sequence number, so that latest check is read from the index alone
instead of from every event of the audit log. ``ANALYZE`` afterwards gives
the planners the index's statistics.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07 12:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_WHERE = "entity_type = 'evidence' AND action IN ('evidence.integrity_failure', 'evidence.verify')"


def upgrade() -> None:
    op.create_index(
        "ix_audit_events_evidence_checks", "audit_events",
        ["entity_id", "seq", "entity_type", "action"],
        sqlite_where=sa.text(_WHERE), postgresql_where=sa.text(_WHERE),
    )  # fmt: skip
    op.execute("ANALYZE audit_events")


def downgrade() -> None:
    op.drop_index("ix_audit_events_evidence_checks", table_name="audit_events")
