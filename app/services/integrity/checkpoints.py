"""Signed checkpoints of the audit chain: making them, keeping them, finding them again.

A checkpoint (event number, its hash, the time, the signer's key id and an
Ed25519 signature) is written on every report, export and ``audit verify``,
and when a database is opened whose newest checkpoint is older than a day.
It goes into the database (``audit_checkpoints``) and is appended to a
checkpoint file outside it: ``<database>.checkpoints`` beside a SQLite file,
or a file named after the server and database in the user data folder for
PostgreSQL. Reports print it and bundles carry it.

Before signing, the events since the newest checkpoint signed by a key this
workstation holds or trusts (never one the database alone vouches for) are
re-hashed, so a checkpoint never vouches for a tail that was already
tampered with.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import String, select, type_coerce
from sqlalchemy.exc import SQLAlchemyError

from app import config
from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import AuditCheckpoint, AuditEvent
from app.domain.audit import GENESIS_HASH
from app.domain.checkpoints import (
    CHECKPOINT_FORMAT,
    CHECKPOINT_VERSION,
    Checkpoint,
    is_hash,
    parse_checkpoint_time,
)
from app.domain.errors import Refused
from app.privatefiles import private_dir
from app.services import audit, start_checks
from app.services.database import Database
from app.services.integrity import keys, registry

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

SOURCE_FILE = "checkpoint file"
SOURCE_DATABASE = "database"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True, slots=True)
class FoundCheckpoint:
    """A checkpoint as found: where (``source``) and exactly where (``place``)."""

    checkpoint: Checkpoint
    source: str
    place: str


@dataclass(frozen=True, slots=True)
class CheckpointOutcome:
    """What making a checkpoint gave: the checkpoint, where it went, or why it is not signed."""

    checkpoint: Checkpoint | None
    written: tuple[str, ...] = ()
    #: Why no (signed) checkpoint was written; "" when one was.
    warning: str = ""

    @property
    def line(self) -> str:
        """ "Audit checkpoint: …" as a report prints it ("" when there is none)."""
        return f"Audit checkpoint: {self.checkpoint.line}" if self.checkpoint else ""

    def manifest_entry(self) -> dict[str, object] | None:
        """The checkpoint as a bundle's ``manifest.json`` holds it."""
        cp = self.checkpoint
        if cp is None:
            return None
        entry: dict[str, object] = {
            "seq": cp.seq,
            "head_hash": cp.head_hash,
            "at": cp.at_text,
            "signed": cp.signed,
            "line": self.line,
        }
        if cp.signed:
            mine = keys.local_key()
            entry.update(
                key_id=cp.key_id,
                signature=cp.signature,
                public_key=mine.public_key if mine else None,
                signed_message=cp.message().decode(),
            )
        else:
            entry["note"] = self.warning
        return entry


def checkpoint_file(database: Database) -> Path | None:
    """Where this database's checkpoint file is (None for an in-memory database)."""
    url = database.engine.url
    if database.dialect == "sqlite":
        if url.database in (None, "", ":memory:"):
            return None
        path = Path(url.database).expanduser().resolve()
        return path.with_name(path.name + ".checkpoints")
    name = f"{url.host or 'local'}-{url.port or 5432}-{url.database or 'postgres'}"
    return config.data_dir() / "checkpoints" / (_UNSAFE.sub("_", name) + ".checkpoints")


def set_aside_earlier_file(database: Database) -> Path | None:
    """Move aside a checkpoint file an earlier database at this place left; its new path.

    A database this process has just made (``database.created``: it had
    none of Casedesk's tables) has had no checkpoint, so the checkpoints in
    a file at its place belong to another database (one deleted or dropped,
    then made again under the same name). Left there, they would fail every
    check of the new log as if it had been rewritten. The file is renamed,
    never deleted (``NAME.checkpoints.earlier-STAMP``), so it still proves
    the earlier database if that comes back. None when there is no such file
    (or an empty one), or the database existed before: however emptied, its
    file stays, and ``audit verify`` says what was cut.
    """
    path = checkpoint_file(database)
    try:
        if not database.created or path is None or path.stat().st_size == 0:
            return None
    except FileNotFoundError:
        return None
    stamp = utcnow().strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.earlier-{stamp}")
    for number in range(2, 100):
        if not target.exists():
            break
        target = path.with_name(f"{path.name}.earlier-{stamp}-{number}")
    try:
        os.rename(path, target)
    except OSError as error:
        raise Refused(
            f"{path} holds the checkpoints of an earlier database at this place and cannot "
            f"be moved aside ({error.strerror or error}). Move it out of the way yourself "
            "(keep it while that database may come back), then run this again."
        ) from None
    return target


# -- reading ---------------------------------------------------------------------------------


