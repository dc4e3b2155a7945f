"""MA DYS 01.05.22 social-media authorizations: supervision (B.2) and investigation (B.3).

API (every function takes ``(database, actor, ...)``, checks the permission,
validates, writes its audit event in the same transaction, and returns
frozen dataclasses; ``today`` defaults to the local date):

- ``check_supervision(database, actor, SupervisionFields, today=None) -> Decision``
  and ``check_investigation(database, actor, InvestigationFields, today=None)
  -> Decision``: the rule's answer without writing (forms show the reasons).
- ``add_supervision(...) -> AuthorizationInfo`` and ``add_investigation(...)
  -> AuthorizationInfo``: log one; a refusal raises
  :class:`~app.domain.authorizations.RuleRefused` listing every reason with
  its citation; bad input raises :class:`InvalidInput`.
- ``list_authorizations(database, actor, *, kind=None, case_id=None,
  employee_id=None, active_on=None, overdue_only=False, today=None)
  -> list[AuthorizationInfo]``
- ``get_authorization(database, actor, authorization_id, today=None) -> AuthorizationInfo``
- ``record_review(database, actor, authorization_id, *, met_on, notes) -> AuthorizationInfo``
- ``revoke_authorization(database, actor, authorization_id, *, revoked_on, reason)
  -> AuthorizationInfo``: refused (with every reason) when dated before the
  start, in the future, or on or before the capture day of evidence obtained
  under it (:mod:`app.domain.authorizations.revocation`).

An authorization names only a case of its own agency (the rules refuse
another agency's case, citing B.2 or B.3.a).
- ``count_overdue_reviews(database, actor, *, case_id=None, today=None) -> int``

Confidentiality (B.3.a): investigation authorizations are returned, counted
or found only for users holding ``authorization.investigation.view``; for
anyone else they do not exist (a lookup by id says "no authorization N",
exactly as for an id never used). Every read that returns one writes an
audit event, and their events carry no case id, so a case's timeline does
not reveal them to users who may see the case but not them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import Select, select
from sqlalchemy.orm import aliased

from app.db.engine import UnitOfWork
from app.db.models import (
    Agency,
    Authorization,
    AuthorizationReview,
    Case,
    Employee,
    EvidenceItem,
    User,
)
from app.domain.actor import Actor
from app.domain.authorizations.decision import Decision, decided
from app.domain.authorizations.ma_dys import (
    AccountHolder,
    AuthorizationKind,
    CaseRef,
    InvestigationFacts,
    InvestigationRole,
    ReviewStatus,
    SupervisionFacts,
    SupervisionRole,
    account_key,
    decide_investigation,
    decide_supervision,
    is_active,
    last_day,
    parse_enum,
    periods_overlap,
    review_status,
)
from app.domain.authorizations.revocation import (
    CoveredEvidence,
    RevocationFacts,
    decide_revocation,
)
from app.domain.cases import CaseStatus
from app.domain.errors import InvalidInput, NotFound, Problems, Refused
from app.domain.evidence import CaptureTime, capture_date
from app.domain.permissions import Permission
from app.domain.settings import AUTHORIZATION_REVIEW_INTERVAL_DAYS
from app.domain.validation import NOTE_MAX, clean_text, parse_date
from app.services import audit
from app.services.access import record_visible, require_member, visible_cases
from app.services.database import Database
from app.services.retry import retried
from app.services.settings import get_int

#: The jurisdiction whose agencies log authorizations under MA DYS 01.05.22.
JURISDICTION = "MA"
#: The input limits match the columns (app/db/models/authorizations.py).
LABEL_MAX = 200
ACCOUNT_KEY_MAX = 2 * LABEL_MAX + 20

K = AuthorizationKind


@dataclass(frozen=True, slots=True)
class SupervisionFields:
    """A proposed B.2 supervision authorization, as a form or the CLI gives it."""

    employee_id: int | None  # None: not chosen yet, reported as a problem of the form
    role: SupervisionRole | str
    supervisor_id: int | None
    written_on: dt.date | str | None
    platform: str
    account_name: str
    youth_case: str
    attests_no_youth_contact: bool
    attests_true_identity: bool
    site_shows_viewers: bool
    privacy_settings_enabled: bool
    starts_on: dt.date | str | None
    ends_on: dt.date | str | None = None
    case_id: int | None = None  # an employee-conduct case the supervision is relevant to
    notes: str = ""


@dataclass(frozen=True, slots=True)
class InvestigationFields:
    """A proposed B.3 investigation authorization."""

    employee_id: int | None  # None: not chosen yet, reported as a problem of the form
    role: InvestigationRole | str
    supervisor_id: int | None
    written_on: dt.date | str | None
    platform: str
    account_name: str  # the account created: the investigation profile
    case_id: int | None  # None: not chosen yet, reported as a problem of the form
    youth_communication_approved: bool  # B.3.c
    starts_on: dt.date | str | None
    ends_on: dt.date | str | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class ReviewInfo:
    """One review meeting with the supervisor (B.3.b)."""

    id: int
    met_on: dt.date
    notes: str
    recorded_by: str
    recorded_at: dt.datetime


@dataclass(frozen=True, slots=True)
class AuthorizationInfo:
    """A logged authorization as lists, forms, the case view and the CLI show it."""

    id: int
    kind: AuthorizationKind
    agency_code: str
    employee_id: int
    employee_name: str
    role: str
    supervisor_id: int
    supervisor_name: str
    written_on: dt.date
    platform: str
    account_name: str
    youth_case: str
    case_id: int | None
    case_number: str | None
    attests_no_youth_contact: bool
    attests_true_identity: bool
    site_shows_viewers: bool
    privacy_settings_enabled: bool
    youth_communication_approved: bool
    starts_on: dt.date
    ends_on: dt.date | None
    revoked_on: dt.date | None
    revoked_reason: str
    notes: str
    created_by: str
    created_at: dt.datetime
    active: bool  # on the ``today`` of the call
    review: ReviewStatus | None  # investigation authorizations only
    reviews: tuple[ReviewInfo, ...]

    @property
    def review_overdue(self) -> bool:
        return self.review is not None and self.review.overdue


# -- validation ------------------------------------------------------------------------


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


def _label(value: str, label: str) -> str:
    return clean_text(value, label, max_length=LABEL_MAX, required=False)


def _account_key(platform: str, account: str) -> str:
    """The folded key of the B.2.e check, as stored; checked to fit its column."""
    key = "|".join(account_key(platform, account))
    if len(key) > ACCOUNT_KEY_MAX:
        # Lower-casing lengthens some letters (İ becomes two characters).
        raise InvalidInput(
            "The platform and account name are too long together once compared "
            f"case-insensitively ({len(key)} characters, the limit is {ACCOUNT_KEY_MAX}); "
            "shorten the account name.",
            field="account_name",
        )
    return key


def _start(value: dt.date | str | None) -> dt.date:
    starts_on = parse_date(value, "Start date")
    if starts_on is None:
        raise InvalidInput("Start date is required (YYYY-MM-DD).", field="starts_on")
    return starts_on


def _employee(uow: UnitOfWork, employee_id: int | None, what: str) -> Employee | None:
    if employee_id is None:
        return None
    row = uow.session.get(Employee, employee_id)
    if row is None:
        raise NotFound(
            f"There is no employee {employee_id} ({what}); see 'casedesk employee list'."
        )
    return row


def _agency_of(uow: UnitOfWork, employee: Employee) -> Agency:
    agency = uow.session.get(Agency, employee.agency_id)
    assert agency is not None
    if agency.jurisdiction != JURISDICTION:
        raise InvalidInput(
            f"Authorizations are logged under MA DYS Policy 01.05.22; {employee.full_name} "
            f"works for {agency.code} ({agency.jurisdiction}), not a Massachusetts agency.",
            field="employee",
        )
    return agency


def _supervisor(uow: UnitOfWork, supervisor_id: int | None, agency: Agency | None) -> None:
    row = _employee(uow, supervisor_id, "the supervisor")
    if row is not None and agency is not None and row.agency_id != agency.id:
        raise InvalidInput(
            f"The supervisor {row.full_name} is not an employee of {agency.code}.",
            field="supervisor",
        )


def _case(
    uow: UnitOfWork, actor: Actor, case_id: int | None, agency: Agency | None
) -> tuple[CaseStatus | None, CaseRef | None]:
    """The named case's status and agency; the rules refuse a case of another agency."""
    if case_id is None:
        return None, None
    row = uow.session.execute(
        select(Case.status, Case.number, Agency.code)
        .join(Agency, Agency.id == Case.agency_id)
        .where(Case.id == case_id, visible_cases(actor))
    ).one_or_none()
    if row is None:
        raise NotFound(f"There is no case {case_id}; see 'casedesk case list'.", field="case")
    ref = CaseRef(row.number, row.code, agency.code) if agency is not None else None
    return CaseStatus(row.status), ref


