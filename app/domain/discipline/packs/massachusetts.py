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
    STANDARD_OF_PROOF,
)
from app.domain.discipline.pack import DisciplinePack, StatedRequirement
from app.domain.discipline.packs.common import ADVERSE, LOUDERMILL_REQUIREMENTS
from app.domain.discipline.regimes import Regime
from app.domain.discipline.rules import (
    LOUDERMILL,
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
MGL_4_9 = "M.G.L. c. 4, § 9"
#: M.G.L. c. 31, § 41: a tenured employee "may be suspended for just cause for a period of
#: five days or less without a hearing prior to such suspension"; Saturdays, Sundays and
#: legal holidays are not counted in the section's periods (so: working days).
SHORT_SUSPENSION_DAYS = 5
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
        # No checked source states the standard on which the agency itself makes its
        # findings, for any regime: 01.05.22 (seed 003) says none, and § 43's "preponderance
        # of the evidence" is the Civil Service Commission's on a tenured employee's appeal,
        # not the appointing authority's. The agency's setting, with no default.
        standard_of_proof=agency_setting(STANDARD_OF_PROOF),
        response_days=agency_setting(RESPONSE_DAYS),
        pre_action=(
            PreActionRule(
                ADVERSE,
                frozenset({Regime.MERIT}),
                MGL_31_41,
                (
                    Requirement(
                        "Before the action, a written notice by the appointing authority with "
                        "the action contemplated, the specific reason or reasons for it and a "
                        "copy of sections 41 through 45 of chapter 31.",
                        MGL_31_41,
                    ),
                    Requirement(
                        "A full hearing on the reasons before the appointing authority or a "
                        "hearing officer it designates, with written notice of its time and "
                        "place at least three days before it (Saturdays, Sundays and legal "
                        "holidays not counted).",
                        MGL_31_41,
                    ),
                ),
                suspension_over_days=SHORT_SUSPENSION_DAYS,
            ),
            PreActionRule(ADVERSE, frozenset({Regime.UNION}), LOUDERMILL, LOUDERMILL_REQUIREMENTS),
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
        deadline_rule=Requirement(
            "When the last day for an act required by statute falls on a Sunday or a legal "
            "holiday, it may be performed on the next succeeding business day; a Saturday "
            "does not move.",
            MGL_4_9,
        ),
        deadline_moves_saturdays=False,
        decision=(
            StatedRequirement(
                Requirement(
                    "After the hearing, a written notice of the decision that states fully and "
                    "specifically the reasons for it: within two days after the hearing if the "
                    "appointing authority presided, or within seven days after the hearing "
                    "officer's report is filed.",
                    MGL_31_41,
                ),
                actions=ADVERSE,
                regimes=frozenset({Regime.MERIT}),
                suspension_over_days=SHORT_SUSPENSION_DAYS,
            ),
            StatedRequirement(
                Requirement(
                    "A suspension of five days or less may be given without a hearing before "
                    "it: a written notice stating the specific reasons, informing the employee "
                    "that within forty-eight hours after receiving it the employee may file a "
                    "written request for a hearing before the appointing authority on whether "
                    "there was just cause for the suspension.",
                    MGL_31_41,
                ),
                actions=frozenset({DisciplineAction.SUSPENSION}),
                regimes=frozenset({Regime.MERIT}),
                suspension_at_most_days=SHORT_SUSPENSION_DAYS,
            ),
            StatedRequirement(
                Requirement(
                    "The decision may be appealed in writing to the Civil Service Commission "
                    "within ten days after receiving written notice of it.",
                    MGL_31_43,
                ),
                actions=ADVERSE,
                regimes=frozenset({Regime.MERIT}),
            ),
        ),
        provider_referral=Requirement(
            '01.05.22 "shall apply to DYS employees, DYS employees with individual contracts '
            "and DYS contracted provider employees\"; a contracted provider's employee is "
            "not a DYS employee, so DYS does not discipline them: the substantiated findings "
            "are referred to the provider, which decides any discipline.",
            DYS_APPLICABILITY,
        ),
    )
