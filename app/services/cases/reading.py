"""What a case looks like to those who may see it: its data, its view, its timeline.

The case view's data is read in one load (:func:`load_detailed`), which the
writing modules of this package also use to lock and reload a case.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import (
    Allegation,
    Case,
    Employee,
    EvidenceItem,
    Note,
    Provision,
    User,
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
    policy_dates,
    quote,
)
from app.domain.errors import NotFound, StaleUpdate
from app.domain.permissions import Permission
from app.domain.workflow import Transition, allowed_transitions
from app.services import access, audit
from app.services.access import visible_cases
from app.services.database import Database
from app.services.employees import EmployeeInfo, employee_info
from app.services.retry import retried

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


def load_detailed(uow: UnitOfWork, actor: Actor, case_ref: int | str) -> Case:
    """The case with everything the case view shows, if ``actor`` may see it.

    In a writing unit of work the case row is locked (PostgreSQL), so two
    users adding notes or findings to one case queue instead of one failing
    on the version check; SQLite's write lock already does the same. The lock
    is taken before the audit head (the one lock order, see ``audit``).
    """
    # Four statements: the case with its joins, then its subjects, allegations
    # and notes. The users' roles (loaded with a user by default) are not shown
    # here, so they wait until something asks; an allegation's employee is a
    # subject, loaded again with the same supervisor join.
    options = (
        joinedload(Case.agency),
        joinedload(Case.investigator).lazyload(User.roles),
        joinedload(Case.updated_by).lazyload(User.roles),
        selectinload(Case.subjects).joinedload(Employee.agency),
        selectinload(Case.subjects).joinedload(Employee.supervisor),
        selectinload(Case.allegations)
        .joinedload(Allegation.provision)
        .joinedload(Provision.policy),
        selectinload(Case.allegations)
        .joinedload(Allegation.employee)
        .joinedload(Employee.supervisor),
        selectinload(Case.notes).joinedload(Note.author).lazyload(User.roles),
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


def sees_case(uow: UnitOfWork, actor: Actor, case_id: int) -> bool:
    found = uow.session.scalar(select(Case.id).where(Case.id == case_id, visible_cases(actor)))
    return found is not None


def as_detail(row: Case, actor: Actor, *, reveal: bool = False) -> CaseDetail:
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
        detail = as_detail(load_detailed(uow, actor, case_ref), actor, reveal=reveal_reporter)
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


def raise_stale(row: Case) -> None:
    changed_at = row.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
    who = row.updated_by.full_name
    raise StaleUpdate(
        f"Case {row.number} was changed by {who} at {changed_at} after you opened it; "
        "reload it to see their changes, then make yours again.",
        changed_by=who,
        changed_at=changed_at,
    )


def touch(row: Case, actor: Actor) -> None:
    row.updated_at = utcnow()
    row.updated_by_id = actor.user_id


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
        from app.services.discipline.consistency import without_unseen_comparables

        # A decision names the cases it was compared with as its decider saw them.
        shown = without_unseen_comparables(uow, actor, ((e.action, e.details) for e in events))
        events = [
            e if said is e.details else dataclasses.replace(e, details=said or {})
            for e, said in zip(events, shown, strict=True)
        ]
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
