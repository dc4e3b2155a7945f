"""Storing one checked screenshot: the bytes once per content, the item, its event.

Every check runs before the writing transaction opens: a refused file
leaves no blob, no item and no event. The same content twice in one case is
refused with :class:`~app.domain.evidence.DuplicateEvidence` (a refusal, not
invalid input: the file is fine, the case already holds it). Importing many
files goes through :mod:`app.services.evidence.intake`, which stores each
with :func:`store_checked`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, select

from app.db import record_ids
from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import EvidenceBlob, EvidenceItem, EvidenceThumbnail
from app.domain.actor import Actor
from app.domain.errors import Refused
from app.domain.evidence import DuplicateEvidence, ObtainedHow, check_size, clean_filename
from app.domain.permissions import Permission
from app.domain.settings import EVIDENCE_MAX_MEGABYTES
from app.services import audit, authorization_evidence
from app.services.database import Database
from app.services.evidence.content import ImageFacts, probe_image, probe_page_source
from app.services.evidence.items import EvidenceInfo, items_by_ids, load_item, lock_case, to_info
from app.services.evidence.metadata import CheckedMetadata as CheckedMetadata
from app.services.evidence.metadata import check_capture_metadata as check_capture_metadata
from app.services.evidence.rows import (
    blob_row,
    insert_many,
    insert_or_skip,
    insert_or_skip_many,
    thumbnail_row,
)
from app.services.retry import retried
from app.services.settings import get_int


def _max_bytes(database: Database, max_bytes: int | None) -> int:
    if max_bytes is not None:
        return max_bytes
    return get_int(database, EVIDENCE_MAX_MEGABYTES) * 1024 * 1024


#: The case's items holding any of some contents (built once, run per transaction).
_SAME_CONTENT = select(EvidenceItem.sha256, EvidenceItem.id).where(
    EvidenceItem.case_id == bindparam("case_id"),
    EvidenceItem.sha256.in_(bindparam("sha256s", expanding=True)),
)


def _store_blob(
    uow: UnitOfWork,
    data: bytes,
    sha256: str,
    media_type: str,
    width: int | None,
    height: int | None,
) -> None:
    """Insert the bytes unless that content is already stored (content addressing)."""
    values = blob_row(data, sha256, media_type, width, height, utcnow())
    # Two workstations adding the same screenshot at once both succeed and share the one row.
    insert_or_skip(uow, EvidenceBlob, values)


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


@dataclass(frozen=True, slots=True)
class CheckedImage:
    """An image whose name, size and content passed their checks, ready to store."""

    name: str
    data: bytes
    sha256: str
    facts: ImageFacts
    #: Cached thumbnails to store with it: max side → PNG.
    thumbnails: Mapping[int, bytes] = dataclasses.field(default_factory=dict)


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
    image = CheckedImage(name, data, sha256 or hashlib.sha256(data).hexdigest(), facts,
                         thumbnails or {})  # fmt: skip
    (stored,) = store_many(database, actor, case_id, [image], metadata)
    if isinstance(stored, DuplicateEvidence):
        raise stored
    return stored


@retried
def store_many(
    database: Database,
    actor: Actor,
    case_id: int,
    images: Sequence[CheckedImage],
    metadata: CheckedMetadata,
) -> list[EvidenceInfo | DuplicateEvidence]:
    """Store checked images of one case, with the same metadata, in one transaction.

    Each image gets what :func:`store_checked` gives it (its blob once per
    content, its item, its thumbnails, its ``evidence.add`` event, in the
    images' order), and the transaction commits them all or none: every item
    stored is whole and audited. Content the case already holds (or that an
    earlier image of ``images`` has) is not stored: its place in the result
    is the :class:`DuplicateEvidence` refusal naming the item that holds it.
    The case lock, the link check, the audit chain's head and the commit are
    taken once for all of them.
    """
    actor.require(Permission.EVIDENCE_ADD)
    if not images:
        return []
    with database.unit_of_work(write=True) as uow:
        number = lock_case(uow, case_id, actor)
        found = uow.session.execute(
            _SAME_CONTENT, {"case_id": case_id, "sha256s": [i.sha256 for i in images]}
        )
        held: dict[str, int] = {sha256: item_id for sha256, item_id in found}
        authorization_evidence.check_link(
            uow, actor, case_id, metadata.obtained, metadata.capture, metadata.authorization_id,
            metadata.credential_request_id,
        )  # fmt: skip
        # The first image of each content the case does not hold gets an item; any
        # other is a duplicate (of the case's item, or of that first image's).
        fresh: dict[str, CheckedImage] = {}
        for image in images:
            if image.sha256 not in held:
                fresh.setdefault(image.sha256, image)
        now = utcnow()
        insert_or_skip_many(uow, EvidenceBlob, [
            blob_row(i.data, i.sha256, i.facts.media_type, i.facts.width, i.facts.height, now)
            for i in fresh.values()
        ])  # fmt: skip
        insert_or_skip_many(uow, EvidenceThumbnail, [
            thumbnail_row(i.sha256, side, png, now)
            for i in fresh.values() for side, png in i.thumbnails.items()
        ])  # fmt: skip
        rows = [_item_values(actor, case_id, i, metadata) for i in fresh.values()]
        # The ids inserting them one by one would give (app.db.record_ids); with one
        # metadata they are all given here, or all taken from PostgreSQL's sequence.
        for row, given in zip(
            rows, record_ids.new_ids(uow.session.connection(), EvidenceItem, rows), strict=True
        ):
            if given is not None:
                row["id"] = given
        ids: dict[str, int] = {
            row["sha256"]: item_id
            for row, item_id in zip(rows, insert_many(uow, EvidenceItem, rows), strict=True)
        }
        audit.record_many(uow, actor, [
            audit.EventInput(
                "evidence.add", "evidence", ids[i.sha256], case_id,
                {"sha256": i.sha256, "size": len(i.data), "media_type": i.facts.media_type,
                 "original_filename": i.name},
            )
            for i in fresh.values()
        ])  # fmt: skip
        # The new items as every reader of them sees them: one query for the batch.
        infos = {
            info.id: info
            for info in (
                to_info(actor, *row)
                for row in uow.session.execute(
                    items_by_ids(actor), {"item_ids": list(ids.values())}
                )
            )
        }
        result: list[EvidenceInfo | DuplicateEvidence] = []
        for image in images:
            if fresh.get(image.sha256) is image:
                result.append(infos[ids[image.sha256]])
            else:
                existing = held.get(image.sha256) or ids[image.sha256]
                result.append(duplicate(number, image.name, image.sha256, existing))
        uow.commit()
        return result


def _item_values(
    actor: Actor, case_id: int, image: CheckedImage, metadata: CheckedMetadata
) -> dict[str, Any]:
    """The columns of a new item's row."""
    capture = metadata.capture
    facts = image.facts
    return {
        "case_id": case_id,
        "sha256": image.sha256,
        "original_filename": image.name,
        "media_type": facts.media_type,
        "size": len(image.data),
        "width": facts.width,
        "height": facts.height,
        "source_url": metadata.source_url,
        "platform": metadata.platform,
        "account_shown": metadata.account_shown,
        "captured_at": capture.utc if capture else None,
        "capture_tz": capture.zone if capture else None,
        "captured_by": metadata.captured_by,
        "added_by_id": actor.user_id,
        "added_at": utcnow(),
        "description": metadata.description,
        "obtained": metadata.obtained.value,
        "page_source_sha256": None,
        "authorization_id": metadata.authorization_id,
        "credential_request_id": metadata.credential_request_id,
        "no_url_reason": metadata.no_url_reason,
        "voided_at": None,
        "voided_by_id": None,
        "void_reason": "",
    }


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
        info = load_item(uow, actor, item_id)
        lock_case(uow, info.case_id, actor)
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
