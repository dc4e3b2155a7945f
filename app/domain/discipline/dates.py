"""The date rules of a disciplinary action, as pure functions.

- The employee gets the whole response window: the response is due
  ``response_days`` working days after the notice, and the action takes
  effect only after that day (a response due on the effective date is
  refused), and never before the conduct or the report.
- A deadline that falls on a weekend or holiday moves to the next working
  day, and says so.
- A suspension's first day, last day and return to work agree with its
  number of working days.
- A terminal suspension given with a dismissal is outside the cap only
  where the employer's law says so (RSMo 36.370.1), and only with a dismissal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.domain.discipline.ladder import DisciplineAction
from app.domain.discipline.law_settings import LawSettingValues
from app.domain.discipline.pack import DisciplinePack
from app.domain.discipline.rules import AppealRule, CapRule, DayKind
from app.domain.discipline.workdays import Moved, SuspensionDates, WorkCalendar
from app.domain.errors import InvalidInput, Refused
from app.domain.wording import counted as plural


@dataclass(frozen=True, slots=True)
class Deadline:
    """A deadline: ``days`` counted from ``counted_from``, moved to a working day if need be."""

    day: dt.date
    counted_from: dt.date
    days: int
    kind: DayKind
    moved: Moved
    citation: str = ""

    def describe(self) -> str:
        """ "2027-01-04 (30 calendar days after 2026-12-05; 2027-01-04 ...)"."""
        text = f"{self.day} ({self.days} {self.kind.label} after {self.counted_from}"
        if self.moved.moved:
            text += f"; {self.moved.reason}"
        if self.citation:
            text += f"; {self.citation}"
        return text + ")"


def deadline(
    calendar: WorkCalendar,
    counted_from: dt.date,
    days: int,
    kind: DayKind,
    citation: str = "",
    *,
    moves: bool = True,
    saturdays_open: bool = False,
) -> Deadline:
    """The day ``days`` calendar or working days after ``counted_from``.

    Working days always end on a working day. Calendar days that end on a
    weekend or holiday move to the next working day when ``moves`` (a
    Saturday stays when ``saturdays_open``).
    """
    if not 0 <= days <= 1_000:
        raise InvalidInput(f"{days} days is out of range; give 0 to 1000.", field="days")
    if kind is DayKind.WORKING:
        day = calendar.add_working_days(counted_from, days)
        moved = Moved(day, day)
    elif moves:
        last = counted_from + dt.timedelta(days=days)
        moved = calendar.next_working_day(last, saturdays_open=saturdays_open)
    else:
        last = counted_from + dt.timedelta(days=days)
        moved = Moved(last, last)
    return Deadline(moved.day, counted_from, days, kind, moved, citation)


def appeal_deadline(
    pack: DisciplinePack, appeal: AppealRule, counted_from: dt.date, values: LawSettingValues
) -> Deadline:
    """The last day to appeal, ``counted_from`` the day the rule counts from.

    The days, their kind and the body come from the law or, where the pack
    says so, from the agency's settings ``values`` (refused when not set).
    A last day on a closed day moves only under the pack's ``deadline_rule``
    (the law that says so), never by a rule of ours.
    """
    days = appeal.days.resolve(values, pack.agency_code)
    kind = DayKind(str(appeal.day_kind.resolve(values, pack.agency_code)))
    citation = appeal.days.citation
    if pack.deadline_rule is not None and kind is DayKind.CALENDAR:
        citation = f"{citation}; {pack.deadline_rule.citation}"
    return deadline(
        pack.calendar, counted_from, int(days), kind, citation,
        moves=pack.deadline_rule is not None,
        saturdays_open=not pack.deadline_moves_saturdays,
    )  # fmt: skip


def response_due(calendar: WorkCalendar, notice_on: dt.date, response_days: int) -> dt.date:
    """The last day to respond to a notice of ``notice_on``: ``response_days`` working days on."""
    if response_days < 1:
        raise InvalidInput(
            "The response window is at least one working day; set the agency's response days.",
            field="response_days",
        )
    return calendar.add_working_days(notice_on, response_days)


def earliest_effective(calendar: WorkCalendar, notice_on: dt.date, response_days: int) -> dt.date:
    """The first working day after the response is due: the earliest the action takes effect."""
    return calendar.add_working_days(response_due(calendar, notice_on, response_days), 1)


def check_effective_date(
    calendar: WorkCalendar,
    *,
    effective_on: dt.date,
    notice_on: dt.date | None,
    response_days: int | None,
    conduct_on: dt.date | None = None,
    reported_on: dt.date | None = None,
) -> None:
    """Refuse an effective date that cuts the response window short or precedes the facts.

    ``notice_on`` and ``response_days`` are ``None`` for an action that needs
    no pre-action notice; the date must still follow the conduct and report.
    """
    for label, day in (("conduct", conduct_on), ("report", reported_on)):
        if day is not None and effective_on < day:
            raise InvalidInput(
                f"The effective date {effective_on} is before the {label} date {day}; an "
                f"action takes effect on or after the {label}. Correct the effective date.",
                field="effective_on",
            )
    if notice_on is None:
        return
    if effective_on < notice_on:
        raise InvalidInput(
            f"The effective date {effective_on} is before the notice date {notice_on}; give "
            "the notice first.",
            field="effective_on",
        )
    if response_days is None:
        raise InvalidInput(
            "The response window is not known: set the agency's response days first.",
            field="response_days",
        )
    due = response_due(calendar, notice_on, response_days)
    if effective_on <= due:
        first = earliest_effective(calendar, notice_on, response_days)
        same = " the same day the response is due" if effective_on == due else ""
        raise Refused(
            f"The action cannot take effect on {effective_on}{same}: the notice of {notice_on} "
            f"gave the employee {plural(response_days, 'working day')} to respond (the "
            f"agency's response window), until {due}, and the response is considered before "
            f"the decision. Choose {first} or later, or give the notice earlier.",
            field="effective_on",
        )


def check_suspension_dates(
    calendar: WorkCalendar,
    *,
    first_day: dt.date,
    days: int,
    last_day: dt.date | None = None,
    return_on: dt.date | None = None,
) -> SuspensionDates:
    """A suspension's dates from its first day and working days, checked against any given."""
    dates = calendar.suspension(first_day, days)
    if last_day is not None and last_day != dates.last_day:
        counted = calendar.count_working_days(first_day, last_day) if last_day >= first_day else 0
        raise InvalidInput(
            f"A suspension of {plural(days, 'working day')} from {first_day} ends on "
            f"{dates.last_day}, "
            f"not {last_day} ({plural(counted, 'working day')} from {first_day}, weekends and "
            f"holidays excluded). Correct the last day or the number of days.",
            field="last_day",
        )
    if return_on is not None and return_on != dates.return_on:
        raise InvalidInput(
            f"After a suspension ending {dates.last_day} the employee returns to work on "
            f"{dates.return_on}, the next working day, not {return_on}. Correct the return date.",
            field="return_on",
        )
    return dates


def counts_against_cap(
    cap: CapRule, action: DisciplineAction, *, terminal_with_dismissal: bool
) -> bool:
    """Whether a suspension counts against the cap; refuses a terminal one not allowed.

    ``terminal_with_dismissal`` marks a suspension given in conjunction with a
    dismissal. It is outside the cap only where ``cap`` says so, and only when
    the decision is a dismissal.
    """
    if not terminal_with_dismissal:
        return True
    if action is not DisciplineAction.DISMISSAL:
        raise Refused(
            "A terminal suspension goes with a dismissal: this decision is a "
            f"{action.label.lower()}. Record the dismissal, or count the suspension against "
            "the cap.",
            citations=(cap.citation,),
        )
    if not cap.terminal_with_dismissal_exempt:
        raise Refused(
            "This employer's law makes no exception to the suspension cap for a terminal "
            "suspension with a dismissal; the suspension counts against the cap.",
            citations=(cap.citation,),
        )
    return False
