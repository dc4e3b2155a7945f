"""Importing many screenshots: per-file results, bad files, duplicates, cancel, reruns."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import text

from app.domain.actor import Actor
from app.domain.errors import InvalidInput, NotFound, PermissionDenied
from app.domain.evidence import ObtainedHow
from app.domain.permissions import Role
from app.domain.settings import EVIDENCE_MAX_MEGABYTES
from app.services import cases, evidence, settings
from app.services.cases import CaseFields
from app.services.database import Database
from app.services.evidence.intake import (
    ImportReport,
    IntakeFile,
    IntakeMetadata,
    check_metadata,
    import_evidence,
)
from app.services.evidence.prepare import Preparing, start_early
from tests import provenance

MakeUser = Callable[..., Actor]
DATA = Path(__file__).parent.parent / "data"

#: Every bad file in tests/data and the start of the message that names it.
BAD_FILES = {
    "zero-byte.png": "zero-byte.png is empty (0 bytes)",
    "truncated.png": "truncated.png is a damaged or truncated PNG image",
    "corrupt.jpg": "corrupt.jpg is a damaged or truncated JPEG image",
    "html-named.png": "html-named.png is not a PNG image: its content is HTML",
    "bomb.png": "bomb.png declares a PNG image of 12,000x12,000 pixels",
    "unsupported.txt": "unsupported.txt is not a supported image",
    "page.html": "page.html is not a supported image",
}


@dataclass
class World:
    db: Database
    admin: Actor
    ivan: Actor
    hana: Actor
    case_id: int


@pytest.fixture
def world(database: Database, admin: Actor, make_user: MakeUser) -> World:
    ivan = make_user("ivan", "Ivan Investigator", Role.INVESTIGATOR)
    hana = make_user("hana", "Hana Resources", Role.HR)
    fields = CaseFields(agency_code="ARDHS", title="Posted a client photo",
                        reported_on=dt.date(2026, 3, 2))  # fmt: skip
    return World(database, admin, ivan, hana, cases.create_case(database, ivan, fields).id)


def _counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as connection:
        return {
            table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in ("evidence_blobs", "evidence_items", "evidence_thumbnails", "audit_events")
        }


def _png(seed: int, size: tuple[int, int] = (64, 40)) -> bytes:
    image = Image.new("RGB", size, (seed % 256, (seed * 7) % 256, (seed * 13) % 256))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _file(name: str) -> IntakeFile:
    return IntakeFile(name, path=DATA / name)


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_each_bad_file_fails_with_its_message_and_nothing_is_stored(
    world: World, name: str
) -> None:
    before = _counts(world.db)
    report = import_evidence(
        world.db, world.ivan, world.case_id, [_file(name)], provenance.metadata()
    )
    assert report.added == () and report.duplicates == () and not report.cancelled
    assert len(report.failed) == 1
    assert report.failed[0].name == name
    assert report.failed[0].message.startswith(BAD_FILES[name]), report.failed[0].message
    assert _counts(world.db) == before


def test_a_mixed_import_adds_the_good_files_and_reports_each_bad_one(world: World) -> None:
    names = ["good.png", *sorted(BAD_FILES), "good.jpg"]
    seen: list[tuple[int, int, str]] = []
    report = import_evidence(
        world.db, world.ivan, world.case_id, [_file(n) for n in names],
        provenance.metadata(platform="Facebook", obtained="reporter_supplied"),
        progress=lambda done, total, name: seen.append((done, total, name)),
    )  # fmt: skip
    assert [i.original_filename for i in report.added] == ["good.png", "good.jpg"]
    assert [f.name for f in report.failed] == sorted(BAD_FILES)
    assert all(i.platform == "Facebook" for i in report.added)
    assert all(i.obtained is ObtainedHow.REPORTER_SUPPLIED for i in report.added)
    total = len(names)
    assert seen == [(i, total, n) for i, n in enumerate(names)] + [(total, total, "")]
    listed = evidence.list_evidence(world.db, world.ivan, world.case_id)
    assert [i.id for i in listed] == [i.id for i in report.added]
    # Each added item has its bytes, its audit event and its cached thumbnail.
    for info in report.added:
        _info, data = evidence.read_evidence(world.db, world.ivan, info.id)
        assert hashlib.sha256(data).hexdigest() == info.sha256
    assert _counts(world.db)["evidence_thumbnails"] == 2


def test_unreadable_paths_and_bad_names_fail_and_the_import_goes_on(
    world: World, tmp_path: Path
) -> None:
    files = [
        IntakeFile("missing.png", path=tmp_path / "missing.png"),
        IntakeFile("folder.png", path=tmp_path),
        IntakeFile(b"bad\xff.png", data=(DATA / "good.png").read_bytes()),
        IntakeFile("../etc/passwd.png", data=(DATA / "good.png").read_bytes()),
        IntakeFile("a..png", data=(DATA / "good.png").read_bytes()),
        IntakeFile("empty.png"),
        IntakeFile("pasted.png", data=_png(1)),
    ]
    report = import_evidence(world.db, world.ivan, world.case_id, files, provenance.metadata())
    assert [i.original_filename for i in report.added] == ["pasted.png"]
    messages = {f.name: f.message for f in report.failed}
    assert "No such file or directory" in messages["missing.png"]
    assert "it is a folder, not a file" in messages["folder.png"]
    assert "not valid UTF-8" in messages["bad\\xff.png"]
    assert "folder separator" in messages["../etc/passwd.png"]
    assert "contains '..'" in messages["a..png"]
    assert "neither a path nor the file's bytes" in messages["empty.png"]


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(world: World) -> None:
    settings.set_value(world.db, world.admin, EVIDENCE_MAX_MEGABYTES.key, 1)
    big = _png(3, (1200, 1200)) + b"\0" * (1024 * 1024)  # over 1 MB
    report = import_evidence(
        world.db, world.ivan, world.case_id,
        [IntakeFile("big.png", data=big), _file("good.png")], provenance.metadata(),
    )  # fmt: skip
    assert [f.name for f in report.failed] == ["big.png"]
    assert "the limit is 1.0 MB (setting 'evidence.max_megabytes')" in report.failed[0].message
    assert [i.original_filename for i in report.added] == ["good.png"]


@pytest.mark.parametrize(
    ("metadata", "field"),
    [
        (provenance.metadata(source_url="facebook dot com/x"), "source_url"),
        (provenance.metadata(captured_at="2999-01-01T00:00:00Z"), "captured_at"),
        (provenance.metadata(captured_at="last Tuesday"), "captured_at"),
        (provenance.metadata(obtained="found it"), "obtained"),
    ],
)
def test_bad_metadata_is_refused_before_any_file_is_read(
    world: World, metadata: IntakeMetadata, field: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        check_metadata(metadata)
    assert caught.value.field == field
    before = _counts(world.db)
    with pytest.raises(InvalidInput):
        # The path does not exist: had it been read, this would be a failure, not a raise.
        import_evidence(
            world.db, world.ivan, world.case_id,
            [_file("good.png"), IntakeFile("x.png", path=Path("/nonexistent/x.png"))], metadata,
        )  # fmt: skip
    assert _counts(world.db) == before


def test_duplicates_are_skipped_and_a_rerun_adds_only_what_is_missing(world: World) -> None:
    first = import_evidence(
        world.db, world.ivan, world.case_id, [_file("good.png"), _file("good.png")],
        provenance.metadata(),
    )  # fmt: skip
    assert len(first.added) == 1
    assert first.duplicates == (("good.png", first.added[0].id),)
    before = _counts(world.db)
    rerun = import_evidence(
        world.db, world.ivan, world.case_id, [_file("good.png"), _file("good2.png")],
        provenance.metadata(),
    )  # fmt: skip
    assert rerun.duplicates == (("good.png", first.added[0].id),)
    assert [i.original_filename for i in rerun.added] == ["good2.png"]
    after = _counts(world.db)
    assert after["evidence_items"] == before["evidence_items"] + 1
    assert after["audit_events"] == before["audit_events"] + 1


def test_cancel_stops_between_files_and_keeps_what_was_added(world: World) -> None:
    files = [IntakeFile(f"shot-{n}.png", data=_png(n)) for n in range(5)]
    progressed: list[int] = []
    report = import_evidence(
        world.db, world.ivan, world.case_id, files, provenance.metadata(),
        progress=lambda done, _total, _name: progressed.append(done),
        cancelled=lambda: len(progressed) >= 2,
    )  # fmt: skip
    assert report.cancelled
    assert [i.original_filename for i in report.added] == ["shot-0.png", "shot-1.png"]
    listed = evidence.list_evidence(world.db, world.ivan, world.case_id)
    assert [i.original_filename for i in listed] == ["shot-0.png", "shot-1.png"]


def test_permission_and_case_are_checked_first(world: World) -> None:
    with pytest.raises(PermissionDenied):
        import_evidence(
            world.db, world.hana, world.case_id, [_file("good.png")], provenance.metadata()
        )
    with pytest.raises(NotFound, match="There is no case 999999"):
        import_evidence(world.db, world.ivan, 999999, [_file("good.png")], provenance.metadata())
    assert _counts(world.db)["evidence_items"] == 0


def _import_started_early(world: World, files: list[IntakeFile]) -> ImportReport:
    """Ivan's import of ``files`` into the case, their preparation started before it."""
    preparing = start_early(files)
    try:
        return import_evidence(world.db, world.ivan, world.case_id, files,
                               provenance.metadata(), preparing=preparing)  # fmt: skip
    finally:
        preparing.close()


