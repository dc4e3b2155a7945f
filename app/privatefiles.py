"""Files on disk that only the user may read, and reading files with a bound.

Casedesk keeps case files: its folders are 0700 and its files (the SQLite
database and its ``-wal``/``-shm``, the log, reports, exports, anything
written next to them) 0600, whatever the umask. A looser one found at start
is tightened, and :func:`tighten` says so, for the caller to log and show.

Partial files (a bundle or a report being written) live in a private staging
folder (:func:`staging_dir`) and move into place only when whole; a file
left there by a killed process is removed at the next start
(:func:`remove_leftovers`).

Every file the application reads on the user's behalf goes through
:func:`read_bounded` (:mod:`app.boundedread`, re-exported here).

This module sits outside the layers, like :mod:`app.config`, so the
database, the services, the CLI and the GUI all use it.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from app.boundedread import (
    MB,
    kind_of,
    not_regular,
    read_bounded,
    read_stream_bounded,
    size_text,
)
from app.config import APP_NAME, cache_dir, config_dir, data_dir, log_dir, settings_dir
from app.domain.errors import InvalidInput

__all__ = [
    "MB",
    "not_regular",
    "read_bounded",
    "read_stream_bounded",
    "size_text",
]

DIR_MODE = 0o700
FILE_MODE = 0o600

#: Name parts of the files this module leaves in staging folders.
_PART_SUFFIX = ".part"
_JOURNAL_SUFFIX = ".pending"
_STAGING = "partial"


# -- permissions ---------------------------------------------------------------------


def tighten(path: Path, mode: int) -> str | None:
    """Take away every permission of ``path`` beyond ``mode``; say so if there was one.

    Returns ``None`` when the path is missing, neither a regular file nor a
    folder, or already private; otherwise a message for the log
    and the user, also when it could not be changed (a file of another user).
    """
    try:
        status = os.lstat(path)
    except OSError:
        return None
    if not (stat.S_ISREG(status.st_mode) or stat.S_ISDIR(status.st_mode)):
        return None  # a link (its target is checked on its own), a FIFO, a device
    current = stat.S_IMODE(status.st_mode)
    if not current & ~mode & 0o777:
        return None
    what = "folder" if stat.S_ISDIR(status.st_mode) else "file"
    try:
        os.chmod(path, current & mode)
    except OSError as error:
        return (
            f"The {what} {path} may be read by other users (mode {current:04o}) and could "
            f"not be made private: {error.strerror or error}. Change it to {mode:04o}."
        )
    return (
        f"The {what} {path} could be read by other users (mode {current:04o}); "
        f"it is now private to you ({current & mode:04o})."
    )


def report_font_cache() -> Path | None:
    """The user's folder of parsed report fonts (kept between commands); None if it
    cannot be made, and the fonts are parsed each time."""
    try:
        return private_dir(cache_dir() / "report-fonts")
    except OSError:
        return None


def private_dir(path: Path) -> Path:
    """Create ``path`` as a folder only the user may enter (0700); tighten an existing one.

    Missing parents are made 0700 too (``~/.cache/casedesk`` for
    ``~/.cache/casedesk/partial``), so the next start has nothing to tighten.
    """
    missing = []
    folder = path
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for folder in reversed(missing):
        folder.mkdir(mode=DIR_MODE, exist_ok=True)
    tighten(path, DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` empty with mode 0600 unless it exists; tighten it if it does.

    For files another program fills (SQLite, the log): creating them first
    decides their mode, whatever the umask.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        descriptor = os.open(path, flags, FILE_MODE)
    except OSError as error:
        if error.errno not in (errno.ELOOP, errno.EISDIR, errno.ENXIO, errno.EACCES):
            raise
        return path  # a link, a folder or someone else's file: left to whoever opens it
    os.close(descriptor)
    tighten(path, FILE_MODE)
    return path


@contextlib.contextmanager
def private_umask() -> Iterator[None]:
    """Files and folders created meanwhile are the user's only (umask 077)."""
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


# -- writing: output paths, staging and moving into place ----------------------------


def check_output_name(path: Path) -> None:
    """Refuse a file name the folder's file system would not take (too long)."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        limit = os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        limit = 255
    length = len(os.fsencode(path.name))
    if length > limit:
        raise InvalidInput(
            f"The file name {path.name[:40]}… is {length} bytes long; the limit in {folder} "
            f"is {limit}. Choose a shorter name."
        )


def check_replaceable(path: Path, *, overwrite: bool, flag: str = "--force") -> None:
    """Refuse to write over an existing file unless allowed, and never over anything else.

    Overwriting (``--force``) replaces a regular file only (or a symbolic link
    to one); a FIFO, a device, a socket or a folder is refused by name.
    """
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as error:
        raise InvalidInput(f"Cannot write {path}: {error.strerror or error}.") from None
    if stat.S_ISDIR(status.st_mode):
        raise InvalidInput(f"{path} is a folder; give a file name.")
    if not stat.S_ISREG(status.st_mode):
        raise InvalidInput(
            f"{path} exists and is not a regular file (it is {kind_of(status.st_mode)}); "
            "only a regular file is ever replaced. Choose another name."
        )
    if not overwrite:
        raise InvalidInput(f"{path} already exists; choose another name or add {flag}.")


def probe_folder(folder: Path) -> None:
    """Make and remove one empty file in ``folder``: ``OSError`` if it takes none.

    Some folders refuse new files even to root (``/proc``); asking first
    spares the work of a report or a bundle that could not be written.
    """
    descriptor, name = tempfile.mkstemp(dir=folder, prefix=".casedesk-", suffix=_PART_SUFFIX)
    os.close(descriptor)
    os.unlink(name)


def staging_dir(base: Path | None = None) -> Path:
    """A private (0700) folder for partial files, in the user's cache folder or ``base``."""
    return private_dir((base or cache_dir()) / _STAGING)


