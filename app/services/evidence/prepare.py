"""Preparing screenshots for intake on helper threads: read, hash, check, thumbnail.

This is the pure work of an import, with no database: each file is read
with a size limit, hashed (SHA-256), decoded once with the content checks of
:func:`~app.services.evidence.content.decode_image`, and thumbnailed. It
runs on :data:`PREPARE_WORKERS` helper threads (hashlib, zlib and Pillow
release the interpreter lock) while the importing thread stores the files
already prepared, in their order.

Nothing here writes, prints or keeps anything: the outcomes wait in memory
until :mod:`~app.services.evidence.intake` takes them, at most ``window``
files (and about ``budget`` bytes) ahead of it, and :meth:`Preparing.close`
drops them. So the command line can start preparing as soon as its
arguments are parsed, before the database layer has loaded and the user has
signed in (:func:`start_early`); a refused sign-in or case closes it, and
nothing of the files is kept.

Before the database is open, neither the case's contents nor the size
limit setting are known: files are read against the setting's default
limit and decoded even if the case holds them already. The importing thread
checks each outcome against the real limit and contents, and prepares again
itself the few that a different limit could have changed (a refusal, or a
file over the real limit), so every message is the one the real limit gives;
content the case holds is a duplicate even if its decoding was refused (a
name whose extension disagrees), as it is when the case is known first.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.domain.errors import InvalidInput
from app.domain.evidence import check_size, clean_filename
from app.domain.settings import EVIDENCE_MAX_MEGABYTES
from app.privatefiles import read_bounded
from app.services.evidence.content import (
    DEFAULT_THUMBNAIL_SIDE,
    ImageFacts,
    decode_image,
    make_thumbnail,
)
from app.services.thread_switch import switch_quickly

#: Helper threads preparing the next files while one is stored (two cores busy on two).
PREPARE_WORKERS = max(1, min(2, os.cpu_count() or 1))
#: How far an import (in the window, or a command's) may prepare ahead of storing.
#: Two ahead left the helpers waiting whenever storing one file (its commit) took
#: longer than preparing the next: 63-67 % of the floor's rate, 72 % with eight
#: (BENCHMARKS.md, "Evidence import"); the bytes held stay within ``EARLY_BUDGET``.
INTAKE_WINDOW = 8
#: Files stored per transaction (and bytes of them, at most): the case lock, the link
#: check, the audit chain's head and the commit are taken once for them all, and
#: every item committed is whole and audited (BENCHMARKS.md, "Evidence import").
INTAKE_BATCH = 8
INTAKE_BATCH_BYTES = 16 * 1024 * 1024
#: How far an import started early may prepare ahead of storing: files, and bytes
#: of file content held (one more file per helper may be in reading when it is reached).
#: The bytes decide for screenshots (64 MiB: about 130 of 480 KB): with both cores free
#: the helpers prepare more than 32 before the command has signed in, and a smaller
#: window left them waiting while it did.
EARLY_WINDOW = 256
EARLY_BUDGET = 64 * 1024 * 1024
#: The interpreter's switch interval while files are prepared, in seconds. Pillow gives
#: the interpreter lock back to Python after each 64 KiB of a file it decodes; at the
#: default 5 ms a helper waited up to that long for it whenever the importing thread
#: ran Python (the command's imports and sign-in, storing), and its core idled: 11-18
#: files a second against 24-34 with 0.5 ms. At 0.5 ms each helper still spent
#: 0.12-0.17 s of `evidence add` blocked, 0.08-0.13 s at 0.1 ms, with no more CPU
#: (BENCHMARKS.md, "Evidence import").
SWITCH_INTERVAL = 0.0001
#: The size limit files are read against before the database (and its setting) is open.
DEFAULT_MAX_BYTES = EVIDENCE_MAX_MEGABYTES.default * 1024 * 1024


@dataclass(frozen=True, slots=True)
class IntakeFile:
    """One file to import: a path to read, or bytes already in memory (a paste, a capture).

    ``name`` is the original file name; bytes that are not UTF-8 are refused
    by :func:`~app.domain.evidence.clean_filename`, never guessed at.
    """

    name: str | bytes
    path: Path | None = None
    data: bytes | None = None


def display_name(name: str | bytes) -> str:
    """A file name as text for messages, whatever its bytes."""
    if isinstance(name, bytes):
        return name.decode("utf-8", "backslashreplace")
    return name


def read_file(file: IntakeFile, name: str, max_bytes: int, kind: str = "evidence") -> bytes:
    """The file's bytes, refused when empty, over ``max_bytes``, or not a regular file."""
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


