"""Rules every employer's pack shares, and the pack of an agency the law packs do not know."""

from __future__ import annotations

from app.domain.discipline.ladder import DisciplineAction
from app.domain.discipline.law_settings import (
    APPEAL_BODY,
    APPEAL_COUNTED_FROM,
    APPEAL_DAYS,
    APPEAL_DAYS_KIND,
    RESPONSE_DAYS,
    STANDARD_OF_PROOF,
    SUSPENSION_CAP_DAYS,
    SUSPENSION_CAP_MONTHS,
)
from app.domain.discipline.pack import DisciplinePack
from app.domain.discipline.regimes import Regime
from app.domain.discipline.rules import (
    LOUDERMILL,
    AppealRule,
    CapRule,
    PreActionRule,
    Requirement,
    agency_setting,
)
from app.domain.discipline.workdays import WorkCalendar

#: Suspension, demotion and dismissal take away pay or a post.
ADVERSE = frozenset(
    {DisciplineAction.SUSPENSION, DisciplineAction.DEMOTION, DisciplineAction.DISMISSAL}
)
#: Regimes whose employees the agency itself employs.
EMPLOYEES = frozenset({Regime.MERIT, Regime.PROBATIONARY, Regime.UNION, Regime.AT_WILL})

LOUDERMILL_REQUIREMENTS = (
    Requirement("Notice of the charges against the employee.", LOUDERMILL),
    Requirement("An explanation of the employer's evidence.", LOUDERMILL),
    Requirement(
        "An opportunity to respond, in person or in writing, before the action is taken: "
        "the deadline and the way to respond.",
        LOUDERMILL,
    ),
)


def loudermill(regimes: frozenset[Regime], citation: str = LOUDERMILL) -> PreActionRule:
    """Notice and a chance to respond before suspension, demotion or dismissal.

    Owed to employees with a property interest in the job (tenured or
    regular; a union member whose agreement allows discharge only for cause).
    """
    return PreActionRule(ADVERSE, regimes, citation, LOUDERMILL_REQUIREMENTS)


def unverified_appeal(regimes: frozenset[Regime]) -> AppealRule:
    """An appeal whose body, days and starting point are all the agency's settings."""
    return AppealRule(
        actions=ADVERSE,
        regimes=regimes,
        body=agency_setting(APPEAL_BODY),
        days=agency_setting(APPEAL_DAYS),
        day_kind=agency_setting(APPEAL_DAYS_KIND),
        counted_from=agency_setting(APPEAL_COUNTED_FROM),
        citation="The agency's appeal or grievance rules (the agency's settings)",
    )


def unknown_pack(agency_code: str, jurisdiction: str, calendar: WorkCalendar) -> DisciplinePack:
    """The pack of an agency whose law is not encoded: every unverified fact is a setting."""
    return DisciplinePack(
        agency_code=agency_code,
        employer=agency_code,
        jurisdiction=jurisdiction,
        calendar=calendar,
        regimes=EMPLOYEES,
        standard_of_proof=agency_setting(STANDARD_OF_PROOF),
        response_days=agency_setting(RESPONSE_DAYS),
        pre_action=(loudermill(frozenset({Regime.MERIT, Regime.UNION})),),
        appeals=(unverified_appeal(frozenset({Regime.MERIT, Regime.UNION})),),
        appeals_verified_for=frozenset(),
        cap=CapRule(
            agency_setting(SUSPENSION_CAP_DAYS),
            agency_setting(SUSPENSION_CAP_MONTHS),
            SUSPENSION_CAP_DAYS.citation,
        ),
        notes=(
            f"No discipline law is encoded for {agency_code}: the standard of proof, the "
            "response window, the appeal and the suspension cap come from the agency's "
            "settings.",
        ),
        verified=False,
    )
