"""Reading a case's discipline: grounds, decisions, prior discipline, the cap."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.orm import joinedload

from app.db.engine import UnitOfWork
from app.db.models import (
    Allegation,
    Case,
    DisciplineAppeal,
    DisciplineNotice,
    DisciplineRecord,
    Employee,
)
from app.domain.actor import Actor
from app.domain.cases import CaseNumber, CaseStatus, Finding
from app.domain.discipline import (
    CapCheck,
    DisciplineAction,
    DisciplineSettings,
    Regime,
    RestingDecision,
    Suspension,
    cap_check,
    check_grounds,
    months_after,
    months_before,
)
from app.domain.discipline.flow import AppealOutcome
from app.domain.errors import InvalidInput, NotFound
from app.domain.permissions import Permission
from app.domain.wording import counted
from app.domain.zones import local_day
from app.services import audit
from app.services.access import visible_cases
from app.services.database import Database
from app.services.discipline.records import (
    DECISION_STATUSES,
    WITHDRAWAL_STATUSES,
    CaseDiscipline,
    DisciplineInfo,
    EmployeeDiscipline,
    GroundInfo,
    PriorDisciplineInfo,
)
from app.services.discipline.settings import settings_of
from app.services.discipline.values import cap_settings
from app.services.employees import employee_info, visible_employee

# -- reading ------------------------------------------------------------------------------


def load_case(uow: UnitOfWork, actor: Actor, case_ref: int | str, *, lock: bool = False) -> Case:
    """The case, if in ``actor``'s scope (``access.visible_cases``); otherwise not found."""
    if isinstance(case_ref, int):
        query = select(Case).where(Case.id == case_ref)
    else:
        query = select(Case).where(Case.number == str(CaseNumber.parse(case_ref)))
    query = query.where(visible_cases(actor))
    query = query.options(
        joinedload(Case.agency),
        joinedload(Case.subjects).joinedload(Employee.agency),
        joinedload(Case.subjects).joinedload(Employee.supervisor),
    )
    if lock:
        query = query.with_for_update(of=Case, key_share=True)
    row = uow.session.scalars(query).unique().one_or_none()
    if row is None:
        raise NotFound(f"There is no case {case_ref}; see 'casedesk case list'.")
    if lock:
        audit.case_locked(uow, row.id)
    return row


def citation(allegation: Allegation) -> str:
    return f"{allegation.provision.policy.code} {allegation.provision.ref}"


def allegations_of(uow: UnitOfWork, case_id: int) -> list[Allegation]:
    return list(
        uow.session.scalars(
            select(Allegation)
            .where(Allegation.case_id == case_id)
            .options(joinedload(Allegation.provision))
            .order_by(Allegation.id)
        )
    )


def subject_of(row: Case, employee_id: int) -> Employee:
    """The subject employee ``employee_id`` of case ``row``, or invalid input."""
    found = next((e for e in row.subjects if e.id == employee_id), None)
    if found is None:
        raise InvalidInput(
            f"Employee {employee_id} is not a subject of {row.number}.", field="employee"
        )
    return found


def regime_of(employee: Employee) -> Regime | None:
    """The employee's recorded regime, or ``None``."""
    return Regime(employee.regime) if employee.regime else None


def chosen_grounds(
    uow: UnitOfWork, row: Case, employee_id: int, allegation_ids: tuple[int, ...]
) -> list[Allegation]:
    """The allegations a step rests on: those named, or every substantiated one (checked)."""
    allegations = {a.id: a for a in allegations_of(uow, row.id)}
    if allegation_ids:
        chosen = []
        for allegation_id in allegation_ids:
            allegation = allegations.get(allegation_id)
            if allegation is None or allegation.employee_id != employee_id:
                raise InvalidInput(
                    f"Allegation {allegation_id} is not an allegation against this "
                    f"employee in {row.number}.",
                    field="allegations",
                )
            chosen.append(allegation)
    else:
        chosen = [
            a
            for a in allegations.values()
            if a.employee_id == employee_id and a.finding == Finding.SUBSTANTIATED.value
        ]
    check_grounds([(citation(a), Finding(a.finding)) for a in chosen])
    return chosen


def citations_of(uow: UnitOfWork, ids: list[str]) -> tuple[str, ...]:
    if not ids:
        return ()
    rows = uow.session.scalars(
        select(Allegation)
        .where(Allegation.id.in_([int(i) for i in ids]))
        .options(joinedload(Allegation.provision))
        .order_by(Allegation.id)
    )
    return tuple(citation(a) for a in rows)


def decided_day(row: DisciplineRecord) -> dt.date:
    """The day the decision was made (revision 0021 set it on every earlier decision)."""
    return row.decided_on or local_day(row.decided_at, row.case.agency.jurisdiction)


