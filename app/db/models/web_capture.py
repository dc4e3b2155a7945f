"""Web captures: a page captured in the capture browser, its parts and the case's capture log.

A web capture is one evidence item (``evidence_items``: the full-page PNG is
its content, the MHTML its page source) with a ``web_captures`` row for what
the browser and the network said, and ``evidence_parts`` for the other files
(viewport PNG, WARC), each a content-addressed blob. ``capture_log`` keeps
every address visited in the capture browser of a case (migration 0016).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, utcnow


class EvidencePart(Base):
    """One more file of an evidence item (a web capture's viewport PNG, its WARC), hashed."""

    __tablename__ = "evidence_parts"
    __table_args__ = (UniqueConstraint("item_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("evidence_items.id"))
    #: "viewport", "warc", "wacz" (the full page and the MHTML are the item's content and
    #: page source).
    role: Mapped[str] = mapped_column(String(40))
    sha256: Mapped[str] = mapped_column(ForeignKey("evidence_blobs.sha256"))
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]


class WebCapture(Base):
    """What the capture browser and the network said about a captured page."""

    __tablename__ = "web_captures"

    item_id: Mapped[int] = mapped_column(ForeignKey("evidence_items.id"), primary_key=True)
    requested_url: Mapped[str] = mapped_column(Text)
    final_url: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text, default="")
    http_status: Mapped[int | None]
    #: The main document's response headers, as [name, value] pairs in their order.
    response_headers: Mapped[list[list[str]]] = mapped_column(JSON)
    #: The addresses the final URL's host resolved to.
    ip_addresses: Mapped[list[str]] = mapped_column(JSON)
    #: The server's certificate (HTTPS): subject, issuer, validity, SHA-256 fingerprint, PEM.
    certificate: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    #: The investigator's choice to go on past a certificate error, if one was shown.
    certificate_exception: Mapped[str] = mapped_column(Text, default="")
    user_agent: Mapped[str] = mapped_column(Text)
    viewport_width: Mapped[int]
    viewport_height: Mapped[int]
    page_height: Mapped[int]
    #: MA DYS B.2.d: the employee confirmed the privacy settings hide the viewer.
    privacy_confirmed: Mapped[bool] = mapped_column(default=False)
    #: The browser profile the page was viewed in (the authorized account, B.2.a/b).
    profile: Mapped[str] = mapped_column(String(200), default="")
    #: How each file was made and what was fetched again for the WARC.
    method: Mapped[dict[str, Any]] = mapped_column(JSON)


class CaptureLogEntry(Base):
    """An address visited (or captured) in a case's capture browser, with its time."""

    __tablename__ = "capture_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    session: Mapped[str] = mapped_column(String(64))
    visited_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    url: Mapped[str] = mapped_column(Text)
    #: "visit", "capture", "certificate_exception"
    event: Mapped[str] = mapped_column(String(40))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    item_id: Mapped[int | None] = mapped_column(ForeignKey("evidence_items.id"))