#: The dates' rules compare them with each other: one unreadable date leaves them all to it.
_DATES = ("written_on", "starts_on", "ends_on")
#: A problem's input → the rule reasons' inputs it leaves undecided.
_RELATED = {
    "written_authorization_date": _DATES,
    "start_date": _DATES,
    "starts_on": _DATES,
    "end_date": _DATES,
    "platform": ("account_name",),
}


class _Common(NamedTuple):
    """The checked inputs both kinds of authorization have (``None`` where invalid)."""

    notes: str
    written_on: dt.date | None
    starts_on: dt.date  # today in place of an invalid start (its rules are left out)
    ends_on: dt.date | None
    employee: Employee | None
    agency: Agency | None
    dates_valid: bool


def _common(
    uow: UnitOfWork,
    fields: SupervisionFields | InvestigationFields,
    problems: Problems,
    today: dt.date,
) -> _Common:
    """What every kind asks after its own labels: notes, dates, employee, agency, supervisor.

    Problems are added to ``problems``, not raised: the rules are asked about
    the valid inputs, and everything is reported together (:func:`decided`).
    """
    notes = problems.check(clean_text, fields.notes, "Notes", max_length=NOTE_MAX,
                           required=False, multiline=True, default="")  # fmt: skip
    before = len(problems.found)
    written_on = problems.check(parse_date, fields.written_on, "Written authorization date")
    starts_on = problems.check(_start, fields.starts_on, default=today)
    ends_on = problems.check(parse_date, fields.ends_on, "End date")
    dates_valid = len(problems.found) == before
    employee = agency = None
    if fields.employee_id is None:
        problems.add("Choose the employee authorized.", field="employee")
    else:
        employee = problems.check(_employee, uow, fields.employee_id, "the employee authorized")
        if employee is not None:
            agency = problems.check(_agency_of, uow, employee)
    problems.check(_supervisor, uow, fields.supervisor_id, agency)
    return _Common(notes, written_on, starts_on, ends_on, employee, agency, dates_valid)


