"""A browser view that shows a stored page offline: scripts off, every network request blocked."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView

from app.webcapture.proxy import ensure_proxy


class _Offline(QWebEngineUrlRequestInterceptor):
    """Blocks every request that would leave the machine."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.blocked: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802 (Qt)
        url = info.requestUrl()
        if url.scheme() not in ("file", "data", "cid", "blob"):
            self.blocked.append(url.toString())
            info.block(True)


class ReplayView(QWebEngineView):
    """The stored MHTML, shown from the file only, in a private profile of its own."""

    def __init__(self) -> None:
        # Qt WebEngine reads the capture browser's proxy switches when it starts: if the
        # replay is the first web view of the process, set them now (it sends nothing).
        ensure_proxy()
        super().__init__()
        self.profile = QWebEngineProfile(self)
        self.offline = _Offline(self.profile)
        self.profile.setUrlRequestInterceptor(self.offline)
        self.setPage(QWebEnginePage(self.profile, self))
        # Children go in the order they were added: the page first, then its profile,
        # as Qt requires.
        self.profile.setParent(None)
        self.profile.setParent(self)
