"""Rendering in a process of its own, started before the report's data is read.

A ``casedesk report`` command spends its first half second loading the
database layer, signing in and reading the case. The renderer (reportlab,
its paragraph parser, the parsed fonts: about 0.2 CPU-s) loads in that time
in a second process, ``python -m reports.worker``, on the other core. The
command hands it the report model (:mod:`reports.model`) as soon as its text
is read, before the evidence is: the worker lays the pages out and draws them
while the command reads and re-hashes each item, and is given each item's
image bytes only once they matched their SHA-256; the audit checkpoint, known
once every item has been checked, comes last (it is printed at the foot of
the last page, drawn when every page is done)::

    worker = RenderWorker.start(font_folder, font_cache)  # first thing
    ...                                                   # read the case's text
    worker.begin(text, pending)                           # items without their bytes
    for index, data in checked_items:                     # each once it matched
        worker.image(index, data)
    pdf = worker.finish(report)                           # the complete model; or raises
    worker.close()                                        # always (a finally)

``worker.render_disciplinary(report)`` does the same with a complete model.
The worker renders exactly what :func:`reports.render_disciplinary` renders
in-process from the complete model, with the same fonts, and says a
:class:`ReportError` (a missing font, an unreadable image) as its message,
which is raised here as the same error. If the worker cannot be used at all
(it could not start, it died, even halfway, or it failed in an unexpected
way) :meth:`RenderWorker.finish` renders the complete model in this process
instead, so the outcome is the one an in-process render gives. The worker
keeps nothing: the PDF comes back through its standard output, and the
caller writes it where it goes, or (:meth:`RenderWorker.finish_into`) the
worker writes it into an empty file the caller made for it, and only its
size and SHA-256 come back.

The worker ends by itself once it has answered, and when its standard input
closes before the job is complete (the command gave up, for example because
an item failed its check, or ended first, or was killed): it then answers
nothing. :meth:`RenderWorker.close` kills one still running (an interrupted
command, a refused report); whoever starts a worker calls it, in a
``finally``. It ignores Ctrl-C itself: the terminal sends that to the whole
process group, and the command decides.

A stuck worker (stopped, or no longer reading) cannot hold the command up:
the command's writes happen while it reads the evidence in an open database
transaction, so each message is pickled to bytes first and written in
pieces, and a watchdog thread kills the worker once a write to it, or the
wait for its answer, has made no progress for :data:`STALL` seconds (no byte
taken or given; while it renders after the last message, the worker writes a
blank line for each image it places, which counts). The write then fails as
it does for a worker that died, and :meth:`RenderWorker.finish` renders in
this process. The same on every system (no ``select`` on pipes).

Protocol, on the worker's standard input (pickle, because the models are
dataclasses; the only writer is the parent, and the worker's unpickler
finds only the classes of :mod:`reports.model` and :mod:`reports.letter_model`,
:mod:`datetime`'s and a few builtins: anything else is refused and answered
``failed``), in this order:

1. ``(kind, model, pending)``: the report model, whose items at the indexes
   in the tuple ``pending`` have no image bytes (``b""``) yet;
2. ``("image", index, data)`` for each pending item, in any order;
3. ``("end", audit_checkpoint, target)``; then the command closes the pipe.
   ``target`` is "" or the path of a file the command made for the PDF
   (:meth:`RenderWorker.finish_into`): an empty file in the user's private
   staging folder, which the worker opens without creating or following a
   link, and writes (the command syncs it).

The worker reads 2 and 3 on a thread of its own while it renders
(:class:`reports.model.Arrivals`); the render waits for an image only when it
prepares it, and for the checkpoint only at the last page. It answers on its
standard output with a JSON header line ``{"status": "ok"|"refused"|"failed",
"size": N, "message": ...}`` followed by ``N`` bytes of PDF (or, when the PDF
went into the target file, ``"written": true`` with its size and ``"sha256"``,
and no bytes follow); before it, blank
lines (one for each image placed) say it is still at work. A refusal may
come before the job is complete (a font it cannot use): the command's next
writes then fail, and :meth:`RenderWorker.finish` reads the refusal.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import pickle
import signal
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, NamedTuple

from reports.model import DisciplinaryReport, Progress, ReportError

#: The renderer's own setting (``reports.fonts.ENVIRONMENT``), the one ``CASEDESK_``
#: variable the worker is given.
FONTS_VARIABLE = "CASEDESK_REPORT_FONTS"

OK = "ok"
REFUSED = "refused"
FAILED = "failed"
#: Not said by the worker: its answer was ``ok`` and the PDF is in the target file.
WRITTEN = "written"
#: The messages that follow the job: an image's bytes, and the end (the audit checkpoint).
IMAGE = "image"
END = "end"
#: How much the pipe carrying the job holds (Linux's default most for a user).
_PIPE_SIZE = 1 << 20
#: Seconds without progress (no byte written to the worker or read from it) after
#: which a worker is of no use: it is killed and the report rendered in this process.
STALL = 30.0
#: Messages are written in pieces of this size; each one written is progress.
_PIECE = _PIPE_SIZE
#: What the worker's unpickler may find: the report models' classes, and these.
_MODEL_MODULES = frozenset({"reports.model", "reports.letter_model"})
_ALLOWED = {
    "datetime": frozenset({"date", "datetime", "time", "timedelta", "timezone"}),
    "builtins": frozenset({"frozenset", "set", "bytearray"}),
}
#: The renderers the worker runs, by the kind the command names.
KINDS = ("disciplinary",)
#: The folder holding the ``reports`` package: put on the worker's import path.
_SOURCE_ROOT = Path(__file__).resolve().parent.parent
#: The environment the worker is given, besides ``LC_*``, ``PYTHON*`` and the fonts' folder.
_PASSED = frozenset({"PATH", "HOME", "LANG", "LANGUAGE", "TMPDIR", "TZ"})


@dataclass(frozen=True)
class WrittenPdf:
    """A PDF the worker wrote into the file it was given (not yet synced to the disk)."""

    path: Path
    size: int
    #: Hashed by the worker beside its writing of the same bytes.
    sha256: str


class _Answer(NamedTuple):
    status: str
    #: The PDF, or a refusal's message (UTF-8); empty when it was written into the file.
    data: bytes = b""
    sha256: str | None = None
    size: int = 0


class RenderWorker:
    """A renderer process made ready while the command does its own work.

    Make one with :meth:`start`; it renders one report, handed over whole
    (:meth:`render_disciplinary`) or in steps (:meth:`begin`, :meth:`image`,
    :meth:`finish`).
    """

    def __init__(
        self,
        process: subprocess.Popen[bytes],
        font_folder: Path,
        font_cache: Path | None,
        stall: float = STALL,
    ) -> None:
        self._process = process
        self._font_folder = font_folder
        self._font_cache = font_cache
        #: Set once a message could not be written: the worker has gone (or answered early).
        self._cut_off = False
        #: Set once its answer's header was read: it exits at once.
        self._answered = False
        self._watchdog = _Watchdog(process, stall)
        #: Reaps the worker once it has answered (:meth:`_let_go`).
        self._reaper: threading.Thread | None = None
        #: The SHA-256 (hex) of the PDF the worker made: hashed here piece by piece as
        #: it arrived (beside the worker's writing of the next piece), or by the worker
        #: as it wrote it into the target file. The caller's record of the report need
        #: not read 25 MB again. None until then, and for a PDF rendered in this process.
        self.sha256: str | None = None

    @classmethod
    def start(
        cls, font_folder: Path, font_cache: Path | None = None, *, stall: float = STALL
    ) -> RenderWorker | None:
        """Start the worker loading the renderer and the fonts; None when it cannot start.

        Not in a frozen application (its executable is the application, not
        an interpreter): the caller renders in-process there. ``stall``: the
        seconds without progress after which the worker is killed (:data:`STALL`).
        """
        if getattr(sys, "frozen", False):
            return None
        # Nothing of the command's own settings (its password, a database
        # passphrase, a server's password): only what an interpreter and the
        # renderer read, the font folders among them.
        env = {
            name: value
            for name, value in os.environ.items()
            if name in _PASSED or name.startswith(("LC_", "PYTHON")) or name == FONTS_VARIABLE
        }
        path = [str(_SOURCE_ROOT), *filter(None, env.get("PYTHONPATH", "").split(os.pathsep))]
        env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(path))
        # -P: not the current folder first on the import path (a folder named
        # "reports" there, a likely name where reports are kept, would be run).
        argv = [sys.executable, "-P", "-m", "reports.worker", str(font_folder)]
        if font_cache is not None:
            argv.append(str(font_cache))
        try:
            process = subprocess.Popen(
                argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, env=env, close_fds=True,
            )  # fmt: skip
        except (OSError, ValueError):
            return None
        _widen(process.stdin)
        return cls(process, font_folder, font_cache, stall)

    @property
    def pid(self) -> int:
        """The worker's process id."""
        return self._process.pid

    def render_disciplinary(
        self, report: DisciplinaryReport, *, progress: Progress | None = None
    ) -> bytes:
        """The disciplinary report as PDF bytes, as :func:`reports.render_disciplinary` makes it.

        Raises :class:`ReportError` as the in-process renderer would.
        """
        self.begin(report, progress=progress)
        return self.finish(report, progress=progress)

    def begin(
        self,
        report: DisciplinaryReport,
        pending: Collection[int] = (),
        *,
        progress: Progress | None = None,
    ) -> None:
        """Hand the worker ``report`` to lay out and draw now.

        The items of ``report.evidence`` at the indexes in ``pending`` have no
        image bytes yet: give each with :meth:`image` once it may be printed,
        then call :meth:`finish`. The audit checkpoint is taken from
        :meth:`finish`'s report, not from this one.
        """
        if progress is not None:
            progress(0, len(report.evidence) + 1)
        self._send(("disciplinary", report, tuple(sorted(pending))))

    def image(self, index: int, data: bytes) -> None:
        """The image bytes of pending item ``index`` (checked by the caller)."""
        self._send((IMAGE, index, data))

    def finish(self, report: DisciplinaryReport, *, progress: Progress | None = None) -> bytes:
        """The PDF of ``report``, the complete model (every image, the audit checkpoint).

        Raises :class:`ReportError` as the in-process renderer would; renders
        ``report`` in this process when the worker could not.
        """
        pdf = self._finish(report, None)
        if progress is not None:
            progress(len(report.evidence) + 1, len(report.evidence) + 1)
        assert isinstance(pdf, bytes)
        return pdf

    def finish_into(
        self, report: DisciplinaryReport, target: Path, *, progress: Progress | None = None
    ) -> bytes | WrittenPdf:
        """As :meth:`finish`, the PDF written by the worker into ``target``, an empty file.

        The 25 MB of a report with 50 screenshots then never go through the
        pipe, and the worker hashes them beside its writing: what comes back
        is their size and SHA-256 (checked against the file's size here). If
        the worker could not write it, the PDF is rendered in this process and
        returned as bytes, and ``target`` holds nothing of use.
        """
        pdf = self._finish(report, target)
        if progress is not None:
            progress(len(report.evidence) + 1, len(report.evidence) + 1)
        return pdf

    def _finish(self, report: DisciplinaryReport, target: Path | None) -> bytes | WrittenPdf:
        self._send((END, report.audit_checkpoint, "" if target is None else str(target)))
        answer = self._answer()
        if answer.status == REFUSED:
            raise ReportError(answer.data.decode("utf-8"))
        if answer.status == WRITTEN and target is not None and answer.sha256 is not None:
            try:
                whole = os.stat(target).st_size == answer.size
            except OSError:
                whole = False
            if whole:
                self.sha256 = answer.sha256
                return WrittenPdf(target, answer.size, answer.sha256)
        elif answer.status == OK and target is None:
            self.sha256 = answer.sha256
            return answer.data
        # The worker could not render (or write) it: this process does, with the same fonts.
        return self._in_process(report)

    def _in_process(self, report: DisciplinaryReport) -> bytes:
        from reports.fonts import use_font_cache, use_font_folder
        from reports.model import render_disciplinary

        use_font_folder(self._font_folder)
        use_font_cache(self._font_cache)
        return render_disciplinary(report)

    def _send(self, message: tuple[object, ...]) -> None:
        """Write one message; after a failed write nothing more is sent.

        Written in pieces under the watchdog: a worker that takes none of it
        for :data:`STALL` seconds is killed, which ends the write.
        """
        stdin = self._process.stdin
        if self._cut_off or stdin is None or stdin.closed:
            return
        try:
            data = memoryview(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))
            with self._watchdog.watching() as moved:
                for start in range(0, len(data), _PIECE):
                    stdin.write(data[start : start + _PIECE])
                    stdin.flush()
                    moved()
        except (OSError, ValueError, TypeError, AttributeError, pickle.PicklingError):
            # It died, was killed as stuck, or answered already (a refusal) and
            # ended: its answer says which.
            self._cut_off = True

    def _answer(self) -> _Answer:
        """Close the job, read the answer; a ``FAILED`` one when the worker is of no use."""
        process = self._process
        assert process.stdin is not None and process.stdout is not None
        try:
            with self._watchdog.watching() as moved:
                try:
                    process.stdin.close()
                except OSError:
                    pass  # what was still buffered could not go: the answer says why
                answer = _read_answer(process.stdout, moved)
            self._answered = True
            return answer
        except (OSError, EOFError, ValueError, TypeError, AttributeError):
            return _Answer(FAILED)  # it died (or was killed as stuck), or answered nonsense
        finally:
            if self._answered:
                self._let_go()
            else:
                self.close()

    def _let_go(self) -> None:
        """After its answer: the worker exits by itself, and is reaped on a thread.

        Its exit (the system freeing the few hundred megabytes it used) takes
        5-15 ms, which the command spends recording the report instead of
        waiting; :meth:`close` waits for the thread.
        """
        self._watchdog.end()
        self._close_pipes()
        self._reaper = threading.Thread(target=self._reap, name="report-reaper", daemon=True)
        self._reaper.start()

    def _reap(self) -> None:
        process = self._process
        try:
            process.wait(timeout=0.5)
        except subprocess.TimeoutExpired:  # answered, yet still there: of no more use
            process.kill()
            process.wait()

    def close(self) -> None:
        """End the worker if it still runs, and reap it. Safe to call more than once."""
        process = self._process
        self._watchdog.end()
        if self._reaper is not None:
            self._reaper.join()
        if process.poll() is None:
            try:
                # Once it has answered it exits at once; otherwise it is of no more use.
                process.wait(timeout=0.5 if self._answered else 0)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self._close_pipes()

    def _close_pipes(self) -> None:
        process = self._process
        for pipe in (process.stdin, process.stdout):
            if pipe is not None and not pipe.closed:
                try:
                    pipe.close()
                except OSError:
                    pass  # a write buffered for a worker that has gone


