"""Discipline: HR's decision for each disciplined employee of a case, and agency rules.

A decision rests on substantiated allegations only; the employee's earlier
discipline in other cases is shown beside it; a suspension that would take
the employee over the agency's cap (Missouri: 20 working days in 12 months,
RSMo 36.370) is refused unless overridden with a reason, and the override is
its own audit event.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import (
    Agency,
    AgencyDisciplineSettings,
    Allegation,
    Case,
    DisciplineRecord,
    Employee,
)
from app.domain.actor import Actor
from app.domain.cases import CaseNumber, CaseStatus, Finding
from app.domain.discipline import (
    CONSEQUENCE_MAX,
    OVERRIDE_REASON_MAX,
    STATUS_PENDING_MAX,
    STEPS_MAX,
    SUSPENSION_DAYS_MAX,
    WITHDRAWAL_REASON_MAX,
    CapCheck,
    DisciplineAction,
    DisciplineSettings,
    RestingDecision,
    Suspension,
    cap_check,
    check_cap,
    check_grounds,
    check_settings,
    default_settings,
    months_after,
    months_before,
)
from app.domain.errors import InvalidInput, NotFound, Refused
from app.domain.permissions import Permission
from app.domain.validation import clean_text
from app.domain.wording import counted
from app.services import audit
from app.services.database import Database
from app.services.employees import EmployeeInfo, employee_info, find_agency
from app.services.retry import retried

#: Statuses in which HR records or changes a decision.
_DECISION_STATUSES = {CaseStatus.DISCIPLINE_REVIEW}
#: Statuses in which HR may withdraw a decision: any but closed (reopen it first).
_WITHDRAWAL_STATUSES = set(CaseStatus) - {CaseStatus.CLOSED}
DEFAULT_STATUS_PENDING = "Remains in their current position and duties pending the decision."


@dataclass(frozen=True, slots=True)
class DisciplineInput:
    """A decision as HR enters it.

    ``allegation_ids`` empty means every substantiated allegation of the
    employee in the case; ``response_due`` empty means the agency's response
    days from today.
    """

    employee_id: int
    action: DisciplineAction
    effective_on: dt.date
    steps_to_correct: str
    repeat_consequence: str
    suspension_days: int | None = None
    allegation_ids: tuple[int, ...] = ()
    response_due: dt.date | None = None
    status_pending: str = ""
    cap_override_reason: str = ""


@dataclass(frozen=True, slots=True)
class DisciplineInfo:
    """A recorded decision."""

    id: int
    case_id: int
    case_number: str
    employee: EmployeeInfo
    action: DisciplineAction
    suspension_days: int | None
    effective_on: dt.date
    steps_to_correct: str
    repeat_consequence: str
    response_due: dt.date
    appeal_rights: str
    status_pending: str
    allegation_ids: tuple[int, ...]
    citations: tuple[str, ...]
    cap_override_reason: str
    decided_by: str
    decided_at: dt.datetime
    withdrawn_at: dt.datetime | None = None
    withdrawn_by: str = ""
    withdrawal_reason: str = ""

    @property
    def withdrawn(self) -> bool:
        """A withdrawn decision is kept on record but is no discipline any more."""
        return self.withdrawn_at is not None

    @property
    def label(self) -> str:
        """The action as printed: "Suspension without pay (5 working days)"."""
        if self.action is DisciplineAction.SUSPENSION and self.suspension_days:
            return f"{self.action.label} ({counted(self.suspension_days, 'working day')})"
        return self.action.label


@dataclass(frozen=True, slots=True)
class PriorDisciplineInfo:
    """An earlier action against the same employee, in another case."""

    case_id: int
    case_number: str
    action: DisciplineAction
    suspension_days: int | None
    effective_on: dt.date
    citations: tuple[str, ...]

    @property
    def label(self) -> str:
        if self.action is DisciplineAction.SUSPENSION and self.suspension_days:
            return f"{self.action.label} ({counted(self.suspension_days, 'working day')})"
        return self.action.label


@dataclass(frozen=True, slots=True)
class GroundInfo:
    """An allegation against the employee, with its finding: the decision's grounds."""

    id: int
    citation: str
    provision_title: str
    finding: Finding
    reasoning: str


@dataclass(frozen=True, slots=True)
class EmployeeDiscipline:
    """One subject employee: their allegations, the decision, their prior discipline.

    ``decision`` is the decision in force; ``withdrawn`` the one HR withdrew,
    when the employee has no decision in force.
    """

    employee: EmployeeInfo
    allegations: tuple[GroundInfo, ...]
    decision: DisciplineInfo | None
    prior: tuple[PriorDisciplineInfo, ...]
    withdrawn: DisciplineInfo | None = None

    @property
    def substantiated(self) -> bool:
        return any(a.finding is Finding.SUBSTANTIATED for a in self.allegations)


