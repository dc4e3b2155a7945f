"""The disciplinary report handed to its render worker in steps (real worker, real databases).

The worker lays the report out from its text while the service reads and
re-hashes the evidence; each item's bytes go to it only after they matched.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import signal
import time
from collections.abc import Collection
from pathlib import Path

import pytest
from sqlalchemy import event, text

import reports
from app.domain.errors import IntegrityFailure
from app.domain.evidence import RedactionBox, RedactionReason
from app.resources import report_fonts_path
from app.services import evidence, report_building
from app.services.evidence import redaction
from reports.worker import RenderWorker, WrittenPdf
from tests.reports.conftest import ReadBack
from tests.unit.test_report_building import World, _pdf_text, _report_events, _scalar
from tests.unit.test_report_building import world as world  # noqa: PLC0414 - the fixture


class _Watched:
    """A real render worker, with what it was given noted (and, if asked, killed halfway)."""

    def __init__(
        self,
        cache: Path,
        *,
        kill_after: int | None = None,
        stop_at_begin: bool = False,
        stall: float | None = None,
    ) -> None:
        if stall is None:
            worker = RenderWorker.start(report_fonts_path(), cache)
        else:
            worker = RenderWorker.start(report_fonts_path(), cache, stall=stall)
        assert worker is not None
        self.worker = worker
        self.kill_after = kill_after
        self.stop_at_begin = stop_at_begin
        self.begun: reports.DisciplinaryReport | None = None
        self.pending: tuple[int, ...] = ()
        self.sent: list[tuple[int, bytes]] = []

    def begin(
        self,
        report: reports.DisciplinaryReport,
        pending: Collection[int] = (),
        *,
        progress: reports.Progress | None = None,
    ) -> None:
        self.begun, self.pending = report, tuple(pending)
        if self.stop_at_begin:  # stuck from now on: it never reads another byte
            os.kill(self.worker.pid, signal.SIGSTOP)
        self.worker.begin(report, pending, progress=progress)

    def image(self, index: int, data: bytes) -> None:
        self.sent.append((index, data))
        self.worker.image(index, data)
        if self.kill_after is not None and len(self.sent) == self.kill_after:
            os.kill(self.worker.pid, signal.SIGKILL)

    def finish(
        self, report: reports.DisciplinaryReport, *, progress: reports.Progress | None = None
    ) -> bytes:
        return self.worker.finish(report, progress=progress)

    def finish_into(
        self,
        report: reports.DisciplinaryReport,
        target: Path,
        *,
        progress: reports.Progress | None = None,
    ) -> bytes | WrittenPdf:
        return self.worker.finish_into(report, target, progress=progress)

    def close(self) -> None:
        self.worker.close()

    @property
    def sha256(self) -> str | None:
        return self.worker.sha256

    def resume(self) -> None:
        """Let a stopped worker go on (if it still exists), e.g. when a test failed."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.worker.pid, signal.SIGCONT)

    def gone(self, within: float = 2.0) -> bool:
        """Ended and reaped, by itself within ``within`` seconds (once it answered, a
        worker is reaped on a thread)."""
        deadline = time.monotonic() + within
        while True:
            try:
                os.kill(self.worker.pid, 0)
            except ProcessLookupError:
                return True
            if time.monotonic() > deadline:
                return False
            time.sleep(0.005)


def _comparable(pdf: bytes) -> list[str]:
    """Each page's text, without what differs between two runs (the times, the checkpoint)."""
    pages, _ = _pdf_text(pdf)
    return [
        re.sub(r"Audit checkpoint: .*|\d{4}-\d\d-\d\d \d\d:\d\d UTC", "…", page) for page in pages
    ]


def _redact_second(world: World) -> evidence.EvidenceInfo:
    item = evidence.list_evidence(world.db, world.hana, world.case_id)[1]
    redaction.set_redactions(
        world.db, world.ivan, item.id,
        [RedactionBox(10, 10, 120, 40, RedactionReason.YOUTH_IDENTITY)],
    )  # fmt: skip
    return item


