"""The application's clock: the computer's, unless the demo plays a moment on its thread."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from app.db.base import utcnow
from app.domain import clock
from app.domain.zones import agency_today, last_day_begun

PLAYED = dt.datetime(2025, 3, 12, 15, 0, tzinfo=dt.UTC)


def test_a_played_moment_is_every_reading_s_on_this_thread_and_only_in_the_block() -> None:
    with clock.playing_at(PLAYED):
        # Each reading a second after the one before: a step's records keep their order.
        assert clock.now_utc() == PLAYED
        assert utcnow() == PLAYED + clock.TICK
        assert agency_today("MO") == dt.date(2025, 3, 12)
        assert last_day_begun("MA") >= dt.date(2025, 3, 12)
        seen: list[dt.datetime] = []
        other = threading.Thread(target=lambda: seen.append(clock.now_utc()))
        other.start()
        other.join()
        assert seen[0] > PLAYED + dt.timedelta(days=365)
        later = PLAYED + dt.timedelta(days=2)
        with clock.playing_at(later):
            assert utcnow() == later
        assert PLAYED < utcnow() < PLAYED + dt.timedelta(minutes=1)
    assert clock.now_utc() > PLAYED + dt.timedelta(days=365)
    assert clock.today_here() == dt.date.today()


def test_a_played_moment_says_its_zone() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        with clock.playing_at(dt.datetime(2025, 3, 12, 15, 0)):
            pass
    assert clock.now_utc() > PLAYED
