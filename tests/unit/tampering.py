"""Editing a Casedesk database behind the application's back, as its holder could.

SQLite files are opened with the ``sqlite3`` module, PostgreSQL databases with
``psycopg``: no Casedesk code runs, exactly as for someone with a copy of the
file or a database login. Placeholders are written ``?`` for both.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy.engine import make_url

from app.domain.audit import GENESIS_HASH, canonical_json, chain_hash
from app.domain.checkpoints import parse_checkpoint_time, signed_message
from tests import sqlite_files


class RawDatabase:
    """One connection to the database file or server, committing on leave."""

    def __init__(self, url: str) -> None:
        parsed = make_url(url)
        self.postgres = parsed.get_backend_name() == "postgresql"
        if self.postgres:
            self.connection: Any = psycopg.connect(
                host=parsed.host, port=parsed.port, user=parsed.username, dbname=parsed.database
            )
        else:
            assert parsed.database
            self.connection = sqlite_files.connect(parsed.database)

    def execute(self, statement: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        if self.postgres:
            statement = statement.replace("?", "%s")
        cursor = self.connection.execute(statement, tuple(params))
        return list(cursor.fetchall()) if cursor.description else []

    def close(self) -> None:
        self.connection.commit()
        self.connection.close()


@contextlib.contextmanager
def raw(url: str) -> Iterator[RawDatabase]:
    database = RawDatabase(url)
    try:
        yield database
    finally:
        database.close()


def sql(url: str, *statements: str) -> None:
    with raw(url) as db:
        for statement in statements:
            db.execute(statement)


def events(db: RawDatabase) -> list[dict[str, Any]]:
    details = "details::text" if db.postgres else "details"
    rows = db.execute(
        "SELECT seq, occurred_at, actor, action, entity_type, entity_id, case_id, "
        f"{details}, prev_hash, hash FROM audit_events ORDER BY seq"
    )
    keys = ("seq", "occurred_at", "actor", "action", "entity_type", "entity_id", "case_id",
            "details", "prev_hash", "hash")  # fmt: skip
    out = []
    for row in rows:
        event = dict(zip(keys, row, strict=True))
        moment = event["occurred_at"]
        if isinstance(moment, str):
            moment = dt.datetime.fromisoformat(moment)
        event["occurred_at"] = moment
        event["details"] = json.loads(event["details"])
        out.append(event)
    return out


def rechain(db: RawDatabase, *, after: int = 0) -> tuple[int, str]:
    """Recompute every hash after event ``after`` and move the head, as a careful forger would."""
    prev = GENESIS_HASH
    last = 0
    for event in events(db):
        if event["seq"] <= after:
            prev = event["hash"]
            last = event["seq"]
            continue
        canonical = canonical_json(
            seq=event["seq"], occurred_at=event["occurred_at"], actor=event["actor"],
            action=event["action"], entity_type=event["entity_type"],
            entity_id=event["entity_id"], case_id=event["case_id"], details=event["details"],
        )  # fmt: skip
        digest = chain_hash(prev, canonical)
        db.execute(
            "UPDATE audit_events SET prev_hash = ?, hash = ? WHERE seq = ?",
            (prev, digest, event["seq"]),
        )
        prev, last = digest, event["seq"]
    db.execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", (last, prev))
    return last, prev


def rewrite_event(url: str, seq: int, details: dict[str, Any]) -> None:
    """Change one event's details and recompute every later hash and the head."""
    with raw(url) as db:
        db.execute(
            "UPDATE audit_events SET details = ? WHERE seq = ?",
            (json.dumps(details, sort_keys=True, separators=(",", ":")), seq),
        )
        rechain(db, after=seq - 1)


def reseal_event(url: str, seq: int, changes: dict[str, Any]) -> None:
    """Change some of one event's details and recompute that event's own hash alone
    (the next event's ``prev_hash`` and the head still hold the old one)."""
    with raw(url) as db:
        (event,) = [e for e in events(db) if e["seq"] == seq]
        details = {**event["details"], **changes}
        canonical = canonical_json(
            seq=seq, occurred_at=event["occurred_at"], actor=event["actor"],
            action=event["action"], entity_type=event["entity_type"],
            entity_id=event["entity_id"], case_id=event["case_id"], details=details,
        )  # fmt: skip
        db.execute(
            "UPDATE audit_events SET details = ?, hash = ? WHERE seq = ?",
            (json.dumps(details, sort_keys=True, separators=(",", ":")),
             chain_hash(event["prev_hash"], canonical), seq),
        )  # fmt: skip


