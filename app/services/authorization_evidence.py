"""Evidence obtained under an authorization or a credential request: the link and its check.

Evidence intake calls :func:`check_link` inside its writing transaction: a
screenshot obtained under a supervision or investigation authorization must
name one that was active on the capture date (an investigation authorization
of the same case); one obtained through a credential request must name a
request of the same case that was approved, and not yet ended, when it was
captured. Otherwise the evidence is refused with the citation.

:func:`evidence_links` tells a case view which record each item was obtained
under, showing only the records the user may see (B.3.a: investigation
authorizations and credential requests are confidential).
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass

from sqlalchemy import select

from app.db.engine import UnitOfWork
from app.db.models import Agency, Authorization, CredentialRequest, EvidenceItem
from app.domain.actor import Actor
from app.domain.authorizations.credentials import (
    CredentialOrigin,
    CredentialUseFacts,
    RequestStatus,
)
from app.domain.authorizations.ma_dys import AuthorizationKind, cite, is_active
from app.domain.authorizations.packs import pack_for
from app.domain.errors import InvalidInput, NotFound, Refused
from app.domain.evidence import CaptureTime, ObtainedHow
from app.domain.permissions import Permission
from app.services.database import Database

_KIND_OF = {
    ObtainedHow.SUPERVISION_AUTHORIZATION: AuthorizationKind.SUPERVISION,
    ObtainedHow.INVESTIGATION_AUTHORIZATION: AuthorizationKind.INVESTIGATION,
}
_VIEW = {
    AuthorizationKind.SUPERVISION: Permission.AUTHORIZATION_VIEW,
    AuthorizationKind.INVESTIGATION: Permission.INVESTIGATION_AUTHORIZATION_VIEW,
}


def capture_date(capture: CaptureTime) -> dt.date:
    """The calendar day of the capture where it was taken (its zone or offset)."""
    zone = capture.zone
    try:
        if zone[:1] in "+-":
            hours, minutes = zone[1:].split(":")
            offset = dt.timedelta(hours=int(hours), minutes=int(minutes))
            tz: dt.tzinfo = dt.timezone(-offset if zone[0] == "-" else offset)
        else:
            tz = zoneinfo.ZoneInfo(zone)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        tz = dt.UTC
    return capture.utc.astimezone(tz).date()


def check_link(
    uow: UnitOfWork,
    actor: Actor,
    case_id: int,
    obtained: ObtainedHow,
    capture: CaptureTime | None,
    authorization_id: int | None,
    credential_request_id: int | None,
) -> None:
    """Raise unless the evidence's stated authority covers it (see the module docstring)."""
    if obtained in _KIND_OF:
        if credential_request_id is not None:
            raise InvalidInput(
                "Evidence obtained under an authorization names no credential request.",
                field="credential_request",
            )
        _check_authorization(uow, actor, case_id, _KIND_OF[obtained], capture, authorization_id)
    elif obtained is ObtainedHow.CREDENTIAL_REQUEST:
        if authorization_id is not None:
            raise InvalidInput(
                "Evidence obtained through a credential request names no authorization.",
                field="authorization",
            )
        _check_request(uow, actor, case_id, capture, credential_request_id)
    elif authorization_id is not None or credential_request_id is not None:
        raise InvalidInput(
            f"Evidence obtained as '{obtained.value}' is not linked to an authorization or a "
            "credential request; say how it was obtained (supervision_authorization, "
            "investigation_authorization or credential_request).",
            field="obtained",
        )


def _check_authorization(
    uow: UnitOfWork,
    actor: Actor,
    case_id: int,
    kind: AuthorizationKind,
    capture: CaptureTime | None,
    authorization_id: int | None,
) -> None:
    ref = "B.2" if kind is AuthorizationKind.SUPERVISION else "B.3.a"
    if authorization_id is None:
        raise InvalidInput(
            f"Evidence obtained under a {kind.value} authorization must name it: give the "
            "authorization id (see 'casedesk authorization list').",
            field="authorization",
        )
    row = uow.session.get(Authorization, authorization_id)
    if row is None or row.kind != kind.value or not actor.can(_VIEW[kind]):
        raise NotFound(
            f"There is no {kind.value} authorization {authorization_id}; see "
            "'casedesk authorization list'."
        )
    if kind is AuthorizationKind.INVESTIGATION and row.case_id != case_id:
        raise Refused(
            f"Investigation authorization {row.id} was given for another investigation; "
            "evidence gathered under it belongs to that case.",
            citations=(cite("B.3.a"),),
        )
    if capture is None:
        raise InvalidInput(
            "Give the capture time: evidence obtained under an authorization must fall inside "
            "the period the authorization was active.",
            field="captured_at",
        )
    day = capture_date(capture)
    if not is_active(row.starts_on, row.ends_on, row.revoked_on, day):
        until = f"revoked on {row.revoked_on}" if row.revoked_on else f"to {row.ends_on or '—'}"
        raise Refused(
            f"The screenshot was captured on {day}, when authorization {row.id} was not active "
            f"(from {row.starts_on}, {until}).",
            citations=(cite(ref),),
        )


