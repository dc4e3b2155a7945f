"""Provision kinds, lead-ins and pointers; a policy's version and sunset date.

Rows already present get their values when the shipped catalog is loaded
again, which opening an upgraded database does (``catalog.complete_catalog``).
Plain ``ADD COLUMN`` / ``DROP COLUMN`` (no batch table copy): on SQLite a copy
of ``policies`` or ``provisions`` would be refused by the foreign keys of the
rows that refer to them. The server defaults stay; the application always
writes these columns itself.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "policies", sa.Column("version", sa.String(length=120), nullable=False, server_default="")
    )
    op.add_column("policies", sa.Column("sunset", sa.Date(), nullable=True))
    op.add_column("provisions", sa.Column("kind", sa.String(length=20), nullable=True))
    op.add_column(
        "provisions", sa.Column("quoted_after", sa.Text(), nullable=False, server_default="")
    )
    op.add_column(
        "provisions", sa.Column("charge_instead", sa.JSON(), nullable=False, server_default="[]")
    )


def downgrade() -> None:
    op.drop_column("provisions", "charge_instead")
    op.drop_column("provisions", "quoted_after")
    op.drop_column("provisions", "kind")
    op.drop_column("policies", "sunset")
    op.drop_column("policies", "version")
