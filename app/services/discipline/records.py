"""What the discipline services take and return: plain, frozen dataclasses."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.domain.cases import CaseStatus, Finding
from app.domain.discipline import (
    DisciplineAction,
    DisciplineSettings,
)
from app.domain.wording import counted
from app.services.employees import EmployeeInfo

#: Statuses in which HR records or changes a decision.
DECISION_STATUSES = {CaseStatus.DISCIPLINE_REVIEW}
#: Statuses in which HR may withdraw a decision: any but closed (reopen it first).
WITHDRAWAL_STATUSES = set(CaseStatus) - {CaseStatus.CLOSED}
DEFAULT_STATUS_PENDING = "Remains in their current position and duties pending the decision."


@dataclass(frozen=True, slots=True)
class DisciplineInput:
    """A decision as HR enters it.

    ``allegation_ids`` empty means every substantiated allegation of the
    employee in the case. A decision gives no response window of its own:
    the employee's is the pre-action notice's (``flow_records.NoticeInput``).
    """

    employee_id: int
    action: DisciplineAction
    effective_on: dt.date
    steps_to_correct: str
    repeat_consequence: str
    suspension_days: int | None = None
    allegation_ids: tuple[int, ...] = ()
    status_pending: str = ""
    cap_override_reason: str = ""
    #: A suspension's first day (default: the effective date); its last day and the
    #: return to work are computed with the state's calendar and checked if given.
    suspension_first_day: dt.date | None = None
    suspension_last_day: dt.date | None = None
    return_to_work_on: dt.date | None = None
    #: A suspension given with a dismissal (``suspension_days`` then its length).
    terminal_suspension: bool = False
    #: Why this level: the progressive-discipline step, aggravating and mitigating factors.
    progressive_step: str = ""
    aggravating_factors: str = ""
    mitigating_factors: str = ""
    #: The appointing authority who decides; empty: the agency's settings.
    decision_maker_name: str = ""
    decision_maker_title: str = ""
    #: Why the action is milder or harsher than every comparable earlier decision
    #: (required then: ``app.domain.discipline.consistency``).
    consistency_reason: str = ""
    #: The day the decision was made; empty: today where the agency is. Not before the
    #: response (or the end of its window) a pre-action notice gave the employee.
    decided_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class DisciplineInfo:
    """A recorded decision."""

    id: int
    case_id: int
    case_number: str
    employee: EmployeeInfo
    action: DisciplineAction
    suspension_days: int | None
    effective_on: dt.date
    steps_to_correct: str
    repeat_consequence: str
    #: The last day the pre-action notice gave the employee to respond; None without one.
    response_due: dt.date | None
    appeal_rights: str
    status_pending: str
    allegation_ids: tuple[int, ...]
    citations: tuple[str, ...]
    cap_override_reason: str
    decided_by: str
    decided_at: dt.datetime
    #: The day the decision was made (``decided_at`` is when it was recorded).
    decided_on: dt.date
    withdrawn_at: dt.datetime | None = None
    withdrawn_by: str = ""
    withdrawal_reason: str = ""
    notice_id: int | None = None
    suspension_first_day: dt.date | None = None
    suspension_last_day: dt.date | None = None
    return_to_work_on: dt.date | None = None
    terminal_suspension: bool = False
    progressive_step: str = ""
    aggravating_factors: str = ""
    mitigating_factors: str = ""
    decision_maker_name: str = ""
    decision_maker_title: str = ""
    consistency_reason: str = ""

    @property
    def withdrawn(self) -> bool:
        """A withdrawn decision is kept on record but is no discipline any more."""
        return self.withdrawn_at is not None

    @property
    def label(self) -> str:
        """The action as printed: "Suspension without pay (5 working days)"."""
        if self.action is DisciplineAction.SUSPENSION and self.suspension_days:
            return f"{self.action.label} ({counted(self.suspension_days, 'working day')})"
        if self.terminal_suspension and self.suspension_days:
            days = self.suspension_days
            return f"{self.action.label}, with a terminal suspension of {days} working days"
        return self.action.label


@dataclass(frozen=True, slots=True)
class PriorDisciplineInfo:
    """An earlier action against the same employee, in another case."""

    case_id: int
    case_number: str
    action: DisciplineAction
    suspension_days: int | None
    effective_on: dt.date
    citations: tuple[str, ...]

    @property
    def label(self) -> str:
        if self.action is DisciplineAction.SUSPENSION and self.suspension_days:
            return f"{self.action.label} ({counted(self.suspension_days, 'working day')})"
        return self.action.label


@dataclass(frozen=True, slots=True)
class GroundInfo:
    """An allegation against the employee, with its finding: the decision's grounds."""

    id: int
    citation: str
    provision_title: str
    finding: Finding
    reasoning: str


@dataclass(frozen=True, slots=True)
class EmployeeDiscipline:
    """One subject employee: their allegations, the decision, their prior discipline.

    ``decision`` is the decision in force; ``withdrawn`` the one HR withdrew,
    when the employee has no decision in force.
    """

    employee: EmployeeInfo
    allegations: tuple[GroundInfo, ...]
    decision: DisciplineInfo | None
    prior: tuple[PriorDisciplineInfo, ...]
    withdrawn: DisciplineInfo | None = None

    @property
    def substantiated(self) -> bool:
        return any(a.finding is Finding.SUBSTANTIATED for a in self.allegations)


@dataclass(frozen=True, slots=True)
class CaseDiscipline:
    """Everything the Discipline tab shows for one case."""

    case_id: int
    case_number: str
    status: CaseStatus
    agency_code: str
    settings: DisciplineSettings
    employees: tuple[EmployeeDiscipline, ...]
    may_decide: bool  #: the case is in discipline review and the user is HR
    may_withdraw: bool = False  #: the case is open and the user is HR
