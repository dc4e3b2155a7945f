"""Case intake, numbering, allegations, findings and the workflow on real databases."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

import pytest
from sqlalchemy import text

from app.domain.actor import Actor
from app.domain.cases import CaseStatus, Finding
from app.domain.discipline import DisciplineAction
from app.domain.errors import InvalidInput, NotFound, PermissionDenied, Refused
from app.domain.permissions import Role
from app.services import cases, discipline, employees
from app.services.cases import CaseFields
from app.services.database import Database
from app.services.discipline import DisciplineInput

MakeUser = Callable[..., Actor]


#: A date field's value that stands for the day after the day the test runs.
TOMORROW = object()


def _today() -> dt.date:
    """Today, read when a test runs: a run may cross midnight."""
    return dt.date.today()


S = CaseStatus


@dataclass
class World:
    db: Database
    admin: Actor
    ivan: Actor
    sue: Actor
    hana: Actor
    pat: int
    lee: int
    maya: int


@pytest.fixture
def world(database: Database, admin: Actor, make_user: MakeUser) -> World:
    ivan = make_user("ivan", "Ivan Investigator", Role.INVESTIGATOR)
    sue = make_user("sue", "Sue Supervisor", Role.SUPERVISOR)
    hana = make_user("hana", "Hana Resources", Role.HR)

    def employee(agency: str, name: str) -> int:
        return employees.add_employee(database, admin, agency_code=agency, full_name=name).id

    return World(
        database,
        admin,
        ivan,
        sue,
        hana,
        employee("ARDHS", "Pat Poster"),
        employee("ARDHS", "Lee Liker"),
        employee("MADYS", "Maya Youthworker"),
    )


def _fields(w: World, **changes: object) -> CaseFields:
    base = CaseFields(
        agency_code="ARDHS",
        title="Screenshot of client file posted on Facebook",
        reported_on=_today(),
        conduct_from=_today() - dt.timedelta(days=3),
        platforms=("Facebook",),
        narrative="A coworker sent screenshots of the post.",
        subject_ids=(w.pat,),
        investigator="ivan",
    )
    # TOMORROW is read as the test runs, not when the tests are collected.
    tomorrow = _today() + dt.timedelta(days=1)
    changes = {name: tomorrow if value is TOMORROW else value for name, value in changes.items()}
    return replace(base, **changes)  # type: ignore[arg-type]


def _count(db: Database, table: str) -> int:
    with db.engine.connect() as connection:
        return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def _actions(db: Database) -> list[str]:
    with db.engine.connect() as connection:
        return list(connection.scalars(text("SELECT action FROM audit_events ORDER BY seq")))


# -- intake ---------------------------------------------------------------------------


def test_a_new_case_is_numbered_per_agency_and_year(world: World) -> None:
    w = world
    first = cases.create_case(w.db, w.ivan, _fields(w))
    second = cases.create_case(w.db, w.ivan, _fields(w, title="Second"))
    madys = cases.create_case(w.db, w.ivan, _fields(w, agency_code="madys", subject_ids=(w.maya,)))
    third = cases.create_case(w.db, w.sue, _fields(w, title="Third"))
    last_year = cases.create_case(
        w.db,
        w.ivan,
        _fields(w, reported_on=dt.date(_today().year - 1, 12, 31), conduct_from=None),
    )

    year = _today().year
    assert [first.number, second.number, third.number] == [
        f"ARDHS-{year}-0001",
        f"ARDHS-{year}-0002",
        f"ARDHS-{year}-0003",
    ]
    assert madys.number == f"MADYS-{year}-0001"
    assert last_year.number == f"ARDHS-{year - 1}-0001"


def test_a_new_case_is_in_intake_with_what_was_entered(world: World) -> None:
    w = world
    case = cases.create_case(w.db, w.ivan, _fields(w, platforms=(" Facebook ", "Facebook", "")))

    assert case.status is S.INTAKE
    assert case.agency_name == "Arkansas Department of Human Services"
    assert case.investigator_name == "Ivan Investigator"
    assert [s.full_name for s in case.subjects] == ["Pat Poster"]
    assert case.fields.platforms == ("Facebook",)
    assert case.version == 1
    assert case.updated_by == "Ivan Investigator"
    assert [t.target for t in case.transitions] == [S.INVESTIGATING]
    assert _actions(w.db)[-1] == "case.create"
    assert cases.get_case(w.db, w.hana, case.number).id == case.id


@pytest.mark.parametrize(
    ("changes", "error", "message"),
    [
        ({"title": "   "}, InvalidInput, "Title is required"),
        ({"title": "Two\nlines"}, InvalidInput, "Title must be a single line"),
        ({"reported_on": TOMORROW}, InvalidInput, "in the future"),
        ({"conduct_from": TOMORROW}, InvalidInput, "in the future"),
        ({"agency_code": "TXDHS"}, NotFound, "no agency 'TXDHS'; known agencies: ARDHS, MADYS"),
        ({"investigator": "nobody"}, InvalidInput, "'nobody' is not an active investigator"),
        ({"investigator": "hana"}, InvalidInput, "'hana' is not an active investigator"),
        ({"subject_ids": (10_000,)}, InvalidInput, "not an employee of the case's agency"),
    ],
)
def test_invalid_intake_is_refused_and_writes_nothing(
    world: World, changes: dict[str, object], error: type[Exception], message: str
) -> None:
    w = world
    before = (_count(w.db, "cases"), _count(w.db, "audit_events"))
    with pytest.raises(error, match=message):
        cases.create_case(w.db, w.ivan, _fields(w, **changes))
    assert (_count(w.db, "cases"), _count(w.db, "audit_events")) == before
    # No number was used up by the refusal.
    assert cases.create_case(w.db, w.ivan, _fields(w)).number.endswith("-0001")


def test_a_subject_of_another_agency_is_refused(world: World) -> None:
    w = world
    with pytest.raises(InvalidInput, match=f"Employee {w.maya} is not an employee"):
        cases.create_case(w.db, w.ivan, _fields(w, subject_ids=(w.pat, w.maya)))
    assert _count(w.db, "cases") == 0


def test_hr_and_administrators_cannot_open_cases(world: World) -> None:
    w = world
    before = _count(w.db, "audit_events")
    with pytest.raises(PermissionDenied, match="'case.create'"):
        cases.create_case(w.db, w.hana, _fields(w))
    with pytest.raises(PermissionDenied, match="'case.create'"):
        cases.create_case(w.db, w.admin, _fields(w))
    assert (_count(w.db, "cases"), _count(w.db, "audit_events")) == (0, before)


def test_an_unknown_case_is_not_found(world: World) -> None:
    with pytest.raises(NotFound, match="no case ARDHS-2020-0001"):
        cases.get_case(world.db, world.ivan, "ARDHS-2020-0001")
    with pytest.raises(InvalidInput, match="is not a case number"):
        cases.get_case(world.db, world.ivan, "case one")


# -- allegations ----------------------------------------------------------------------


def test_an_allegation_quotes_the_cited_provision(world: World) -> None:
    w = world
    case = cases.create_case(w.db, w.ivan, _fields(w))
    allegation = cases.add_allegation(w.db, w.ivan, case.id, "AR-DHS II(A)", summary="Client file")

    assert allegation.citation == "AR-DHS II(A)"
    assert allegation.provision_text.strip()
    assert allegation.employee_name == "Pat Poster"  # the only subject, by default
    assert allegation.finding is Finding.PENDING
    assert _actions(w.db)[-1] == "allegation.add"


def test_an_unknown_provision_is_not_found(world: World) -> None:
    w = world
    case = cases.create_case(w.db, w.ivan, _fields(w))
    before = _count(w.db, "audit_events")
    with pytest.raises(NotFound, match="no provision AR-DHS II\\(Q\\)"):
        cases.add_allegation(w.db, w.ivan, case.id, "AR-DHS II(Q)")
    assert (_count(w.db, "allegations"), _count(w.db, "audit_events")) == (0, before)


def test_a_provision_of_another_agency_is_refused(world: World) -> None:
    w = world
    case = cases.create_case(w.db, w.ivan, _fields(w))
    with pytest.raises(InvalidInput, match="MA-DYS-01.05.22 C.2.e is a provision of Massachu"):
        cases.add_allegation(w.db, w.ivan, case.id, "MA-DYS-01.05.22 C.2.e")
    assert _count(w.db, "allegations") == 0


def test_the_same_allegation_twice_is_refused(world: World) -> None:
    w = world
    case = cases.create_case(w.db, w.ivan, _fields(w, subject_ids=(w.pat, w.lee)))
    cases.add_allegation(w.db, w.ivan, case.id, "AR-DHS II(A)", employee_id=w.pat)
    before = _count(w.db, "audit_events")
    with pytest.raises(InvalidInput, match="already has an allegation under AR-DHS II\\(A\\)"):
        cases.add_allegation(w.db, w.ivan, case.id, "AR-DHS II(A)", employee_id=w.pat)
    assert _count(w.db, "audit_events") == before
    # The same provision against another subject is a separate allegation.
    cases.add_allegation(w.db, w.ivan, case.id, "AR-DHS II(A)", employee_id=w.lee)
    assert _count(w.db, "allegations") == 2


def test_an_allegation_against_a_non_subject_is_refused(world: World) -> None:
    w = world
    case = cases.create_case(w.db, w.ivan, _fields(w))
    with pytest.raises(InvalidInput, match=f"Employee {w.lee} is not a subject"):
        cases.add_allegation(w.db, w.ivan, case.id, "AR-DHS II(A)", employee_id=w.lee)


def test_a_pending_allegation_can_be_withdrawn_but_not_one_with_a_finding(world: World) -> None:
    w = world
    case = cases.create_case(w.db, w.ivan, _fields(w))
    first = cases.add_allegation(w.db, w.ivan, case.id, "AR-DHS II(A)")
    second = cases.add_allegation(w.db, w.ivan, case.id, "AR-DHS II(C)(2)")
    cases.remove_allegation(w.db, w.ivan, first.id)
    cases.transition_case(w.db, w.ivan, case.id, S.INVESTIGATING)
    cases.record_finding(w.db, w.ivan, second.id, Finding.UNFOUNDED, "Posted on a day off.")

    with pytest.raises(Refused, match="with a finding cannot be withdrawn"):
        cases.remove_allegation(w.db, w.ivan, second.id)
    detail = cases.get_case(w.db, w.ivan, case.id)
    assert [a.citation for a in detail.allegations] == ["AR-DHS II(C)(2)"]
    assert "allegation.remove" in _actions(w.db)


def test_a_finding_needs_its_reasoning(world: World) -> None:
    w = world
    case = cases.create_case(w.db, w.ivan, _fields(w))
    allegation = cases.add_allegation(w.db, w.ivan, case.id, "AR-DHS II(A)")
    cases.transition_case(w.db, w.ivan, case.id, S.INVESTIGATING)
    with pytest.raises(InvalidInput, match="Reasoning is required"):
        cases.record_finding(w.db, w.ivan, allegation.id, Finding.SUBSTANTIATED, " ")
    with pytest.raises(PermissionDenied, match="'finding.record'"):
        cases.record_finding(w.db, w.hana, allegation.id, Finding.SUBSTANTIATED, "HR says so")


def test_findings_wait_for_the_investigation(world: World) -> None:
    w = world
    case = cases.create_case(w.db, w.ivan, _fields(w))
    allegation = cases.add_allegation(w.db, w.ivan, case.id, "AR-DHS II(A)")
    with pytest.raises(Refused, match="is in Intake"):
        cases.record_finding(w.db, w.ivan, allegation.id, Finding.UNFOUNDED, "Too early")


# -- the workflow ---------------------------------------------------------------------


def test_a_substantiated_case_goes_through_discipline_to_closed_and_reopens(world: World) -> None:
    w = world
    case = cases.create_case(w.db, w.ivan, _fields(w, subject_ids=(w.pat, w.lee)))
    posted = cases.add_allegation(w.db, w.ivan, case.id, "AR-DHS II(A)", employee_id=w.pat)
    liked = cases.add_allegation(w.db, w.ivan, case.id, "AR-DHS II(D)", employee_id=w.lee)

    case = cases.transition_case(w.db, w.ivan, case.id, S.INVESTIGATING)
    cases.record_finding(w.db, w.ivan, posted.id, Finding.SUBSTANTIATED, "Screenshot shows it.")
    case = cases.transition_case(w.db, w.ivan, case.id, S.FINDINGS)
    assert case.transitions == ()  # the investigator waits for the supervisor now

    with pytest.raises(Refused, match="Every allegation needs a finding"):
        cases.transition_case(w.db, w.sue, case.id, S.DISCIPLINE_REVIEW)
    cases.record_finding(w.db, w.sue, liked.id, Finding.EXONERATED, "Liking is not posting.")
    with pytest.raises(Refused, match="send the case to HR"):
        cases.transition_case(w.db, w.sue, case.id, S.CLOSED)
    with pytest.raises(PermissionDenied, match="supervisor"):
        cases.transition_case(w.db, w.ivan, case.id, S.DISCIPLINE_REVIEW)

    case = cases.transition_case(w.db, w.sue, case.id, S.DISCIPLINE_REVIEW)
    assert {t.target for t in cases.get_case(w.db, w.hana, case.id).transitions} == {
        S.FINDINGS,
        S.CLOSED,
    }
    # Only Pat's allegation is substantiated: HR decides for Pat, not for Lee.
    with pytest.raises(Refused, match=r"recorded for Pat Poster, against whom"):
        cases.transition_case(w.db, w.hana, case.id, S.CLOSED)
    today = dt.date.today()
    discipline.record_discipline(w.db, w.hana, case.id, DisciplineInput(
        employee_id=w.pat, action=DisciplineAction.WRITTEN_REPRIMAND, effective_on=today,
        steps_to_correct="Keep work matters off personal accounts.",
        repeat_consequence="Suspension.",
    ))  # fmt: skip
    case = cases.transition_case(w.db, w.hana, case.id, S.CLOSED)
    assert case.status is S.CLOSED
    with pytest.raises(Refused, match="can be added while a case is in intake"):
        cases.add_allegation(w.db, w.ivan, case.id, "AR-DHS II(F)")

    with pytest.raises(InvalidInput, match="Give a reason"):
        cases.transition_case(w.db, w.hana, case.id, S.REOPENED)
    case = cases.transition_case(w.db, w.hana, case.id, S.REOPENED, reason="Appeal evidence")
    assert case.status is S.REOPENED
    assert [a.finding for a in case.allegations] == [Finding.SUBSTANTIATED, Finding.EXONERATED]

    with w.db.engine.connect() as connection:
        moves = (
            connection.execute(
                text(
                    "SELECT actor FROM audit_events WHERE action = 'case.transition' "
                    "AND case_id = :id ORDER BY seq"
                ),
                {"id": case.id},
            )
            .scalars()
            .all()
        )
    assert moves == ["ivan", "ivan", "sue", "hana", "hana"]


def test_findings_cannot_be_submitted_without_an_allegation(world: World) -> None:
    w = world
    case = cases.create_case(w.db, w.ivan, _fields(w))
    cases.transition_case(w.db, w.ivan, case.id, S.INVESTIGATING)
    with pytest.raises(Refused, match="at least one allegation"):
        cases.transition_case(w.db, w.ivan, case.id, S.FINDINGS)
    assert cases.get_case(w.db, w.ivan, case.id).status is S.INVESTIGATING


def test_nothing_substantiated_closes_without_discipline(world: World) -> None:
    w = world
    case = cases.create_case(w.db, w.ivan, _fields(w))
    allegation = cases.add_allegation(w.db, w.ivan, case.id, "AR-DHS II(A)")
    cases.transition_case(w.db, w.ivan, case.id, S.INVESTIGATING)
    cases.record_finding(w.db, w.ivan, allegation.id, Finding.UNFOUNDED, "Not the employee.")
    cases.transition_case(w.db, w.ivan, case.id, S.FINDINGS)
    with pytest.raises(Refused, match="none is substantiated"):
        cases.transition_case(w.db, w.sue, case.id, S.DISCIPLINE_REVIEW)
    assert cases.transition_case(w.db, w.sue, case.id, S.CLOSED).status is S.CLOSED


def test_a_case_closed_at_intake_needs_a_supervisor_and_a_reason(world: World) -> None:
    w = world
    case = cases.create_case(w.db, w.ivan, _fields(w))
    with pytest.raises(PermissionDenied):
        cases.transition_case(w.db, w.ivan, case.id, S.CLOSED, reason="Duplicate")
    closed = cases.transition_case(w.db, w.sue, case.id, S.CLOSED, reason="Duplicate report")
    assert closed.status is S.CLOSED


def test_a_transition_from_an_outdated_screen_is_refused(world: World) -> None:
    w = world
    case = cases.create_case(w.db, w.ivan, _fields(w))
    cases.add_note(w.db, w.sue, case.id, "Called the reporter back.")
    with pytest.raises(Refused, match="changed by Sue Supervisor"):
        cases.transition_case(w.db, w.ivan, case.id, S.INVESTIGATING, expected_version=case.version)
    assert cases.get_case(w.db, w.ivan, case.id).status is S.INTAKE
