"""Discipline consistency: earlier decisions of the agency under the same provision.

``comparables_in`` reads, in the caller's unit of work, the decisions in
force (not withdrawn, not overturned on appeal) of earlier cases of the same
agency that rest on a substantiated allegation under one of the provisions
(other employees': an employee's own earlier discipline is their prior discipline),
each with the employee's most severe discipline before it. Recording a
decision checks the proposed action against them
(:func:`app.domain.discipline.consistency.check_consistency`); the
Discipline tab shows them for the case in front, and the dashboard for a
provision.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import Allegation, Case, DisciplineRecord, Employee, Policy, Provision
from app.domain.actor import Actor
from app.domain.cases import Finding
from app.domain.discipline import DisciplineAction
from app.domain.discipline.consistency import Comparable
from app.domain.errors import InvalidInput
from app.domain.permissions import Permission
from app.services.access import visible_cases
from app.services.database import Database
from app.services.discipline.queries import allegations_of, decided_day, load_case, not_overturned
from app.services.employees import find_agency


@dataclass(frozen=True, slots=True)
class EmployeeComparables:
    """The comparable earlier decisions for one subject employee of a case."""

    employee_id: int
    employee_name: str
    citations: tuple[str, ...]
    comparables: tuple[Comparable, ...]


def comparables_in(
    uow: UnitOfWork,
    actor: Actor,
    agency_id: int,
    provision_ids: Iterable[int],
    *,
    exclude_case_id: int | None = None,
    exclude_employee_id: int | None = None,
    before: dt.datetime | None = None,
) -> tuple[Comparable, ...]:
    """Earlier decisions in force of ``agency_id`` resting on one of ``provision_ids``.

    ``exclude_employee_id``: the employee being decided on, whose own earlier
    discipline is progressive discipline (shown as prior discipline), not a
    comparison with another employee.
    """
    provisions = sorted(set(provision_ids))
    if not provisions:
        return ()
    conditions = [
        Case.agency_id == agency_id,
        DisciplineRecord.withdrawn_at.is_(None),
        not_overturned(),
        visible_cases(actor),
        DisciplineRecord.decided_at < (before or utcnow()),
    ]
    if exclude_case_id is not None:
        conditions.append(DisciplineRecord.case_id != exclude_case_id)
    if exclude_employee_id is not None:
        conditions.append(DisciplineRecord.employee_id != exclude_employee_id)
    rows = uow.session.execute(
        select(
            DisciplineRecord,
            Allegation.id,
            Case.number,
            Employee.full_name,
            Policy.code,
            Provision.ref,
        )  # fmt: skip
        .join(Case, Case.id == DisciplineRecord.case_id)
        .join(
            Allegation,
            (Allegation.case_id == DisciplineRecord.case_id)
            & (Allegation.employee_id == DisciplineRecord.employee_id)
            & (Allegation.finding == Finding.SUBSTANTIATED.value)
            & Allegation.provision_id.in_(provisions),
        )
        .join(Provision, Provision.id == Allegation.provision_id)
        .join(Policy, Policy.id == Provision.policy_id)
        .join(Employee, Employee.id == DisciplineRecord.employee_id)
        .where(*conditions)
        .order_by(DisciplineRecord.decided_at, DisciplineRecord.id)
    ).all()
    # A decision rests on the allegations it names, not on every one of the employee's.
    resting = [r for r in rows if str(r[1]) in r[0].allegation_ids]
    earlier = _discipline_of(uow, {r[0].employee_id for r in resting})
    found: dict[tuple[int, str], Comparable] = {}
    for record, _, number, name, policy, ref in resting:
        cite = f"{policy} {ref}"
        found.setdefault(
            (record.id, cite),
            Comparable(
                record.case_id, number, name, cite, DisciplineAction(record.action),
                record.suspension_days, decided_day(record),
                _prior_step(earlier.get(record.employee_id, []), record),
            ),
        )  # fmt: skip
    return tuple(found.values())


def _discipline_of(
    uow: UnitOfWork, employee_ids: set[int]
) -> dict[int, list[tuple[int, str, dt.datetime]]]:
    """Each employee's decisions in force: (case id, action, decided at)."""
    if not employee_ids:
        return {}
    rows = uow.session.execute(
        select(
            DisciplineRecord.employee_id,
            DisciplineRecord.case_id,
            DisciplineRecord.action,
            DisciplineRecord.decided_at,
        ).where(  # fmt: skip
            DisciplineRecord.employee_id.in_(sorted(employee_ids)),
            DisciplineRecord.withdrawn_at.is_(None),
            not_overturned(),
        )
    ).all()
    by_employee: dict[int, list[tuple[int, str, dt.datetime]]] = {}
    for employee_id, case_id, action, decided_at in rows:
        by_employee.setdefault(employee_id, []).append((case_id, action, decided_at))
    return by_employee


def _prior_step(
    decisions: list[tuple[int, str, dt.datetime]], record: DisciplineRecord
) -> DisciplineAction | None:
    """The most severe of the employee's decisions in other cases decided before ``record``."""
    steps = [
        DisciplineAction(action)
        for case_id, action, decided_at in decisions
        if case_id != record.case_id and decided_at < record.decided_at
    ]
    return max(steps, key=lambda a: a.step) if steps else None


