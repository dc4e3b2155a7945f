"""The recording proxy: the capture browser's traffic, forwarded and kept byte for byte.

Qt WebEngine is pointed at an HTTP proxy on 127.0.0.1 (a free port) through
Chromium's ``--proxy-server`` switch, with ``--proxy-bypass-list=<-loopback>``
so that addresses on this machine go through it too (Chromium otherwise
bypasses a proxy for them). Chromium reads its switches once, when Qt
WebEngine starts, so :func:`ensure_proxy` starts the listener and sets the
switches before the first browser object of the process is made; the
listener then lives as long as the process and serves only while a capture
window has a :class:`~app.webcapture.recording.ProxySession` open (otherwise it answers 502 and
forwards nothing). The application's other web views (the offline replay)
block every request before it reaches the network.

For plain HTTP the proxy forwards each request to the page's server and
keeps the request as it sent it (the request line in origin form,
``Proxy-Connection`` left out) and the response as the server sent it
(status line, headers, body as transferred: still chunked or compressed).
For HTTPS (``CONNECT``) it first makes its own TLS connection to the server,
verified against the system trust store for the host name, keeps the chain
the server presented and whether and why it did not verify
(:class:`~app.domain.web_capture.TlsFacts`), and then answers the browser's
TLS with a certificate for the host from the session's in-memory authority
(:mod:`app.webcapture.session_ca`). The engine accepts that certificate
without asking only when the proxy's own connection verified; otherwise the
investigator sees the server's own error and decides, as without a proxy.
A server whose certificate does not verify is still connected to (so that
the investigator can be asked), but nothing is sent to it before the
investigator accepted, because the browser sends its request only then.

Nothing is sent anywhere but to the servers the page's own requests name,
and the listener accepts connections only on 127.0.0.1.
"""

from __future__ import annotations

import os
import select
import socket
import socketserver
import ssl
import threading
import urllib.parse
from collections.abc import Callable

from app.domain.web_capture import TlsFacts
from app.webcapture.http1 import ProxyError, Stream, body, header, split_head
from app.webcapture.recording import Pending, ProxySession

#: How long connecting to a server may take.
_TIMEOUT = 30.0
#: How long an idle connection from the browser is kept open.
_IDLE = 120.0
_NO_BODY = {204, 304}
_HOP = b"proxy-connection"


class _Unanswered(ProxyError):
    """The server closed the connection before any byte of an answer."""


def same_user(client: socket.socket) -> bool:
    """Whether the connection comes from a process of this user (Linux's socket table).

    The listener is on 127.0.0.1, so only this machine reaches it; on Linux
    another user's process is also refused. Where the table cannot be read
    (another system), the loopback address is the only limit.
    """
    try:
        port = int(client.getpeername()[1])
        own = int(client.getsockname()[1])
    except OSError:
        return False
    try:
        with open("/proc/net/tcp", encoding="ascii") as table:
            lines = table.read().splitlines()[1:]
    except OSError:
        return True
    for line in lines:
        fields = line.split()
        if (
            len(fields) > 7
            and fields[1].endswith(f":{port:04X}")
            and fields[2].endswith(f":{own:04X}")
        ):
            return int(fields[7]) == os.getuid()
    return False


def _peer(sock: socket.socket) -> str:
    try:
        return str(sock.getpeername()[0])
    except OSError:
        return ""


def _chain(tls: ssl.SSLSocket) -> tuple[bytes, ...]:
    """The certificates the server sent, leaf first (Python 3.11 has it on the C object)."""
    getter = getattr(tls, "get_unverified_chain", None)
    if getter is None:
        getter = getattr(getattr(tls, "_sslobj", None), "get_unverified_chain", None)
    chain: list[bytes] = []
    if getter is not None:
        for cert in getter() or ():
            chain.append(cert if isinstance(cert, bytes) else
                         cert.public_bytes(ssl._ssl.ENCODING_DER))  # type: ignore[attr-defined]  # fmt: skip
    if not chain:
        leaf = tls.getpeercert(binary_form=True)
        if leaf:
            chain.append(leaf)
    return tuple(chain)


