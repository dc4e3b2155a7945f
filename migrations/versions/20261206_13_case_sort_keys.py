"""Case list sort keys: the investigator's sort key on the case row, keyset indexes.

Sorting a million cases by investigator joined the users table and sorted
the whole join for every page; the key on the case row, with an index, lets
a page walk the index instead. Status and agency pages walk their own
``(column, id)`` indexes for keyset paging.

Revision ID: 0013
Revises: 0015
Create Date: 2026-12-06 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.db.models.cases import UNASSIGNED_SORT, investigator_sort_key

revision: str = "0013"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN: a batch copy of the cases table would drop its search triggers.
    op.add_column(
        "cases",
        sa.Column(
            "investigator_sort",
            sa.String(length=130),
            nullable=False,
            server_default=UNASSIGNED_SORT,
        ),
    )
    bind = op.get_bind()
    users = bind.execute(
        sa.text(
            "SELECT id, full_name FROM users WHERE id IN "
            "(SELECT DISTINCT investigator_id FROM cases WHERE investigator_id IS NOT NULL)"
        )
    ).all()
    # The key is computed in Python, as the services compute it (SQLite's
    # lower() folds ASCII only).
    for user_id, full_name in users:
        bind.execute(
            sa.text("UPDATE cases SET investigator_sort = :key WHERE investigator_id = :id"),
            {"key": investigator_sort_key(full_name), "id": user_id},
        )
    op.create_index("ix_cases_investigator_sort", "cases", ["investigator_sort", "id"])
    op.create_index("ix_cases_status_id", "cases", ["status", "id"])
    op.create_index("ix_cases_agency_id", "cases", ["agency_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_cases_agency_id", table_name="cases")
    op.drop_index("ix_cases_status_id", table_name="cases")
    op.drop_index("ix_cases_investigator_sort", table_name="cases")
    # A plain DROP COLUMN (SQLite 3.35+): a batch copy would trip the search triggers.
    op.drop_column("cases", "investigator_sort")
