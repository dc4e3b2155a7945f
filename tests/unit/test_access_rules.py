"""Agency membership, restricted cases' access lists and conflicts of interest.

What the matrix (``test_access_matrix``) does not cover: the rules for
changing who sees a case, and the upgrade that gave existing users agencies.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from alembic import command

from app.db.migrate import alembic_config
from app.domain.actor import Actor
from app.domain.cases import CaseStatus
from app.domain.errors import InvalidInput, NotFound, PermissionDenied, Refused
from app.domain.permissions import Role
from app.services import access, accounts, case_queries, cases, employees
from app.services.case_queries import CaseQuery
from app.services.cases import CaseFields
from app.services.database import Database
from tests.unit.conftest import MakeUser


def _case(database: Database, actor: Actor, *, subjects: tuple[int, ...] = (), **kw: object) -> int:
    return cases.create_case(
        database, actor,
        CaseFields(agency_code="MADYS", title="Posted a youth's photo",
                   reported_on=dt.date(2026, 10, 1), subject_ids=subjects),
        **kw,  # type: ignore[arg-type]
    ).id  # fmt: skip


def test_a_case_restricted_at_intake_is_seen_by_the_listed_only_and_the_change_audited(
    database: Database, make_user: MakeUser
) -> None:
    ivy = make_user("ivy", "Ivy Investigator", Role.INVESTIGATOR)
    sam = make_user("sam", "Sam Supervisor", Role.SUPERVISOR)
    hana = make_user("hana", "Hana Resources", Role.HR)
    case_id = _case(database, ivy, restricted=True, allow=("hana",))
    assert access.access_list(database, ivy, case_id).usernames == ("hana", "ivy")
    assert cases.get_case(database, hana, case_id).restricted
    with pytest.raises(NotFound):
        cases.get_case(database, sam, case_id)
    assert case_queries.list_cases(database, sam, CaseQuery()).total == 0
    # Lifting the restriction needs someone who sees the case, and is audited.
    with pytest.raises(NotFound):
        access.set_restriction(database, sam, case_id, restricted=False)
    with pytest.raises(PermissionDenied):
        access.set_restriction(database, hana, case_id, restricted=False)
    access.set_restriction(database, ivy, case_id, restricted=False)
    assert cases.get_case(database, sam, case_id).restricted is False
    timeline = cases.case_timeline(database, ivy, case_id)
    changes = [e for e in timeline if e.action in ("case.restrict", "case.unrestrict")]
    assert [e.action for e in changes] == ["case.restrict", "case.unrestrict"]
    assert changes[0].details["after"] == ["hana", "ivy"]
    assert changes[1].details["before"] == ["hana", "ivy"]


def test_a_subject_s_own_account_is_never_listed_and_never_sees_the_case(
    database: Database, admin: Actor, make_user: MakeUser
) -> None:
    ivy = make_user("ivy", "Ivy Investigator", Role.INVESTIGATOR)
    hank = make_user("hank", "Hank HR", Role.HR)
    hank_employee = employees.add_employee(
        database, admin, agency_code="MADYS", full_name="Hank HR"
    ).id
    access.link_employee_user(database, admin, hank_employee, "hank")
    with pytest.raises(InvalidInput, match="already linked"):
        other = employees.add_employee(database, admin, agency_code="MADYS", full_name="X").id
        access.link_employee_user(database, admin, other, "hank")
    with pytest.raises(Refused, match="subject"):
        _case(database, ivy, subjects=(hank_employee,), restricted=True, allow=("hank",))
    case_id = _case(database, ivy, subjects=(hank_employee,))
    with pytest.raises(Refused, match="subject"):
        access.set_restriction(database, ivy, case_id, restricted=True, allow=["hank"])
    # Conflict of interest: the subject does not see the case, not even unrestricted.
    with pytest.raises(NotFound):
        cases.get_case(database, hank, case_id)
    assert case_queries.list_cases(database, hank, CaseQuery()).total == 0
    # Nor can he lift it: no one changes the link of their own account, neither by
    # unlinking nor by giving his employee record to another account.
    with pytest.raises(Refused, match="their own account"):
        access.link_employee_user(database, hank, hank_employee, None)
    with pytest.raises(Refused, match="their own account"):
        access.link_employee_user(database, hank, hank_employee, "ivy")
    with pytest.raises(NotFound):
        cases.get_case(database, hank, case_id)
    # Staff of another agency are as unknown to a user who is not a member of it.
    outsider = make_user("otto", "Otto Outside", Role.HR, agencies=("ARDHS",))
    with pytest.raises(NotFound, match=f"There is no employee {hank_employee}"):
        access.link_employee_user(database, outsider, hank_employee, None)
    # Another user who manages employees may change it, audited.
    access.link_employee_user(database, ivy, hank_employee, None)
    assert cases.get_case(database, hank, case_id).id == case_id


def test_a_conflicted_investigator_is_neither_assigned_nor_shown_until_allowed(
    database: Database, admin: Actor, make_user: MakeUser
) -> None:
    ivy = make_user("ivy", "Ivy Investigator", Role.INVESTIGATOR)
    ian = make_user("ian", "Ian Investigator", Role.INVESTIGATOR)
    sam = make_user("sam", "Sam Supervisor", Role.SUPERVISOR)
    ian_employee = employees.add_employee(
        database, admin, agency_code="MADYS", full_name="Ian Investigator"
    ).id
    access.link_employee_user(database, admin, ian_employee, "ian")
    with pytest.raises(Refused, match="conflict of interest"):
        cases.create_case(
            database, ivy,
            CaseFields(agency_code="MADYS", title="Ian's post", reported_on=dt.date(2026, 10, 1),
                       subject_ids=(ian_employee,), investigator="ian"),
        )  # fmt: skip
    case_id = _case(database, ivy, subjects=(ian_employee,))
    with pytest.raises(NotFound):
        cases.add_note(database, ian, case_id, "I was there.")
    with pytest.raises(PermissionDenied):
        access.allow_conflict(database, ivy, case_id, "ian", "Only MA investigator.")
    access.allow_conflict(database, sam, case_id, "ian", "The only investigator on leave cover.")
    assert cases.get_case(database, ian, case_id).id == case_id
    allowed = [e for e in cases.case_timeline(database, sam, case_id)
               if e.action == "case.allow_conflict"]  # fmt: skip
    assert allowed[0].details == {"user": "ian",
                                  "reason": "The only investigator on leave cover."}  # fmt: skip


def test_a_user_of_no_agency_sees_nothing_and_cannot_open_a_case_there(
    database: Database, make_user: MakeUser
) -> None:
    ivy = make_user("ivy", "Ivy Investigator", Role.INVESTIGATOR)
    nora = make_user("nora", "Nora Nobody", Role.INVESTIGATOR, agencies=())
    _case(database, ivy)
    assert case_queries.list_cases(database, nora, CaseQuery()).total == 0
    with pytest.raises(InvalidInput, match="do not belong to agency MADYS"):
        _case(database, nora)
    with pytest.raises(InvalidInput, match="does not belong to the case's agency"):
        cases.create_case(
            database, ivy,
            CaseFields(agency_code="MADYS", title="t", reported_on=dt.date(2026, 10, 1),
                       investigator="nora"),
        )  # fmt: skip


def test_the_upgrade_gives_each_user_the_agencies_they_worked_in_and_asks_for_review(
    database: Database, admin: Actor, make_user: MakeUser
) -> None:
    ivy = make_user("ivy", "Ivy Investigator", Role.INVESTIGATOR, agencies=("MADYS",))
    sam = make_user("sam", "Sam Supervisor", Role.SUPERVISOR)  # every agency today
    make_user("hana", "Hana Resources", Role.HR)
    madys = _case(database, ivy)
    cases.transition_case(database, ivy, madys, CaseStatus.INVESTIGATING)
    cases.create_case(
        database,
        sam,
        CaseFields(agency_code="ARDHS", title="Client photos", reported_on=dt.date(2026, 10, 1)),
    )
    with database.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0011")
    with database.engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    users = {u.username: u for u in accounts.list_users(database, admin)}
    assert users["ivy"].agencies == ("MADYS",)
    assert users["sam"].agencies == ("ARDHS",)
    assert users["hana"].agencies == ()
    review = {name for name, u in users.items() if u.agencies_to_review}
    assert review == {"ivy", "sam", "hana"}
    assert accounts.agencies_to_review(database) == 3
    assert access.set_user_agencies(database, admin, "sam", add=["MADYS"]) == ("ARDHS", "MADYS")
    assert accounts.agencies_to_review(database) == 2


def test_a_recorded_reporter_or_witness_no_longer_sees_the_case_nor_is_assigned(
    database: Database, make_user: MakeUser
) -> None:
    ivy = make_user("ivy", "Ivy Investigator", Role.INVESTIGATOR)
    ian = make_user("ian", "Ian Investigator", Role.INVESTIGATOR)
    case_id = _case(database, ivy)
    assert cases.get_case(database, ian, case_id).id == case_id
    with pytest.raises(InvalidInput, match="not an involvement"):
        access.record_involvement(database, ivy, case_id, "ian", "bystander")
    access.record_involvement(database, ivy, case_id, "ian", "witness")
    with pytest.raises(NotFound):
        cases.get_case(database, ian, case_id)
    detail = cases.get_case(database, ivy, case_id)
    with pytest.raises(Refused, match="conflict of interest"):
        cases.update_case(
            database, ivy, case_id, dataclasses.replace(detail.fields, investigator="ian"),
            expected_version=detail.version,
        )  # fmt: skip
    events = [e.action for e in cases.case_timeline(database, ivy, case_id)]
    assert "case.involvement" in events
