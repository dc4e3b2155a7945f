"""Web pages served on 127.0.0.1 for the capture browser's tests (no machine here has the internet).

:func:`serve` starts one HTTP and one HTTPS server (a certificate for 127.0.0.1
signed by a test CA, both made here with ``cryptography``; the server presents
the chain, leaf then CA, which no browser trusts) in threads, serving:

``/post``       a fake social-media post with an image and a known text;
``/redirect``   a 302 to ``/post``;
``/long``       a page 5000 CSS pixels tall, so the full page needs more than the window;
``/held``       a page taller than the window whose image at the bottom loads
                lazily, when the capture lays the page out at its full height;
                the image is answered only when the test releases it
                (``Fixtures.release``), and the capture waits for it: a capture
                can be killed after the browser grabbed the page and before
                anything is stored.
``/counter``    a page that counts its requests ("Visit 1", "Visit 2", ...),
                sent chunked and gzip-compressed over HTTP/1.1: the WARC holds
                the browser's copy (the same number as the MHTML) as sent.

Every response carries ``X-Fixture-Server: casedesk-tests`` so a test can
check the recorded headers are the server's own.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from ipaddress import IPv4Address
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from PIL import Image

POST_TEXT = "Fixture post: the employee wrote something the policy forbids."
LONG_HEIGHT = 5000
HELD_HEIGHT = 8000
HEADER = ("X-Fixture-Server", "casedesk-tests")


def _image() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (240, 120), (30, 120, 200)).save(out, format="PNG")
    return out.getvalue()


PAGES = {
    "/post": (
        "<!doctype html><html><head><title>Jordan Doe on FakeBook</title></head>"
        "<body style='margin:0;font-family:sans-serif'>"
        "<header style='background:#3b5998;color:white;padding:8px'>FakeBook</header>"
        "<article style='padding:12px'><h2>@jordan.doe</h2>"
        f"<p id='text'>{POST_TEXT}</p><img src='/photo.png' width='240' height='120'>"
        "<p>12 likes · 3 comments</p></article></body></html>"
    ),
    "/long": (
        "<!doctype html><html><head><title>A long page</title></head>"
        "<body style='margin:0'>"
        f"<div style='height:{LONG_HEIGHT}px;background:linear-gradient(#fff,#036)'>top</div>"
        "</body></html>"
    ),
    "/held": (
        "<!doctype html><html><head><title>Held</title></head><body style='margin:0'>"
        f"<div style='height:{HELD_HEIGHT}px'>held</div>"
        "<img src='/held.png' loading='lazy' width='10' height='10'></body></html>"
    ),
}


def counter_page(number: int) -> bytes:
    """The ``/counter`` page of the ``number``-th request."""
    return (
        "<!doctype html><html><head><title>Counter</title></head><body>"
        f"<p id='visit'>Visit {number}</p></body></html>"
    ).encode()


def counter_head() -> bytes:
    """The status line and headers ``/counter`` is sent with, byte for byte."""
    return (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        b"Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n"
        b"X-Fixture-Server: casedesk-tests\r\nConnection: close\r\n\r\n"
    )


@dataclass
class Fixtures:
    """The two servers' base addresses, the leaf's and CA's fingerprints, and the held image."""

    http: str
    https: str
    certificate_sha256: str
    #: The test CA's fingerprint: the server presents the leaf and this CA (a chain).
    ca_sha256: str
    held_requested: threading.Event = field(default_factory=threading.Event)
    held_count: int = 0
    release: threading.Event = field(default_factory=threading.Event)
    #: How many times ``/counter`` was asked for.
    counter: int = 0
    #: The file with the leaf and the test CA (PEM): a trust store that verifies the server.
    chain_file: Path | None = None


def _fingerprint(cert: x509.Certificate) -> str:
    digest = hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()
    return ":".join(digest[i : i + 2].upper() for i in range(0, 64, 2))


def _certificate(folder: Path) -> tuple[Path, Path, str, str]:
    """A test CA and a leaf for 127.0.0.1 it signed; the chain file holds both, leaf first."""
    now = dt.datetime.now(dt.UTC)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "casedesk test CA")])
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "casedesk fixture")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=7))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(ca_key, hashes.SHA256())
    )  # fmt: skip
    cert = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(ca_name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=7))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(IPv4Address("127.0.0.1"))]),
                       critical=False)
        .sign(ca_key, hashes.SHA256())
    )  # fmt: skip
    cert_path, key_path = folder / "fixture-chain.crt", folder / "fixture.key"
    cert_path.write_bytes(
        cert.public_bytes(serialization.Encoding.PEM) + ca.public_bytes(serialization.Encoding.PEM)
    )
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                          serialization.NoEncryption())
    )  # fmt: skip
    return cert_path, key_path, _fingerprint(cert), _fingerprint(ca)


def _handler(fixtures_of: dict[str, Fixtures]) -> type[BaseHTTPRequestHandler]:
    photo = _image()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

        def _send(self, status: int, body: bytes, kind: str, extra: dict[str, str]) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header(*HEADER)
            for name, value in extra.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802
            fixtures = fixtures_of["it"]
            path = self.path.split("?", 1)[0]
            if path == "/redirect":
                self._send(302, b"", "text/html", {"Location": "/post"})
            elif path in PAGES:
                self._send(200, PAGES[path].encode(), "text/html; charset=utf-8", {})
            elif path == "/photo.png":
                self._send(200, photo, "image/png", {})
            elif path == "/held.png":
                fixtures.held_count += 1
                fixtures.held_requested.set()
                fixtures.release.wait(60)
                self._send(200, photo, "image/png", {})
            elif path == "/counter":
                fixtures.counter += 1
                body = gzip.compress(counter_page(fixtures.counter), mtime=0)
                half = len(body) // 2
                chunks = b"".join(
                    b"%x\r\n%s\r\n" % (len(piece), piece) for piece in (body[:half], body[half:])
                )
                self.wfile.write(counter_head() + chunks + b"0\r\n\r\n")
                self.close_connection = True
            else:
                self._send(404, b"not here", "text/plain", {})

    return Handler


@contextmanager
def serve(folder: Path) -> Iterator[Fixtures]:
    """Both servers on 127.0.0.1 (free ports), stopped on exit."""
    cert_path, key_path, fingerprint, ca_fingerprint = _certificate(folder)
    holder: dict[str, Fixtures] = {}
    handler = _handler(holder)
    plain = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    secure = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_path, key_path)
    secure.socket = context.wrap_socket(secure.socket, server_side=True)
    servers = (plain, secure)
    plain.daemon_threads = secure.daemon_threads = True
    threads = [threading.Thread(target=s.serve_forever, daemon=True) for s in servers]
    for thread in threads:
        thread.start()
    holder["it"] = Fixtures(
        f"http://127.0.0.1:{plain.server_address[1]}",
        f"https://127.0.0.1:{secure.server_address[1]}",
        fingerprint,
        ca_fingerprint,
        chain_file=cert_path,
    )
    try:
        yield holder["it"]
    finally:
        holder["it"].release.set()
        for server in servers:
            server.shutdown()
            server.server_close()
