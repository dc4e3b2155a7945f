"""Evidence: content-addressed blobs and the items that put them in a case."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db import record_ids
from app.db.base import Base, utcnow
from app.db.models import accounts as _accounts  # noqa: F401  (its tables: the keys below name them)
from app.db.models import authorizations as _authorizations  # noqa: F401
from app.db.models import cases as _cases  # noqa: F401


class EvidenceBlob(Base):
    """The exact bytes of one distinct content, keyed by their SHA-256.

    Two cases holding the same screenshot share one row; the bytes are never
    changed once written.
    """

    __tablename__ = "evidence_blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int]
    media_type: Mapped[str] = mapped_column(String(100))
    width: Mapped[int | None]
    height: Mapped[int | None]
    # Deferred: listing items must not load megabytes of screenshots.
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class EvidenceItem(Base):
    """A screenshot (or other file) in a case, with what makes it defensible."""

    __tablename__ = "evidence_items"
    __table_args__ = (
        UniqueConstraint("case_id", "sha256"),
        Index("ix_evidence_items_sha256", "sha256"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # The unique (case_id, sha256) constraint also serves lookups by case.
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    sha256: Mapped[str] = mapped_column(ForeignKey("evidence_blobs.sha256"))
    original_filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    width: Mapped[int | None]
    height: Mapped[int | None]
    source_url: Mapped[str | None] = mapped_column(Text)
    platform: Mapped[str] = mapped_column(String(200), default="")
    account_shown: Mapped[str] = mapped_column(String(200), default="")
    captured_at: Mapped[dt.datetime | None]
    capture_tz: Mapped[str | None] = mapped_column(String(64))
    captured_by: Mapped[str | None] = mapped_column(String(200))
    added_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    description: Mapped[str] = mapped_column(Text, default="")
    obtained: Mapped[str] = mapped_column(String(40))
    page_source_sha256: Mapped[str | None] = mapped_column(ForeignKey("evidence_blobs.sha256"))
    # What it was obtained under (MA DYS B.2/B.3, AR-DHS II(G)); migration 0005.
    authorization_id: Mapped[int | None] = mapped_column(ForeignKey("authorizations.id"))
    credential_request_id: Mapped[int | None] = mapped_column(ForeignKey("credential_requests.id"))
    # Why there is no source URL ("supplied by reporter as a file"); migration 0011.
    no_url_reason: Mapped[str] = mapped_column(Text, default="")
    # A void item keeps its bytes and history; reports and bundles leave it out
    # unless asked (migration 0011).
    voided_at: Mapped[dt.datetime | None]
    voided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    void_reason: Mapped[str] = mapped_column(Text, default="")


class EvidenceThumbnail(Base):
    """A cached thumbnail (PNG) of one distinct content at one size.

    A cache, not evidence: it can be dropped and made again from the blob.
    """

    __tablename__ = "evidence_thumbnails"

    sha256: Mapped[str] = mapped_column(ForeignKey("evidence_blobs.sha256"), primary_key=True)
    max_side: Mapped[int] = mapped_column(primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class EvidenceRedaction(Base):
    """One redaction box over an item, in the original image's pixel coordinates.

    The boxes are applied to a rendering only; the item's bytes never change.
    """

    __tablename__ = "evidence_redactions"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("evidence_items.id"), index=True)
    x: Mapped[int]
    y: Mapped[int]
    width: Mapped[int]
    height: Mapped[int]
    reason: Mapped[str] = mapped_column(String(40))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class EvidenceAmendment(Base):
    """One corrected metadata field of an item: the value before and after, and why.

    Rows are only ever added, so an item's earlier values stay in its history
    (migration 0011); the audit event ``evidence.amend`` records the same.
    """

    __tablename__ = "evidence_amendments"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("evidence_items.id"), index=True)
    field: Mapped[str] = mapped_column(String(40))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    amended_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    amended_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


# Ids from the confidential rows' own space (however this module is imported).
record_ids.give_ids(EvidenceItem)
