"""The due-process flow through the services, for each of the five employers, both backends.

Notice → response (or none by the deadline) → decision → appeal or referral,
with the employer's law applied: MO DMH and MO DNR (RSMo chapter 36),
the City of St. Louis (its civil-service rules are the agency's settings),
Arkansas DHS, Massachusetts DYS (civil service, union, contracted provider).
All dates are explicit and in the past, so no test depends on today.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass, replace

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from app.db.models import DisciplineRecord
from app.domain.actor import Actor
from app.domain.cases import CaseStatus, Finding
from app.domain.discipline import DisciplineAction, Regime, SettingMissing
from app.domain.discipline.flow import AppealOutcome, DeliveryMethod, Stage
from app.domain.errors import InvalidInput, PermissionDenied, Refused
from app.domain.permissions import Role
from app.domain.zones import local_day
from app.services import cases, discipline, employees, report_building
from app.services.cases import CaseFields
from app.services.database import Database
from app.services.discipline import DisciplineInput, NoticeInput, ReferralInput, ResponseFileInput

MakeUser = Callable[..., Actor]
A = DisciplineAction
S = CaseStatus

CHARGES = {
    "MODMH": "MO-DMH-DOR-6.675 (2)",
    "MODNR": "MO-DNR-SN Policy.5",
    "STLCITY": "STL-AR-150 V.A",
    "ARDHS": "AR-DHS II(A)",
    "MADYS": "MA-DYS-01.05.22 C.2.e",
}
#: Reported on a Thursday in September 2026; the notice goes out the next week.
REPORTED = dt.date(2026, 9, 3)
NOTICE_ON = dt.date(2026, 9, 14)  # a Monday


@dataclass
class World:
    db: Database
    admin: Actor
    ivan: Actor
    sue: Actor
    hana: Actor


def make_world(database: Database, admin: Actor, make_user: MakeUser) -> World:
    return World(
        database,
        admin,
        make_user("ivan", "Ivan Investigator", Role.INVESTIGATOR),
        make_user("sue", "Sue Supervisor", Role.SUPERVISOR),
        make_user("hana", "Hana Resources", Role.HR),
    )


@pytest.fixture
def world(database: Database, admin: Actor, make_user: MakeUser) -> World:
    return make_world(database, admin, make_user)


def _employee(w: World, agency: str, name: str, regime: Regime | None) -> int:
    info = employees.add_employee(w.db, w.admin, agency_code=agency, full_name=name)
    if regime is not None:
        employees.set_regime(w.db, w.hana, info.id, regime)
    return info.id


def _case(w: World, agency: str, employee: int) -> int:
    """A case in discipline review with one substantiated allegation against ``employee``."""
    fields = CaseFields(
        agency_code=agency, title="Posted during work hours", reported_on=REPORTED,
        conduct_from=dt.date(2026, 9, 1), conduct_to=dt.date(2026, 9, 2),
        subject_ids=(employee,), investigator="ivan",
    )  # fmt: skip
    case = cases.create_case(w.db, w.ivan, fields)
    allegation = cases.add_allegation(
        w.db,
        w.ivan,
        case.id,
        CHARGES[agency],
        # DOR 6.675 shows a sunset date of 2018-07-01: the test confirms it still applies.
        policy_in_force_confirmed=agency == "MODMH",
    )
    cases.transition_case(w.db, w.ivan, case.id, S.INVESTIGATING)
    cases.record_finding(w.db, w.ivan, allegation.id, Finding.SUBSTANTIATED, "Screenshots.")
    cases.transition_case(w.db, w.ivan, case.id, S.FINDINGS)
    cases.transition_case(w.db, w.sue, case.id, S.DISCIPLINE_REVIEW)
    return case.id


def _unanswered_dismissal_notice(w: World) -> tuple[int, int]:
    """A MO DNR merit employee given notice of dismissal on NOTICE_ON, no response by the
    deadline (2026-09-21); the case and the employee."""
    _authority(w, "MODNR")
    emp = _employee(w, "MODNR", "Morgan Ozark", Regime.MERIT)
    case_id = _case(w, "MODNR", emp)
    discipline.issue_notice(w.db, w.hana, case_id, _notice(emp, A.DISMISSAL, None))
    discipline.record_response(w.db, w.hana, case_id, emp, received_on=None)
    return case_id, emp


def _settings(w: World, agency: str, **values: str) -> None:
    for key, value in values.items():
        discipline.set_agency_value(w.db, w.admin, agency, key.replace("__", "."), value)


def _authority(w: World, agency: str) -> None:
    discipline.set_agency_value(w.db, w.admin, agency, "appointing_authority.name", "Dana Director")
    discipline.set_agency_value(w.db, w.admin, agency, "appointing_authority.title", "Director")
    discipline.set_agency_value(w.db, w.admin, agency, "discipline.response_days", "5")


def _notice(
    employee: int, action: A = A.SUSPENSION, days: int | None = 5, **kw: object
) -> NoticeInput:
    base = NoticeInput(
        employee_id=employee, proposed_action=action, proposed_days=days, issued_on=NOTICE_ON,
        delivery_method=DeliveryMethod.IN_PERSON, delivered_by="Pat Supervisor",
    )  # fmt: skip
    return replace(base, **kw)  # type: ignore[arg-type]


def _decision(employee: int, action: A = A.SUSPENSION, **kw: object) -> DisciplineInput:
    base = DisciplineInput(
        employee_id=employee, action=action, effective_on=dt.date(2026, 9, 28),
        steps_to_correct="Use social media only on breaks, on a personal device.",
        repeat_consequence="Dismissal.",
        suspension_days=5 if action is A.SUSPENSION else None,
        progressive_step="Second step: a written reprimand is on file.",
        aggravating_factors="A consumer was identifiable.",
        mitigating_factors="Eleven years of good service.",
    )  # fmt: skip
    return replace(base, **kw)  # type: ignore[arg-type]


def _events(db: Database, prefix: str) -> list[str]:
    with db.engine.connect() as connection:
        return list(
            connection.scalars(
                text("SELECT action FROM audit_events WHERE action LIKE :p ORDER BY seq"),
                {"p": prefix + "%"},
            )
        )


# -- MO DMH: a 5-day suspension after notice and response; no AHC appeal -------------------


def test_mo_dmh_suspension_after_notice_and_response_carries_no_ahc_appeal(world: World) -> None:
    w = world
    _authority(w, "MODMH")
    emp = _employee(w, "MODMH", "Brittany Schaefer", Regime.MERIT)
    case_id = _case(w, "MODMH", emp)

    # Without a notice the suspension is refused, citing Loudermill.
    with pytest.raises(Refused) as no_notice:
        discipline.record_discipline(w.db, w.hana, case_id, _decision(emp))
    assert "needs a pre-action notice" in str(no_notice.value)
    assert "Loudermill" in str(no_notice.value)

    notice = discipline.issue_notice(w.db, w.hana, case_id, _notice(emp))
    # Five working days after Monday 2026-09-14: Monday 2026-09-21.
    assert notice.response_due == dt.date(2026, 9, 21)
    assert notice.response_days == 5
    assert "Missouri public holidays" in notice.response_due_note
    assert notice.charges == (CHARGES["MODMH"],)

    shot = b"%PDF-1.4 the employee's letter"
    response = discipline.record_response(
        w.db, w.hana, case_id, emp, received_on=dt.date(2026, 9, 18),
        summary="Admits the post; says the phone was on break.",
        files=(ResponseFileInput("letter.pdf", shot),),
    )  # fmt: skip
    assert response.files[0].sha256 == hashlib.sha256(shot).hexdigest()
    assert response.files[0].media_type == "application/pdf"
    assert not response.late

    # The action may not take effect on the day the response is due.
    with pytest.raises(Refused, match="same day the response is due") as same_day:
        discipline.record_discipline(
            w.db, w.hana, case_id, _decision(emp, effective_on=dt.date(2026, 9, 21))
        )
    assert "Loudermill" in str(same_day.value)
    # Nor go beyond what the notice proposed.
    with pytest.raises(Refused, match="goes beyond it"):
        discipline.record_discipline(w.db, w.hana, case_id, _decision(emp, suspension_days=8))

    decided = discipline.record_discipline(w.db, w.hana, case_id, _decision(emp))
    assert decided.notice_id == notice.id
    assert decided.suspension_first_day == dt.date(2026, 9, 28)
    assert decided.suspension_last_day == dt.date(2026, 10, 2)
    assert decided.return_to_work_on == dt.date(2026, 10, 5)
    assert decided.decision_maker_name == "Dana Director"
    assert "carries no appeal to the Administrative Hearing Commission" in decided.appeal_rights

    with pytest.raises(Refused) as no_appeal:
        discipline.record_appeal(w.db, w.hana, case_id, emp, dt.date(2026, 10, 1))
    assert no_appeal.value.citations == ("RSMo 36.390.2", "RSMo 621.075")

    flow = discipline.discipline_flow(w.db, w.hana, case_id, emp)
    assert flow.stage is Stage.IN_FORCE
    assert flow.notice == notice and flow.response == response
    assert flow.notice_required
    topics = {r.topic for r in flow.rules}
    assert {"pre-action notice", "suspension cap", "decision must state"} <= topics
    assert "appeal" not in topics
    authority = flow.setting("appointing_authority.name")
    assert authority is not None and authority.value == "Dana Director"
    assert authority.from_agency_settings
    assert _events(w.db, "discipline.") == [
        "discipline.setting", "discipline.setting", "discipline.setting",
        "discipline.notice", "discipline.response", "discipline.record",
    ]  # fmt: skip


# -- MO DNR: a dismissal with AHC appeal rights -------------------------------------------


def test_mo_dnr_dismissal_states_the_ahc_appeal_and_records_it(world: World) -> None:
    w = world
    _authority(w, "MODNR")
    emp = _employee(w, "MODNR", "Morgan Ozark", Regime.MERIT)
    case_id = _case(w, "MODNR", emp)
    discipline.issue_notice(w.db, w.hana, case_id, _notice(emp, A.DISMISSAL, None))
    # No response came; the window closed on 2026-09-21.
    none = discipline.record_response(w.db, w.hana, case_id, emp, received_on=None)
    assert none.none_by_deadline
    decided = discipline.record_discipline(
        w.db, w.hana, case_id,
        _decision(emp, A.DISMISSAL, suspension_days=10, terminal_suspension=True,
                  effective_on=dt.date(2026, 9, 25), decided_on=dt.date(2026, 9, 24)),
    )  # fmt: skip
    assert "Administrative Hearing Commission" in decided.appeal_rights
    assert "registered mail or certified mail" in decided.appeal_rights
    assert decided.terminal_suspension and decided.return_to_work_on is None

    appeal = discipline.record_appeal(w.db, w.hana, case_id, emp, dt.date(2026, 10, 9))
    assert appeal.body == "Administrative Hearing Commission"
    # 30 calendar days after 2026-09-25 is Sunday 2026-10-25: moved to Monday (RSMo 621.205).
    assert appeal.deadline == dt.date(2026, 10, 26) and not appeal.late
    assert "Sunday" in appeal.deadline_note and "RSMo 621.205" in appeal.deadline_note
    with pytest.raises(Refused, match="already recorded"):
        discipline.record_appeal(w.db, w.hana, case_id, emp, dt.date(2026, 10, 9))
    outcome = discipline.record_appeal_outcome(
        w.db, w.hana, case_id, emp, AppealOutcome.UPHELD, dt.date(2026, 11, 20), "Affirmed."
    )
    assert outcome.outcome is AppealOutcome.UPHELD
    flow = discipline.discipline_flow(w.db, w.hana, case_id, emp)
    assert flow.stage is Stage.APPEAL_DECIDED
    assert flow.appeal_deadline == dt.date(2026, 10, 26)
    assert any(r.topic == "appeal" and r.citation == "RSMo 36.390.2; RSMo 621.075"
               for r in flow.rules)  # fmt: skip


def test_a_mo_regular_employee_s_dismissal_takes_effect_after_its_decision_rsmo_36_380(
    world: World,
) -> None:
    """The written statement of the decision comes before the effective date (RSMo 36.380):
    a regular employee's dismissal cannot take effect the day it is decided; an at-will
    employee's, which no such statute covers, can."""
    w = world
    case_id, emp = _unanswered_dismissal_notice(w)
    same_day = _decision(
        emp, A.DISMISSAL, effective_on=dt.date(2026, 9, 22), decided_on=dt.date(2026, 9, 22)
    )
    with pytest.raises(Refused, match="RSMo 36.380") as refused:
        discipline.record_discipline(w.db, w.hana, case_id, same_day)
    assert "takes effect on 2026-09-23 at the earliest, not 2026-09-22" in str(refused.value)
    assert refused.value.field == "effective_on"
    assert discipline.discipline_flow(w.db, w.hana, case_id, emp).decision is None
    decided = discipline.record_discipline(
        w.db, w.hana, case_id, replace(same_day, effective_on=dt.date(2026, 9, 23))
    )
    assert (decided.decided_on, decided.effective_on) == (
        dt.date(2026, 9, 22),
        dt.date(2026, 9, 23),
    )
    # The letter says the statement comes first.
    assert any(
        r.citation == "RSMo 36.380"
        for r in discipline.discipline_flow(w.db, w.hana, case_id, emp).rules
    )

    at_will = _employee(w, "MODNR", "Avery Ozark", Regime.AT_WILL)
    other = _case(w, "MODNR", at_will)
    same = discipline.record_discipline(
        w.db, w.hana, other,
        _decision(at_will, A.DISMISSAL, effective_on=dt.date(2026, 9, 28),
                  decided_on=dt.date(2026, 9, 28)),
    )  # fmt: skip
    assert same.effective_on == same.decided_on


