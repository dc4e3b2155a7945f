"""Time the case list, text search and ``audit verify`` through the services.

Every figure is the wall-clock time of one service call as the GUI or the
CLI makes it (``time.perf_counter``), including its permission check, its
queries and building the result rows. The first call after opening the
database is reported apart ("first") from the repeated calls.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import math
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from json.encoder import encode_basestring
from typing import Any

from app.db.sqlcipher import dbapi
from app.domain.actor import Actor
from app.domain.audit import GENESIS_HASH, ChainVerification
from app.domain.cases import CaseStatus
from app.services import accounts, audit
from app.services.case_counts import MatchCounts, count_matches
from app.services.case_queries import CasePage, CaseQuery, CaseSort, list_cases, status_counts
from app.services.database import Database
from benchmarks.corpus import COMMON_WORD, NOTE_WORD, RARE_WORD
from benchmarks.generate import BENCH_PASSWORD, BENCH_USER
from benchmarks.results import record

LIST_GOAL_MS = 50.0
SEARCH_GOAL_MS = 50.0
VERIFY_GOAL_MS = 10_000.0
#: The exact count a user asks for ("count" beside "more than 1,000 cases").
EXACT_COUNT_GOAL_MS = 1_000.0

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


def as_the_list_shows(
    database: Database, actor: Actor, query: CaseQuery
) -> tuple[CasePage, MatchCounts]:
    """What the case list does for a query: the first page, then the counts up to 1,000
    ("more than 1,000 cases" past that; the exact figure when the user asks)."""
    page = list_cases(database, actor, query, count=False)
    return page, count_matches(database, actor, query)


def _shown(result: object) -> str:
    page, counts = result  # type: ignore[misc]
    assert isinstance(page, CasePage) and isinstance(counts, MatchCounts)
    total = f"{counts.total:,}" if counts.exact else f"more than {counts.total:,}"
    return f"{len(page.rows)} rows of {total}"


def _exact(result: object) -> str:
    assert isinstance(result, MatchCounts)
    return f"{result.total:,} cases"


def _counts(result: object) -> str:
    assert isinstance(result, dict)
    return f"{sum(result.values()):,} cases in {len(result)} statuses"


def sign_in(database: Database) -> Actor:
    """The benchmark user (investigator and administrator), signed in by the service."""
    return accounts.authenticate(database, BENCH_USER, BENCH_PASSWORD)


_FLOOR_SQL = (
    "SELECT seq, {at}, actor, action, entity_type, entity_id, case_id, {details}, hash "
    "FROM audit_events ORDER BY seq"
)


def verify_floor(database: Database) -> int:
    """The least any verifier must do: read every event with the driver, build its
    canonical text, hash it, compare. No application code, no checks beyond the hash.

    SQLite through the application's SQLite library (:func:`app.db.sqlcipher.dbapi`)
    on the file, the one library of the process: ``database`` has the file open
    too, and a second SQLite closing its connection would drop the first's locks
    and could remove the WAL it still uses. PostgreSQL through psycopg with a
    server-side cursor. Returns how many events matched.
    """
    url = database.engine.url
    if database.dialect == "postgresql":
        import psycopg

        connection: Any = psycopg.connect(
            host=url.host, port=url.port, user=url.username, password=url.password,
            dbname=url.database,
        )  # fmt: skip
        at = """to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')"""
        query = _FLOOR_SQL.format(at=at, details="details::text")
        cursor = connection.cursor(name="floor")
        cursor.itersize = 20000
        cursor.execute(query)
    else:
        assert url.database
        connection = dbapi().connect(url.database)
        at = "substr(occurred_at, 1, 10) || 'T' || substr(occurred_at, 12) || 'Z'"
        cursor = connection.execute(_FLOOR_SQL.format(at=at, details="details"))
    dumps = encode_basestring
    sha256 = hashlib.sha256
    prev = GENESIS_HASH
    matched = 0
    try:
        for seq, at, actor, action, etype, eid, case_id, details, digest in cursor:
            text = (
                f'{prev}\n{{"action":{dumps(action)},"actor":{dumps(actor)},"at":"{at}",'
                f'"case_id":{"null" if case_id is None else case_id},"details":{details},'
                f'"entity_id":{dumps(eid)},"entity_type":{dumps(etype)},"seq":{seq}}}'
            )
            if sha256(text.encode()).hexdigest() == digest:
                matched += 1
            prev = digest
    finally:
        cursor.close()
        connection.close()
    return matched


