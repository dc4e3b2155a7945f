"""Cases: intake, editing with optimistic locking, allegations, findings, notes, workflow.

Every write checks permission, validates, appends its audit event and
commits in one transaction; nothing is half-written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import joinedload, selectinload
from sqlalchemy.orm.exc import StaleDataError

from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import (
    Allegation,
    Case,
    CaseAccess,
    CaseNumberCounter,
    DisciplineRecord,
    DisciplineReferral,
    Employee,
    EvidenceItem,
    Note,
    User,
    UserAgency,
    UserRole,
)
from app.domain.actor import Actor
from app.domain.cases import (
    AccountKind,
    CaseNumber,
    CaseStatus,
    DutyStatus,
    Equipment,
    Finding,
    IntakeChannel,
    NoteKind,
)
from app.domain.charging import (
    ProvisionKind,
    check_chargeable,
    check_in_force,
    policy_dates,
    quote,
)
from app.domain.errors import InvalidInput, NotFound, Problems, Refused, StaleUpdate
from app.domain.permissions import Permission, Role
from app.domain.validation import (
    NAME_MAX,
    NARRATIVE_MAX,
    NOTE_MAX,
    REASONING_MAX,
    TITLE_MAX,
    check_case_dates,
    clean_text,
)
from app.domain.workflow import Transition, allowed_transitions, check_transition
from app.services import access, audit
from app.services.access import case_id_of as case_id_of  # the callers use cases.case_id_of
from app.services.access import visible_cases
from app.services.access.restriction import check_allowed_users, write_access_list
from app.services.catalog import find_provision
from app.services.database import Database
from app.services.employees import EmployeeInfo, employee_info, find_agency
from app.services.retry import retried

#: Statuses in which allegations may still be added or removed.
_ALLEGATION_STATUSES = {CaseStatus.INTAKE, CaseStatus.INVESTIGATING, CaseStatus.REOPENED}
#: Statuses in which findings may be recorded.
_FINDING_STATUSES = {CaseStatus.INVESTIGATING, CaseStatus.FINDINGS, CaseStatus.REOPENED}
PLATFORM_MAX = 40
CONFIDENTIAL = "(confidential)"


@dataclass(frozen=True, slots=True)
class CaseFields:
    """The intake facts of a case, as the user enters them."""

    agency_code: str
    title: str
    reported_on: dt.date
    intake_channel: IntakeChannel = IntakeChannel.OTHER
    conduct_from: dt.date | None = None
    conduct_to: dt.date | None = None
    reporter_name: str = ""
    reporter_contact: str = ""
    reporter_confidential: bool = False
    platforms: tuple[str, ...] = ()
    duty_status: DutyStatus = DutyStatus.UNKNOWN
    equipment: Equipment = Equipment.UNKNOWN
    account_kind: AccountKind = AccountKind.UNKNOWN
    clients_involved: bool = False
    narrative: str = ""
    subject_ids: tuple[int, ...] = ()
    investigator: str | None = None


@dataclass(frozen=True, slots=True)
class AllegationInfo:
    """An allegation with the provision it cites, quoted."""

    id: int
    citation: str
    provision_title: str
    provision_text: str
    employee_id: int | None
    employee_name: str | None
    summary: str
    finding: Finding
    reasoning: str
    #: The lead-in the provision is quoted after ("" for none).
    provision_lead_in: str = ""
    #: The policy's version and dates, printed with the quote.
    policy_dates: str = ""

    @property
    def provision_quote(self) -> str:
        """The provision's words as quoted: its lead-in, then its own text."""
        return quote(self.provision_lead_in, self.provision_text)


@dataclass(frozen=True, slots=True)
class NoteInfo:
    """A timeline entry."""

    id: int
    kind: NoteKind
    body: str
    author: str
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class CaseDetail:
    """Everything the case view shows, as plain data."""

    id: int
    number: str
    agency_code: str
    agency_name: str
    fields: CaseFields
    status: CaseStatus
    investigator_name: str | None
    subjects: tuple[EmployeeInfo, ...]
    allegations: tuple[AllegationInfo, ...]
    notes: tuple[NoteInfo, ...]
    created_at: dt.datetime
    updated_at: dt.datetime
    updated_by: str
    version: int
    #: The reporter is confidential and not shown here: ``fields`` hold "(confidential)".
    reporter_hidden: bool
    transitions: tuple[Transition, ...] = field(default=())
    #: The user may reveal the confidential reporter (``reveal_reporter``), audited each time.
    reporter_revealable: bool = False
    #: The agency's state ("MA", "AR"): which state's authorization rules concern the case.
    agency_jurisdiction: str = ""
    #: Only the users on the case's access list see it (``access.set_restriction``).
    restricted: bool = False


