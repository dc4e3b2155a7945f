"""What the due-process services take and return: notices, responses, appeals, referrals.

:class:`DisciplineFlow` is the read model of one employee's discipline in one
case, with everything a document needs: the notice, the response, the
decision, its withdrawal, the appeal or the referral, the employer's rules
that apply (each with its citation) and the agency's settings (flagged as
coming from the agency's settings, never from the law).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.domain.cases import CaseStatus
from app.domain.discipline import DisciplineAction, Outcome, Regime
from app.domain.discipline.flow import AppealOutcome, DeliveryMethod, Stage
from app.domain.wording import counted
from app.services.discipline.records import DisciplineInfo, GroundInfo, PriorDisciplineInfo
from app.services.discipline.values import AgencySettingValue
from app.services.employees import EmployeeInfo


@dataclass(frozen=True, slots=True)
class NoticeInput:
    """A pre-action notice as HR enters it.

    ``allegation_ids`` empty: every substantiated allegation against the
    employee. ``response_days`` empty: the agency's response window (its
    setting; the law fixes none).
    """

    employee_id: int
    proposed_action: DisciplineAction
    issued_on: dt.date
    delivery_method: DeliveryMethod
    delivered_by: str
    proposed_days: int | None = None
    allegation_ids: tuple[int, ...] = ()
    response_days: int | None = None
    evidence_explanation: str = ""
    status_pending: str = ""


@dataclass(frozen=True, slots=True)
class NoticeInfo:
    """A recorded pre-action notice."""

    id: int
    case_id: int
    employee_id: int
    proposed_action: DisciplineAction
    proposed_days: int | None
    issued_on: dt.date
    delivery_method: DeliveryMethod
    delivered_by: str
    response_days: int
    response_due: dt.date
    #: How the deadline was counted, and the holidays it skipped.
    response_due_note: str
    allegation_ids: tuple[int, ...]
    charges: tuple[str, ...]
    evidence_explanation: str
    status_pending: str
    recorded_by: str
    recorded_at: dt.datetime

    @property
    def proposed_label(self) -> str:
        if self.proposed_action is DisciplineAction.SUSPENSION and self.proposed_days:
            return f"{self.proposed_action.label} ({counted(self.proposed_days, 'working day')})"
        return self.proposed_action.label


@dataclass(frozen=True, slots=True)
class ResponseFileInput:
    """A file handed in with the response: its name and exact bytes."""

    filename: str
    data: bytes


@dataclass(frozen=True, slots=True)
class ResponseFileInfo:
    """A stored response file (its bytes are read with ``response_file``)."""

    id: int
    filename: str
    media_type: str
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class ResponseInfo:
    """The employee's response to a notice, or that none came by the deadline."""

    id: int
    notice_id: int
    received_on: dt.date | None
    summary: str
    files: tuple[ResponseFileInfo, ...]
    recorded_by: str
    recorded_at: dt.datetime
    late: bool = False

    @property
    def none_by_deadline(self) -> bool:
        return self.received_on is None


@dataclass(frozen=True, slots=True)
class AppealInfo:
    """An appeal of a decision and, once known, its outcome."""

    id: int
    decision_id: int
    filed_on: dt.date
    body: str
    outcome: AppealOutcome | None
    outcome_on: dt.date | None
    outcome_note: str
    recorded_by: str
    #: The filing deadline where the law counts it from the effective date.
    deadline: dt.date | None = None
    #: How it was counted, and why it moved off a weekend or holiday if it did.
    deadline_note: str = ""

    @property
    def late(self) -> bool:
        return self.deadline is not None and self.filed_on > self.deadline


@dataclass(frozen=True, slots=True)
class ReferralInput:
    """A referral of a contracted provider's employee to the provider."""

    employee_id: int
    provider: str
    referred_on: dt.date
    sent_by: str
    allegation_ids: tuple[int, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class ReferralInfo:
    """A recorded referral to the provider."""

    id: int
    case_id: int
    employee_id: int
    provider: str
    referred_on: dt.date
    sent_by: str
    allegation_ids: tuple[int, ...]
    charges: tuple[str, ...]
    note: str
    recorded_by: str
    recorded_at: dt.datetime


@dataclass(frozen=True, slots=True)
class AppliedRule:
    """A rule of the employer's law that applies to this employee's discipline.

    ``topic`` is what it governs ("pre-action notice", "appeal", "suspension
    cap", "standard of proof", "sanction policy", "provider referral",
    "decision must state", "working days"); ``from_settings`` names the agency
    settings it takes a value from (empty: the law fixes it).
    """

    topic: str
    text: str
    citation: str
    from_settings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DisciplineFlow:
    """One employee's discipline in one case, from the notice to the appeal."""

    case_id: int
    case_number: str
    case_status: CaseStatus
    case_title: str
    reported_on: dt.date
    conduct_from: dt.date | None
    conduct_to: dt.date | None
    agency_code: str
    agency_name: str
    employer: str
    jurisdiction: str
    #: Where the working days' holidays come from.
    calendar: str
    employee: EmployeeInfo
    regime: Regime | None
    outcome: Outcome | None
    stage: Stage
    #: What can be done next, in words.
    next_step: str
    grounds: tuple[GroundInfo, ...]
    notice: NoticeInfo | None
    #: Earlier notices replaced by ``notice``, oldest first.
    earlier_notices: tuple[NoticeInfo, ...]
    response: ResponseInfo | None
    #: The decision in force, or the withdrawn one (``decision.withdrawn``).
    decision: DisciplineInfo | None
    appeal: AppealInfo | None
    referral: ReferralInfo | None
    prior: tuple[PriorDisciplineInfo, ...]
    rules: tuple[AppliedRule, ...]
    settings: tuple[AgencySettingValue, ...]
    #: Whether a pre-action notice is owed before the action proposed or decided.
    notice_required: bool
    #: The appeal the decision carries, in the decision's words (empty: none).
    appeal_statement: str = ""
    #: The last day to appeal, where the law counts it from the effective date.
    appeal_deadline: dt.date | None = None
    #: How that day was counted, and why it moved off a weekend or holiday if it did.
    appeal_deadline_note: str = ""

    def setting(self, key: str) -> AgencySettingValue | None:
        """The agency setting ``key`` (set or not), if the agency keeps it."""
        return next((s for s in self.settings if s.key == key), None)

    @property
    def in_force(self) -> bool:
        return self.stage in (Stage.IN_FORCE, Stage.APPEALED, Stage.APPEAL_DECIDED)
