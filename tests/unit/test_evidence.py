"""Screenshot evidence on real databases: intake checks, content addressing, custody, integrity."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from app.domain.actor import Actor
from app.domain.errors import IntegrityFailure, InvalidInput, PermissionDenied, Refused
from app.domain.evidence import DuplicateEvidence, ObtainedHow, clean_filename, parse_capture_time
from app.domain.permissions import Role
from app.services import cases, evidence
from app.services.cases import CaseFields
from app.services.database import Database
from tests.unit.conftest import built_once

MakeUser = Callable[..., Actor]
DATA = Path(__file__).parent.parent / "data"


@dataclass
class World:
    db: Database
    ivan: Actor
    hana: Actor
    case_a: int
    case_b: int


@built_once("evidence")
def world(database: Database, admin: Actor, make_user: MakeUser) -> World:
    ivan = make_user("ivan", "Ivan Investigator", Role.INVESTIGATOR)
    hana = make_user("hana", "Hana Resources", Role.HR)

    def new_case(title: str) -> int:
        fields = CaseFields(agency_code="ARDHS", title=title, reported_on=dt.date(2026, 3, 2))
        return cases.create_case(database, ivan, fields).id

    return World(database, ivan, hana, new_case("Posted a client photo"), new_case("Second"))


def _counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as connection:
        return {
            table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in ("evidence_blobs", "evidence_items", "audit_events")
        }


def _add(
    w: World, name: str, case_id: int | None = None, **options: object
) -> evidence.EvidenceInfo:
    data = (DATA / name).read_bytes()
    return evidence.add_evidence(
        w.db,
        w.ivan,
        case_id or w.case_a,
        data,
        original_filename=name,
        **options,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("zero-byte.png", "zero-byte.png is empty (0 bytes)"),
        ("truncated.png", "truncated.png is a damaged or truncated PNG image"),
        ("corrupt.jpg", "corrupt.jpg is a damaged or truncated JPEG image"),
        ("html-named.png", "html-named.png is not a PNG image: its content is HTML"),
        ("bomb.png", "bomb.png declares a PNG image of 12,000x12,000 pixels"),
        ("unsupported.txt", "unsupported.txt is not a supported image"),
        ("page.html", "page.html is not a supported image"),
    ],
)
def test_every_bad_file_is_refused_with_its_reason_and_nothing_is_stored(
    world: World, name: str, says: str
) -> None:
    before = _counts(world.db)
    with pytest.raises(InvalidInput, match=re.escape(says)):
        _add(world, name)
    assert _counts(world.db) == before


def test_an_image_over_the_size_limit_is_refused(world: World) -> None:
    before = _counts(world.db)
    with pytest.raises(InvalidInput, match=r"good.png is 0.0 MB; the limit is 0.0 MB"):
        _add(world, "good.png", max_bytes=1000)
    assert _counts(world.db) == before


@pytest.mark.parametrize(
    ("options", "says"),
    [
        ({"captured_at": "2999-01-01T10:00:00+00:00"}, "is in the future"),
        ({"captured_at": "yesterday at noon"}, "is not a valid date and time"),
        ({"captured_at": "2026-03-02T10:00:00"}, "has no UTC offset"),
        ({"captured_at": "0001-01-01T00:00:00+01:00"}, "outside the dates Casedesk can record"),
        ({"source_url": "facebook dot com/someone"}, "is not a URL"),
        ({"source_url": "javascript:alert(1)"}, "is not a URL"),
        ({"source_url": "https://"}, "is not a URL"),
        ({"source_url": "https://example.com:99999/post"}, "is not a URL"),
        ({"original_filename": "../etc/passwd.png"}, "folder separator"),
        ({"original_filename": "shots/good.png"}, "folder separator"),
        ({"original_filename": "a..png"}, "contains '..'"),
        ({"original_filename": "bad\x00name.png"}, "control characters"),
        ({"original_filename": b"bad\xff.png"}, "not valid UTF-8"),
        ({"obtained": "found it"}, "is not a way evidence is obtained"),
    ],
)
def test_bad_metadata_is_refused_and_nothing_is_stored(
    world: World, options: dict[str, object], says: str
) -> None:
    before = _counts(world.db)
    data = (DATA / "good.png").read_bytes()
    arguments: dict[str, object] = {"original_filename": "good.png", **options}
    with pytest.raises(InvalidInput, match=says):
        evidence.add_evidence(world.db, world.ivan, world.case_a, data, **arguments)  # type: ignore[arg-type]
    assert _counts(world.db) == before


def test_good_screenshots_are_stored_with_what_the_content_says(world: World) -> None:
    png = _add(
        world,
        "good.png",
        source_url="https://social.example/someone/posts/1",
        platform="Facebook",
        account_shown="@someone",
        captured_at="2026-03-02T14:05:00-06:00",
        captured_by="Ivan Investigator",
        description="Photo of a client",
        obtained=ObtainedHow.REPORTER_SUPPLIED,
    )
    data = (DATA / "good.png").read_bytes()
    assert png.sha256 == hashlib.sha256(data).hexdigest()
    assert (png.size, png.media_type, png.width, png.height) == (len(data), "image/png", 320, 200)
    assert png.captured_at == dt.datetime(2026, 3, 2, 20, 5, tzinfo=dt.UTC)
    assert png.capture_tz == "-06:00"
    assert png.obtained is ObtainedHow.REPORTER_SUPPLIED
    assert (png.added_by, png.added_by_username) == ("Ivan Investigator", "ivan")
    jpg = _add(world, "good.jpg")
    assert (jpg.media_type, jpg.width, jpg.height) == ("image/jpeg", 300, 180)
    listed = evidence.list_evidence(world.db, world.hana, world.case_a)
    assert [i.original_filename for i in listed] == ["good.png", "good.jpg"]
    assert listed[0] == png
    info, stored = evidence.read_for_inclusion(world.db, world.ivan, png.id, purpose="export")
    assert stored == data and info == png


def test_same_content_in_two_cases_is_one_blob_and_twice_in_one_case_is_refused(
    world: World,
) -> None:
    first = _add(world, "good.png")
    _add(world, "good.png", case_id=world.case_b)
    assert _counts(world.db)["evidence_blobs"] == 1
    assert _counts(world.db)["evidence_items"] == 2
    before = _counts(world.db)
    with pytest.raises(DuplicateEvidence, match=f"already in case .* as evidence item {first.id}"):
        _add(world, "good.png")
    assert _counts(world.db) == before


def test_tampered_bytes_are_named_on_read_and_by_verify(world: World) -> None:
    good = _add(world, "good.png")
    other = _add(world, "good.jpg")
    assert all(c.ok for c in evidence.verify_evidence(world.db, world.ivan, world.case_a))
    with world.db.engine.begin() as connection:
        connection.execute(
            text("UPDATE evidence_blobs SET data = :data WHERE sha256 = :sha"),
            {"data": b"\x89PNG tampered", "sha": good.sha256},
        )
    with pytest.raises(IntegrityFailure, match=f"Evidence item {good.id} \\(good.png"):
        evidence.read_evidence(world.db, world.ivan, good.id)
    checks = evidence.verify_evidence(world.db, world.ivan)
    failed = [c for c in checks if not c.ok]
    assert [c.item.id for c in failed] == [good.id]
    assert "hash to" in failed[0].problem
    assert [c.item.id for c in checks if c.ok] == [other.id]
    history = [e.action for e in evidence.custody_history(world.db, world.ivan, good.id)]
    assert history == [
        "evidence.add",
        "evidence.verify",
        "evidence.integrity_failure",
        "evidence.verify",
    ]


def test_custody_events_appear_in_the_case_timeline(world: World) -> None:
    item = _add(world, "good.png")
    evidence.read_evidence(world.db, world.hana, item.id, purpose="view")
    info, _data = evidence.read_for_inclusion(world.db, world.ivan, item.id, purpose="report")
    with world.db.unit_of_work(write=True) as uow:
        evidence.record_read(uow, world.ivan, "report", info, {"report_id": 7})
        uow.commit()
    evidence.attach_page_source(
        world.db, world.ivan, item.id, (DATA / "page.html").read_bytes(),
        original_filename="page.html",
    )  # fmt: skip
    timeline = cases.case_timeline(world.db, world.ivan, world.case_a)
    custody = [(e.action, e.actor) for e in timeline if e.entity_type == "evidence"]
    assert custody == [
        ("evidence.add", "ivan"),
        ("evidence.view", "hana"),
        ("evidence.report", "ivan"),
        ("evidence.attach_page_source", "ivan"),
    ]
    added = next(e for e in timeline if e.action == "evidence.add")
    assert added.details == {
        "sha256": item.sha256,
        "size": item.size,
        "media_type": "image/png",
        "original_filename": "good.png",
    }


def test_reads_for_an_export_or_report_write_no_custody_event_until_recorded(
    world: World,
) -> None:
    item = _add(world, "good.png")
    for purpose in ("export", "report"):
        info, data = evidence.read_for_inclusion(world.db, world.hana, item.id, purpose=purpose)
        assert hashlib.sha256(data).hexdigest() == info.sha256
    history = evidence.custody_history(world.db, world.ivan, item.id)
    assert [e.action for e in history] == ["evidence.add"]
    # A view is still recorded at once; an export or report read goes through its own call.
    with pytest.raises(InvalidInput, match="read_for_inclusion"):
        evidence.read_evidence(world.db, world.hana, item.id, purpose="export")  # type: ignore[arg-type]
    history = evidence.custody_history(world.db, world.ivan, item.id)
    assert [e.action for e in history] == ["evidence.add"]


def test_a_mismatch_read_for_an_export_is_recorded_as_an_integrity_failure(
    world: World,
) -> None:
    item = _add(world, "good.png")
    with world.db.engine.begin() as connection:
        connection.execute(
            text("UPDATE evidence_blobs SET data = :data WHERE sha256 = :sha"),
            {"data": b"\x89PNG tampered", "sha": item.sha256},
        )
    with pytest.raises(IntegrityFailure, match=f"Evidence item {item.id} \\(good.png"):
        evidence.read_for_inclusion(world.db, world.hana, item.id, purpose="report")
    history = evidence.custody_history(world.db, world.ivan, item.id)
    assert [e.action for e in history] == ["evidence.add", "evidence.integrity_failure"]
    assert history[1].details["purpose"] == "report"


def test_page_source_is_detected_from_content_and_kept_once(world: World) -> None:
    item = _add(world, "good.png")
    with pytest.raises(InvalidInput, match="good.jpg is not a saved page"):
        evidence.attach_page_source(
            world.db, world.ivan, item.id, (DATA / "good.jpg").read_bytes(),
            original_filename="good.jpg",
        )  # fmt: skip
    page = (DATA / "page.html").read_bytes()
    info = evidence.attach_page_source(
        world.db, world.ivan, item.id, page, original_filename="page.html"
    )
    assert info.page_source_sha256 == hashlib.sha256(page).hexdigest()
    with pytest.raises(Refused, match="already has a page source"):
        evidence.attach_page_source(
            world.db, world.ivan, item.id, page, original_filename="page.html"
        )


def test_hr_views_but_may_not_add(world: World) -> None:
    item = _add(world, "good.png")
    with pytest.raises(PermissionDenied):
        evidence.add_evidence(
            world.db, world.hana, world.case_a, (DATA / "good.jpg").read_bytes(),
            original_filename="good.jpg",
        )  # fmt: skip
    info, _data = evidence.read_evidence(world.db, world.hana, item.id, purpose="view")
    assert info.id == item.id


def test_capture_time_keeps_the_zone_name_and_allows_a_minute_of_skew() -> None:
    from zoneinfo import ZoneInfo

    chicago = dt.datetime(2026, 3, 2, 14, 5, tzinfo=ZoneInfo("America/Chicago"))
    parsed = parse_capture_time(chicago)
    assert parsed is not None
    assert (parsed.utc, parsed.zone) == (
        dt.datetime(2026, 3, 2, 20, 5, tzinfo=dt.UTC),
        "America/Chicago",
    )
    now = dt.datetime(2026, 3, 2, 20, 0, tzinfo=dt.UTC)
    assert parse_capture_time("2026-03-02T20:00:30Z", now=now) is not None
    assert (
        clean_filename("Screenshot 2026-03-02 at 14.05.png") == "Screenshot 2026-03-02 at 14.05.png"
    )


def test_decoding_on_two_threads_leaves_the_warning_filters_alone() -> None:
    """Pillow's size warning is ignored once for the process, not per decode."""
    import warnings
    from concurrent.futures import ThreadPoolExecutor

    from PIL import Image

    from app.domain.evidence import MAX_PIXELS
    from app.services.evidence.content import decode_image

    # The warning comes only above Pillow's limit, which is above Casedesk's own.
    assert Image.MAX_IMAGE_PIXELS is not None and MAX_PIXELS < Image.MAX_IMAGE_PIXELS
    data = (DATA / "good.png").read_bytes()
    before = list(warnings.filters)

    def decode(_: int) -> tuple[int, int]:
        facts, image = decode_image(data, "good.png")
        image.close()
        return facts.width, facts.height

    with ThreadPoolExecutor(max_workers=2) as pool:
        sizes = set(pool.map(decode, range(40)))
    assert len(sizes) == 1
    assert warnings.filters == before
    with pytest.raises(InvalidInput, match="bomb.png declares a PNG image of 12,000x12,000"):
        decode_image((DATA / "bomb.png").read_bytes(), "bomb.png")
