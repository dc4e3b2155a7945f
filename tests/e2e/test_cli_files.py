"""The files Casedesk reads and writes, against a hostile local user and bad input.

Most commands run in-process through the CLI's entry function (``app.cli.run``);
the few that could hang (a FIFO) or whose memory use is the point run as real
subprocesses.
"""

from __future__ import annotations

import io
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app import cli as casedesk_cli
from app.config import cache_dir, data_dir, log_dir
from app.privatefiles import Delivery
from app.services import accounts, cases, evidence
from app.services.cases import CaseFields
from app.services.database import Database
from tests import children
from tests.e2e.conftest import ADMIN_PASSWORD, HR_PASSWORD, INVESTIGATOR_PASSWORD, Casedesk

DATA = Path(__file__).parent.parent / "data"
IVY = {"user": "ivy", "password": INVESTIGATOR_PASSWORD}
HANA = {"user": "hana", "password": HR_PASSWORD}


@dataclass
class Ran:
    code: int
    out: str
    err: str


class InProcess:
    """``casedesk ARGS`` through :func:`app.cli.run` in this process."""

    def __init__(
        self, url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ):
        self.url = url
        self.monkeypatch = monkeypatch
        self.capsys = capsys

    def __call__(
        self, *args: str, user: str | None = None, password: str | None = None,
        stdin: bytes = b"",
    ) -> Ran:  # fmt: skip
        env = self.monkeypatch
        env.setenv("CASEDESK_DATABASE_URL", self.url)
        for name, value in (("CASEDESK_USER", user), ("CASEDESK_PASSWORD", password)):
            if value is None:
                env.delenv(name, raising=False)
            else:
                env.setenv(name, value)
        env.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        self.capsys.readouterr()
        code = casedesk_cli.run(list(args))
        captured = self.capsys.readouterr()
        assert "Traceback" not in captured.err
        return Ran(code, captured.out, captured.err)


