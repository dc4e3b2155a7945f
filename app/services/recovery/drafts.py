"""Text a user typed and had not recorded, kept in the database against a crash.

The window (``app.ui.recovery``) hands :func:`keep_drafts` what its open
forms hold that is not recorded yet (a note being written, a finding, a
dialog's text, redaction boxes drawn and not saved) every few seconds, under
an id of its session made at sign-in; each call replaces that session's
rows, and an empty one removes them, as a normal close does. A window that
ends without closing (killed, the computer lost power) leaves its rows
behind, no longer refreshed: after :data:`QUIET_FOR` the user's next
sign-in, on any workstation, offers them back (:func:`recovered_drafts`) until
the user discards them (:func:`discard_drafts`). Rows of a session still
refreshed (the same user signed in on another workstation) are not offered.

Drafts are the user's own working state, like Home's rows: no audit event,
and nobody else reads them (docs/security.md, "Work kept against a crash").
A draft of a case the user may no longer see is not offered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import Delete, delete, insert, or_, select

from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import Case, WorkDraft
from app.domain.actor import Actor
from app.domain.errors import InvalidInput
from app.domain.settings import RECOVERED_WORK_KEEP_DAYS
from app.services.access import visible_cases
from app.services.database import Database
from app.services.recovery.fields import read_fields, read_step
from app.services.recovery.findings import read_finding
from app.services.recovery.redactions import read_boxes
from app.services.retry import retried
from app.services.settings import get_int

#: A session whose drafts were not refreshed for this long has ended without
#: closing; the window refreshes its drafts every few seconds (``app.ui.recovery``).
QUIET_FOR = dt.timedelta(seconds=90)
#: Longest place description kept (the column's size).
PLACE_MAX = 300
#: Longest text kept of one piece of work (a note's, a narrative's limit is lower).
TEXT_MAX = 200_000
SESSION_MAX = 40
#: A note being written: put back into its case's note editor (``app.ui.recovery``).
NOTE = "note"
#: Redaction boxes drawn and not saved: put back on the item's picture
#: (:mod:`.redactions` holds the item and boxes in the draft's ``data``).
REDACTION = "redaction"
#: A finding being written: put back into its allegation's finding editor
#: (:mod:`.findings` holds the allegation, finding and reasoning in ``data``).
FINDING = "finding"
#: A case's intake facts not saved: put back into its Overview's inputs
#: (:mod:`.fields` holds each typed input's text by name in ``data``).
INTAKE = "intake"
#: A step of the discipline flow not recorded: put back into the same step's form of the
#: same employee while nothing was recorded for it since (:mod:`.fields`).
DISCIPLINE = "discipline"
#: A new case's intake form not yet created: put back into a new form of its own
#: (:mod:`.fields`, as :data:`INTAKE`).
NEW_CASE = "new_case"
#: The kinds a draft may have: each is put back where it was made, but "" (copied back
#: by hand).
KINDS = frozenset({"", NOTE, REDACTION, FINDING, INTAKE, DISCIPLINE, NEW_CASE})
#: How the ``data`` of a kind is read (and checked as it is kept).
_READERS: dict[str, Callable[[str], object]] = {
    REDACTION: read_boxes,
    FINDING: read_finding,
    INTAKE: read_fields,
    NEW_CASE: read_fields,
    DISCIPLINE: read_step,
}
#: Longest ``data`` kept (500 boxes, the most an item takes, need about 45,000 characters).
DATA_MAX = 100_000


def read_data(kind: str, data: str) -> object:
    """What a draft of ``kind`` keeps in ``data``, read (:mod:`.redactions`, :mod:`.findings`,
    :mod:`.fields`); None for a kind that keeps none. InvalidInput if it is not that."""
    reader = _READERS.get(kind)
    if reader is not None:
        return reader(data)
    if data:
        raise InvalidInput("A draft of this kind keeps no data besides its text.")
    return None


@dataclass(frozen=True, slots=True)
class DraftEntry:
    """One piece of unrecorded work as the window hands it over."""

    #: What and where, as the user reads it ("MODNR-2025-0001: a note not yet added").
    place: str
    text: str
    #: The case it belongs to, if any.
    case_id: int | None = None
    #: What it is, where it can be put back (:data:`NOTE`, :data:`REDACTION`,
    #: :data:`FINDING`, :data:`INTAKE`, :data:`DISCIPLINE`, :data:`NEW_CASE`); "" for the
    #: rest.
    kind: str = ""
    #: What putting it back needs beyond the text (JSON; :mod:`.redactions`,
    #: :mod:`.findings`, :mod:`.fields`), or "".
    data: str = ""


@dataclass(frozen=True, slots=True)
class RecoveredDraft:
    """A piece of work a session left behind, offered back."""

    id: int
    place: str
    text: str
    case_id: int | None
    case_number: str | None
    saved_at: dt.datetime
    kind: str = ""
    data: str = ""


def _deleted(uow: UnitOfWork, statement: Delete) -> int:
    """Run a DELETE; how many rows it removed."""
    return int(getattr(uow.session.execute(statement), "rowcount", 0) or 0)


def _check_session(session: str) -> None:
    if not session or len(session) > SESSION_MAX:
        raise InvalidInput(f"A window session id is 1 to {SESSION_MAX} characters.")


@retried
def keep_drafts(
    database: Database, actor: Actor, session: str, entries: Sequence[DraftEntry]
) -> None:
    """Replace the drafts ``session`` keeps with ``entries`` (none: forget them).

    Any signed-in user keeps their own. Text past :data:`TEXT_MAX` is cut (a
    form refuses that much anyway); an entry without text is not kept. A
    draft's ``data`` must read as its kind's (:func:`read_data`).
    """
    _check_session(session)
    unknown = {entry.kind for entry in entries} - KINDS
    if unknown:
        raise InvalidInput(f"Unknown kind of draft: {', '.join(sorted(unknown))}.")
    for entry in entries:
        if len(entry.data) > DATA_MAX:
            raise InvalidInput(f"A draft keeps at most {DATA_MAX:,} characters of data.")
        read_data(entry.kind, entry.data)
    now = utcnow()
    rows = [
        {
            "user_id": actor.user_id,
            "session": session,
            "case_id": entry.case_id,
            "place": entry.place[:PLACE_MAX],
            "kind": entry.kind,
            "text": entry.text[:TEXT_MAX],
            "data": entry.data,
            "saved_at": now,
        }
        for entry in entries
        if entry.text.strip()
    ]
    with database.unit_of_work(write=True) as uow:
        uow.session.execute(
            delete(WorkDraft).where(
                WorkDraft.user_id == actor.user_id, WorkDraft.session == session
            )
        )
        if rows:
            uow.session.execute(insert(WorkDraft), rows)
        uow.commit()


@retried
def expire_drafts(database: Database) -> int:
    """Remove every user's drafts kept longer than the agency keeps them; how many went.

    The setting ``recovery.keep_days`` (:data:`RECOVERED_WORK_KEEP_DAYS`); at 0,
    its default, nothing expires. A live session refreshes its drafts every
    few seconds, so only work a crashed window left behind is ever that old.
    """
    days = get_int(database, RECOVERED_WORK_KEEP_DAYS)
    if days == 0:
        return 0
    with database.unit_of_work(write=True) as uow:
        gone = _deleted(
            uow, delete(WorkDraft).where(WorkDraft.saved_at < utcnow() - dt.timedelta(days=days))
        )
        uow.commit()
        return gone


def recovered_drafts(
    database: Database, actor: Actor, session: str, *, quiet_for: dt.timedelta = QUIET_FOR
) -> list[RecoveredDraft]:
    """The drafts the user's other sessions left behind, oldest first.

    Only sessions not refreshed for ``quiet_for`` (ended without closing),
    and only drafts of no case or of a case the user may still see. Drafts
    past the agency's keeping time go first (:func:`expire_drafts`).
    """
    _check_session(session)
    expire_drafts(database)
    before = utcnow() - quiet_for
    query = (
        select(
            WorkDraft.id,
            WorkDraft.place,
            WorkDraft.text,
            WorkDraft.case_id,
            Case.number,
            WorkDraft.saved_at,
            WorkDraft.kind,
            WorkDraft.data,
        )  # fmt: skip
        .outerjoin(Case, Case.id == WorkDraft.case_id)
        .where(
            WorkDraft.user_id == actor.user_id,
            WorkDraft.session != session,
            WorkDraft.saved_at < before,
            or_(WorkDraft.case_id.is_(None), visible_cases(actor)),
        )
        .order_by(WorkDraft.saved_at, WorkDraft.id)
    )
    with database.unit_of_work() as uow:
        return [RecoveredDraft(*row) for row in uow.session.execute(query)]


@retried
def discard_drafts(database: Database, actor: Actor, ids: Sequence[int]) -> int:
    """Remove the user's drafts ``ids`` (another user's are left alone); how many went."""
    if not ids:
        return 0
    with database.unit_of_work(write=True) as uow:
        gone = _deleted(
            uow,
            delete(WorkDraft).where(
                WorkDraft.user_id == actor.user_id, WorkDraft.id.in_(list(ids))
            ),
        )
        uow.commit()
        return gone
