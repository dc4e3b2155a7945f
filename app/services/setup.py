"""Initialising a database: schema, policy catalog, first administrator."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.domain.actor import Actor
from app.services import accounts
from app.services.catalog import CatalogLoad, load_catalog
from app.services.database import Database
from app.services.integrity.checkpoints import (
    CheckpointOutcome,
    make_checkpoint,
    set_aside_earlier_file,
)
from app.services.integrity.keys import KeyStorage, parse_storage
from app.services.integrity.registry import Registration, register_local_key
from app.services.retry import retried

#: Who the audit log names for catalog loads made by ``init`` itself.
SYSTEM_ACTOR = "casedesk-init"


@dataclass(frozen=True, slots=True)
class InitResult:
    """What ``init`` did."""

    administrator: Actor | None
    catalog: CatalogLoad
    #: This workstation's signing key, made and registered with the first administrator.
    signing: Registration | None = None
    #: The first audit checkpoint, signed with that key.
    checkpoint: CheckpointOutcome | None = None
    #: Where an earlier database's checkpoint file, found at this database's place, was moved.
    earlier_checkpoints: Path | None = None


def needs_administrator(database: Database) -> bool:
    """Whether ``init`` must create the first administrator."""
    return not accounts.has_users(database)


@retried
def initialize(
    database: Database,
    *,
    admin_username: str | None = None,
    admin_full_name: str | None = None,
    admin_password: str | None = None,
    signing_key: KeyStorage | str | None = None,
) -> InitResult:
    """Load the policy catalog and, on a new database, create the first administrator.

    With the first administrator, this workstation's signing key is created
    (if it has none) in ``signing_key`` (the OS keyring or a file; None: the
    keyring when one is usable) and registered, and a first checkpoint of
    the audit chain is signed. Safe to run again: the catalog load changes
    only what changed.
    """
    storage = parse_storage(signing_key)
    admin = None
    earlier = None
    if needs_administrator(database):
        # A new database: a checkpoint file at its place is an earlier database's.
        earlier = set_aside_earlier_file(database)
        admin = accounts.bootstrap_administrator(
            database,
            username=admin_username or "",
            full_name=admin_full_name or "",
            password=admin_password or "",
        )
    with database.unit_of_work(write=True) as uow:
        loaded = load_catalog(uow, admin.username if admin else SYSTEM_ACTOR)
        uow.commit()
    if admin is None:
        return InitResult(admin, loaded, earlier_checkpoints=earlier)
    signing = register_local_key(database, admin.username, storage=storage)
    return InitResult(admin, loaded, signing, make_checkpoint(database), earlier)
