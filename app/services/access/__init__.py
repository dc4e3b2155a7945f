"""Who may see which case: agency scope, restricted cases, conflicts of interest.

:func:`visible_cases` is the one filter: the condition over ``Case`` every
query for case content goes through (the case list and its counts, search,
the loaders by id or number, evidence, authorizations, credential requests,
discipline, reports, exports). A case outside it is "not found".
"""

from app.services.access.agencies import (
    agency_ids_of,
    require_member,
    set_user_agencies,
    user_agency_codes,
)
from app.services.access.conflicts import (
    allow_conflict,
    check_assignable,
    link_employee_user,
    record_involvement,
)
from app.services.access.restriction import (
    AccessList,
    Candidate,
    access_list,
    audit_restricted_view,
    candidates,
    set_restriction,
)
from app.services.access.scope import (
    agency_visible,
    case_id_of,
    case_visible,
    employees_visible,
    record_visible,
    require_visible_case,
    visible_case_ids,
    visible_cases,
)

__all__ = [
    "case_id_of",
    "AccessList",
    "Candidate",
    "access_list",
    "agency_ids_of",
    "agency_visible",
    "allow_conflict",
    "audit_restricted_view",
    "candidates",
    "case_visible",
    "employees_visible",
    "record_visible",
    "check_assignable",
    "link_employee_user",
    "record_involvement",
    "require_member",
    "require_visible_case",
    "set_restriction",
    "set_user_agencies",
    "user_agency_codes",
    "visible_case_ids",
    "visible_cases",
]