@dataclass(frozen=True, slots=True)
class _Supervision:
    fields: SupervisionFields
    role: SupervisionRole
    facts: SupervisionFacts
    agency: Agency | None
    notes: str
    problems: Problems

    def decide(self) -> Decision:
        """The B.2 rules' answer; with input problems, those raised with what the rules
        already refuse on the valid inputs."""
        return decided(decide_supervision(self.facts), self.problems,
                       "The supervision authorization", related=_RELATED)  # fmt: skip


def _supervision(
    uow: UnitOfWork, actor: Actor, fields: SupervisionFields, today: dt.date
) -> _Supervision:
    problems = Problems()
    role = problems.check(parse_enum, SupervisionRole, fields.role, "supervision role", "role")
    platform = problems.check(_label, fields.platform, "Platform", default="")
    account = problems.check(_label, fields.account_name, "Account name", default="")
    youth_case = problems.check(_label, fields.youth_case, "Youth case", default="")
    common = _common(uow, fields, problems, today)
    employee = common.employee
    if common.agency is not None:
        require_member(uow, actor, common.agency.id, common.agency.code)
    _status, case = problems.check(_case, uow, actor, fields.case_id, common.agency,
                                   default=(None, None))  # fmt: skip
    key = problems.check(_account_key, platform, account)
    holders = []
    if employee is not None and key is not None and common.dates_valid:
        own_last = common.ends_on
        for other, name in uow.session.execute(
            select(Authorization, Employee.full_name)
            .join(Employee, Employee.id == Authorization.employee_id)
            .where(
                Authorization.account_key == key,
                Authorization.kind == K.SUPERVISION.value,
                Authorization.employee_id != employee.id,
            )
            .order_by(Authorization.id)
        ):
            other_last = last_day(other.ends_on, other.revoked_on)
            if other_last is not None and other_last < other.starts_on:
                continue  # revoked before it started: never in force
            if periods_overlap(common.starts_on, own_last, other.starts_on, other_last):
                holders.append(AccountHolder(other.id, name))
    facts = SupervisionFacts(
        employee_id=employee.id if employee is not None else 0,  # 0: no one (never an id)
        supervisor_id=fields.supervisor_id,
        written_on=common.written_on,
        platform=platform,
        account_name=account,
        youth_case=youth_case,
        attests_no_youth_contact=fields.attests_no_youth_contact,
        attests_true_identity=fields.attests_true_identity,
        site_shows_viewers=fields.site_shows_viewers,
        privacy_settings_enabled=fields.privacy_settings_enabled,
        starts_on=common.starts_on,
        ends_on=common.ends_on,
        today=today,
        other_holders=tuple(holders),
        case=case,
    )
    return _Supervision(fields, role, facts, common.agency, common.notes, problems)