def _check_request(
    uow: UnitOfWork,
    actor: Actor,
    case_id: int,
    capture: CaptureTime | None,
    credential_request_id: int | None,
) -> None:
    if credential_request_id is None:
        raise InvalidInput(
            "Evidence obtained through a credential request must name it: give the request id "
            "(see 'casedesk credential-request list').",
            field="credential_request",
        )
    row = uow.session.get(CredentialRequest, credential_request_id)
    if row is None or not actor.can(Permission.CREDENTIAL_REQUEST_VIEW):
        raise NotFound(
            f"There is no credential request {credential_request_id}; see "
            "'casedesk credential-request list'."
        )
    jurisdiction = uow.session.scalar(select(Agency.jurisdiction).where(Agency.id == row.agency_id))
    pack = pack_for(str(jurisdiction))
    if row.origin == CredentialOrigin.INADVERTENT.value:
        pack.decide_use(
            CredentialUseFacts(
                CredentialOrigin.INADVERTENT, RequestStatus(row.status), row.case_id, case_id,
                None, "evidence",
            )
        ).raise_if_refused(f"Evidence from the credentials of record {row.id}")  # fmt: skip
    if row.case_id != case_id:
        raise Refused(
            f"Credential request {row.id} was made for another case; the credentials may only "
            "be used for that formal investigation or a related proceeding.",
            citations=pack.request_citations,
        )
    if row.status not in (RequestStatus.APPROVED.value, RequestStatus.ENDED.value):
        raise Refused(
            f"Credential request {row.id} is {row.status}, not approved; nothing may be "
            "obtained through it.",
            citations=pack.request_citations,
        )
    if capture is None:
        raise InvalidInput(
            "Give the capture time: evidence obtained through a credential request must be "
            "captured while the request was approved and the investigation open.",
            field="captured_at",
        )
    approved_at = row.decided_at
    if approved_at is not None and capture.utc < approved_at:
        raise Refused(
            f"The screenshot was captured before credential request {row.id} was approved "
            f"({approved_at:%Y-%m-%d %H:%M} UTC).",
            citations=pack.request_citations,
        )
    if row.ended_at is not None and capture.utc >= row.ended_at:
        raise Refused(
            f"The screenshot was captured after credential request {row.id} ended with its "
            f"investigation ({row.ended_at:%Y-%m-%d %H:%M} UTC).",
            citations=pack.request_citations,
        )


@dataclass(frozen=True, slots=True)
class EvidenceLink:
    """The record an evidence item was obtained under."""

    item_id: int
    authorization_id: int | None
    credential_request_id: int | None


def evidence_links(database: Database, actor: Actor, case_id: int) -> dict[int, EvidenceLink]:
    """The authorization or credential request behind each of a case's items, by item id.

    Only the links to records the actor may see are returned.
    """
    actor.require(Permission.EVIDENCE_VIEW)
    with database.unit_of_work() as uow:
        rows = uow.session.execute(
            select(
                EvidenceItem.id,
                EvidenceItem.authorization_id,
                Authorization.kind,
                EvidenceItem.credential_request_id,
            )
            .outerjoin(Authorization, Authorization.id == EvidenceItem.authorization_id)
            .where(EvidenceItem.case_id == case_id)
        )
        links = {}
        for item_id, authorization_id, kind, request_id in rows:
            if authorization_id is not None and not actor.can(_VIEW[AuthorizationKind(kind)]):
                authorization_id = None
            if request_id is not None and not actor.can(Permission.CREDENTIAL_REQUEST_VIEW):
                request_id = None
            if authorization_id is not None or request_id is not None:
                links[item_id] = EvidenceLink(item_id, authorization_id, request_id)
    return links
