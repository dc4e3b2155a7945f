"""The case bundle: a ZIP of a case's evidence that can be checked without Casedesk.

Inside the bundle:

``originals/``
    every item's exact bytes, named ``<item id>-<safe file name>``;
``redacted/``
    PNG renderings of the items that have redaction boxes, when asked for;
``sources/``
    the saved page (HTML, MHTML, WARC or PDF) attached to an item, if any;
``manifest.json``
    the case, every item's metadata, hashes and redaction boxes, who
    exported the bundle and when, and the signed audit checkpoint it was
    made at (with the public key and the exact signed text);
``custody.json``
    each item's chain of custody: its audit events before this export;
``captures/``
    each web capture's viewport PNG and WARC (its full page is in
    ``originals/``, its MHTML in ``sources/``);
``certification.txt`` / ``certification.pdf``
    the certification for the custodian to sign (FRE 902(13)/(14) form);
``verify.py``
    a standard-library script that re-hashes every file offline;
``SHA256SUMS``
    ``sha256sum -c`` lines for every other file.

Every item is re-hashed as it is read (``read_for_inclusion``); a mismatch
refuses the export. The ZIP is written in the user's private staging folder
(:class:`~app.privatefiles.StagedFile`, mode 0600) and moved into place only
when whole, inside the transaction that records it (a journal lets the next
start remove a bundle whose record never committed). The bundle's own SHA-256
is recorded as a ``case.export`` event, and in the same transaction each item
gets its ``evidence.export`` custody event naming that SHA-256: a refused,
failed or cancelled export leaves neither a file nor an event. A bundle
cannot hold its own hash, so ``custody.json`` ends before this export.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import Agency, Case
from app.domain.actor import Actor
from app.domain.errors import InvalidInput, NotFound
from app.domain.evidence import ExportCancelled, RedactionBox
from app.domain.permissions import Permission
from app.privatefiles import (
    Delivery,
    StagedFile,
    check_output_name,
    check_replaceable,
    probe_folder,
)
from app.services import audit
from app.services.access import visible_cases
from app.services.capture.certify import add_capture_parts, certification_files
from app.services.capture.details import case_captures
from app.services.database import Database
from app.services.evidence.content import PAGE_EXTENSIONS
from app.services.evidence.custody import read_for_inclusion, read_page_source, record_read
from app.services.evidence.items import EvidenceInfo, list_evidence
from app.services.evidence.redaction import box_details, boxes_of, render_redacted
from app.services.integrity.checkpoints import make_checkpoint
from app.services.retry import retried

Progress = Callable[[int, int, str], None]

BUNDLE_FORMAT = "casedesk-case-bundle"
BUNDLE_VERSION = 1
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True, slots=True)
class BundleResult:
    """A written bundle: where, its SHA-256 and size, how many items and redacted renderings."""

    path: Path
    sha256: str
    size: int
    item_count: int
    redacted_count: int
    #: "Audit checkpoint: …" as the manifest holds it ("" when none).
    checkpoint_line: str = ""
    #: Why the checkpoint is not signed, or was not written ("" when it was).
    checkpoint_warning: str = ""


def safe_name(item_id: int, original: str, *, suffix: str | None = None) -> str:
    """A file name for the bundle: the item id (unique) and the original name's safe part."""
    stem, dot, extension = original.rpartition(".")
    if not dot:
        stem, extension = original, ""
    stem = _UNSAFE.sub("_", stem).strip("._")[:80] or "evidence"
    extension = _UNSAFE.sub("", extension)[:10]
    if suffix is not None:
        extension = suffix
    return f"{item_id:06d}-{stem}" + (f".{extension}" if extension else "")


def check_destination(out: Path, *, overwrite: bool = False) -> Path:
    """The destination, checked before any work: its folder exists and is writable."""
    out = Path(out).expanduser()
    folder = out.parent.resolve() if str(out.parent) else Path.cwd()
    if not out.name or out.name in (".", ".."):
        raise InvalidInput(f"'{out}' is not a file name; give the bundle's path, e.g. case.zip.")
    if not folder.exists():
        raise InvalidInput(
            f"The folder {folder} does not exist; create it or choose another place for the bundle."
        )
    if not folder.is_dir():
        raise InvalidInput(f"{folder} is not a folder; choose another place for the bundle.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InvalidInput(
            f"The folder {folder} is not writable; choose a folder you may write to."
        )
    target = folder / out.name
    check_output_name(target)
    check_replaceable(target, overwrite=overwrite)
    try:
        probe_folder(folder)
    except OSError as error:
        raise cannot_write(target, error) from None
    return target


