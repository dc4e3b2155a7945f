"""The Arkansas Department of Human Services.

Every fact here is quoted, with its source, in docs/discipline-law.md
("Arkansas DHS").
"""

from __future__ import annotations

from app.domain.discipline.law_settings import RESPONSE_DAYS, STANDARD_OF_PROOF
from app.domain.discipline.pack import DisciplinePack
from app.domain.discipline.packs.common import loudermill, unverified_appeal
from app.domain.discipline.regimes import Regime
from app.domain.discipline.rules import PolicyReference, agency_setting
from app.domain.discipline.workdays import calendar_for

_REGIMES = frozenset({Regime.MERIT, Regime.PROBATIONARY, Regime.AT_WILL})

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
        appeals=(unverified_appeal(frozenset({Regime.MERIT})),),
        cap=None,
        sanction_policies=SANCTIONS,
    )
