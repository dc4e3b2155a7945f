"""The employer's law applied to a decision before it is stored.

Gathers the facts (the employee's regime, the notice in effect and its
response, the agency's settings) and asks the pack (``app.domain.discipline``)
and the flow rules (``app.domain.discipline.flow``): no suspension, demotion
or dismissal of an employee owed a pre-action notice without the notice and
either a response or the window having passed; the effective date after the
response window and the facts; the suspension's dates in working days; the
cap, with the terminal-suspension exception; the appeal the decision states.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.db.engine import UnitOfWork
from app.db.models import Allegation, Case, DisciplineNotice, Employee
from app.domain.discipline import (
    LOUDERMILL,
    DisciplineAction,
    DisciplinePack,
    DisciplineSettings,
    PreActionRule,
    Regime,
    SuspensionDates,
    check_effective_date,
    check_suspension_dates,
    counts_against_cap,
)
from app.domain.discipline.flow import (
    APPOINTING_AUTHORITY_NAME,
    APPOINTING_AUTHORITY_TITLE,
    appeal_terms,
    check_follows_notice,
    no_appeal_statement,
)
from app.domain.errors import InvalidInput, Refused
from app.domain.zones import agency_today, last_day_begun
from app.services.discipline.notices import current_notice, response_row
from app.services.discipline.queries import citation, citations_of, regime_of
from app.services.discipline.records import DisciplineInput
from app.services.discipline.values import law_values, pack_of, values_of

#: How a value an agency typed is marked wherever it is stated (as the letters mark it).
FROM_AGENCY_SETTINGS = "(from the agency's settings)"


@dataclass(frozen=True, slots=True)
class DecisionLaw:
    """What the law makes of a decision: its notice, dates, appeal text, decision maker."""

    notice: DisciplineNotice | None
    dates: SuspensionDates | None
    #: Whether the suspension counts against the cap (a terminal one may not).
    counts_against_cap: bool
    appeal_rights: str
    decision_maker_name: str
    decision_maker_title: str


def _regime(pack: DisciplinePack, employee: Employee, action: DisciplineAction) -> Regime | None:
    regime = regime_of(employee)
    if regime is not None:
        pack.check_action(action, regime)  # a provider's employee is referred, not disciplined
        return regime
    how = f"'casedesk employee set-regime {employee.id} REGIME'"
    if pack.provider_referral is not None:
        raise Refused(
            f"{employee.full_name}'s regime is not recorded. At {pack.employer} a contracted "
            "provider's employee is referred to the provider, not disciplined, and the "
            f"regime says which applies: record it first ({how}).",
            citations=(pack.provider_referral.citation,),
        )
    if action.needs_pre_action_notice:
        raise Refused(
            f"{employee.full_name}'s regime is not recorded; whether a pre-action notice is "
            f"owed before a {action.label.lower()} depends on it. Record it first ({how}).",
            citations=(LOUDERMILL,),
        )
    return None


def _check_notice(
    uow: UnitOfWork,
    pack: DisciplinePack,
    row: Case,
    employee: Employee,
    regime: Regime | None,
    decision: DisciplineInput,
    chosen: list[Allegation],
) -> DisciplineNotice | None:
    rule = (
        pack.pre_action_for(decision.action, regime, decision.suspension_days or 0)
        if regime is not None
        else None
    )
    notice = current_notice(uow, row.id, employee.id)
    if rule is not None and notice is None:
        raise Refused(
            f"A {decision.action.label.lower()} of {employee.full_name} "
            f"({regime.label.lower() if regime else ''}) needs a pre-action notice and a "
            f"chance to respond before it is decided ({rule.citation}). Give the notice first "
            f"('casedesk discipline notice {row.number} ...').",
            citations=tuple(dict.fromkeys((rule.citation, LOUDERMILL))),
        )
    if notice is None:
        return None
    # The agency's day (app.domain.zones): the window closes at its midnight, not UTC's.
    today = agency_today(row.agency.jurisdiction)
    if response_row(uow, notice.id) is None and today <= notice.response_due:
        raise Refused(
            f"{employee.full_name} has until {notice.response_due} to respond to the notice "
            f"of {notice.issued_on}, and the response is considered before the decision. "
            "Record the response when it comes, or decide after the deadline.",
            citations=(rule.citation,) if rule else (LOUDERMILL,),
        )
    _check_made_after_response(uow, notice, employee, decision.decided_on or today, rule)
    noticed = citations_of(uow, notice.allegation_ids)
    check_follows_notice(
        action=decision.action,
        days=decision.suspension_days,
        proposed=DisciplineAction(notice.proposed_action),
        proposed_days=notice.proposed_days,
        charges=[citation(a) for a in chosen],
        noticed=noticed,
        citation=rule.citation if rule else LOUDERMILL,
    )
    return notice


def _check_made_after_response(
    uow: UnitOfWork,
    notice: DisciplineNotice,
    employee: Employee,
    decided_on: dt.date,
    rule: PreActionRule | None,
) -> None:
    """Refuse a decision made before the response it must consider, or its window's end.

    The response is considered before the decision (the pre-action rule;
    Loudermill): a decision is made on or after the day the response was
    received, or after the last day to respond when none came in time.
    """
    response = response_row(uow, notice.id)
    received = response.received_on if response is not None else None
    if received is not None and received <= notice.response_due:
        if decided_on >= received:
            return
        problem = (
            f"{employee.full_name}'s response to the notice of {notice.issued_on} was "
            f"received on {received}; a decision made on {decided_on} came before it"
        )
        earliest = f"on or after {received}"
    else:
        if decided_on > notice.response_due:
            return
        problem = (
            f"{employee.full_name} had until {notice.response_due} to respond to the notice "
            f"of {notice.issued_on}; a decision made on {decided_on} did not wait for it"
        )
        earliest = f"after {notice.response_due}"
    raise Refused(
        f"{problem}. The response is considered before the decision: the decision is made "
        f"{earliest}; give the day it was made.",
        citations=(rule.citation,) if rule else (LOUDERMILL,),
        field="decided_on",
    )


def _check_statement_before_effect(
    pack: DisciplinePack,
    regime: Regime | None,
    employee: Employee,
    decision: DisciplineInput,
    decided_on: dt.date,
) -> None:
    """Refuse an action taking effect before the written statement the law gives first.

    Where the law has the employee given a statement of the decision before
    its effective date (a Missouri regular employee's dismissal, RSMo 36.380),
    that statement cannot come before the decision is made: the action takes
    effect the day after the decision at the earliest.
    """
    if regime is None:
        return
    required = pack.statement_before_effect(decision.action, regime, decision.suspension_days or 0)
    if required is None or decision.effective_on > decided_on:
        return
    raise Refused(
        f"The {decision.action.label.lower()} of {employee.full_name} can take effect only "
        "after the employee has been given a written statement of the decision and its "
        f"reasons ({required.citation}): decided on {decided_on}, it takes effect on "
        f"{decided_on + dt.timedelta(days=1)} at the earliest, not {decision.effective_on}.",
        citations=(required.citation,),
        field="effective_on",
    )


def _check_decided_on(row: Case, decision: DisciplineInput) -> None:
    """A decision's own day is not in the future, nor before the case was reported."""
    day = decision.decided_on
    if day is None:
        return
    if day > last_day_begun(row.agency.jurisdiction):
        raise InvalidInput(f"The decision date {day} is in the future.", field="decided_on")
    if day < row.reported_on:
        raise InvalidInput(
            f"The decision date {day} is before the case was reported ({row.reported_on}).",
            field="decided_on",
        )


def _dates(pack: DisciplinePack, decision: DisciplineInput) -> SuspensionDates | None:
    days = decision.suspension_days
    if days is None:
        return None
    first = decision.suspension_first_day or decision.effective_on
    if first < decision.effective_on:
        raise InvalidInput(
            f"The suspension's first day {first} is before the effective date "
            f"{decision.effective_on}.",
            field="suspension_first_day",
        )
    return check_suspension_dates(
        pack.calendar,
        first_day=first,
        days=days,
        last_day=decision.suspension_last_day,
        return_on=None if decision.terminal_suspension else decision.return_to_work_on,
    )


def _appeal_text(
    pack: DisciplinePack,
    regime: Regime | None,
    employee: Employee,
    decision: DisciplineInput,
    values: dict[str, str],
    settings: DisciplineSettings,
    agency: str,
) -> str:
    """The appeal the decision states: the employer's law for the action decided.

    Where the law gives an appeal, its terms (``appeal_terms``); where it gives
    none, for any action, why (``no_appeal_statement``, with its citation): a
    reprimand carries the law's answer as a suspension does, never a text that
    states law without a source. Only without the employee's regime, which the
    law's answer depends on, does the agency's own appeal text stand, marked as
    the agency's; not set, the statement says so and whom to ask.
    """
    days = decision.suspension_days or 0
    if regime is None:
        if settings.appeal_rights.strip():
            return f"{settings.appeal_rights.strip()} {FROM_AGENCY_SETTINGS}"
        return (
            f"{employee.full_name}'s regime is not recorded, and the appeal or grievance "
            f"rights the law governing the {pack.employer} gives against a "
            f"{decision.action.label.lower()} depend on it; the agency has set no appeal text "
            "of its own. Ask human resources which appeal or grievance applies before any time "
            "limit in it runs out."
        )
    rule = pack.appeal_for(decision.action, regime, days)
    if rule is None:
        return no_appeal_statement(pack, decision.action, regime, days)[0]
    return appeal_terms(rule, law_values(values), agency).statement(decision.action)


def apply_law(
    uow: UnitOfWork,
    row: Case,
    employee: Employee,
    decision: DisciplineInput,
    chosen: list[Allegation],
    settings: DisciplineSettings,
) -> DecisionLaw:
    """Check ``decision`` against the employer's law; what it makes of it, or a refusal."""
    _check_decided_on(row, decision)
    pack = pack_of(row.agency)
    regime = _regime(pack, employee, decision.action)
    notice = _check_notice(uow, pack, row, employee, regime, decision, chosen)
    try:
        check_effective_date(
            pack.calendar,
            effective_on=decision.effective_on,
            notice_on=notice.issued_on if notice else None,
            response_days=notice.response_days if notice else None,
            conduct_on=row.conduct_to or row.conduct_from,
            reported_on=row.reported_on,
        )
    except Refused as refused:
        # The response window is the pre-action rule's: name it.
        rule = (
            pack.pre_action_for(decision.action, regime, decision.suspension_days or 0)
            if (regime is not None)
            else None
        )
        cite = rule.citation if rule is not None else LOUDERMILL
        raise Refused(
            refused.message, citations=(*refused.citations, cite), field=refused.field
        ) from None
    _check_statement_before_effect(
        pack,
        regime,
        employee,
        decision,
        decision.decided_on or agency_today(row.agency.jurisdiction),
    )
    counts = True
    if decision.terminal_suspension:
        if pack.cap is not None:
            counts = counts_against_cap(pack.cap, decision.action, terminal_with_dismissal=True)
        elif decision.action is not DisciplineAction.DISMISSAL:
            raise InvalidInput(
                "A terminal suspension goes with a dismissal only.", field="terminal_suspension"
            )
        else:
            counts = False  # no cap at all
    dates = _dates(pack, decision)
    values = values_of(uow, row.agency)
    appeal = _appeal_text(pack, regime, employee, decision, values, settings, row.agency.code)
    name = decision.decision_maker_name or values.get(APPOINTING_AUTHORITY_NAME.key, "")
    title = decision.decision_maker_title or values.get(APPOINTING_AUTHORITY_TITLE.key, "")
    # Empty when neither the decision nor the agency's settings name them: the read
    # model then shows the setting as not set, and a document says so.
    return DecisionLaw(notice, dates, counts, appeal, name, title)
