"""Discipline: HR's decision for each disciplined employee of a case, and agency rules.

A decision rests on substantiated allegations only; the employee's earlier
discipline in other cases is shown beside it; a suspension that would take
the employee over the agency's cap (Missouri: 20 working days in 12 months,
RSMo 36.370) is refused unless overridden with a reason, and the override is
its own audit event.

The modules: ``records`` (the dataclasses services take and return),
``settings`` (each agency's rules), ``queries`` (reading), ``decisions``
(recording and withdrawing a decision). Callers use this package's names.
"""

from __future__ import annotations

from app.services.discipline.decisions import record_discipline, withdraw_discipline
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

__all__ = [
    "DEFAULT_STATUS_PENDING",
    "CaseDiscipline",
    "DisciplineInfo",
    "DisciplineInput",
    "EmployeeDiscipline",
    "GroundInfo",
    "PriorDisciplineInfo",
    "agency_settings",
    "agency_settings_in",
    "case_discipline",
    "decisions_resting_on",
    "prior_discipline",
    "prior_in",
    "record_discipline",
    "set_agency_settings",
    "suspension_standing",
    "withdraw_discipline",
]
