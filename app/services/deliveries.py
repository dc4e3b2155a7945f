"""Files moved into place by a transaction that never committed, found at the next start.

A report or a bundle written by the command line is moved to its place
inside the transaction that records it, then the transaction commits
(:class:`~app.privatefiles.Delivery` keeps a journal meanwhile). A process
killed between the move and the commit leaves a file with no record; the
next command on that database finds the journal, asks the database whether
the file was recorded, and removes the file if it was not (and only if it
still holds the very bytes written).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.privatefiles import file_sha256, pending_deliveries
from app.services.database import Database

_WHAT = {"report": "report", "export": "evidence bundle"}


def _recorded(database: Database, entry: dict[str, object]) -> bool:
    # Only with a journal left behind: the report models are not loaded at every start.
    from app.db.models import AuditEvent, GeneratedReport

    sha256 = str(entry.get("sha256", ""))
    with database.unit_of_work() as uow:
        if entry.get("kind") == "report":
            found = uow.session.scalar(
                select(GeneratedReport.id).where(GeneratedReport.sha256 == sha256).limit(1)
            )
            return found is not None
        case_id = entry.get("case_id")
        if not isinstance(case_id, int):
            return True  # not ours to judge: keep the file
        details = uow.session.scalars(
            select(AuditEvent.details).where(
                AuditEvent.action == "case.export", AuditEvent.case_id == case_id
            )
        )
        return any(isinstance(d, dict) and d.get("sha256") == sha256 for d in details)


def reconcile(database: Database) -> list[str]:
    """Remove files whose recording transaction never committed; say which."""
    notices = []
    for journal, entry in pending_deliveries(database.display_name):
        target = Path(str(entry.get("target", "")))
        if not _recorded(database, entry) and file_sha256(target) == entry.get("sha256"):
            target.unlink(missing_ok=True)
            what = _WHAT.get(str(entry.get("kind")), "file")
            notices.append(
                f"Removed {target}: the {what} written there was interrupted before it was "
                "recorded, so it had no record. Make it again."
            )
        journal.unlink(missing_ok=True)
    return notices
