"""The date rules: the response window before the effective date, and the cap's exception."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.discipline import (
    DisciplineAction,
    Regime,
    check_effective_date,
    counts_against_cap,
    earliest_effective,
    pack_for,
    response_due,
)
from app.domain.errors import InvalidInput, Refused

A = DisciplineAction
D = dt.date
CODES = [("MODMH", "MO"), ("MODNR", "MO"), ("STLCITY", "MO"), ("ARDHS", "AR"), ("MADYS", "MA")]


@pytest.mark.parametrize(
    ("code", "place", "notice", "due"),
    [
        # Five working days from Friday 2026-05-01: Truman Day (05-08) in Missouri.
        ("MODMH", "MO", D(2026, 5, 1), D(2026, 5, 11)),
        ("MODNR", "MO", D(2026, 5, 1), D(2026, 5, 11)),
        ("STLCITY", "MO", D(2026, 5, 1), D(2026, 5, 11)),
        ("ARDHS", "AR", D(2026, 5, 1), D(2026, 5, 8)),
        # From Tuesday 2026-04-14: Patriots' Day (04-20) in Massachusetts.
        ("MADYS", "MA", D(2026, 4, 14), D(2026, 4, 22)),
        # From Friday 2026-12-18: Christmas Eve and Christmas in Arkansas.
        ("ARDHS", "AR", D(2026, 12, 18), D(2026, 12, 29)),
    ],
)
def test_response_due_counts_the_employers_working_days(
    code: str, place: str, notice: dt.date, due: dt.date
) -> None:
    calendar = pack_for(code, place).calendar
    assert response_due(calendar, notice, 5) == due
    first = earliest_effective(calendar, notice, 5)
    assert first > due and calendar.is_working_day(first)
    check_effective_date(calendar, effective_on=first, notice_on=notice, response_days=5)


@pytest.mark.parametrize(("code", "place"), CODES)
def test_an_effective_date_on_the_response_deadline_is_refused(code: str, place: str) -> None:
    calendar = pack_for(code, place).calendar
    notice = D(2026, 6, 1)
    due = response_due(calendar, notice, 3)
    with pytest.raises(Refused, match="the same day the response is due") as refused:
        check_effective_date(calendar, effective_on=due, notice_on=notice, response_days=3)
    assert f"Choose {earliest_effective(calendar, notice, 3)} or later" in str(refused.value)
    assert refused.value.field == "effective_on"  # a form shows it beside the effective date
    window = r"gave the employee 3 working days to respond \(the agency.s response window\)"
    with pytest.raises(Refused, match=window):
        check_effective_date(calendar, effective_on=notice, notice_on=notice, response_days=3)


def test_an_effective_date_before_the_conduct_or_report_is_invalid() -> None:
    calendar = pack_for("MODNR", "MO").calendar
    with pytest.raises(InvalidInput, match="before the conduct date 2026-03-10") as wrong:
        check_effective_date(
            calendar,
            effective_on=D(2026, 3, 9),
            notice_on=None,
            response_days=None,
            conduct_on=D(2026, 3, 10),
        )
    assert wrong.value.field == "effective_on"
    with pytest.raises(InvalidInput, match="before the report date"):
        check_effective_date(
            calendar,
            effective_on=D(2026, 3, 9),
            notice_on=None,
            response_days=None,
            reported_on=D(2026, 3, 12),
        )
    check_effective_date(
        calendar,
        effective_on=D(2026, 3, 10),
        notice_on=None,
        response_days=None,
        conduct_on=D(2026, 3, 10),
        reported_on=D(2026, 3, 10),
    )


def test_an_effective_date_before_the_notice_or_without_a_window_is_invalid() -> None:
    calendar = pack_for("MADYS", "MA").calendar
    with pytest.raises(InvalidInput, match="before the notice date"):
        check_effective_date(
            calendar, effective_on=D(2026, 3, 1), notice_on=D(2026, 3, 2), response_days=5
        )
    with pytest.raises(InvalidInput, match="set the agency's response days"):
        check_effective_date(
            calendar, effective_on=D(2026, 3, 20), notice_on=D(2026, 3, 2), response_days=None
        )
    with pytest.raises(InvalidInput, match="at least one working day"):
        response_due(calendar, D(2026, 3, 2), 0)


def test_missouri_terminal_suspension_with_dismissal_is_outside_the_cap() -> None:
    cap = pack_for("MODMH", "MO").cap
    assert cap is not None
    assert counts_against_cap(cap, A.DISMISSAL, terminal_with_dismissal=True) is False
    assert counts_against_cap(cap, A.SUSPENSION, terminal_with_dismissal=False) is True
    with pytest.raises(Refused, match="A terminal suspension goes with a dismissal") as refused:
        counts_against_cap(cap, A.SUSPENSION, terminal_with_dismissal=True)
    assert "RSMo 36.370" in str(refused.value)


def test_st_louis_has_no_verified_terminal_exception() -> None:
    cap = pack_for("STLCITY", "MO").cap
    assert cap is not None
    with pytest.raises(Refused, match="makes no exception"):
        counts_against_cap(cap, A.DISMISSAL, terminal_with_dismissal=True)


def test_a_provider_employee_cannot_get_a_suspension_at_all() -> None:
    ma = pack_for("MADYS", "MA")
    with pytest.raises(Refused, match="does not discipline a contracted provider's employee"):
        ma.check_action(A.SUSPENSION, Regime.PROVIDER)
