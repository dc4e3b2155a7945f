"""Appending to the audit chain, reading it, and verifying it.

:func:`record` is called by every service write inside its own transaction,
so a change and its audit event commit or roll back together. Appends lock
the chain head, so concurrent writers queue up instead of forking it.

Lock order: every write locks the case rows it touches before the audit head
(:func:`lock_cases`; ``record`` does it for an event's case). Services that
load a case for writing lock its row first anyway; a writer that only reads
a case (a view, an export) and records an event about it would otherwise
hold the head while its insert's foreign key waits for the case row, and
deadlock with a writer holding the case row and waiting for the head.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    DateTime,
    Select,
    String,
    Text,
    bindparam,
    cast,
    func,
    select,
    type_coerce,
)
from sqlalchemy.engine.processors import str_to_datetime as _str_to_datetime

from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import AuditEvent, AuditHead, Case
from app.domain.actor import Actor
from app.domain.audit import (
    GENESIS_HASH,
    Anchor,
    AuditRecord,
    ChainFinding,
    ChainVerification,
    Problem,
    RawEvent,
    canonical_json,
    chain_hash,
    verify_chain,
    walk_intact,
)
from app.domain.checkpoints import is_hash
from app.domain.errors import IntegrityFailure
from app.domain.permissions import Permission
from app.services.database import Database
from app.services.retry import retried

#: Events read per round trip while verifying.
_VERIFY_BATCH = 5000
#: Rows per fetch of the PostgreSQL server-side cursor of the fast walk.
_WALK_FETCH = 20000
#: Events between two progress reports of a verification.
_PROGRESS_EVERY = 5000

#: ``progress(done, total, text)``: how far a verification is (may raise to cancel).
Progress = Callable[[int, int, str], None]

# The fast walk reads the driver's plain tuples, the timestamp already in its
# canonical spelling: on SQLite the stored text "YYYY-MM-DD HH:MM:SS.ffffff"
# (SQLAlchemy's one storage format) with a T and a Z; any other spelling comes
# back NULL, and the walk hands that event to the full verifier. PostgreSQL
# formats its timestamptz in UTC with microseconds, the same bytes.
_SQLITE_AT = (
    "CASE WHEN occurred_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] "
    "[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]' "
    "THEN substr(occurred_at, 1, 10) || 'T' || substr(occurred_at, 12) || 'Z' END"
)
_PG_AT = """to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')"""
_WALK_SQL = (
    "SELECT seq, {at}, actor, action, entity_type, entity_id, case_id, {details}, "
    "prev_hash, hash FROM audit_events WHERE seq > {param} ORDER BY seq"
)


class ForeignEvent(IntegrityFailure):
    """The log holds an event past its head: written outside Casedesk; nothing can be appended."""


class LockOrderError(RuntimeError):
    """A case row was wanted after the audit head: a programming error, never user input."""


def lock_cases(uow: UnitOfWork, case_ids: Iterable[int | None]) -> None:
    """Lock the rows of ``case_ids`` (ascending) before the audit head is taken.

    ``FOR NO KEY UPDATE``, the lock a case write needs: it waits for other
    writers of the case but not for foreign-key checks of rows that refer to
    it. SQLite's one write lock, taken when a writing unit of work begins,
    already orders everything. A unit of work that writes events about
    several cases locks them all first.
    """
    wanted = sorted({i for i in case_ids if i is not None} - uow.locked_case_ids)
    if not wanted:
        return
    if uow.holds_audit_head:
        raise LockOrderError(
            f"case rows {wanted} locked after the audit head; lock them first with audit.lock_cases"
        )
    if uow.write and uow.dialect == "postgresql":
        uow.session.execute(
            select(Case.id).where(Case.id.in_(wanted)).order_by(Case.id)
            .with_for_update(key_share=True)
        )  # fmt: skip
    uow.locked_case_ids.update(wanted)


