"""Opening a Casedesk SQLite file directly in a test, with the application's SQLite.

Tests read and edit database files behind the application's back (as
someone holding a copy of the file could), in the process that also has the
file open through the application. Two copies of SQLite in one process must
not share a file (https://www.sqlite.org/howtocorrupt.html, 2.2.1): closing
a connection of one drops the POSIX locks of the other's, and the other's
connections went on reading what they had read before the edit (a key row
edited and edited back was still read as the first edit), or failed with
"disk I/O error". So a test opens the file with the library the application
uses (:func:`app.db.sqlcipher.dbapi`, SQLite bundled with SQLCipher), never
with the system's ``sqlite3`` module; ``tests/conftest.py`` refuses the
latter on any file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.db.sqlcipher import dbapi


def connect(path: str | Path) -> Any:
    """A DB-API connection to the SQLite file at ``path``, as ``sqlite3.connect`` gives."""
    return dbapi().connect(str(path))


def database_error() -> type[Exception]:
    """The library's ``DatabaseError`` (what ``sqlite3.DatabaseError`` is to ``sqlite3``)."""
    error: type[Exception] = dbapi().DatabaseError
    return error
