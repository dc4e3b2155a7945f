"""Evidence items as the case view, the CLI, bundles and reports see them.

One query (:func:`item_query`) gives every item ``actor`` may know of with
what it shows (case number, who added it, its redaction count, the
authorization or credential request it was obtained under as the user may
see it); every list, read and check goes through it.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import aliased

from app.db.engine import UnitOfWork
from app.db.models import (
    Authorization,
    Case,
    CredentialRequest,
    EvidenceItem,
    EvidenceRedaction,
    User,
)
from app.domain.actor import Actor
from app.domain.errors import NotFound
from app.domain.evidence import ObtainedHow
from app.domain.permissions import Permission
from app.services import audit, authorization_evidence
from app.services.access import require_visible_case, visible_cases
from app.services.database import Database


@dataclass(frozen=True, slots=True)
class EvidenceInfo:
    """An evidence item's metadata, as the case view, the CLI and reports show it."""

    id: int
    case_id: int
    case_number: str
    sha256: str
    original_filename: str
    media_type: str
    size: int
    width: int | None
    height: int | None
    source_url: str | None
    platform: str
    account_shown: str
    captured_at: dt.datetime | None
    capture_tz: str | None
    captured_by: str | None
    #: Who added it, by full name (``added_by_username`` is the account).
    added_by: str
    added_at: dt.datetime
    description: str
    #: How it was obtained; :attr:`ObtainedHow.CONFIDENTIAL` for users who may not see
    #: the confidential record behind it (decided by ``authorization_evidence.shown_link``).
    obtained: ObtainedHow
    page_source_sha256: str | None
    #: How many redaction boxes the item has (0: none; its renderings are the original).
    redaction_count: int = 0
    #: The authorization or credential request it was obtained under, if the user may see it.
    authorization_id: int | None = None
    credential_request_id: int | None = None
    #: That record in a few words, e.g. "Authorization 12 (Instagram, from 2026-02-01)".
    obtained_under: str = ""
    #: Why there is no source URL, when there is none ("supplied by reporter as a file").
    no_url_reason: str = ""
    added_by_username: str = ""
    #: Set when the item was made void: when, by whom (full name), and why.
    voided_at: dt.datetime | None = None
    voided_by: str = ""
    void_reason: str = ""

    @property
    def void(self) -> bool:
        """A void item is kept with its bytes but left out of reports and bundles by default."""
        return self.voided_at is not None


def to_info(
    actor: Actor,
    item: EvidenceItem,
    case_number: str,
    added_by: str,
    redaction_count: int,
    authorization: Authorization | None = None,
    request: CredentialRequest | None = None,
    added_by_username: str = "",
    voided_by: str | None = None,
) -> EvidenceInfo:
    shown = authorization_evidence.shown_link(
        actor, ObtainedHow(item.obtained), authorization, request
    )
    return EvidenceInfo(
        id=item.id,
        case_id=item.case_id,
        case_number=case_number,
        sha256=item.sha256,
        original_filename=item.original_filename,
        media_type=item.media_type,
        size=item.size,
        width=item.width,
        height=item.height,
        source_url=item.source_url,
        platform=item.platform,
        account_shown=item.account_shown,
        captured_at=item.captured_at,
        capture_tz=item.capture_tz,
        captured_by=item.captured_by,
        added_by=added_by,
        added_at=item.added_at,
        description=item.description,
        obtained=shown.obtained,
        page_source_sha256=item.page_source_sha256,
        redaction_count=redaction_count,
        authorization_id=shown.authorization_id,
        credential_request_id=shown.credential_request_id,
        obtained_under=shown.label,
        no_url_reason=item.no_url_reason,
        added_by_username=added_by_username,
        voided_at=item.voided_at,
        voided_by=voided_by or "",
        void_reason=item.void_reason,
    )


