"""HR's decision for one employee of a case, and its withdrawal (audited)."""

from __future__ import annotations

from dataclasses import replace

from app.db.base import utcnow
from app.db.models import (
    DisciplineRecord,
)
from app.domain.actor import Actor
from app.domain.cases import CaseStatus
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
)
from app.domain.discipline.consistency import (
    CONSISTENCY_REASON_MAX,
    check_consistency,
    departure,
)
from app.domain.discipline.flow import NAME_MAX, REASONS_MAX
from app.domain.errors import InvalidInput, NotFound, Refused
from app.domain.permissions import Permission
from app.domain.validation import clean_text
from app.domain.zones import agency_today, local_day
from app.services import audit
from app.services.dashboard.facts import note_decisions
from app.services.database import Database
from app.services.discipline.consistency import comparables_in
from app.services.discipline.decision_law import apply_law
from app.services.discipline.queries import (
    cap_check_in,
    chosen_grounds,
    citation,
    decided_day,
    decision_info,
    decision_row,
    load_case,
    subject_of,
)
from app.services.discipline.records import (
    DECISION_STATUSES,
    DEFAULT_STATUS_PENDING,
    WITHDRAWAL_STATUSES,
    DisciplineInfo,
    DisciplineInput,
)
from app.services.discipline.settings import settings_of
from app.services.discipline.values import cap_settings
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
    step, aggravating, mitigating = (
        clean_text(value, label, max_length=REASONS_MAX, required=False, multiline=True)
        for value, label in ((decision.progressive_step, "Progressive-discipline step"),
                             (decision.aggravating_factors, "Aggravating factors"),
                             (decision.mitigating_factors, "Mitigating factors"))
    )  # fmt: skip
    consistency = clean_text(
        decision.consistency_reason, "Consistency reason", max_length=CONSISTENCY_REASON_MAX,
        required=False, multiline=True,
    )  # fmt: skip
    maker = clean_text(decision.decision_maker_name, "Decision maker", max_length=NAME_MAX,
                       required=False)  # fmt: skip
    title = clean_text(decision.decision_maker_title, "Decision maker's title",
                       max_length=NAME_MAX, required=False)  # fmt: skip
    days = decision.suspension_days
    terminal = decision.terminal_suspension
    if terminal and decision.action is not DisciplineAction.DISMISSAL:
        raise InvalidInput(
            f"A terminal suspension goes with a dismissal; this decision is a "
            f"{decision.action.label.lower()}.",
            field="terminal_suspension",
        )
    if decision.action is DisciplineAction.SUSPENSION or terminal:
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
    elif any((decision.suspension_first_day, decision.suspension_last_day,
              decision.return_to_work_on)):  # fmt: skip
        raise InvalidInput(
            f"Only a suspension has a first day, a last day and a return to work; a "
            f"{decision.action.label.lower()} does not.",
            field="suspension_first_day",
        )
    if decision.action.needs_pre_action_notice and not pending:
        pending = DEFAULT_STATUS_PENDING
    return replace(
        decision, steps_to_correct=steps, repeat_consequence=consequence,
        allegation_ids=tuple(dict.fromkeys(decision.allegation_ids)), status_pending=pending,
        cap_override_reason=override, decision_maker_name=maker, decision_maker_title=title,
        progressive_step=step, aggravating_factors=aggravating, mitigating_factors=mitigating,
        consistency_reason=consistency,
    )  # fmt: skip


