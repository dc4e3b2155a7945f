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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

#: Each reading of a played clock is this much after the one before, as on a real clock
#: (a step's records are made one after the other, never all at the same instant).
TICK = dt.timedelta(seconds=1)


class _Played:
    """A played moment, moving on by :data:`TICK` at each reading."""

    def __init__(self, moment: dt.datetime) -> None:
        self.next = moment

    def read(self) -> dt.datetime:
        moment, self.next = self.next, self.next + TICK
        return moment


_PLAYED: ContextVar[_Played | None] = ContextVar("casedesk_played_moment", default=None)


def now_utc() -> dt.datetime:
    """The current moment, timezone-aware, in UTC."""
    played = _PLAYED.get()
    return played.read() if played is not None else dt.datetime.now(dt.UTC)


def now_in(zone: dt.tzinfo) -> dt.datetime:
    """The current moment in ``zone``."""
    played = _PLAYED.get()
    return played.read().astimezone(zone) if played is not None else dt.datetime.now(zone)


def today_here() -> dt.date:
    """Today in this computer's time zone."""
    played = _PLAYED.get()
    return played.read().astimezone().date() if played is not None else dt.date.today()


@contextmanager
def playing_at(moment: dt.datetime) -> Iterator[Callable[[], dt.datetime]]:
    """Within the block, on this thread, the clock starts at ``moment`` (aware).

    Each reading is :data:`TICK` after the one before, so what a step records
    keeps its order in time. Gives a function that says the moment after the
    last reading (where a following step may start).
    """
    if moment.tzinfo is None:
        raise ValueError("a played moment is timezone-aware")
    played = _Played(moment.astimezone(dt.UTC))
    token = _PLAYED.set(played)
    try:
        yield lambda: played.next
    finally:
        _PLAYED.reset(token)
