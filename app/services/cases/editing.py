"""Recording a reported violation and editing its intake facts, with optimistic locking."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm.exc import StaleDataError

from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import (
    Agency,
    Case,
    CaseAccess,
    CaseNumberCounter,
    Employee,
    User,
    UserAgency,
    UserRole,
)
from app.domain import clock
from app.domain.actor import Actor
from app.domain.cases import (
    CaseNumber,
    CaseStatus,
)
from app.domain.errors import InvalidInput, Problems, Refused
from app.domain.permissions import Permission, Role
from app.domain.validation import (
    NAME_MAX,
    NARRATIVE_MAX,
    TITLE_MAX,
    check_case_dates,
    clean_text,
)
from app.domain.zones import last_day_begun
from app.services import access, audit
from app.services.access.restriction import check_allowed_users, write_access_list
from app.services.cases.reading import (
    CONFIDENTIAL,
    PLATFORM_MAX,
    CaseDetail,
    CaseFields,
    as_detail,
    load_detailed,
    raise_stale,
)
from app.services.database import Database
from app.services.employees import find_agency
from app.services.retry import retried


def _intake_today(uow: UnitOfWork, agency_code: str) -> dt.date:
    """The last day a case's dates may be: the latest day begun on this computer or
    where the agency named is (``app.domain.zones.last_day_begun``); this
    computer's day when no agency has that code (the validation then says so)."""
    code = agency_code.strip().upper()
    jurisdiction = uow.session.scalar(select(Agency.jurisdiction).where(Agency.code == code))
    return last_day_begun(jurisdiction) if jurisdiction is not None else clock.today_here()


def _validated(fields: CaseFields, today: dt.date) -> CaseFields:
    """The fields cleaned; every problem found is raised at once (``InvalidInputs``).

    ``today``: the last day a date may be (:func:`_intake_today`).
    """
    problems = Problems()
    agency_code = fields.agency_code.strip().upper()
    if not agency_code:
        problems.add("Agency is required; choose the agency the report concerns.",
                     field="agency")  # fmt: skip
    title = problems.check(clean_text, fields.title, "Title", max_length=TITLE_MAX, default="")
    platforms = tuple(
        dict.fromkeys(
            problems.check(clean_text, p, "Platform", max_length=PLATFORM_MAX, default="")
            for p in fields.platforms
            if p.strip()
        )
    )
    problems.check(
        check_case_dates,
        reported_on=fields.reported_on,
        conduct_from=fields.conduct_from,
        conduct_to=fields.conduct_to,
        today=today,
    )
    reporter_name = problems.check(
        clean_text, fields.reporter_name, "Reporter name", max_length=NAME_MAX, required=False
    )
    reporter_contact = problems.check(
        clean_text, fields.reporter_contact, "Reporter contact", max_length=200, required=False
    )
    narrative = problems.check(
        clean_text, fields.narrative, "Narrative", max_length=NARRATIVE_MAX, required=False,
        multiline=True,
    )  # fmt: skip
    problems.raise_any()
    return CaseFields(
        agency_code=agency_code,
        title=title,
        reported_on=fields.reported_on,
        intake_channel=fields.intake_channel,
        conduct_from=fields.conduct_from,
        conduct_to=fields.conduct_to,
        reporter_name=reporter_name,
        reporter_contact=reporter_contact,
        reporter_confidential=fields.reporter_confidential,
        platforms=platforms,
        duty_status=fields.duty_status,
        equipment=fields.equipment,
        account_kind=fields.account_kind,
        clients_involved=fields.clients_involved,
        narrative=narrative,
        subject_ids=tuple(dict.fromkeys(fields.subject_ids)),
        investigator=fields.investigator.strip().lower() if fields.investigator else None,
    )


def _investigator(
    uow: UnitOfWork,
    username: str | None,
    agency_id: int,
    case_id: int | None = None,
    subject_ids: tuple[int, ...] = (),
) -> User | None:
    """The investigator to assign: active, of the case's agency, with no conflict in it."""
    if not username:
        return None
    user = uow.session.scalar(
        select(User)
        .join(UserRole)
        .where(User.username == username, UserRole.role == Role.INVESTIGATOR.value)
    )
    if user is None or not user.is_active:
        raise InvalidInput(
            f"{username!r} is not an active investigator; assign a user with the "
            "investigator role.",
            field="investigator",
        )
    if uow.session.get(UserAgency, (user.id, agency_id)) is None:
        raise InvalidInput(
            f"{username!r} does not belong to the case's agency; assign one of its "
            "investigators, or ask an administrator to add the agency ('casedesk user agencies').",
            field="investigator",
        )
    access.check_assignable(uow, case_id, user, subject_ids)
    return user


