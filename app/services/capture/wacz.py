"""A capture's WARC packaged as WACZ 1.1.1 (Web Archive Collection Zipped).

WACZ is the zip web-archive players open directly (ReplayWeb.page and
others); specification: https://specs.webrecorder.net/wacz/1.1.1/. A capture
makes one with:

- ``archive/<name>.warc.gz``: the capture's WARC, byte for byte (stored, not
  compressed again);
- ``indexes/index.cdx``: one CDXJ line per response record (SURT key,
  14-digit timestamp, JSON with url, mime, status, digest, offset, length,
  filename), sorted, so a player finds each address without reading the WARC;
- ``pages/pages.jsonl``: the JSON Pages 1.0 header and the captured page;
- ``datapackage.json``: the Frictionless Data package naming every file above
  with its size and SHA-256, and ``datapackage-digest.json`` with the hash of
  that file.

Written here with ``zipfile`` and ``warcio`` (the ``wacz`` package needs a
Frictionless validator, a signing client and a page-text extractor the
capture does not use).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import ipaddress
import json
import urllib.parse
import zipfile
from dataclasses import dataclass
from typing import Any

from warcio.archiveiterator import ArchiveIterator

WACZ_VERSION = "1.1.1"
WACZ_TYPE = "application/wacz"
PAGES_PATH = "pages/pages.jsonl"
INDEX_PATH = "indexes/index.cdx"


@dataclass(frozen=True, slots=True)
class WaczPage:
    """The page a WACZ is about: its address, title and capture time."""

    url: str
    title: str
    captured_at: dt.datetime


def surt(url: str) -> str:
    """The SURT form of ``url`` CDXJ indexes sort by: ``com,example)/path?query``.

    The host's labels reversed without ``www.`` (an IP address as it is), a port
    other than the scheme's, the path lower-cased and the query as it is.
    """
    parts = urllib.parse.urlsplit(url)
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    try:
        ipaddress.ip_address(host)
        key = host  # an address is not reversed
    except ValueError:
        key = ",".join(reversed(host.split(".")))
    default = {"http": 80, "https": 443}.get(parts.scheme)
    if parts.port is not None and parts.port != default:
        key += f":{parts.port}"
    path = parts.path or "/"
    return f"{key}){path.lower()}" + (f"?{parts.query}" if parts.query else "")


def _timestamp(warc_date: str) -> str:
    return "".join(ch for ch in warc_date if ch.isdigit())[:14]


def cdxj_lines(warc: bytes, filename: str) -> list[str]:
    """One CDXJ line per response record of ``warc``, sorted."""
    lines = []
    records = ArchiveIterator(io.BytesIO(warc))
    for record in records:
        if record.rec_type != "response":
            continue
        url = record.rec_headers.get_header("WARC-Target-URI")
        http = record.http_headers
        fields: dict[str, Any] = {
            "url": url,
            "mime": (http.get_header("Content-Type") or "").split(";")[0].strip() if http else "",
            "status": http.get_statuscode() if http else "",
            "digest": record.rec_headers.get_header("WARC-Payload-Digest") or "",
        }
        date = _timestamp(record.rec_headers.get_header("WARC-Date") or "")
        records.read_to_end(record)  # so the record's length is known
        fields["offset"] = str(records.get_record_offset())
        fields["length"] = str(records.get_record_length())
        fields["filename"] = filename
        lines.append(f"{surt(url)} {date} {json.dumps(fields, separators=(',', ':'))}")
    return sorted(lines)


def _resource(path: str, data: bytes) -> dict[str, Any]:
    return {
        "name": path.rsplit("/", 1)[-1],
        "path": path,
        "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
        "bytes": len(data),
    }


def build_wacz(warc: bytes, warc_name: str, page: WaczPage, software: str) -> bytes:
    """The WACZ of ``warc`` (named ``warc_name`` inside) with ``page`` as its one page."""
    when = page.captured_at.astimezone(dt.UTC)
    iso = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    archive_path = f"archive/{warc_name}"
    header = {"format": "json-pages-1.0", "id": "pages", "title": "All Pages"}
    entry = {
        "id": hashlib.sha256(f"{page.url} {iso}".encode()).hexdigest()[:32],
        "url": page.url,
        "title": page.title,
        "ts": iso,
    }
    pages = "".join(json.dumps(line) + "\n" for line in (header, entry)).encode()
    index = "".join(line + "\n" for line in cdxj_lines(warc, warc_name)).encode()
    files = [(archive_path, warc), (INDEX_PATH, index), (PAGES_PATH, pages)]
    package = {
        "profile": "data-package",
        "wacz_version": WACZ_VERSION,
        "title": page.title or page.url,
        "software": software,
        "created": iso,
        "mainPageURL": page.url,
        "mainPageDate": iso,
        "resources": [_resource(path, data) for path, data in files],
    }
    package_bytes = json.dumps(package, indent=2).encode()
    digest = {"path": "datapackage.json", "hash": _resource("", package_bytes)["hash"]}
    files += [("datapackage.json", package_bytes), ("datapackage-digest.json", _json(digest))]
    out = io.BytesIO()
    stamp = when.timetuple()[:6]
    with zipfile.ZipFile(out, "w") as wacz:
        for path, data in files:
            info = zipfile.ZipInfo(path, date_time=stamp)
            # The WARC is gzip already; stored, a player can read its records in place.
            info.compress_type = (
                zipfile.ZIP_STORED if path == archive_path else zipfile.ZIP_DEFLATED
            )
            info.external_attr = 0o644 << 16
            wacz.writestr(info, data)
    return out.getvalue()


def _json(value: dict[str, Any]) -> bytes:
    return json.dumps(value, indent=2).encode()


def wacz_text(wacz: bytes, url: str) -> str:
    """The body of ``url``'s response in the WACZ's WARC, found through its CDXJ index."""
    with zipfile.ZipFile(io.BytesIO(wacz)) as archive:
        for line in archive.read(INDEX_PATH).decode().splitlines():
            fields = json.loads(line.split(" ", 2)[2])
            if fields["url"] != url:
                continue
            warc = archive.read(f"archive/{fields['filename']}")
            start = int(fields["offset"])
            chunk = warc[start : start + int(fields["length"])]
            for record in ArchiveIterator(io.BytesIO(chunk)):
                return bytes(record.content_stream().read()).decode("utf-8", "replace")
    return ""