def _widen(pipe: IO[bytes] | None) -> None:
    """Let ``pipe`` hold up to 1 MiB, so megabytes go through it in a few large writes.

    The worker reads the images on a thread beside the render, which takes
    the interpreter lock back after each read: few reads, few waits; the PDF
    comes back with few switches between the processes. Linux only;
    elsewhere (or past the system's limit) the pipe stays as it is.
    """
    try:
        import fcntl
    except ImportError:  # not a Unix system
        return
    if pipe is None or not hasattr(fcntl, "F_SETPIPE_SZ"):
        return
    try:
        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, _PIPE_SIZE)
    except OSError:
        pass


class _Watchdog:
    """Kills the worker when a write to it or a read from it makes no progress for a while.

    :meth:`watching` covers one write or read; calling what it gives notes
    progress. The thread starts at the first watch and ends with :meth:`end`.
    """

    def __init__(self, process: subprocess.Popen[bytes], stall: float) -> None:
        self._process = process
        self._stall = stall
        self._since: float | None = None  # when the watched step began or last moved
        self._ended = False
        self._changed = threading.Condition()
        self._thread: threading.Thread | None = None

    def watching(self) -> _Watch:
        with self._changed:
            if self._thread is None and not self._ended:
                self._thread = threading.Thread(
                    target=self._watch, name="report-worker-watchdog", daemon=True
                )
                self._thread.start()
        return _Watch(self)

    def moved(self, watched: bool = True) -> None:
        with self._changed:
            self._since = time.monotonic() if watched else None
            self._changed.notify_all()

    def end(self) -> None:
        with self._changed:
            self._ended = True
            self._changed.notify_all()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join()

    def _watch(self) -> None:
        with self._changed:
            while not self._ended:
                if self._since is None:
                    self._changed.wait()
                    continue
                left = self._since + self._stall - time.monotonic()
                if left > 0:
                    self._changed.wait(left)
                    continue
                self._since = None
                try:  # stuck: a dead worker's pipes fail, and the caller renders itself
                    self._process.kill()
                except OSError:
                    pass


