"""Registering workstations' public keys in the database, and which keys are known.

On PostgreSQL several workstations share the database: each one's key is
registered by an administrator on that workstation, so every workstation
can check the checkpoints the others signed. The registry is in the
database and so no stronger than it; this workstation's own public key,
kept beside its private key, is known whatever the database says, and so
are the keys an administrator trusted on this workstation
(:func:`trust_registered_key`): only a checkpoint signed by one of those
anchors the log against someone who can change the database.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import SigningKey
from app.domain.actor import Actor
from app.domain.errors import InvalidInput, NotFound, Refused
from app.domain.permissions import Permission
from app.services import audit
from app.services.database import Database
from app.services.integrity.keys import (
    KeyStorage,
    LocalKey,
    ensure_local_key,
    fingerprint,
    local_key,
    parse_key_id,
    trust_key_id,
    trusted_key_ids,
    workstation_name,
)


@dataclass(frozen=True, slots=True)
class RegisteredKey:
    """A public key registered in the database."""

    key_id: str
    public_key: str
    name: str
    registered_by: str
    registered_at: dt.datetime
    #: Whether it is this workstation's key.
    local: bool = False
    #: Whether this workstation trusts it without the database (its own, or trusted here).
    trusted_here: bool = False


@dataclass(frozen=True, slots=True)
class Registration:
    """What :func:`register_local_key` did."""

    key: LocalKey
    created: bool
    newly_registered: bool
    note: str = ""


def register_local_key(
    database: Database,
    actor: Actor | str,
    *,
    storage: KeyStorage | str | None = None,
) -> Registration:
    """Create this workstation's key if missing and register it in the database.

    ``actor`` is an administrator, or the bootstrap's name when ``init``
    registers the first workstation's key. Audited as ``signing_key.register``.
    """
    if isinstance(actor, Actor):
        actor.require(Permission.DATABASE_ADMIN)
    provision = ensure_local_key(storage)
    key = provision.key
    with database.unit_of_work(write=True) as uow:
        row = uow.session.scalar(select(SigningKey).where(SigningKey.key_id == key.key_id))
        if row is not None:
            if row.public_key != key.public_key:
                raise Refused(
                    f"The database registers a different public key under this workstation's "
                    f"key id {key.key_id}; the registry was altered outside Casedesk. Run "
                    "'casedesk audit verify' and restore the database from a backup."
                )
            return Registration(key, provision.created, False, provision.note)
        name = actor if isinstance(actor, str) else actor.username
        uow.session.add(
            SigningKey(
                key_id=key.key_id,
                public_key=key.public_key,
                name=key.name,
                registered_by=name,
                registered_at=utcnow(),
            )
        )
        uow.session.flush()
        audit.record(
            uow, actor, "signing_key.register", entity_type="signing_key",
            entity_id=key.key_id,
            details={"key_id": key.key_id, "public_key": key.public_key, "name": key.name},
        )  # fmt: skip
        uow.commit()
    return Registration(key, provision.created, True, provision.note)


def registered_keys(uow: UnitOfWork) -> list[RegisteredKey]:
    """Every key in the database's registry, oldest first."""
    mine = local_key()
    trusted = trusted_key_ids()
    rows = uow.session.scalars(select(SigningKey).order_by(SigningKey.id))
    return [
        RegisteredKey(
            r.key_id,
            r.public_key,
            r.name,
            r.registered_by,
            r.registered_at,
            local=mine is not None and mine.key_id == r.key_id,
            trusted_here=r.key_id in trusted and _fingerprint_or_none(r.public_key) == r.key_id,
        )  # fmt: skip
        for r in rows
    ]


def trust_registered_key(
    database: Database, actor: Actor, key_id: str
) -> tuple[RegisteredKey, bool]:
    """Trust the registered key ``key_id`` on this workstation, whatever the database says later.

    For a database that moved here from another workstation: the checkpoints
    that workstation wrote into the checkpoint file anchor the log again once
    its key is trusted here. The administrator checks the id where the key
    lives first (``casedesk audit key list`` there): the registry is in the
    database, and whoever can change the database can register a key.
    Returns the key and whether it was newly trusted; audited as
    ``signing_key.trust`` (the first time).
    """
    actor.require(Permission.DATABASE_ADMIN)
    key_id = parse_key_id(key_id)
    with database.unit_of_work(write=True) as uow:
        found = next((k for k in registered_keys(uow) if k.key_id == key_id), None)
        if found is None:
            raise NotFound(
                f"No key {key_id} is registered in this database ('casedesk audit key list' "
                "shows those that are)."
            )
        if _fingerprint_or_none(found.public_key) != key_id:
            raise Refused(
                f"The database registers a public key under {key_id} whose fingerprint is not "
                f"{key_id}: the registry was altered outside Casedesk. Nothing was trusted."
            )
        if found.trusted_here:
            return found, False
        # Recorded first: a trust that could not be written is said, never one unrecorded.
        audit.record(
            uow, actor, "signing_key.trust", entity_type="signing_key", entity_id=key_id,
            details={"key_id": key_id, "name": found.name, "workstation": workstation_name()},
        )  # fmt: skip
        uow.commit()
    try:
        trust_key_id(key_id)
    except InvalidInput as error:
        raise InvalidInput(
            f"{error} The trust was recorded in the audit log but is not in effect: run the "
            "command again once the file can be written."
        ) from None
    return dataclasses.replace(found, trusted_here=True), True


def list_keys(database: Database, actor: Actor) -> list[RegisteredKey]:
    """The registered keys, for ``casedesk audit key list``."""
    actor.require(Permission.AUDIT_VERIFY)
    with database.unit_of_work() as uow:
        return registered_keys(uow)


def known_keys(uow: UnitOfWork) -> dict[str, str]:
    """Key id → public key of every key a checkpoint may be signed with.

    This workstation's own key comes first and cannot be overridden by the
    database; a registry row whose id is not its key's fingerprint is ignored.
    """
    keys = {
        r.key_id: r.public_key
        for r in registered_keys(uow)
        if _fingerprint_or_none(r.public_key) == r.key_id
    }
    mine = local_key()
    if mine is not None:
        keys[mine.key_id] = mine.public_key
    return keys


def known_ids(uow: UnitOfWork) -> set[str]:
    """The ids the registry holds, whatever public key each row holds."""
    return set(uow.session.scalars(select(SigningKey.key_id)))


def is_registered(uow: UnitOfWork, key: LocalKey) -> bool:
    """Whether ``key`` is registered in the database with its own public key."""
    row = uow.session.scalar(select(SigningKey).where(SigningKey.key_id == key.key_id))
    return row is not None and row.public_key == key.public_key


def _fingerprint_or_none(public_key: str) -> str | None:
    try:
        return fingerprint(public_key)
    except ValueError:
        return None
