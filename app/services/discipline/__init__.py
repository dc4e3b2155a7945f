"""Discipline: HR's decision for each disciplined employee of a case, and agency rules.

A decision rests on substantiated allegations only; the employee's earlier
discipline in other cases is shown beside it; a suspension that would take
the employee over the agency's cap (Missouri: 20 working days in 12 months,
RSMo 36.370) is refused unless overridden with a reason, and the override is
its own audit event.

The modules: ``records`` and ``flow_records`` (the dataclasses services take
and return), ``settings`` (each agency's stored rules), ``values`` (its keyed
settings, the facts the law leaves to it), ``queries`` (reading),
``notices`` (pre-action notice and response), ``decision_law`` (the
employer's law applied to a decision), ``decisions`` (recording and
withdrawing a decision), ``consistency`` (the earlier decisions a decision is
compared with), ``appeals`` (appeal, outcome, referral to a
provider), ``flow`` (the read model of the whole flow). Callers use this
package's names; each is imported from its module at first use, so a command
that reads one setting (a report) does not load the whole discipline flow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.lazyexports import lazy_exports

if TYPE_CHECKING:
    from app.services.discipline.appeals import (
        record_appeal,
        record_appeal_outcome,
        refer_to_provider,
    )
    from app.services.discipline.consistency import (
        EmployeeComparables,
        case_comparables,
        provision_comparables,
    )
    from app.services.discipline.decisions import record_discipline, withdraw_discipline
    from app.services.discipline.flow import discipline_flow, flow_in, flows
    from app.services.discipline.flow_records import (
        AppealInfo,
        AppliedRule,
        DisciplineFlow,
        NoticeInfo,
        NoticeInput,
        ReferralInfo,
        ReferralInput,
        ResponseFileInfo,
        ResponseFileInput,
        ResponseInfo,
    )
    from app.services.discipline.notices import issue_notice, record_response, response_file
    from app.services.discipline.queries import (
        case_discipline,
        decisions_resting_on,
        prior_discipline,
        prior_in,
        suspension_standing,
    )
    from app.services.discipline.records import (
        DEFAULT_STATUS_PENDING,
        CaseDiscipline,
        DisciplineInfo,
        DisciplineInput,
        EmployeeDiscipline,
        GroundInfo,
        PriorDisciplineInfo,
    )
    from app.services.discipline.settings import (
        agency_settings,
        agency_settings_in,
        set_agency_settings,
    )
    from app.services.discipline.values import AgencySettingValue, agency_values, set_agency_value

#: The module each name lives in.
_HOMES = {
    "record_appeal": "appeals",
    "record_appeal_outcome": "appeals",
    "refer_to_provider": "appeals",
    "EmployeeComparables": "consistency",
    "case_comparables": "consistency",
    "provision_comparables": "consistency",
    "record_discipline": "decisions",
    "withdraw_discipline": "decisions",
    "discipline_flow": "flow",
    "flow_in": "flow",
    "flows": "flow",
    "AppealInfo": "flow_records",
    "AppliedRule": "flow_records",
    "DisciplineFlow": "flow_records",
    "NoticeInfo": "flow_records",
    "NoticeInput": "flow_records",
    "ReferralInfo": "flow_records",
    "ReferralInput": "flow_records",
    "ResponseFileInfo": "flow_records",
    "ResponseFileInput": "flow_records",
    "ResponseInfo": "flow_records",
    "issue_notice": "notices",
    "record_response": "notices",
    "response_file": "notices",
    "case_discipline": "queries",
    "decisions_resting_on": "queries",
    "prior_discipline": "queries",
    "prior_in": "queries",
    "suspension_standing": "queries",
    "DEFAULT_STATUS_PENDING": "records",
    "CaseDiscipline": "records",
    "DisciplineInfo": "records",
    "DisciplineInput": "records",
    "EmployeeDiscipline": "records",
    "GroundInfo": "records",
    "PriorDisciplineInfo": "records",
    "agency_settings": "settings",
    "agency_settings_in": "settings",
    "set_agency_settings": "settings",
    "AgencySettingValue": "values",
    "agency_values": "values",
    "set_agency_value": "values",
}

__all__ = [
    "DEFAULT_STATUS_PENDING",
    "AgencySettingValue",
    "AppealInfo",
    "AppliedRule",
    "CaseDiscipline",
    "DisciplineFlow",
    "DisciplineInfo",
    "DisciplineInput",
    "EmployeeComparables",
    "EmployeeDiscipline",
    "GroundInfo",
    "NoticeInfo",
    "NoticeInput",
    "PriorDisciplineInfo",
    "ReferralInfo",
    "ReferralInput",
    "ResponseFileInfo",
    "ResponseFileInput",
    "ResponseInfo",
    "agency_settings",
    "agency_settings_in",
    "agency_values",
    "case_comparables",
    "case_discipline",
    "decisions_resting_on",
    "discipline_flow",
    "flow_in",
    "flows",
    "issue_notice",
    "prior_discipline",
    "provision_comparables",
    "prior_in",
    "record_appeal",
    "record_appeal_outcome",
    "record_discipline",
    "record_response",
    "refer_to_provider",
    "response_file",
    "set_agency_settings",
    "set_agency_value",
    "suspension_standing",
    "withdraw_discipline",
]


__getattr__ = lazy_exports(__name__, _HOMES, globals())