def _staging_candidates() -> list[Path]:
    return [cache_dir() / _STAGING, data_dir() / _STAGING]


def _device(path: Path) -> int | None:
    try:
        return os.stat(path).st_dev
    except OSError:
        return None


def _lock(descriptor: int, *, wait: bool) -> bool:
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


class StagedFile:
    """A file written in a private staging folder, then moved into place when whole.

    The staging folder is on the target's file system when the user's cache
    or data folder is (the move is then one rename); otherwise the whole file
    is copied beside the target under a hidden name and renamed, with a
    journal in the staging folder naming that copy so a kill never leaves it
    behind for good. While the writer runs its files are locked, so
    :func:`remove_leftovers` in another process leaves them alone.
    """

    def __init__(self, target: Path) -> None:
        self.target = target
        folder = target.parent if str(target.parent) else Path(".")
        wanted = _device(folder)
        chosen = None
        for candidate in _staging_candidates():
            with contextlib.suppress(OSError):
                private_dir(candidate)
                if wanted is not None and _device(candidate) == wanted:
                    chosen = candidate
                    break
        self.same_filesystem = chosen is not None
        staging = chosen or staging_dir()
        descriptor, name = tempfile.mkstemp(dir=staging, prefix="casedesk-", suffix=_PART_SUFFIX)
        _lock(descriptor, wait=True)
        self.path = Path(name)
        self.file: BinaryIO = os.fdopen(descriptor, "w+b")
        self.moved = False

    def finish(self) -> None:
        """Flush the file to the disk."""
        self.file.flush()
        os.fsync(self.file.fileno())

    def sha256(self) -> tuple[str, int]:
        """The SHA-256 and size of what was written."""
        digest = hashlib.sha256()
        size = 0
        self.file.seek(0)
        while chunk := self.file.read(MB):
            digest.update(chunk)
            size += len(chunk)
        return digest.hexdigest(), size

    def move_into_place(self) -> None:
        """Put the file at its target (one rename, or a copy beside it and a rename)."""
        if self.same_filesystem:
            os.replace(self.path, self.target)
            self.moved = True
            return
        journal = self.path.with_suffix(_JOURNAL_SUFFIX)
        folder = self.target.parent if str(self.target.parent) else Path(".")
        descriptor, beside = tempfile.mkstemp(dir=folder, prefix=".casedesk-", suffix=_PART_SUFFIX)
        try:
            _lock(descriptor, wait=True)
            with open(journal, "w", encoding="utf-8") as note:
                json.dump({"partial": beside}, note)
                note.flush()
                os.fsync(note.fileno())
            with os.fdopen(descriptor, "wb", closefd=False) as copy:
                self.file.seek(0)
                shutil.copyfileobj(self.file, copy, MB)
                copy.flush()
                os.fsync(copy.fileno())
            os.replace(beside, self.target)
            self.moved = True
        except BaseException:
            Path(beside).unlink(missing_ok=True)
            raise
        finally:
            os.close(descriptor)
            journal.unlink(missing_ok=True)

    def discard(self) -> None:
        """Close the file and remove what is left in the staging folder."""
        with contextlib.suppress(OSError):
            self.file.close()
        self.path.unlink(missing_ok=True)

    def __enter__(self) -> StagedFile:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.discard()