def test_a_terminal_suspension_goes_only_with_a_dismissal(world: World) -> None:
    w = world
    _authority(w, "MODNR")
    emp = _employee(w, "MODNR", "Morgan Ozark", Regime.MERIT)
    case_id = _case(w, "MODNR", emp)
    with pytest.raises(InvalidInput, match="goes with a dismissal"):
        discipline.record_discipline(
            w.db, w.hana, case_id, _decision(emp, terminal_suspension=True)
        )


def test_an_overturned_decision_no_longer_counts_as_prior_discipline(world: World) -> None:
    w = world
    _authority(w, "MODNR")
    emp = _employee(w, "MODNR", "Morgan Ozark", Regime.MERIT)
    first = _case(w, "MODNR", emp)
    discipline.issue_notice(w.db, w.hana, first, _notice(emp, A.SUSPENSION, 10))
    discipline.record_response(w.db, w.hana, first, emp, received_on=None)
    discipline.record_discipline(w.db, w.hana, first, _decision(emp, suspension_days=10))
    discipline.record_appeal(w.db, w.hana, first, emp, dt.date(2026, 10, 1))
    second = _case(w, "MODNR", emp)
    assert len(discipline.discipline_flow(w.db, w.hana, second, emp).prior) == 1
    discipline.record_appeal_outcome(
        w.db, w.hana, first, emp, AppealOutcome.OVERTURNED, dt.date(2026, 11, 2)
    )
    assert discipline.discipline_flow(w.db, w.hana, second, emp).prior == ()
    assert discipline.discipline_flow(w.db, w.hana, first, emp).stage is Stage.OVERTURNED


