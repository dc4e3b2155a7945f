"""Redaction boxes over evidence images, and renderings with them applied.

Boxes are stored as rectangles in the original image's pixel coordinates
(``evidence_redactions``); the item's bytes never change. A redacted
rendering is a new PNG: the original pixels with opaque black boxes, and a
band below the image saying that it is a redacted rendering, so a redacted
picture is never mistaken for the original (DOMAIN.md "Screenshot evidence").
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal

from sqlalchemy import delete, select

from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import EvidenceItem, EvidenceRedaction
from app.domain.actor import Actor
from app.domain.errors import InvalidInput, NotFound
from app.domain.evidence import RedactionBox, RedactionReason, check_boxes
from app.domain.permissions import Permission
from app.services import audit
from app.services.authorization_evidence import evidence_visible
from app.services.database import Database
from app.services.evidence.custody import read_evidence
from app.services.evidence.items import EvidenceInfo
from app.services.retry import retried

if TYPE_CHECKING:
    from PIL import Image

#: The band under a redacted rendering: its colour and its text's colour.
_BAND = (150, 0, 0)
_BAND_TEXT = (255, 255, 255)
_BOX = (0, 0, 0)


def boxes_of(uow: UnitOfWork, item_id: int) -> tuple[RedactionBox, ...]:
    """The item's boxes in drawing order (no permission check: callers have made it)."""
    rows = uow.session.scalars(
        select(EvidenceRedaction)
        .where(EvidenceRedaction.item_id == item_id)
        .order_by(EvidenceRedaction.id)
    )
    return tuple(RedactionBox(r.x, r.y, r.width, r.height, RedactionReason(r.reason)) for r in rows)


def boxes_by_item(uow: UnitOfWork, item_ids: Iterable[int]) -> dict[int, tuple[RedactionBox, ...]]:
    """:func:`boxes_of` for several items in one query (items without boxes are left out)."""
    boxes: dict[int, list[RedactionBox]] = {}
    rows = uow.session.scalars(
        select(EvidenceRedaction)
        .where(EvidenceRedaction.item_id.in_(list(item_ids)))
        .order_by(EvidenceRedaction.item_id, EvidenceRedaction.id)
    )
    for r in rows:
        box = RedactionBox(r.x, r.y, r.width, r.height, RedactionReason(r.reason))
        boxes.setdefault(r.item_id, []).append(box)
    return {item_id: tuple(found) for item_id, found in boxes.items()}


def _item(uow: UnitOfWork, actor: Actor, item_id: int, *, lock: bool = False) -> EvidenceItem:
    query = select(EvidenceItem).where(EvidenceItem.id == item_id, evidence_visible(actor))
    item = uow.session.scalar(query.with_for_update() if lock else query)
    if item is None:
        raise NotFound(f"There is no evidence item {item_id}; see 'casedesk evidence list'.")
    return item


def box_details(boxes: Sequence[RedactionBox]) -> list[dict[str, object]]:
    """Boxes as plain data for the audit trail and the export manifest."""
    return [
        {"x": b.x, "y": b.y, "width": b.width, "height": b.height, "reason": b.reason.value}
        for b in boxes
    ]


@retried
def set_redactions(
    database: Database, actor: Actor, item_id: int, boxes: Sequence[RedactionBox]
) -> tuple[RedactionBox, ...]:
    """Replace the item's redaction boxes (an empty list removes them all); audited."""
    actor.require(Permission.EVIDENCE_REDACT)
    with database.unit_of_work(write=True) as uow:
        item = _item(uow, actor, item_id, lock=True)
        if item.width is None or item.height is None:
            raise InvalidInput(
                f"Evidence item {item_id} ({item.original_filename}) is not an image; "
                "only images can be redacted."
            )
        checked = check_boxes(boxes, item.width, item.height)
        previous = boxes_of(uow, item_id)
        uow.session.execute(delete(EvidenceRedaction).where(EvidenceRedaction.item_id == item_id))
        now = utcnow()
        for box in checked:
            uow.session.add(
                EvidenceRedaction(
                    item_id=item_id, x=box.x, y=box.y, width=box.width, height=box.height,
                    reason=box.reason.value, created_by_id=actor.user_id, created_at=now,
                )
            )  # fmt: skip
        uow.session.flush()
        audit.record(
            uow, actor, "evidence.redact", entity_type="evidence", entity_id=item_id,
            case_id=item.case_id,
            details={"sha256": item.sha256, "boxes": box_details(checked),
                     "previous_count": len(previous)},
        )  # fmt: skip
        uow.commit()
        return checked


