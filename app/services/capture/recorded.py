"""The WARC of a capture from the browser's own traffic, as the recording proxy kept it.

The capture browser's requests pass through its recording proxy
(:mod:`app.webcapture.proxy`), which hands over each request as sent and each
response as received (:class:`~app.domain.web_capture.RecordedExchange`).
They are written here as WARC 1.0 ``request``/``response`` record pairs with
``warcio``, the HTTP head of each exactly as it passed (warcio would otherwise
write the headers again from its parsed form) and the body as transferred
(still chunked or compressed: a WARC reader undoes both). The page's
traffic starts at its main document: the last response for the final
address, and before it the redirects that led there.

When the proxy did not see the main document (Qt WebEngine was started
without the proxy), the page is fetched again instead
(:func:`app.services.capture.archive.archive_page`) and the capture's
details say so.
"""

from __future__ import annotations

import io
import urllib.parse
from dataclasses import replace
from typing import Any

from warcio.statusandheaders import StatusAndHeaders, StatusAndHeadersParser
from warcio.warcwriter import WARCWriter

from app.domain.web_capture import METHOD_REFETCH, CapturedPage, RecordedExchange
from app.services.capture.archive import (
    MainDocument,
    PageArchive,
    archive_page,
    describe_chain,
    resolve,
)

_REDIRECTS = {301, 302, 303, 307, 308}


class _ExactHead(StatusAndHeaders):  # type: ignore[misc]  # warcio is untyped
    """Parsed headers that write back as the bytes they were parsed from."""

    def __init__(self, raw: bytes, parsed: StatusAndHeaders) -> None:
        super().__init__(parsed.statusline, parsed.headers, parsed.protocol,
                         parsed.total_len, is_http_request=False)  # fmt: skip
        self.raw = raw

    def compute_headers_buffer(self, header_filter: Any = None) -> None:
        self.headers_buff = self.raw


def _split(message: bytes) -> tuple[bytes, bytes]:
    end = message.find(b"\r\n\r\n")
    if end < 0:
        return message, b""
    return message[: end + 4], message[end + 4 :]


def _final(message: bytes) -> bytes:
    """The response after any ``1xx`` interim responses (kept in front of it in the record)."""
    rest = message
    while rest.startswith(b"HTTP/") and rest[9:10] == b"1":
        _head, rest = _split(rest)
    return rest


def _parse(head: bytes, *, request: bool) -> StatusAndHeaders:
    parser = StatusAndHeadersParser(
        ["GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH"] if request else [],
        verify=False,
    )  # fmt: skip
    return parser.parse(io.BytesIO(head))


def status_and_headers(response: bytes) -> tuple[int | None, tuple[tuple[str, str], ...]]:
    """The status code and headers of a recorded response (after any interim ones)."""
    head, _body = _split(_final(response))
    if not head:
        return None, ()
    parsed = _parse(head, request=False)
    try:
        status = int(parsed.get_statuscode())
    except (TypeError, ValueError):
        status = None
    return status, tuple((str(k), str(v)) for k, v in parsed.headers)


