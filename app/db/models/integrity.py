"""Signing keys of workstations and the signed checkpoints of the audit chain.

Both live in the database so every workstation sees them, but neither is
trusted on its own: someone who can write the database can delete a
checkpoint or add a key. The checkpoint file kept outside the database and
the checkpoints printed on reports are what anchor the chain; see
``docs/security.md``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base


class SigningKey(Base):
    """A workstation's Ed25519 public key, registered by an administrator."""

    __tablename__ = "signing_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The key's fingerprint: the first 16 hex digits of SHA-256 of the raw public key.
    key_id: Mapped[str] = mapped_column(String(64), unique=True)
    #: The raw 32-byte public key, base64.
    public_key: Mapped[str] = mapped_column(String(64))
    #: The workstation it belongs to, e.g. the host name.
    name: Mapped[str] = mapped_column(String(120))
    registered_by: Mapped[str] = mapped_column(String(40))
    registered_at: Mapped[dt.datetime]


class AuditCheckpoint(Base):
    """A signed statement that audit event ``seq`` had hash ``head_hash`` at ``signed_at``."""

    __tablename__ = "audit_checkpoints"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int]
    head_hash: Mapped[str] = mapped_column(String(64))
    signed_at: Mapped[dt.datetime] = mapped_column(index=True)
    key_id: Mapped[str] = mapped_column(String(64))
    #: Base64 Ed25519 signature over ``app.domain.checkpoints.signed_message``.
    signature: Mapped[str] = mapped_column(String(128))
