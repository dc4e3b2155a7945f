"""This workstation's Ed25519 signing key, kept outside the database.

The private key lives either in the operating system's keyring (through
``keyring``) or in a file readable by the user only, in the user
configuration folder. Beside it, ``signing-key.json`` holds the public key,
its id (fingerprint), the workstation's name and where the private key is.
A copy of the database therefore never carries the key that signs its
checkpoints.

``trusted-keys`` in the same folder lists the ids of other keys this
workstation trusts on its own, whatever the database says (an earlier
workstation's, after its database moved here): an administrator adds one
with ``casedesk audit key trust KEYID`` once the id was checked where the
key lives. The id is the public key's fingerprint, so trusting an id trusts
exactly one key.
"""

from __future__ import annotations

import base64
import datetime as dt
import enum
import hashlib
import json
import os
import re
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app import config
from app.domain.errors import InvalidInput
from app.privatefiles import private_dir

# keyring and cryptography take a noticeable part of a second to import: they
# are loaded only when a key is made, loaded or checked, not on every start.
if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )

KEYRING_SERVICE = "casedesk-signing-key"
_INFO = "signing-key.json"
_PRIVATE = "signing-key.pem"
_TRUSTED = "trusted-keys"
_KEY_ID = re.compile(r"[0-9a-f]{16}")


class KeyStorage(enum.StrEnum):
    """Where the private key is kept."""

    KEYRING = "keyring"
    FILE = "file"


@dataclass(frozen=True, slots=True)
class LocalKey:
    """This workstation's key as described beside it (no private material)."""

    key_id: str
    #: The raw public key, base64.
    public_key: str
    name: str
    storage: KeyStorage
    folder: Path

    @property
    def private_path(self) -> Path:
        return self.folder / _PRIVATE


@dataclass(frozen=True, slots=True)
class KeyProvision:
    """What :func:`ensure_local_key` did: the key, whether it is new, and any note."""

    key: LocalKey
    created: bool
    note: str = ""


def key_folder() -> Path:
    """Where the key's description (and a file-kept private key) live."""
    return config.config_dir() / "signing"


def fingerprint(public_key: str) -> str:
    """The key id: the first 16 hex digits of SHA-256 of the raw public key."""
    return hashlib.sha256(base64.b64decode(public_key)).hexdigest()[:16]