def open_tls(host: str, port: int) -> tuple[ssl.SSLSocket, TlsFacts]:
    """A TLS connection to the server, verified if it can be, with what it presented."""
    context = ssl.create_default_context()
    context.set_alpn_protocols(["http/1.1"])
    raw = socket.create_connection((host, port), timeout=_TIMEOUT)
    try:
        tls = context.wrap_socket(raw, server_hostname=host)
        tls.settimeout(_IDLE)
        return tls, TlsFacts(_chain(tls), True)
    except ssl.SSLCertVerificationError as error:
        raw.close()
        reason = str(error.verify_message or error.reason or error)
    unverified = ssl.create_default_context()
    unverified.check_hostname = False
    unverified.verify_mode = ssl.CERT_NONE
    unverified.set_alpn_protocols(["http/1.1"])
    raw = socket.create_connection((host, port), timeout=_TIMEOUT)
    try:
        tls = unverified.wrap_socket(raw, server_hostname=host)
        tls.settimeout(_IDLE)
    except BaseException:
        raw.close()
        raise
    return tls, TlsFacts(_chain(tls), False, f"the certificate did not verify ({reason})")


class _Connection:
    """One connection from the browser: plain requests, or a CONNECT tunnel."""

    def __init__(self, proxy: RecordingProxy, client: socket.socket) -> None:
        self.proxy = proxy
        self.client = client
        self.upstream: socket.socket | None = None
        self.upstream_key = ""
        #: Whether the server connection already carried a request (a server may have closed it).
        self.reused = False
        self.reconnect: Callable[[], socket.socket] | None = None
        #: A server connection switched to another protocol (WebSocket) by a 101.
        self.switched: Stream | None = None

    def serve(self) -> None:
        self.client.settimeout(_IDLE)
        stream = Stream(self.client)
        try:
            while True:
                head = stream.head()
                if head is None:
                    return
                session = self.proxy.session
                if session is None:
                    self._answer(self.client, b"502 No capture browser is open")
                    return
                if not same_user(self.client):
                    self._answer(self.client, b"403 Not this user's capture browser")
                    return
                line, fields = split_head(head)
                parts = line.split(b" ")
                if len(parts) != 3:
                    self._answer(self.client, b"400 Bad request line")
                    return
                method, target = parts[0], parts[1].decode("latin-1")
                if method == b"CONNECT":
                    self._tunnel(session, target)
                    return
                if not self._forward(session, stream, head, fields, "http", None):
                    return
        except (OSError, ProxyError, ValueError):
            return  # the browser sees the connection close, as with a server that failed
        finally:
            self._close_upstream()
            self.client.close()

    @staticmethod
    def _answer(sock: socket.socket, status: bytes) -> None:
        try:
            sock.sendall(b"HTTP/1.1 " + status + b"\r\nContent-Length: 0\r\n"
                         b"Connection: close\r\n\r\n")  # fmt: skip
        except OSError:
            pass

    def _close_upstream(self) -> None:
        if self.upstream is not None:
            self.upstream.close()
            self.upstream, self.upstream_key = None, ""
        self.reused = False

    def _tunnel(self, session: ProxySession, target: str) -> None:
        host, _, port_text = target.rpartition(":")
        host = host.strip("[]")
        try:
            port = int(port_text)
            upstream, facts = open_tls(host, port)
        except (OSError, ValueError, ssl.SSLError) as error:
            self._answer(self.client, b"502 " + str(error).encode("latin-1", "replace")[:200])
            return
        session.tls_seen(f"{host}:{port}", facts)
        self.upstream, self.upstream_key = upstream, target

        def reconnect() -> socket.socket:
            self._close_upstream()
            again, facts = open_tls(host, port)
            session.tls_seen(f"{host}:{port}", facts)
            self.upstream, self.upstream_key = again, target
            return again

        self.reconnect = reconnect
        self.client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        tls = session.ca.server_context(host).wrap_socket(self.client, server_side=True)
        self.client = tls
        stream = Stream(tls)
        authority = host if port == 443 else f"{host}:{port}"
        if ":" in host:
            authority = f"[{host}]" if port == 443 else f"[{host}]:{port}"
        while True:
            head = stream.head()
            if head is None:
                return
            _line, fields = split_head(head)
            if not self._forward(session, stream, head, fields, "https", authority):
                return

    def _upstream_for(self, authority: str) -> socket.socket:
        if self.upstream is not None and self.upstream_key == authority:
            return self.upstream
        self._close_upstream()
        parts = urllib.parse.urlsplit(f"http://{authority}")
        sock = socket.create_connection((parts.hostname or "", parts.port or 80),
                                        timeout=_TIMEOUT)  # fmt: skip
        sock.settimeout(_IDLE)
        self.upstream, self.upstream_key = sock, authority
        return sock

    def _forward(
        self,
        session: ProxySession,
        stream: Stream,
        head: bytes,
        fields: list[tuple[bytes, bytes]],
        scheme: str,
        authority: str | None,
    ) -> bool:
        """Forward one request and its response, keep both; False when the connection ends."""
        if session.closed:  # the capture window closed: nothing more goes out
            self._answer(self.client, b"502 The capture browser was closed")
            return False
        line, _ = split_head(head)
        method, target, version = line.split(b" ")
        if authority is None:
            parts = urllib.parse.urlsplit(target.decode("latin-1"))
            if parts.scheme != "http" or not parts.netloc:
                self._answer(self.client, b"400 Only absolute http addresses are proxied")
                return False
            authority = parts.netloc
            path = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
            url = target.decode("latin-1")
            lines = head[:-4].split(b"\r\n")[1:]
            kept = [raw for raw in lines if raw.split(b":", 1)[0].strip().lower() != _HOP]
            out_head = b"\r\n".join([b" ".join((method, path.encode("latin-1"), version)),
                                     *kept]) + b"\r\n\r\n"  # fmt: skip
            upstream = self._upstream_for(authority)
            plain = authority

            def reconnect() -> socket.socket:
                self._close_upstream()
                return self._upstream_for(plain)

            self.reconnect = reconnect
        else:
            url = f"{scheme}://{authority}{target.decode('latin-1')}"
            out_head = head
            assert self.upstream is not None
            upstream = self.upstream
        content = b"".join(body(stream, fields, to_close=False))
        request = out_head + content
        number, pending = session.begin(url, request, _peer(upstream))
        complete = persistent = False
        head_only = method == b"HEAD"
        try:
            try:
                upstream.sendall(request)
                complete, persistent = self._relay(upstream, pending, head_only, version)
            except (_Unanswered, OSError):
                # A server may close a connection it kept open before the next request
                # came: that request is sent again once, on a new connection.
                if not self.reused or pending.response or self.reconnect is None:
                    raise
                upstream = self.reconnect()
                pending.ip_address = _peer(upstream)
                upstream.sendall(request)
                complete, persistent = self._relay(upstream, pending, head_only, version)
            self.reused = True
        finally:
            session.end(number, complete=complete)
        if self.switched is not None:
            self._pipe(self.switched)
            return False
        # The browser reads the server's own head, so the two connections persist together.
        return complete and persistent

    def _relay(
        self, upstream: socket.socket, pending: Pending, head_only: bool, version: bytes
    ) -> tuple[bool, bool]:
        """The response, to the browser as it comes and into the record.

        Returns whether it ended well and whether the connections stay open
        for another request.
        """
        stream = Stream(upstream)
        while True:
            head = stream.head()
            if head is None:
                raise _Unanswered("the server closed the connection without answering")
            pending.keep(head)
            self.client.sendall(head)
            line, fields = split_head(head)
            try:
                status = int(line.split(b" ")[1])
            except (IndexError, ValueError) as error:
                raise ProxyError("a bad status line") from error
            if status == 101:
                # The exchange is complete; the protocol it switched to is passed on
                # unrecorded once the exchange is kept (see _forward).
                self.switched = stream
                return True, False
            if not 100 <= status < 200:
                break
        connection = (header(fields, b"connection") or b"").lower()
        encoding = (header(fields, b"transfer-encoding") or b"").lower()
        framed = header(fields, b"content-length") is not None or b"chunked" in encoding
        if not (head_only or status in _NO_BODY):
            for piece in body(stream, fields, to_close=True):
                pending.keep(piece)
                self.client.sendall(piece)
        http10 = line.startswith(b"HTTP/1.0") or version == b"HTTP/1.0"
        persistent = (b"keep-alive" in connection if http10 else b"close" not in connection) and (
            framed or head_only or status in _NO_BODY
        )
        if not persistent:
            self._close_upstream()
        return True, persistent

    def _pipe(self, stream: Stream) -> None:
        """After a protocol switch (WebSocket), pass bytes both ways unrecorded until a close.

        One thread reads both sides in turn (a TLS connection may not be read and
        written from two threads at once).
        """
        upstream = stream.sock
        if stream.buffer:
            self.client.sendall(stream.buffer)
        ends = {self.client: upstream, upstream: self.client}
        try:
            while True:
                ready: list[socket.socket] = [
                    end for end in ends if isinstance(end, ssl.SSLSocket) and end.pending()
                ]
                if not ready:
                    ready = select.select(list(ends), [], [], _IDLE)[0]
                    if not ready:
                        return
                for end in ready:
                    data = end.recv(65536)
                    if not data:
                        return
                    ends[end].sendall(data)
        except OSError:
            return
        finally:
            self._close_upstream()


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A connection that failed is closed; nothing is printed over the application's output."""


