"""The capture browser's recording proxy, driven by a plain socket (no browser, fast).

What a browser sends through it reaches the fixture server on 127.0.0.1, and
the session keeps the request as forwarded (origin form, no
``Proxy-Connection``) and the response byte for byte as the browser got it;
with no capture window open it forwards nothing. Without the proxy's record of
the main document, the WARC is fetched again and the capture's method says so.
"""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.web_capture import CapturedPage, warc_source
from app.services.capture.archive import warc_text
from app.services.capture.recorded import archive_capture
from app.webcapture.proxy import RecordingProxy
from tests.webfixtures import Fixtures, serve


@pytest.fixture
def web(tmp_path: Path) -> Iterator[Fixtures]:
    with serve(tmp_path) as fixtures:
        yield fixtures


@pytest.fixture
def proxy() -> Iterator[RecordingProxy]:
    listener = RecordingProxy()
    try:
        yield listener
    finally:
        listener.shutdown()


def _send(proxy: RecordingProxy, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", proxy.port), timeout=10) as client:
        client.sendall(request)
        received = b""
        while data := client.recv(65536):
            received += data
        return received


def test_a_request_and_its_response_are_kept_as_they_passed(
    proxy: RecordingProxy, web: Fixtures
) -> None:
    session = proxy.open_session(1)
    authority = web.http.removeprefix("http://")
    body = b"a=1&b=2"
    posted_head = (
        f"POST {web.http}/post HTTP/1.1\r\nHost: {authority}\r\n"
        f"Proxy-Connection: keep-alive\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    received = [
        _send(proxy, posted_head.encode() + body),
        _send(proxy, f"GET {web.http}/post HTTP/1.1\r\nHost: {authority}\r\n\r\n".encode()),
    ]
    exchanges = session.exchanges(1)
    assert [e.url for e in exchanges] == [f"{web.http}/post", f"{web.http}/post"]
    posted, got = exchanges
    assert (
        posted.request
        == (
            f"POST /post HTTP/1.1\r\nHost: {authority}\r\nContent-Length: {len(body)}\r\n\r\n"
        ).encode()
        + body
    )
    assert posted.response.startswith(b"HTTP/1.0 501 ")  # the fixture takes no POST
    assert got.response.startswith(b"HTTP/1.0 200 OK") and b"FakeBook" in got.response
    # The browser got exactly what was kept (an HTTP/1.0 answer closes both connections).
    assert received == [posted.response, got.response]
    assert got.ip_address == "127.0.0.1" and got.complete and not got.truncated
    proxy.close_session(session, 1)
    assert session.closed and session.exchanges(1) == ()  # the window closed: the traffic went


def test_with_no_capture_window_open_nothing_is_forwarded(
    proxy: RecordingProxy, web: Fixtures
) -> None:
    authority = web.http.removeprefix("http://")
    received = _send(
        proxy, f"GET {web.http}/counter HTTP/1.1\r\nHost: {authority}\r\n\r\n".encode()
    )
    assert received.startswith(b"HTTP/1.1 502 ")
    assert web.counter == 0


def test_without_the_proxys_record_the_page_is_fetched_again_and_the_method_says_so(
    web: Fixtures,
) -> None:
    url = f"{web.http}/counter"
    page = CapturedPage(
        requested_url=url, final_url=url, title="Counter", viewport_png=b"", full_page_png=b"",
        mhtml=b"", viewport_width=1280, viewport_height=900, page_height=900,
        user_agent="Mozilla/5.0 test", captured_at=dt.datetime.now().astimezone(),
        resources=(url,),
    )  # fmt: skip
    archive = archive_capture(page)
    assert archive.method["warc_source"] == "fetched again"
    assert "did not see the page's main document" in archive.method["warc_fallback_reason"]
    assert warc_source(archive.method).startswith("fetched again right after the capture: ")
    assert "fetching the main document" in archive.method["warc"]
    assert f"Visit {web.counter}" in warc_text(archive.warc, url) and web.counter == 1
    assert archive.main.status == 200
