"""The case list at 100,000 and 1,000,000 cases: every scenario a user waits on.

``python -m benchmarks.case_list_1m [--sizes 100k 1m] [--postgres-url URL]``
measures, on the cached SQLite files of :mod:`benchmarks.case_list_data`
(built once, outside the repository):

* the first page in each sort order, and a deep page by keyset cursor
  (50,000 rows in) beside the same page by ``OFFSET``;
* a common and a rare word: the first page, then the counts up to 1,000
  (what the list shows first), and the exact counts (the "count" link);
* the status counts with no search (capped, and exact);
* typing "screenshot" key by key into the real case-list widget: from the
  last key to the list painted, and how many queries ran and were interrupted;
* with ``--postgres-url`` (an empty database, or one this program filled
  before) or ``--private-postgres`` (a private server in
  ``/var/tmp/casedesk-bench/postgres``, readable by the ``postgres`` user
  when run as root), the common-word search on PostgreSQL at 100,000 cases.

Each figure is the median of several runs after one warm-up; the floor is
the cheapest query that reads the same index (what no code of ours can
beat). The machine load (``/proc/loadavg``) is printed with the figures.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import text

from app.domain.actor import Actor
from app.services import accounts
from app.services.case_counts import count_matches
from app.services.case_queries import CaseQuery, CaseSort, list_cases
from app.services.database import Database
from benchmarks import generate, postgres
from benchmarks.case_list_data import SIZES, cached
from benchmarks.corpus import COMMON_WORD, RARE_WORD
from benchmarks.results import load_average, record

#: The private PostgreSQL cluster: outside the repository, and where the
#: ``postgres`` user can reach it (a home folder may be closed to it).
PG_DIR = Path("/var/tmp/casedesk-bench/postgres")
#: Where a deep page starts.
DEEP = 50_000
PAGE = 200


@dataclasses.dataclass
class Figure:
    """One scenario's timings (milliseconds) beside its goal and floor."""

    size: str
    scenario: str
    runs: list[float]
    goal_ms: float
    floor_ms: float | None = None
    note: str = ""
    #: CPU milliseconds of this process for each run (the wall clock waits for a core too).
    cpu: list[float] = dataclasses.field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def cpu_median(self) -> float | None:
        return statistics.median(self.cpu) if self.cpu else None

    def row(self) -> str:
        floor = f"{self.floor_ms:.1f}" if self.floor_ms is not None else "—"
        verdict = "met" if self.median < self.goal_ms else "missed"
        runs = ", ".join(f"{r:.0f}" for r in sorted(self.runs)[:5])
        cpu = f"{self.cpu_median:.1f}" if self.cpu_median is not None else "—"
        return (
            f"| {self.size} | {self.scenario} | **{self.median:.1f}** ({runs}) | {cpu} | "
            f"< {self.goal_ms:.0f} | {floor} | {verdict} | {self.note} |"
        )


def _plain_page(scenario: str) -> bool:
    return (
        "“" not in scenario
        and "OFFSET" not in scenario
        and ("first page by" in scenario or "(cursor)" in scenario)
    )


def _search_page(scenario: str) -> bool:
    return "“" in scenario and "first page" in scenario and "typing" not in scenario


def _capped_counts(scenario: str) -> bool:
    return "up to 1,000" in scenario


#: The figures recorded in benchmarks/results.json for each size: the slowest scenario
#: of each kind (every scenario is printed), beside the issue's goal for 1,000,000 cases.
GROUPS: dict[str, tuple[str, Callable[[str], bool]]] = {
    "pages": ("the slowest case-list page without a search: the first page and the page "
              "at row 50,000 (keyset cursor) in every sort order", _plain_page),
    "search_pages": ("the slowest first page of a search: a common word and its two-letter "
                     "prefix in three sort orders, a rare word", _search_page),
    "counts": ("the slowest counts the list shows first (up to 1,000): a common word, "
               "a rare word, no search", _capped_counts),
}  # fmt: skip


