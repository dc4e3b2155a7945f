"""Records reached by id stay in the actor's scope, on both backends.

A response file, an employee's prior discipline, a suspension's standing
against the cap and an employee's regime are read (or changed) only by a user
who may see the case or the employee; anyone else gets exactly the error an id
no one has gets (type and message), so the error is no existence oracle, and
nothing changes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from app.domain.actor import Actor
from app.domain.discipline import DisciplineAction, Regime
from app.domain.errors import InvalidInput, NotFound
from app.domain.permissions import Role
from app.services import access, discipline, employees
from app.services.database import Database
from app.services.discipline import ResponseFileInput
from tests.unit.test_due_process import (
    World,
    _authority,
    _case,
    _decision,
    _employee,
    _events,
    _notice,
    make_world,
)

MakeUser = Callable[..., Actor]
#: An id no record has.
MISSING = 987654
LETTER = b"%PDF-1.4 the employee's letter"


@dataclass
class Scene:
    w: World
    #: HR of MODMH only: a user of another agency than the employee's.
    otto: Actor
    #: A MODNR employee suspended in ``decided`` (a response file with it), and
    #: subject of ``second`` too.
    employee: int
    decided: int
    second: int
    file_id: int
    #: A MODMH employee and their case, both Otto's to see.
    own_employee: int
    own_case: int


@pytest.fixture
def scene(database: Database, admin: Actor, make_user: MakeUser) -> Scene:
    w = make_world(database, admin, make_user)
    otto = make_user("otto", "Otto Outside", Role.HR, agencies=("MODMH",))
    _authority(w, "MODNR")
    employee = _employee(w, "MODNR", "Morgan Ozark", Regime.MERIT)
    decided = _case(w, "MODNR", employee)
    discipline.issue_notice(w.db, w.hana, decided, _notice(employee))
    response = discipline.record_response(
        w.db, w.hana, decided, employee, received_on=dt.date(2026, 9, 18),
        summary="Admits the post.", files=(ResponseFileInput("letter.pdf", LETTER),),
    )  # fmt: skip
    discipline.record_discipline(w.db, w.hana, decided, _decision(employee))
    second = _case(w, "MODNR", employee)
    own_employee = _employee(w, "MODMH", "Brittany Schaefer", Regime.MERIT)
    own_case = _case(w, "MODMH", own_employee)
    return Scene(w, otto, employee, decided, second, response.files[0].id, own_employee, own_case)


def _same_error(
    forbidden: pytest.ExceptionInfo[Exception],
    forbidden_id: int,
    missing: pytest.ExceptionInfo[Exception],
    missing_id: int,
) -> None:
    """The two errors differ only in the id they name."""
    assert type(forbidden.value) is type(missing.value)

    def masked(error: Exception, record_id: int) -> str:
        text, named = re.subn(rf"\b{record_id}\b", "#", str(error))
        assert named == 1, text
        return text

    assert masked(forbidden.value, forbidden_id) == masked(missing.value, missing_id)


# -- 1. a response file -------------------------------------------------------------------


def test_a_response_file_of_another_agency_s_case_is_as_unknown_as_a_missing_one(
    scene: Scene,
) -> None:
    s = scene
    info, data = discipline.response_file(s.w.db, s.w.hana, s.file_id)
    assert (info.filename, data) == ("letter.pdf", LETTER)
    with pytest.raises(NotFound) as forbidden:
        discipline.response_file(s.w.db, s.otto, s.file_id)
    with pytest.raises(NotFound) as missing:
        discipline.response_file(s.w.db, s.otto, MISSING)
    _same_error(forbidden, s.file_id, missing, MISSING)
    assert "letter.pdf" not in str(forbidden.value)


def test_a_response_file_of_a_restricted_case_is_read_only_by_its_access_list(
    scene: Scene, make_user: MakeUser
) -> None:
    s = scene
    hal = make_user("hal", "Hal Resources", Role.HR)  # a member of MODNR, not on the list
    assert discipline.response_file(s.w.db, hal, s.file_id)[1] == LETTER
    access.set_restriction(s.w.db, s.w.ivan, s.decided, restricted=True, allow=["hana"])
    with pytest.raises(NotFound) as forbidden:
        discipline.response_file(s.w.db, hal, s.file_id)
    with pytest.raises(NotFound) as missing:
        discipline.response_file(s.w.db, hal, MISSING)
    _same_error(forbidden, s.file_id, missing, MISSING)
    assert discipline.response_file(s.w.db, s.w.hana, s.file_id)[1] == LETTER


# -- 2. prior discipline ------------------------------------------------------------------


def test_prior_discipline_of_another_agency_s_employee_is_as_unknown_as_a_missing_one(
    scene: Scene,
) -> None:
    s = scene
    prior = discipline.prior_discipline(s.w.db, s.w.hana, s.employee)
    assert [(p.case_id, p.action) for p in prior] == [(s.decided, DisciplineAction.SUSPENSION)]
    with pytest.raises(NotFound) as forbidden:
        discipline.prior_discipline(s.w.db, s.otto, s.employee)
    with pytest.raises(NotFound) as missing:
        discipline.prior_discipline(s.w.db, s.otto, MISSING)
    _same_error(forbidden, s.employee, missing, MISSING)
    assert discipline.prior_discipline(s.w.db, s.otto, s.own_employee) == []


def test_prior_discipline_of_a_visible_employee_still_counts_cases_the_actor_cannot_see(
    scene: Scene, make_user: MakeUser
) -> None:
    s = scene
    hal = make_user("hal", "Hal Resources", Role.HR)
    access.set_restriction(s.w.db, s.w.ivan, s.decided, restricted=True, allow=["hana"])
    with pytest.raises(NotFound):
        discipline.case_discipline(s.w.db, hal, s.decided)
    prior = discipline.prior_discipline(s.w.db, hal, s.employee)
    assert [p.case_id for p in prior] == [s.decided]


# -- 3. the suspension cap ----------------------------------------------------------------


def test_the_cap_standing_is_only_for_a_subject_of_the_visible_case(scene: Scene) -> None:
    s = scene
    on = dt.date(2026, 10, 12)
    # The rightful user sees the earlier 5-day suspension counted.
    standing = discipline.suspension_standing(s.w.db, s.w.hana, s.second, s.employee, on, 3)
    assert [c.case_number for c in standing.counted] and standing.other_days == 5
    # Otto may not ask about another agency's employee through his own case ...
    with pytest.raises(InvalidInput) as forbidden:
        discipline.suspension_standing(s.w.db, s.otto, s.own_case, s.employee, on, 3)
    with pytest.raises(InvalidInput) as missing:
        discipline.suspension_standing(s.w.db, s.otto, s.own_case, MISSING, on, 3)
    _same_error(forbidden, s.employee, missing, MISSING)
    assert forbidden.value.field == missing.value.field
    # ... nor through their case, which he does not see.
    with pytest.raises(NotFound, match="There is no case"):
        discipline.suspension_standing(s.w.db, s.otto, s.second, s.employee, on, 3)
    # Hana may see both, but the employee must be a subject of the case asked about.
    with pytest.raises(InvalidInput) as not_subject:
        discipline.suspension_standing(s.w.db, s.w.hana, s.own_case, s.employee, on, 3)
    with pytest.raises(InvalidInput) as unknown:
        discipline.suspension_standing(s.w.db, s.w.hana, s.own_case, MISSING, on, 3)
    _same_error(not_subject, s.employee, unknown, MISSING)
    own = discipline.suspension_standing(s.w.db, s.otto, s.own_case, s.own_employee, on, 3)
    assert own.counted == () and own.requested_days == 3


# -- 4. an employee's regime --------------------------------------------------------------


def _regime_of(s: Scene, employee: int) -> str | None:
    (found,) = [e for e in employees.list_employees(s.w.db, s.w.admin) if e.id == employee]
    return found.regime


def test_another_agency_s_employee_s_regime_is_neither_read_nor_changed(scene: Scene) -> None:
    s = scene
    before = _events(s.w.db, "employee.regime")
    with pytest.raises(NotFound) as forbidden:
        employees.set_regime(s.w.db, s.otto, s.employee, Regime.AT_WILL)
    with pytest.raises(NotFound) as missing:
        employees.set_regime(s.w.db, s.otto, MISSING, Regime.AT_WILL)
    _same_error(forbidden, s.employee, missing, MISSING)
    assert "Morgan" not in str(forbidden.value)
    assert _regime_of(s, s.employee) == Regime.MERIT.value
    assert _events(s.w.db, "employee.regime") == before
    # The rightful users change it: HR of the agency, and an administrator.
    info = employees.set_regime(s.w.db, s.w.hana, s.employee, Regime.AT_WILL)
    assert (info.full_name, info.regime) == ("Morgan Ozark", Regime.AT_WILL.value)
    assert employees.set_regime(s.w.db, s.w.admin, s.employee, None).regime is None
    assert employees.set_regime(s.w.db, s.otto, s.own_employee, None).regime is None
    assert len(_events(s.w.db, "employee.regime")) == len(before) + 3


def test_another_agency_s_employee_is_no_supervisor_for_a_new_employee(scene: Scene) -> None:
    s = scene
    names = {e.full_name for e in employees.list_employees(s.w.db, s.w.admin)}
    with pytest.raises(NotFound) as forbidden:
        employees.add_employee(
            s.w.db, s.otto, agency_code="MODMH", full_name="New Hire", supervisor_id=s.employee
        )
    with pytest.raises(NotFound) as missing:
        employees.add_employee(
            s.w.db, s.otto, agency_code="MODMH", full_name="New Hire", supervisor_id=MISSING
        )
    _same_error(forbidden, s.employee, missing, MISSING)
    # Nor does he add staff to an agency he is not a member of (nor learn its numbers).
    with pytest.raises(InvalidInput, match="You do not belong to agency MODNR"):
        employees.add_employee(
            s.w.db, s.otto, agency_code="MODNR", full_name="New Hire", employee_number="DNR-1"
        )
    assert {e.full_name for e in employees.list_employees(s.w.db, s.w.admin)} == names
    added = employees.add_employee(
        s.w.db, s.w.hana, agency_code="MODNR", full_name="New Hire", supervisor_id=s.employee
    )
    assert added.supervisor_name == "Morgan Ozark"