class _Watch:
    def __init__(self, watchdog: _Watchdog) -> None:
        self._watchdog = watchdog

    def __enter__(self) -> Callable[[], None]:
        self._watchdog.moved()
        return self._watchdog.moved

    def __exit__(self, *_exc: object) -> None:
        self._watchdog.moved(watched=False)


def _read_answer(stream: IO[bytes], moved: Callable[[], None] = lambda: None) -> _Answer:
    """The worker's answer: its status, its PDF (or refusal's message) and the PDF's SHA-256.

    Each piece of a PDF that comes through the pipe is hashed as it is read,
    while the worker writes the next one into it.
    """
    line = stream.readline(4096)
    while line == b"\n":  # an image placed: still at work
        moved()
        line = stream.readline(4096)
    header = json.loads(line or b"{}")
    if not isinstance(header, dict):
        raise ValueError("the worker's answer has no header")
    status = header.get("status")
    if status == OK:
        size = header.get("size")
        if not isinstance(size, int) or size < 0:
            raise ValueError("the worker's answer gives no size")
        if header.get("written") is True:
            sha256 = header.get("sha256")
            if not isinstance(sha256, str) or len(sha256) != 64:
                raise ValueError("the worker's answer gives no SHA-256")
            return _Answer(WRITTEN, sha256=sha256, size=size)
        pieces = []
        digest = hashlib.sha256()
        left = size
        while left:
            piece = stream.read(min(left, _PIECE))
            if not piece:
                raise EOFError("the worker's answer was cut short")
            digest.update(piece)
            pieces.append(piece)
            left -= len(piece)
            moved()
        return _Answer(OK, b"".join(pieces), digest.hexdigest(), size)
    if status == REFUSED:
        return _Answer(REFUSED, str(header.get("message", "")).encode("utf-8"))
    return _Answer(FAILED)


