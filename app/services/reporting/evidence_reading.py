"""Evidence read into a report: re-hashed, redacted where boxes are drawn, chosen per employee.

Every item is read back and its bytes re-hashed before anything is rendered
(a mismatch raises :class:`~app.domain.errors.IntegrityFailure` naming the
item). No custody event is written here: the caller records them with the
finished report.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import reports
from app.domain.actor import Actor
from app.services import evidence
from app.services.database import Database
from app.services.evidence_redaction import boxes_of, render_redacted
from app.services.reporting.common import (
    OBTAINED_LABELS,
    IncludedEvidence,
    capture_text,
)

#: ``progress(done, total, text)``: the GUI's task control, or nothing.
Progress = Callable[[int, int, str], None]
#: ``deliver(pdf)``: writes the report where it goes, before it is recorded.


def _evidence_item(
    info: evidence.EvidenceInfo, image: bytes, redacted: bool, position: int
) -> reports.EvidenceItem:
    obtained = OBTAINED_LABELS[info.obtained]
    if info.obtained_under:  # empty for users who may not see the record
        obtained = f"{obtained}: {info.obtained_under}"
    return reports.EvidenceItem(
        item_id=f"E-{position}",
        file_name=info.original_filename,
        image=image,
        redacted=redacted,
        media_type=info.media_type,
        width=info.width or 0,
        height=info.height or 0,
        size_bytes=info.size,
        sha256=info.sha256,
        captured_at=capture_text(info.captured_at, info.capture_tz),
        captured_by=info.captured_by or info.added_by,
        source_url=info.source_url or "",
        platform=info.platform,
        account=info.account_shown,
        obtained=obtained,
        description=info.description,
        rendering_sha256=hashlib.sha256(image).hexdigest() if redacted else "",
    )


def read_for_report(
    database: Database, actor: Actor, case_id: int, progress: Progress
) -> tuple[tuple[reports.EvidenceItem, ...], tuple[IncludedEvidence, ...]]:
    """Every evidence item of the case, re-hashed and read for the report, in order.

    Items with redaction boxes are read as their redacted rendering. The
    first mismatch raises :class:`IntegrityFailure` naming the item. No
    custody event is written: the second value lists what to record with the
    finished report.
    """
    items = evidence.list_evidence(database, actor, case_id)
    printed = []
    included = []
    for position, listed in enumerate(items, start=1):
        progress(position - 1, len(items), f"Checking evidence {position} of {len(items)}…")
        info, data = evidence.read_for_inclusion(database, actor, listed.id, purpose="report")
        with database.unit_of_work() as uow:
            boxes = boxes_of(uow, info.id)
        image = render_redacted(data, boxes) if boxes else data
        printed.append(_evidence_item(info, image, bool(boxes), position))
        included.append(IncludedEvidence(info, bool(boxes)))
    progress(len(items), len(items), "Evidence checked.")
    return tuple(printed), tuple(included)
