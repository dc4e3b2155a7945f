"""The suspension cap: days of suspension without pay in any window of months.

Missouri caps disciplinary suspension without pay at 20 working days in any
12 months (RSMo 36.370), except a terminal suspension given with a
dismissal; a suspension beyond an agency's configured cap needs an explicit
override with a reason.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from app.domain.discipline.settings import DisciplineSettings
from app.domain.errors import Refused
from app.domain.wording import counted


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
            f"This suspension of {counted(self.requested_days, 'working day')}, "
            f"{with_others}makes "
            f"{counted(self.total, 'working day')} between {self.window_start} and "
            f"{self.window_end}; the agency's cap is {counted(self.cap_days or 0, 'working day')} "
            f"in any {self.window_months} "
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
