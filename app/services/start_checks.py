"""What every command checks when it opens the database, before deciding to do more.

Two questions, each one statement over the tables (no ORM statement set-up)
and answered without loading the modules that do the work when the answer
is yes: does the catalog lack the provision kinds an upgrade left empty
(:func:`app.services.catalog.complete_catalog` then loads it again), and is
the newest audit checkpoint older than a day
(:func:`app.services.integrity.checkpoints.daily_checkpoint` then writes
one). Those two functions ask here first as well, so there is one answer.
The command line asks here itself, before loading those modules, and then
calls the part of each that acts (``catalog.load_missing_kinds``,
``checkpoints.make_checkpoint``), so each question is asked once.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String, func, select, type_coerce

from app.db.base import utcnow
from app.db.models import AuditCheckpoint, AuditHead, Provision
from app.services import audit
from app.services.database import Database

#: How old the newest checkpoint may be before opening the database writes one.
DAILY = dt.timedelta(days=1)
#: SQLAlchemy's one storage format of a time on SQLite: "YYYY-MM-DD HH:MM:SS.ffffff".
_SQLITE_STORED_TIME = (
    "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] "
    "[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]"
)


def catalog_incomplete(database: Database) -> bool:
    """Whether a provision lacks its kind (a database upgraded from before kinds)."""
    provisions = Provision.__table__
    with database.unit_of_work() as uow:
        missing = uow.session.scalar(
            select(provisions.c.id).where(provisions.c.kind.is_(None)).limit(1)
        )
    return missing is not None


def checkpoint_due(database: Database) -> bool:
    """Whether the audit log has events and no checkpoint of the last day.

    The chain head and the newest checkpoint's time are read in one statement;
    a missing or damaged head is refused by :func:`audit.read_head`, as in
    every other read of it. On SQLite the newest checkpoint is the newest one
    whose stored time is a time as Casedesk writes it: a row with anything else
    (written outside Casedesk) is passed over here and named by ``audit verify``.
    """
    head, checkpoints = AuditHead.__table__, AuditCheckpoint.__table__
    signed_at = checkpoints.c.signed_at
    if database.dialect == "sqlite":
        # The stored text as it is (parsed below), newest first along the index.
        stored = type_coerce(signed_at, String())
        newest_signed = (
            select(stored)
            .where(stored.op("GLOB")(_SQLITE_STORED_TIME))
            .order_by(signed_at.desc())
            .limit(1)
            .scalar_subquery()
        )
    else:
        newest_signed = select(func.max(signed_at)).scalar_subquery()
    with database.unit_of_work() as uow:
        row = uow.session.execute(
            select(head.c.seq, head.c.hash, newest_signed).where(head.c.id == 1)
        ).one_or_none()
        if row is None or audit.head_values_problem(row[0], row[1]):
            audit.read_head(uow)  # raises IntegrityFailure, naming what is wrong
        assert row is not None
    seq, newest = row[0], audit.stored_utc(row[2])
    if seq == 0:
        return False
    return newest is None or utcnow() - newest >= DAILY
