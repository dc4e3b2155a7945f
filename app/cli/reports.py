"""The ``report`` command: the disciplinary report, case summaries, the authorization log.

The output file (0600) is written in the user's private staging folder and
moved into place in the transaction that records the report, before it
commits; an existing regular file is only replaced with ``--force``. A report
that is refused (an evidence item failed its integrity check) or that cannot
be written leaves no file and no record, and a file whose record a kill kept
from committing is removed at the next start (``services.deliveries``).
"""

from __future__ import annotations

import argparse
import hashlib
import os
from pathlib import Path

from app.cli.context import Context
from app.domain.errors import InvalidInput
from app.domain.validation import parse_date
from app.privatefiles import (
    Delivery,
    StagedFile,
    check_output_name,
    check_replaceable,
    probe_folder,
)
from app.services import discipline, employees, report_building
from app.services.report_building import GeneratedReportInfo

KINDS = ("disciplinary", "summary")


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
            "casedesk report CASE --kind disciplinary|summary --out FILE.pdf; "
            "casedesk report CASE CASE... --kind summary --out FILE.pdf; "
            "casedesk report authorizations --agency A --from D --to D --out FILE.pdf"
        ),
    )
    parser.add_argument("targets", nargs="+", metavar="CASE",
                        help="case number(s), or the word 'authorizations'")  # fmt: skip
    parser.add_argument("--kind", choices=KINDS, default="disciplinary",
                        help="disciplinary (one case) or summary (one page per case)")  # fmt: skip
    parser.add_argument("--employee", help="for a case with several subjects: the employee "
                        "(id, number or full name) the disciplinary report is for")  # fmt: skip
    parser.add_argument("--agency", metavar="CODE", help="authorization log: the agency code")
    parser.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD",
                        help="authorization log: first day")  # fmt: skip
    parser.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD",
                        help="authorization log: last day")  # fmt: skip
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write it")
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

    def __call__(self, pdf: bytes) -> None:
        try:
            self.staged = StagedFile(self.out)
            self.staged.file.write(pdf)
            self.staged.finish()
            self.journal = Delivery(
                self.out, database=self.ctx.database.display_name, kind="report",
                sha256=hashlib.sha256(pdf).hexdigest(),
            )  # fmt: skip
            self.staged.move_into_place()
        except OSError as exc:
            raise _cannot_write(self.out, exc) from None
        self.moved = True

    def close(self, *, failed: bool) -> None:
        if failed and self.moved:  # moved, but the record failed: the file would have no record
            self.out.unlink(missing_ok=True)
        if self.staged is not None:
            self.staged.discard()
        if self.journal is not None:
            self.journal.close()


def cmd_report(ctx: Context) -> int:
    args = ctx.args
    out = check_output(args.out, force=args.force)
    deliver = _Delivery(ctx, out)
    try:
        info = _generate(ctx, deliver)
    except BaseException:
        deliver.close(failed=True)
        raise
    deliver.close(failed=False)
    _say(info, out)
    if info.checkpoint_line:
        print(info.checkpoint_line)
    ctx.warn(info.checkpoint_warning)
    return 0


def _generate(ctx: Context, deliver: report_building.Deliver) -> GeneratedReportInfo:
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
    if args.kind == "disciplinary":
        if len(args.targets) > 1:
            raise InvalidInput(
                "A disciplinary report is for one case; for several use --kind summary."
            )
        employee_id = None
        if args.employee:
            agency = discipline.case_discipline(database, actor, args.targets[0]).agency_code
            employee_id = employees.resolve_employee(database, actor, agency, args.employee)
        return report_building.generate_disciplinary(
            database, actor, args.targets[0], employee_id=employee_id, deliver=deliver,
            include_void=args.include_void,
        )  # fmt: skip
    if args.employee:
        raise InvalidInput(
            "--employee chooses the employee of a disciplinary report; a case summary "
            "covers every subject of each case, so leave --employee out."
        )
    return report_building.generate_case_summaries(
        database, actor, args.targets, deliver=deliver, include_void=args.include_void
    )


def _say(info: GeneratedReportInfo, out: Path) -> None:
    print(
        f"Wrote {out} ({info.kind} report, {info.size:,} bytes, SHA-256 {info.sha256}); "
        f"recorded as report {info.id}."
    )
