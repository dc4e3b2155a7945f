"""Encrypting and decrypting a SQLite database file in place, safely.

The work is done by :func:`app.db.sqlcipher.convert` (a verified copy beside
the original, renamed over it); this module checks what the file is, keeps
the keyring in step, and turns each failure into a message that says what
happened to the file: nothing, unless the new one was written whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from app.db import sqlcipher
from app.db.sqlcipher import FileKind
from app.domain.errors import InvalidInput, Refused, WrongPassphrase
from app.services.encryption import keys

_ONLY_SQLITE = (
    "Casedesk encrypts a SQLite database file; {0} is not one. A PostgreSQL server keeps its "
    "data encrypted with its own disk encryption, and its connections with "
    "sslmode=verify-full (see docs/security.md)."
)


@dataclass(frozen=True, slots=True)
class ConversionResult:
    """What an encryption or decryption did."""

    path: Path
    tables: int
    rows: int
    audit_events: int
    in_keyring: bool


def database_file(url: str) -> Path | None:
    """The SQLite file of ``url``; None for PostgreSQL and in-memory databases."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database).expanduser().resolve()


def file_kind(url: str) -> FileKind | None:
    """What the SQLite file of ``url`` is; None for databases that are not files."""
    path = database_file(url)
    return None if path is None else sqlcipher.file_kind(path)


def is_encrypted(url: str) -> bool:
    """Whether ``url`` names an encrypted SQLite file."""
    return file_kind(url) is FileKind.ENCRYPTED


def stored_key(url: str) -> str | None:
    """The key the OS keyring keeps for the SQLite file of ``url``, if any."""
    path = database_file(url)
    return None if path is None else keys.keyring_key(path)


def existing_file(url: str, want: FileKind) -> Path:
    """The SQLite file of ``url``, which must be ``want``; else invalid input saying what it is."""
    path = database_file(url)
    if path is None:
        raise InvalidInput(_ONLY_SQLITE.format(make_url(url).render_as_string(hide_password=True)))
    kind = sqlcipher.file_kind(path)
    if kind is FileKind.NEW:
        raise InvalidInput(
            f"There is no database at {path}; create one with `casedesk init` "
            "(`casedesk init --encrypt` makes it encrypted from the start)."
        )
    if kind is FileKind.NOT_A_DATABASE:
        raise InvalidInput(f"{path} is not a database file (or it is damaged); nothing was done.")
    if kind is not want:
        state = "already encrypted" if kind is FileKind.ENCRYPTED else "not encrypted"
        raise InvalidInput(f"{path} is {state}; nothing was done.")
    return path


def _convert(path: Path, *, source_key: str | None, target_key: str | None) -> ConversionResult:
    verb = "encrypted" if target_key is not None else "decrypted"
    try:
        contents = sqlcipher.convert(path, source_key=source_key, target_key=target_key)
    except sqlcipher.WrongKey:
        raise WrongPassphrase(
            f"The passphrase does not open this database ({path}); check it (or the key kept "
            "in the keyring). Nothing was changed."
        ) from None
    except sqlcipher.FileInUse:
        raise Refused(
            f"{path} is open in another Casedesk window or command (or another program); "
            f"close it there and run the command again. Nothing was {verb}."
        ) from None
    except sqlcipher.ConversionFailed as exc:
        raise Refused(
            f"The database was not {verb}: {exc}. The original file {path} is unchanged "
            "and still in use."
        ) from None
    except OSError as exc:
        raise Refused(
            f"The database was not {verb}: {exc.strerror or exc}. The original file {path} "
            "is unchanged."
        ) from None
    head = contents.audit_head
    return ConversionResult(
        path=path,
        tables=len(contents.row_counts),
        rows=sum(contents.row_counts.values()),
        audit_events=head[0] if head else 0,
        in_keyring=False,
    )


def encrypt(
    url: str, *, passphrase: str | None = None, use_keyring: bool = False
) -> ConversionResult:
    """Encrypt the plain SQLite file of ``url`` with ``passphrase``, or a new key in the keyring."""
    path = existing_file(url, FileKind.PLAIN)
    if use_keyring:
        previous = keys.keyring_key(path)
        key = keys.new_key()
        keys.store_key(path, key)
        try:
            result = _convert(path, source_key=None, target_key=key)
        except BaseException:
            # The file is unchanged: the keyring goes back to what it held.
            if previous is None:
                keys.forget_key(path)
            else:
                keys.store_key(path, previous)
            raise
        return ConversionResult(
            result.path, result.tables, result.rows, result.audit_events, in_keyring=True
        )
    if passphrase is None:
        raise InvalidInput("Give a passphrase for the database, or use --keyring.")
    keys.check_passphrase(passphrase)
    result = _convert(path, source_key=None, target_key=passphrase)
    # An entry left from an earlier encryption would now be the wrong key.
    keys.forget_key(path)
    return result


def decrypt(url: str, *, key: str) -> ConversionResult:
    """Write the encrypted SQLite file of ``url`` back unencrypted; forget its keyring entry."""
    path = existing_file(url, FileKind.ENCRYPTED)
    result = _convert(path, source_key=key, target_key=None)
    keys.forget_key(path)
    return result


def require_new_file(url: str) -> Path:
    """The SQLite file ``init --encrypt`` is to create; invalid input if there is one already."""
    path = database_file(url)
    if path is None:
        raise InvalidInput(_ONLY_SQLITE.format(make_url(url).render_as_string(hide_password=True)))
    if sqlcipher.file_kind(path) is not FileKind.NEW:
        raise InvalidInput(
            f"{path} already exists; `init --encrypt` creates a new database. Encrypt an "
            "existing one with `casedesk db encrypt`."
        )
    return path


def new_database_key(url: str, *, passphrase: str | None, use_keyring: bool) -> str:
    """The key for a database ``init --encrypt`` creates; refuse an existing file."""
    path = require_new_file(url)
    if use_keyring:
        key = keys.new_key()
        keys.store_key(path, key)
        return key
    if passphrase is None:
        raise InvalidInput("Give a passphrase for the database, or use --keyring.")
    keys.check_passphrase(passphrase)
    keys.forget_key(path)
    return passphrase
