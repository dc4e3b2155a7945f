"""The text of the disciplinary report: the model filled from the case's rows.

:func:`report_text` makes the whole :class:`reports.DisciplinaryReport`
from the case as :func:`~app.services.reporting.common.load_case` loads it;
:mod:`app.services.reporting.disciplinary` reads the case and its evidence
and renders and records the report.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

import reports
from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import (
    Allegation,
    AuditEvent,
    Case,
    DisciplineRecord,
)
from app.domain.actor import Actor
from app.domain.cases import CaseStatus, Finding
from app.domain.discipline import DisciplineAction
from app.domain.zones import agency_today, local_day
from app.services import discipline
from app.services.catalog_text import policy_source, provision_quote
from app.services.discipline.values import pack_of
from app.services.reporting.common import (
    FINDING_LABELS,
    INTERVIEW_KINDS,
    REPORT_KIND,
    STATUS_LABELS,
    agency_of,
    citation,
    count_text,
    employee_of,
    role_text,
    user_names,
)
from app.services.reporting.disciplinary_rights import appeal, how_to_respond, plain, response_text
from app.services.reporting.letter_parts import LetterInput


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
        f"{count_text(evidence_count, 'evidence item was', 'evidence items were')} examined; "
        f"{count_text(interviews, 'interview or statement was', 'interviews or statements were')} "
        "recorded.",
    ]
    if transitions:
        facts.append(
            "Steps: " + "; ".join(f"{when.isoformat()} {what}" for when, what in transitions) + "."
        )
    return "\n".join(facts)


def _transitions(uow: UnitOfWork, case_id: int, jurisdiction: str) -> list[tuple[dt.date, str]]:
    rows = uow.session.execute(
        select(AuditEvent.occurred_at, AuditEvent.details)
        .where(AuditEvent.case_id == case_id, AuditEvent.action == "case.transition")
        .order_by(AuditEvent.seq)
    )
    steps = []
    for occurred, details in rows:
        target = CaseStatus(details.get("to", "intake"))
        steps.append(
            (local_day(occurred, jurisdiction), f"moved to {STATUS_LABELS[target].lower()}")
        )
    return steps


def interviews_of(row: Case, who: int) -> tuple[tuple[reports.Interview, ...], int]:
    """The case's interviews and statements for ``who`` as printed, and how many were
    left out.

    Notes name no employee in a field; in a case with several subjects a
    record whose text names another subject and not this one is theirs. A
    note holds who entered it and when, not who was heard: the columns say
    "recorded by" and "recorded on", and the text names the person.
    """
    records = [n for n in row.notes if n.kind in INTERVIEW_KINDS]
    kept = records
    if len(row.subjects) > 1:
        name = next(e.full_name for e in row.subjects if e.id == who).casefold()
        others = [e.full_name.casefold() for e in row.subjects if e.id != who]
        kept = [
            n
            for n in records
            if name in n.body.casefold() or not any(o in n.body.casefold() for o in others)
        ]
    printed = tuple(
        reports.Interview(
            kind=n.kind.replace("_", " ").capitalize(),
            recorded_by=n.author.full_name,
            recorded_on=local_day(n.created_at, row.agency.jurisdiction),
            summary=n.body,
        )
        for n in kept
    )
    return printed, len(records) - len(kept)


def report_text(
    uow: UnitOfWork,
    actor: Actor,
    row: Case,
    decisions: list[DisciplineRecord],
    who: int,
    evidence_items: tuple[reports.EvidenceItem, ...],
) -> reports.DisciplinaryReport:
    """The report of ``row`` (loaded by :func:`load_case`) for ``who``; ``decisions`` in force."""
    verified_at = f"{utcnow():%Y-%m-%d %H:%M} UTC"
    subject = next(e for e in row.subjects if e.id == who)
    decision = next((d for d in decisions if d.employee_id == who), None)
    names = user_names(uow, {a.finding_by_id for a in row.allegations if a.finding_by_id})
    theirs = [a for a in row.allegations if a.employee_id in (who, None)]
    case_wide = len(row.subjects) > 1
    allegations = tuple(
        reports.Allegation(
            number=number,
            provision_reference=citation(a),
            provision_title=a.provision.title,
            provision_text=provision_quote(a.provision),
            policy_name=policy_source(a.provision.policy),
            conduct=(a.summary or row.title)
            + (
                " (alleged against every subject of the case)"
                if case_wide and a.employee_id is None
                else ""
            ),
            conduct_from=row.conduct_from,
            conduct_to=row.conduct_to,
            finding=None
            if a.finding == Finding.PENDING.value
            else reports.Finding(
                label=FINDING_LABELS[Finding(a.finding)],
                reasoning=a.reasoning,
                decided_on=local_day(a.finding_at, row.agency.jurisdiction)
                if a.finding_at
                else None,
                decided_by=names.get(a.finding_by_id or 0, ""),
            ),
        )
        for number, a in enumerate(theirs, start=1)
    )
    interviews, other_notes = interviews_of(row, who)
    prior = tuple(
        reports.PriorDiscipline(
            action=p.label,
            effective_date=p.effective_on,
            case_number=p.case_number,
            reason=", ".join(p.citations),
        )  # fmt: skip
        for p in discipline.prior_in(uow, who, row.id)
    )
    flow = discipline.flow_in(uow, row, subject)
    contact = how_to_respond(flow)
    action = None
    notice = None
    if decision is not None:
        kind = DisciplineAction(decision.action)
        decided_by = user_names(uow, {decision.decided_by_id}).get(decision.decided_by_id, "")
        override = ""
        if decision.cap_override_reason:
            override = (
                f"{decision.cap_override_reason} (cap override recorded by {decided_by} "
                f"on {local_day(decision.updated_at, row.agency.jurisdiction)})"
            )
        grounds = [a for a in theirs if str(a.id) in decision.allegation_ids]
        numbers = {a.id: number for number, a in enumerate(theirs, start=1)}
        action = reports.DisciplinaryAction(
            kind=REPORT_KIND[kind],
            status=action_status(kind, CaseStatus(row.status)),
            effective_date=decision.effective_on,
            suspension_days=decision.suspension_days,
            steps_to_correct=decision.steps_to_correct,
            consequence_of_repeat=decision.repeat_consequence,
            cap_override=override,
            grounds=tuple(
                f"Allegation {numbers[a.id]}: {citation(a)} ({a.provision.title})" for a in grounds
            ),
        )
        given = flow.notice
        if given is not None:
            # The notice as it was given: its charges, its window, its status pending.
            noticed = [a for a in theirs if a.id in given.allegation_ids]
            notice = reports.PreActionNotice(
                charges="; ".join(
                    f"Violation of {citation(a)} ({a.provision.title})" for a in noticed
                )
                or "; ".join(given.charges),
                evidence_explanation=given.evidence_explanation
                or _evidence_explanation(len(evidence_items), len(interviews), verified_at),
                response_deadline=given.response_due,
                how_to_respond=contact,
                status_pending_decision=given.status_pending or decision.status_pending,
            )
    in_force = flow.decision if decision is not None and flow.decision is not None else None
    blocks = appeal(
        LetterInput(
            flow=flow, pack=pack_of(row.agency), case=row, agency=agency_of(row.agency),
            employee=employee_of(subject), prepared_by=actor.full_name, draft=False,
        ),
        in_force,
    )  # fmt: skip
    rights = reports.EmployeeRights(
        response_days=flow.notice.response_days if flow.notice else None,
        response_deadline=flow.notice.response_due if flow.notice else None,
        response_text=response_text(flow, in_force, contact),
        appeal_text=plain(blocks),
        appeal_blocks=blocks,
    )
    hr_name = (
        user_names(uow, {decision.decided_by_id}).get(decision.decided_by_id, "")
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
    transitions = _transitions(uow, row.id, row.agency.jurisdiction)
    return reports.DisciplinaryReport(
        document=reports.DocumentInfo(
            title=f"Disciplinary report {row.number}",
            author=f"{actor.full_name} ({role_text(actor)})",
            subject=subject_line,
            keywords=(row.number, *(citation(a) for a in theirs)),
        ),
        agency=agency_of(row.agency),
        case_number=row.number,
        report_date=agency_today(row.agency.jurisdiction),
        prepared_by=f"{actor.full_name}, {role_text(actor)}",
        employee=employee_of(subject),
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
        left_out=_left_out(len(row.allegations) - len(theirs), other_notes),
    )


def _left_out(allegations: int, interviews: int) -> str:
    """The allegations and interviews of another subject the document does not print."""
    parts = []
    if allegations:
        parts.append(count_text(allegations, "allegation", "allegations"))
    if interviews:
        parts.append(count_text(interviews, "interview or statement", "interviews or statements"))
    if not parts:
        return ""
    return (
        f"Also left out: {' and '.join(parts)} concerning another subject of the case; this "
        "document covers only the employee named above."
    )


def action_status(kind: DisciplineAction, status: CaseStatus) -> str:
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
