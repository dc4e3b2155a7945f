"""The per-case facts the dashboard counts, kept on the case row.

``cases.findings_on``, ``cases.decided_on`` and ``cases.closed_on`` are set by
the services that make them true, in the same transaction: recording a
finding (:func:`note_findings`), deciding or withdrawing discipline
(:func:`note_decisions`) and moving a case (:func:`note_status`). Migration
0017 filled them for the records made before. Each is a UTC day.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import Allegation, Case, DisciplineRecord
from app.domain.cases import CaseStatus, Finding


def _utc_day(moment: dt.datetime | None) -> dt.date | None:
    if moment is None:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    return moment.date()


def note_findings(uow: UnitOfWork, case: Case) -> None:
    """Set the day of the case's last finding (call after the finding is flushed)."""
    last = uow.session.scalar(
        select(func.max(Allegation.finding_at)).where(
            Allegation.case_id == case.id,
            Allegation.finding != Finding.PENDING.value,
            Allegation.finding_at.is_not(None),
        )
    )
    case.findings_on = _utc_day(last)


def note_decisions(uow: UnitOfWork, case: Case) -> None:
    """Set the day of the case's first decision in force (call after it is flushed)."""
    first = uow.session.scalar(
        select(func.min(DisciplineRecord.decided_at)).where(
            DisciplineRecord.case_id == case.id, DisciplineRecord.withdrawn_at.is_(None)
        )
    )
    case.decided_on = _utc_day(first)


def note_status(case: Case, status: CaseStatus) -> None:
    """A closed case counts as closed on the day of its last closing; another on none."""
    case.closed_on = _utc_day(utcnow()) if status is CaseStatus.CLOSED else None
