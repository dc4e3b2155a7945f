"""The read models of Home's "Needs me now": one query per section, a page of rows each.

Every section is a query for the rows it shows (at most :data:`SECTION_ROWS`)
and a count of all of them; none loads every row of a table. Every case goes
through :func:`app.services.access.visible_cases`, and confidential records
(investigation authorizations, credential requests, the evidence obtained
through them) only reach the roles that may see them.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy import Integer, Select, and_, cast, false, func, or_, select, text
from sqlalchemy.orm import aliased, joinedload

from app.db.engine import UnitOfWork
from app.db.models import (
    Agency,
    AuditEvent,
    Authorization,
    AuthorizationReview,
    Case,
    CredentialRequest,
    DisciplineAppeal,
    DisciplineNotice,
    DisciplineRecord,
    DisciplineResponse,
    Employee,
    EvidenceItem,
    User,
)
from app.db.models.audit import EVIDENCE_CHECKS_WHERE
from app.domain.actor import Actor
from app.domain.authorizations.credentials import RequestStatus
from app.domain.authorizations.ma_dys import AuthorizationKind, cite, review_status
from app.domain.cases import CaseStatus
from app.domain.discipline import SettingMissing
from app.domain.permissions import Permission
from app.domain.workflow import allowed_transitions
from app.services.access import record_visible, visible_cases
from app.services.authorization_evidence import evidence_visible
from app.services.discipline.appeals import appeal_deadline_of

#: The most rows a section shows; its count covers them all.
SECTION_ROWS = 50

#: How far ahead Home looks for dates coming up. Not a deadline of any law:
#: MA DYS Policy 01.05.22 B.3.b says only that investigators "must meet
#: periodically with their supervisor", and the interval between meetings is
#: the setting ``authorization.review_interval_days``. Seven days is the
#: product's reminder window: a review meeting (and a discipline step) is
#: listed from a week before its date, and from then on until it is done.
LOOK_AHEAD_DAYS = 7

#: The provision a review-meeting row rests on.
REVIEW_MEETING_RULE = cite("B.3.b")

#: How far back a decision's appeal window is looked for: appeal periods of the
#: employers' laws run for days or weeks from the effective date, never a year.
_APPEAL_SCAN_DAYS = 366

T = TypeVar("T")
#: Case lines as Home selects them.
CaseLines = Select[int, str, str, str, str, dt.datetime]

_OPEN = tuple(s.value for s in CaseStatus if s is not CaseStatus.CLOSED)


@dataclass(frozen=True, slots=True)
class CaseLine:
    """A case as Home lists it."""

    case_id: int
    number: str
    title: str
    agency_code: str
    status: CaseStatus
    updated_at: dt.datetime


@dataclass(frozen=True, slots=True)
class Section(Generic[T]):
    """Some rows of a section and how many there are in all."""

    rows: tuple[T, ...]
    total: int


@dataclass(frozen=True, slots=True)
class AssignedCases:
    """The open cases assigned to the user, and how many are in each status."""

    rows: tuple[CaseLine, ...]
    total: int
    by_status: dict[CaseStatus, int]


@dataclass(frozen=True, slots=True)
class ApprovalLine:
    """A credential request waiting for this approver (never one they made)."""

    request_id: int
    agency_code: str
    case_id: int | None
    case_number: str | None
    platform: str
    requested_by: str
    requested_at: dt.datetime


@dataclass(frozen=True, slots=True)
class ReviewLine:
    """An investigation authorization whose review meeting (B.3.b) is due or overdue.

    Only the record's number, its case and the dates: the names B.3.a makes
    confidential stay in the authorization, whose opening is audited.
    """

    authorization_id: int
    case_id: int | None
    case_number: str | None
    due_on: dt.date
    overdue: bool
    days_overdue: int
    citation: str = REVIEW_MEETING_RULE


class DisciplineStep(enum.StrEnum):
    """A discipline date Home reminds of."""

    RESPONSE_DUE = "response_due"  #: the response window of a pre-action notice closes
    TAKES_EFFECT = "takes_effect"  #: a decision takes effect
    APPEAL_ENDS = "appeal_ends"  #: the last day to appeal a decision

    @property
    def label(self) -> str:
        return {
            DisciplineStep.RESPONSE_DUE: "Response window closes",
            DisciplineStep.TAKES_EFFECT: "Decision takes effect",
            DisciplineStep.APPEAL_ENDS: "Last day to appeal",
        }[self]


@dataclass(frozen=True, slots=True)
class DisciplineLine:
    """One discipline step due, of one employee in one case."""

    step: DisciplineStep
    on: dt.date
    case_id: int
    case_number: str
    employee_name: str


@dataclass(frozen=True, slots=True)
class IntegrityLine:
    """An evidence item whose latest integrity check failed."""

    item_id: int
    case_id: int
    case_number: str
    filename: str
    checked_at: dt.datetime


# -- cases ---------------------------------------------------------------------------------


def _case_lines(uow: UnitOfWork, query: CaseLines) -> tuple[CaseLine, ...]:
    return tuple(
        CaseLine(r[0], r[1], r[2], r[3], CaseStatus(r[4]), r[5])
        for r in uow.session.execute(query.limit(SECTION_ROWS))
    )


def case_lines_query(actor: Actor) -> CaseLines:
    """Cases as Home lists them, already limited to those ``actor`` may see."""
    return (
        select(Case.id, Case.number, Case.title, Agency.code, Case.status, Case.updated_at)
        .join(Agency, Agency.id == Case.agency_id)
        .where(visible_cases(actor))
    )


def assigned_cases(uow: UnitOfWork, actor: Actor) -> AssignedCases:
    """The open cases whose investigator is ``actor``, oldest change first, by status."""
    mine = and_(visible_cases(actor), Case.investigator_id == actor.user_id, Case.status.in_(_OPEN))
    by_status = {
        CaseStatus(status): count
        for status, count in uow.session.execute(
            select(Case.status, func.count()).where(mine).group_by(Case.status)
        )
    }
    rows = _case_lines(
        uow,
        case_lines_query(actor)
        .where(Case.investigator_id == actor.user_id, Case.status.in_(_OPEN))
        .order_by(Case.updated_at, Case.id),
    )
    return AssignedCases(rows, sum(by_status.values()), by_status)


def findings_to_review(uow: UnitOfWork, actor: Actor) -> Section[CaseLine]:
    """Cases whose findings were submitted, for a role that may move them on (the workflow's)."""
    if not allowed_transitions(CaseStatus.FINDINGS, actor.roles):
        return Section((), 0)
    waiting = and_(visible_cases(actor), Case.status == CaseStatus.FINDINGS.value)
    total = uow.session.scalar(select(func.count(Case.id)).where(waiting)) or 0
    rows = _case_lines(
        uow,
        case_lines_query(actor)
        .where(Case.status == CaseStatus.FINDINGS.value)
        .order_by(Case.updated_at, Case.id),
    )
    return Section(rows, total)


# -- credential requests -------------------------------------------------------------------


def approvals(uow: UnitOfWork, actor: Actor) -> Section[ApprovalLine]:
    """Pending credential requests ``actor`` may approve: never their own (the requester
    may not approve, the rule pack's ``decide_approval``), only of cases they may see."""
    if not actor.can(Permission.CREDENTIAL_REQUEST_APPROVE):
        return Section((), 0)
    waiting = and_(
        CredentialRequest.status == RequestStatus.PENDING.value,
        CredentialRequest.requested_by_id != actor.user_id,
        record_visible(actor, CredentialRequest.agency_id, CredentialRequest.case_id),
    )
    total = uow.session.scalar(select(func.count(CredentialRequest.id)).where(waiting)) or 0
    requester = aliased(User)
    query = (
        select(
            CredentialRequest.id,
            Agency.code,
            CredentialRequest.case_id,
            Case.number,
            CredentialRequest.platform,
            requester.full_name,
            CredentialRequest.requested_at,
        )  # fmt: skip
        .join(Agency, Agency.id == CredentialRequest.agency_id)
        .join(requester, requester.id == CredentialRequest.requested_by_id)
        .outerjoin(Case, Case.id == CredentialRequest.case_id)
        .where(waiting)
        .order_by(CredentialRequest.requested_at, CredentialRequest.id)
        .limit(SECTION_ROWS)
    )
    rows = tuple(ApprovalLine(*r) for r in uow.session.execute(query))
    return Section(rows, total)


# -- review meetings (MA DYS 01.05.22 B.3.b) -----------------------------------------------


def review_meetings(
    uow: UnitOfWork, actor: Actor, today: dt.date, interval_days: int
) -> Section[ReviewLine]:
    """Investigation authorizations whose next review meeting is overdue or within
    :data:`LOOK_AHEAD_DAYS` of ``today``.

    When a meeting is due is the rule's (``ma_dys.review_status``: ``interval_days``
    after the start or the last meeting, none once the authorization ended or
    was revoked); the query only keeps the rows that rule can put in that window.
    """
    if not actor.can(Permission.INVESTIGATION_AUTHORIZATION_VIEW):
        return Section((), 0)
    last = (
        select(
            AuthorizationReview.authorization_id.label("authorization_id"),
            func.max(AuthorizationReview.met_on).label("met_on"),
        )
        .group_by(AuthorizationReview.authorization_id)
        .subquery()
    )
    # Due (interval after the later of start and last meeting) on or before this day.
    since_at_most = today + dt.timedelta(days=LOOK_AHEAD_DAYS - interval_days)
    candidates = and_(
        Authorization.kind == AuthorizationKind.INVESTIGATION.value,
        Authorization.starts_on <= since_at_most,
        or_(last.c.met_on.is_(None), last.c.met_on <= since_at_most),
        or_(Authorization.starts_on > today, Authorization.ends_on.is_(None),
            Authorization.ends_on >= today),
        or_(Authorization.starts_on > today, Authorization.revoked_on.is_(None),
            Authorization.revoked_on > today),
        record_visible(actor, Authorization.agency_id, Authorization.case_id),
    )  # fmt: skip
    base = select(Authorization.id).outerjoin(last, last.c.authorization_id == Authorization.id)
    total = (
        uow.session.scalar(select(func.count()).select_from(base.where(candidates).subquery())) or 0
    )
    query = (
        select(
            Authorization.id,
            Authorization.case_id,
            Case.number,
            Authorization.starts_on,
            Authorization.ends_on,
            Authorization.revoked_on,
            last.c.met_on,
        )  # fmt: skip
        .outerjoin(last, last.c.authorization_id == Authorization.id)
        .outerjoin(Case, Case.id == Authorization.case_id)
        .where(candidates)
        .order_by(func.coalesce(last.c.met_on, Authorization.starts_on), Authorization.id)
        .limit(SECTION_ROWS)
    )
    rows = []
    for auth_id, case_id, number, starts_on, ends_on, revoked_on, met_on in uow.session.execute(
        query
    ):
        status = review_status(
            starts_on=starts_on, ends_on=ends_on, revoked_on=revoked_on,
            last_review_on=met_on, interval_days=interval_days, today=today,
        )  # fmt: skip
        if status.due_on is None:  # pragma: no cover - the query keeps active ones only
            continue
        rows.append(
            ReviewLine(auth_id, case_id, number, status.due_on, status.overdue, status.days_overdue)
        )
    return Section(tuple(rows), total)


# -- discipline steps ----------------------------------------------------------------------


def discipline_steps(uow: UnitOfWork, actor: Actor, today: dt.date) -> Section[DisciplineLine]:
    """Response windows closing, decisions taking effect and appeal windows ending.

    Response windows: the latest notice of an employee in an open case with no
    response and no decision yet, due within :data:`LOOK_AHEAD_DAYS` or passed
    (the response, or that none came, is then to be recorded). Decisions in
    force taking effect within the window. Appeals: the last day to appeal
    (``appeals.appeal_deadline_of``, where the employer's law counts it from
    the effective date) within the window, while no appeal is recorded.
    """
    if not actor.can(Permission.DISCIPLINE_RECORD):
        return Section((), 0)
    horizon = today + dt.timedelta(days=LOOK_AHEAD_DAYS)
    visible = visible_cases(actor)
    latest = select(func.max(DisciplineNotice.id)).group_by(
        DisciplineNotice.case_id, DisciplineNotice.employee_id
    )
    decided = (
        select(DisciplineRecord.id)
        .where(
            DisciplineRecord.case_id == DisciplineNotice.case_id,
            DisciplineRecord.employee_id == DisciplineNotice.employee_id,
            DisciplineRecord.withdrawn_at.is_(None),
        )
        .exists()
    )
    answered = select(DisciplineResponse.id).where(
        DisciplineResponse.notice_id == DisciplineNotice.id
    )
    responses = (
        select(DisciplineNotice.response_due, Case.id, Case.number, Employee.full_name)
        .join(Case, Case.id == DisciplineNotice.case_id)
        .join(Employee, Employee.id == DisciplineNotice.employee_id)
        .where(
            visible,
            Case.status.in_(_OPEN),
            DisciplineNotice.id.in_(latest),
            DisciplineNotice.response_due <= horizon,
            ~answered.exists(),
            ~decided,
        )
        .order_by(DisciplineNotice.response_due, DisciplineNotice.id)
        .limit(SECTION_ROWS)
    )
    found = [
        DisciplineLine(DisciplineStep.RESPONSE_DUE, due, case_id, number, name)
        for due, case_id, number, name in uow.session.execute(responses)
    ]
    in_force = and_(visible, DisciplineRecord.withdrawn_at.is_(None))
    effective = (
        select(DisciplineRecord.effective_on, Case.id, Case.number, Employee.full_name)
        .join(Case, Case.id == DisciplineRecord.case_id)
        .join(Employee, Employee.id == DisciplineRecord.employee_id)
        .where(in_force, DisciplineRecord.effective_on.between(today, horizon))
        .order_by(DisciplineRecord.effective_on, DisciplineRecord.id)
        .limit(SECTION_ROWS)
    )
    found += [
        DisciplineLine(DisciplineStep.TAKES_EFFECT, on, case_id, number, name)
        for on, case_id, number, name in uow.session.execute(effective)
    ]
    appealed = select(DisciplineAppeal.id).where(
        DisciplineAppeal.decision_id == DisciplineRecord.id
    )
    undecided_appeals = (
        select(DisciplineRecord)
        .join(Case, Case.id == DisciplineRecord.case_id)
        .where(
            in_force,
            ~appealed.exists(),
            DisciplineRecord.effective_on.between(
                today - dt.timedelta(days=_APPEAL_SCAN_DAYS), horizon
            ),
        )
        .options(
            joinedload(DisciplineRecord.case).joinedload(Case.agency),
            joinedload(DisciplineRecord.employee),
        )
        .order_by(DisciplineRecord.effective_on, DisciplineRecord.id)
        .limit(SECTION_ROWS)
    )
    for record in uow.session.scalars(undecided_appeals).unique():
        try:
            deadline = appeal_deadline_of(uow, record)
        except SettingMissing:
            deadline = None  # the discipline tab says which setting is missing
        if deadline is not None and today <= deadline.day <= horizon:
            found.append(
                DisciplineLine(
                    DisciplineStep.APPEAL_ENDS,
                    deadline.day,
                    record.case_id,
                    record.case.number,
                    record.employee.full_name,
                )  # fmt: skip
            )
    found.sort(key=lambda line: (line.on, line.case_number, line.employee_name))
    return Section(tuple(found[:SECTION_ROWS]), len(found))


# -- evidence integrity --------------------------------------------------------------------


def integrity_failures(uow: UnitOfWork, actor: Actor) -> Section[IntegrityLine]:
    """Evidence items whose latest integrity check (an ``evidence.verify`` or
    ``evidence.integrity_failure`` event in the audit chain) failed.

    The latest check of each item is read from ``ix_audit_events_evidence_checks``
    (the checks alone, by item and sequence number; the condition below is the
    index's own, word for word), then only those events, their items and cases;
    one statement gives the rows and, as a window count, how many there are.
    """
    if not actor.can(Permission.EVIDENCE_VIEW):
        return Section((), 0)
    latest = (
        select(AuditEvent.entity_id.label("entity_id"), func.max(AuditEvent.seq).label("seq"))
        .where(text(EVIDENCE_CHECKS_WHERE))
        .group_by(AuditEvent.entity_id)
        .subquery("latest")
    )
    failed = or_(
        AuditEvent.action == "evidence.integrity_failure",
        AuditEvent.details["ok"].as_boolean() == false(),
    )
    rows = uow.session.execute(
        select(EvidenceItem.id, EvidenceItem.case_id, Case.number,
               EvidenceItem.original_filename, AuditEvent.occurred_at, func.count().over())
        .select_from(latest)
        .join(AuditEvent, AuditEvent.seq == latest.c.seq)
        .join(EvidenceItem, EvidenceItem.id == cast(latest.c.entity_id, Integer))
        .join(Case, Case.id == EvidenceItem.case_id)
        # The scope once, over the joined case (evidence_visible's own scope is this
        # same condition again, as an IN list of every visible case).
        .where(failed, visible_cases(actor), evidence_visible(actor, scoped=False))
        .order_by(AuditEvent.seq.desc())
        .limit(SECTION_ROWS)
    ).all()  # fmt: skip
    total = rows[0][-1] if rows else 0
    return Section(tuple(IntegrityLine(*r[:-1]) for r in rows), total)
