"""Correcting an item's capture metadata, and making an item void.

Neither touches the item's bytes. A correction names what changed and why:
each changed field becomes an ``evidence_amendments`` row (the value before
and after), and one ``evidence.amend`` audit event in the item's custody
says the same, so earlier values are never lost. A void item is kept with
its bytes and history, marked with who made it void, when and why
(``evidence.void``); reports and bundles leave it out unless asked
(``list_evidence(include_void=False)``).
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import EvidenceAmendment, EvidenceItem, User
from app.domain.actor import Actor
from app.domain.errors import InvalidInput, Refused
from app.domain.evidence import AMENDABLE_FIELDS, REASON_MAX, EvidenceVoid, ObtainedHow
from app.domain.permissions import Permission
from app.domain.validation import clean_text
from app.services import audit, authorization_evidence
from app.services.database import Database
from app.services.evidence.items import EvidenceInfo, load_item, lock_case
from app.services.evidence.metadata import CheckedMetadata, check_capture_metadata
from app.services.retry import retried

#: The fields a correction may name: the amendable ones and the record behind "obtained".
_LINK_FIELDS = ("authorization_id", "credential_request_id")


@dataclass(frozen=True, slots=True)
class Amendment:
    """One corrected field of an item, as its history shows it."""

    field: str
    #: The field in words ("capture time").
    label: str
    old_value: str | None
    new_value: str | None
    reason: str
    #: Who corrected it, by full name.
    amended_by: str
    amended_at: dt.datetime


def _reason(text: str, what: str) -> str:
    return clean_text(text, what, max_length=REASON_MAX, required=True, multiline=True)


def _capture_moment(item: EvidenceItem) -> dt.datetime | None:
    """The stored capture time as an aware time in the capturer's zone, for re-checking."""
    if item.captured_at is None:
        return None
    zone = item.capture_tz or "UTC"
    try:
        if zone[:1] in "+-":
            hours, minutes = zone[1:].split(":")
            offset = dt.timedelta(hours=int(hours), minutes=int(minutes))
            tz: dt.tzinfo = dt.timezone(-offset if zone[0] == "-" else offset)
        else:
            tz = zoneinfo.ZoneInfo(zone)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        tz = dt.UTC
    return item.captured_at.astimezone(tz)


def _current(item: EvidenceItem) -> dict[str, Any]:
    return {
        "source_url": item.source_url,
        "no_url_reason": item.no_url_reason,
        "platform": item.platform,
        "account_shown": item.account_shown,
        "captured_at": _capture_moment(item),
        "captured_by": item.captured_by,
        "obtained": item.obtained,
        "authorization_id": item.authorization_id,
        "credential_request_id": item.credential_request_id,
    }


def _capture_text(utc: dt.datetime | None, zone: str | None) -> str | None:
    if utc is None:
        return None
    return f"{utc.astimezone(dt.UTC).isoformat()} ({zone or 'UTC'})"


def _obtained_text(obtained: str, authorization_id: int | None, request_id: int | None) -> str:
    if authorization_id is not None:
        return f"{obtained} (authorization {authorization_id})"
    if request_id is not None:
        return f"{obtained} (credential request {request_id})"
    return obtained


def _values(item: EvidenceItem) -> dict[str, str | None]:
    """The amendable fields of a stored item as text, for its history."""
    return {
        "source_url": item.source_url,
        "no_url_reason": item.no_url_reason or None,
        "platform": item.platform or None,
        "account_shown": item.account_shown or None,
        "captured_at": _capture_text(item.captured_at, item.capture_tz),
        "captured_by": item.captured_by,
        "obtained": _obtained_text(item.obtained, item.authorization_id,
                                   item.credential_request_id),
    }  # fmt: skip


def _check_complete(checked: CheckedMetadata, changes: Mapping[str, Any]) -> None:
    """A correction may not remove what intake requires (DOMAIN.md "Screenshot evidence")."""
    if "captured_at" in changes and checked.capture is None:
        raise InvalidInput("A capture time cannot be removed; give the corrected time.",
                           field="captured_at")  # fmt: skip
    if "captured_by" in changes and not checked.captured_by:
        raise InvalidInput("Say who captured the screenshot.", field="captured_by")
    if ({"source_url", "no_url_reason"} & changes.keys() and not checked.source_url
            and not checked.no_url_reason):  # fmt: skip
        raise InvalidInput(
            "Give the page's URL, or say why there is none "
            '(e.g. "supplied by reporter as a file").',
            field="source_url",
        )


def _apply(item: EvidenceItem, checked: CheckedMetadata) -> None:
    item.source_url = checked.source_url
    item.no_url_reason = checked.no_url_reason
    item.platform = checked.platform
    item.account_shown = checked.account_shown
    item.captured_at = checked.capture.utc if checked.capture else None
    item.capture_tz = checked.capture.zone if checked.capture else None
    item.captured_by = checked.captured_by
    item.obtained = checked.obtained.value
    item.authorization_id = checked.authorization_id
    item.credential_request_id = checked.credential_request_id


