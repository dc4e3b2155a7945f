"""The current moment, read in one place.

Every moment the application records (an audit event, a transition, a
decision's recording) and every "today" a rule compares a date with comes
from here. Normally that is the computer's clock. The demo (and only it)
plays each story's steps on the days the story gives them, in order across
all stories, with :func:`playing_at`: a case reported in March 2025 is then
investigated, decided and closed in 2025, as its letters, its timeline and
the dashboard show, and the audit log's moments still only go forward.

The moment set is this thread's (a :class:`~contextvars.ContextVar`): work
on any other thread, and everything after the ``with`` block, sees the
computer's clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_PLAYED: ContextVar[dt.datetime | None] = ContextVar("casedesk_played_moment", default=None)


def now_utc() -> dt.datetime:
    """The current moment, timezone-aware, in UTC."""
    played = _PLAYED.get()
    return played if played is not None else dt.datetime.now(dt.UTC)


def now_in(zone: dt.tzinfo) -> dt.datetime:
    """The current moment in ``zone``."""
    played = _PLAYED.get()
    return played.astimezone(zone) if played is not None else dt.datetime.now(zone)


def today_here() -> dt.date:
    """Today in this computer's time zone."""
    played = _PLAYED.get()
    return played.astimezone().date() if played is not None else dt.date.today()


@contextmanager
def playing_at(moment: dt.datetime) -> Iterator[None]:
    """Within the block, on this thread, the current moment is ``moment`` (aware)."""
    if moment.tzinfo is None:
        raise ValueError("a played moment is timezone-aware")
    token = _PLAYED.set(moment.astimezone(dt.UTC))
    try:
        yield
    finally:
        _PLAYED.reset(token)