def cut_tail(url: str, keep: int) -> None:
    """Delete every event after ``keep`` and move the head back to it."""
    with raw(url) as db:
        db.execute("DELETE FROM audit_events WHERE seq > ?", (keep,))
        rechain(db, after=keep)


def swap_evidence(url: str, item_id: int, data: bytes) -> str:
    """Replace an item's bytes and write the new SHA-256 everywhere the hash is kept."""
    new = hashlib.sha256(data).hexdigest()
    with raw(url) as db:
        (old,) = db.execute("SELECT sha256 FROM evidence_items WHERE id = ?", (item_id,))[0]
        db.execute(
            "INSERT INTO evidence_blobs (sha256, size, media_type, width, height, data, "
            "created_at) SELECT ?, ?, media_type, width, height, ?, created_at "
            "FROM evidence_blobs WHERE sha256 = ?",
            (new, len(data), data, old),
        )
        db.execute("UPDATE evidence_thumbnails SET sha256 = ? WHERE sha256 = ?", (new, old))
        db.execute(
            "UPDATE evidence_items SET sha256 = ?, size = ? WHERE id = ?", (new, len(data), item_id)
        )
        db.execute("DELETE FROM evidence_blobs WHERE sha256 = ?", (old,))
    return new


def _register_forged_key(db: RawDatabase) -> tuple[Any, str, str]:
    """An Ed25519 key of one's own, put into the database's key registry: (private, public, id)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.generate()
    public = base64.b64encode(
        private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
    ).decode("ascii")
    key_id = hashlib.sha256(base64.b64decode(public)).hexdigest()[:16]
    db.execute(
        "INSERT INTO signing_keys (key_id, public_key, name, registered_by, registered_at) "
        "VALUES (?, ?, 'forger', 'admin', ?)",
        (key_id, public, dt.datetime(2026, 1, 5, 9, 0)),
    )
    return private, public, key_id


def forge_database_checkpoint(url: str) -> str:
    """Register a key of one's own and sign a checkpoint of the head into the database.

    What someone holding the database (but no workstation's private key) can
    do after rewriting the log, so that the rewritten head looks vouched for.
    Returns the forged key's id.
    """
    with raw(url) as db:
        private, _public, key_id = _register_forged_key(db)
        ((seq, head_hash),) = db.execute("SELECT seq, hash FROM audit_head")
        at = dt.datetime(2026, 1, 6, 9, 0)
        signature = base64.b64encode(
            private.sign(signed_message(int(seq), head_hash, at, key_id))
        ).decode("ascii")
        db.execute(
            "INSERT INTO audit_checkpoints (seq, head_hash, signed_at, key_id, signature) "
            "VALUES (?, ?, ?, ?, ?)",
            (int(seq), head_hash, at, key_id, signature),
        )
    return key_id


def forge_file_checkpoints(url: str, path: Path) -> str:
    """Register a key of one's own and re-sign every checkpoint of the checkpoint file.

    What someone holding the database and its checkpoint file (a SQLite file's
    folder) but no workstation's private key can do after rewriting the log:
    generate an Ed25519 key, put it into the database's key registry, and sign
    each line of the file again over the rewritten chain's hash at its event.
    Returns the forged key's id.
    """
    lines = []
    with raw(url) as db:
        private, public, key_id = _register_forged_key(db)
        hashes = dict(db.execute("SELECT seq, hash FROM audit_events"))
        for line in path.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            entry.update(head_hash=hashes[entry["seq"]], key_id=key_id, public_key=public)
            message = signed_message(
                entry["seq"], entry["head_hash"], parse_checkpoint_time(entry["at"]), key_id
            )
            entry["signature"] = base64.b64encode(private.sign(message)).decode("ascii")
            lines.append(json.dumps(entry, sort_keys=True))
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return key_id
