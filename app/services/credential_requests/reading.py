"""Listing and finding credential requests within what the user may see; each view audited."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Select, select
from sqlalchemy.orm import aliased

from app.db.engine import UnitOfWork
from app.db.models import Agency, Case, CredentialRequest, CredentialUse, Employee, User
from app.domain.actor import Actor
from app.domain.authorizations.credentials import (
    AccountExclusion,
    CredentialOrigin,
    ReceiptChannel,
    RequestStatus,
    ViolationKind,
)
from app.domain.authorizations.ma_dys import parse_enum
from app.domain.authorizations.packs import pack_for
from app.domain.errors import NotFound
from app.domain.permissions import Permission
from app.services import audit
from app.services.access import record_visible
from app.services.authorizations import audit_subject
from app.services.credential_requests.records import CredentialRequestInfo, CredentialUseInfo
from app.services.database import Database
from app.services.retry import retried


def _query(actor: Actor) -> Select[CredentialRequest, str, str, str, str, str, str, str]:
    """Requests with what they show, of the cases and agencies in ``actor``'s scope."""
    # Aliased here, not at import: mapping the models is left to the first query.
    requester, decider, receiver = aliased(User), aliased(User), aliased(User)
    return (
        select(
            CredentialRequest,
            Agency.code,
            Agency.jurisdiction,
            Employee.full_name,
            Case.number,
            requester.username,
            decider.username,
            receiver.username,
        )
        .join(Agency, Agency.id == CredentialRequest.agency_id)
        .join(Employee, Employee.id == CredentialRequest.employee_id)
        .outerjoin(Case, Case.id == CredentialRequest.case_id)
        .join(requester, requester.id == CredentialRequest.requested_by_id)
        .outerjoin(decider, decider.id == CredentialRequest.decided_by_id)
        .outerjoin(receiver, receiver.id == CredentialRequest.provided_to_id)
        .where(record_visible(actor, CredentialRequest.agency_id, CredentialRequest.case_id))
    )


def _uses(uow: UnitOfWork, ids: list[int]) -> dict[int, list[CredentialUseInfo]]:
    found: dict[int, list[CredentialUseInfo]] = {i: [] for i in ids}
    if not ids:
        return found
    rows = uow.session.execute(
        select(CredentialUse, Case.number, User.username)
        .join(Case, Case.id == CredentialUse.case_id)
        .join(User, User.id == CredentialUse.used_by_id)
        .where(CredentialUse.request_id.in_(ids))
        .order_by(CredentialUse.used_at, CredentialUse.id)
    )
    for use, number, username in rows:
        found[use.request_id].append(
            CredentialUseInfo(
                use.id, use.request_id, use.case_id, number, use.purpose, use.used_at, username
            )
        )
    return found


def _infos(uow: UnitOfWork, rows: Iterable[tuple[object, ...]]) -> list[CredentialRequestInfo]:
    rows = list(rows)
    uses = _uses(uow, [r[0].id for r in rows])  # type: ignore[attr-defined]
    infos = []
    for raw in rows:
        row, agency, jurisdiction, employee, number, requester, decider, receiver = raw
        assert isinstance(row, CredentialRequest)
        pack = pack_for(str(jurisdiction))
        exclusion = AccountExclusion(row.account_exclusion)
        infos.append(
            CredentialRequestInfo(
                id=row.id,
                origin=CredentialOrigin(row.origin),
                status=RequestStatus(row.status),
                agency_code=str(agency),
                case_id=row.case_id,
                case_number=str(number) if number else None,
                employee_id=row.employee_id,
                employee_name=str(employee),
                platform=row.platform,
                account_name=row.account_name,
                office=row.office,
                office_label=pack.offices.get(row.office, row.office),
                violation_kind=ViolationKind(row.violation_kind) if row.violation_kind else None,
                violation_provision=row.violation_provision,
                justification=row.justification,
                account_exclusion=exclusion,
                exclusion_citations=pack.exclusion_citations(exclusion),
                received_via=ReceiptChannel(row.received_via) if row.received_via else None,
                received_on=row.received_on,
                description=row.description,
                requested_by=str(requester),
                requested_at=row.requested_at,
                decided_by=str(decider) if decider else None,
                decided_at=row.decided_at,
                decision_note=row.decision_note,
                provided_by=row.provided_by,
                provided_to=str(receiver) if receiver else None,
                provided_at=row.provided_at,
                ended_at=row.ended_at,
                ended_reason=row.ended_reason,
                uses=tuple(uses.get(row.id, ())),
            )
        )
    return infos


def load_request(uow: UnitOfWork, actor: Actor, request_id: int) -> CredentialRequestInfo:
    row = uow.session.execute(_query(actor).where(CredentialRequest.id == request_id)).one_or_none()
    if row is None:
        raise NotFound(
            f"There is no credential request {request_id}; see 'casedesk credential-request list'."
        )
    return _infos(uow, [tuple(row)])[0]


def locked_request(uow: UnitOfWork, actor: Actor, request_id: int) -> CredentialRequest:
    row = uow.session.scalar(
        select(CredentialRequest)
        .where(
            CredentialRequest.id == request_id,
            record_visible(actor, CredentialRequest.agency_id, CredentialRequest.case_id),
        )
        .with_for_update()
    )
    if row is None:
        raise NotFound(
            f"There is no credential request {request_id}; see 'casedesk credential-request list'."
        )
    return row


def audit_request(
    uow: UnitOfWork, actor: Actor, action: str, row: CredentialRequest, **details: object
) -> None:
    # No case id: the case timeline must not reveal a confidential credential record.
    audit.record(
        uow, actor, action, entity_type="credential_request", entity_id=row.id,
        details={"status": row.status, **details},
    )  # fmt: skip


@retried
def _audit_views(database: Database, actor: Actor, infos: list[CredentialRequestInfo]) -> None:
    if not infos:
        return
    ids = [i.id for i in infos]
    with database.unit_of_work(write=True) as uow:
        audit.record(
            uow, actor, "credential_request.view", entity_type="credential_request",
            entity_id=audit_subject(ids), details={"ids": ids},
        )  # fmt: skip
        uow.commit()


# -- reading -----------------------------------------------------------------------------


def list_requests(
    database: Database,
    actor: Actor,
    *,
    case_id: int | None = None,
    status: RequestStatus | str | None = None,
) -> list[CredentialRequestInfo]:
    """Credential records, newest first, optionally of one case or in one status (audited)."""
    actor.require(Permission.CREDENTIAL_REQUEST_VIEW)
    query = _query(actor).order_by(
        CredentialRequest.requested_at.desc(), CredentialRequest.id.desc()
    )
    if case_id is not None:
        query = query.where(CredentialRequest.case_id == case_id)
    if status not in (None, ""):
        wanted = parse_enum(RequestStatus, str(status), "request status", "status")
        query = query.where(CredentialRequest.status == wanted.value)
    with database.unit_of_work() as uow:
        infos = _infos(uow, [tuple(r) for r in uow.session.execute(query)])
    _audit_views(database, actor, infos)
    return infos


def get_request(database: Database, actor: Actor, request_id: int) -> CredentialRequestInfo:
    """One credential record (audited)."""
    actor.require(Permission.CREDENTIAL_REQUEST_VIEW)
    with database.unit_of_work() as uow:
        info = load_request(uow, actor, request_id)
    _audit_views(database, actor, [info])
    return info
