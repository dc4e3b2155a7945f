"""Typed work kept against a crash, and offered back after one (:mod:`.drafts`); unsaved
redaction boxes, findings and forms among it (:mod:`.redactions`, :mod:`.findings`,
:mod:`.fields`)."""

from app.services.recovery.drafts import (
    DISCIPLINE,
    FINDING,
    INTAKE,
    NEW_CASE,
    NOTE,
    QUIET_FOR,
    REDACTION,
    DraftEntry,
    RecoveredDraft,
    discard_drafts,
    expire_drafts,
    keep_drafts,
    read_data,
    recovered_drafts,
)
from app.services.recovery.fields import KeptStep, kept_fields, kept_step, read_fields, read_step
from app.services.recovery.findings import KeptFinding, kept_finding, read_finding
from app.services.recovery.redactions import KeptBoxes, kept_boxes, read_boxes

__all__ = [
    "DISCIPLINE",
    "FINDING",
    "INTAKE",
    "NEW_CASE",
    "NOTE",
    "QUIET_FOR",
    "REDACTION",
    "KeptBoxes",
    "KeptFinding",
    "KeptStep",
    "DraftEntry",
    "RecoveredDraft",
    "discard_drafts",
    "expire_drafts",
    "keep_drafts",
    "kept_boxes",
    "kept_fields",
    "kept_finding",
    "kept_step",
    "read_boxes",
    "read_data",
    "read_fields",
    "read_finding",
    "read_step",
    "recovered_drafts",
]
