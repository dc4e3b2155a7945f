"""Screenshot evidence: intake, reading with re-hashing, chain of custody, verification.

Bytes are stored once per distinct content (``evidence_blobs``, keyed by
SHA-256) and never changed; an ``evidence_items`` row puts them in a case
with what makes them defensible (DOMAIN.md "Screenshot evidence"). Every
add, view, export, report inclusion and integrity check is an audit event
with the case id, so it shows in the case's timeline.

Every check runs before the writing transaction opens: a refused file
leaves no blob, no item and no event. The same content twice in one case is
refused with :class:`~app.domain.evidence.DuplicateEvidence` (a refusal, not
invalid input: the file is fine, the case already holds it).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Select, func, select
from sqlalchemy.dialects import postgresql, sqlite

from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import (
    Authorization,
    Case,
    CredentialRequest,
    EvidenceBlob,
    EvidenceItem,
    EvidenceRedaction,
    EvidenceThumbnail,
    User,
)
from app.domain.actor import Actor
from app.domain.errors import IntegrityFailure, InvalidInput, NotFound, Refused
from app.domain.evidence import (
    DESCRIPTION_MAX,
    LABEL_MAX,
    CaptureTime,
    DuplicateEvidence,
    ObtainedHow,
    check_size,
    check_url,
    clean_filename,
    parse_capture_time,
    parse_obtained,
)
from app.domain.permissions import Permission
from app.domain.settings import EVIDENCE_MAX_MEGABYTES
from app.domain.validation import clean_text
from app.services import audit, authorization_evidence
from app.services.database import Database
from app.services.evidence_content import ImageFacts, probe_image, probe_page_source
from app.services.integrity.evidence_record import (
    StoredEvidence,
    recorded_problem,
    recorded_problems,
)
from app.services.retry import retried
from app.services.settings import get_int

Purpose = Literal["view", "export", "report"]
#: Reads whose custody event waits for the bundle or report the bytes go into.
InclusionPurpose = Literal["export", "report"]
_PURPOSE_PERMISSION = {
    "view": Permission.EVIDENCE_VIEW,
    "export": Permission.EVIDENCE_EXPORT,
    "report": Permission.EVIDENCE_EXPORT,
}


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


@dataclass(frozen=True, slots=True)
class EvidenceCheck:
    """The result of re-hashing one item's stored bytes."""

    item: EvidenceInfo
    ok: bool
    problem: str = ""


def _max_bytes(database: Database, max_bytes: int | None) -> int:
    if max_bytes is not None:
        return max_bytes
    return get_int(database, EVIDENCE_MAX_MEGABYTES) * 1024 * 1024


def _info(
    actor: Actor,
    item: EvidenceItem,
    case_number: str,
    added_by: str,
    redaction_count: int,
    authorization: Authorization | None = None,
    request: CredentialRequest | None = None,
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
    )


def _item_query(
    actor: Actor,
) -> Select[EvidenceItem, str, str, int, Authorization, CredentialRequest]:
    """Items ``actor`` may know of, with what they show: one query for a case, links included."""
    redactions = (
        select(func.count(EvidenceRedaction.id))
        .where(EvidenceRedaction.item_id == EvidenceItem.id)
        .correlate(EvidenceItem)
        .scalar_subquery()
    )
    return (
        select(EvidenceItem, Case.number, User.username, redactions, Authorization,
               CredentialRequest)
        .join(Case, Case.id == EvidenceItem.case_id)
        .join(User, User.id == EvidenceItem.added_by_id)
        .outerjoin(Authorization, Authorization.id == EvidenceItem.authorization_id)
        .outerjoin(CredentialRequest, CredentialRequest.id == EvidenceItem.credential_request_id)
        .where(authorization_evidence.evidence_visible(actor))
    )  # fmt: skip


def _load_item(uow: UnitOfWork, actor: Actor, item_id: int) -> EvidenceInfo:
    row = uow.session.execute(_item_query(actor).where(EvidenceItem.id == item_id)).one_or_none()
    if row is None:
        raise NotFound(f"There is no evidence item {item_id}; see 'casedesk evidence list'.")
    return _info(actor, *row)


