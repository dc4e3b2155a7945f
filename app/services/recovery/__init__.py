"""Typed work kept against a crash, and offered back after one (:mod:`.drafts`)."""

from app.services.recovery.drafts import (
    NOTE,
    QUIET_FOR,
    DraftEntry,
    RecoveredDraft,
    discard_drafts,
    expire_drafts,
    keep_drafts,
    recovered_drafts,
)

__all__ = [
    "NOTE",
    "QUIET_FOR",
    "DraftEntry",
    "RecoveredDraft",
    "discard_drafts",
    "expire_drafts",
    "keep_drafts",
    "recovered_drafts",
]
