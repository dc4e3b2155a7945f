"""Thumbnails: size and aspect, cached by content so the second call does not decode."""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import text

from app.domain.actor import Actor
from app.domain.errors import NotFound, PermissionDenied
from app.domain.permissions import Role
from app.services import cases, evidence
from app.services.cases import CaseFields
from app.services.database import Database
from app.services.evidence.intake import IntakeFile, import_evidence
from app.services.evidence.thumbnails import case_thumbnails, thumbnail
from tests import provenance

MakeUser = Callable[..., Actor]
DATA = Path(__file__).parent.parent / "data"


@dataclass
class World:
    db: Database
    admin: Actor
    ivan: Actor
    case_id: int


@pytest.fixture
def world(database: Database, admin: Actor, make_user: MakeUser) -> World:
    ivan = make_user("ivan", "Ivan Investigator", Role.INVESTIGATOR)
    fields = CaseFields(agency_code="ARDHS", title="Posted a client photo",
                        reported_on=dt.date(2026, 3, 2))  # fmt: skip
    return World(database, admin, ivan, cases.create_case(database, ivan, fields).id)


def _size(png: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG"
        return image.size


def _thumbnail_rows(db: Database) -> list[tuple[str, int]]:
    with db.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT sha256, max_side FROM evidence_thumbnails ORDER BY sha256, max_side")
        )
        return [(r[0], r[1]) for r in rows]


def _add(w: World, name: str) -> evidence.EvidenceInfo:
    return evidence.add_evidence(
        w.db, w.ivan, w.case_id, (DATA / name).read_bytes(), original_filename=name
    )


def test_a_thumbnail_keeps_the_aspect_and_is_cached_once_per_content_and_size(
    world: World,
) -> None:
    png = _add(world, "good.png")  # 320x200
    jpg = _add(world, "good.jpg")  # 300x180
    assert _thumbnail_rows(world.db) == []  # add_evidence alone caches nothing
    assert _size(thumbnail(world.db, world.ivan, png.id)) == (240, 150)
    assert _size(thumbnail(world.db, world.ivan, jpg.id, max_side=100)) == (100, 60)
    assert sorted(_thumbnail_rows(world.db)) == sorted([(png.sha256, 240), (jpg.sha256, 100)])


def test_the_second_call_answers_from_the_cache_without_decoding(world: World) -> None:
    item = _add(world, "good.png")
    thumbnail(world.db, world.ivan, item.id)
    # Replace the cached PNG and break the stored bytes: only a cache hit can
    # give back the marker.
    marker = io.BytesIO()
    Image.new("RGB", (7, 3), (255, 0, 0)).save(marker, format="PNG")
    with world.db.engine.begin() as connection:
        connection.execute(
            text("UPDATE evidence_thumbnails SET data = :data WHERE sha256 = :sha"),
            {"data": marker.getvalue(), "sha": item.sha256},
        )
        connection.execute(
            text("UPDATE evidence_blobs SET data = :data WHERE sha256 = :sha"),
            {"data": b"no longer an image", "sha": item.sha256},
        )
    assert thumbnail(world.db, world.ivan, item.id) == marker.getvalue()
    assert case_thumbnails(world.db, world.ivan, world.case_id) == {item.id: marker.getvalue()}


def test_case_thumbnails_uses_what_intake_cached_and_makes_the_rest(world: World) -> None:
    report = import_evidence(
        world.db, world.ivan, world.case_id,
        [IntakeFile("good.png", path=DATA / "good.png")], provenance.metadata(),
    )  # fmt: skip
    imported = report.added[0]
    assert _thumbnail_rows(world.db) == [(imported.sha256, 240)]
    added = _add(world, "good.jpg")
    thumbs = case_thumbnails(world.db, world.ivan, world.case_id)
    assert list(thumbs) == [imported.id, added.id]
    assert _size(thumbs[imported.id]) == (240, 150)
    assert _size(thumbs[added.id]) == (240, 144)
    assert len(_thumbnail_rows(world.db)) == 2


def test_thumbnails_write_no_custody_event_and_need_view_permission(world: World) -> None:
    item = _add(world, "good.png")
    thumbnail(world.db, world.ivan, item.id)
    case_thumbnails(world.db, world.ivan, world.case_id)
    history = [e.action for e in evidence.custody_history(world.db, world.ivan, item.id)]
    assert history == ["evidence.add"]
    with pytest.raises(PermissionDenied):
        thumbnail(world.db, world.admin, item.id)
    with pytest.raises(NotFound, match="There is no evidence item 999999"):
        thumbnail(world.db, world.ivan, 999999)


def test_a_screenshot_thumbnail_is_the_mean_of_its_blocks_and_close_to_lanczos() -> None:
    """The thumbnail of a 1920x1080 screenshot averages each 8x8 block (box filter, no
    aliasing) and stays within 35 dB PSNR of a Lanczos resampling of the whole image."""
    import random

    from PIL import ImageChops, ImageDraw, ImageStat

    from app.services.evidence.content import make_thumbnail

    rng = random.Random(3)
    picture = Image.new("RGB", (1920, 1080), (244, 245, 247))
    draw = ImageDraw.Draw(picture)
    for _ in range(60):  # text-like strokes and coloured blocks, as on a feed page
        x, y = rng.randrange(1800), rng.randrange(1000)
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        draw.rectangle((x, y, x + rng.randrange(4, 120), y + rng.randrange(2, 60)), fill=colour)
    made = Image.open(io.BytesIO(make_thumbnail(picture.copy(), 240)))
    assert made.size == (240, 135) and made.mode == "RGB"
    assert ImageChops.difference(made, picture.reduce(8)).getbbox() is None
    lanczos = picture.resize((240, 135), Image.Resampling.LANCZOS)
    rms = ImageStat.Stat(ImageChops.difference(made, lanczos)).rms
    mse = sum(v * v for v in rms) / 3
    assert 10 * math.log10(255**2 / mse) > 35
