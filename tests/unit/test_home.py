"""Home's read models and the user's pins, recent cases and saved searches, both backends.

Every section's count is checked against the database itself (plain SQL); the
review meeting (MA DYS 01.05.22 B.3.b) is listed from seven days before it is
due and not at eight; a supervisor never sees their own credential request
to approve. "Today" is passed explicitly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from app.domain.actor import Actor
from app.domain.cases import CaseStatus, Finding
from app.domain.discipline import DisciplineAction, Regime
from app.domain.discipline.flow import DeliveryMethod
from app.domain.errors import IntegrityFailure, NotFound
from app.domain.permissions import Role
from app.services import access, cases, discipline, employees, evidence, home
from app.services import authorizations as auth
from app.services import credential_requests as cr
from app.services.case_queries import CaseQuery, CaseSort
from app.services.cases import CaseFields
from app.services.database import Database
from app.services.discipline import DisciplineInput, NoticeInput
from app.services.home import DisciplineStep
from tests.unit.conftest import built_once

MakeUser = Callable[..., Actor]
DATA = Path(__file__).parent.parent / "data"
A = DisciplineAction
S = CaseStatus
NOTICE_ON = dt.date(2026, 9, 14)  # a Monday; the response is due on 2026-09-21


@dataclass
class World:
    db: Database
    admin: Actor
    ivan: Actor  # investigator
    sue: Actor  # supervisor
    sam: Actor  # another supervisor
    hana: Actor  # HR
    madys_case: int
    ardhs_case: int
    ar_employee: int
    dys_staff: tuple[int, int]  # an investigator of DYS and their supervisor


def _count(db: Database, sql: str, **params: object) -> int:
    with db.engine.connect() as connection:
        return int(connection.execute(text(sql), params).scalar_one())


@built_once("home")
def w(database: Database, admin: Actor, make_user: MakeUser) -> World:
    ivan = make_user("ivan", "Ivan Investigator", Role.INVESTIGATOR)
    sue = make_user("sue", "Sue Supervisor", Role.SUPERVISOR)
    sam = make_user("sam", "Sam Supervisor", Role.SUPERVISOR)
    hana = make_user("hana", "Hana Resources", Role.HR)

    def employee(agency: str, name: str) -> int:
        return employees.add_employee(database, sue, agency_code=agency, full_name=name).id

    def case(agency: str, title: str, subjects: tuple[int, ...] = ()) -> int:
        fields = CaseFields(agency_code=agency, title=title, reported_on=dt.date(2026, 9, 3),
                            subject_ids=subjects, investigator="ivan")  # fmt: skip
        made = cases.create_case(database, ivan, fields).id
        cases.transition_case(database, ivan, made, S.INVESTIGATING)
        return made

    ar_employee = employee("ARDHS", "Avery Employee")
    return World(
        database, admin, ivan, sue, sam, hana,
        case("MADYS", "Youth contact online"),
        case("ARDHS", "Client photos posted", (ar_employee,)),
        ar_employee,
        (employee("MADYS", "Rosa Ramirez"), employee("MADYS", "Dee Doherty")),
    )  # fmt: skip


def _request(w: World, by: Actor) -> int:
    fields = cr.CredentialRequestFields(
        case_id=w.ardhs_case, employee_id=w.ar_employee, platform="Facebook",
        account_name="avery.e", office="privacy_office", violation_kind="agency_policy",
        violation_provision="AR-DHS II(A)",
        justification="The complaint shows a client's case file posted from this account.",
    )  # fmt: skip
    return cr.new_request(w.db, by, fields).id


def _investigation(w: World, starts_on: dt.date) -> int:
    fields = auth.InvestigationFields(
        employee_id=w.dys_staff[0], role="investigation_unit", supervisor_id=w.dys_staff[1],
        written_on=starts_on, platform="Instagram", account_name="inv.profile.7",
        case_id=w.madys_case, youth_communication_approved=False, starts_on=starts_on,
    )  # fmt: skip
    return auth.add_investigation(w.db, w.sue, fields, today=starts_on).id


def _discipline_case(w: World, name: str) -> tuple[int, int]:
    """A MO DNR case in discipline review, one merit employee substantiated, a notice given."""
    for key, value in (("appointing_authority.name", "Dana Director"),
                       ("appointing_authority.title", "Director"),
                       ("discipline.response_days", "5")):  # fmt: skip
        discipline.set_agency_value(w.db, w.admin, "MODNR", key, value)
    employee = employees.add_employee(w.db, w.sue, agency_code="MODNR", full_name=name).id
    employees.set_regime(w.db, w.hana, employee, Regime.MERIT)
    fields = CaseFields(agency_code="MODNR", title="Posted during work hours",
                        reported_on=dt.date(2026, 9, 3), subject_ids=(employee,),
                        investigator="ivan")  # fmt: skip
    case_id = cases.create_case(w.db, w.ivan, fields).id
    allegation = cases.add_allegation(w.db, w.ivan, case_id, "MO-DNR-SN Policy.5")
    cases.transition_case(w.db, w.ivan, case_id, S.INVESTIGATING)
    cases.record_finding(w.db, w.ivan, allegation.id, Finding.SUBSTANTIATED, "Screenshots.")
    cases.transition_case(w.db, w.ivan, case_id, S.FINDINGS)
    cases.transition_case(w.db, w.sue, case_id, S.DISCIPLINE_REVIEW)
    discipline.issue_notice(
        w.db, w.hana, case_id,
        NoticeInput(employee_id=employee, proposed_action=A.DISMISSAL, proposed_days=None,
                    issued_on=NOTICE_ON, delivery_method=DeliveryMethod.IN_PERSON,
                    delivered_by="Pat Supervisor"),
    )  # fmt: skip
    return case_id, employee


def test_every_section_counts_what_the_database_holds(w: World) -> None:
    # Ivan's open cases; Sue submits one for review; a second supervisor's request waits.
    cases.add_allegation(w.db, w.ivan, w.madys_case, "MA-DYS-01.05.22 C.2.e")
    cases.transition_case(w.db, w.ivan, w.madys_case, S.FINDINGS)
    own = _request(w, w.sue)
    theirs = _request(w, w.sam)
    waiting, dismissed = _discipline_case(w, "Morgan Ozark"), _discipline_case(w, "Lee Ozark")
    discipline.record_response(w.db, w.hana, dismissed[0], dismissed[1], received_on=None)
    discipline.record_discipline(
        w.db, w.hana, dismissed[0],
        DisciplineInput(employee_id=dismissed[1], action=A.DISMISSAL,
                        effective_on=dt.date(2026, 9, 25), decided_on=dt.date(2026, 9, 24),
                        steps_to_correct="None possible.",
                        repeat_consequence="Not applicable.", suspension_days=None,
                        progressive_step="Final step.", aggravating_factors="Repeated.",
                        mitigating_factors="None."),
    )  # fmt: skip
    first = evidence.add_evidence(
        w.db, w.ivan, w.ardhs_case, (DATA / "good.png").read_bytes(), original_filename="good.png"
    )
    evidence.add_evidence(
        w.db, w.ivan, w.ardhs_case, (DATA / "good.jpg").read_bytes(), original_filename="good.jpg"
    )
    with w.db.engine.begin() as connection:
        connection.execute(
            text("UPDATE evidence_blobs SET data = :data WHERE sha256 = :sha"),
            {"data": b"\x89PNG tampered", "sha": first.sha256},
        )
    evidence.verify_evidence(w.db, w.ivan)

    ivan = home.load_home(w.db, w.ivan, today=dt.date(2026, 9, 20))
    assert ivan.assigned.total == _count(
        w.db, "SELECT count(*) FROM cases WHERE investigator_id = :me AND status <> 'closed'",
        me=w.ivan.user_id,
    ) == 4  # fmt: skip
    assert ivan.assigned.by_status == {S.FINDINGS: 1, S.INVESTIGATING: 1, S.DISCIPLINE_REVIEW: 2}
    assert ivan.approvals.total == ivan.findings.total == ivan.discipline.total == 0
    assert [(r.item_id, r.filename) for r in ivan.integrity.rows] == [(first.id, "good.png")]
    assert ivan.integrity.total == 1

    sue = home.load_home(w.db, w.sue, today=dt.date(2026, 9, 20))
    pending = _count(
        w.db, "SELECT count(*) FROM credential_requests WHERE status = 'pending' "
        "AND requested_by_id <> :me", me=w.sue.user_id,
    )  # fmt: skip
    assert sue.approvals.total == pending == 1
    assert [r.request_id for r in sue.approvals.rows] == [theirs] and own != theirs
    assert sue.findings.total == _count(
        w.db, "SELECT count(*) FROM cases WHERE status = 'findings'"
    ) == 1  # fmt: skip
    assert sue.findings.rows[0].case_id == w.madys_case
    assert sue.badges()["credential_requests"] == 1
    assert sue.discipline.total == 0  # supervisors do not record discipline

    hana = home.load_home(w.db, w.hana, today=dt.date(2026, 9, 20))
    steps = [(r.step, r.on, r.case_id) for r in hana.discipline.rows]
    assert steps == [
        (DisciplineStep.RESPONSE_DUE, dt.date(2026, 9, 21), waiting[0]),
        (DisciplineStep.TAKES_EFFECT, dt.date(2026, 9, 25), dismissed[0]),
    ]
    open_windows = _count(
        w.db, "SELECT count(*) FROM discipline_notices n WHERE NOT EXISTS (SELECT 1 FROM "
        "discipline_responses r WHERE r.notice_id = n.id) AND n.response_due <= :until",
        until=dt.date(2026, 9, 27),
    )  # fmt: skip
    assert open_windows == 1
    assert hana.approvals.total == hana.reviews.total == hana.assigned.total == 0
    # A month on: the response window is still unrecorded; the appeal window (RSMo
    # 621.205: 30 days from 2026-09-25, moved off Sunday) closes within the week.
    later = home.load_home(w.db, w.hana, today=dt.date(2026, 10, 20))
    assert [(r.step, r.on) for r in later.discipline.rows] == [
        (DisciplineStep.RESPONSE_DUE, dt.date(2026, 9, 21)),
        (DisciplineStep.APPEAL_ENDS, dt.date(2026, 10, 26)),
    ]


def test_a_review_meeting_is_listed_seven_days_ahead_not_eight(w: World) -> None:
    # The interval is the setting (30 days by default): due 30 days after the start.
    start = dt.date(2026, 9, 1)
    authorization = _investigation(w, start)
    due = start + dt.timedelta(days=30)
    at_eight = home.load_home(w.db, w.sue, today=due - dt.timedelta(days=8))
    assert at_eight.reviews.total == 0 and at_eight.reviews.rows == ()
    at_seven = home.load_home(w.db, w.sue, today=due - dt.timedelta(days=7))
    assert [(r.authorization_id, r.due_on, r.overdue) for r in at_seven.reviews.rows] == [
        (authorization, due, False)
    ]
    assert at_seven.reviews.rows[0].citation == "MA-DYS-01.05.22 B.3.b"
    late = home.load_home(w.db, w.sue, today=due + dt.timedelta(days=3))
    assert (late.reviews.rows[0].overdue, late.reviews.rows[0].days_overdue) == (True, 3)
    assert late.badges()["authorizations"] == 1
    # A meeting moves the next one a whole interval on; HR may not see these records at all.
    auth.record_review(w.db, w.sue, authorization, met_on=due, notes="Reviewed.")
    assert home.load_home(w.db, w.sue, today=due + dt.timedelta(days=3)).reviews.total == 0
    assert home.load_home(w.db, w.hana, today=due - dt.timedelta(days=1)).reviews.total == 0
    assert home.load_home(w.db, w.ivan, today=due + dt.timedelta(days=23)).reviews.total == 1


def test_pins_recent_cases_and_saved_searches_belong_to_their_user(w: World) -> None:
    home.set_pinned(w.db, w.ivan, w.ardhs_case, True)
    home.record_opened(w.db, w.ivan, w.madys_case)
    home.record_opened(w.db, w.ivan, w.ardhs_case)
    query = CaseQuery(statuses=frozenset({S.INVESTIGATING, S.INTAKE}), agency_code="MADYS",
                      investigator="ivan", text="youth", sort=CaseSort.UPDATED)  # fmt: skip
    saved = home.save_search(w.db, w.ivan, "My open MA DYS cases", query)
    assert saved.query == query
    view = home.load_home(w.db, w.ivan, today=dt.date(2026, 9, 20))
    assert [c.case_id for c in view.pinned] == [w.ardhs_case]
    assert [c.case_id for c in view.recent] == [w.ardhs_case, w.madys_case]
    assert [(s.name, s.query) for s in view.searches] == [("My open MA DYS cases", query)]
    # The same name replaces the search; another user sees none of it.
    home.save_search(w.db, w.ivan, "My open MA DYS cases", CaseQuery(agency_code="MADYS"))
    assert home.saved_searches(w.db, w.ivan)[0].query == CaseQuery(agency_code="MADYS")
    other = home.load_home(w.db, w.sue, today=dt.date(2026, 9, 20))
    assert other.pinned == other.recent == other.searches == ()
    with pytest.raises(NotFound):
        home.delete_search(w.db, w.sue, saved.id)
    home.delete_search(w.db, w.ivan, saved.id)
    home.set_pinned(w.db, w.ivan, w.ardhs_case, False)
    assert _count(w.db, "SELECT count(*) FROM saved_searches") == 0
    assert _count(w.db, "SELECT count(*) FROM pinned_cases") == 0
    with pytest.raises(NotFound):
        home.record_opened(w.db, w.ivan, 999_999)


def test_the_change_marker_moves_with_every_recorded_change(w: World) -> None:
    before = home.change_marker(w.db, w.ivan)
    home.load_home(w.db, w.ivan, today=dt.date(2026, 9, 20))
    home.record_opened(w.db, w.ivan, w.madys_case)
    assert home.change_marker(w.db, w.ivan) == before  # reading and recents record nothing
    cases.add_note(w.db, w.ivan, w.madys_case, "Called the reporter.")
    assert home.change_marker(w.db, w.ivan) == before + 1


def test_an_items_latest_integrity_check_decides_whether_home_lists_it(
    w: World, make_user: MakeUser
) -> None:
    item = evidence.add_evidence(
        w.db, w.ivan, w.ardhs_case, (DATA / "good.png").read_bytes(), original_filename="good.png"
    )

    def tamper(data: bytes) -> None:
        with w.db.engine.begin() as connection:
            connection.execute(
                text("UPDATE evidence_blobs SET data = :data WHERE sha256 = :sha"),
                {"data": data, "sha": item.sha256},
            )

    def listed_for(actor: Actor) -> list[int]:
        view = home.load_home(w.db, actor, today=dt.date(2026, 9, 20))
        assert view.integrity.total == len(view.integrity.rows)
        return [row.item_id for row in view.integrity.rows]

    def listed() -> list[int]:
        return listed_for(w.ivan)

    evidence.verify_evidence(w.db, w.ivan)
    assert listed() == []
    tamper(b"\x89PNG tampered")
    with pytest.raises(IntegrityFailure):  # recorded as evidence.integrity_failure
        evidence.read_evidence(w.db, w.ivan, item.id)
    assert listed() == [item.id]
    tamper((DATA / "good.png").read_bytes())
    evidence.verify_evidence(w.db, w.ivan)  # a later check that passes clears it
    assert listed() == []
    tamper(b"\x89PNG tampered")
    evidence.verify_evidence(w.db, w.ivan)  # a failed evidence.verify lists it again
    assert listed() == [item.id]
    # The case's subject, an investigator too, does not see its items (conflict of interest).
    avery = make_user("avery", "Avery Employee", Role.INVESTIGATOR)
    access.link_employee_user(w.db, w.admin, w.ar_employee, "avery")
    assert home.load_home(w.db, w.ivan).integrity.total == 1
    assert (home.load_home(w.db, avery).integrity.total, listed_for(avery)) == (0, [])