def _case_facts(database: Database, actor: Actor, case_id: int) -> dict[str, Any]:
    with database.unit_of_work() as uow:
        row = uow.session.execute(
            select(Case.id, Case.number, Case.title, Case.status, Agency.code, Agency.name)
            .join(Agency, Agency.id == Case.agency_id)
            .where(Case.id == case_id, visible_cases(actor))
        ).one_or_none()
    if row is None:
        raise NotFound(f"There is no case {case_id}; see 'casedesk case list'.")
    return {
        "id": row.id,
        "number": row.number,
        "title": row.title,
        "status": row.status,
        "agency": {"code": row.code, "name": row.name},
    }


def _boxes(database: Database, item_id: int) -> tuple[RedactionBox, ...]:
    with database.unit_of_work() as uow:
        return boxes_of(uow, item_id)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return value


def _item_entry(info: EvidenceInfo) -> dict[str, Any]:
    return {
        "id": info.id,
        "sha256": info.sha256,
        "size": info.size,
        "media_type": info.media_type,
        "width": info.width,
        "height": info.height,
        "original_filename": info.original_filename,
        "source_url": info.source_url,
        "platform": info.platform,
        "account_shown": info.account_shown,
        "captured_at": _plain(info.captured_at),
        "capture_tz": info.capture_tz,
        "captured_by": info.captured_by,
        "added_by": info.added_by_username,
        "added_by_name": info.added_by,
        "added_at": _plain(info.added_at),
        "description": info.description,
        "obtained": info.obtained.value,
        # Masked for users who may not see the record (authorization_evidence.shown_link).
        "authorization_id": info.authorization_id,
        "credential_request_id": info.credential_request_id,
        "obtained_under": info.obtained_under,
        "page_source_sha256": info.page_source_sha256,
        "no_url_reason": info.no_url_reason,
        # Present only when void items were asked for: who made it void, when, why.
        "void": (
            {"voided_at": _plain(info.voided_at), "voided_by": info.voided_by,
             "reason": info.void_reason}
            if info.void else None
        ),
    }  # fmt: skip


def _json_bytes(value: Any) -> bytes:
    return (json.dumps(value, indent=2, ensure_ascii=False, sort_keys=False) + "\n").encode()


def cannot_write(target: Path, error: OSError) -> InvalidInput:
    """The message for a bundle the file system would not take (full disk, no such place)."""
    reason = error.strerror or str(error)
    return InvalidInput(
        f"Cannot write the bundle to {target}: {reason}; choose another folder or free some "
        "space, then export again."
    )


class _Bundle:
    """The ZIP being written, with the SHA-256 of every member for SHA256SUMS.

    Every file-system error becomes :func:`cannot_write`'s message; :meth:`abort`
    closes the file after a failure so nothing is left open.
    """

    def __init__(self, staged: StagedFile, when: dt.datetime) -> None:
        self.target = staged.target
        self.staged = staged
        self.date_time = when.astimezone(dt.UTC).timetuple()[:6]
        self.sums: list[tuple[str, str]] = []
        self.zip = zipfile.ZipFile(staged.file, "w", allowZip64=True)

    def _write(self, member: zipfile.ZipInfo, data: bytes) -> None:
        try:
            self.zip.writestr(member, data)
        except OSError as error:
            raise cannot_write(self.target, error) from None

    def add(self, name: str, data: bytes, *, compress: bool) -> str:
        member = zipfile.ZipInfo(name, date_time=self.date_time)
        member.external_attr = 0o644 << 16
        # Images are compressed already; storing them keeps an export quick.
        member.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        self._write(member, data)
        digest = hashlib.sha256(data).hexdigest()
        self.sums.append((digest, name))
        return digest

    def finish(self) -> None:
        """Write SHA256SUMS and the ZIP's directory, and put the file on the disk."""
        lines = "".join(f"{digest}  {name}\n" for digest, name in self.sums)
        member = zipfile.ZipInfo("SHA256SUMS", date_time=self.date_time)
        member.external_attr = 0o644 << 16
        member.compress_type = zipfile.ZIP_DEFLATED
        self._write(member, lines.encode("ascii"))
        try:
            self.zip.close()
            self.staged.finish()
        except OSError as error:
            raise cannot_write(self.target, error) from None

    def abort(self) -> None:
        """Close the ZIP after a failure; the staged file is removed by the caller."""
        with contextlib.suppress(OSError, ValueError):
            self.zip.close()


