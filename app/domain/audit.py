"""The tamper-evident audit chain: canonical form, hashing and verification.

Each event's hash is ``sha256(previous_hash + "\\n" + canonical_json(event))``,
so altering, deleting, inserting or reordering any event breaks every hash
after it. :func:`verify_chain` walks the events in sequence order and names
the first one that does not fit.

The hash holds no secret: someone who can write the database can rewrite an
event and recompute every later hash, or cut the tail and move the head. So
:func:`verify_chain` also takes *anchors*, event hashes recorded elsewhere
(signed checkpoints, a line printed on a report): the chain must still hold
an event with each anchor's sequence number and that very hash.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from json.encoder import encode_basestring
from typing import Any

GENESIS_HASH = "0" * 64


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """One stored audit event, as the verifier sees it."""

    seq: int
    occurred_at: dt.datetime
    actor: str
    action: str
    entity_type: str
    entity_id: str
    case_id: int | None
    details: Mapping[str, Any]
    prev_hash: str
    hash: str
    #: The stored details as canonical JSON text, when the reader has it: the
    #: verifier then splices it in instead of parsing and re-serialising.
    details_json: str | None = None


def canonical_dumps(value: Any) -> str:
    """Sorted, compact, unescaped JSON: how event details are stored and hashed."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical_timestamp(moment: dt.datetime) -> str:
    """UTC, microseconds, a ``Z`` suffix: the one spelling a timestamp hashes as.

    A naive ``moment`` is taken to be UTC already (as the database returns it).
    """
    if moment.tzinfo is not None:
        if moment.utcoffset():
            moment = moment.astimezone(dt.UTC)
        moment = moment.replace(tzinfo=None)
    return moment.isoformat(timespec="microseconds") + "Z"


def canonical_json(
    *,
    seq: int,
    occurred_at: dt.datetime,
    actor: str,
    action: str,
    entity_type: str,
    entity_id: str,
    case_id: int | None,
    details: Mapping[str, Any],
) -> str:
    """The event as sorted, compact JSON: the bytes its hash covers."""
    payload = {
        "seq": seq,
        "at": canonical_timestamp(occurred_at),
        "actor": actor,
        "action": action,
        "entity_type": entity_type,
        "entity_id": entity_id,
        "case_id": case_id,
        "details": details,
    }
    return canonical_dumps(payload)


def canonical_json_raw(
    *,
    seq: int,
    at: str,
    actor: str,
    action: str,
    entity_type: str,
    entity_id: str,
    case_id: int | None,
    details_json: str,
) -> str:
    """:func:`canonical_json` built from already-canonical parts (the fast path).

    ``at`` is :func:`canonical_timestamp`'s spelling and ``details_json`` is
    :func:`canonical_dumps` of the details; the keys are written in sorted order.
    """
    dumps = _dump_string
    return (
        f'{{"action":{dumps(action)},"actor":{dumps(actor)},"at":"{at}",'
        f'"case_id":{"null" if case_id is None else case_id},"details":{details_json},'
        f'"entity_id":{dumps(entity_id)},"entity_type":{dumps(entity_type)},"seq":{seq}}}'
    )


#: ``json.dumps(text, ensure_ascii=False)`` for a string, without the encoder set-up.
_dump_string = encode_basestring


def chain_hash(prev_hash: str, canonical: str) -> str:
    """The hash of an event whose predecessor has ``prev_hash``."""
    return hashlib.sha256(f"{prev_hash}\n{canonical}".encode()).hexdigest()


def record_hash(record: AuditRecord, prev_hash: str) -> str:
    """Recompute ``record``'s hash as if it followed an event hashed ``prev_hash``."""
    if record.details_json is not None:
        return chain_hash(
            prev_hash,
            canonical_json_raw(
                seq=record.seq,
                at=canonical_timestamp(record.occurred_at),
                actor=record.actor,
                action=record.action,
                entity_type=record.entity_type,
                entity_id=record.entity_id,
                case_id=record.case_id,
                details_json=record.details_json,
            ),
        )
    return chain_hash(
        prev_hash,
        canonical_json(
            seq=record.seq,
            occurred_at=record.occurred_at,
            actor=record.actor,
            action=record.action,
            entity_type=record.entity_type,
            entity_id=record.entity_id,
            case_id=record.case_id,
            details=record.details,
        ),
    )


