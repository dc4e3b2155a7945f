"""Typed work kept against a crash, and offered back after one (:mod:`.drafts`); unsaved
redaction boxes and findings among it (:mod:`.redactions`, :mod:`.findings`)."""

from app.services.recovery.drafts import (
    FINDING,
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
from app.services.recovery.findings import KeptFinding, kept_finding, read_finding
from app.services.recovery.redactions import KeptBoxes, kept_boxes, read_boxes

__all__ = [
    "FINDING",
    "NOTE",
    "QUIET_FOR",
    "REDACTION",
    "KeptBoxes",
    "KeptFinding",
    "DraftEntry",
    "RecoveredDraft",
    "discard_drafts",
    "expire_drafts",
    "keep_drafts",
    "kept_boxes",
    "kept_finding",
    "read_boxes",
    "read_finding",
    "recovered_drafts",
]
