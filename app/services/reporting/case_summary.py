"""Case summaries: one page per case, evidence re-hashed before the summary is built."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select, true
from sqlalchemy.orm import joinedload

import reports
from app.db.models import (
    AuditEvent,
    DisciplineRecord,
    EvidenceItem,
)
from app.domain import clock
from app.domain.actor import Actor
from app.domain.cases import CaseStatus, Finding
from app.domain.discipline import DisciplineAction
from app.domain.errors import InvalidInput
from app.domain.permissions import Permission
from app.domain.zones import agency_today, local_day
from app.services import evidence
from app.services.authorization_evidence import evidence_visible
from app.services.database import Database
from app.services.reporting.common import (
    FINDING_LABELS,
    NARRATIVE_SUMMARY_MAX,
    STATUS_LABELS,
    Deliver,
    GeneratedReportInfo,
    IncludedEvidence,
    Progress,
    agency_of,
    checkpointed,
    citation,
    employee_of,
    load_case,
    no_progress,
    record,
    render_progress,
    rendered,
    role_text,
)
from app.services.reporting.disciplinary_text import action_status


def _report_date(jurisdictions: set[str]) -> dt.date:
    """Today in the agencies' zone (``app.domain.zones``); this computer's day when the
    cases are of agencies in different zones."""
    days = {agency_today(j) for j in jurisdictions}
    return days.pop() if len(days) == 1 else clock.today_here()


def build_case_summaries(
    database: Database, actor: Actor, case_refs: Sequence[int | str], *, include_void: bool = False
) -> reports.CaseSummaryReport:
    """One page per case, in the order given; a case named twice gets one page, the first."""
    actor.require(Permission.REPORT_GENERATE)
    if not case_refs:
        raise InvalidInput("Name at least one case for the case summary.")
    summaries = []
    seen: set[int] = set()
    jurisdictions: set[str] = set()
    with database.unit_of_work() as uow:
        for ref in case_refs:
            row = load_case(uow, actor, ref)
            if row.id in seen:
                continue
            seen.add(row.id)
            jurisdictions.add(row.agency.jurisdiction)
            decisions = list(
                uow.session.scalars(
                    select(DisciplineRecord)
                    .where(
                        DisciplineRecord.case_id == row.id, DisciplineRecord.withdrawn_at.is_(None)
                    )
                    .options(joinedload(DisciplineRecord.employee))
                    .order_by(DisciplineRecord.id)
                )
            )
            count = len(
                uow.session.scalars(
                    select(EvidenceItem.id).where(
                        EvidenceItem.case_id == row.id,
                        evidence_visible(actor),
                        true() if include_void else EvidenceItem.voided_at.is_(None),
                    )
                ).all()
            )
            status = CaseStatus(row.status)
            closed_on = None
            if status is CaseStatus.CLOSED:
                closed_on = uow.session.scalar(
                    select(AuditEvent.occurred_at)
                    .where(AuditEvent.case_id == row.id, AuditEvent.action == "case.transition")
                    .order_by(AuditEvent.seq.desc())
                    .limit(1)
                )
            narrative, narrative_note = row.narrative, ""
            if len(narrative) > NARRATIVE_SUMMARY_MAX:
                narrative = narrative[: NARRATIVE_SUMMARY_MAX - 1].rstrip() + "…"
                narrative_note = (
                    f"The narrative is shortened here to its first {NARRATIVE_SUMMARY_MAX:,} of "
                    f"{len(row.narrative):,} characters; the case holds it in full."
                )
            names = {e.id: e.full_name for e in row.subjects}
            every = "every subject" if len(names) > 1 else next(iter(names.values()), "")
            summaries.append(
                reports.CaseSummary(
                    case_number=row.number,
                    title=row.title,
                    agency=agency_of(row.agency),
                    status=STATUS_LABELS[status],
                    employees=tuple(employee_of(e) for e in row.subjects),
                    reported_on=row.reported_on,
                    conduct_from=row.conduct_from,
                    conduct_to=row.conduct_to,
                    closed_on=local_day(closed_on, row.agency.jurisdiction) if closed_on else None,
                    investigator=row.investigator.full_name if row.investigator else "",
                    allegations=tuple(
                        reports.SummaryAllegation(
                            citation(a),
                            a.provision.title,
                            FINDING_LABELS[Finding(a.finding)],
                            employee=names.get(a.employee_id, "") if a.employee_id else every,
                        )  # fmt: skip
                        for a in row.allegations
                    ),
                    action="; ".join(_action_text(d, status) for d in decisions),
                    evidence_count=count,
                    narrative=narrative,
                    narrative_note=narrative_note,
                )
            )
    numbers = [s.case_number for s in summaries]
    return reports.CaseSummaryReport(
        document=reports.DocumentInfo(
            title="Case summary "
            + (numbers[0] if len(numbers) == 1 else f"({len(numbers)} cases)"),
            author=f"{actor.full_name} ({role_text(actor)})",
            subject="Social-media policy investigations: case summaries",
            keywords=tuple(numbers),
        ),
        report_date=_report_date(jurisdictions),
        prepared_by=f"{actor.full_name}, {role_text(actor)}",
        cases=tuple(summaries),
    )


def _action_text(record: DisciplineRecord, status: CaseStatus) -> str:
    """The employee's action as the summary prints it, marked when it is only proposed."""
    text = f"{record.employee.full_name}: {_action_label(record)}, effective "
    text += record.effective_on.isoformat()
    if action_status(DisciplineAction(record.action), status) == reports.ACTION_RECOMMENDED:
        text += " (proposed: not final until the employee's pre-action response is considered)"
    return text


