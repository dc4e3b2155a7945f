"""The renderer's own process (reports/worker.py): same PDF, same errors, never left behind."""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from reports import DisciplinaryReport, ReportError, render_disciplinary
from reports.fonts import ENVIRONMENT
from reports.worker import RenderWorker, WrittenPdf
from tests.reports.conftest import ReadBack
from tests.reports.samples import FONT_FOLDER, disciplinary


def _gone(pid: int, within: float = 0.0) -> bool:
    """Whether process ``pid`` has ended and been reaped (no zombie left either), at once or
    within ``within`` seconds: once it has answered, a worker exits by itself and is
    reaped on a thread, and nothing waits for it."""
    deadline = time.monotonic() + within
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.005)


def _no_address(text: str) -> str:
    return re.sub(r" at 0x[0-9a-f]+", "", text)


def _environ_of(pid: int) -> list[bytes]:
    """The environment of process ``pid``, once it has started its program."""
    for _ in range(200):  # right after the fork the kernel shows an empty one
        environ = Path(f"/proc/{pid}/environ").read_bytes()
        if environ:
            return environ.split(b"\0")
        time.sleep(0.01)
    raise AssertionError(f"process {pid} shows no environment")


def _started(cache: Path | None = None) -> RenderWorker:
    worker = RenderWorker.start(FONT_FOLDER, cache)
    assert worker is not None
    return worker


def test_the_worker_renders_what_this_process_renders_and_ends(
    tmp_path: Path, only_the_worker: None
) -> None:
    report = disciplinary(evidence=3)
    worker = _started(tmp_path / "font-cache")
    seen: list[tuple[int, int]] = []
    pdf = worker.render_disciplinary(
        report, progress=lambda done, total: seen.append((done, total))
    )
    here = ReadBack(render_disciplinary(report))
    there = ReadBack(pdf)
    assert there.pages == here.pages
    assert there.images() == here.images()
    assert seen[0] == (0, 4) and seen[-1] == (4, 4)
    assert _gone(worker.pid, within=2.0)
    # The PDF was hashed piece by piece as it came: its digest is the whole one's.
    assert worker.sha256 == hashlib.sha256(pdf).hexdigest()
    # It kept the fonts it parsed for the next process, as the command does itself.
    assert list((tmp_path / "font-cache").iterdir())


def test_an_unreadable_image_is_the_same_report_error_as_in_process(only_the_worker: None) -> None:
    report = disciplinary(evidence=2)
    broken = dataclasses.replace(report.evidence[0], image=b"not a picture at all")
    report = dataclasses.replace(report, evidence=(broken, report.evidence[1]))
    with pytest.raises(ReportError) as here:
        render_disciplinary(report)
    worker = _started()
    with pytest.raises(ReportError) as there:
        worker.render_disciplinary(report)
    # Pillow names the in-memory file it was given, at its address in each process.
    assert _no_address(str(there.value)) == _no_address(str(here.value))
    assert "evidence item E-1 cannot be read" in str(there.value)
    assert _gone(worker.pid, within=2.0)


def test_a_font_the_worker_cannot_use_is_a_report_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, only_the_worker: None
) -> None:
    (tmp_path / "DejaVuSans.ttf").write_bytes(b"not a font")
    monkeypatch.setenv(ENVIRONMENT, str(tmp_path))  # searched before the shipped folder
    worker = _started()
    with pytest.raises(ReportError, match=r"The report font .*DejaVuSans.ttf cannot be used"):
        worker.render_disciplinary(disciplinary(evidence=1))
    assert _gone(worker.pid, within=2.0)


def test_a_worker_that_died_leaves_the_render_to_this_process() -> None:
    report = disciplinary(evidence=1)
    worker = _started()
    os.kill(worker.pid, signal.SIGKILL)
    pdf = worker.render_disciplinary(report)
    assert ReadBack(pdf).pages == ReadBack(render_disciplinary(report)).pages
    assert _gone(worker.pid)
    assert worker.sha256 is None  # rendered here: no digest came with it