def _editable(uow: UnitOfWork, actor: Actor, item_id: int) -> tuple[EvidenceInfo, EvidenceItem]:
    """The item as the actor sees it and its row, the case locked; refused if void."""
    info = load_item(uow, actor, item_id)
    lock_case(uow, info.case_id, actor)
    item = uow.session.get(EvidenceItem, item_id, populate_existing=True)
    assert item is not None
    if item.voided_at is not None:
        raise EvidenceVoid(
            f"Evidence item {item_id} ({info.original_filename}) is void since "
            f"{item.voided_at:%Y-%m-%d} ({info.void_reason}); it is kept as it is."
        )
    return info, item


@retried
def amend_evidence(
    database: Database,
    actor: Actor,
    item_id: int,
    changes: Mapping[str, Any],
    *,
    reason: str,
) -> EvidenceInfo:
    """Correct an item's capture metadata with a reason; the earlier values are kept.

    ``changes`` maps field names of :data:`~app.domain.evidence.AMENDABLE_FIELDS`
    (and ``authorization_id`` / ``credential_request_id`` with ``obtained``)
    to their corrected values, checked like intake's. A field given its
    current value is not a change; a correction changing nothing is invalid.
    """
    actor.require(Permission.EVIDENCE_ADD)
    unknown = sorted(set(changes) - set(AMENDABLE_FIELDS) - set(_LINK_FIELDS))
    if unknown:
        valid = ", ".join(AMENDABLE_FIELDS)
        raise InvalidInput(f"{', '.join(unknown)} cannot be corrected; these can: {valid}.")
    reason = _reason(reason, "The reason for the correction")
    with database.unit_of_work(write=True) as uow:
        info, item = _editable(uow, actor, item_id)
        linked = {"obtained", *_LINK_FIELDS} & changes.keys()
        if linked and info.obtained is ObtainedHow.CONFIDENTIAL:
            raise Refused(
                f"How evidence item {item_id} was obtained is a confidential record you may "
                "not see, so you may not correct it; ask a supervisor."
            )
        merged = {**_current(item), **changes}
        if "obtained" in changes:
            # A new way of obtaining names its own record, or none.
            for name in _LINK_FIELDS:
                merged[name] = changes.get(name)
        checked = check_capture_metadata(**merged)
        _check_complete(checked, changes)
        if linked or "captured_at" in changes:
            authorization_evidence.check_link(
                uow, actor, info.case_id, checked.obtained, checked.capture,
                checked.authorization_id, checked.credential_request_id,
            )  # fmt: skip
        before = _values(item)
        _apply(item, checked)
        after = _values(item)
        changed = {field: [before[field], after[field]] for field in before
                   if before[field] != after[field]}  # fmt: skip
        if not changed:
            raise InvalidInput(
                f"The correction changes nothing: evidence item {item_id} already has these values."
            )
        now = utcnow()
        for field, (old, new) in changed.items():
            uow.session.add(EvidenceAmendment(
                item_id=item_id, field=field, old_value=old, new_value=new, reason=reason,
                amended_by_id=actor.user_id, amended_at=now,
            ))  # fmt: skip
        uow.session.flush()
        audit.record(
            uow, actor, "evidence.amend", entity_type="evidence", entity_id=item_id,
            case_id=info.case_id,
            details={"sha256": item.sha256, "reason": reason, "changes": changed},
        )  # fmt: skip
        amended = load_item(uow, actor, item_id)
        uow.commit()
        return amended


@retried
def void_evidence(database: Database, actor: Actor, item_id: int, *, reason: str) -> EvidenceInfo:
    """Make an item void with a reason: kept with its bytes and custody, audited.

    Reports and bundles leave a void item out unless asked to include it, and
    then print it as VOID with the reason. Voiding twice is refused.
    """
    actor.require(Permission.EVIDENCE_ADD)
    reason = _reason(reason, "The reason the item is void")
    with database.unit_of_work(write=True) as uow:
        info, item = _editable(uow, actor, item_id)
        item.voided_at = utcnow()
        item.voided_by_id = actor.user_id
        item.void_reason = reason
        uow.session.flush()
        audit.record(
            uow, actor, "evidence.void", entity_type="evidence", entity_id=item_id,
            case_id=info.case_id, details={"sha256": item.sha256, "reason": reason},
        )  # fmt: skip
        voided = load_item(uow, actor, item_id)
        uow.commit()
        return voided


def amendment_history(database: Database, actor: Actor, item_id: int) -> list[Amendment]:
    """Every correction of an item's metadata, oldest first, with the values before."""
    actor.require(Permission.EVIDENCE_VIEW)
    with database.unit_of_work() as uow:
        info = load_item(uow, actor, item_id)
        rows = uow.session.execute(
            select(EvidenceAmendment, User.full_name)
            .join(User, User.id == EvidenceAmendment.amended_by_id)
            .where(EvidenceAmendment.item_id == item_id)
            .order_by(EvidenceAmendment.id)
        )
        masked = info.obtained is ObtainedHow.CONFIDENTIAL
        history = []
        for row, name in rows:
            old, new = row.old_value, row.new_value
            if masked and row.field == "obtained":
                # The record behind it is confidential to this user (shown_link).
                old = new = ObtainedHow.CONFIDENTIAL.value
            history.append(Amendment(row.field, AMENDABLE_FIELDS.get(row.field, row.field), old,
                                     new, row.reason, name, row.amended_at))  # fmt: skip
        return history
