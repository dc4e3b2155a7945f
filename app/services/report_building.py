"""Reports: fill the ``reports`` dataclasses from the database, render, record.

Before a disciplinary report is rendered every evidence item is read back
and its bytes re-hashed (a mismatch raises
:class:`~app.domain.errors.IntegrityFailure` naming the item, and nothing is
rendered). Each generated PDF is recorded (who, when, kind, case or scope,
SHA-256, size) with a ``report.generate`` audit event; in the same
transaction each item it holds gets its ``evidence.report`` custody event
naming the report, so a refused, failed or cancelled report leaves no event.
Writing the file is the caller's, inside that transaction if it asks
(``deliver``), so a file that cannot be written leaves no record either.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import zoneinfo
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

import reports
from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import (
    Agency,
    Allegation,
    AuditEvent,
    Case,
    DisciplineRecord,
    Employee,
    EvidenceItem,
    GeneratedReport,
    Note,
    Provision,
    User,
)
from app.domain.actor import Actor
from app.domain.authorizations.credentials import (
    AccountExclusion,
    CredentialOrigin,
    ReceiptChannel,
    RequestStatus,
)
from app.domain.authorizations.ma_dys import AuthorizationKind
from app.domain.cases import CaseNumber, CaseStatus, Finding, NoteKind
from app.domain.discipline import RESPONSE_HANDLING, DisciplineAction
from app.domain.errors import InvalidInput, NotFound, Refused
from app.domain.evidence import ObtainedHow
from app.domain.permissions import Permission
from app.resources import report_fonts_path
from app.services import audit, authorizations, credential_requests, discipline, evidence
from app.services.authorization_evidence import CONFIDENTIAL_LABEL, evidence_visible
from app.services.database import Database
from app.services.employees import find_agency
from app.services.evidence_redaction import boxes_of, render_redacted
from app.services.integrity.checkpoints import CheckpointOutcome, make_checkpoint
from app.services.retry import retried

#: ``progress(done, total, text)``: the GUI's task control, or nothing.
Progress = Callable[[int, int, str], None]
#: ``deliver(pdf)``: writes the report where it goes, before it is recorded.
Deliver = Callable[[bytes], None]
_R = TypeVar("_R", reports.DisciplinaryReport, reports.CaseSummaryReport,
             reports.AuthorizationLogReport)  # fmt: skip

FINDING_LABELS = {
    Finding.PENDING: "Pending",
    Finding.SUBSTANTIATED: "Substantiated",
    Finding.NOT_SUBSTANTIATED: "Not substantiated",
    Finding.UNFOUNDED: "Unfounded",
    Finding.EXONERATED: "Exonerated",
}
OBTAINED_LABELS = {
    ObtainedHow.PUBLIC: "Publicly available",
    ObtainedHow.SUPERVISION_AUTHORIZATION: "Under a supervision authorization",
    ObtainedHow.INVESTIGATION_AUTHORIZATION: "Under an investigation authorization",
    ObtainedHow.CREDENTIAL_REQUEST: "Through a credential request",
    ObtainedHow.REPORTER_SUPPLIED: "Supplied by the reporter",
    ObtainedHow.CONFIDENTIAL: CONFIDENTIAL_LABEL,
}
STATUS_LABELS = {
    CaseStatus.INTAKE: "Intake",
    CaseStatus.INVESTIGATING: "Under investigation",
    CaseStatus.FINDINGS: "Findings",
    CaseStatus.DISCIPLINE_REVIEW: "Discipline review",
    CaseStatus.CLOSED: "Closed",
    CaseStatus.REOPENED: "Reopened",
}
#: The action as the report names it (the renderer adds "without pay" and the days).
_REPORT_KIND = {
    DisciplineAction.COUNSELING: "Counseling",
    DisciplineAction.VERBAL_REPRIMAND: "Verbal reprimand",
    DisciplineAction.WRITTEN_REPRIMAND: "Written reprimand",
    DisciplineAction.SUSPENSION: "Suspension",
    DisciplineAction.DEMOTION: "Demotion",
    DisciplineAction.DISMISSAL: "Dismissal",
}
_INTERVIEW_KINDS = {NoteKind.INTERVIEW.value, NoteKind.WITNESS_STATEMENT.value}
NARRATIVE_SUMMARY_MAX = 1_500


@dataclass(frozen=True, slots=True)
class GeneratedReportInfo:
    """A rendered and recorded report: the PDF bytes and what was recorded about them."""

    id: int
    kind: str
    case_number: str | None
    scope: str
    sha256: str
    size: int
    generated_by: str
    generated_at: dt.datetime
    pdf: bytes
    suggested_name: str
    #: "Audit checkpoint: …" as printed on the last page ("" when none).
    checkpoint_line: str = ""
    #: Why the checkpoint is not signed, or was not written ("" when it was).
    checkpoint_warning: str = ""


# -- small helpers ------------------------------------------------------------------------


def _no_progress(done: int, total: int, text: str) -> None:
    return None


def _case(uow: UnitOfWork, case_ref: int | str) -> Case:
    if isinstance(case_ref, int):
        condition = Case.id == case_ref
    else:
        condition = Case.number == str(CaseNumber.parse(case_ref))
    row = uow.session.scalar(
        select(Case)
        .where(condition)
        .options(
            joinedload(Case.agency),
            joinedload(Case.investigator),
            selectinload(Case.subjects).joinedload(Employee.supervisor),
            selectinload(Case.allegations)
            .joinedload(Allegation.provision)
            .joinedload(Provision.policy),
            selectinload(Case.notes).joinedload(Note.author),
        )
    )
    if row is None:
        raise NotFound(f"There is no case {case_ref}; see 'casedesk case list'.")
    return row


def _agency(row: Agency) -> reports.Agency:
    return reports.Agency(name=row.name, code=row.code)


def _employee(row: Employee) -> reports.Employee:
    return reports.Employee(
        name=row.full_name,
        title=row.position,
        unit=row.division,
        employee_id=row.employee_number or "",
        supervisor=row.supervisor.full_name if row.supervisor else "",
    )


def _citation(allegation: Allegation) -> str:
    return f"{allegation.provision.policy.code} {allegation.provision.ref}"


def _user_names(uow: UnitOfWork, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = uow.session.execute(select(User.id, User.full_name).where(User.id.in_(ids)))
    return {user_id: name for user_id, name in rows}


def _zone(name: str) -> dt.tzinfo | None:
    """A zone from its IANA name ("America/Chicago") or its offset ("-06:00")."""
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        pass
    try:
        offset = dt.datetime.strptime(name, "%z").utcoffset()
    except ValueError:
        return None
    return dt.timezone(offset) if offset is not None else None


def capture_text(moment: dt.datetime | None, zone: str | None) -> str:
    """A capture time in the capturer's zone with UTC beside it, or "not recorded"."""
    if moment is None:
        return "not recorded"
    utc = moment.astimezone(dt.UTC)
    tz = _zone(zone) if zone else None
    if tz is None:
        return f"{utc:%Y-%m-%d %H:%M} UTC"
    local = utc.astimezone(tz)
    name = local.tzname() or zone or ""
    if name == "UTC":
        return f"{utc:%Y-%m-%d %H:%M} UTC"
    return f"{local:%Y-%m-%d %H:%M} {name} ({utc:%Y-%m-%d %H:%M} UTC)"


