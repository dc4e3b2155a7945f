"""A web capture's parts (viewport PNG, WARC, WACZ) against someone holding the database.

A real capture is stored through the service (``store_capture``, from
recorded traffic: no network), then its rows are edited with raw SQL, as the
holder of a copy of the file could: the viewport's bytes replaced together
with their ``evidence_parts`` row (SHA-256 and size), the WARC's bytes
replaced under the same hash, a part's row deleted. ``evidence verify``,
the viewer and the export must each name the item and the part, and an
untampered capture must still verify with every part re-hashed once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import event

from app.__main__ import main
from app.domain.actor import Actor
from app.domain.audit import canonical_dumps, canonical_json, chain_hash
from app.domain.errors import IntegrityFailure
from app.domain.permissions import Role
from app.domain.web_capture import CapturedPage, RecordedExchange
from app.services import cases, evidence
from app.services.capture.details import read_capture_files, read_part
from app.services.capture.recorded import archive_capture
from app.services.capture.store import CaptureStatement, store_capture
from app.services.cases import CaseFields
from app.services.database import Database
from app.services.evidence.export import export_case_bundle
from tests.unit.conftest import USER_PASSWORD, built_once
from tests.unit.tampering import events, raw

MakeUser = Callable[..., Actor]
URL = "http://127.0.0.1:8080/post"
PAGE = b"<html><head><title>Jordan Doe</title></head><body>Jordan Doe's post</body></html>"


@dataclass
class World:
    db: Database
    ivan: Actor
    case_id: int
    case_number: str
    item: evidence.EvidenceInfo


def _png(color: tuple[int, int, int], size: tuple[int, int] = (160, 120)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "PNG")
    return out.getvalue()


def _page() -> CapturedPage:
    now = dt.datetime.now().astimezone() - dt.timedelta(minutes=5)
    response = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: "
        + str(len(PAGE)).encode()
        + b"\r\n\r\n"
        + PAGE
    )
    mhtml = (
        b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/related; type="text/html"; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/html\r\nContent-Location: " + URL.encode() + b"\r\n\r\n"
        + PAGE + b"\r\n--b--\r\n"
    )  # fmt: skip
    return CapturedPage(
        requested_url=URL, final_url=URL, title="Jordan Doe", viewport_png=_png((20, 90, 200)),
        full_page_png=_png((20, 90, 200), (160, 400)), mhtml=mhtml, viewport_width=160,
        viewport_height=120, page_height=400, user_agent="Mozilla/5.0 test", captured_at=now,
        resources=(URL,),
        traffic=(RecordedExchange(URL, b"GET /post HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n",
                                  response, "127.0.0.1", now),),
    )  # fmt: skip


@built_once("capture_parts_integrity")
def world(database: Database, admin: Actor, make_user: MakeUser) -> World:
    ivan = make_user("ivan", "Ivan Investigator", Role.INVESTIGATOR)
    fields = CaseFields(agency_code="ARDHS", title="Online post", reported_on=dt.date(2026, 3, 2))
    case = cases.create_case(database, ivan, fields)
    page = _page()
    archive = archive_capture(page)
    assert archive.method["warc_source"] == "recorded"
    statement = CaptureStatement(platform="FakeBook", account_shown="jordan.doe")
    item = store_capture(database, ivan, case.id, page, archive, statement, session="s1")
    return World(database, ivan, case.id, case.number, item)


def _url(database: Database) -> str:
    return database.engine.url.render_as_string(hide_password=False)


def _part(url: str, item_id: int, role: str) -> tuple[str, int]:
    with raw(url) as db:
        (row,) = db.execute(
            "SELECT sha256, size FROM evidence_parts WHERE item_id = ? AND role = ?",
            (item_id, role),
        )
    return str(row[0]), int(row[1])


def _swap_part_with_its_row(url: str, item_id: int, role: str, data: bytes) -> str:
    """Replace a part's bytes and write their SHA-256 and size into its evidence_parts row."""
    new = hashlib.sha256(data).hexdigest()
    old, _size = _part(url, item_id, role)
    with raw(url) as db:
        db.execute(
            "INSERT INTO evidence_blobs (sha256, size, media_type, width, height, data, "
            "created_at) SELECT ?, ?, media_type, width, height, ?, created_at "
            "FROM evidence_blobs WHERE sha256 = ?",
            (new, len(data), data, old),
        )
        db.execute(
            "UPDATE evidence_parts SET sha256 = ?, size = ? WHERE item_id = ? AND role = ?",
            (new, len(data), item_id, role),
        )
        db.execute("DELETE FROM evidence_blobs WHERE sha256 = ?", (old,))
    return new


