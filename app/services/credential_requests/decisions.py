"""Asking for an employee's credentials, and the approval or denial of the request."""

from __future__ import annotations

from sqlalchemy import select

from app.db.base import utcnow
from app.db.models import Agency, CredentialRequest
from app.domain.actor import Actor
from app.domain.authorizations.credentials import (
    ApprovalFacts,
    CredentialOrigin,
    Demand,
)
from app.domain.authorizations.decision import Decision
from app.domain.authorizations.ma_dys import parse_enum
from app.domain.authorizations.packs import pack_for
from app.domain.errors import NotFound, Refused
from app.domain.permissions import Permission
from app.domain.validation import NOTE_MAX, clean_text
from app.services.credential_requests.checks import proposed_facts
from app.services.credential_requests.reading import audit_request, load_request, locked_request
from app.services.credential_requests.records import (
    CredentialRequestFields,
    CredentialRequestInfo,
    S,
)
from app.services.database import Database
from app.services.retry import retried


def check_request(database: Database, actor: Actor, fields: CredentialRequestFields) -> Decision:
    """The rule pack's answer on ``fields``, without logging anything."""
    actor.require(Permission.CREDENTIAL_REQUEST_CREATE)
    with database.unit_of_work() as uow:
        return proposed_facts(uow, actor, fields).decide("The credential request")


def check_demand(
    database: Database, actor: Actor, agency_code: str, demand: Demand | str
) -> Decision:
    """The pack's answer on a demand besides credentials (a refusal where the law bars it)."""
    actor.require(Permission.CREDENTIAL_REQUEST_CREATE)
    wanted = parse_enum(Demand, demand, "demand", "demand")
    with database.unit_of_work() as uow:
        agency = uow.session.scalar(select(Agency).where(Agency.code == agency_code.upper()))
        if agency is None:
            raise NotFound(f"There is no agency {agency_code}; see 'casedesk catalog agencies'.")
        pack = pack_for(agency.jurisdiction)
    return pack.decide_demand(wanted)


@retried
def new_request(
    database: Database, actor: Actor, fields: CredentialRequestFields
) -> CredentialRequestInfo:
    """Log a credential request (pending approval), or the account's exclusion, or refuse."""
    actor.require(Permission.CREDENTIAL_REQUEST_CREATE)
    with database.unit_of_work(write=True) as uow:
        proposed = proposed_facts(uow, actor, fields)
        decision = proposed.decide("The credential request")
        excluded = not decision.allowed and decision.codes == {"not_personal_account"}
        if not excluded:
            decision.raise_if_refused("The credential request")
        facts, agency = proposed.facts, proposed.agency
        assert agency is not None and fields.employee_id is not None
        row = CredentialRequest(
            agency_id=agency.id,
            origin=CredentialOrigin.REQUEST.value,
            status=(S.EXCLUDED if excluded else S.PENDING).value,
            case_id=fields.case_id,
            employee_id=fields.employee_id,
            platform=proposed.platform,
            account_name=proposed.account,
            office=facts.office,
            violation_kind=facts.violation_kind.value if facts.violation_kind else None,
            violation_provision=facts.violation_provision,
            justification=facts.justification,
            account_exclusion=facts.account_exclusion.value,
            requested_by_id=actor.user_id,
        )
        uow.session.add(row)
        uow.session.flush()
        audit_request(
            uow, actor, "credential_request.exclude" if excluded else "credential_request.new",
            row, citations=list(decision.citations if excluded else decision.basis),
        )  # fmt: skip
        uow.commit()
        return load_request(uow, actor, row.id)


def _pending(row: CredentialRequest) -> None:
    if row.status != S.PENDING.value:
        raise Refused(
            f"Credential request {row.id} is {row.status}; only a pending request can be "
            "approved or denied."
        )


@retried
def approve_request(
    database: Database, actor: Actor, request_id: int, *, note: str = ""
) -> CredentialRequestInfo:
    """Approve a pending request: not by its requester, and only while the case still qualifies."""
    actor.require(Permission.CREDENTIAL_REQUEST_APPROVE)
    note = clean_text(note, "Note", max_length=NOTE_MAX, required=False, multiline=True)
    with database.unit_of_work(write=True) as uow:
        row = locked_request(uow, actor, request_id)
        _pending(row)
        fields = CredentialRequestFields(
            case_id=row.case_id,
            employee_id=row.employee_id,
            platform=row.platform,
            account_name=row.account_name,
            office=row.office,
            violation_kind=row.violation_kind,
            violation_provision=row.violation_provision,
            justification=row.justification,
            account_exclusion=row.account_exclusion,
        )
        proposed = proposed_facts(uow, actor, fields)
        proposed.decide(f"Approval of credential request {row.id}")  # the stored inputs hold
        assert proposed.pack is not None
        decision = proposed.pack.decide_approval(
            ApprovalFacts(S(row.status), row.requested_by_id, actor.user_id, proposed.facts)
        )
        decision.raise_if_refused(f"Approval of credential request {row.id}")
        row.status = S.APPROVED.value
        row.decided_by_id = actor.user_id
        row.decided_at = utcnow()
        row.decision_note = note
        audit_request(uow, actor, "credential_request.approve", row, citations=list(decision.basis))
        uow.commit()
        return load_request(uow, actor, row.id)


@retried
def deny_request(
    database: Database, actor: Actor, request_id: int, *, note: str
) -> CredentialRequestInfo:
    """Deny a pending request, saying why."""
    actor.require(Permission.CREDENTIAL_REQUEST_APPROVE)
    note = clean_text(note, "Reason for the denial", max_length=NOTE_MAX, multiline=True)
    with database.unit_of_work(write=True) as uow:
        row = locked_request(uow, actor, request_id)
        _pending(row)
        row.status = S.DENIED.value
        row.decided_by_id = actor.user_id
        row.decided_at = utcnow()
        row.decision_note = note
        audit_request(uow, actor, "credential_request.deny", row)
        uow.commit()
        return load_request(uow, actor, row.id)