# -- reading --------------------------------------------------------------------------


def _load(uow: UnitOfWork, actor: Actor, case_ref: int | str) -> Case:
    """The case with everything the case view shows, if ``actor`` may see it.

    In a writing unit of work the case row is locked (PostgreSQL), so two
    users adding notes or findings to one case queue instead of one failing
    on the version check; SQLite's write lock already does the same. The lock
    is taken before the audit head (the one lock order, see ``audit``).
    """
    options = (
        joinedload(Case.agency),
        joinedload(Case.investigator),
        joinedload(Case.updated_by),
        selectinload(Case.subjects).joinedload(Employee.agency),
        selectinload(Case.subjects).joinedload(Employee.supervisor),
        selectinload(Case.allegations).joinedload(Allegation.provision),
        selectinload(Case.allegations).joinedload(Allegation.employee),
        selectinload(Case.notes).joinedload(Note.author),
    )
    if isinstance(case_ref, int):
        where = Case.id == case_ref
    else:
        where = Case.number == str(CaseNumber.parse(case_ref))
    # A case outside the actor's scope is not found (``app/services/access``).
    where = where & visible_cases(actor)
    if uow.write:
        # Lock the bare row first (FOR NO KEY UPDATE, so other rows' foreign keys
        # to it are not blocked), then load it with its joins in a second
        # statement. Locking the joined query itself goes wrong on PostgreSQL
        # when another writer changed the row meanwhile: the row is re-read
        # after the wait but the joined rows are not, and an outer join whose
        # key changed (``updated_by_id``) comes back empty.
        uow.session.execute(select(Case.id).where(where).with_for_update(key_share=True))
    query = select(Case).where(where).options(*options)
    row = uow.session.scalar(query.execution_options(populate_existing=True))
    if row is None:
        raise NotFound(f"There is no case {case_ref}; see 'casedesk case list'.")
    if uow.write:
        audit.case_locked(uow, row.id)
    return row


def _sees(uow: UnitOfWork, actor: Actor, case_id: int) -> bool:
    found = uow.session.scalar(select(Case.id).where(Case.id == case_id, visible_cases(actor)))
    return found is not None


def _detail(row: Case, actor: Actor, *, reveal: bool = False) -> CaseDetail:
    """The case as plain data; a confidential reporter only when ``reveal`` (and permitted)."""
    may_reveal = actor.can(Permission.CONFIDENTIAL_REPORTER_VIEW)
    hidden = row.reporter_confidential and not (reveal and may_reveal)
    fields = CaseFields(
        agency_code=row.agency.code,
        title=row.title,
        reported_on=row.reported_on,
        intake_channel=IntakeChannel(row.intake_channel),
        conduct_from=row.conduct_from,
        conduct_to=row.conduct_to,
        reporter_name=CONFIDENTIAL if hidden else row.reporter_name,
        reporter_contact=CONFIDENTIAL if hidden else row.reporter_contact,
        reporter_confidential=row.reporter_confidential,
        platforms=tuple(row.platforms),
        duty_status=DutyStatus(row.duty_status),
        equipment=Equipment(row.equipment),
        account_kind=AccountKind(row.account_kind),
        clients_involved=row.clients_involved,
        narrative=row.narrative,
        subject_ids=tuple(e.id for e in row.subjects),
        investigator=row.investigator.username if row.investigator else None,
    )
    status = CaseStatus(row.status)
    return CaseDetail(
        id=row.id,
        number=row.number,
        agency_code=row.agency.code,
        agency_name=row.agency.name,
        agency_jurisdiction=row.agency.jurisdiction,
        fields=fields,
        status=status,
        investigator_name=row.investigator.full_name if row.investigator else None,
        subjects=tuple(employee_info(e) for e in row.subjects),
        allegations=tuple(
            AllegationInfo(
                a.id,
                f"{a.provision.policy.code} {a.provision.ref}",
                a.provision.title,
                a.provision.text,
                a.employee_id,
                a.employee.full_name if a.employee else None,
                a.summary,
                Finding(a.finding),
                a.reasoning,
                a.provision.quoted_after or "",
                policy_dates(
                    a.provision.policy.version,
                    a.provision.policy.effective,
                    a.provision.policy.sunset,
                ),
            )
            for a in row.allegations
        ),
        notes=tuple(
            NoteInfo(n.id, NoteKind(n.kind), n.body, n.author.full_name, n.created_at)
            for n in row.notes
        ),
        created_at=row.created_at,
        updated_at=row.updated_at,
        updated_by=row.updated_by.full_name,
        version=row.version,
        reporter_hidden=hidden,
        transitions=tuple(allowed_transitions(status, actor.roles)),
        reporter_revealable=row.reporter_confidential and may_reveal,
        restricted=row.restricted,
    )