def write_atomic_private(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` (0600) through the staging folder; ``OSError`` if refused."""
    with StagedFile(target) as staged:
        staged.file.write(data)
        staged.finish()
        staged.move_into_place()


def remove_leftovers() -> list[Path]:
    """Remove partial files a killed process left in the staging folders; return them.

    A file still locked belongs to a running Casedesk and is kept. A journal
    names the hidden copy a cross-file-system move was making beside its
    target; that copy goes too.
    """
    removed: list[Path] = []
    for folder in _staging_candidates():
        try:
            entries = sorted(folder.iterdir())
        except OSError:
            continue
        for entry in entries:
            if entry.suffix not in (_PART_SUFFIX, _JOURNAL_SUFFIX):
                continue
            # The journal first: its part file's lock says whether its writer still runs.
            part = entry.with_suffix(_PART_SUFFIX)
            try:
                descriptor = os.open(part, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
            except OSError:
                descriptor = -1
            try:
                if descriptor >= 0 and not _lock(descriptor, wait=False):
                    continue  # a running export or report
                if entry.suffix == _JOURNAL_SUFFIX:
                    removed += _remove_journaled(entry)
                elif descriptor >= 0:
                    part.unlink(missing_ok=True)
                    removed.append(part)
            finally:
                if descriptor >= 0:
                    os.close(descriptor)
    return removed


def _remove_journaled(journal: Path) -> list[Path]:
    removed = []
    try:
        named = Path(json.loads(journal.read_text(encoding="utf-8"))["partial"])
    except (OSError, ValueError, KeyError, TypeError):
        named = None
    if (
        named is not None
        and named.name.startswith(".casedesk-")
        and named.name.endswith(_PART_SUFFIX)
        and named.is_file()
        and not named.is_symlink()
    ):
        named.unlink(missing_ok=True)
        removed.append(named)
    journal.unlink(missing_ok=True)
    return removed


# -- files moved into place inside a transaction -------------------------------------

_DELIVERY_SUFFIX = ".delivery"


class Delivery:
    """A journal saying a file was moved into place by a transaction not yet committed.

    Written before the move and removed after the commit (or after the
    rollback removed the file). One found unlocked at the next start means
    the process died in between: :func:`pending_deliveries` hands it to the
    service that can ask the database whether the file was recorded.
    """

    def __init__(self, target: Path, *, database: str, kind: str, sha256: str, **facts: object):
        descriptor, name = tempfile.mkstemp(
            dir=staging_dir(), prefix="casedesk-", suffix=_DELIVERY_SUFFIX
        )
        _lock(descriptor, wait=True)
        self.path = Path(name)
        self._descriptor = descriptor
        entry = {
            "target": str(target.absolute()),
            "database": database,
            "kind": kind,
            "sha256": sha256,
            **facts,
        }
        os.write(descriptor, json.dumps(entry).encode())
        os.fsync(descriptor)

    def close(self) -> None:
        """The transaction ended (committed, or rolled back and the file removed)."""
        self.path.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            os.close(self._descriptor)


def pending_deliveries(database: str) -> list[tuple[Path, dict[str, object]]]:
    """Journals of ``database`` whose process died between a move and its commit."""
    found: list[tuple[Path, dict[str, object]]] = []
    for folder in _staging_candidates():
        try:
            entries = sorted(folder.glob(f"*{_DELIVERY_SUFFIX}"))
        except OSError:
            continue
        for entry in entries:
            try:
                descriptor = os.open(entry, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
            except OSError:
                continue
            try:
                if not _lock(descriptor, wait=False):
                    continue  # still running
                content = json.loads(read_bounded(entry, MB, "a delivery journal"))
            except (InvalidInput, ValueError):
                content = None
            finally:
                os.close(descriptor)
            if not isinstance(content, dict):
                entry.unlink(missing_ok=True)
            elif content.get("database") == database:
                found.append((entry, content))
    return found


def file_sha256(path: Path) -> str | None:
    """The SHA-256 of the regular file ``path``, or ``None`` if it is not one."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            while chunk := handle.read(MB):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


# -- at start ------------------------------------------------------------------------

#: The files SQLite keeps beside a database file.
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def secure_sqlite_file(path: Path) -> list[str]:
    """Make a SQLite database file 0600 (created so if new) with its WAL, SHM and journal.

    SQLite gives the files it adds beside a database the database's own
    mode, so a private database keeps them private too. Returns a message
    for each file that was looser.
    """
    path = Path(os.path.realpath(path))  # a link's target is the file SQLite writes
    if path.is_dir():
        return []  # refused by SQLite with its own message
    notices = [tighten(path, FILE_MODE)]
    private_file(path)
    notices += [tighten(Path(f"{path}{suffix}"), FILE_MODE) for suffix in SQLITE_COMPANIONS]
    return [notice for notice in notices if notice]


def secure_user_folders(*folders: Path) -> list[str]:
    """Tighten the user's Casedesk folders that exist and the files in them; remove leftovers.

    Only folders Casedesk owns are touched (the data, log, cache and config
    folders), never the folders around a database or a report the user
    chose. Returns a message for each path that was looser.
    """
    notices: list[str | None] = []
    for folder in folders:
        notices.append(tighten(folder, DIR_MODE))
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir() and not entry.is_symlink():
                notices.append(tighten(entry, DIR_MODE))
            else:
                notices.append(tighten(entry, FILE_MODE))
    remove_leftovers()
    return [notice for notice in notices if notice]


def secure_at_start() -> list[str]:
    """Tighten the user's Casedesk folders and their files; remove leftover partial files.

    Run once when the CLI or the GUI starts; the messages say what was
    tightened, for the log and (on the command line) standard error.
    """
    folders = [data_dir(), log_dir(), cache_dir(), settings_dir(), config_dir()]
    if log_dir().parent.name == APP_NAME:  # ~/.local/state/casedesk/log
        folders.insert(1, log_dir().parent)
    return secure_user_folders(*folders)