def _role_text(actor: Actor) -> str:
    roles = sorted(r.value for r in actor.roles)
    return ", ".join("HR" if r == "hr" else r.capitalize() for r in roles)


@dataclass(frozen=True, slots=True)
class IncludedEvidence:
    """An evidence item read into a report, whose custody event waits for the report."""

    info: evidence.EvidenceInfo
    redacted: bool


@retried
def _record(
    database: Database,
    actor: Actor,
    *,
    kind: str,
    case_id: int | None,
    case_number: str | None,
    scope: str,
    pdf: bytes,
    suggested_name: str,
    included: Sequence[IncludedEvidence] = (),
    deliver: Deliver | None = None,
    checkpoint: CheckpointOutcome | None = None,
) -> GeneratedReportInfo:
    digest = hashlib.sha256(pdf).hexdigest()
    with database.unit_of_work(write=True) as uow:
        # A summary's items belong to several cases: lock them all before the audit head.
        audit.lock_cases(uow, [case_id, *(item.info.case_id for item in included)])
        row = GeneratedReport(
            kind=kind, case_id=case_id, scope=scope, sha256=digest, size=len(pdf),
            generated_by_id=actor.user_id, generated_at=utcnow(),
        )  # fmt: skip
        uow.session.add(row)
        uow.session.flush()
        audit.record(
            uow, actor, "report.generate", entity_type="report", entity_id=row.id,
            case_id=case_id,
            details={"kind": kind, "scope": scope, "sha256": digest, "size": len(pdf)},
        )  # fmt: skip
        for item in included:
            evidence.record_read(
                uow, actor, "report", item.info,
                {"report_id": row.id, "report_kind": kind, "report_sha256": digest,
                 "redacted": item.redacted},
            )  # fmt: skip
        if deliver is not None:
            deliver(pdf)
        uow.commit()
        return GeneratedReportInfo(
            row.id, kind, case_number, scope, digest, len(pdf), actor.full_name,
            row.generated_at, pdf, suggested_name,
            checkpoint.line if checkpoint else "", checkpoint.warning if checkpoint else "",
        )  # fmt: skip


# -- the disciplinary report ---------------------------------------------------------------


def _pick_employee(row: Case, decisions: list[DisciplineRecord], employee_id: int | None) -> int:
    subjects = {e.id: e for e in row.subjects}
    if employee_id is not None:
        if employee_id not in subjects:
            raise InvalidInput(
                f"Employee {employee_id} is not a subject of {row.number}.", field="employee"
            )
        return employee_id
    if len(subjects) == 1:
        return next(iter(subjects))
    if len(decisions) == 1:
        return decisions[0].employee_id
    names = ", ".join(f"{e.full_name} ({e.id})" for e in subjects.values()) or "none"
    raise InvalidInput(
        f"{row.number} has {len(subjects)} subject employees ({names}); say which one the "
        "disciplinary report is for.",
        field="employee",
    )


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _investigation_summary(
    row: Case, evidence_count: int, interviews: int, transitions: list[tuple[dt.date, str]]
) -> str:
    facts = [
        f"Reported on {row.reported_on.isoformat()} "
        f"(channel: {row.intake_channel.replace('_', ' ')}).",
        f"Investigator: {row.investigator.full_name if row.investigator else 'not assigned'}.",
        f"Platforms: {', '.join(row.platforms) or 'not recorded'}; "
        f"duty status: {row.duty_status.replace('_', ' ')}; equipment: {row.equipment}; "
        f"account: {row.account_kind}; clients involved: "
        f"{'yes' if row.clients_involved else 'no'}.",
        f"{_count(evidence_count, 'evidence item was', 'evidence items were')} examined; "
        f"{_count(interviews, 'interview or statement was', 'interviews or statements were')} "
        "recorded.",
    ]
    if transitions:
        facts.append(
            "Steps: " + "; ".join(f"{when.isoformat()} {what}" for when, what in transitions) + "."
        )
    return "\n".join(facts)


