"""Correcting evidence metadata, voiding items, and what lists, bundles and thumbnails show.

On real SQLite and PostgreSQL databases: the earlier values stay in the
item's history and its custody log; a void item keeps its bytes and is left
out of bundles unless asked for; a redacted item's thumbnail is redacted.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import text

from app.domain.actor import Actor
from app.domain.errors import InvalidInput, PermissionDenied
from app.domain.evidence import EvidenceVoid, IntakeProblems, RedactionBox, RedactionReason
from app.domain.permissions import Role
from app.services import cases, evidence
from app.services.cases import CaseFields
from app.services.database import Database
from app.services.evidence.amend import amend_evidence, amendment_history, void_evidence
from app.services.evidence.export import export_case_bundle
from app.services.evidence.intake import IntakeFile, check_metadata, import_evidence
from app.services.evidence.redaction import set_redactions
from app.services.evidence.thumbnails import case_thumbnails, thumbnail
from tests import provenance
from tests.unit.conftest import built_once

MakeUser = Callable[..., Actor]
DATA = Path(__file__).parent.parent / "data"


@dataclass
class World:
    db: Database
    ivan: Actor
    hana: Actor
    case_id: int
    items: list[evidence.EvidenceInfo]


@built_once("evidence_amend")
def world(database: Database, admin: Actor, make_user: MakeUser) -> World:
    ivan = make_user("ivan", "Ivan Investigator", Role.INVESTIGATOR)
    hana = make_user("hana", "Hana Resources", Role.HR)
    fields = CaseFields(agency_code="MADYS", title="Youth photo posted",
                        reported_on=dt.date(2026, 3, 2))  # fmt: skip
    case_id = cases.create_case(database, ivan, fields).id
    files = [IntakeFile(name, path=DATA / name) for name in ("good.png", "good.jpg")]
    report = import_evidence(
        database, ivan, case_id, files,
        provenance.metadata(source_url="https://social.example/p/1", platform="Instagram",
                            account_shown="@wrong.account"),
    )  # fmt: skip
    return World(database, ivan, hana, case_id, list(report.added))


def test_intake_names_every_missing_field_at_once_and_stores_nothing(world: World) -> None:
    bare = provenance.metadata(captured_at=None, captured_by=None, no_url_reason="")
    with pytest.raises(IntakeProblems) as missing:
        check_metadata(bare)
    assert [field for field, _ in missing.value.problems] == [
        "captured_at", "captured_by", "source_url"
    ]  # fmt: skip
    assert "Give the capture time" in str(missing.value)
    before = len(evidence.list_evidence(world.db, world.ivan, world.case_id))
    with pytest.raises(IntakeProblems):
        import_evidence(world.db, world.ivan, world.case_id,
                        [IntakeFile("good2.png", path=DATA / "good2.png")], bare)  # fmt: skip
    assert len(evidence.list_evidence(world.db, world.ivan, world.case_id)) == before
    # A reason instead of a URL is enough, and it is kept with the item.
    report = import_evidence(
        world.db, world.ivan, world.case_id, [IntakeFile("good2.png", path=DATA / "good2.png")],
        provenance.metadata(no_url_reason="supplied by reporter as a file"),
    )  # fmt: skip
    (added,) = report.added
    assert added.source_url is None and added.no_url_reason == "supplied by reporter as a file"


def test_a_correction_keeps_the_earlier_values_in_history_and_custody(world: World) -> None:
    item = world.items[0]
    amended = amend_evidence(
        world.db, world.ivan, item.id,
        {"account_shown": "@right.account", "captured_at": "2026-03-02T15:05:00-06:00",
         "platform": "Instagram"},  # unchanged: not a change
        reason="The screenshot's header shows @right.account; the clock was an hour slow.",
    )  # fmt: skip
    assert amended.account_shown == "@right.account"
    assert amended.captured_at == dt.datetime(2026, 3, 2, 21, 5, tzinfo=dt.UTC)
    assert amended.sha256 == item.sha256  # the bytes are untouched

    history = amendment_history(world.db, world.hana, item.id)
    assert [(a.field, a.old_value, a.new_value) for a in history] == [
        ("account_shown", "@wrong.account", "@right.account"),
        ("captured_at", "2026-03-02T20:05:00+00:00 (-06:00)",
         "2026-03-02T21:05:00+00:00 (-06:00)"),
    ]  # fmt: skip
    assert {a.amended_by for a in history} == {"Ivan Investigator"}
    (event,) = [e for e in evidence.custody_history(world.db, world.hana, item.id)
                if e.action == "evidence.amend"]  # fmt: skip
    assert event.actor == "Ivan Investigator"  # people by full name in the custody log
    assert event.details["changes"]["account_shown"] == ["@wrong.account", "@right.account"]
    assert event.details["reason"].startswith("The screenshot's header")


@pytest.mark.parametrize(
    ("changes", "reason", "field", "says"),
    [
        ({"account_shown": "@x"}, "  ", "the_reason_for_the_correction", "is required"),
        ({"platform": "Instagram"}, "No change", None, "changes nothing"),
        ({"captured_at": "yesterday"}, "Typo", "captured_at", "capture time"),
        ({"source_url": None}, "No URL", "source_url", "say why there is none"),
        ({"captured_by": ""}, "Unknown", "captured_by", "who captured"),
        ({"sha256": "0" * 64}, "Swap", None, "cannot be corrected"),
    ],
)
def test_a_bad_correction_is_refused_and_changes_nothing(
    world: World, changes: dict[str, object], reason: str, field: str | None, says: str
) -> None:
    item = world.items[0]
    with pytest.raises(InvalidInput, match=says) as refused:
        amend_evidence(world.db, world.ivan, item.id, changes, reason=reason)
    if field is not None:
        assert refused.value.field == field
    assert amendment_history(world.db, world.ivan, item.id) == []
    assert evidence.list_evidence(world.db, world.ivan, world.case_id)[0] == item


def test_hr_may_neither_correct_nor_void(world: World) -> None:
    with pytest.raises(PermissionDenied):
        amend_evidence(world.db, world.hana, world.items[0].id, {"platform": "X"}, reason="r")
    with pytest.raises(PermissionDenied):
        void_evidence(world.db, world.hana, world.items[0].id, reason="r")


def test_a_void_item_is_kept_marked_and_left_out_of_bundles_unless_asked(
    world: World, tmp_path: Path
) -> None:
    kept, void = world.items
    with pytest.raises(InvalidInput, match="is required"):
        void_evidence(world.db, world.ivan, void.id, reason="")
    voided = void_evidence(world.db, world.ivan, void.id, reason="Wrong case: another youth")
    assert voided.void and voided.voided_by == "Ivan Investigator"
    assert voided.void_reason == "Wrong case: another youth"
    with pytest.raises(EvidenceVoid, match="is void"):
        void_evidence(world.db, world.ivan, void.id, reason="again")
    with pytest.raises(EvidenceVoid):
        amend_evidence(world.db, world.ivan, void.id, {"platform": "X"}, reason="r")
    # Kept with its bytes: still listed, still readable, still verifiable.
    listed = evidence.list_evidence(world.db, world.hana, world.case_id)
    assert [i.id for i in listed] == [kept.id, void.id] and listed[1].void
    assert [i.id for i in evidence.list_evidence(world.db, world.hana, world.case_id,
                                                 include_void=False)] == [kept.id]  # fmt: skip
    _info, data = evidence.read_evidence(world.db, world.ivan, void.id)
    assert data == (DATA / "good.jpg").read_bytes()
    actions = [e.action for e in evidence.custody_history(world.db, world.hana, void.id)]
    assert "evidence.void" in actions

    plain = export_case_bundle(world.db, world.ivan, world.case_id, tmp_path / "plain.zip")
    with zipfile.ZipFile(plain.path) as bundle:
        manifest = json.loads(bundle.read("manifest.json"))
    assert [i["id"] for i in manifest["items"]] == [kept.id] and not manifest["include_void"]
    full = export_case_bundle(world.db, world.ivan, world.case_id, tmp_path / "full.zip",
                              include_void=True)  # fmt: skip
    with zipfile.ZipFile(full.path) as bundle:
        manifest = json.loads(bundle.read("manifest.json"))
    entries = {i["id"]: i for i in manifest["items"]}
    assert entries[kept.id]["void"] is None
    assert entries[void.id]["void"]["reason"] == "Wrong case: another youth"
    assert entries[void.id]["void"]["voided_by"] == "Ivan Investigator"


def _pixel(png: bytes, x: int, y: int) -> tuple[int, ...]:
    with Image.open(io.BytesIO(png)) as image:
        return tuple(image.convert("RGB").getpixel((x, y)))  # type: ignore[arg-type]


def test_thumbnails_of_a_redacted_item_are_redacted_and_marked(world: World) -> None:
    item = world.items[0]  # good.png, 320 x 200
    plain_before = thumbnail(world.db, world.hana, item.id, max_side=160)
    set_redactions(world.db, world.ivan, item.id,
                   [RedactionBox(0, 0, 160, 100, RedactionReason.YOUTH_IDENTITY)])  # fmt: skip
    redacted = case_thumbnails(world.db, world.hana, world.case_id, max_side=160)[item.id]
    assert redacted != plain_before
    # The box covers the top-left quarter: black there in the thumbnail.
    assert _pixel(redacted, 10, 10) == (0, 0, 0) and _pixel(redacted, 79, 49) == (0, 0, 0)
    # The foot carries the red "REDACTED" band.
    with Image.open(io.BytesIO(redacted)) as image:
        height = image.height
    red = _pixel(redacted, 2, height - 2)
    assert red[0] > 120 and red[1] < 30 and red[2] < 30
    assert thumbnail(world.db, world.hana, item.id, max_side=160) == redacted
    assert thumbnail(world.db, world.hana, item.id, max_side=160, original=True) == plain_before
    # The other item has no boxes: its thumbnail is the cached original.
    other = world.items[1]
    with world.db.engine.connect() as connection:
        cached = connection.scalar(
            text("SELECT data FROM evidence_thumbnails WHERE sha256 = :s AND max_side = 160"),
            {"s": other.sha256},
        )
    assert case_thumbnails(world.db, world.hana, world.case_id, max_side=160)[other.id] == bytes(
        cached
    )