@dataclass(frozen=True, slots=True)
class CaseDiscipline:
    """Everything the Discipline tab shows for one case."""

    case_id: int
    case_number: str
    status: CaseStatus
    agency_code: str
    settings: DisciplineSettings
    employees: tuple[EmployeeDiscipline, ...]
    may_decide: bool  #: the case is in discipline review and the user is HR
    may_withdraw: bool = False  #: the case is open and the user is HR


# -- agency settings ----------------------------------------------------------------------


def _settings(uow: UnitOfWork, agency: Agency) -> DisciplineSettings:
    row = uow.session.get(AgencyDisciplineSettings, agency.id)
    if row is None:
        return default_settings(agency.jurisdiction)
    return DisciplineSettings(
        row.appeal_rights, row.response_days, row.suspension_cap_days, row.cap_window_months,
        row.cap_citation,
    )  # fmt: skip


def agency_settings(database: Database, actor: Actor, agency_code: str) -> DisciplineSettings:
    """The discipline rules of an agency (its jurisdiction's defaults until set)."""
    if not actor.can(Permission.DISCIPLINE_SETTINGS_MANAGE):
        actor.require(Permission.DISCIPLINE_VIEW)
    with database.unit_of_work() as uow:
        return _settings(uow, find_agency(uow, agency_code))


_UNCHANGED = object()


@retried
def set_agency_settings(
    database: Database,
    actor: Actor,
    agency_code: str,
    *,
    appeal_rights: str | None = None,
    response_days: int | None = None,
    suspension_cap_days: int | None | object = _UNCHANGED,
    cap_window_months: int | None = None,
    cap_citation: str | None = None,
) -> DisciplineSettings:
    """Change an agency's discipline rules (administrators); unnamed ones stay as they are.

    ``suspension_cap_days=None`` removes the cap.
    """
    actor.require(Permission.DISCIPLINE_SETTINGS_MANAGE)
    with database.unit_of_work(write=True) as uow:
        agency = find_agency(uow, agency_code)
        before = _settings(uow, agency)
        cap = before.suspension_cap_days
        if suspension_cap_days is not _UNCHANGED:
            assert suspension_cap_days is None or isinstance(suspension_cap_days, int)
            cap = suspension_cap_days
        after = check_settings(
            DisciplineSettings(
                before.appeal_rights if appeal_rights is None else appeal_rights,
                before.response_days if response_days is None else response_days,
                cap,
                before.cap_window_months if cap_window_months is None else cap_window_months,
                before.cap_citation if cap_citation is None else cap_citation,
            )
        )
        row = uow.session.get(AgencyDisciplineSettings, agency.id)
        if row is None:
            row = AgencyDisciplineSettings(agency_id=agency.id)
            uow.session.add(row)
        row.appeal_rights = after.appeal_rights
        row.response_days = after.response_days
        row.suspension_cap_days = after.suspension_cap_days
        row.cap_window_months = after.cap_window_months
        row.cap_citation = after.cap_citation
        row.updated_at = utcnow()
        row.updated_by_id = actor.user_id
        changes = {
            name: [getattr(before, name), getattr(after, name)]
            for name in ("response_days", "suspension_cap_days", "cap_window_months",
                         "cap_citation")
            if getattr(before, name) != getattr(after, name)
        }  # fmt: skip
        if before.appeal_rights != after.appeal_rights:
            changes["appeal_rights"] = ["changed", len(after.appeal_rights)]
        uow.session.flush()
        audit.record(
            uow, actor, "discipline.settings", entity_type="agency", entity_id=agency.code,
            details={"changes": changes},
        )  # fmt: skip
        uow.commit()
        return after


# -- reading ------------------------------------------------------------------------------


def _case(uow: UnitOfWork, case_ref: int | str, *, lock: bool = False) -> Case:
    if isinstance(case_ref, int):
        query = select(Case).where(Case.id == case_ref)
    else:
        query = select(Case).where(Case.number == str(CaseNumber.parse(case_ref)))
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


def _citation(allegation: Allegation) -> str:
    return f"{allegation.provision.policy.code} {allegation.provision.ref}"