def test_files_prepared_ahead_are_stored_only_once_the_checks_pass(world: World) -> None:
    """The command line starts preparing before sign-in: a refused user or case stores
    nothing of it, and an accepted import reports what the item query reads back."""
    files = [_file("good.png"), _file("good.jpg"), _file("good.png")]
    refused = start_early(files)
    try:
        with pytest.raises(PermissionDenied):
            import_evidence(world.db, world.hana, world.case_id, files, provenance.metadata(),
                            preparing=refused)  # fmt: skip
        with pytest.raises(NotFound):
            import_evidence(world.db, world.ivan, 999999, files, provenance.metadata(),
                            preparing=refused)  # fmt: skip
    finally:
        refused.close()
    assert _counts(world.db)["evidence_items"] == 0
    assert refused.ahead == 0  # what was prepared is dropped
    report = _import_started_early(world, files)
    assert [i.original_filename for i in report.added] == ["good.png", "good.jpg"]
    assert report.duplicates == (("good.png", report.added[0].id),)
    assert list(report.added) == evidence.list_evidence(world.db, world.ivan, world.case_id)
    # Content the case holds under a name that disagrees with it: decoded (and
    # refused) before the case was known, still reported as already there.
    renamed = [IntakeFile("renamed.jpg", data=(DATA / "good.png").read_bytes())]
    rerun = _import_started_early(world, renamed)
    assert rerun.duplicates == (("renamed.jpg", report.added[0].id),) and not rerun.failed


