"""Discipline under progressive discipline, and the agency's rules that bound it.

DOMAIN.md "A case, from report to discipline" step 5: HR decides an action
for substantiated allegations only; the ladder runs from counseling to
dismissal; suspension, demotion and dismissal need a pre-action notice; the
employee may answer in writing within a stated number of days and appeal.
Missouri caps disciplinary suspension without pay at 20 working days in any
12 months (RSMo 36.370); a suspension beyond an agency's configured cap needs
an explicit override with a reason.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from dataclasses import dataclass

from app.domain.cases import Finding
from app.domain.errors import InvalidInput, Refused

STEPS_MAX = 5_000
CONSEQUENCE_MAX = 2_000
APPEAL_TEXT_MAX = 5_000
STATUS_PENDING_MAX = 1_000
OVERRIDE_REASON_MAX = 2_000
SUSPENSION_DAYS_MAX = 365
RESPONSE_DAYS_MAX = 90
CAP_DAYS_MAX = 365
WINDOW_MONTHS_MAX = 60

MISSOURI_CAP_CITATION = "RSMo 36.370"


class DisciplineAction(enum.StrEnum):
    """The steps of progressive discipline, mildest first."""

    COUNSELING = "counseling"
    VERBAL_REPRIMAND = "verbal_reprimand"
    WRITTEN_REPRIMAND = "written_reprimand"
    SUSPENSION = "suspension"
    DEMOTION = "demotion"
    DISMISSAL = "dismissal"

    @property
    def label(self) -> str:
        return _ACTION_LABELS[self]

    @property
    def step(self) -> int:
        """Its place on the ladder: 1 for counseling up to 6 for dismissal."""
        return list(DisciplineAction).index(self) + 1

    @property
    def needs_pre_action_notice(self) -> bool:
        """Suspension, demotion and dismissal take away pay or a post: notice first."""
        return self in _PRE_ACTION


_ACTION_LABELS = {
    DisciplineAction.COUNSELING: "Counseling",
    DisciplineAction.VERBAL_REPRIMAND: "Verbal reprimand",
    DisciplineAction.WRITTEN_REPRIMAND: "Written reprimand",
    DisciplineAction.SUSPENSION: "Suspension without pay",
    DisciplineAction.DEMOTION: "Demotion",
    DisciplineAction.DISMISSAL: "Dismissal",
}
_PRE_ACTION = frozenset(
    {DisciplineAction.SUSPENSION, DisciplineAction.DEMOTION, DisciplineAction.DISMISSAL}
)


def parse_action(value: str) -> DisciplineAction:
    """``value`` as an action ("written-reprimand", "Suspension" …), or a message listing them."""
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return DisciplineAction(key)
    except ValueError:
        valid = ", ".join(a.value for a in DisciplineAction)
        raise InvalidInput(
            f"'{value}' is not a disciplinary action; choose one of: {valid}.", field="action"
        ) from None


@dataclass(frozen=True, slots=True)
class DisciplineSettings:
    """An agency's discipline rules: the response period, appeal rights, suspension cap.

    ``suspension_cap_days`` is ``None`` where no cap applies.
    """

    appeal_rights: str
    response_days: int
    suspension_cap_days: int | None
    cap_window_months: int
    cap_citation: str = ""


_DEFAULT_APPEAL = (
    "You may appeal or grieve this action under the agency's grievance and appeal "
    "procedures and any applicable merit-system rules, within the time limits they set; "
    "ask human resources for a copy of them."
)
_MISSOURI_APPEAL = (
    "A regular employee who is suspended, demoted or dismissed may appeal in writing as "
    "provided by RSMo Chapter 36 and 1 CSR 20-3.070, within the time limits they set; "
    "other actions may be grieved under the agency's grievance procedure. Ask human "
    "resources for a copy of the procedure."
)


def default_settings(jurisdiction: str) -> DisciplineSettings:
    """The rules an agency follows until an administrator sets its own.

    Missouri agencies get the statutory cap: 20 working days of suspension
    without pay in any 12 months (RSMo 36.370); others no cap.
    """
    if jurisdiction.strip().upper() == "MO":
        return DisciplineSettings(_MISSOURI_APPEAL, 10, 20, 12, MISSOURI_CAP_CITATION)
    return DisciplineSettings(_DEFAULT_APPEAL, 10, None, 12)


#: What happens to the employee's written response (the report prints it after the
#: number of days and the deadline).
RESPONSE_HANDLING = (
    "Give the written response to the human resources office. It will be placed in the "
    "personnel file with this report and considered before any action becomes final."
)


def check_settings(settings: DisciplineSettings) -> DisciplineSettings:
    """Validate settings typed by an administrator; returns them cleaned."""
    text = settings.appeal_rights.strip()
    if not text:
        raise InvalidInput("Appeal rights text is required.", field="appeal_rights")
    if len(text) > APPEAL_TEXT_MAX:
        raise InvalidInput(
            f"Appeal rights text is {len(text)} characters long; the limit is {APPEAL_TEXT_MAX}.",
            field="appeal_rights",
        )
    if not 1 <= settings.response_days <= RESPONSE_DAYS_MAX:
        raise InvalidInput(
            f"Response days must be between 1 and {RESPONSE_DAYS_MAX}.", field="response_days"
        )
    cap = settings.suspension_cap_days
    if cap is not None and not 1 <= cap <= CAP_DAYS_MAX:
        raise InvalidInput(
            f"The suspension cap must be between 1 and {CAP_DAYS_MAX} working days "
            "(or 'none' for no cap).",
            field="suspension_cap_days",
        )
    if not 1 <= settings.cap_window_months <= WINDOW_MONTHS_MAX:
        raise InvalidInput(
            f"The cap window must be between 1 and {WINDOW_MONTHS_MAX} months.",
            field="cap_window_months",
        )
    return DisciplineSettings(
        text, settings.response_days, cap, settings.cap_window_months,
        settings.cap_citation.strip(),
    )  # fmt: skip


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` months earlier (the month's last day if it has fewer)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def cap_window(effective: dt.date, months: int) -> tuple[dt.date, dt.date]:
    """The period whose suspensions count against the cap: ``months`` up to ``effective``.

    A suspension starting on the first day is outside the window (exactly
    ``months`` months earlier is no longer "within" them).
    """
    return months_before(effective, months), effective


@dataclass(frozen=True, slots=True)
class CapCheck:
    """How a suspension stands against the agency's cap."""

    cap_days: int | None
    window_months: int
    prior_days: int  #: days of other suspensions in the window
    requested_days: int
    citation: str

    @property
    def total(self) -> int:
        return self.prior_days + self.requested_days

    @property
    def exceeded(self) -> bool:
        return self.cap_days is not None and self.total > self.cap_days

    def describe(self) -> str:
        """One sentence: the total against the cap."""
        cite = f" ({self.citation})" if self.citation else ""
        return (
            f"This suspension of {self.requested_days} working days, with "
            f"{self.prior_days} already served in the {self.window_months} months before "
            f"it, makes {self.total}; the agency's cap is {self.cap_days} working days in "
            f"{self.window_months} months{cite}."
        )


class CapExceeded(Refused):
    """A suspension would go over the agency's cap and no override reason was given."""


def check_cap(check: CapCheck, override_reason: str) -> None:
    """Refuse a suspension over the cap unless an override reason is given."""
    if check.exceeded and not override_reason.strip():
        citations = (check.citation,) if check.citation else ()
        raise CapExceeded(
            check.describe() + " Reduce the days, or override the cap with a reason.",
            citations=citations,
        )


def check_grounds(findings: list[tuple[str, Finding]]) -> None:
    """Discipline rests only on substantiated allegations.

    ``findings`` are (citation, finding) of the allegations the decision
    rests on; an empty list or any that is not substantiated is refused.
    """
    if not findings:
        raise Refused(
            "Discipline can only be recorded on a substantiated allegation; this employee "
            "has none in the case. Record the findings first."
        )
    wrong = [f"{cite} ({finding.value.replace('_', ' ')})" for cite, finding in findings
             if finding is not Finding.SUBSTANTIATED]  # fmt: skip
    if wrong:
        raise Refused(
            "Discipline can only be recorded on substantiated allegations; not substantiated: "
            + ", ".join(wrong)
            + "."
        )
