"""Importing many screenshots into a case: one file at a time, each committed on its own.

The metadata (the same for every file of one import) is checked before any
file is read, so bad metadata stores nothing. Then each file is read, sized,
hashed, checked against what the case already holds, decoded once (the
checks and the thumbnail come from the same decoding) and stored with its
audit event in its own transaction. A file that cannot be read or is not a
whole, supported image becomes an :class:`IntakeFailure` and the import goes
on; content the case already holds is skipped and reported. A crash or a
kill in the middle therefore leaves whole items only, and running the same
import again adds the rest and skips what is there.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from app.domain.actor import Actor
from app.domain.errors import InvalidInput
from app.domain.evidence import DuplicateEvidence, ObtainedHow, check_size, clean_filename
from app.domain.permissions import Permission
from app.domain.settings import EVIDENCE_MAX_MEGABYTES
from app.privatefiles import read_bounded
from app.services.database import Database
from app.services.evidence import items, store
from app.services.evidence.content import ImageFacts, decode_image, make_thumbnail
from app.services.evidence.items import EvidenceInfo
from app.services.evidence.store import CheckedMetadata
from app.services.evidence.thumbnails import DEFAULT_SIDE
from app.services.settings import get_int

#: The thumbnail size the case view shows; intake caches it with each item.
DEFAULT_THUMBNAIL_SIDE = DEFAULT_SIDE
#: Helper threads preparing the next files while one is stored (two cores busy on two).
PREPARE_WORKERS = max(1, min(2, os.cpu_count() or 1))

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class IntakeFile:
    """One file to import: a path to read, or bytes already in memory (a paste, a capture).

    ``name`` is the original file name; bytes that are not UTF-8 are refused
    by :func:`~app.domain.evidence.clean_filename`, never guessed at.
    """

    name: str | bytes
    path: Path | None = None
    data: bytes | None = None


@dataclass(frozen=True, slots=True)
class IntakeMetadata:
    """What the user says about every file of one import."""

    source_url: str | None = None
    platform: str = ""
    account_shown: str = ""
    captured_at: str | dt.datetime | None = None
    captured_by: str | None = None
    description: str = ""
    obtained: ObtainedHow | str = ObtainedHow.PUBLIC
    #: The authorization or credential request the files were obtained under.
    authorization_id: int | None = None
    credential_request_id: int | None = None
    #: Why there is no source URL, e.g. "supplied by reporter as a file".
    no_url_reason: str = ""


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
    _checked(metadata)


def check_link(database: Database, actor: Actor, case_id: int, metadata: IntakeMetadata) -> None:
    """Raise unless the metadata's authorization or credential request covers the capture."""
    store.check_obtained_link(database, actor, case_id, _checked(metadata))


def _checked(metadata: IntakeMetadata) -> CheckedMetadata:
    return store.check_capture_metadata(
        source_url=metadata.source_url,
        platform=metadata.platform,
        account_shown=metadata.account_shown,
        captured_at=metadata.captured_at,
        captured_by=metadata.captured_by,
        description=metadata.description,
        obtained=metadata.obtained,
        authorization_id=metadata.authorization_id,
        credential_request_id=metadata.credential_request_id,
        no_url_reason=metadata.no_url_reason,
        require_provenance=True,
    )


def display_name(name: str | bytes) -> str:
    """A file name as text for messages, whatever its bytes."""
    if isinstance(name, bytes):
        return name.decode("utf-8", "backslashreplace")
    return name


def _read(file: IntakeFile, name: str, max_bytes: int, kind: str = "evidence") -> bytes:
    if file.data is not None:
        check_size(len(file.data), max_bytes, name)
        return file.data
    if file.path is None:
        raise InvalidInput(f"{name}: neither a path nor the file's bytes were given.")
    # Regular files only, the size checked before and while reading: a huge
    # file, /dev/zero or a FIFO is refused without being read or waited on.
    data = read_bounded(
        file.path, max_bytes, kind, hint=f" (setting '{EVIDENCE_MAX_MEGABYTES.key}')"
    )
    check_size(len(data), max_bytes, name)  # refuses an empty file
    return data


