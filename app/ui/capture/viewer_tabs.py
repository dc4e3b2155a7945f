"""A web capture's tabs in the evidence viewer: viewport, headers and certificate, log, replay.

The viewer opens on the full-page image as for any item; when the item is a
web capture these tabs are added once its files are read (re-hashed) in the
background. The replay shows the stored MHTML in a browser with scripts off
and every network request blocked: what is shown comes from the file only.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QListWidget, QPlainTextEdit, QTabWidget, QWidget

from app.domain.web_capture import warc_source
from app.services.capture.details import CaptureFiles, read_capture_files
from app.ui.case_view.support import alive
from app.ui.evidence.image_view import ImageView
from app.ui.evidence.images import decode
from app.ui.workspace import Workspace


def headers_text(files: CaptureFiles) -> str:
    """The capture's addresses, status, headers and certificate as the tab shows them."""
    capture = files.capture
    lines = [
        f"Requested address: {capture.requested_url}",
        f"Address reached:   {capture.final_url}",
        f"Page title:        {capture.title}",
        f"HTTP status:       {capture.http_status or 'not fetched'}",
        f"Server addresses:  {', '.join(capture.ip_addresses) or 'not resolved'}",
        f"User agent:        {capture.user_agent}",
        f"Profile:           {capture.profile or 'private'}",
        f"WARC from:         {warc_source(capture.method)}",
    ]
    if capture.certificate_exception:
        lines.append(f"Certificate error accepted: {capture.certificate_exception}")
    if capture.privacy_confirmed:
        lines.append("MA DYS B.2.d: privacy settings confirmed to hide the viewer")
    lines += ["", "Response headers of the main document:"]
    lines += [f"  {name}: {value}" for name, value in capture.response_headers]
    chain = capture.certificate_chain
    lines += ["", "Server certificate chain (leaf first):"]
    if capture.certificate is None:
        lines.append("  none (the page was not served over HTTPS)")
    if capture.certificate_chain_error:
        lines.append(f"  only the leaf: {capture.certificate_chain_error}")
    for number, certificate in enumerate(chain, start=1):
        role = "server (leaf)" if number == 1 else "issuer"
        lines += ["", f"Certificate {number} of {len(chain)}, {role}:"]
        for key in ("subject", "issuer", "serial", "not_before", "not_after",
                    "sha256_fingerprint"):  # fmt: skip
            lines.append(f"  {key}: {certificate.get(key, '')}")
        lines += ["", str(certificate.get("pem", "")).rstrip()]
    lines += ["", "Files (SHA-256 at capture):"]
    lines += [f"  {part.role}: {part.filename} {part.sha256}" for part in capture.parts]
    return "\n".join(lines)


class WebCaptureTabs(QObject):
    """Adds a web capture's tabs to a viewer's tab widget when the item is one."""

    def __init__(self, workspace: Workspace, tabs: QTabWidget, item_id: int) -> None:
        super().__init__(tabs)
        self.tabs = tabs
        self.replay_folder: tempfile.TemporaryDirectory[str] | None = None
        self.replay: QWidget | None = None
        workspace.call(read_capture_files, item_id,
                       on_success=alive(tabs, self.on_loaded), parent=tabs)  # fmt: skip

    def on_loaded(self, files: CaptureFiles | None) -> None:
        if files is None:
            return
        tr = self.tabs.tr
        self.tabs.setTabText(0, tr("Full page"))
        viewport = ImageView()
        viewport.setObjectName("captureViewport")
        viewport.set_image(decode(files.viewport_png))
        self.tabs.addTab(viewport, tr("Viewport"))
        headers = QPlainTextEdit(headers_text(files))
        headers.setObjectName("captureHeaders")
        headers.setReadOnly(True)
        headers.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.tabs.addTab(headers, tr("Headers and certificate"))
        log = QListWidget()
        log.setObjectName("captureLogList")
        for line in files.log:
            log.addItem(f"{line.visited_at:%Y-%m-%d %H:%M:%S} UTC  {line.event:<8} "
                        f"{line.user}  {line.url}")  # fmt: skip
        self.tabs.addTab(log, tr("Capture log"))
        self.tabs.addTab(self._replay(files.mhtml), tr("Offline replay"))

    def _replay(self, mhtml: bytes) -> QWidget:
        from PySide6.QtWebEngineCore import QWebEngineSettings

        from app.ui.capture.replay import ReplayView

        self.replay_folder = tempfile.TemporaryDirectory(prefix="casedesk-replay-")
        path = Path(self.replay_folder.name) / "page.mhtml"
        path.write_bytes(mhtml)
        view = ReplayView()
        view.setObjectName("captureReplay")
        settings = view.page().settings()
        settings.setAttribute(QWebEngineSettings.WebAttribute.JavascriptEnabled, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls,
                              False)  # fmt: skip
        view.load(QUrl.fromLocalFile(str(path)))
        self.replay = view
        self.tabs.destroyed.connect(self.replay_folder.cleanup)
        return view
