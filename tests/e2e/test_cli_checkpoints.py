"""Audit checkpoints and evidence cross-checks from the command line, run in-process.

The database is edited behind the application's back (``sqlite3`` on the
file, SQL on the PostgreSQL server) between commands.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from app.__main__ import main
from tests import provenance
from tests.e2e.conftest import (
    ADMIN_PASSWORD,
    HR_PASSWORD,
    INVESTIGATOR_PASSWORD,
    Casedesk,
    Result,
)
from tests.unit.tampering import raw, rewrite_event, sql, swap_evidence

Run = Callable[..., Result]
CHECKPOINT = re.compile(r"Audit checkpoint: (\d+):([0-9a-f]{64}) signed by ([0-9a-f]{16}) at ")


@pytest.fixture
def run(cli: Casedesk, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    """``casedesk ARGS`` in this process, on the ``cli`` fixture's database."""
    monkeypatch.setenv("CASEDESK_DATABASE_URL", cli.url)

    def invoke(*args: str, user: str | None = None, password: str | None = None) -> Result:
        capsys.readouterr()
        for name, value in (("CASEDESK_USER", user), ("CASEDESK_PASSWORD", password)):
            if value is None:
                monkeypatch.delenv(name, raising=False)
            else:
                monkeypatch.setenv(name, value)
        code = main(list(args))
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return invoke


ADMIN = {"user": "admin", "password": ADMIN_PASSWORD}
IVY = {"user": "ivy", "password": INVESTIGATOR_PASSWORD}
HANA = {"user": "hana", "password": HR_PASSWORD}


def _case(run: Run) -> str:
    made = run("case", "new", "--agency", "ARDHS", "--title", "Posted client photo",
               "--reported", "2026-03-02", "--json", **IVY)  # fmt: skip
    assert made.code == 0, made.err
    number: str = json.loads(made.out)["number"]
    for text in ("Called the reporter", "Interviewed the employee"):
        assert run("case", "note", number, text, **IVY).code == 0
    return number


def _checkpoint_file(cli: Casedesk, tmp_path: Path) -> Path:
    if cli.url.startswith("sqlite"):
        return Path(cli.url.removeprefix("sqlite:///") + ".checkpoints")
    (path,) = (tmp_path / "home" / "data" / "casedesk" / "checkpoints").iterdir()
    return path


def test_a_checkpoint_printed_on_a_report_catches_a_rewrite_made_after_it(
    run: Run, cli: Casedesk, tmp_path: Path
) -> None:
    number = _case(run)
    out = tmp_path / "summary.pdf"
    made = run("report", number, "--kind", "summary", "--out", str(out), **HANA)
    assert made.code == 0, made.err
    printed = CHECKPOINT.search(PdfReader(out).pages[-1].extract_text())
    assert printed is not None
    assert printed.group(0) in made.out
    seq, digest = int(printed.group(1)), printed.group(2)

    # Later, someone with the database rewrites a note's event and every hash after
    # it, and deletes the checkpoints they can reach: the database's and the file.
    with raw(cli.url) as db:
        (note_seq,) = db.execute("SELECT min(seq) FROM audit_events WHERE action = 'note.add'")[0]
    assert note_seq < seq
    rewrite_event(cli.url, note_seq, {"kind": "interview", "length": 1})
    sql(cli.url, "DELETE FROM audit_checkpoints")
    _checkpoint_file(cli, tmp_path).unlink()

    # With nothing left outside the database, a consistent rewrite passes (the limit
    # docs/security.md states); the checkpoint printed on the report is what anchors.
    blind = run("audit", "verify", **ADMIN)
    assert blind.code == 0, blind.err
    caught = run("audit", "verify", "--checkpoint", f"{seq}:{digest}", **ADMIN)
    assert caught.code == 1
    assert f"does not match checkpoint {seq}:{digest[:12]}… (command line)" in caught.err
    assert "1 given on the command line" in caught.err
    assert "Traceback" not in caught.err

    malformed = run("audit", "verify", "--checkpoint", "12-abc", **ADMIN)
    assert malformed.code == 2 and "SEQ:HASH" in malformed.err


def test_verify_says_what_it_checked_against_and_a_wiped_log_exits_1(
    run: Run, cli: Casedesk
) -> None:
    _case(run)
    first = run("audit", "verify", **ADMIN)
    assert first.code == 0, first.err
    assert "checked against 2 checkpoints: 1 in the checkpoint file, 1 in the database" in (
        first.out
    )
    assert re.search(CHECKPOINT, first.out)

    sql(
        cli.url,
        "DELETE FROM audit_events",
        "UPDATE audit_head SET seq = 0, hash = '" + "0" * 64 + "'",
        "DELETE FROM audit_checkpoints",
    )
    wiped = run("audit", "verify", **ADMIN)
    assert wiped.code == 1, wiped.out
    # Signing in wrote event 1 again; everything the checkpoints vouch for is gone.
    assert re.search(r"The audit log is broken: events 2 to \d+ are missing", wiped.err)
    assert "(checkpoint file, signed by" in wiped.err


