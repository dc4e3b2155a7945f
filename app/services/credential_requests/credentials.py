"""Credentials once approved: their receipt, each use, inadvertent access, their end."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import Agency, Case, CredentialRequest, CredentialUse, User
from app.domain import clock
from app.domain.actor import Actor
from app.domain.authorizations.credentials import (
    CredentialOrigin,
    CredentialUseFacts,
    ProvidedFacts,
    ReceiptChannel,
    parse_provided_time,
)
from app.domain.authorizations.ma_dys import parse_enum
from app.domain.authorizations.packs import pack_for
from app.domain.cases import CaseStatus
from app.domain.errors import InvalidInput, NotFound, Problems
from app.domain.permissions import Permission, Role, can
from app.domain.validation import NAME_MAX, NOTE_MAX, clean_text, parse_date
from app.domain.zones import last_day_begun
from app.services.access import visible_cases
from app.services.credential_requests.checks import agency_and_case, checked_label
from app.services.credential_requests.reading import audit_request, load_request, locked_request
from app.services.credential_requests.records import (
    CredentialRequestInfo,
    CredentialUseInfo,
    InadvertentFields,
    S,
)
from app.services.database import Database
from app.services.retry import retried


@retried
def record_credentials_provided(
    database: Database,
    actor: Actor,
    request_id: int,
    *,
    provided_by: str,
    provided_to: str,
    provided_at: dt.datetime | str | None = None,
) -> CredentialRequestInfo:
    """Record that the employee provided the credentials: by whom, to which user, when.

    The credentials themselves are never given to Casedesk.
    """
    actor.require(Permission.CREDENTIAL_USE_RECORD)
    giver = clean_text(provided_by, "Provided by", max_length=NAME_MAX)
    when = parse_provided_time(provided_at)
    moment = when or utcnow()
    with database.unit_of_work(write=True) as uow:
        row = locked_request(uow, actor, request_id)
        receiver = uow.session.scalar(select(User).where(User.username == provided_to.strip()))
        if receiver is None:
            raise NotFound(f"There is no user {provided_to!r}; see 'casedesk user list'.")
        roles = [Role(r.role) for r in receiver.roles]
        recorded = ""
        if row.provided_at is not None:
            earlier = uow.session.get(User, row.provided_to_id) if row.provided_to_id else None
            recorded = (
                f"by {row.provided_by} to {earlier.username if earlier else 'an unknown user'} "
                f"at {row.provided_at:%Y-%m-%d %H:%M} UTC"
            )
        pack = pack_for(_jurisdiction(uow, row))
        pack.decide_provided(
            ProvidedFacts(
                request_id=row.id,
                status=S(row.status),
                approved_at=row.decided_at if row.status == S.APPROVED.value else None,
                provided_at=moment,
                recorded=recorded,
                recipient=receiver.username,
                recipient_may_use=can(roles, Permission.CREDENTIAL_USE_RECORD)
                and can(roles, Permission.CREDENTIAL_REQUEST_VIEW),
                recipient_active=receiver.is_active,
            )
        ).raise_if_refused(f"Recording the credentials of request {row.id} as provided")
        row.provided_by = giver
        row.provided_to_id = receiver.id
        row.provided_at = moment
        audit_request(
            uow, actor, "credential_request.provided", row, provided_by=giver,
            provided_to=receiver.username, provided_at=moment.isoformat(),
        )  # fmt: skip
        uow.commit()
        return load_request(uow, actor, row.id)


def _jurisdiction(uow: UnitOfWork, row: CredentialRequest) -> str:
    return str(uow.session.scalar(select(Agency.jurisdiction).where(Agency.id == row.agency_id)))


@retried
def record_use(
    database: Database, actor: Actor, request_id: int, *, case_id: int, purpose: str
) -> CredentialUseInfo:
    """Record one use of the credentials for ``case_id``; refused unless the rules allow it."""
    actor.require(Permission.CREDENTIAL_USE_RECORD)
    purpose = clean_text(purpose, "Purpose", max_length=NOTE_MAX, required=False, multiline=True)
    with database.unit_of_work(write=True) as uow:
        row = locked_request(uow, actor, request_id)
        use_case = uow.session.execute(
            select(Case.id, Case.number).where(Case.id == case_id, visible_cases(actor))
        ).one_or_none()
        if use_case is None:
            raise NotFound(f"There is no case {case_id}; see 'casedesk case list'.")
        status = None
        if row.case_id is not None:
            status = CaseStatus(
                uow.session.scalar(select(Case.status).where(Case.id == row.case_id)) or ""
            )
        pack = pack_for(_jurisdiction(uow, row))
        decision = pack.decide_use(
            CredentialUseFacts(
                origin=CredentialOrigin(row.origin),
                status=S(row.status),
                request_case_id=row.case_id,
                use_case_id=case_id,
                case_status=status,
                purpose=purpose,
                credentials_provided=row.provided_at is not None,
            )
        )
        decision.raise_if_refused(f"Using the credentials of request {row.id}")
        use = CredentialUse(
            request_id=row.id, case_id=case_id, purpose=purpose, used_by_id=actor.user_id
        )
        uow.session.add(use)
        uow.session.flush()
        audit_request(uow, actor, "credential_request.use", row, use_id=use.id)
        uow.commit()
        return CredentialUseInfo(
            use.id, row.id, case_id, use_case.number, purpose, use.used_at, actor.username
        )


@retried
def record_inadvertent(
    database: Database, actor: Actor, fields: InadvertentFields
) -> CredentialRequestInfo:
    """Record credentials received inadvertently (AR II(H)): kept on record, never usable."""
    actor.require(Permission.CREDENTIAL_USE_RECORD)
    problems = Problems()
    via = problems.check(
        parse_enum, ReceiptChannel, fields.received_via, "way of receipt", "received_via"
    )
    platform = problems.check(checked_label, fields.platform, "Platform", default="")
    account = problems.check(checked_label, fields.account_name, "Account name", default="")
    description = problems.check(
        clean_text, fields.description, "Description",
        max_length=NOTE_MAX, required=False, multiline=True, default="",
    )  # fmt: skip
    received_on = problems.check(_received_on, fields.received_on)
    with database.unit_of_work(write=True) as uow:
        agency, _status = agency_and_case(uow, actor, problems, fields.employee_id, fields.case_id)
        # In the future: after the latest day begun here or where the agency is.
        last = last_day_begun(agency.jurisdiction) if agency is not None else clock.today_here()
        if received_on is not None and received_on > last:
            problems.add(f"Date received {received_on} is in the future.", field="received_on")
        problems.raise_any()
        assert agency is not None and via is not None and received_on is not None
        pack_for(agency.jurisdiction)  # refused where the agency's state has no rules
        row = CredentialRequest(
            agency_id=agency.id,
            origin=CredentialOrigin.INADVERTENT.value,
            status=S.INADVERTENT.value,
            case_id=fields.case_id,
            employee_id=fields.employee_id,
            platform=platform,
            account_name=account,
            received_via=via.value,
            received_on=received_on,
            description=description,
            requested_by_id=actor.user_id,
        )
        uow.session.add(row)
        uow.session.flush()
        audit_request(uow, actor, "credential_request.inadvertent", row, received_via=via.value)
        uow.commit()
        return load_request(uow, actor, row.id)


def _received_on(value: dt.date | str | None) -> dt.date:
    received_on = parse_date(value, "Date received")
    if received_on is None:
        raise InvalidInput("Date received is required (YYYY-MM-DD).", field="received_on")
    return received_on


def end_for_closed_case(uow: UnitOfWork, actor: Actor, case_id: int) -> int:
    """Mark the pending and approved requests of a closing case ended; returns how many.

    Called inside the case workflow's own transaction, so the case closes and
    its credentials stop being usable together.
    """
    rows = uow.session.scalars(
        select(CredentialRequest)
        .where(
            CredentialRequest.case_id == case_id,
            CredentialRequest.status.in_((S.PENDING.value, S.APPROVED.value)),
        )
        .with_for_update()
    ).all()
    for row in rows:
        row.status = S.ENDED.value
        row.ended_at = utcnow()
        row.ended_reason = "The case was closed."
        audit_request(uow, actor, "credential_request.end", row)
    return len(rows)
