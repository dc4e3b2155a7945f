"""Intake stores a few files per transaction (each item whole and audited, ids as one by one)
and prepares files with a short interpreter switch interval."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import sys
from collections.abc import Callable

import pytest
from PIL import Image
from sqlalchemy import event, text

from app.db import record_ids
from app.db.models import EvidenceItem
from app.domain.actor import Actor
from app.domain.evidence import DuplicateEvidence
from app.domain.permissions import Role
from app.services import audit, cases
from app.services.cases import CaseFields
from app.services.database import Database
from app.services.evidence import store
from app.services.evidence.content import probe_image
from app.services.evidence.intake import IntakeFile, import_evidence
from app.services.evidence.metadata import check_intake_metadata
from app.services.evidence.prepare import INTAKE_BATCH, SWITCH_INTERVAL, Preparing
from tests import provenance

MakeUser = Callable[..., Actor]


def _png(seed: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (48, 32), (seed % 256, (seed * 7) % 256, (seed * 13) % 256)).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def ivan_and_case(database: Database, make_user: MakeUser) -> tuple[Actor, int]:
    ivan = make_user("ivan", "Ivan Investigator", Role.INVESTIGATOR)
    fields = CaseFields(agency_code="ARDHS", title="Posted a client photo",
                        reported_on=dt.date(2026, 3, 2))  # fmt: skip
    return ivan, cases.create_case(database, ivan, fields).id


def _rows(database: Database, sql: str) -> list[tuple[object, ...]]:
    with database.engine.connect() as connection:
        return [tuple(r) for r in connection.execute(text(sql))]


def test_an_import_commits_a_batch_at_a_time_and_every_item_is_whole(
    database: Database, ivan_and_case: tuple[Actor, int], admin: Actor
) -> None:
    ivan, case_id = ivan_and_case
    count = 2 * INTAKE_BATCH + 3
    files = [IntakeFile(f"shot-{n:02d}.png", data=_png(n)) for n in range(count)]
    commits: list[object] = []

    def committed(connection: object) -> None:
        commits.append(connection)

    event.listen(database.engine, "commit", committed)
    try:
        report = import_evidence(database, ivan, case_id, files, provenance.metadata())
    finally:
        event.remove(database.engine, "commit", committed)
    assert [i.original_filename for i in report.added] == [f.name for f in files]
    # Three transactions for the files (8, 8, 3), not one per file.
    assert len(commits) == 3
    ids = [i.id for i in report.added]
    assert ids == list(range(ids[0], ids[0] + count))  # one after the other, as one by one
    rows = _rows(
        database,
        "SELECT i.id, i.sha256, b.data FROM evidence_items i "
        "JOIN evidence_blobs b ON b.sha256 = i.sha256 ORDER BY i.id",
    )
    assert [r[0] for r in rows] == ids
    for (_id, sha256, data), file in zip(rows, files, strict=True):
        assert file.data is not None and bytes(data) == file.data  # type: ignore[arg-type]
        assert hashlib.sha256(file.data).hexdigest() == sha256
    events = _rows(database, "SELECT entity_id, details FROM audit_events "
                             "WHERE action = 'evidence.add' ORDER BY seq")  # fmt: skip
    assert [int(str(e[0])) for e in events] == ids  # in the files' order
    thumbnails = _rows(database, "SELECT count(*) FROM evidence_thumbnails")
    assert thumbnails == [(count,)]
    assert audit.verify(database, admin).intact


def test_a_failure_between_batches_keeps_the_committed_ones_whole(
    database: Database, ivan_and_case: tuple[Actor, int]
) -> None:
    """Stopped by an error part-way: the batches committed stay, the one under way is not
    stored at all, and running the import again adds the rest."""
    ivan, case_id = ivan_and_case
    files = [IntakeFile(f"shot-{n:02d}.png", data=_png(100 + n)) for n in range(INTAKE_BATCH + 4)]

    def progress(done: int, _total: int, _name: str) -> None:
        if done == INTAKE_BATCH + 2:
            raise RuntimeError("the machine went away")

    with pytest.raises(RuntimeError):
        import_evidence(database, ivan, case_id, files, provenance.metadata(), progress=progress)
    stored = _rows(database, "SELECT original_filename FROM evidence_items ORDER BY id")
    assert [r[0] for r in stored] == [f.name for f in files[:INTAKE_BATCH]]
    assert _rows(database, "SELECT count(*) FROM audit_events WHERE action = 'evidence.add'") == [
        (INTAKE_BATCH,)
    ]
    assert _rows(database, "SELECT count(*) FROM evidence_blobs") == [(INTAKE_BATCH,)]
    rerun = import_evidence(database, ivan, case_id, files, provenance.metadata())
    assert [name for name, _id in rerun.duplicates] == [f.name for f in files[:INTAKE_BATCH]]
    assert [i.original_filename for i in rerun.added] == [f.name for f in files[INTAKE_BATCH:]]


def test_the_same_content_twice_in_one_transaction_is_one_item(
    database: Database, ivan_and_case: tuple[Actor, int]
) -> None:
    ivan, case_id = ivan_and_case
    data = _png(7)
    facts = probe_image(data, "a.png")
    sha256 = hashlib.sha256(data).hexdigest()
    images = [store.CheckedImage(n, data, sha256, facts) for n in ("a.png", "b.png")]
    metadata = check_intake_metadata(provenance.metadata())
    first, second = store.store_many(database, ivan, case_id, images, metadata)
    assert not isinstance(first, DuplicateEvidence)
    assert isinstance(second, DuplicateEvidence) and second.existing_id == first.id
    assert "b.png is already in case" in str(second)
    assert _rows(database, "SELECT count(*) FROM evidence_items") == [(1,)]
    assert _rows(database, "SELECT count(*) FROM audit_events WHERE action = 'evidence.add'") == [
        (1,)
    ]


def test_new_ids_are_those_of_one_row_at_a_time(
    database: Database, ivan_and_case: tuple[Actor, int]
) -> None:
    """Visible rows continue the ids others see without a gap; confidential ones are
    random, distinct, above every counter (the rule of ``app.db.record_ids``)."""
    secret = {"obtained": "investigation_authorization"}
    public = {"obtained": "public"}
    with database.engine.connect() as connection:
        highest = connection.scalar(text("SELECT max(id) FROM evidence_items")) or 0
        hidden = record_ids.new_ids(connection, EvidenceItem, [secret] * 5)
        shown = record_ids.new_ids(connection, EvidenceItem, [public] * 3)
    assert len(set(hidden)) == 5
    assert all(i is not None and i in record_ids.CONFIDENTIAL_IDS for i in hidden)
    if database.engine.dialect.name == "sqlite":
        assert shown == [highest + 1, highest + 2, highest + 3]
    else:
        assert shown == [None, None, None]  # PostgreSQL's sequence numbers them


def test_two_confidential_rows_of_one_batch_never_draw_the_same_id(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The random draw repeats itself within a batch: the second row draws again."""
    draws = iter([7, 7, 7, 11])
    monkeypatch.setattr(record_ids.secrets, "randbelow", lambda _n: next(draws))
    with database.engine.connect() as connection:
        ids = record_ids.new_ids(
            connection, EvidenceItem, [{"obtained": "investigation_authorization"}] * 2
        )
    start = record_ids.CONFIDENTIAL_IDS.start
    assert ids == [start + 7, start + 11]


def test_the_switch_interval_is_short_while_files_are_prepared() -> None:
    """Helpers get the interpreter lock back quickly while any preparation is open; the
    interval before comes back when the last one closes."""
    before = sys.getswitchinterval()
    files = [IntakeFile(f"{n}.png", data=_png(n)) for n in range(3)]
    first = Preparing(files, max_bytes=1024 * 1024)
    second = Preparing(files, max_bytes=1024 * 1024)
    # The interpreter keeps the interval in whole microseconds: 0.0001 reads back as
    # 9.999999999999999e-05.
    short = pytest.approx(min(before, SWITCH_INTERVAL), rel=1e-9)
    try:
        assert sys.getswitchinterval() == short
        first.close()
        assert sys.getswitchinterval() == short
        assert second.take().name == "0.png"
    finally:
        first.close()  # a second close changes nothing
        second.close()
    assert sys.getswitchinterval() == before
