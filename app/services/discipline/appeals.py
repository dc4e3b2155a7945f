"""After the decision: the appeal and its outcome; for a provider's employee, the referral.

An appeal is recorded only where the employer's law gives the employee one
against the action (``DisciplinePack.appeal_for``); otherwise it is refused
saying why (e.g. a Missouri suspension of five working days or fewer carries
no appeal to the Administrative Hearing Commission, RSMo 36.390.2 and
621.075). A contracted provider's employee of MA DYS is not disciplined: the
outcome is a referral to the provider (MA DYS 01.05.22, Applicability).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import DisciplineAppeal, DisciplineRecord, DisciplineReferral
from app.domain.actor import Actor
from app.domain.discipline import (
    AppealRule,
    Deadline,
    DisciplineAction,
    Outcome,
    appeal_deadline,
)
from app.domain.discipline.flow import (
    NAME_MAX,
    PROVIDER_MAX,
    SUMMARY_MAX,
    AppealOutcome,
    AppealTerms,
    appeal_refusal,
    appeal_terms,
)
from app.domain.errors import InvalidInput, NotFound, Refused
from app.domain.permissions import Permission
from app.domain.validation import clean_text
from app.domain.zones import last_day_begun, local_day
from app.services import audit
from app.services.database import Database
from app.services.discipline.flow_records import AppealInfo, ReferralInfo, ReferralInput
from app.services.discipline.notices import open_for_discipline
from app.services.discipline.queries import (
    chosen_grounds,
    citation,
    citations_of,
    decided_day,
    decision_row,
    load_case,
    regime_of,
    subject_of,
)
from app.services.discipline.values import law_values, pack_of, values_of
from app.services.retry import retried


def appeal_rule_of(
    uow: UnitOfWork, record: DisciplineRecord
) -> tuple[AppealRule, AppealTerms] | None:
    """The appeal the decision carries under the employer's law, resolved, or ``None``."""
    agency = record.case.agency
    regime = regime_of(record.employee)
    if regime is None:
        return None
    pack = pack_of(agency)
    rule = pack.appeal_for(DisciplineAction(record.action), regime, record.suspension_days or 0)
    if rule is None:
        return None
    return rule, appeal_terms(rule, law_values(values_of(uow, agency)), agency.code)


def appeal_terms_of(uow: UnitOfWork, record: DisciplineRecord) -> AppealTerms | None:
    """The appeal the decision carries, its values resolved, or ``None``."""
    found = appeal_rule_of(uow, record)
    return found[1] if found else None


def appeal_deadline_of(uow: UnitOfWork, record: DisciplineRecord) -> Deadline | None:
    """The last day to appeal, where the law counts the days from the effective date.

    A deadline on a weekend or holiday is moved to the next working day, and
    its ``describe()`` says so.
    """
    found = appeal_rule_of(uow, record)
    if found is None or not found[1].counts_from_effective_date:
        return None
    agency = record.case.agency
    values = law_values(values_of(uow, agency))
    return appeal_deadline(pack_of(agency), found[0], record.effective_on, values)


def appeal_row(uow: UnitOfWork, decision_id: int) -> DisciplineAppeal | None:
    return uow.session.scalar(
        select(DisciplineAppeal)
        .where(DisciplineAppeal.decision_id == decision_id)
        .options(joinedload(DisciplineAppeal.recorded_by))
        .execution_options(populate_existing=True)
    )


def appeal_info(row: DisciplineAppeal, due: Deadline | None) -> AppealInfo:
    return AppealInfo(
        id=row.id,
        decision_id=row.decision_id,
        filed_on=row.filed_on,
        body=row.body,
        outcome=AppealOutcome(row.outcome) if row.outcome else None,
        outcome_on=row.outcome_on,
        outcome_note=row.outcome_note,
        recorded_by=row.recorded_by.full_name,
        deadline=due.day if due else None,
        deadline_note=due.describe() if due else "",
    )


def _decision_in_force(
    uow: UnitOfWork, actor: Actor, case_ref: int | str, employee_id: int
) -> DisciplineRecord:
    row = load_case(uow, actor, case_ref, lock=True)
    employee = subject_of(row, employee_id)
    record = decision_row(uow, row.id, employee.id)
    if record is None:
        raise NotFound(
            f"No discipline decision is recorded for {employee.full_name} in {row.number}; "
            "an appeal is of a decision."
        )
    if record.withdrawn_at is not None:
        raise Refused(
            f"The decision for {employee.full_name} in {row.number} was withdrawn on "
            f"{local_day(record.withdrawn_at, row.agency.jurisdiction)}; there is nothing in "
            "force to appeal."
        )
    return record


