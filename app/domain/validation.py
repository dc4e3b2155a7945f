"""Checks on user-supplied values, shared by every service.

Each raises :class:`InvalidInput` naming the field and saying what to fix.
"""

from __future__ import annotations

import datetime as dt
import re

from app.domain import clock
from app.domain.errors import InvalidInput, Problems

#: Undecodable bytes: command-line arguments arrive with them as lone surrogates.
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

TITLE_MAX = 200
NAME_MAX = 120
NARRATIVE_MAX = 20_000
NOTE_MAX = 20_000
REASONING_MAX = 10_000


def field_key(label: str) -> str:
    """The key of a labelled field: "Reporter name" → "reporter_name"."""
    return "_".join(label.strip().lower().replace("/", " ").split())


def clean_text(
    value: str | None,
    field: str,
    *,
    max_length: int,
    required: bool = True,
    multiline: bool = False,
) -> str:
    """Strip ``value`` and check it is present, short enough and printable.

    ``field`` is the label the message uses ("Full name"); the error's
    ``field`` is its key ("full_name"), which forms use to put the message
    next to the input.
    """
    label, field = field, field_key(field)
    text = (value or "").strip()
    if "\ufffd" in text or _SURROGATE.search(text):
        raise InvalidInput(
            f"{label} contains bytes that are not valid UTF-8; save the text as UTF-8 "
            "and try again.",
            field=field,
        )
    if not multiline and ("\n" in text or "\r" in text):
        raise InvalidInput(f"{label} must be a single line.", field=field)
    if _CONTROL.search(text):
        raise InvalidInput(f"{label} contains control characters; remove them.", field=field)
    if required and not text:
        raise InvalidInput(f"{label} is required.", field=field)
    if len(text) > max_length:
        raise InvalidInput(
            f"{label} is {len(text)} characters long; the limit is {max_length}.", field=field
        )
    return text


def parse_date(value: str | dt.date | None, field: str) -> dt.date | None:
    """Parse an ISO date (YYYY-MM-DD); ``None`` or empty gives ``None``."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput(
            f"{field} '{value}' is not a valid date; use YYYY-MM-DD, e.g. 2026-03-14.",
            field=field,
        ) from None


def check_case_dates(
    *,
    reported_on: dt.date,
    conduct_from: dt.date | None,
    conduct_to: dt.date | None,
    today: dt.date,
) -> None:
    """Dates of a case must be possible: nothing in the future, conduct before report.

    Every problem is raised at once (:class:`InvalidInputs` when several).
    """
    problems = Problems()
    if reported_on > today:
        problems.add(
            f"Date reported {reported_on} is in the future (today is {today}).",
            field="reported_on",
        )
    if conduct_from and conduct_from > today:
        problems.add(
            f"Conduct date {conduct_from} is in the future (today is {today}).",
            field="conduct_from",
        )
    if conduct_to and conduct_to > today:
        problems.add(
            f"Conduct end date {conduct_to} is in the future (today is {today}).",
            field="conduct_to",
        )
    if conduct_from and conduct_to and conduct_to < conduct_from:
        problems.add(
            f"Conduct end date {conduct_to} is before its start {conduct_from}.",
            field="conduct_to",
        )
    if conduct_from and conduct_from > reported_on:
        problems.add(
            f"Conduct date {conduct_from} is after the date reported {reported_on}; "
            "conduct must have happened before it was reported.",
            field="conduct_from",
        )
    problems.raise_any()


def parse_past_moment(
    value: str | dt.datetime | None,
    *,
    subject: str,
    field: str,
    future_advice: str,
    now: dt.datetime | None = None,
) -> tuple[dt.datetime, dt.datetime] | None:
    """A moment typed as ISO 8601 with its UTC offset, not in the future.

    Returns the moment as given (its offset or zone kept) and the same moment
    in UTC, or ``None`` when nothing was given. A time without an offset is
    refused (the zone would be a guess); one minute of clock skew between
    workstations is allowed. ``subject`` names the value in messages, with
    ``{text}`` where the typed value goes ("The capture time '{text}'").
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            moment = dt.datetime.fromisoformat(text.replace("z", "Z"))
        except ValueError:
            raise InvalidInput(
                f"{subject.format(text=text)} is not a valid date and time; use ISO 8601 with "
                "the offset, e.g. 2026-03-02T14:05:00-06:00.",
                field=field,
            ) from None
    else:
        text, moment = value.isoformat(), value
    named = subject.format(text=text)
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidInput(
            f"{named} has no UTC offset; add it, e.g. 2026-03-02T14:05:00-06:00 or "
            "2026-03-02T20:05:00Z.",
            field=field,
        )
    try:
        utc = moment.astimezone(dt.UTC)
    except OverflowError:
        raise InvalidInput(
            f"{named} is outside the dates Casedesk can record; check the year.", field=field
        ) from None
    current = now or clock.now_utc()
    if utc > current + dt.timedelta(minutes=1):
        raise InvalidInput(f"{named} is in the future; {future_advice}", field=field)
    return moment, utc
