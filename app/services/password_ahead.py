"""A password check started ahead of time, on a thread, while the rest loads.

A command that signs in spends most of its start importing SQLAlchemy and
the services, and about as long again in argon2 checking the password.
argon2 releases the interpreter lock, so the check can run on a second core
during those imports: :func:`start` starts a thread that reads the stored
hash with the SQLite driver alone (``app.db.early``) and verifies the
password.

Before that the thread loads the C extension modules every command that
signs in imports (:data:`EXTENSIONS`, and the SQLite driver for its read):
mapping and relocating a shared library is most of such an import, and the
interpreter lock is not held for it, so the main thread goes on importing
meanwhile and finds them loaded (about 15 ms of its start, most of it the
21 MB SQLite library).

:func:`app.services.accounts.authenticate` takes the result only when the
hash it reads in its own transaction is the very hash checked here and the
password is the same; otherwise it verifies as usual. Every rule of signing
in (disabled and locked accounts, counting failures, the audit events) stays
in ``authenticate``: this module only saves waiting for argon2.
"""

from __future__ import annotations

import importlib
import os
import threading

from app.db.early import sqlite_file, stored_password_hash

#: The password the dummy hash of an unknown user name is made of (as ``accounts``).
DUMMY_PASSWORD = "casedesk: no such user"
#: ``PasswordHasher().hash(DUMMY_PASSWORD)``, made once for every process: checking a
#: password against it costs what checking one against an account's hash does, where
#: making it first would cost a second argon2 run for a name that does not exist.
#: ``tests/unit/test_services_accounts.py`` keeps its parameters those of the hasher.
DUMMY_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$GdXbdwyclmyCzCTf+u0XoQ"
    "$QRcdIyDS7nee2K/OLIKRCOTCCNW09qAeaJgOWhUKfBI"
)

#: C extension modules that a command signing in imports whatever it does, roughly
#: in the order the main thread comes to them: the hashes (OpenSSL's, BLAKE2),
#: sockets (for the capsule type of ``typing_extensions``), decimals, pickling,
#: UUIDs, dates, JSON, binary packing and base64 (SQLAlchemy's types, the audit
#: chain), and the Unicode tables the command line's output measures text with.
EXTENSIONS = (
    "_hashlib", "_blake2", "_socket", "_decimal", "_pickle", "_uuid", "_datetime", "_json",
    "_struct", "binascii", "unicodedata",
)  # fmt: skip


