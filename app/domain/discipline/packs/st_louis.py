"""The City of St. Louis (AR 150): the City's civil service, not RSMo chapter 36.

Every fact here is quoted, with its source, in docs/discipline-law.md
("City of St. Louis").
"""

from __future__ import annotations

from app.domain.discipline.law_settings import (
    APPEAL_BODY,
    APPEAL_COUNTED_FROM,
    APPEAL_DAYS,
    APPEAL_DAYS_KIND,
    GRIEVANCE_DAYS,
    GRIEVANCE_DAYS_KIND,
    RESPONSE_DAYS,
    STANDARD_OF_PROOF,
    SUSPENSION_CAP_DAYS,
    SUSPENSION_CAP_MONTHS,
)
from app.domain.discipline.pack import DisciplinePack
from app.domain.discipline.packs.common import ADVERSE, loudermill
from app.domain.discipline.regimes import Regime
from app.domain.discipline.rules import (
    AppealRule,
    CapRule,
    PolicyReference,
    agency_setting,
    law,
)
from app.domain.discipline.workdays import calendar_for

CHARTER_XVIII = "City of St. Louis Charter, Article XVIII"
#: Where a union member's appeal or grievance is set out: which one applies to a
#: permanent employee covered by an agreement was not verified.
UNION_SOURCE = "The collective bargaining agreement, or the City's civil service rules"

_REGIMES = frozenset({Regime.MERIT, Regime.PROBATIONARY, Regime.AT_WILL, Regime.UNION})


def st_louis_pack(agency_code: str) -> DisciplinePack:
    """The City of St. Louis: appeals of permanent employees to the Civil Service Commission."""
    return DisciplinePack(
        agency_code=agency_code,
        employer="City of St. Louis",
        jurisdiction="MO",
        calendar=calendar_for("STL"),
        regimes=_REGIMES,
        standard_of_proof=agency_setting(STANDARD_OF_PROOF),
        response_days=agency_setting(RESPONSE_DAYS),
        pre_action=(loudermill(frozenset({Regime.MERIT, Regime.UNION})),),
        appeals=(
            AppealRule(
                actions=ADVERSE,
                regimes=frozenset({Regime.MERIT}),
                body=law("Civil Service Commission of the City of St. Louis", CHARTER_XVIII),
                days=agency_setting(APPEAL_DAYS, "The City's civil service rules"),
                day_kind=agency_setting(APPEAL_DAYS_KIND, "The City's civil service rules"),
                counted_from=agency_setting(APPEAL_COUNTED_FROM, "The City's civil service rules"),
                citation=CHARTER_XVIII,
            ),
            # A union member: the Commission hears "appeals from permanent City
            # employees", and the agreement has its own grievance procedure; which one a
            # permanent employee under an agreement takes was not verified, so neither is
            # said: the body and the days are the agency's settings, with no default.
            AppealRule(
                actions=ADVERSE,
                regimes=frozenset({Regime.UNION}),
                body=agency_setting(APPEAL_BODY, UNION_SOURCE),
                days=agency_setting(GRIEVANCE_DAYS, UNION_SOURCE),
                day_kind=agency_setting(GRIEVANCE_DAYS_KIND, UNION_SOURCE),
                counted_from=law("as the agreement or the rules provide", UNION_SOURCE),
                citation=f"{UNION_SOURCE} (the agency's settings)",
                # The start of the days is the agreement's or the rules': not "after" a day.
                statement=(
                    "You may appeal or grieve this {action} to the {body} within {days} "
                    "{day_kind}, counted as the collective bargaining agreement or the City's "
                    "civil service rules provide (the body and the days are the agency's "
                    "settings)."
                ),
            ),
        ),
        cap=CapRule(
            days=agency_setting(SUSPENSION_CAP_DAYS, "The City's civil service rules"),
            window_months=agency_setting(SUSPENSION_CAP_MONTHS, "The City's civil service rules"),
            citation="The City's civil service rules (the agency's settings)",
        ),
        appeals_verified_for=frozenset(),
        sanction_policies=(
            PolicyReference(
                "VI",
                "Violation of the social media policy",
                "discipline up to and including dismissal",
                "Violation of this policy may result in discipline up to and including dismissal.",
            ),
        ),
        notes=(
            "The City of St. Louis is not under RSMo chapter 36 (the state merit system); its "
            "employees' appeals go to the City's Civil Service Commission.",
            "Working days use Missouri's public holidays: the City's own holiday list was not "
            "verified.",
        ),
    )
