"""The ``report`` command: the letters of the disciplinary process, reports, the log.

``report notice|decision|closure CASE`` prints the pre-action notice, the
decision letter (a withdrawn decision as withdrawn; a provider's employee's
referral) or the closure letter; ``report discipline CASE`` (or ``report
CASE``) the full disciplinary report. Each is refused for a step not on
record unless ``--draft``, which watermarks every page DRAFT.

The output file (0600) is written in the user's private staging folder and
moved into place in the transaction that records the report, before it
commits; an existing regular file is only replaced with ``--force``. A report
that is refused (an evidence item failed its integrity check) or that cannot
be written leaves no file and no record, and a file whose record a kill kept
from committing is removed at the next start (``services.deliveries``).
"""

from __future__ import annotations

import argparse
import errno
import gc
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.errors import InvalidInput
from app.domain.validation import parse_date
from app.privatefiles import (
    Delivery,
    StagedFile,
    check_output_name,
    check_replaceable,
    probe_folder,
)
from app.services import report_building

if TYPE_CHECKING:
    from app.cli.context import Context
    from app.services.report_building import GeneratedReportInfo
    from reports.worker import RenderWorker

KINDS = ("disciplinary", "summary")
#: ``report WORD CASE``: the letters, and the full disciplinary report.
LETTERS = {kind.value: kind for kind in report_building.LetterKind}
DISCIPLINE = "discipline"


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: list[argparse.ArgumentParser],
) -> None:
    """Add the ``report`` command."""
    parser = commands.add_parser(
        "report",
        parents=common,
        help="generate a PDF report",
        description=(
            "casedesk report notice|decision|closure CASE [--employee E] [--draft] "
            "[--out FILE.pdf]; casedesk report discipline CASE [--draft] --out FILE.pdf; "
            "casedesk report CASE --kind disciplinary|summary --out FILE.pdf; "
            "casedesk report CASE CASE... --kind summary --out FILE.pdf; "
            "casedesk report authorizations --agency A --from D --to D --out FILE.pdf"
        ),
    )
    parser.add_argument("targets", nargs="+", metavar="CASE",
                        help="case number(s), after 'notice', 'decision', 'closure' or "
                        "'discipline' for one case's document, or the word "
                        "'authorizations'")  # fmt: skip
    parser.add_argument("--kind", choices=KINDS, default="disciplinary",
                        help="disciplinary (one case) or summary (one page per case)")  # fmt: skip
    parser.add_argument("--employee", help="for a case with several subjects: the employee "
                        "(id, number or full name) the disciplinary report is for")  # fmt: skip
    parser.add_argument("--unredacted", action="store_true",
                        help="disciplinary: print the originals of redacted exhibits")  # fmt: skip
    parser.add_argument("--confirm-unredacted", action="store_true",
                        help="confirm --unredacted in a case with client, patient or youth "
                        "content (recorded in the audit trail)")  # fmt: skip
    parser.add_argument("--agency", metavar="CODE", help="authorization log: the agency code")
    parser.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD",
                        help="authorization log: first day")  # fmt: skip
    parser.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD",
                        help="authorization log: last day")  # fmt: skip
    parser.add_argument("--draft", action="store_true",
                        help="print a document whose step is not yet on record, watermarked "
                        "DRAFT on every page, without signatures or appeal rights")  # fmt: skip
    parser.add_argument("--out", "--output", dest="out", metavar="FILE.pdf",
                        help="where to write it (a letter: CASE-KIND.pdf in the current "
                        "folder when left out)")  # fmt: skip
    parser.add_argument(
        "--include-void",
        action="store_true",
        help="also include void evidence items, printed as VOID with the reason",
    )
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    parser.set_defaults(handler=cmd_report)


def check_output(path_text: str, *, force: bool) -> Path:
    """The output path, checked before any work: its folder exists, no file is clobbered.

    ``--force`` replaces a regular file only, never a FIFO, a device or a folder.
    """
    if not path_text.strip():
        raise InvalidInput("Give the output file: --out FILE.pdf.")
    path = Path(path_text).expanduser()
    try:
        check_output_name(path)
        if path.is_dir():
            raise InvalidInput(
                f"{path} is a folder; give a file name such as {path / 'report.pdf'}."
            )
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            raise InvalidInput(f"Cannot write {path}: the folder {folder} does not exist.")
        if not os.access(folder, os.W_OK):
            raise InvalidInput(f"Cannot write {path}: the folder {folder} is not writable.")
        check_replaceable(path, overwrite=force)
        # The folder may still refuse a file (a system folder, even for root): try one
        # now, before any work.
        probe_folder(folder)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    return path