def _transitions(uow: UnitOfWork, case_id: int) -> list[tuple[dt.date, str]]:
    rows = uow.session.execute(
        select(AuditEvent.occurred_at, AuditEvent.details)
        .where(AuditEvent.case_id == case_id, AuditEvent.action == "case.transition")
        .order_by(AuditEvent.seq)
    )
    steps = []
    for occurred, details in rows:
        target = CaseStatus(details.get("to", "intake"))
        steps.append((occurred.date(), f"moved to {STATUS_LABELS[target].lower()}"))
    return steps


def _evidence_item(
    info: evidence.EvidenceInfo, image: bytes, redacted: bool, position: int
) -> reports.EvidenceItem:
    obtained = OBTAINED_LABELS[info.obtained]
    if info.obtained_under:  # empty for users who may not see the record
        obtained = f"{obtained}: {info.obtained_under}"
    return reports.EvidenceItem(
        item_id=f"E-{position}",
        file_name=info.original_filename,
        image=image,
        redacted=redacted,
        media_type=info.media_type,
        width=info.width or 0,
        height=info.height or 0,
        size_bytes=info.size,
        sha256=info.sha256,
        captured_at=capture_text(info.captured_at, info.capture_tz),
        captured_by=info.captured_by or info.added_by,
        source_url=info.source_url or "",
        platform=info.platform,
        account=info.account_shown,
        obtained=obtained,
        description=info.description,
        rendering_sha256=hashlib.sha256(image).hexdigest() if redacted else "",
    )


def read_for_report(
    database: Database, actor: Actor, case_id: int, progress: Progress
) -> tuple[tuple[reports.EvidenceItem, ...], tuple[IncludedEvidence, ...]]:
    """Every evidence item of the case, re-hashed and read for the report, in order.

    Items with redaction boxes are read as their redacted rendering. The
    first mismatch raises :class:`IntegrityFailure` naming the item. No
    custody event is written: the second value lists what to record with the
    finished report.
    """
    items = evidence.list_evidence(database, actor, case_id)
    printed = []
    included = []
    for position, listed in enumerate(items, start=1):
        progress(position - 1, len(items), f"Checking evidence {position} of {len(items)}…")
        info, data = evidence.read_for_inclusion(database, actor, listed.id, purpose="report")
        with database.unit_of_work() as uow:
            boxes = boxes_of(uow, info.id)
        image = render_redacted(data, boxes) if boxes else data
        printed.append(_evidence_item(info, image, bool(boxes), position))
        included.append(IncludedEvidence(info, bool(boxes)))
    progress(len(items), len(items), "Evidence checked.")
    return tuple(printed), tuple(included)


def build_disciplinary(
    database: Database,
    actor: Actor,
    case_ref: int | str,
    *,
    employee_id: int | None = None,
    progress: Progress = _no_progress,
) -> reports.DisciplinaryReport:
    """The disciplinary report of a case for one employee, evidence re-hashed."""
    report, _included = _read_and_build_disciplinary(
        database, actor, case_ref, employee_id=employee_id, progress=progress
    )
    return report


def _read_and_build_disciplinary(
    database: Database,
    actor: Actor,
    case_ref: int | str,
    *,
    employee_id: int | None,
    progress: Progress,
) -> tuple[reports.DisciplinaryReport, tuple[IncludedEvidence, ...]]:
    """The report and the evidence read into it, whose custody events are still to write."""
    actor.require(Permission.REPORT_GENERATE)
    actor.require(Permission.DISCIPLINE_VIEW)
    with database.unit_of_work() as uow:
        row = _case(uow, case_ref)
        decisions = list(
            uow.session.scalars(select(DisciplineRecord).where(DisciplineRecord.case_id == row.id))
        )
        # Which employee is asked first, before any evidence is read for nothing.
        _pick_employee(row, decisions, employee_id)
        case_id = row.id
    evidence_items, included = read_for_report(database, actor, case_id, progress)
    report = _disciplinary(database, actor, case_id, employee_id, evidence_items)
    return report, included