@dataclass(frozen=True, slots=True)
class _Investigation:
    fields: InvestigationFields
    facts: InvestigationFacts
    agency: Agency | None
    notes: str
    problems: Problems

    def decide(self) -> Decision:
        """The B.3 rules' answer; with input problems, those raised with what the rules
        already refuse on the valid inputs."""
        return decided(decide_investigation(self.facts), self.problems,
                       "The investigation authorization", related=_RELATED)  # fmt: skip


def _investigation(
    uow: UnitOfWork, actor: Actor, fields: InvestigationFields, today: dt.date
) -> _Investigation:
    problems = Problems()
    role = problems.check(parse_enum, InvestigationRole, fields.role, "investigation role", "role",
                          default=InvestigationRole.OTHER)  # fmt: skip
    platform = problems.check(_label, fields.platform, "Platform", default="")
    account = problems.check(_label, fields.account_name, "Account name", default="")
    if fields.case_id is None:
        problems.add("Choose the investigation the account is used for.", field="case")
    common = _common(uow, fields, problems, today)
    if common.agency is not None:
        require_member(uow, actor, common.agency.id, common.agency.code)
    status, case = problems.check(_case, uow, actor, fields.case_id, common.agency,
                                  default=(None, None))  # fmt: skip
    facts = InvestigationFacts(
        employee_id=common.employee.id if common.employee is not None else 0,  # 0: no one
        role=role,
        supervisor_id=fields.supervisor_id,
        written_on=common.written_on,
        platform=platform,
        account_name=account,
        case_open=status is not None and status is not CaseStatus.CLOSED,
        starts_on=common.starts_on,
        ends_on=common.ends_on,
        today=today,
        case=case,
    )
    return _Investigation(fields, facts, common.agency, common.notes, problems)


# -- reading -----------------------------------------------------------------------------


def _query(actor: Actor) -> Select[Authorization, str, str, str, str, str]:
    """Authorizations with what they show, of the cases and agencies in ``actor``'s scope."""
    # Aliased here, not at import: mapping the models is left to the first query.
    supervisor = aliased(Employee)
    return (
        select(
            Authorization,
            Agency.code,
            Employee.full_name,
            supervisor.full_name,
            Case.number,
            User.username,
        )
        .join(Agency, Agency.id == Authorization.agency_id)
        .join(Employee, Employee.id == Authorization.employee_id)
        .join(supervisor, supervisor.id == Authorization.supervisor_id)
        .outerjoin(Case, Case.id == Authorization.case_id)
        .join(User, User.id == Authorization.created_by_id)
        .where(record_visible(actor, Authorization.agency_id, Authorization.case_id))
    )


def _visible(actor: Actor) -> tuple[str, ...]:
    """The kinds ``actor`` may see (raises when neither)."""
    kinds = []
    if actor.can(Permission.AUTHORIZATION_VIEW):
        kinds.append(K.SUPERVISION.value)
    if actor.can(Permission.INVESTIGATION_AUTHORIZATION_VIEW):
        kinds.append(K.INVESTIGATION.value)
    if not kinds:
        actor.require(Permission.AUTHORIZATION_VIEW)
    return tuple(kinds)


