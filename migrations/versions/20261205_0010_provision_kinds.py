"""Provision kinds, lead-ins and pointers; a policy's version and sunset date.

Rows already present get their values when the shipped catalog is loaded
again, which opening an upgraded database does (``catalog.complete_catalog``).

Revision ID: 0010
Revises: 0008
Create Date: 2026-12-05 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0010"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("policies", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("version", sa.String(length=120), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("sunset", sa.Date(), nullable=True))
    with op.batch_alter_table("provisions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kind", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("quoted_after", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("charge_instead", sa.JSON(), nullable=False, server_default="[]")
        )
    with op.batch_alter_table("policies", schema=None) as batch_op:
        batch_op.alter_column("version", server_default=None)
    with op.batch_alter_table("provisions", schema=None) as batch_op:
        batch_op.alter_column("quoted_after", server_default=None)
        batch_op.alter_column("charge_instead", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("provisions", schema=None) as batch_op:
        batch_op.drop_column("charge_instead")
        batch_op.drop_column("quoted_after")
        batch_op.drop_column("kind")
    with op.batch_alter_table("policies", schema=None) as batch_op:
        batch_op.drop_column("sunset")
        batch_op.drop_column("version")
