"""Thumbnails of evidence images, cached in the database by content and size.

A thumbnail is not evidence: reading one writes no custody event (opening
the item in the viewer does, through ``read_evidence``). Each is made once
per distinct content and size and kept in ``evidence_thumbnails``, so the
second call answers from the cache without decoding the image. Intake
caches the case view's size with each item as it is added.

An item with redaction boxes is shown redacted in lists too: its boxes are
drawn over the cached thumbnail (scaled, rounded outwards so nothing they
cover shows) with a "REDACTED" band, unless the original is asked for.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence

from PIL import Image, ImageDraw, ImageFont
from sqlalchemy import select

from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import EvidenceBlob, EvidenceItem, EvidenceRedaction, EvidenceThumbnail
from app.domain.actor import Actor
from app.domain.errors import NotFound
from app.domain.evidence import RedactionBox, RedactionReason
from app.domain.permissions import Permission
from app.services.authorization_evidence import evidence_visible
from app.services.database import Database
from app.services.evidence.content import DEFAULT_THUMBNAIL_SIDE, thumbnail_of
from app.services.evidence.items import case_number_of
from app.services.evidence.rows import insert_or_skip, thumbnail_row
from app.services.retry import retried


def store_thumbnail(uow: UnitOfWork, sha256: str, max_side: int, png: bytes) -> None:
    """Cache a thumbnail unless one of that content and size is already there."""
    insert_or_skip(uow, EvidenceThumbnail, thumbnail_row(sha256, max_side, png, utcnow()))


@retried
def _make_and_cache(database: Database, sha256: str, max_side: int) -> bytes:
    """Decode the stored bytes outside any write lock, then cache the result."""
    with database.unit_of_work() as uow:
        data = uow.session.scalar(select(EvidenceBlob.data).where(EvidenceBlob.sha256 == sha256))
    if data is None:
        raise NotFound(f"The stored bytes of content {sha256[:12]}… are missing.")
    png = thumbnail_of(data, max_side)
    with database.unit_of_work(write=True) as uow:
        store_thumbnail(uow, sha256, max_side, png)
        uow.commit()
    return png


def _cached(database: Database, shas: set[str], max_side: int) -> dict[str, bytes]:
    if not shas:
        return {}
    with database.unit_of_work() as uow:
        rows = uow.session.execute(
            select(EvidenceThumbnail.sha256, EvidenceThumbnail.data).where(
                EvidenceThumbnail.max_side == max_side, EvidenceThumbnail.sha256.in_(shas)
            )
        )
        return {sha: bytes(png) for sha, png in rows}


def redacted_thumbnail(png: bytes, boxes: Sequence[RedactionBox], width: int, height: int) -> bytes:
    """``png`` (a thumbnail of a ``width`` x ``height`` image) with the boxes and a marker.

    Each box is scaled to the thumbnail and rounded outwards, so no pixel it
    covers in the original shows; a red band at the foot says "REDACTED".
    """
    with Image.open(io.BytesIO(png)) as source:
        picture = source.convert("RGB")
    scale_x, scale_y = picture.width / width, picture.height / height
    draw = ImageDraw.Draw(picture)
    for box in boxes:
        left, top = math.floor(box.x * scale_x), math.floor(box.y * scale_y)
        right = math.ceil((box.x + box.width) * scale_x) - 1
        bottom = math.ceil((box.y + box.height) * scale_y) - 1
        draw.rectangle((left, top, max(left, right), max(top, bottom)), fill=(0, 0, 0))
    band = max(12, picture.height // 7)
    draw.rectangle((0, picture.height - band, picture.width, picture.height), fill=(150, 0, 0))
    font = ImageFont.load_default(size=max(8, band * 7 // 10))
    draw.text((picture.width // 2, picture.height - band // 2), "REDACTED", fill=(255, 255, 255),
              font=font, anchor="mm")  # fmt: skip
    out = io.BytesIO()
    picture.save(out, format="PNG", compress_level=1)
    return out.getvalue()


def _boxes_by_item(database: Database, item_ids: set[int]) -> dict[int, list[RedactionBox]]:
    if not item_ids:
        return {}
    with database.unit_of_work() as uow:
        rows = uow.session.scalars(
            select(EvidenceRedaction)
            .where(EvidenceRedaction.item_id.in_(item_ids))
            .order_by(EvidenceRedaction.id)
        )
        boxes: dict[int, list[RedactionBox]] = {}
        for r in rows:
            boxes.setdefault(r.item_id, []).append(
                RedactionBox(r.x, r.y, r.width, r.height, RedactionReason(r.reason))
            )
        return boxes


def thumbnail(
    database: Database,
    actor: Actor,
    item_id: int,
    *,
    max_side: int = DEFAULT_THUMBNAIL_SIDE,
    original: bool = False,
) -> bytes:
    """A PNG of the item's image no larger than ``max_side`` either way (aspect kept).

    An item with redaction boxes comes redacted and marked, unless ``original``.
    """
    actor.require(Permission.EVIDENCE_VIEW)
    with database.unit_of_work() as uow:
        row = uow.session.execute(
            select(EvidenceItem.sha256, EvidenceItem.width, EvidenceItem.height).where(
                EvidenceItem.id == item_id, evidence_visible(actor)
            )
        ).one_or_none()
    if row is None:
        raise NotFound(f"There is no evidence item {item_id}; see 'casedesk evidence list'.")
    sha256, width, height = row
    cached = _cached(database, {sha256}, max_side)
    png = cached[sha256] if sha256 in cached else _make_and_cache(database, sha256, max_side)
    boxes = [] if original else _boxes_by_item(database, {item_id}).get(item_id, [])
    if boxes and width and height:
        return redacted_thumbnail(png, boxes, width, height)
    return png


def case_thumbnails(
    database: Database,
    actor: Actor,
    case_id: int,
    *,
    max_side: int = DEFAULT_THUMBNAIL_SIDE,
    original: bool = False,
) -> dict[int, bytes]:
    """Every item's thumbnail in a case, by item id (cached ones in one query).

    Items with redaction boxes come redacted and marked, unless ``original``.
    """
    actor.require(Permission.EVIDENCE_VIEW)
    case_number_of(database, case_id, actor)  # NotFound for a missing case
    with database.unit_of_work() as uow:
        items = list(
            uow.session.execute(
                select(EvidenceItem.id, EvidenceItem.sha256, EvidenceItem.width,
                       EvidenceItem.height)
                .where(EvidenceItem.case_id == case_id, evidence_visible(actor))
                .order_by(EvidenceItem.id)
            )
        )  # fmt: skip
    by_sha = _cached(database, {row.sha256 for row in items}, max_side)
    boxes = {} if original else _boxes_by_item(database, {row.id for row in items})
    result: dict[int, bytes] = {}
    for item_id, sha256, width, height in items:
        if sha256 not in by_sha:
            by_sha[sha256] = _make_and_cache(database, sha256, max_side)
        png = by_sha[sha256]
        if boxes.get(item_id) and width and height:
            png = redacted_thumbnail(png, boxes[item_id], width, height)
        result[item_id] = png
    return result
