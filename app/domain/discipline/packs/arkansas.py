"""The Arkansas Department of Human Services.

Every fact here is quoted, with its source, in docs/discipline-law.md
("Arkansas DHS").
"""

from __future__ import annotations

from app.domain.discipline.ladder import DisciplineAction
from app.domain.discipline.law_settings import (
    APPEAL_BODY,
    APPEAL_COUNTED_FROM,
    APPEAL_DAYS,
    APPEAL_DAYS_KIND,
    RESPONSE_DAYS,
    STANDARD_OF_PROOF,
)
from app.domain.discipline.pack import DisciplinePack
from app.domain.discipline.packs.common import loudermill
from app.domain.discipline.regimes import Regime
from app.domain.discipline.rules import AppealRule, PolicyReference, agency_setting
from app.domain.discipline.workdays import calendar_for

_REGIMES = frozenset({Regime.MERIT, Regime.PROBATIONARY, Regime.AT_WILL})
#: § 21-1-701(2) defines what a grievance is; § 21-1-702 lets an employee file one and has
#: the Office of Personnel Management establish its procedure (§ 21-1-702(a)).
GRIEVANCE_LAW = "Ark. Code Ann. §§ 21-1-701(2), 21-1-702"
#: § 21-1-702(a): OPM "shall establish a procedure for the filing, hearing, adjudication, and
#: appeal of grievances by state agencies"; § 21-1-703(a)(1): OPM "shall promulgate rules
#: that: (1) Provide a process for appeals of the grievance decisions of state agencies".
#: Neither names the body that hears the grievance or its appeal, nor the days to file.
OPM_RULES = (
    "Ark. Code Ann. §§ 21-1-702(a), 21-1-703(a) (the Office of Personnel Management's rules)"
)
#: § 21-1-701(1)(A): an "employee" is one "regularly appointed or employed in a position of
#: state service by a state agency" with a class title and pay grade; (1)(B): "'Employee' does
#: not include a supervisory employee". Stated by every grievance statement (the decision
#: stores it, the disciplinary report and the decision letter print it).
WHO_MAY_GRIEVE = (
    "The grievance is open to an employee in a position of state service with a class title "
    "and pay grade, not to a supervisory employee (Ark. Code Ann. § 21-1-701(1)(A), (B))."
)

#: § 21-1-701(2): "'Grievance' means an employee's complaint resulting from a termination or
#: suspension"; supervisory employees are not "employees" under the subchapter (§ 21-1-701(1)(B)).
#: An "employee" there is one "regularly appointed or employed in a position of state service"
#: with a class title and pay grade (§ 21-1-701(1)(A)): being employed at will does not take
#: the grievance away. Whether a probationer's appointment is "regular" there was not
#: verified: a probationer's letter names the employer's rules instead (appeals_verified_for).
#: Who hears the grievance and its appeal is not named in the statute (OPM's rules say, per
#: §§ 21-1-702(a), 21-1-703(a)): the agency's setting, with no default, like the days.
GRIEVANCE = AppealRule(
    actions=frozenset({DisciplineAction.SUSPENSION, DisciplineAction.DISMISSAL}),
    regimes=frozenset({Regime.MERIT, Regime.AT_WILL}),
    # Named after "Appeal to (the)": the agency sets it as its grievance procedure provides.
    body=agency_setting(APPEAL_BODY, OPM_RULES),
    days=agency_setting(APPEAL_DAYS, OPM_RULES),
    day_kind=agency_setting(APPEAL_DAYS_KIND, OPM_RULES),
    counted_from=agency_setting(APPEAL_COUNTED_FROM, OPM_RULES),
    citation=GRIEVANCE_LAW,
    statement=(
        "You may grieve this {action}: a grievance is an employee's complaint resulting from "
        "a termination or suspension ({citation}). The grievance is filed within {days} "
        "{day_kind} after {counted_from} and heard by the {body} (the days and who hears it "
        "are the agency's settings: the statute leaves the procedure and its appeal to the "
        "Office of Personnel Management's rules, §§ 21-1-702(a), 21-1-703(a)). " + WHO_MAY_GRIEVE
    ),
)

SANCTIONS = (
    PolicyReference(
        "II(A)(3)",
        "Confidential information posted, published or shared",
        'DHS Privacy Office; DHS Policy 4002 "Privacy and Security Sanctions"',
        "Such incidents must be reported to the DHS Privacy Office on DHS Share or by "
        "clicking here (...) and are subject to disciplinary action, including immediate "
        'dismissal, as outlined in DHS Policy 4002, "Privacy and Security Sanctions."',
    ),
    PolicyReference(
        "II(D)",
        "Off-duty posts that threaten or harass others",
        'DHS Policy 1009 "Equal Opportunity Policy"',
        "Harassment of others is prohibited at DHS and may be addressed through "
        'disciplinary, security, legal, or other action. (Refer to DHS Policy 1009 "Equal '
        'Opportunity Policy.")',
    ),
)


def arkansas_pack(agency_code: str) -> DisciplinePack:
    """Arkansas DHS: sanctions under DHS Policy 4002 and 1009; grievances per state rules."""
    return DisciplinePack(
        agency_code=agency_code,
        employer="Arkansas Department of Human Services",
        jurisdiction="AR",
        calendar=calendar_for("AR"),
        regimes=_REGIMES,
        standard_of_proof=agency_setting(STANDARD_OF_PROOF),
        response_days=agency_setting(RESPONSE_DAYS),
        pre_action=(loudermill(frozenset({Regime.MERIT})),),
        appeals=(GRIEVANCE,),
        appeals_verified_for=frozenset({Regime.MERIT, Regime.AT_WILL}),
        cap=None,
        sanction_policies=SANCTIONS,
        notes=(
            "Only a termination or a suspension can be grieved (Ark. Code Ann. § 21-1-701(2)); "
            "a supervisory employee is not an 'employee' under the grievance subchapter "
            "(§ 21-1-701(1)(B)) and has no grievance under it.",
            "Who hears a grievance and its appeal, and the days to file it, come from the Office "
            "of Personnel Management's rules and the department's grievance policy "
            "(§§ 21-1-702(a), 21-1-703(a) name neither): they were not verified for DHS and are "
            "the agency's settings, with no default.",
            "No suspension cap was found in the sources checked: none is applied.",
        ),
    )