def _load() -> str:
    one, five, _fifteen = os.getloadavg()
    return f"load {one:.1f} (5 min {five:.1f})"


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
                functools.partial(as_the_list_shows, database, actor, query),
                repeat=repeat,
                goal_ms=goal,
                describe=_shown,
                budget_s=budget_s,
            )
        )
    progress("  Exact count of a common word...")
    timings.append(
        _scenario(
            f"Exact count of '{COMMON_WORD}' (\"count\" clicked)",
            functools.partial(
                count_matches, database, actor, CaseQuery(text=COMMON_WORD), up_to=None
            ),
            repeat=repeat,
            goal_ms=EXACT_COUNT_GOAL_MS,
            describe=_exact,
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
    timings += measure_verify(database, actor, verify_repeat, progress)
    return timings


#: The goal of ``audit verify`` beside its floor (the issue's "near the floor").
VERIFY_GOAL_RATIO = 1.3


def measure_verify(
    database: Database, actor: Actor, verify_repeat: int = 3, progress: Progress = print
) -> list[Timing]:
    """``audit.verify`` beside :func:`verify_floor`, alternated; recorded in results.json.

    Each run of the floor is followed by a run of the service, so both see the
    same load. The figure is the median of the service's runs beside the
    median of the floor's, with their CPU seconds (this process's: both run
    here, on one thread).
    """
    timings: list[Timing] = []
    verified: list[float] = []
    floors: list[float] = []
    cpu: list[float] = []
    floor_cpu: list[float] = []
    loads = [os.getloadavg()[0]]
    checked = 0
    # Floor and verify alternate, so both see the same load on a shared machine.
    for run in range(1, verify_repeat + 1):
        progress(f"  audit verify floor, run {run} of {verify_repeat}...")
        started_cpu = time.process_time()
        floor_ms, matched = _timed(lambda: verify_floor(database))
        floor_cpu.append(time.process_time() - started_cpu)
        floors.append(floor_ms / 1000)
        timings.append(
            Timing(
                f"audit verify floor (driver + canonical text + sha256 + compare), run {run}",
                None,
                floor_ms,
                detail=f"{matched:,} events hashed; {_load()}",
            )
        )
        progress(f"  audit verify, run {run} of {verify_repeat}...")
        started_cpu = time.process_time()
        elapsed, result = _timed(lambda: audit.verify(database, actor))
        cpu.append(time.process_time() - started_cpu)
        verified.append(elapsed / 1000)
        loads.append(os.getloadavg()[0])
        assert isinstance(result, ChainVerification)
        if not result.intact:
            raise RuntimeError(f"the benchmark's audit chain is broken: {result.finding}")
        checked = result.checked
        timings.append(
            Timing(
                f"audit verify, run {run}",
                VERIFY_GOAL_MS,
                elapsed,
                detail=f"{result.checked:,} events, intact; {elapsed / floor_ms:.2f}x floor; "
                f"{_load()}",
            )
        )
    backend = "PostgreSQL" if database.dialect == "postgresql" else "SQLite"
    record(
        f"audit.verify_{database.dialect}", statistics.median(verified),
        floor=statistics.median(floors), goal=VERIFY_GOAL_MS / 1000,
        goal_ratio=VERIFY_GOAL_RATIO, samples=verified, floor_samples=floors,
        cpu=statistics.median(cpu), floor_cpu=statistics.median(floor_cpu),
        load=[min(loads), max(loads)],
        title=f"`audit.verify` of {checked:,} events, {backend} (the service, in-process)",
        floor_title="driver rows + canonical text + SHA-256 + compare, one thread",
        note="floor and service alternated; the service's time includes its permission "
             "check, the head row and the audit.verify event it appends and commits",
    )  # fmt: skip
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
