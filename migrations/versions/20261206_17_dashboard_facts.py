"""Dashboard facts on the case row: days of the last finding, first decision, last closing.

``cases.findings_on``, ``cases.decided_on`` and ``cases.closed_on`` let each
dashboard chart be one aggregate over ``cases`` (and its indexes) instead of
grouping allegations, decisions and the audit log. The services that record a
finding, decide or withdraw discipline, and move a case keep them; this
migration fills them from what is recorded:

- ``findings_on``: the UTC day of the latest finding of an allegation that is
  not pending;
- ``decided_on``: the UTC day of the earliest discipline decision not withdrawn;
- ``findings_days`` and ``decision_days``: the whole days from the report to
  ``findings_on`` and from ``findings_on`` to ``decided_on`` (the medians);
- ``closed_on`` (closed cases only): the UTC day of the last ``case.transition``
  to closed in the audit log; a closed case with no such event (imported or
  generated records) takes the day it was last changed.

Revision ID: 0017
Revises: 0012
Create Date: 2026-12-06 12:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INDEXES = (
    ("ix_cases_reported_scope", ["agency_id", "reported_on", "restricted"]),
    ("ix_cases_closed_scope", ["agency_id", "closed_on", "restricted"]),
    ("ix_cases_findings_scope", ["agency_id", "findings_days", "restricted", "reported_on"]),
    ("ix_cases_decision_scope", ["agency_id", "decision_days", "restricted", "reported_on"]),
)  # fmt: skip


def _day(expression: str, postgresql: bool) -> str:
    """The UTC day of a timestamp expression, as the column type stores it."""
    if postgresql:
        return f"CAST(timezone('UTC', {expression}) AS DATE)"
    return f"substr({expression}, 1, 10)"


def _days(earlier: str, later: str, postgresql: bool) -> str:
    """Whole days between two date columns (NULL if either is)."""
    if postgresql:
        return f"({later} - {earlier})"
    return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy): other tables' foreign keys refer to cases.
    for column in ("findings_on", "decided_on", "closed_on"):
        op.add_column("cases", sa.Column(column, sa.Date(), nullable=True))
    for column in ("findings_days", "decision_days"):
        op.add_column("cases", sa.Column(column, sa.Integer(), nullable=True))
    postgresql = op.get_bind().dialect.name == "postgresql"
    found = _day("MAX(a.finding_at)", postgresql)
    decided = _day("MIN(d.decided_at)", postgresql)
    closed = _day("MAX(e.occurred_at)", postgresql)
    to = "e.details ->> 'to'" if postgresql else "json_extract(e.details, '$.to')"
    op.execute(
        f"UPDATE cases SET findings_on = (SELECT {found} FROM allegations a "
        "WHERE a.case_id = cases.id AND a.finding <> 'pending' AND a.finding_at IS NOT NULL)"
    )
    op.execute(
        f"UPDATE cases SET decided_on = (SELECT {decided} FROM discipline_actions d "
        "WHERE d.case_id = cases.id AND d.withdrawn_at IS NULL)"
    )
    op.execute(
        f"UPDATE cases SET closed_on = COALESCE((SELECT {closed} FROM audit_events e "
        f"WHERE e.case_id = cases.id AND e.action = 'case.transition' AND {to} = 'closed'), "
        f"{_day('cases.updated_at', postgresql)}) WHERE status = 'closed'"
    )
    op.execute(
        f"UPDATE cases SET findings_days = {_days('reported_on', 'findings_on', postgresql)}, "
        f"decision_days = {_days('findings_on', 'decided_on', postgresql)}"
    )
    for name, columns in _INDEXES:
        op.create_index(name, "cases", columns, unique=False)


def downgrade() -> None:
    for name, _columns in _INDEXES:
        op.drop_index(name, table_name="cases")
    for column in ("decision_days", "findings_days", "closed_on", "decided_on", "findings_on"):
        op.drop_column("cases", column)
