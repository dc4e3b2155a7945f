"""``python -m benchmarks``: generate (or reuse) the benchmark database and measure.

Without options: SQLite at 100,000 cases, 1,000,000 notes and 1,000,000
audit events, cached in ``benchmarks/data``. ``--quick`` runs a tenth of that
as a sanity check. ``--postgres-url URL`` (an empty database, or one this
program filled before) or ``--private-postgres`` measures PostgreSQL too.
Evidence import (``benchmarks/evidence.py``, a fresh SQLite database of its
own) is measured after the SQLite figures; ``--evidence-only`` measures only that.
The dashboard's charts (``benchmarks/dashboard.py``) are timed after the
SQLite figures. Report generation (``benchmarks/reports.py``) is measured last;
``--reports-only`` measures only that. The whole CLI commands (start-up,
``case list``, a report, an import: ``benchmarks/cli.py``) follow the GUI
figures; ``--cli-only`` measures only those. Every figure is recorded in
``benchmarks/results.json`` and BENCHMARKS.md's results table is regenerated
from it at the end (``python -m benchmarks.table``).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import text

from app.domain.errors import DatabaseError
from app.services.database import Database
from benchmarks import cli as cli_bench
from benchmarks import dashboard as dashboard_bench
from benchmarks import evidence as evidence_bench
from benchmarks import generate, gui, measure, postgres, table
from benchmarks import reports as report_bench
from benchmarks.machine import describe


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--url", help="measure this SQLite or PostgreSQL database instead")
    parser.add_argument("--regenerate", action="store_true", help="rebuild the cached data")
    parser.add_argument("--quick", action="store_true", help="10k cases, 100k notes and events")
    pg = parser.add_mutually_exclusive_group()
    pg.add_argument("--postgres-url", help="also measure this PostgreSQL database")
    pg.add_argument(
        "--private-postgres",
        action="store_true",
        help="also measure PostgreSQL on a private server in benchmarks/data/postgres",
    )
    parser.add_argument("--repeat", type=int, default=30, help="repetitions per query")
    parser.add_argument(
        "--budget", type=float, default=20.0, help="seconds of repetitions per query (min. 3)"
    )
    parser.add_argument("--verify-repeat", type=int, default=3, help="audit verify runs")
    parser.add_argument("--skip-sqlite", action="store_true", help="measure PostgreSQL only")
    parser.add_argument(
        "--no-gui", action="store_true", help="skip the GUI figures (start-up, list, scrolling)"
    )
    evidence_group = parser.add_mutually_exclusive_group()
    evidence_group.add_argument(
        "--no-evidence", action="store_true", help="skip the evidence import figures"
    )
    evidence_group.add_argument(
        "--evidence-only", action="store_true", help="measure the evidence import only"
    )
    cli_group = parser.add_mutually_exclusive_group()
    cli_group.add_argument(
        "--no-cli", action="store_true", help="skip the whole-command CLI figures"
    )
    cli_group.add_argument(
        "--cli-only", action="store_true", help="measure the whole CLI commands only"
    )
    reports_group = parser.add_mutually_exclusive_group()
    reports_group.add_argument(
        "--no-reports", action="store_true", help="skip the report generation figures"
    )
    reports_group.add_argument(
        "--reports-only", action="store_true", help="measure report generation only (no database)"
    )
    return parser.parse_args(argv)


def _prepared(url: str, size: generate.Size) -> tuple[Database, str]:
    """Open ``url``, generating the data set first if the database is empty."""
    database = Database.open(url)
    state = generate.existing(database, size)
    if state is None:
        database.close()
        info = generate.generate(url, size)
        database = Database.open(url)
        return database, f"generated now in {info.seconds:.0f} s"
    if state is False:
        database.close()
        raise SystemExit(
            f"{database.display_name} holds other data (or an incomplete run); "
            "give an empty database."
        )
    return database, "reused"


def _size_of(database: Database) -> str:
    if database.dialect == "postgresql":
        with database.engine.connect() as conn:
            size = conn.scalar(text("SELECT pg_database_size(current_database())"))
    else:
        name = database.engine.url.database
        size = Path(name).stat().st_size if name else 0
    return f"{int(size or 0) / 1024**2:,.0f} MiB"


def _run(database: Database, label: str, origin: str, args: argparse.Namespace) -> None:
    print(f"\nMeasuring {label} ({database.display_name}, {origin}, {_size_of(database)})")
    timings = measure.measure(
        database, repeat=args.repeat, verify_repeat=args.verify_repeat, budget_s=args.budget
    )
    print()
    print(
        measure.render(
            timings,
            f"{label}: first = first call; then n calls (up to {args.repeat}, "
            f"fewer past {args.budget:.0f} s)",
        )
    )


@contextlib.contextmanager
def _postgres_url(args: argparse.Namespace) -> Iterator[str | None]:
    if args.private_postgres:
        with postgres.private_server(fresh=args.regenerate) as url:
            yield url
    else:
        yield args.postgres_url


def _run_gui(url: str) -> None:
    print(f"\nMeasuring the GUI on {url} (each start-up in a fresh process)")
    figures = gui.measure_gui(url, generate.BENCH_PASSWORD)
    print(gui.report(figures))


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    size = generate.QUICK if args.quick else generate.FULL
    print("Machine")
    for key, value in describe().items():
        print(f"  {key:<11} {value}")
    if args.evidence_only:
        return _tabled(evidence_bench.main([]))
    if args.reports_only:
        return _tabled(report_bench.main([]))
    if args.cli_only:
        path, _info = generate.cached_sqlite(size, regenerate=args.regenerate)
        return _tabled(cli_bench.main(["--database", str(path)]))
    print(f"Data: {size.cases:,} cases, {size.notes:,} notes, {size.audit_events:,} audit events")
    if args.quick:
        print("(--quick: the goals are set for 100,000 cases and 1,000,000 events)")
    try:
        if not args.skip_sqlite:
            if args.url:
                database, origin = _prepared(args.url, size)
            else:
                path, info = generate.cached_sqlite(size, regenerate=args.regenerate)
                database = Database.open(f"sqlite:///{path}")
                origin = f"generated in {info.seconds:.0f} s"
            try:
                _run(database, database.dialect, origin, args)
                print(f"\nDashboard charts ({database.display_name})")
                print(dashboard_bench.report(database))
            finally:
                database.close()
            if not args.no_gui:
                _run_gui(str(database.engine.url.render_as_string(hide_password=False)))
            if not args.no_evidence:
                evidence_bench.main([])
            if not args.no_cli and not args.url:
                cli_bench.main(["--database", str(path)])
        with _postgres_url(args) as pg_url:
            if pg_url:
                database, origin = _prepared(pg_url, size)
                try:
                    with database.engine.connect() as conn:
                        version = conn.scalar(text("SHOW server_version"))
                    _run(database, f"postgresql {version}", origin, args)
                finally:
                    database.close()
    except DatabaseError as exc:
        print(f"benchmarks: {exc}", file=sys.stderr)
        return 2
    if not args.no_reports:
        report_bench.main([])
    return _tabled(0)


def _tabled(status: int) -> int:
    """Regenerate BENCHMARKS.md's results table from benchmarks/results.json."""
    table.main()
    return status


if __name__ == "__main__":
    sys.exit(main())
