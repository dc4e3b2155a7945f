"""Time every dashboard chart through the service, on the benchmark database.

``python -m benchmarks.dashboard`` (also run by ``python -m benchmarks`` after
the SQLite figures). Each chart is one SQL aggregate
(``app.services.dashboard``); each figure is the wall-clock time of one
``dashboard.chart`` call as the GUI and ``casedesk dashboard`` make it, for
all agencies over all time and for one agency over twelve months.

The generated data set has no discipline decisions; before measuring, one
written reprimand is added (once, in one transaction) for every employee
with a substantiated allegation in a closed case, so the median from
findings to decision has real rows to rank; each case's decision day
(``cases.decided_on``) is set as recording the decision would set it. The
cases' dashboard facts are filled where the generator left them empty, and the
``bench`` user is made a member of every agency (once), so the figures for
"all agencies" count every case.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from app.db.models import Agency, Allegation, Case, DisciplineRecord, User, UserAgency
from app.domain.actor import Actor
from app.domain.cases import CaseStatus, Finding
from app.domain.permissions import Role
from app.services import dashboard
from app.services.dashboard import CHARTS, DashboardFilter
from app.services.database import Database
from benchmarks import generate

GOAL_MS = 200.0


def add_decisions(database: Database) -> int:
    """One decision per employee with a substantiated allegation in a closed case (once)."""
    with database.unit_of_work(write=True) as uow:
        if uow.session.scalar(select(func.count()).select_from(DisciplineRecord)):
            return 0
        decider = _bench_user(uow.session)
        rows = uow.session.execute(
            select(
                Allegation.case_id,
                Allegation.employee_id,
                func.min(Allegation.id),
                func.max(Allegation.finding_at),
            )  # fmt: skip
            .join(Case, Case.id == Allegation.case_id)
            .where(
                Case.status == CaseStatus.CLOSED.value,
                Allegation.finding == Finding.SUBSTANTIATED.value,
                Allegation.employee_id.is_not(None),
            )
            .group_by(Allegation.case_id, Allegation.employee_id)
        ).all()
        values = []
        for index, (case_id, employee_id, allegation_id, found_at) in enumerate(rows):
            decided = found_at + dt.timedelta(days=3 + index % 40)
            values.append(
                {"case_id": case_id, "employee_id": employee_id, "action": "written_reprimand",
                 "effective_on": decided.date(), "steps_to_correct": "Benchmark decision.",
                 "repeat_consequence": "Suspension.",
                 "appeal_rights": "", "allegation_ids": [str(allegation_id)],
                 "decided_by_id": decider, "decided_at": decided, "updated_at": decided}
            )  # fmt: skip
        for start in range(0, len(values), 10_000):
            uow.session.execute(insert(DisciplineRecord), values[start : start + 10_000])
        first: dict[int, dt.date] = {}
        for value in values:
            day = value["decided_at"].date()
            first[value["case_id"]] = min(day, first.get(value["case_id"], day))
        cases = uow.session.scalars(select(Case).where(Case.id.in_(first))).all()
        for case in cases:  # through the model: the decision's span is kept with it
            case.decided_on = first[case.id]
        uow.commit()
        return len(values)


def add_facts(database: Database) -> int:
    """Fill the cases' dashboard facts of a data set generated at the newest schema (once).

    The generator writes cases, allegations and statuses directly, not through
    the services that keep ``cases.findings_on`` / ``closed_on`` (an older
    database gets them from migration 0017): the same rule is applied here.
    """
    with database.unit_of_work(write=True) as uow:
        if uow.session.scalar(select(func.count()).where(Case.findings_on.is_not(None))):
            return 0
        found = dict(
            uow.session.execute(
                select(Allegation.case_id, func.max(Allegation.finding_at))
                .where(Allegation.finding != Finding.PENDING.value)
                .group_by(Allegation.case_id)
            )
            .tuples()
            .all()
        )
        closed = dict(
            uow.session.execute(
                select(Case.id, Case.updated_at).where(Case.status == CaseStatus.CLOSED.value)
            )
            .tuples()
            .all()
        )
        rows = uow.session.execute(select(Case.id, Case.reported_on)).tuples().all()
        changes = []
        for case_id, reported in rows:
            day = found[case_id].date() if found.get(case_id) else None
            shut = closed[case_id].date() if case_id in closed else None
            if day is None and shut is None:
                continue
            changes.append({"case": case_id, "findings_on": day, "closed_on": shut,
                            "findings_days": (day - reported).days if day else None})  # fmt: skip
        table = Case.__table__
        statement = update(table).where(table.c.id == bindparam("case"))
        for start in range(0, len(changes), 10_000):
            uow.session.connection().execute(statement, changes[start : start + 10_000])
        uow.commit()
        return len(changes)


def add_memberships(database: Database) -> int:
    """Make the ``bench`` user a member of every agency it is not a member of yet."""
    with database.unit_of_work(write=True) as uow:
        bench = _bench_user(uow.session)
        member = select(UserAgency.agency_id).where(UserAgency.user_id == bench)
        missing = uow.session.scalars(select(Agency.id).where(Agency.id.not_in(member))).all()
        for agency_id in missing:
            uow.session.add(UserAgency(user_id=bench, agency_id=agency_id))
        uow.commit()
        return len(missing)


def _bench_user(session: Session) -> int | None:
    """The generated data set's ``bench`` user (another database: its first user)."""
    found = session.scalar(select(User.id).where(User.username == generate.BENCH_USER))
    return found if found is not None else session.scalar(select(func.min(User.id)))


