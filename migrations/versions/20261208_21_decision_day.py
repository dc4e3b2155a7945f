"""A discipline decision's own day: the day it was made, not the moment it was recorded.

``discipline_actions.decided_on`` is the day the decision was made, as HR
states it (by default the day it is recorded, in the agency's zone). A
decision recorded before this revision takes the day of its recording
moment in its agency's state's zone, which is what its letters printed.

The column is added as it is, without rebuilding the table (SQLite's batch
copy would drop ``discipline_actions``, which appeals reference): it stays
nullable, and every decision recorded since sets it.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-08 12:00:00.000000
"""

import datetime as dt
import zoneinfo
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The zones of the catalog's states when this revision was written (``app/domain/zones.py``);
#: an agency of another state takes this computer's zone, as the application did.
_STATE_ZONES = {"MA": "America/New_York", "MO": "America/Chicago", "AR": "America/Chicago"}


def _day(moment: object, jurisdiction: str) -> dt.date:
    if isinstance(moment, str):  # SQLite: naive UTC text
        moment = dt.datetime.fromisoformat(moment)
    assert isinstance(moment, dt.datetime)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    name = _STATE_ZONES.get((jurisdiction or "").strip().upper())
    zone = zoneinfo.ZoneInfo(name) if name else dt.datetime.now().astimezone().tzinfo
    return moment.astimezone(zone).date()


def upgrade() -> None:
    op.add_column("discipline_actions", sa.Column("decided_on", sa.Date(), nullable=True))
    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            "SELECT r.id, r.decided_at, a.jurisdiction FROM discipline_actions r "
            "JOIN cases c ON c.id = r.case_id JOIN agencies a ON a.id = c.agency_id"
        )
    ).all()
    for record_id, decided_at, jurisdiction in rows:
        bind.execute(
            sa.text("UPDATE discipline_actions SET decided_on = :day WHERE id = :id"),
            {"day": _day(decided_at, jurisdiction), "id": record_id},
        )


def downgrade() -> None:
    op.drop_column("discipline_actions", "decided_on")
