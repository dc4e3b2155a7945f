"""Storing a web capture: one evidence item with its parts, metadata, log and event, at once.

The full-page PNG is the item's content (so the case view, reports and
bundles show it like any screenshot) and the MHTML its page source; the
viewport PNG, the WARC of the browser's own traffic
(:mod:`app.services.capture.recorded`) and its WACZ are ``evidence_parts``; what the browser and the
network said is the ``web_captures`` row; the addresses visited before the
capture and the capture itself go into the case's capture log. All of it,
every blob and the ``evidence.add`` event naming every hash, is written in
one transaction after every check passed: a refused capture, or a process
killed before the commit, leaves nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import (
    Authorization,
    CaptureLogEntry,
    EvidenceItem,
    EvidencePart,
    WebCapture,
)
from app.domain.actor import Actor
from app.domain.evidence import ObtainedHow, clean_filename
from app.domain.permissions import Permission
from app.domain.web_capture import (
    LOG_CAPTURE,
    LOG_CERTIFICATE_EXCEPTION,
    LOG_VISIT,
    METHOD,
    PART_VIEWPORT,
    PART_WACZ,
    PART_WARC,
    CapturedPage,
    capture_filename,
    check_privacy_confirmation,
)
from app.services import audit, authorization_evidence
from app.services.capture.archive import PageArchive
from app.services.capture.wacz import WACZ_TYPE, WaczPage, build_wacz
from app.services.database import Database
from app.services.evidence.content import (
    DEFAULT_THUMBNAIL_SIDE,
    decode_image,
    make_thumbnail,
    probe_page_source,
)
from app.services.evidence.items import EvidenceInfo, load_item, lock_case
from app.services.evidence.store import (
    CheckedMetadata,
    _store_blob,
    check_capture_metadata,
    duplicate,
)
from app.services.evidence.thumbnails import store_thumbnail
from app.services.retry import retried

WARC_TYPE = "application/warc"


@dataclass(frozen=True, slots=True)
class CaptureStatement:
    """What the investigator states about a capture (the intake dialog's fields)."""

    platform: str = ""
    account_shown: str = ""
    description: str = ""
    obtained: ObtainedHow | str = ObtainedHow.PUBLIC
    authorization_id: int | None = None
    credential_request_id: int | None = None
    #: MA DYS B.2.d: the employee confirmed the privacy settings hide the viewer.
    privacy_confirmed: bool = False


def _checked(statement: CaptureStatement, actor: Actor, when: dt.datetime) -> CheckedMetadata:
    return check_capture_metadata(
        source_url="https://placeholder.invalid/",  # the real one is the page's; checked on store
        platform=statement.platform,
        account_shown=statement.account_shown,
        captured_at=when,
        captured_by=actor.full_name,
        description=statement.description,
        obtained=statement.obtained,
        authorization_id=statement.authorization_id,
        credential_request_id=statement.credential_request_id,
        require_provenance=True,
    )


def _check_rules(
    uow: UnitOfWork, actor: Actor, case_id: int, metadata: CheckedMetadata, privacy: bool
) -> str:
    """The authorization checks intake makes, then B.2.d; the profile the capture runs in."""
    authorization_evidence.check_link(
        uow, actor, case_id, metadata.obtained, metadata.capture, metadata.authorization_id,
        metadata.credential_request_id,
    )  # fmt: skip
    if metadata.obtained is ObtainedHow.SUPERVISION_AUTHORIZATION:
        row = uow.session.get(Authorization, metadata.authorization_id)
        assert row is not None  # check_link found it
        check_privacy_confirmation(row.site_shows_viewers, privacy)
    if metadata.authorization_id is not None:
        row = uow.session.get(Authorization, metadata.authorization_id)
        assert row is not None
        return f"{row.platform}: {row.account_name}"
    return ""


def check_capture(
    database: Database,
    actor: Actor,
    case_id: int,
    statement: CaptureStatement,
    *,
    when: dt.datetime | None = None,
) -> str:
    """Raise unless a capture under ``statement`` would be stored; before any browsing.

    The same checks :func:`store_capture` makes again when storing: the
    fields, the authorization or credential request (active on the capture
    date, of this case where the rule says so), and B.2.d. Returns the
    authorized account the capture is viewed as ("" for none).
    """
    actor.require(Permission.EVIDENCE_ADD)
    metadata = _checked(statement, actor, when or dt.datetime.now().astimezone())
    with database.unit_of_work() as uow:
        return _check_rules(uow, actor, case_id, metadata, statement.privacy_confirmed)


def _part(uow: UnitOfWork, item_id: int, role: str, data: bytes, name: str, media: str) -> str:
    sha256 = hashlib.sha256(data).hexdigest()
    _store_blob(uow, data, sha256, media, None, None)
    uow.session.add(
        EvidencePart(item_id=item_id, role=role, sha256=sha256, filename=name,
                     media_type=media, size=len(data))
    )  # fmt: skip
    return sha256


def _log(
    uow: UnitOfWork,
    actor: Actor,
    case_id: int,
    session: str,
    entries: Iterable[tuple[dt.datetime, str, str]],
    item_id: int | None = None,
) -> None:
    for when, url, event in entries:
        uow.session.add(
            CaptureLogEntry(case_id=case_id, session=session, visited_at=when, url=url,
                            event=event, user_id=actor.user_id, item_id=item_id)
        )  # fmt: skip


@retried
def log_visit(
    database: Database,
    actor: Actor,
    case_id: int,
    session: str,
    url: str,
    *,
    event: str = LOG_VISIT,
) -> None:
    """Record an address visited in a case's capture browser (custody information)."""
    actor.require(Permission.EVIDENCE_ADD)
    with database.unit_of_work(write=True) as uow:
        lock_case(uow, case_id, actor)
        _log(uow, actor, case_id, session, [(utcnow(), url, event)])
        audit.record(
            uow, actor, f"capture.{event}", entity_type="case", entity_id=case_id,
            case_id=case_id, details={"url": url, "session": session},
        )  # fmt: skip
        uow.commit()


@retried
def store_capture(
    database: Database,
    actor: Actor,
    case_id: int,
    page: CapturedPage,
    archive: PageArchive,
    statement: CaptureStatement,
    *,
    session: str,
) -> EvidenceInfo:
    """Store a captured page as one evidence item; see the module docstring.

    Raises :class:`~app.domain.errors.Refused` (with the citation) when the
    authorization or credential request does not cover the capture or B.2.d
    is not confirmed, and :class:`InvalidInput` for a bad statement or page.
    """
    actor.require(Permission.EVIDENCE_ADD)
    metadata = check_capture_metadata(
        source_url=page.final_url, platform=statement.platform,
        account_shown=statement.account_shown, captured_at=page.captured_at,
        captured_by=actor.full_name, description=statement.description,
        obtained=statement.obtained, authorization_id=statement.authorization_id,
        credential_request_id=statement.credential_request_id, require_provenance=True,
    )  # fmt: skip
    name = clean_filename(capture_filename(page.final_url, page.title))
    facts, image = decode_image(page.full_page_png, name)
    try:
        thumbnail = make_thumbnail(image, DEFAULT_THUMBNAIL_SIDE)
    finally:
        image.close()
    stem = name.removesuffix(".png")
    _kind, mhtml_type = probe_page_source(page.mhtml, f"{stem}.mhtml")
    sha256 = hashlib.sha256(page.full_page_png).hexdigest()
    capture = metadata.capture
    assert capture is not None
    wacz = build_wacz(
        archive.warc, f"{stem}.warc.gz", WaczPage(page.final_url, page.title, capture.utc),
        software="Casedesk capture browser",
    )  # fmt: skip
    with database.unit_of_work(write=True) as uow:
        number = lock_case(uow, case_id, actor)
        existing = uow.session.scalar(
            select(EvidenceItem.id).where(
                EvidenceItem.case_id == case_id, EvidenceItem.sha256 == sha256
            )
        )
        if existing is not None:
            raise duplicate(number, name, sha256, existing)
        viewed_as = _check_rules(uow, actor, case_id, metadata, statement.privacy_confirmed)
        _store_blob(uow, page.full_page_png, sha256, facts.media_type, facts.width, facts.height)
        store_thumbnail(uow, sha256, DEFAULT_THUMBNAIL_SIDE, thumbnail)
        mhtml_sha = hashlib.sha256(page.mhtml).hexdigest()
        _store_blob(uow, page.mhtml, mhtml_sha, mhtml_type, None, None)
        item = EvidenceItem(
            case_id=case_id, sha256=sha256, original_filename=name,
            media_type=facts.media_type, size=len(page.full_page_png), width=facts.width,
            height=facts.height, source_url=metadata.source_url, platform=metadata.platform,
            account_shown=metadata.account_shown, captured_at=capture.utc,
            capture_tz=capture.zone, captured_by=metadata.captured_by,
            added_by_id=actor.user_id, added_at=utcnow(), description=metadata.description,
            obtained=metadata.obtained.value, authorization_id=metadata.authorization_id,
            credential_request_id=metadata.credential_request_id, page_source_sha256=mhtml_sha,
            no_url_reason="",
        )  # fmt: skip
        uow.session.add(item)
        uow.session.flush()
        viewport_sha = _part(uow, item.id, PART_VIEWPORT, page.viewport_png,
                             f"{stem}-viewport.png", "image/png")  # fmt: skip
        warc_sha = _part(uow, item.id, PART_WARC, archive.warc, f"{stem}.warc.gz", WARC_TYPE)
        wacz_sha = _part(uow, item.id, PART_WACZ, wacz, f"{stem}.wacz", WACZ_TYPE)
        main = archive.main
        method: dict[str, Any] = {
            **METHOD,
            **(
                archive.method
                or {
                    "refetched": [
                        {"url": url, "status": status, "error": error}
                        for url, status, error in archive.fetched
                    ],
                    "main_document_error": main.error,
                }
            ),
            "viewed_as": viewed_as,
        }
        uow.session.add(
            WebCapture(
                item_id=item.id, requested_url=page.requested_url, final_url=page.final_url,
                title=page.title, http_status=main.status,
                response_headers=[[k, v] for k, v in main.headers],
                ip_addresses=list(main.ip_addresses), certificate=main.certificate,
                certificate_exception=page.certificate_exception, user_agent=page.user_agent,
                viewport_width=page.viewport_width, viewport_height=page.viewport_height,
                page_height=page.page_height, privacy_confirmed=statement.privacy_confirmed,
                profile=page.profile, method=method,
            )
        )  # fmt: skip
        visits = [(when.astimezone(dt.UTC), url, LOG_VISIT) for when, url in page.visits]
        if page.certificate_exception:
            visits.append((capture.utc, page.final_url, LOG_CERTIFICATE_EXCEPTION))
        _log(uow, actor, case_id, session, visits)
        _log(uow, actor, case_id, session, [(capture.utc, page.final_url, LOG_CAPTURE)], item.id)
        fingerprint = (main.certificate or {}).get("sha256_fingerprint")
        chain = [c["sha256_fingerprint"] for c in (main.certificate or {}).get("chain", [])]
        audit.record(
            uow, actor, "evidence.add", entity_type="evidence", entity_id=item.id,
            case_id=case_id,
            details={"sha256": sha256, "size": len(page.full_page_png),
                     "media_type": facts.media_type, "original_filename": name,
                     "web_capture": {
                         "requested_url": page.requested_url, "final_url": page.final_url,
                         "http_status": main.status, "mhtml_sha256": mhtml_sha,
                         "viewport_sha256": viewport_sha, "warc_sha256": warc_sha,
                         "wacz_sha256": wacz_sha,
                         "certificate_sha256": fingerprint,
                         "certificate_chain_sha256": chain,
                         "certificate_exception": page.certificate_exception,
                         "privacy_confirmed": statement.privacy_confirmed,
                         "session": session}},
        )  # fmt: skip
        # The page source's own event, as for one attached by hand: custody checks
        # compare the stored MHTML with it (integrity.evidence_record).
        audit.record(
            uow, actor, "evidence.attach_page_source", entity_type="evidence",
            entity_id=item.id, case_id=case_id,
            details={"sha256": mhtml_sha, "size": len(page.mhtml), "media_type": mhtml_type,
                     "original_filename": f"{stem}.mhtml"},
        )  # fmt: skip
        info = load_item(uow, actor, item.id)
        uow.commit()
        return info


def archive_and_store(
    database: Database,
    actor: Actor,
    case_id: int,
    page: CapturedPage,
    statement: CaptureStatement,
    *,
    session: str,
) -> EvidenceInfo:
    """Write the page's WARC and store the capture (the capture window's background step).

    The statement is checked again first, so a refusal costs no fetching.
    """
    from app.services.capture.recorded import archive_capture

    check_capture(database, actor, case_id, statement, when=page.captured_at)
    archive = archive_capture(page)
    return store_capture(database, actor, case_id, page, archive, statement, session=session)