def write_warc(traffic: tuple[RecordedExchange, ...], user_agent: str) -> bytes:
    """The exchanges as gzip-compressed WARC records, a ``warcinfo`` record first."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    info = writer.create_warcinfo_record("capture.warc.gz", {
        "software": "Casedesk capture browser",
        "format": "WARC File Format 1.0",
        "description": "The requests the capture browser sent and the responses it received "
        "for the captured page, as Casedesk's recording proxy forwarded them.",
        "http-header-user-agent": user_agent,
    })  # fmt: skip
    writer.write_record(info)
    for exchange in traffic:
        if not _split(exchange.response)[0]:
            continue  # no answer at all: nothing to write
        # 1xx interim responses stay in front of the final head, as they passed.
        interim = exchange.response[: len(exchange.response) - len(_final(exchange.response))]
        head, body = _split(_final(exchange.response))
        extra = {"WARC-IP-Address": exchange.ip_address} if exchange.ip_address else {}
        if exchange.truncated:
            extra["WARC-Truncated"] = "length"
        elif not exchange.complete:
            extra["WARC-Truncated"] = "disconnect"
        parsed = _parse(head, request=False)
        response = writer.create_warc_record(
            exchange.url, "response", payload=io.BytesIO(body), length=len(body),
            http_headers=_ExactHead(interim + head, parsed), warc_headers_dict=extra,
        )  # fmt: skip
        request_head, request_body = _split(exchange.request)
        request = writer.create_warc_record(
            exchange.url, "request", payload=io.BytesIO(request_body), length=len(request_body),
            http_headers=_ExactHead(request_head, _parse(request_head, request=True)),
            warc_headers_dict={"WARC-Concurrent-To": response.rec_headers["WARC-Record-ID"]},
        )  # fmt: skip
        for record in (response, request):
            try:
                writer.write_record(record)
            finally:
                record.raw_stream.close()
    return out.getvalue()


def _bare(url: str) -> str:
    return urllib.parse.urlsplit(url)._replace(fragment="").geturl()


def page_traffic(
    traffic: tuple[RecordedExchange, ...], final_url: str
) -> tuple[tuple[RecordedExchange, ...], RecordedExchange | None]:
    """The traffic from the main document's first redirect on, and the main document."""
    final = _bare(final_url)
    index = next(
        (i for i in range(len(traffic) - 1, -1, -1) if _bare(traffic[i].url) == final), None
    )
    if index is None:
        return (), None
    main = traffic[index]
    start = index
    target = final
    for i in range(index - 1, -1, -1):
        status, headers = status_and_headers(traffic[i].response)
        location = dict((k.lower(), v) for k, v in headers).get("location")
        if (
            status in _REDIRECTS
            and location
            and _bare(urllib.parse.urljoin(traffic[i].url, location)) == target
        ):
            start, target = i, _bare(traffic[i].url)
    return traffic[start:], main


def archive_capture(page: CapturedPage) -> PageArchive:
    """The capture's WARC and main document, with what to add to its recorded method.

    From the recorded traffic when it holds the main document; otherwise from
    fetching the page again, and the method says why.
    """
    traffic, main = page_traffic(page.traffic, page.final_url)
    if main is None:
        archive = archive_page(
            page.final_url, page.resources, page.user_agent,
            accept_invalid_certificate=bool(page.certificate_exception),
            certificate_chain=page.certificate_chain,
            certificate_chain_error=page.certificate_chain_error,
        )  # fmt: skip
        reason = page.proxy_error or (
            "the recording proxy did not see the page's main document; the page was fetched "
            "again for the WARC"
        )
        return replace(archive, method={
            **METHOD_REFETCH,
            "warc_source": "fetched again",
            "warc_fallback_reason": reason,
            "refetched": [
                {"url": url, "status": status, "error": error}
                for url, status, error in archive.fetched
            ],
            "main_document_error": archive.main.error,
        })  # fmt: skip
    status, headers = status_and_headers(main.response)
    parts = urllib.parse.urlsplit(main.url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    addresses = tuple(dict.fromkeys(
        ([main.ip_address] if main.ip_address else []) + list(resolve(parts.hostname or "", port))
    ))  # fmt: skip
    certificate = None
    if parts.scheme == "https" and page.certificate_chain:
        chain = page.certificate_chain
        certificate = describe_chain(chain[0], chain, page.certificate_chain_error)
    document = MainDocument(main.url, status, headers, addresses, certificate)
    recorded: list[dict[str, Any]] = []
    fetched: list[tuple[str, int | None, str]] = []
    for exchange in traffic:
        code, _headers = status_and_headers(exchange.response)
        fetched.append((exchange.url, code, "" if exchange.complete else "cut short"))
        recorded.append({"url": exchange.url, "status": code, "complete": exchange.complete,
                         "truncated": exchange.truncated})  # fmt: skip
    seen = {_bare(exchange.url) for exchange in traffic}
    missing = [url for url in page.resources if _bare(url) not in seen]
    warc = write_warc(traffic, page.user_agent)
    return PageArchive(
        warc,
        document,
        tuple(fetched),
        {
            "warc_source": "recorded",
            "recorded": recorded,
            "requested_not_recorded": missing,
            "main_document_error": "",
        },
    )
