"""Importing many screenshots into a case, in order, a few files per transaction.

The metadata (the same for every file of one import) is checked before any
file is read, so bad metadata stores nothing. Then each file is read, sized,
hashed, checked against what the case already holds, decoded once (the
checks and the thumbnail come from the same decoding) and stored with its
audit event. Up to :data:`~app.services.evidence.prepare.INTAKE_BATCH`
files (and ``INTAKE_BATCH_BYTES``) go in one transaction, each whole with
its blob, thumbnail and event: the case lock, the audit chain's head and the
commit are taken once for them. A file that cannot be read or is not a
whole, supported image becomes an :class:`IntakeFailure` before any
transaction and the import goes on; content the case already holds is
skipped and reported. A crash or a kill in the middle therefore leaves whole
items only (the files of the transaction under way are not stored), and
running the same import again adds the rest and skips what is there. A
cancel stores the files taken so far and stops.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.domain.actor import Actor
from app.domain.errors import InvalidInput
from app.domain.evidence import DuplicateEvidence
from app.domain.permissions import Permission
from app.domain.settings import EVIDENCE_MAX_MEGABYTES
from app.services.database import Database
from app.services.evidence import items, store
from app.services.evidence.content import DEFAULT_THUMBNAIL_SIDE
from app.services.evidence.items import EvidenceInfo
from app.services.evidence.metadata import CheckedMetadata, IntakeMetadata, check_intake_metadata
from app.services.evidence.prepare import (
    INTAKE_BATCH,
    INTAKE_BATCH_BYTES,
    INTAKE_WINDOW,
    IntakeFile,
    Prepared,
    Preparing,
    display_name,
    read_file,
)
from app.services.settings import get_int

__all__ = [
    "ImportReport",
    "IntakeFailure",
    "IntakeFile",
    "IntakeMetadata",
    "attach_page_source_file",
    "check_link",
    "check_metadata",
    "display_name",
    "import_evidence",
]

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class IntakeFailure:
    """A file that was not imported, and why (the message names the file)."""

    name: str
    message: str


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What one import did: items added, duplicates skipped (name, existing item id), failures."""

    added: tuple[EvidenceInfo, ...]
    duplicates: tuple[tuple[str, int], ...]
    failed: tuple[IntakeFailure, ...]
    cancelled: bool


def check_metadata(metadata: IntakeMetadata) -> None:
    """Raise for bad or missing metadata, before any file is read.

    :class:`~app.domain.evidence.IntakeProblems` names every problem with its
    field: intake requires the capture time, the capturer, and the source URL
    or the reason there is none (DOMAIN.md "Screenshot evidence").
    """
    check_intake_metadata(metadata)


def check_link(database: Database, actor: Actor, case_id: int, metadata: IntakeMetadata) -> None:
    """Raise unless the metadata's authorization or credential request covers the capture."""
    store.check_obtained_link(database, actor, case_id, check_intake_metadata(metadata))


@dataclass
class _Intake:
    """One import's fixed facts and what the case holds so far (content → item id)."""

    database: Database
    actor: Actor
    case_id: int
    case_number: str
    metadata: CheckedMetadata
    contents: dict[str, int]

    def held(self, prepared: Prepared) -> DuplicateEvidence | None:
        """The refusal of content the case holds already (no transaction), if it does."""
        existing = self.contents.get(prepared.sha256)
        if existing is None:
            return None
        return store.duplicate(self.case_number, prepared.name, prepared.sha256, existing)

    def store(self, batch: Sequence[Prepared]) -> list[EvidenceInfo | DuplicateEvidence]:
        """Blobs, items, thumbnails and audit events of ``batch`` in one transaction.

        The writing transaction checks the contents again, for adds made
        meanwhile elsewhere: those come back as duplicates.
        """
        images = []
        for prepared in batch:
            assert prepared.facts is not None  # only known content is left undecoded
            images.append(store.CheckedImage(
                prepared.name, prepared.data, prepared.sha256, prepared.facts,
                {DEFAULT_THUMBNAIL_SIDE: prepared.thumbnail},
            ))  # fmt: skip
        stored = store.store_many(self.database, self.actor, self.case_id, images, self.metadata)
        for outcome in stored:
            if isinstance(outcome, EvidenceInfo):
                self.contents[outcome.sha256] = outcome.id
        return stored


