"""Reading evidence with re-hashing, its chain of custody, and verification.

Every view, export, report inclusion and integrity check is an audit event
with the case id, so it shows in the case's timeline. The bytes are
re-hashed on every read and cross-checked with the audit event that
recorded them when the item came in; a mismatch is itself recorded
(``evidence.integrity_failure``) and refused naming the item. An item's
parts (``evidence_parts``: a web capture's viewport PNG, WARC and WACZ) are
re-hashed against their rows, and the rows against the hashes the item's
``evidence.add`` event recorded (:mod:`app.services.integrity.evidence_parts`).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

from sqlalchemy import select

from app.db.engine import UnitOfWork
from app.db.models import Case, EvidenceBlob, EvidenceItem, User
from app.domain.actor import Actor
from app.domain.errors import IntegrityFailure, InvalidInput, NotFound
from app.domain.permissions import Permission
from app.services import audit
from app.services.access import require_visible_case
from app.services.database import Database
from app.services.evidence.items import EvidenceInfo, item_query, load_item, to_info
from app.services.integrity.evidence_parts import (
    Digest,
    StoredPart,
    digest_of,
    missing_part_problem,
    part_problem,
    recorded_parts,
    stored_parts,
)
from app.services.integrity.evidence_record import (
    Intake,
    StoredEvidence,
    intake_records,
    recorded_problem,
    recorded_problems,
)
from app.services.retry import retried

T = TypeVar("T")

Purpose = Literal["view", "export", "report"]
#: Reads whose custody event waits for the bundle or report the bytes go into.
InclusionPurpose = Literal["export", "report"]
_PURPOSE_PERMISSION = {
    "view": Permission.EVIDENCE_VIEW,
    "export": Permission.EVIDENCE_EXPORT,
    "report": Permission.EVIDENCE_EXPORT,
}


@dataclass(frozen=True, slots=True)
class EvidenceCheck:
    """The result of re-hashing one item's stored bytes."""

    item: EvidenceInfo
    ok: bool
    problem: str = ""


def _page_source_mismatch(sha256: str, data: bytes | None) -> str:
    """Why an attached page source's stored bytes fail their hash, or ''."""
    if data is None:
        return "its page source's stored bytes are missing"
    if hashlib.sha256(data).hexdigest() != sha256:
        return "its page source's stored bytes no longer match their recorded SHA-256"
    return ""


def read_page_source(
    database: Database, actor: Actor, item_id: int, *, purpose: InclusionPurpose = "export"
) -> tuple[str, bytes]:
    """The saved page attached to an item (media type, bytes), re-hashed like the screenshot.

    Like :func:`read_for_inclusion`, the read writes no custody event: the
    caller names the page source in the item's event it records with
    :func:`record_read`. Raises :class:`NotFound` when the item has none
    and :class:`IntegrityFailure` (recorded first) when its bytes no longer
    match the SHA-256 recorded when it was attached.
    """
    _require_purpose(actor, purpose)
    with database.unit_of_work() as uow:
        info = load_item(uow, actor, item_id)
        if info.page_source_sha256 is None:
            raise NotFound(f"Evidence item {item_id} has no page source attached.")
        sha256 = info.page_source_sha256
        media_type = uow.session.scalar(
            select(EvidenceBlob.media_type).where(EvidenceBlob.sha256 == sha256)
        )
        data = _blob_bytes(uow, sha256)
    problem = _page_source_mismatch(sha256, data)
    if problem:
        details = {"page_source_sha256": sha256, "purpose": purpose, "problem": problem}
        _record_integrity_failure(database, actor, info, details)
        raise IntegrityFailure(_integrity_message(info, problem))
    assert media_type is not None and data is not None
    return media_type, data


def _blob_bytes(uow: UnitOfWork, sha256: str) -> bytes | None:
    # A column query: the bytes are not kept in the session's identity map.
    return uow.session.scalar(select(EvidenceBlob.data).where(EvidenceBlob.sha256 == sha256))


def _mismatch(info: EvidenceInfo, data: bytes | None) -> str:
    """Why the stored bytes no longer match the item ("" when they do)."""
    if data is None:
        return "its stored bytes are missing"
    actual = hashlib.sha256(data).hexdigest()
    if actual != info.sha256:
        return f"its stored bytes hash to {actual[:12]}…, not the recorded {info.sha256[:12]}…"
    if len(data) != info.size:
        return f"its stored bytes are {len(data)} bytes long, not the recorded {info.size}"
    return ""