#: One stored event as plain values, the way :func:`walk_intact` reads it: seq,
#: the canonical timestamp text (None when the stored value is not in the one
#: spelling the fast walk trusts), actor, action, entity_type, entity_id,
#: case_id, the details as stored JSON text, prev_hash, hash.
RawEvent = tuple[int, str | None, str, str, str, str, int | None, str | None, str, str]


@dataclass(frozen=True, slots=True)
class Walked:
    """How far :func:`walk_intact` got: the last event that fits, and how many did."""

    checked: int
    last_seq: int
    last_hash: str


def walk_intact(
    rows: Iterable[RawEvent],
    *,
    after_seq: int = 0,
    after_hash: str = GENESIS_HASH,
    anchors: Iterable[Anchor] = (),
) -> Walked:
    """Walk plain rows while every link holds; stop before the first one that does not.

    The fast half of verification: no record objects, the canonical text
    built straight from the stored text. It says nothing about the row it
    stops at (a broken link, an anchor that does not match, a timestamp in
    another spelling): :func:`verify_chain`, given the rest of the events
    after :attr:`Walked.last_seq`, decides and words that.
    """
    anchored: dict[int, set[str]] = {}
    for anchor in anchors:
        anchored.setdefault(anchor.seq, set()).add(anchor.hash)
    sha256 = hashlib.sha256
    dumps = _dump_string
    expected = after_seq + 1
    prev = after_hash
    for seq, at, actor, action, etype, eid, case_id, details, prev_hash, digest in rows:
        if seq != expected or prev_hash != prev or at is None or details is None:
            break
        text = (
            f'{prev}\n{{"action":{dumps(action)},"actor":{dumps(actor)},"at":"{at}",'
            f'"case_id":{"null" if case_id is None else case_id},"details":{details},'
            f'"entity_id":{dumps(eid)},"entity_type":{dumps(etype)},"seq":{seq}}}'
        )
        if sha256(text.encode()).hexdigest() != digest:
            break
        if seq in anchored and anchored[seq] != {digest}:
            break
        prev = digest
        expected += 1
    return Walked(expected - after_seq - 1, expected - 1, prev)


class Problem(enum.StrEnum):
    """What is wrong with the first bad event."""

    ALTERED = "altered"
    MISSING = "missing"
    INSERTED_OR_REORDERED = "inserted or reordered"
    TRUNCATED = "truncated"
    REWRITTEN = "rewritten"
    HEAD_DAMAGED = "head missing or damaged"


@dataclass(frozen=True, slots=True)
class Anchor:
    """An event's hash recorded outside the chain: the chain must still hold it.

    ``source`` names where it was found, for the message (e.g. "checkpoint
    file", "database", "command line"); ``label`` says when and by whom.
    """

    seq: int
    hash: str
    source: str
    label: str = ""

    @property
    def described(self) -> str:
        text = f"checkpoint {self.seq}:{self.hash[:12]}… ({self.source}"
        return text + (f", {self.label})" if self.label else ")")


@dataclass(frozen=True, slots=True)
class ChainFinding:
    """The first event that breaks the chain, and how."""

    seq: int
    problem: Problem
    message: str


@dataclass(slots=True)
class ChainVerification:
    """The outcome of :func:`verify_chain`."""

    checked: int = 0
    last_seq: int = 0
    last_hash: str = GENESIS_HASH
    finding: ChainFinding | None = field(default=None)

    @property
    def intact(self) -> bool:
        return self.finding is None


