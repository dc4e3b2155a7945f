"""Working days per employer: weekends, each state's public holidays, deadlines that move."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.discipline import (
    DayKind,
    calendar_for,
    check_suspension_dates,
    deadline,
    pack_for,
)
from app.domain.errors import InvalidInput

D = dt.date


@pytest.mark.parametrize(
    ("key", "day", "name"),
    [
        ("MO", D(2026, 5, 8), "Truman Day"),
        ("MO", D(2026, 2, 12), "Lincoln Day"),
        ("STL", D(2026, 5, 8), "Truman Day"),
        ("MA", D(2026, 4, 20), "Patriots' Day"),
        ("AR", D(2026, 12, 24), "Christmas Eve"),
        ("AR", D(2022, 12, 23), "Christmas Eve (observed)"),
        ("MO", D(2023, 2, 13), "Lincoln Day (observed)"),
        ("AR", D(2026, 2, 16), "George Washington's Birthday and Daisy Gatson Bates Day"),
    ],
)
def test_each_state_has_its_own_holidays(key: str, day: dt.date, name: str) -> None:
    calendar = calendar_for(key)
    assert calendar.holiday_name(day) == name
    assert not calendar.is_working_day(day)


@pytest.mark.parametrize(
    ("key", "day"),
    [
        ("AR", D(2026, 5, 8)),  # Truman Day is Missouri's
        ("MA", D(2026, 5, 8)),
        ("MO", D(2026, 4, 20)),  # Patriots' Day is Massachusetts'
        ("AR", D(2026, 10, 12)),  # no Columbus Day in Arkansas (Ark. Code § 1-5-101)
        ("MA", D(2026, 12, 24)),  # Christmas Eve is Arkansas'
    ],
)
def test_another_states_holiday_is_a_working_day(key: str, day: dt.date) -> None:
    assert calendar_for(key).is_working_day(day)


def test_a_deadline_on_christmas_moves_and_says_so() -> None:
    moved = calendar_for("MO").next_working_day(D(2026, 12, 25))
    assert moved.day == D(2026, 12, 28)
    assert moved.reason == "2026-12-25 is Christmas Day; moved to 2026-12-28"


def test_a_weekend_deadline_moves_to_monday() -> None:
    moved = calendar_for("MA").next_working_day(D(2026, 3, 7))
    assert (moved.day, moved.reason) == (
        D(2026, 3, 9),
        "2026-03-07 is a Saturday; moved to 2026-03-09",
    )
    same = calendar_for("MA").next_working_day(D(2026, 3, 9))
    assert (same.moved, same.reason) == (False, "")


def test_working_days_skip_truman_day_in_missouri_only() -> None:
    # Thursday 2026-05-07; Friday 05-08 is Truman Day in Missouri.
    assert calendar_for("MO").add_working_days(D(2026, 5, 7), 1) == D(2026, 5, 11)
    assert calendar_for("AR").add_working_days(D(2026, 5, 7), 1) == D(2026, 5, 8)
    assert calendar_for("MO").count_working_days(D(2026, 5, 4), D(2026, 5, 15)) == 9
    assert calendar_for("MA").count_working_days(D(2026, 5, 4), D(2026, 5, 15)) == 10


def test_counting_needs_the_days_in_order() -> None:
    with pytest.raises(InvalidInput, match="before the first day"):
        calendar_for("MO").count_working_days(D(2026, 5, 4), D(2026, 5, 1))


def test_a_suspension_over_patriots_day_ends_a_day_later() -> None:
    # Five working days from Thursday 2026-04-16: Thu, Fri, (Mon 04-20 Patriots' Day) Tue, Wed, Thu.
    dates = calendar_for("MA").suspension(D(2026, 4, 16), 5)
    assert (dates.last_day, dates.return_on) == (D(2026, 4, 23), D(2026, 4, 24))
    other = calendar_for("MO").suspension(D(2026, 4, 16), 5)
    assert (other.last_day, other.return_on) == (D(2026, 4, 22), D(2026, 4, 23))


def test_a_suspension_starts_on_a_working_day() -> None:
    with pytest.raises(InvalidInput, match="2026-05-08 is Truman Day. Start it on 2026-05-11"):
        calendar_for("MO").suspension(D(2026, 5, 8), 3)


def test_suspension_dates_must_agree_with_the_days() -> None:
    mo = calendar_for("MO")
    good = check_suspension_dates(
        mo, first_day=D(2026, 5, 6), days=3, last_day=D(2026, 5, 11), return_on=D(2026, 5, 12)
    )
    assert good.last_day == D(2026, 5, 11)
    with pytest.raises(InvalidInput, match="ends on 2026-05-11, not 2026-05-08") as wrong:
        check_suspension_dates(mo, first_day=D(2026, 5, 6), days=3, last_day=D(2026, 5, 8))
    assert wrong.value.field == "last_day"
    with pytest.raises(InvalidInput, match="returns to work on 2026-05-12") as back:
        check_suspension_dates(mo, first_day=D(2026, 5, 6), days=3, return_on=D(2026, 5, 11))
    assert back.value.field == "return_on"


def test_calendar_day_deadlines_move_working_day_deadlines_do_not() -> None:
    ar = calendar_for("AR")
    # 10 calendar days after 2026-12-14 is Christmas Eve in Arkansas, then Christmas.
    late = deadline(ar, D(2026, 12, 14), 10, DayKind.CALENDAR)
    assert late.day == D(2026, 12, 28)
    assert "2026-12-24 is Christmas Eve; moved to 2026-12-28" in late.describe()
    work = deadline(ar, D(2026, 12, 21), 3, DayKind.WORKING)
    assert (work.day, work.moved.moved) == (D(2026, 12, 28), False)


def test_each_pack_uses_its_employers_calendar() -> None:
    assert pack_for("MODMH", "MO").calendar.key == "MO"
    assert pack_for("MODNR", "MO").calendar.key == "MO"
    assert pack_for("STLCITY", "MO").calendar.key == "STL"
    assert pack_for("ARDHS", "AR").calendar.key == "AR"
    assert pack_for("MADYS", "MA").calendar.key == "MA"
    assert pack_for("OTHER", "TX").calendar.key == "US"


def test_an_unknown_calendar_is_refused_with_the_list() -> None:
    with pytest.raises(InvalidInput, match="calendars: MO, AR, MA, US, STL"):
        calendar_for("TX")