def _require_purpose(actor: Actor, purpose: str) -> None:
    if purpose not in _PURPOSE_PERMISSION:
        raise InvalidInput(f"'{purpose}' is not a reason to read evidence: view, export, report.")
    actor.require(_PURPOSE_PERMISSION[purpose])


@retried
def _record_integrity_failure(
    database: Database, actor: Actor, info: EvidenceInfo, details: Mapping[str, object]
) -> None:
    """A failed integrity check is itself a custody event, whatever the read was for."""
    with database.unit_of_work(write=True) as uow:
        audit.record(
            uow, actor, "evidence.integrity_failure", entity_type="evidence",
            entity_id=info.id, case_id=info.case_id, details=details,
        )  # fmt: skip
        uow.commit()


def _read_checked(
    database: Database, actor: Actor, item_id: int, purpose: Purpose
) -> tuple[EvidenceInfo, bytes]:
    """The item and its bytes, re-hashed; a mismatch is recorded and raised."""
    _require_purpose(actor, purpose)
    with database.unit_of_work() as uow:
        info = load_item(uow, actor, item_id)
        data = _blob_bytes(uow, info.sha256)
        problem = _mismatch(info, data) or recorded_problem(uow, _stored(info))
    if problem:
        details = {"sha256": info.sha256, "purpose": purpose, "problem": problem}
        _record_integrity_failure(database, actor, info, details)
        raise IntegrityFailure(_integrity_message(info, problem))
    assert data is not None
    return info, data


@retried
def read_evidence(
    database: Database, actor: Actor, item_id: int, *, purpose: Literal["view"] = "view"
) -> tuple[EvidenceInfo, bytes]:
    """An item's exact bytes to look at, re-hashed, with the view recorded in its custody.

    A mismatch is itself recorded (``evidence.integrity_failure``) and then
    raised as :class:`IntegrityFailure` naming the item. Exports and reports
    read through :func:`read_for_inclusion` instead, so that their custody
    events are written only with the bundle or report they went into.
    """
    if purpose != "view":
        raise InvalidInput(
            f"Evidence read for '{purpose}' is recorded with what it goes into; "
            "read it with read_for_inclusion."
        )
    info, data = _read_checked(database, actor, item_id, purpose)
    with database.unit_of_work(write=True) as uow:
        record_read(uow, actor, "view", info)
        uow.commit()
    return info, data


def read_for_inclusion(
    database: Database, actor: Actor, item_id: int, *, purpose: InclusionPurpose
) -> tuple[EvidenceInfo, bytes]:
    """An item's exact bytes for a bundle or a report still being made, re-hashed.

    No custody event is written here: the caller records each item it
    included with :func:`record_read` in the transaction that records
    the finished bundle or report, so a refused, failed or cancelled export
    or report leaves none. A mismatch is recorded at once
    (``evidence.integrity_failure``) and raised as :class:`IntegrityFailure`
    naming the item.
    """
    if purpose not in ("export", "report"):
        raise InvalidInput(f"'{purpose}' is not a reason to include evidence: export, report.")
    return _read_checked(database, actor, item_id, purpose)


@dataclass(frozen=True, slots=True)
class Inclusion(Generic[T]):
    """Items listed for a bundle or report, their bytes still to read (:func:`included_bytes`)."""

    items: tuple[EvidenceInfo, ...]
    purpose: InclusionPurpose
    #: Problems the items' own records show (a record that does not match its event).
    recorded: Mapping[int, str]
    #: What ``also(uow)`` read with them.
    also: T | None


def list_for_inclusion(
    database: Database,
    actor: Actor,
    item_ids: Sequence[int],
    *,
    purpose: InclusionPurpose,
    also: Callable[[UnitOfWork], T] | None = None,
    listed: Sequence[EvidenceInfo] | None = None,
) -> Inclusion[T]:
    """The items of a bundle or report, without their bytes (those follow, :func:`included_bytes`).

    The items (in ``item_ids`` order) and their audit records are read in one
    transaction, with ``also(uow)``; :func:`included_bytes` then reads and
    re-hashes the bytes, so a report can be laid out from the items meanwhile.
    ``listed``: the items as the caller has just listed them for ``actor``
    (:func:`~app.services.evidence.items.list_evidence`), not read again.
    """
    if purpose not in ("export", "report"):
        raise InvalidInput(f"'{purpose}' is not a reason to include evidence: export, report.")
    _require_purpose(actor, purpose)
    with database.unit_of_work() as uow:
        if listed is None:
            query = item_query(actor).where(EvidenceItem.id.in_(item_ids))
            listed = [to_info(actor, *row) for row in uow.session.execute(query)]
        infos = {info.id: info for info in listed}
        for item_id in item_ids:
            if item_id not in infos:
                raise NotFound(
                    f"There is no evidence item {item_id}; see 'casedesk evidence list'."
                )
        wanted = tuple(infos[i] for i in item_ids)
        recorded = recorded_problems(uow, [_stored(info) for info in wanted])
        extra = also(uow) if also is not None else None
    return Inclusion(wanted, purpose, recorded, extra)