def item_query(
    actor: Actor, *, scoped: bool = True
) -> Select[EvidenceItem, str, str, int, Authorization, CredentialRequest, str, str]:
    """Items ``actor`` may know of, with what they show: one query for a case, links included."""
    redactions = (
        select(func.count(EvidenceRedaction.id))
        .where(EvidenceRedaction.item_id == EvidenceItem.id)
        .correlate(EvidenceItem)
        .scalar_subquery()
    )
    voider = aliased(User)
    return (
        select(EvidenceItem, Case.number, User.full_name, redactions, Authorization,
               CredentialRequest, User.username, voider.full_name)
        .join(Case, Case.id == EvidenceItem.case_id)
        .join(User, User.id == EvidenceItem.added_by_id)
        .outerjoin(voider, voider.id == EvidenceItem.voided_by_id)
        .outerjoin(Authorization, Authorization.id == EvidenceItem.authorization_id)
        .outerjoin(CredentialRequest, CredentialRequest.id == EvidenceItem.credential_request_id)
        .where(authorization_evidence.evidence_visible(actor, scoped=scoped))
    )  # fmt: skip


# The statements run once per stored file are built once per actor and run with
# the ids as parameters: building one costs more than running it. The actor's
# scope is still read from the database on every run (``visible_cases``).
@functools.lru_cache(maxsize=32)
def _item_by_id(
    actor: Actor,
) -> Select[EvidenceItem, str, str, int, Authorization, CredentialRequest, str, str]:
    return item_query(actor).where(EvidenceItem.id == bindparam("item_id"))


@functools.lru_cache(maxsize=32)
def items_by_ids(
    actor: Actor,
) -> Select[EvidenceItem, str, str, int, Authorization, CredentialRequest, str, str]:
    """:func:`item_query` for the items whose ids are the ``item_ids`` parameter (a list)."""
    return item_query(actor).where(EvidenceItem.id.in_(bindparam("item_ids", expanding=True)))


@functools.lru_cache(maxsize=32)
def _case_to_lock(actor: Actor) -> Select[str]:
    return (
        select(Case.number)
        .where(Case.id == bindparam("case_id"), visible_cases(actor))
        .with_for_update(key_share=True)
    )


def load_item(uow: UnitOfWork, actor: Actor, item_id: int) -> EvidenceInfo:
    row = uow.session.execute(_item_by_id(actor), {"item_id": item_id}).one_or_none()
    if row is None:
        raise NotFound(f"There is no evidence item {item_id}; see 'casedesk evidence list'.")
    return to_info(actor, *row)


def lock_case(uow: UnitOfWork, case_id: int, actor: Actor) -> str:
    """The case's number; the case row is locked so adds to one case queue (PostgreSQL).

    A case outside ``actor``'s scope is not found.
    """
    number = uow.session.scalar(_case_to_lock(actor), {"case_id": case_id})
    if number is None:
        raise NotFound(f"There is no case {case_id}; see 'casedesk case list'.")
    audit.case_locked(uow, case_id)
    return number


def case_number_of(database: Database, case_id: int, actor: Actor) -> str:
    """The case's number; :class:`NotFound` if there is no such case in ``actor``'s scope."""
    with database.unit_of_work() as uow:
        number = uow.session.scalar(
            select(Case.number).where(Case.id == case_id, visible_cases(actor))
        )
    if number is None:
        raise NotFound(f"There is no case {case_id}; see 'casedesk case list'.")
    return number


def case_contents(database: Database, case_id: int) -> dict[str, int]:
    """The case's items by SHA-256 (content → item id): intake's cheap duplicate pre-check."""
    with database.unit_of_work() as uow:
        rows = uow.session.execute(
            select(EvidenceItem.sha256, EvidenceItem.id).where(EvidenceItem.case_id == case_id)
        )
        return {sha256: item_id for sha256, item_id in rows}


def list_evidence(
    database: Database, actor: Actor, case_id: int, *, include_void: bool = True
) -> list[EvidenceInfo]:
    """The evidence items of a case, in the order they were added (metadata only).

    ``include_void=False`` leaves void items out, as reports and bundles do
    unless asked to include them.
    """
    actor.require(Permission.EVIDENCE_VIEW)
    with database.unit_of_work() as uow:
        require_visible_case(uow, actor, case_id)
        query = item_query(actor).where(EvidenceItem.case_id == case_id)
        if not include_void:
            query = query.where(EvidenceItem.voided_at.is_(None))
        rows = uow.session.execute(query.order_by(EvidenceItem.added_at, EvidenceItem.id))
        return [to_info(actor, *row) for row in rows]
