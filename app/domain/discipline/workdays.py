"""Working days: weekends and the employer's public holidays excluded.

DOMAIN.md "Due process, by employer": response windows and suspensions count
working days, "weekends and the state's public holidays excluded". The
holidays come from the ``holidays`` package (its United States calendar for
the state's subdivision: MO, AR, MA), with the state holidays its public
calendar lacks added from the statute: Lincoln Day, February 12 (RSMo 9.010)
and Christmas Eve, December 24 (Ark. Code Ann. § 1-5-101(a)(9)). The City of
St. Louis uses Missouri's public holidays: the City's own holiday list was
not found in a source that could be checked (docs/discipline-law.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from app.domain.errors import InvalidInput

if TYPE_CHECKING:
    import holidays

#: The calendars there are, by key, with the source of their holidays.
CALENDARS: dict[str, str] = {
    "MO": "Missouri public holidays (holidays package, US subdivision MO)",
    "AR": "Arkansas public holidays (holidays package, US subdivision AR)",
    "MA": "Massachusetts public holidays (holidays package, US subdivision MA)",
    "US": "United States federal holidays (holidays package, no state)",
    "STL": (
        "City of St. Louis: Missouri public holidays (holidays package, US subdivision MO); "
        "the City's own holiday list is not verified"
    ),
}
#: Statutory holidays the package's public calendar lacks: (month, day, name, citation,
#: day a Saturday holiday is observed on (-1 Friday before, 0 none), day a Sunday one is).
_ADDED: dict[str, tuple[tuple[int, int, str, str, int, int], ...]] = {
    "MO": ((2, 12, "Lincoln Day", "RSMo 9.010", 0, 1),),
    "STL": ((2, 12, "Lincoln Day", "RSMo 9.010", 0, 1),),
    "AR": ((12, 24, "Christmas Eve", "Ark. Code Ann. § 1-5-101", -1, 1),),
}
_SUBDIVISION: dict[str, str | None] = {
    "MO": "MO",
    "AR": "AR",
    "MA": "MA",
    "STL": "MO",
    "US": None,
}
#: Far enough for any suspension or appeal window; a loop past it is a bug or bad input.
_SEARCH_DAYS = 3_660
WORKING_DAYS_MAX = 1_000


@dataclass(frozen=True, slots=True)
class Moved:
    """A date moved to a working day, and why (``reason`` is empty when it did not move)."""

    day: dt.date
    requested: dt.date
    reason: str = ""

    @property
    def moved(self) -> bool:
        return self.day != self.requested


@dataclass(frozen=True, slots=True)
class SuspensionDates:
    """A suspension of ``days`` working days: its first and last day, and the return to work."""

    first_day: dt.date
    last_day: dt.date
    return_on: dt.date
    days: int


@dataclass(frozen=True, slots=True)
class WorkCalendar:
    """The working days of one employer: Monday to Friday except its public holidays."""

    key: str

    @property
    def source(self) -> str:
        """Where its holidays come from, for documents and messages."""
        return CALENDARS[self.key]

    def holiday_name(self, day: dt.date) -> str | None:
        """The public holiday on ``day``, or ``None``."""
        name = _holidays(_SUBDIVISION[self.key], day.year).get(day)
        if name is not None:
            return str(name)
        return _added(self.key, day.year).get(day)

    def why_not_working(self, day: dt.date) -> str:
        """Why ``day`` is not a working day ("Saturday", "Christmas Day"), or ""."""
        name = self.holiday_name(day)
        if name:
            return name
        if day.weekday() >= 5:
            return day.strftime("%A")
        return ""

    def is_working_day(self, day: dt.date) -> bool:
        return not self.why_not_working(day)

    def next_working_day(self, day: dt.date, *, saturdays_open: bool = False) -> Moved:
        """``day`` if it is a working day, else the next one, with the reason it moved.

        The reason reads "2026-12-25 is Christmas Day; moved to 2026-12-28".
        ``saturdays_open``: a Saturday that is no holiday does not move (a rule
        like M.G.L. c. 4, § 9 moves only Sundays and legal holidays).
        """

        def closed(d: dt.date) -> str:
            why = self.why_not_working(d)
            return "" if saturdays_open and why == "Saturday" else why

        reason = closed(day)
        if not reason:
            return Moved(day, day)
        moved = day
        for _ in range(_SEARCH_DAYS):
            moved += dt.timedelta(days=1)
            if not closed(moved):
                break
        return Moved(moved, day, f"{day.isoformat()} is {_article(reason)}; moved to {moved}")

    def add_working_days(self, day: dt.date, count: int) -> dt.date:
        """The working day ``count`` working days after ``day`` (``day`` itself not counted).

        ``count`` 0 gives ``day`` moved to a working day.
        """
        _check_count(count)
        current = day
        left = count
        while left > 0:
            current += dt.timedelta(days=1)
            if self.is_working_day(current):
                left -= 1
        return current if count else self.next_working_day(day).day

    def count_working_days(self, first: dt.date, last: dt.date) -> int:
        """How many working days from ``first`` to ``last``, both included."""
        if last < first:
            raise InvalidInput(
                f"The last day ({last}) is before the first day ({first}); give them in order.",
                field="last_day",
            )
        if (last - first).days > _SEARCH_DAYS:
            raise InvalidInput(
                f"{first} to {last} is more than ten years; check the dates.", field="last_day"
            )
        day, count = first, 0
        while day <= last:
            count += self.is_working_day(day)
            day += dt.timedelta(days=1)
        return count

    def suspension(self, first_day: dt.date, days: int) -> SuspensionDates:
        """A suspension of ``days`` working days from ``first_day``: last day and return.

        ``first_day`` must be a working day; the return to work is the next
        working day after the last day.
        """
        if days < 1:
            raise InvalidInput("A suspension is at least one working day.", field="days")
        _check_count(days)
        reason = self.why_not_working(first_day)
        if reason:
            moved = self.next_working_day(first_day).day
            raise InvalidInput(
                f"A suspension starts on a working day; {first_day} is {_article(reason)}. "
                f"Start it on {moved} instead.",
                field="first_day",
            )
        last = self.add_working_days(first_day, days - 1)
        return SuspensionDates(first_day, last, self.add_working_days(last, 1), days)


def _check_count(count: int) -> None:
    if not 0 <= count <= WORKING_DAYS_MAX:
        raise InvalidInput(
            f"{count} working days is out of range; give 0 to {WORKING_DAYS_MAX}.", field="days"
        )


def _article(reason: str) -> str:
    """ "a Saturday" for weekdays, the holiday's name as it is."""
    return f"a {reason}" if reason in _WEEKDAYS else reason