def database_checkpoints(uow: UnitOfWork) -> tuple[list[FoundCheckpoint], list[str]]:
    """Every checkpoint in the database, oldest first, and the rows that are not one.

    The time is read as stored and parsed here: a row whose time is not a time
    (written outside Casedesk) is named, not a crash.
    """
    table = AuditCheckpoint.__table__
    signed_at = table.c.signed_at
    stored = type_coerce(signed_at, String()) if uow.dialect == "sqlite" else signed_at
    rows = uow.session.connection().execute(
        select(table.c.id, table.c.seq, table.c.head_hash, stored, table.c.key_id,
               table.c.signature).order_by(table.c.id)
    )  # fmt: skip
    found: list[FoundCheckpoint] = []
    damaged: list[str] = []
    for row_id, seq, head_hash, at, key_id, signature in rows:
        place = f"row {row_id} of table audit_checkpoints"
        moment = audit.stored_utc(at)
        if moment is None or not isinstance(seq, int) or not isinstance(head_hash, str):
            damaged.append(f"{place} is not a checkpoint (the database was changed outside "
                           "Casedesk)")  # fmt: skip
            continue
        found.append(
            FoundCheckpoint(
                Checkpoint(seq, head_hash, moment, str(key_id), str(signature)),
                SOURCE_DATABASE,
                place,
            )
        )
    return found, damaged


def file_checkpoints(path: Path | None) -> tuple[list[FoundCheckpoint], list[str]]:
    """The checkpoints in the file (none if it does not exist), and its damaged lines."""
    found: list[FoundCheckpoint] = []
    damaged: list[str] = []
    if path is None:
        return found, damaged
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return found, damaged
    except (OSError, UnicodeDecodeError) as error:
        return found, [f"the checkpoint file {path} cannot be read ({error})"]
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        place = f"line {number} of {path}"
        try:
            found.append(FoundCheckpoint(_from_json(json.loads(line)), SOURCE_FILE, place))
        except (ValueError, KeyError, TypeError):
            damaged.append(f"{place} is not a checkpoint (the file was damaged or edited)")
    return found, damaged


def _from_json(value: dict[str, object]) -> Checkpoint:
    if value["format"] != CHECKPOINT_FORMAT or value["version"] != CHECKPOINT_VERSION:
        raise ValueError("not a checkpoint")
    seq, head_hash = value["seq"], value["head_hash"]
    if not isinstance(seq, int) or not isinstance(head_hash, str) or not is_hash(head_hash):
        raise ValueError("not a checkpoint")
    return Checkpoint(
        seq,
        head_hash,
        parse_checkpoint_time(str(value["at"])),
        str(value["key_id"]),
        str(value["signature"]),
    )


def signature_problem(found: FoundCheckpoint, known: dict[str, str]) -> str:
    """Why ``found`` cannot be trusted ("" when its signature verifies with a known key)."""
    cp = found.checkpoint
    public = known.get(cp.key_id)
    name = f"checkpoint {cp.seq}:{cp.head_hash[:12]}… ({found.place})"
    if public is None:
        return (
            f"{name} is signed by key {cp.key_id or '(none)'}, which is neither this "
            "workstation's key nor registered in the database"
        )
    if not keys.verify_signature(public, cp.signature, cp.message()):
        return f"{name} has a signature that does not verify: it was altered or forged"
    return ""


def all_checkpoints(database: Database, uow: UnitOfWork) -> tuple[list[FoundCheckpoint], list[str]]:
    """The checkpoints in the checkpoint file and the database, and the file's damaged lines."""
    in_file, damaged = file_checkpoints(checkpoint_file(database))
    in_database, bad_rows = database_checkpoints(uow)
    return in_file + in_database, damaged + bad_rows


# -- writing ---------------------------------------------------------------------------------


def make_checkpoint(
    database: Database, *, verified: tuple[int, str] | None = None
) -> CheckpointOutcome:
    """Sign the chain head and keep the checkpoint in the database and the checkpoint file.

    ``verified`` (seq, hash) is an event the caller has just verified the
    chain up to; otherwise the events since the newest trusted checkpoint are
    re-hashed first. A workstation that cannot sign gets an unsigned
    checkpoint (to print) and the reason in ``warning``; a chain that does
    not verify gets no checkpoint at all.
    """
    now = utcnow().replace(microsecond=0)
    key = keys.local_key()
    with database.unit_of_work(snapshot=True) as uow:
        head = audit.read_head(uow)
        seq, head_hash = head.seq, head.hash
        if seq == 0:
            return CheckpointOutcome(None)
        problem = _unverified_tail(database, uow, seq, head_hash, verified)
        signer = _signer(uow, key)
    if problem:
        return CheckpointOutcome(
            None,
            warning=f"No audit checkpoint was written: {problem}. Run 'casedesk audit verify'.",
        )
    if isinstance(signer, str):
        return CheckpointOutcome(Checkpoint(seq, head_hash, now, "", ""), warning=signer)
    assert key is not None
    message = Checkpoint(seq, head_hash, now, key.key_id, "").message()
    checkpoint = Checkpoint(seq, head_hash, now, key.key_id, keys.sign(signer, message))
    written: list[str] = []
    warnings: list[str] = []
    try:
        with database.unit_of_work(write=True) as uow:
            uow.session.add(
                AuditCheckpoint(
                    seq=seq,
                    head_hash=head_hash,
                    signed_at=now,
                    key_id=key.key_id,
                    signature=checkpoint.signature,
                )  # fmt: skip
            )
            uow.commit()
        written.append("the database")
    except SQLAlchemyError as error:
        warnings.append(f"the database did not take the audit checkpoint ({type(error).__name__})")
    path = checkpoint_file(database)
    if path is not None:
        try:
            _append(path, checkpoint, key.public_key)
            written.append(f"the checkpoint file {path}")
        except OSError as error:
            warnings.append(f"the checkpoint file {path} cannot be written ({error.strerror})")
    return CheckpointOutcome(checkpoint, tuple(written), "; ".join(warnings))


