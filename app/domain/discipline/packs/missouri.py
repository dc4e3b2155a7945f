"""Missouri state agencies under the merit system (RSMo chapter 36): MO DMH and MO DNR.

Every fact here is quoted, with its source, in docs/discipline-law.md
("Missouri state agencies").
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
from app.domain.discipline.packs.common import loudermill
from app.domain.discipline.regimes import Regime
from app.domain.discipline.rules import (
    AppealRule,
    CapRule,
    DayKind,
    PolicyReference,
    Requirement,
    agency_setting,
    law,
)
from app.domain.discipline.workdays import calendar_for

RSMO_36_370 = "RSMo 36.370"
RSMO_36_380 = "RSMo 36.380"
RSMO_36_390 = "RSMo 36.390.2"
RSMO_621_075 = "RSMo 621.075"
RSMO_621_205 = "RSMo 621.205"

#: RSMo 621.075.1's notice of the right of appeal, verbatim (effective 2018-08-28; quoted
#: with its source in docs/discipline-law.md).
AHC_APPEAL_NOTICE = (
    "Any employee with regular status who has been dismissed or involuntarily demoted for "
    "cause or suspended for more than five working days may appeal to the administrative "
    "hearing commission. To appeal, you must file an appeal with the administrative hearing "
    "commission within thirty days after the effective date of the decision. If any such "
    "appeal is sent by registered mail or certified mail, it will be deemed filed on the date "
    "it is mailed; if it is sent by any method other than registered mail or certified mail, "
    "it will be deemed filed on the date it is received by the commission."
)

_REGIMES = frozenset({Regime.MERIT, Regime.PROBATIONARY, Regime.AT_WILL, Regime.UNION})
_REGULAR = frozenset({Regime.MERIT})
_AHC_ACTIONS = frozenset(
    {DisciplineAction.SUSPENSION, DisciplineAction.DEMOTION, DisciplineAction.DISMISSAL}
)


def _grievance() -> AppealRule:
    """A union member's grievance under the agreement: every fact the agency's setting."""
    return AppealRule(
        actions=_AHC_ACTIONS,
        regimes=frozenset({Regime.UNION}),
        body=law(
            "The grievance procedure of the collective bargaining agreement",
            "The collective bargaining agreement",
        ),
        days=agency_setting(GRIEVANCE_DAYS),
        day_kind=agency_setting(GRIEVANCE_DAYS_KIND),
        counted_from=law("as the agreement provides", "The collective bargaining agreement"),
        citation="The collective bargaining agreement (the agency's settings)",
    )


def _ahc_appeal() -> AppealRule:
    return AppealRule(
        actions=_AHC_ACTIONS,
        regimes=_REGULAR,
        body=law("Administrative Hearing Commission", RSMO_621_075),
        days=law(30, RSMO_621_075),
        day_kind=law(DayKind.CALENDAR, RSMO_621_075),
        counted_from=law("the effective date of the decision", RSMO_621_075),
        citation=f"{RSMO_36_390}; {RSMO_621_075}",
        suspension_over_days=5,
        notice_text=AHC_APPEAL_NOTICE,
        notice_citation=RSMO_621_075,
        # RSMo 36.390.2: "dismissed or involuntarily demoted for cause or suspended for more
        # than five working days".
        described=((DisciplineAction.DEMOTION, "involuntary demotion for cause"),),
    )


def missouri_pack(
    agency_code: str, employer: str, policy_refs: tuple[PolicyReference, ...]
) -> DisciplinePack:
    """The merit-system pack for one Missouri state agency."""
    return DisciplinePack(
        agency_code=agency_code,
        employer=employer,
        jurisdiction="MO",
        calendar=calendar_for("MO"),
        regimes=_REGIMES,
        standard_of_proof=agency_setting(STANDARD_OF_PROOF),
        response_days=agency_setting(RESPONSE_DAYS),
        pre_action=(loudermill(frozenset({Regime.MERIT, Regime.UNION})),),
        appeals=(_ahc_appeal(), _grievance()),
        cap=CapRule(
            days=law(20, RSMO_36_370),
            window_months=law(12, RSMO_36_370),
            citation=RSMO_36_370,
            terminal_with_dismissal_exempt=True,
            exceptions=(
                "A terminal suspension given in conjunction with a dismissal (RSMo 36.370.1).",
                "With the director's approval, a suspension pending the investigation or trial "
                "of charges may be longer (RSMo 36.370.1).",
            ),
        ),
        sanction_policies=policy_refs,
        deadline_rule=Requirement(
            "When the last day for an act before the Administrative Hearing Commission falls "
            "on a Saturday, Sunday or legal holiday, it is timely on the next day that is not.",
            RSMO_621_205,
        ),
        decision=(
            StatedRequirement(
                Requirement(
                    "The director (Division of Personnel) is furnished a written statement "
                    "specifically setting forth the reasons for the suspension; the employee "
                    "gets a copy on request.",
                    RSMO_36_370,
                ),
                actions=frozenset({DisciplineAction.SUSPENSION}),
            ),
            StatedRequirement(
                Requirement(
                    "Before the effective date, the employee is given a written statement "
                    "notifying the employee of the decision and setting forth in substance the "
                    "reason for the dismissal; when it cannot be given in person it may be sent "
                    "by certified or registered mail, return receipt requested, to the last "
                    "mailing address in the personnel records.",
                    RSMO_36_380,
                ),
                actions=frozenset({DisciplineAction.DISMISSAL}),
                regimes=_REGULAR,
                # "No dismissal of a regular employee shall take effect unless, prior to the
                # effective date thereof, the appointing authority gives to such employee a
                # written statement notifying the employee of the decision" (RSMo 36.380).
                before_effective=True,
            ),
        ),
    )