def _reviews(uow: UnitOfWork, ids: list[int]) -> dict[int, list[ReviewInfo]]:
    found: dict[int, list[ReviewInfo]] = {i: [] for i in ids}
    if not ids:
        return found
    rows = uow.session.execute(
        select(AuthorizationReview, User.username)
        .join(User, User.id == AuthorizationReview.recorded_by_id)
        .where(AuthorizationReview.authorization_id.in_(ids))
        .order_by(AuthorizationReview.met_on, AuthorizationReview.id)
    )
    for review, username in rows:
        found[review.authorization_id].append(
            ReviewInfo(review.id, review.met_on, review.notes, username, review.recorded_at)
        )
    return found


def _infos(
    uow: UnitOfWork,
    rows: Iterable[Any],
    today: dt.date,
    interval: int,
) -> list[AuthorizationInfo]:
    rows = list(rows)
    reviews = _reviews(uow, [r[0].id for r in rows if r[0].kind == K.INVESTIGATION.value])
    infos = []
    for row, agency_code, employee_name, supervisor_name, case_number, created_by in rows:
        kind = AuthorizationKind(row.kind)
        held = tuple(reviews.get(row.id, ()))
        status = None
        if kind is K.INVESTIGATION:
            status = review_status(
                starts_on=row.starts_on,
                ends_on=row.ends_on,
                revoked_on=row.revoked_on,
                last_review_on=held[-1].met_on if held else None,
                interval_days=interval,
                today=today,
            )
        infos.append(
            AuthorizationInfo(
                id=row.id,
                kind=kind,
                agency_code=agency_code,
                employee_id=row.employee_id,
                employee_name=employee_name,
                role=row.role,
                supervisor_id=row.supervisor_id,
                supervisor_name=supervisor_name,
                written_on=row.written_on,
                platform=row.platform,
                account_name=row.account_name,
                youth_case=row.youth_case,
                case_id=row.case_id,
                case_number=case_number,
                attests_no_youth_contact=row.attests_no_youth_contact,
                attests_true_identity=row.attests_true_identity,
                site_shows_viewers=row.site_shows_viewers,
                privacy_settings_enabled=row.privacy_settings_enabled,
                youth_communication_approved=row.youth_communication_approved,
                starts_on=row.starts_on,
                ends_on=row.ends_on,
                revoked_on=row.revoked_on,
                revoked_reason=row.revoked_reason,
                notes=row.notes,
                created_by=created_by,
                created_at=row.created_at,
                active=is_active(row.starts_on, row.ends_on, row.revoked_on, today),
                review=status,
                reviews=held,
            )
        )
    return infos


def audit_subject(ids: list[int]) -> str:
    """The audit event's entity id for a view of ``ids`` (all of them are in its details)."""
    return str(ids[0]) if len(ids) == 1 else f"{len(ids)} records"


@retried
def _audit_confidential_views(
    database: Database, actor: Actor, infos: list[AuthorizationInfo]
) -> None:
    seen = [i.id for i in infos if i.kind is K.INVESTIGATION]
    if not seen:
        return
    with database.unit_of_work(write=True) as uow:
        audit.record(
            uow, actor, "authorization.view_confidential", entity_type="authorization",
            entity_id=audit_subject(seen), details={"ids": seen},
        )  # fmt: skip
        uow.commit()


def list_authorizations(
    database: Database,
    actor: Actor,
    *,
    kind: AuthorizationKind | str | None = None,
    case_id: int | None = None,
    employee_id: int | None = None,
    active_on: dt.date | None = None,
    overdue_only: bool = False,
    today: dt.date | None = None,
) -> list[AuthorizationInfo]:
    """Authorizations the actor may see, newest first, with review status and overdue flags."""
    kinds = _visible(actor)
    today = _today(today)
    if kind is not None:
        wanted = parse_enum(AuthorizationKind, kind, "kind of authorization", "kind").value
        kinds = tuple(k for k in kinds if k == wanted)
        if not kinds:
            return []
    interval = get_int(database, AUTHORIZATION_REVIEW_INTERVAL_DAYS)
    query = _query(actor).where(Authorization.kind.in_(kinds))
    if case_id is not None:
        query = query.where(Authorization.case_id == case_id)
    if employee_id is not None:
        query = query.where(Authorization.employee_id == employee_id)
    query = query.order_by(Authorization.starts_on.desc(), Authorization.id.desc())
    with database.unit_of_work() as uow:
        infos = _infos(uow, uow.session.execute(query), today, interval)
    if active_on is not None:
        infos = [i for i in infos if is_active(i.starts_on, i.ends_on, i.revoked_on, active_on)]
    if overdue_only:
        infos = [i for i in infos if i.review_overdue]
    _audit_confidential_views(database, actor, infos)
    return infos