def test_the_worker_is_given_no_setting_of_the_command_but_the_font_folders(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reports.worker import FONTS_VARIABLE

    assert FONTS_VARIABLE == ENVIRONMENT
    monkeypatch.setenv("CASEDESK_PASSWORD", "a password the renderer never needs")
    monkeypatch.setenv("PGPASSWORD", "the database server's password")
    monkeypatch.setenv("SOME_TOKEN", "anything else the command was started with")
    monkeypatch.setenv(ENVIRONMENT, str(FONT_FOLDER))
    worker = _started()
    try:
        environ = _environ_of(worker.pid)
    finally:
        worker.close()
    for name in (b"CASEDESK_PASSWORD=", b"PGPASSWORD=", b"SOME_TOKEN="):
        assert not any(v.startswith(name) for v in environ), name
    assert f"{ENVIRONMENT}={FONT_FOLDER}".encode() in environ
    assert _gone(worker.pid)


def test_a_reports_folder_where_the_command_runs_is_not_the_renderer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, only_the_worker: None
) -> None:
    planted = tmp_path / "reports"
    planted.mkdir()
    (planted / "__init__.py").write_text("")
    (planted / "worker.py").write_text(
        "from pathlib import Path\nPath(__file__).with_name('ran').write_text('yes')\n"
    )
    monkeypatch.chdir(tmp_path)
    report = disciplinary(evidence=1)
    worker = _started()
    pdf = worker.render_disciplinary(report)
    assert not (planted / "ran").exists()
    assert ReadBack(pdf).pages == ReadBack(render_disciplinary(report)).pages


def test_closing_a_worker_that_was_given_nothing_ends_it() -> None:
    worker = _started()
    worker.close()
    assert _gone(worker.pid)
    worker.close()  # twice is harmless


def _without_images(report: DisciplinaryReport) -> DisciplinaryReport:
    """The report as handed over first: no image bytes, no audit checkpoint yet."""
    return dataclasses.replace(
        report,
        evidence=tuple(dataclasses.replace(item, image=b"") for item in report.evidence),
        audit_checkpoint="",
    )


def _checkpointed(report: DisciplinaryReport) -> DisciplinaryReport:
    return dataclasses.replace(report, audit_checkpoint="#41 5f1c… signed by key 9a2e")


class _Given:
    """Arrivals given in this process: everything is already there."""

    def __init__(self, report: DisciplinaryReport) -> None:
        self.pending = frozenset(range(len(report.evidence)))
        self._report = report
        self.asked: list[int] = []

    def image(self, index: int) -> bytes:
        self.asked.append(index)
        return self._report.evidence[index].image

    def audit_checkpoint(self) -> str:
        return self._report.audit_checkpoint


def test_a_report_whose_images_and_checkpoint_follow_is_the_report_given_whole() -> None:
    report = _checkpointed(disciplinary(evidence=3))
    given = _Given(report)
    later = ReadBack(render_disciplinary(_without_images(report), arrivals=given))
    whole = ReadBack(render_disciplinary(report))
    assert later.pages == whole.pages
    assert later.images() == whole.images()
    assert "Audit checkpoint: #41" in later.page_text(len(later.pages) - 1)
    assert sorted(given.asked) == [0, 1, 2]


def test_the_worker_fed_in_steps_renders_what_it_renders_given_the_whole_report(
    only_the_worker: None,
) -> None:
    report = _checkpointed(disciplinary(evidence=3))
    worker = _started()
    seen: list[tuple[int, int]] = []
    progress = lambda done, total: seen.append((done, total))  # noqa: E731
    worker.begin(_without_images(report), range(3), progress=progress)
    for index, item in enumerate(report.evidence):
        worker.image(index, item.image)
    pdf = worker.finish(report, progress=progress)
    there = ReadBack(pdf)
    here = ReadBack(render_disciplinary(report))
    assert there.pages == here.pages
    assert there.images() == here.images()
    assert "Audit checkpoint: #41" in there.page_text(len(there.pages) - 1)
    assert seen == [(0, 4), (4, 4)]
    assert _gone(worker.pid, within=2.0)


def test_the_worker_writes_the_pdf_into_the_file_it_is_given(
    tmp_path: Path, only_the_worker: None
) -> None:
    """The PDF goes into the (empty) target file, synced there; what comes back is its
    size and SHA-256, hashed by the worker, and the file's pages are the report's."""
    report = _checkpointed(disciplinary(evidence=3))
    target = tmp_path / "staged.part"
    target.touch(mode=0o600)
    worker = _started()
    seen: list[tuple[int, int]] = []
    worker.begin(_without_images(report), range(3), progress=lambda d, t: seen.append((d, t)))
    for index, item in enumerate(report.evidence):
        worker.image(index, item.image)
    written = worker.finish_into(report, target, progress=lambda d, t: seen.append((d, t)))
    assert isinstance(written, WrittenPdf)
    data = target.read_bytes()
    assert (written.path, written.size) == (target, len(data))
    assert written.sha256 == worker.sha256 == hashlib.sha256(data).hexdigest()
    there, here = ReadBack(data), ReadBack(render_disciplinary(report))
    assert there.pages == here.pages and there.images() == here.images()
    assert seen == [(0, 4), (4, 4)]
    assert _gone(worker.pid, within=2.0)


