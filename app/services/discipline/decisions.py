"""HR's decision for one employee of a case, and its withdrawal (audited)."""

from __future__ import annotations

import datetime as dt

from app.db.base import utcnow
from app.db.models import (
    DisciplineRecord,
)
from app.domain.actor import Actor
from app.domain.cases import CaseStatus, Finding
from app.domain.discipline import (
    CONSEQUENCE_MAX,
    OVERRIDE_REASON_MAX,
    STATUS_PENDING_MAX,
    STEPS_MAX,
    SUSPENSION_DAYS_MAX,
    WITHDRAWAL_REASON_MAX,
    CapCheck,
    DisciplineAction,
    check_cap,
    check_grounds,
)
from app.domain.errors import InvalidInput, NotFound, Refused
from app.domain.permissions import Permission
from app.domain.validation import clean_text
from app.services import audit
from app.services.database import Database
from app.services.discipline.queries import (
    allegations_of,
    cap_check_in,
    citation,
    decision_info,
    decision_row,
    load_case,
)
from app.services.discipline.records import (
    DECISION_STATUSES,
    DEFAULT_STATUS_PENDING,
    WITHDRAWAL_STATUSES,
    DisciplineInfo,
    DisciplineInput,
)
from app.services.discipline.settings import settings_of
from app.services.retry import retried

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
        row = load_case(uow, case_id, lock=True)
        status = CaseStatus(row.status)
        if status not in DECISION_STATUSES:
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
        allegations = {a.id: a for a in allegations_of(uow, row.id)}
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
        check_grounds([(citation(a), Finding(a.finding)) for a in chosen])
        settings = settings_of(uow, row.agency)
        cap: CapCheck | None = None
        override = ""
        if decision.action is DisciplineAction.SUSPENSION:
            assert decision.suspension_days is not None
            cap = cap_check_in(uow, settings, decision.employee_id, row.id, decision.effective_on,
                             decision.suspension_days)  # fmt: skip
            check_cap(cap, decision.cap_override_reason)
            override = decision.cap_override_reason if cap.exceeded else ""
        today = dt.date.today()
        record = decision_row(uow, row.id, decision.employee_id)
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
            "allegations": [citation(a) for a in chosen],
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
        fresh = decision_row(uow, row.id, decision.employee_id)
        assert fresh is not None
        return decision_info(uow, fresh)


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
        row = load_case(uow, case_ref, lock=True)
        record = decision_row(uow, row.id, employee_id)
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
        if status not in WITHDRAWAL_STATUSES:
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
        fresh = decision_row(uow, row.id, employee_id)
        assert fresh is not None
        return decision_info(uow, fresh)
