"""Reads made before SQLAlchemy is loaded, with the SQLite driver (``sqlcipher.dbapi``).

Start-up work that can begin while the rest of the application imports
(the password check of a command, ``app.services.password_ahead``) reads its
input here. Only a plain SQLite file is read, read-only; anything else (a
PostgreSQL URL, an encrypted file, a missing table) gives ``None`` and the
caller does the work the ordinary way, after the database is opened.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from app.db.sqlcipher import dbapi

_PREFIX = "sqlite:///"


def sqlite_file(url: str) -> Path | None:
    """The file of a plain ``sqlite:///PATH`` URL, if it names an existing file."""
    if not url.startswith(_PREFIX) or "?" in url:
        return None
    path = Path(url[len(_PREFIX) :])
    return path if path.is_file() else None


@dataclass(frozen=True)
class StoredHash:
    """What the users table holds for a user name: its hash, None if there is no such user."""

    password_hash: str | None


def stored_password_hash(url: str, username: str) -> StoredHash | None:
    """The password hash stored for ``username`` (as ``accounts`` finds it); None when
    the file cannot be read so."""
    path = sqlite_file(url)
    if path is None:
        return None
    # A read of a WAL database makes its shared-memory file (``-shm``) if there is
    # none, with the database file's permissions: a file other users could read
    # is left to the ordinary open, which makes it private first and says so.
    if path.stat().st_mode & 0o077:
        return None
    sqlite3 = dbapi()  # the process's one SQLite library
    try:
        conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute(
            "SELECT password_hash FROM users WHERE username = ?", (username.strip().lower(),)
        ).fetchone()
    except sqlite3.Error:  # encrypted, not a Casedesk database, or locked
        return None
    finally:
        conn.close()
    return StoredHash(str(row[0]) if row is not None else None)
