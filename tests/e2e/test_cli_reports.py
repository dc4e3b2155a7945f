"""``casedesk discipline`` and ``casedesk report`` in a subprocess, on both backends."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import os
import re
import resource
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from pypdf import PdfReader
from sqlalchemy import create_engine, text

from app.domain.cases import CaseStatus, Finding
from app.domain.discipline import Regime, calendar_for
from app.services import accounts, cases, employees, evidence
from app.services.cases import CaseFields
from app.services.database import Database
from tests.e2e.conftest import (
    ADMIN_PASSWORD,
    HR_PASSWORD,
    INVESTIGATOR_PASSWORD,
    SUPERVISOR_PASSWORD,
    Casedesk,
)
from tests.reports.conftest import embedded_fonts

HANA = {"user": "hana", "password": HR_PASSWORD}
ADMIN = {"user": "admin", "password": ADMIN_PASSWORD}
IVY = {"user": "ivy", "password": INVESTIGATOR_PASSWORD}
DATA = Path(__file__).parent.parent / "data"


def _today() -> dt.date:
    """Today, read when a test runs: a run may cross midnight."""
    return dt.date.today()


def _next_workday() -> dt.date:
    """The first working day from today on."""
    return calendar_for("MO").next_working_day(_today()).day


#: A suspension starts on a working day.


def _case_in_review(cli: Casedesk, *, second_subject: bool = False) -> str:
    """A Missouri case with a substantiated allegation and two screenshots, sent to HR."""
    database = Database.open(cli.url)
    try:
        admin = accounts.authenticate(database, "admin", ADMIN_PASSWORD)
        ivy = accounts.authenticate(database, "ivy", INVESTIGATOR_PASSWORD)
        sam = accounts.authenticate(database, "sam", SUPERVISOR_PASSWORD)
        employee = employees.add_employee(
            database, admin, agency_code="MODNR", full_name="Σοφία Αντωνίου",
            position="Park Ranger", division="State Parks",
        )  # fmt: skip
        # Owed no pre-action notice: these tests are about the cap, withdrawal and reports.
        employees.set_regime(database, admin, employee.id, Regime.AT_WILL)
        subject_ids = (employee.id,)
        if second_subject:
            other = employees.add_employee(database, admin, agency_code="MODNR",
                                           full_name="Lee Second")  # fmt: skip
            subject_ids = (employee.id, other.id)
        fields = CaseFields(
            agency_code="MODNR", title="Posted on duty", reported_on=_today(),
            narrative="Posts during shifts.", subject_ids=subject_ids, investigator="ivy",
        )  # fmt: skip
        case = cases.create_case(database, ivy, fields)
        allegation = cases.add_allegation(database, ivy, case.id, "MO-DNR-SN Policy.1")
        cases.transition_case(database, ivy, case.id, CaseStatus.INVESTIGATING)
        for name in ("good.png", "good.jpg"):
            evidence.add_evidence(
                database, ivy, case.id, (DATA / name).read_bytes(), original_filename=name
            )
        cases.record_finding(
            database, ivy, allegation.id, Finding.SUBSTANTIATED, "The posts match the rota."
        )
        cases.transition_case(database, ivy, case.id, CaseStatus.FINDINGS)
        cases.transition_case(database, sam, case.id, CaseStatus.DISCIPLINE_REVIEW)
        return case.number
    finally:
        database.close()


def _one_line(err: str) -> str:
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    return lines[0]


def _decide(cli: Casedesk, number: str, *extra: str) -> tuple[int, str, str]:
    result = cli(
        "discipline", "set", number, "--action", "suspension", "--effective",
        _next_workday().isoformat(), "--steps",
        "Post only on breaks.", "--consequence",
        "Dismissal.", *extra, **HANA,
    )  # fmt: skip
    return result.code, result.out, result.err


def test_discipline_then_the_disciplinary_report(cli: Casedesk, tmp_path: Path) -> None:
    number = _case_in_review(cli)
    # Over Missouri's cap: refused with the statute, then recorded with an override.
    code, _, err = _decide(cli, number, "--days", "21")
    assert code == 1
    assert "RSMo 36.370" in _one_line(err)
    code, out, err = _decide(cli, number, "--days", "21", "--override-cap", "Settlement terms.")
    assert code == 0, err
    assert "Suspension without pay (21 working days)" in out
    assert "cap was overridden" in out
    shown = cli("discipline", "show", number, "--json", **HANA)
    assert shown.code == 0, shown.err
    decision = json.loads(shown.out)["employees"][0]["decision"]
    assert decision["cap_override_reason"] == "Settlement terms."

    out_file = tmp_path / "report.pdf"
    made = cli("report", number, "--kind", "disciplinary", "--out", str(out_file), **HANA)
    assert made.code == 0, made.err
    pdf = out_file.read_bytes()
    digest = hashlib.sha256(pdf).hexdigest()
    assert digest in made.out
    page_text = "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)
    assert number in page_text and "Σοφία Αντωνίου" in page_text
    # A process without CASEDESK_REPORT_FONTS: the fonts shipped in resources/fonts.
    assert "CASEDESK_REPORT_FONTS" not in cli.env
    assert {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSansMono"} <= embedded_fonts(pdf)
    engine = create_engine(cli.url)
    try:
        with engine.connect() as connection:
            stored = connection.execute(text("SELECT sha256, kind FROM generated_reports")).all()
    finally:
        engine.dispose()
    assert [tuple(r) for r in stored] == [(digest, "disciplinary")]
    # Each screenshot's custody names the report it went into.
    recorded = re.search(r"recorded as report (\d+)\.", made.out)
    assert recorded is not None and "Audit checkpoint: " in made.out
    report_id = int(recorded.group(1))
    included = _events(cli, "evidence.report")
    assert len(included) == 2
    assert {(d["report_id"], d["report_kind"], d["report_sha256"]) for d in included} == {
        (report_id, "disciplinary", digest)
    }

    # No overwrite without --force; with it the file is replaced.
    again = cli("report", number, "--out", str(out_file), **HANA)
    assert again.code == 2 and "already exists" in _one_line(again.err)
    assert out_file.read_bytes() == pdf
    summary = cli("report", number, "--kind", "summary", "--out", str(out_file), "--force",
                  **HANA)  # fmt: skip
    assert summary.code == 0, summary.err
    assert out_file.read_bytes() != pdf
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_hr_withdraws_a_decision_from_the_command_line(cli: Casedesk) -> None:
    number = _case_in_review(cli)
    code, _, err = _decide(cli, number, "--days", "5")
    assert code == 0, err
    blank = cli("discipline", "withdraw", number, "--reason", " ", **HANA)
    assert blank.code == 2 and "Withdrawal reason is required" in _one_line(blank.err)
    by_ivy = cli("discipline", "withdraw", number, "--reason", "Appeal.", **IVY)
    assert by_ivy.code == 1
    done = cli("discipline", "withdraw", number, "--reason", "Findings revised on appeal.",
               **HANA)  # fmt: skip
    assert done.code == 0, done.err
    assert "Withdrawn for Σοφία Αντωνίου" in done.out
    assert "no longer counts as prior discipline" in done.out
    again = cli("discipline", "withdraw", number, "--reason", "Again.", **HANA)
    assert again.code == 1 and "already withdrawn by Hana HR" in _one_line(again.err)
    shown = cli("discipline", "show", number, "--json", **HANA)
    entry = json.loads(shown.out)["employees"][0]
    assert entry["decision"] is None
    assert entry["withdrawn"]["withdrawal_reason"] == "Findings revised on appeal."
    text_view = cli("discipline", "show", number, **HANA)
    assert "was withdrawn" in text_view.out and "Findings revised on appeal." in text_view.out


def _corrupt_blob(cli: Casedesk, file_name: str) -> None:
    """Overwrite the stored bytes of an evidence file, as someone with the database could."""
    engine = create_engine(cli.url)
    try:
        with engine.begin() as connection:
            sha = connection.execute(
                text("SELECT sha256 FROM evidence_items WHERE original_filename = :f"),
                {"f": file_name},
            ).scalar_one()
            connection.execute(
                text("UPDATE evidence_blobs SET data = :d WHERE sha256 = :s"),
                {"d": b"not the screenshot", "s": sha},
            )
    finally:
        engine.dispose()


def test_a_corrupted_blob_refuses_the_report_and_writes_nothing(
    cli: Casedesk, tmp_path: Path
) -> None:
    number = _case_in_review(cli)
    _corrupt_blob(cli, "good.jpg")
    out_file = tmp_path / "report.pdf"
    # No decision yet: a draft, whose evidence is checked all the same.
    result = cli("report", number, "--out", str(out_file), "--draft", **HANA)
    assert result.code == 1
    assert "good.jpg" in _one_line(result.err) and "integrity check" in result.err
    assert list(tmp_path.glob("report.pdf*")) == []
    assert _events(cli, "evidence.report") == []


#: Started in every interpreter whose import path holds its folder (a command and its
#: render worker): writes down the interpreter's arguments, by process id.
_SPY = """
import os, sys
from pathlib import Path
Path(__file__).with_name(f"ran-{os.getpid()}").write_text(" ".join(sys.orig_argv))
"""


def _spy_on_interpreters(cli: Casedesk, folder: Path) -> Path:
    """The commands ``cli`` runs next, and what they start, note what they ran in ``folder``."""
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(_SPY)
    cli.env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(folder), cli.env.get("PYTHONPATH")]))
    return folder


def _interpreters_seen(folder: Path) -> dict[int, str]:
    """The interpreters started since ``folder`` was watched (and cleared): id, arguments."""
    seen = {int(f.name.removeprefix("ran-")): f.read_text() for f in folder.glob("ran-*")}
    for noted in folder.glob("ran-*"):
        noted.unlink()
    return seen


def _workers_of(seen: dict[int, str]) -> list[int]:
    """The ids of the render workers among the interpreters ``seen``."""
    return [pid for pid, argv in seen.items() if "reports.worker" in argv]


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _still_running(seen: dict[int, str]) -> list[str]:
    """Those of the interpreters ``seen`` (a command, its worker) that have not ended."""
    return [argv for pid, argv in seen.items() if _running(pid)]


@pytest.mark.subprocess
def test_the_report_renders_in_a_worker_that_ends_with_the_command(
    cli: Casedesk, tmp_path: Path
) -> None:
    """A ``casedesk`` process renders the disciplinary report in its worker process
    (reports/worker.py): the same contract, and no process left behind, whether the
    report is made or refused there."""
    number = _case_in_review(cli)
    spy = _spy_on_interpreters(cli, tmp_path / "spy")
    out_file = tmp_path / "report.pdf"
    made = cli.subprocess("report", number, "--out", str(out_file), "--draft", **HANA)
    assert made.code == 0, made.err
    seen = _interpreters_seen(spy)
    workers = _workers_of(seen)
    assert len(workers) == 1  # the report was rendered by a worker, which has ended
    assert not _running(workers[0])
    pdf = out_file.read_bytes()
    assert hashlib.sha256(pdf).hexdigest() in made.out
    # The worker wrote it into the file staged for it, which was moved into place.
    staging = Path(cli.env["XDG_CACHE_HOME"]) / "casedesk" / "partial"
    assert staging.is_dir() and list(staging.iterdir()) == []
    page_text = "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)
    assert number in page_text and "Σοφία Αντωνίου" in page_text and "good.jpg" in page_text
    assert _still_running(seen) == []
    assert len(_events(cli, "evidence.report")) == 2

    # A font the renderer cannot use (found before the shipped one): refused, named,
    # nothing written or recorded, nothing left running.
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    (fonts / "DejaVuSans.ttf").write_bytes(b"not a font")
    cli.env["CASEDESK_REPORT_FONTS"] = str(fonts)
    second = tmp_path / "second.pdf"
    refused = cli.subprocess("report", number, "--out", str(second), "--draft", **HANA)
    assert refused.code == 1, refused.err
    seen = _interpreters_seen(spy)
    workers = _workers_of(seen)
    assert len(workers) == 1 and not _running(workers[0])
    line = _one_line(refused.err)
    assert line.startswith("casedesk: The report could not be produced: The report font ")
    assert "DejaVuSans.ttf cannot be used" in line and "Traceback" not in refused.err
    assert list(tmp_path.glob("second.pdf*")) == []
    assert len(_events(cli, "evidence.report")) == 2
    assert _still_running(seen) == []


def test_the_commands_delivery_hands_the_worker_a_staged_file(tmp_path: Path) -> None:
    """The command's delivery is one the report service gives the worker a file of
    (so the PDF is written there, not sent back): an empty private file in the
    staging folder, removed when the delivery closes without delivering it."""
    from app.cli.reports import _Delivery
    from app.services.reporting.common import TargetDeliver

    ctx = SimpleNamespace(database=SimpleNamespace(display_name="cases.sqlite3"))
    delivery = _Delivery(ctx, tmp_path / "report.pdf")  # type: ignore[arg-type]
    assert isinstance(delivery, TargetDeliver)
    target = delivery.render_target()
    assert target.read_bytes() == b"" and target.stat().st_mode & 0o777 == 0o600
    assert target.parent != tmp_path or target.name.startswith("casedesk-")
    delivery.close(failed=True)
    assert not target.exists() and not (tmp_path / "report.pdf").exists()

    # Written by the worker: synced, then moved into place; a record tried again after
    # the move (its commit lost a lock race) finds it there.
    out = tmp_path / "report.pdf"
    delivery = _Delivery(ctx, out)  # type: ignore[arg-type]
    target = delivery.render_target()
    target.write_bytes(b"%PDF-1.4 the worker's")
    delivery.sync_ahead()
    delivery(b"", "0" * 64)
    delivery(b"", "0" * 64)
    delivery.close(failed=False)
    assert out.read_bytes() == b"%PDF-1.4 the worker's" and not target.exists()

    # The worker could not write it: the bytes rendered here go in, its file goes.
    out.unlink()
    delivery = _Delivery(ctx, out)  # type: ignore[arg-type]
    target = delivery.render_target()
    delivery(b"%PDF-1.4 made here", "0" * 64)
    delivery.close(failed=False)
    assert out.read_bytes() == b"%PDF-1.4 made here" and not target.exists()


@pytest.mark.subprocess
def test_a_blob_failing_its_check_while_the_worker_draws_refuses_and_leaves_nothing(
    cli: Casedesk, tmp_path: Path
) -> None:
    """In a ``casedesk`` process the worker lays the report out while the evidence is
    re-hashed: an item that fails its check still refuses the report (exit 1, named),
    and leaves no file, no report record, no custody event and no process."""
    number = _case_in_review(cli)
    _corrupt_blob(cli, "good.jpg")
    spy = _spy_on_interpreters(cli, tmp_path / "spy")
    out_file = tmp_path / "report.pdf"
    result = cli.subprocess("report", number, "--out", str(out_file), "--draft", **HANA)
    assert result.code == 1, result.err
    assert "good.jpg" in _one_line(result.err) and "integrity check" in result.err
    assert "Traceback" not in result.err
    seen = _interpreters_seen(spy)
    workers = _workers_of(seen)
    assert len(workers) == 1 and not _running(workers[0])
    assert list(tmp_path.glob("report.pdf*")) == []
    assert _events(cli, "evidence.report") == [] and _events(cli, "report.generate") == []
    assert [e["purpose"] for e in _events(cli, "evidence.integrity_failure")] == ["report"]
    assert _still_running(seen) == []


#: In the command (not its worker): Ctrl-C while the report's services are imported,
#: the command's child processes (its worker) written down first.
_INTERRUPT_THE_IMPORT = """
import sys
if "reports.worker" not in " ".join(sys.orig_argv):
    class _Interrupting:
        def find_spec(self, name, path=None, target=None):
            if name == "app.services.reporting.disciplinary":
                children = " ".join(
                    p.read_text() for p in Path("/proc/self/task").glob("*/children")
                )
                Path(__file__).with_name("children").write_text(children)
                raise KeyboardInterrupt
            return None
    sys.meta_path.insert(0, _Interrupting())
