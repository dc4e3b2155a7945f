"""The filtered audit events as a CSV file, newest first.

Details are written as their canonical JSON, or the reason they are withheld
(:mod:`.visibility`), so the file holds no more than the reader may see. The
file is written beside its place and renamed when whole; the export itself is
an audit event.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from app.domain.actor import Actor
from app.domain.audit import canonical_dumps, canonical_timestamp
from app.domain.errors import InvalidInput
from app.domain.permissions import Permission
from app.services import audit
from app.services.audit_log.events import AuditFilter, events_page, iter_events
from app.services.database import Database
from app.services.retry import retried

HEADER = ("seq", "occurred_at_utc", "actor", "action", "entity_type", "entity_id",
          "case_number", "details", "hash")  # fmt: skip


def export_csv(
    database: Database,
    actor: Actor,
    wanted: AuditFilter,
    target: Path,
    *,
    progress: Callable[[int, int, str], None] | None = None,
) -> int:
    """Write the events matching ``wanted`` to ``target``; returns how many."""
    actor.require(Permission.AUDIT_VIEW)
    total = events_page(database, actor, wanted, limit=1).total or 0
    folder = target.parent
    if not folder.is_dir():
        raise InvalidInput(f"The folder {folder} does not exist; choose another place.",
                           field="target")  # fmt: skip
    try:
        handle, temporary = tempfile.mkstemp(prefix=".audit-", suffix=".csv", dir=folder)
    except OSError as error:
        raise InvalidInput(f"Cannot write in {folder}: {error.strerror}; choose another place.",
                           field="target") from None  # fmt: skip
    written = 0
    try:
        with os.fdopen(handle, "w", newline="", encoding="utf-8") as stream:
            writer = csv.writer(stream)
            writer.writerow(HEADER)
            for event in iter_events(database, actor, wanted):
                writer.writerow((
                    event.seq, canonical_timestamp(event.occurred_at), event.actor,
                    event.action, event.entity_type, event.entity_id, event.case_number or "",
                    canonical_dumps(event.details) if event.details is not None
                    else event.withheld,
                    event.hash,
                ))  # fmt: skip
                written += 1
                if progress is not None and written % 500 == 0:
                    progress(written, total, "")
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _record_export(database, actor, wanted, target, written)
    return written


@retried
def _record_export(
    database: Database, actor: Actor, wanted: AuditFilter, target: Path, count: int
) -> None:
    details = {
        "file": target.name,
        "events": count,
        "filter": {
            "actor": wanted.actor, "action": wanted.action, "case_number": wanted.case_number,
            "since": wanted.since.isoformat() if wanted.since else None,
            "until": wanted.until.isoformat() if wanted.until else None,
        },
    }  # fmt: skip
    with database.unit_of_work(write=True) as uow:
        audit.record(uow, actor, "audit.export", entity_type="audit", entity_id=count,
                     details=details)  # fmt: skip
        uow.commit()