def _disciplinary(
    database: Database,
    actor: Actor,
    case_id: int,
    employee_id: int | None,
    evidence_items: tuple[reports.EvidenceItem, ...],
) -> reports.DisciplinaryReport:
    verified_at = f"{utcnow():%Y-%m-%d %H:%M} UTC"
    with database.unit_of_work() as uow:
        row = _case(uow, case_id)
        decisions = list(
            uow.session.scalars(
                select(DisciplineRecord).where(
                    DisciplineRecord.case_id == row.id, DisciplineRecord.withdrawn_at.is_(None)
                )
            )
        )
        who = _pick_employee(row, decisions, employee_id)
        subject = next(e for e in row.subjects if e.id == who)
        decision = next((d for d in decisions if d.employee_id == who), None)
        settings = discipline.agency_settings_in(uow, row.agency)
        names = _user_names(uow, {a.finding_by_id for a in row.allegations if a.finding_by_id})
        theirs = [a for a in row.allegations if a.employee_id in (who, None)]
        allegations = tuple(
            reports.Allegation(
                number=number,
                provision_reference=_citation(a),
                provision_title=a.provision.title,
                provision_text=a.provision.text,
                policy_name=a.provision.policy.title,
                conduct=a.summary or row.title,
                conduct_from=row.conduct_from,
                conduct_to=row.conduct_to,
                finding=None
                if a.finding == Finding.PENDING.value
                else reports.Finding(
                    label=FINDING_LABELS[Finding(a.finding)],
                    reasoning=a.reasoning,
                    decided_on=a.finding_at.date() if a.finding_at else None,
                    decided_by=names.get(a.finding_by_id or 0, ""),
                ),
            )
            for number, a in enumerate(theirs, start=1)
        )
        # A note holds who entered it and when, not who was heard: the columns
        # say "recorded by" and "recorded on", and the text names the person.
        interviews = tuple(
            reports.Interview(
                kind=n.kind.replace("_", " ").capitalize(),
                recorded_by=n.author.full_name,
                recorded_on=n.created_at.date(),
                summary=n.body,
            )
            for n in row.notes
            if n.kind in _INTERVIEW_KINDS
        )
        prior = tuple(
            reports.PriorDiscipline(
                action=p.label,
                effective_date=p.effective_on,
                case_number=p.case_number,
                reason=", ".join(p.citations),
            )  # fmt: skip
            for p in discipline.prior_in(uow, who, row.id)
        )
        action = None
        notice = None
        if decision is not None:
            kind = DisciplineAction(decision.action)
            decided_by = _user_names(uow, {decision.decided_by_id}).get(decision.decided_by_id, "")
            override = ""
            if decision.cap_override_reason:
                override = (
                    f"{decision.cap_override_reason} (cap override recorded by {decided_by} "
                    f"on {decision.updated_at:%Y-%m-%d})"
                )
            grounds = [a for a in theirs if str(a.id) in decision.allegation_ids]
            numbers = {a.id: number for number, a in enumerate(theirs, start=1)}
            action = reports.DisciplinaryAction(
                kind=_REPORT_KIND[kind],
                status=_action_status(kind, CaseStatus(row.status)),
                effective_date=decision.effective_on,
                suspension_days=decision.suspension_days,
                steps_to_correct=decision.steps_to_correct,
                consequence_of_repeat=decision.repeat_consequence,
                cap_override=override,
                grounds=tuple(
                    f"Allegation {numbers[a.id]}: {_citation(a)} ({a.provision.title})"
                    for a in grounds
                ),
            )
            if kind.needs_pre_action_notice:
                notice = reports.PreActionNotice(
                    charges="; ".join(
                        f"Violation of {_citation(a)} ({a.provision.title})" for a in grounds
                    ),
                    evidence_explanation=_evidence_explanation(
                        len(evidence_items), len(interviews), verified_at
                    ),
                    response_deadline=decision.response_due,
                    how_to_respond=(
                        f"In writing to human resources of {row.agency.name} by "
                        f"{decision.response_due.isoformat()}, or in a meeting with the "
                        "appointing authority requested by that date."
                    ),
                    status_pending_decision=decision.status_pending,
                )
        rights = reports.EmployeeRights(
            response_days=settings.response_days,
            response_deadline=decision.response_due if decision else None,
            response_text=RESPONSE_HANDLING,
            appeal_text=decision.appeal_rights if decision else settings.appeal_rights,
        )
        hr_name = (
            _user_names(uow, {decision.decided_by_id}).get(decision.decided_by_id, "")
            if decision
            else actor.full_name
        )
        signatures = (
            reports.SignatureBlock(
                "Investigator", row.investigator.full_name if row.investigator else ""
            ),
            reports.SignatureBlock(
                "Supervisor", subject.supervisor.full_name if subject.supervisor else ""
            ),
            reports.SignatureBlock("HR / Appointing authority", hr_name),
            reports.SignatureBlock(
                "Employee acknowledgement of receipt",
                subject.full_name,
                subject.position,
                "My signature acknowledges that I received this report; it does not mean "
                "that I agree with it.",
            ),
        )
        subject_line = (
            f"Social-media policy violation: {action.kind.lower()}"
            if action
            else "Social-media policy investigation"
        )
        transitions = _transitions(uow, row.id)
        return reports.DisciplinaryReport(
            document=reports.DocumentInfo(
                title=f"Disciplinary report {row.number}",
                author=f"{actor.full_name} ({_role_text(actor)})",
                subject=subject_line,
                keywords=(row.number, *(_citation(a) for a in theirs)),
            ),
            agency=_agency(row.agency),
            case_number=row.number,
            report_date=dt.date.today(),
            prepared_by=f"{actor.full_name}, {_role_text(actor)}",
            employee=_employee(subject),
            allegations=allegations,
            conduct_statement=row.narrative or row.title,
            conduct_from=row.conduct_from,
            conduct_to=row.conduct_to,
            investigation_summary=_investigation_summary(
                row, len(evidence_items), len(interviews), transitions
            ),
            evidence=evidence_items,
            integrity_verified_at=verified_at,
            interviews=interviews,
            prior_discipline=prior,
            action=action,
            pre_action_notice=notice,
            rights=rights,
            signatures=signatures,
            no_action_text=""
            if decision
            else _no_action_text(CaseStatus(row.status), subject.full_name, theirs),
        )


