"""The case bundle: unpacked and checked with the real ``sha256sum -c``, against the database."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import resource
import subprocess
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from app.domain.actor import Actor
from app.domain.errors import IntegrityFailure, InvalidInput, PermissionDenied
from app.domain.evidence import ExportCancelled, RedactionBox, RedactionReason
from app.domain.permissions import Role
from app.services import audit, cases, evidence
from app.services.cases import CaseFields
from app.services.database import Database
from app.services.evidence.export import export_case_bundle, safe_name
from app.services.evidence.redaction import set_redactions
from tests.unit.conftest import built_once

MakeUser = Callable[..., Actor]
DATA = Path(__file__).parent.parent / "data"


@dataclass
class World:
    db: Database
    admin: Actor
    ivan: Actor
    case_id: int
    items: list[evidence.EvidenceInfo]


@built_once("evidence_export")
def world(database: Database, admin: Actor, make_user: MakeUser) -> World:
    ivan = make_user("ivan", "Ivan Investigator", Role.INVESTIGATOR)
    fields = CaseFields(agency_code="MADYS", title="Youth photo posted",
                        reported_on=dt.date(2026, 3, 2))  # fmt: skip
    case_id = cases.create_case(database, ivan, fields).id
    items = [
        evidence.add_evidence(
            database,
            ivan,
            case_id,
            (DATA / name).read_bytes(),
            original_filename=shown,
            source_url="https://social.example/p/1",
            captured_at="2026-03-02T14:05:00-06:00",
        )  # fmt: skip
        for name, shown in (("good.png", "Screen Shot 1.png"), ("good.jpg", "photo é.jpg"))
    ]
    return World(database, admin, ivan, case_id, items)


def _unpack(bundle: Path, into: Path) -> Path:
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(into)
    return into


def _files_left(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def outdir(tmp_path: Path) -> Path:
    """An empty folder for bundles (tmp_path also holds the test's database)."""
    folder = tmp_path / "bundles"
    folder.mkdir()
    return folder


def test_the_bundle_verifies_with_sha256sum_and_matches_the_database(
    world: World, tmp_path: Path
) -> None:
    set_redactions(world.db, world.ivan, world.items[0].id,
                   [RedactionBox(10, 10, 50, 20, RedactionReason.YOUTH_IDENTITY)])  # fmt: skip
    out = tmp_path / "out" / "bundle.zip"
    out.parent.mkdir()
    seen: list[tuple[int, int, str]] = []
    result = export_case_bundle(
        world.db, world.ivan, world.case_id, out, include_redacted=True,
        progress=lambda done, total, name: seen.append((done, total, name)),
    )  # fmt: skip
    assert result.path == out and _files_left(out.parent) == ["bundle.zip"]
    data = out.read_bytes()
    assert (result.sha256, result.size) == (hashlib.sha256(data).hexdigest(), len(data))
    assert (result.item_count, result.redacted_count) == (2, 1)
    assert seen[-1] == (2, 2, "") and [s[0] for s in seen] == [0, 1, 2]

    folder = _unpack(out, tmp_path / "unpacked")
    checked = subprocess.run(
        ["sha256sum", "-c", "SHA256SUMS"], cwd=folder, capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    listed = (folder / "SHA256SUMS").read_text().splitlines()
    members = sorted(line.split("  ", 1)[1] for line in listed)
    on_disk = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
    assert members == [m for m in on_disk if m != "SHA256SUMS"]

    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["case"]["number"] == world.items[0].case_number
    assert manifest["exported_by"]["username"] == "ivan"
    stored = evidence.list_evidence(world.db, world.ivan, world.case_id)
    assert [i["id"] for i in manifest["items"]] == [i.id for i in stored]
    for entry, info in zip(manifest["items"], stored, strict=True):
        assert entry["sha256"] == info.sha256 and entry["size"] == info.size
        assert entry["original_filename"] == info.original_filename
        assert entry["captured_at"] == info.captured_at.isoformat()  # type: ignore[union-attr]
        original = (folder / entry["file"]).read_bytes()
        assert hashlib.sha256(original).hexdigest() == info.sha256
    assert (
        manifest["items"][0]["file"]
        == f"originals/{safe_name(stored[0].id, 'x')[:6]}-Screen_Shot_1.png"
    )
    assert manifest["items"][0]["redactions"] == [
        {"x": 10, "y": 10, "width": 50, "height": 20, "reason": "youth_identity"}
    ]
    assert (folder / manifest["items"][0]["redacted_file"]).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert manifest["items"][1]["redacted_file"] is None

    # The bundle cannot hold its own hash: its custody log ends before this export.
    custody = json.loads((folder / "custody.json").read_text())
    actions = [[e["action"] for e in item["events"]] for item in custody["items"]]
    assert actions == [["evidence.add", "evidence.redact"], ["evidence.add"]]

    with world.db.unit_of_work() as uow:
        exported = [e for e in audit.case_events(uow, world.case_id) if e.action == "case.export"]
    assert len(exported) == 1
    assert exported[0].details == {
        "file": "bundle.zip", "sha256": result.sha256, "size": result.size, "item_count": 2,
        "redacted_count": 1, "include_redacted": True, "include_void": False,
    }  # fmt: skip
    # Each item's custody has exactly one export event, naming this bundle, written with
    # the case.export event.
    redacted_sha = manifest["items"][0]["redacted_sha256"]
    seqs = []
    for info, extra in ((stored[0], {"redacted_sha256": redacted_sha}), (stored[1], {})):
        history = evidence.custody_history(world.db, world.ivan, info.id)
        events = [e for e in history if e.action == "evidence.export"]
        assert len(events) == 1 and history[-1] == events[0]
        assert events[0].details == {
            "sha256": info.sha256, "bundle_sha256": result.sha256, "bundle_file": "bundle.zip",
            **extra,
        }  # fmt: skip
        seqs.append(events[0].seq)
    assert seqs == [exported[0].seq + 1, exported[0].seq + 2]


def test_without_redacted_renderings_only_originals_are_written(world: World, outdir: Path) -> None:
    set_redactions(world.db, world.ivan, world.items[0].id, [RedactionBox(0, 0, 5, 5)])
    result = export_case_bundle(world.db, world.ivan, world.case_id, outdir / "b.zip")
    with zipfile.ZipFile(result.path) as archive:
        names = archive.namelist()
    assert not any(n.startswith("redacted/") for n in names)
    assert sorted(n.split("/")[0] for n in names) == [
        "SHA256SUMS", "certification.pdf", "certification.txt", "custody.json",
        "manifest.json", "originals", "originals", "verify.py",
    ]  # fmt: skip


def test_a_corrupted_blob_refuses_the_export_naming_the_item_and_leaves_no_file(
    world: World, outdir: Path
) -> None:
    bad = world.items[1]
    with world.db.engine.begin() as connection:
        connection.execute(
            text("UPDATE evidence_blobs SET data = :data WHERE sha256 = :sha"),
            {"data": b"\xff\xd8\xff not the photo", "sha": bad.sha256},
        )
    with pytest.raises(IntegrityFailure, match=f"Evidence item {bad.id} \\(photo é.jpg"):
        export_case_bundle(world.db, world.ivan, world.case_id, outdir / "b.zip")
    assert _files_left(outdir) == []
    # The good item read before the bad one was not exported: its custody says so.
    assert _export_events(world) == []
    bad_history = [e.action for e in evidence.custody_history(world.db, world.ivan, bad.id)]
    assert bad_history == ["evidence.add", "evidence.integrity_failure"]
    failed = [c for c in evidence.verify_evidence(world.db, world.ivan, world.case_id) if not c.ok]
    assert [c.item.id for c in failed] == [bad.id]


def test_cancel_leaves_nothing_and_records_no_export(world: World, outdir: Path) -> None:
    calls: list[int] = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(ExportCancelled, match="no bundle was written"):
        export_case_bundle(world.db, world.ivan, world.case_id, outdir / "b.zip",
                           cancelled=cancelled)  # fmt: skip
    assert _files_left(outdir) == []
    with world.db.unit_of_work() as uow:
        assert not [e for e in audit.case_events(uow, world.case_id) if e.action == "case.export"]
    # The first item had been read and zipped when the cancel came: still no export event.
    assert len(calls) == 2
    assert _export_events(world) == []


@contextlib.contextmanager
def _file_size_limit(limit: int) -> Iterator[None]:
    """Files this process writes may not grow past ``limit`` bytes: a full disk, even for root.

    Python ignores SIGXFSZ, so a write past the limit fails with EFBIG ("File too large").
    """
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


def test_a_disk_that_refuses_the_bundle_part_way_is_a_clear_message_and_leaves_nothing(
    world: World, outdir: Path
) -> None:
    out = outdir / "b.zip"
    # good.png (2.5 kB) fits, good.jpg (8.5 kB) does not: the failure comes after a read.
    with _file_size_limit(6000), pytest.raises(InvalidInput) as raised:
        export_case_bundle(world.db, world.ivan, world.case_id, out)
    message = str(raised.value)
    assert message.startswith(f"Cannot write the bundle to {out}: File too large;")
    assert "choose another folder or free some space" in message
    assert _files_left(outdir) == []
    assert _export_events(world) == []
    with world.db.unit_of_work() as uow:
        assert not [e for e in audit.case_events(uow, world.case_id) if e.action == "case.export"]
    # Nothing was left open or half-done: the next export works.
    assert zipfile.is_zipfile(export_case_bundle(world.db, world.ivan, world.case_id, out).path)
    assert len(_export_events(world)) == 2


def test_a_place_no_file_can_be_made_in_is_a_clear_message(world: World) -> None:
    # /proc takes no new files, even from root (for others it is not writable at all).
    with pytest.raises(InvalidInput, match="/proc") as raised:
        export_case_bundle(world.db, world.ivan, world.case_id, Path("/proc/b.zip"))
    assert "Traceback" not in str(raised.value)
    assert _export_events(world) == []


def _export_events(world: World) -> list[audit.AuditEntry]:
    with world.db.unit_of_work() as uow:
        return [e for e in audit.case_events(uow, world.case_id) if e.action == "evidence.export"]


def test_bad_destinations_are_refused_before_anything_is_read(world: World, outdir: Path) -> None:
    existing = outdir / "there.zip"
    existing.write_bytes(b"keep me")
    cases_ = [
        (outdir / "missing" / "b.zip", "does not exist"),
        (existing / "b.zip", "is not a folder"),
        (existing, "already exists"),
        (outdir, "is a folder"),
    ]
    for out, says in cases_:
        with pytest.raises(InvalidInput, match=says):
            export_case_bundle(world.db, world.ivan, world.case_id, out)
    assert existing.read_bytes() == b"keep me"
    history = evidence.custody_history(world.db, world.ivan, world.items[0].id)
    assert [e.action for e in history] == ["evidence.add"]
    result = export_case_bundle(world.db, world.ivan, world.case_id, existing, overwrite=True)
    assert zipfile.is_zipfile(result.path)
    with pytest.raises(PermissionDenied):
        export_case_bundle(world.db, world.admin, world.case_id, outdir / "a.zip")


def test_safe_names_keep_only_plain_characters() -> None:
    assert (
        safe_name(7, "Screen Shot 2026-03-02 at 14.05.png")
        == "000007-Screen_Shot_2026-03-02_at_14.05.png"
    )
    assert safe_name(8, "фото.JPG") == "000008-evidence.JPG"
    assert safe_name(9, "noext", suffix="png") == "000009-noext.png"
