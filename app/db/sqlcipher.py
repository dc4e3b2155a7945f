"""SQLCipher files: telling an encrypted file from a plain one, and converting one into the other.

An unencrypted SQLite file starts with the 16 bytes ``SQLite format 3\\0``;
a SQLCipher file is random-looking from its first byte (the first 16 are the
key-derivation salt) and, like every SQLite file, a whole number of pages.

A conversion never writes the original: it exports every table into a new
file beside it (``sqlcipher_export``), checks the new file on its own
connection (``PRAGMA integrity_check``, the row count of every table, the
audit chain's head), and only then renames it over the original. While it
runs it holds the original's exclusive lock, so no other process can write
a change the copy would miss.
"""

from __future__ import annotations

import contextlib
import enum
import functools
import os
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

SQLITE_HEADER = b"SQLite format 3\x00"
#: The smallest SQLite page; every database file is a whole number of pages.
_MIN_PAGE = 512
#: How long a conversion waits for another connection's lock before giving up.
_BUSY_MS = 2000
_TARGET = "casedesk_target"
#: The page size of a new SQLite file (SQLite's default is 4 KiB). Evidence bytes
#: live in the database, each screenshot hundreds of KiB of overflow pages: 16 KiB
#: pages write them with a quarter of the WAL frames and system calls. A file that
#: exists keeps the page size it has (only a VACUUM outside WAL mode changes it,
#: and Casedesk runs none). A file decrypted (:func:`convert`) is a new plain file
#: and gets it too; an encrypted one keeps SQLCipher's, which every open would name.
SQLITE_PAGE_SIZE = 16384


class FileKind(enum.Enum):
    """What is at a database path, judged from its first bytes and its size."""

    NEW = "new"  # missing or empty: SQLite makes a database there
    PLAIN = "plain"
    ENCRYPTED = "encrypted"
    NOT_A_DATABASE = "not a database"


def file_kind(path: Path) -> FileKind:
    """Whether ``path`` is a new, a plain, an encrypted SQLite file, or no database at all."""
    try:
        size = path.stat().st_size
        if size == 0:
            return FileKind.NEW
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return FileKind.NEW
    except OSError:
        return FileKind.NOT_A_DATABASE
    if header == SQLITE_HEADER:
        return FileKind.PLAIN
    if size % _MIN_PAGE:
        return FileKind.NOT_A_DATABASE
    return FileKind.ENCRYPTED


@functools.cache
def dbapi() -> ModuleType:
    """The ``sqlcipher3`` driver, with its own logging to standard error turned off.

    Every SQLite file is opened with it, plain ones too: its SQLite (3.53 as
    locked) is the one library of the process, whatever the system has.
    Debian 12's own SQLite, 3.40.1, answers ``a IN (subquery) AND r <= ?``
    over an index on ``(a, r, ...)`` with rows past the bound once
    ``ANALYZE`` has run: an agency-scoped date filter gave other agencies'
    cases (``tests/unit/test_sqlite_library.py``). And two SQLite libraries in
    one process must not share a file: closing a connection of one drops the
    other's POSIX locks.

    SQLCipher prints "hmac check failed" and the like on its own for a wrong
    key; Casedesk says what went wrong itself. The setting is process-wide.
    """
    import sqlcipher3

    quiet = sqlcipher3.connect(":memory:")
    try:
        quiet.execute("PRAGMA cipher_log_level = NONE")
    finally:
        quiet.close()
    module: ModuleType = sqlcipher3
    return module


class WrongKey(Exception):
    """The key does not open the file (or the file is not a database)."""


class FileInUse(Exception):
    """Another process has the database open."""


class ConversionFailed(Exception):
    """The new file could not be written, or does not hold what the original holds."""


@dataclass(frozen=True, slots=True)
class Contents:
    """What a conversion must carry over unchanged."""

    integrity: str
    row_counts: dict[str, int]
    audit_head: tuple[int, str] | None
    user_version: int


def _apply_key(connection: Any, key: str | None) -> None:
    if key is not None:
        quoted = key.replace('"', '""')
        connection.execute(f'PRAGMA key = "{quoted}"')


def open_file(path: Path, key: str | None, *, timeout: float = _BUSY_MS / 1000) -> Any:
    """A ``sqlcipher3`` connection on ``path`` in autocommit mode, checked readable.

    ``key`` None opens a plain file. Raises :class:`WrongKey` if the key (or
    its absence) does not open the file.
    """
    connection = dbapi().connect(str(path), timeout=timeout, isolation_level=None)
    try:
        _apply_key(connection, key)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except Exception as exc:
        connection.close()
        if "not a database" in str(exc) or "encrypted" in str(exc):
            raise WrongKey(str(exc)) from None
        raise
    return connection