# -- City of St. Louis: the civil-service facts are the agency's settings -------------------


def test_st_louis_needs_its_settings_and_appeals_to_the_civil_service_commission(
    world: World,
) -> None:
    w = world
    emp = _employee(w, "STLCITY", "Jordan Reyes", Regime.MERIT)
    case_id = _case(w, "STLCITY", emp)
    # No response window set: the notice is refused naming the setting.
    with pytest.raises(SettingMissing, match="discipline.response_days"):
        discipline.issue_notice(w.db, w.hana, case_id, _notice(emp, A.DEMOTION, None))
    _authority(w, "STLCITY")
    discipline.issue_notice(w.db, w.hana, case_id, _notice(emp, A.DEMOTION, None))
    discipline.record_response(
        w.db, w.hana, case_id, emp, received_on=dt.date(2026, 9, 16), summary="Denies it."
    )
    # The appeal's days come from the City's rules: not set, the decision is refused.
    with pytest.raises(SettingMissing, match="discipline.appeal_days"):
        discipline.record_discipline(w.db, w.hana, case_id, _decision(emp, A.DEMOTION))
    _settings(w, "STLCITY", discipline__appeal_days="10", discipline__appeal_days_kind="working",
              discipline__appeal_counted_from="the effective date of the decision")  # fmt: skip
    decided = discipline.record_discipline(w.db, w.hana, case_id, _decision(emp, A.DEMOTION))
    assert "Civil Service Commission of the City of St. Louis" in decided.appeal_rights
    appeal = discipline.record_appeal(w.db, w.hana, case_id, emp, dt.date(2026, 10, 2))
    # 10 working days after 2026-09-28, Columbus Day (2026-10-12, a Missouri holiday) skipped.
    assert appeal.deadline == dt.date(2026, 10, 13)
    flow = discipline.discipline_flow(w.db, w.hana, case_id, emp)
    appeal_rule = next(r for r in flow.rules if r.topic == "appeal")
    assert "discipline.appeal_days" in appeal_rule.from_settings