def _lock_case(uow: UnitOfWork, case_id: int) -> str:
    """The case's number; the case row is locked so adds to one case queue (PostgreSQL)."""
    number = uow.session.scalar(
        select(Case.number).where(Case.id == case_id).with_for_update(key_share=True)
    )
    if number is None:
        raise NotFound(f"There is no case {case_id}; see 'casedesk case list'.")
    audit.case_locked(uow, case_id)
    return number


def _store_blob(
    uow: UnitOfWork,
    data: bytes,
    sha256: str,
    media_type: str,
    width: int | None,
    height: int | None,
) -> None:
    """Insert the bytes unless that content is already stored (content addressing)."""
    values = {
        "sha256": sha256,
        "size": len(data),
        "media_type": media_type,
        "width": width,
        "height": height,
        "data": data,
        "created_at": utcnow(),
    }
    # ON CONFLICT DO NOTHING: two workstations adding the same screenshot at
    # once both succeed and share the one row.
    insert = postgresql.insert if uow.dialect == "postgresql" else sqlite.insert
    statement = insert(EvidenceBlob).values(**values).on_conflict_do_nothing()
    uow.session.execute(statement)


@dataclass(frozen=True, slots=True)
class CheckedMetadata:
    """Capture metadata that passed its checks, ready to store with any number of files."""

    source_url: str | None
    capture: CaptureTime | None
    platform: str
    account_shown: str
    captured_by: str | None
    description: str
    obtained: ObtainedHow
    #: The authorization or credential request it was obtained under (checked on store).
    authorization_id: int | None = None
    credential_request_id: int | None = None


def check_capture_metadata(
    *,
    source_url: str | None = None,
    platform: str = "",
    account_shown: str = "",
    captured_at: str | dt.datetime | None = None,
    captured_by: str | None = None,
    description: str = "",
    obtained: ObtainedHow | str = ObtainedHow.PUBLIC,
    authorization_id: int | None = None,
    credential_request_id: int | None = None,
) -> CheckedMetadata:
    """Check what the user says about a screenshot; :class:`InvalidInput` names the field."""
    return CheckedMetadata(
        source_url=check_url(source_url),
        capture=parse_capture_time(captured_at),
        platform=clean_text(platform, "Platform", max_length=LABEL_MAX, required=False),
        account_shown=clean_text(
            account_shown, "Account shown", max_length=LABEL_MAX, required=False
        ),
        captured_by=(
            clean_text(captured_by, "Captured by", max_length=LABEL_MAX, required=False) or None
        ),
        description=clean_text(
            description, "Description", max_length=DESCRIPTION_MAX, required=False, multiline=True
        ),
        obtained=parse_obtained(obtained),
        authorization_id=authorization_id,
        credential_request_id=credential_request_id,
    )


def check_obtained_link(
    database: Database, actor: Actor, case_id: int, metadata: CheckedMetadata
) -> None:
    """Raise unless the authorization or credential request named covers the capture.

    The same check every stored item gets; asked once before an import so a
    bad link is said once (beside its field in the GUI), not once per file.
    """
    actor.require(Permission.EVIDENCE_ADD)
    with database.unit_of_work() as uow:
        authorization_evidence.check_link(
            uow, actor, case_id, metadata.obtained, metadata.capture, metadata.authorization_id,
            metadata.credential_request_id,
        )  # fmt: skip


def add_evidence(
    database: Database,
    actor: Actor,
    case_id: int,
    data: bytes,
    *,
    original_filename: str | bytes,
    source_url: str | None = None,
    platform: str = "",
    account_shown: str = "",
    captured_at: str | dt.datetime | None = None,
    captured_by: str | None = None,
    description: str = "",
    obtained: ObtainedHow | str = ObtainedHow.PUBLIC,
    max_bytes: int | None = None,
    authorization_id: int | None = None,
    credential_request_id: int | None = None,
) -> EvidenceInfo:
    """Add a screenshot to a case: checked, hashed, stored once, audited, in one transaction.

    ``max_bytes`` defaults to the ``evidence.max_megabytes`` setting.
    Raises :class:`InvalidInput` for a bad file or bad metadata and
    :class:`DuplicateEvidence` when the case already holds the same content.
    """
    actor.require(Permission.EVIDENCE_ADD)
    name = clean_filename(original_filename)
    metadata = check_capture_metadata(
        source_url=source_url, platform=platform, account_shown=account_shown,
        captured_at=captured_at, captured_by=captured_by, description=description,
        obtained=obtained, authorization_id=authorization_id,
        credential_request_id=credential_request_id,
    )  # fmt: skip
    check_size(len(data), _max_bytes(database, max_bytes), name)
    facts = probe_image(data, name)
    return store_checked(database, actor, case_id, data, name, facts, metadata)