def test_the_report_handed_over_in_steps_is_the_report_rendered_here(
    world: World, tmp_path: Path, only_the_worker: None
) -> None:
    _redact_second(world)
    watched = _Watched(tmp_path / "fonts")
    there = report_building.generate_disciplinary(
        world.db, world.hana, world.case_id, render=watched
    )
    here = report_building.generate_disciplinary(world.db, world.hana, world.case_id)
    assert _comparable(there.pdf) == _comparable(here.pdf)
    assert ReadBack(there.pdf).images() == ReadBack(here.pdf).images()
    assert "Audit checkpoint:" in _pdf_text(there.pdf)[0][-1]
    assert watched.gone()
    # The digest recorded is the one hashed as the PDF came from the worker: its own.
    assert watched.sha256 == there.sha256 == hashlib.sha256(there.pdf).hexdigest()
    assert (
        _scalar(world.db, f"SELECT sha256 FROM generated_reports WHERE id = {there.id}")
        == there.sha256
    )
    # The redacted rendering's hash is printed, so the items up to it were read first;
    # the third followed, with its own stored bytes, once they matched.
    assert watched.begun is not None and watched.pending == (2,)
    assert [bool(e.image) for e in watched.begun.evidence] == [True, True, False]
    third = evidence.list_evidence(world.db, world.hana, world.case_id)[2]
    assert [(i, len(d)) for i, d in watched.sent] == [(2, third.size)]
    assert watched.begun.audit_checkpoint == ""
    assert _scalar(world.db, "SELECT count(*) FROM generated_reports") == 2