@retried
def record_discipline(
    database: Database, actor: Actor, case_id: int | str, decision: DisciplineInput
) -> DisciplineInfo:
    """Record (or change) HR's decision for one employee of a case in discipline review.

    The employer's law is applied first (``decision_law.apply_law``): the
    pre-action notice and the response window, the effective date, the
    suspension's dates, the cap and its exceptions, the appeal the decision
    states and who decides.
    """
    actor.require(Permission.DISCIPLINE_RECORD)
    decision = _validated(decision)
    with database.unit_of_work(write=True) as uow:
        row = load_case(uow, actor, case_id, lock=True)
        status = CaseStatus(row.status)
        if status not in DECISION_STATUSES:
            raise Refused(
                f"Discipline is decided while a case is in discipline review; {row.number} is "
                f"in {status.label}."
            )
        employee = subject_of(row, decision.employee_id)
        chosen = chosen_grounds(uow, row, employee.id, decision.allegation_ids)
        settings = settings_of(uow, row.agency)
        law = apply_law(uow, row, employee, decision, chosen, settings)
        cap: CapCheck | None = None
        override = ""
        if decision.action is DisciplineAction.SUSPENSION and law.counts_against_cap:
            assert decision.suspension_days is not None
            cap = cap_check_in(uow, cap_settings(uow, row.agency), employee.id, row.id,
                               decision.effective_on, decision.suspension_days)  # fmt: skip
            check_cap(cap, decision.cap_override_reason)
            override = decision.cap_override_reason if cap.exceeded else ""
        # Last: the law's and the cap's refusals say more than a missing reason.
        comparables = comparables_in(
            uow, actor, row.agency_id, [a.provision_id for a in chosen], exclude_case_id=row.id,
            exclude_employee_id=employee.id,
        )  # fmt: skip
        check_consistency(decision.action, comparables, decision.consistency_reason)
        departs = departure(decision.action, comparables)
        today = agency_today(row.agency.jurisdiction)
        record = decision_row(uow, row.id, decision.employee_id)
        # A new decision (or one replacing a withdrawn one) is made today unless HR says
        # when; a decision changed without its day keeps the day it was made.
        made_now = record is None or record.withdrawn_at is not None or record.decided_on is None
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
        notice = law.notice
        record.action = decision.action.value
        record.suspension_days = decision.suspension_days
        record.effective_on = decision.effective_on
        # The day it was made, as HR says (checked by apply_law); else today where the agency is.
        if decision.decided_on is not None or made_now:
            record.decided_on = decision.decided_on or today
        record.steps_to_correct = decision.steps_to_correct
        record.repeat_consequence = decision.repeat_consequence
        record.appeal_rights = law.appeal_rights
        record.status_pending = notice.status_pending if notice else decision.status_pending
        record.allegation_ids = [str(a.id) for a in chosen]
        record.cap_override_reason = override
        record.notice_id = notice.id if notice else None
        dates = law.dates
        record.suspension_first_day = dates.first_day if dates else None
        record.suspension_last_day = dates.last_day if dates else None
        record.return_to_work_on = (
            dates.return_on if dates and not decision.terminal_suspension else None
        )
        record.terminal_suspension = decision.terminal_suspension
        record.progressive_step = decision.progressive_step
        record.aggravating_factors = decision.aggravating_factors
        record.mitigating_factors = decision.mitigating_factors
        record.decision_maker_name = law.decision_maker_name
        record.decision_maker_title = law.decision_maker_title
        record.consistency_reason = decision.consistency_reason if departs else ""
        record.updated_at = utcnow()
        row.updated_at = utcnow()
        row.updated_by_id = actor.user_id
        uow.session.flush()
        note_decisions(uow, row)
        details: dict[str, object] = {
            "employee_id": decision.employee_id,
            "action": decision.action.value,
            "suspension_days": decision.suspension_days,
            "effective_on": decision.effective_on.isoformat(),
            "decided_on": decided_day(record).isoformat(),
            "allegations": [citation(a) for a in chosen],
            "notice_id": record.notice_id,
        }
        if dates is not None:
            details["suspension"] = [dates.first_day.isoformat(), dates.last_day.isoformat()]
        if decision.terminal_suspension:
            details["terminal_suspension"] = True
        if departs is not None:
            details["consistency"] = {
                "departure": departs.value,
                "reason": decision.consistency_reason,
                "comparables": [c.case_number for c in comparables],
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
        row = load_case(uow, actor, case_ref, lock=True)
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
                f"{local_day(record.withdrawn_at, row.agency.jurisdiction)}."
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
        note_decisions(uow, row)
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