def _staged(target: Path) -> StagedFile:
    try:
        return StagedFile(target)
    except OSError as error:
        raise cannot_write(target, error) from None


@retried
def export_case_bundle(
    database: Database,
    actor: Actor,
    case_id: int,
    out: Path,
    *,
    include_redacted: bool = False,
    include_void: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    overwrite: bool = False,
) -> BundleResult:
    """Write the case's evidence bundle to ``out`` and record its SHA-256.

    Raises :class:`InvalidInput` for a bad destination (checked first) or one
    the file system refuses while writing (full disk),
    :class:`~app.domain.errors.IntegrityFailure` naming an item whose bytes no
    longer match, and :class:`ExportCancelled` when ``cancelled()`` says so;
    in each case no file is left behind and no export is recorded.
    ``overwrite`` replaces an existing file (the CLI's ``--force``). Void
    items are left out unless ``include_void``; then the manifest marks each.
    """
    actor.require(Permission.EVIDENCE_EXPORT)
    target = check_destination(out, overwrite=overwrite)
    case = _case_facts(database, actor, case_id)
    items = list_evidence(database, actor, case_id, include_void=include_void)
    when = utcnow()
    with _staged(target) as staged:
        bundle = _Bundle(staged, when)
        try:
            entries, included = _write_items(
                database, actor, bundle, items, include_redacted, progress, cancelled
            )
            redacted_count = sum(1 for entry in entries if entry["redacted_file"])
            # Signed before the export's own event: the next checkpoint covers that.
            checkpoint = make_checkpoint(database)
            manifest = {
                "format": BUNDLE_FORMAT,
                "version": BUNDLE_VERSION,
                "case": case,
                "exported_by": {"username": actor.username, "full_name": actor.full_name},
                "exported_at": when.isoformat(),
                "include_redacted": include_redacted,
                "include_void": include_void,
                "item_count": len(entries),
                "redacted_count": redacted_count,
                "items": entries,
                "audit_checkpoint": checkpoint.manifest_entry(),
            }
            bundle.add("manifest.json", _json_bytes(manifest), compress=True)
            custody = _custody(database, case, entries)
            bundle.add("custody.json", _json_bytes(custody), compress=True)
            for name, data in certification_files(manifest, checkpoint.line).items():
                bundle.add(name, data, compress=True)
            bundle.finish()
        except BaseException:
            bundle.abort()
            raise
        try:
            sha256, size = staged.sha256()
        except OSError as error:
            raise cannot_write(target, error) from None
        with database.unit_of_work(write=True) as uow:
            audit.record(
                uow, actor, "case.export", entity_type="case", entity_id=case_id,
                case_id=case_id,
                details={"file": target.name, "sha256": sha256, "size": size,
                         "item_count": len(entries), "redacted_count": redacted_count,
                         "include_redacted": include_redacted, "include_void": include_void},
            )  # fmt: skip
            # Each item's custody names the bundle it went into.
            bundle_named = {"bundle_sha256": sha256, "bundle_file": target.name}
            for info, details in included:
                record_read(uow, actor, "export", info, {**details, **bundle_named})
            _move_and_commit(uow, staged, database.display_name, case_id, sha256)
        if progress is not None:
            progress(len(items), len(items), "")
        return BundleResult(
            target, sha256, size, len(entries), redacted_count, checkpoint.line,
            checkpoint.warning,
        )  # fmt: skip