def duplicate(case_number: str, name: str, sha256: str, existing: int) -> DuplicateEvidence:
    """The refusal of content the case already holds, naming the item that holds it."""
    return DuplicateEvidence(
        f"{name} is already in case {case_number} as evidence item {existing} "
        f"(same content, SHA-256 {sha256[:12]}…); it was not added again.",
        existing_id=existing,
    )


def case_number_of(database: Database, case_id: int) -> str:
    """The case's number; :class:`NotFound` if there is no such case."""
    with database.unit_of_work() as uow:
        number = uow.session.scalar(select(Case.number).where(Case.id == case_id))
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


@retried
def store_checked(
    database: Database,
    actor: Actor,
    case_id: int,
    data: bytes,
    name: str,
    facts: ImageFacts,
    metadata: CheckedMetadata,
    *,
    sha256: str | None = None,
    thumbnails: Mapping[int, bytes] | None = None,
) -> EvidenceInfo:
    """Store an image whose name, metadata and content passed their checks.

    Blob (once per content), item, cached ``thumbnails`` (max side → PNG) and
    the ``evidence.add`` event go in one transaction.
    """
    actor.require(Permission.EVIDENCE_ADD)
    sha256 = sha256 or hashlib.sha256(data).hexdigest()
    capture = metadata.capture
    with database.unit_of_work(write=True) as uow:
        number = _lock_case(uow, case_id)
        existing = uow.session.scalar(
            select(EvidenceItem.id).where(
                EvidenceItem.case_id == case_id, EvidenceItem.sha256 == sha256
            )
        )
        if existing is not None:
            raise duplicate(number, name, sha256, existing)
        authorization_evidence.check_link(
            uow, actor, case_id, metadata.obtained, capture, metadata.authorization_id,
            metadata.credential_request_id,
        )  # fmt: skip
        _store_blob(uow, data, sha256, facts.media_type, facts.width, facts.height)
        for max_side, png in (thumbnails or {}).items():
            store_thumbnail(uow, sha256, max_side, png)
        item = EvidenceItem(
            case_id=case_id,
            sha256=sha256,
            original_filename=name,
            media_type=facts.media_type,
            size=len(data),
            width=facts.width,
            height=facts.height,
            source_url=metadata.source_url,
            platform=metadata.platform,
            account_shown=metadata.account_shown,
            captured_at=capture.utc if capture else None,
            capture_tz=capture.zone if capture else None,
            captured_by=metadata.captured_by,
            added_by_id=actor.user_id,
            added_at=utcnow(),
            description=metadata.description,
            obtained=metadata.obtained.value,
            authorization_id=metadata.authorization_id,
            credential_request_id=metadata.credential_request_id,
        )
        uow.session.add(item)
        uow.session.flush()
        audit.record(
            uow, actor, "evidence.add", entity_type="evidence", entity_id=item.id,
            case_id=case_id,
            details={"sha256": sha256, "size": len(data), "media_type": facts.media_type,
                     "original_filename": name},
        )  # fmt: skip
        info = _load_item(uow, actor, item.id)
        uow.commit()
        return info


def store_thumbnail(uow: UnitOfWork, sha256: str, max_side: int, png: bytes) -> None:
    """Cache a thumbnail unless one of that content and size is already there."""
    values = {"sha256": sha256, "max_side": max_side, "data": png, "created_at": utcnow()}
    insert = postgresql.insert if uow.dialect == "postgresql" else sqlite.insert
    uow.session.execute(insert(EvidenceThumbnail).values(**values).on_conflict_do_nothing())


