"""Checks on what users type: text fields, dates, case numbers, user names, passwords."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import accounts
from app.domain.cases import CaseNumber, CaseStatus, DutyStatus, IntakeChannel, parse_choice
from app.domain.errors import InvalidInput
from app.domain.validation import check_case_dates, clean_text, parse_date

TODAY = dt.date(2026, 3, 14)


# -- clean_text -----------------------------------------------------------------------


def test_clean_text_strips_and_returns_the_text() -> None:
    assert clean_text("  Posted a youth's photo \t", "Title", max_length=200) == (
        "Posted a youth's photo"
    )


@pytest.mark.parametrize("value", [None, "", "   ", "\n\t "])
def test_required_text_must_be_present(value: str | None) -> None:
    with pytest.raises(InvalidInput, match="Title is required") as refused:
        clean_text(value, "Title", max_length=200, multiline=True)
    assert refused.value.field == "title"  # the key forms place the message by


def test_optional_text_may_be_empty() -> None:
    assert clean_text(None, "Reporter name", max_length=120, required=False) == ""


def test_text_longer_than_the_limit_is_refused_with_both_lengths() -> None:
    assert clean_text("x" * 200, "Title", max_length=200) == "x" * 200
    with pytest.raises(InvalidInput, match="Title is 201 characters long; the limit is 200"):
        clean_text("x" * 201, "Title", max_length=200)


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x0c"])
def test_control_characters_are_refused(char: str) -> None:
    with pytest.raises(InvalidInput, match="Note contains control characters"):
        clean_text(f"before{char}after", "Note", max_length=100, multiline=True)


def test_text_decoded_from_bad_utf8_is_refused() -> None:
    garbled = b"Caf\xe9 posting".decode("utf-8", errors="replace")
    assert "\ufffd" in garbled
    with pytest.raises(InvalidInput, match="not valid UTF-8"):
        clean_text(garbled, "Narrative", max_length=1000, multiline=True)


@pytest.mark.parametrize("value", ["first line\nsecond", "first\r\nsecond", "a\rb"])
def test_single_line_fields_refuse_line_breaks(value: str) -> None:
    with pytest.raises(InvalidInput, match="Title must be a single line"):
        clean_text(value, "Title", max_length=200)
    assert clean_text(value, "Narrative", max_length=200, multiline=True) == value


def test_unicode_text_is_kept_as_typed() -> None:
    assert clean_text("Zoë Ångström — 日本語", "Employee name", max_length=120) == (
        "Zoë Ångström — 日本語"
    )


# -- dates ----------------------------------------------------------------------------


def test_parse_date_reads_iso_dates_and_passes_empty_through() -> None:
    assert parse_date(" 2026-03-14 ", "Date reported") == dt.date(2026, 3, 14)
    assert parse_date(dt.date(2025, 1, 2), "Date reported") == dt.date(2025, 1, 2)
    assert parse_date("", "Date reported") is None
    assert parse_date(None, "Date reported") is None


@pytest.mark.parametrize("value", ["2026-02-30", "2025-02-29", "2026-13-01", "14/03/2026", "soon"])
def test_parse_date_refuses_malformed_and_impossible_dates(value: str) -> None:
    with pytest.raises(InvalidInput, match=f"Date reported '{value}' is not a valid date"):
        parse_date(value, "Date reported")


def test_parse_date_accepts_a_leap_day() -> None:
    assert parse_date("2024-02-29", "Conduct date") == dt.date(2024, 2, 29)


def test_possible_case_dates_pass() -> None:
    check_case_dates(
        reported_on=TODAY,
        conduct_from=dt.date(2026, 3, 1),
        conduct_to=dt.date(2026, 3, 14),
        today=TODAY,
    )
    check_case_dates(reported_on=TODAY, conduct_from=None, conduct_to=None, today=TODAY)


@pytest.mark.parametrize(
    ("reported", "start", "end", "field", "message"),
    [
        (dt.date(2026, 3, 15), None, None, "reported_on", "Date reported 2026-03-15 is in the fut"),
        (TODAY, dt.date(2026, 4, 1), None, "conduct_from", "Conduct date 2026-04-01 is in the fut"),
        (TODAY, None, dt.date(2026, 3, 15), "conduct_to", "Conduct end date 2026-03-15 is in"),
        (TODAY, dt.date(2026, 3, 10), dt.date(2026, 3, 9), "conduct_to", "before its start"),
        (dt.date(2026, 3, 1), dt.date(2026, 3, 2), None, "conduct_from", "after the date reported"),
    ],
)
def test_impossible_case_dates_are_refused(
    reported: dt.date, start: dt.date | None, end: dt.date | None, field: str, message: str
) -> None:
    with pytest.raises(InvalidInput, match=message) as refused:
        check_case_dates(reported_on=reported, conduct_from=start, conduct_to=end, today=TODAY)
    assert refused.value.field == field


# -- case numbers and choices ---------------------------------------------------------


def test_case_number_formats_with_four_digits_at_least() -> None:
    assert str(CaseNumber("ARDHS", 2026, 7)) == "ARDHS-2026-0007"
    assert str(CaseNumber("STLCITY", 2026, 12345)) == "STLCITY-2026-12345"


def test_case_number_parse_is_forgiving_about_case_and_spaces() -> None:
    assert CaseNumber.parse("  ardhs-2026-0007 ") == CaseNumber("ARDHS", 2026, 7)


@pytest.mark.parametrize(
    "text", ["ARDHS-26-0007", "ARDHS-2026-7", "A-2026-0007", "AR DHS-2026-0007", "2026-0007", ""]
)
def test_case_number_parse_refuses_what_is_not_a_case_number(text: str) -> None:
    with pytest.raises(InvalidInput, match="case numbers look like ARDHS-2026-0007"):
        CaseNumber.parse(text)


@settings(database=None)
@given(
    agency=st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=12),
    year=st.integers(1000, 9999),
    sequence=st.integers(0, 10**7),
)
def test_case_number_round_trips(agency: str, year: int, sequence: int) -> None:
    number = CaseNumber(agency, year, sequence)
    assert CaseNumber.parse(str(number)) == number
    assert CaseNumber.parse(str(number).lower()) == number


def test_parse_choice_accepts_labels_as_typed() -> None:
    assert parse_choice(DutyStatus, "Off-Duty", "Duty status") is DutyStatus.OFF_DUTY
    assert parse_choice(IntakeChannel, "employee relations", "Intake") is (
        IntakeChannel.EMPLOYEE_RELATIONS
    )
    with pytest.raises(InvalidInput, match="Duty status 'sometimes' is not one of: on_duty"):
        parse_choice(DutyStatus, "sometimes", "Duty status")


def test_every_status_has_a_label() -> None:
    assert CaseStatus.DISCIPLINE_REVIEW.label == "Discipline review"
    assert all(status.label for status in CaseStatus)


# -- accounts -------------------------------------------------------------------------


def test_user_names_are_normalised_and_checked() -> None:
    assert accounts.check_username("  J.Doe_2 ") == "j.doe_2"
    for bad in ["j", "2jdoe", "j doe", "jdoe@agency", "x" * 41]:
        with pytest.raises(InvalidInput, match="is not valid"):
            accounts.check_username(bad)


def test_passwords_must_be_long_enough_but_not_absurd() -> None:
    accounts.check_password("Kq7#vRm2!z", username="jdoe")
    with pytest.raises(InvalidInput, match="too short: use at least 10"):
        accounts.check_password("Kq7#vRm2!", username="jdoe")
    with pytest.raises(InvalidInput, match="longer than 256"):
        accounts.check_password("Kq7#vRm2!z" * 26, username="jdoe")
    # A long password is judged by its first 72 characters, as zxcvbn estimates them.
    accounts.check_password("Kq7#vRm2!z" * 25, username="jdoe")
    with pytest.raises(InvalidInput, match="too easy to guess"):
        accounts.check_password("x" * 80 + "Kq7#vRm2!z", username="jdoe")


def test_passwords_must_be_hard_to_guess_and_not_the_user_name() -> None:
    for weak in ["aaaaaaaaaa", " " * 10, "1234567890", "qwertyuiop", "password123"]:
        with pytest.raises(InvalidInput, match="too easy to guess"):
            accounts.check_password(weak, username="jdoe")
    with pytest.raises(InvalidInput, match="contains the user name 'jdoe.smith'"):
        accounts.check_password("JDoe.Smith", username="jdoe.smith")
    with pytest.raises(InvalidInput, match="contains the user name 'jdoe'"):
        accounts.check_password("my name is jdoe, ok", username="jdoe")
    # The full name counts among the user's own words.
    accounts.check_password("Jordan Doe 1987", username="jd")
    with pytest.raises(InvalidInput, match="too easy to guess"):
        accounts.check_password("Jordan Doe 1987", username="jd", full_name="Jordan Doe")


def test_lockout_starts_at_the_fifth_failure_and_lasts_fifteen_minutes() -> None:
    last = dt.datetime(2026, 3, 14, 9, 0, tzinfo=dt.UTC)
    assert accounts.locked_until(accounts.MAX_FAILED_LOGINS - 1, last) is None
    assert accounts.locked_until(accounts.MAX_FAILED_LOGINS, last) == last + dt.timedelta(
        minutes=15
    )