def _cannot_write(path: Path, exc: OSError) -> InvalidInput:
    return InvalidInput(
        f"Cannot write {path}: {exc.strerror or exc}; choose another folder or free some space."
    )


class _Delivery:
    """Writes the PDF (0600) in the private staging folder and moves it into place.

    It runs inside the transaction recording the report, which commits after
    the move; a journal meanwhile lets the next start remove a file whose
    record never committed. A failure before the commit removes the file.
    """

    def __init__(self, ctx: Context, out: Path) -> None:
        self.ctx = ctx
        self.out = out
        self.staged: StagedFile | None = None
        self.journal: Delivery | None = None
        self.moved = False
        self._ahead: _StagingAhead | None = None
        #: The empty file handed to the render worker to write the PDF into.
        self._target: StagedFile | None = None

    def render_target(self) -> Path:
        """An empty file in the staging folder, for the render worker to write the PDF into.

        Made (0600, locked) by this process as any staged file is; the worker
        opens it without creating or following a link and writes it;
        :meth:`sync_ahead` syncs it.
        """
        if self._target is not None:
            self._target.discard()
        try:
            self._target = StagedFile(self.out)
        except OSError as exc:
            raise _cannot_write(self.out, exc) from None
        return self._target.path

    def sync_ahead(self) -> None:
        """Start syncing the file the worker wrote (:meth:`render_target`) on a thread."""
        if self._target is not None and self._ahead is None:
            self._ahead = _StagingAhead(self.out, b"", written=self._target)

    def stage_ahead(self, pdf: bytes) -> None:
        """Start writing ``pdf`` into the staging folder (and syncing it) on a thread.

        The service calls it before it records the report (a delivery step of
        its own, ``StagedDeliver``), and records the report meanwhile; the
        delivery takes that file, and the move into place stays in the
        recording transaction. Asked again for the same PDF (a record tried
        again) it keeps what it started.
        """
        ahead = self._ahead
        if ahead is not None:
            if ahead.pdf is pdf:
                return
            self._ahead = None
            ahead.discard()
        self._ahead = _StagingAhead(self.out, pdf)

    def _staged(self, pdf: bytes) -> StagedFile:
        """``pdf`` written into the staging folder and synced (ahead, if it was started).

        An empty ``pdf``: the file the worker wrote, synced ahead.
        """
        ahead, self._ahead = self._ahead, None
        if ahead is not None:
            try:
                staged = ahead.result()
            except BaseException:
                ahead.discard()  # interrupted while waiting too: what the thread wrote goes
                raise
            if ahead.pdf is pdf or (ahead.written and not pdf):
                return staged
            staged.discard()
        if not pdf:
            raise OSError(errno.EIO, "the PDF the worker wrote was not synced")
        staged = StagedFile(self.out)
        try:
            staged.file.write(pdf)
            staged.finish()
        except BaseException:
            staged.discard()
            raise
        return staged

    def __call__(self, pdf: bytes, sha256: str) -> None:
        """Move the PDF into place; ``pdf`` is empty when the worker wrote :meth:`render_target`."""
        if not pdf:
            if self.moved and self._target is None:
                return  # a record tried again after this moved the worker's file into place
            self.sync_ahead()  # the worker wrote it; synced here if the record did not start it
        target, self._target = self._target, None
        if pdf and target is not None:  # the worker could not write it: the bytes came
            target.discard()
        try:
            self.staged = self._staged(pdf)
            self.journal = Delivery(
                self.out, database=self.ctx.database.display_name, kind="report",
                sha256=sha256,
            )  # fmt: skip
            self.staged.move_into_place()
        except OSError as exc:
            raise _cannot_write(self.out, exc) from None
        self.moved = True

    def close(self, *, failed: bool) -> None:
        ahead, self._ahead = self._ahead, None
        if ahead is not None:  # staged ahead but never delivered: the record failed
            ahead.discard()
        target, self._target = self._target, None
        if target is not None:  # handed to the worker but never delivered
            target.discard()
        if failed and self.moved:  # moved, but the record failed: the file would have no record
            self.out.unlink(missing_ok=True)
        if self.staged is not None:
            self.staged.discard()
        if self.journal is not None:
            self.journal.close()


