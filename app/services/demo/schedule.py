"""When each step of the demo happens: on the story's days, in order across all stories.

A story is played by a generator (a *play*) that yields the moment of its
next step and then does it; :func:`play_in_order` runs the steps of every
play in the order of their moments, each with the application's clock set
to its moment (:func:`app.domain.clock.playing_at`). So a case reported in
March 2025 is investigated, decided and closed in 2025 (its timeline, its
letters and the dashboard's figures say so), and the audit log's moments
only go forward, as a real agency's would. No step is played after
``latest`` (the moment the demo is made): a story's later steps then happen
at that moment, in their order.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Iterator, Sequence

from app.domain import clock

#: A story's play: yields the moment of each step, then does the step.
Play = Iterator[dt.datetime]


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """``day`` at ``hour``:``minute`` UTC.

    The demo plays its steps between 14:00 and 22:00 UTC, office hours on the
    same day in Missouri, Arkansas and Massachusetts, so each step falls on
    its day where the agency is.
    """
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=dt.UTC)


def play_in_order(plays: Sequence[Play], latest: dt.datetime) -> None:
    """Run the steps of ``plays`` in the order of their moments, each at its moment.

    A step is never played after ``latest`` (but for the seconds the clock
    ticks, ``clock.TICK`` a reading), nor before the step played before it,
    of any play; steps at the same moment go in the order of their plays.
    """
    queue: list[tuple[dt.datetime, int, Play]] = []
    for index, play in enumerate(plays):
        first = next(play, None)
        if first is not None:
            heapq.heappush(queue, (min(first, latest), index, play))
    after: dt.datetime | None = None
    while queue:
        moment, index, play = heapq.heappop(queue)
        with clock.playing_at(moment if after is None else max(moment, after)) as ended:
            following = next(play, None)
        after = ended()
        if following is not None:
            heapq.heappush(queue, (max(min(following, latest), moment), index, play))