def _action_status(kind: DisciplineAction, status: CaseStatus) -> str:
    """Taken, or only recommended: a decision is final once the case leaves discipline review.

    HR records and changes decisions only in discipline review, so once the
    case has moved on (closed, or reopened after closing) the action stands and
    has been carried out. Until then a suspension, demotion or dismissal waits
    for the employee's pre-action response and is a recommendation; counseling
    and reprimands are given with the report itself.
    """
    if kind.needs_pre_action_notice and status in _BEFORE_FINAL_DECISION:
        return reports.ACTION_RECOMMENDED
    return reports.ACTION_TAKEN


#: Statuses in which a discipline decision is not yet final.
_BEFORE_FINAL_DECISION = {
    CaseStatus.INTAKE,
    CaseStatus.INVESTIGATING,
    CaseStatus.FINDINGS,
    CaseStatus.DISCIPLINE_REVIEW,
}


def _no_action_text(status: CaseStatus, name: str, allegations: list[Allegation]) -> str:
    """What the action section says when HR has recorded no decision for the employee."""
    findings = [Finding(a.finding) for a in allegations]
    if findings and Finding.PENDING not in findings and Finding.SUBSTANTIATED not in findings:
        return f"No disciplinary action is taken: no allegation against {name} was substantiated."
    if status is CaseStatus.CLOSED:
        return f"The case was closed without a disciplinary action against {name}."
    if Finding.PENDING in findings or not findings:
        return "No disciplinary decision has been recorded yet: the findings are not complete."
    return "No disciplinary decision has been recorded yet."


def _evidence_explanation(items: int, interviews: int, verified_at: str) -> str:
    parts = []
    if items:
        parts.append(
            f"the {items} evidence item{'s' if items != 1 else ''} in the evidence index, "
            f"each verified against its SHA-256 on {verified_at}"
        )
    if interviews:
        parts.append(
            "the interview or witness statement listed"
            if interviews == 1
            else f"the {interviews} interviews and witness statements listed"
        )
    basis = " and on ".join(parts) if parts else "the investigator's findings"
    return f"The findings rest on {basis}; the reasoning of each finding is set out above."


def _render_progress(progress: Progress, text: str) -> reports.Progress:
    def forward(done: int, total: int) -> None:
        progress(done, total, text)

    return forward


def _use_shipped_fonts() -> None:
    """Point the report renderer at the fonts shipped in ``resources/fonts``."""
    try:
        folder = report_fonts_path()
    except FileNotFoundError as error:
        raise Refused(f"The report could not be produced: {error}") from None
    reports.use_font_folder(folder)


def _checkpointed(database: Database, report: _R) -> tuple[_R, CheckpointOutcome]:
    """``report`` with the audit checkpoint it is made at, to print on its last page.

    The checkpoint signs the chain as it stands before the report's own
    event; the next checkpoint covers that event.
    """
    outcome = make_checkpoint(database)
    line = outcome.checkpoint.line if outcome.checkpoint else ""
    return dataclasses.replace(report, audit_checkpoint=line), outcome


def _rendered(render: Callable[..., bytes], report: object, *, progress: reports.Progress) -> bytes:
    """Render with ``render`` and the shipped fonts; a missing font or unreadable
    image becomes a refusal."""
    _use_shipped_fonts()
    try:
        return render(report, progress=progress)
    except reports.ReportError as error:
        raise Refused(f"The report could not be produced: {error}") from None


def generate_disciplinary(
    database: Database,
    actor: Actor,
    case_ref: int | str,
    *,
    employee_id: int | None = None,
    progress: Progress = _no_progress,
    deliver: Deliver | None = None,
) -> GeneratedReportInfo:
    """Build, render and record the disciplinary report of a case.

    ``deliver`` (writing the file) runs in the recording transaction: if it
    fails, neither the report nor its evidence's custody events are recorded.
    """
    report, included = _read_and_build_disciplinary(
        database, actor, case_ref, employee_id=employee_id, progress=progress
    )
    report, checkpoint = _checkpointed(database, report)
    pdf = _rendered(
        reports.render_disciplinary,
        report,
        progress=_render_progress(progress, "Rendering the report…"),
    )
    with database.unit_of_work() as uow:
        case_id = _case(uow, report.case_number).id
    return _record(
        database, actor, kind="disciplinary", case_id=case_id, case_number=report.case_number,
        scope=f"{report.case_number} {report.employee.name}", pdf=pdf,
        suggested_name=f"{report.case_number}-disciplinary.pdf", included=included,
        deliver=deliver, checkpoint=checkpoint,
    )  # fmt: skip