@retried
def get_case(
    database: Database, actor: Actor, case_ref: int | str, *, reveal_reporter: bool = False
) -> CaseDetail:
    """One case by id or number; a confidential reporter is shown only when asked.

    Opening or reloading a case shows a confidential reporter as
    "(confidential)"; it writes nothing unless the case is restricted, whose
    every view is recorded (``case.restricted_view``). ``reveal_reporter`` (the case
    overview's "Show reporter", the CLI's ``--show-reporter``) shows the
    identity to a user with the permission and records that view
    (``case.view_confidential_reporter``) once per request.
    """
    actor.require(Permission.CASE_VIEW)
    with database.unit_of_work() as uow:
        detail = _detail(_load(uow, actor, case_ref), actor, reveal=reveal_reporter)
    if detail.restricted:
        # Every view of a restricted case's content is on record.
        with database.unit_of_work(write=True) as uow:
            audit.lock_cases(uow, [detail.id])
            access.audit_restricted_view(uow, actor, detail.id, "case")
            uow.commit()
    if reveal_reporter and detail.fields.reporter_confidential:
        actor.require(Permission.CONFIDENTIAL_REPORTER_VIEW)
        with database.unit_of_work(write=True) as uow:
            audit.record(
                uow, actor, "case.view_confidential_reporter", entity_type="case",
                entity_id=detail.id, case_id=detail.id,
            )  # fmt: skip
            uow.commit()
    return detail


# -- intake and editing ----------------------------------------------------------------


def _validated(fields: CaseFields) -> CaseFields:
    """The fields cleaned; every problem found is raised at once (``InvalidInputs``)."""
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
        today=dt.date.today(),
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
    fields = _validated(fields)
    if allow and not restricted:
        raise InvalidInput("Name users to allow only for a restricted case.", field="access")
    if restricted:
        actor.require(Permission.CASE_ACCESS_MANAGE)
    with database.unit_of_work(write=True) as uow:
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
        return _detail(_load(uow, actor, row.id), actor)


_AUDITED_FIELDS = (
    "title", "reported_on", "intake_channel", "conduct_from", "conduct_to",
    "reporter_confidential", "platforms", "duty_status", "equipment", "account_kind",
    "clients_involved", "narrative",
)  # fmt: skip
#: Changed, but not copied into the audit log: the reporter's identity is confidential.
_MASKED_FIELDS = ("reporter_name", "reporter_contact")