def included_bytes(
    database: Database,
    actor: Actor,
    inclusion: Inclusion[Any],
    *,
    start: int = 0,
    stop: int | None = None,
) -> Iterator[tuple[EvidenceInfo, bytes]]:
    """The bytes of ``inclusion.items[start:stop]``, each re-hashed, in order, one at a time.

    Each item is given only once its bytes matched; the first that does not
    is recorded (``evidence.integrity_failure``) and raised as
    :class:`IntegrityFailure` naming the item. No custody event is written.
    """
    failed: tuple[EvidenceInfo, str] | None = None
    with database.unit_of_work() as uow:
        for info in inclusion.items[start:stop]:
            data = _blob_bytes(uow, info.sha256)
            problem = _mismatch(info, data) or inclusion.recorded.get(info.id, "")
            if problem:
                failed = info, problem
                break
            assert data is not None
            yield info, data
    if failed is not None:
        info, problem = failed
        details = {"sha256": info.sha256, "purpose": inclusion.purpose, "problem": problem}
        _record_integrity_failure(database, actor, info, details)
        raise IntegrityFailure(_integrity_message(info, problem))


def record_read(
    uow: UnitOfWork,
    actor: Actor,
    purpose: Purpose,
    info: EvidenceInfo,
    details: Mapping[str, object] | None = None,
) -> None:
    """Record in ``uow`` that the item was viewed, exported or put in a report.

    The event (``evidence.<purpose>``) carries the item's SHA-256 and
    ``details``: for an export the bundle's SHA-256 and file, for a report
    its id, kind and SHA-256, so the item's custody says where it went.
    """
    record_reads(uow, actor, purpose, [(info, details or {})])


def record_reads(
    uow: UnitOfWork,
    actor: Actor,
    purpose: Purpose,
    reads: Sequence[tuple[EvidenceInfo, Mapping[str, object]]],
) -> None:
    """:func:`record_read` of each ``(item, details)``, in order, as one append to the chain."""
    audit.record_many(
        uow,
        actor,
        [
            audit.EventInput(
                f"evidence.{purpose}",
                "evidence",
                info.id,
                info.case_id,
                {"sha256": info.sha256, **details},
            )  # fmt: skip
            for info, details in reads
        ],
    )


def _stored(info: EvidenceInfo) -> StoredEvidence:
    return StoredEvidence(info.id, info.case_id, info.sha256, info.size, info.page_source_sha256)


def _integrity_message(info: EvidenceInfo, problem: str) -> str:
    return (
        f"Evidence item {info.id} ({info.original_filename}, case {info.case_number}) failed "
        f"its integrity check: {problem}. Restore the database from a backup."
    )


def refuse_part(
    database: Database,
    actor: Actor,
    info: EvidenceInfo,
    part: StoredPart,
    problem: str,
    purpose: Purpose,
) -> IntegrityFailure:
    """Record a part's failed check (``evidence.integrity_failure``); the error to raise."""
    details = {"part": part.role, "sha256": part.sha256, "purpose": purpose, "problem": problem}
    _record_integrity_failure(database, actor, info, details)
    return IntegrityFailure(_integrity_message(info, problem))


def _parts_checked(
    uow: UnitOfWork, checks: list[EvidenceCheck], found: Intake
) -> list[EvidenceCheck]:
    """``checks`` with each passed item's parts re-hashed (each blob read once) and checked;
    ``found``: the items' intake records, already read."""
    parts = stored_parts(uow, (check.item.id for check in checks if check.ok))
    # Every item's event, so a capture whose part rows were all deleted is caught too.
    recorded = recorded_parts(
        uow, ((check.item.id, check.item.case_id) for check in checks if check.ok), found=found
    )
    digests: dict[str, Digest] = {}
    out: list[EvidenceCheck] = []
    for check in checks:
        if check.ok:
            problem = ""
            item_parts = parts.get(check.item.id, [])
            for part in item_parts:
                if part.sha256 not in digests:
                    digests[part.sha256] = digest_of(_blob_bytes(uow, part.sha256))
                problem = part_problem(part, digests[part.sha256], recorded.get(check.item.id))
                if problem:
                    break
            problem = problem or missing_part_problem(item_parts, recorded.get(check.item.id))
            if problem:
                check = EvidenceCheck(check.item, False, problem)
        out.append(check)
    return out