def _notice_due(uow: UnitOfWork, notice_id: int | None) -> dt.date | None:
    """The last day the decision's pre-action notice gave to respond; None without one."""
    notice = uow.session.get(DisciplineNotice, notice_id) if notice_id is not None else None
    return notice.response_due if notice is not None else None


def decision_info(uow: UnitOfWork, row: DisciplineRecord) -> DisciplineInfo:
    return DisciplineInfo(
        id=row.id,
        case_id=row.case_id,
        case_number=row.case.number,
        employee=employee_info(row.employee),
        action=DisciplineAction(row.action),
        suspension_days=row.suspension_days,
        effective_on=row.effective_on,
        steps_to_correct=row.steps_to_correct,
        repeat_consequence=row.repeat_consequence,
        response_due=_notice_due(uow, row.notice_id),
        appeal_rights=row.appeal_rights,
        status_pending=row.status_pending,
        allegation_ids=tuple(int(i) for i in row.allegation_ids),
        citations=citations_of(uow, row.allegation_ids),
        cap_override_reason=row.cap_override_reason,
        decided_by=row.decided_by.full_name,
        decided_at=row.decided_at,
        decided_on=decided_day(row),
        withdrawn_at=row.withdrawn_at,
        withdrawn_by=row.withdrawn_by.full_name if row.withdrawn_by else "",
        withdrawal_reason=row.withdrawal_reason,
        notice_id=row.notice_id,
        suspension_first_day=row.suspension_first_day,
        suspension_last_day=row.suspension_last_day,
        return_to_work_on=row.return_to_work_on,
        terminal_suspension=row.terminal_suspension,
        progressive_step=row.progressive_step,
        aggravating_factors=row.aggravating_factors,
        mitigating_factors=row.mitigating_factors,
        decision_maker_name=row.decision_maker_name,
        decision_maker_title=row.decision_maker_title,
        consistency_reason=row.consistency_reason,
    )


def not_overturned() -> ColumnElement[bool]:
    """A decision no appeal overturned: still prior discipline, still counted in the cap."""
    return ~exists().where(
        DisciplineAppeal.decision_id == DisciplineRecord.id,
        DisciplineAppeal.outcome == AppealOutcome.OVERTURNED.value,
    )


def prior_of(uow: UnitOfWork, employee_id: int, case_id: int) -> tuple[PriorDisciplineInfo, ...]:
    rows = uow.session.scalars(
        select(DisciplineRecord)
        .where(
            DisciplineRecord.employee_id == employee_id,
            DisciplineRecord.case_id != case_id,
            DisciplineRecord.withdrawn_at.is_(None),
            not_overturned(),
        )
        .options(joinedload(DisciplineRecord.case))
        .order_by(DisciplineRecord.effective_on.desc(), DisciplineRecord.id.desc())
    )
    return tuple(
        PriorDisciplineInfo(
            r.case_id,
            r.case.number,
            DisciplineAction(r.action),
            r.suspension_days,
            r.effective_on,
            citations_of(uow, r.allegation_ids),
        )  # fmt: skip
        for r in rows
    )


def decision_row(uow: UnitOfWork, case_id: int, employee_id: int) -> DisciplineRecord | None:
    return uow.session.scalar(
        select(DisciplineRecord)
        .where(DisciplineRecord.case_id == case_id, DisciplineRecord.employee_id == employee_id)
        .options(
            joinedload(DisciplineRecord.case),
            joinedload(DisciplineRecord.decided_by),
            joinedload(DisciplineRecord.withdrawn_by),
            joinedload(DisciplineRecord.employee).joinedload(Employee.agency),
            joinedload(DisciplineRecord.employee).joinedload(Employee.supervisor),
        )
        # Re-read who decided or withdrew after a change in the same session.
        .execution_options(populate_existing=True)
    )


def case_discipline_in(uow: UnitOfWork, actor: Actor, row: Case) -> CaseDiscipline:
    allegations = allegations_of(uow, row.id)
    employees = []
    for subject in row.subjects:
        grounds = tuple(
            GroundInfo(a.id, citation(a), a.provision.title, Finding(a.finding), a.reasoning)
            for a in allegations
            if a.employee_id == subject.id
        )
        decision = decision_row(uow, row.id, subject.id)
        info = decision_info(uow, decision) if decision else None
        employees.append(
            EmployeeDiscipline(
                employee_info(subject),
                grounds,
                info if info and not info.withdrawn else None,
                prior_of(uow, subject.id, row.id),
                info if info and info.withdrawn else None,
            )
        )
    status = CaseStatus(row.status)
    may_record = actor.can(Permission.DISCIPLINE_RECORD)
    return CaseDiscipline(
        case_id=row.id,
        case_number=row.number,
        status=status,
        agency_code=row.agency.code,
        settings=settings_of(uow, row.agency),
        employees=tuple(employees),
        may_decide=status in DECISION_STATUSES and may_record,
        may_withdraw=status in WITHDRAWAL_STATUSES and may_record,
    )