def public_key_text(key: Ed25519PublicKey) -> str:
    from cryptography.hazmat.primitives import serialization

    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def verify_signature(public_key: str, signature: str, message: bytes) -> bool:
    """Whether ``signature`` (base64) is ``public_key``'s Ed25519 signature of ``message``."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key, validate=True))
        key.verify(base64.b64decode(signature, validate=True), message)
    except (InvalidSignature, ValueError):
        return False
    return True


def local_key() -> LocalKey | None:
    """This workstation's key, or None when it has none (or its description is unreadable)."""
    folder = key_folder()
    try:
        info = json.loads((folder / _INFO).read_text(encoding="utf-8"))
        key = LocalKey(
            key_id=str(info["key_id"]),
            public_key=str(info["public_key"]),
            name=str(info["name"]),
            storage=KeyStorage(info["storage"]),
            folder=folder,
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if fingerprint(key.public_key) != key.key_id:
        return None
    return key


def is_key_id(text: str) -> bool:
    """Whether ``text`` has the form of a key id (16 lower-case hex digits)."""
    return _KEY_ID.fullmatch(text) is not None


def parse_key_id(text: str) -> str:
    """``text`` as a key id (trimmed, lower case); :class:`InvalidInput` when it is none."""
    key_id = text.strip().lower()
    if not is_key_id(key_id):
        raise InvalidInput(
            f"'{text.strip()}' is not a key id: 16 hex digits, as 'casedesk audit key list' shows.",
            field="key_id",
        )
    return key_id


def trusted_key_ids() -> frozenset[str]:
    """The ids of the keys this workstation trusts without the database.

    Its own key's, and those an administrator added to ``trusted-keys``
    (:func:`trust_key_id`). A line that is not a key id is ignored.
    """
    mine = local_key()
    ids = {mine.key_id} if mine is not None else set()
    try:
        text = (key_folder() / _TRUSTED).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return frozenset(ids)
    ids.update(line.strip() for line in text.splitlines() if is_key_id(line.strip()))
    return frozenset(ids)


def trust_key_id(key_id: str) -> bool:
    """Add ``key_id`` to this workstation's trusted keys; False if it was trusted already."""
    key_id = parse_key_id(key_id)
    if key_id in trusted_key_ids():
        return False
    folder = key_folder()
    _make_private_folder(folder)
    try:
        kept = (folder / _TRUSTED).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        kept = []
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidInput(
            f"Cannot read {folder / _TRUSTED} ({error}); move it aside and trust the keys again."
        ) from None
    lines = [line.strip() for line in kept if is_key_id(line.strip())] + [key_id]
    _write_private(folder / _TRUSTED, ("\n".join(lines) + "\n").encode("ascii"))
    return True


def keyring_problem() -> str:
    """Why the OS keyring cannot keep the key ("" when it can)."""
    import keyring
    import keyring.backends.fail

    try:
        backend = keyring.get_keyring()
    except Exception as error:  # noqa: BLE001 - any backend failure means "not usable"
        return f"the keyring cannot be opened ({error})"
    priority = getattr(backend, "priority", 0)
    if isinstance(backend, keyring.backends.fail.Keyring) or not priority or priority <= 0:
        return "no keyring service is available (none runs on a headless Linux system)"
    return ""


def ensure_local_key(storage: KeyStorage | str | None = None) -> KeyProvision:
    """This workstation's key, created if missing.

    ``storage`` None takes the keyring when one is usable, else a file; asking
    for the keyring where none is usable falls back to a file and says so.
    """
    import keyring
    import keyring.errors
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    existing = local_key()
    if existing is not None:
        return KeyProvision(existing, created=False)
    wanted = parse_storage(storage)
    note = ""
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    public = public_key_text(private.public_key())
    key_id = fingerprint(public)
    folder = key_folder()
    _make_private_folder(folder)
    actual = KeyStorage.FILE
    if wanted is not KeyStorage.FILE:
        problem = keyring_problem()
        if not problem:
            try:
                keyring.set_password(KEYRING_SERVICE, key_id, pem.decode("ascii"))
                actual = KeyStorage.KEYRING
            except keyring.errors.KeyringError as error:
                problem = f"the keyring refused the key ({error})"
        if problem:
            note = f"The signing key is kept in a file readable only by you, because {problem}."
    if actual is KeyStorage.FILE:
        _write_private(folder / _PRIVATE, pem)
    info = {
        "key_id": key_id,
        "public_key": public,
        "name": workstation_name(),
        "storage": actual.value,
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    _write_private(folder / _INFO, json.dumps(info, indent=2).encode())
    key = local_key()
    assert key is not None
    return KeyProvision(key, created=True, note=note)


def load_private_key(key: LocalKey) -> Ed25519PrivateKey | str:
    """The private key, or why it cannot be had."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    try:
        if key.storage is KeyStorage.KEYRING:
            pem_or_reason = _keyring_pem(key)
            if isinstance(pem_or_reason, str):
                return pem_or_reason
            pem = pem_or_reason
        else:
            pem = key.private_path.read_bytes()
        private = serialization.load_pem_private_key(pem, password=None)
    except OSError as error:
        return f"the key file {key.private_path} cannot be read ({error.strerror})"
    except (ValueError, TypeError):
        return f"the private key {key.key_id} is damaged"
    if not isinstance(private, Ed25519PrivateKey):
        return f"the private key {key.key_id} is not an Ed25519 key"
    if public_key_text(private.public_key()) != key.public_key:
        return f"the private key does not belong to key {key.key_id}"
    return private


def _keyring_pem(key: LocalKey) -> bytes | str:
    """The private key's PEM from the OS keyring, or why it cannot be had.

    keyring (and its backends) load only for a key kept there: a key in a
    file signs without them.
    """
    import keyring
    import keyring.errors

    try:
        text = keyring.get_password(KEYRING_SERVICE, key.key_id)
    except keyring.errors.KeyringError as error:
        return f"the keyring cannot be read ({error})"
    if text is None:
        return f"the keyring holds no private key {key.key_id}"
    return text.encode("ascii")


def sign(private: Ed25519PrivateKey, message: bytes) -> str:
    return base64.b64encode(private.sign(message)).decode("ascii")


def workstation_name() -> str:
    return (socket.gethostname() or "workstation")[:120]


def parse_storage(value: KeyStorage | str | None) -> KeyStorage | None:
    if value is None or isinstance(value, KeyStorage):
        return value
    try:
        return KeyStorage(value)
    except ValueError:
        raise InvalidInput(
            f"'{value}' is not a place for the signing key: keyring or file."
        ) from None


def _make_private_folder(folder: Path) -> None:
    try:
        private_dir(folder)  # and its missing parents, 0700 like it
    except OSError as error:
        raise InvalidInput(
            f"Cannot create the folder {folder} for the signing key: {error.strerror}."
        ) from None


def _write_private(path: Path, data: bytes) -> None:
    """Write ``path`` readable by the user only, whole or not at all."""
    temp = path.with_name(f".{path.name}.part")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.fchmod(fd, 0o600)
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise InvalidInput(f"Cannot write {path}: {error.strerror}.") from None
