"""What a case bundle adds for web captures: their parts, the certification, the verifier.

For each web capture the bundle holds, besides the full page
(``originals/``) and the MHTML (``sources/``), the viewport PNG and the WARC
(``captures/``), each re-hashed as it is read; the manifest entry gains the
capture's metadata with each part's file and SHA-256. For the whole bundle it
adds ``certification.txt`` and ``certification.pdf`` (for the custodian to
sign, :mod:`reports.certification`) and ``verify.py``, a standard-library
script that re-hashes every file offline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from app.domain.actor import Actor
from app.domain.web_capture import METHOD, warc_source
from app.resources import report_fonts_path, resource_path
from app.services.capture.details import WebCaptureInfo, read_part, require_all_parts
from app.services.database import Database
from reports import certification
from reports.certification import Certification, CertifiedFile, CertifiedItem

AddFile = Callable[[str, bytes], str]

_PROCESS_LABELS = {
    "engine": "Browser",
    "viewport_png": "Viewport image",
    "full_page_png": "Full-page image",
    "mhtml": "Saved page (MHTML)",
    "warc": "Web archive (WARC)",
    "wacz": "Web archive package (WACZ)",
    "headers_status_certificate": "Status, headers, certificates",
    "ip_addresses": "Addresses",
    "hashes": "Hashes",
}


def add_capture_parts(
    database: Database,
    actor: Actor,
    capture: WebCaptureInfo,
    stem: str,
    add: AddFile,
) -> dict[str, Any]:
    """Add the capture's parts under ``captures/``; the manifest's ``web_capture`` entry."""
    require_all_parts(database, actor, capture, purpose="export")
    entry = capture.as_json()
    for part_entry in entry["parts"]:
        _part, data = read_part(
            database, actor, capture.item_id, part_entry["role"], purpose="export"
        )
        suffix = part_entry["filename"].rsplit(".", 2 if part_entry["role"] == "warc" else 1)[1:]
        name = f"captures/{stem}-{part_entry['role']}." + ".".join(suffix)
        part_entry["file"] = name
        add(name, data)
    return entry


def _how(entry: dict[str, Any]) -> str:
    capture = entry.get("web_capture")
    obtained = str(entry.get("obtained_under") or entry.get("obtained") or "")
    if capture:
        how = "captured from the web in Casedesk's capture browser"
        if capture.get("certificate_exception"):
            how += f"; certificate error accepted: {capture['certificate_exception']}"
    else:
        how = "screenshot file added to the case"
    return f"{how} ({obtained})" if obtained else how


def _chain_rows(capture: dict[str, Any]) -> list[tuple[str, str]]:
    """One row per certificate of the server's chain, leaf first: its SHA-256 and subject."""
    chain = capture.get("certificate_chain") or []
    if not chain:
        return [("Certificate SHA-256", capture["certificate_sha256"] or "none (not HTTPS)")]
    rows = [
        (f"Certificate {number} of {len(chain)} SHA-256",
         f"{cert['sha256_fingerprint']} ({'server' if number == 1 else 'issuer'}: "
         f"{cert['subject']})")
        for number, cert in enumerate(chain, start=1)
    ]  # fmt: skip
    if capture.get("certificate_chain_error"):
        rows.append(("Certificate chain", f"only the leaf: {capture['certificate_chain_error']}"))
    return rows


def _details(entry: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    capture = entry.get("web_capture")
    if not capture:
        return ()
    headers = "; ".join(f"{k}: {v}" for k, v in capture["response_headers"])
    rows = [
        ("Requested address", capture["requested_url"]),
        ("Address reached", capture["final_url"]),
        ("Page title", capture["title"]),
        ("HTTP status", str(capture["http_status"] or "not fetched")),
        ("Main document headers", headers or "none recorded"),
        ("Server addresses", ", ".join(capture["ip_addresses"]) or "not resolved"),
        ("Web archive (WARC) from", warc_source(capture.get("method") or {})),
        *_chain_rows(capture),
        ("User agent", capture["user_agent"]),
    ]
    if capture.get("privacy_confirmed"):
        rows.append(("MA DYS B.2.d", "privacy settings confirmed to hide the viewer"))
    return tuple(rows)


def _files(entry: dict[str, Any]) -> tuple[CertifiedFile, ...]:
    files = [CertifiedFile(entry["file"], "full page" if entry.get("web_capture") else "image",
                           entry["sha256"])]  # fmt: skip
    if entry.get("page_source_file"):
        files.append(
            CertifiedFile(entry["page_source_file"], "saved page", entry["page_source_sha256"])
        )
    for part in (entry.get("web_capture") or {}).get("parts", []):
        files.append(CertifiedFile(part["file"], part["role"], part["sha256"]))
    return tuple(files)


def certification_of(manifest: dict[str, Any], checkpoint_line: str) -> Certification:
    """The certification of a bundle, from its manifest."""
    case = manifest["case"]
    items = tuple(
        CertifiedItem(
            item_id=entry["id"],
            title=entry["original_filename"],
            how=_how(entry),
            source_url=entry.get("source_url") or entry.get("no_url_reason") or "",
            captured_at=f"{entry.get('captured_at') or ''} ({entry.get('capture_tz') or ''})",
            captured_by=entry.get("captured_by") or "",
            added_by=entry.get("added_by_name") or entry.get("added_by") or "",
            details=_details(entry),
            files=_files(entry),
        )
        for entry in manifest["items"]
    )
    has_captures = any(entry.get("web_capture") for entry in manifest["items"])
    process = tuple((_PROCESS_LABELS[key], METHOD[key]) for key in _PROCESS_LABELS)
    return Certification(
        case_number=case["number"],
        agency=case["agency"]["name"],
        exported_at=dt.datetime.fromisoformat(manifest["exported_at"]),
        exported_by=manifest["exported_by"]["full_name"],
        items=items,
        process=process if has_captures else (),
        audit_checkpoint=checkpoint_line.removeprefix("Audit checkpoint: "),
    )


def certification_files(manifest: dict[str, Any], checkpoint_line: str) -> dict[str, bytes]:
    """``certification.txt``, ``certification.pdf`` and ``verify.py`` for the bundle."""
    cert = certification_of(manifest, checkpoint_line)
    certification.use_font_folder(report_fonts_path())
    return {
        "certification.txt": certification.text(cert).encode("utf-8"),
        "certification.pdf": certification.build(cert),
        "verify.py": resource_path("resources", "bundle", "verify.py").read_bytes(),
    }
