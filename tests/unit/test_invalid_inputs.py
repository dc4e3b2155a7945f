"""Every problem of one input at once: InvalidInputs, and the services that collect them."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.errors import InvalidInput, InvalidInputs, Problems
from app.domain.permissions import Role
from app.domain.validation import check_case_dates, clean_text
from app.services import accounts, cases
from app.services.cases import CaseFields


def test_problems_are_collected_and_raised_together() -> None:
    problems = Problems()
    assert problems.check(clean_text, "  ok ", "Title", max_length=10) == "ok"
    assert problems.check(clean_text, "", "Title", max_length=10, default="-") == "-"
    problems.add("Choose one.", field="agency")
    with pytest.raises(InvalidInputs) as raised:
        problems.raise_any()
    assert [p.field for p in raised.value.problems] == ["title", "agency"]
    assert str(raised.value) == "Title is required.\nChoose one."
    assert raised.value.field == "title"  # an InvalidInput like any other (exit 2)


def test_one_problem_is_raised_as_itself() -> None:
    problems = Problems()
    problems.add("Choose one.", field="agency")
    with pytest.raises(InvalidInput) as raised:
        problems.raise_any()
    assert not isinstance(raised.value, InvalidInputs)


def test_case_dates_report_every_impossible_date() -> None:
    today = dt.date(2026, 3, 1)
    with pytest.raises(InvalidInputs) as raised:
        check_case_dates(reported_on=dt.date(2026, 3, 5), conduct_from=dt.date(2026, 2, 10),
                         conduct_to=dt.date(2026, 2, 1), today=today)  # fmt: skip
    assert {p.field for p in raised.value.problems} == {"reported_on", "conduct_to"}


def test_a_new_case_reports_agency_title_and_dates_together(database, make_user) -> None:
    ivy = make_user("ivy", "Ivy Investigator", Role.INVESTIGATOR)
    fields = CaseFields(
        agency_code="", title="  ", reported_on=dt.date(2025, 4, 1),
        conduct_from=dt.date(2025, 3, 10), conduct_to=dt.date(2025, 3, 1),
    )  # fmt: skip
    with pytest.raises(InvalidInputs) as raised:
        cases.create_case(database, ivy, fields)
    assert [p.field for p in raised.value.problems] == ["agency", "title", "conduct_to"]


def test_a_new_user_reports_every_problem_together(database, admin) -> None:
    with pytest.raises(InvalidInputs) as raised:
        accounts.add_user(database, admin, username="9", full_name="", password="short",
                          roles=frozenset())  # fmt: skip
    assert [p.field for p in raised.value.problems] == ["username", "full_name", "password",
                                                        "roles"]  # fmt: skip
    assert [u.username for u in accounts.list_users(database, admin)].count("9") == 0
