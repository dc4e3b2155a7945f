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

#: The password the dummy hash of an unknown user name is made of (as ``accounts``).
DUMMY_PASSWORD = "casedesk: no such user"


class PasswordAhead:
    """The outcome of ``verify(password_hash, password)``, computed on a thread.

    ``password_hash`` None: no such user; the thread does what ``authenticate``
    does then (a dummy hash, made once per process, and its verification), so
    an unknown name costs the same time as a known one.
    """

    def __init__(self, password_hash: str | None, password: str) -> None:
        self._hash = password_hash
        self._password = password
        self._matches = False
        self._thread = threading.Thread(target=self._check, name="password-check", daemon=True)
        self._thread.start()

    def _check(self) -> None:
        from argon2 import PasswordHasher
        from argon2.exceptions import InvalidHashError, VerificationError

        hasher = PasswordHasher()  # the parameters of ``accounts._hasher``
        try:
            if self._hash is None:
                hasher.verify(hasher.hash(DUMMY_PASSWORD), self._password)
            else:
                self._matches = hasher.verify(self._hash, self._password)
        except (VerificationError, InvalidHashError):
            self._matches = False

    def result_for(self, password_hash: str | None, password: str) -> bool | None:
        """Whether ``password`` matches ``password_hash`` (None: no such user, always
        False), if that is what was checked here; None when it is not (the caller
        verifies itself)."""
        if password_hash != self._hash or not hmac.compare_digest(
            password.encode(), self._password.encode()
        ):
            return None
        self._thread.join()
        return self._matches and password_hash is not None


def start(url: str, username: str, password: str) -> PasswordAhead | None:
    """Start checking ``password`` for ``username`` of the SQLite database at ``url``;
    None when the hash cannot be read without the application's database layer."""
    if not username or not password:
        return None
    stored = stored_password_hash(url, username)
    if stored is None:
        return None
    return PasswordAhead(stored.password_hash, password)