def custody_history(database: Database, actor: Actor, item_id: int) -> list[audit.AuditEntry]:
    """Every audit event of one item, oldest first: its chain of custody.

    Each event's ``actor`` is the person's full name (the audit chain itself
    keeps the user name); a user name no account has any more stays as it is.
    """
    actor.require(Permission.EVIDENCE_VIEW)
    with database.unit_of_work() as uow:
        info = load_item(uow, actor, item_id)
        events = [
            event
            for event in audit.case_events(uow, info.case_id)
            if event.entity_type == "evidence" and event.entity_id == str(item_id)
        ]
        rows = uow.session.execute(
            select(User.username, User.full_name).where(
                User.username.in_({event.actor for event in events})
            )
        )
        names = {username: full_name for username, full_name in rows}
    return [dataclasses.replace(e, actor=names.get(e.actor, e.actor)) for e in events]


@retried
def verify_evidence(
    database: Database, actor: Actor, case_id: int | None = None
) -> list[EvidenceCheck]:
    """Re-hash every item's bytes and parts (of one case, or all) and record each check.

    An item's parts (:func:`part_problem`) are checked once its own bytes and
    records passed; a failed part fails the item, its problem naming the
    part. Each item gets an ``evidence.verify`` event (its custody shows every
    integrity check). The hashing runs in a reading snapshot so other users
    are not held up; the events are written afterwards in one transaction.
    Returns one check per item; the failed ones have ``ok`` False.
    """
    if not actor.can(Permission.AUDIT_VERIFY):
        actor.require(Permission.EVIDENCE_VIEW)
    checks: list[EvidenceCheck] = []
    # An administrator checks every item (metadata only, no content shown); a case
    # role checks the items of the cases in their scope.
    scoped = actor.can(Permission.CASE_VIEW)
    with database.unit_of_work(snapshot=True) as uow:
        query = item_query(actor, scoped=scoped).order_by(EvidenceItem.added_at, EvidenceItem.id)
        if case_id is not None:
            if scoped:
                require_visible_case(uow, actor, case_id)
            elif uow.session.get(Case, case_id) is None:
                raise NotFound(f"There is no case {case_id}; see 'casedesk case list'.")
            query = query.where(EvidenceItem.case_id == case_id)
        # Item metadata only: the bytes are read one blob at a time, once per content.
        items = [to_info(actor, *row) for row in uow.session.execute(query)]
        problems: dict[str, str] = {}
        for info in items:
            if info.sha256 not in problems:
                problems[info.sha256] = _mismatch(info, _blob_bytes(uow, info.sha256))
            problem = problems[info.sha256]
            if not problem and info.page_source_sha256 is not None:
                problem = _page_source_mismatch(
                    info.page_source_sha256, _blob_bytes(uow, info.page_source_sha256)
                )
            checks.append(EvidenceCheck(info, not problem, problem))
        # Hashes rewritten together with the bytes agree with each other, not with
        # the audit events that recorded them when the items came in.
        # One read of the intake events for both checks.
        found = intake_records(uow, [(c.item.id, c.item.case_id) for c in checks if c.ok])
        recorded = recorded_problems(uow, [_stored(c.item) for c in checks if c.ok], found=found)
        checks = [
            EvidenceCheck(c.item, False, recorded[c.item.id]) if c.item.id in recorded else c
            for c in checks
        ]
        # Each part (a capture's viewport, WARC, WACZ) against its row and that event.
        checks = _parts_checked(uow, checks, found)
    with database.unit_of_work(write=True) as uow:
        audit.lock_cases(uow, (check.item.case_id for check in checks))
        for check in checks:
            audit.record(
                uow, actor, "evidence.verify", entity_type="evidence",
                entity_id=check.item.id, case_id=check.item.case_id,
                details={"sha256": check.item.sha256, "ok": check.ok, "problem": check.problem},
            )  # fmt: skip
        uow.commit()
    return checks


def integrity_message(check: EvidenceCheck) -> str:
    """The sentence naming a failed item, as ``read_evidence`` raises it."""
    return _integrity_message(check.item, check.problem)
