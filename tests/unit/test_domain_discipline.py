"""The suspension cap in any window of the agency's months, and the grounds of a decision."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.cases import Finding
from app.domain.discipline import (
    CapExceeded,
    RestingDecision,
    Suspension,
    cap_check,
    check_cap,
    check_finding_change,
    default_settings,
    in_window,
    months_before,
    window_end,
)
from app.domain.errors import Refused

MISSOURI = default_settings("MO")  # 20 working days in any 12 months, RSMo 36.370
NEW = dt.date(2026, 12, 20)
DAY = dt.timedelta(days=1)


def _days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


@pytest.mark.parametrize(
    ("others", "requested", "total", "start", "exceeded"),
    [
        pytest.param((), 20, 20, NEW, False, id="alone, exactly at the cap"),
        pytest.param((), 21, 21, NEW, True, id="alone, over the cap"),
        pytest.param(((NEW - _days(100), 15),), 6, 21, NEW - _days(100), True,
                     id="an earlier suspension in the window"),
        pytest.param(((NEW - _days(100), 15),), 5, 20, NEW - _days(100), False,
                     id="an earlier suspension, exactly at the cap"),
        pytest.param(((months_before(NEW, 12), 15),), 10, 10, NEW, False,
                     id="exactly 12 months earlier is outside"),
        pytest.param(((months_before(NEW, 12) + DAY, 15),), 10, 25,
                     months_before(NEW, 12) + DAY, True, id="a day less than 12 months earlier"),
        pytest.param(((dt.date(2027, 3, 1), 15),), 10, 25, NEW, True,
                     id="a later suspension, saved first"),
        pytest.param(((dt.date(2027, 12, 20), 15),), 10, 10, NEW, False,
                     id="exactly 12 months later is outside"),
        pytest.param(((dt.date(2027, 12, 19), 15),), 10, 25, NEW, True,
                     id="a day less than 12 months later"),
        pytest.param(((NEW - _days(200), 10), (NEW + _days(200), 10)), 5, 15,
                     NEW - _days(200), False,
                     id="straddling, no 12 months hold both neighbours"),
        pytest.param(((NEW - _days(100), 10), (NEW + _days(100), 8)), 5, 23, NEW - _days(100),
                     True, id="straddling, one window holds all three"),
        pytest.param(((NEW - _days(300), 12), (NEW + _days(10), 4), (NEW + _days(300), 12)),
                     4, 20, NEW - _days(300), False,
                     id="straddling, the worst window exactly at the cap"),
    ],
)  # fmt: skip
def test_the_cap_holds_in_every_window_that_holds_the_new_suspension(
    others: tuple[tuple[dt.date, int], ...],
    requested: int,
    total: int,
    start: dt.date,
    exceeded: bool,
) -> None:
    check = cap_check(MISSOURI, NEW, requested, [Suspension(d, n, "X") for d, n in others])
    assert (check.total, check.window_start, check.exceeded) == (total, start, exceeded)
    assert check.window_end == window_end(start, 12)
    assert all(in_window(start, s.effective_on, 12) for s in check.counted)
    assert in_window(start, NEW, 12)


def test_the_message_names_the_window_the_other_suspensions_and_the_citation() -> None:
    later = Suspension(dt.date(2027, 3, 1), 15, "MODNR-2026-0002")
    check = cap_check(MISSOURI, NEW, 10, [later])
    with pytest.raises(CapExceeded) as refused:
        check_cap(check, "")
    message = str(refused.value)
    assert "15 in MODNR-2026-0002 effective 2027-03-01" in message
    assert "makes 25 working days between 2026-12-20 and 2027-12-19" in message
    assert "cap is 20 working days in any 12 months (RSMo 36.370)" in message
    assert "override the cap with a reason" in message
    assert refused.value.citations == ("RSMo 36.370",)
    # With a reason the suspension may go over the cap; a blank one is no reason.
    check_cap(check, "Agreed in the settlement of the grievance.")
    with pytest.raises(CapExceeded):
        check_cap(check, "  ")


def test_an_agency_without_a_cap_is_never_over_it() -> None:
    check = cap_check(default_settings("AR"), NEW, 200, [Suspension(NEW, 100)])
    assert (check.total, check.exceeded) == (300, False)
    check_cap(check, "")


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (dt.date(2026, 12, 20), dt.date(2027, 12, 19)),
        (dt.date(2024, 2, 29), dt.date(2025, 2, 28)),
        (dt.date(2026, 1, 31), dt.date(2027, 1, 30)),
    ],
)
def test_a_window_ends_the_day_before_the_same_day_12_months_later(
    start: dt.date, end: dt.date
) -> None:
    assert window_end(start, 12) == end
    assert in_window(start, end, 12) and not in_window(start, end + DAY, 12)


def test_a_finding_under_a_decision_in_force_stays_substantiated() -> None:
    resting = [
        RestingDecision("MODMH-2025-0001", 2, "Brittany Schaefer",
                        "Suspension without pay (5 working days)", dt.date(2025, 4, 2)),
    ]  # fmt: skip
    check_finding_change("MO-DMH-DOR-6.675 (2)", Finding.SUBSTANTIATED, resting)
    check_finding_change("MO-DMH-DOR-6.675 (2)", Finding.UNFOUNDED, [])
    with pytest.raises(Refused) as refused:
        check_finding_change("MO-DMH-DOR-6.675 (2)", Finding.UNFOUNDED, resting)
    message = str(refused.value)
    assert "MO-DMH-DOR-6.675 (2) cannot become unfounded" in message
    assert "suspension without pay (5 working days) for Brittany Schaefer" in message
    assert "casedesk discipline withdraw MODMH-2025-0001 --employee 2" in message
    assert "revise its grounds" in message
