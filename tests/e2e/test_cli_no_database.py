"""A command pointed at a database that does not exist says so and creates nothing;
only ``init`` and ``demo`` create one (in-process through ``app.cli.run``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import cli as casedesk_cli
from app.config import data_dir
from app.services.database import Database


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = casedesk_cli.run(list(args))
    return code, capsys.readouterr().err


def test_a_command_on_a_path_without_a_database_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CASEDESK_PASSWORD", "whatever-it-is-1")
    folder = tmp_path / "no" / "such" / "dir"
    url = f"sqlite:///{folder / 'x.sqlite3'}"

    code, err = _run(capsys, "--db", url, "--user", "ivy", "case", "list")

    assert code == 2
    assert f"There is no Casedesk database at {folder / 'x.sqlite3'}" in err
    assert f"casedesk --db {folder / 'x.sqlite3'} init" in err
    assert "Wrong user name or password" not in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "no").exists()  # no folder, no file

    # The same for the default database, and for `db upgrade`.
    code, err = _run(capsys, "db", "upgrade")
    assert code == 2 and "There is no Casedesk database" in err
    assert not (data_dir() / "casedesk.sqlite3").exists()

    # An empty file (what an earlier version left behind) is no database either.
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    code, err = _run(capsys, "--db", str(empty), "--user", "ivy", "case", "list")
    assert code == 2 and f"There is no Casedesk database at {empty}" in err
    assert empty.stat().st_size == 0


def test_init_creates_the_database_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CASEDESK_PASSWORD", "keeper-of-keys-1")
    path = tmp_path / "new" / "agency.sqlite3"
    assert casedesk_cli.run(["--db", str(path), "init"]) == 0
    assert path.is_file()
    code, err = _run(capsys, "--db", str(path), "db", "current")
    assert code == 0, err


def test_a_server_database_without_casedesk_tables_says_how_to_create_them(
    pg_url_empty: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CASEDESK_PASSWORD", "whatever-it-is-1")
    code, err = _run(capsys, "--db", pg_url_empty, "--user", "ivy", "case", "list")
    assert code == 2
    assert "holds no Casedesk data yet" in err and "init" in err
    database = Database.open(pg_url_empty, upgrade_schema=False)
    try:
        assert database.state().current is None  # nothing was migrated into it
    finally:
        database.close()
