"""Listing, counting and finding authorizations, within what the user may see (B.3.a)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import aliased

from app.db.engine import UnitOfWork
from app.db.models import (
    Agency,
    Authorization,
    AuthorizationReview,
    Case,
    Employee,
    User,
)
from app.domain.actor import Actor
from app.domain.authorizations.ma_dys import (
    AuthorizationKind,
    is_active,
    parse_enum,
    review_status,
)
from app.domain.errors import NotFound
from app.domain.permissions import Permission
from app.domain.settings import AUTHORIZATION_REVIEW_INTERVAL_DAYS
from app.services import audit
from app.services.access import record_visible
from app.services.authorizations.records import AuthorizationInfo, K, ReviewInfo
from app.services.authorizations.validation import today_or
from app.services.database import Database
from app.services.retry import retried
from app.services.settings import get_int


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


def visible_kinds(actor: Actor) -> tuple[str, ...]:
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
    kinds = visible_kinds(actor)
    today = today_or(today)
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
    today = today_or(today)
    interval = get_int(database, AUTHORIZATION_REVIEW_INTERVAL_DAYS)
    query = _query(actor).where(Authorization.kind == K.INVESTIGATION.value)
    if case_id is not None:
        query = query.where(Authorization.case_id == case_id)
    with database.unit_of_work() as uow:
        infos = _infos(uow, uow.session.execute(query), today, interval)
    return sum(1 for i in infos if i.review_overdue)


def load_authorization(
    uow: UnitOfWork, actor: Actor, authorization_id: int, today: dt.date, interval: int
) -> AuthorizationInfo:
    kinds = visible_kinds(actor)
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
        info = load_authorization(uow, actor, authorization_id, today_or(today), interval)
    _audit_confidential_views(database, actor, [info])
    return info