class _StagingAhead:
    """A PDF being written into the staging folder on a thread of its own.

    Writing and syncing 24 MiB takes 0.05-0.1 s of waiting for the disk,
    which the thread does while the report's record is written.
    """

    def __init__(self, out: Path, pdf: bytes, *, written: StagedFile | None = None) -> None:
        self.pdf = pdf
        #: The file already holds the PDF (the worker wrote it): it is only synced.
        self.written = written is not None
        self._out = out
        self._staged: StagedFile | None = written
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._write, name="report-staging", daemon=True)
        self._thread.start()

    def _write(self) -> None:
        try:
            staged = self._staged
            if staged is None:
                staged = StagedFile(self._out)
                self._staged = staged
                staged.file.write(self.pdf)
            staged.finish()
        except BaseException as error:  # noqa: BLE001 - handed to the delivery
            self._error = error

    def result(self) -> StagedFile:
        """The staged file once written and synced; raises what writing it raised."""
        self._thread.join()
        if self._error is not None:
            if self._staged is not None:
                self._staged.discard()
            raise self._error
        assert self._staged is not None
        return self._staged

    def discard(self) -> None:
        """Wait for the thread and remove what it wrote."""
        self._thread.join()
        if self._staged is not None:
            self._staged.discard()


@contextmanager
def _collector_paused(process_ends: bool) -> Iterator[None]:
    """No cyclic garbage collection while one report is made.

    The command has the application's modules loaded (hundreds of thousands
    of objects) and makes many more while laying the pages out, so the
    collector would walk them all several times (0.1-0.2 CPU-s for a report
    with 50 screenshots) to find little: the report's objects are freed by
    reference counting, and the process ends soon after. It runs again as
    usual afterwards (the tests run many commands in one process), except in
    a process that ends with the command (``process_ends``): there its first
    collection would walk everything the report made (7-10 ms), to free what
    the system frees anyway (:func:`app.cli.run` leaves it off too).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled and not process_ends:
            gc.enable()


def _default_out(args: argparse.Namespace) -> str:
    first = args.targets[0].lower()
    if (first in LETTERS or first == DISCIPLINE) and len(args.targets) != 2:
        raise InvalidInput(f"Give one case number: 'casedesk report {first} CASE'.")
    if args.out is not None:
        return str(args.out)
    if first in LETTERS:
        suffix = "-draft" if args.draft else ""
        return f"{args.targets[1].upper()}-{first}{suffix}.pdf"
    return ""


def _is_disciplinary(args: argparse.Namespace) -> bool:
    """Whether ``args`` ask for the full disciplinary report of one case."""
    first = args.targets[0].lower()
    if first == DISCIPLINE:
        return True
    return (
        first not in LETTERS
        and first != "authorizations"
        and args.kind == "disciplinary"
        and len(args.targets) == 1
    )


def start_worker(args: argparse.Namespace) -> RenderWorker | None:
    """Start the renderer's process (:mod:`reports.worker`) for a disciplinary report.

    It loads reportlab and the fonts on the other core while this process
    signs in, loads the report services and reads the case (about 0.2 CPU-s
    off the command's path), then renders the report it is given. Started
    when the command begins, after the start-up's imports: until then the
    password check (:mod:`app.services.password_ahead`) has the other core,
    and a third busy process would slow the imports down. Only in a
    ``casedesk`` process of its own (``args.process_ends``): a process that
    runs many commands (the tests) or the window renders in-process. Never
    raises: without a worker the command renders in-process.
    """
    if not getattr(args, "process_ends", False) or not _is_disciplinary(args):
        return None
    try:
        from app.privatefiles import report_font_cache
        from app.resources import report_fonts_path
        from reports.worker import RenderWorker

        return RenderWorker.start(report_fonts_path(), report_font_cache())
    except Exception:  # noqa: BLE001 - e.g. no fonts folder: the command says so itself
        return None


def cmd_report(ctx: Context) -> int:
    args = ctx.args
    out = check_output(_default_out(args), force=args.force)
    worker: RenderWorker | None = None
    try:
        # Started inside the try: an interrupt while the services load still ends it.
        worker = start_worker(args)
        if worker is not None:
            # The report's services load now, while the password is still being
            # checked on the other thread (the sign-in waits for it).
            from app.services.reporting import disciplinary as _disciplinary  # noqa: F401
        deliver = _Delivery(ctx, out)
        try:
            with _collector_paused(getattr(args, "process_ends", False)):
                info = _generate(ctx, deliver, worker)
        except BaseException:
            deliver.close(failed=True)
            raise
        deliver.close(failed=False)
    finally:
        if worker is not None:
            worker.close()  # ended, whatever happened (an interrupt, a refusal)
    _say(info, out)
    if info.checkpoint_line:
        print(info.checkpoint_line)
    ctx.warn(info.checkpoint_warning)
    return 0


def _generate(ctx: Context, deliver: _Delivery, worker: RenderWorker | None) -> GeneratedReportInfo:
    args = ctx.args
    database, actor = ctx.database, ctx.actor
    if args.targets[0].lower() == "authorizations":
        if len(args.targets) > 1:
            raise InvalidInput("The authorization log takes no case numbers.")
        if not (args.agency and args.date_from and args.date_to):
            raise InvalidInput(
                "The authorization log needs --agency CODE --from YYYY-MM-DD --to YYYY-MM-DD."
            )
        start = parse_date(args.date_from, "--from")
        end = parse_date(args.date_to, "--to")
        assert start is not None and end is not None
        return report_building.generate_authorization_log(
            database, actor, args.agency, start, end, deliver=deliver
        )
    first = args.targets[0].lower()
    if first in LETTERS or first == DISCIPLINE:
        if first in LETTERS:
            if args.unredacted or args.confirm_unredacted:
                raise InvalidInput(
                    "--unredacted applies to the full disciplinary report; a letter prints "
                    "redacted renderings only, so leave it out."
                )
            return report_building.generate_letter(
                database, actor, LETTERS[first], args.targets[1],
                employee_id=_employee(ctx, args.targets[1]), draft=args.draft, deliver=deliver,
            )  # fmt: skip
        args.targets = args.targets[1:]
        args.kind = "disciplinary"
    if args.draft and args.kind != "disciplinary":
        raise InvalidInput("--draft applies to the letters and the disciplinary report.")
    if args.kind == "disciplinary":
        if len(args.targets) > 1:
            raise InvalidInput(
                "A disciplinary report is for one case; for several use --kind summary."
            )
        if args.confirm_unredacted and not args.unredacted:
            raise InvalidInput("--confirm-unredacted confirms --unredacted; give both.")
        return report_building.generate_disciplinary(
            database, actor, args.targets[0], employee_id=_employee(ctx, args.targets[0]),
            deliver=deliver, unredacted=args.unredacted,
            confirm_unredacted=args.confirm_unredacted, draft=args.draft,
            include_void=args.include_void,
            render=worker,
        )  # fmt: skip
    if args.unredacted or args.confirm_unredacted:
        raise InvalidInput(
            "--unredacted applies to the exhibits of a disciplinary report; a case summary "
            "prints no images, so leave it out."
        )
    if args.employee:
        raise InvalidInput(
            "--employee chooses the employee of a disciplinary report; a case summary "
            "covers every subject of each case, so leave --employee out."
        )
    return report_building.generate_case_summaries(
        database, actor, args.targets, deliver=deliver, include_void=args.include_void
    )


def _employee(ctx: Context, case: str) -> int | None:
    """The ``--employee`` of a one-case document, resolved in the case's agency."""
    if not ctx.args.employee:
        return None
    from app.services import discipline, employees

    agency = discipline.case_discipline(ctx.database, ctx.actor, case).agency_code
    return employees.resolve_employee(ctx.database, ctx.actor, agency, ctx.args.employee)


def _say(info: GeneratedReportInfo, out: Path) -> None:
    print(
        f"Wrote {out} ({info.kind} report, {info.size:,} bytes, SHA-256 {info.sha256}); "
        f"recorded as report {info.id}."
    )
