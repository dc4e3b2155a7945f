"""Discipline on real databases: grounds, the suspension cap, prior discipline, settings."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, replace

import pytest
from sqlalchemy import text

from app.domain.actor import Actor
from app.domain.cases import CaseStatus, Finding
from app.domain.discipline import (
    DisciplineAction,
    Regime,
    calendar_for,
    months_before,
    parse_action,
    window_end,
)
from app.domain.errors import InvalidInput, PermissionDenied, Refused
from app.domain.permissions import Role
from app.domain.zones import agency_today
from app.services import cases, discipline, employees, report_building
from app.services.cases import CaseFields
from app.services.database import Database
from app.services.discipline import DisciplineInput
from tests.unit.conftest import built_once

MakeUser = Callable[..., Actor]


def _today() -> dt.date:
    """Today where the Missouri agency is (a response is due counting from its day), read
    when a test runs: a run may cross midnight."""
    return agency_today("MO")


def _next_workday() -> dt.date:
    """The first working day from today on: a suspension starts on a working day."""
    return MO_DAYS.next_working_day(_today()).day


MO_DAYS = calendar_for("MO")


def _workday(day: dt.date) -> dt.date:
    return MO_DAYS.next_working_day(day).day


def _workday_before(day: dt.date) -> dt.date:
    while not MO_DAYS.is_working_day(day):
        day -= dt.timedelta(days=1)
    return day


S = CaseStatus
A = DisciplineAction


@dataclass
class World:
    db: Database
    admin: Actor
    ivan: Actor
    sue: Actor
    hana: Actor
    mo_employee: int
    ar_employee: int


@built_once("discipline")
def world(database: Database, admin: Actor, make_user: MakeUser) -> World:
    ivan = make_user("ivan", "Ivan Investigator", Role.INVESTIGATOR)
    sue = make_user("sue", "Sue Supervisor", Role.SUPERVISOR)
    hana = make_user("hana", "Hana Resources", Role.HR)
    mo = employees.add_employee(database, admin, agency_code="MODNR", full_name="Morgan Ozark")
    ar = employees.add_employee(database, admin, agency_code="ARDHS", full_name="Pat Poster")
    # Employees owed no pre-action notice: these tests are about grounds and the cap;
    # tests/unit/test_due_process.py takes merit employees through notice and response.
    employees.set_regime(database, hana, mo.id, Regime.AT_WILL)
    employees.set_regime(database, hana, ar.id, Regime.PROBATIONARY)
    return World(database, admin, ivan, sue, hana, mo.id, ar.id)


def _case_in_review(
    w: World, agency: str, employee: int, findings: tuple[tuple[str, Finding], ...]
) -> tuple[int, list[int]]:
    """A case driven through the workflow to discipline review (or findings if none hold)."""
    fields = CaseFields(
        agency_code=agency, title="Posted during work hours",
        reported_on=_today() - dt.timedelta(days=400),
        subject_ids=(employee,), investigator="ivan",
    )  # fmt: skip
    case = cases.create_case(w.db, w.ivan, fields)
    ids = [cases.add_allegation(w.db, w.ivan, case.id, cite).id for cite, _ in findings]
    cases.transition_case(w.db, w.ivan, case.id, S.INVESTIGATING)
    for allegation_id, (_, finding) in zip(ids, findings, strict=True):
        cases.record_finding(w.db, w.ivan, allegation_id, finding, "Screenshots show the posts.")
    cases.transition_case(w.db, w.ivan, case.id, S.FINDINGS)
    if any(f is Finding.SUBSTANTIATED for _, f in findings):
        cases.transition_case(w.db, w.sue, case.id, S.DISCIPLINE_REVIEW)
    return case.id, ids


MO_SUBSTANTIATED = (("MO-DNR-SN Policy.1", Finding.SUBSTANTIATED),)


def _decision(employee: int, action: A = A.WRITTEN_REPRIMAND, **changes: object) -> DisciplineInput:
    base = DisciplineInput(
        employee_id=employee,
        action=action,
        effective_on=_next_workday(),
        steps_to_correct="Use social media only on breaks, on a personal device.",
        repeat_consequence="A further violation will lead to suspension.",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def _events(db: Database, prefix: str) -> list[str]:
    with db.engine.connect() as connection:
        return list(
            connection.scalars(
                text("SELECT action FROM audit_events WHERE action LIKE :p ORDER BY seq"),
                {"p": prefix + "%"},
            )
        )


def _count(db: Database, table: str) -> int:
    with db.engine.connect() as connection:
        return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_hr_records_a_written_reprimand_on_a_substantiated_allegation(world: World) -> None:
    case_id, ids = _case_in_review(world, "MODNR", world.mo_employee, MO_SUBSTANTIATED)
    info = discipline.record_discipline(world.db, world.hana, case_id, _decision(world.mo_employee))
    assert info.action is A.WRITTEN_REPRIMAND
    assert info.allegation_ids == tuple(ids)
    assert info.citations == ("MO-DNR-SN Policy.1",)
    # No pre-action notice: no response window is invented; the appeal stored is the
    # law's answer for the action decided, with its citation, not a default text that
    # states law.
    assert info.response_due is None
    assert info.decided_on == _today()
    assert "no appeal of a written reprimand" in info.appeal_rights
    assert "RSMo 36.390.2" in info.appeal_rights
    assert "RSMo Chapter 36" not in info.appeal_rights
    assert info.decided_by == "Hana Resources"
    assert _events(world.db, "discipline.") == ["discipline.record"]
    shown = discipline.case_discipline(world.db, world.hana, case_id)
    assert shown.may_decide
    assert shown.employees[0].decision == info


@pytest.mark.parametrize(
    "finding", [Finding.NOT_SUBSTANTIATED, Finding.UNFOUNDED, Finding.EXONERATED]
)
def test_discipline_on_an_allegation_that_is_not_substantiated_is_refused(
    world: World, finding: Finding
) -> None:
    case_id, ids = _case_in_review(
        world, "MODNR", world.mo_employee,
        (("MO-DNR-SN Policy.1", Finding.SUBSTANTIATED), ("MO-DNR-SN Policy.2", finding)),
    )  # fmt: skip
    with pytest.raises(Refused, match=r"only be recorded on substantiated allegations; not "
                       r"substantiated: MO-DNR-SN Policy.2"):  # fmt: skip
        discipline.record_discipline(
            world.db, world.hana, case_id, _decision(world.mo_employee, allegation_ids=tuple(ids))
        )
    assert _count(world.db, "discipline_actions") == 0
    # Without naming allegations, the decision rests on the substantiated one only.
    info = discipline.record_discipline(world.db, world.hana, case_id, _decision(world.mo_employee))
    assert info.allegation_ids == (ids[0],)


def test_discipline_is_refused_outside_discipline_review_and_for_other_roles(
    world: World,
) -> None:
    fields = CaseFields(agency_code="MODNR", title="Open case", reported_on=_today(),
                        subject_ids=(world.mo_employee,))  # fmt: skip
    case = cases.create_case(world.db, world.ivan, fields)
    with pytest.raises(Refused, match=r"while a case is in discipline review; .* is in Intake"):
        discipline.record_discipline(world.db, world.hana, case.id, _decision(world.mo_employee))
    case_id, _ = _case_in_review(world, "MODNR", world.mo_employee, MO_SUBSTANTIATED)
    for someone in (world.ivan, world.sue, world.admin):
        with pytest.raises(PermissionDenied, match="discipline.record"):
            discipline.record_discipline(world.db, someone, case_id, _decision(world.mo_employee))
    assert _count(world.db, "discipline_actions") == 0


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"action": A.SUSPENSION}, "needs its length"),
        ({"action": A.SUSPENSION, "suspension_days": 0}, "between 1 and 365"),
        ({"suspension_days": 3}, "Only a suspension has a number of days"),
        ({"steps_to_correct": "  "}, "Steps to correct is required"),
        ({"repeat_consequence": ""}, "Consequence of a repeat is required"),
        ({"suspension_first_day": _today()}, "Only a suspension has a first day"),
    ],
)
def test_bad_decisions_are_invalid_input_naming_the_field(
    world: World, changes: dict[str, object], says: str
) -> None:
    case_id, _ = _case_in_review(world, "MODNR", world.mo_employee, MO_SUBSTANTIATED)
    with pytest.raises(InvalidInput, match=says):
        discipline.record_discipline(
            world.db, world.hana, case_id, _decision(world.mo_employee, **changes)
        )
    assert _count(world.db, "discipline_actions") == 0


def test_prior_discipline_of_the_employee_is_shown_beside_a_new_case(world: World) -> None:
    first, _ = _case_in_review(world, "MODNR", world.mo_employee, MO_SUBSTANTIATED)
    discipline.record_discipline(
        world.db, world.hana, first,
        _decision(world.mo_employee, effective_on=_today() - dt.timedelta(days=40)),
    )  # fmt: skip
    second, _ = _case_in_review(world, "MODNR", world.mo_employee, MO_SUBSTANTIATED)
    shown = discipline.case_discipline(world.db, world.hana, second)
    (prior,) = shown.employees[0].prior
    assert prior.action is A.WRITTEN_REPRIMAND
    assert prior.case_id == first
    assert prior.citations == ("MO-DNR-SN Policy.1",)
    # The first case's own decision is not "prior" to itself.
    assert discipline.case_discipline(world.db, world.hana, first).employees[0].prior == ()


def test_a_missouri_suspension_over_20_days_in_12_months_needs_an_override(
    world: World,
) -> None:
    earlier, _ = _case_in_review(world, "MODNR", world.mo_employee, MO_SUBSTANTIATED)
    discipline.record_discipline(
        world.db, world.hana, earlier,
        _decision(world.mo_employee, A.SUSPENSION, suspension_days=15,
                  effective_on=_workday(_today() - dt.timedelta(days=100))),
    )  # fmt: skip
    case_id, _ = _case_in_review(world, "MODNR", world.mo_employee, MO_SUBSTANTIATED)
    six_days = _decision(world.mo_employee, A.SUSPENSION, suspension_days=6)
    with pytest.raises(Refused, match=r"makes 21 working days between .*; the agency's cap is "
                       r"20 working days in any 12 months \(RSMo 36.370\)") as refused:  # fmt: skip
        discipline.record_discipline(world.db, world.hana, case_id, six_days)
    assert refused.value.citations == ("RSMo 36.370",)
    standing = discipline.suspension_standing(world.db, world.hana, case_id, world.mo_employee,
                                              _today(), 6)  # fmt: skip
    assert (standing.other_days, standing.exceeded) == (15, True)
    # Five days fit under the cap exactly; no override is needed or recorded.
    five = discipline.record_discipline(
        world.db, world.hana, case_id, replace(six_days, suspension_days=5)
    )
    assert five.cap_override_reason == ""
    # Six with a reason: recorded, and the override is its own audit event.
    reason = "Employee agreed to the longer suspension in a settlement."
    six = discipline.record_discipline(
        world.db, world.hana, case_id, replace(six_days, cap_override_reason=reason)
    )
    assert six.suspension_days == 6
    assert six.cap_override_reason == reason
    assert _events(world.db, "discipline.")[-2:] == ["discipline.record", "discipline.cap_override"]


def test_suspensions_outside_the_window_do_not_count(world: World) -> None:
    earlier, _ = _case_in_review(world, "MODNR", world.mo_employee, MO_SUBSTANTIATED)
    discipline.record_discipline(
        world.db, world.hana, earlier,
        _decision(world.mo_employee, A.SUSPENSION, suspension_days=15,
                  effective_on=_workday_before(months_before(_next_workday(), 12))),
    )  # fmt: skip
    case_id, _ = _case_in_review(world, "MODNR", world.mo_employee, MO_SUBSTANTIATED)
    info = discipline.record_discipline(
        world.db, world.hana, case_id, _decision(world.mo_employee, A.SUSPENSION,
                                                 suspension_days=20)
    )  # fmt: skip
    assert info.cap_override_reason == ""


def test_an_agency_without_a_cap_records_a_long_suspension_and_an_admin_can_set_one(
    world: World,
) -> None:
    findings = (("AR-DHS II(A)", Finding.SUBSTANTIATED),)
    case_id, _ = _case_in_review(world, "ARDHS", world.ar_employee, findings)
    long = _decision(world.ar_employee, A.SUSPENSION, suspension_days=30)
    assert discipline.agency_settings(world.db, world.hana, "ARDHS").suspension_cap_days is None
    discipline.set_agency_settings(world.db, world.admin, "ARDHS", suspension_cap_days=25)
    with pytest.raises(Refused, match="cap is 25 working days in any 12 months"):
        discipline.record_discipline(world.db, world.hana, case_id, long)
    discipline.set_agency_settings(world.db, world.admin, "ARDHS", suspension_cap_days=None)
    info = discipline.record_discipline(
        world.db, world.hana, case_id,
        replace(long, effective_on=_workday(_today() + dt.timedelta(days=20))),
    )  # fmt: skip
    # A decision without a notice has no response window.
    assert info.response_due is None
    assert _events(world.db, "discipline.settings") == ["discipline.settings"] * 2


def test_only_administrators_change_settings_and_bad_values_are_refused(world: World) -> None:
    with pytest.raises(PermissionDenied):
        discipline.set_agency_settings(world.db, world.hana, "MODNR", suspension_cap_days=5)
    with pytest.raises(InvalidInput, match="suspension cap must be between 1 and 365"):
        discipline.set_agency_settings(world.db, world.admin, "MODNR", suspension_cap_days=0)
    with pytest.raises(InvalidInput, match="Appeal rights text is required"):
        discipline.set_agency_settings(world.db, world.admin, "MODNR", appeal_rights=" ")
    assert discipline.agency_settings(world.db, world.admin, "MODNR").suspension_cap_days == 20


def test_ladder_and_window_helpers() -> None:
    assert [a.step for a in A] == [1, 2, 3, 4, 5, 6]
    assert {a for a in A if a.needs_pre_action_notice} == {A.SUSPENSION, A.DEMOTION, A.DISMISSAL}
    assert parse_action("Written reprimand") is A.WRITTEN_REPRIMAND
    with pytest.raises(InvalidInput, match="counseling, verbal_reprimand"):
        parse_action("firing")
    assert months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)


def test_a_case_closes_out_of_discipline_review_only_once_the_decision_is_recorded(
    world: World,
) -> None:
    w = world
    case_id, _ = _case_in_review(w, "MODNR", w.mo_employee, MO_SUBSTANTIATED)
    with pytest.raises(Refused, match="No discipline decision is recorded for Morgan Ozark"):
        cases.transition_case(w.db, w.hana, case_id, S.CLOSED)
    assert cases.get_case(w.db, w.hana, case_id).status is S.DISCIPLINE_REVIEW

    discipline.record_discipline(w.db, w.hana, case_id, _decision(w.mo_employee))
    closed = cases.transition_case(w.db, w.hana, case_id, S.CLOSED)
    assert closed.status is S.CLOSED


MO_TWO_SUBSTANTIATED = (
    ("MO-DNR-SN Policy.1", Finding.SUBSTANTIATED),
    ("MO-DNR-SN WorkHours", Finding.SUBSTANTIATED),
)


def test_a_finding_under_a_decision_in_force_is_refused_until_hr_withdraws_it(
    world: World,
) -> None:
    w = world
    case_id, ids = _case_in_review(w, "MODNR", w.mo_employee, MO_TWO_SUBSTANTIATED)
    five = discipline.record_discipline(
        w.db, w.hana, case_id, _decision(w.mo_employee, A.SUSPENSION, suspension_days=5)
    )
    cases.transition_case(w.db, w.hana, case_id, S.CLOSED)
    cases.transition_case(w.db, w.hana, case_id, S.REOPENED, reason="Appeal on the findings.")
    findings_before = _events(w.db, "allegation.finding")
    with pytest.raises(Refused, match="cannot become unfounded") as refused:
        cases.record_finding(w.db, w.ivan, ids[0], Finding.UNFOUNDED, "Not her account.")
    message = str(refused.value)
    assert "suspension without pay (5 working days) for Morgan Ozark" in message
    assert f"casedesk discipline withdraw {five.case_number} --employee {w.mo_employee}" in message
    assert _events(w.db, "allegation.finding") == findings_before
    assert [a.finding for a in cases.get_case(w.db, w.ivan, case_id).allegations] == [
        Finding.SUBSTANTIATED, Finding.SUBSTANTIATED,
    ]  # fmt: skip
    # Refining the reasoning of a substantiated finding is still allowed.
    cases.record_finding(w.db, w.ivan, ids[0], Finding.SUBSTANTIATED, "Posts and rota agree.")

    with pytest.raises(InvalidInput, match="Withdrawal reason is required") as invalid:
        discipline.withdraw_discipline(w.db, w.hana, case_id, w.mo_employee, "  ")
    assert invalid.value.field == "withdrawal_reason"
    with pytest.raises(PermissionDenied):
        discipline.withdraw_discipline(w.db, w.ivan, case_id, w.mo_employee, "Appeal.")
    assert _events(w.db, "discipline.withdraw") == []

    withdrawn = discipline.withdraw_discipline(
        w.db, w.hana, case_id, w.mo_employee, "Findings revised on appeal."
    )
    assert withdrawn.withdrawn and withdrawn.withdrawn_by == "Hana Resources"
    assert _events(w.db, "discipline.")[-1] == "discipline.withdraw"
    with pytest.raises(Refused, match="already withdrawn by Hana Resources"):
        discipline.withdraw_discipline(w.db, w.hana, case_id, w.mo_employee, "Again.")
    entry = discipline.case_discipline(w.db, w.hana, case_id).employees[0]
    assert entry.decision is None
    assert entry.withdrawn is not None
    assert entry.withdrawn.withdrawal_reason == "Findings revised on appeal."

    # Now the findings may change, and the case closes with nothing substantiated.
    for allegation_id in ids:
        cases.record_finding(w.db, w.ivan, allegation_id, Finding.UNFOUNDED, "Not her account.")
    cases.transition_case(w.db, w.ivan, case_id, S.FINDINGS)
    assert cases.transition_case(w.db, w.sue, case_id, S.CLOSED).status is S.CLOSED

    # The withdrawn suspension is no prior discipline and does not count toward the cap.
    later, _ = _case_in_review(w, "MODNR", w.mo_employee, MO_SUBSTANTIATED)
    assert discipline.case_discipline(w.db, w.hana, later).employees[0].prior == ()
    standing = discipline.suspension_standing(w.db, w.hana, later, w.mo_employee, _today(), 20)
    assert (standing.other_days, standing.exceeded) == (0, False)
    twenty = discipline.record_discipline(
        w.db, w.hana, later, _decision(w.mo_employee, A.SUSPENSION, suspension_days=20)
    )
    assert twenty.cap_override_reason == ""


def test_a_withdrawn_decision_is_no_decision_for_closing_and_is_not_reported(
    world: World,
) -> None:
    w = world
    case_id, _ = _case_in_review(w, "MODNR", w.mo_employee, MO_SUBSTANTIATED)
    discipline.record_discipline(w.db, w.hana, case_id, _decision(w.mo_employee))
    discipline.withdraw_discipline(w.db, w.hana, case_id, w.mo_employee, "Wrong employee file.")
    with pytest.raises(Refused, match="No discipline decision is recorded for Morgan Ozark"):
        cases.transition_case(w.db, w.hana, case_id, S.CLOSED)
    report = report_building.build_disciplinary(w.db, w.hana, case_id)
    assert report.action is None

    # A new decision takes the withdrawn one's place; then the case closes.
    again = discipline.record_discipline(
        w.db, w.hana, case_id, _decision(w.mo_employee, A.COUNSELING)
    )
    assert (again.action, again.withdrawn, again.withdrawal_reason) == (A.COUNSELING, False, "")
    assert report_building.build_disciplinary(w.db, w.hana, case_id).action is not None
    assert cases.transition_case(w.db, w.hana, case_id, S.CLOSED).status is S.CLOSED
    with pytest.raises(Refused, match="is closed; reopen it with a reason"):
        discipline.withdraw_discipline(w.db, w.hana, case_id, w.mo_employee, "Appeal.")


def test_a_suspension_saved_before_a_later_one_counts_against_it(world: World) -> None:
    """RSMo 36.370 caps suspension in any 12 months, whichever was saved first."""
    w = world
    first, _ = _case_in_review(w, "MODNR", w.mo_employee, MO_SUBSTANTIATED)
    second, _ = _case_in_review(w, "MODNR", w.mo_employee, MO_SUBSTANTIATED)
    later_day = _workday(_today() + dt.timedelta(days=100))
    fifteen = discipline.record_discipline(
        w.db, w.hana, second,
        _decision(w.mo_employee, A.SUSPENSION, suspension_days=15, effective_on=later_day),
    )  # fmt: skip
    ten = _decision(w.mo_employee, A.SUSPENSION, suspension_days=10,
                    effective_on=_workday(_today() + dt.timedelta(days=20)))  # fmt: skip
    with pytest.raises(Refused) as refused:
        discipline.record_discipline(w.db, w.hana, first, ten)
    message = str(refused.value)
    assert f"15 in {fifteen.case_number} effective {later_day}" in message
    assert f"makes 25 working days between {ten.effective_on} and " in message
    assert "any 12 months (RSMo 36.370)" in message
    assert discipline.case_discipline(w.db, w.hana, first).employees[0].decision is None

    overridden = discipline.record_discipline(
        w.db, w.hana, first, replace(ten, cap_override_reason="Settlement of the grievance.")
    )
    assert overridden.cap_override_reason == "Settlement of the grievance."
    with w.db.engine.connect() as connection:
        details = connection.execute(
            text("SELECT details FROM audit_events WHERE action = 'discipline.cap_override'")
        ).scalar_one()
    details = json.loads(details) if isinstance(details, str) else details
    assert (details["other_days"], details["requested_days"]) == (15, 10)
    assert details["window"] == [
        ten.effective_on.isoformat(),
        str(window_end(ten.effective_on, 12)),
    ]