# -- Arkansas DHS: a probationer is owed no pre-action notice --------------------------------


def test_ar_dhs_merit_needs_notice_but_a_probationer_does_not(world: World) -> None:
    w = world
    _authority(w, "ARDHS")
    merit = _employee(w, "ARDHS", "Avery Doe", Regime.MERIT)
    probationer = _employee(w, "ARDHS", "Pat Poster", Regime.PROBATIONARY)
    merit_case = _case(w, "ARDHS", merit)
    probation_case = _case(w, "ARDHS", probationer)
    with pytest.raises(Refused, match="needs a pre-action notice"):
        discipline.record_discipline(w.db, w.hana, merit_case, _decision(merit))
    decided = discipline.record_discipline(w.db, w.hana, probation_case, _decision(probationer))
    assert decided.notice_id is None
    # Whether a probationer may grieve under § 21-1-701 was not verified: the refusal says so.
    with pytest.raises(Refused, match="No appeal can be recorded: no rule Casedesk has verified"):
        discipline.record_appeal(w.db, w.hana, probation_case, probationer, dt.date(2026, 10, 1))
    # An effective date before the conduct is invalid input, not a refusal.
    with pytest.raises(InvalidInput, match="before the conduct date"):
        discipline.record_discipline(
            w.db, w.hana, probation_case,
            _decision(probationer, effective_on=dt.date(2026, 8, 31)),
        )  # fmt: skip
    # A union regime is not one Arkansas DHS's law provides for.
    with pytest.raises(Refused, match="has no employees whose regime"):
        employees.set_regime(w.db, w.hana, merit, Regime.UNION)


