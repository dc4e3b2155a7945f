"""Time the case list, text search and ``audit verify`` through the services.

Every figure is the wall-clock time of one service call as the GUI or the
CLI makes it (``time.perf_counter``), including its permission check, its
queries and building the result rows. The first call after opening the
database is reported apart ("first") from the repeated calls.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from app.domain.actor import Actor
from app.domain.audit import ChainVerification
from app.domain.cases import CaseStatus
from app.services import accounts, audit
from app.services.case_queries import CasePage, CaseQuery, CaseSort, list_cases, status_counts
from app.services.database import Database
from benchmarks.corpus import COMMON_WORD, NOTE_WORD, RARE_WORD
from benchmarks.generate import BENCH_PASSWORD, BENCH_USER

LIST_GOAL_MS = 50.0
SEARCH_GOAL_MS = 50.0
VERIFY_GOAL_MS = 10_000.0

Progress = Callable[[str], None]


@dataclass(slots=True)
class Timing:
    """The timings of one scenario."""

    name: str
    goal_ms: float | None
    first_ms: float
    samples_ms: list[float] = field(default_factory=list)
    detail: str = ""

    @property
    def median_ms(self) -> float:
        return statistics.median(self.samples_ms) if self.samples_ms else self.first_ms

    @property
    def p95_ms(self) -> float:
        if not self.samples_ms:
            return self.first_ms
        ordered = sorted(self.samples_ms)
        return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]

    @property
    def verdict(self) -> str:
        if self.goal_ms is None:
            return ""
        if self.median_ms <= self.goal_ms:
            return "met"
        return f"MISSED x{self.median_ms / self.goal_ms:.1f}"


def _timed(call: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = call()
    return (time.perf_counter() - started) * 1000, result


def _scenario(
    name: str,
    call: Callable[[], object],
    *,
    repeat: int,
    goal_ms: float | None,
    describe: Callable[[object], str],
    budget_s: float,
) -> Timing:
    """Call once ("first"), then ``repeat`` times, or fewer (at least 3) past ``budget_s``."""
    first, result = _timed(call)
    timing = Timing(name, goal_ms, first, detail=describe(result))
    deadline = time.perf_counter() + budget_s
    for done in range(repeat):
        if done >= 3 and time.perf_counter() > deadline:
            break
        elapsed, _result = _timed(call)
        timing.samples_ms.append(elapsed)
    return timing


def _page(result: object) -> str:
    assert isinstance(result, CasePage)
    return f"{len(result.rows)} rows of {result.total:,}"


def _counts(result: object) -> str:
    assert isinstance(result, dict)
    return f"{sum(result.values()):,} cases in {len(result)} statuses"


def sign_in(database: Database) -> Actor:
    """The benchmark user (investigator and administrator), signed in by the service."""
    return accounts.authenticate(database, BENCH_USER, BENCH_PASSWORD)


def measure(
    database: Database,
    *,
    repeat: int = 30,
    verify_repeat: int = 3,
    budget_s: float = 20.0,
    progress: Progress = print,
) -> list[Timing]:
    """Run every scenario on ``database`` and return the timings."""
    actor = sign_in(database)
    lists: list[tuple[str, CaseQuery, float | None]] = [
        ("Case list: no filter, by reported date desc", CaseQuery(), LIST_GOAL_MS),
        (
            "Case list: status investigating, by reported date desc",
            CaseQuery(statuses=frozenset({CaseStatus.INVESTIGATING})),
            LIST_GOAL_MS,
        ),
        (
            "Case list: agency MODMH + 2024, by title",
            CaseQuery(
                agency_code="MODMH",
                reported_from=dt.date(2024, 1, 1),
                reported_to=dt.date(2024, 12, 31),
                sort=CaseSort.TITLE,
                descending=False,
            ),
            LIST_GOAL_MS,
        ),
        (
            "Case list: status closed, by title",
            CaseQuery(
                statuses=frozenset({CaseStatus.CLOSED}), sort=CaseSort.TITLE, descending=False
            ),
            LIST_GOAL_MS,
        ),
        (f"Search: common word '{COMMON_WORD}'", CaseQuery(text=COMMON_WORD), SEARCH_GOAL_MS),
        (f"Search: rare word '{RARE_WORD}'", CaseQuery(text=RARE_WORD), SEARCH_GOAL_MS),
        (f"Search: note text '{NOTE_WORD}'", CaseQuery(text=NOTE_WORD), SEARCH_GOAL_MS),
    ]
    timings: list[Timing] = []
    for name, query, goal in lists:
        progress(f"  {name}...")
        timings.append(
            _scenario(
                name,
                functools.partial(list_cases, database, actor, query),
                repeat=repeat,
                goal_ms=goal,
                describe=_page,
                budget_s=budget_s,
            )
        )
    progress("  Status counts...")
    timings.append(
        _scenario(
            "Status counts: no filter",
            functools.partial(status_counts, database, actor, CaseQuery()),
            repeat=repeat,
            goal_ms=LIST_GOAL_MS,
            describe=_counts,
            budget_s=budget_s,
        )
    )
    for run in range(1, verify_repeat + 1):
        progress(f"  audit verify, run {run} of {verify_repeat}...")
        elapsed, result = _timed(lambda: audit.verify(database, actor))
        assert isinstance(result, ChainVerification)
        state = "intact" if result.intact else f"BROKEN: {result.finding}"
        timings.append(
            Timing(
                f"audit verify, run {run}",
                VERIFY_GOAL_MS,
                elapsed,
                detail=f"{result.checked:,} events, {state}",
            )
        )
    return timings


def render(timings: list[Timing], title: str) -> str:
    """A plain-text table of ``timings``."""
    header = ("Scenario", "first", "n", "median", "p95", "goal", "verdict", "result")
    rows = [
        (
            t.name,
            _ms(t.first_ms),
            str(len(t.samples_ms)) if t.samples_ms else "",
            _ms(t.median_ms) if t.samples_ms else "",
            _ms(t.p95_ms) if t.samples_ms else "",
            _ms(t.goal_ms) if t.goal_ms is not None else "",
            t.verdict,
            t.detail,
        )
        for t in timings
    ]
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]
    lines = [title, "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        cells = [row[0].ljust(widths[0])]
        cells += [c.rjust(w) for c, w in zip(row[1:6], widths[1:6], strict=True)]
        cells += [row[6].ljust(widths[6]), row[7]]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def _ms(value: float) -> str:
    if value >= 1000:
        return f"{value / 1000:.2f} s"
    return f"{value:.1f} ms"