def _load() -> str:
    try:
        return Path("/proc/loadavg").read_text().strip()
    except OSError:
        return "unknown"


def report(database: Database, *, repeat: int = 10) -> str:
    """The timing table of every chart, for two filters; the load average before and after."""
    add_facts(database)
    added = add_decisions(database)
    add_memberships(database)
    with database.unit_of_work() as uow:
        bench = _bench_user(uow.session)
        last = uow.session.scalar(select(func.max(Case.reported_on)))
    assert bench is not None and last is not None
    # A supervisor sees every chart, the confidential authorizations included.
    actor = Actor(bench, generate.BENCH_USER, "Bench", frozenset({Role.SUPERVISOR}))
    filters = {
        "all agencies, all time": DashboardFilter(),
        "ARDHS, 12 months": DashboardFilter("ARDHS", last - dt.timedelta(days=365), last),
    }
    lines = [f"load average before: {_load()}"]
    if added:
        lines.append(f"(added {added:,} discipline decisions to the benchmark database)")
    lines.append(
        f"{'chart':<16} {'filter':<24} {'first ms':>9} {'median ms':>10} {'max ms':>8} "
        f"{'rows':>5}  goal {GOAL_MS:.0f} ms"
    )
    for label, scope in filters.items():
        for key in CHARTS:
            samples = []
            rows = 0
            for _ in range(repeat + 1):
                start = time.perf_counter()
                chart = dashboard.chart(database, actor, key, scope)
                samples.append((time.perf_counter() - start) * 1000)
                rows = len(chart.rows)
            first, rest = samples[0], samples[1:]
            median = statistics.median(rest)
            verdict = "met" if median <= GOAL_MS else "MISSED"
            lines.append(
                f"{key:<16} {label:<24} {first:>9.1f} {median:>10.1f} {max(rest):>8.1f} "
                f"{rows:>5}  {verdict}"
            )
    lines.append(f"load average after: {_load()}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dashboard", description=__doc__)
    parser.add_argument("--url", help="measure this database instead of the cached 100k one")
    parser.add_argument("--quick", action="store_true", help="the 10k-case database")
    parser.add_argument("--repeat", type=int, default=10, help="calls per chart after the first")
    args = parser.parse_args(argv)
    if args.url:
        url = args.url
    else:
        path, _ = generate.cached_sqlite(generate.QUICK if args.quick else generate.FULL)
        url = f"sqlite:///{path}"
    database = Database.open(url)
    try:
        print(f"\nDashboard charts ({database.display_name})")
        print(report(database, repeat=args.repeat))
    finally:
        database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