# -- MA DYS: a contracted provider's employee is referred, never disciplined ------------------


def test_ma_dys_provider_employee_is_referred_not_disciplined(world: World) -> None:
    w = world
    _authority(w, "MADYS")
    emp = _employee(w, "MADYS", "Casey Contractor", None)
    case_id = _case(w, "MADYS", emp)
    # Without a regime, even a written reprimand waits: the regime says which outcome applies.
    with pytest.raises(Refused, match="regime is not recorded") as unknown:
        discipline.record_discipline(w.db, w.hana, case_id, _decision(emp, A.WRITTEN_REPRIMAND))
    assert "MA DYS 01.05.22, Applicability" in unknown.value.citations
    employees.set_regime(w.db, w.hana, emp, Regime.PROVIDER)
    assert discipline.discipline_flow(w.db, w.hana, case_id, emp).stage is (
        Stage.READY_FOR_REFERRAL
    )
    with pytest.raises(Refused, match="does not discipline a contracted provider"):
        discipline.record_discipline(w.db, w.hana, case_id, _decision(emp, A.WRITTEN_REPRIMAND))
    with pytest.raises(Refused, match="does not discipline a contracted provider"):
        discipline.issue_notice(w.db, w.hana, case_id, _notice(emp))
    referral = discipline.refer_to_provider(
        w.db, w.hana, case_id,
        ReferralInput(emp, "Youth Care Partners, Inc.", dt.date(2026, 9, 15), "Hana Resources"),
    )  # fmt: skip
    assert referral.charges == (CHARGES["MADYS"],)
    flow = discipline.discipline_flow(w.db, w.hana, case_id, emp)
    assert flow.stage is Stage.REFERRED and flow.referral == referral
    # The referral is the outcome: the case may close.
    cases.transition_case(w.db, w.hana, case_id, S.CLOSED)


