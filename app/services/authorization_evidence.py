"""Evidence obtained under an authorization or a credential request: the link and its check.

Evidence intake calls :func:`check_link` inside its writing transaction: a
screenshot obtained under a supervision or investigation authorization must
name one that was active on the capture date (an investigation authorization
of the same case); one obtained through a credential request must name a
request of the same case that was approved, and not yet ended, when it was
captured. Otherwise the evidence is refused with the citation.

A supervision authorization may have been logged on another case of the
agency: MA DYS 003 B.2 grants it to supervise a youth (recorded in that
youth's JJEMS notes, B.2.c, and what it finds goes to the youth's file,
B.2.f), not for one investigation, whereas an investigation authorization
is granted "for an investigation involving youth" (B.3.a) and so covers
only its own case.

The record is looked up within what the actor may see, by the rule its own
list and get use (``access.record_visible`` and the permission to see its
kind): one they may not see is "not found", said as for an id that does not
exist. It must also be one of the case's agency: another agency's record is
no basis for evidence of this case.

:func:`shown_link` decides, in this one place, what a user is shown of how
an item was obtained: the record it was obtained under, or, for users who
may not see that kind of record (B.3.a: investigation authorizations and
credential requests are confidential), a masked value naming neither the
kind nor the record. :func:`link_choices` lists the records an intake form
offers for a case.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, select, true

from app.db.engine import UnitOfWork
from app.db.models import Agency, Authorization, Case, CredentialRequest, EvidenceItem
from app.domain.actor import Actor
from app.domain.authorizations.credentials import (
    CredentialOrigin,
    CredentialUseFacts,
    RequestStatus,
)
from app.domain.authorizations.ma_dys import AuthorizationKind, cite, is_active
from app.domain.authorizations.packs import pack_for
from app.domain.errors import InvalidInput, NotFound, Refused
from app.domain.evidence import CaptureTime, ObtainedHow, capture_date
from app.domain.permissions import Permission
from app.services.access import case_visible, record_visible, visible_cases
from app.services.database import Database

_KIND_OF = {
    ObtainedHow.SUPERVISION_AUTHORIZATION: AuthorizationKind.SUPERVISION,
    ObtainedHow.INVESTIGATION_AUTHORIZATION: AuthorizationKind.INVESTIGATION,
}
_VIEW = {
    AuthorizationKind.SUPERVISION: Permission.AUTHORIZATION_VIEW,
    AuthorizationKind.INVESTIGATION: Permission.INVESTIGATION_AUTHORIZATION_VIEW,
}


def _a(word: str) -> str:
    """``word`` with its indefinite article ("an investigation", "a supervision")."""
    return f"an {word}" if word[:1] in "aeiou" else f"a {word}"


def _case_agency(uow: UnitOfWork, actor: Actor, case_id: int) -> tuple[int, str]:
    """The id and code of the case's agency; NotFound outside ``actor``'s scope."""
    row = uow.session.execute(
        select(Agency.id, Agency.code)
        .join(Case, Case.agency_id == Agency.id)
        .where(Case.id == case_id, visible_cases(actor))
    ).one_or_none()
    if row is None:
        raise NotFound(f"There is no case {case_id}; see 'casedesk case list'.")
    return int(row.id), str(row.code)


def _agency_code(uow: UnitOfWork, agency_id: int) -> str:
    return str(uow.session.scalar(select(Agency.code).where(Agency.id == agency_id)))


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
            f"Evidence obtained under {_a(kind.value)} authorization must say which one: "
            "choose the authorization it was obtained under.",
            field="authorization",
        )
    agency_id, agency_code = _case_agency(uow, actor, case_id)
    # Found as its list and get find it: one the actor may not see does not exist for them.
    row = (
        uow.session.scalar(
            select(Authorization).where(
                Authorization.id == authorization_id,
                Authorization.kind == kind.value,
                record_visible(actor, Authorization.agency_id, Authorization.case_id),
            )
        )
        if actor.can(_VIEW[kind])
        else None
    )
    if row is None:
        raise NotFound(
            f"There is no {kind.value} authorization {authorization_id}; choose one logged "
            "for this case.",
            field="authorization",
        )
    if row.agency_id != agency_id:
        raise Refused(
            f"Authorization {row.id} was given by {_agency_code(uow, row.agency_id)}, not "
            f"{agency_code}: evidence of this case cannot be obtained under another agency's "
            "authorization.",
            citations=(cite(ref),),
            field="authorization",
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
            "Evidence obtained through a credential request must say which one: choose the "
            "request it was obtained through.",
            field="credential_request",
        )
    agency_id, agency_code = _case_agency(uow, actor, case_id)
    # Found as its list and get find it: one the actor may not see does not exist for them.
    row = (
        uow.session.scalar(
            select(CredentialRequest).where(
                CredentialRequest.id == credential_request_id,
                record_visible(actor, CredentialRequest.agency_id, CredentialRequest.case_id),
            )
        )
        if actor.can(Permission.CREDENTIAL_REQUEST_VIEW)
        else None
    )
    if row is None:
        raise NotFound(
            f"There is no credential request {credential_request_id}; choose one made for "
            "this case.",
            field="credential_request",
        )
    jurisdiction = uow.session.scalar(select(Agency.jurisdiction).where(Agency.id == row.agency_id))
    pack = pack_for(str(jurisdiction))
    if row.agency_id != agency_id:
        raise Refused(
            f"Credential request {row.id} was made by {_agency_code(uow, row.agency_id)}, not "
            f"{agency_code}: evidence of this case cannot be obtained through another agency's "
            "request.",
            citations=pack.request_citations,
            field="credential_request",
        )
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


# -- what a user is shown ------------------------------------------------------------------

#: How a masked item's provenance reads, wherever it is shown (list, bundle, viewer, report).
CONFIDENTIAL_LABEL = "Under a confidential authorization or request (details restricted)"

_CONFIDENTIAL_KINDS = {
    ObtainedHow.INVESTIGATION_AUTHORIZATION: Permission.INVESTIGATION_AUTHORIZATION_VIEW,
    ObtainedHow.CREDENTIAL_REQUEST: Permission.CREDENTIAL_REQUEST_VIEW,
}


def hidden_kinds(actor: Actor) -> tuple[str, ...]:
    """The ways of obtaining evidence whose items ``actor`` may not know of at all.

    Evidence obtained under an investigation authorization (B.3.a) or through
    a credential request is as confidential as the record: a user who may not
    see that kind of record sees neither the item nor a count or gap that
    betrays it.
    """
    return tuple(how.value for how, needed in _CONFIDENTIAL_KINDS.items() if not actor.can(needed))


def evidence_visible(actor: Actor, *, scoped: bool = True) -> ColumnElement[bool]:
    """The condition every query of evidence items for ``actor`` goes through.

    Items of a case outside the actor's scope (``access.visible_cases``) do not
    exist for them; ``scoped=False`` only for the administrator's integrity
    check of every item, which shows no content.
    """
    hidden = hidden_kinds(actor)
    kinds = EvidenceItem.obtained.not_in(hidden) if hidden else true()
    return and_(kinds, case_visible(EvidenceItem.case_id, actor)) if scoped else kinds


@dataclass(frozen=True, slots=True)
class ShownLink:
    """How an item was obtained, as one user may see it."""

    obtained: ObtainedHow
    authorization_id: int | None = None
    credential_request_id: int | None = None
    #: The record in a few words ("Authorization 12 (Instagram, from 2026-02-01)"), or "".
    label: str = ""


def _period(row: Authorization) -> str:
    period = f"{row.starts_on} – {row.ends_on}" if row.ends_on else f"from {row.starts_on}"
    if row.revoked_on is not None:
        period += f", revoked on {row.revoked_on}"
    return period


def authorization_label(row: Authorization) -> str:
    """An authorization in a few words; the account name, itself confidential, is left out."""
    return f"Authorization {row.id} ({row.platform}, {_period(row)})"


def request_label(row: CredentialRequest) -> str:
    """A credential request in a few words; the account name is left out."""
    return f"Credential request {row.id} ({row.platform}, {row.status})"


def shown_link(
    actor: Actor,
    obtained: ObtainedHow,
    authorization: Authorization | None,
    request: CredentialRequest | None,
) -> ShownLink:
    """What ``actor`` is shown of how an item was obtained: the one place this is decided.

    Users who may not see investigation authorizations (B.3.a) or credential
    requests get :attr:`ObtainedHow.CONFIDENTIAL` for items obtained under
    one, with no record; the others get the kind and the record, if they may
    see it. Needs no query: the caller joins the rows into its own.
    """
    needed = _CONFIDENTIAL_KINDS.get(obtained)
    if needed is not None and not actor.can(needed):
        return ShownLink(ObtainedHow.CONFIDENTIAL)
    if authorization is not None and actor.can(_VIEW[AuthorizationKind(authorization.kind)]):
        return ShownLink(obtained, authorization_id=authorization.id,
                         label=authorization_label(authorization))  # fmt: skip
    if request is not None and actor.can(Permission.CREDENTIAL_REQUEST_VIEW):
        return ShownLink(obtained, credential_request_id=request.id, label=request_label(request))
    return ShownLink(obtained)


# -- what an intake form offers ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LinkChoice:
    """A record evidence of a case may be obtained under, as an intake form offers it."""

    id: int
    employee_name: str
    account_name: str
    platform: str
    #: Authorizations: the period and whether it is active today.
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    revoked_on: dt.date | None = None
    active: bool = False
    #: Credential requests: where the request stands.
    status: RequestStatus | None = None


def link_choices(
    database: Database, actor: Actor, case_id: int, obtained: ObtainedHow | str
) -> list[LinkChoice]:
    """The records of ``obtained``'s kind that evidence of the case may name, newest first.

    Investigation authorizations and credential requests of the case; the
    supervision authorizations of the case and those of its agency given for
    no particular case. Only records the actor may see; viewing confidential
    ones is audited as any list of them is. Whether one covers a capture is
    :func:`check_link`'s to say.
    """
    # The record services load here, not with this module: storing evidence (which
    # imports it for the link check and the wording) lists neither.
    from app.services import authorizations, credential_requests

    actor.require(Permission.EVIDENCE_ADD)
    how = ObtainedHow(obtained)
    with database.unit_of_work() as uow:
        agency = uow.session.scalar(
            select(Agency.code)
            .join(Case, Case.agency_id == Agency.id)
            .where(Case.id == case_id, visible_cases(actor))
        )
    if agency is None:
        raise NotFound(f"There is no case {case_id}.")
    if how is ObtainedHow.CREDENTIAL_REQUEST:
        actor.require(Permission.CREDENTIAL_REQUEST_VIEW)
        return [
            LinkChoice(r.id, r.employee_name, r.account_name, r.platform, status=r.status)
            for r in credential_requests.list_requests(database, actor, case_id=case_id)
        ]
    if how not in _KIND_OF:
        return []
    kind = _KIND_OF[how]
    actor.require(_VIEW[kind])
    if kind is AuthorizationKind.INVESTIGATION:
        found = authorizations.list_authorizations(database, actor, kind=kind, case_id=case_id)
    else:
        found = [
            a
            for a in authorizations.list_authorizations(database, actor, kind=kind)
            if a.case_id == case_id or (a.case_id is None and a.agency_code == agency)
        ]
    return [
        LinkChoice(
            a.id,
            a.employee_name,
            a.account_name,
            a.platform,
            a.starts_on,
            a.ends_on,
            a.revoked_on,
            a.active,
        )  # fmt: skip
        for a in found
    ]