class PasswordAhead:
    """The outcome of ``verify(password_hash, password)``, computed on a thread.

    ``password_hash`` None: no such user; the thread does what ``authenticate``
    does then (the verification of :data:`DUMMY_HASH`), so an unknown name costs
    the same time as a known one.
    """

    def __init__(
        self, password_hash: str | None, password: str, *, read_from: str | None = None,
        username: str = "",
    ) -> None:  # fmt: skip
        self._hash = password_hash
        self._password = password
        self._matches = False
        #: Set when the check on the thread failed in an unexpected way: not taken.
        self._failed = False
        #: With ``read_from`` (a plain SQLite file's URL) the hash is the one it holds
        #: for ``username``, read on the thread after :data:`EXTENSIONS`.
        self._read_from = None if read_from is None else (read_from, username)
        #: Whether the hash to check is known (False: the file could not be read so).
        self._readable = read_from is None
        #: Set once ``_hash`` and ``_readable`` say what the check is about.
        self._known = threading.Event()
        if read_from is None:
            self._known.set()
        self._thread = threading.Thread(target=self._run, name="password-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        if self._read_from is not None:
            try:
                _load_extensions()
                stored = stored_password_hash(*self._read_from)
            except Exception:  # noqa: BLE001 - then the sign-in verifies as usual
                stored = None
            if stored is not None:
                self._hash, self._readable = stored.password_hash, True
            self._known.set()
            if not self._readable:
                return
        try:
            self._check()
        except Exception:  # noqa: BLE001 - never a refusal: the sign-in verifies itself
            self._failed = True

    def _check(self) -> None:
        # The package first, then its submodule (``from argon2.exceptions import``
        # locks the submodule first): while the main thread imports the package,
        # whose own code imports the submodule, each thread would hold the lock the
        # other waits for, and Python's import raises _DeadlockError in one of them.
        from argon2 import exceptions

        try:
            if self._hash is None:
                verify_sparing_a_core(DUMMY_HASH, self._password)
            else:
                self._matches = verify_sparing_a_core(self._hash, self._password)
        except (exceptions.VerificationError, exceptions.InvalidHashError):
            self._matches = False

    def result_for(self, password_hash: str | None, password: str) -> bool | None:
        """Whether ``password`` matches ``password_hash`` (None: no such user, always
        False), if that is what was checked here; None when it is not (the caller
        verifies itself)."""
        import hmac  # here: its OpenSSL library loads on the thread (EXTENSIONS)

        self._known.wait()
        if (
            not self._readable
            or password_hash != self._hash
            or not hmac.compare_digest(password.encode(), self._password.encode())
        ):
            return None
        self._thread.join()
        if self._failed:
            return None  # the check could not be made there: the caller verifies
        return self._matches and password_hash is not None


def verify_sparing_a_core(password_hash: str, password: str) -> bool:
    """``PasswordHasher().verify(password_hash, password)``, leaving a core to the command.

    argon2 computes a hash of parallelism p (4 for ``accounts``' hashes) on p
    threads of its own; on a machine of two cores those took the core the
    interpreter was importing on, and a command waited for the check's share
    of it although the check is not what it waits for. The same lanes worked
    through on fewer threads give the same hash (the parallelism is part of
    the hash, the number of threads is not): here on at most one thread fewer
    than the machine has cores (one on two cores). Raises ``VerificationError`` or
    ``InvalidHashError`` as ``PasswordHasher.verify`` does; returns True on a
    match.
    """
    import base64
    import binascii
    import hmac

    from argon2 import PasswordHasher, extract_parameters, low_level
    from argon2.exceptions import InvalidHashError, VerifyMismatchError
    from argon2.low_level import ARGON2_VERSION, core, ffi

    lib = low_level.lib  # type: ignore[attr-defined]  # its constants, as argon2's docs use them

    parameters = extract_parameters(password_hash)  # InvalidHashError if malformed
    fields = password_hash.split("$")
    if parameters.version != ARGON2_VERSION or len(fields) != 6:
        return PasswordHasher().verify(password_hash, password)  # an older form: as it was
    try:
        salt, tag = (base64.b64decode(f + "=" * (-len(f) % 4), validate=True) for f in fields[4:])
    except binascii.Error:
        raise InvalidHashError(password_hash) from None
    secret = password.encode()
    threads = max(1, min(parameters.parallelism, (os.cpu_count() or 1) - 1))
    out = ffi.new("uint8_t[]", len(tag))
    c_secret, c_salt = ffi.new("uint8_t[]", secret), ffi.new("uint8_t[]", salt)
    context = ffi.new(
        "argon2_context *",
        {
            "out": out, "outlen": len(tag), "pwd": c_secret, "pwdlen": len(secret),
            "salt": c_salt, "saltlen": len(salt), "secret": ffi.NULL, "secretlen": 0,
            "ad": ffi.NULL, "adlen": 0, "t_cost": parameters.time_cost,
            "m_cost": parameters.memory_cost, "lanes": parameters.parallelism, "threads": threads,
            "version": parameters.version, "allocate_cbk": ffi.NULL, "free_cbk": ffi.NULL,
            "flags": lib.ARGON2_DEFAULT_FLAGS,
        },
    )  # fmt: skip
    status = core(context, parameters.type.value)
    if status != lib.ARGON2_OK:
        return PasswordHasher().verify(password_hash, password)  # let argon2 say what is wrong
    if not hmac.compare_digest(bytes(ffi.buffer(out, len(tag))), tag):
        raise VerifyMismatchError("The password does not match the supplied hash")
    return True


def _load_extensions() -> None:
    for name in EXTENSIONS:
        try:
            importlib.import_module(name)
        except ImportError:
            pass  # the module that needs it says so in its own import


def start(url: str, username: str, password: str) -> PasswordAhead | None:
    """Start checking ``password`` for ``username`` of the SQLite database at ``url``;
    None when ``url`` is no plain SQLite file. If the hash cannot be read without
    the application's database layer (an encrypted file, one others may read), the
    check takes no part: :meth:`PasswordAhead.result_for` answers None."""
    if not username or not password:
        return None
    if sqlite_file(url) is None:
        return None
    return PasswordAhead(None, password, read_from=url, username=username)