def record_figures(figures: list[Figure], size: str, loads: list[float]) -> None:
    """Record the slowest scenario of each group of :data:`GROUPS` for ``size``."""
    for group, (title, belongs) in GROUPS.items():
        chosen = [f for f in figures if f.size == size and belongs(f.scenario)]
        if not chosen:
            continue
        worst = max(chosen, key=lambda f: f.median)
        cpu = worst.cpu_median
        record(
            f"case_list.{size}_{group}", worst.median / 1000,
            floor=None if worst.floor_ms is None else worst.floor_ms / 1000, goal=0.1,
            samples=[r / 1000 for r in worst.runs], load=loads,
            cpu=None if cpu is None else cpu / 1000,
            title=f"{size} cases, SQLite: {title}",
            floor_title="the cheapest query reading the same index",
            note=f"slowest: {worst.scenario} (of {len(chosen)}; medians "
                 f"{min(f.median for f in chosen):.0f}-{worst.median:.0f} ms)",
        )  # fmt: skip


def loadavg() -> str:
    """The 1, 5 and 15-minute load averages, as ``/proc/loadavg`` says."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


#: CPU milliseconds of the runs :func:`_timed` timed last.
_LAST_CPU: list[float] = []


def _timed(call: Callable[[], object], repeat: int) -> tuple[list[float], object]:
    result = call()  # warm-up: the page cache, the statement cache
    runs = []
    _LAST_CPU.clear()
    for _ in range(repeat):
        started, cpu = time.perf_counter(), time.process_time()
        result = call()
        runs.append((time.perf_counter() - started) * 1000)
        _LAST_CPU.append((time.process_time() - cpu) * 1000)
    return runs, result


def _figure(*args: Any, **kwargs: Any) -> Figure:
    """A :class:`Figure` of the runs just timed, with their CPU time."""
    return Figure(*args, **kwargs, cpu=list(_LAST_CPU))


def _floor(database: Database, sql: str, repeat: int, **params: Any) -> float:
    def run() -> object:
        with database.engine.connect() as connection:
            return connection.execute(text(sql), params).all()

    cpu = list(_LAST_CPU)  # the scenario's, timed just before
    floor = statistics.median(_timed(run, repeat)[0])
    _LAST_CPU[:] = cpu
    return floor


#: The direction each column's header sorts in first (dates newest first).
FIRST_DIRECTION = {
    CaseSort.REPORTED: True,
    CaseSort.UPDATED: True,
    CaseSort.NUMBER: False,
    CaseSort.TITLE: False,
    CaseSort.AGENCY: False,
    CaseSort.STATUS: False,
    CaseSort.INVESTIGATOR: False,
}


def measure_sqlite(database: Database, actor: Actor, size: str, repeat: int) -> list[Figure]:
    """Every case-list scenario on one SQLite database."""
    figures: list[Figure] = []
    page_floor = _floor(
        database, f"SELECT id, number, title FROM cases ORDER BY id LIMIT {PAGE}", repeat
    )

    def page(query: CaseQuery) -> Callable[[], object]:
        return lambda: list_cases(database, actor, query, count=False)

    for sort, descending in FIRST_DIRECTION.items():
        query = CaseQuery(sort=sort, descending=descending, limit=PAGE)
        runs, _ = _timed(page(query), repeat)
        figures.append(_figure(size, f"first page by {sort.value}", runs, 50, page_floor))
        # A deep page: the cursor of row 50,000 (found once, untimed), then the page after it.
        cursor = None
        walk = dataclasses.replace(query, limit=1000)
        for _ in range(DEEP // 1000):
            cursor = list_cases(database, actor, walk, count=False).next_cursor
            walk = dataclasses.replace(walk, after=cursor)
        deep = dataclasses.replace(query, after=cursor)
        runs, _ = _timed(page(deep), repeat)
        figures.append(_figure(size, f"page at row {DEEP:,} by {sort.value} (cursor)", runs, 50,
                              page_floor))  # fmt: skip
    offset = CaseQuery(offset=DEEP, limit=PAGE)
    runs, _ = _timed(page(offset), max(3, repeat // 2))
    figures.append(_figure(size, f"page at row {DEEP:,} by reported (OFFSET, for comparison)",
                          runs, 50, page_floor))  # fmt: skip

    # The common word and a short prefix of it ("sc": every term it starts) in the
    # other sort orders a user clicks, beside the default one measured below.
    for word in (COMMON_WORD[:2], COMMON_WORD):
        for sort in (CaseSort.REPORTED, CaseSort.TITLE, CaseSort.INVESTIGATOR):
            if word == COMMON_WORD and sort is CaseSort.REPORTED:
                continue
            query = CaseQuery(text=word, sort=sort, descending=FIRST_DIRECTION[sort], limit=PAGE)
            runs, _ = _timed(page(query), repeat)
            figures.append(_figure(size, f"“{word}”: first page by {sort.value}", runs, 100))
    for label, word in (("common", COMMON_WORD), ("rare", RARE_WORD)):
        query = CaseQuery(text=word, limit=PAGE)
        fts_floor = _floor(
            database,
            "SELECT rowid FROM case_search WHERE case_search MATCH :q LIMIT 201",
            repeat,
            q=f'"{word}"*',
        )
        runs, result = _timed(page(query), repeat)
        figures.append(_figure(size, f"{label} word “{word}”: first page", runs, 100, fts_floor))
        runs, counted = _timed(lambda q=query: count_matches(database, actor, q), repeat)
        figures.append(_figure(size, f"{label} word: counts up to 1,000", runs, 100, fts_floor,
                              _counted(counted)))  # fmt: skip
        runs, counted = _timed(
            lambda q=query: count_matches(database, actor, q, up_to=None), max(3, repeat // 3)
        )
        figures.append(_figure(size, f"{label} word: exact counts (“count” clicked)", runs, 1000,
                              None, _counted(counted)))  # fmt: skip

    everything = CaseQuery(limit=PAGE)
    runs, counted = _timed(lambda: count_matches(database, actor, everything), repeat)
    figures.append(_figure(size, "status counts, no search: up to 1,000", runs, 50, None,
                          _counted(counted)))  # fmt: skip
    runs, counted = _timed(
        lambda: count_matches(database, actor, everything, up_to=None), max(3, repeat // 3)
    )
    floor = _floor(database, "SELECT count(*) FROM cases", 3)
    figures.append(_figure(size, "status counts, no search: exact (“count” clicked)", runs, 1000,
                          floor, _counted(counted)))  # fmt: skip
    return figures


def _counted(counts: object) -> str:
    total = getattr(counts, "total", None)
    exact = getattr(counts, "exact", True)
    return f"{'' if exact else 'more than '}{total:,}" if isinstance(total, int) else ""


def measure_postgres(url: str, repeat: int) -> list[Figure]:
    """The common-word search on PostgreSQL, and the bare GIN index scan (its floor)."""
    database = Database.open(url)
    try:
        if generate.existing(database, SIZES["100k"]) is None:
            database.close()
            generate.generate(url, SIZES["100k"])
            database = Database.open(url)
        if generate.ensure_bench_agencies(database):
            database.analyze()
        actor = accounts.authenticate(database, generate.BENCH_USER, generate.BENCH_PASSWORD)
        loads = [load_average()]
        query = CaseQuery(text=COMMON_WORD, limit=PAGE)
        gin = (
            "SELECT case_id FROM case_search_documents "
            "WHERE search_vector @@ to_tsquery('simple', :q) LIMIT 201"
        )
        with database.engine.connect() as connection:
            connection.exec_driver_sql("SET enable_seqscan = off")
            runs, _ = _timed(lambda: connection.execute(text(gin), {"q": "screenshot:*"}).all(),
                             repeat)  # fmt: skip
        floor = statistics.median(runs)
        page_runs, _ = _timed(lambda: list_cases(database, actor, query, count=False), repeat)
        count_runs, counted = _timed(lambda: count_matches(database, actor, query), repeat)
        exact_runs, exact = _timed(
            lambda: count_matches(database, actor, query, up_to=None), max(3, repeat // 3)
        )
        loads.append(load_average())
        size = "pg 100k"
        figures = [
            Figure(size, f"common word “{COMMON_WORD}”: first page", page_runs, 50, floor),
            Figure(size, "common word: counts up to 1,000", count_runs, 50, floor,
                   _counted(counted)),
            Figure(size, "common word: exact counts (“count” clicked)", exact_runs, 1000, None,
                   _counted(exact)),
        ]  # fmt: skip
        for name, figure in (("pg_100k_search_page", figures[0]), ("pg_100k_counts", figures[1])):
            record(
                f"case_list.{name}", figure.median / 1000, floor=floor / 1000, goal=0.05,
                samples=[r / 1000 for r in figure.runs], floor_samples=[r / 1000 for r in runs],
                load=[min(loads), max(loads)],
                title=f"100k cases, PostgreSQL: {figure.scenario}",
                floor_title="the bare GIN index scan of the word's first 201 matches",
                note=figure.note,
            )  # fmt: skip
        return figures
    finally:
        database.close()


def measure_typing(url: str, key_interval_ms: int, rounds: int) -> list[Figure]:
    """Type "screenshot" key by key into the real case list; last key to list painted."""
    from benchmarks.case_list_typing import service_floor, type_word

    loads = [load_average()]
    floor = service_floor(url, COMMON_WORD)
    results = [type_word(url, COMMON_WORD, key_interval_ms) for _ in range(rounds)]
    loads.append(load_average())
    size = Path(url).stem.removeprefix("bench-").replace("1000k", "1m")
    runs = [r.last_key_to_painted_ms for r in results]

    def ms(values: list[float | None]) -> str:
        return ", ".join("—" if v is None else f"{v:.0f}" for v in values)

    note = (
        f"{key_interval_ms} ms between keys; queries run per word: "
        f"{', '.join(str(r.list_queries) for r in results)}, interrupted: "
        f"{', '.join(str(r.interrupted) for r in results)}; after the last key the "
        f"query started at {ms([r.query_started_ms for r in results])} ms, answered at "
        f"{ms([r.query_answered_ms for r in results])} ms, the counts started at "
        f"{ms([r.counts_started_ms for r in results])} ms; counts of an earlier word "
        f"shown: {sum(r.stale_counts for r in results)}"
    )
    record(
        f"case_list.typing_{size}_{key_interval_ms}ms", statistics.median(runs) / 1000,
        floor=floor / 1000, goal=0.1, samples=[r / 1000 for r in runs],
        load=[min(loads), max(loads)], note=note,
        title=f"Typing “{COMMON_WORD}” at {key_interval_ms} ms a key, {size} cases: last key "
              "to the list painted with the word's rows",
        floor_title="the word's first page from the service alone",
    )  # fmt: skip
    return [Figure(size, "typing “screenshot”: last key to list painted", runs, 100, floor, note)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.case_list_1m", description=__doc__)
    parser.add_argument("--sizes", nargs="*", default=["100k", "1m"], choices=sorted(SIZES))
    parser.add_argument("--repeat", type=int, default=9, help="timed runs per scenario")
    pg = parser.add_mutually_exclusive_group()
    pg.add_argument("--postgres-url", help="also measure PostgreSQL (100k data set)")
    pg.add_argument(
        "--private-postgres", action="store_true", help="also measure a private PostgreSQL"
    )
    parser.add_argument("--no-gui", action="store_true", help="skip typing into the widget")
    args = parser.parse_args(argv)
    print(f"Load before: {loadavg()}", flush=True)
    figures: list[Figure] = []
    for name in args.sizes:
        path = cached(SIZES[name])
        url = f"sqlite:///{path}"
        database = Database.open(url)  # upgrades an older file (and analyses it)
        try:
            if generate.ensure_bench_agencies(database):
                database.analyze()
                print(f"  {name}: the bench user was given every agency", flush=True)
            actor = accounts.authenticate(database, generate.BENCH_USER, generate.BENCH_PASSWORD)
            loads = [load_average()]
            measured = measure_sqlite(database, actor, name, args.repeat)
            loads.append(load_average())
            figures += measured
            record_figures(measured, name, [min(loads), max(loads)])
        finally:
            database.close()
        if not args.no_gui:
            figures += measure_typing(url, 100, 5)
            figures += measure_typing(url, 30, 5)
        print(f"  {name} done; load {loadavg()}", flush=True)
    if args.postgres_url:
        figures += measure_postgres(args.postgres_url, args.repeat)
    elif args.private_postgres:
        with postgres.private_server(base=PG_DIR) as url:
            figures += measure_postgres(url, args.repeat)
    print(f"\nLoad after: {loadavg()} (2 cores, shared)\n")
    print("| Data | Scenario | Median ms (fastest runs) | CPU ms | Goal ms | Floor ms | | Note |")
    print("|---|---|---|---|---|---|---|---|")
    for figure in figures:
        print(figure.row())
    return 0


if __name__ == "__main__":
    sys.exit(main())