@pytest.mark.parametrize("kind", ["missing", "link", "folder"])
def test_a_target_the_worker_may_not_write_leaves_the_render_to_this_process(
    tmp_path: Path, fallbacks: list[object], kind: str
) -> None:
    """The worker never creates the file, follows a link or writes anything else: it
    answers that it could not, and the PDF is rendered here and returned as bytes."""
    report = disciplinary(evidence=1)
    other = tmp_path / "other.pdf"
    other.write_bytes(b"someone else's file")
    target = tmp_path / "staged.part"
    if kind == "link":
        target.symlink_to(other)
    elif kind == "folder":
        target.mkdir()
    worker = _started()
    worker.begin(report)
    pdf = worker.finish_into(report, target)
    assert isinstance(pdf, bytes)
    assert ReadBack(pdf).pages == ReadBack(render_disciplinary(report)).pages
    assert len(fallbacks) == 1 and worker.sha256 is None
    assert other.read_bytes() == b"someone else's file"
    assert target.exists() == (kind != "missing")
    assert _gone(worker.pid, within=2.0)


def test_a_worker_that_dies_halfway_leaves_the_render_to_this_process() -> None:
    report = _checkpointed(disciplinary(evidence=3))
    worker = _started()
    worker.begin(_without_images(report), range(3))
    worker.image(0, report.evidence[0].image)
    os.kill(worker.pid, signal.SIGKILL)
    for index in (1, 2):
        worker.image(index, report.evidence[index].image)  # to a worker that has gone
    pdf = worker.finish(report)
    assert ReadBack(pdf).pages == ReadBack(render_disciplinary(report)).pages
    assert _gone(worker.pid)


def test_a_worker_given_only_part_of_the_job_ends_when_closed(only_the_worker: None) -> None:
    report = disciplinary(evidence=2)
    worker = _started()
    worker.begin(_without_images(report), range(2))
    worker.image(0, report.evidence[0].image)  # the second item failed its check
    worker.close()
    assert _gone(worker.pid)


def test_an_unreadable_image_that_follows_is_the_same_report_error(only_the_worker: None) -> None:
    report = disciplinary(evidence=2)
    broken = dataclasses.replace(report.evidence[1], image=b"not a picture at all")
    report = dataclasses.replace(report, evidence=(report.evidence[0], broken))
    with pytest.raises(ReportError) as here:
        render_disciplinary(report)
    worker = _started()
    worker.begin(_without_images(report), range(2))
    for index, item in enumerate(report.evidence):
        worker.image(index, item.image)
    with pytest.raises(ReportError) as there:
        worker.finish(report)
    assert _no_address(str(there.value)) == _no_address(str(here.value))
    assert "evidence item E-2 cannot be read" in str(there.value)
    assert _gone(worker.pid, within=2.0)


