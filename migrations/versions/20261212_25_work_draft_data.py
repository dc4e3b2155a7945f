"""What the window needs to put a kept draft back: ``work_drafts.data``.

A draft of redaction boxes drawn and not saved (kind ``"redaction"``) keeps
the evidence item and its boxes here, as JSON, so the recovered-work dialog
can put them back on the item's picture; its ``text`` says the same for the
user. Empty for every other kind, and for rows kept before.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-12 12:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0025"
down_revision: str | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("work_drafts") as batch_op:
        batch_op.add_column(sa.Column("data", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("work_drafts") as batch_op:
        batch_op.drop_column("data")