def _write_into(target: str, pdf: bytes) -> tuple[int, str]:
    """Write ``pdf`` into ``target`` (an existing empty file); its size and SHA-256.

    The file is opened without creating it or following a link; the bytes
    are hashed on a thread while they are written (both give the interpreter
    lock back). The command syncs the file to the disk while it records the
    report (it holds the same file open), before it moves it into place.
    """
    flags = os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(target, flags)
    digest = hashlib.sha256()
    hashing = threading.Thread(target=digest.update, args=(pdf,), name="report-hash")
    hashing.start()
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(pdf)
    finally:
        hashing.join()
    return len(pdf), digest.hexdigest()


def _answer(
    out: IO[bytes],
    status: str,
    *,
    message: str = "",
    data: bytes = b"",
    written: tuple[int, str] | None = None,
) -> None:
    """Say the outcome: a PDF's bytes follow, or ``written`` gives the size and SHA-256
    of the one written into the target file."""
    header: dict[str, object] = {"status": status, "size": len(data), "message": message}
    if written is not None:
        header.update(size=written[0], sha256=written[1], written=True)
    out.write(json.dumps(header).encode("utf-8") + b"\n")
    out.write(data)
    out.flush()


class _Abandoned(Exception):
    """The command stopped sending before the job was complete: no answer is wanted."""