def case_locked(uow: UnitOfWork, case_id: int) -> None:
    """Note that the caller's own query locked the case row (checks the lock order)."""
    if case_id not in uow.locked_case_ids and uow.holds_audit_head:
        raise LockOrderError(f"case row {case_id} locked after the audit head")
    uow.locked_case_ids.add(case_id)


def record(
    uow: UnitOfWork,
    actor: Actor | str,
    action: str,
    *,
    entity_type: str,
    entity_id: object,
    case_id: int | None = None,
    details: Mapping[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the chain in ``uow``'s transaction.

    The event's case row is locked first (if this unit of work does not hold
    it yet), then the chain head: the one lock order of every write.
    """
    (event,) = record_many(
        uow, actor, [EventInput(action, entity_type, entity_id, case_id, details)]
    )
    return event


@dataclass(frozen=True, slots=True)
class EventInput:
    """One event to append with :func:`record_many`."""

    action: str
    entity_type: str
    entity_id: object
    case_id: int | None = None
    details: Mapping[str, Any] | None = None


def record_many(
    uow: UnitOfWork, actor: Actor | str, events: Sequence[EventInput]
) -> list[AuditEvent]:
    """Append ``events`` to the chain, in order, in ``uow``'s transaction.

    The same events as one :func:`record` each, read the head once and
    written in one flush (a report's custody events: one per evidence item).
    Every event's case row is locked before the chain head.
    """
    assert uow.write, "audit events are appended only in a writing unit of work"
    if not events:
        return []
    session = uow.session
    actor_name = actor if isinstance(actor, str) else actor.username
    lock_cases(uow, [e.case_id for e in events])
    head = read_head(uow, lock=True)
    beyond = session.scalar(_event_beyond(), {"seq": head.seq})
    if beyond is not None:
        # Only a write outside Casedesk can put an event beyond the head.
        raise ForeignEvent(
            f"The audit log holds an event {beyond} that Casedesk did not write; nothing more "
            "can be recorded until an administrator runs 'casedesk audit verify' and "
            "restores the database from a backup."
        )
    written = []
    for wanted in events:
        fields: dict[str, Any] = {
            "seq": head.seq + 1,
            "occurred_at": utcnow(),
            "actor": actor_name,
            "action": wanted.action,
            "entity_type": wanted.entity_type,
            "entity_id": str(wanted.entity_id),
            "case_id": wanted.case_id,
            "details": dict(wanted.details or {}),
        }
        canonical = canonical_json(**fields)  # what the hash covers: the stored fields
        event = AuditEvent(**fields, prev_hash=head.hash, hash=chain_hash(head.hash, canonical))
        session.add(event)
        head.seq = event.seq
        head.hash = event.hash
        written.append(event)
    session.flush()
    return written


# Built once, on first use, and run with parameters: every audited write runs them.
@functools.cache
def _head_query(lock: bool) -> Select[AuditHead]:
    query = select(AuditHead).where(AuditHead.id == 1)
    return query.with_for_update() if lock else query


@functools.cache
def _event_beyond() -> Select[int]:
    """The first event numbered past ``seq``."""
    return (
        select(AuditEvent.seq)
        .where(AuditEvent.seq > bindparam("seq"))
        .order_by(AuditEvent.seq)
        .limit(1)
    )


def read_head(uow: UnitOfWork, *, lock: bool = False) -> AuditHead:
    """The chain head row (locked for an append when ``lock``).

    A missing or malformed head is an integrity failure, not a crash: only a
    change made outside Casedesk removes it.
    """
    head = uow.session.execute(_head_query(lock)).scalar_one_or_none()
    if lock:
        uow.holds_audit_head = True  # from now on no case row may be locked (lock_cases)
    problem = head_problem(head)
    if problem:
        raise IntegrityFailure(
            f"The audit log cannot be used: {problem}. Only a change made outside Casedesk "
            "does that; restore the database from a backup (the audit log must not be "
            "rebuilt by hand)."
        )
    assert head is not None
    return head


def head_problem(head: AuditHead | None) -> str:
    """What is wrong with the chain head row, or "" when it is well-formed."""
    if head is None:
        return "the chain head (table audit_head, row 1) is missing"
    return head_values_problem(head.seq, head.hash)


def head_values_problem(seq: object, hash_: object) -> str:
    """What is wrong with the chain head's event number and hash, or "" if nothing."""
    if not isinstance(seq, int) or seq < 0:
        return f"the chain head (table audit_head) is damaged: event number {seq!r}"
    if not isinstance(hash_, str) or not is_hash(hash_):
        return f"the chain head (table audit_head) is damaged: hash {hash_!r}"
    return ""


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
        moment = at if isinstance(at, dt.datetime) else _stored_time(at)
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
        # In UTC, as the mapped column gives it (SQLite keeps naive UTC).
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.UTC)
        else:
            moment = moment.astimezone(dt.UTC)
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


def _raw_events(uow: UnitOfWork, after: int) -> Iterator[RawEvent]:
    """The events after event ``after`` as the driver's tuples, in the unit of work's snapshot."""
    driver: Any = uow.session.connection().connection.driver_connection
    if uow.dialect == "postgresql":
        query = _WALK_SQL.format(at=_PG_AT, details="details::text", param="%s")
        # A server-side cursor: memory stays flat on a million events.
        with driver.cursor(name="casedesk_audit_walk") as cursor:
            cursor.itersize = _WALK_FETCH
            cursor.execute(query, (after,))
            yield from cursor
    else:
        cursor = driver.execute(_WALK_SQL.format(at=_SQLITE_AT, details="details", param="?"),
                                (after,))  # fmt: skip
        try:
            yield from cursor
        finally:
            cursor.close()


def check_chain(
    uow: UnitOfWork,
    *,
    after_seq: int = 0,
    after_hash: str = GENESIS_HASH,
    head_seq: int | None = None,
    head_hash: str | None = None,
    anchors: Sequence[Anchor] = (),
    progress: Progress | None = None,
) -> ChainVerification:
    """:func:`verify_chain` on the events after ``after_seq``, the intact stretch walked fast.

    Plain rows are walked while every link holds (:func:`walk_intact`); from
    the first event that needs a closer look, the full verifier reads the
    rest as records and words the finding. The result is the same as
    ``verify_chain(records(uow, after=after_seq), ...)``.
    """
    rows = _raw_events(uow, after_seq)
    if progress is not None:
        rows = _reported(rows, progress, total=(head_seq or 0) - after_seq)
    walked = walk_intact(rows, after_seq=after_seq, after_hash=after_hash, anchors=anchors)
    unreadable: dict[int, str] = {}
    unnumbered: list[AuditRecord] = []
    result = verify_chain(
        _numbered(records(uow, after=walked.last_seq, unreadable=unreadable), unnumbered),
        after_seq=walked.last_seq,
        after_hash=walked.last_hash,
        head_seq=head_seq,
        head_hash=head_hash,
        anchors=anchors,
    )
    result.checked += walked.checked
    finding = result.finding
    if head_seq is not None and result.last_seq == head_seq and (finding or unnumbered):
        # Everything up to the head holds: what follows it, Casedesk did not write.
        beyond = _first_beyond(uow, head_seq)
        if beyond is not None:
            result.finding = beyond
            return result
    if finding is None and unnumbered:
        # Reached only when every event before it held.
        odd = unnumbered[0]
        result.finding = ChainFinding(
            result.last_seq + 1,
            Problem.INSERTED_OR_REORDERED,
            f"an event numbered {odd.seq!r} ({odd.action} by {odd.actor}) follows event "
            f"{result.last_seq}: that is not an event number, so Casedesk did not write it "
            "(inserted outside the application)",
        )
    elif finding is not None and finding.problem is Problem.ALTERED and finding.seq in unreadable:
        # Say why it does not verify: its time is not a time.
        result.finding = ChainFinding(finding.seq, Problem.ALTERED, unreadable[finding.seq])
    return result


def _first_beyond(uow: UnitOfWork, head_seq: int) -> ChainFinding | None:
    """The finding for the first event numbered past the chain head, if there is one."""
    row = (
        uow.session.connection()
        .execute(
            select(AuditEvent.seq, AuditEvent.action, AuditEvent.actor)
            .where(AuditEvent.seq > head_seq)
            .order_by(AuditEvent.seq)
            .limit(1)
        )
        .first()
    )
    if row is None:
        return None
    seq, action, actor = row
    named = f"event {seq}" if isinstance(seq, int) else f"an event numbered {seq!r}"
    return ChainFinding(
        seq if isinstance(seq, int) else head_seq + 1,
        Problem.INSERTED_OR_REORDERED,
        f"{named} ({action} by {actor}) lies past the chain head (table audit_head, event "
        f"{head_seq}): Casedesk did not write it, it was added outside the application",
    )


def _numbered(
    events: Iterator[AuditRecord], unnumbered: list[AuditRecord]
) -> Iterator[AuditRecord]:
    """``events`` up to the first whose number is not an integer (kept in ``unnumbered``).

    SQLite keeps any value in the column; such an event sorts after every numbered one.
    """
    for event in events:
        if not isinstance(event.seq, int):
            unnumbered.append(event)
            return
        yield event


def _reported(rows: Iterator[RawEvent], progress: Progress, *, total: int) -> Iterator[RawEvent]:
    """``rows``, telling ``progress`` every few thousand events how many have passed."""
    done = 0
    progress(0, total, "")
    for row in rows:
        yield row
        done += 1
        if done % _PROGRESS_EVERY == 0:
            progress(done, max(total, done), "")
    progress(done, max(total, done), "")


def records_where(uow: UnitOfWork, *conditions: ColumnElement[bool]) -> list[AuditRecord]:
    """The events that meet ``conditions``, in order, as the verifier reads them."""
    rows = uow.session.connection().execute(
        select(*_columns(uow.dialect)).where(*conditions).order_by(AuditEvent.seq)
    )
    return [_record_of(row) for row in rows]


@retried
def verify(
    database: Database,
    actor: Actor,
    *,
    anchors: Sequence[Anchor] = (),
    notes: Mapping[str, Any] | None = None,
    progress: Progress | None = None,
) -> ChainVerification:
    """Recompute the whole chain and report the first event that does not fit.

    Every one of ``anchors`` (checkpoints found outside the chain) must match
    the event of its number. ``notes`` go into the ``audit.verify`` event's
    details; a ``first_problem`` among them is kept when the chain is intact.
    """
    actor.require(Permission.AUDIT_VERIFY)
    # One snapshot for the head and every page, so appends made meanwhile by
    # other users are neither half-seen nor mistaken for tampering.
    with database.unit_of_work(snapshot=True) as uow:
        head = uow.session.get(AuditHead, 1)
        problem = head_problem(head)
        if problem:
            result = check_chain(uow, anchors=anchors, progress=progress)
            if result.intact:
                result.finding = ChainFinding(result.last_seq, Problem.HEAD_DAMAGED, problem)
            # Nothing can be appended without a head: the result is the report.
            return result
        assert head is not None
        result = check_chain(
            uow, head_seq=head.seq, head_hash=head.hash, anchors=anchors, progress=progress
        )
    details: dict[str, Any] = {
        "intact": result.intact,
        "checked": result.checked,
        "first_problem": result.finding.message if result.finding else None,
    }
    for key, value in (notes or {}).items():
        if key == "first_problem":
            if value and result.intact:
                details.update(intact=False, first_problem=value)
        else:
            details[key] = value
    with database.unit_of_work(write=True) as uow:
        try:
            record(
                uow,
                actor,
                "audit.verify",
                entity_type="audit",
                entity_id=result.last_seq,
                details=details,
            )
        except ForeignEvent:
            # A forged event past the head blocks appends; the result names it.
            assert not result.intact
            return result
        uow.commit()
    return result


def event_count(uow: UnitOfWork) -> int:
    """How many events the log holds."""
    return int(uow.session.scalar(select(func.count()).select_from(AuditEvent)) or 0)