"""


@pytest.mark.subprocess
def test_an_interrupt_while_the_services_load_ends_the_worker_too(
    sqlite_cli: Casedesk, tmp_path: Path
) -> None:
    """The worker starts before the report's services are imported: interrupted there,
    the command still ends it before it exits (it would otherwise load on, alone)."""
    spy = _spy_on_interpreters(sqlite_cli, tmp_path / "spy")
    (spy / "sitecustomize.py").write_text(_SPY + _INTERRUPT_THE_IMPORT)
    out_file = tmp_path / "report.pdf"
    result = sqlite_cli.subprocess("report", "MODNR-2026-0001", "--out", str(out_file), **HANA)
    assert result.code == 130, result.err
    assert "interrupted" in _one_line(result.err)
    # Its worker had been started (and was killed before its interpreter went far).
    children = [int(pid) for pid in (spy / "children").read_text().split()]
    assert len(children) == 1
    assert not _running(children[0])
    assert _still_running(_interpreters_seen(spy)) == []
    assert not out_file.exists()


def _events(cli: Casedesk, action: str) -> list[dict[str, object]]:
    """The details of every audit event of one kind, oldest first."""
    engine = create_engine(cli.url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                text("SELECT details FROM audit_events WHERE action = :a ORDER BY seq"),
                {"a": action},
            ).scalars()
            return [d if isinstance(d, dict) else json.loads(d) for d in rows]
    finally:
        engine.dispose()


def test_a_report_without_the_employee_it_is_for_exits_2_and_records_nothing(
    cli: Casedesk, tmp_path: Path
) -> None:
    number = _case_in_review(cli, second_subject=True)
    out_file = tmp_path / "report.pdf"
    result = cli("report", number, "--out", str(out_file), **HANA)
    assert result.code == 2
    assert "say which one" in _one_line(result.err)
    assert not out_file.exists()
    assert _events(cli, "evidence.report") == [] and _events(cli, "report.generate") == []


@contextlib.contextmanager
def _file_size_limit(limit: int) -> Iterator[None]:
    """Commands started meanwhile may not grow a file past ``limit`` bytes: a full disk."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