class _TargetDelivery:
    """A delivery that gives the worker an empty file for the PDF, as the command's does."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.targets: list[Path] = []
        self.staged_ahead: list[bytes] = []
        self.synced_ahead = 0
        self.delivered: list[tuple[bytes, str]] = []

    def render_target(self) -> Path:
        target = self.folder / f"staged-{len(self.targets)}.part"
        target.touch(mode=0o600)
        self.targets.append(target)
        return target

    def stage_ahead(self, pdf: bytes) -> None:
        self.staged_ahead.append(pdf)

    def sync_ahead(self) -> None:
        self.synced_ahead += 1

    def __call__(self, pdf: bytes, sha256: str) -> None:
        self.delivered.append((pdf, sha256))


def test_a_worker_given_the_file_writes_the_pdf_there_and_the_record_has_its_digest(
    world: World, tmp_path: Path, only_the_worker: None
) -> None:
    """With a delivery that can hand it a file (the command line's), the worker writes
    the PDF there: nothing of it comes back through the pipe, the record takes the
    worker's size and SHA-256, and the delivery is told the PDF is in its file."""
    delivery = _TargetDelivery(tmp_path)
    watched = _Watched(tmp_path / "fonts")
    there = report_building.generate_disciplinary(
        world.db, world.hana, world.case_id, render=watched, deliver=delivery
    )
    [target] = delivery.targets
    data = target.read_bytes()
    assert there.pdf == b"" and delivery.staged_ahead == [] and delivery.synced_ahead == 1
    assert delivery.delivered == [(b"", there.sha256)]
    assert (there.size, there.sha256) == (len(data), hashlib.sha256(data).hexdigest())
    row = f"SELECT sha256, size FROM generated_reports WHERE id = {there.id}"
    with world.db.engine.connect() as connection:
        assert tuple(connection.execute(text(row)).one()) == (there.sha256, there.size)
    here = report_building.generate_disciplinary(world.db, world.hana, world.case_id)
    assert _comparable(data) == _comparable(here.pdf)
    assert ReadBack(data).images() == ReadBack(here.pdf).images()
    assert watched.gone()


def test_an_item_failing_its_check_while_the_worker_draws_refuses_and_ends_it(
    world: World, tmp_path: Path
) -> None:
    target = evidence.list_evidence(world.db, world.hana, world.case_id)[2]
    with world.db.engine.begin() as connection:
        connection.execute(
            text("UPDATE evidence_blobs SET data = :d WHERE sha256 = :s"),
            {"d": b"\x89PNG tampered", "s": target.sha256},
        )
    checkpoints = _scalar(world.db, "SELECT count(*) FROM audit_checkpoints")
    watched = _Watched(tmp_path / "fonts")
    with pytest.raises(IntegrityFailure, match=f"Evidence item {target.id} \\(good.jpg"):
        report_building.generate_disciplinary(world.db, world.hana, world.case_id, render=watched)
    # The worker had the text and the items before it; it got nothing of the third, and ended.
    assert watched.pending == (0, 1, 2)
    assert [i for i, _ in watched.sent] == [0, 1]
    assert watched.gone()
    assert _scalar(world.db, "SELECT count(*) FROM generated_reports") == 0
    assert _report_events(world) == 0
    assert _scalar(world.db, "SELECT count(*) FROM audit_checkpoints") == checkpoints
    failed = evidence.custody_history(world.db, world.hana, target.id)[-1]
    assert (failed.action, failed.details["purpose"]) == ("evidence.integrity_failure", "report")


def test_a_worker_that_dies_halfway_leaves_the_same_report_to_this_process(
    world: World, tmp_path: Path, fallbacks: list[object]
) -> None:
    watched = _Watched(tmp_path / "fonts", kill_after=1)
    there = report_building.generate_disciplinary(
        world.db, world.hana, world.case_id, render=watched
    )
    assert len(fallbacks) == 1  # rendered here, not by the dead worker
    # No digest came from the worker: the one recorded is of the PDF made here.
    assert watched.sha256 is None
    assert there.sha256 == hashlib.sha256(there.pdf).hexdigest()
    here = report_building.generate_disciplinary(world.db, world.hana, world.case_id)
    assert _comparable(there.pdf) == _comparable(here.pdf)
    assert ReadBack(there.pdf).images() == ReadBack(here.pdf).images()
    assert [i for i, _ in watched.sent] == [0, 1, 2]
    assert watched.gone()
    # Recorded like any other: the report, and each item's custody naming it.
    assert _report_events(world) == 6
    assert _scalar(world.db, "SELECT count(*) FROM generated_reports") == 2


def test_a_stopped_worker_is_killed_and_the_report_made_here(
    world: World, tmp_path: Path, fallbacks: list[object]
) -> None:
    """A worker that stops reading cannot hold the evidence's read transaction open:
    once it has taken nothing for its stall time it is killed, and the report is made
    here and recorded as any other."""
    watched = _Watched(tmp_path / "fonts", stop_at_begin=True, stall=0.3)
    try:
        there = report_building.generate_disciplinary(
            world.db, world.hana, world.case_id, render=watched
        )
    finally:
        watched.resume()
        watched.close()
    assert len(fallbacks) == 1 and watched.gone()
    here = report_building.generate_disciplinary(world.db, world.hana, world.case_id)
    assert _comparable(there.pdf) == _comparable(here.pdf)
    assert ReadBack(there.pdf).images() == ReadBack(here.pdf).images()
    assert _report_events(world) == 6
    assert _scalar(world.db, "SELECT count(*) FROM generated_reports") == 2


def test_a_tampered_redacted_item_is_recorded_with_no_read_of_the_case_still_open(
    world: World, tmp_path: Path
) -> None:
    """The redacted items are read (and a mismatch recorded, a write on a connection of
    its own) once the case's read transaction has ended: nothing else is open then, so
    without SQLite's WAL the write would not wait for this process's own reader."""
    target = _redact_second(world)
    with world.db.engine.begin() as connection:
        connection.execute(
            text("UPDATE evidence_blobs SET data = :d WHERE sha256 = :s"),
            {"d": b"\x89PNG tampered", "s": target.sha256},
        )
    engine = world.db.engine
    open_at_begin: list[int] = []

    def begun(_connection: object) -> None:
        open_at_begin.append(engine.pool.checkedout())  # type: ignore[attr-defined]

    event.listen(engine, "begin", begun)
    try:
        with pytest.raises(IntegrityFailure, match=f"Evidence item {target.id} "):
            report_building.generate_disciplinary(world.db, world.hana, world.case_id)
    finally:
        event.remove(engine, "begin", begun)
    assert open_at_begin and max(open_at_begin) == 1, open_at_begin
    failed = evidence.custody_history(world.db, world.hana, target.id)[-1]
    assert (failed.action, failed.details["purpose"]) == ("evidence.integrity_failure", "report")
