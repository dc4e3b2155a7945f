"""What the audit log and the case timeline show of records outside a reader's scope.

A decision's event names the earlier decisions it was compared with, as its
decider saw them; an event about no case (a staff member, an agency's
settings, a report of several cases) belongs to a record that may be in
another agency. A reader sees what their scope holds, nothing of the rest.
"""

from __future__ import annotations

import datetime as dt

from app.domain.actor import Actor
from app.domain.discipline import DisciplineAction, Regime
from app.domain.permissions import Role
from app.services import access, cases, discipline, report_building
from app.services.audit_log.events import AuditFilter, events_page
from app.services.database import Database
from app.services.discipline import DisciplineInput
from tests.unit.conftest import MakeUser
from tests.unit.test_due_process import World, _case, _employee, make_world

A = DisciplineAction


def _decision(employee: int, action: A, **kw: object) -> DisciplineInput:
    return DisciplineInput(
        employee_id=employee, action=action, effective_on=dt.date(2026, 9, 28),
        decided_on=dt.date(2026, 9, 25), steps_to_correct="Post only on breaks.",
        repeat_consequence="Dismissal.", **kw,  # type: ignore[arg-type]
    )  # fmt: skip


def _two_decisions(w: World) -> tuple[int, int]:
    """A restricted MO DNR case with a suspension, then another case's milder reprimand under
    the same provision, compared with it; the two case ids."""
    first = _case(w, "MODNR", _employee(w, "MODNR", "Ada Ozark", Regime.AT_WILL))
    flow = discipline.flows(w.db, w.hana, first)[0]
    discipline.record_discipline(
        w.db, w.hana, first, _decision(flow.employee.id, A.SUSPENSION, suspension_days=3)
    )
    access.set_restriction(w.db, w.ivan, first, restricted=True, allow=["hana"])
    second = _case(w, "MODNR", _employee(w, "MODNR", "Ben Ozark", Regime.AT_WILL))
    employee = discipline.flows(w.db, w.hana, second)[0].employee.id
    discipline.record_discipline(
        w.db, w.hana, second,
        _decision(employee, A.WRITTEN_REPRIMAND,
                  consistency_reason="A first post, taken down within the hour."),
    )  # fmt: skip
    return first, second


def _consistency(entries: object) -> dict[str, object]:
    found = [e for e in entries if e.action == "discipline.record"]  # type: ignore[attr-defined]
    assert len(found) == 1
    return dict(found[0].details["consistency"])


def test_a_decision_s_comparables_outside_the_reader_s_scope_are_left_out(
    database: Database, admin: Actor, make_user: MakeUser
) -> None:
    w = make_world(database, admin, make_user)
    first, second = _two_decisions(w)
    number = cases.get_case(w.db, w.hana, first).number
    second_number = cases.get_case(w.db, w.sue, second).number
    # HR, on the restricted case's list, sees the case the decision was compared with.
    said = _consistency(cases.case_timeline(w.db, w.hana, second))
    assert said["comparables"] == [number] and "comparables_not_shown" not in said
    # The supervisor does not: not its number, only that one is not shown.
    said = _consistency(cases.case_timeline(w.db, w.sue, second))
    assert said["comparables"] == [] and said["comparables_not_shown"] == 1
    assert said["reason"] == "A first post, taken down within the hour."
    page = events_page(w.db, w.sue, AuditFilter(case_number=second_number))
    said = _consistency(page.events)
    assert said["comparables"] == [] and said["comparables_not_shown"] == 1
    assert number not in repr(page.events)


def test_events_about_no_case_show_only_what_the_reader_s_agencies_hold(
    database: Database, admin: Actor, make_user: MakeUser
) -> None:
    w = make_world(database, admin, make_user)
    _two_decisions(w)
    discipline.set_agency_value(w.db, admin, "ARDHS", "discipline.response_days", "4")
    discipline.set_agency_value(w.db, admin, "MODNR", "discipline.response_days", "5")
    ar_staff = _employee(w, "ARDHS", "Cal Arkadelphia", None)
    summary = report_building.generate_case_summaries(w.db, w.hana, [1, 2])
    outsider = make_user("sal", "Sal Supervisor", Role.SUPERVISOR, agencies=("ARDHS",))
    colleague = make_user("sid", "Sid Supervisor", Role.SUPERVISOR)

    def seen(actor: Actor) -> list[tuple[str, str]]:
        events = events_page(w.db, actor, AuditFilter(), limit=5000).events
        return [(e.entity_type, e.entity_id) for e in events if e.case_id is None]

    theirs = seen(outsider)
    assert ("employee", str(ar_staff)) in theirs and ("agency", "ARDHS") in theirs
    assert {e[1] for e in theirs if e[0] == "employee"} == {str(ar_staff)}
    assert ("agency", "MODNR") not in theirs
    assert not [e for e in theirs if e[0] == "report"]
    assert ("user", str(outsider.user_id)) in theirs
    # A supervisor of every agency sees MO DNR's staff and settings, but not the summary
    # of two cases HR made (its author's own), in the log or in the list of reports.
    ours = seen(colleague)
    assert ("agency", "MODNR") in ours
    assert {e[1] for e in ours if e[0] == "employee"} == {"1", "2", str(ar_staff)}
    assert ("report", str(summary.id)) not in ours
    assert summary.id not in [r.id for r in report_building.list_generated(w.db, colleague)]
    assert summary.id in [r.id for r in report_building.list_generated(w.db, w.hana)]