class _Refused(pickle.UnpicklingError):
    """The job names something the worker does not unpickle."""


class _ModelUnpickler(pickle.Unpickler):
    """Finds only the report models' classes, :mod:`datetime`'s and a few builtins."""

    def find_class(self, module: str, name: str) -> Any:
        if module in _MODEL_MODULES:
            found = super().find_class(module, name)
            if isinstance(found, type) and found.__module__ == module:
                return found
        elif name in _ALLOWED.get(module, ()):
            return super().find_class(module, name)
        raise _Refused(f"the job names {module}.{name}, which the worker does not unpickle")


def _load(stream: IO[bytes]) -> Any:
    return _ModelUnpickler(stream).load()


class _Arrivals:
    """What follows the job, read on a thread of its own (:class:`reports.model.Arrivals`).

    The render waits here for a pending image when it is prepared and for
    the audit checkpoint when the last page is finished.
    """

    def __init__(self, stream: IO[bytes], pending: frozenset[int]) -> None:
        self.pending = pending
        self._stream = stream
        self._images: dict[int, bytes] = {}
        self._checkpoint: str | None = None
        #: Where the command wants the PDF written ("": sent back through the pipe).
        self.target = ""
        self._over = False
        #: A message the worker refused to read (a class it does not unpickle).
        self._refused: _Refused | None = None
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._read, name="report-arrivals", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        try:
            while True:
                message = _load(self._stream)
                with self._changed:
                    if message[0] == IMAGE and message[1] in self.pending:
                        self._images[message[1]] = bytes(message[2])
                    elif message[0] == END:
                        self._checkpoint = str(message[1])
                        self.target = str(message[2]) if len(message) > 2 else ""
                        return
                    else:
                        raise ValueError(f"an unexpected message: {message[0]!r}")
                    self._changed.notify_all()
        except _Refused as error:
            self._refused = error  # said as the job's failure
        except Exception:  # noqa: BLE001, S110 - cut short: what is awaited is abandoned
            pass
        finally:
            with self._changed:
                self._over = True
                self._changed.notify_all()

    def image(self, index: int) -> bytes:
        with self._changed:
            self._changed.wait_for(lambda: index in self._images or self._over)
            data = self._images.pop(index, None)
        if data is None:
            if self._refused is not None:
                raise self._refused
            raise _Abandoned(f"the image of item {index} never came")
        return data

    def audit_checkpoint(self) -> str:
        with self._changed:
            self._changed.wait_for(lambda: self._over)
        if self._checkpoint is None:
            if self._refused is not None:
                raise self._refused
            raise _Abandoned("the job was not finished")
        return self._checkpoint