def count_overdue_reviews(
    database: Database, actor: Actor, *, case_id: int | None = None, today: dt.date | None = None
) -> int:
    """How many investigation authorizations the actor may see are overdue for review.

    Zero, without any query, for users who may not see investigation authorizations.
    """
    if not actor.can(Permission.INVESTIGATION_AUTHORIZATION_VIEW):
        return 0
    today = _today(today)
    interval = get_int(database, AUTHORIZATION_REVIEW_INTERVAL_DAYS)
    query = _query(actor).where(Authorization.kind == K.INVESTIGATION.value)
    if case_id is not None:
        query = query.where(Authorization.case_id == case_id)
    with database.unit_of_work() as uow:
        infos = _infos(uow, uow.session.execute(query), today, interval)
    return sum(1 for i in infos if i.review_overdue)


def _load(
    uow: UnitOfWork, actor: Actor, authorization_id: int, today: dt.date, interval: int
) -> AuthorizationInfo:
    kinds = _visible(actor)
    row = uow.session.execute(
        _query(actor).where(Authorization.id == authorization_id, Authorization.kind.in_(kinds))
    ).one_or_none()
    if row is None:
        # Said the same way whether it does not exist or may not be seen (B.3.a).
        raise NotFound(
            f"There is no authorization {authorization_id}; see 'casedesk authorization list'."
        )
    return _infos(uow, [row], today, interval)[0]


def get_authorization(
    database: Database, actor: Actor, authorization_id: int, *, today: dt.date | None = None
) -> AuthorizationInfo:
    """One authorization the actor may see; viewing an investigation one is audited."""
    interval = get_int(database, AUTHORIZATION_REVIEW_INTERVAL_DAYS)
    with database.unit_of_work() as uow:
        info = _load(uow, actor, authorization_id, _today(today), interval)
    _audit_confidential_views(database, actor, [info])
    return info


# -- writing -----------------------------------------------------------------------------


def check_supervision(
    database: Database, actor: Actor, fields: SupervisionFields, *, today: dt.date | None = None
) -> Decision:
    """The B.2 rules' answer on ``fields``, without logging anything."""
    actor.require(Permission.AUTHORIZATION_MANAGE)
    with database.unit_of_work() as uow:
        return _supervision(uow, actor, fields, _today(today)).decide()


def check_investigation(
    database: Database, actor: Actor, fields: InvestigationFields, *, today: dt.date | None = None
) -> Decision:
    """The B.3 rules' answer on ``fields``, without logging anything."""
    actor.require(Permission.INVESTIGATION_AUTHORIZATION_MANAGE)
    with database.unit_of_work() as uow:
        return _investigation(uow, actor, fields, _today(today)).decide()


def _new_row(
    actor: Actor,
    kind: AuthorizationKind,
    agency: Agency,
    role: SupervisionRole | InvestigationRole,
    facts: SupervisionFacts | InvestigationFacts,
    case_id: int | None,
    notes: str,
) -> Authorization:
    """The columns every kind of authorization has, from facts the rules accepted."""
    assert facts.written_on is not None and facts.supervisor_id is not None
    return Authorization(
        kind=kind.value,
        agency_id=agency.id,
        employee_id=facts.employee_id,
        role=role.value,
        supervisor_id=facts.supervisor_id,
        written_on=facts.written_on,
        platform=facts.platform,
        account_name=facts.account_name,
        account_key=_account_key(facts.platform, facts.account_name),
        case_id=case_id,
        starts_on=facts.starts_on,
        ends_on=facts.ends_on,
        notes=notes,
        created_by_id=actor.user_id,
    )


def _store(
    uow: UnitOfWork,
    actor: Actor,
    row: Authorization,
    *,
    event_case: int | None,
    details: dict[str, Any],
    today: dt.date,
    interval: int,
) -> AuthorizationInfo:
    """Insert ``row`` with its audit event, commit, and return it as the actor sees it."""
    uow.session.add(row)
    uow.session.flush()
    audit.record(
        uow, actor, "authorization.add", entity_type="authorization", entity_id=row.id,
        case_id=event_case, details=details,
    )  # fmt: skip
    uow.commit()
    return _load(uow, actor, row.id, today, interval)