def test_a_file_read_ahead_is_judged_by_the_size_limit_of_the_database(world: World) -> None:
    settings.set_value(world.db, world.admin, EVIDENCE_MAX_MEGABYTES.key, 1)
    big = _png(3, (1200, 1200)) + b"\0" * (1024 * 1024)  # over 1 MB, under the default limit
    files = [IntakeFile("big.png", data=big), _file("good.png")]
    preparing = start_early(files)
    try:
        report = import_evidence(world.db, world.ivan, world.case_id, files,
                                 provenance.metadata(), preparing=preparing)  # fmt: skip
    finally:
        preparing.close()
    assert [f.name for f in report.failed] == ["big.png"]
    assert "the limit is 1.0 MB (setting 'evidence.max_megabytes')" in report.failed[0].message
    assert [i.original_filename for i in report.added] == ["good.png"]


def test_preparing_stays_within_its_window_and_rejudges_refusals_by_a_new_limit() -> None:
    shots = [IntakeFile(f"shot-{n}.png", data=_png(n)) for n in range(6)]
    small = len(shots[0].data or b"") - 1  # every shot is over this limit
    preparing = Preparing(shots, max_bytes=small, window=2)
    try:
        assert preparing.settle() == 2  # two files prepared, then the helpers wait
        with pytest.raises(InvalidInput, match="shot-0.png is 0.0 MB; the limit is"):
            preparing.take()
        preparing.use(max_bytes=1024 * 1024, contents={})
        # Refused under the old limit, prepared again under the new one.
        assert preparing.take().name == "shot-1.png"
        assert preparing.settle() == 2
        assert [preparing.take().name for _ in range(4)] == [f"shot-{n}.png" for n in range(2, 6)]
        assert preparing.settle() == 0
    finally:
        preparing.close()
