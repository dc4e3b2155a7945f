"""Verifying the audit chain: a fast walk of the driver's rows, then the full verifier.

The walk reads plain tuples with the timestamp in its canonical spelling and
hashes them without record objects; at the first event that does not fit, the
full verifier (:func:`app.domain.audit.verify_chain`) reads the rest as
records and words the finding, so the result is the same.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import (
    select,
)

from app.db.engine import UnitOfWork
from app.db.models import AuditEvent, AuditHead
from app.domain.actor import Actor
from app.domain.audit import (
    GENESIS_HASH,
    Anchor,
    AuditRecord,
    ChainFinding,
    ChainVerification,
    Problem,
    RawEvent,
    verify_chain,
    walk_intact,
)
from app.domain.permissions import Permission
from app.services.audit.reading import records
from app.services.audit.writing import ForeignEvent, head_problem, record
from app.services.database import Database
from app.services.retry import retried

#: Rows per fetch of the PostgreSQL server-side cursor of the fast walk.
_WALK_FETCH = 20000
#: Events between two progress reports of a verification.
_PROGRESS_EVERY = 5000

#: ``progress(done, total, text)``: how far a verification is (may raise to cancel).
Progress = Callable[[int, int, str], None]

# The fast walk reads the driver's plain tuples, the timestamp already in its
# canonical spelling: on SQLite the stored text "YYYY-MM-DD HH:MM:SS.ffffff"
# (SQLAlchemy's one storage format) with its space made a T and a Z added.
# That drops only the space, so a stored text with anything else in its
# eleventh place comes back NULL and the walk hands that event to the full
# verifier; every other character is hashed as stored, so a text other than
# the one hashed fails its hash (checking each digit here with GLOB took
# 0.4-0.6 CPU-s more than no check on a million events, this check 0.1-0.3,
# and decided nothing more). PostgreSQL
# formats its timestamptz in UTC with microseconds, the same bytes.
_SQLITE_AT = (
    "CASE WHEN substr(occurred_at, 11, 1) = ' ' "
    "THEN substr(occurred_at, 1, 10) || 'T' || substr(occurred_at, 12) || 'Z' END"
)
_PG_AT = """to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')"""
_WALK_SQL = (
    "SELECT seq, {at}, actor, action, entity_type, entity_id, case_id, {details}, "
    "prev_hash, hash FROM audit_events WHERE seq > {param} ORDER BY seq"
)


def raw_events(uow: UnitOfWork, after: int) -> Iterator[RawEvent]:
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
    rows = raw_events(uow, after_seq)
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
