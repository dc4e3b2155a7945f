"""Logging, reviewing and revoking authorizations, each with its audit event."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from app.db.engine import UnitOfWork
from app.db.models import (
    Agency,
    Authorization,
    AuthorizationReview,
    Case,
    EvidenceItem,
)
from app.domain.actor import Actor
from app.domain.authorizations.decision import Decision
from app.domain.authorizations.ma_dys import (
    AuthorizationKind,
    InvestigationFacts,
    InvestigationRole,
    SupervisionFacts,
    SupervisionRole,
)
from app.domain.authorizations.revocation import (
    CoveredEvidence,
    RevocationFacts,
    decide_revocation,
)
from app.domain.errors import InvalidInput, NotFound, Refused
from app.domain.evidence import CaptureTime, capture_date
from app.domain.permissions import Permission
from app.domain.settings import AUTHORIZATION_REVIEW_INTERVAL_DAYS
from app.domain.validation import NOTE_MAX, clean_text, parse_date
from app.services import audit
from app.services.access import record_visible
from app.services.authorizations.reading import load_authorization, visible_kinds
from app.services.authorizations.records import (
    AuthorizationInfo,
    InvestigationFields,
    K,
    SupervisionFields,
)
from app.services.authorizations.validation import (
    checked_account_key,
    checked_investigation,
    checked_supervision,
    today_or,
)
from app.services.database import Database
from app.services.retry import retried
from app.services.settings import get_int


def check_supervision(
    database: Database, actor: Actor, fields: SupervisionFields, *, today: dt.date | None = None
) -> Decision:
    """The B.2 rules' answer on ``fields``, without logging anything."""
    actor.require(Permission.AUTHORIZATION_MANAGE)
    with database.unit_of_work() as uow:
        return checked_supervision(uow, actor, fields, today_or(today)).decide()


def check_investigation(
    database: Database, actor: Actor, fields: InvestigationFields, *, today: dt.date | None = None
) -> Decision:
    """The B.3 rules' answer on ``fields``, without logging anything."""
    actor.require(Permission.INVESTIGATION_AUTHORIZATION_MANAGE)
    with database.unit_of_work() as uow:
        return checked_investigation(uow, actor, fields, today_or(today)).decide()


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
        account_key=checked_account_key(facts.platform, facts.account_name),
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
    return load_authorization(uow, actor, row.id, today, interval)


@retried
def add_supervision(
    database: Database, actor: Actor, fields: SupervisionFields, *, today: dt.date | None = None
) -> AuthorizationInfo:
    """Log a B.2 supervision authorization; refused with every reason if a rule says no."""
    actor.require(Permission.AUTHORIZATION_MANAGE)
    today = today_or(today)
    interval = get_int(database, AUTHORIZATION_REVIEW_INTERVAL_DAYS)
    with database.unit_of_work(write=True) as uow:
        proposed = checked_supervision(uow, actor, fields, today)
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
    today = today_or(today)
    interval = get_int(database, AUTHORIZATION_REVIEW_INTERVAL_DAYS)
    with database.unit_of_work(write=True) as uow:
        proposed = checked_investigation(uow, actor, fields, today)
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
            Authorization.kind.in_(visible_kinds(actor)),
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
    today = today_or(today)
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
        return load_authorization(uow, actor, row.id, today, interval)


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
    today = today_or(today)
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
        return load_authorization(uow, actor, row.id, today, interval)


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