@retried
def record_appeal(
    database: Database, actor: Actor, case_ref: int | str, employee_id: int, filed_on: dt.date
) -> AppealInfo:
    """Record that the employee appealed the decision, to the body the law names."""
    actor.require(Permission.DISCIPLINE_RECORD)
    with database.unit_of_work(write=True) as uow:
        record = _decision_in_force(uow, actor, case_ref, employee_id)
        row = record.case
        if filed_on > last_day_begun(row.agency.jurisdiction):
            raise InvalidInput(f"The filing date {filed_on} is in the future.", field="filed_on")
        action = DisciplineAction(record.action)
        regime = regime_of(record.employee)
        pack = pack_of(row.agency)
        if regime is None:
            raise Refused(
                f"{record.employee.full_name}'s regime is not recorded; whether the decision "
                "can be appealed, and to whom, depends on it. Record it first."
            )
        terms = appeal_terms_of(uow, record)
        if terms is None:
            raise appeal_refusal(pack, action, regime, record.suspension_days or 0)
        if appeal_row(uow, record.id) is not None:
            raise Refused(
                f"An appeal of this decision is already recorded for {record.employee.full_name}."
            )
        decided_on = decided_day(record)  # the day it was made, as HR recorded it
        if filed_on < decided_on and filed_on < record.effective_on:
            raise InvalidInput(
                f"The filing date {filed_on} is before the decision was made and took effect.",
                field="filed_on",
            )
        appeal = DisciplineAppeal(
            decision_id=record.id, filed_on=filed_on, body=terms.body,
            recorded_by_id=actor.user_id, recorded_at=utcnow(), updated_at=utcnow(),
        )  # fmt: skip
        uow.session.add(appeal)
        row.updated_at = utcnow()
        row.updated_by_id = actor.user_id
        uow.session.flush()
        due = appeal_deadline_of(uow, record)
        audit.record(
            uow, actor, "discipline.appeal", entity_type="discipline_appeal",
            entity_id=appeal.id, case_id=row.id,
            details={"employee_id": record.employee_id, "decision_id": record.id,
                     "filed_on": filed_on.isoformat(), "body": terms.body,
                     "deadline": due.day.isoformat() if due else None,
                     "citation": terms.citation},
        )  # fmt: skip
        uow.commit()
        fresh = appeal_row(uow, record.id)
        assert fresh is not None
        return appeal_info(fresh, due)


@retried
def record_appeal_outcome(
    database: Database,
    actor: Actor,
    case_ref: int | str,
    employee_id: int,
    outcome: AppealOutcome,
    decided_on: dt.date,
    note: str = "",
) -> AppealInfo:
    """Record how the appeal ended (once). An overturned decision no longer counts."""
    actor.require(Permission.DISCIPLINE_RECORD)
    note = clean_text(note, "Outcome note", max_length=SUMMARY_MAX, required=False,
                      multiline=True)  # fmt: skip
    with database.unit_of_work(write=True) as uow:
        record = _decision_in_force(uow, actor, case_ref, employee_id)
        if decided_on > last_day_begun(record.case.agency.jurisdiction):
            raise InvalidInput(
                f"The outcome date {decided_on} is in the future.", field="decided_on"
            )
        appeal = appeal_row(uow, record.id)
        if appeal is None:
            raise NotFound(
                f"No appeal is recorded for {record.employee.full_name} in {record.case.number}; "
                "record the appeal first."
            )
        if appeal.outcome is not None:
            raise Refused(
                f"The appeal's outcome is already recorded ({appeal.outcome} on "
                f"{appeal.outcome_on})."
            )
        if decided_on < appeal.filed_on:
            raise InvalidInput(
                f"The outcome date {decided_on} is before the appeal was filed "
                f"({appeal.filed_on}).",
                field="decided_on",
            )
        appeal.outcome = outcome.value
        appeal.outcome_on = decided_on
        appeal.outcome_note = note
        appeal.updated_at = utcnow()
        record.case.updated_at = utcnow()
        record.case.updated_by_id = actor.user_id
        uow.session.flush()
        audit.record(
            uow, actor, "discipline.appeal_outcome", entity_type="discipline_appeal",
            entity_id=appeal.id, case_id=record.case_id,
            details={"employee_id": record.employee_id, "outcome": outcome.value,
                     "decided_on": decided_on.isoformat(), "note": note},
        )  # fmt: skip
        uow.commit()
        fresh = appeal_row(uow, record.id)
        assert fresh is not None
        return appeal_info(fresh, appeal_deadline_of(uow, record))