def _move_and_commit(
    uow: UnitOfWork, staged: StagedFile, database_name: str, case_id: int, sha256: str
) -> None:
    """Move the bundle into place, then commit its record; a failed commit removes it.

    The journal written first lets the next start remove a bundle whose
    process died between the move and the commit
    (:func:`app.services.deliveries.reconcile`).
    """
    target = staged.target
    try:
        journal = Delivery(
            target, database=database_name, kind="export", sha256=sha256, case_id=case_id
        )
    except OSError as error:
        raise cannot_write(target, error) from None
    try:
        try:
            staged.move_into_place()
        except OSError as error:
            raise cannot_write(target, error) from None
        try:
            uow.commit()
        except BaseException:
            target.unlink(missing_ok=True)
            raise
    finally:
        journal.close()


def _write_items(
    database: Database,
    actor: Actor,
    bundle: _Bundle,
    items: list[EvidenceInfo],
    include_redacted: bool,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> tuple[list[dict[str, Any]], list[tuple[EvidenceInfo, dict[str, Any]]]]:
    """Re-hash and add every item; its manifest entries, and what each item's event will say."""
    entries: list[dict[str, Any]] = []
    included: list[tuple[EvidenceInfo, dict[str, Any]]] = []
    total = len(items)
    captures = case_captures(database, actor, items[0].case_id) if items else {}
    for done, listed in enumerate(items):
        if cancelled is not None and cancelled():
            raise ExportCancelled("The export was cancelled; no bundle was written.")
        if progress is not None:
            progress(done, total, listed.original_filename)
        info, data = read_for_inclusion(database, actor, listed.id, purpose="export")
        details: dict[str, Any] = {}
        entry = _item_entry(info)
        entry["file"] = f"originals/{safe_name(info.id, info.original_filename)}"
        bundle.add(entry["file"], data, compress=False)
        entry["page_source_file"] = None
        if info.page_source_sha256 is not None:
            media_type, source = read_page_source(database, actor, info.id, purpose="export")
            suffix = PAGE_EXTENSIONS.get(media_type, "bin")
            name = f"sources/{safe_name(info.id, info.original_filename, suffix=suffix)}"
            entry["page_source_file"] = name
            bundle.add(name, source, compress=True)
            details["page_source_sha256"] = info.page_source_sha256
            del source
        entry["web_capture"] = None
        if info.id in captures:
            stem = safe_name(info.id, info.original_filename, suffix="").rstrip(".")
            entry["web_capture"] = add_capture_parts(
                database, actor, captures[info.id], stem,
                lambda name, data: bundle.add(name, data, compress=False),
            )  # fmt: skip
            details["web_capture_parts"] = {
                part["role"]: part["sha256"] for part in entry["web_capture"]["parts"]
            }
        boxes = _boxes(database, info.id)
        entry["redactions"] = box_details(boxes)
        entry["redacted_file"] = None
        if include_redacted and boxes:
            name = f"redacted/{safe_name(info.id, info.original_filename, suffix='png')}"
            entry["redacted_file"] = name
            entry["redacted_sha256"] = bundle.add(
                name, render_redacted(data, boxes), compress=False
            )
            details["redacted_sha256"] = entry["redacted_sha256"]
        del data
        entries.append(entry)
        included.append((info, details))
    if cancelled is not None and cancelled():
        raise ExportCancelled("The export was cancelled; no bundle was written.")
    return entries, included


def _custody(
    database: Database, case: dict[str, Any], entries: list[dict[str, Any]]
) -> dict[str, Any]:
    """Each item's audit events, oldest first, up to this export (which is recorded after)."""
    ids = {str(entry["id"]) for entry in entries}
    with database.unit_of_work() as uow:
        events = audit.case_events(uow, case["id"])
    by_item: dict[str, list[dict[str, Any]]] = {item_id: [] for item_id in ids}
    for event in events:
        if event.entity_type == "evidence" and event.entity_id in ids:
            by_item[event.entity_id].append(
                {
                    "seq": event.seq,
                    "occurred_at": event.occurred_at.isoformat(),
                    "actor": event.actor,
                    "action": event.action,
                    "details": dict(event.details),
                }
            )
    return {
        "case": case["number"],
        "items": [
            {"item_id": entry["id"], "sha256": entry["sha256"], "events": by_item[str(entry["id"])]}
            for entry in entries
        ],
    }
