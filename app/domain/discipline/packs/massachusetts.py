"""The Massachusetts Department of Youth Services (EOHHS).

Every fact here is quoted, with its source, in docs/discipline-law.md
("Massachusetts DYS").
"""

from __future__ import annotations

from app.domain.discipline.ladder import DisciplineAction
from app.domain.discipline.law_settings import (
    GRIEVANCE_DAYS,
    GRIEVANCE_DAYS_KIND,
    RESPONSE_DAYS,
)
from app.domain.discipline.pack import DisciplinePack
from app.domain.discipline.packs.common import ADVERSE, LOUDERMILL_REQUIREMENTS
from app.domain.discipline.regimes import Regime
from app.domain.discipline.rules import (
    AppealRule,
    DayKind,
    PolicyReference,
    PreActionRule,
    Requirement,
    agency_setting,
    law,
)
from app.domain.discipline.workdays import calendar_for

MGL_31_41 = "M.G.L. c. 31, § 41"
MGL_31_43 = "M.G.L. c. 31, § 43"
DYS_APPLICABILITY = "MA DYS 01.05.22, Applicability"

_REGIMES = frozenset(
    {Regime.MERIT, Regime.PROBATIONARY, Regime.UNION, Regime.AT_WILL, Regime.PROVIDER}
)

SANCTIONS = (
    PolicyReference(
        "C.2.g",
        "Posts that violate the Code of Employee Conduct",
        "DYS Code of Employee Conduct, Policy 1.05.04(d)",
        "Posting anything on a social media site that is a violation of the Code of Employee "
        "Conduct, Policy 1.05.04(d), including but not limited to any information about "
        "investigations, photos, videos or comments;",
    ),
)


def massachusetts_pack(agency_code: str) -> DisciplinePack:
    """MA DYS: civil service (c. 31 §§ 41, 43), the union's agreement, or the provider."""
    return DisciplinePack(
        agency_code=agency_code,
        employer="Massachusetts Department of Youth Services",
        jurisdiction="MA",
        calendar=calendar_for("MA"),
        regimes=_REGIMES,
        standard_of_proof=law("preponderance of the evidence", MGL_31_43),
        response_days=agency_setting(RESPONSE_DAYS),
        pre_action=(
            PreActionRule(
                frozenset(
                    {
                        DisciplineAction.SUSPENSION,
                        DisciplineAction.DEMOTION,
                        DisciplineAction.DISMISSAL,
                    }
                ),
                frozenset({Regime.MERIT}),
                MGL_31_41,
                (
                    Requirement(
                        "A written notice by the appointing authority with the action "
                        "contemplated, the specific reason or reasons for it and a copy of "
                        "sections 41 through 45 of chapter 31.",
                        MGL_31_41,
                    ),
                    Requirement(
                        "A full hearing on the reasons before the appointing authority or a "
                        "hearing officer it designates, with written notice of its time and "
                        "place at least three days before it.",
                        MGL_31_41,
                    ),
                ),
            ),
            PreActionRule(
                ADVERSE, frozenset({Regime.UNION}), "Loudermill", LOUDERMILL_REQUIREMENTS
            ),
        ),
        appeals=(
            AppealRule(
                actions=ADVERSE,
                regimes=frozenset({Regime.MERIT}),
                body=law("Civil Service Commission", MGL_31_43),
                days=law(10, MGL_31_43),
                day_kind=law(DayKind.CALENDAR, MGL_31_43),
                counted_from=law("receiving written notice of the decision", MGL_31_43),
                citation=MGL_31_43,
            ),
            AppealRule(
                actions=ADVERSE,
                regimes=frozenset({Regime.UNION}),
                body=law(
                    "The grievance procedure of the collective bargaining agreement",
                    "The collective bargaining agreement",
                ),
                days=agency_setting(GRIEVANCE_DAYS),
                day_kind=agency_setting(GRIEVANCE_DAYS_KIND),
                counted_from=law(
                    "as the agreement provides", "The collective bargaining agreement"
                ),
                citation="The collective bargaining agreement (the agency's settings)",
            ),
        ),
        cap=None,
        sanction_policies=SANCTIONS,
        provider_referral=Requirement(
            "01.05.22 applies to DYS contracted provider employees; DYS does not discipline "
            "them: the substantiated findings are referred to the provider.",
            DYS_APPLICABILITY,
        ),
    )
