"""Web captures: what the capture browser hands over, and the policy rules a capture runs under.

Plain data and rules only. The capture browser (:mod:`app.webcapture`)
produces a :class:`CapturedPage` with the traffic its recording proxy saw; the
service (:mod:`app.services.capture`) writes that traffic as the WARC and
stores everything as one evidence item.

The rules (MA DYS Policy 01.05.22, cited as the policy catalog spells it):

- B.2.d: where the site "allows users to see who is viewing them", the
  employee's privacy settings must be enabled. The authorization records
  whether the site shows viewers; a supervision capture on such a site is
  refused unless the employee confirms, at the capture, that the privacy
  settings hide the viewer. The answer is recorded with every supervision
  capture.
- B.2.a and B.2.b: the account is used only to view (no chat, friending or
  other communication) and under the employee's true identity. The capture
  window offers no messaging or friending, and a supervision capture is
  viewed in the browser profile of the authorized account named on the
  authorization (:func:`profile_name`), never another.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from app.domain.authorizations.ma_dys import cite
from app.domain.errors import Refused

#: What a capture stores besides the item's content (full page) and page source (MHTML).
PART_VIEWPORT = "viewport"
PART_WARC = "warc"
PART_WACZ = "wacz"

#: The events of a case's capture log.
LOG_VISIT = "visit"
LOG_CAPTURE = "capture"
LOG_CERTIFICATE_EXCEPTION = "certificate_exception"

#: How the capture browser makes each file; stored with every capture and
#: printed in the certification, so the process can be described as it ran.
METHOD = {
    "engine": "Qt WebEngine (Chromium) in Casedesk's capture browser",
    "viewport_png": "the visible part of the page, grabbed from the browser as PNG",
    "full_page_png": (
        "the page laid out at its full scroll height in the browser and grabbed as one PNG"
    ),
    "mhtml": "the page as the browser saved it (MIME HTML), from the browser's own copy",
    "warc": (
        "WARC 1.0 request and response records of the browser's own traffic: the capture "
        "browser sends every request through Casedesk's recording proxy on 127.0.0.1, which "
        "forwards it to the page's server and keeps the request as sent and the response as "
        "received (status line, headers and body as transferred) for the page in front"
    ),
    "wacz": (
        "that WARC packaged as WACZ 1.1.1 (a zip web-archive players open): the WARC, a CDXJ "
        "index of its responses, the page list and a data package with every file's SHA-256"
    ),
    "headers_status_certificate": (
        "from the recorded response of the final address: the HTTP status and response headers "
        "of the main document; and the certificate chain the server presented to the recording "
        "proxy's own TLS connection, leaf first, each certificate with its SHA-256 fingerprint "
        "(HTTPS reaches the browser through a certificate of a per-capture-window authority "
        "made in memory; see the security notes)"
    ),
    "ip_addresses": "the address the recording proxy connected to for the final address",
    "hashes": "SHA-256 of every file, computed when the capture was stored",
}


#: The WARC's method when the recording proxy did not see the page's main document.
METHOD_REFETCH = {
    "warc": (
        "WARC 1.0 request and response records made by fetching the main document and every "
        "address the browser requested for the page again, right after the capture, with the "
        "same user agent: the recording proxy did not see the page's main document"
    ),
    "headers_status_certificate": (
        "from that fetch of the final address: the HTTP status and response headers of the main "
        "document; and the certificate chain the server presents, leaf first, each certificate "
        "with its SHA-256 fingerprint (read in a TLS handshake of the capture browser, Qt "
        "QSslSocket, with the leaf checked against the fetch's)"
    ),
    "ip_addresses": "the final address's host name resolved by the system resolver at capture",
}


def warc_source(method: dict[str, object]) -> str:
    """Where a capture's WARC came from, in words, from its recorded method."""
    source = method.get("warc_source")
    if source == "recorded":
        return "the capture browser's own traffic, kept by its recording proxy"
    reason = method.get("warc_fallback_reason")
    if reason:
        return f"fetched again right after the capture: {reason}"
    return "fetched again right after the capture"


@dataclass(frozen=True, slots=True)
class RecordedExchange:
    """One request the capture browser sent and the response it received, byte for byte.

    ``request`` is the request as the recording proxy sent it to the server
    (request line in origin form, headers, body); ``response`` the response as
    the server sent it (status line, headers, body still chunked or compressed
    as transferred). ``complete`` is False when the response was cut short
    (the connection closed, or :attr:`truncated` at the size limit).
    """

    url: str
    request: bytes
    response: bytes
    ip_address: str
    started_at: dt.datetime
    complete: bool = True
    truncated: bool = False


@dataclass(frozen=True, slots=True)
class TlsFacts:
    """What the recording proxy's own TLS connection to a server saw."""

    #: The chain the server presented (DER, leaf first).
    chain: tuple[bytes, ...]
    #: Whether it verified against the system trust store for the host name.
    verified: bool
    #: Why it did not verify ("" when it did).
    error: str = ""


@dataclass(frozen=True, slots=True)
class CapturedPage:
    """What the capture browser saw and saved at the moment of capture."""

    requested_url: str
    final_url: str
    title: str
    viewport_png: bytes
    full_page_png: bytes
    mhtml: bytes
    viewport_width: int
    viewport_height: int
    page_height: int
    user_agent: str
    #: When Capture was pressed: the system clock, timezone-aware.
    captured_at: dt.datetime
    #: Every address the browser requested while building the page, in order.
    resources: tuple[str, ...] = ()
    #: The certificate error the investigator chose to go on past ("" when none).
    certificate_exception: str = ""
    #: The TLS certificate chain the server presented (DER, leaf first; empty over HTTP).
    certificate_chain: tuple[bytes, ...] = ()
    #: Why the chain could not be read ("" when it was, or over HTTP).
    certificate_chain_error: str = ""
    #: The browser profile the page was viewed in.
    profile: str = ""
    #: Addresses visited before the capture (time, URL), for the capture log.
    visits: tuple[tuple[dt.datetime, str], ...] = field(default=())
    #: The browser's own traffic for the page, in the order the requests were sent.
    traffic: tuple[RecordedExchange, ...] = field(default=())
    #: What the recording proxy's TLS connections saw, by ``host:port``.
    tls: tuple[tuple[str, TlsFacts], ...] = field(default=())
    #: Why the recording proxy recorded nothing ("" when it ran).
    proxy_error: str = ""


def profile_name(authorization_id: int | None) -> str:
    """The browser profile a capture is viewed in: the authorized account's own, or a private one.

    A supervision or investigation capture uses the profile kept for the
    account named on its authorization (B.2.a, B.2.b), so it is signed in as
    that account and no other; any other capture uses a private profile
    that keeps nothing after the window closes.
    """
    return f"authorization-{authorization_id}" if authorization_id is not None else ""


def check_privacy_confirmation(site_shows_viewers: bool, confirmed: bool) -> None:
    """Refuse a supervision capture on a site that shows viewers, without the B.2.d confirmation."""
    if site_shows_viewers and not confirmed:
        raise Refused(
            "This site lets users see who views them: confirm that the account's privacy "
            "settings hide the viewer before capturing under a supervision authorization.",
            citations=(cite("B.2.d"),),
        )


_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def capture_filename(final_url: str, title: str) -> str:
    """The item's file name: the page title (or host) made safe, as a PNG."""
    base = title.strip() or final_url.split("//", 1)[-1].split("/", 1)[0]
    stem = _SAFE.sub("-", base).strip("-.")[:80] or "web-capture"
    return f"{stem}.png"