@dataclass(frozen=True, slots=True)
class Prepared:
    """A file that passed every check, ready to store; ``facts`` None: not decoded,
    since the case already holds its content (``sha256``)."""

    name: str
    data: bytes
    sha256: str
    facts: ImageFacts | None
    thumbnail: bytes


@dataclass(frozen=True, slots=True)
class Outcome:
    """What preparing one file gave: the file ready to store, or why it was refused."""

    prepared: Prepared | None
    refusal: InvalidInput | None
    #: The size limit the file was read against.
    max_bytes: int
    #: Anything else that went wrong, raised again in the importing thread.
    error: BaseException | None = None
    #: The file's name and content hash, when it was read before being refused.
    name: str = ""
    sha256: str | None = None

    @property
    def size(self) -> int:
        return len(self.prepared.data) if self.prepared is not None else 0


def prepare(
    file: IntakeFile, max_bytes: int, contents: Mapping[str, int] | None, thumbnail_side: int
) -> Prepared:
    """Read, hash and check one file and make its thumbnail; no database, no output.

    Content in ``contents`` (the case's items by SHA-256) is not decoded:
    rerunning a large import is quick. Raises :class:`InvalidInput`.
    """
    name = clean_filename(file.name)
    data = read_file(file, name, max_bytes)
    return _checked(name, data, hashlib.sha256(data).hexdigest(), contents, thumbnail_side)


def _checked(
    name: str, data: bytes, sha256: str, contents: Mapping[str, int] | None, thumbnail_side: int
) -> Prepared:
    if contents is not None and sha256 in contents:
        return Prepared(name, b"", sha256, None, b"")  # skipped: its bytes are not kept
    facts, image = decode_image(data, name)
    try:
        thumbnail = make_thumbnail(image, thumbnail_side)
    finally:
        image.close()
    return Prepared(name, data, sha256, facts, thumbnail)


