"""The read model of one employee's discipline in one case, for documents and views.

:func:`discipline_flow` gathers the whole due-process flow (notice,
response, decision, withdrawal, appeal or referral), the employer's rules
that apply with their citations, and the agency's settings flagged as such.
The PDF builder calls :func:`flow_in` inside its own unit of work.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.db.engine import UnitOfWork
from app.db.models import Case, Employee
from app.domain.actor import Actor
from app.domain.cases import CaseStatus, Finding
from app.domain.discipline import (
    Cited,
    Deadline,
    DisciplineAction,
    DisciplinePack,
    LawSettingValues,
    Outcome,
    Regime,
    SettingMissing,
)
from app.domain.discipline.flow import Stage, StageFacts, appeal_terms, stage_of
from app.domain.permissions import Permission
from app.domain.zones import agency_today
from app.services.database import Database
from app.services.discipline.appeals import (
    appeal_deadline_of,
    appeal_info,
    appeal_row,
    referral_info,
    referral_row,
)
from app.services.discipline.flow_records import AppliedRule, DisciplineFlow
from app.services.discipline.notices import notice_info, notice_rows, response_info, response_row
from app.services.discipline.queries import (
    allegations_of,
    citation,
    decision_info,
    decision_row,
    load_case,
    prior_of,
    regime_of,
    subject_of,
)
from app.services.discipline.records import GroundInfo
from app.services.discipline.values import law_values, listed, pack_of, values_of
from app.services.employees import employee_info


def discipline_flow(
    database: Database, actor: Actor, case_ref: int | str, employee_id: int
) -> DisciplineFlow:
    """The whole flow of one subject employee of a case, with the law and settings."""
    actor.require(Permission.DISCIPLINE_VIEW)
    with database.unit_of_work() as uow:
        row = load_case(uow, actor, case_ref)
        return flow_in(uow, row, subject_of(row, employee_id))


def flows(database: Database, actor: Actor, case_ref: int | str) -> tuple[DisciplineFlow, ...]:
    """The flow of every subject employee of a case."""
    actor.require(Permission.DISCIPLINE_VIEW)
    with database.unit_of_work() as uow:
        row = load_case(uow, actor, case_ref)
        return tuple(flow_in(uow, row, e) for e in row.subjects)


def _value(cited: Cited[Any], values: LawSettingValues, agency: str, unit: str = "") -> str:
    """A cited value as a document prints it: the value, or what the agency has not set."""
    if cited.setting is None:
        return f"{cited.value}{unit}"
    if cited.setting.key in values:
        return f"{cited.resolve(values, agency)}{unit} (from the agency's settings)"
    return f"not set: {cited.setting.label.lower()} comes from the agency's settings"


def _rules(
    values: LawSettingValues,
    pack: DisciplinePack,
    regime: Regime | None,
    action: DisciplineAction | None,
    days: int,
) -> tuple[AppliedRule, ...]:
    agency = pack.agency_code
    standard = pack.standard_of_proof_for(regime)
    found: list[AppliedRule] = [
        AppliedRule("working days", f"Working days exclude weekends and {pack.calendar.source}.",
                    pack.calendar.source),
        AppliedRule("standard of proof", _value(standard, values, agency),
                    standard.citation, _keys(standard)),
        AppliedRule("response window",
                    _value(pack.response_days, values, agency, " working days"),
                    pack.response_days.citation, _keys(pack.response_days)),
    ]  # fmt: skip
    if pack.provider_referral is not None:
        found.append(
            AppliedRule(
                "provider referral",
                pack.provider_referral.text,
                pack.provider_referral.citation,
            )
        )
    for ref in pack.sanction_policies:
        found.append(
            AppliedRule(
                "sanction policy",
                f"{ref.subject}: {ref.points_to}. \u201c{ref.quote}\u201d",
                f"{pack.agency_code} {ref.provision}",
            )
        )
    if pack.cap is not None:
        cap = pack.cap
        text = (
            f"Suspension without pay: at most {_value(cap.days, values, agency, ' working days')}"
            f" in any {_value(cap.window_months, values, agency, ' months')}."
        )
        if cap.exceptions:
            text += " Exceptions: " + " ".join(cap.exceptions)
        found.append(
            AppliedRule("suspension cap", text, cap.citation, _keys(cap.days, cap.window_months))
        )
    if regime is not None and action is not None and regime in pack.regimes:
        if pack.outcome_for(regime) is Outcome.DISCIPLINE:
            pre = pack.pre_action_for(action, regime, days)
            noticed = set(pre.requirements) if pre is not None else set()
            for req in pre.requirements if pre is not None else ():
                found.append(AppliedRule("pre-action notice", req.text, req.citation))
            appeal = pack.appeal_for(action, regime, days)
            if appeal is not None:
                try:
                    text = appeal_terms(appeal, values, pack.agency_code).statement(action)
                except SettingMissing as missing:
                    text = str(missing)
                keys = _keys(appeal.body, appeal.days, appeal.day_kind, appeal.counted_from)
                found.append(AppliedRule("appeal", text, appeal.citation, keys))
            for req in pack.must_state(action, regime, days):
                if req not in noticed:
                    found.append(AppliedRule("decision must state", req.text, req.citation))
    for note in pack.notes:
        found.append(AppliedRule("note", note, ""))
    return tuple(dict.fromkeys(found))


def _keys(*cited: object) -> tuple[str, ...]:
    keys = []
    for c in cited:
        setting = getattr(c, "setting", None)
        if setting is not None:
            keys.append(setting.key)
    return tuple(keys)


def flow_in(uow: UnitOfWork, row: Case, employee: Employee) -> DisciplineFlow:
    """The flow of ``employee`` in case ``row``, read in the caller's unit of work."""
    pack = pack_of(row.agency)
    regime = regime_of(employee)
    if regime is not None and regime not in pack.regimes:
        regime_known: Regime | None = None
    else:
        regime_known = regime
    grounds = tuple(
        GroundInfo(a.id, citation(a), a.provision.title, Finding(a.finding), a.reasoning)
        for a in allegations_of(uow, row.id)
        if a.employee_id == employee.id
    )
    notices = [notice_info(uow, n) for n in notice_rows(uow, row.id, employee.id)]
    notice = notices[-1] if notices else None
    response_record = response_row(uow, notice.id) if notice else None
    response = response_info(uow, response_record) if response_record else None
    record = decision_row(uow, row.id, employee.id)
    decision = decision_info(uow, record) if record else None
    appeal = None
    statement = ""
    due: Deadline | None = None
    if record is not None:
        statement = record.appeal_rights
        try:
            due = appeal_deadline_of(uow, record)
        except SettingMissing:
            due = None
        appeal_record = appeal_row(uow, record.id)
        if appeal_record is not None:
            appeal = appeal_info(appeal_record, due)
    referral_record = referral_row(uow, row.id, employee.id)
    referral = referral_info(uow, referral_record) if referral_record else None
    outcome = pack.outcome_for(regime_known) if regime_known is not None else None
    # The action the law is applied to: the decision in force, else the notice's proposal.
    # A withdrawn decision counts for nothing (a later notice may propose more); only with
    # no notice at all is it what the rules describe (its own letter's requirements).
    live = decision if decision is not None and not decision.withdrawn else None
    if live is not None:
        action, days = live.action, live.suspension_days or 0
    elif notice is not None:
        action, days = notice.proposed_action, notice.proposed_days or 0
    elif decision is not None:
        action, days = decision.action, decision.suspension_days or 0
    else:
        action, days = None, 0
    notice_required = bool(
        regime_known is not None
        and action is not None
        and outcome is Outcome.DISCIPLINE
        and pack.pre_action_for(action, regime_known, days) is not None
    )
    today = agency_today(row.agency.jurisdiction)  # the day the windows are counted in
    stage = stage_of(
        StageFacts(
            substantiated=any(g.finding is Finding.SUBSTANTIATED for g in grounds),
            regime=regime_known,
            provider=outcome is Outcome.REFERRAL_TO_PROVIDER,
            notice_due=notice.response_due if notice else None,
            response_recorded=response is not None,
            decision_effective=decision.effective_on if decision else None,
            withdrawn=bool(decision and decision.withdrawn),
            appeal_filed=appeal is not None,
            appeal_outcome=appeal.outcome if appeal else None,
            referred=referral is not None,
        ),
        today,
    )
    values = law_values(values_of(uow, row.agency))
    rules = _rules(values, pack, regime_known, action, days)
    return DisciplineFlow(
        case_id=row.id,
        case_number=row.number,
        case_status=CaseStatus(row.status),
        case_title=row.title,
        reported_on=row.reported_on,
        conduct_from=row.conduct_from,
        conduct_to=row.conduct_to,
        agency_code=row.agency.code,
        agency_name=row.agency.name,
        employer=pack.employer,
        jurisdiction=pack.jurisdiction,
        calendar=pack.calendar.source,
        employee=employee_info(employee),
        regime=regime_known,
        outcome=outcome,
        stage=stage,
        next_step=_next_step(stage, row.number, notice.response_due if notice else None),
        grounds=grounds,
        notice=notice,
        earlier_notices=tuple(notices[:-1]),
        response=response,
        decision=decision,
        appeal=appeal,
        referral=referral,
        prior=prior_of(uow, employee.id, row.id),
        rules=rules,
        settings=listed(uow, row.agency),
        notice_required=notice_required,
        appeal_statement=statement,
        appeal_deadline=due.day if due else None,
        appeal_deadline_note=due.describe() if due else "",
    )