# -- case summaries ------------------------------------------------------------------------


def build_case_summaries(
    database: Database, actor: Actor, case_refs: Sequence[int | str]
) -> reports.CaseSummaryReport:
    """One page per case, in the order given; a case named twice gets one page, the first."""
    actor.require(Permission.REPORT_GENERATE)
    if not case_refs:
        raise InvalidInput("Name at least one case for the case summary.")
    summaries = []
    seen: set[int] = set()
    with database.unit_of_work() as uow:
        for ref in case_refs:
            row = _case(uow, ref)
            if row.id in seen:
                continue
            seen.add(row.id)
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
            narrative = row.narrative
            if len(narrative) > NARRATIVE_SUMMARY_MAX:
                narrative = narrative[: NARRATIVE_SUMMARY_MAX - 1].rstrip() + "…"
            summaries.append(
                reports.CaseSummary(
                    case_number=row.number,
                    title=row.title,
                    agency=_agency(row.agency),
                    status=STATUS_LABELS[status],
                    employees=tuple(_employee(e) for e in row.subjects),
                    reported_on=row.reported_on,
                    conduct_from=row.conduct_from,
                    conduct_to=row.conduct_to,
                    closed_on=closed_on.date() if closed_on else None,
                    investigator=row.investigator.full_name if row.investigator else "",
                    allegations=tuple(
                        reports.SummaryAllegation(
                            _citation(a), a.provision.title, FINDING_LABELS[Finding(a.finding)]
                        )
                        for a in row.allegations
                    ),
                    action="; ".join(
                        f"{d.employee.full_name}: {_action_label(d)}, effective "
                        f"{d.effective_on.isoformat()}"
                        for d in decisions
                    ),
                    evidence_count=count,
                    narrative=narrative,
                )
            )
    numbers = [s.case_number for s in summaries]
    return reports.CaseSummaryReport(
        document=reports.DocumentInfo(
            title="Case summary "
            + (numbers[0] if len(numbers) == 1 else f"({len(numbers)} cases)"),
            author=f"{actor.full_name} ({_role_text(actor)})",
            subject="Social-media policy investigations: case summaries",
            keywords=tuple(numbers),
        ),
        report_date=dt.date.today(),
        prepared_by=f"{actor.full_name}, {_role_text(actor)}",
        cases=tuple(summaries),
    )


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
    progress: Progress = _no_progress,
    deliver: Deliver | None = None,
) -> GeneratedReportInfo:
    """Build, render and record a case summary of the cases named (``deliver`` as above).

    Every evidence item the summary counts is re-hashed first, as for the
    disciplinary report: a mismatch refuses the summary naming the item, and
    each item's ``evidence.report`` custody event names the recorded summary.
    """
    report = build_case_summaries(database, actor, case_refs)
    included = _check_summary_evidence(
        database, actor, [c.case_number for c in report.cases], progress
    )
    report, checkpoint = _checkpointed(database, report)
    pdf = _rendered(
        reports.render_case_summaries,
        report,
        progress=_render_progress(progress, "Rendering the case summary…"),
    )
    numbers = [c.case_number for c in report.cases]
    case_id = None
    if len(numbers) == 1:
        with database.unit_of_work() as uow:
            case_id = _case(uow, numbers[0]).id
    name = f"{numbers[0]}-summary.pdf" if len(numbers) == 1 else "case-summary.pdf"
    return _record(
        database, actor, kind="summary", case_id=case_id,
        case_number=numbers[0] if len(numbers) == 1 else None, scope=" ".join(numbers),
        pdf=pdf, suggested_name=name, included=included, deliver=deliver,
        checkpoint=checkpoint,
    )  # fmt: skip


def _check_summary_evidence(
    database: Database, actor: Actor, case_numbers: Sequence[str], progress: Progress
) -> tuple[IncludedEvidence, ...]:
    """Re-hash every evidence item of the cases, one at a time (the bytes are not kept)."""
    with database.unit_of_work() as uow:
        case_ids = [_case(uow, number).id for number in case_numbers]
    listed = [
        item for case_id in case_ids for item in evidence.list_evidence(database, actor, case_id)
    ]
    included = []
    for position, item in enumerate(listed, start=1):
        progress(position - 1, len(listed), f"Checking evidence {position} of {len(listed)}…")
        info, _data = evidence.read_for_inclusion(database, actor, item.id, purpose="report")
        included.append(IncludedEvidence(info, redacted=False))
    progress(len(listed), len(listed), "Evidence checked.")
    return tuple(included)


def list_generated(
    database: Database, actor: Actor, case_id: int | None = None
) -> list[GeneratedReportInfo]:
    """Reports generated so far (of one case, or all), newest first, without their PDFs."""
    actor.require(Permission.REPORT_GENERATE)
    with database.unit_of_work() as uow:
        query = (
            select(GeneratedReport, Case.number, User.full_name)
            .outerjoin(Case, Case.id == GeneratedReport.case_id)
            .join(User, User.id == GeneratedReport.generated_by_id)
            .order_by(GeneratedReport.id.desc())
        )
        if case_id is not None:
            query = query.where(GeneratedReport.case_id == case_id)
        return [
            GeneratedReportInfo(
                r.id, r.kind, number, r.scope, r.sha256, r.size, name, r.generated_at, b"", ""
            )
            for r, number, name in uow.session.execute(query)
        ]


