"""MA DYS authorizations through the services, on SQLite and PostgreSQL.

Logging (B.2, B.3), the one-account-one-employee rule across stored rows
(B.2.e), review meetings and the overdue flag (B.3.b), revocation, and the
confidentiality of investigation authorizations (B.3.a) through every call.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from app.domain.actor import Actor
from app.domain.authorizations.decision import RuleRefused
from app.domain.authorizations.ma_dys import AuthorizationKind
from app.domain.cases import CaseStatus
from app.domain.errors import InvalidInput, InvalidInputs, NotFound, PermissionDenied, Refused
from app.domain.permissions import Role
from app.services import authorizations as auth
from app.services import cases, employees, evidence, settings
from app.services.cases import CaseFields
from app.services.database import Database
from tests.unit.conftest import built_once

MakeUser = Callable[..., Actor]
TODAY = dt.date(2026, 11, 21)


@dataclass
class World:
    db: Database
    admin: Actor
    sam: Actor  # supervisor
    ivan: Actor  # investigator
    hana: Actor  # HR
    carla: int  # MA DYS caseworker
    dan: int  # another MA DYS employee
    boss: int  # their supervisor
    case_id: int  # an MA DYS investigation


@built_once("authorizations")
def world(database: Database, admin: Actor, make_user: MakeUser) -> World:
    sam = make_user("sam", "Sam Supervisor", Role.SUPERVISOR)
    ivan = make_user("ivan", "Ivan Investigator", Role.INVESTIGATOR)
    hana = make_user("hana", "Hana Resources", Role.HR)

    def employee(name: str) -> int:
        return employees.add_employee(database, sam, agency_code="MADYS", full_name=name).id

    case = cases.create_case(
        database, ivan, CaseFields(agency_code="MADYS", title="Youth contact online",
                                   reported_on=dt.date(2026, 10, 1)),
    )  # fmt: skip
    cases.transition_case(database, ivan, case.id, CaseStatus.INVESTIGATING)
    return World(database, admin, sam, ivan, hana, employee("Carla Caseworker"),
                 employee("Dan Other"), employee("Sue Boss"), case.id)  # fmt: skip


def _supervision(w: World, **changes: object) -> auth.SupervisionFields:
    fields = auth.SupervisionFields(
        employee_id=w.carla,
        role="caseworker",
        supervisor_id=w.boss,
        written_on="2026-11-01",
        platform="Facebook",
        account_name="@dys.watch",
        youth_case="JJEMS 4411",
        attests_no_youth_contact=True,
        attests_true_identity=True,
        site_shows_viewers=True,
        privacy_settings_enabled=True,
        starts_on="2026-11-02",
    )
    return dataclasses.replace(fields, **changes)  # type: ignore[arg-type]


def _investigation(w: World, **changes: object) -> auth.InvestigationFields:
    fields = auth.InvestigationFields(
        employee_id=w.carla,
        role="investigation_unit",
        supervisor_id=w.boss,
        written_on="2026-10-01",
        platform="Instagram",
        account_name="inv.profile.7",
        case_id=w.case_id,
        youth_communication_approved=False,
        starts_on="2026-10-01",
    )
    return dataclasses.replace(fields, **changes)  # type: ignore[arg-type]


def _count(db: Database, table: str, where: str = "") -> int:
    with db.engine.connect() as connection:
        query = f"SELECT count(*) FROM {table}" + (f" WHERE {where}" if where else "")
        return int(connection.execute(text(query)).scalar_one())


# -- B.2 supervision ---------------------------------------------------------------------


def test_a_supervision_authorization_is_logged_with_everything_b2c_asks(w: World) -> None:
    info = auth.add_supervision(w.db, w.sam, _supervision(w, case_id=w.case_id), today=TODAY)
    assert info.kind is AuthorizationKind.SUPERVISION
    assert (info.employee_name, info.supervisor_name, info.account_name, info.youth_case) == (
        "Carla Caseworker", "Sue Boss", "@dys.watch", "JJEMS 4411",
    )  # fmt: skip
    assert info.written_on == dt.date(2026, 11, 1) and info.active and info.review is None
    assert info.attests_no_youth_contact and info.attests_true_identity
    timeline = cases.case_timeline(w.db, w.ivan, w.case_id)
    assert [e.action for e in timeline][-1] == "authorization.add"
    assert auth.list_authorizations(w.db, w.hana, today=TODAY)[0].id == info.id


@pytest.fixture
def w(world: World) -> World:
    return world


def test_a_refusal_lists_every_reason_and_writes_nothing(w: World) -> None:
    before = _count(w.db, "audit_events")
    with pytest.raises(RuleRefused) as refused:
        auth.add_supervision(
            w.db, w.sam,
            _supervision(w, supervisor_id=None, attests_no_youth_contact=False,
                         privacy_settings_enabled=False),
            today=TODAY,
        )  # fmt: skip
    assert refused.value.citations == (
        "MA-DYS-01.05.22 B.2", "MA-DYS-01.05.22 B.2.a", "MA-DYS-01.05.22 B.2.d",
    )  # fmt: skip
    assert str(refused.value).count("\n  - ") == 3
    assert _count(w.db, "authorizations") == 0 and _count(w.db, "audit_events") == before


def test_b2e_one_account_is_never_shared_by_two_employees_at_once(w: World) -> None:
    first = auth.add_supervision(w.db, w.sam, _supervision(w, ends_on="2026-11-30"), today=TODAY)
    with pytest.raises(RuleRefused) as refused:
        auth.add_supervision(
            w.db, w.sam,
            _supervision(w, employee_id=w.dan, account_name="DYS.Watch", platform="facebook",
                         starts_on="2026-11-20"),
            today=TODAY,
        )  # fmt: skip
    assert refused.value.citations == ("MA-DYS-01.05.22 B.2.e",)
    assert f"Carla Caseworker (authorization {first.id})" in str(refused.value)
    # The same employee may hold it again; another employee after it ended, too.
    auth.add_supervision(w.db, w.sam, _supervision(w, starts_on="2026-11-10"), today=TODAY)
    with pytest.raises(RuleRefused):  # Carla's second one is open-ended
        auth.add_supervision(
            w.db, w.sam, _supervision(w, employee_id=w.dan, starts_on="2026-12-01"), today=TODAY
        )


def test_b2e_a_revoked_authorization_frees_the_account_from_its_revocation_day(w: World) -> None:
    first = auth.add_supervision(w.db, w.sam, _supervision(w), today=TODAY)
    auth.revoke_authorization(
        w.db, w.sam, first.id, revoked_on="2026-11-15", reason="Moved to another unit.",
        today=TODAY,
    )  # fmt: skip
    with pytest.raises(RuleRefused):
        auth.add_supervision(
            w.db, w.sam, _supervision(w, employee_id=w.dan, starts_on="2026-11-14"), today=TODAY
        )
    later = auth.add_supervision(
        w.db, w.sam, _supervision(w, employee_id=w.dan, starts_on="2026-11-15"), today=TODAY
    )
    assert later.employee_name == "Dan Other"


def test_revocation_ends_an_authorization_and_happens_once(w: World) -> None:
    info = auth.add_supervision(w.db, w.sam, _supervision(w), today=TODAY)
    revoked = auth.revoke_authorization(w.db, w.sam, info.id, reason="Youth discharged.",
                                        today=TODAY)  # fmt: skip
    assert revoked.revoked_on == TODAY and not revoked.active
    assert revoked.revoked_reason == "Youth discharged."
    with pytest.raises(Refused, match="already revoked"):
        auth.revoke_authorization(w.db, w.sam, info.id, reason="again", today=TODAY)
    with pytest.raises(InvalidInput, match="Reason is required"):
        auth.revoke_authorization(w.db, w.sam, info.id, reason=" ", today=TODAY)


@pytest.mark.parametrize(
    ("revoked_on", "code", "says"),
    [
        ("2020-01-01", "revoked_before_start", "before authorization {id} started (2026-11-02)"),
        ("2026-11-01", "revoked_before_start", "revoke it from 2026-11-02 or later"),
        ("2026-11-22", "revoked_in_future", "is in the future (today is 2026-11-21)"),
    ],
)
def test_a_revocation_outside_the_authorization_s_life_is_refused_and_changes_nothing(
    w: World, revoked_on: str, code: str, says: str
) -> None:
    info = auth.add_supervision(w.db, w.sam, _supervision(w), today=TODAY)
    before = _count(w.db, "audit_events")
    with pytest.raises(RuleRefused) as refused:
        auth.revoke_authorization(w.db, w.sam, info.id, revoked_on=revoked_on,
                                  reason="Youth discharged.", today=TODAY)  # fmt: skip
    assert refused.value.decision.codes == {code}
    assert refused.value.citations == ("MA-DYS-01.05.22 B.2",)
    assert says.format(id=info.id) in str(refused.value)
    assert auth.get_authorization(w.db, w.sam, info.id, today=TODAY).revoked_on is None
    assert _count(w.db, "audit_events") == before
    # From its first day to today are both allowed.
    assert auth.revoke_authorization(w.db, w.sam, info.id, revoked_on="2026-11-02",
                                     reason="Never used.", today=TODAY).revoked_on  # fmt: skip


def test_a_revocation_may_not_leave_evidence_obtained_under_it_uncovered(w: World) -> None:
    info = auth.add_investigation(w.db, w.sam, _investigation(w), today=TODAY)
    png = (Path(__file__).parent.parent / "data" / "good.png").read_bytes()
    item = evidence.add_evidence(
        w.db, w.ivan, w.case_id, png, original_filename="profile.png",
        captured_at="2026-11-10T23:30:00-05:00",  # 11 November in UTC, 10 November in Boston
        obtained="investigation_authorization", authorization_id=info.id,
    )  # fmt: skip
    for day in ("2026-11-10", "2026-10-15"):
        with pytest.raises(RuleRefused) as refused:
            auth.revoke_authorization(w.db, w.sam, info.id, revoked_on=day,
                                      reason="Profile exposed.", today=TODAY)  # fmt: skip
        assert refused.value.decision.codes == {"evidence_after_revocation"}
        assert refused.value.citations == ("MA-DYS-01.05.22 B.3.a",)
        message = str(refused.value)
        assert f"evidence item {item.id} (profile.png, case " in message
        assert "captured 2026-11-10" in message and "Revoke it from 2026-11-11 or later" in message
    revoked = auth.revoke_authorization(w.db, w.sam, info.id, revoked_on="2026-11-11",
                                        reason="Profile exposed.", today=TODAY)  # fmt: skip
    assert revoked.revoked_on == dt.date(2026, 11, 11)


@pytest.mark.parametrize("kind", ["supervision", "investigation"])
def test_an_authorization_names_only_a_case_of_its_own_agency(w: World, kind: str) -> None:
    other = cases.create_case(
        w.db, w.ivan, CaseFields(agency_code="ARDHS", title="Another agency's case",
                                 reported_on=dt.date(2026, 10, 1)),
    )  # fmt: skip
    cases.transition_case(w.db, w.ivan, other.id, CaseStatus.INVESTIGATING)
    before = _count(w.db, "audit_events")
    with pytest.raises(RuleRefused) as refused:
        if kind == "supervision":
            auth.add_supervision(w.db, w.sam, _supervision(w, case_id=other.id), today=TODAY)
        else:
            auth.add_investigation(w.db, w.sam, _investigation(w, case_id=other.id), today=TODAY)
    assert refused.value.decision.codes == {"case_of_other_agency"}
    cited = "MA-DYS-01.05.22 B.2" if kind == "supervision" else "MA-DYS-01.05.22 B.3.a"
    assert refused.value.citations == (cited,)
    assert f"Case {other.number} is a case of ARDHS, not of MADYS" in str(refused.value)
    assert f"[{cited}]" in str(refused.value)
    assert _count(w.db, "authorizations") == 0 and _count(w.db, "audit_events") == before


def test_the_account_key_fits_its_column_however_the_letters_fold(w: World) -> None:
    # "İ" lower-cases to two characters: 200 of them fit the input but not the key.
    with pytest.raises(InvalidInput, match="too long together") as bad:
        auth.add_supervision(
            w.db,
            w.sam,
            _supervision(w, platform="İ" * 200, account_name="İ" * 200),
            today=TODAY,
        )
    assert bad.value.field == "account_name"
    assert _count(w.db, "authorizations") == 0


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"role": "janitor"}, "'janitor' is not a supervision role"),
        ({"starts_on": "2026-13-01"}, "Start date '2026-13-01' is not a valid date"),
        ({"starts_on": None}, "Start date is required"),
        ({"account_name": "a\nb"}, "Account name must be a single line"),
        ({"supervisor_id": 9999}, "There is no employee 9999"),
    ],
)
def test_bad_input_says_what_to_fix(w: World, changes: dict[str, object], says: str) -> None:
    with pytest.raises(InvalidInput, match=says):
        auth.add_supervision(w.db, w.sam, _supervision(w, **changes), today=TODAY)


def test_only_massachusetts_employees_are_authorized_under_01_05_22(w: World) -> None:
    arkie = employees.add_employee(w.db, w.sam, agency_code="ARDHS", full_name="Arkie").id
    with pytest.raises(InvalidInput, match="works for ARDHS"):
        auth.add_supervision(w.db, w.sam, _supervision(w, employee_id=arkie), today=TODAY)


def test_only_supervisors_log_authorizations(w: World) -> None:
    for actor in (w.ivan, w.hana, w.admin):
        with pytest.raises(PermissionDenied):
            auth.add_supervision(w.db, actor, _supervision(w), today=TODAY)
        with pytest.raises(PermissionDenied):
            auth.add_investigation(w.db, actor, _investigation(w), today=TODAY)


def test_check_answers_without_writing(w: World) -> None:
    decision = auth.check_supervision(w.db, w.sam, _supervision(w, written_on=None), today=TODAY)
    assert decision.codes == {"not_in_writing"}
    assert _count(w.db, "authorizations") == 0


# -- B.3 investigation ---------------------------------------------------------------------


def test_b3_review_meetings_and_the_overdue_flag_follow_the_interval_setting(w: World) -> None:
    info = auth.add_investigation(w.db, w.sam, _investigation(w), today=TODAY)
    assert info.review is not None
    assert (info.review.due_on, info.review.overdue) == (dt.date(2026, 10, 31), True)
    assert auth.count_overdue_reviews(w.db, w.ivan, case_id=w.case_id, today=TODAY) == 1
    overdue = auth.list_authorizations(w.db, w.ivan, overdue_only=True, today=TODAY)
    assert [i.id for i in overdue] == [info.id]

    settings.set_value(w.db, w.admin, "authorization.review_interval_days", 60)
    relaxed = auth.get_authorization(w.db, w.ivan, info.id, today=TODAY)
    assert relaxed.review is not None and not relaxed.review.overdue
    settings.set_value(w.db, w.admin, "authorization.review_interval_days", 30)

    reviewed = auth.record_review(
        w.db, w.sam, info.id, met_on="2026-11-20", notes="Profile used only to view.", today=TODAY
    )
    assert reviewed.review is not None and not reviewed.review.overdue
    assert reviewed.review.due_on == dt.date(2026, 12, 20)
    assert [(r.met_on, r.notes, r.recorded_by) for r in reviewed.reviews] == [
        (dt.date(2026, 11, 20), "Profile used only to view.", "sam")
    ]
    assert auth.count_overdue_reviews(w.db, w.ivan, today=TODAY) == 0


def test_b3_review_checks(w: World) -> None:
    info = auth.add_investigation(w.db, w.sam, _investigation(w), today=TODAY)
    with pytest.raises(InvalidInput, match="in the future"):
        auth.record_review(w.db, w.sam, info.id, met_on="2026-11-22", notes="x", today=TODAY)
    with pytest.raises(InvalidInput, match="before the authorization started"):
        auth.record_review(w.db, w.sam, info.id, met_on="2026-09-01", notes="x", today=TODAY)
    supervision = auth.add_supervision(w.db, w.sam, _supervision(w), today=TODAY)
    with pytest.raises(InvalidInput, match="B.3.b"):
        auth.record_review(w.db, w.sam, supervision.id, met_on="2026-11-20", notes="x",
                           today=TODAY)  # fmt: skip


def test_b3_communication_with_youth_is_recorded_as_approved_or_not(w: World) -> None:
    no = auth.add_investigation(w.db, w.sam, _investigation(w), today=TODAY)
    yes = auth.add_investigation(
        w.db, w.sam,
        _investigation(w, account_name="inv.profile.8", youth_communication_approved=True),
        today=TODAY,
    )  # fmt: skip
    assert (no.youth_communication_approved, yes.youth_communication_approved) == (False, True)


def test_b3_refusals_from_stored_facts(w: World) -> None:
    with pytest.raises(RuleRefused) as refused:
        auth.add_investigation(w.db, w.sam, _investigation(w, role="other"), today=TODAY)
    assert refused.value.citations == ("MA-DYS-01.05.22 B.3",)
    cases.add_allegation(w.db, w.ivan, w.case_id, "MA-DYS-01.05.22 C.2.e")
    closed = _close(w)
    with pytest.raises(RuleRefused) as refused:
        auth.add_investigation(w.db, w.sam, _investigation(w, case_id=closed), today=TODAY)
    assert refused.value.decision.codes == {"investigation_closed"}


def _close(w: World) -> int:
    from app.domain.cases import Finding

    case = cases.get_case(w.db, w.ivan, w.case_id)
    cases.transition_case(w.db, w.ivan, w.case_id, CaseStatus.FINDINGS)
    for allegation in case.allegations:
        cases.record_finding(w.db, w.ivan, allegation.id, Finding.UNFOUNDED, "No such post.")
    cases.transition_case(w.db, w.sam, w.case_id, CaseStatus.CLOSED)
    return w.case_id


# -- B.3.a confidentiality -------------------------------------------------------------------


def test_b3a_hr_gets_neither_the_rows_nor_their_count_from_any_call(w: World) -> None:
    supervision = auth.add_supervision(w.db, w.sam, _supervision(w, case_id=w.case_id),
                                       today=TODAY)  # fmt: skip
    secret = auth.add_investigation(w.db, w.sam, _investigation(w), today=TODAY)

    listed = auth.list_authorizations(w.db, w.hana, today=TODAY)
    assert [i.id for i in listed] == [supervision.id]
    assert auth.list_authorizations(w.db, w.hana, kind="investigation", today=TODAY) == []
    assert auth.list_authorizations(w.db, w.hana, case_id=w.case_id, today=TODAY) == listed
    assert auth.list_authorizations(w.db, w.hana, overdue_only=True, today=TODAY) == []
    assert auth.count_overdue_reviews(w.db, w.hana, today=TODAY) == 0
    # Asked for by id, it does not exist for HR: the same answer as an unused id.
    with pytest.raises(NotFound) as hidden:
        auth.get_authorization(w.db, w.hana, secret.id, today=TODAY)
    with pytest.raises(NotFound) as missing:
        auth.get_authorization(w.db, w.hana, 99999, today=TODAY)
    assert str(hidden.value) == str(missing.value).replace("99999", str(secret.id))
    with pytest.raises((NotFound, PermissionDenied)):
        auth.record_review(w.db, w.hana, secret.id, met_on="2026-11-20", notes="x", today=TODAY)
    with pytest.raises((NotFound, PermissionDenied)):
        auth.revoke_authorization(w.db, w.hana, secret.id, reason="x", today=TODAY)
    # The case's timeline shows the supervision authorization but not the investigation one.
    timeline = cases.case_timeline(w.db, w.hana, w.case_id)
    events = [(e.action, e.entity_id) for e in timeline if e.entity_type == "authorization"]
    assert events == [("authorization.add", str(supervision.id))]
    # Administrators see none at all.
    with pytest.raises(PermissionDenied):
        auth.list_authorizations(w.db, w.admin, today=TODAY)


def test_b3a_every_view_of_an_investigation_authorization_is_audited(w: World) -> None:
    secret = auth.add_investigation(w.db, w.sam, _investigation(w), today=TODAY)
    auth.add_supervision(w.db, w.sam, _supervision(w), today=TODAY)
    views = "action = 'authorization.view_confidential'"
    assert _count(w.db, "audit_events", views) == 0
    auth.list_authorizations(w.db, w.ivan, today=TODAY)
    auth.get_authorization(w.db, w.ivan, secret.id, today=TODAY)
    assert _count(w.db, "audit_events", views) == 2
    # Listing only supervision authorizations reveals nothing confidential: not audited.
    auth.list_authorizations(w.db, w.ivan, kind="supervision", today=TODAY)
    auth.list_authorizations(w.db, w.hana, today=TODAY)
    assert _count(w.db, "audit_events", views) == 2


def test_a_revocation_before_a_later_review_meeting_is_refused(w: World) -> None:
    info = auth.add_investigation(w.db, w.sam, _investigation(w), today=TODAY)
    auth.record_review(w.db, w.sam, info.id, met_on="2026-11-12", notes="Still needed.",
                       today=TODAY)  # fmt: skip
    with pytest.raises(RuleRefused) as refused:
        auth.revoke_authorization(w.db, w.sam, info.id, revoked_on="2026-11-05",
                                  reason="Not needed.", today=TODAY)  # fmt: skip
    assert refused.value.decision.codes == {"reviewed_after_revocation"}
    assert "MA-DYS-01.05.22 B.3.b" in str(refused.value)
    assert auth.get_authorization(w.db, w.sam, info.id, today=TODAY).revoked_on is None
    revoked = auth.revoke_authorization(w.db, w.sam, info.id, revoked_on="2026-11-12",
                                        reason="Ended at the review.", today=TODAY)  # fmt: skip
    assert revoked.revoked_on == dt.date(2026, 11, 12)


def test_input_problems_come_with_what_the_rules_refuse_on_the_valid_inputs(w: World) -> None:
    """No employee and an unreadable start date are input problems; the attestation and
    privacy rules can be asked anyway, and answer in the same error with their
    citations. The dates' own rules are left to the date's problem."""
    fields = _supervision(
        w, employee_id=None, starts_on="2026-13-01", ends_on="2026-01-01",
        attests_no_youth_contact=False, privacy_settings_enabled=False,
    )  # fmt: skip
    for call in (auth.add_supervision, auth.check_supervision):
        with pytest.raises(InvalidInputs) as found:
            call(w.db, w.sam, fields, today=TODAY)  # type: ignore[operator]
        error = found.value
        assert error.exit_code == 2
        assert {p.field for p in error.problems} == {"employee", "Start date"}
        assert isinstance(error.refused, RuleRefused)
        assert error.refused.decision.codes == {"no_contact_not_attested", "privacy_settings_off"}
        assert "MA-DYS-01.05.22 B.2.a" in str(error) and "Choose the employee" in str(error)
    assert _count(w.db, "authorizations") == 0


def test_an_investigation_without_its_case_still_hears_the_role_rule(w: World) -> None:
    with pytest.raises(InvalidInputs) as found:
        auth.add_investigation(
            w.db, w.sam, _investigation(w, case_id=None, role="other"), today=TODAY
        )
    assert [p.field for p in found.value.problems] == ["case"]
    assert found.value.refused is not None
    assert found.value.refused.decision.codes == {"role_not_named"}  # not "closed": no case yet


def test_the_rules_count_the_day_in_massachusetts_not_this_computer_s(w: World) -> None:
    from tests.unit.test_agency_day import _computer_a_day_from

    with _computer_a_day_from("MA") as days:
        # Written and starting today in Boston: never "after today", whatever day it is here.
        boston = days.agency.isoformat()
        decision = auth.check_supervision(
            w.db, w.sam, _supervision(w, written_on=boston, starts_on=boston)
        )
        assert "written_in_future" not in decision.codes, decision
        # Dated this computer's day: in the future only when that is Boston's tomorrow.
        here = days.here.isoformat()
        other = auth.check_supervision(
            w.db, w.sam, _supervision(w, written_on=here, starts_on=here)
        )
        assert ("written_in_future" in other.codes) == days.ahead
    assert _count(w.db, "authorizations") == 0