def _replace_bytes(url: str, sha256: str, data: bytes) -> None:
    """Replace a blob's bytes, leaving every hash as it was."""
    with raw(url) as db:
        db.execute("UPDATE evidence_blobs SET data = ? WHERE sha256 = ?", (data, sha256))


def _rewrite_add_event_alone(url: str, item_id: int, role: str, sha256: str) -> None:
    """Write another hash for a part into the item's evidence.add event; recompute its hash only."""
    with raw(url) as db:
        (added,) = [
            e
            for e in events(db)
            if e["action"] == "evidence.add" and e["entity_id"] == str(item_id)
        ]
        details = added["details"]
        details["web_capture"][f"{role}_sha256"] = sha256
        canonical = canonical_json(
            seq=added["seq"], occurred_at=added["occurred_at"], actor=added["actor"],
            action=added["action"], entity_type=added["entity_type"],
            entity_id=added["entity_id"], case_id=added["case_id"], details=details,
        )  # fmt: skip
        db.execute(
            "UPDATE audit_events SET details = ?, hash = ? WHERE seq = ?",
            (canonical_dumps(details), chain_hash(added["prev_hash"], canonical), added["seq"]),
        )


def _failed(world: World, *, case: bool = True) -> list[evidence.EvidenceCheck]:
    checks = evidence.verify_evidence(world.db, world.ivan, world.case_id if case else None)
    assert [c.item.id for c in checks] == [world.item.id]
    return [c for c in checks if not c.ok]


@pytest.fixture
def blob_reads(world: World) -> Iterator[list[str]]:
    """The SHA-256 of every blob whose bytes a statement reads."""
    seen: list[str] = []

    def listen(_conn: Any, _cursor: Any, statement: str, params: Any, *_rest: Any) -> None:
        if "evidence_blobs.data" in statement:
            values = params.values() if isinstance(params, dict) else params
            seen.extend(str(v) for v in values if isinstance(v, str) and len(v) == 64)

    event.listen(world.db.engine, "before_cursor_execute", listen)
    yield seen
    event.remove(world.db.engine, "before_cursor_execute", listen)


def test_an_untampered_capture_verifies_with_every_part_rehashed_once(
    world: World, blob_reads: list[str], tmp_path: Path
) -> None:
    url = _url(world.db)
    parts = {role: _part(url, world.item.id, role)[0] for role in ("viewport", "warc", "wacz")}
    assert _failed(world) == [] and _failed(world, case=False) == []
    # The full page, the MHTML and each part: every blob read once, per verification.
    wanted = sorted([world.item.sha256, str(world.item.page_source_sha256), *parts.values()])
    assert sorted(blob_reads) == sorted(wanted * 2)
    files = read_capture_files(world.db, world.ivan, world.item.id)
    assert files is not None and hashlib.sha256(files.viewport_png).hexdigest() == parts["viewport"]
    result = export_case_bundle(world.db, world.ivan, world.case_id, tmp_path / "bundle.zip")
    assert result.item_count == 1


@pytest.mark.parametrize("role", ["viewport", "warc", "wacz"])
def test_a_part_swapped_with_its_row_fails_verify_naming_the_item_and_the_part(
    world: World, role: str
) -> None:
    url = _url(world.db)
    recorded, _size = _part(url, world.item.id, role)
    new = _swap_part_with_its_row(url, world.item.id, role, _png((200, 30, 30)))
    for case in (True, False):  # one case's items, and every item
        (failed,) = _failed(world, case=case)
        assert f"its {role} part's stored SHA-256 {new[:12]}… is not the {recorded[:12]}…" in (
            failed.problem
        )
        assert "(evidence.add) recorded" in failed.problem
        message = evidence.integrity_message(failed)
        assert message.startswith(
            f"Evidence item {world.item.id} ({world.item.original_filename}, case "
            f"{world.case_number}) failed its integrity check: its {role} part"
        )
    history = evidence.custody_history(world.db, world.ivan, world.item.id)
    verified = [e for e in history if e.action == "evidence.verify"]
    assert [e.details["ok"] for e in verified] == [False, False]
    with pytest.raises(IntegrityFailure, match=f"Evidence item {world.item.id} .*its {role} part"):
        read_part(world.db, world.ivan, world.item.id, role)


