"""The TLS certificate chain an HTTPS server presents, read with Qt's ``QSslSocket``.

Python 3.11's ``ssl`` gives only the leaf certificate of a connection, so the
capture browser makes one TLS handshake of its own with the page's server
(``connectToHostEncrypted``) and reads ``peerCertificateChain()``: the
certificates the server sent, leaf first, each as DER bytes. Nothing is sent
after the handshake; the connection is closed at once.

A certificate that does not verify is gone past only when the investigator
chose to go on past the browser's certificate error for the page (the same
choice the capture records and the fetch of the WARC follows); otherwise no
chain is read and the reason is given.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtNetwork import QAbstractSocket, QSslError, QSslSocket

#: How long the handshake may take before the chain is given up (the capture goes on).
HANDSHAKE_TIMEOUT_MS = 15_000


class ChainReader(QObject):
    """One handshake with ``url``'s server; emits :attr:`done` with (chain, error) once."""

    done = Signal(object, str)

    def __init__(self, url: str, *, accept_errors: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.url = QUrl(url)
        self.accept_errors = accept_errors
        self.socket = QSslSocket(self)
        self.socket.sslErrors.connect(self.on_ssl_errors)
        self.socket.encrypted.connect(self.on_encrypted)
        self.socket.errorOccurred.connect(self.on_error)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.on_timeout)
        self._finished = False

    def start(self) -> None:
        """Connect and start the handshake (asynchronous: :attr:`done` tells the outcome)."""
        host = self.url.host()
        if self.url.scheme() != "https" or not host:
            self._finish((), "")
            return
        self._timer.start(HANDSHAKE_TIMEOUT_MS)
        self.socket.connectToHostEncrypted(host, self.url.port(443))

    def on_ssl_errors(self, errors: list[QSslError]) -> None:
        """Go past the errors only under the investigator's recorded choice."""
        if self.accept_errors:
            self.socket.ignoreSslErrors()
            return
        reasons = "; ".join(error.errorString() for error in errors)
        self._finish((), f"the certificate was not accepted ({reasons})")

    def on_encrypted(self) -> None:
        chain = tuple(bytes(cert.toDer().data()) for cert in self.socket.peerCertificateChain())
        self._finish(chain, "" if chain else "the server presented no certificate")

    def on_error(self, _error: QAbstractSocket.SocketError) -> None:
        self._finish((), self.socket.errorString() or "the TLS connection failed")

    def on_timeout(self) -> None:
        self._finish((), "the TLS handshake did not finish in time")

    def _finish(self, chain: tuple[bytes, ...], error: str) -> None:
        if self._finished:
            return
        self._finished = True
        self._timer.stop()
        self.socket.abort()
        self.done.emit(chain, error)