class RecordingProxy:
    """The listener on 127.0.0.1: one per process, recording into the open session."""

    def __init__(self) -> None:
        proxy = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                _Connection(proxy, self.request).serve()

        self.server = _Server(("127.0.0.1", 0), Handler)
        self.port = int(self.server.server_address[1])
        self.session: ProxySession | None = None
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True,
                                        name="casedesk-recording-proxy")  # fmt: skip
        self._thread.start()

    def open_session(self, owner: int) -> ProxySession:
        """The session for a capture window ``owner``: the open one, or a new one."""
        with self._lock:
            if self.session is None or self.session.closed:
                self.session = ProxySession()
            self.session.join(owner)
            return self.session

    def shutdown(self) -> None:
        """Stop listening (a proxy of its own, in tests; the process's lives as long as it)."""
        self.server.shutdown()
        self.server.server_close()

    def close_session(self, session: ProxySession, owner: int) -> None:
        """``owner``'s window closed; with the last one the session and its authority go."""
        with self._lock:
            if session.leave(owner) and self.session is session:
                self.session = None


_PROXY: RecordingProxy | None = None
_LOCK = threading.Lock()
FLAGS_VARIABLE = "QTWEBENGINE_CHROMIUM_FLAGS"


def ensure_proxy() -> RecordingProxy:
    """The process's recording proxy, started (and Chromium pointed at it) on first call.

    Must run before the first Qt WebEngine profile or view of the process:
    Chromium reads the proxy switches once, at its start.
    """
    global _PROXY
    with _LOCK:
        if _PROXY is None:
            _PROXY = RecordingProxy()
            flags = os.environ.get(FLAGS_VARIABLE, "")
            own = (f"--proxy-server=http://127.0.0.1:{_PROXY.port} "
                   "--proxy-bypass-list=<-loopback>")  # fmt: skip
            os.environ[FLAGS_VARIABLE] = f"{flags} {own}".strip()
        return _PROXY
