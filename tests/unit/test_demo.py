"""The demo data: what a new user sees after ``casedesk demo``, on both backends.

The demo is built through the real services, so these tests also check that
forty realistic cases pass every validation and workflow rule, and that the
audit chain they leave behind verifies.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest

from app.domain.cases import CaseStatus, Finding
from app.domain.errors import Refused
from app.domain.permissions import Role
from app.services import accounts, audit, cases, catalog, demo, employees, setup
from app.services.case_queries import CaseQuery, list_cases
from app.services.database import Database
from app.services.demo import build
from app.services.demo.stories import STORIES

AGENCIES = {"MODMH", "MODNR", "ARDHS", "MADYS", "STLCITY"}


def _password(role: Role) -> tuple[str, str]:
    user = next(u for u in demo.DEMO_USERS if u.role is role)
    return user.username, user.password


def test_demo_cases_cover_every_agency_status_and_cite_their_agency_policy(
    backend: str, request: pytest.FixtureRequest
) -> None:
    if backend == "sqlite":
        # The demo template every demo test copies is this same call on SQLite, made
        # once per run: its result and a fresh copy of the database it made.
        database: Database = request.getfixturevalue("demo_database")
        result = request.getfixturevalue("demo_result")
        assert isinstance(result, demo.DemoResult)
    else:
        database = request.getfixturevalue("database")
        result = demo.create_demo(database)

    assert result.users == demo.DEMO_USERS
    supervisor = accounts.authenticate(database, *_password(Role.SUPERVISOR))
    page = list_cases(database, supervisor, CaseQuery(limit=1000))
    assert page.total == result.case_count >= 35
    assert {row.agency_code for row in page.rows} == AGENCIES
    assert {row.status for row in page.rows} == set(CaseStatus)
    per_agency: dict[str, int] = defaultdict(int)
    for row in page.rows:
        per_agency[row.agency_code] += 1
    assert min(per_agency.values()) >= 5, per_agency

    policies: dict[str, set[str]] = defaultdict(set)
    for policy in catalog.list_policies(database, supervisor):
        policies[policy.agency_code].add(policy.code)
    closed_substantiated = closed_cleared = 0
    allegations = notes = 0
    for row in page.rows:
        case = cases.get_case(database, supervisor, row.id)
        assert case.allegations, f"{case.number} has no allegation"
        assert case.notes, f"{case.number} has no note"
        allegations += len(case.allegations)
        notes += len(case.notes)
        for allegation in case.allegations:
            policy_code = allegation.citation.split()[0]
            assert policy_code in policies[case.agency_code], (case.number, allegation.citation)
            assert allegation.provision_text
        findings = [a.finding for a in case.allegations]
        if case.status is CaseStatus.DISCIPLINE_REVIEW:
            assert Finding.PENDING not in findings
            assert Finding.SUBSTANTIATED in findings
        if case.status is CaseStatus.CLOSED and Finding.PENDING not in findings:
            if Finding.SUBSTANTIATED in findings:
                closed_substantiated += 1
            else:
                closed_cleared += 1
        for allegation in case.allegations:
            if allegation.finding is not Finding.PENDING:
                assert allegation.reasoning, (case.number, allegation.citation)
    assert closed_substantiated and closed_cleared
    assert (allegations, notes) == (result.allegation_count, result.note_count)

    admin = accounts.authenticate(database, *_password(Role.ADMINISTRATOR))
    staff = employees.list_employees(database, admin)
    assert len(staff) == result.employee_count >= 25
    assert {e.agency_code for e in staff} == AGENCIES
    assert any(e.supervisor_id is not None for e in staff)
    assert audit.verify(database, admin).intact


def test_demo_users_sign_in_with_the_published_passwords(demo_database: Database) -> None:
    assert {u.role for u in demo.DEMO_USERS} == set(Role)
    for user in demo.DEMO_USERS:
        assert len(user.password) >= 10
        actor = accounts.authenticate(demo_database, user.username, user.password)
        assert actor.full_name == user.full_name
        assert user.role in actor.roles


def test_demo_runs_only_once(demo_database: Database) -> None:
    with pytest.raises(Refused, match="already has accounts"):
        demo.create_demo(demo_database)

    supervisor = accounts.authenticate(demo_database, *_password(Role.SUPERVISOR))
    assert list_cases(demo_database, supervisor, CaseQuery()).total == len(STORIES)


def test_demo_never_goes_into_a_database_in_real_use(sqlite_database: Database) -> None:
    setup.initialize(
        sqlite_database,
        admin_username="root",
        admin_full_name="Real Administrator",
        admin_password="a real password",
    )

    with pytest.raises(Refused, match="new, empty database"):
        demo.create_demo(sqlite_database)

    admin = accounts.authenticate(sqlite_database, "root", "a real password")
    assert [u.username for u in accounts.list_users(sqlite_database, admin)] == ["root"]
    assert employees.list_employees(sqlite_database, admin) == []


def test_demo_dates_move_back_only_on_a_clock_before_the_stories() -> None:
    latest = max(max(s.reported, *s.conduct) for s in STORIES)

    assert build._date_shift(latest) == dt.timedelta(0)
    assert build._date_shift(latest + dt.timedelta(days=400)) == dt.timedelta(0)
    assert build._date_shift(latest - dt.timedelta(days=30)) == dt.timedelta(days=-30)


def test_demo_cases_under_investigation_hold_screenshots_and_youth_comments_are_redacted(
    demo_database: Database,
) -> None:
    from app.services import evidence
    from app.services.evidence import redaction

    ivy = accounts.authenticate(demo_database, *_password(Role.INVESTIGATOR))
    page = list_cases(demo_database, ivy, CaseQuery(limit=1000))
    redacted = 0
    for row in page.rows:
        items = evidence.list_evidence(demo_database, ivy, row.id)
        if row.status is CaseStatus.INTAKE:
            continue
        story_platforms = cases.get_case(demo_database, ivy, row.id).fields.platforms
        if row.status is not CaseStatus.CLOSED or items:
            # One screenshot per platform named, at most two (screened-out cases have none).
            assert len(items) == min(2, len(story_platforms)), row.number
        for item in items:
            assert item.media_type == "image/png"
            assert item.platform in story_platforms
            if item.redaction_count:
                redacted += 1
                assert row.agency_code == "MADYS"
                boxes = redaction.get_redactions(demo_database, ivy, item.id)
                assert [b.reason.value for b in boxes] == ["youth_identity"]
    assert redacted >= 2
    admin = accounts.authenticate(demo_database, *_password(Role.ADMINISTRATOR))
    assert all(check.ok for check in evidence.verify_evidence(demo_database, admin))


def test_demo_takes_cases_through_due_process(demo_database: Database) -> None:
    from app.domain.discipline import Outcome, Regime
    from app.domain.discipline.flow import Stage
    from app.services import discipline

    hr = accounts.authenticate(demo_database, *_password(Role.HR))
    page = list_cases(demo_database, hr, CaseQuery(limit=1000))
    flows = {
        (f.agency_code, f.employee.full_name): f
        for row in page.rows
        for f in discipline.flows(demo_database, hr, row.id)
        if f.stage is not Stage.NO_GROUNDS
    }
    assert all(f.regime is not None for f in flows.values())
    # Ready for the GUI walk-through: substantiated, in discipline review, no notice yet.
    ready = [f for f in flows.values() if f.stage is Stage.READY_FOR_NOTICE]
    assert any(f.case_status is CaseStatus.DISCIPLINE_REVIEW for f in ready)
    # MO DMH: a five-day suspension after notice and response carries no AHC appeal.
    dmh = next(
        f for f in flows.values()
        if f.agency_code == "MODMH" and f.decision and f.decision.suspension_days == 5
    )  # fmt: skip
    assert dmh.notice is not None and dmh.response is not None
    assert "carries no appeal to the Administrative Hearing Commission" in dmh.appeal_statement
    # MO DNR: a dismissal appealed to the AHC.
    dnr = flows[("MODNR", "Samuel Okafor")]
    assert dnr.appeal is not None and dnr.appeal.body == "Administrative Hearing Commission"
    assert dnr.response is not None and dnr.response.none_by_deadline
    # MA DYS: the provider's employee is referred.
    dys = flows[("MADYS", "Tyrone Baptiste")]
    assert dys.regime is Regime.PROVIDER and dys.outcome is Outcome.REFERRAL_TO_PROVIDER
    assert dys.stage is Stage.REFERRED
    # A withdrawn decision, kept with its reason.
    assert any(f.stage is Stage.WITHDRAWN and f.decision and f.decision.withdrawal_reason
               for f in flows.values())  # fmt: skip


def test_demo_steps_happen_on_the_story_s_days_and_the_log_only_goes_forward(
    demo_database: Database,
) -> None:
    """Each story is played on its own days (``demo.schedule``): a case reported in 2025 is
    decided and closed in 2025, a decision is recorded on the day it was made, and the audit
    log's moments never go back, across the forty stories."""
    from sqlalchemy import text

    with demo_database.engine.connect() as connection:
        moments = [
            audit.stored_utc(m)
            for m in connection.scalars(text("SELECT occurred_at FROM audit_events ORDER BY seq"))
        ]
        closed = connection.execute(
            text(
                "SELECT number, reported_on, closed_on, status FROM cases "
                "WHERE closed_on IS NOT NULL"
            )
        ).all()
        decisions = connection.execute(
            text("SELECT decided_on, decided_at, effective_on FROM discipline_actions")
        ).all()
    assert all(a < b for a, b in zip(moments, moments[1:], strict=False))
    assert moments[-1] <= dt.datetime.now(dt.UTC)
    # Set up before the first report, not on the day the demo is made.
    first_story = min(s.reported for s in STORIES)
    assert moments[0].date() < first_story
    assert closed
    for number, reported, closed_on, status in closed:
        reported_on, closed_day = (
            dt.date.fromisoformat(str(reported)),
            dt.date.fromisoformat(str(closed_on)),
        )
        assert reported_on <= closed_day <= reported_on + dt.timedelta(days=60), number
        if reported_on.year == 2025 and status == CaseStatus.CLOSED.value:
            assert closed_day.year == 2025, number
    assert decisions
    for decided_on, decided_at, effective_on in decisions:
        recorded = audit.stored_utc(decided_at)
        assert recorded.date() == dt.date.fromisoformat(str(decided_on))
        assert dt.date.fromisoformat(str(decided_on)) < dt.date.fromisoformat(str(effective_on))