# -- referral to the provider ---------------------------------------------------------------


def referral_row(uow: UnitOfWork, case_id: int, employee_id: int) -> DisciplineReferral | None:
    return uow.session.scalar(
        select(DisciplineReferral)
        .where(DisciplineReferral.case_id == case_id, DisciplineReferral.employee_id == employee_id)
        .options(joinedload(DisciplineReferral.recorded_by))
    )


def referral_info(uow: UnitOfWork, row: DisciplineReferral) -> ReferralInfo:
    return ReferralInfo(
        id=row.id,
        case_id=row.case_id,
        employee_id=row.employee_id,
        provider=row.provider,
        referred_on=row.referred_on,
        sent_by=row.sent_by,
        allegation_ids=tuple(int(i) for i in row.allegation_ids),
        charges=citations_of(uow, row.allegation_ids),
        note=row.note,
        recorded_by=row.recorded_by.full_name,
        recorded_at=row.recorded_at,
    )


@retried
def refer_to_provider(
    database: Database, actor: Actor, case_ref: int | str, referral: ReferralInput
) -> ReferralInfo:
    """Refer substantiated findings against a provider's employee to the provider."""
    actor.require(Permission.DISCIPLINE_RECORD)
    provider = clean_text(referral.provider, "Provider", max_length=PROVIDER_MAX)
    sent_by = clean_text(referral.sent_by, "Sent by", max_length=NAME_MAX)
    note = clean_text(referral.note, "Note", max_length=SUMMARY_MAX, required=False,
                      multiline=True)  # fmt: skip
    with database.unit_of_work(write=True) as uow:
        row = load_case(uow, actor, case_ref, lock=True)
        if referral.referred_on > last_day_begun(row.agency.jurisdiction):
            raise InvalidInput(
                f"The referral date {referral.referred_on} is in the future.",
                field="referred_on",
            )
        open_for_discipline(row)
        employee = subject_of(row, referral.employee_id)
        pack = pack_of(row.agency)
        regime = regime_of(employee)
        if (
            regime is None
            or pack.provider_referral is None
            or pack.outcome_for(regime) is not Outcome.REFERRAL_TO_PROVIDER
        ):
            raise Refused(
                f"A referral to a provider is the outcome only for a contracted provider's "
                f"employee where the employer's law says so; {employee.full_name} is "
                f"{'of no recorded regime' if regime is None else regime.label.lower()} at "
                f"{pack.employer}. Decide the discipline instead.",
                citations=(pack.provider_referral.citation,) if pack.provider_referral else (),
            )
        if referral_row(uow, row.id, employee.id) is not None:
            raise Refused(f"{employee.full_name} has already been referred in {row.number}.")
        if referral.referred_on < row.reported_on:
            raise InvalidInput(
                f"The referral date {referral.referred_on} is before the case was reported "
                f"({row.reported_on}).",
                field="referred_on",
            )
        chosen = chosen_grounds(uow, row, employee.id, referral.allegation_ids)
        record = DisciplineReferral(
            case_id=row.id, employee_id=employee.id, provider=provider,
            referred_on=referral.referred_on, sent_by=sent_by,
            allegation_ids=[str(a.id) for a in chosen], note=note,
            recorded_by_id=actor.user_id, recorded_at=utcnow(),
        )  # fmt: skip
        uow.session.add(record)
        row.updated_at = utcnow()
        row.updated_by_id = actor.user_id
        uow.session.flush()
        audit.record(
            uow, actor, "discipline.referral", entity_type="discipline_referral",
            entity_id=record.id, case_id=row.id,
            details={"employee_id": employee.id, "provider": provider,
                     "referred_on": referral.referred_on.isoformat(),
                     "charges": [citation(a) for a in chosen],
                     "citation": pack.provider_referral.citation},
        )  # fmt: skip
        uow.commit()
        fresh = referral_row(uow, row.id, employee.id)
        assert fresh is not None
        return referral_info(uow, fresh)
