"""Redaction boxes drawn and not saved, as a kept draft's ``data``.

The evidence viewer keeps its unsaved boxes against a crash like typed text
(:data:`~app.services.recovery.drafts.REDACTION`); the recovered-work
dialog puts them back on the item's picture, unsaved, for the user to check
and save there. Nothing here saves a box: :func:`read_boxes` only reads what
the window kept, and refuses anything else, since a row of the database
file is not to be trusted (the viewer shows the boxes, and
``set_redactions`` checks them against the picture when they are saved).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.errors import InvalidInput
from app.domain.evidence import MAX_REDACTION_BOXES, RedactionBox, RedactionReason
from app.services.recovery.kept_data import read_object, whole_number

#: Any coordinate above this is no screenshot's (the intake's pixel limit is far lower).
_MAX_COORDINATE = 1_000_000
_DAMAGED = "The kept redaction boxes cannot be read ({0}); discard them and draw them again."


@dataclass(frozen=True, slots=True)
class KeptBoxes:
    """The boxes drawn on one evidence item and not saved."""

    item_id: int
    boxes: tuple[RedactionBox, ...]


def kept_boxes(item_id: int, boxes: Sequence[RedactionBox]) -> str:
    """``data`` of a redaction draft: the item and its boxes (original-image pixels)."""
    return json.dumps(
        {
            "item": item_id,
            "boxes": [[b.x, b.y, b.width, b.height, b.reason.value] for b in boxes],
        },
        separators=(",", ":"),
    )


def _whole(value: object, what: str, least: int) -> int:
    return whole_number(value, what, _DAMAGED, least, _MAX_COORDINATE)


def read_boxes(data: str) -> KeptBoxes:
    """The item and boxes of a redaction draft's ``data``; InvalidInput if it is not one."""
    found = read_object(data, {"item", "boxes"}, _DAMAGED, "not an item and its boxes")
    item_id = _whole(found["item"], "the item", 1)
    rows = found["boxes"]
    if not isinstance(rows, list) or len(rows) > MAX_REDACTION_BOXES:
        raise InvalidInput(_DAMAGED.format(f"not a list of at most {MAX_REDACTION_BOXES} boxes"))
    boxes = []
    for row in rows:
        if not isinstance(row, list) or len(row) != 5:
            raise InvalidInput(_DAMAGED.format("a box is not x, y, width, height and reason"))
        x, y = _whole(row[0], "x", 0), _whole(row[1], "y", 0)
        width, height = _whole(row[2], "a width", 1), _whole(row[3], "a height", 1)
        try:
            reason = RedactionReason(row[4])
        except ValueError:
            raise InvalidInput(_DAMAGED.format("a box's reason is unknown")) from None
        boxes.append(RedactionBox(x, y, width, height, reason))
    return KeptBoxes(item_id, tuple(boxes))
