"""The page size of Casedesk's SQLite files (``app.db.sqlcipher.SQLITE_PAGE_SIZE``).

A new plain file gets 16 KiB pages (evidence bytes live in the database);
a file that exists keeps the page size it has, however much is written to
it; an encrypted file keeps SQLCipher's own page size, which every later
open would otherwise have to name; a file decrypted is a new plain file.
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

from app.config import sqlite_url
from app.db.sqlcipher import convert, dbapi, open_file
from app.services import audit
from app.services.database import Database

_RAW_KEY = "x'" + "2f" * 32 + "'"


def _pragma(path: Path, name: str, key: str | None = None) -> object:
    connection = open_file(path, key)
    try:
        return connection.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        connection.close()


def _autocheckpoint(database: Database) -> int:
    """The WAL's automatic checkpoint, in pages, on a connection of ``database``."""
    with database.engine.connect() as connection:
        return int(connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar_one())


def test_a_new_database_gets_16_kib_pages(sqlite_url_empty: str) -> None:
    database = Database.open(sqlite_url_empty)
    try:
        # Checkpointed as often in bytes as with SQLite's default of 1000 4 KiB pages.
        assert _autocheckpoint(database) == 250
    finally:
        database.close()
    path = Path(sqlite_url_empty.removeprefix("sqlite:///"))
    assert _pragma(path, "page_size") == 16384
    assert _pragma(path, "journal_mode") == "wal"
    assert _pragma(path, "integrity_check") == "ok"


def test_an_existing_database_keeps_its_page_size(_sqlite_template: Path, tmp_path: Path) -> None:
    # A database made before 16 KiB pages: SQLite's default of 4 KiB.
    path = tmp_path / "old.sqlite3"
    shutil.copy(_sqlite_template, path)
    with contextlib.closing(dbapi().connect(str(path), isolation_level=None)) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute("PRAGMA page_size = 4096")
        connection.execute("VACUUM")
        connection.execute("PRAGMA journal_mode = WAL")
    assert _pragma(path, "page_size") == 4096
    pages_before = int(str(_pragma(path, "page_count")))

    database = Database.open(sqlite_url(path))
    try:
        assert _autocheckpoint(database) == 1000  # SQLite's default, as before
        with database.unit_of_work(write=True) as uow:
            for n in range(200):  # enough to add pages, not only to fill free space
                audit.record(uow, "tester", "test.write", entity_type="test", entity_id=n,
                             details={"text": "x" * 2000})  # fmt: skip
            uow.commit()
    finally:
        database.close()
    Database.open(sqlite_url(path)).close()  # opened again: still nothing rewritten

    assert _pragma(path, "page_size") == 4096
    assert int(str(_pragma(path, "page_count"))) > pages_before
    assert _pragma(path, "integrity_check") == "ok"


def test_a_new_encrypted_database_keeps_sqlciphers_page_size(tmp_path: Path) -> None:
    path = tmp_path / "secret.sqlite3"
    Database.open(sqlite_url(path), key=_RAW_KEY).close()
    assert not path.read_bytes().startswith(b"SQLite format 3\x00")
    assert int(str(_pragma(path, "page_size", _RAW_KEY))) == 4096  # text, through SQLCipher
    assert _pragma(path, "integrity_check", _RAW_KEY) == "ok"
    database = Database.open(sqlite_url(path), key=_RAW_KEY)
    try:
        assert _autocheckpoint(database) == 1000  # 4 KiB pages: SQLite's default
    finally:
        database.close()


def test_a_decrypted_file_gets_16_kib_pages(sqlite_url_empty: str) -> None:
    """Encrypting keeps SQLCipher's pages; decrypting writes a new plain file, as made new."""
    path = Path(sqlite_url_empty.removeprefix("sqlite:///"))
    database = Database.open(sqlite_url_empty)
    try:
        with database.unit_of_work(write=True) as uow:
            audit.record(uow, "tester", "test.write", entity_type="test", entity_id=1)
            uow.commit()
    finally:
        database.close()
    before = convert(path, source_key=None, target_key=_RAW_KEY)
    assert int(str(_pragma(path, "page_size", _RAW_KEY))) == 4096
    after = convert(path, source_key=_RAW_KEY, target_key=None)
    assert path.read_bytes().startswith(b"SQLite format 3\x00")
    assert _pragma(path, "page_size") == 16384
    assert _pragma(path, "integrity_check") == "ok"
    assert after == before  # the same tables, rows and schema version