def case_discipline(database: Database, actor: Actor, case_ref: int | str) -> CaseDiscipline:
    """The Discipline tab of a case: per subject, allegations, decision, prior discipline."""
    actor.require(Permission.DISCIPLINE_VIEW)
    with database.unit_of_work() as uow:
        return case_discipline_in(uow, actor, load_case(uow, actor, case_ref))


def prior_discipline(
    database: Database, actor: Actor, employee_id: int, *, excluding_case_id: int | None = None
) -> list[PriorDisciplineInfo]:
    """The employee's discipline, newest first, leaving out one case's own decision.

    The employee must be one ``actor`` may see (``access.employees_visible``),
    else not found as an unknown id. Their decisions in cases the actor may not
    see are still listed: they count as prior discipline all the same.
    """
    actor.require(Permission.DISCIPLINE_VIEW)
    with database.unit_of_work() as uow:
        employee = visible_employee(uow, actor, employee_id)
        return list(prior_of(uow, employee.id, excluding_case_id or 0))


def cap_check_in(
    uow: UnitOfWork,
    settings: DisciplineSettings,
    employee_id: int,
    case_id: int,
    effective_on: dt.date,
    days: int,
) -> CapCheck:
    months = settings.cap_window_months
    # Every window holding ``effective_on`` lies within ``months`` of it either side;
    # the domain decides exactly which suspensions fall in which window.
    rows = uow.session.execute(
        select(DisciplineRecord.effective_on, DisciplineRecord.suspension_days, Case.number)
        .join(Case, Case.id == DisciplineRecord.case_id)
        .where(
            DisciplineRecord.employee_id == employee_id,
            DisciplineRecord.case_id != case_id,
            DisciplineRecord.action == DisciplineAction.SUSPENSION.value,
            DisciplineRecord.withdrawn_at.is_(None),
            not_overturned(),
            DisciplineRecord.effective_on >= months_before(effective_on, months),
            DisciplineRecord.effective_on <= months_after(effective_on, months),
        )
    )
    others = [Suspension(on, days or 0, number) for on, days, number in rows]
    return cap_check(settings, effective_on, days, others)


def suspension_standing(
    database: Database,
    actor: Actor,
    case_id: int,
    employee_id: int,
    effective_on: dt.date,
    days: int,
) -> CapCheck:
    """How a suspension of ``days`` would stand against the cap (for the form, before saving).

    The case must be visible and the employee a subject of it (else the same
    refusal as for an unknown employee of the case).
    """
    actor.require(Permission.DISCIPLINE_VIEW)
    with database.unit_of_work() as uow:
        row = load_case(uow, actor, case_id)
        employee = subject_of(row, employee_id)
        return cap_check_in(uow, cap_settings(uow, row.agency), employee.id, row.id, effective_on,
                          days)  # fmt: skip


def decisions_resting_on(uow: UnitOfWork, allegation_id: int) -> list[RestingDecision]:
    """The decisions in force that rest on the allegation, read in the caller's unit of work."""
    allegation = uow.session.get(Allegation, allegation_id)
    if allegation is None:
        return []
    rows = uow.session.scalars(
        select(DisciplineRecord)
        .where(
            DisciplineRecord.case_id == allegation.case_id,
            DisciplineRecord.withdrawn_at.is_(None),
        )
        .options(joinedload(DisciplineRecord.case), joinedload(DisciplineRecord.employee))
        .order_by(DisciplineRecord.id)
    )
    return [
        RestingDecision(
            r.case.number,
            r.employee_id,
            r.employee.full_name,
            action_label(DisciplineAction(r.action), r.suspension_days),
            r.effective_on,
        )  # fmt: skip
        for r in rows
        if str(allegation_id) in r.allegation_ids
    ]


def action_label(action: DisciplineAction, days: int | None) -> str:
    if action is DisciplineAction.SUSPENSION and days:
        return f"{action.label} ({counted(days, 'working day')})"
    return action.label


def prior_in(uow: UnitOfWork, employee_id: int, case_id: int) -> tuple[PriorDisciplineInfo, ...]:
    """The employee's discipline outside ``case_id``, read in the caller's unit of work."""
    return prior_of(uow, employee_id, case_id)
