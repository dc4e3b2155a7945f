"""The certificate authority of one capture window, made in memory and never kept.

The recording proxy (:mod:`app.webcapture.proxy`) stands between the capture
browser and an HTTPS server: it makes its own TLS connection to the server and
presents the browser a certificate for the host, issued by this authority.
The authority's key exists only in this object: it is never written to disk,
never added to any trust store (the browser does not trust it; the capture
engine accepts its certificates one error at a time, see
:mod:`app.webcapture.engine`), and it goes when the capture window closes.

Python's ``ssl`` loads a certificate and key only from a file name, so the
leaf (never the authority's key) is handed to it through an anonymous
in-memory file (``memfd_create``, Linux) named by ``/proc/self/fd``; where
there is no such file, through a private temporary file deleted at once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import os
import secrets
import ssl
import tempfile
import threading

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

#: How long an issued certificate is valid: the capture window's life is far shorter.
_VALIDITY = dt.timedelta(days=2)


class SessionCA:
    """A certificate authority for one capture window, and the leaves it issued."""

    def __init__(self) -> None:
        now = dt.datetime.now(dt.UTC)
        self._key = ec.generate_private_key(ec.SECP256R1())
        self._leaf_key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name([
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Casedesk capture browser"),
            x509.NameAttribute(NameOID.COMMON_NAME,
                               f"Casedesk capture session {secrets.token_hex(4)}"),
        ])  # fmt: skip
        self.name = name
        self.certificate = (
            x509.CertificateBuilder()
            .subject_name(name).issuer_name(name).public_key(self._key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(hours=1)).not_valid_after(now + _VALIDITY)
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False,
                                         False), critical=True)
            .sign(self._key, hashes.SHA256())
        )  # fmt: skip
        self.der = self.certificate.public_bytes(serialization.Encoding.DER)
        #: SHA-256 of the authority's certificate (DER), hex: how the engine knows its leaves.
        self.fingerprint = hashlib.sha256(self.der).hexdigest()
        self._contexts: dict[str, ssl.SSLContext] = {}
        self._lock = threading.Lock()

    def leaf_pem(self, host: str) -> bytes:
        """A certificate for ``host`` (a name or an address) and this authority's, as PEM."""
        now = dt.datetime.now(dt.UTC)
        try:
            alt: x509.GeneralName = x509.IPAddress(ipaddress.ip_address(host))
        except ValueError:
            alt = x509.DNSName(host)
        leaf = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host[:64])]))
            .issuer_name(self.name).public_key(self._leaf_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(hours=1)).not_valid_after(now + _VALIDITY)
            .add_extension(x509.SubjectAlternativeName([alt]), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]),
                           critical=False)
            .sign(self._key, hashes.SHA256())
        )  # fmt: skip
        pem = serialization.Encoding.PEM
        return leaf.public_bytes(pem) + self.certificate.public_bytes(pem)

    def server_context(self, host: str) -> ssl.SSLContext:
        """The TLS server context that presents ``host``'s certificate to the browser."""
        with self._lock:
            context = self._contexts.get(host)
            if context is None:
                context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
                context.set_alpn_protocols(["http/1.1"])
                key = self._leaf_key.private_bytes(
                    serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                    serialization.NoEncryption(),
                )  # fmt: skip
                _load_chain(context, self.leaf_pem(host) + key)
                self._contexts[host] = context
            return context


def _load_chain(context: ssl.SSLContext, pem: bytes) -> None:
    """``load_cert_chain`` from memory: an anonymous file where the system has one."""
    memfd = getattr(os, "memfd_create", None)
    if memfd is not None:
        fd = memfd("casedesk-capture-leaf", getattr(os, "MFD_CLOEXEC", 0))
        try:
            os.write(fd, pem)
            context.load_cert_chain(f"/proc/self/fd/{fd}")
        finally:
            os.close(fd)
        return
    with tempfile.TemporaryDirectory(prefix="casedesk-leaf-") as folder:
        path = os.path.join(folder, "leaf.pem")
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as out:
            out.write(pem)
        context.load_cert_chain(path)
