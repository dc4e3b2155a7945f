"""Encryption at rest for the SQLite database file (opt-in).

What it protects and what it does not is in ``docs/security.md``.
"""

from app.db.sqlcipher import FileKind
from app.services.encryption.conversion import (
    ConversionResult,
    database_file,
    decrypt,
    encrypt,
    existing_file,
    file_kind,
    is_encrypted,
    new_database_key,
    require_new_file,
    stored_key,
)
from app.services.encryption.keys import (
    MIN_PASSPHRASE_LENGTH,
    check_passphrase,
    forget_key,
    keyring_key,
    keyring_problem,
)

__all__ = [
    "MIN_PASSPHRASE_LENGTH",
    "ConversionResult",
    "FileKind",
    "check_passphrase",
    "database_file",
    "decrypt",
    "encrypt",
    "existing_file",
    "file_kind",
    "forget_key",
    "is_encrypted",
    "keyring_key",
    "keyring_problem",
    "new_database_key",
    "require_new_file",
    "stored_key",
]