def daily_checkpoint(database: Database) -> CheckpointOutcome | None:
    """A checkpoint when the newest one in the database is older than a day (else None)."""
    if not start_checks.checkpoint_due(database):
        return None
    return make_checkpoint(database)


def _signer(uow: UnitOfWork, key: keys.LocalKey | None) -> Ed25519PrivateKey | str:
    register = "an administrator runs 'casedesk --user ADMIN audit key register' on it"
    if key is None:
        return (
            "This workstation has no signing key, so audit checkpoints are not signed here; "
            f"{register}."
        )
    if not registry.is_registered(uow, key):
        if key.key_id in registry.known_ids(uow):
            # The id is the key's fingerprint: only a change outside Casedesk gives it
            # another public key.
            return (
                f"This workstation's signing key {key.key_id} is registered in this database "
                "with another public key: the key registry was changed outside Casedesk, so "
                "audit checkpoints are not signed here. An administrator runs 'casedesk audit "
                "verify' and restores the database from a backup."
            )
        return (
            f"This workstation's signing key {key.key_id} is not registered in this database, "
            f"so audit checkpoints are not signed here; {register}."
        )
    private = keys.load_private_key(key)
    if isinstance(private, str):
        return f"Audit checkpoints cannot be signed here: {private}."
    return private


def _unverified_tail(
    database: Database,
    uow: UnitOfWork,
    seq: int,
    head_hash: str,
    verified: tuple[int, str] | None,
) -> str:
    """Why the chain from the newest trusted point to the head does not hold ("" if it does)."""
    start_seq, start_hash = 0, GENESIS_HASH
    if verified is not None:
        start_seq, start_hash = verified
    else:
        # Every report adds a checkpoint: only those beyond the head and the newest
        # trusted one decide, so signatures are checked newest first until one holds.
        known = registry.known_keys(uow)
        found, _damaged = all_checkpoints(database, uow)
        for candidate in found:
            cp = candidate.checkpoint
            if cp.seq > seq and not signature_problem(candidate, known):
                return (
                    f"the log ends at event {seq} but signed checkpoint {cp.reference[:20]}… "
                    f"records event {cp.seq} (events were deleted)"
                )
        # The tail is re-hashed from a checkpoint signed by a key this workstation holds
        # or trusts, never from one whose key only the database vouches for: whoever can
        # change the database can register a key of their own and sign a rewritten log.
        trusted = keys.trusted_key_ids()
        older = sorted(
            (f for f in found if f.checkpoint.seq <= seq and f.checkpoint.key_id in trusted),
            key=lambda f: -f.checkpoint.seq,
        )
        newest = next((f.checkpoint for f in older if not signature_problem(f, known)), None)
        if newest is not None:
            start_seq, start_hash = newest.seq, newest.head_hash
    if start_seq > 0:
        stored = uow.session.scalar(select(AuditEvent.hash).where(AuditEvent.seq == start_seq))
        if stored != start_hash:
            return (
                f"audit event {start_seq} no longer matches its signed checkpoint "
                f"{start_seq}:{start_hash[:12]}… (the log was rewritten or cut)"
            )
    result = audit.check_chain(
        uow,
        after_seq=start_seq,
        after_hash=start_hash,
        head_seq=seq,
        head_hash=head_hash,
    )
    return result.finding.message if result.finding else ""


def _append(path: Path, checkpoint: Checkpoint, public_key: str) -> None:
    """Append one JSON line; the file is created readable by the user only."""
    line = json.dumps(
        {
            "format": CHECKPOINT_FORMAT,
            "version": CHECKPOINT_VERSION,
            "seq": checkpoint.seq,
            "head_hash": checkpoint.head_hash,
            "at": checkpoint.at_text,
            "key_id": checkpoint.key_id,
            "signature": checkpoint.signature,
            "public_key": public_key,
        },
        sort_keys=True,
    )
    if not path.parent.is_dir():  # the user data folder, for PostgreSQL
        private_dir(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, (line + "\n").encode())
        os.fsync(fd)
    finally:
        os.close(fd)
