"""The ``dashboard`` command: the dashboard's figures for scripts and monthly statistics.

The same service as the window's Dashboard (``app.services.dashboard``), so
the same scope rules: figures count only what the user may see. ``--csv``
with ``--chart`` prints exactly what the window's Export CSV writes.
"""

from __future__ import annotations

import argparse
import csv
import sys

from app.cli.context import Context
from app.cli.output import print_json, print_table
from app.domain.errors import InvalidInput
from app.domain.validation import parse_date
from app.services import dashboard
from app.services.dashboard import CHARTS, Chart, DashboardFilter
from app.services.discipline.consistency import (
    COMPARABLE_COLUMNS,
    comparable_row,
    comparables_csv,
    provision_comparables,
)


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: list[argparse.ArgumentParser],
) -> None:
    """Add the ``dashboard`` command."""
    parser = commands.add_parser(
        "dashboard", parents=common,
        help="the dashboard's figures: open cases, cases per month, median days, provisions",
    )  # fmt: skip
    parser.add_argument("--agency", help="only this agency, e.g. MODNR")
    parser.add_argument("--from", dest="date_from", metavar="DATE",
                        help="cases reported on or after this day, YYYY-MM-DD")  # fmt: skip
    parser.add_argument("--to", dest="date_to", metavar="DATE",
                        help="cases reported on or before this day, YYYY-MM-DD")  # fmt: skip
    parser.add_argument("--chart", choices=tuple(CHARTS), help="only this chart")
    parser.add_argument(
        "--provision", metavar="CITATION",
        help="instead of the charts: the agency's earlier decisions under this provision "
             "(with --agency), e.g. 'MO-DNR-SN Policy.1'",
    )  # fmt: skip
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print JSON")
    output.add_argument("--csv", action="store_true", help="print CSV")
    parser.set_defaults(handler=cmd_dashboard)


def _scope(args: argparse.Namespace) -> DashboardFilter:
    return DashboardFilter(
        agency_code=args.agency or None,
        date_from=parse_date(args.date_from, "--from"),
        date_to=parse_date(args.date_to, "--to"),
    )


def cmd_dashboard(ctx: Context) -> int:
    args = ctx.args
    scope = _scope(args)
    if args.provision is not None:
        return _provision(ctx, scope, args.provision)
    database, actor = ctx.database, ctx.actor
    if args.chart:
        charts: tuple[Chart, ...] = (dashboard.chart(database, actor, args.chart, scope),)
    else:
        charts = dashboard.dashboard(database, actor, scope).charts
    if args.json:
        print_json(
            {
                "filter": scope,
                "charts": [
                    {
                        "key": c.key,
                        "title": c.title,
                        "columns": c.columns,
                        "note": c.note,
                        "rows": [[r.category, r.series, r.value] for r in c.rows],
                    }
                    for c in charts
                ],
            }  # fmt: skip
        )
    elif args.csv and args.chart:
        sys.stdout.write(charts[0].csv_text())
    elif args.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(("chart", "category", "series", "value"))
        for c in charts:
            writer.writerows((c.key, r.category, r.series, r.value) for r in c.rows)
    else:
        for index, c in enumerate(charts):
            if index:
                print()
            print(f"{c.title} ({c.note})" if c.note else c.title)
            print_table(c.columns, [(r.category, r.series, r.value) for r in c.rows])
    return 0


def _provision(ctx: Context, scope: DashboardFilter, citation: str) -> int:
    if not scope.agency_code:
        raise InvalidInput("--provision needs --agency: decisions are compared within an agency.")
    comparables = provision_comparables(ctx.database, ctx.actor, scope.agency_code, citation)
    if ctx.args.json:
        print_json({"agency": scope.agency_code.upper(), "provision": citation,
                    "decisions": comparables})  # fmt: skip
        return 0
    if not comparables:
        print(f"No decision of {scope.agency_code.upper()} rests on {citation} yet.")
        return 0
    if ctx.args.csv:
        sys.stdout.write(comparables_csv(comparables))
    else:
        print_table(
            tuple(c.capitalize() for c in COMPARABLE_COLUMNS),
            [comparable_row(c) for c in comparables],
        )
    return 0
