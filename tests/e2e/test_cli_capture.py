"""``casedesk evidence capture``: a page captured headless from the fixture servers on 127.0.0.1.

One capture per page kind (the post over HTTPS, its certificate from a test CA
accepted, a redirect, a long page); each assertion is what an investigator or
a hearing officer would notice: the full-page PNG is as tall as the page, the
WARC replays the page's text, the headers and the certificate chain's
fingerprints (leaf, then test CA) are the fixture server's, and a refused
authorization stores nothing.
"""

from __future__ import annotations

import datetime as dt
import email
import gzip
import hashlib
import io
import json
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import create_engine, text
from warcio.archiveiterator import ArchiveIterator

from app.domain.cases import CaseStatus
from app.services import accounts, cases, employees
from app.services.capture.archive import warc_text
from app.services.capture.details import read_capture_files, read_part
from app.services.capture.wacz import surt, wacz_text
from app.services.cases import CaseFields
from app.services.database import Database
from app.ui.capture.viewer_tabs import headers_text
from tests.e2e.conftest import INVESTIGATOR_PASSWORD, SUPERVISOR_PASSWORD, Casedesk
from tests.webfixtures import (
    LONG_HEIGHT,
    POST_TEXT,
    Fixtures,
    counter_head,
    counter_page,
    serve,
)

IVY = {"user": "ivy", "password": INVESTIGATOR_PASSWORD}
SAM = {"user": "sam", "password": SUPERVISOR_PASSWORD}


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fixtures]:
    with serve(tmp_path_factory.mktemp("web")) as fixtures:
        yield fixtures


def _case(cli: Casedesk, agency: str = "ARDHS") -> str:
    created = cli("case", "new", "--agency", agency, "--title", "Online post",
                  "--reported", "2026-03-02", "--json", **IVY)  # fmt: skip
    assert created.code == 0, created.err
    return str(json.loads(created.out)["number"])