def test_a_missing_head_row_refuses_every_command_with_exit_1(run: Run, cli: Casedesk) -> None:
    number = _case(run)
    sql(cli.url, "DELETE FROM audit_head")
    for args, who in (
        (("case", "list"), IVY),
        (("case", "show", number), IVY),
        (("audit", "verify"), ADMIN),
        (("evidence", "verify"), IVY),
        (("init",), {}),
    ):
        result = run(*args, **who)
        assert result.code == 1, (args, result.err)
        assert "chain head (table audit_head, row 1) is missing" in result.err, args
        assert "Traceback" not in result.err


def _png(colour: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 24), colour).save(out, "PNG")
    return out.getvalue()


def test_evidence_verify_and_export_catch_a_consistent_swap(
    run: Run, cli: Casedesk, tmp_path: Path
) -> None:
    number = _case(run)
    shot = tmp_path / "post.png"
    shot.write_bytes(_png((200, 30, 30)))
    added = run(
        "evidence",
        "add",
        number,
        str(shot),
        *provenance.CLI_OPTIONS,
        "--platform",
        "Facebook",
        **IVY,
    )
    assert added.code == 0, added.err
    with raw(cli.url) as db:
        (item_id,) = db.execute("SELECT id FROM evidence_items")[0]
    swap_evidence(cli.url, item_id, _png((30, 200, 30)))

    verified = run("evidence", "verify", **IVY)
    assert verified.code == 1
    assert f"Evidence item {item_id} (post.png, case {number})" in verified.err
    assert "the bytes and their hashes were replaced" in verified.err
    exported = run("export", number, "--out", str(tmp_path / "b.zip"), **IVY)
    assert exported.code == 1 and f"Evidence item {item_id}" in exported.err
    assert not (tmp_path / "b.zip").exists()


def test_a_second_workstation_registers_its_key(
    run: Run, cli: Casedesk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _case(run)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "second-workstation"))

    keyless = run("audit", "verify", **ADMIN)
    assert keyless.code == 0, keyless.err
    warnings = [line for line in keyless.err.splitlines() if "no signing key" in line]
    assert len(warnings) == 1  # said once
    assert "not signed" in keyless.out

    refused = run("audit", "key", "register", **IVY)
    assert refused.code == 1
    registered = run("audit", "key", "register", "--signing-key", "keyring", **ADMIN)
    assert registered.code == 0, registered.err
    assert "registered in the database" in registered.out
    assert "no keyring service is available" in registered.err  # fell back to a file
    key_file = tmp_path / "second-workstation" / "casedesk" / "signing" / "signing-key.pem"
    assert key_file.stat().st_mode & 0o777 == 0o600

    listed = run("audit", "key", "list", "--json", **ADMIN)
    keys = json.loads(listed.out)
    assert len(keys) == 2 and [k["local"] for k in keys] == [False, True]
    assert [k["trusted_here"] for k in keys] == [False, True]
    first = keys[0]["key_id"]
    signed = run("audit", "verify", **ADMIN)
    assert signed.code == 0 and signed.err == ""
    assert CHECKPOINT.search(signed.out)
    # The first workstation's checkpoints in the file: checked, but known only from the database.
    assert "in the checkpoint file signed by a key known only from the database" in signed.out
    assert f"signed by {first}, which this workstation knows only from the database" in signed.out
    as_json = json.loads(run("audit", "verify", "--json", **ADMIN).out)
    assert as_json["intact"] and as_json["keys_known_only_from_database"] == [first]
    assert as_json["checkpoints"]["checkpoint file, key known only from the database"] >= 1

    assert run("audit", "key", "trust", first, **IVY).code == 1
    bad = run("audit", "key", "trust", "0123456789abcdef", **ADMIN)
    assert bad.code == 2 and "No key 0123456789abcdef is registered" in bad.err
    trusted = run("audit", "key", "trust", first, **ADMIN)
    assert trusted.code == 0, trusted.err
    assert f"Key {first} of " in trusted.out and "now trusted on this workstation" in trusted.out
    again = run("audit", "key", "trust", first, **ADMIN)
    assert again.code == 0 and "trusted on this workstation already" in again.out
    table = run("audit", "key", "list", **ADMIN).out
    assert "Trusted here" in table and "known only from the database" not in table
    anchored = run("audit", "verify", **ADMIN)
    assert anchored.code == 0 and "known only from the database" not in anchored.out
    assert "The checkpoint file and the checkpoints given anchor the log" in anchored.out