@retried
def attach_page_source(
    database: Database,
    actor: Actor,
    item_id: int,
    data: bytes,
    *,
    original_filename: str | bytes,
    max_bytes: int | None = None,
) -> EvidenceInfo:
    """Attach the saved page (HTML, MHTML, WARC or PDF) a screenshot was taken from.

    An item keeps the first page source attached: replacing it would change
    evidence after the fact, so a second one is refused.
    """
    actor.require(Permission.EVIDENCE_ADD)
    name = clean_filename(original_filename)
    check_size(len(data), _max_bytes(database, max_bytes), name)
    _kind, media_type = probe_page_source(data, name)
    sha256 = hashlib.sha256(data).hexdigest()
    with database.unit_of_work(write=True) as uow:
        info = _load_item(uow, actor, item_id)
        _lock_case(uow, info.case_id)
        item = uow.session.get(EvidenceItem, item_id, populate_existing=True)
        assert item is not None
        if item.page_source_sha256 is not None:
            raise Refused(
                f"Evidence item {item_id} ({info.original_filename}) already has a page source "
                f"(SHA-256 {item.page_source_sha256[:12]}…); it is kept as it is."
            )
        _store_blob(uow, data, sha256, media_type, None, None)
        item.page_source_sha256 = sha256
        audit.record(
            uow, actor, "evidence.attach_page_source", entity_type="evidence",
            entity_id=item_id, case_id=info.case_id,
            details={"sha256": sha256, "size": len(data), "media_type": media_type,
                     "original_filename": name},
        )  # fmt: skip
        uow.commit()
        return dataclasses.replace(info, page_source_sha256=sha256)


#: The file extension a page source gets in exports, by its media type.
PAGE_EXTENSIONS = {
    "text/html": "html",
    "multipart/related": "mhtml",
    "application/warc": "warc",
    "application/pdf": "pdf",
}


def _page_source_mismatch(sha256: str, data: bytes | None) -> str:
    """Why an attached page source's stored bytes fail their hash, or ''."""
    if data is None:
        return "its page source's stored bytes are missing"
    if hashlib.sha256(data).hexdigest() != sha256:
        return "its page source's stored bytes no longer match their recorded SHA-256"
    return ""


def read_page_source(
    database: Database, actor: Actor, item_id: int, *, purpose: InclusionPurpose = "export"
) -> tuple[str, bytes]:
    """The saved page attached to an item (media type, bytes), re-hashed like the screenshot.

    Like :func:`read_for_inclusion`, the read writes no custody event: the
    caller names the page source in the item's event it records with
    :func:`record_read`. Raises :class:`NotFound` when the item has none
    and :class:`IntegrityFailure` (recorded first) when its bytes no longer
    match the SHA-256 recorded when it was attached.
    """
    _require_purpose(actor, purpose)
    with database.unit_of_work() as uow:
        info = _load_item(uow, actor, item_id)
        if info.page_source_sha256 is None:
            raise NotFound(f"Evidence item {item_id} has no page source attached.")
        sha256 = info.page_source_sha256
        media_type = uow.session.scalar(
            select(EvidenceBlob.media_type).where(EvidenceBlob.sha256 == sha256)
        )
        data = _blob_bytes(uow, sha256)
    problem = _page_source_mismatch(sha256, data)
    if problem:
        details = {"page_source_sha256": sha256, "purpose": purpose, "problem": problem}
        _record_integrity_failure(database, actor, info, details)
        raise IntegrityFailure(_integrity_message(info, problem))
    assert media_type is not None and data is not None
    return media_type, data


def list_evidence(database: Database, actor: Actor, case_id: int) -> list[EvidenceInfo]:
    """The evidence items of a case, in the order they were added (metadata only)."""
    actor.require(Permission.EVIDENCE_VIEW)
    with database.unit_of_work() as uow:
        if uow.session.get(Case, case_id) is None:
            raise NotFound(f"There is no case {case_id}; see 'casedesk case list'.")
        rows = uow.session.execute(
            _item_query(actor)
            .where(EvidenceItem.case_id == case_id)
            .order_by(EvidenceItem.added_at, EvidenceItem.id)
        )
        return [_info(actor, *row) for row in rows]