def _allegations(uow: UnitOfWork, case_id: int) -> list[Allegation]:
    return list(
        uow.session.scalars(
            select(Allegation)
            .where(Allegation.case_id == case_id)
            .options(joinedload(Allegation.provision))
            .order_by(Allegation.id)
        )
    )


def _citations_of(uow: UnitOfWork, ids: list[str]) -> tuple[str, ...]:
    if not ids:
        return ()
    rows = uow.session.scalars(
        select(Allegation)
        .where(Allegation.id.in_([int(i) for i in ids]))
        .options(joinedload(Allegation.provision))
        .order_by(Allegation.id)
    )
    return tuple(_citation(a) for a in rows)


def _info(uow: UnitOfWork, row: DisciplineRecord) -> DisciplineInfo:
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
        response_due=row.response_due,
        appeal_rights=row.appeal_rights,
        status_pending=row.status_pending,
        allegation_ids=tuple(int(i) for i in row.allegation_ids),
        citations=_citations_of(uow, row.allegation_ids),
        cap_override_reason=row.cap_override_reason,
        decided_by=row.decided_by.full_name,
        decided_at=row.decided_at,
        withdrawn_at=row.withdrawn_at,
        withdrawn_by=row.withdrawn_by.full_name if row.withdrawn_by else "",
        withdrawal_reason=row.withdrawal_reason,
    )


def _prior(uow: UnitOfWork, employee_id: int, case_id: int) -> tuple[PriorDisciplineInfo, ...]:
    rows = uow.session.scalars(
        select(DisciplineRecord)
        .where(
            DisciplineRecord.employee_id == employee_id,
            DisciplineRecord.case_id != case_id,
            DisciplineRecord.withdrawn_at.is_(None),
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
            _citations_of(uow, r.allegation_ids),
        )  # fmt: skip
        for r in rows
    )


def _decision(uow: UnitOfWork, case_id: int, employee_id: int) -> DisciplineRecord | None:
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