def case_comparables(
    database: Database, actor: Actor, case_ref: int | str
) -> tuple[EmployeeComparables, ...]:
    """For each subject employee with substantiated allegations, the comparable decisions."""
    actor.require(Permission.DISCIPLINE_VIEW)
    with database.unit_of_work() as uow:
        row = load_case(uow, actor, case_ref)
        allegations = allegations_of(uow, row.id)
        result = []
        for subject in row.subjects:
            mine = [
                a for a in allegations
                if a.employee_id == subject.id and a.finding == Finding.SUBSTANTIATED.value
            ]  # fmt: skip
            if not mine:
                continue
            comparables = comparables_in(
                uow, actor, row.agency_id, [a.provision_id for a in mine],
                exclude_case_id=row.id, exclude_employee_id=subject.id,
            )  # fmt: skip
            citations = tuple(
                dict.fromkeys(f"{a.provision.policy.code} {a.provision.ref}" for a in mine)
            )
            result.append(
                EmployeeComparables(subject.id, subject.full_name, citations, comparables)
            )
        return tuple(result)


def provision_comparables(
    database: Database, actor: Actor, agency_code: str, citation: str
) -> tuple[Comparable, ...]:
    """The decisions of ``agency_code`` resting on the provision cited ``citation``."""
    if not actor.can(Permission.DASHBOARD_VIEW):
        actor.require(Permission.DISCIPLINE_VIEW)
    with database.unit_of_work() as uow:
        agency = find_agency(uow, agency_code)
        policy_code, _, ref = citation.strip().partition(" ")
        provision_id = uow.session.scalar(
            select(Provision.id)
            .join(Policy, Policy.id == Provision.policy_id)
            .where(Policy.code == policy_code, Provision.ref == ref, Policy.agency_id == agency.id)
        )
        if provision_id is None:
            raise InvalidInput(
                f"{agency.code} has no provision {citation!r}; cite it as the policy code and "
                "the provision, e.g. 'MO-DNR-SN Policy.1' (see 'casedesk policy show').",
                field="provision",
            )
        return comparables_in(uow, actor, agency.id, [provision_id])


#: The columns of a provision's comparable decisions, as the Dashboard and
#: ``casedesk dashboard --provision`` show and export them.
COMPARABLE_COLUMNS = ("decided", "case", "employee", "action", "prior discipline")


def comparable_row(comparable: Comparable) -> tuple[str, str, str, str, str]:
    """One decision in the order of :data:`COMPARABLE_COLUMNS` (no prior discipline: "none")."""
    c = comparable
    action = c.action.label
    if c.action is DisciplineAction.SUSPENSION and c.suspension_days:
        action += f" ({c.suspension_days} days)"
    prior = c.prior_step.label if c.prior_step else "none"
    return (c.decided_on.isoformat(), c.case_number, c.employee_name, action, prior)


def comparables_csv(comparables: Iterable[Comparable]) -> str:
    """The decisions as CSV: a header of :data:`COMPARABLE_COLUMNS`, then one line each."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COMPARABLE_COLUMNS)
    writer.writerows(comparable_row(c) for c in comparables)
    return out.getvalue()


#: The action whose details name the comparable decisions (``details["consistency"]``).
_RECORDED = "discipline.record"


def without_unseen_comparables(
    uow: UnitOfWork, actor: Actor, details: Iterable[tuple[str, Mapping[str, Any] | None]]
) -> list[Mapping[str, Any] | None]:
    """Events' details with the comparable cases ``actor`` may not see left out.

    A decision's event names the earlier decisions it was compared with as the
    decider saw them (``details["consistency"]["comparables"]``): another
    reader of the case's timeline or of the log may not see each of those
    cases (restricted, of another agency, a conflict of interest). Their
    numbers are left out and counted (``comparables_not_shown``). ``details``:
    (action, details) of each event, in order; the result is in the same order.
    """
    events = list(details)
    named = {
        str(number)
        for action, said in events
        if action == _RECORDED and said is not None
        for number in _comparables(said)
    }
    if not named:
        return [said for _, said in events]
    seen = set(
        uow.session.scalars(select(Case.number).where(Case.number.in_(named), visible_cases(actor)))
    )
    shown: list[Mapping[str, Any] | None] = []
    for action, said in events:
        numbers = _comparables(said) if action == _RECORDED and said is not None else []
        hidden = [n for n in numbers if str(n) not in seen]
        if not hidden:
            shown.append(said)
            continue
        assert said is not None
        consistency = dict(said["consistency"])
        consistency["comparables"] = [n for n in numbers if str(n) in seen]
        consistency["comparables_not_shown"] = len(hidden)
        shown.append({**said, "consistency": consistency})
    return shown


def _comparables(details: Mapping[str, Any]) -> list[Any]:
    consistency = details.get("consistency")
    if not isinstance(consistency, Mapping):
        return []
    numbers = consistency.get("comparables")
    return list(numbers) if isinstance(numbers, list) else []