@pytest.fixture
def umask_022() -> Iterator[None]:
    """The usual umask, under which new files are readable by everyone."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.fixture
def run(
    cli: Casedesk, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    umask_022: None,
) -> InProcess:  # fmt: skip
    return InProcess(cli.url, monkeypatch, capsys)


@pytest.fixture
def sqlite_run(
    sqlite_cli: Casedesk, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    umask_022: None,
) -> InProcess:  # fmt: skip
    return InProcess(sqlite_cli.url, monkeypatch, capsys)


@dataclass
class CaseWithEvidence:
    number: str
    item_id: int


def _case_with_evidence(url: str) -> CaseWithEvidence:
    database = Database.open(url)
    try:
        ivy = accounts.authenticate(database, "ivy", INVESTIGATOR_PASSWORD)
        fields = CaseFields(agency_code="MODNR", title="Posted on duty",
                            reported_on=__import__("datetime").date.today())  # fmt: skip
        case = cases.create_case(database, ivy, fields)
        item = evidence.add_evidence(
            database, ivy, case.id, (DATA / "good.png").read_bytes(), original_filename="a.png"
        )
        return CaseWithEvidence(case.number, item.id)
    finally:
        database.close()


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


# -- finding 3: the database, the log, reports and bundles are the user's only ------------


def test_init_makes_the_data_folder_and_the_database_with_wal_and_shm_private(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], umask_022: None
) -> None:
    monkeypatch.delenv("CASEDESK_DATABASE_URL")  # the default file in the data folder
    monkeypatch.setenv("CASEDESK_PASSWORD", ADMIN_PASSWORD)
    assert casedesk_cli.run(["init"]) == 0
    database_file = data_dir() / "casedesk.sqlite3"
    assert _mode(data_dir()) == 0o700
    assert _mode(database_file) == 0o600
    # While a connection is open SQLite keeps its WAL and SHM files beside it.
    database = Database.open(f"sqlite:///{database_file}")
    try:
        with database.engine.connect() as connection:
            connection.execute(text("SELECT count(*) FROM cases"))
            for suffix in ("-wal", "-shm"):
                companion = Path(f"{database_file}{suffix}")
                assert companion.exists() and _mode(companion) == 0o600, suffix
    finally:
        database.close()
    # Nothing was made loose and then tightened (the signing key's own notice may show).
    assert "could be read by other users" not in capsys.readouterr().err
    assert _mode(database_file.with_name("casedesk.sqlite3.checkpoints")) == 0o600


def test_a_migration_of_a_new_file_and_the_log_are_private(tmp_path: Path, umask_022: None) -> None:
    from app.errorlog import log_unexpected, setup_logging

    path = tmp_path / "new-folder" / "agency.sqlite3"
    Database.open(f"sqlite:///{path}").close()  # created and migrated at open
    assert _mode(path) == 0o600 and _mode(path.parent) == 0o700
    log = log_unexpected(RuntimeError("for the log"))
    assert _mode(log) == 0o600 and _mode(log.parent) == 0o700
    assert _mode(log.parent.parent) == 0o700  # ~/.local/state/casedesk
    handler = setup_logging().handlers[0]
    handler.doRollover()  # type: ignore[attr-defined]
    assert _mode(log) == 0o600 and _mode(Path(f"{log}.1")) == 0o600


def test_looser_folders_and_files_are_tightened_at_start_with_one_warning(
    sqlite_run: InProcess, sqlite_cli: Casedesk
) -> None:
    database_file = Path(sqlite_cli.url.removeprefix("sqlite:///"))
    data_dir().mkdir(parents=True)
    loose_in_data = data_dir() / "casedesk.sqlite3"
    loose_in_data.write_bytes(b"")
    os.chmod(data_dir(), 0o755)
    os.chmod(loose_in_data, 0o644)
    os.chmod(database_file, 0o644)
    wal = Path(f"{database_file}-wal")
    wal.write_bytes(b"")
    os.chmod(wal, 0o644)

    first = sqlite_run("case", "list", **IVY)
    assert first.code == 0, first.err
    for path in (data_dir(), loose_in_data, database_file):
        assert str(path) in first.err
    assert first.err.count("casedesk: warning:") == 4  # folder, two databases, the WAL
    assert _mode(data_dir()) == 0o700
    assert _mode(loose_in_data) == _mode(database_file) == 0o600
    assert str(wal) in first.err
    logged = (log_dir() / "casedesk.log").read_text()
    assert f"The folder {data_dir()} could be read by other users" in logged

    again = sqlite_run("case", "list", **IVY)
    assert again.code == 0 and "warning" not in again.err  # said once


def test_reports_and_bundles_are_written_private(
    run: InProcess, cli: Casedesk, tmp_path: Path
) -> None:
    world = _case_with_evidence(cli.url)
    report = tmp_path / "summary.pdf"
    made = run("report", world.number, "--kind", "summary", "--out", str(report), **HANA)
    assert made.code == 0, made.err
    bundle = tmp_path / "bundle.zip"
    exported = run("export", world.number, "--out", str(bundle), **IVY)
    assert exported.code == 0, exported.err
    assert _mode(report) == 0o600 and _mode(bundle) == 0o600
    assert _mode(cache_dir() / "partial") == 0o700
    assert list((cache_dir() / "partial").iterdir()) == []


def test_the_gui_saves_and_opens_reports_private(tmp_path: Path, umask_022: None) -> None:
    from app.ui.report_dialog import write_pdf

    folder = tmp_path / "reports"
    folder.mkdir()
    saved = write_pdf(folder / "saved.pdf", b"%PDF-1.7 test")
    assert _mode(saved) == 0o600 and saved.read_bytes() == b"%PDF-1.7 test"
    assert [p.name for p in folder.iterdir()] == ["saved.pdf"]  # nothing beside it


# -- finding 5: every file is read with a bound, regular files only ----------------------


def _fifo(tmp_path: Path) -> Path:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    return fifo


@pytest.mark.parametrize(
    "command",
    [
        ("evidence", "attach-source", "{item}", "/dev/zero"),
        ("case", "note", "{case}", "--file", "/dev/zero"),
        ("case", "new", "--agency", "MODNR", "--title", "T", "--reported", "2026-03-02",
         "--narrative-file", "/dev/zero"),
    ],
    ids=["attach-source", "note", "narrative"],
)  # fmt: skip
def test_a_device_is_refused_unread(
    sqlite_run: InProcess, sqlite_cli: Casedesk, command: tuple[str, ...]
) -> None:
    world = _case_with_evidence(sqlite_cli.url)
    args = [a.format(item=world.item_id, case=world.number) for a in command]
    result = sqlite_run(*args, **IVY)
    assert result.code == 2, result.err
    assert "/dev/zero is not a regular file (it is a device)" in result.err


def test_appeal_text_from_a_device_is_refused(sqlite_run: InProcess) -> None:
    result = sqlite_run(
        "discipline", "settings", "MODNR", "--appeal-file", "/dev/zero",
        user="admin", password=ADMIN_PASSWORD,
    )  # fmt: skip
    assert result.code == 2 and "is not a regular file" in result.err


def test_an_oversized_note_from_standard_input_is_refused(
    sqlite_run: InProcess, sqlite_cli: Casedesk
) -> None:
    world = _case_with_evidence(sqlite_cli.url)
    result = sqlite_run("case", "note", world.number, "--file", "-", stdin=b"x" * 200_000, **IVY)
    assert result.code == 2
    assert "the limit for a note is 78 KB (20,000 characters)" in result.err


_MEASURED = """
import atexit, resource, runpy, sys
sys.argv = ["casedesk", *sys.argv[1:]]
# At exit, which casedesk ends with os._exit after its exit functions (app.__main__.end).
atexit.register(lambda: sys.stderr.write(
    "\\npeak-kb %d\\n" % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
runpy.run_module("app", run_name="__main__")
"""


def _subprocess(cli: Casedesk, *args: str, user: dict[str, str]) -> tuple[int, str, int]:
    """Run the CLI; its exit status, standard error, and its own peak memory in MB.

    The child reports its own peak (RUSAGE_CHILDREN would be the largest
    child this test process ever waited for, from any earlier test).
    """
    env = dict(cli.env, CASEDESK_USER=user["user"], CASEDESK_PASSWORD=user["password"])
    completed = children.run([sys.executable, "-c", _MEASURED, *args], env=env, timeout=90)
    err = completed.stderr.decode()
    err, _, peak = err.rpartition("\npeak-kb ")
    return completed.returncode, err, int(peak) // 1024


@pytest.mark.parametrize("command", ["attach-source", "note"])
@pytest.mark.subprocess
def test_a_fifo_is_refused_without_waiting_for_a_writer(
    sqlite_cli: Casedesk, tmp_path: Path, command: str
) -> None:
    world = _case_with_evidence(sqlite_cli.url)
    fifo = _fifo(tmp_path)
    args = (
        ("evidence", "attach-source", str(world.item_id), str(fifo))
        if command == "attach-source"
        else ("case", "note", world.number, "--file", str(fifo))
    )
    code, err, _peak = _subprocess(sqlite_cli, *args, user=IVY)  # a hang times out
    assert code == 2 and f"{fifo} is not a regular file (it is a FIFO (named pipe))" in err


@pytest.mark.subprocess
def test_a_huge_page_source_and_note_are_refused_before_they_are_read(
    sqlite_cli: Casedesk, tmp_path: Path
) -> None:
    world = _case_with_evidence(sqlite_cli.url)
    page, note = tmp_path / "page.html", tmp_path / "note.txt"
    with page.open("wb") as handle:  # sparse: no disk used
        handle.truncate(286 * 1024 * 1024)
    with note.open("wb") as handle:
        handle.truncate(128 * 1024 * 1024)
    code, err, peak = _subprocess(
        sqlite_cli, "evidence", "attach-source", str(world.item_id), str(page), user=IVY
    )
    assert code == 2
    assert f"{page} is 286.0 MB; the limit for a page source is 50.0 MB" in err
    code, err, peak_note = _subprocess(
        sqlite_cli, "case", "note", world.number, "--file", str(note), user=IVY
    )
    assert code == 2 and f"{note} is 128.0 MB; the limit for a note is 78 KB" in err
    # The same command refusing a small file sets the baseline: reading either
    # file whole would add at least its size (286 MB, 128 MB) to it.
    small = tmp_path / "small.txt"
    small.write_bytes(b"\x00" * (100 * 1024))
    _code, _err, baseline = _subprocess(
        sqlite_cli, "case", "note", world.number, "--file", str(small), user=IVY
    )
    assert max(peak, peak_note) < baseline + 100, "the file was read into memory"


# -- finding 6: a long file name is invalid input, not exit 3 ----------------------------


def test_a_file_name_too_long_is_exit_2(
    sqlite_run: InProcess, sqlite_cli: Casedesk, tmp_path: Path
) -> None:
    world = _case_with_evidence(sqlite_cli.url)
    long_name = tmp_path / ("r" * 296 + ".pdf")
    report = sqlite_run(
        "report", world.number, "--kind", "summary", "--out", str(long_name), **HANA
    )
    assert report.code == 2 and "is 300 bytes long; the limit" in report.err
    bundle = sqlite_run("export", world.number, "--out", str(long_name.with_suffix(".zip")), **IVY)
    assert bundle.code == 2 and "is 300 bytes long; the limit" in bundle.err


# -- finding 7: --force replaces a regular file only ------------------------------------


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_force_never_replaces_a_fifo_or_a_device(
    sqlite_run: InProcess, sqlite_cli: Casedesk, tmp_path: Path, kind: str
) -> None:
    world = _case_with_evidence(sqlite_cli.url)
    target = tmp_path / "target"
    if kind == "fifo":
        os.mkfifo(target)
    else:
        if os.geteuid() != 0:
            pytest.skip("only root may make a device node")
        os.mknod(target, 0o600 | stat.S_IFCHR, os.makedev(1, 3))  # like /dev/null
    check = stat.S_ISFIFO if kind == "fifo" else stat.S_ISCHR
    for args, who in (
        (("report", world.number, "--kind", "summary"), HANA),
        (("export", world.number), IVY),
    ):
        result = sqlite_run(*args, "--out", str(target), "--force", **who)
        assert result.code == 2, result.err
        assert f"{target} exists and is not a regular file" in result.err
        assert check(os.lstat(target).st_mode)


# -- finding 8: no partial file survives a kill; no file without its record -------------


def _big_png(path: Path, side: int) -> None:
    from PIL import Image

    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(path, compress_level=0)


@pytest.mark.subprocess
def test_a_kill_during_export_leaves_nothing_once_casedesk_starts_again(
    sqlite_cli: Casedesk, tmp_path: Path
) -> None:
    world = _case_with_evidence(sqlite_cli.url)
    database = Database.open(sqlite_cli.url)
    try:
        ivy = accounts.authenticate(database, "ivy", INVESTIGATOR_PASSWORD)
        case_id = cases.case_id_of(database, ivy, world.number)
        for index in range(4):
            picture = tmp_path / f"big{index}.png"
            _big_png(picture, 2500)
            evidence.add_evidence(
                database, ivy, case_id, picture.read_bytes(), original_filename=picture.name
            )
            picture.unlink()
    finally:
        database.close()
    out = tmp_path / "out"
    out.mkdir()
    staging = Path(sqlite_cli.env["XDG_CACHE_HOME"]) / "casedesk" / "partial"
    env = dict(sqlite_cli.env, CASEDESK_USER="ivy", CASEDESK_PASSWORD=INVESTIGATOR_PASSWORD)
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "export", world.number, "--out", str(out / "b.zip")],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            parts = list(staging.glob("*.part")) if staging.is_dir() else []
            if parts and parts[0].stat().st_size > 1024 * 1024:
                break
            time.sleep(0.005)
        assert process.poll() is None, "the export ended before it could be killed"
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert list(out.iterdir()) == []  # nothing beside the target, hidden or not
    assert list(staging.glob("*.part")), "the partial file is in the staging folder"
    listed = sqlite_cli("case", "list", **IVY)
    assert listed.code == 0, listed.err
    assert list(staging.iterdir()) == []


def test_a_report_file_whose_record_never_committed_is_removed_at_the_next_start(
    sqlite_run: InProcess, sqlite_cli: Casedesk, tmp_path: Path
) -> None:
    world = _case_with_evidence(sqlite_cli.url)
    kept = tmp_path / "kept.pdf"
    made = sqlite_run("report", world.number, "--kind", "summary", "--out", str(kept), **HANA)
    assert made.code == 0
    # As a kill between the move and the commit leaves it: the file in place, the
    # journal unlocked, no record.
    orphan = tmp_path / "orphan.pdf"
    orphan.write_bytes(b"%PDF-1.7 never recorded")
    name = Database.open(sqlite_cli.url)
    try:
        display = name.display_name
    finally:
        name.close()
    import hashlib

    for target, data in ((orphan, orphan.read_bytes()), (kept, kept.read_bytes())):
        journal = Delivery(
            target, database=display, kind="report", sha256=hashlib.sha256(data).hexdigest()
        )
        os.close(journal._descriptor)  # the process died: its lock went with it

    listed = sqlite_run("case", "list", **IVY)
    assert listed.code == 0
    assert not orphan.exists()
    assert f"Removed {orphan}" in listed.err and "it had no record" in listed.err
    assert kept.exists()  # recorded: kept
    assert list((cache_dir() / "partial").glob("*.delivery")) == []


# -- finding 9: the case summary re-hashes the evidence it counts ------------------------


def test_the_case_summary_refuses_a_corrupted_blob_naming_the_item(
    run: InProcess, cli: Casedesk, tmp_path: Path
) -> None:
    world = _case_with_evidence(cli.url)
    out = tmp_path / "summary.pdf"
    good = run("report", world.number, "--kind", "summary", "--out", str(out), **HANA)
    assert good.code == 0
    engine = create_engine(cli.url)
    try:
        with engine.begin() as connection:
            events = connection.execute(
                text("SELECT count(*) FROM audit_events WHERE action = 'evidence.report'")
            ).scalar_one()
            assert events == 1  # the summary's custody event for the item
            connection.execute(
                text("UPDATE evidence_blobs SET data = :d"), {"d": b"not the screenshot"}
            )
    finally:
        engine.dispose()
    again = run("report", world.number, "--kind", "summary", "--out", str(out), "--force", **HANA)
    assert again.code == 1
    assert f"Evidence item {world.item_id} (a.png" in again.err
    assert "integrity check" in again.err