def test_a_viewport_swapped_with_its_row_is_refused_by_the_viewer_and_the_export(
    world: World, tmp_path: Path
) -> None:
    url = _url(world.db)
    _swap_part_with_its_row(url, world.item.id, "viewport", _png((200, 30, 30)))
    says = f"Evidence item {world.item.id} \\(.*\\) failed its integrity check: its viewport part"
    with pytest.raises(IntegrityFailure, match=says):
        read_capture_files(world.db, world.ivan, world.item.id)
    out = tmp_path / "bundle.zip"
    with pytest.raises(IntegrityFailure, match=says):
        export_case_bundle(world.db, world.ivan, world.case_id, out)
    assert not out.exists()
    history = evidence.custody_history(world.db, world.ivan, world.item.id)
    failures = [e.details for e in history if e.action == "evidence.integrity_failure"]
    assert [(d["part"], d["purpose"]) for d in failures] == [
        ("viewport", "view"),
        ("viewport", "export"),
    ]
    assert not any(e.action == "evidence.export" for e in history)


def test_warc_bytes_replaced_under_the_same_hash_fail_verify_and_the_export(
    world: World, tmp_path: Path
) -> None:
    url = _url(world.db)
    warc, size = _part(url, world.item.id, "warc")
    _replace_bytes(url, warc, b"\x1f\x8b" + b"\x00" * (size - 2))
    (failed,) = _failed(world)
    assert failed.problem.startswith("its warc part's stored bytes hash to ")
    assert failed.problem.endswith(f"not the recorded {warc[:12]}…")
    out = tmp_path / "bundle.zip"
    with pytest.raises(IntegrityFailure, match=f"Evidence item {world.item.id} .*its warc part"):
        export_case_bundle(world.db, world.ivan, world.case_id, out)
    assert not out.exists()
    history = evidence.custody_history(world.db, world.ivan, world.item.id)
    failures = [e.details for e in history if e.action == "evidence.integrity_failure"]
    assert [(d["part"], d["purpose"], d["sha256"]) for d in failures] == [("warc", "export", warc)]


def test_a_part_whose_event_was_rewritten_with_it_is_refused_by_the_chains_next_link(
    world: World,
) -> None:
    url = _url(world.db)
    new = _swap_part_with_its_row(url, world.item.id, "viewport", _png((200, 30, 30)))
    _rewrite_add_event_alone(url, world.item.id, "viewport", new)
    says = "its evidence.add audit event \\(event \\d+\\) is no longer the one the audit chain"
    with pytest.raises(IntegrityFailure, match=f"Evidence item {world.item.id} .*{says}"):
        read_part(world.db, world.ivan, world.item.id, "viewport")
    with pytest.raises(IntegrityFailure, match=says):
        read_capture_files(world.db, world.ivan, world.item.id)
    (failed,) = _failed(world)
    assert "is no longer the one the audit chain links to" in failed.problem


@pytest.mark.parametrize("everything", [False, True], ids=["one part", "the whole capture"])
def test_a_part_deleted_with_its_row_fails_verify_and_the_export(
    world: World, everything: bool, tmp_path: Path
) -> None:
    url = _url(world.db)
    viewport, _size = _part(url, world.item.id, "viewport")
    with raw(url) as db:
        if everything:  # every part and the capture's own row: a plain screenshot, it seems
            db.execute("DELETE FROM evidence_parts WHERE item_id = ?", (world.item.id,))
            db.execute("DELETE FROM web_captures WHERE item_id = ?", (world.item.id,))
        else:
            db.execute("DELETE FROM evidence_parts WHERE item_id = ? AND role = 'viewport'",
                       (world.item.id,))  # fmt: skip
    (failed,) = _failed(world)
    assert failed.problem.startswith(f"its viewport part ({viewport[:12]}…), which audit event ")
    assert failed.problem.endswith("is missing from the database")
    if not everything:  # the export refuses too, rather than leave the part out
        out = tmp_path / "bundle.zip"
        with pytest.raises(IntegrityFailure, match="its viewport part .* is missing"):
            export_case_bundle(world.db, world.ivan, world.case_id, out)
        assert not out.exists()


def test_casedesk_evidence_verify_names_the_swapped_part_and_exits_1(
    world: World, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _url(world.db)
    for name, value in (("CASEDESK_DATABASE_URL", url), ("CASEDESK_USER", "ivan"),
                        ("CASEDESK_PASSWORD", USER_PASSWORD)):  # fmt: skip
        monkeypatch.setenv(name, value)
    assert main(["evidence", "verify"]) == 0
    capsys.readouterr()
    _swap_part_with_its_row(url, world.item.id, "viewport", _png((200, 30, 30)))
    assert main(["evidence", "verify", world.case_number]) == 1
    printed = capsys.readouterr()
    assert "1 of 1 evidence items failed the check." in printed.out
    assert f"Evidence item {world.item.id} ({world.item.original_filename}" in printed.err
    assert "its viewport part's stored SHA-256" in printed.err
