"""No response window outside the pre-action notice.

Two columns held a response window that no document states and no rule
reads, and both were shown as if they did:

- ``agency_discipline_settings.response_days``, shown by ``discipline
  settings`` as the agency's "Response days" beside its
  ``discipline.response_days`` setting, the window a pre-action notice
  gives (``agency_discipline_values``). Set with ``--response-days``, it
  changed nothing; that option now sets the notice's window.
- ``discipline_actions.response_due``, a decision's "response due": the
  notice's due date when a notice was given (kept on the notice, which the
  decision names), otherwise the decision's own day, printed by the command
  line as if it were a deadline.

Both are dropped. SQLite (3.35 and later) drops a column in place, so
``discipline_actions``, which appeals reference, is not copied.

A downgrade adds them back, nullable: ``response_due`` from the notice the
decision followed, else the decision's day, as the application wrote it;
``response_days`` as the 10 the application wrote when none was typed.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-09 12:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: What the application stored in ``response_days`` when no one typed a value.
_STORED_WHEN_UNSET = 10


def upgrade() -> None:
    op.drop_column("agency_discipline_settings", "response_days")
    op.drop_column("discipline_actions", "response_due")


def downgrade() -> None:
    op.add_column("discipline_actions", sa.Column("response_due", sa.Date(), nullable=True))
    op.execute(
        "UPDATE discipline_actions SET response_due = COALESCE("
        "(SELECT n.response_due FROM discipline_notices n "
        "WHERE n.id = discipline_actions.notice_id), decided_on)"
    )
    op.add_column(
        "agency_discipline_settings", sa.Column("response_days", sa.Integer(), nullable=True)
    )
    op.execute(f"UPDATE agency_discipline_settings SET response_days = {_STORED_WHEN_UNSET}")