def test_a_report_the_disk_refuses_exits_2_and_records_nothing(
    pg_cli: Casedesk, tmp_path: Path
) -> None:
    # PostgreSQL only: the limit would also stop the command writing a SQLite file.
    number = _case_in_review(pg_cli)
    out_file = tmp_path / "report.pdf"
    # The renderer's own scratch copies of the screenshots (under 9 kB) fit; the PDF does not.
    with _file_size_limit(20_000):
        result = pg_cli("report", number, "--draft", "--out", str(out_file), **HANA)
    assert result.code == 2, result.err
    line = _one_line(result.err)
    assert f"Cannot write {out_file}: File too large; choose another folder" in line
    assert list(tmp_path.glob("*report.pdf*")) == []
    assert _events(pg_cli, "evidence.report") == [] and _events(pg_cli, "report.generate") == []


@pytest.mark.subprocess
def test_a_report_from_the_worker_the_disk_refuses_exits_2_and_leaves_nothing(
    pg_cli: Casedesk, tmp_path: Path
) -> None:
    """The same in a ``casedesk`` process, whose PDF comes from its render worker and
    is written into the staging folder while the record is made: refused as before,
    nothing staged, written or recorded, no process left."""
    number = _case_in_review(pg_cli)
    spy = _spy_on_interpreters(pg_cli, tmp_path / "spy")
    out_file = tmp_path / "report.pdf"
    with _file_size_limit(20_000):
        result = pg_cli.subprocess("report", number, "--draft", "--out", str(out_file), **HANA)
    assert result.code == 2, result.err
    seen = _interpreters_seen(spy)
    workers = _workers_of(seen)
    assert len(workers) == 1 and not _running(workers[0])
    line = _one_line(result.err)
    assert f"Cannot write {out_file}: File too large; choose another folder" in line
    assert list(tmp_path.glob("*report.pdf*")) == []
    # The staging folder was made for the PDF, and holds nothing of it now.
    staging = Path(pg_cli.env["XDG_CACHE_HOME"]) / "casedesk" / "partial"
    assert staging.is_dir() and list(staging.iterdir()) == []
    assert _events(pg_cli, "evidence.report") == [] and _events(pg_cli, "report.generate") == []
    assert _still_running(seen) == []


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--out", "/nonexistent-folder/x.pdf"), "does not exist"),
        (("--out", "."), "is a folder"),
        # /proc takes no new file, even from root.
        (("--out", "/proc/x.pdf"), "Cannot write /proc/x.pdf"),
    ],
)
def test_bad_output_paths_exit_2(sqlite_cli: Casedesk, args: tuple[str, ...], says: str) -> None:
    result = sqlite_cli("report", "MODNR-2026-0001", *args, **HANA)
    assert result.code == 2
    assert says in _one_line(result.err)