def _render(kind: str, model: Any, arrivals: _Arrivals, out: IO[bytes]) -> bytes:
    if kind not in KINDS:
        raise ValueError(f"the worker renders {', '.join(KINDS)}, not {kind!r}")
    from reports.model import render_disciplinary

    def placed(_done: int, _total: int) -> None:
        out.write(b"\n")  # still at work: the command's watchdog counts it as progress
        out.flush()

    result: bytes = render_disciplinary(model, arrivals=arrivals, progress=placed)
    return result


def main(argv: list[str]) -> int:
    """``python -m reports.worker FONT_FOLDER [FONT_CACHE]``: load, wait for a job, answer."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the command ends this process
    gc.disable()  # the renderer's objects go by reference counting; the process is short
    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write into the answer
    _widen(out)  # the PDF (megabytes) goes back in a few large writes
    ready: ReportError | None = None
    try:
        from reports import disciplinary as _disciplinary  # noqa: F401 - reportlab loads now
        from reports.fonts import FONTS, use_font_cache, use_font_folder

        use_font_folder(Path(argv[0]))
        use_font_cache(Path(argv[1]) if len(argv) > 1 else None)
        FONTS.ensure()  # the body fonts parsed before the job arrives
    except ReportError as error:
        ready = error  # said when the job comes, as the in-process renderer would
    source = sys.stdin.buffer
    try:
        kind, model, pending = _load(source)
    except _Refused:
        _answer(out, FAILED, message=traceback.format_exc(limit=1))
        return 0
    except Exception:  # noqa: BLE001 - no job, or half of one: the command has given up
        return 0
    try:
        if ready is not None:
            raise ready
        arrivals = _Arrivals(source, frozenset(pending))
        pdf = _render(kind, model, arrivals, out)
    except _Abandoned:
        return 0  # the command gave up (an item failed its check): it wants no answer
    except ReportError as error:
        _answer(out, REFUSED, message=str(error))
    except Exception:  # noqa: BLE001 - the command renders it itself
        _answer(out, FAILED, message=traceback.format_exc(limit=8))
    else:
        if not arrivals.target:
            _answer(out, OK, data=pdf)
            return 0
        try:
            written = _write_into(arrivals.target, pdf)
        except OSError:  # the file could not be written: the command renders it itself
            _answer(out, FAILED, message=traceback.format_exc(limit=2))
        else:
            _answer(out, OK, written=written)
    return 0


if __name__ == "__main__":
    try:
        status = main(sys.argv[1:])
    except BrokenPipeError:  # the command has gone
        status = 0
    sys.stderr.flush()
    os._exit(status)  # no teardown of the renderer's modules: the answer is out
