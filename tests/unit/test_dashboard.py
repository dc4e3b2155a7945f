"""The dashboard's figures and the discipline consistency check, on both backends."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from app.domain.actor import Actor
from app.domain.cases import CaseStatus
from app.domain.discipline import DisciplineAction
from app.domain.errors import InvalidInput, NotFound, PermissionDenied, Refused
from app.domain.permissions import Role
from app.services import cases, dashboard, discipline
from app.services.dashboard import Chart, DashboardFilter
from app.services.database import Database
from app.services.discipline.consistency import case_comparables, provision_comparables
from tests.unit.conftest import built_once
from tests.unit.dashboard_fixture import (
    EXPECTED,
    PERIOD,
    POLICY_1,
    Built,
    build,
    case_in_review,
    decision,
)

MakeUser = Callable[..., Actor]


@dataclass
class World:
    db: Database
    admin: Actor
    ivan: Actor
    sam: Actor
    hana: Actor
    built: Built


@built_once("dashboard")
def world(database: Database, admin: Actor, make_user: MakeUser) -> World:
    ivan = make_user("ivan", "Ivan Investigator", Role.INVESTIGATOR)
    sam = make_user("sam", "Sam Supervisor", Role.SUPERVISOR)
    hana = make_user("hana", "Hana Resources", Role.HR)
    built = build(database, admin=admin, investigator=ivan, supervisor=sam, hr=hana)
    return World(database, admin, ivan, sam, hana, built)


def _rows(chart: Chart) -> list[tuple[str, str, int | float]]:
    return [(r.category, r.series, r.value) for r in chart.rows]


def test_every_chart_shows_the_hand_built_figures(world: World) -> None:
    board = dashboard.dashboard(world.db, world.sam, PERIOD)
    assert {c.key: _rows(c) for c in board.charts} == EXPECTED
    # A chart and its CSV agree row for row.
    lines = board.chart("median_days").csv_text().splitlines()
    assert lines == [
        "agency,interval,median days",
        "MODNR,Report to findings,10.0",
        "MODNR,Findings to decision,5.0",
    ]
    # The agency filter and the period narrow every figure.
    madys = dashboard.dashboard(world.db, world.sam, DashboardFilter("madys", *_period()))
    assert _rows(madys.chart("open_cases")) == [("MADYS", "Investigating", 1)]
    assert _rows(madys.chart("median_days")) == []
    january = DashboardFilter(None, dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    assert _rows(dashboard.chart(world.db, world.sam, "new_closed", january)) == [
        ("2026-01", "New", 2), ("2026-01", "Closed", 0),
    ]  # fmt: skip
    # Half the cases in scope (the set of those in scope is read) and all of them
    # (the set of those out of scope is read) count the same allegations.
    assert _rows(dashboard.chart(world.db, world.sam, "outcomes", january)) == [
        (POLICY_1, "Substantiated", 2),
    ]  # fmt: skip


def test_a_case_closed_twice_counts_once_in_the_month_of_its_last_closing(
    world: World,
) -> None:
    w, c1 = world, world.built.case_ids[0]
    cases.transition_case(w.db, w.sam, c1, CaseStatus.REOPENED, reason="New posts came to light.")
    reopened = dashboard.chart(w.db, w.sam, "new_closed", DashboardFilter())
    # Reopened and not closed again: in no month of the Closed series.
    assert sum(r.value for r in reopened.rows if r.series == "Closed") == 0
    cases.transition_case(w.db, w.sam, c1, CaseStatus.DISCIPLINE_REVIEW)
    cases.transition_case(w.db, w.hana, c1, CaseStatus.CLOSED)
    closed = dashboard.chart(w.db, w.sam, "new_closed", DashboardFilter())
    [(month, n)] = [(r.category, r.value) for r in closed.rows if r.series == "Closed" and r.value]
    assert n == 1  # two closings in the audit log, one closed case
    assert month == f"{cases.get_case(w.db, w.sam, c1).updated_at:%Y-%m}"


def test_migration_0017_fills_the_facts_the_services_keep(world: World) -> None:
    from alembic import command
    from sqlalchemy import text

    from app.db.migrate import alembic_config

    facts = text(
        "SELECT id, findings_on, decided_on, closed_on, findings_days, decision_days "
        "FROM cases ORDER BY id"
    )
    with world.db.engine.connect() as connection:
        kept = connection.execute(facts).all()
    with world.db.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0012")
    with world.db.engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    with world.db.engine.connect() as connection:
        filled = connection.execute(facts).all()
    assert [tuple(str(v) for v in r) for r in filled] == [tuple(str(v) for v in r) for r in kept]
    assert any(r[3] is not None for r in filled) and any(r[5] is not None for r in filled)


def _period() -> tuple[dt.date | None, dt.date | None]:
    return PERIOD.date_from, PERIOD.date_to


def test_an_investigation_authorization_counts_nowhere_for_hr(world: World) -> None:
    supervisor = dashboard.chart(world.db, world.sam, "authorizations", PERIOD)
    hr = dashboard.chart(world.db, world.hana, "authorizations", PERIOD)
    administrator = dashboard.chart(world.db, world.admin, "authorizations", PERIOD)
    assert ("MADYS", "Investigation (B.3)", 1) in _rows(supervisor)
    assert _rows(hr) == [("MADYS", "Supervision (B.2)", 1)]
    assert _rows(administrator) == []
    # HR's case figures are the supervisor's: nothing else is confidential there.
    assert (
        _rows(dashboard.chart(world.db, world.hana, "open_cases", PERIOD)) == EXPECTED["open_cases"]
    )


def test_who_may_see_the_dashboard_and_bad_filters(world: World) -> None:
    with pytest.raises(PermissionDenied, match="dashboard.view"):
        dashboard.dashboard(world.db, world.ivan, PERIOD)
    with pytest.raises(NotFound, match="no agency 'NOPE'"):
        dashboard.dashboard(world.db, world.sam, DashboardFilter("NOPE"))
    with pytest.raises(InvalidInput, match="starts .* after it ends"):
        dashboard.dashboard(
            world.db, world.sam, DashboardFilter(None, dt.date(2026, 3, 1), dt.date(2026, 2, 1))
        )


def _number(w: World, case_id: int) -> str:
    return discipline.case_discipline(w.db, w.hana, case_id).case_number


def test_an_action_harsher_than_every_comparable_needs_a_reason_kept_with_it(
    world: World,
) -> None:
    w = world
    employee = w.built.employee_ids[3]
    case_id, _ = case_in_review(w.db, w.ivan, w.sam, employee, dt.date(2026, 3, 2))
    [entry] = case_comparables(w.db, w.hana, case_id)
    assert entry.citations == (POLICY_1,)
    assert [(c.case_number, c.action, c.prior_step) for c in entry.comparables] == [
        (w.built.case_numbers[0], DisciplineAction.WRITTEN_REPRIMAND, None),
        (w.built.case_numbers[1], DisciplineAction.WRITTEN_REPRIMAND, None),
    ]
    for action, how in ((DisciplineAction.DISMISSAL, "harsher"),
                        (DisciplineAction.COUNSELING, "milder")):  # fmt: skip
        with pytest.raises(Refused, match=f"is {how} than every earlier decision") as refused:
            discipline.record_discipline(w.db, w.hana, case_id, decision(employee, action))
        assert w.built.case_numbers[0] in str(refused.value)
        assert w.built.case_numbers[1] in str(refused.value)
    reason = "Posted the campers' licence plates: worse than the earlier posts."
    info = discipline.record_discipline(
        w.db, w.hana, case_id,
        decision(employee, DisciplineAction.DISMISSAL, consistency_reason=reason),
    )  # fmt: skip
    assert info.consistency_reason == reason
    shown = discipline.case_discipline(w.db, w.hana, case_id).employees[0].decision
    assert shown is not None and shown.consistency_reason == reason
    # Within the range no reason is asked, and none is kept.
    same = discipline.record_discipline(
        w.db, w.hana, case_id,
        decision(employee, DisciplineAction.WRITTEN_REPRIMAND, consistency_reason="not needed"),
    )  # fmt: skip
    assert same.consistency_reason == ""
    # An employee's own earlier decision is their prior discipline, not a comparable one.
    again, _ = case_in_review(w.db, w.ivan, w.sam, w.built.employee_ids[0], dt.date(2026, 3, 9))
    [own] = case_comparables(w.db, w.hana, again)
    others = [w.built.case_numbers[1], _number(w, case_id)]
    assert [c.case_number for c in own.comparables] == others
    # The provision's decisions, for the dashboard: the new one with them.
    listed = provision_comparables(w.db, w.sam, "MODNR", POLICY_1)
    assert [c.case_id for c in listed] == [*w.built.case_ids[:2], case_id]