def test_ma_dys_civil_service_employee_appeals_to_the_commission(world: World) -> None:
    w = world
    _authority(w, "MADYS")
    emp = _employee(w, "MADYS", "Jordan Reyes", Regime.MERIT)
    case_id = _case(w, "MADYS", emp)
    # Over five days: notice and a hearing first (§ 41); five days or less need none before.
    ten = _decision(emp, suspension_days=10)
    with pytest.raises(Refused, match="M.G.L. c. 31, § 41"):
        discipline.record_discipline(w.db, w.hana, case_id, ten)
    discipline.issue_notice(w.db, w.hana, case_id, _notice(emp, days=10))
    discipline.record_response(w.db, w.hana, case_id, emp, received_on=dt.date(2026, 9, 15),
                               summary="Asks for a hearing.")  # fmt: skip
    decided = discipline.record_discipline(w.db, w.hana, case_id, ten)
    assert "Civil Service Commission" in decided.appeal_rights
    appeal = discipline.record_appeal(w.db, w.hana, case_id, emp, dt.date(2026, 10, 2))
    assert appeal.deadline is None  # counted from receiving the decision: not computed


# -- withdrawal, permissions, bad input -----------------------------------------------------


def test_a_withdrawn_decision_is_kept_and_shown_withdrawn(world: World) -> None:
    w = world
    _authority(w, "MODMH")
    emp = _employee(w, "MODMH", "Hannah Vogel", Regime.AT_WILL)
    case_id = _case(w, "MODMH", emp)
    discipline.record_discipline(w.db, w.hana, case_id, _decision(emp, A.WRITTEN_REPRIMAND))
    discipline.withdraw_discipline(w.db, w.hana, case_id, emp, "Findings revised.")
    flow = discipline.discipline_flow(w.db, w.hana, case_id, emp)
    assert flow.stage is Stage.WITHDRAWN
    assert flow.decision is not None and flow.decision.withdrawal_reason == "Findings revised."
    with pytest.raises(Refused, match="withdrawn"):
        discipline.record_appeal(w.db, w.hana, case_id, emp, dt.date(2026, 10, 1))


def test_only_hr_records_steps_and_only_administrators_set_values(world: World) -> None:
    w = world
    emp = _employee(w, "MODMH", "Hannah Vogel", Regime.MERIT)
    case_id = _case(w, "MODMH", emp)
    with pytest.raises(PermissionDenied):
        discipline.issue_notice(w.db, w.ivan, case_id, _notice(emp))
    with pytest.raises(PermissionDenied):
        discipline.set_agency_value(w.db, w.hana, "MODMH", "hr.contact", "Room 1")
    with pytest.raises(InvalidInput, match="has no discipline setting"):
        discipline.set_agency_value(w.db, w.admin, "MODMH", "discipline.nonsense", "1")
    with pytest.raises(InvalidInput, match="between 1 and 90"):
        discipline.set_agency_value(w.db, w.admin, "MODMH", "discipline.response_days", "400")
    _authority(w, "MODMH")
    with pytest.raises(InvalidInput, match="in the future"):
        discipline.issue_notice(
            w.db, w.hana, case_id, _notice(emp, issued_on=dt.date.today() + dt.timedelta(days=3))
        )
    with pytest.raises(InvalidInput, match="before the case was reported"):
        discipline.issue_notice(w.db, w.hana, case_id, _notice(emp, issued_on=dt.date(2026, 9, 1)))
    # Nothing half-written: no notice row, no notice event.
    assert _events(w.db, "discipline.notice") == []


# -- dates on the agency's day -------------------------------------------------------------


def _dismissed_in_the_evening(w: World, **kw: object) -> tuple[int, int]:
    """A MO DNR dismissal after a notice nobody answered, decided on 2026-09-22 (unless
    ``decided_on`` says otherwise) and recorded at 20:00 CDT that day (01:00 UTC on the
    23rd); its case and employee."""
    kw.setdefault("decided_on", dt.date(2026, 9, 22))
    case_id, emp = _unanswered_dismissal_notice(w)
    decided = discipline.record_discipline(
        w.db, w.hana, case_id, _decision(emp, A.DISMISSAL, effective_on=dt.date(2026, 9, 25), **kw)
    )
    with w.db.unit_of_work(write=True) as uow:
        record = uow.session.get(DisciplineRecord, decided.id)
        assert record is not None
        record.decided_at = dt.datetime(2026, 9, 23, 1, 0, tzinfo=dt.UTC)
        uow.commit()
    return case_id, emp