@dataclass
class _Intake:
    """One import's fixed facts and what the case holds so far (content → item id)."""

    database: Database
    actor: Actor
    case_id: int
    case_number: str
    metadata: CheckedMetadata
    max_bytes: int
    contents: dict[str, int]

    def prepare(self, file: IntakeFile) -> _Prepared:
        """Read, hash and check one file and make its thumbnail; no database writes.

        Runs in a helper thread while the previous file is being stored (Pillow
        and hashlib release the GIL), so decoding and writing overlap.
        """
        name = clean_filename(file.name)
        data = _read(file, name, self.max_bytes)
        sha256 = hashlib.sha256(data).hexdigest()
        existing = self.contents.get(sha256)
        if existing is not None:
            # Skipped before decoding, so rerunning a large import is quick. The
            # writing transaction checks again, for an add made meanwhile elsewhere.
            raise store.duplicate(self.case_number, name, sha256, existing)
        facts, image = decode_image(data, name)
        try:
            thumbnail = make_thumbnail(image, DEFAULT_THUMBNAIL_SIDE)
        finally:
            image.close()
        return _Prepared(name, data, sha256, facts, thumbnail)

    def store(self, prepared: _Prepared) -> EvidenceInfo:
        """Blob, item, thumbnail and audit event in one transaction."""
        info = store.store_checked(
            self.database, self.actor, self.case_id, prepared.data, prepared.name,
            prepared.facts, self.metadata, sha256=prepared.sha256,
            thumbnails={DEFAULT_THUMBNAIL_SIDE: prepared.thumbnail},
        )  # fmt: skip
        self.contents[prepared.sha256] = info.id
        return info


@dataclass(frozen=True, slots=True)
class _Prepared:
    """A file that passed every check, ready to store."""

    name: str
    data: bytes
    sha256: str
    facts: ImageFacts
    thumbnail: bytes


def import_evidence(
    database: Database,
    actor: Actor,
    case_id: int,
    files: Sequence[IntakeFile],
    metadata: IntakeMetadata,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import ``files`` into a case, one transaction per file.

    ``progress(done, total, name)`` is called before each file and once at
    the end (``name`` empty); ``cancelled()`` is asked between files and
    stops the import there (what was added stays). Bad metadata, a missing
    case or a missing permission raise before anything is read.
    """
    actor.require(Permission.EVIDENCE_ADD)
    checked = _checked(metadata)
    number = items.case_number_of(database, case_id, actor)  # NotFound before anything else
    # A link that does not cover the capture would refuse every file: said once, up front.
    store.check_obtained_link(database, actor, case_id, checked)
    intake = _Intake(
        database, actor, case_id,
        number,
        checked,
        get_int(database, EVIDENCE_MAX_MEGABYTES) * 1024 * 1024,
        items.case_contents(database, case_id),
    )  # fmt: skip
    added: list[EvidenceInfo] = []
    duplicates: list[tuple[str, int]] = []
    failed: list[IntakeFailure] = []
    total = len(files)
    stopped = False
    # The next files are read, hashed, decoded and thumbnailed on PREPARE_WORKERS
    # helper threads (Pillow and hashlib release the GIL) while this thread stores
    # the current one, in order: at most PREPARE_WORKERS + 1 files are in memory.
    ahead: deque[Future[_Prepared]] = deque()
    upcoming = iter(files)
    with ThreadPoolExecutor(PREPARE_WORKERS, thread_name_prefix="evidence-intake") as helpers:

        def fill() -> None:
            while len(ahead) < PREPARE_WORKERS:
                file = next(upcoming, None)
                if file is None:
                    return
                ahead.append(helpers.submit(intake.prepare, file))

        fill()
        for done, file in enumerate(files):
            if cancelled is not None and cancelled():
                stopped = True
                for future in ahead:
                    future.cancel()
                break
            name = display_name(file.name)
            if progress is not None:
                progress(done, total, name)
            current = ahead.popleft()
            fill()
            try:
                added.append(intake.store(current.result()))
            except DuplicateEvidence as duplicate:
                duplicates.append((name, duplicate.existing_id))
            except InvalidInput as invalid:
                failed.append(IntakeFailure(name, str(invalid)))
            del current  # its bytes go now, not when the next file is stored
    if progress is not None and not stopped:
        progress(total, total, "")
    return ImportReport(tuple(added), tuple(duplicates), tuple(failed), stopped)


def attach_page_source_file(
    database: Database, actor: Actor, item_id: int, path: Path
) -> EvidenceInfo:
    """Read a saved page from ``path`` and attach it to an item as its page source.

    An unreadable file is :class:`InvalidInput` with the reason, like any intake.
    """
    actor.require(Permission.EVIDENCE_ADD)
    limit = get_int(database, EVIDENCE_MAX_MEGABYTES) * 1024 * 1024
    name = display_name(os.fsencode(path.name))
    data = _read(IntakeFile(name, path=path), name, limit, "a page source")
    return store.attach_page_source(
        database, actor, item_id, data, original_filename=os.fsencode(path.name)
    )
