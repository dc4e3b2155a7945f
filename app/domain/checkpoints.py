"""Audit checkpoints: what is signed, and how a checkpoint is written and read as text.

A checkpoint states "the audit chain's event ``seq`` has hash ``head_hash``"
at a moment, signed by a workstation's key. The signature covers
:func:`signed_message`, a canonical JSON form, so a checkpoint can be checked
anywhere with the public key alone. The signing itself (Ed25519) lives in
``app.services.integrity``; this module is plain Python.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from app.domain.audit import canonical_dumps
from app.domain.errors import InvalidInput

CHECKPOINT_FORMAT = "casedesk-audit-checkpoint"
CHECKPOINT_VERSION = 1
_HASH = re.compile(r"[0-9a-f]{64}")
_SEQ_HASH = re.compile(r"\s*(\d{1,18})\s*:\s*([0-9A-Fa-f]{64})\s*")


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """A signed statement of the chain head (or an unsigned one: ``signature`` "")."""

    seq: int
    head_hash: str
    #: When it was made, UTC, whole seconds.
    signed_at: dt.datetime
    #: The signer's key id (its fingerprint); "" when unsigned.
    key_id: str
    #: Base64 Ed25519 signature over :func:`signed_message`; "" when unsigned.
    signature: str

    @property
    def signed(self) -> bool:
        return bool(self.signature)

    @property
    def reference(self) -> str:
        """``SEQ:HASH``, what ``audit verify --checkpoint`` takes."""
        return f"{self.seq}:{self.head_hash}"

    @property
    def at_text(self) -> str:
        return checkpoint_time(self.signed_at)

    @property
    def line(self) -> str:
        """The text after "Audit checkpoint: " on a report's last page."""
        if self.signed:
            return f"{self.reference} signed by {self.key_id} at {self.at_text}"
        return f"{self.reference} at {self.at_text}, not signed"

    def message(self) -> bytes:
        return signed_message(self.seq, self.head_hash, self.signed_at, self.key_id)


def checkpoint_time(moment: dt.datetime) -> str:
    """UTC, whole seconds, ``Z``: the one spelling a checkpoint's time is signed in."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment.replace(microsecond=0).isoformat() + "Z"


def parse_checkpoint_time(text: str) -> dt.datetime:
    """The inverse of :func:`checkpoint_time`; raises ``ValueError`` on anything else."""
    if not text.endswith("Z"):
        raise ValueError(f"not a UTC checkpoint time: {text!r}")
    return dt.datetime.fromisoformat(text[:-1]).replace(tzinfo=dt.UTC)


def signed_message(seq: int, head_hash: str, signed_at: dt.datetime, key_id: str) -> bytes:
    """The exact bytes a checkpoint's signature covers."""
    return canonical_dumps(
        {
            "format": CHECKPOINT_FORMAT,
            "version": CHECKPOINT_VERSION,
            "seq": seq,
            "head_hash": head_hash,
            "at": checkpoint_time(signed_at),
            "key_id": key_id,
        }
    ).encode()


def is_hash(text: str) -> bool:
    """Whether ``text`` is a lower-case SHA-256 hex digest."""
    return bool(_HASH.fullmatch(text))


def parse_reference(text: str) -> tuple[int, str]:
    """``SEQ:HASH`` (as printed on a report) → (seq, hash); :class:`InvalidInput` otherwise."""
    match = _SEQ_HASH.fullmatch(text)
    if match is None:
        raise InvalidInput(
            f"'{text}' is not a checkpoint: give it as SEQ:HASH, the event number, a colon "
            "and the 64 hexadecimal digits, as printed after 'Audit checkpoint:' on a report."
        )
    return int(match.group(1)), match.group(2).lower()