def test_a_decision_recorded_in_the_evening_is_dated_and_appealed_on_the_agency_s_day(
    world: World,
) -> None:
    """Made on 22 September and recorded at 8 p.m. Central time that day, when UTC is already
    on the 23rd: the letter says it was recorded that day, and an appeal filed that evening
    is not "before the decision"."""
    w = world
    case_id, emp = _dismissed_in_the_evening(w, decided_on=dt.date(2026, 9, 22))

    discipline.set_agency_value(
        w.db, w.admin, "MODNR", "discipline.standard_of_proof", "preponderance of the evidence"
    )
    letter = report_building.generate_letter(
        w.db, w.hana, report_building.LetterKind.DECISION, case_id, employee_id=emp
    )
    pages = PdfReader(io.BytesIO(letter.pdf)).pages
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in pages)
    # Recorded the day it was made, in Missouri: no second day is named.
    assert "Decided on 2026-09-22; recorded by Hana Resources" in text
    assert "to Morgan Ozark \u00b7 2026-09-22" in text  # the subtitle
    assert "2026-09-23" not in text

    # Filed on the evening of the decision, before it took effect: the decision was made.
    appeal = discipline.record_appeal(w.db, w.hana, case_id, emp, dt.date(2026, 9, 22))
    assert appeal.filed_on == dt.date(2026, 9, 22)


def test_a_decision_is_dated_the_day_it_was_made_after_the_response_it_considers(
    world: World,
) -> None:
    """HR may record a decision days after it was made: the letter gives the day it was
    made and the day it was recorded. It is not made before the response it must
    consider, nor while the window to respond was open (Loudermill), nor in the future."""
    w = world
    _authority(w, "MODMH")
    emp = _employee(w, "MODMH", "Brittany Schaefer", Regime.MERIT)
    case_id = _case(w, "MODMH", emp)
    discipline.issue_notice(w.db, w.hana, case_id, _notice(emp))  # due 2026-09-21
    discipline.record_response(
        w.db, w.hana, case_id, emp, received_on=dt.date(2026, 9, 18), summary="Admits it."
    )
    with pytest.raises(
        Refused, match="received on 2026-09-18; a decision made on 2026-09-17"
    ) as refused:
        discipline.record_discipline(
            w.db, w.hana, case_id, _decision(emp, decided_on=dt.date(2026, 9, 17))
        )
    assert refused.value.field == "decided_on"  # said beside the decision's day
    later = dt.date.today() + dt.timedelta(days=30)
    with pytest.raises(InvalidInput, match=f"decision date {later} is in the future"):
        discipline.record_discipline(w.db, w.hana, case_id, _decision(emp, decided_on=later))
    with pytest.raises(InvalidInput, match="before the case was reported"):
        discipline.record_discipline(
            w.db, w.hana, case_id, _decision(emp, decided_on=dt.date(2026, 9, 1))
        )
    assert _events(w.db, "discipline.record") == []  # nothing half-written

    decided = discipline.record_discipline(
        w.db, w.hana, case_id, _decision(emp, decided_on=dt.date(2026, 9, 18))
    )
    assert decided.decided_on == dt.date(2026, 9, 18)
    recorded = local_day(decided.decided_at, "MO")
    discipline.set_agency_value(
        w.db, w.admin, "MODMH", "discipline.standard_of_proof", "preponderance of the evidence"
    )
    letter = report_building.generate_letter(
        w.db, w.hana, report_building.LetterKind.DECISION, case_id, employee_id=emp
    )
    printed = " ".join(
        " ".join((page.extract_text() or "").split())
        for page in PdfReader(io.BytesIO(letter.pdf)).pages
    )
    assert f"Decided on 2026-09-18; recorded on {recorded} by Hana Resources" in printed
    assert "to Brittany Schaefer \u00b7 2026-09-18" in printed  # the subtitle: the day it was made
    with w.db.unit_of_work() as uow:
        details = uow.session.execute(
            text("SELECT details FROM audit_events WHERE action = 'discipline.record'")
        ).scalar_one()
    assert "2026-09-18" in str(details)
    # Changed later without its day: the decision keeps the day it was made.
    changed = discipline.record_discipline(
        w.db, w.hana, case_id, _decision(emp, mitigating_factors="Twelve years of service.")
    )
    assert changed.decided_on == dt.date(2026, 9, 18)


