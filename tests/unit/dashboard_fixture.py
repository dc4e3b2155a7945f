"""A hand-built database for the dashboard: few cases whose figures are known.

Cases go in through the services (so the audit log and the discipline rules
are the real ones); the days findings and decisions were recorded and the
day a case was closed are then set to fixed dates, on the records and on the
case row's dashboard facts alike (``findings_on``, ``decided_on``,
``closed_on`` and the spans between them), so the medians and the months
below are known exactly:

| case | agency | reported | finding (days) | decision (days) | status |
|---|---|---|---|---|---|
| C1 | MODNR | 2026-01-05 | substantiated 2026-01-15 (10) | 2026-01-19 (4) | closed 2026-02-10 |
| C2 | MODNR | 2026-01-20 | substantiated 2026-02-09 (20) | 2026-02-15 (6) | discipline review |
| C3 | MODNR | 2026-02-03 | unfounded 2026-02-08 (5) | | findings |
| C4 | MADYS | 2026-02-10 | | | investigating |

Both decisions are written reprimands under MO-DNR-SN Policy.1. MA DYS has
one supervision authorization and one (confidential) investigation
authorization, both written on 2026-02-12.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import text

from app.domain.actor import Actor
from app.domain.cases import CaseStatus, Finding
from app.domain.discipline import DisciplineAction, Regime, calendar_for
from app.services import authorizations, cases, discipline, employees
from app.services.cases import CaseFields
from app.services.dashboard import DashboardFilter
from app.services.database import Database
from app.services.discipline import DisciplineInput

POLICY_1 = "MO-DNR-SN Policy.1"
PERIOD = DashboardFilter(date_from=dt.date(2026, 1, 1), date_to=dt.date(2026, 2, 28))
S = CaseStatus

#: The figures the fixture's charts show, row by row: (category, series, value).
EXPECTED = {
    "open_cases": [
        ("MADYS", "Investigating", 1),
        ("MODNR", "Findings", 1),
        ("MODNR", "Discipline review", 1),
    ],
    "new_closed": [
        ("2026-01", "New", 2),
        ("2026-01", "Closed", 0),
        ("2026-02", "New", 2),
        ("2026-02", "Closed", 1),
    ],  # fmt: skip
    "median_days": [
        ("MODNR", "Report to findings", 10.0),
        ("MODNR", "Findings to decision", 5.0),
    ],
    "substantiated": [(POLICY_1, "Substantiated", 2)],
    "outcomes": [(POLICY_1, "Substantiated", 2), (POLICY_1, "Unfounded", 1)],
    "authorizations": [("MADYS", "Supervision (B.2)", 1), ("MADYS", "Investigation (B.3)", 1)],
}


@dataclass(frozen=True)
class Built:
    """The ids the tests need."""

    case_ids: tuple[int, ...]
    case_numbers: tuple[str, ...]
    employee_ids: tuple[int, ...]


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(12), dt.UTC)


def next_workday() -> dt.date:
    """The first Missouri working day from today (a decision's effective date)."""
    return calendar_for("MO").next_working_day(dt.date.today()).day


def decision(employee_id: int, action: DisciplineAction, **more: object) -> DisciplineInput:
    """A decision HR could record on a Missouri at-will employee."""
    day = next_workday()
    return DisciplineInput(
        employee_id=employee_id, action=action, effective_on=day,
        steps_to_correct="Keep department matters off personal accounts.",
        repeat_consequence="A further violation will lead to suspension.",
        **more,  # type: ignore[arg-type]
    )  # fmt: skip


def case_in_review(
    db: Database, investigator: Actor, supervisor: Actor, employee_id: int,
    reported: dt.date, finding: Finding = Finding.SUBSTANTIATED,
) -> tuple[int, str]:  # fmt: skip
    """A MODNR case under Policy.1 taken to discipline review (findings if not substantiated)."""
    case = cases.create_case(
        db, investigator,
        CaseFields(agency_code="MODNR", title="Posts about campers", reported_on=reported,
                   subject_ids=(employee_id,), investigator=investigator.username),
    )  # fmt: skip
    allegation = cases.add_allegation(db, investigator, case.id, POLICY_1)
    cases.transition_case(db, investigator, case.id, S.INVESTIGATING)
    cases.record_finding(db, investigator, allegation.id, finding, "The screenshots show it.")
    cases.transition_case(db, investigator, case.id, S.FINDINGS)
    if finding is Finding.SUBSTANTIATED:
        cases.transition_case(db, supervisor, case.id, S.DISCIPLINE_REVIEW)
    return case.id, case.number


def build(
    db: Database, *, admin: Actor, investigator: Actor, supervisor: Actor, hr: Actor
) -> Built:
    """Fill ``db`` (initialised, with these users) with the cases of the module's table."""
    people = []
    for name in ("Morgan Ozark", "Riley Ranger", "Casey Camp", "Drew Dock"):
        person = employees.add_employee(db, admin, agency_code="MODNR", full_name=name)
        employees.set_regime(db, hr, person.id, Regime.AT_WILL)
        people.append(person.id)
    c1, n1 = case_in_review(db, investigator, supervisor, people[0], dt.date(2026, 1, 5))
    discipline.record_discipline(
        db, hr, c1, decision(people[0], DisciplineAction.WRITTEN_REPRIMAND)
    )
    cases.transition_case(db, hr, c1, S.CLOSED)
    c2, n2 = case_in_review(db, investigator, supervisor, people[1], dt.date(2026, 1, 20))
    discipline.record_discipline(
        db, hr, c2, decision(people[1], DisciplineAction.WRITTEN_REPRIMAND)
    )
    c3, n3 = case_in_review(
        db, investigator, supervisor, people[2], dt.date(2026, 2, 3), Finding.UNFOUNDED
    )
    c4 = cases.create_case(
        db, investigator,
        CaseFields(agency_code="MADYS", title="Youth contact online",
                   reported_on=dt.date(2026, 2, 10)),
    )  # fmt: skip
    cases.transition_case(db, investigator, c4.id, S.INVESTIGATING)
    _authorizations(db, admin, supervisor, c4.id)
    with db.engine.begin() as connection:
        for case_id, found, decided in (
            (c1, dt.date(2026, 1, 15), dt.date(2026, 1, 19)),
            (c2, dt.date(2026, 2, 9), dt.date(2026, 2, 15)),
            (c3, dt.date(2026, 2, 8), None),
        ):
            connection.execute(
                text("UPDATE allegations SET finding_at = :t WHERE case_id = :c"),
                {"t": _stored(db, _moment(found)), "c": case_id},
            )
            if decided is not None:
                connection.execute(
                    text(
                        "UPDATE discipline_actions SET decided_at = :t, decided_on = :d "
                        "WHERE case_id = :c"
                    ),
                    {"t": _stored(db, _moment(decided)), "d": decided, "c": case_id},
                )
            connection.execute(
                text(
                    "UPDATE cases SET findings_on = :f, decided_on = :d, findings_days = :fd, "
                    "decision_days = :dd WHERE id = :c"
                ),
                {"f": found, "d": decided, "c": case_id,
                 "fd": (found - _reported(case_id, c1, c2)).days,
                 "dd": (decided - found).days if decided else None},
            )  # fmt: skip
        connection.execute(
            text(
                "UPDATE audit_events SET occurred_at = :t WHERE seq = (SELECT max(seq) FROM "
                "audit_events WHERE case_id = :c AND action = 'case.transition')"
            ),
            {"t": _stored(db, _moment(dt.date(2026, 2, 10))), "c": c1},
        )
        connection.execute(
            text("UPDATE cases SET closed_on = :d WHERE id = :c"),
            {"d": dt.date(2026, 2, 10), "c": c1},
        )
    return Built((c1, c2, c3, c4.id), (n1, n2, n3, c4.number), tuple(people))


def _reported(case_id: int, c1: int, c2: int) -> dt.date:
    return {c1: dt.date(2026, 1, 5), c2: dt.date(2026, 1, 20)}.get(case_id, dt.date(2026, 2, 3))


def _stored(db: Database, moment: dt.datetime) -> object:
    """A UTC timestamp as the column stores it (SQLite: naive text)."""
    if db.dialect == "sqlite":
        return moment.replace(tzinfo=None).isoformat(sep=" ")
    return moment


def _authorizations(db: Database, admin: Actor, supervisor: Actor, case_id: int) -> None:
    def employee(name: str) -> int:
        return employees.add_employee(db, admin, agency_code="MADYS", full_name=name).id

    carla, dan, boss = employee("Carla Caseworker"), employee("Dan Other"), employee("Sue Boss")
    today = dt.date(2026, 2, 12)
    authorizations.add_supervision(
        db, supervisor,
        authorizations.SupervisionFields(
            employee_id=carla, role="caseworker", supervisor_id=boss, written_on="2026-02-12",
            platform="Facebook", account_name="@dys.watch", youth_case="JJEMS 4411",
            attests_no_youth_contact=True, attests_true_identity=True, site_shows_viewers=True,
            privacy_settings_enabled=True, starts_on="2026-02-12",
        ),
        today=today,
    )  # fmt: skip
    authorizations.add_investigation(
        db, supervisor,
        authorizations.InvestigationFields(
            employee_id=dan, role="investigation_unit", supervisor_id=boss,
            written_on="2026-02-12", platform="Instagram", account_name="inv.profile.7",
            case_id=case_id, youth_communication_approved=False, starts_on="2026-02-12",
        ),
        today=today,
    )  # fmt: skip