_WEEKDAYS = frozenset(("Saturday", "Sunday"))


@lru_cache(maxsize=64)
def _holidays(subdivision: str | None, year: int) -> holidays.HolidayBase:
    # Imported at the first date computed: its calendars take longer to load
    # than everything else here, and most commands compute no date.
    import holidays

    return holidays.country_holidays("US", subdiv=subdivision, years=year)


@lru_cache(maxsize=64)
def _added(key: str, year: int) -> dict[dt.date, str]:
    """The statutory holidays of ``year`` added to the package's, observed days included."""
    days: dict[dt.date, str] = {}
    for month, day_of_month, name, _citation, saturday, sunday in _ADDED.get(key, ()):
        day = dt.date(year, month, day_of_month)
        days[day] = name
        shift = {5: saturday, 6: sunday}.get(day.weekday(), 0)
        if shift:
            days.setdefault(day + dt.timedelta(days=shift), f"{name} (observed)")
    return days


def calendar_for(key: str) -> WorkCalendar:
    """The working-day calendar ``key`` ("MO", "AR", "MA", "STL"; any case)."""
    clean = key.strip().upper()
    if clean not in CALENDARS:
        known = ", ".join(CALENDARS)
        raise InvalidInput(
            f"There is no working-day calendar for '{key}'; calendars: {known}.",
            field="calendar",
        )
    return WorkCalendar(clean)
