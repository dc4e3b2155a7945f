"""Bad input on the command line: one clear line, the right exit status, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.services.database import Database

IVY = {"user": "ivy", "password": "field-notebook-pw-1"}
HANA = {"user": "hana", "password": "hr-password-123"}
TABLES = ("cases", "allegations", "notes", "employees", "users")


def _counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    with engine.connect() as connection:
        counts = {t: connection.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
                  for t in TABLES}  # fmt: skip
        # Failed sign-ins are audited on purpose; everything else must leave no trace.
        counts["audit_events"] = connection.execute(
            text("SELECT count(*) FROM audit_events WHERE action <> 'user.login'")
        ).scalar_one()
    engine.dispose()
    return counts


def _new_case(*extra: str | bytes) -> list[str | bytes]:
    base: dict[str, str | bytes] = {
        "--agency": "ARDHS",
        "--title": "Posted a client photo",
        "--reported": "2026-03-02",
    }
    args: list[str | bytes] = ["case", "new"]
    overrides = {extra[i]: extra[i + 1] for i in range(0, len(extra), 2)}
    for key, value in {**base, **overrides}.items():
        args += [key, value]
    return args


def _one_clear_line(err: str) -> None:
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("casedesk: ")


LONG_TITLE = "x" * 201


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (_new_case("--reported", "2026-13-40"), 2, "not a valid date"),
        (_new_case("--reported", "2026-02-30"), 2, "not a valid date"),
        (_new_case("--reported", "2999-01-01"), 2, "in the future"),
        (_new_case("--conduct-from", "2026-03-05"), 2, "after the date reported"),
        (_new_case("--title", "   "), 2, "Title is required"),
        (_new_case("--title", LONG_TITLE), 2, "the limit is 200"),
        (_new_case("--title", b"Bad \xff\xfe bytes"), 2, "not valid UTF-8"),
        (_new_case("--agency", "XXDHS"), 2, "no agency"),
        (_new_case("--channel", "carrier-pigeon"), 2, "Intake channel"),
        (_new_case("--investigator", "nobody"), 2, "not an active investigator"),
        (_new_case("--subject", "Nobody Known"), 2, "no employee"),
        (["case", "allege", "ARDHS-2026-0099", "AR-DHS II(A)"], 2, "no case"),
        (["case", "show", "not-a-number"], 2, "not a case number"),
        (["case", "list", "--from", "2026-03-01", "--to", "2026-01-01"], 2, "before it starts"),
        (["policy", "show", "AR-DHS", "II(Z)"], 2, "no provision AR-DHS II(Z)"),
    ],
)
def test_invalid_input_is_refused_and_nothing_is_written(sqlite_cli, args, code, says) -> None:
    before = _counts(sqlite_cli.url)
    result = sqlite_cli(*args, **IVY)
    assert result.code == code, result.err
    assert says in result.err
    _one_clear_line(result.err)
    assert _counts(sqlite_cli.url) == before


def test_allegation_refusals(cli) -> None:
    created = cli(*_new_case(), **IVY)
    assert created.code == 0, created.err
    before = _counts(cli.url)
    unknown = cli("case", "allege", "ARDHS-2026-0001", "AR-DHS II(Q)", **IVY)
    assert unknown.code == 2
    assert "no provision AR-DHS II(Q)" in unknown.err
    other_agency = cli("case", "allege", "ARDHS-2026-0001", "MA-DYS-01.05.22 C.2.e", **IVY)
    assert other_agency.code == 2
    assert "Massachusetts Department of Youth Services" in other_agency.err
    malformed = cli("case", "allege", "ARDHS-2026-0001", "II(A)", **IVY)
    assert malformed.code == 2
    assert "not a provision citation" in malformed.err
    for result in (unknown, other_agency, malformed):
        _one_clear_line(result.err)
    assert _counts(cli.url) == before


def test_refusals_exit_1(cli) -> None:
    before = _counts(cli.url)
    hr_creates = cli(*_new_case(), **HANA)
    assert hr_creates.code == 1
    assert "case.create" in hr_creates.err
    wrong_password = cli("case", "list", user="ivy", password="not-the-password")
    assert wrong_password.code == 1
    assert "Wrong user name or password" in wrong_password.err
    for result in (hr_creates, wrong_password):
        _one_clear_line(result.err)
    after = _counts(cli.url)
    # The failed sign-in is audited on purpose; nothing else changed.
    assert after["audit_events"] == before["audit_events"] + 1
    assert {k: v for k, v in after.items() if k != "audit_events"} == {
        k: v for k, v in before.items() if k != "audit_events"
    }


def test_narrative_file_that_is_not_utf8(cli, tmp_path: Path) -> None:
    bad = tmp_path / "narrative.txt"
    bad.write_bytes("Résumé".encode("latin-1"))
    before = _counts(cli.url)
    result = cli(*_new_case("--narrative-file", str(bad)), **IVY)
    assert result.code == 2
    assert "not UTF-8" in result.err
    _one_clear_line(result.err)
    missing = cli(*_new_case("--narrative-file", str(tmp_path / "missing.txt")), **IVY)
    assert missing.code == 2
    assert "Cannot read" in missing.err
    assert _counts(cli.url) == before


@pytest.mark.subprocess
def test_database_that_cannot_be_used(bare_cli, tmp_path: Path) -> None:
    not_a_db = tmp_path / "notes.sqlite3"
    not_a_db.write_text("these are my notes, not a database\n" * 100)
    result = bare_cli.subprocess("--db", str(not_a_db), "policy", "list", **IVY)
    assert result.code == 2
    assert "not a database" in result.err
    _one_clear_line(result.err)
    assert not_a_db.read_text().startswith("these are my notes")

    unreachable = bare_cli.subprocess(
        "--db", "postgresql+psycopg://casedesk@127.0.0.1:1/casedesk", "policy", "list", **IVY
    )
    assert unreachable.code == 2
    assert "Cannot use the database" in unreachable.err
    _one_clear_line(unreachable.err)

    wrong_scheme = bare_cli.subprocess("--db", "mysql://x@y/z", "policy", "list", **IVY)
    assert wrong_scheme.code == 2
    assert "SQLite and PostgreSQL" in wrong_scheme.err


@pytest.mark.subprocess
def test_usage_errors_exit_2(bare_cli) -> None:
    result = bare_cli.subprocess("case", "frobnicate")
    assert result.code == 2
    assert "Traceback" not in result.err
    Database.open(bare_cli.url).close()  # a database, so the missing user is what is wrong
    no_user = bare_cli.subprocess("case", "list")
    assert no_user.code == 2
    assert "--user" in no_user.err
