"""What a kept draft is, where the window can put it back: ``work_drafts.kind``.

``"note"`` for a note being written (the recovered-work dialog puts it back
into its case's note editor); empty for the rest (findings, forms, dialogs),
which are copied back by hand. Rows kept before have no kind.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-11 12:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("work_drafts") as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=20), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("work_drafts") as batch_op:
        batch_op.drop_column("kind")
