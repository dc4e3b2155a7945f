"""Where the key of an encrypted database lives: the OS keyring, or a passphrase.

A key kept in the keyring is 32 random bytes, written as SQLCipher's raw key
``x'<64 hex digits>'`` (no key derivation is needed for it). It is filed
under the database file's absolute path, so a moved file needs its
passphrase or its entry moved with it.
"""

from __future__ import annotations

from pathlib import Path

from app.domain.errors import InvalidInput

#: The keyring's service name for database keys; the entry's user name is the file's path.
KEYRING_SERVICE = "casedesk-database"
#: The shortest passphrase accepted for a database (a lost one cannot be recovered).
MIN_PASSPHRASE_LENGTH = 12

_NO_KEYRING = (
    "No OS keyring is available here ({0}). On Linux the keyring needs a Secret Service "
    "(GNOME Keyring or KWallet) running in a desktop session, which a headless machine or a "
    "bare terminal does not have. Use a passphrase instead: leave out --keyring and give it "
    "in CASEDESK_DB_PASSPHRASE or at the prompt."
)


def check_passphrase(passphrase: str) -> None:
    """Refuse a passphrase too short to protect the file (invalid input)."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise InvalidInput(
            f"The passphrase has {len(passphrase)} characters; a database passphrase needs "
            f"at least {MIN_PASSPHRASE_LENGTH}. Choose a longer one (a few unrelated words "
            "are easy to remember); nothing was changed."
        )


def new_key() -> str:
    """A random 256-bit raw key for SQLCipher."""
    import secrets  # here: opening a database does not make a key

    return f"x'{secrets.token_hex(32)}'"


def keyring_problem() -> str | None:
    """Why no OS keyring can be used here, or None when one can."""
    try:
        import keyring
        from keyring.backends import chainer, fail, null
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        return _NO_KEYRING.format(f"the keyring package is missing: {exc}")
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring | null.Keyring) or (
        isinstance(backend, chainer.ChainerBackend) and not backend.backends
    ):
        return _NO_KEYRING.format("no keyring backend was found")
    return None


def _entry(path: Path) -> str:
    return str(path.expanduser().resolve())


def keyring_key(path: Path) -> str | None:
    """The key kept in the keyring for the database file ``path``, if any."""
    if keyring_problem() is not None:
        return None
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, _entry(path))
    except KeyringError:
        return None  # a locked or broken keyring: the passphrase is asked instead


def store_key(path: Path, key: str) -> None:
    """Keep ``key`` in the keyring for ``path`` and read it back; raise if it did not stick."""
    problem = keyring_problem()
    if problem is not None:
        raise InvalidInput(problem)
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, _entry(path), key)
        stored = keyring.get_password(KEYRING_SERVICE, _entry(path))
    except KeyringError as exc:
        raise InvalidInput(_NO_KEYRING.format(f"the keyring refused the key: {exc}")) from None
    if stored != key:
        raise InvalidInput(_NO_KEYRING.format("the keyring did not keep the key"))


def forget_key(path: Path) -> bool:
    """Remove the keyring entry of ``path``; whether there was one."""
    if keyring_problem() is not None:
        return False
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        keyring.delete_password(KEYRING_SERVICE, _entry(path))
    except PasswordDeleteError:
        return False
    except KeyringError:
        return False
    return True