def contents(connection: Any) -> Contents:
    """Integrity check, row counts of every table, the audit head, the user version."""
    integrity = "\n".join(str(row[0]) for row in connection.execute("PRAGMA integrity_check"))
    tables = [
        str(row[0])
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND rootpage > 0 ORDER BY name"
        )
    ]
    counts = {
        table: int(connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
        for table in tables
    }
    head = None
    if "audit_head" in counts:
        row = connection.execute("SELECT seq, hash FROM audit_head").fetchone()
        head = (int(row[0]), str(row[1])) if row else None
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    return Contents(integrity, counts, head, version)


def work_path(path: Path) -> Path:
    """Where a conversion writes the new file: beside the original."""
    return path.with_name(path.name + ".converting")


def _take_exclusive(connection: Any) -> None:
    """Fold the WAL into the file and hold the file's exclusive lock until closed."""
    try:
        mode = connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            raise FileInUse(f"journal mode stays {mode}")
        connection.execute("PRAGMA locking_mode = EXCLUSIVE")
        connection.execute("BEGIN EXCLUSIVE")
        # In exclusive locking mode the first write takes the lock for good;
        # rewriting the user version with its own value is a write that changes nothing.
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        connection.execute(f"PRAGMA user_version = {version}")
        connection.execute("COMMIT")
    except Exception as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise FileInUse(str(exc)) from None
        raise


def _fsync(path: Path, *, directory: bool = False) -> None:
    flags = os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if directory else 0)
    try:
        descriptor = os.open(path, flags)
    except OSError:
        if directory:
            return  # not every system opens folders (Windows); the rename is still atomic
        raise
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _remove(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-journal")):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def convert(path: Path, *, source_key: str | None, target_key: str | None) -> Contents:
    """Rewrite ``path`` with ``target_key`` (None: unencrypted); return what it holds.

    The original is left as it was (its WAL folded in) unless the whole new
    file was written and verified; then the new file (mode 0600) replaces it
    in one rename.
    """
    work = work_path(path)
    source = open_file(path, source_key)
    swapped = False
    try:
        _take_exclusive(source)
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise FileInUse(f"{wal} is still there")
        before = contents(source)
        if before.integrity != "ok":
            raise ConversionFailed(f"the database fails its integrity check: {before.integrity}")
        # A leftover of an interrupted conversion: ours, since we hold the lock.
        _remove(work)
        try:
            os.close(os.open(work, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            source.execute(f"ATTACH DATABASE ? AS {_TARGET} KEY ?", (str(work), target_key or ""))
            try:
                if target_key is None:  # a new plain file, as the application makes one
                    source.execute(f"PRAGMA {_TARGET}.page_size = {SQLITE_PAGE_SIZE}")
                source.execute(f"SELECT sqlcipher_export('{_TARGET}')").fetchall()
                source.execute(f"PRAGMA {_TARGET}.user_version = {before.user_version}")
            finally:
                source.execute(f"DETACH DATABASE {_TARGET}")
            _fsync(work)
        except OSError as exc:
            raise ConversionFailed(f"cannot write {work}: {exc.strerror}") from None
        except Exception as exc:  # the driver's own errors: disk full, I/O error
            raise ConversionFailed(f"cannot write {work}: {exc}") from None
        after = verify_copy(work, target_key, before)
        if os.name == "nt":  # Windows renames only files nobody has open
            source.close()
        os.replace(work, path)
        swapped = True
        _fsync(path.parent, directory=True)
        return after
    finally:
        source.close()
        if not swapped:
            _remove(work)


def verify_copy(work: Path, key: str | None, before: Contents) -> Contents:
    """Open the new file on its own and compare it with the original's contents."""
    head = work.read_bytes()[: len(SQLITE_HEADER)]
    if (head == SQLITE_HEADER) != (key is None):
        state = "unencrypted" if head == SQLITE_HEADER else "encrypted"
        raise ConversionFailed(f"the new file came out {state}")
    try:
        copy = open_file(work, key)
    except WrongKey:
        raise ConversionFailed("the new file does not open with its key") from None
    try:
        after = contents(copy)
    finally:
        copy.close()
    if after.integrity != "ok":
        raise ConversionFailed(f"the new file fails its integrity check: {after.integrity}")
    if after.row_counts != before.row_counts:
        differ = sorted(
            t
            for t in before.row_counts.keys() | after.row_counts.keys()
            if before.row_counts.get(t) != after.row_counts.get(t)
        )
        raise ConversionFailed(f"the new file's row counts differ in {', '.join(differ)}")
    if after.audit_head != before.audit_head:
        raise ConversionFailed("the new file's audit chain head differs")
    return after