def _count(url: str, table: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
    finally:
        engine.dispose()


def test_capturing_the_https_post_stores_every_part_hashed_with_the_servers_facts(
    cli: Casedesk, web: Fixtures, tmp_path: Path
) -> None:
    case = _case(cli)
    url = f"{web.https}/redirect"
    done = cli("evidence", "capture", case, url, "--platform", "FakeBook", "--account",
               "@jordan.doe", "--description", "The post", "--accept-certificate-error",
               "--json", **IVY)  # fmt: skip
    assert done.code == 0, done.err
    item = json.loads(done.out)
    capture = item["web_capture"]
    assert capture["requested_url"] == url
    assert capture["final_url"] == f"{web.https}/post" == item["source_url"]
    assert capture["title"] == "Jordan Doe on FakeBook"
    assert capture["http_status"] == 200
    assert ["X-Fixture-Server", "casedesk-tests"] in capture["response_headers"]
    assert capture["certificate_sha256"] == web.certificate_sha256
    assert "casedesk fixture" in capture["certificate"]["subject"]
    # The whole chain the server presented, leaf first: the fixture's leaf, then its test CA.
    assert capture["certificate_chain_sha256"] == [web.certificate_sha256, web.ca_sha256]
    assert [c["subject"] for c in capture["certificate_chain"]] == [
        "CN=casedesk fixture", "CN=casedesk test CA"]  # fmt: skip
    assert capture["certificate_chain"][1]["pem"].startswith("-----BEGIN CERTIFICATE-----")
    assert capture["certificate_chain_error"] == ""
    assert "the investigator chose to continue" in capture["certificate_exception"]
    assert capture["ip_addresses"] == ["127.0.0.1"]
    assert capture["user_agent"].startswith("Mozilla/")
    assert item["captured_by"] == "Ivy Investigator" and item["captured_at"]
    assert item["media_type"] == "image/png" and item["page_source_sha256"]
    roles = {part["role"]: part for part in capture["parts"]}
    assert set(roles) == {"viewport", "warc", "wacz"}

    # The list shows the same, and the stored bytes are what was hashed.
    listed = json.loads(cli("evidence", "list", case, "--json", **IVY).out)
    assert listed[0]["web_capture"]["certificate_sha256"] == web.certificate_sha256
    assert listed[0]["web_capture"]["certificate_chain_sha256"] == [
        web.certificate_sha256, web.ca_sha256]  # fmt: skip
    database = Database.open(cli.url)
    try:
        ivy = accounts.authenticate(database, "ivy", INVESTIGATOR_PASSWORD)
        _part, warc = read_part(database, ivy, item["id"], "warc")
        _part, viewport = read_part(database, ivy, item["id"], "viewport")
        _part, wacz = read_part(database, ivy, item["id"], "wacz")
        files = read_capture_files(database, ivy, item["id"])
    finally:
        database.close()
    assert POST_TEXT in warc_text(warc, f"{web.https}/post")
    _check_wacz(wacz, warc, f"{web.https}/post")
    assert "FakeBook" in warc_text(warc, f"{web.https}/post")
    assert Image.open(io.BytesIO(viewport)).size == (1280, 900)
    # The viewer's "Headers and certificate" tab shows both certificates, leaf first.
    assert files is not None
    shown = headers_text(files)
    assert shown.index(web.certificate_sha256) < shown.index(web.ca_sha256)
    assert "Certificate 2 of 2, issuer:" in shown
    # The capture log holds the redirect's visit and the capture itself.
    log = _count(cli.url, "capture_log")
    assert log >= 2
    verified = cli("evidence", "verify", case, **IVY)
    assert verified.code == 0, verified.err
    _check_bundle(cli, case, item, tmp_path)


def _check_wacz(wacz: bytes, warc: bytes, url: str) -> None:
    """The WACZ is a zip a player opens: the same WARC, its index, the page, every hash."""
    with zipfile.ZipFile(io.BytesIO(wacz)) as archive:
        names = set(archive.namelist())
        package = json.loads(archive.read("datapackage.json"))
        pages = [json.loads(line) for line in archive.read("pages/pages.jsonl").splitlines()]
        files = {name: archive.read(name) for name in names}
    warc_name = next(name for name in names if name.startswith("archive/"))
    assert files[warc_name] == warc and warc_name.endswith(".warc.gz")
    assert {"indexes/index.cdx", "pages/pages.jsonl", "datapackage-digest.json"} <= names
    assert package["wacz_version"] == "1.1.1" and package["mainPageURL"] == url
    assert pages[0]["format"] == "json-pages-1.0" and pages[1]["url"] == url
    for resource in package["resources"]:
        digest = hashlib.sha256(files[resource["path"]]).hexdigest()
        assert resource["hash"] == f"sha256:{digest}"
        assert resource["bytes"] == len(files[resource["path"]])
    digest = json.loads(files["datapackage-digest.json"])["hash"]
    assert digest == "sha256:" + hashlib.sha256(files["datapackage.json"]).hexdigest()
    # The index finds the page's record in the WARC, and the record holds its text.
    assert f"{surt(url)} " in files["indexes/index.cdx"].decode()
    assert POST_TEXT in wacz_text(wacz, url)


def _check_bundle(cli: Casedesk, case: str, item: dict[str, Any], tmp_path: Path) -> None:
    """The bundle holds the capture's files and a certification; both checks pass, then fail."""
    out = tmp_path / "bundle.zip"
    exported = cli("export", case, "--out", str(out), **IVY)
    assert exported.code == 0, exported.err
    folder = tmp_path / "unpacked"
    with zipfile.ZipFile(out) as bundle:
        bundle.extractall(folder)
    manifest = json.loads((folder / "manifest.json").read_text())
    entry = manifest["items"][0]
    parts = {part["role"]: part for part in entry["web_capture"]["parts"]}
    assert parts["warc"]["file"].endswith(".warc.gz") and (folder / parts["warc"]["file"]).exists()
    wacz = folder / parts["wacz"]["file"]
    assert wacz.name.endswith("-wacz.wacz") and wacz.exists()
    assert hashlib.sha256(wacz.read_bytes()).hexdigest() == parts["wacz"]["sha256"]
    assert entry["page_source_file"].endswith(".mhtml")
    certificate = (folder / "certification.txt").read_text()
    assert "902(13)" in certificate and item["sha256"] in certificate
    assert parts["warc"]["sha256"] in certificate and "Ivy Investigator" in certificate
    assert parts["wacz"]["sha256"] in certificate
    chain = item["web_capture"]["certificate_chain_sha256"]
    assert f"Certificate 2 of 2 SHA-256: {chain[1]}" in certificate
    pdf_text = "".join(
        page.extract_text() for page in PdfReader(folder / "certification.pdf").pages
    )
    assert "Certification of records" in pdf_text and item["sha256"][:16] in pdf_text
    flat = "".join(pdf_text.split())
    assert all("".join(fingerprint.split()) in flat for fingerprint in chain)

    def checks() -> tuple[int, int]:
        verifier = subprocess.run([sys.executable, "verify.py"], cwd=folder,
                                  capture_output=True, timeout=60)  # fmt: skip
        sums = subprocess.run(["sha256sum", "--quiet", "-c", "SHA256SUMS"], cwd=folder,
                              capture_output=True, timeout=60)  # fmt: skip
        return verifier.returncode, sums.returncode

    assert checks() == (0, 0)
    warc = folder / parts["warc"]["file"]
    data = bytearray(warc.read_bytes())
    data[len(data) // 2] ^= 0x01
    warc.write_bytes(bytes(data))
    verifier, sums = checks()
    assert verifier == 1 and sums != 0


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_the_full_page_image_is_as_tall_as_the_page(cli: Casedesk, web: Fixtures) -> None:
    case = _case(cli)
    done = cli("evidence", "capture", case, f"{web.http}/long", "--json", **IVY)
    assert done.code == 0, done.err
    item = json.loads(done.out)
    assert item["height"] == LONG_HEIGHT and item["width"] == 1280
    assert item["web_capture"]["page_height"] == LONG_HEIGHT
    assert item["web_capture"]["certificate"] is None  # plain HTTP: no certificate


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_certificate_error_not_accepted_stores_nothing(cli: Casedesk, web: Fixtures) -> None:
    case = _case(cli)
    refused = cli("evidence", "capture", case, f"{web.https}/post", **IVY)
    assert refused.code == 1, refused.out
    assert "certificate was not accepted" in refused.err
    assert _count(cli.url, "evidence_items") == 0


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_an_address_that_is_not_a_web_page_is_invalid_input(cli: Casedesk) -> None:
    case = _case(cli)
    bad = cli("evidence", "capture", case, "file:///etc/passwd", **IVY)
    assert bad.code == 2 and "http" in bad.err
    assert _count(cli.url, "evidence_items") == 0


def _ma_case(cli: Casedesk) -> str:
    """An MA DYS case under investigation, with two employees of the agency."""
    database = Database.open(cli.url)
    try:
        sam = accounts.authenticate(database, "sam", SUPERVISOR_PASSWORD)
        for name in ("Carla Caseworker", "Sue Boss"):
            employees.add_employee(database, sam, agency_code="MADYS", full_name=name)
        case = cases.create_case(
            database, sam, CaseFields(agency_code="MADYS", title="Online conduct",
                                      reported_on=dt.date(2026, 10, 1)),
        )  # fmt: skip
        cases.transition_case(database, sam, case.id, CaseStatus.INVESTIGATING)
    finally:
        database.close()
    return case.number


def _ma_case_with_expired_authorization(cli: Casedesk) -> tuple[str, str]:
    number = _ma_case(cli)
    start = dt.date.today() - dt.timedelta(days=40)
    added = cli(
        "authorization", "add", "investigation", "--employee", "Carla Caseworker",
        "--role", "investigation_unit", "--supervisor", "Sue Boss", "--written", str(start),
        "--platform", "Instagram", "--account", "inv.profile.9", "--start", str(start),
        "--end", str(start + dt.timedelta(days=10)), "--case", number, "--json", **SAM,
    )  # fmt: skip
    assert added.code == 0, added.err
    return number, str(json.loads(added.out)["id"])


def test_an_authorization_outside_its_period_refuses_the_capture_and_stores_nothing(
    cli: Casedesk, web: Fixtures
) -> None:
    case, authorization = _ma_case_with_expired_authorization(cli)
    refused = cli("evidence", "capture", case, f"{web.http}/post", "--obtained",
                  "investigation_authorization", "--authorization", authorization,
                  **IVY)  # fmt: skip
    assert refused.code == 1, refused.out
    assert "[MA-DYS-01.05.22 B.3.a]" in refused.err
    for table in ("evidence_items", "evidence_parts", "web_captures", "capture_log"):
        assert _count(cli.url, table) == 0, table


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_supervision_capture_on_a_site_that_shows_viewers_needs_the_b2d_confirmation(
    cli: Casedesk, web: Fixtures
) -> None:
    case = _ma_case(cli)
    start = dt.date.today() - dt.timedelta(days=5)
    added = cli(
        "authorization", "add", "supervision", "--employee", "Carla Caseworker",
        "--role", "caseworker", "--supervisor", "Sue Boss", "--written", str(start),
        "--platform", "FakeBook", "--account", "carla.watch", "--youth-case", "JJEMS 1",
        "--attest-no-youth-contact", "--attest-true-identity", "--site-shows-viewers",
        "--privacy-settings-enabled", "--start", str(start), "--json", **SAM,
    )  # fmt: skip
    assert added.code == 0, added.err
    link = ("--obtained", "supervision_authorization", "--authorization",
            str(json.loads(added.out)["id"]))  # fmt: skip
    unconfirmed = cli("evidence", "capture", case, f"{web.http}/post", *link, **IVY)
    assert unconfirmed.code == 1, unconfirmed.out
    assert "[MA-DYS-01.05.22 B.2.d]" in unconfirmed.err
    assert _count(cli.url, "evidence_items") == 0
    confirmed = cli("evidence", "capture", case, f"{web.http}/post", *link,
                    "--privacy-confirmed", "--json", **IVY)  # fmt: skip
    assert confirmed.code == 0, confirmed.err
    capture = json.loads(confirmed.out)["web_capture"]
    assert capture["privacy_confirmed"] is True
    # Viewed in the authorized account's own profile (B.2.a, B.2.b), recorded with the capture.
    assert capture["profile"].startswith("authorization-")
    assert capture["method"]["viewed_as"] == "FakeBook: carla.watch"


def _mhtml_html(mhtml: bytes) -> str:
    message = email.message_from_bytes(mhtml)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            assert isinstance(payload, bytes)
            return payload.decode("utf-8", "replace")
    return ""


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_the_warc_holds_the_response_the_browser_received_as_sent(
    cli: Casedesk, web: Fixtures
) -> None:
    """A page that answers each request differently: the WARC's copy is the browser's."""
    case = _case(cli)
    before = web.counter
    done = cli("evidence", "capture", case, f"{web.http}/counter", "--json", **IVY)
    assert done.code == 0, done.err
    item = json.loads(done.out)
    assert web.counter == before + 1  # asked for once: by the browser, not again
    method = item["web_capture"]["method"]
    assert method["warc_source"] == "recorded" and "recording proxy" in method["warc"]
    database = Database.open(cli.url)
    try:
        ivy = accounts.authenticate(database, "ivy", INVESTIGATOR_PASSWORD)
        _part, warc = read_part(database, ivy, item["id"], "warc")
        files = read_capture_files(database, ivy, item["id"])
    finally:
        database.close()
    assert files is not None
    visit = f"Visit {web.counter}"
    assert visit in _mhtml_html(files.mhtml)
    assert visit in warc_text(warc, f"{web.http}/counter")
    # The response as the server sent it: its head byte for byte, the body still
    # chunked and gzip-compressed (warc_text above read it through both).
    blocks = [
        r.raw_stream.read()
        for r in ArchiveIterator(io.BytesIO(warc), no_record_parse=True)
        if r.rec_type == "response" and r.rec_headers["WARC-Target-URI"].endswith("/counter")
    ]
    assert len(blocks) == 1 and blocks[0].startswith(counter_head())
    chunked, unchunked = blocks[0][len(counter_head()) :], b""
    while (size := int(chunked.split(b"\r\n", 1)[0], 16)) > 0:
        start = chunked.index(b"\r\n") + 2
        unchunked += chunked[start : start + size]
        chunked = chunked[start + size + 2 :]
    assert chunked == b"0\r\n\r\n"
    assert gzip.decompress(unchunked) == counter_page(web.counter)
    requests = [r for r in ArchiveIterator(io.BytesIO(warc)) if r.rec_type == "request"]
    assert requests[0].http_headers.protocol == "GET"


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_server_that_verifies_is_captured_over_https_without_asking(
    cli: Casedesk, web: Fixtures, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The recording proxy's own connection verifies: the browser accepts its certificate."""
    assert web.chain_file is not None
    monkeypatch.setenv("SSL_CERT_FILE", str(web.chain_file))  # the test CA is trusted here
    case = _case(cli)
    done = cli("evidence", "capture", case, f"{web.https}/post", "--json", **IVY)
    assert done.code == 0, done.err
    capture = json.loads(done.out)["web_capture"]
    assert capture["certificate_exception"] == ""
    assert capture["certificate_chain_sha256"] == [web.certificate_sha256, web.ca_sha256]
    assert capture["method"]["warc_source"] == "recorded"
