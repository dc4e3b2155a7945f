"""The window started as the installed application is: in its own process,
off-screen, quitting once it is ready (CASEDESK_QUIT_WHEN_READY, what the
package's smoke test uses)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.config import sqlite_url
from app.services.database import Database


def _start_window(tmp_path: Path, database: Path) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "QT_QPA_PLATFORM": "offscreen",
        "CASEDESK_QUIT_WHEN_READY": "1",
        "LANG": "C.UTF-8",
    }
    return subprocess.run(
        [sys.executable, "-m", "app", "--db", str(database)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_window_reaches_the_login_dialog_on_a_database(tmp_path: Path) -> None:
    database = tmp_path / "agency.sqlite3"
    Database.open(sqlite_url(database)).close()  # as `casedesk init` makes it

    result = _start_window(tmp_path, database)

    assert result.returncode == 0, result.stderr
    assert "the login dialog is shown and the database is open" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_window_creates_no_database_and_says_how_to_make_one(tmp_path: Path) -> None:
    database = tmp_path / "no" / "such" / "dir" / "x.sqlite3"

    result = _start_window(tmp_path, database)

    assert result.returncode == 1, result.stderr
    assert f"There is no Casedesk database at {database}" in result.stderr
    assert "init" in result.stderr
    assert not (tmp_path / "no").exists()  # neither the folders nor the file
    assert "Traceback" not in result.stderr


def test_a_database_that_does_not_open_ends_the_start_with_status_1(tmp_path: Path) -> None:
    database = tmp_path / "not-a-database.sqlite3"
    database.write_text("these are not the bytes of a SQLite database\n" * 100)

    result = _start_window(tmp_path, database)

    assert result.returncode == 1, result.stderr
    assert "the database did not open" in result.stderr
    assert "Traceback" not in result.stderr