def _case_discipline(uow: UnitOfWork, actor: Actor, row: Case) -> CaseDiscipline:
    allegations = _allegations(uow, row.id)
    employees = []
    for subject in row.subjects:
        grounds = tuple(
            GroundInfo(a.id, _citation(a), a.provision.title, Finding(a.finding), a.reasoning)
            for a in allegations
            if a.employee_id == subject.id
        )
        decision = _decision(uow, row.id, subject.id)
        info = _info(uow, decision) if decision else None
        employees.append(
            EmployeeDiscipline(
                employee_info(subject),
                grounds,
                info if info and not info.withdrawn else None,
                _prior(uow, subject.id, row.id),
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
        settings=_settings(uow, row.agency),
        employees=tuple(employees),
        may_decide=status in _DECISION_STATUSES and may_record,
        may_withdraw=status in _WITHDRAWAL_STATUSES and may_record,
    )


def case_discipline(database: Database, actor: Actor, case_ref: int | str) -> CaseDiscipline:
    """The Discipline tab of a case: per subject, allegations, decision, prior discipline."""
    actor.require(Permission.DISCIPLINE_VIEW)
    with database.unit_of_work() as uow:
        return _case_discipline(uow, actor, _case(uow, case_ref))


def prior_discipline(
    database: Database, actor: Actor, employee_id: int, *, excluding_case_id: int | None = None
) -> list[PriorDisciplineInfo]:
    """The employee's discipline, newest first, leaving out one case's own decision."""
    actor.require(Permission.DISCIPLINE_VIEW)
    with database.unit_of_work() as uow:
        return list(_prior(uow, employee_id, excluding_case_id or 0))


def _cap_check(
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
    """How a suspension of ``days`` would stand against the cap (for the form, before saving)."""
    actor.require(Permission.DISCIPLINE_VIEW)
    with database.unit_of_work() as uow:
        row = _case(uow, case_id)
        return _cap_check(uow, _settings(uow, row.agency), employee_id, row.id, effective_on,
                          days)  # fmt: skip


# -- recording ----------------------------------------------------------------------------


def _validated(decision: DisciplineInput) -> DisciplineInput:
    steps = clean_text(decision.steps_to_correct, "Steps to correct", max_length=STEPS_MAX,
                       multiline=True)  # fmt: skip
    consequence = clean_text(
        decision.repeat_consequence, "Consequence of a repeat", max_length=CONSEQUENCE_MAX,
        multiline=True,
    )  # fmt: skip
    pending = clean_text(
        decision.status_pending, "Status pending decision", max_length=STATUS_PENDING_MAX,
        required=False, multiline=True,
    )  # fmt: skip
    override = clean_text(
        decision.cap_override_reason, "Cap override reason", max_length=OVERRIDE_REASON_MAX,
        required=False, multiline=True,
    )  # fmt: skip
    days = decision.suspension_days
    if decision.action is DisciplineAction.SUSPENSION:
        if days is None:
            raise InvalidInput(
                "A suspension needs its length: give the number of working days.",
                field="suspension_days",
            )
        if not 1 <= days <= SUSPENSION_DAYS_MAX:
            raise InvalidInput(
                f"Suspension days must be between 1 and {SUSPENSION_DAYS_MAX}.",
                field="suspension_days",
            )
    elif days is not None:
        raise InvalidInput(
            f"Only a suspension has a number of days; a {decision.action.label.lower()} does not.",
            field="suspension_days",
        )
    if decision.action.needs_pre_action_notice and not pending:
        pending = DEFAULT_STATUS_PENDING
    return DisciplineInput(
        decision.employee_id, decision.action, decision.effective_on, steps, consequence,
        days, tuple(dict.fromkeys(decision.allegation_ids)), decision.response_due, pending,
        override,
    )  # fmt: skip


@retried
def record_discipline(
    database: Database, actor: Actor, case_id: int, decision: DisciplineInput
) -> DisciplineInfo:
    """Record (or change) HR's decision for one employee of a case in discipline review."""
    actor.require(Permission.DISCIPLINE_RECORD)
    decision = _validated(decision)
    with database.unit_of_work(write=True) as uow:
        row = _case(uow, case_id, lock=True)
        status = CaseStatus(row.status)
        if status not in _DECISION_STATUSES:
            raise Refused(
                f"Discipline is decided while a case is in discipline review; {row.number} is "
                f"in {status.label}."
            )
        subject_ids = {e.id for e in row.subjects}
        if decision.employee_id not in subject_ids:
            raise InvalidInput(
                f"Employee {decision.employee_id} is not a subject of {row.number}.",
                field="employee",
            )
        allegations = {a.id: a for a in _allegations(uow, row.id)}
        if decision.allegation_ids:
            chosen = []
            for allegation_id in decision.allegation_ids:
                allegation = allegations.get(allegation_id)
                if allegation is None or allegation.employee_id != decision.employee_id:
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
                if a.employee_id == decision.employee_id
                and a.finding == Finding.SUBSTANTIATED.value
            ]
        check_grounds([(_citation(a), Finding(a.finding)) for a in chosen])
        settings = _settings(uow, row.agency)
        cap: CapCheck | None = None
        override = ""
        if decision.action is DisciplineAction.SUSPENSION:
            assert decision.suspension_days is not None
            cap = _cap_check(uow, settings, decision.employee_id, row.id, decision.effective_on,
                             decision.suspension_days)  # fmt: skip
            check_cap(cap, decision.cap_override_reason)
            override = decision.cap_override_reason if cap.exceeded else ""
        today = dt.date.today()
        record = _decision(uow, row.id, decision.employee_id)
        before = None
        if record is None:
            record = DisciplineRecord(
                case_id=row.id, employee_id=decision.employee_id, decided_by_id=actor.user_id,
                decided_at=utcnow(),
            )  # fmt: skip
            uow.session.add(record)
        else:
            before = {"action": record.action, "suspension_days": record.suspension_days,
                      "effective_on": record.effective_on.isoformat()}  # fmt: skip
            if record.withdrawn_at is not None:
                # A new decision replaces the withdrawn one; the audit trail keeps both.
                before["withdrawn_at"] = record.withdrawn_at.isoformat()
                record.decided_at = utcnow()
                record.withdrawn_at = None
                record.withdrawn_by_id = None
                record.withdrawal_reason = ""
            record.decided_by_id = actor.user_id
        record.action = decision.action.value
        record.suspension_days = decision.suspension_days
        record.effective_on = decision.effective_on
        record.steps_to_correct = decision.steps_to_correct
        record.repeat_consequence = decision.repeat_consequence
        record.response_due = decision.response_due or today + dt.timedelta(
            days=settings.response_days
        )
        if decision.action.needs_pre_action_notice and record.response_due > decision.effective_on:
            # Loudermill: the employee answers the charges before the action takes effect.
            raise InvalidInput(
                f"A {decision.action.label.lower()} takes effect on {decision.effective_on}, "
                f"before the employee's response is due ({record.response_due}); the "
                "employee must be able to respond first. Set a later effective date or an "
                "earlier response deadline.",
                field="response_due",
            )
        record.appeal_rights = settings.appeal_rights
        record.status_pending = decision.status_pending
        record.allegation_ids = [str(a.id) for a in chosen]
        record.cap_override_reason = override
        record.updated_at = utcnow()
        row.updated_at = utcnow()
        row.updated_by_id = actor.user_id
        uow.session.flush()
        details: dict[str, object] = {
            "employee_id": decision.employee_id,
            "action": decision.action.value,
            "suspension_days": decision.suspension_days,
            "effective_on": decision.effective_on.isoformat(),
            "allegations": [_citation(a) for a in chosen],
        }
        if before is not None:
            details["before"] = before
        audit.record(
            uow, actor, "discipline.record", entity_type="discipline", entity_id=record.id,
            case_id=row.id, details=details,
        )  # fmt: skip
        if override and cap is not None:
            audit.record(
                uow, actor, "discipline.cap_override", entity_type="discipline",
                entity_id=record.id, case_id=row.id,
                details={"reason": override, "cap_days": cap.cap_days,
                         "window_months": cap.window_months,
                         "window": [cap.window_start.isoformat(), cap.window_end.isoformat()],
                         "other_days": cap.other_days, "requested_days": cap.requested_days,
                         "citation": cap.citation},
            )  # fmt: skip
        uow.commit()
        fresh = _decision(uow, row.id, decision.employee_id)
        assert fresh is not None
        return _info(uow, fresh)


@retried
def withdraw_discipline(
    database: Database, actor: Actor, case_ref: int | str, employee_id: int, reason: str
) -> DisciplineInfo:
    """Withdraw HR's decision for one employee of an open case, with the reason (audited).

    The decision stays on record, marked withdrawn; it no longer counts as
    prior discipline or toward the suspension cap, the disciplinary report no
    longer prints it, and the case cannot close out of discipline review
    until a new decision is recorded or the findings no longer call for one.
    """
    actor.require(Permission.DISCIPLINE_RECORD)
    reason = clean_text(reason, "Withdrawal reason", max_length=WITHDRAWAL_REASON_MAX,
                        multiline=True)  # fmt: skip
    with database.unit_of_work(write=True) as uow:
        row = _case(uow, case_ref, lock=True)
        record = _decision(uow, row.id, employee_id)
        if record is None:
            raise NotFound(
                f"No discipline decision is recorded for employee {employee_id} in {row.number}; "
                f"see 'casedesk discipline show {row.number}'."
            )
        name = record.employee.full_name
        if record.withdrawn_at is not None:
            by = record.withdrawn_by.full_name if record.withdrawn_by else "someone"
            raise Refused(
                f"The decision for {name} in {row.number} was already withdrawn by {by} on "
                f"{record.withdrawn_at:%Y-%m-%d}."
            )
        status = CaseStatus(row.status)
        if status not in _WITHDRAWAL_STATUSES:
            raise Refused(
                f"{row.number} is closed; reopen it with a reason before withdrawing the "
                f"decision for {name}."
            )
        record.withdrawn_at = utcnow()
        record.withdrawn_by_id = actor.user_id
        record.withdrawal_reason = reason
        record.updated_at = utcnow()
        row.updated_at = utcnow()
        row.updated_by_id = actor.user_id
        uow.session.flush()
        audit.record(
            uow, actor, "discipline.withdraw", entity_type="discipline", entity_id=record.id,
            case_id=row.id,
            details={"employee_id": employee_id, "action": record.action,
                     "suspension_days": record.suspension_days,
                     "effective_on": record.effective_on.isoformat(), "reason": reason},
        )  # fmt: skip
        uow.commit()
        fresh = _decision(uow, row.id, employee_id)
        assert fresh is not None
        return _info(uow, fresh)


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
            _action_label(DisciplineAction(r.action), r.suspension_days),
            r.effective_on,
        )  # fmt: skip
        for r in rows
        if str(allegation_id) in r.allegation_ids
    ]


def _action_label(action: DisciplineAction, days: int | None) -> str:
    if action is DisciplineAction.SUSPENSION and days:
        return f"{action.label} ({days} working days)"
    return action.label


# -- for the report builder, inside its unit of work ---------------------------------------


def agency_settings_in(uow: UnitOfWork, agency: Agency) -> DisciplineSettings:
    """The discipline rules of ``agency``, read in the caller's unit of work."""
    return _settings(uow, agency)


def prior_in(uow: UnitOfWork, employee_id: int, case_id: int) -> tuple[PriorDisciplineInfo, ...]:
    """The employee's discipline outside ``case_id``, read in the caller's unit of work."""
    return _prior(uow, employee_id, case_id)