def _jsonable(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@retried
def update_case(
    database: Database, actor: Actor, case_id: int, fields: CaseFields, *, expected_version: int
) -> CaseDetail:
    """Save edited intake facts; refused if someone saved a newer version first."""
    actor.require(Permission.CASE_EDIT)
    fields = _validated(fields)
    with database.unit_of_work(write=True) as uow:
        row = _load(uow, actor, case_id)
        if row.version != expected_version:
            _raise_stale(row)
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
                changes[name] = [_jsonable(old), _jsonable(new)]
        for name in _MASKED_FIELDS:
            if before[name] != getattr(row, name):
                changes[name] = "changed"
        if sorted(fields.subject_ids) != before_subjects:
            changes["subjects"] = [before_subjects, sorted(fields.subject_ids)]
        if fields.investigator != before_investigator:
            changes["investigator"] = [before_investigator, fields.investigator]
        if not changes:
            return _detail(row, actor)
        row.updated_at = utcnow()
        row.updated_by_id = actor.user_id
        try:
            uow.session.flush()
        except StaleDataError:
            uow.rollback()
            with database.unit_of_work() as fresh:
                _raise_stale(_load(fresh, actor, case_id))
        audit.record(
            uow, actor, "case.update", entity_type="case", entity_id=row.id, case_id=row.id,
            details={"changes": changes, "version": row.version},
        )  # fmt: skip
        uow.commit()
        return _detail(_load(uow, actor, row.id), actor)


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


def _raise_stale(row: Case) -> None:
    changed_at = row.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
    who = row.updated_by.full_name
    raise StaleUpdate(
        f"Case {row.number} was changed by {who} at {changed_at} after you opened it; "
        "reload it to see their changes, then make yours again.",
        changed_by=who,
        changed_at=changed_at,
    )


def _touch(row: Case, actor: Actor) -> None:
    row.updated_at = utcnow()
    row.updated_by_id = actor.user_id


# -- allegations and findings ----------------------------------------------------------


@retried
def add_allegation(
    database: Database,
    actor: Actor,
    case_id: int,
    cited: str,
    *,
    employee_id: int | None = None,
    summary: str = "",
    policy_in_force_confirmed: bool = False,
) -> AllegationInfo:
    """Allege that the conduct violated the provision cited as ``"<policy> <ref>"``.

    Only a provision that prohibits or requires conduct can be cited
    (:class:`~app.domain.charging.NotChargeable` otherwise). A policy whose
    sunset date is before the conduct needs ``policy_in_force_confirmed``
    (:class:`~app.domain.charging.PolicyPastSunset` otherwise); the
    confirmation is recorded in the ``allegation.add`` audit event.
    """
    actor.require(Permission.ALLEGATION_EDIT)
    summary = clean_text(summary, "Allegation summary", max_length=NOTE_MAX, required=False,
                         multiline=True)  # fmt: skip
    with database.unit_of_work(write=True) as uow:
        row = _load(uow, actor, case_id)
        status = CaseStatus(row.status)
        if status not in _ALLEGATION_STATUSES:
            raise Refused(
                f"Allegations can be added while a case is in intake, investigation or "
                f"reopened; {row.number} is in {status.label}."
            )
        provision = find_provision(uow, cited)
        if provision.policy.agency_id != row.agency_id:
            raise InvalidInput(
                f"{provision.policy.code} {provision.ref} is a provision of "
                f"{provision.policy.agency.name}'s policy, but {row.number} is a case of "
                f"{row.agency.name}; cite one of its policies (see 'casedesk policy list').",
                field="provision",
            )
        policy = provision.policy
        cite = f"{policy.code} {provision.ref}"
        check_chargeable(
            cite,
            ProvisionKind(provision.kind) if provision.kind else None,
            tuple(provision.charge_instead or ()),
            policy.code,
        )
        confirmed = check_in_force(
            cite,
            f"{policy.code} ({policy.document_number or policy.title})",
            policy.sunset,
            row.conduct_from,
            row.conduct_to,
            row.reported_on,
            confirmed=policy_in_force_confirmed,
        )
        subject_ids = {e.id for e in row.subjects}
        if employee_id is None and len(subject_ids) == 1:
            employee_id = next(iter(subject_ids))
        if employee_id is not None and employee_id not in subject_ids:
            raise InvalidInput(
                f"Employee {employee_id} is not a subject of {row.number}; add them to the "
                "case first.",
                field="employee",
            )
        for existing in row.allegations:
            if existing.provision_id == provision.id and existing.employee_id == employee_id:
                raise InvalidInput(
                    f"{row.number} already has an allegation under "
                    f"{provision.policy.code} {provision.ref} for this employee.",
                    field="provision",
                )
        allegation = Allegation(
            case=row,
            provision=provision,
            employee_id=employee_id,
            summary=summary,
            finding=Finding.PENDING.value,
            created_by_id=actor.user_id,
        )
        uow.session.add(allegation)
        _touch(row, actor)
        uow.session.flush()
        details: dict[str, object] = {"provision": cite, "employee_id": employee_id}
        if confirmed:
            assert policy.sunset is not None
            details["policy_in_force_confirmed"] = {
                "sunset": policy.sunset.isoformat(),
                "conduct_from": _jsonable(row.conduct_from),
                "conduct_to": _jsonable(row.conduct_to),
                "reported_on": row.reported_on.isoformat(),
            }
        audit.record(
            uow, actor, "allegation.add", entity_type="allegation", entity_id=allegation.id,
            case_id=row.id, details=details,
        )  # fmt: skip
        uow.commit()
        return next(a for a in _detail(_load(uow, actor, row.id), actor).allegations
                    if a.id == allegation.id)  # fmt: skip


@retried
def remove_allegation(database: Database, actor: Actor, allegation_id: int) -> None:
    """Withdraw an allegation that has no finding yet."""
    actor.require(Permission.ALLEGATION_EDIT)
    with database.unit_of_work(write=True) as uow:
        allegation = uow.session.get(Allegation, allegation_id)
        if allegation is None or not _sees(uow, actor, allegation.case_id):
            raise NotFound(f"There is no allegation {allegation_id}.")
        row = _load(uow, actor, allegation.case_id)
        if CaseStatus(row.status) not in _ALLEGATION_STATUSES:
            raise Refused(f"Allegations of {row.number} can no longer be withdrawn.")
        if allegation.finding != Finding.PENDING.value:
            raise Refused("An allegation with a finding cannot be withdrawn.")
        cite = f"{allegation.provision.policy.code} {allegation.provision.ref}"
        uow.session.delete(allegation)
        _touch(row, actor)
        audit.record(
            uow, actor, "allegation.remove", entity_type="allegation", entity_id=allegation_id,
            case_id=row.id, details={"provision": cite},
        )  # fmt: skip
        uow.commit()


@retried
def record_finding(
    database: Database, actor: Actor, allegation_id: int, finding: Finding, reasoning: str
) -> AllegationInfo:
    """Record the finding on one allegation, with its reasoning.

    While a discipline decision in force rests on the allegation, its finding
    stays substantiated: HR withdraws the decision or revises its grounds first.
    """
    actor.require(Permission.FINDING_RECORD)
    reasoning = clean_text(
        reasoning, "Reasoning", max_length=REASONING_MAX,
        required=finding is not Finding.PENDING, multiline=True,
    )  # fmt: skip
    with database.unit_of_work(write=True) as uow:
        allegation = uow.session.get(Allegation, allegation_id)
        if allegation is None or not _sees(uow, actor, allegation.case_id):
            raise NotFound(f"There is no allegation {allegation_id}.")
        row = _load(uow, actor, allegation.case_id)
        status = CaseStatus(row.status)
        if status not in _FINDING_STATUSES:
            raise Refused(
                f"Findings are recorded while a case is under investigation or in findings; "
                f"{row.number} is in {status.label}."
            )
        # Imported here: discipline's law (holiday calendars) and evidence (Pillow)
        # are not needed to list or open cases.
        from app.domain.discipline import check_finding_change
        from app.services import discipline

        # A decision in force rests on substantiated allegations only (also when reopened).
        check_finding_change(
            f"{allegation.provision.policy.code} {allegation.provision.ref}",
            finding,
            discipline.decisions_resting_on(uow, allegation.id),
        )
        before = allegation.finding
        allegation.finding = finding.value
        allegation.reasoning = reasoning
        allegation.finding_at = utcnow()
        allegation.finding_by_id = actor.user_id
        _touch(row, actor)
        uow.session.flush()
        from app.services.dashboard.facts import note_findings

        note_findings(uow, row)
        audit.record(
            uow, actor, "allegation.finding", entity_type="allegation", entity_id=allegation.id,
            case_id=row.id, details={"before": before, "after": finding.value},
        )  # fmt: skip
        uow.commit()
        return next(a for a in _detail(_load(uow, actor, row.id), actor).allegations
                    if a.id == allegation.id)  # fmt: skip


# -- notes and workflow ----------------------------------------------------------------


@retried
def add_note(
    database: Database, actor: Actor, case_id: int, body: str, kind: NoteKind = NoteKind.NOTE
) -> NoteInfo:
    """Add a timeline entry to a case."""
    actor.require(Permission.NOTE_ADD)
    body = clean_text(body, "Note", max_length=NOTE_MAX, multiline=True)
    with database.unit_of_work(write=True) as uow:
        row = _load(uow, actor, case_id)
        note = Note(case=row, author_id=actor.user_id, kind=kind.value, body=body)
        uow.session.add(note)
        _touch(row, actor)
        uow.session.flush()
        audit.record(
            uow, actor, "note.add", entity_type="note", entity_id=note.id, case_id=row.id,
            details={"kind": kind.value, "length": len(body)},
        )  # fmt: skip
        uow.commit()
        return NoteInfo(note.id, kind, body, actor.full_name, note.created_at)


@retried
def transition_case(
    database: Database,
    actor: Actor,
    case_id: int,
    target: CaseStatus,
    *,
    reason: str = "",
    expected_version: int | None = None,
) -> CaseDetail:
    """Move a case along the workflow, if the role and the case's state allow it."""
    actor.require(Permission.CASE_TRANSITION)
    reason = clean_text(reason, "Reason", max_length=NOTE_MAX, required=False, multiline=True)
    with database.unit_of_work(write=True) as uow:
        row = _load(uow, actor, case_id)
        if expected_version is not None and row.version != expected_version:
            _raise_stale(row)
        source = CaseStatus(row.status)
        check_transition(
            source,
            target,
            actor.roles,
            findings=[Finding(a.finding) for a in row.allegations],
            reason=reason,
            undecided=_undecided(uow, row) if source is CaseStatus.DISCIPLINE_REVIEW else (),
        )
        from app.services.dashboard.facts import note_status

        row.status = target.value
        note_status(row, target)
        _touch(row, actor)
        uow.session.flush()
        audit.record(
            uow, actor, "case.transition", entity_type="case", entity_id=row.id, case_id=row.id,
            details={"from": source.value, "to": target.value, "reason": reason},
        )  # fmt: skip
        if target is CaseStatus.CLOSED:
            # AR-DHS II(G): credentials serve only the formal investigation; it has ended.
            from app.services import credential_requests

            credential_requests.end_for_closed_case(uow, actor, row.id)
        uow.commit()
        return _detail(_load(uow, actor, row.id), actor)


def _undecided(uow: UnitOfWork, row: Case) -> list[str]:
    """The employees with a substantiated allegation and no decision or referral in the case."""
    substantiated = [a for a in row.allegations if a.finding == Finding.SUBSTANTIATED.value]
    if not substantiated:
        return []
    decided = set(
        uow.session.scalars(
            # A withdrawn decision is no decision.
            select(DisciplineRecord.employee_id).where(
                DisciplineRecord.case_id == row.id, DisciplineRecord.withdrawn_at.is_(None)
            )
        )
    )
    # A contracted provider's employee is referred to the provider, not disciplined.
    decided |= set(
        uow.session.scalars(
            select(DisciplineReferral.employee_id).where(DisciplineReferral.case_id == row.id)
        )
    )
    named = {a.employee_id for a in substantiated}
    # An allegation naming no employee concerns every subject of the case.
    wanted = [s for s in row.subjects if None in named or s.id in named]
    return [s.full_name for s in wanted if s.id not in decided]


def case_timeline(database: Database, actor: Actor, case_id: int) -> list[audit.AuditEntry]:
    """The audit events of one case, oldest first: who did what to it, and when.

    Events about evidence the actor may not know of (obtained under a
    confidential authorization or request) are left out, as the items are.
    """
    actor.require(Permission.CASE_VIEW)
    with database.unit_of_work() as uow:
        access.require_visible_case(uow, actor, case_id)
        events = audit.case_events(uow, case_id)
        from app.services import authorization_evidence

        hidden = authorization_evidence.hidden_kinds(actor)
        if not hidden:
            return events
        unseen = {
            str(i)
            for i in uow.session.scalars(
                select(EvidenceItem.id).where(
                    EvidenceItem.case_id == case_id, EvidenceItem.obtained.in_(hidden)
                )
            )
        }
    return [e for e in events if not (e.entity_type == "evidence" and e.entity_id in unseen)]


def user_full_names(database: Database, actor: Actor, usernames: Iterable[str]) -> dict[str, str]:
    """The full names of the users named, by user name (the audit log names users so)."""
    actor.require(Permission.CASE_VIEW)
    wanted = sorted(set(usernames))
    if not wanted:
        return {}
    with database.unit_of_work() as uow:
        rows = uow.session.execute(
            select(User.username, User.full_name).where(User.username.in_(wanted))
        )
        return {username: full_name for username, full_name in rows}
