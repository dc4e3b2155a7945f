"""Appending to the audit chain: one event or many, after the case rows, under the head.

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

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Select,
    bindparam,
    select,
)

from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import AuditEvent, AuditHead, Case
from app.domain.actor import Actor
from app.domain.audit import (
    canonical_json,
    chain_hash,
)
from app.domain.checkpoints import is_hash
from app.domain.errors import IntegrityFailure


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
