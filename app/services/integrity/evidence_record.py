"""Evidence hashes against the audit events that recorded them.

An item's SHA-256 is stored in three tables (``evidence_blobs``,
``evidence_items``, ``evidence_thumbnails``), and someone who can write the
database can swap an item's bytes and rewrite all three consistently. The
``evidence.add`` event (and ``evidence.attach_page_source`` for a saved page)
recorded the hash (and the case) when the item came in, and that event is
covered by the audit chain: its own hash must still match its content, the
chain's next link (the next event's ``prev_hash``, or the head) must still
hold that hash, and the chain and its signed checkpoints (``audit verify``)
vouch for the rest. So an item's stored hash must equal the one its event
recorded, in the case the event recorded it in. Rewriting the event then
means recomputing every later hash and the head, which ``audit verify``
catches against the checkpoints kept outside the database.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from app.db.engine import UnitOfWork
from app.db.models import AuditEvent, AuditHead
from app.domain.audit import AuditRecord, record_hash
from app.services import audit

ADD = "evidence.add"
ATTACH = "evidence.attach_page_source"
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class StoredEvidence:
    """What the evidence tables say about one item."""

    item_id: int
    case_id: int
    sha256: str
    size: int
    page_source_sha256: str | None = None


#: The intake events of some items ((action, item id) → event) and the chain's links for them.
Intake = tuple[dict[tuple[str, str], AuditRecord], dict[int, str | None]]


def intake_records(uow: UnitOfWork, items: Sequence[tuple[int, int]]) -> Intake:
    """The intake events of ``items`` (item id, case id) with the chain's next links,
    read once for every check that needs them (an item's hashes, its parts)."""
    events = intake_events(uow, items)
    return events, chain_links(uow, events.values())


def recorded_problems(
    uow: UnitOfWork, items: Iterable[StoredEvidence], *, found: Intake | None = None
) -> dict[int, str]:
    """Item id → why its stored hash disagrees with its audit record (only items that do).

    ``found``: the items' intake records already read (:func:`intake_records`).
    """
    wanted = sorted(items, key=lambda item: item.item_id)
    events, links = found or intake_records(uow, [(i.item_id, i.case_id) for i in wanted])
    problems: dict[int, str] = {}
    for item in wanted:
        problem = _problem(item, events.get((ADD, str(item.item_id))), ADD, links)
        if not problem and item.page_source_sha256 is not None:
            page = StoredEvidence(item.item_id, item.case_id, item.page_source_sha256, -1)
            problem = _problem(page, events.get((ATTACH, str(item.item_id))), ATTACH, links)
        if problem:
            problems[item.item_id] = problem
    return problems


def intake_events(
    uow: UnitOfWork, items: Sequence[tuple[int, int]]
) -> dict[tuple[str, str], AuditRecord]:
    """(action, item id as text) → the ``evidence.add`` / ``evidence.attach_page_source``
    event that recorded each of ``items`` (item id, case id) that has one."""
    events: dict[tuple[str, str], AuditRecord] = {}
    wanted = sorted(set(items))
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        # The case id narrows the search through its index (an item's events carry it);
        # an item whose event is not in its case's events is looked for in every case.
        _find_events(uow, chunk, events, by_case=True)
        unseen = [pair for pair in chunk if (ADD, str(pair[0])) not in events]
        if unseen:
            _find_events(uow, unseen, events, by_case=False)
    return events


def _find_events(
    uow: UnitOfWork,
    items: list[tuple[int, int]],
    events: dict[tuple[str, str], AuditRecord],
    *,
    by_case: bool,
) -> None:
    conditions = [
        AuditEvent.entity_type == "evidence",
        AuditEvent.action.in_((ADD, ATTACH)),
        AuditEvent.entity_id.in_([str(item_id) for item_id, _case in items]),
    ]
    if by_case:
        conditions.append(AuditEvent.case_id.in_({case_id for _item, case_id in items}))
    for record in audit.records_where(uow, *conditions):
        # The first event of its kind is the one that recorded the item.
        events.setdefault((record.action, record.entity_id), record)


def event_problem(event: AuditRecord, links: dict[int, str | None]) -> str:
    """Why an item's intake event cannot be relied on ("" when it can): it no longer
    matches its own hash, or the chain's next link no longer holds that hash."""
    if record_hash(event, event.prev_hash) != event.hash:
        return (
            f"its {event.action} audit event (event {event.seq}) no longer matches its own "
            "hash: the record of what was added was altered"
        )
    if links.get(event.seq) != event.hash:
        # Rewritten with its own hash recomputed: the chain's next link still holds the old one.
        return (
            f"its {event.action} audit event (event {event.seq}) is no longer the one the audit "
            "chain links to: the record of what was added was rewritten"
        )
    return ""


def chain_links(uow: UnitOfWork, events: Iterable[AuditRecord]) -> dict[int, str | None]:
    """Event number → the hash the chain's next link holds for it (the next event's
    ``prev_hash``, or the head's hash for the last event; None when neither exists)."""
    seqs = sorted({event.seq for event in events})
    links: dict[int, str | None] = dict.fromkeys(seqs)
    for start in range(0, len(seqs), _CHUNK):
        following = [seq + 1 for seq in seqs[start : start + _CHUNK]]
        rows = uow.session.execute(
            select(AuditEvent.seq, AuditEvent.prev_hash).where(AuditEvent.seq.in_(following))
        )
        for seq, prev_hash in rows:
            links[int(seq) - 1] = prev_hash
    head = uow.session.get(AuditHead, 1)
    if head is not None and head.seq in links and links[head.seq] is None:
        links[head.seq] = head.hash
    return links


def recorded_problem(uow: UnitOfWork, item: StoredEvidence) -> str:
    """Why one item's stored hash disagrees with its audit record ("" when it agrees)."""
    return recorded_problems(uow, [item]).get(item.item_id, "")


def _problem(
    item: StoredEvidence, event: AuditRecord | None, action: str, links: dict[int, str | None]
) -> str:
    what = "its page source" if action == ATTACH else "it"
    if event is None:
        return (
            f"no {action} audit event records {what}: it was put in the database outside Casedesk"
        )
    unsound = event_problem(event, links)
    if unsound:
        return unsound
    if event.case_id != item.case_id:
        return (
            f"audit event {event.seq} ({action}) recorded {what} in case {event.case_id}, "
            f"but it is stored in case {item.case_id}: it was moved to another case"
        )
    details = recorded_details(event)
    recorded = details.get("sha256")
    if recorded != item.sha256:
        shown = f"{recorded[:12]}…" if isinstance(recorded, str) else "nothing"
        stored = "its page source's" if action == ATTACH else "its"
        return (
            f"{stored} stored SHA-256 {item.sha256[:12]}… is not the {shown} that audit event "
            f"{event.seq} ({action}) recorded: the bytes and their hashes were replaced"
        )
    if item.size >= 0 and details.get("size") not in (None, item.size):
        return (
            f"its stored size {item.size} is not the {details.get('size')} bytes that audit "
            f"event {event.seq} ({action}) recorded"
        )
    return ""


def recorded_details(event: AuditRecord) -> dict[str, object]:
    """The event's details as recorded (its stored JSON text when the reader has it)."""
    if event.details_json is None:
        return dict(event.details)
    try:
        value = json.loads(event.details_json)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