def _within(seconds: float, step: Callable[[], bytes]) -> bytes:
    """``step()``'s result, failing the test (rather than hanging it) if it takes longer."""
    result: list[bytes] = []
    thread = threading.Thread(target=lambda: result.append(step()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still waiting after {seconds} s"
    return result[0]


@pytest.mark.parametrize("stopped", ["before the job", "before the answer"])
def test_a_stopped_worker_is_killed_and_the_report_rendered_here(
    stopped: str, fallbacks: list[object]
) -> None:
    report = _checkpointed(disciplinary(evidence=2))
    worker = RenderWorker.start(FONT_FOLDER, stall=0.3)
    assert worker is not None
    try:
        if stopped == "before the job":
            os.kill(worker.pid, signal.SIGSTOP)

        def job() -> bytes:
            worker.begin(_without_images(report), range(2))
            if stopped == "before the answer":
                os.kill(worker.pid, signal.SIGSTOP)
            # More than the pipe holds: a write the stopped worker never takes.
            worker.image(0, b"\0" * (3 << 20))
            worker.image(1, report.evidence[1].image)
            return worker.finish(report)

        pdf = _within(60, job)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(worker.pid, signal.SIGCONT)
        worker.close()
    assert fallbacks == [report]
    there, here = ReadBack(pdf), ReadBack(render_disciplinary(report))
    assert there.pages == here.pages and there.images() == here.images()
    assert _gone(worker.pid)


def test_a_worker_whose_job_ends_halfway_ends_without_answering() -> None:
    report = disciplinary(evidence=2)
    worker = _started()
    worker.begin(_without_images(report), range(2))
    worker.image(0, report.evidence[0].image)
    process = worker._process
    assert process.stdin is not None and process.stdout is not None
    process.stdin.close()  # the command gave up without killing it
    assert process.wait(timeout=60) == 0  # it ended by itself
    # Nothing but the blank lines that say it was at work: no answer.
    assert process.stdout.read().strip(b"\n") == b""
    worker.close()
    assert _gone(worker.pid)


#: A worker that reads its job, answers with a PDF's header and the first bytes of
#: it, and dies in the middle.
_DIES_ANSWERING = """
import json, os, sys
sys.stdin.buffer.read()
out = sys.stdout.buffer
out.write(json.dumps({"status": "ok", "size": 100000, "message": ""}).encode() + b"\\n")
out.write(b"%PDF-1.4 cut short")
out.flush()
os._exit(9)
"""


def test_a_worker_that_dies_in_the_middle_of_its_answer_leaves_the_render_here(
    fallbacks: list[object],
) -> None:
    report = _checkpointed(disciplinary(evidence=2))
    process = subprocess.Popen(
        [sys.executable, "-c", _DIES_ANSWERING], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    worker = RenderWorker(process, FONT_FOLDER, None)
    worker.begin(_without_images(report), range(2))
    for index, item in enumerate(report.evidence):
        worker.image(index, item.image)
    pdf = worker.finish(report)
    assert fallbacks == [report]
    assert ReadBack(pdf).pages == ReadBack(render_disciplinary(report)).pages
    assert process.returncode == 9 and _gone(worker.pid)


class _Planted(str):
    """A name that, unpickled, runs a command: what the worker must refuse to unpickle."""

    marker = ""

    def __reduce__(self) -> tuple[object, ...]:
        return os.system, (f"touch {self.marker}",)


class _PlantedBytes(bytes):
    marker = ""

    def __reduce__(self) -> tuple[object, ...]:
        return os.system, (f"touch {self.marker}",)


@pytest.mark.parametrize("where", ["job", "image"])
def test_the_worker_unpickles_nothing_but_the_report_models(
    where: str, tmp_path: Path, fallbacks: list[object]
) -> None:
    marker = tmp_path / "ran"
    report = _checkpointed(disciplinary(evidence=2))
    worker = _started()
    if where == "job":
        planted = _Planted(report.employee.name)
        planted.marker = str(marker)
        given = dataclasses.replace(
            report, employee=dataclasses.replace(report.employee, name=planted)
        )
        worker.begin(_without_images(given), range(2))
        images = [item.image for item in report.evidence]
    else:
        worker.begin(_without_images(report), range(2))
        first = _PlantedBytes(report.evidence[0].image)
        first.marker = str(marker)
        images = [first, report.evidence[1].image]
    for index, image in enumerate(images):
        worker.image(index, image)
    pdf = worker.finish(report)
    assert not marker.exists()  # nothing of the planted call ran
    assert fallbacks == [report]  # the worker answered failed: rendered here
    assert ReadBack(pdf).pages == ReadBack(render_disciplinary(report)).pages
    assert _gone(worker.pid, within=2.0)


def test_an_interrupt_while_the_answer_is_awaited_kills_the_worker_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Only a worker that has answered is given time to exit by itself."""
    import reports.worker

    report = _checkpointed(disciplinary(evidence=1))
    worker = _started()
    process = worker._process
    waits: list[float | None] = []
    waiting = process.wait

    def noted(timeout: float | None = None) -> int:
        waits.append(timeout)
        return waiting(timeout)

    def interrupted(*_args: object) -> tuple[str, bytes]:
        raise KeyboardInterrupt  # Ctrl-C while the command waits for the answer

    monkeypatch.setattr(process, "wait", noted)
    monkeypatch.setattr(reports.worker, "_read_answer", interrupted)
    worker.begin(_without_images(report), range(1))
    worker.image(0, report.evidence[0].image)
    with pytest.raises(KeyboardInterrupt):
        worker.finish(report)
    assert waits and all(not timeout for timeout in waits), waits  # killed, not waited for
    assert _gone(worker.pid)
