"""Employees who may be the subjects of cases."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from app.db.engine import UnitOfWork
from app.db.models import Agency, Employee
from app.domain.actor import Actor
from app.domain.discipline.regimes import Regime
from app.domain.errors import InvalidInput, NotFound
from app.domain.permissions import Permission
from app.domain.validation import NAME_MAX, clean_text
from app.services import audit
from app.services.access.agencies import require_member
from app.services.access.scope import employees_visible
from app.services.database import Database
from app.services.retry import retried


@dataclass(frozen=True, slots=True)
class EmployeeInfo:
    """An employee as case views and reports show them."""

    id: int
    agency_code: str
    employee_number: str | None
    full_name: str
    position: str
    division: str
    supervisor_id: int | None
    supervisor_name: str | None
    #: The employment regime (``Regime`` value), ``None`` until recorded.
    regime: str | None = None


def employee_info(row: Employee) -> EmployeeInfo:
    """Plain data for one employee row (its agency and supervisor loaded)."""
    return EmployeeInfo(
        row.id,
        row.agency.code,
        row.employee_number,
        row.full_name,
        row.position,
        row.division,
        row.supervisor_id,
        row.supervisor.full_name if row.supervisor else None,
        row.regime,
    )


def find_agency(uow: UnitOfWork, code: str) -> Agency:
    """The agency with ``code``, or :class:`NotFound` listing the known ones."""
    agency = uow.session.scalar(select(Agency).where(Agency.code == code.strip().upper()))
    if agency is None:
        known = ", ".join(uow.session.scalars(select(Agency.code).order_by(Agency.code)))
        raise NotFound(f"There is no agency {code!r}; known agencies: {known or 'none'}.")
    return agency


def visible_employee(uow: UnitOfWork, actor: Actor, employee_id: int) -> Employee:
    """Employee ``employee_id`` if ``actor`` may see them (``access.employees_visible``).

    Staff of an agency the actor is not a member of are as unknown as an id no
    one has: the same :class:`NotFound`, so the error tells nothing of them.
    """
    row = uow.session.scalar(
        select(Employee)
        .where(Employee.id == employee_id, employees_visible(actor))
        .options(joinedload(Employee.agency), joinedload(Employee.supervisor))
    )
    if row is None:
        raise NotFound(f"There is no employee {employee_id}; see 'casedesk employee list'.")
    return row


@retried
def add_employee(
    database: Database,
    actor: Actor,
    *,
    agency_code: str,
    full_name: str,
    position: str = "",
    division: str = "",
    employee_number: str | None = None,
    supervisor_id: int | None = None,
) -> EmployeeInfo:
    """Record an employee of an agency."""
    actor.require(Permission.EMPLOYEE_MANAGE)
    name = clean_text(full_name, "Employee name", max_length=NAME_MAX)
    position = clean_text(position, "Position", max_length=NAME_MAX, required=False)
    division = clean_text(division, "Division / unit", max_length=NAME_MAX, required=False)
    number = clean_text(employee_number, "Employee number", max_length=40, required=False) or None
    with database.unit_of_work(write=True) as uow:
        agency = find_agency(uow, agency_code)
        if not actor.can(Permission.USER_MANAGE):
            # Administrators keep every agency's staff; anyone else only their agencies'.
            require_member(uow, actor, agency.id, agency.code)
        if number and uow.session.scalar(
            select(Employee.id).where(
                Employee.agency_id == agency.id, Employee.employee_number == number
            )
        ):
            raise InvalidInput(
                f"{agency.code} already has an employee numbered {number}.",
                field="employee_number",
            )
        supervisor = None
        if supervisor_id is not None:
            supervisor = uow.session.scalar(
                select(Employee).where(Employee.id == supervisor_id, employees_visible(actor))
            )
            if supervisor is None or supervisor.agency_id != agency.id:
                raise NotFound(f"There is no employee {supervisor_id} in {agency.code}.")
        row = Employee(
            agency=agency,
            full_name=name,
            position=position,
            division=division,
            employee_number=number,
            supervisor=supervisor,
        )
        uow.session.add(row)
        uow.session.flush()
        audit.record(
            uow, actor, "employee.add", entity_type="employee", entity_id=row.id,
            details={"agency": agency.code, "name": name},
        )  # fmt: skip
        uow.commit()
        return employee_info(row)


@retried
def set_regime(
    database: Database, actor: Actor, employee_id: int, regime: Regime | None
) -> EmployeeInfo:
    """Record the employee's employment regime (``None``: not recorded), audited.

    The regime decides the due process the employee is owed (DOMAIN.md "Due
    process, by employer"); the agency's discipline law must provide for it.
    """
    actor.require(Permission.EMPLOYEE_MANAGE)
    with database.unit_of_work(write=True) as uow:
        row = visible_employee(uow, actor, employee_id)
        if regime is not None:
            # The discipline packs load here, not with every reader of employees.
            from app.domain.discipline.packs import pack_for

            pack_for(row.agency.code, row.agency.jurisdiction).check_regime(regime)
        before = row.regime
        row.regime = regime.value if regime is not None else None
        uow.session.flush()
        audit.record(
            uow, actor, "employee.regime", entity_type="employee", entity_id=row.id,
            details={"before": before, "after": row.regime},
        )  # fmt: skip
        uow.commit()
        return employee_info(row)


def list_employees(
    database: Database, actor: Actor, *, agency_code: str | None = None, name: str = ""
) -> list[EmployeeInfo]:
    """Employees, optionally of one agency and matching part of a name."""
    actor.require(Permission.EMPLOYEE_VIEW)
    with database.unit_of_work() as uow:
        query = (
            select(Employee)
            .join(Employee.agency)
            .options(joinedload(Employee.agency), joinedload(Employee.supervisor))
            .where(employees_visible(actor))
            .order_by(Employee.full_name)
        )
        if agency_code:
            query = query.where(Agency.code == agency_code.strip().upper())
        if name.strip():
            query = query.where(func.lower(Employee.full_name).contains(name.strip().lower()))
        return [employee_info(e) for e in uow.session.scalars(query)]


def resolve_employee(database: Database, actor: Actor, agency_code: str, ref: str) -> int:
    """The id of an employee named by id, employee number or exact full name."""
    actor.require(Permission.EMPLOYEE_VIEW)
    with database.unit_of_work() as uow:
        agency = find_agency(uow, agency_code)
        ref = ref.strip()
        base = select(Employee.id).where(Employee.agency_id == agency.id, employees_visible(actor))
        if ref.isdigit():
            found = uow.session.scalar(base.where(Employee.id == int(ref)))
            if found is not None:
                return found
        found = uow.session.scalar(base.where(Employee.employee_number == ref))
        if found is not None:
            return found
        matches = list(
            uow.session.scalars(base.where(func.lower(Employee.full_name) == ref.lower()))
        )
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise InvalidInput(
                f"{len(matches)} employees of {agency.code} are named {ref!r}; give the "
                "employee id or number instead (see 'casedesk employee list')."
            )
        raise NotFound(
            f"There is no employee {ref!r} in {agency.code}; add them with "
            "'casedesk employee add' first."
        )