def _subjects(uow: UnitOfWork, agency_id: int, ids: tuple[int, ...]) -> list[Employee]:
    rows = []
    for employee_id in ids:
        row = uow.session.get(Employee, employee_id)
        if row is None or row.agency_id != agency_id:
            raise InvalidInput(
                f"Employee {employee_id} is not an employee of the case's agency.",
                field="subjects",
            )
        rows.append(row)
    return rows


def allocate_case_number(uow: UnitOfWork, agency_id: int, agency_code: str, year: int) -> str:
    """Hand out the next number for ``agency_code`` in ``year``, atomically.

    The counter row is created if missing, then incremented with one UPDATE:
    on PostgreSQL the row lock, on SQLite the write lock, serialise callers.
    """
    values = {"agency_id": agency_id, "year": year, "last_value": 0}
    if uow.dialect == "postgresql":
        uow.session.execute(
            postgresql.insert(CaseNumberCounter).values(values).on_conflict_do_nothing()
        )
    else:
        uow.session.execute(
            sqlite.insert(CaseNumberCounter).values(values).on_conflict_do_nothing()
        )
    value = uow.session.execute(
        update(CaseNumberCounter)
        .where(CaseNumberCounter.agency_id == agency_id, CaseNumberCounter.year == year)
        .values(last_value=CaseNumberCounter.last_value + 1)
        .returning(CaseNumberCounter.last_value)
    ).scalar_one()
    return str(CaseNumber(agency_code, year, value))


def _apply(row: Case, fields: CaseFields) -> None:
    row.title = fields.title
    row.reported_on = fields.reported_on
    row.intake_channel = fields.intake_channel.value
    row.conduct_from = fields.conduct_from
    row.conduct_to = fields.conduct_to
    row.reporter_name = fields.reporter_name
    row.reporter_contact = fields.reporter_contact
    row.reporter_confidential = fields.reporter_confidential
    row.platforms = list(fields.platforms)
    row.duty_status = fields.duty_status.value
    row.equipment = fields.equipment.value
    row.account_kind = fields.account_kind.value
    row.clients_involved = fields.clients_involved
    row.narrative = fields.narrative


@retried
def create_case(
    database: Database,
    actor: Actor,
    fields: CaseFields,
    *,
    restricted: bool = False,
    allow: tuple[str, ...] = (),
) -> CaseDetail:
    """Record a reported violation; the case number is allocated here.

    The actor must belong to the case's agency. ``restricted`` makes it a
    restricted case from intake on, seen only by the users named in
    ``allow``, the actor and the assigned investigator.
    """
    actor.require(Permission.CASE_CREATE)
    with database.unit_of_work(write=True) as uow:
        # Checked in the writing transaction, which reads the agency's zone.
        fields = _validated(fields, _intake_today(uow, fields.agency_code))
        if allow and not restricted:
            raise InvalidInput("Name users to allow only for a restricted case.", field="access")
        if restricted:
            actor.require(Permission.CASE_ACCESS_MANAGE)
        agency = find_agency(uow, fields.agency_code)
        access.require_member(uow, actor, agency.id, agency.code)
        own = uow.session.scalar(
            select(Employee.id).where(
                Employee.id.in_(fields.subject_ids), Employee.user_id == actor.user_id
            )
        )
        if own is not None:
            raise Refused(
                "You are a subject of this report and cannot record it (conflict of "
                "interest); ask a colleague."
            )
        investigator = _investigator(
            uow, fields.investigator, agency.id, subject_ids=fields.subject_ids
        )
        subjects = _subjects(uow, agency.id, fields.subject_ids)
        listed = (
            check_allowed_users(uow, None, agency.id, allow, fields.subject_ids)
            if restricted
            else []
        )
        now = utcnow()
        number = allocate_case_number(uow, agency.id, agency.code, fields.reported_on.year)
        row = Case(
            number=number,
            agency=agency,
            status=CaseStatus.INTAKE.value,
            investigator=investigator,
            created_by_id=actor.user_id,
            updated_by_id=actor.user_id,
            created_at=now,
            updated_at=now,
        )
        _apply(row, fields)
        row.subjects = subjects
        uow.session.add(row)
        uow.session.flush()
        audit.record(
            uow, actor, "case.create", entity_type="case", entity_id=row.id, case_id=row.id,
            details={"number": number, "title": row.title, "agency": agency.code},
        )  # fmt: skip
        if restricted:
            write_access_list(uow, actor, row, listed, action="case.restrict")
        uow.commit()
        return as_detail(load_detailed(uow, actor, row.id), actor)


