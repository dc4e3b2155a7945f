"""Redaction boxes: checks, storage, audit, and renderings that leave the original alone."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from app.domain.actor import Actor
from app.domain.errors import InvalidInput, PermissionDenied
from app.domain.evidence import RedactionBox, RedactionReason, check_boxes
from app.domain.permissions import Role
from app.services import cases, evidence
from app.services.cases import CaseFields
from app.services.database import Database
from app.services.evidence.redaction import (
    get_redactions,
    read_redacted,
    render_redacted,
    set_redactions,
)
from tests.unit.conftest import built_once

MakeUser = Callable[..., Actor]
DATA = Path(__file__).parent.parent / "data"
R = RedactionReason
BOXES = [RedactionBox(10, 10, 100, 40, R.YOUTH_IDENTITY), RedactionBox(150, 100, 60, 60, R.MEDICAL)]


@dataclass
class World:
    db: Database
    admin: Actor
    ivan: Actor
    hana: Actor
    item: evidence.EvidenceInfo


@built_once("evidence_redaction")
def world(database: Database, admin: Actor, make_user: MakeUser) -> World:
    ivan = make_user("ivan", "Ivan Investigator", Role.INVESTIGATOR)
    hana = make_user("hana", "Hana Resources", Role.HR)
    fields = CaseFields(agency_code="MADYS", title="Youth photo posted",
                        reported_on=dt.date(2026, 3, 2))  # fmt: skip
    case_id = cases.create_case(database, ivan, fields).id
    item = evidence.add_evidence(
        database, ivan, case_id, (DATA / "good.png").read_bytes(), original_filename="good.png"
    )
    return World(database, admin, ivan, hana, item)


@pytest.mark.parametrize(
    ("box", "says"),
    [
        (RedactionBox(0, 0, 0, 10), "is empty"),
        (RedactionBox(0, 0, 10, -1), "is empty"),
        (RedactionBox(-1, 0, 10, 10), "starts outside the image"),
        (RedactionBox(0, -5, 10, 10), "starts outside the image"),
        (RedactionBox(300, 0, 21, 10), "reaches outside the 320x200 image"),
        (RedactionBox(0, 190, 10, 11), "reaches outside the 320x200 image"),
        (RedactionBox(0, 0, 1.5, 10), "not a whole number"),  # type: ignore[arg-type]
        (RedactionBox(0, 0, 10, 10, "gossip"), "is not a reason to redact"),  # type: ignore[arg-type]
    ],
)
def test_bad_boxes_are_refused(box: RedactionBox, says: str) -> None:
    with pytest.raises(InvalidInput, match=says):
        check_boxes([RedactionBox(1, 1, 5, 5), box], 320, 200)


def test_good_boxes_pass_and_reasons_are_parsed() -> None:
    boxes = check_boxes(
        [RedactionBox(0, 0, 320, 200), RedactionBox(5, 6, 7, 8, "cori")],  # type: ignore[arg-type]
        320,
        200,
    )
    assert boxes[1] == RedactionBox(5, 6, 7, 8, R.CORI)


def test_boxes_are_stored_replaced_and_cleared_with_an_audit_event_each(world: World) -> None:
    boxes = [
        RedactionBox(10, 10, 100, 40, R.YOUTH_IDENTITY),
        RedactionBox(150, 100, 60, 60, R.MEDICAL),
    ]
    assert set_redactions(world.db, world.ivan, world.item.id, boxes) == tuple(boxes)
    assert get_redactions(world.db, world.hana, world.item.id) == tuple(boxes)
    listed = evidence.list_evidence(world.db, world.ivan, world.item.case_id)
    assert listed[0].redaction_count == 2
    set_redactions(world.db, world.hana, world.item.id, [RedactionBox(0, 0, 5, 5, R.CORI)])
    assert get_redactions(world.db, world.ivan, world.item.id) == (
        RedactionBox(0, 0, 5, 5, R.CORI),
    )
    set_redactions(world.db, world.ivan, world.item.id, [])
    assert get_redactions(world.db, world.ivan, world.item.id) == ()
    assert evidence.list_evidence(world.db, world.ivan, world.item.case_id)[0].redaction_count == 0
    events = [
        e for e in evidence.custody_history(world.db, world.ivan, world.item.id)
        if e.action == "evidence.redact"
    ]  # fmt: skip
    assert [(e.actor, len(e.details["boxes"]), e.details["previous_count"]) for e in events] == [
        ("Ivan Investigator", 2, 0),
        ("Hana Resources", 1, 2),
        ("Ivan Investigator", 0, 1),
    ]  # the custody log names people by full name
    assert events[0].details["boxes"][0] == {
        "x": 10, "y": 10, "width": 100, "height": 40, "reason": "youth_identity",
    }  # fmt: skip


def test_a_bad_box_stores_nothing_and_administrators_may_not_redact(world: World) -> None:
    set_redactions(world.db, world.ivan, world.item.id, [RedactionBox(0, 0, 5, 5)])
    with pytest.raises(InvalidInput, match="reaches outside"):
        set_redactions(world.db, world.ivan, world.item.id, [RedactionBox(0, 0, 500, 5)])
    assert get_redactions(world.db, world.ivan, world.item.id) == (RedactionBox(0, 0, 5, 5),)
    with pytest.raises(PermissionDenied, match="evidence.redact"):
        set_redactions(world.db, world.admin, world.item.id, [])


def test_the_rendering_is_black_under_each_box_and_marked_and_the_original_unchanged(
    world: World,
) -> None:
    original = (DATA / "good.png").read_bytes()
    boxes = [
        RedactionBox(10, 10, 100, 40, R.YOUTH_IDENTITY),
        RedactionBox(150, 100, 60, 60, R.MEDICAL),
    ]
    set_redactions(world.db, world.ivan, world.item.id, boxes)
    info, rendered = read_redacted(world.db, world.hana, world.item.id)
    assert info.id == world.item.id
    with Image.open(io.BytesIO(rendered)) as image, Image.open(io.BytesIO(original)) as source:
        assert image.format == "PNG"
        assert image.text["Casedesk-Redaction"].startswith("REDACTED (2 boxes: youth identity")
        width, height = source.size
        assert image.width == width and image.height > height  # the band below
        rgb = image.convert("RGB")
        src = source.convert("RGB")
        for box in boxes:
            region = rgb.crop((box.x, box.y, box.x + box.width, box.y + box.height))
            assert region.getcolors() == [(box.width * box.height, (0, 0, 0))]
        # Outside the boxes the picture is the original's.
        assert rgb.getpixel((300, 190)) == src.getpixel((300, 190))
        assert rgb.getpixel((120, 60)) == src.getpixel((120, 60))
        # The band says so in light letters on red.
        band = rgb.crop((0, height, width, image.height))
        colours = {c for _n, c in band.getcolors(maxcolors=100000)}
        assert (150, 0, 0) in colours and any(min(c) > 200 for c in colours)
    # The stored bytes are the original's, byte for byte.
    _info, stored = evidence.read_evidence(world.db, world.ivan, world.item.id)
    assert stored == original
    assert hashlib.sha256(stored).hexdigest() == world.item.sha256
    history = [e.action for e in evidence.custody_history(world.db, world.ivan, world.item.id)]
    assert history == ["evidence.add", "evidence.redact", "evidence.view", "evidence.view"]


def test_an_item_without_boxes_reads_as_its_original_bytes(world: World) -> None:
    _info, data = read_redacted(world.db, world.ivan, world.item.id)
    assert data == (DATA / "good.png").read_bytes()


def test_render_redacted_handles_transparency_and_refuses_boxes_outside() -> None:
    out = io.BytesIO()
    Image.new("RGBA", (50, 30), (0, 0, 255, 0)).save(out, format="PNG")
    rendered = render_redacted(out.getvalue(), [RedactionBox(0, 0, 10, 10)])
    with Image.open(io.BytesIO(rendered)) as image:
        assert image.mode == "RGB"
        assert image.getpixel((5, 5)) == (0, 0, 0)
        assert image.getpixel((40, 20)) == (255, 255, 255)  # transparent shown on white
    with pytest.raises(InvalidInput, match="reaches outside the 50x30 image"):
        render_redacted(out.getvalue(), [RedactionBox(45, 0, 10, 10)])
