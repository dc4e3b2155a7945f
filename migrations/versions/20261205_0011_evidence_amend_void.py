"""Evidence: the reason an item has no source URL, void items, amended metadata.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("evidence_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("no_url_reason", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("voided_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("voided_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("void_reason", sa.Text(), nullable=False, server_default=""))
        batch_op.create_foreign_key(
            batch_op.f("fk_evidence_items_voided_by_id_users"), "users", ["voided_by_id"], ["id"]
        )
    with op.batch_alter_table("evidence_items", schema=None) as batch_op:
        batch_op.alter_column("no_url_reason", server_default=None)
        batch_op.alter_column("void_reason", server_default=None)
    op.create_table(
        "evidence_amendments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("amended_by_id", sa.Integer(), nullable=False),
        sa.Column("amended_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["amended_by_id"], ["users.id"],
            name=op.f("fk_evidence_amendments_amended_by_id_users"),
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["evidence_items.id"],
            name=op.f("fk_evidence_amendments_item_id_evidence_items"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_amendments")),
    )  # fmt: skip
    op.create_index(
        op.f("ix_evidence_amendments_item_id"), "evidence_amendments", ["item_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_evidence_amendments_item_id"), table_name="evidence_amendments")
    op.drop_table("evidence_amendments")
    with op.batch_alter_table("evidence_items", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_evidence_items_voided_by_id_users"), type_="foreignkey"
        )
        batch_op.drop_column("void_reason")
        batch_op.drop_column("voided_by_id")
        batch_op.drop_column("voided_at")
        batch_op.drop_column("no_url_reason")