_AUDITED_FIELDS = (
    "title", "reported_on", "intake_channel", "conduct_from", "conduct_to",
    "reporter_confidential", "platforms", "duty_status", "equipment", "account_kind",
    "clients_involved", "narrative",
)  # fmt: skip
#: Changed, but not copied into the audit log: the reporter's identity is confidential.
_MASKED_FIELDS = ("reporter_name", "reporter_contact")


def jsonable(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@retried
def update_case(
    database: Database, actor: Actor, case_id: int, fields: CaseFields, *, expected_version: int
) -> CaseDetail:
    """Save edited intake facts; refused if someone saved a newer version first."""
    actor.require(Permission.CASE_EDIT)
    with database.unit_of_work(write=True) as uow:
        fields = _validated(fields, _intake_today(uow, fields.agency_code))
        row = load_detailed(uow, actor, case_id)
        if row.version != expected_version:
            raise_stale(row)
        if fields.agency_code != row.agency.code:
            raise Refused(
                f"A case cannot move to another agency; {row.number} stays with "
                f"{row.agency.code}. Open a new case for {fields.agency_code}."
            )
        if row.reporter_confidential and (
            not actor.can(Permission.CONFIDENTIAL_REPORTER_VIEW) or _masked(fields)
        ):
            # The user saw "(confidential)" and must not overwrite the real identity.
            fields = _keep_reporter(fields, row)
        before = {name: getattr(row, name) for name in _AUDITED_FIELDS + _MASKED_FIELDS}
        before_subjects = sorted(e.id for e in row.subjects)
        before_investigator = row.investigator.username if row.investigator else None
        # Look these up before changing the row, so their queries' autoflush
        # does not write the case (and bump its version) a second time.
        subjects = _subjects(uow, row.agency_id, fields.subject_ids)
        investigator = _investigator(
            uow, fields.investigator, row.agency_id, row.id, fields.subject_ids
        )
        if row.restricted:
            # A subject's own account may never stay on the access list.
            _refuse_listed_subjects(uow, row.id, fields.subject_ids)
        _apply(row, fields)
        row.subjects = subjects
        row.investigator = investigator
        changes: dict[str, object] = {}
        for name in _AUDITED_FIELDS:
            old, new = before[name], getattr(row, name)
            if old != new:
                changes[name] = [jsonable(old), jsonable(new)]
        for name in _MASKED_FIELDS:
            if before[name] != getattr(row, name):
                changes[name] = "changed"
        if sorted(fields.subject_ids) != before_subjects:
            changes["subjects"] = [before_subjects, sorted(fields.subject_ids)]
        if fields.investigator != before_investigator:
            changes["investigator"] = [before_investigator, fields.investigator]
        if not changes:
            return as_detail(row, actor)
        row.updated_at = utcnow()
        row.updated_by_id = actor.user_id
        try:
            uow.session.flush()
        except StaleDataError:
            uow.rollback()
            with database.unit_of_work() as fresh:
                raise_stale(load_detailed(fresh, actor, case_id))
        audit.record(
            uow, actor, "case.update", entity_type="case", entity_id=row.id, case_id=row.id,
            details={"changes": changes, "version": row.version},
        )  # fmt: skip
        uow.commit()
        return as_detail(load_detailed(uow, actor, row.id), actor)


def _refuse_listed_subjects(uow: UnitOfWork, case_id: int, subject_ids: tuple[int, ...]) -> None:
    listed = uow.session.scalar(
        select(User.username)
        .join(CaseAccess, CaseAccess.user_id == User.id)
        .join(Employee, Employee.user_id == User.id)
        .where(CaseAccess.case_id == case_id, Employee.id.in_(subject_ids))
    )
    if listed is not None:
        raise Refused(
            f"{listed} is on the case's access list and would be its subject: a subject's own "
            "account can never see the case; take them off the list first ('casedesk case "
            "restrict')."
        )


def _masked(fields: CaseFields) -> bool:
    """The reporter fields hold the mask a hidden reporter is shown with, not an identity."""
    return fields.reporter_name == CONFIDENTIAL and fields.reporter_contact == CONFIDENTIAL


def _keep_reporter(fields: CaseFields, row: Case) -> CaseFields:
    return replace(fields, reporter_name=row.reporter_name, reporter_contact=row.reporter_contact)