def import_evidence(
    database: Database,
    actor: Actor,
    case_id: int,
    files: Sequence[IntakeFile],
    metadata: IntakeMetadata,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    preparing: Preparing | None = None,
) -> ImportReport:
    """Import ``files`` into a case, up to ``INTAKE_BATCH`` files per transaction.

    ``progress(done, total, name)`` is called before each file and once at
    the end (``name`` empty); ``cancelled()`` is asked between files and
    stops the import there (the files taken before it are stored and stay).
    Bad metadata, a missing case or a missing permission raise before
    anything is stored. The same content twice in one import is stored once,
    the second a duplicate of the first.

    ``preparing``: the same ``files`` already being prepared
    (:func:`app.services.evidence.prepare.start_early`); the caller closes
    it. Without it, the files are prepared here on helper threads, and no
    file is read before those checks pass.
    """
    actor.require(Permission.EVIDENCE_ADD)
    checked = check_intake_metadata(metadata)
    number = items.case_number_of(database, case_id, actor)  # NotFound before anything else
    # A link that does not cover the capture would refuse every file: said once, up front.
    store.check_obtained_link(database, actor, case_id, checked)
    max_bytes = get_int(database, EVIDENCE_MAX_MEGABYTES) * 1024 * 1024
    intake = _Intake(database, actor, case_id, number, checked,
                     items.case_contents(database, case_id))  # fmt: skip
    if preparing is None:
        # The next files are read, hashed, decoded and thumbnailed on PREPARE_WORKERS
        # helper threads (Pillow and hashlib release the GIL) while this thread stores
        # the current one, in order: at most INTAKE_WINDOW files (and EARLY_BUDGET
        # bytes of them) wait, plus one in reading per helper.
        own = Preparing(files, max_bytes=max_bytes, contents=intake.contents, window=INTAKE_WINDOW)
        try:
            return _import(intake, own, progress, cancelled)
        finally:
            own.close()
    if preparing.files != tuple(files):
        raise ValueError("the files being prepared are not the files to import")
    preparing.use(max_bytes=max_bytes, contents=intake.contents)
    return _import(intake, preparing, progress, cancelled)


def _import(
    intake: _Intake,
    preparing: Preparing,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> ImportReport:
    added: list[EvidenceInfo] = []
    duplicates: list[tuple[int, str, int]] = []  # file's place, name, item holding it
    failed: list[IntakeFailure] = []
    pending: list[tuple[int, str, Prepared]] = []  # taken, stored at the next commit
    held_bytes = 0

    def commit() -> None:
        nonlocal held_bytes
        if not pending:
            return
        stored = intake.store([prepared for _place, _name, prepared in pending])
        for (place, name, _prepared), outcome in zip(pending, stored, strict=True):
            if isinstance(outcome, DuplicateEvidence):
                duplicates.append((place, name, outcome.existing_id))
            else:
                added.append(outcome)
        pending.clear()
        held_bytes = 0

    files = preparing.files
    total = len(files)
    stopped = False
    for done, file in enumerate(files):
        if cancelled is not None and cancelled():
            stopped = True
            preparing.close()
            break
        name = display_name(file.name)
        if progress is not None:
            progress(done, total, name)
        try:
            prepared = preparing.take()
        except InvalidInput as invalid:
            failed.append(IntakeFailure(name, str(invalid)))
            continue
        refusal = intake.held(prepared)
        if refusal is not None:
            duplicates.append((done, name, refusal.existing_id))
            continue
        pending.append((done, name, prepared))
        held_bytes += len(prepared.data)
        if len(pending) >= INTAKE_BATCH or held_bytes >= INTAKE_BATCH_BYTES:
            commit()
    commit()  # cancelled too: what was taken is stored
    if progress is not None and not stopped:
        progress(total, total, "")
    ordered = tuple((name, existing) for _place, name, existing in sorted(duplicates))
    return ImportReport(tuple(added), ordered, tuple(failed), stopped)


def attach_page_source_file(
    database: Database, actor: Actor, item_id: int, path: Path
) -> EvidenceInfo:
    """Read a saved page from ``path`` and attach it to an item as its page source.

    An unreadable file is :class:`InvalidInput` with the reason, like any intake.
    """
    actor.require(Permission.EVIDENCE_ADD)
    limit = get_int(database, EVIDENCE_MAX_MEGABYTES) * 1024 * 1024
    name = display_name(os.fsencode(path.name))
    data = read_file(IntakeFile(name, path=path), name, limit, "a page source")
    return store.attach_page_source(
        database, actor, item_id, data, original_filename=os.fsencode(path.name)
    )