# -- the authorization log -----------------------------------------------------------------


def _overlaps(
    start: dt.date, end: dt.date | None, period_from: dt.date, period_to: dt.date
) -> bool:
    return start <= period_to and (end is None or end >= period_from)


def _authorization_status(info: authorizations.AuthorizationInfo, today: dt.date) -> str:
    if info.revoked_on is not None:
        return f"Revoked {info.revoked_on.isoformat()}"
    if info.active:
        return "Active"
    if info.starts_on > today:
        return "Not yet started"
    return "Ended"


def _authorization_entry(
    info: authorizations.AuthorizationInfo, today: dt.date
) -> reports.AuthorizationEntry:
    prefix = "SA" if info.kind is AuthorizationKind.SUPERVISION else "IA"
    concerns = info.youth_case or ""
    if info.case_number:
        concerns = f"{concerns} (case {info.case_number})" if concerns else info.case_number
    return reports.AuthorizationEntry(
        reference=f"{prefix}-{info.id:04d}",
        person=f"{info.employee_name} ({info.role.replace('_', ' ')})",
        granted_by=info.supervisor_name,
        account=info.account_name,
        platform=info.platform,
        concerns=concerns,
        starts_on=info.starts_on,
        ends_on=info.ends_on,
        status=_authorization_status(info, today),
        confidential=info.kind is AuthorizationKind.INVESTIGATION,
        last_review=info.reviews[-1].met_on if info.reviews else None,
        review_overdue=info.review_overdue,
        status_note=f"Reason for the revocation: {info.revoked_reason}"
        if info.revoked_on is not None and info.revoked_reason
        else "",
    )


def _when(moment: dt.datetime | None) -> str:
    return f"{moment.astimezone(dt.UTC):%Y-%m-%d %H:%M} UTC" if moment else ""


def build_authorization_log(
    database: Database, actor: Actor, agency_code: str, period_from: dt.date, period_to: dt.date
) -> reports.AuthorizationLogReport:
    """The authorization log of an agency over a period (both days included).

    Investigation authorizations (B.3.a) and credential requests are
    confidential: they are included only for roles that may see them, and the
    report says when they were left out.
    """
    actor.require(Permission.REPORT_GENERATE)
    actor.require(Permission.AUTHORIZATION_VIEW)
    today = dt.date.today()
    # The same words as the GUI's period check, for the command line.
    if period_from > today:
        raise InvalidInput(
            f"The first day is after today ({today.isoformat()}); the log covers days up to today.",
            field="period",
        )
    if period_to > today:
        raise InvalidInput(
            f"The last day is after today ({today.isoformat()}); choose today or an earlier day.",
            field="period",
        )
    if period_to < period_from:
        raise InvalidInput(
            f"The period ends ({period_to}) before it starts ({period_from}); swap the dates.",
            field="period",
        )
    with database.unit_of_work() as uow:
        agency = find_agency(uow, agency_code)
        agency_data = _agency(agency)
    listed = [
        a
        for a in authorizations.list_authorizations(database, actor)
        if a.agency_code == agency_data.code
        and _overlaps(a.starts_on, a.revoked_on or a.ends_on, period_from, period_to)
    ]
    listed.sort(key=lambda a: (a.starts_on, a.id))
    sees_investigations = actor.can(Permission.INVESTIGATION_AUTHORIZATION_VIEW)
    sees_credentials = actor.can(Permission.CREDENTIAL_REQUEST_VIEW)
    requests: list[reports.CredentialRequestEntry] = []
    receipts: list[reports.InadvertentReceiptEntry] = []
    if sees_credentials:
        found_requests: list[credential_requests.CredentialRequestInfo] = []
        found_receipts: list[credential_requests.CredentialRequestInfo] = []
        for r in credential_requests.list_requests(database, actor):
            if r.agency_code != agency_data.code:
                continue
            if r.origin is CredentialOrigin.INADVERTENT:
                received = r.received_on or r.requested_at.date()
                if period_from <= received <= period_to:
                    found_receipts.append(r)
                continue
            last = (r.ended_at or utcnow()).date()
            if _overlaps(r.requested_at.date(), last, period_from, period_to):
                found_requests.append(r)
        with database.unit_of_work() as uow:
            names = _names_of_users(uow, [*found_requests, *found_receipts])
        requests = [_request(r, names) for r in found_requests]
        receipts = [_receipt(r, names) for r in found_receipts]
    requests.sort(key=lambda e: (e.requested_at, e.reference))
    receipts.sort(key=lambda e: (e.received_at, e.reference))
    period = f"{period_from.isoformat()} to {period_to.isoformat()}"
    return reports.AuthorizationLogReport(
        document=reports.DocumentInfo(
            title=f"Authorization log {agency_data.code} {period}",
            author=f"{actor.full_name} ({_role_text(actor)})",
            subject="Social-media authorizations and credential requests",
            keywords=(agency_data.code, "MA DYS 01.05.22 B.2", "B.3", "AR-DHS II(G)"),
        ),
        agency=agency_data,
        period_from=period_from,
        period_to=period_to,
        report_date=today,
        prepared_by=f"{actor.full_name}, {_role_text(actor)}",
        supervision=tuple(
            _authorization_entry(a, today)
            for a in listed
            if a.kind is AuthorizationKind.SUPERVISION
        ),
        investigation=tuple(
            _authorization_entry(a, today)
            for a in listed
            if a.kind is AuthorizationKind.INVESTIGATION
        ),
        credential_requests=tuple(requests),
        inadvertent_receipts=tuple(receipts),
        investigations_included=sees_investigations,
        credentials_included=sees_credentials,
    )