def _action_label(record: DisciplineRecord) -> str:
    kind = DisciplineAction(record.action)
    if kind is DisciplineAction.SUSPENSION and record.suspension_days:
        return f"{kind.label} ({record.suspension_days} working days)"
    return kind.label


def generate_case_summaries(
    database: Database,
    actor: Actor,
    case_refs: Sequence[int | str],
    *,
    progress: Progress = no_progress,
    deliver: Deliver | None = None,
    include_void: bool = False,
) -> GeneratedReportInfo:
    """Build, render and record a case summary of the cases named (``deliver`` as above).

    Every evidence item the summary counts is re-hashed first, as for the
    disciplinary report: a mismatch refuses the summary naming the item, and
    each item's ``evidence.report`` custody event names the recorded summary.
    """
    actor.require(Permission.REPORT_GENERATE)
    with database.unit_of_work() as uow:
        rows = [load_case(uow, actor, ref) for ref in case_refs]
        numbers = list(dict.fromkeys(row.number for row in rows))
        ids = list(dict.fromkeys(row.id for row in rows))
    # Evidence first, as for every report: a mismatch refuses before anything is built.
    included = _check_summary_evidence(database, actor, numbers, progress, include_void)
    report = build_case_summaries(database, actor, case_refs, include_void=include_void)
    report, checkpoint = checkpointed(database, report, ids)
    pdf = rendered(
        reports.render_case_summaries,
        report,
        progress=render_progress(progress, "Rendering the case summary…"),
    )
    numbers = [c.case_number for c in report.cases]
    case_id = None
    if len(numbers) == 1:
        with database.unit_of_work() as uow:
            case_id = load_case(uow, actor, numbers[0]).id
    name = f"{numbers[0]}-summary.pdf" if len(numbers) == 1 else "case-summary.pdf"
    return record(
        database, actor, kind="summary", case_id=case_id,
        case_number=numbers[0] if len(numbers) == 1 else None, scope=" ".join(numbers),
        pdf=pdf, suggested_name=name, included=included, deliver=deliver,
        checkpoint=checkpoint,
    )  # fmt: skip


def _check_summary_evidence(
    database: Database,
    actor: Actor,
    case_numbers: Sequence[str],
    progress: Progress,
    include_void: bool = False,
) -> tuple[IncludedEvidence, ...]:
    """Re-hash every evidence item of the cases, one at a time (the bytes are not kept)."""
    with database.unit_of_work() as uow:
        case_ids = [load_case(uow, actor, number).id for number in case_numbers]
    listed = [
        item
        for case_id in case_ids
        for item in evidence.list_evidence(database, actor, case_id, include_void=include_void)
    ]
    included = []
    for position, item in enumerate(listed, start=1):
        progress(position - 1, len(listed), f"Checking evidence {position} of {len(listed)}…")
        info, _data = evidence.read_for_inclusion(database, actor, item.id, purpose="report")
        included.append(IncludedEvidence(info, redacted=False))
    progress(len(listed), len(listed), "Evidence checked.")
    return tuple(included)