class Preparing:
    """``files`` prepared on helper threads, in order, at most ``window`` ahead of
    :meth:`take` and, once ``budget`` bytes wait, no more until some are taken."""

    def __init__(
        self,
        files: Sequence[IntakeFile],
        *,
        max_bytes: int,
        contents: Mapping[str, int] | None = None,
        window: int = PREPARE_WORKERS,
        budget: int = EARLY_BUDGET,
        workers: int = PREPARE_WORKERS,
        thumbnail_side: int = DEFAULT_THUMBNAIL_SIDE,
    ) -> None:
        self.files = tuple(files)
        self._max_bytes = max_bytes
        self._contents = contents
        self._window = max(1, window)
        self._budget = budget
        self._side = thumbnail_side
        self._ready: dict[int, Outcome] = {}
        self._started = 0  # files handed to a helper so far
        self._taken = 0  # outcomes taken so far
        self._held = 0  # bytes of the outcomes waiting
        self._busy = 0  # helpers preparing a file now
        self._closed = False
        self._changed = threading.Condition()
        self._threads = [
            threading.Thread(target=self._work, name=f"evidence-intake-{n}", daemon=True)
            for n in range(min(max(1, workers), len(self.files)))
        ]
        self._switch_back = switch_quickly(SWITCH_INTERVAL)  # until close()
        try:
            for thread in self._threads:
                thread.start()
        except BaseException:
            self.close()
            raise

    def use(self, *, max_bytes: int, contents: Mapping[str, int]) -> None:
        """From now on, read against ``max_bytes`` and skip decoding what ``contents`` holds."""
        with self._changed:
            self._max_bytes = max_bytes
            self._contents = contents

    def _may_start(self) -> bool:
        waiting = self._started - self._taken
        return (
            self._started < len(self.files)
            and waiting < self._window
            and (self._held < self._budget or waiting == 0)
        )

    def _work(self) -> None:
        while True:
            with self._changed:
                while not self._closed and not self._may_start():
                    if self._started >= len(self.files):
                        return
                    self._changed.wait()
                if self._closed:
                    return
                index = self._started
                self._started += 1
                self._busy += 1
                max_bytes, contents = self._max_bytes, self._contents
            outcome = self._outcome(self.files[index], max_bytes, contents)
            with self._changed:
                self._busy -= 1
                self._changed.notify_all()
                if self._closed:
                    return
                self._ready[index] = outcome
                self._held += outcome.size

    def _outcome(
        self, file: IntakeFile, max_bytes: int, contents: Mapping[str, int] | None
    ) -> Outcome:
        name, sha256 = "", None
        try:
            name = clean_filename(file.name)
            data = read_file(file, name, max_bytes)
            sha256 = hashlib.sha256(data).hexdigest()
            return Outcome(_checked(name, data, sha256, contents, self._side), None, max_bytes)
        except InvalidInput as refusal:
            return Outcome(None, refusal, max_bytes, name=name, sha256=sha256)
        except BaseException as error:  # noqa: BLE001 - raised again where the import runs
            return Outcome(None, None, max_bytes, error)

    def take(self) -> Prepared:
        """The next file, prepared (waits for it); raises its :class:`InvalidInput`.

        An outcome that the size limit now in force could change (read
        against another limit, and refused or over this one) is prepared
        again here, so it is judged by this limit and its message names it.
        """
        with self._changed:
            index = self._taken
            while index not in self._ready:
                if self._closed:
                    raise RuntimeError("the preparation of these files was closed")
                self._changed.wait()
            outcome = self._ready.pop(index)
            self._taken += 1
            self._held -= outcome.size
            self._changed.notify_all()
            max_bytes, contents = self._max_bytes, self._contents
        if outcome.error is not None:
            raise outcome.error
        if outcome.max_bytes != max_bytes and (
            outcome.prepared is None or outcome.size > max_bytes
        ):
            return prepare(self.files[index], max_bytes, contents, self._side)
        if outcome.refusal is not None:
            if outcome.sha256 is not None and contents is not None and outcome.sha256 in contents:
                # Refused when decoded (e.g. its name's extension), but content the case
                # holds: skipped as a duplicate, as it would have been undecoded.
                return Prepared(outcome.name, b"", outcome.sha256, None, b"")
            raise outcome.refusal
        assert outcome.prepared is not None
        return outcome.prepared

    @property
    def ahead(self) -> int:
        """How many prepared files wait to be taken."""
        with self._changed:
            return len(self._ready)

    def settle(self) -> int:
        """Wait until the helpers have prepared all they may for now; :attr:`ahead`."""
        with self._changed:
            while self._busy or (not self._closed and self._may_start()):
                self._changed.wait()
            return len(self._ready)

    def close(self) -> None:
        """Stop: nothing more is prepared and what waits is dropped (files being read
        finish on their own and are dropped too)."""
        with self._changed:
            self._closed = True
            self._ready.clear()
            self._held = 0
            self._changed.notify_all()
        self._switch_back()


def start_early(files: Sequence[IntakeFile]) -> Preparing:
    """Start preparing ``files`` before the database is open (the command line)."""
    return Preparing(files, max_bytes=DEFAULT_MAX_BYTES, window=EARLY_WINDOW)