def test_authorization_log_dates_are_checked_and_settings_are_admin_only(
    sqlite_cli: Casedesk, tmp_path: Path
) -> None:
    out = str(tmp_path / "log.pdf")
    bad = sqlite_cli("report", "authorizations", "--agency", "MADYS", "--from", "2026-13-01",
                     "--to", "2026-12-31", "--out", out, **HANA)  # fmt: skip
    assert bad.code == 2 and "not a valid date" in _one_line(bad.err)
    yesterday, tomorrow = _today() - dt.timedelta(days=1), _today() + dt.timedelta(days=1)
    backwards = sqlite_cli("report", "authorizations", "--agency", "MADYS", "--from",
                           _today().isoformat(), "--to", yesterday.isoformat(), "--out", out,
                           **HANA)  # fmt: skip
    assert backwards.code == 2 and "before it starts" in _one_line(backwards.err)
    # A period ending after today is refused in the GUI's words, and nothing is written.
    future = sqlite_cli("report", "authorizations", "--agency", "MADYS", "--from",
                        yesterday.isoformat(), "--to", tomorrow.isoformat(), "--out", out,
                        **HANA)  # fmt: skip
    assert future.code == 2
    assert _one_line(future.err).endswith(
        f"The last day is after today ({_today().isoformat()}); choose today or an earlier day."
    )
    starts_later = sqlite_cli("report", "authorizations", "--agency", "MADYS", "--from",
                              tomorrow.isoformat(), "--to", tomorrow.isoformat(), "--out", out,
                              **HANA)  # fmt: skip
    assert starts_later.code == 2
    assert "The first day is after today" in _one_line(starts_later.err)
    assert not Path(out).exists()
    made = sqlite_cli("report", "authorizations", "--agency", "MADYS", "--from",
                      (_today() - dt.timedelta(days=365)).isoformat(), "--to", _today().isoformat(),
                      "--out", out, **HANA)  # fmt: skip
    assert made.code == 0, made.err
    assert Path(out).read_bytes().startswith(b"%PDF")

    refused = sqlite_cli("discipline", "settings", "MODNR", "--cap-days", "15", **HANA)
    assert refused.code == 1
    changed = sqlite_cli("discipline", "settings", "MODNR", "--cap-days", "15", "--json",
                         **ADMIN)  # fmt: skip
    assert changed.code == 0, changed.err
    assert json.loads(changed.out.split("\n", 1)[1])["suspension_cap_days"] == 15
    wrong = sqlite_cli("discipline", "settings", "MODNR", "--cap-days", "lots", **ADMIN)
    assert wrong.code == 2


def test_a_summary_prints_a_case_named_twice_once_and_refuses_employee(
    sqlite_cli: Casedesk, tmp_path: Path
) -> None:
    number = _case_in_review(sqlite_cli)
    out_file = tmp_path / "summary.pdf"
    with_employee = sqlite_cli("report", number, "--kind", "summary", "--employee", "1",
                               "--out", str(out_file), **HANA)  # fmt: skip
    assert with_employee.code == 2
    assert "--employee" in _one_line(with_employee.err) and "leave --employee out" in (
        with_employee.err
    )
    assert not out_file.exists()
    twice = sqlite_cli("report", number, number.lower(), "--kind", "summary",
                       "--out", str(out_file), **HANA)  # fmt: skip
    assert twice.code == 0, twice.err
    pages = PdfReader(io.BytesIO(out_file.read_bytes())).pages
    assert len(pages) == 1
    assert number in (pages[0].extract_text() or "")
