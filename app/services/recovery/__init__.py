"""Typed work kept against a crash, and offered back after one (:mod:`.drafts`); unsaved
redaction boxes, findings and forms among it (:mod:`.redactions`, :mod:`.findings`,
:mod:`.fields`)."""

from app.services.recovery.drafts import (
    FINDING,
    INTAKE,
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
from app.services.recovery.fields import kept_fields, read_fields
from app.services.recovery.findings import KeptFinding, kept_finding, read_finding
from app.services.recovery.redactions import KeptBoxes, kept_boxes, read_boxes

__all__ = [
    "FINDING",
    "INTAKE",
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
    "kept_fields",
    "kept_finding",
    "read_boxes",
    "read_fields",
    "read_finding",
    "recovered_drafts",
]
