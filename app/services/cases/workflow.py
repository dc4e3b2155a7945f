"""Notes on a case's timeline and its moves along the workflow."""

from __future__ import annotations

from sqlalchemy import select

from app.db.engine import UnitOfWork
from app.db.models import (
    Case,
    DisciplineRecord,
    DisciplineReferral,
    Note,
)
from app.domain.actor import Actor
from app.domain.cases import (
    CaseStatus,
    Finding,
    NoteKind,
)
from app.domain.permissions import Permission
from app.domain.validation import (
    NOTE_MAX,
    clean_text,
)
from app.domain.workflow import check_transition
from app.services import audit
from app.services.cases.reading import (
    CaseDetail,
    NoteInfo,
    as_detail,
    load_detailed,
    raise_stale,
    touch,
)
from app.services.database import Database
from app.services.retry import retried


@retried
def add_note(
    database: Database, actor: Actor, case_id: int, body: str, kind: NoteKind = NoteKind.NOTE
) -> NoteInfo:
    """Add a timeline entry to a case."""
    actor.require(Permission.NOTE_ADD)
    body = clean_text(body, "Note", max_length=NOTE_MAX, multiline=True)
    with database.unit_of_work(write=True) as uow:
        row = load_detailed(uow, actor, case_id)
        note = Note(case=row, author_id=actor.user_id, kind=kind.value, body=body)
        uow.session.add(note)
        touch(row, actor)
        uow.session.flush()
        audit.record(
            uow, actor, "note.add", entity_type="note", entity_id=note.id, case_id=row.id,
            details={"kind": kind.value, "length": len(body)},
        )  # fmt: skip
        uow.commit()
        return NoteInfo(note.id, kind, body, actor.full_name, note.created_at)


@retried
def transition_case(
    database: Database,
    actor: Actor,
    case_id: int,
    target: CaseStatus,
    *,
    reason: str = "",
    expected_version: int | None = None,
) -> CaseDetail:
    """Move a case along the workflow, if the role and the case's state allow it."""
    actor.require(Permission.CASE_TRANSITION)
    reason = clean_text(reason, "Reason", max_length=NOTE_MAX, required=False, multiline=True)
    with database.unit_of_work(write=True) as uow:
        row = load_detailed(uow, actor, case_id)
        if expected_version is not None and row.version != expected_version:
            raise_stale(row)
        source = CaseStatus(row.status)
        check_transition(
            source,
            target,
            actor.roles,
            findings=[Finding(a.finding) for a in row.allegations],
            reason=reason,
            undecided=_undecided(uow, row) if source is CaseStatus.DISCIPLINE_REVIEW else (),
        )
        from app.services.dashboard.facts import note_status

        row.status = target.value
        note_status(row, target)
        touch(row, actor)
        uow.session.flush()
        audit.record(
            uow, actor, "case.transition", entity_type="case", entity_id=row.id, case_id=row.id,
            details={"from": source.value, "to": target.value, "reason": reason},
        )  # fmt: skip
        if target is CaseStatus.CLOSED:
            # AR-DHS II(G): credentials serve only the formal investigation; it has ended.
            from app.services import credential_requests

            credential_requests.end_for_closed_case(uow, actor, row.id)
        uow.commit()
        return as_detail(load_detailed(uow, actor, row.id), actor)


def _undecided(uow: UnitOfWork, row: Case) -> list[str]:
    """The employees with a substantiated allegation and no decision or referral in the case."""
    substantiated = [a for a in row.allegations if a.finding == Finding.SUBSTANTIATED.value]
    if not substantiated:
        return []
    decided = set(
        uow.session.scalars(
            # A withdrawn decision is no decision.
            select(DisciplineRecord.employee_id).where(
                DisciplineRecord.case_id == row.id, DisciplineRecord.withdrawn_at.is_(None)
            )
        )
    )
    # A contracted provider's employee is referred to the provider, not disciplined.
    decided |= set(
        uow.session.scalars(
            select(DisciplineReferral.employee_id).where(DisciplineReferral.case_id == row.id)
        )
    )
    named = {a.employee_id for a in substantiated}
    # An allegation naming no employee concerns every subject of the case.
    wanted = [s for s in row.subjects if None in named or s.id in named]
    return [s.full_name for s in wanted if s.id not in decided]