@retried
def add_supervision(
    database: Database, actor: Actor, fields: SupervisionFields, *, today: dt.date | None = None
) -> AuthorizationInfo:
    """Log a B.2 supervision authorization; refused with every reason if a rule says no."""
    actor.require(Permission.AUTHORIZATION_MANAGE)
    today = _today(today)
    interval = get_int(database, AUTHORIZATION_REVIEW_INTERVAL_DAYS)
    with database.unit_of_work(write=True) as uow:
        proposed = _supervision(uow, actor, fields, today)
        proposed.decide().raise_if_refused("The supervision authorization")
        facts = proposed.facts
        assert proposed.agency is not None  # no input problem: the employee's agency is known
        row = _new_row(actor, K.SUPERVISION, proposed.agency, proposed.role, facts,
                       fields.case_id, proposed.notes)  # fmt: skip
        row.youth_case = facts.youth_case
        row.attests_no_youth_contact = facts.attests_no_youth_contact
        row.attests_true_identity = facts.attests_true_identity
        row.site_shows_viewers = facts.site_shows_viewers
        row.privacy_settings_enabled = facts.privacy_settings_enabled
        details = {"kind": row.kind, "employee_id": row.employee_id, "platform": row.platform,
                   "account": row.account_name, "starts_on": row.starts_on.isoformat()}  # fmt: skip
        return _store(uow, actor, row, event_case=fields.case_id, details=details,
                      today=today, interval=interval)  # fmt: skip


@retried
def add_investigation(
    database: Database, actor: Actor, fields: InvestigationFields, *, today: dt.date | None = None
) -> AuthorizationInfo:
    """Log a B.3 investigation authorization (confidential); refused with every reason."""
    actor.require(Permission.INVESTIGATION_AUTHORIZATION_MANAGE)
    today = _today(today)
    interval = get_int(database, AUTHORIZATION_REVIEW_INTERVAL_DAYS)
    with database.unit_of_work(write=True) as uow:
        proposed = _investigation(uow, actor, fields, today)
        proposed.decide().raise_if_refused("The investigation authorization")
        facts = proposed.facts
        assert proposed.agency is not None  # no input problem: the employee's agency is known
        row = _new_row(actor, K.INVESTIGATION, proposed.agency, facts.role, facts,
                       fields.case_id, proposed.notes)  # fmt: skip
        row.youth_communication_approved = fields.youth_communication_approved
        # No case id: the case timeline must not reveal a confidential authorization.
        return _store(uow, actor, row, event_case=None, details={"kind": row.kind},
                      today=today, interval=interval)  # fmt: skip


def _manage_permission(kind: str) -> Permission:
    if kind == K.INVESTIGATION.value:
        return Permission.INVESTIGATION_AUTHORIZATION_MANAGE
    return Permission.AUTHORIZATION_MANAGE


def _event_case(row: Authorization) -> int | None:
    return row.case_id if row.kind == K.SUPERVISION.value else None


def _locked(uow: UnitOfWork, actor: Actor, authorization_id: int) -> Authorization:
    row = uow.session.scalar(
        select(Authorization)
        .where(
            Authorization.id == authorization_id,
            Authorization.kind.in_(_visible(actor)),
            record_visible(actor, Authorization.agency_id, Authorization.case_id),
        )
        .with_for_update()
    )
    if row is None:
        raise NotFound(
            f"There is no authorization {authorization_id}; see 'casedesk authorization list'."
        )
    actor.require(_manage_permission(row.kind))
    return row


