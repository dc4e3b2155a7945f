"""Typed work kept against a crash, and offered back after one (:mod:`.drafts`); unsaved
redaction boxes among it (:mod:`.redactions`)."""

from app.services.recovery.drafts import (
    NOTE,
    QUIET_FOR,
    REDACTION,
    DraftEntry,
    RecoveredDraft,
    discard_drafts,
    expire_drafts,
    keep_drafts,
    recovered_drafts,
)
from app.services.recovery.redactions import KeptBoxes, kept_boxes, read_boxes

__all__ = [
    "NOTE",
    "QUIET_FOR",
    "REDACTION",
    "KeptBoxes",
    "DraftEntry",
    "RecoveredDraft",
    "discard_drafts",
    "expire_drafts",
    "keep_drafts",
    "kept_boxes",
    "read_boxes",
    "recovered_drafts",
]