def _blob_bytes(uow: UnitOfWork, sha256: str) -> bytes | None:
    # A column query: the bytes are not kept in the session's identity map.
    return uow.session.scalar(select(EvidenceBlob.data).where(EvidenceBlob.sha256 == sha256))


def _mismatch(info: EvidenceInfo, data: bytes | None) -> str:
    """Why the stored bytes no longer match the item ("" when they do)."""
    if data is None:
        return "its stored bytes are missing"
    actual = hashlib.sha256(data).hexdigest()
    if actual != info.sha256:
        return f"its stored bytes hash to {actual[:12]}…, not the recorded {info.sha256[:12]}…"
    if len(data) != info.size:
        return f"its stored bytes are {len(data)} bytes long, not the recorded {info.size}"
    return ""


def _require_purpose(actor: Actor, purpose: str) -> None:
    if purpose not in _PURPOSE_PERMISSION:
        raise InvalidInput(f"'{purpose}' is not a reason to read evidence: view, export, report.")
    actor.require(_PURPOSE_PERMISSION[purpose])


@retried
def _record_integrity_failure(
    database: Database, actor: Actor, info: EvidenceInfo, details: Mapping[str, object]
) -> None:
    """A failed integrity check is itself a custody event, whatever the read was for."""
    with database.unit_of_work(write=True) as uow:
        audit.record(
            uow, actor, "evidence.integrity_failure", entity_type="evidence",
            entity_id=info.id, case_id=info.case_id, details=details,
        )  # fmt: skip
        uow.commit()


def _read_checked(
    database: Database, actor: Actor, item_id: int, purpose: Purpose
) -> tuple[EvidenceInfo, bytes]:
    """The item and its bytes, re-hashed; a mismatch is recorded and raised."""
    _require_purpose(actor, purpose)
    with database.unit_of_work() as uow:
        info = _load_item(uow, actor, item_id)
        data = _blob_bytes(uow, info.sha256)
        problem = _mismatch(info, data) or recorded_problem(uow, _stored(info))
    if problem:
        details = {"sha256": info.sha256, "purpose": purpose, "problem": problem}
        _record_integrity_failure(database, actor, info, details)
        raise IntegrityFailure(_integrity_message(info, problem))
    assert data is not None
    return info, data


@retried
def read_evidence(
    database: Database, actor: Actor, item_id: int, *, purpose: Literal["view"] = "view"
) -> tuple[EvidenceInfo, bytes]:
    """An item's exact bytes to look at, re-hashed, with the view recorded in its custody.

    A mismatch is itself recorded (``evidence.integrity_failure``) and then
    raised as :class:`IntegrityFailure` naming the item. Exports and reports
    read through :func:`read_for_inclusion` instead, so that their custody
    events are written only with the bundle or report they went into.
    """
    if purpose != "view":
        raise InvalidInput(
            f"Evidence read for '{purpose}' is recorded with what it goes into; "
            "read it with read_for_inclusion."
        )
    info, data = _read_checked(database, actor, item_id, purpose)
    with database.unit_of_work(write=True) as uow:
        record_read(uow, actor, "view", info)
        uow.commit()
    return info, data


def read_for_inclusion(
    database: Database, actor: Actor, item_id: int, *, purpose: InclusionPurpose
) -> tuple[EvidenceInfo, bytes]:
    """An item's exact bytes for a bundle or a report still being made, re-hashed.

    No custody event is written here: the caller records each item it
    included with :func:`record_read` in the transaction that records
    the finished bundle or report, so a refused, failed or cancelled export
    or report leaves none. A mismatch is recorded at once
    (``evidence.integrity_failure``) and raised as :class:`IntegrityFailure`
    naming the item.
    """
    if purpose not in ("export", "report"):
        raise InvalidInput(f"'{purpose}' is not a reason to include evidence: export, report.")
    return _read_checked(database, actor, item_id, purpose)


