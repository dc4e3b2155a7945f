"""Driving Qt WebEngine to capture a page: viewport and full-page PNG, MHTML, requested addresses.

:class:`CaptureEngine` wraps one :class:`QWebEngineView`. It keeps the list of
addresses the browser requested for the page in front (a
:class:`QWebEngineUrlRequestInterceptor`, reset at each main-frame
navigation), the addresses visited with their time, and the certificate
error the investigator chose to go on past. :meth:`CaptureEngine.capture`
runs the capture steps one after another on the event loop and emits
:attr:`CaptureEngine.captured` with a :class:`CapturedPage`, or
:attr:`CaptureEngine.failed` with a message.

The full page, up to :data:`MAX_PAGE_HEIGHT` pixels (a taller page is cut
there), is made in one of two ways: a view of its own (the headless
capture) is laid out at the page's scroll height and grabbed as one image; a
view in a window (the capture window, which a desktop keeps within the
screen) is scrolled one viewport at a time and the pieces are stitched.
The MHTML is the browser's own save of the page.

Every request of the browser goes through the process's recording proxy
(:mod:`app.webcapture.proxy`), in a session of this engine's own (its
in-memory certificate authority goes with :meth:`CaptureEngine.dispose`). The
last step waits for the requests still under way to finish (up to
:data:`TRAFFIC_WAIT_MS`) and hands over the traffic since the address was
typed, with the certificate chain the proxy's TLS connection to the page's
server saw. Should the proxy have seen nothing of the page (Qt WebEngine
started before the proxy could be set), the chain is read in a handshake of
its own (:mod:`app.webcapture.tls`) and the service falls back to fetching
the page again.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCryptographicHash,
    QIODevice,
    QObject,
    QSize,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtNetwork import QSslCertificate
from PySide6.QtWebEngineCore import (
    QWebEngineCertificateError,
    QWebEngineDownloadRequest,
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView

from app.domain.web_capture import CapturedPage, RecordedExchange, TlsFacts
from app.webcapture.proxy import ensure_proxy
from app.webcapture.tls import ChainReader

#: The tallest full-page image (Chromium's largest surface is 16384 pixels).
MAX_PAGE_HEIGHT = 16000
#: How long one capture step may take before the capture fails.
STEP_TIMEOUT_MS = 30_000
#: Frames to let the engine paint after a resize before grabbing.
_SETTLE_MS = 150
#: How long the capture waits for the page's requests still under way to finish.
TRAFFIC_WAIT_MS = 10_000
_TRAFFIC_POLL_MS = 50

CertificatePolicy = Callable[[str, str], bool]


class _RequestLog(QWebEngineUrlRequestInterceptor):
    """Collects every address the browser requests (called on the engine's IO thread)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.urls: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802 (Qt)
        url = info.requestUrl().toString()
        if url.startswith(("http://", "https://")) and url not in self.urls:
            self.urls.append(url)


class _Page(QWebEnginePage):
    """A page whose certificate errors ask the investigator, and that opens no new windows."""

    def __init__(self, profile: QWebEngineProfile, engine: CaptureEngine) -> None:
        super().__init__(profile)
        self.engine = engine
        self.certificateError.connect(self.on_certificate_error)

    def on_certificate_error(self, error: QWebEngineCertificateError) -> None:
        """Accept the recording proxy's certificate for a server that verified; else ask.

        A certificate issued by this engine's session authority is what the
        recording proxy presents for every HTTPS server: it is accepted without
        asking when the proxy's own TLS connection to the server verified against
        the system trust store. When it did not, the investigator is asked about
        the server's own error, as without a proxy, and the answer recorded.
        """
        url = error.url().toString()
        description = error.description()
        if self.engine.issued_by_session(error.certificateChain()):
            facts = self.engine.session.tls_for(f"{error.url().host()}:{error.url().port(443)}")
            authority_only = (
                error.type() == QWebEngineCertificateError.Type.CertificateAuthorityInvalid
            )
            if facts is not None and facts.verified and authority_only:
                error.acceptCertificate()
                return
            description = (
                facts.error
                if facts is not None
                else ("the recording proxy has no record of the server's certificate")
            )
        if error.isOverridable() and self.engine.certificate_policy(url, description):
            self.engine.certificate_exception = (
                f"{url}: {description} (the investigator chose to continue)"
            )
            error.acceptCertificate()
        else:
            self.engine.certificate_rejected = f"{url}: {description}"
            error.rejectCertificate()

    def createWindow(self, _type: QWebEnginePage.WebWindowType) -> QWebEnginePage:  # noqa: N802
        # Links that would open a window load in this one: the capture log sees them.
        return self


@dataclass
class _Progress:
    """What the capture steps have gathered so far."""

    captured_at: dt.datetime
    viewport: tuple[int, int] = (0, 0)
    viewport_png: bytes = b""
    title: str = ""
    page_height: int = 0
    mhtml: bytes | None = None
    full_page_png: bytes = b""
    certificate_chain: tuple[bytes, ...] = ()
    certificate_chain_error: str = ""
    traffic: tuple[RecordedExchange, ...] = ()
    tls: tuple[tuple[str, TlsFacts], ...] = ()
    traffic_waited_ms: int = 0


class CaptureEngine(QObject):
    """One capture browser: navigation, the request log, and the capture steps."""

    visited = Signal(str)
    captured = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        view: QWebEngineView,
        *,
        profile_name: str = "",
        storage: Path | None = None,
        certificate_policy: CertificatePolicy | None = None,
    ) -> None:
        # No Qt parent: :meth:`dispose` deletes the page before its profile, as Qt requires.
        super().__init__()
        self.view = view
        self.certificate_policy: CertificatePolicy = certificate_policy or (lambda _u, _d: False)
        self.certificate_exception = ""
        self.certificate_rejected = ""
        self.profile_name = profile_name
        # Before the profile: Chromium reads the proxy switches when Qt WebEngine starts.
        self.proxy = ensure_proxy()
        self.session = self.proxy.open_session(id(self))
        if profile_name:
            # The authorized account's own profile: its sign-in is kept between captures.
            self.profile = QWebEngineProfile(profile_name)
            if storage is not None:
                self.profile.setPersistentStoragePath(str(storage / profile_name))
                self.profile.setCachePath(str(storage / profile_name / "cache"))
        else:
            self.profile = QWebEngineProfile()  # off the record: nothing kept
        # No HTTP cache: every response the page is built from passes the recording proxy.
        self.profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.NoCache)
        self.requests = _RequestLog(self)
        self.profile.setUrlRequestInterceptor(self.requests)
        self.page = _Page(self.profile, self)
        settings = self.page.settings()
        settings.setAttribute(QWebEngineSettings.WebAttribute.PluginsEnabled, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.ScreenCaptureEnabled, False)
        view.setPage(self.page)
        self.visits: list[tuple[dt.datetime, str]] = []
        self.requested_url = ""
        self.page.urlChanged.connect(self.on_url_changed)
        self._steps: list[Callable[[], None]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.on_step_timeout)
        self._result = _Progress(dt.datetime.now().astimezone())
        self._restore = QSize()
        self._mhtml_path = Path()
        self._tmp: tempfile.TemporaryDirectory[str] | None = None

    def dispose(self, *, delete_view: bool = True) -> None:
        """Delete the view (unless it now shows another engine's page), the page, the profile.

        Qt requires pages to go before their profile. Called when the window
        closes, when it changes profile, or when a headless capture ends; the
        engine is unusable afterwards.
        """
        self._timer.stop()
        self._cleanup()
        self.proxy.close_session(self.session, id(self))
        if delete_view and shiboken6.isValid(self.view):
            shiboken6.delete(self.view)
        shiboken6.delete(self.page)
        shiboken6.delete(self.profile)

    # navigation -----------------------------------------------------------
    def load(self, url: str) -> None:
        """Go to ``url`` (what the investigator typed is the requested address)."""
        qurl = QUrl.fromUserInput(url)
        self.requested_url = qurl.toString()
        self.requests.urls.clear()
        self.session.mark(id(self))
        self.certificate_exception = ""
        self.page.load(qurl)

    def on_url_changed(self, url: QUrl) -> None:
        """Log a visited address with its time (the capture log)."""
        text = url.toString()
        if not text or text == "about:blank":
            return
        self.visits.append((dt.datetime.now().astimezone(), text))
        self.visited.emit(text)

    def issued_by_session(self, chain: list[QSslCertificate]) -> bool:
        """Whether ``chain`` (as the browser got it) ends in this engine's session authority."""
        wanted = self.session.ca.fingerprint
        return any(
            bytes(cert.digest(QCryptographicHash.Algorithm.Sha256).toHex().data()).decode()
            == wanted
            for cert in chain
        )

    @property
    def user_agent(self) -> str:
        """The user agent the browser sends."""
        return self.profile.httpUserAgent()

    # capture --------------------------------------------------------------
    def capture(self) -> None:
        """Capture the page in front; emits :attr:`captured` or :attr:`failed`."""
        if self._steps:
            self.failed.emit("A capture is already running.")
            return
        self._tmp = tempfile.TemporaryDirectory(prefix="casedesk-capture-")
        self._result = _Progress(dt.datetime.now().astimezone())
        self._steps = [
            self._grab_viewport, self._measure, self._save_mhtml, self._full_page,
            self._collect_traffic, self._read_chain,
        ]  # fmt: skip
        self._next()

    def _next(self) -> None:
        self._timer.stop()
        if not self._steps:
            self._finish()
            return
        step = self._steps.pop(0)
        self._timer.start(STEP_TIMEOUT_MS)
        try:
            step()
        except Exception as error:  # noqa: BLE001 (any failure ends the capture, nothing kept)
            self._fail(f"The capture failed ({error}); nothing was stored. Capture again.")

    def on_step_timeout(self) -> None:
        """A step never finished: the capture fails and nothing is kept."""
        self._fail("The browser did not finish the capture in time; try again.")

    def _fail(self, message: str) -> None:
        self._steps = []
        self._timer.stop()
        self._cleanup()
        self.failed.emit(message)

    def _cleanup(self) -> None:
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def _grab_viewport(self) -> None:
        size = self.view.size()
        self._result.viewport = (size.width(), size.height())
        self._result.viewport_png = _png(self.view.grab().toImage())
        self._next()

    def _measure(self) -> None:
        script = (
            "JSON.stringify([document.title, Math.max(document.documentElement.scrollHeight,"
            " document.body ? document.body.scrollHeight : 0)])"
        )
        self.page.runJavaScript(script, 0, self._measured)

    def _measured(self, value: object) -> None:
        try:
            value = json.loads(str(value))
        except ValueError:
            value = None
        if not isinstance(value, list) or len(value) != 2:
            self._fail("The page could not be measured; wait for it to load and capture again.")
            return
        self._result.title = str(value[0] or self.page.title())
        self._result.page_height = int(float(value[1] or 0))
        self._next()

    def _save_mhtml(self) -> None:
        assert self._tmp is not None
        path = Path(self._tmp.name) / "page.mhtml"
        self.profile.downloadRequested.connect(self._on_download)
        self._mhtml_path = path
        self.page.save(str(path), QWebEngineDownloadRequest.SavePageFormat.MimeHtmlSaveFormat)

    def _on_download(self, download: QWebEngineDownloadRequest) -> None:
        self.profile.downloadRequested.disconnect(self._on_download)
        download.isFinishedChanged.connect(lambda: self._on_saved(download))
        if download.isFinished():
            self._on_saved(download)

    def _on_saved(self, download: QWebEngineDownloadRequest) -> None:
        if not download.isFinished() or self._result.mhtml is not None:
            return
        if download.state() != QWebEngineDownloadRequest.DownloadState.DownloadCompleted:
            self._fail("The browser could not save the page as MHTML; capture again.")
            return
        self._result.mhtml = self._mhtml_path.read_bytes()
        self._next()

    def _full_page(self) -> None:
        width, height = self._result.viewport
        full = min(max(self._result.page_height, height), MAX_PAGE_HEIGHT)
        self._restore = self.view.size()
        if self.view.isWindow():
            self._resize_and_grab(width, full)
        else:
            # In a window on a desktop the view cannot grow past the screen: scroll
            # through the page one viewport at a time and stitch the pieces.
            self._tiles: list[tuple[int, QImage]] = []
            self._offsets = list(range(0, full, height))
            self._next_tile(width, full)

    def _resize_and_grab(self, width: int, height: int) -> None:
        self.view.setMinimumSize(QSize(width, height))
        self.view.resize(width, height)
        self._wait_laid_out(height, 100)

    def _wait_laid_out(self, height: int, tries: int) -> None:
        """Wait until the page is laid out at the new height, then let it paint."""

        def check(value: object) -> None:
            if str(value) == str(height) or tries <= 0:
                QTimer.singleShot(_SETTLE_MS, self._grab_full)
            else:
                QTimer.singleShot(20, lambda: self._wait_laid_out(height, tries - 1))

        self.page.runJavaScript("String(window.innerHeight)", 0, check)

    def _grab_full(self) -> None:
        self._result.full_page_png = _png(self.view.grab().toImage())
        self.view.setMinimumSize(QSize(0, 0))
        self.view.resize(self._restore)
        self._next()

    def _next_tile(self, width: int, full: int) -> None:
        if not self._offsets:
            self._stitch(width, full)
            return
        offset = self._offsets.pop(0)

        def scrolled(value: object) -> None:
            try:
                actual = int(float(str(value)))
            except ValueError:
                actual = offset
            QTimer.singleShot(_SETTLE_MS, lambda: self._grab_tile(actual, width, full))

        self.page.runJavaScript(f"window.scrollTo(0, {offset}); String(window.scrollY)", 0,
                                scrolled)  # fmt: skip

    def _grab_tile(self, top: int, width: int, full: int) -> None:
        self._tiles.append((top, self.view.grab().toImage()))
        self._next_tile(width, full)

    def _stitch(self, width: int, full: int) -> None:
        """One image of the page's height; a later piece covers the overlap of an earlier one."""
        image = QImage(width, full, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        for top, tile in self._tiles:
            painter.drawImage(0, top, tile)
        painter.end()
        self._tiles = []
        self._result.full_page_png = _png(image)
        self.page.runJavaScript("window.scrollTo(0, 0)", 0, lambda _value: self._next())

    def _collect_traffic(self) -> None:
        """Wait for the requests under way, then take the traffic the proxy recorded."""
        if self.session.in_flight(id(self)) and self._result.traffic_waited_ms < TRAFFIC_WAIT_MS:
            self._result.traffic_waited_ms += _TRAFFIC_POLL_MS
            QTimer.singleShot(_TRAFFIC_POLL_MS, self._collect_traffic)
            return
        self._result.traffic = self.session.exchanges(id(self))
        self._result.tls = self.session.tls()
        url = self.page.url()
        facts = self.session.tls_for(f"{url.host()}:{url.port(443)}")
        if url.scheme() == "https" and facts is not None:
            self._result.certificate_chain = facts.chain
            self._result.certificate_chain_error = (
                "" if facts.chain else ("the server presented no certificate")
            )
        self._next()

    def _read_chain(self) -> None:
        """Without the proxy's record: the chain in a handshake of its own (:mod:`.tls`)."""
        url = self.page.url()
        if url.scheme() != "https" or self._result.certificate_chain:
            self._next()
            return
        reader = ChainReader(url.toString(), accept_errors=bool(self.certificate_exception),
                             parent=self)  # fmt: skip

        def done(chain: tuple[bytes, ...], error: str) -> None:
            self._result.certificate_chain = chain
            self._result.certificate_chain_error = error
            reader.deleteLater()
            self._next()

        reader.done.connect(done)
        reader.start()

    def _finish(self) -> None:
        r = self._result
        assert r.mhtml is not None
        page = CapturedPage(
            requested_url=self.requested_url or self.page.url().toString(),
            final_url=self.page.url().toString(),
            title=r.title,
            viewport_png=r.viewport_png,
            full_page_png=r.full_page_png,
            mhtml=r.mhtml,
            viewport_width=r.viewport[0],
            viewport_height=r.viewport[1],
            page_height=r.page_height,
            user_agent=self.user_agent,
            captured_at=r.captured_at,
            resources=tuple(self.requests.urls),
            certificate_exception=self.certificate_exception,
            certificate_chain=r.certificate_chain,
            certificate_chain_error=r.certificate_chain_error,
            profile=self.profile_name,
            visits=tuple(self.visits),
            traffic=r.traffic,
            tls=r.tls,
        )
        self._cleanup()
        self.captured.emit(page)


def _png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())
