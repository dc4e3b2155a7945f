"""The append-only, hash-chained audit log and its head."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base
from app.db.models import cases as _cases  # noqa: F401  (its table: the key below names it)

#: The audit events that record an integrity check of an evidence item, the rows of
#: ``ix_audit_events_evidence_checks``: a query repeats this condition word for word
#: for SQLite to use that partial index.
EVIDENCE_CHECKS_WHERE = (
    "entity_type = 'evidence' AND action IN ('evidence.integrity_failure', 'evidence.verify')"
)


def declare_postgresql_options() -> None:
    """Give ``ix_audit_events_evidence_checks`` its PostgreSQL predicate as well.

    Not written in the index above: a ``postgresql_*`` option imports the
    PostgreSQL dialect with all its drivers (asyncpg with asyncio, about
    35 ms) to check the option's name, on every start on SQLite too. The
    engine of a PostgreSQL database (:func:`app.db.engine.make_engine`) and
    the migrations' environment call this; calling it again changes nothing.
    """
    table = Base.metadata.tables[AuditEvent.__tablename__]
    index = next(i for i in table.indexes if i.name == EVIDENCE_CHECKS_INDEX)
    index.dialect_kwargs["postgresql_where"] = text(EVIDENCE_CHECKS_WHERE)


#: The partial index of the evidence integrity checks (see :data:`EVIDENCE_CHECKS_WHERE`).
EVIDENCE_CHECKS_INDEX = "ix_audit_events_evidence_checks"


class AuditEvent(Base):
    """One event of the audit chain; see :mod:`app.domain.audit` for the hashing."""

    __tablename__ = "audit_events"
    #: The dashboard finds case closings by action and month; Home finds each evidence
    #: item's latest integrity check in the partial index of checks alone (covering:
    #: SQLite reads no table row for the grouping).
    __table_args__ = (
        Index("ix_audit_events_action_occurred", "action", "occurred_at"),
        Index(
            EVIDENCE_CHECKS_INDEX,
            "entity_id",
            "seq",
            "entity_type",
            "action",
            sqlite_where=text(EVIDENCE_CHECKS_WHERE),
        ),  # fmt: skip
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(unique=True)
    occurred_at: Mapped[dt.datetime]
    actor: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(60), index=True)
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(60))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    details: Mapped[dict[str, Any]]
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """The single row that records the chain's last event.

    Every append updates it in the same transaction, which serialises
    appends (a row lock on PostgreSQL, the write lock on SQLite) and lets
    ``audit verify`` notice a log whose tail was cut off.
    """

    __tablename__ = "audit_head"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int]
    hash: Mapped[str] = mapped_column(String(64))
