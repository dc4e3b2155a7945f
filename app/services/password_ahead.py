"""A password check started ahead of time, on a thread, while the rest loads.

A command that signs in spends most of its start importing SQLAlchemy and
the services, and about as long again in argon2 checking the password.
argon2 releases the interpreter lock, so the check can run on a second core
during those imports: :func:`start` reads the stored hash with plain
``sqlite3`` (``app.db.early``) and verifies the password on a thread.

:func:`app.services.accounts.authenticate` takes the result only when the
hash it reads in its own transaction is the very hash checked here and the
password is the same; otherwise it verifies as usual. Every rule of signing
in (disabled and locked accounts, counting failures, the audit events) stays
in ``authenticate``: this module only saves waiting for argon2.
"""

from __future__ import annotations

import hmac
import threading

from app.db.early import stored_password_hash


class PasswordAhead:
    """The outcome of ``verify(password_hash, password)``, computed on a thread."""

    def __init__(self, password_hash: str, password: str) -> None:
        self._hash = password_hash
        self._password = password
        self._matches = False
        self._thread = threading.Thread(target=self._check, name="password-check", daemon=True)
        self._thread.start()

    def _check(self) -> None:
        from argon2 import PasswordHasher
        from argon2.exceptions import InvalidHashError, VerificationError

        try:
            self._matches = PasswordHasher().verify(self._hash, self._password)
        except (VerificationError, InvalidHashError):
            self._matches = False

    def result_for(self, password_hash: str, password: str) -> bool | None:
        """Whether ``password`` matches ``password_hash``, if that is what was checked here;
        None when it is not (the caller verifies itself)."""
        if password_hash != self._hash or not hmac.compare_digest(
            password.encode(), self._password.encode()
        ):
            return None
        self._thread.join()
        return self._matches


def start(url: str, username: str, password: str) -> PasswordAhead | None:
    """Start checking ``password`` for ``username`` of the SQLite database at ``url``;
    None when the hash cannot be read without the application's database layer."""
    if not username or not password:
        return None
    password_hash = stored_password_hash(url, username)
    if password_hash is None:
        return None
    return PasswordAhead(password_hash, password)