def record_read(
    uow: UnitOfWork,
    actor: Actor,
    purpose: Purpose,
    info: EvidenceInfo,
    details: Mapping[str, object] | None = None,
) -> None:
    """Record in ``uow`` that the item was viewed, exported or put in a report.

    The event (``evidence.<purpose>``) carries the item's SHA-256 and
    ``details``: for an export the bundle's SHA-256 and file, for a report
    its id, kind and SHA-256, so the item's custody says where it went.
    """
    audit.record(
        uow, actor, f"evidence.{purpose}", entity_type="evidence", entity_id=info.id,
        case_id=info.case_id, details={"sha256": info.sha256, **(details or {})},
    )  # fmt: skip


def _stored(info: EvidenceInfo) -> StoredEvidence:
    return StoredEvidence(info.id, info.case_id, info.sha256, info.size, info.page_source_sha256)


def _integrity_message(info: EvidenceInfo, problem: str) -> str:
    return (
        f"Evidence item {info.id} ({info.original_filename}, case {info.case_number}) failed "
        f"its integrity check: {problem}. Restore the database from a backup."
    )


def custody_history(database: Database, actor: Actor, item_id: int) -> list[audit.AuditEntry]:
    """Every audit event of one item, oldest first: its chain of custody."""
    actor.require(Permission.EVIDENCE_VIEW)
    with database.unit_of_work() as uow:
        info = _load_item(uow, actor, item_id)
        return [
            event
            for event in audit.case_events(uow, info.case_id)
            if event.entity_type == "evidence" and event.entity_id == str(item_id)
        ]


@retried
def verify_evidence(
    database: Database, actor: Actor, case_id: int | None = None
) -> list[EvidenceCheck]:
    """Re-hash every item's bytes (of one case, or all) and record each check.

    Each item gets an ``evidence.verify`` event (its custody shows every
    integrity check). The hashing runs in a reading snapshot so other users
    are not held up; the events are written afterwards in one transaction.
    Returns one check per item; the failed ones have ``ok`` False.
    """
    if not actor.can(Permission.AUDIT_VERIFY):
        actor.require(Permission.EVIDENCE_VIEW)
    checks: list[EvidenceCheck] = []
    with database.unit_of_work(snapshot=True) as uow:
        query = _item_query(actor).order_by(EvidenceItem.added_at, EvidenceItem.id)
        if case_id is not None:
            if uow.session.get(Case, case_id) is None:
                raise NotFound(f"There is no case {case_id}; see 'casedesk case list'.")
            query = query.where(EvidenceItem.case_id == case_id)
        # Item metadata only: the bytes are read one blob at a time, once per content.
        items = [_info(actor, *row) for row in uow.session.execute(query)]
        problems: dict[str, str] = {}
        for info in items:
            if info.sha256 not in problems:
                problems[info.sha256] = _mismatch(info, _blob_bytes(uow, info.sha256))
            problem = problems[info.sha256]
            if not problem and info.page_source_sha256 is not None:
                problem = _page_source_mismatch(
                    info.page_source_sha256, _blob_bytes(uow, info.page_source_sha256)
                )
            checks.append(EvidenceCheck(info, not problem, problem))
        # Hashes rewritten together with the bytes agree with each other, not with
        # the audit events that recorded them when the items came in.
        recorded = recorded_problems(uow, [_stored(c.item) for c in checks if c.ok])
        checks = [
            EvidenceCheck(c.item, False, recorded[c.item.id]) if c.item.id in recorded else c
            for c in checks
        ]
    with database.unit_of_work(write=True) as uow:
        audit.lock_cases(uow, (check.item.case_id for check in checks))
        for check in checks:
            audit.record(
                uow, actor, "evidence.verify", entity_type="evidence",
                entity_id=check.item.id, case_id=check.item.case_id,
                details={"sha256": check.item.sha256, "ok": check.ok, "problem": check.problem},
            )  # fmt: skip
        uow.commit()
    return checks


def integrity_message(check: EvidenceCheck) -> str:
    """The sentence naming a failed item, as ``read_evidence`` raises it."""
    return _integrity_message(check.item, check.problem)
