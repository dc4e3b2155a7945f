"""Reading web captures back: their metadata, their parts (re-hashed) and the capture log."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import not_, select
from sqlalchemy.orm import aliased

from app.db.models import (
    CaptureLogEntry,
    EvidenceBlob,
    EvidenceItem,
    EvidencePart,
    User,
    WebCapture,
)
from app.domain.actor import Actor
from app.domain.errors import IntegrityFailure, NotFound
from app.domain.permissions import Permission
from app.services.access import require_visible_case
from app.services.authorization_evidence import evidence_visible
from app.services.database import Database
from app.services.evidence.custody import Purpose, refuse_part
from app.services.evidence.items import load_item
from app.services.integrity.evidence_parts import (
    StoredPart,
    digest_of,
    missing_part_problem,
    part_problem,
    recorded_parts,
)


@dataclass(frozen=True, slots=True)
class CapturePart:
    """One more file of a web capture (viewport PNG, WARC) and its SHA-256 at capture."""

    role: str
    filename: str
    media_type: str
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class WebCaptureInfo:
    """What was recorded about a captured page, as the viewer, the CLI and bundles show it."""

    item_id: int
    requested_url: str
    final_url: str
    title: str
    http_status: int | None
    response_headers: tuple[tuple[str, str], ...]
    ip_addresses: tuple[str, ...]
    certificate: dict[str, Any] | None
    certificate_exception: str
    user_agent: str
    viewport_width: int
    viewport_height: int
    page_height: int
    privacy_confirmed: bool
    profile: str
    method: dict[str, Any]
    parts: tuple[CapturePart, ...]
    #: The server's certificate chain, leaf first (a capture stored before chains: the leaf).
    certificate_chain: tuple[dict[str, Any], ...] = ()
    #: Why only the leaf was recorded ("" when the whole chain was, or over HTTP).
    certificate_chain_error: str = ""

    @property
    def fingerprint(self) -> str | None:
        """The SHA-256 fingerprint of the server's certificate (HTTPS), else None."""
        return None if self.certificate is None else self.certificate.get("sha256_fingerprint")

    @property
    def chain_fingerprints(self) -> tuple[str, ...]:
        """The SHA-256 fingerprint of each certificate of the chain, leaf first."""
        return tuple(str(cert.get("sha256_fingerprint", "")) for cert in self.certificate_chain)

    def part(self, role: str) -> CapturePart | None:
        """The part of that role, if the capture has one."""
        return next((part for part in self.parts if part.role == role), None)

    def as_json(self) -> dict[str, Any]:
        """The plain form ``evidence list --json`` and bundles print."""
        return {
            "requested_url": self.requested_url,
            "final_url": self.final_url,
            "title": self.title,
            "http_status": self.http_status,
            "response_headers": [list(pair) for pair in self.response_headers],
            "ip_addresses": list(self.ip_addresses),
            "certificate": self.certificate,
            "certificate_sha256": self.fingerprint,
            "certificate_chain": list(self.certificate_chain),
            "certificate_chain_sha256": list(self.chain_fingerprints),
            "certificate_chain_error": self.certificate_chain_error,
            "certificate_exception": self.certificate_exception,
            "user_agent": self.user_agent,
            "viewport": [self.viewport_width, self.viewport_height],
            "page_height": self.page_height,
            "privacy_confirmed": self.privacy_confirmed,
            "profile": self.profile,
            "parts": [
                {"role": p.role, "filename": p.filename, "media_type": p.media_type,
                 "size": p.size, "sha256": p.sha256}
                for p in self.parts
            ],
            "method": self.method,
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class CaptureLogLine:
    """One line of a case's capture log."""

    visited_at: dt.datetime
    url: str
    event: str
    user: str
    session: str
    item_id: int | None


def case_captures(database: Database, actor: Actor, case_id: int) -> dict[int, WebCaptureInfo]:
    """The web captures of a case's items, by item id (items without one are absent).

    Only items the actor may see (``evidence_visible``); a case outside their
    scope is not found, said as for a case that does not exist.
    """
    actor.require(Permission.EVIDENCE_VIEW)
    with database.unit_of_work() as uow:
        require_visible_case(uow, actor, case_id)
        rows = uow.session.scalars(
            select(WebCapture)
            .join(EvidenceItem, EvidenceItem.id == WebCapture.item_id)
            .where(EvidenceItem.case_id == case_id, evidence_visible(actor))
        ).all()
        parts: dict[int, list[CapturePart]] = {}
        ids = [row.item_id for row in rows]
        for part in uow.session.scalars(
            select(EvidencePart).where(EvidencePart.item_id.in_(ids)).order_by(EvidencePart.id)
        ):
            parts.setdefault(part.item_id, []).append(
                CapturePart(part.role, part.filename, part.media_type, part.size, part.sha256)
            )
        return {row.item_id: _info(row, tuple(parts.get(row.item_id, ()))) for row in rows}


def capture_of(database: Database, actor: Actor, item_id: int) -> WebCaptureInfo | None:
    """The web capture behind an item (None for other items); NotFound outside the user's scope."""
    actor.require(Permission.EVIDENCE_VIEW)
    with database.unit_of_work() as uow:
        info = load_item(uow, actor, item_id)
    return case_captures(database, actor, info.case_id).get(item_id)


def _info(row: WebCapture, parts: tuple[CapturePart, ...]) -> WebCaptureInfo:
    # The stored certificate is the leaf's description holding the chain (leaf first).
    stored = dict(row.certificate) if row.certificate else None
    chain: tuple[dict[str, Any], ...] = ()
    chain_error = ""
    if stored is not None:
        chain_error = str(stored.pop("chain_error", ""))
        if "chain" in stored:
            chain = tuple(stored.pop("chain"))
        else:  # stored before chains were recorded: the leaf alone
            chain, chain_error = (dict(stored),), "only the leaf was recorded"
    return WebCaptureInfo(
        item_id=row.item_id, requested_url=row.requested_url, final_url=row.final_url,
        title=row.title, http_status=row.http_status,
        response_headers=tuple((str(k), str(v)) for k, v in row.response_headers),
        ip_addresses=tuple(row.ip_addresses), certificate=stored,
        certificate_exception=row.certificate_exception, user_agent=row.user_agent,
        viewport_width=row.viewport_width, viewport_height=row.viewport_height,
        page_height=row.page_height, privacy_confirmed=row.privacy_confirmed,
        profile=row.profile, method=dict(row.method), parts=parts, certificate_chain=chain,
        certificate_chain_error=chain_error,
    )  # fmt: skip


def require_all_parts(
    database: Database, actor: Actor, capture: WebCaptureInfo, *, purpose: Purpose
) -> None:
    """Refuse, recorded as for a part that fails, a capture missing a part its
    ``evidence.add`` event recorded (its row deleted outside Casedesk)."""
    with database.unit_of_work() as uow:
        info = load_item(uow, actor, capture.item_id)
        recorded = recorded_parts(uow, [(info.id, info.case_id)]).get(info.id)
    stored = [StoredPart(info.id, p.role, p.sha256, p.size) for p in capture.parts]
    problem = missing_part_problem(stored, recorded)
    if problem and recorded is not None:
        role = next(r for r in recorded.hashes if r not in {p.role for p in stored})
        missing = StoredPart(info.id, role, recorded.hashes[role], 0)
        raise refuse_part(database, actor, info, missing, problem, purpose)


def read_part(
    database: Database, actor: Actor, item_id: int, role: str, *, purpose: Purpose = "view"
) -> tuple[CapturePart, bytes]:
    """A part's bytes, re-hashed: :class:`IntegrityFailure` when they no longer match.

    The bytes must match the part's ``evidence_parts`` row, and the row the
    hash the item's ``evidence.add`` event recorded for that part
    (:func:`~app.services.integrity.evidence_parts.part_problem`), so a part rewritten
    together with its row is refused too. A failure is recorded first
    (``evidence.integrity_failure``, with ``purpose``), as for the item's own bytes.
    """
    actor.require(Permission.EVIDENCE_VIEW)
    with database.unit_of_work() as uow:
        info = load_item(uow, actor, item_id)
        part = uow.session.scalar(
            select(EvidencePart).where(EvidencePart.item_id == item_id, EvidencePart.role == role)
        )
        if part is None:
            raise NotFound(f"Evidence item {item_id} has no {role} part.")
        data = uow.session.scalar(
            select(EvidenceBlob.data).where(EvidenceBlob.sha256 == part.sha256)
        )
        found = CapturePart(part.role, part.filename, part.media_type, part.size, part.sha256)
        recorded = recorded_parts(uow, [(info.id, info.case_id)]).get(info.id)
    stored = StoredPart(item_id, found.role, found.sha256, found.size)
    problem = part_problem(stored, digest_of(data), recorded)
    if problem:
        raise refuse_part(database, actor, info, stored, problem, purpose)
    assert data is not None
    return found, data


def capture_log(database: Database, actor: Actor, case_id: int) -> list[CaptureLogLine]:
    """Every address visited or captured in the case's capture browser, oldest first.

    A case outside the actor's scope is not found, said as for one that does not exist.
    A browser session that captured an item the actor may not see (evidence
    obtained under an investigation authorization or a credential request,
    hidden from HR) is left out whole: its addresses are that record's
    browsing, as confidential as the item (docs/security.md, "Confidential
    evidence").
    """
    actor.require(Permission.EVIDENCE_VIEW)
    captured = aliased(CaptureLogEntry)
    hidden_sessions = (
        select(captured.session)
        .join(EvidenceItem, EvidenceItem.id == captured.item_id)
        .where(captured.case_id == case_id, not_(evidence_visible(actor)))
    )
    with database.unit_of_work() as uow:
        require_visible_case(uow, actor, case_id)
        rows = uow.session.execute(
            select(CaptureLogEntry, User.username)
            .join(User, User.id == CaptureLogEntry.user_id)
            .where(
                CaptureLogEntry.case_id == case_id,
                CaptureLogEntry.session.not_in(hidden_sessions),
            )
            .order_by(CaptureLogEntry.visited_at, CaptureLogEntry.id)
        ).all()
        return [
            CaptureLogLine(row.visited_at, row.url, row.event, username, row.session, row.item_id)
            for row, username in rows
        ]


@dataclass(frozen=True, slots=True)
class CaptureFiles:
    """What the viewer's web-capture tabs show: the capture, its viewport, MHTML and log."""

    capture: WebCaptureInfo
    viewport_png: bytes
    mhtml: bytes
    log: tuple[CaptureLogLine, ...]


def read_capture_files(database: Database, actor: Actor, item_id: int) -> CaptureFiles | None:
    """The capture behind an item with its files re-hashed (None for an item that is not one).

    The viewer opening the item records the view in its custody; these are
    parts of the same view.
    """
    capture = capture_of(database, actor, item_id)
    if capture is None:
        return None
    _part, viewport = read_part(database, actor, item_id, "viewport")
    with database.unit_of_work() as uow:
        info = load_item(uow, actor, item_id)
        mhtml = (
            uow.session.scalar(
                select(EvidenceBlob.data).where(EvidenceBlob.sha256 == info.page_source_sha256)
            )
            or b""
        )
    if hashlib.sha256(mhtml).hexdigest() != info.page_source_sha256:
        raise IntegrityFailure(
            f"The saved page of evidence item {item_id} ({info.original_filename}) no longer "
            "matches the SHA-256 recorded at capture; it was not shown."
        )
    sessions = {line.session for line in capture_log(database, actor, info.case_id)
                if line.item_id == item_id}  # fmt: skip
    log = tuple(line for line in capture_log(database, actor, info.case_id)
                if line.session in sessions)  # fmt: skip
    return CaptureFiles(capture, viewport, mhtml, log)
