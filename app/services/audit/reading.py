"""Reading the audit log: a case's events, and the events as the verifier reads them.

A value put into the log outside Casedesk that is not what Casedesk writes
(a time that is not a time) is named, never a crash: the verifier's event
then fails its hash, and a case's timeline refuses with the event's number.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    DateTime,
    String,
    Text,
    cast,
    func,
    select,
    type_coerce,
)
from sqlalchemy.engine.processors import str_to_datetime as _str_to_datetime

from app.db.engine import UnitOfWork
from app.db.models import AuditEvent
from app.domain.audit import (
    AuditRecord,
)
from app.domain.errors import IntegrityFailure

#: Events read per round trip while verifying.
_VERIFY_BATCH = 5000


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """An audit event as the timeline and the audit view show it."""

    seq: int
    occurred_at: dt.datetime
    actor: str
    action: str
    entity_type: str
    entity_id: str
    case_id: int | None
    details: Mapping[str, Any]


def _entry(event: AuditEvent) -> AuditEntry:
    return AuditEntry(
        event.seq,
        event.occurred_at,
        event.actor,
        event.action,
        event.entity_type,
        event.entity_id,
        event.case_id,
        event.details,
    )


def case_events(uow: UnitOfWork, case_id: int) -> list[AuditEntry]:
    """The audit events of one case, oldest first (for its timeline).

    An event whose stored time or details cannot be read (written outside
    Casedesk) refuses the read with :class:`IntegrityFailure`, naming it.
    """
    columns = _columns(uow.dialect)
    rows = uow.session.connection().execute(
        select(*columns[:8]).where(AuditEvent.case_id == case_id).order_by(AuditEvent.seq)
    )
    entries = []
    for seq, at, actor, action, etype, eid, event_case, details in rows:
        moment = stored_utc(at)
        if moment is None:
            raise _unreadable_event(unreadable_time_message(seq, action, actor, at))
        try:
            parsed = json.loads(details) if isinstance(details, str) else details
        except ValueError:
            parsed = None
        if not isinstance(parsed, dict):
            raise _unreadable_event(
                f"event {seq} ({action} by {actor}) was altered: its details (table "
                "audit_events, column details) are not what Casedesk writes"
            )
        entries.append(AuditEntry(seq, moment, actor, action, etype, eid, event_case, parsed))
    return entries


def _unreadable_event(finding: str) -> IntegrityFailure:
    return IntegrityFailure(
        f"The audit log cannot be read: {finding}. Only a change made outside Casedesk does "
        "that; an administrator should run 'casedesk audit verify' and restore the database "
        "from a backup."
    )


@functools.cache
def _columns(dialect: str) -> tuple[Any, ...]:
    # Plain column values, the details as their stored (canonical) JSON text:
    # no ORM objects and no JSON parsing per event.
    return (
        AuditEvent.seq,
        # On SQLite the stored value as it is (text, or whatever was put there
        # outside Casedesk), parsed by _record_of; on PostgreSQL a plain DateTime
        # (the column holds nothing but timestamps). canonical_timestamp reads
        # naive values as UTC.
        type_coerce(AuditEvent.occurred_at, String() if dialect == "sqlite" else DateTime()),
        AuditEvent.actor,
        AuditEvent.action,
        AuditEvent.entity_type,
        AuditEvent.entity_id,
        AuditEvent.case_id,
        cast(AuditEvent.details, Text),
        AuditEvent.prev_hash,
        AuditEvent.hash,
    )


#: What an event whose stored time cannot be read hashes against: no hash is
#: ever this, so the event never verifies (its time was written outside Casedesk).
_UNREADABLE_HASH = "(time unreadable)"
#: Where an event's time is put when its stored value cannot be read.
_NO_TIME = dt.datetime(1, 1, 1)


def _stored_time(stored: object) -> dt.datetime | None:
    """SQLite's stored time text parsed as SQLAlchemy's DateTime would, or None if it is none."""
    try:
        moment = _str_to_datetime(stored)
    except (ValueError, TypeError):
        return None
    return moment if isinstance(moment, dt.datetime) else None


def stored_utc(stored: object) -> dt.datetime | None:
    """A stored time (a driver's datetime, or SQLite's text, which is naive UTC) in UTC;
    None when it is not a time (only a write outside Casedesk stores one)."""
    moment = stored if isinstance(stored, dt.datetime) else _stored_time(stored)
    if moment is None:
        return None
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def _record_of(row: Any, unreadable: dict[int, str] | None = None) -> AuditRecord:
    seq, at, actor, action, etype, eid, case_id, details, prev, digest = row
    if not isinstance(at, dt.datetime):
        # SQLite's stored text; anything that is not a time (garbage, a number,
        # nothing) was written outside Casedesk, and the event never verifies.
        stored, at = at, _stored_time(at)
        if at is None:
            if unreadable is not None:
                unreadable[seq] = unreadable_time_message(seq, action, actor, stored)
            at, digest = _NO_TIME, _UNREADABLE_HASH
    return AuditRecord(seq, at, actor, action, etype, eid, case_id, {}, prev, digest,
                       details_json=details)  # fmt: skip


def unreadable_time_message(seq: int, action: object, actor: object, stored: object) -> str:
    """The finding for an event whose stored time is not a time."""
    return (
        f"event {seq} ({action} by {actor}) was altered: its time (table audit_events, "
        f"column occurred_at) holds {stored!r}, which is not a time Casedesk writes, so the "
        "event cannot be verified"
    )


def records(
    uow: UnitOfWork, *, after: int = 0, unreadable: dict[int, str] | None = None
) -> Iterator[AuditRecord]:
    """The events after event ``after``, in order, as the verifier reads them.

    An event whose stored time cannot be read never verifies; ``unreadable``
    (when given) gets its number and the finding that says so.
    """
    # Keyset pages keep memory flat on a million events, on both backends.
    columns = _columns(uow.dialect)
    connection = uow.session.connection()
    last = after
    while True:
        rows = connection.execute(
            select(*columns)
            .where(AuditEvent.seq > last)
            .order_by(AuditEvent.seq)
            .limit(_VERIFY_BATCH)
        ).all()
        if not rows:
            return
        for row in rows:
            yield _record_of(row, unreadable)
        last = rows[-1][0]


def records_where(uow: UnitOfWork, *conditions: ColumnElement[bool]) -> list[AuditRecord]:
    """The events that meet ``conditions``, in order, as the verifier reads them."""
    rows = uow.session.connection().execute(
        select(*_columns(uow.dialect)).where(*conditions).order_by(AuditEvent.seq)
    )
    return [_record_of(row) for row in rows]


def event_count(uow: UnitOfWork) -> int:
    """How many events the log holds."""
    return int(uow.session.scalar(select(func.count()).select_from(AuditEvent)) or 0)
