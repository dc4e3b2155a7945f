"""A SQLite file edited outside Casedesk, then used from the command line (in-process).

What Casedesk cannot read back is a refusal (exit 1) that says what is wrong,
or ``audit verify``'s finding: never exit 3 and a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.conftest import (
    ADMIN_PASSWORD,
    INVESTIGATOR_PASSWORD,
    SUPERVISOR_PASSWORD,
    Casedesk,
    Result,
)
from tests.unit.tampering import raw

ADMIN = {"user": "admin", "password": ADMIN_PASSWORD}
IVY = {"user": "ivy", "password": INVESTIGATOR_PASSWORD}
SAM = {"user": "sam", "password": SUPERVISOR_PASSWORD}
PASSPHRASE = "a long passphrase for the copy"


@pytest.fixture
def backend() -> str:
    """SQLite only: the file is what is edited."""
    return "sqlite"


def _refused(result: Result, *texts: str) -> None:
    assert result.code == 1, result.err
    assert "unexpected error" not in result.err and "Traceback" not in result.err
    for text in texts:
        assert text in result.err


def _case(cli: Casedesk) -> str:
    made = cli("case", "new", "--agency", "ARDHS", "--title", "Posted client photo",
               "--reported", "2026-03-02", "--json", **IVY)  # fmt: skip
    assert made.code == 0, made.err
    number: str = json.loads(made.out)["number"]
    for text in ("Called the reporter", "Interviewed the employee"):
        assert cli("case", "note", number, text, **IVY).code == 0
    return number


def test_an_event_time_that_is_not_a_time_is_audit_verify_s_finding(
    cli: Casedesk, tmp_path: Path
) -> None:
    number = _case(cli)
    with raw(cli.url) as db:
        ((seq,),) = db.execute("SELECT max(seq) FROM audit_events WHERE action = 'note.add'")
        db.execute("UPDATE audit_events SET occurred_at = 'garbage' WHERE seq = ?", (seq,))

    _refused(cli("audit", "verify", **ADMIN), f"event {seq} (note.add by ivy)", "'garbage'")
    # The case's bundle needs that event: refused, naming it. Its list does not.
    bundle = tmp_path / "bundle.zip"
    _refused(cli("export", number, "--out", str(bundle), **SAM), f"event {seq}", "'garbage'")
    assert cli("case", "list", **IVY).code == 0


def test_a_checkpoint_time_that_is_not_a_time_never_ends_in_exit_3(cli: Casedesk) -> None:
    _case(cli)
    with raw(cli.url) as db:
        db.execute("UPDATE audit_checkpoints SET signed_at = 'garbage' "
                   "WHERE id = (SELECT max(id) FROM audit_checkpoints)")  # fmt: skip

    # Each works, or refuses saying what is wrong (a checkpoint is due when none is readable).
    commands = (
        (("case", "list"), IVY),
        (("audit", "verify"), ADMIN),
        (("evidence", "verify"), IVY),
    )
    for command, who in commands:
        result = cli(*command, **who)
        assert result.code in (0, 1), result.err
        assert "unexpected error" not in result.err


def test_an_event_past_the_head_is_named_by_audit_verify_and_blocks_the_rest(
    cli: Casedesk,
) -> None:
    _case(cli)
    with raw(cli.url) as db:
        ((head,),) = db.execute("SELECT seq FROM audit_head WHERE id = 1")
        db.execute(
            "INSERT INTO audit_events (seq, occurred_at, actor, action, entity_type, entity_id, "
            "case_id, details, prev_hash, hash) SELECT seq + 1, occurred_at, actor, "
            "'user.login', entity_type, entity_id, case_id, details, hash, hash "
            "FROM audit_events WHERE seq = ?",
            (head,),
        )

    _refused(cli("audit", "verify", **ADMIN), f"event {head + 1} (user.login by ivy) lies "
             f"past the chain head (table audit_head, event {head})")  # fmt: skip
    _refused(cli("case", "list", **IVY), f"holds an event {head + 1} that Casedesk did not write")
    _refused(cli("audit", "verify", **IVY), "did not write")  # may not verify: as before


def _encrypted_copy(cli: Casedesk) -> None:
    cli.env["CASEDESK_DB_PASSPHRASE"] = PASSPHRASE
    done = cli("db", "encrypt", **ADMIN)
    assert done.code == 0, done.err


def _flip_page(cli: Casedesk, table: str) -> None:
    """Flip one byte in the first page of ``table`` (its root page) in the encrypted file."""
    from app.db import sqlcipher

    path = Path(cli.url.removeprefix("sqlite:///"))
    connection = sqlcipher.open_file(path, PASSPHRASE)
    try:
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()
        (size,) = connection.execute("PRAGMA cipher_page_size").fetchone()
    finally:
        connection.close()
    with path.open("r+b") as handle:
        handle.seek((int(root) - 1) * int(size) + 100)
        byte = handle.read(1)
        handle.seek(-1, 1)
        handle.write(bytes([byte[0] ^ 1]))


def test_a_damaged_page_of_an_encrypted_file_is_a_clear_refusal(cli: Casedesk) -> None:
    _case(cli)
    _encrypted_copy(cli)
    _flip_page(cli, "cases")

    _refused(cli("case", "list", **IVY), "is damaged or was altered outside Casedesk",
             "fails its check", "Restore it from a backup")  # fmt: skip
    _flip_page(cli, "audit_head")  # read by every command as it opens the database
    _refused(cli("audit", "verify", **ADMIN), "is damaged or was altered outside Casedesk")
