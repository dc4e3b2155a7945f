"""The WARC of a captured page fetched again: the fallback when the proxy saw nothing.

A capture's WARC is made from the browser's own traffic
(:mod:`app.services.capture.recorded`). Only when the recording proxy did not
see the page's main document, right after the capture every address the
browser requested for the page is fetched again with Python's
``http.client`` and the same user agent, and each request and response is
written as a WARC 1.0 record (``warcio``). The fetch of the final address
also gives the main document's HTTP status and response headers, and, over
HTTPS, the server's leaf certificate (DER, parsed with ``cryptography``).
Python 3.11 does not expose the rest of the chain: the capture browser reads
the chain the server presents in a handshake of its own
(:mod:`app.webcapture.tls`) and hands it over as DER bytes; when its first
certificate is the fetch's leaf, the whole chain is recorded, leaf first,
each with subject, issuer, validity, serial, SHA-256 fingerprint and PEM
(``certificate["chain"]``); otherwise only the leaf is, and the reason with
it. The host name is resolved with the system resolver (``socket.getaddrinfo``).

Nothing is sent anywhere but to the page's own servers; nothing is uploaded.
A certificate that does not verify is accepted only when the investigator
chose to go on past it in the browser (recorded with the capture).
"""

from __future__ import annotations

import hashlib
import http.client
import io
import socket
import ssl
import urllib.parse
from dataclasses import dataclass, field
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

#: How much of one response is kept in the WARC; a longer body is cut and says so.
MAX_BODY = 32 * 1024 * 1024
#: How many addresses of one page are fetched again.
MAX_RESOURCES = 200
_TIMEOUT = 20.0
_REDIRECTS = 10


@dataclass(frozen=True, slots=True)
class MainDocument:
    """What the server said about the page's final address."""

    url: str
    status: int | None
    headers: tuple[tuple[str, str], ...]
    ip_addresses: tuple[str, ...]
    certificate: dict[str, Any] | None
    error: str = ""


@dataclass(frozen=True, slots=True)
class PageArchive:
    """The WARC (gzip-compressed records) and the main document's facts."""

    warc: bytes
    main: MainDocument
    #: Each address fetched again or recorded: (url, status or None, error text).
    fetched: tuple[tuple[str, int | None, str], ...] = field(default=())
    #: How the WARC was made, added to the capture's recorded method
    #: (:func:`app.services.capture.recorded.archive_capture`).
    method: dict[str, Any] = field(default_factory=dict)


def describe_certificate(der: bytes) -> dict[str, Any]:
    """Subject, issuer, validity, serial, SHA-256 fingerprint and PEM of a DER certificate."""
    cert = x509.load_der_x509_certificate(der)
    fingerprint = hashlib.sha256(der).hexdigest()
    return {
        "subject": cert.subject.rfc4514_string(),
        "issuer": cert.issuer.rfc4514_string(),
        "serial": format(cert.serial_number, "x"),
        "not_before": cert.not_valid_before_utc.isoformat(),
        "not_after": cert.not_valid_after_utc.isoformat(),
        "sha256_fingerprint": ":".join(
            fingerprint[i : i + 2].upper() for i in range(0, len(fingerprint), 2)
        ),
        "pem": cert.public_bytes(serialization.Encoding.PEM).decode("ascii"),
    }


def describe_chain(leaf: bytes, chain: tuple[bytes, ...], chain_error: str = "") -> dict[str, Any]:
    """The leaf's description with ``chain`` (leaf first) and, when it is only the leaf, why."""
    certificate = describe_certificate(leaf)
    if chain and chain[0] == leaf:
        certificate["chain"] = [describe_certificate(der) for der in chain]
        return certificate
    certificate["chain"] = [describe_certificate(leaf)]
    certificate["chain_error"] = chain_error or (
        "the browser's handshake presented another certificate than the fetch's"
        if chain
        else "the chain was not read"
    )
    return certificate


def resolve(host: str, port: int) -> tuple[str, ...]:
    """The addresses the system resolver gives for ``host``, each once, in its order."""
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except OSError:
        return ()
    seen: list[str] = []
    for info in infos:
        address = str(info[4][0])
        if address not in seen:
            seen.append(address)
    return tuple(seen)


@dataclass
class _Response:
    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: bytes
    certificate: bytes | None
    version: str


