"""Generate a letter of the disciplinary process: notice, decision (or referral), closure.

The letter is composed from the flow's read model (``discipline.flow_in``)
and checked first: a document for a step that is not on record is refused
(or, asked as a draft, watermarked DRAFT on every page with no signature or
appeal part), and so is one needing an agency setting that is not set.
Only then is the employee's evidence re-hashed and read; the PDF gets the
audit checkpoint on its last page and is recorded in ``generated_reports``
with its ``report.generate`` event and each item's custody event.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import reports
from app.db.base import utcnow
from app.domain.actor import Actor
from app.domain.permissions import Permission
from app.services import discipline
from app.services.database import Database
from app.services.discipline.values import pack_of
from app.services.letter_kinds import LetterKind
from app.services.reporting.common import (
    Deliver,
    GeneratedReportInfo,
    IncludedEvidence,
    Progress,
    agency_of,
    checkpointed,
    employee_of,
    load_case,
    no_progress,
    record,
    render_progress,
    rendered,
    role_text,
)
from app.services.reporting.disciplinary import pick_employee
from app.services.reporting.disciplinary_text import interviews_of
from app.services.reporting.evidence_reading import choose_for_employee, read_for_report
from app.services.reporting.letter_closure import build_closure
from app.services.reporting.letter_decision import build_decision
from app.services.reporting.letter_notice import build_notice
from app.services.reporting.letter_parts import LetterInput

_BUILDERS: dict[LetterKind, Callable[[LetterInput], reports.Letter]] = {
    LetterKind.NOTICE: build_notice,
    LetterKind.DECISION: build_decision,
    LetterKind.CLOSURE: build_closure,
}


@dataclasses.dataclass(frozen=True, slots=True)
class _Evidence:
    items: tuple[reports.EvidenceItem, ...] = ()
    verified_at: str = ""
    left_out: str = ""


def _compose(
    database: Database,
    actor: Actor,
    kind: LetterKind,
    case_ref: int | str,
    employee_id: int | None,
    draft: bool,
    evidence: _Evidence,
) -> tuple[reports.Letter, int, int]:
    """The letter (refused when its step or a setting is missing), the case and employee ids."""
    with database.unit_of_work() as uow:
        row = load_case(uow, actor, case_ref)
        who = pick_employee(row, [], employee_id)
        subject = next(e for e in row.subjects if e.id == who)
        flow = discipline.flow_in(uow, row, subject)
        interviews, _others = interviews_of(row, who)
        source = LetterInput(
            flow=flow,
            pack=pack_of(row.agency),
            case=row,
            agency=agency_of(row.agency),
            employee=employee_of(subject),
            prepared_by=f"{actor.full_name}, {role_text(actor)}",
            draft=draft,
            evidence=evidence.items,
            interviews=interviews,
            verified_at=evidence.verified_at,
            left_out=evidence.left_out,
        )
        return _BUILDERS[kind](source), row.id, who


def build_letter(
    database: Database,
    actor: Actor,
    kind: LetterKind,
    case_ref: int | str,
    *,
    employee_id: int | None = None,
    draft: bool = False,
    progress: Progress = no_progress,
) -> tuple[reports.Letter, tuple[IncludedEvidence, ...], int, int]:
    """The letter with its evidence re-hashed, what to record with it, the case and employee."""
    actor.require(Permission.REPORT_GENERATE)
    actor.require(Permission.DISCIPLINE_VIEW)
    # Refusals first, before any evidence is read for nothing.
    letter, case_id, who = _compose(
        database, actor, kind, case_ref, employee_id, draft, _Evidence()
    )
    if not any(s.evidence for s in letter.sections):
        return letter, (), case_id, who
    choice = choose_for_employee(database, actor, case_id, who)
    items, included = read_for_report(database, actor, case_id, progress, choice=choice)
    with database.unit_of_work() as uow:
        number = load_case(uow, actor, case_id).number
    read = _Evidence(items, f"{utcnow():%Y-%m-%d %H:%M} UTC", choice.left_out_text(number))
    letter, _case, _who = _compose(database, actor, kind, case_id, who, draft, read)
    return letter, included, case_id, who


def generate_letter(
    database: Database,
    actor: Actor,
    kind: LetterKind,
    case_ref: int | str,
    *,
    employee_id: int | None = None,
    draft: bool = False,
    progress: Progress = no_progress,
    deliver: Deliver | None = None,
) -> GeneratedReportInfo:
    """Build, render and record one letter; ``deliver`` writes it inside the recording."""
    letter, included, case_id, who = build_letter(
        database, actor, kind, case_ref, employee_id=employee_id, draft=draft, progress=progress
    )
    letter, checkpoint = checkpointed(database, letter, [case_id])
    pdf = rendered(
        reports.render_letter, letter, progress=render_progress(progress, "Rendering the letter…")
    )
    number = letter.facts[0][1]
    return record(
        database, actor, kind=kind.value, case_id=case_id, case_number=number,
        scope=f"{number} {letter.facts[3][1]}", pdf=pdf,
        suggested_name=f"{number}-{kind.value}{'-draft' if draft else ''}.pdf",
        included=included, deliver=deliver, checkpoint=checkpoint,
        details={"employee_id": who, "title": letter.title, "draft": draft},
    )  # fmt: skip
