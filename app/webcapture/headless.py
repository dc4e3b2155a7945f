"""A capture without a window: ``casedesk evidence capture`` and the tests.

Starts a Qt application on the offscreen platform when none is running,
loads the address in an off-screen capture browser, captures the page once
it has loaded and hands back the :class:`CapturedPage`. A page that does not
load (no such host, a certificate error the investigator did not accept) is
:class:`CaptureFailed` with the browser's reason.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.domain.errors import Refused
from app.domain.web_capture import CapturedPage

#: The size of the browser window a headless capture lays the page out in.
VIEWPORT = (1280, 900)
#: Let late scripts and images settle after the load before capturing.
_AFTER_LOAD_MS = 300
_TIMEOUT_MS = 120_000


class CaptureFailed(Refused):
    """The page could not be loaded or captured; nothing was stored."""


def ensure_application() -> None:
    """A QApplication able to host Qt WebEngine: made on the offscreen platform if none runs."""
    from PySide6.QtCore import QCoreApplication, Qt

    if QCoreApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
        from PySide6.QtWidgets import QApplication

        QApplication(["casedesk-capture"])


def capture_headless(
    url: str,
    *,
    profile_name: str = "",
    storage: Path | None = None,
    accept_certificate_error: bool = False,
    viewport: tuple[int, int] = VIEWPORT,
) -> CapturedPage:
    """Load ``url`` off screen and capture it; see the module docstring."""
    ensure_application()
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWebEngineWidgets import QWebEngineView

    from app.webcapture.engine import CaptureEngine

    view = QWebEngineView()
    view.resize(*viewport)
    engine = CaptureEngine(
        view, profile_name=profile_name, storage=storage,
        certificate_policy=lambda _url, _description: accept_certificate_error,
    )  # fmt: skip
    outcome: dict[str, object] = {}
    loop = QEventLoop()

    def on_loaded(ok: bool) -> None:
        if "loaded" in outcome:
            return
        outcome["loaded"] = ok
        if ok:
            QTimer.singleShot(_AFTER_LOAD_MS, engine.capture)
        else:
            reason = (
                f"the certificate was not accepted: {engine.certificate_rejected}"
                if engine.certificate_rejected
                else "the browser could not load it"
            )
            outcome["error"] = f"The page {url} did not load ({reason}); nothing was stored."
            loop.quit()

    def on_captured(page: CapturedPage) -> None:
        outcome["page"] = page
        loop.quit()

    def on_failed(message: str) -> None:
        outcome["error"] = message
        loop.quit()

    def on_timeout() -> None:
        outcome.setdefault("error", f"The page {url} did not load in time; nothing was stored.")
        loop.quit()

    view.loadFinished.connect(on_loaded)
    engine.captured.connect(on_captured)
    engine.failed.connect(on_failed)
    QTimer.singleShot(_TIMEOUT_MS, loop, on_timeout)
    view.show()
    engine.load(url)
    try:
        loop.exec()
    finally:
        view.hide()
        engine.dispose()
    page = outcome.get("page")
    if not isinstance(page, CapturedPage):
        raise CaptureFailed(str(outcome.get("error", f"The page {url} was not captured.")))
    return page