def test_without_a_response_a_decision_is_made_after_the_last_day_to_respond(
    world: World,
) -> None:
    w = world
    case_id, emp = _unanswered_dismissal_notice(w)
    dismissal = _decision(emp, A.DISMISSAL, effective_on=dt.date(2026, 9, 25))
    with pytest.raises(Refused, match="had until 2026-09-21 to respond") as early:
        discipline.record_discipline(
            w.db, w.hana, case_id, replace(dismissal, decided_on=dt.date(2026, 9, 21))
        )
    assert early.value.citations
    decided = discipline.record_discipline(
        w.db, w.hana, case_id, replace(dismissal, decided_on=dt.date(2026, 9, 22))
    )
    assert decided.decided_on == dt.date(2026, 9, 22)
    # An appeal is filed on or after the day the decision was made.
    with pytest.raises(InvalidInput, match="before the decision was made"):
        discipline.record_appeal(w.db, w.hana, case_id, emp, dt.date(2026, 9, 21))


def test_the_agency_s_day_of_a_moment_is_its_state_s() -> None:
    evening = dt.datetime(2026, 9, 23, 1, 0, tzinfo=dt.UTC)
    assert local_day(evening, "MO") == local_day(evening, "AR") == dt.date(2026, 9, 22)
    assert local_day(evening, "MA") == dt.date(2026, 9, 22)  # 21:00 EDT
    assert local_day(evening.replace(hour=5), "MA") == dt.date(2026, 9, 23)  # 01:00 EDT
    assert local_day(evening.replace(hour=5), "MO") == dt.date(2026, 9, 23)  # midnight CDT
    assert local_day(evening.replace(tzinfo=None), "MO") == dt.date(2026, 9, 22)  # naive: UTC


def test_revision_0021_gives_earlier_decisions_the_agency_s_day_they_were_recorded(
    world: World,
) -> None:
    """A database of before the decision's own day: each decision takes the day of its
    recording in its agency's zone, an appealed one too (SQLite's table is not rebuilt,
    which the appeal's reference to it would have refused)."""
    from alembic import command

    from app.db.migrate import alembic_config

    w = world
    case_id, emp = _dismissed_in_the_evening(w)
    discipline.record_appeal(w.db, w.hana, case_id, emp, dt.date(2026, 10, 9))
    engine = w.db.engine
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0020")
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    flow = discipline.discipline_flow(w.db, w.hana, case_id, emp)
    assert flow.decision is not None and flow.decision.decided_on == dt.date(2026, 9, 22)
    assert flow.appeal is not None
    with engine.connect() as connection:
        missing = connection.execute(
            text("SELECT count(*) FROM discipline_actions WHERE decided_on IS NULL")
        ).scalar_one()
    assert missing == 0


def test_revision_0022_drops_the_windows_no_document_stated_and_a_downgrade_gives_them_back(
    world: World,
) -> None:
    """The decision's own "response due" and the agency's unread "response days" are gone;
    the window shown is the notice's. A downgrade restores both columns, the decision's from
    its notice (SQLite drops the column in place: the appealed decision stays)."""
    from alembic import command
    from sqlalchemy import inspect

    from app.db.migrate import alembic_config

    w = world
    case_id, emp = _dismissed_in_the_evening(w)
    discipline.record_appeal(w.db, w.hana, case_id, emp, dt.date(2026, 10, 9))
    discipline.set_agency_settings(w.db, w.admin, "MODNR", suspension_cap_days=15)
    due = discipline.discipline_flow(w.db, w.hana, case_id, emp).notice
    assert due is not None
    engine = w.db.engine
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0021")
    with engine.connect() as connection:
        restored = connection.execute(text("SELECT response_due FROM discipline_actions")).all()
        days = connection.execute(
            text("SELECT response_days FROM agency_discipline_settings")
        ).all()
    assert [str(r[0]) for r in restored] == [due.response_due.isoformat()]
    assert [r[0] for r in days] == [10]
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    columns = inspect(engine)
    assert "response_due" not in {c["name"] for c in columns.get_columns("discipline_actions")}
    assert "response_days" not in {
        c["name"] for c in columns.get_columns("agency_discipline_settings")
    }
    flow = discipline.discipline_flow(w.db, w.hana, case_id, emp)
    assert flow.decision is not None and flow.appeal is not None
    assert flow.decision.response_due == due.response_due
    assert discipline.agency_settings(w.db, w.hana, "MODNR").suspension_cap_days == 15
