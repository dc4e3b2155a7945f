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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.domain.cases import Finding
from app.domain.errors import InvalidInput, Refused

STEPS_MAX = 5_000
CONSEQUENCE_MAX = 2_000
APPEAL_TEXT_MAX = 5_000
STATUS_PENDING_MAX = 1_000
OVERRIDE_REASON_MAX = 2_000
WITHDRAWAL_REASON_MAX = 2_000
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


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` months later (the month's last day if it has fewer)."""
    return months_before(day, -months)


def in_window(start: dt.date, day: dt.date, months: int) -> bool:
    """Whether ``day`` falls in the ``months``-month window that opens on ``start``.

    The window holds the days from ``start`` until, but not including, the
    day exactly ``months`` months later: a suspension ``months`` months after
    another is no longer "within" the same months.
    """
    return start <= day and months_before(day, months) < start


def window_end(start: dt.date, months: int) -> dt.date:
    """The last day of the ``months``-month window that opens on ``start``."""
    end = months_after(start, months)
    while not in_window(start, end, months):
        end -= dt.timedelta(days=1)
    while in_window(start, end + dt.timedelta(days=1), months):
        end += dt.timedelta(days=1)
    return end


@dataclass(frozen=True, slots=True)
class Suspension:
    """A suspension without pay already decided for the employee, in another case."""

    effective_on: dt.date
    days: int
    case_number: str = ""


@dataclass(frozen=True, slots=True)
class CapCheck:
    """How a suspension stands against the agency's cap, in its worst window.

    The cap holds in *any* window of ``window_months`` months: every window
    that contains the new suspension's effective date is checked, and this
    is the one with the most days (``window_start`` to ``window_end``).
    ``counted`` are the other suspensions whose effective dates fall in it.
    """

    cap_days: int | None
    window_months: int
    window_start: dt.date
    window_end: dt.date
    requested_days: int
    counted: tuple[Suspension, ...] = ()
    citation: str = ""

    @property
    def other_days(self) -> int:
        """Days of the other suspensions in the window."""
        return sum(s.days for s in self.counted)

    @property
    def total(self) -> int:
        return self.other_days + self.requested_days

    @property
    def exceeded(self) -> bool:
        return self.cap_days is not None and self.total > self.cap_days

    def describe(self) -> str:
        """One sentence: the worst window, what falls in it, and the cap."""
        cite = f" ({self.citation})" if self.citation else ""
        if self.counted:
            others = "; ".join(
                f"{s.days} in {s.case_number or 'another case'} effective {s.effective_on}"
                for s in self.counted
            )
            with_others = f"with {self.other_days} of other suspensions ({others}), "
        else:
            with_others = "with no other suspension, "
        return (
            f"This suspension of {self.requested_days} working days, {with_others}makes "
            f"{self.total} working days between {self.window_start} and {self.window_end}; "
            f"the agency's cap is {self.cap_days} working days in any {self.window_months} "
            f"months{cite}."
        )


def cap_check(
    settings: DisciplineSettings,
    effective_on: dt.date,
    days: int,
    others: Iterable[Suspension],
) -> CapCheck:
    """How a suspension of ``days`` effective on ``effective_on`` stands against the cap.

    ``others`` are the employee's other suspensions, before or after it. Every
    window of the agency's months that contains ``effective_on`` must stay
    within the cap. A window can slide later until it opens on the first
    suspension in it without losing any, so the worst window opens on one of
    the suspensions' effective dates: only those are tried.
    """
    months = settings.cap_window_months
    nearby = sorted(
        (s for s in others
         if in_window(effective_on, s.effective_on, months)
         or in_window(s.effective_on, effective_on, months)),
        key=lambda s: (s.effective_on, s.case_number),
    )  # fmt: skip
    best: CapCheck | None = None
    for start in sorted({effective_on} | {s.effective_on for s in nearby}):
        if not in_window(start, effective_on, months):
            continue
        counted = tuple(s for s in nearby if in_window(start, s.effective_on, months))
        check = CapCheck(
            settings.suspension_cap_days, months, start, window_end(start, months), days,
            counted, settings.cap_citation,
        )  # fmt: skip
        if best is None or check.total > best.total:
            best = check
    assert best is not None  # the window opening on ``effective_on`` always qualifies
    return best


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


@dataclass(frozen=True, slots=True)
class RestingDecision:
    """A discipline decision in force that rests on a given allegation."""

    case_number: str
    employee_id: int
    employee_name: str
    action_label: str
    effective_on: dt.date


def check_finding_change(
    citation: str, finding: Finding, resting: Sequence[RestingDecision]
) -> None:
    """Refuse to take a finding away from substantiated while discipline rests on it.

    A decision in force must keep resting on substantiated allegations only;
    HR first withdraws the decision, or revises its grounds, and only then
    may the finding change.
    """
    if finding is Finding.SUBSTANTIATED or not resting:
        return
    decisions = "; ".join(
        f"{d.action_label.lower()} for {d.employee_name}, effective {d.effective_on}"
        for d in resting
    )
    first = resting[0]
    raise Refused(
        f"The finding on {citation} cannot become {finding.value.replace('_', ' ')}: the "
        f"discipline decided in {first.case_number} rests on it ({decisions}), and "
        "discipline rests only on substantiated allegations. HR must first withdraw the "
        f"decision (Discipline tab, or 'casedesk discipline withdraw {first.case_number} "
        f"--employee {first.employee_id} --reason ...'), or revise its grounds in discipline "
        "review so that it no longer rests on this allegation."
    )