def get_redactions(database: Database, actor: Actor, item_id: int) -> tuple[RedactionBox, ...]:
    """The item's redaction boxes, in the order they were drawn."""
    actor.require(Permission.EVIDENCE_VIEW)
    with database.unit_of_work() as uow:
        _item(uow, actor, item_id)
        return boxes_of(uow, item_id)


def _flatten(image: Image.Image) -> Image.Image:
    """The first frame as RGB; transparent parts shown on white, as a viewer shows them."""
    if getattr(image, "n_frames", 1) > 1:
        image.seek(0)
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        from PIL import Image

        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return image.convert("RGB")


def _label(boxes: Sequence[RedactionBox]) -> str:
    reasons = sorted({b.reason for b in boxes}, key=list(RedactionReason).index)
    count = f"{len(boxes)} box" if len(boxes) == 1 else f"{len(boxes)} boxes"
    return f"REDACTED ({count}: {', '.join(r.label for r in reasons)}). Not the original."


def render_redacted(data: bytes, boxes: Sequence[RedactionBox]) -> bytes:
    """A PNG of the image with opaque black boxes and a "REDACTED" band below it.

    The boxes are in the original's pixel coordinates and the original sits
    at the top left of the rendering at its own size, so a box covers the
    same pixels here. ``data`` itself is not changed.
    """
    # Pillow loads here, not with the module: most reports print no redaction.
    from PIL import Image, ImageDraw, ImageFont, PngImagePlugin

    # The bytes were checked when they were added (Pillow's size warning is
    # ignored where they are: app.services.evidence.content).
    with Image.open(io.BytesIO(data)) as source:
        source.load()
        picture = _flatten(source)
    width, height = picture.size
    checked = check_boxes(boxes, width, height)
    band = max(24, min(120, width // 40, height // 8 + 24))
    canvas = Image.new("RGB", (width, height + band), _BAND)
    canvas.paste(picture, (0, 0))
    draw = ImageDraw.Draw(canvas)
    for box in checked:
        draw.rectangle((box.x, box.y, box.x + box.width - 1, box.y + box.height - 1), fill=_BOX)
    text = _label(checked)
    size = max(10, band * 6 // 10)
    font = ImageFont.load_default(size=size)
    length = draw.textlength(text, font=font)
    if length > width - 8:  # a narrow image: smaller type, down to 8 pixels
        size = max(8, int(size * (width - 8) / length))
        font = ImageFont.load_default(size=size)
    draw.text((4, height + band // 2), text, fill=_BAND_TEXT, font=font, anchor="lm")
    info = PngImagePlugin.PngInfo()
    info.add_text("Casedesk-Redaction", text)
    out = io.BytesIO()
    canvas.save(out, format="PNG", pnginfo=info, compress_level=6)
    return out.getvalue()


def read_redacted(
    database: Database, actor: Actor, item_id: int, *, purpose: Literal["view"] = "view"
) -> tuple[EvidenceInfo, bytes]:
    """The item re-hashed (with its custody event), rendered with its boxes.

    An item without boxes comes back as its original bytes.
    """
    info, data = read_evidence(database, actor, item_id, purpose=purpose)
    with database.unit_of_work() as uow:
        boxes = boxes_of(uow, item_id)
    if not boxes:
        return info, data
    return info, render_redacted(data, boxes)