def _next_step(stage: Stage, number: str, due: dt.date | None) -> str:
    return {
        Stage.NO_GROUNDS: "Nothing: discipline rests only on substantiated allegations.",
        Stage.REGIME_UNKNOWN: "Record the employee's regime ('casedesk employee set-regime').",
        Stage.READY_FOR_NOTICE: (
            f"Give a pre-action notice ('casedesk discipline notice {number}') before a "
            "suspension, demotion or dismissal; a lesser action can be decided directly."
        ),
        Stage.AWAITING_RESPONSE: (
            f"Wait for the response (due {due}) and record it ('casedesk discipline response')."
        ),
        Stage.READY_FOR_DECISION: f"Decide ('casedesk discipline decide {number}').",
        Stage.DECIDED: "The decision takes effect on its effective date.",
        Stage.IN_FORCE: "The action is in force; record an appeal if the employee files one.",
        Stage.APPEALED: "Record the appeal's outcome when it is known.",
        Stage.APPEAL_DECIDED: "Nothing further.",
        Stage.OVERTURNED: "The action was overturned on appeal; it no longer counts.",
        Stage.WITHDRAWN: "A new decision may be recorded while the case is open.",
        Stage.REFERRED: "Nothing further: the provider decides any discipline.",
        Stage.READY_FOR_REFERRAL: (
            f"Refer the findings to the provider ('casedesk discipline refer {number}')."
        ),
    }[stage]
