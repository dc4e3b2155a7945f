"""Encryption at rest: a SQLCipher file read raw, opened with and without its key,
converted both ways with every command working between, and conversions that fail
or are killed half-way leaving the original as it was."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import keyring
import pytest
import sqlcipher3
from keyring.backends import fail
from sqlalchemy.engine import make_url

from app.cli import run
from app.config import sqlite_url
from app.db.sqlcipher import SQLITE_HEADER, convert, work_path
from app.domain.errors import PassphraseRequired, WrongPassphrase
from app.services import encryption
from app.services.database import Database
from tests import provenance, sqlite_files
from tests.conftest import PreparedTemplates
from tests.unit.conftest import MemoryKeyring

DATA = Path(__file__).parent.parent / "data"
PASSPHRASE = "pale orange tugboat at noon"
ADMIN_PASSWORD = "copper kettle horizon"
IVY_PASSWORD = "velvet orchard signal"
HANA_PASSWORD = "granite pelican thunder"
PASSWORDS = {"admin": ADMIN_PASSWORD, "ivy": IVY_PASSWORD, "hana": HANA_PASSWORD}
TITLE = "Posted the Riverside group home roster 7f3a9c"


# --------------------------------------------------------------------------- helpers


@dataclass
class Cli:
    """The command line run in-process through its entry function."""

    capsys: pytest.CaptureFixture[str]
    monkeypatch: pytest.MonkeyPatch
    url: str

    def __call__(self, *args: str, passphrase: str | None = PASSPHRASE, user: str = "") -> Result:
        with self.monkeypatch.context() as env:
            if passphrase is None:
                env.delenv("CASEDESK_DB_PASSPHRASE", raising=False)
            else:
                env.setenv("CASEDESK_DB_PASSPHRASE", passphrase)
            if user:
                env.setenv("CASEDESK_USER", user)
                env.setenv("CASEDESK_PASSWORD", PASSWORDS[user])
            self.capsys.readouterr()
            code = run(["--db", self.url, *args])
            out, err = self.capsys.readouterr()
        return Result(code, out, err)


@dataclass
class Result:
    code: int
    out: str
    err: str

    def one_clear_line(self) -> str:
        assert "Traceback" not in self.err
        lines = [line for line in self.err.splitlines() if line.strip()]
        assert len(lines) == 1, self.err
        assert lines[0].startswith("casedesk: ")
        return lines[0]


@dataclass
class Filled:
    """A plain Casedesk file with a case, a screenshot and accounts in it."""

    path: Path
    url: str
    screenshot: bytes
    case_number: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, filled: Filled) -> Cli:
    return Cli(capsys, monkeypatch, filled.url)


@pytest.fixture
def filled(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    cheap_hashing: None,
    prepared: PreparedTemplates,
    request: pytest.FixtureRequest,
) -> Filled:
    """The plain file below, made once per session (``prepared``); a fresh copy of it per test."""

    def make(url: str) -> str:
        path = Path(str(make_url(url).database))
        path.unlink()  # ``init`` makes the file itself
        return _fill(path, url, capsys, monkeypatch)

    template = prepared.template(request, "sqlite", "encryption-filled", make)
    url = prepared.fresh_copy(request, template)
    path = tmp_path / "db" / "casedesk.sqlite3"
    assert url == sqlite_url(path)
    monkeypatch.setenv("CASEDESK_NEW_PASSWORD", HANA_PASSWORD)
    assert isinstance(template.value, str)
    return Filled(path, url, (DATA / "good.png").read_bytes(), template.value)


def _fill(
    path: Path, url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> str:
    """A plain Casedesk file at ``url`` with accounts, a case and a screenshot; the case number."""
    plain = Cli(capsys, monkeypatch, url)
    assert plain("init", passphrase=None, user="admin").code == 0
    monkeypatch.setenv("CASEDESK_NEW_PASSWORD", IVY_PASSWORD)
    added = plain(
        "user", "add", "ivy", "--name", "Ivy Investigator", "--roles", "investigator",
        "--agency", "ARDHS", passphrase=None, user="admin",
    )  # fmt: skip
    assert added.code == 0, added.err
    monkeypatch.setenv("CASEDESK_NEW_PASSWORD", HANA_PASSWORD)
    added = plain(
        "user", "add", "hana", "--name", "Hana HR", "--roles", "hr", "--agency", "ARDHS",
        passphrase=None, user="admin",
    )  # fmt: skip
    assert added.code == 0, added.err
    new = plain(
        "case", "new", "--agency", "ARDHS", "--title", TITLE, "--reported", "2026-03-02",
        "--json", passphrase=None, user="ivy",
    )  # fmt: skip
    assert new.code == 0, new.err
    number = json.loads(new.out)["number"]
    added = plain(
        "evidence", "add", number, str(DATA / "good.png"), *provenance.CLI_OPTIONS,
        "--obtained", "public",
        "--captured-at", "2026-03-02T14:05:00-06:00", passphrase=None, user="ivy",
    )  # fmt: skip
    assert added.code == 0, added.err
    assert not path.with_name(path.name + "-wal").exists()  # closed and checkpointed
    return str(number)


def dump(path: Path, key: str | None = None) -> list[str]:
    """The schema and every row of every table as text, read through SQLCipher with ``key``."""
    connection = sqlcipher3.connect(str(path))
    try:
        if key is not None:
            quoted = key.replace('"', '""')
            connection.execute(f'PRAGMA key = "{quoted}"')
        schema = connection.execute(
            "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
        lines = [repr(row) for row in schema]
        for _type, name, _sql in schema:
            if _type == "table" and not name.startswith("sqlite_"):
                rows = connection.execute(f'SELECT * FROM "{name}"').fetchall()
                lines += sorted(f"{name}: {row!r}" for row in rows)
        return lines
    finally:
        connection.close()


def leftovers(path: Path) -> list[str]:
    """Files beside the database other than it and its audit checkpoint file."""
    kept = {path.name, f"{path.name}.checkpoints"}
    return sorted(p.name for p in path.parent.iterdir() if p.name not in kept)


# -------------------------------------------------------------- what a copy shows


def test_an_encrypted_file_shows_nothing_it_holds(filled: Filled, cli: Cli) -> None:
    raw = filled.path.read_bytes()
    # The plain file shows all of it to anyone who copies it.
    assert raw.startswith(SQLITE_HEADER)
    assert TITLE.encode() in raw and b"$argon2id$" in raw
    assert filled.screenshot[200:264] in raw

    result = cli("db", "encrypt")
    assert result.code == 0, result.err
    assert "Encrypted" in result.out and "keep a backup" in result.out

    raw = filled.path.read_bytes()
    assert b"SQLite format 3" not in raw
    assert TITLE.encode() not in raw
    assert b"$argon2id$" not in raw
    assert b"Ivy Investigator" not in raw
    for offset in range(0, len(filled.screenshot) - 64, 1024):
        assert filled.screenshot[offset : offset + 64] not in raw
    assert filled.path.stat().st_mode & 0o777 == 0o600
    assert leftovers(filled.path) == []
    assert encryption.is_encrypted(filled.url)


def test_an_encrypted_file_does_not_open_without_its_key(filled: Filled, cli: Cli) -> None:
    assert cli("db", "encrypt").code == 0

    with pytest.raises(PassphraseRequired, match="is encrypted"):
        Database.open(filled.url)
    with pytest.raises(WrongPassphrase, match="passphrase does not open this database"):
        Database.open(filled.url, key="not the passphrase at all")
    with contextlib.closing(sqlite_files.connect(filled.path)) as plain:
        with pytest.raises(sqlite_files.database_error(), match="not a database"):
            plain.execute("SELECT count(*) FROM cases").fetchall()

    missing = cli("case", "list", passphrase=None, user="ivy")
    assert missing.code == 2
    assert "is encrypted" in missing.one_clear_line()
    assert "CASEDESK_DB_PASSPHRASE" in missing.err

    wrong = cli("case", "list", passphrase="not the passphrase at all", user="ivy")
    assert wrong.code == 1
    assert "passphrase does not open this database" in wrong.one_clear_line()


def test_a_wrong_passphrase_in_a_real_process_is_one_clear_line(filled: Filled, cli: Cli) -> None:
    assert cli("db", "encrypt").code == 0
    env = dict(
        os.environ,
        CASEDESK_DB_PASSPHRASE="not the passphrase at all",
        CASEDESK_USER="ivy",
        CASEDESK_PASSWORD=IVY_PASSWORD,
    )
    completed = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(filled.path), "case", "list"],
        env=env, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert completed.returncode == 1
    # SQLCipher's own "hmac check failed" log lines are kept off the terminal.
    assert completed.stderr.strip().splitlines() == [
        f"casedesk: The passphrase does not open this database ({filled.path}); check it "
        "(or the key kept in the keyring) and try again. Without the right passphrase the "
        "data cannot be read."
    ]


def test_a_short_or_missing_passphrase_is_refused_before_anything_is_written(
    filled: Filled, cli: Cli
) -> None:
    before = filled.path.read_bytes()
    short = cli("db", "encrypt", passphrase="short one")
    assert short.code == 2
    assert "at least 12" in short.one_clear_line()
    none = cli("db", "encrypt", passphrase=None)
    assert none.code == 2
    assert "CASEDESK_DB_PASSPHRASE" in none.one_clear_line()
    assert filled.path.read_bytes() == before
    assert leftovers(filled.path) == []

    again = cli("db", "decrypt")
    assert again.code == 2
    assert "not encrypted" in again.one_clear_line()


# ------------------------------------------------------------ a working database


def test_every_command_works_on_an_encrypted_file_and_decrypting_gives_it_back(
    filled: Filled, cli: Cli, tmp_path: Path
) -> None:
    plain_rows = dump(filled.path)
    assert cli("db", "encrypt").code == 0
    assert dump(filled.path, PASSPHRASE) == plain_rows

    # The engine's settings hold on the encrypted file: WAL, foreign keys.
    database = Database.open(filled.url, key=PASSPHRASE)
    try:
        assert database.encrypted
        with database.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA cipher_version").scalar()
    finally:
        database.close()

    number = filled.case_number
    steps = [
        ("db", "upgrade"),
        ("case", "list", "--search", "Riverside"),  # FTS5
        ("case", "show", number),
        ("case", "note", number, "Roster confirmed by the home's manager."),
        ("evidence", "verify"),
        ("audit", "verify"),
        ("export", number, "--out", str(tmp_path / "bundle.zip")),
        ("report", number, "--kind", "summary", "--out", str(tmp_path / "summary.pdf")),
    ]
    for args in steps:
        user = {"audit": "admin", "report": "hana"}.get(args[0], "ivy")
        result = cli(*args, user=user)
        assert result.code == 0, (args, result.err)
    listed = cli("case", "list", "--search", "Riverside", user="ivy")
    assert number in listed.out
    assert (tmp_path / "bundle.zip").stat().st_size > len(filled.screenshot)
    assert (tmp_path / "summary.pdf").read_bytes().startswith(b"%PDF")

    encrypted_rows = dump(filled.path, PASSPHRASE)
    assert any("Roster confirmed" in row for row in encrypted_rows)
    result = cli("db", "decrypt")
    assert result.code == 0, result.err
    assert "no longer encrypted" in result.out
    assert filled.path.read_bytes().startswith(SQLITE_HEADER)
    assert dump(filled.path) == encrypted_rows
    assert filled.path.stat().st_mode & 0o777 == 0o600
    assert cli("audit", "verify", passphrase=None, user="admin").code == 0


def test_init_creates_an_encrypted_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "new" / "casedesk.sqlite3"
    cli = Cli(capsys, monkeypatch, sqlite_url(path))
    result = cli("init", "--encrypt", user="admin")
    assert result.code == 0, result.err
    assert "Database ready (encrypted)" in result.out
    assert not path.read_bytes().startswith(SQLITE_HEADER)
    assert path.stat().st_mode & 0o777 == 0o600
    assert b"$argon2id$" not in path.read_bytes()
    assert cli("user", "list", user="admin").code == 0

    again = cli("init", "--encrypt", user="admin")
    assert again.code == 2
    assert "already exists" in again.one_clear_line()


def test_migrations_run_on_an_encrypted_file(tmp_path: Path) -> None:
    from alembic import command

    from app.db.migrate import alembic_config

    path = tmp_path / "migrated.sqlite3"
    database = Database.open(sqlite_url(path), key=PASSPHRASE)  # upgrades to head
    try:
        assert database.state().up_to_date
        with database.engine.begin() as connection:
            command.downgrade(alembic_config(connection), "base")
        with database.engine.connect() as connection:
            tables = connection.exec_driver_sql(
                # SQLite's own statistics (ANALYZE after a migration) are no schema.
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            ).scalars()
            assert set(tables) <= {"alembic_version"}
        with database.engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")
        assert database.state().up_to_date
    finally:
        database.close()
    assert not path.read_bytes().startswith(SQLITE_HEADER)
    assert encryption.is_encrypted(sqlite_url(path))


# ------------------------------------------------------------ conversions that fail


def _counts(path: Path) -> dict[str, int]:
    with contextlib.closing(sqlite_files.connect(path)) as connection:
        names = [
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        return {n: connection.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def _limit_file_size(limit: int) -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG


def _encrypted_size(path: Path, folder: Path) -> int:
    """The size of ``path`` written encrypted: SQLCipher's 4 KiB pages, whatever the
    original's (a new plain file has 16 KiB pages, so it is larger)."""
    probe = folder / "size-probe.sqlite3"
    shutil.copy(path, probe)
    convert(probe, source_key=None, target_key="x'" + "11" * 32 + "'")
    return probe.stat().st_size


