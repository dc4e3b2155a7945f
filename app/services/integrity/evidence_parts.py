"""Evidence parts against their rows and the audit event that recorded the item.

A web capture keeps more files than its picture (``evidence_parts``: the
viewport PNG, the WARC, the WACZ), each a blob with its SHA-256 and size in
its row. Someone who can write the database can replace a part's bytes and
rewrite its row to match; the item's ``evidence.add`` event recorded each
part's hash (``web_capture.<role>_sha256``) when the capture came in, and is
covered by the audit chain. So a part's bytes must match its row, and its
row the hash the event recorded (:func:`part_problem`); the event itself is
found and held to the chain as :mod:`.evidence_record` does for the item.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from app.db.engine import UnitOfWork
from app.domain.audit import AuditRecord
from app.domain.web_capture import PART_VIEWPORT, PART_WACZ, PART_WARC
from app.services.integrity.evidence_record import (
    ADD,
    Intake,
    event_problem,
    intake_records,
    recorded_details,
)

#: The part roles an ``evidence.add`` event names a hash of (``<role>_sha256`` in its
#: ``web_capture`` details).
RECORDED_PART_ROLES = (PART_VIEWPORT, PART_WARC, PART_WACZ)
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class StoredPart:
    """One more file of an item (``evidence_parts``): its role, SHA-256 and size as stored."""

    item_id: int
    role: str
    sha256: str
    size: int


@dataclass(frozen=True, slots=True)
class RecordedParts:
    """What an item's ``evidence.add`` event recorded about its parts."""

    seq: int
    #: Why the event itself cannot be relied on ("" when it can): it no longer
    #: matches its own hash, or the chain's next link no longer holds that hash.
    problem: str
    #: Part role -> the SHA-256 the event recorded, for each part it names.
    hashes: Mapping[str, str]


def stored_parts(uow: UnitOfWork, item_ids: Iterable[int]) -> dict[int, list[StoredPart]]:
    """Item id -> its parts as ``evidence_parts`` holds them (items without parts are absent)."""
    from app.db.models import EvidencePart  # the web-capture models load only when asked for

    ids = sorted(set(item_ids))
    found: dict[int, list[StoredPart]] = {}
    for start in range(0, len(ids), _CHUNK):
        rows = uow.session.execute(
            select(EvidencePart.item_id, EvidencePart.role, EvidencePart.sha256,
                   EvidencePart.size)
            .where(EvidencePart.item_id.in_(ids[start : start + _CHUNK]))
            .order_by(EvidencePart.item_id, EvidencePart.id)
        )  # fmt: skip
        for item_id, role, sha256, size in rows:
            found.setdefault(item_id, []).append(StoredPart(item_id, role, sha256, size))
    return found


def recorded_parts(
    uow: UnitOfWork, items: Iterable[tuple[int, int]], *, found: Intake | None = None
) -> dict[int, RecordedParts]:
    """Item id -> what its ``evidence.add`` event recorded about its parts, for ``items``
    (item id, case id); items without such an event are absent. ``found``: the intake
    records already read (:func:`~.evidence_record.intake_records`)."""
    wanted = list(items)
    events, links = found or intake_records(uow, wanted)
    ids = {str(item_id) for item_id, _case in wanted}
    added = {
        int(item): event
        for (action, item), event in events.items()
        if action == ADD and item in ids
    }
    return {item_id: _recorded(event, links) for item_id, event in added.items()}


def _recorded(event: AuditRecord, links: dict[int, str | None]) -> RecordedParts:
    capture = recorded_details(event).get("web_capture")
    hashes: dict[str, str] = {}
    if isinstance(capture, dict):
        for role in RECORDED_PART_ROLES:
            recorded = capture.get(f"{role}_sha256")
            if isinstance(recorded, str):
                hashes[role] = recorded
    return RecordedParts(event.seq, event_problem(event, links), hashes)


#: A blob's SHA-256 and length as read, or None when its bytes are missing.
Digest = tuple[str, int] | None


def digest_of(data: bytes | None) -> Digest:
    """The SHA-256 and length of a blob's bytes (None for missing bytes)."""
    return None if data is None else (hashlib.sha256(data).hexdigest(), len(data))


def part_problem(part: StoredPart, digest: Digest, recorded: RecordedParts | None) -> str:
    """Why a part fails its check ("" when it passes), in the words of an item's problem.

    The part's bytes (``digest``, :func:`digest_of`) must match its
    ``evidence_parts`` row, and the row's SHA-256 the one the item's
    ``evidence.add`` event recorded for that role (where the event names
    one), so a part whose bytes and row were rewritten together is caught.
    """
    what = f"its {part.role} part"
    if digest is None:
        return f"{what}'s stored bytes are missing"
    actual, length = digest
    if actual != part.sha256:
        return f"{what}'s stored bytes hash to {actual[:12]}…, not the recorded {part.sha256[:12]}…"
    if length != part.size:
        return f"{what}'s stored bytes are {length} bytes long, not the recorded {part.size}"
    if recorded is None:
        return f"no {ADD} audit event records {what}: it was put in the database outside Casedesk"
    if recorded.problem:
        return recorded.problem
    expected = recorded.hashes.get(part.role)
    if expected is not None and expected != part.sha256:
        return (
            f"{what}'s stored SHA-256 {part.sha256[:12]}… is not the {expected[:12]}… that "
            f"audit event {recorded.seq} ({ADD}) recorded: the part's bytes and their hashes "
            "were replaced"
        )
    return ""


def missing_part_problem(parts: Sequence[StoredPart], recorded: RecordedParts | None) -> str:
    """Why an item lacks a part its ``evidence.add`` event recorded ("" when it has them all)."""
    if recorded is None or recorded.problem:
        return ""
    roles = {part.role for part in parts}
    for role, sha256 in recorded.hashes.items():
        if role not in roles:
            return (
                f"its {role} part ({sha256[:12]}…), which audit event {recorded.seq} ({ADD}) "
                "recorded, is missing from the database"
            )
    return ""