#: Why an account is not a personal account (AR-DHS I(A)-(D)), as the log says it.
_EXCLUSION_TEXT = {
    AccountExclusion.OPENED_AT_AGENCY_REQUEST: "opened by the employee at the agency's request",
    AccountExclusion.PROVIDED_BY_AGENCY: "provided to the employee by the agency",
    AccountExclusion.SET_UP_ON_AGENCY_BEHALF: "set up by the employee on the agency's behalf",
    AccountExclusion.IMPERSONATES_AGENCY: "set up by the employee to impersonate the agency",
}
_RECEIPT_CHANNELS = {
    ReceiptChannel.AGENCY_DEVICE: "An agency-provided device",
    ReceiptChannel.NETWORK_MONITORING: "Agency network monitoring",
}


def _names_of_users(
    uow: UnitOfWork, records: Sequence[credential_requests.CredentialRequestInfo]
) -> dict[str, str]:
    """Username -> full name of everyone the credential records name (the log prints names)."""
    usernames = {
        name
        for r in records
        for name in (r.requested_by, r.decided_by, r.provided_to, *(u.used_by for u in r.uses))
        if name
    }
    if not usernames:
        return {}
    rows = uow.session.execute(
        select(User.username, User.full_name).where(User.username.in_(usernames))
    )
    return {username: full_name for username, full_name in rows}


def _decision_label(r: credential_requests.CredentialRequestInfo) -> str:
    """The decision on the request; an ended request keeps the decision it had."""
    if r.status is RequestStatus.ENDED:
        return "Approved" if r.decided_at else "Not decided before the request ended"
    return r.status.label


def _request(
    r: credential_requests.CredentialRequestInfo, names: dict[str, str]
) -> reports.CredentialRequestEntry:
    def name(username: str | None) -> str:
        return names.get(username, username) if username else ""

    exclusion = ""
    if r.account_exclusion is not AccountExclusion.NONE:
        exclusion = (
            f"The account was {_EXCLUSION_TEXT[r.account_exclusion]}, so it is not a personal "
            f"social media account and no credential request applies "
            f"({'; '.join(r.exclusion_citations)})."
        )
    return reports.CredentialRequestEntry(
        reference=f"CR-{r.id:04d}",
        case_number=r.case_number or "",
        employee=r.employee_name,
        office=r.office_label if r.office else "",
        suspected_violation=r.violation_provision
        or (r.violation_kind.value.replace("_", " ") if r.violation_kind else ""),
        justification=r.justification,
        requested_by=name(r.requested_by),
        requested_at=_when(r.requested_at),
        decision=_decision_label(r),
        decided_by=name(r.decided_by),
        decided_at=_when(r.decided_at),
        decision_reason=r.decision_note,
        uses=tuple(
            reports.CredentialUse(_when(u.used_at), name(u.used_by), u.purpose) for u in r.uses
        ),
        ended_at=_when(r.ended_at),
        ended_reason=r.ended_reason,
        platform=r.platform,
        account=r.account_name,
        provided_by=r.provided_by or "",
        provided_to=name(r.provided_to),
        provided_at=_when(r.provided_at),
        exclusion=exclusion,
    )


def _receipt(
    r: credential_requests.CredentialRequestInfo, names: dict[str, str]
) -> reports.InadvertentReceiptEntry:
    return reports.InadvertentReceiptEntry(
        reference=f"IR-{r.id:04d}",
        received_at=r.received_on.isoformat() if r.received_on else _when(r.requested_at),
        employee=r.employee_name,
        how_received=_RECEIPT_CHANNELS[r.received_via] if r.received_via else "not recorded",
        recorded_by=names.get(r.requested_by, r.requested_by),
        note=r.description,
        platform=r.platform,
        account=r.account_name,
    )


def generate_authorization_log(
    database: Database,
    actor: Actor,
    agency_code: str,
    period_from: dt.date,
    period_to: dt.date,
    *,
    progress: Progress = _no_progress,
    deliver: Deliver | None = None,
) -> GeneratedReportInfo:
    """Build, render and record the authorization log of an agency for a period."""
    report = build_authorization_log(database, actor, agency_code, period_from, period_to)
    report, checkpoint = _checkpointed(database, report)
    pdf = _rendered(
        reports.render_authorization_log,
        report,
        progress=_render_progress(progress, "Rendering the authorization log…"),
    )
    scope = f"{report.agency.code} {period_from.isoformat()}..{period_to.isoformat()}"
    return _record(
        database, actor, kind="authorizations", case_id=None, case_number=None, scope=scope,
        pdf=pdf,
        suggested_name=f"{report.agency.code}-authorizations-{period_from}-{period_to}.pdf",
        deliver=deliver, checkpoint=checkpoint,
    )  # fmt: skip