@retried
def record_review(
    database: Database,
    actor: Actor,
    authorization_id: int,
    *,
    met_on: dt.date | str | None,
    notes: str,
    today: dt.date | None = None,
) -> AuthorizationInfo:
    """Record a review meeting with the supervisor on an investigation authorization (B.3.b)."""
    today = _today(today)
    day = parse_date(met_on, "Meeting date")
    if day is None:
        raise InvalidInput("Meeting date is required (YYYY-MM-DD).", field="met_on")
    if day > today:
        raise InvalidInput(f"Meeting date {day} is in the future (today is {today}).",
                           field="met_on")  # fmt: skip
    notes = clean_text(notes, "Review notes", max_length=NOTE_MAX, multiline=True)
    interval = get_int(database, AUTHORIZATION_REVIEW_INTERVAL_DAYS)
    with database.unit_of_work(write=True) as uow:
        row = _locked(uow, actor, authorization_id)
        if row.kind != K.INVESTIGATION.value:
            raise InvalidInput(
                f"Authorization {row.id} is a supervision authorization (B.2); review meetings "
                "are recorded for investigation authorizations (MA-DYS-01.05.22 B.3.b).",
                field="authorization",
            )
        if day < row.starts_on:
            raise InvalidInput(
                f"Meeting date {day} is before the authorization started ({row.starts_on}).",
                field="met_on",
            )
        review = AuthorizationReview(
            authorization_id=row.id, met_on=day, notes=notes, recorded_by_id=actor.user_id
        )
        uow.session.add(review)
        uow.session.flush()
        audit.record(
            uow, actor, "authorization.review", entity_type="authorization", entity_id=row.id,
            details={"met_on": day.isoformat()},
        )  # fmt: skip
        uow.commit()
        return _load(uow, actor, row.id, today, interval)


@retried
def revoke_authorization(
    database: Database,
    actor: Actor,
    authorization_id: int,
    *,
    revoked_on: dt.date | str | None = None,
    reason: str,
    today: dt.date | None = None,
) -> AuthorizationInfo:
    """Revoke an authorization from ``revoked_on`` (default today); it no longer covers that day.

    Refused when the date is before the start or in the future, when
    evidence obtained under the authorization was captured on or after it,
    or when a review meeting (B.3.b) was held after it.
    """
    today = _today(today)
    day = parse_date(revoked_on, "Revocation date") or today
    reason = clean_text(reason, "Reason", max_length=NOTE_MAX, multiline=True)
    interval = get_int(database, AUTHORIZATION_REVIEW_INTERVAL_DAYS)
    with database.unit_of_work(write=True) as uow:
        row = _locked(uow, actor, authorization_id)
        if row.revoked_on is not None:
            raise Refused(f"Authorization {row.id} was already revoked on {row.revoked_on}.")
        kind = AuthorizationKind(row.kind)
        reviews = tuple(
            uow.session.scalars(
                select(AuthorizationReview.met_on).where(
                    AuthorizationReview.authorization_id == row.id
                )
            )
        )
        facts = RevocationFacts(
            row.id, kind, row.starts_on, day, today, _evidence_under(uow, row.id), reviews
        )
        decide_revocation(facts).raise_if_refused(f"Revoking authorization {row.id}")
        row.revoked_on = day
        row.revoked_reason = reason
        row.revoked_by_id = actor.user_id
        audit.record(
            uow, actor, "authorization.revoke", entity_type="authorization", entity_id=row.id,
            case_id=_event_case(row), details={"revoked_on": day.isoformat(), "reason": reason},
        )  # fmt: skip
        uow.commit()
        return _load(uow, actor, row.id, today, interval)


def _evidence_under(uow: UnitOfWork, authorization_id: int) -> tuple[CoveredEvidence, ...]:
    """The evidence obtained under the authorization, with the day each was captured."""
    rows = uow.session.execute(
        select(EvidenceItem.id, EvidenceItem.original_filename, Case.number,
               EvidenceItem.captured_at, EvidenceItem.capture_tz)
        .join(Case, Case.id == EvidenceItem.case_id)
        .where(EvidenceItem.authorization_id == authorization_id,
               EvidenceItem.captured_at.is_not(None))
        .order_by(EvidenceItem.id)
    )  # fmt: skip
    return tuple(
        CoveredEvidence(item_id, name, number, capture_date(CaptureTime(at, zone or "UTC")))
        for item_id, name, number, at, zone in rows
        if at is not None
    )


# -- for evidence intake -----------------------------------------------------------------


def authorization_covering(
    uow: UnitOfWork, authorization_id: int, captured_on: dt.date
) -> tuple[AuthorizationKind, bool]:
    """The kind of an authorization and whether it was active on ``captured_on``.

    For services that link records to an authorization (evidence intake);
    the caller checks its own permission.
    """
    row = uow.session.get(Authorization, authorization_id)
    if row is None:
        raise NotFound(f"There is no authorization {authorization_id}.")
    active = is_active(row.starts_on, row.ends_on, row.revoked_on, captured_on)
    return AuthorizationKind(row.kind), active