def _fetch(url: str, user_agent: str, context: ssl.SSLContext) -> tuple[bytes, _Response]:
    """One GET without following redirects: the raw request head and the response."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    path = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
    connection: http.client.HTTPConnection
    if parts.scheme == "https":
        connection = http.client.HTTPSConnection(
            host, parts.port, timeout=_TIMEOUT, context=context
        )
    else:
        connection = http.client.HTTPConnection(host, parts.port, timeout=_TIMEOUT)
    headers = {
        "User-Agent": user_agent,
        "Accept": "*/*",
        "Accept-Encoding": "identity",
        "Connection": "close",
    }
    try:
        connection.request("GET", path, headers=headers)
        certificate = None
        if isinstance(connection.sock, ssl.SSLSocket):
            certificate = connection.sock.getpeercert(binary_form=True)
        response = connection.getresponse()
        body = response.read(MAX_BODY)
        version = "HTTP/1.1" if response.version == 11 else "HTTP/1.0"
        result = _Response(
            response.status, response.reason, list(response.getheaders()), body, certificate,
            version,
        )  # fmt: skip
    finally:
        connection.close()
    netloc = parts.netloc.rsplit("@", 1)[-1]
    head = f"GET {path} HTTP/1.1\r\nHost: {netloc}\r\n" + "".join(
        f"{name}: {value}\r\n" for name, value in headers.items()
    )
    return (head + "\r\n").encode("latin-1"), result


def _context(insecure: bool) -> ssl.SSLContext:
    context = ssl.create_default_context()
    if insecure:
        # Only after the investigator chose to go on past the certificate error in
        # the browser: the fetch must see the same server the browser saw.
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


class _Recorder:
    """Writes request/response record pairs into one gzip-compressed WARC."""

    def __init__(self, warcinfo: dict[str, str]) -> None:
        self.out = io.BytesIO()
        self.writer = WARCWriter(self.out, gzip=True)
        self._write(self.writer.create_warcinfo_record("capture.warc.gz", warcinfo))

    def _write(self, record: Any) -> None:
        try:
            self.writer.write_record(record)
        finally:
            # warcio may buffer a body in a temporary file to digest it: closed here.
            record.raw_stream.close()

    def exchange(self, url: str, request_head: bytes, response: _Response, ip: str) -> None:
        http_headers = StatusAndHeaders(
            f"{response.status} {response.reason}", response.headers, protocol=response.version
        )
        extra = {"WARC-IP-Address": ip} if ip else {}
        record = self.writer.create_warc_record(
            url, "response", payload=io.BytesIO(response.body), length=len(response.body),
            http_headers=http_headers, warc_headers_dict=extra,
        )  # fmt: skip
        request = self.writer.create_warc_record(
            url, "request", payload=io.BytesIO(request_head), length=len(request_head),
            warc_headers_dict={"WARC-Concurrent-To": record.rec_headers["WARC-Record-ID"]},
        )  # fmt: skip
        self._write(record)
        self._write(request)

    def value(self) -> bytes:
        return self.out.getvalue()


def archive_page(
    final_url: str,
    resources: tuple[str, ...],
    user_agent: str,
    *,
    accept_invalid_certificate: bool = False,
    certificate_chain: tuple[bytes, ...] = (),
    certificate_chain_error: str = "",
) -> PageArchive:
    """Fetch the page and its resources again and write them as a WARC; see the module docstring."""
    context = _context(accept_invalid_certificate)
    recorder = _Recorder(
        {
            "software": "Casedesk capture browser",
            "format": "WARC File Format 1.0",
            "description": "Records of the addresses a captured page was built from, fetched "
            "again at capture with the browser's user agent.",
            "http-header-user-agent": user_agent,
        }
    )
    main = _main_document(
        final_url, user_agent, context, recorder, (certificate_chain, certificate_chain_error)
    )
    fetched: list[tuple[str, int | None, str]] = [(main.url, main.status, main.error)]
    done = {final_url, main.url}
    for url in resources[:MAX_RESOURCES]:
        scheme = urllib.parse.urlsplit(url).scheme
        if url in done or scheme not in ("http", "https"):
            continue
        done.add(url)
        try:
            head, response = _fetch(url, user_agent, context)
        except (OSError, http.client.HTTPException, ValueError) as error:
            fetched.append((url, None, str(error) or type(error).__name__))
            continue
        parts = urllib.parse.urlsplit(url)
        ips = resolve(parts.hostname or "", parts.port or 0)
        recorder.exchange(url, head, response, ips[0] if ips else "")
        fetched.append((url, response.status, ""))
    return PageArchive(recorder.value(), main, tuple(fetched))


def _main_document(
    url: str,
    user_agent: str,
    context: ssl.SSLContext,
    recorder: _Recorder,
    chain: tuple[tuple[bytes, ...], str],
) -> MainDocument:
    """Fetch the final address (following any further redirect) and record it."""
    for _ in range(_REDIRECTS):
        parts = urllib.parse.urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        ips = resolve(parts.hostname or "", port)
        try:
            head, response = _fetch(url, user_agent, context)
        except (OSError, http.client.HTTPException, ValueError) as error:
            return MainDocument(url, None, (), ips, None, str(error) or type(error).__name__)
        recorder.exchange(url, head, response, ips[0] if ips else "")
        location = dict((k.lower(), v) for k, v in response.headers).get("location")
        if response.status in (301, 302, 303, 307, 308) and location:
            url = urllib.parse.urljoin(url, location)
            continue
        certificate = describe_chain(response.certificate, *chain) if response.certificate else None
        return MainDocument(url, response.status, tuple(response.headers), ips, certificate)
    return MainDocument(url, None, (), (), None, "too many redirects")


def warc_text(warc: bytes, url: str) -> str:
    """The body of the WARC's response record for ``url`` as text ("" when absent)."""
    for record in ArchiveIterator(io.BytesIO(warc)):
        target = record.rec_headers.get_header("WARC-Target-URI")
        if record.rec_type == "response" and target == url:
            return bytes(record.content_stream().read()).decode("utf-8", "replace")
    return ""
