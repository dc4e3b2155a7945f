"""Today where the agency is, on a computer that keeps another time zone.

A pre-action notice's response window ends at the agency's midnight: a
decision, or "no response by the deadline", waits for it, whatever day this
computer's clock shows (Loudermill; ``app.domain.zones``). A date typed in is
in the future only after the latest day begun here or there, and a report
is dated the agency's day.

Each test sets this process's time zone a day away from Missouri's (a day
ahead, or a day behind before 6 a.m. there) and states what it expects in
terms of both days, so it checks the rule at whatever hour it runs.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

import pytest

from app.db.models import DisciplineNotice
from app.domain.actor import Actor
from app.domain.discipline import DisciplineAction, Regime
from app.domain.discipline.flow import Stage
from app.domain.discipline.packs import pack_for
from app.domain.errors import InvalidInput, Refused
from app.domain.zones import agency_today, agency_zone
from app.services import cases, discipline, report_building
from app.services.cases import CaseFields
from app.services.database import Database
from tests.unit.test_due_process import (
    MakeUser,
    World,
    _authority,
    _case,
    _decision,
    _employee,
    _notice,
    make_world,
)

A = DisciplineAction


@dataclass(frozen=True)
class Days:
    """This computer's day and the agency's, a day apart."""

    here: dt.date
    agency: dt.date

    @property
    def ahead(self) -> bool:
        """Whether this computer's day is the agency's tomorrow."""
        return self.here > self.agency


@contextmanager
def _computer_a_day_from(jurisdiction: str) -> Iterator[Days]:
    """This process's zone set so that its day differs from the agency's by one.

    UTC+14 is a day ahead of Missouri from 6 a.m. there (5 a.m. in summer) to
    midnight; UTC-12 a day behind from midnight to 6 a.m. A POSIX zone string
    needs no time zone files.
    """
    now = dt.datetime.now(agency_zone(jurisdiction)[0])
    minutes = now.hour * 60 + now.minute
    if minutes >= 24 * 60 - 2 or 6 * 60 - 2 <= minutes < 6 * 60 + 2:
        pytest.skip("the agency's clock is within two minutes of the hour the zone is chosen by")
    before = os.environ.get("TZ")
    os.environ["TZ"] = "ZZZ-14" if now.hour >= 6 else "ZZZ+12"
    time.tzset()
    try:
        days = Days(dt.date.today(), agency_today(jurisdiction))
        assert abs((days.here - days.agency).days) == 1
        yield days
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


@pytest.fixture
def world(database: Database, admin: Actor, make_user: MakeUser) -> World:
    return make_world(database, admin, make_user)


def _mo_dnr_case(w: World) -> tuple[int, int]:
    """A MO DNR case in discipline review against a merit employee: the case, the employee."""
    _authority(w, "MODNR")
    emp = _employee(w, "MODNR", "Morgan Ozark", Regime.MERIT)
    return _case(w, "MODNR", emp), emp


def _response_due(w: World, notice_id: int, day: dt.date) -> None:
    """The notice's response made due on ``day`` (the notice itself is dated in 2026-09)."""
    with w.db.unit_of_work(write=True) as uow:
        notice = uow.session.get(DisciplineNotice, notice_id)
        assert notice is not None
        notice.response_due = day
        uow.commit()


def test_the_response_window_closes_at_the_agency_s_midnight_not_this_computer_s(
    world: World,
) -> None:
    w = world
    case_id, emp = _mo_dnr_case(w)
    notice = discipline.issue_notice(w.db, w.hana, case_id, _notice(emp, A.DISMISSAL, None))
    dismissal = _decision(emp, A.DISMISSAL, effective_on=dt.date(2026, 9, 25))
    with _computer_a_day_from("MO") as days:
        if days.ahead:
            # Due today in Missouri, already yesterday here: the window is still open.
            _response_due(w, notice.id, days.agency)
            with pytest.raises(Refused, match=f"has until {days.agency} to respond"):
                discipline.record_discipline(w.db, w.hana, case_id, dismissal)
            with pytest.raises(Refused, match=f"open until {days.agency}"):
                discipline.record_response(w.db, w.hana, case_id, emp, received_on=None)
            flow = discipline.discipline_flow(w.db, w.hana, case_id, emp)
            assert flow.stage is Stage.AWAITING_RESPONSE
        else:
            # Due yesterday in Missouri, still today here: the window has closed.
            _response_due(w, notice.id, days.here)
            flow = discipline.discipline_flow(w.db, w.hana, case_id, emp)
            assert flow.stage is Stage.READY_FOR_DECISION
            none = discipline.record_response(w.db, w.hana, case_id, emp, received_on=None)
            assert none.none_by_deadline
            # Decided today, it takes effect after the letter is given (RSMo 36.380).
            later = pack_for("MODNR", "MO").calendar.next_working_day(
                days.agency + dt.timedelta(days=1)
            )
            dismissal = replace(dismissal, effective_on=later.day)
            decided = discipline.record_discipline(w.db, w.hana, case_id, dismissal)
            assert decided.notice_id == notice.id


def test_a_date_typed_in_is_in_the_future_only_after_the_latest_day_begun(world: World) -> None:
    w = world
    case_id, emp = _mo_dnr_case(w)
    with _computer_a_day_from("MO") as days:
        latest = max(days.here, days.agency)
        after = latest + dt.timedelta(days=1)
        fields = CaseFields(agency_code="MODNR", title="Reported today", reported_on=after,
                            subject_ids=(emp,), investigator="ivan")  # fmt: skip
        with pytest.raises(InvalidInput, match="in the future"):
            cases.create_case(w.db, w.ivan, fields)
        reported = cases.create_case(w.db, w.ivan, replace(fields, reported_on=latest))
        assert reported.fields.reported_on == latest

        with pytest.raises(InvalidInput, match="in the future"):
            discipline.issue_notice(w.db, w.hana, case_id, _notice(emp, issued_on=after))
        notice = discipline.issue_notice(w.db, w.hana, case_id, _notice(emp, issued_on=latest))
        assert notice.issued_on == latest
        # Five working days from the agency's day of the notice.
        assert notice.response_due > latest


def test_a_report_is_dated_the_agency_s_day(world: World) -> None:
    w = world
    case_id, emp = _mo_dnr_case(w)
    with _computer_a_day_from("MO") as days:
        report = report_building.build_disciplinary(w.db, w.hana, case_id, employee_id=emp)
        assert report.report_date == days.agency
        summary = report_building.build_case_summaries(w.db, w.hana, [case_id])
        assert summary.report_date == days.agency


def test_a_decision_recorded_without_its_day_was_made_today_where_the_agency_is(
    world: World,
) -> None:
    w = world
    case_id, emp = _mo_dnr_case(w)
    with _computer_a_day_from("MO") as days:
        reprimand = _decision(emp, A.WRITTEN_REPRIMAND, effective_on=days.agency)
        decided = discipline.record_discipline(w.db, w.hana, case_id, reprimand)
        assert decided.decided_on == days.agency