def verify_chain(
    records: Iterable[AuditRecord],
    *,
    after_seq: int = 0,
    after_hash: str = GENESIS_HASH,
    head_seq: int | None = None,
    head_hash: str | None = None,
    anchors: Iterable[Anchor] = (),
) -> ChainVerification:
    """Walk ``records`` (ordered by ``seq``) and stop at the first broken link.

    ``head_seq`` / ``head_hash`` are the chain head recorded at the last append:
    when given, a chain whose tail was cut off is reported too. Each of
    ``anchors`` must match the event of its sequence number: a different hash
    there means the log was rewritten (and every later hash recomputed), an
    anchor past the end means events were deleted. ``after_seq`` /
    ``after_hash`` start the walk after an event already trusted (the caller
    checks that event itself).
    """
    by_seq: dict[int, list[Anchor]] = {}
    for anchor in anchors:
        by_seq.setdefault(anchor.seq, []).append(anchor)
    result = ChainVerification(last_seq=after_seq, last_hash=after_hash)
    expected_seq = after_seq + 1
    prev_hash = after_hash
    for record in records:
        if record.seq != expected_seq:
            if record.seq > expected_seq and record.prev_hash != prev_hash:
                result.finding = ChainFinding(
                    expected_seq,
                    Problem.MISSING,
                    f"event {expected_seq} is missing: the chain jumps from event "
                    f"{expected_seq - 1} to event {record.seq} (deleted)",
                )
            else:
                result.finding = ChainFinding(
                    record.seq,
                    Problem.INSERTED_OR_REORDERED,
                    f"event {record.seq} is out of place: event {expected_seq} was expected "
                    "here (inserted or reordered)",
                )
            return result
        if record.prev_hash != prev_hash:
            result.finding = ChainFinding(
                record.seq,
                Problem.INSERTED_OR_REORDERED,
                f"event {record.seq} does not follow event {record.seq - 1}: its link to "
                "the previous event is wrong (an event was inserted, deleted or reordered here)",
            )
            return result
        if record_hash(record, prev_hash) != record.hash:
            result.finding = ChainFinding(
                record.seq,
                Problem.ALTERED,
                f"event {record.seq} ({record.action} by {record.actor}) was altered: "
                "its content no longer matches its hash",
            )
            return result
        for anchor in by_seq.get(record.seq, ()):
            if anchor.hash != record.hash:
                result.finding = ChainFinding(
                    record.seq,
                    Problem.REWRITTEN,
                    f"event {record.seq} ({record.action} by {record.actor}) does not match "
                    f"{anchor.described}: the log was rewritten at or before event "
                    f"{record.seq} and the later hashes recomputed",
                )
                return result
        prev_hash = record.hash
        result.checked += 1
        result.last_seq = record.seq
        result.last_hash = record.hash
        expected_seq += 1
    beyond = [a for a in sorted(by_seq) if a > result.last_seq and a > 0]
    if beyond and (head_seq is None or head_seq <= result.last_seq):
        furthest = by_seq[beyond[-1]][0]
        result.finding = ChainFinding(
            result.last_seq + 1,
            Problem.TRUNCATED,
            f"events {result.last_seq + 1} to {furthest.seq} are missing: the log ends at "
            f"event {result.last_seq} but {furthest.described} records event {furthest.seq} "
            "(deleted, and the chain head moved back)",
        )
        return result
    if head_seq is not None and (head_seq != result.last_seq or head_hash != result.last_hash):
        if head_seq == result.last_seq:
            result.finding = ChainFinding(
                head_seq,
                Problem.HEAD_DAMAGED,
                f"the chain head (table audit_head) does not match event {head_seq}, the last "
                "event: it was altered",
            )
        elif head_seq > result.last_seq:
            result.finding = ChainFinding(
                result.last_seq + 1,
                Problem.TRUNCATED,
                f"events {result.last_seq + 1} to {head_seq} are missing: the log ends at "
                f"event {result.last_seq} but {head_seq} events were written (deleted)",
            )
        else:
            result.finding = ChainFinding(
                result.last_seq,
                Problem.INSERTED_OR_REORDERED,
                f"the log ends at event {result.last_seq} but the chain head records event "
                f"{head_seq}: events were appended outside the application",
            )
    return result