def test_a_conversion_that_cannot_write_the_new_file_leaves_the_original(
    filled: Filled, cli: Cli, tmp_path: Path
) -> None:
    before = dump(filled.path)
    size = _encrypted_size(filled.path, tmp_path)
    env = dict(os.environ, CASEDESK_DB_PASSPHRASE=PASSPHRASE)
    # The disk fills up half-way through the new file.
    completed = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(filled.path), "db", "encrypt"],
        env=env, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
        preexec_fn=lambda: _limit_file_size(size // 2),
    )  # fmt: skip
    assert completed.returncode == 1, completed.stderr
    assert "Traceback" not in completed.stderr
    assert "was not encrypted" in completed.stderr
    assert "is unchanged" in completed.stderr
    assert filled.path.read_bytes().startswith(SQLITE_HEADER)
    assert dump(filled.path) == before
    assert leftovers(filled.path) == []
    # The next try, with room, goes through.
    assert cli("db", "encrypt").code == 0
    assert dump(filled.path, PASSPHRASE) == before


def test_a_conversion_killed_half_way_leaves_the_original(filled: Filled, cli: Cli) -> None:
    with contextlib.closing(sqlite_files.connect(filled.path)) as connection:
        # Enough pages that the export takes a while to write.
        connection.execute("CREATE TABLE ballast (chunk BLOB)")
        connection.executemany(
            "INSERT INTO ballast VALUES (?)", ((os.urandom(32 * 1024),) for _ in range(600))
        )
        connection.commit()
    before = _counts(filled.path)
    digest = hashlib.sha256(json.dumps(dump(filled.path)).encode()).hexdigest()
    work = work_path(filled.path)
    env = dict(os.environ, CASEDESK_DB_PASSPHRASE=PASSPHRASE)
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "--db", str(filled.path), "db", "encrypt"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if work.exists() and work.stat().st_size > 2 * 1024 * 1024:
            break
        time.sleep(0.005)
    assert process.poll() is None, "the conversion ended before it could be interrupted"
    process.kill()
    process.wait()
    assert process.stderr is not None
    process.stderr.close()

    assert filled.path.read_bytes()[:16] == SQLITE_HEADER
    assert _counts(filled.path) == before
    assert hashlib.sha256(json.dumps(dump(filled.path)).encode()).hexdigest() == digest
    with contextlib.closing(sqlite_files.connect(filled.path)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # The half-written file is the conversion's own; the next one replaces it.
    result = cli("db", "encrypt")
    assert result.code == 0, result.err
    assert leftovers(filled.path) == []
    assert hashlib.sha256(json.dumps(dump(filled.path, PASSPHRASE)).encode()).hexdigest() == digest


def test_a_conversion_is_refused_while_another_process_has_the_file_open(
    filled: Filled, cli: Cli
) -> None:
    holder = subprocess.Popen(
        [
            sys.executable, "-c",
            "import sqlite3, sys\n"
            f"c = sqlite3.connect({str(filled.path)!r})\n"
            "c.execute('PRAGMA journal_mode = WAL')\n"
            "c.execute('SELECT count(*) FROM cases').fetchall()\n"
            "print('open', flush=True)\n"
            "sys.stdin.read()\n",
        ],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        result = cli("db", "encrypt")
        assert result.code == 1
        assert "open in another" in result.one_clear_line()
        assert filled.path.read_bytes().startswith(SQLITE_HEADER)
        assert not work_path(filled.path).exists()
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
        assert holder.stdout is not None
        holder.stdout.close()
    assert cli("db", "encrypt").code == 0


# --------------------------------------------------------------------- the keyring


def test_a_key_kept_in_the_keyring_opens_the_database(
    filled: Filled, cli: Cli, memory_keyring: MemoryKeyring
) -> None:
    result = cli("db", "encrypt", "--keyring", passphrase=None)
    assert result.code == 0, result.err
    assert "OS keyring" in result.out
    ((service, entry), key) = next(iter(memory_keyring.secrets.items()))
    assert (service, entry) == ("casedesk-database", str(filled.path))
    assert key.startswith("x'") and len(key) == 67
    assert not filled.path.read_bytes().startswith(SQLITE_HEADER)

    listed = cli("case", "list", passphrase=None, user="ivy")
    assert listed.code == 0, listed.err
    assert filled.case_number in listed.out

    assert cli("db", "decrypt", passphrase=None).code == 0
    assert memory_keyring.secrets == {}
    assert filled.path.read_bytes().startswith(SQLITE_HEADER)


def test_without_a_keyring_backend_the_command_says_so(filled: Filled, cli: Cli) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        result = cli("db", "encrypt", "--keyring", passphrase=None)
    finally:
        keyring.set_keyring(previous)
    assert result.code == 2
    line = result.one_clear_line()
    assert "No OS keyring is available" in line and "passphrase" in line
    assert filled.path.read_bytes().startswith(SQLITE_HEADER)
