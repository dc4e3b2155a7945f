"""The SQLite search index: merged as one segment once, and merged by levels of two.

FTS5 keeps ``case_search`` as segments and only merges four to a level on
its own, so ordinary use leaves 10-25 of them, and every search seeks each
one (a bulk load of 1,000,000 cases left 15). This revision sets the
index's ``usermerge`` to 2, so the bounded ``merge`` steps the application
runs (``app/db/search.py``: on a write that finds more than four segments,
and on closing the database) merge any level holding two, and rewrites the
index once as one segment (``optimize``: 7 CPU-seconds at 1,000,000 cases,
well under one at the sizes an agency holds). PostgreSQL's GIN index needs
neither.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07 12:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: FTS5's own default for ``usermerge``.
_DEFAULT_USERMERGE = 4


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("INSERT INTO case_search(case_search, rank) VALUES ('usermerge', 2)")
    op.execute("INSERT INTO case_search(case_search) VALUES ('optimize')")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        f"INSERT INTO case_search(case_search, rank) VALUES ('usermerge', {_DEFAULT_USERMERGE})"
    )
