"""The ``evidence`` commands: add, capture, attach page sources, list, verify, amend, void."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli import capture
from app.cli.output import local_time, print_json, print_table
from app.domain.errors import CasedeskError, InvalidInput
from app.domain.evidence import RECORDABLE, ObtainedHow
from app.services.evidence.metadata import IntakeMetadata, check_intake_metadata

# The services (SQLAlchemy and the models) load when a command runs, not when
# its options are parsed: `evidence add` starts preparing its files first.
if TYPE_CHECKING:
    from app.cli.context import Context
    from app.services.evidence.prepare import IntakeFile, Preparing


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: list[argparse.ArgumentParser],
) -> None:
    """Add the ``evidence`` command and its subcommands."""
    parser = commands.add_parser("evidence", parents=common, help="screenshot evidence")
    sub = parser.add_subparsers(dest="evidence_command", required=True, metavar="COMMAND")

    add = sub.add_parser("add", parents=common, help="add screenshots to a case")
    add.add_argument("case", help="case number, e.g. ARDHS-2026-0007")
    add.add_argument("files", nargs="+", metavar="FILE", help="screenshot files")
    add.add_argument("--url", help="address of the page shown")
    add.add_argument("--no-url-reason", default="", metavar="TEXT",
                     help="why there is no URL, e.g. 'supplied by reporter as a file'")  # fmt: skip
    add.add_argument("--platform", default="", help="e.g. Facebook, TikTok")
    add.add_argument("--account", default="", help="the account or profile shown")
    add.add_argument("--captured-at", help="when captured (required), ISO 8601 with offset, "
                     "e.g. 2026-03-02T14:05:00-06:00")  # fmt: skip
    add.add_argument("--captured-by", help="who captured it (required)")
    add.add_argument("--description", default="")
    obtained = ", ".join(o.value for o in RECORDABLE)
    add.add_argument("--obtained", default=ObtainedHow.PUBLIC.value,
                     help=f"how it was obtained: {obtained}")  # fmt: skip
    add.add_argument("--authorization", type=int, metavar="ID",
                     help="the authorization it was obtained under")  # fmt: skip
    add.add_argument("--credential-request", type=int, metavar="ID",
                     help="the credential request it was obtained through")  # fmt: skip
    add.set_defaults(handler=cmd_evidence_add, start_ahead=start_evidence_add)

    capture.register(sub, common)

    source = sub.add_parser(
        "attach-source", parents=common,
        help="attach the saved page (HTML, MHTML, WARC or PDF) a screenshot was taken from",
    )  # fmt: skip
    source.add_argument("item", type=int, help="evidence item id (see 'evidence list')")
    source.add_argument("file", help="the saved page")
    source.set_defaults(handler=cmd_evidence_attach_source)

    listing = sub.add_parser("list", parents=common, help="list a case's evidence")
    listing.add_argument("case")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=cmd_evidence_list)

    verify = sub.add_parser("verify", parents=common, help="re-hash stored evidence bytes")
    verify.add_argument("case", nargs="?", help="one case (default: every case)")
    verify.set_defaults(handler=cmd_evidence_verify)

    amend = sub.add_parser("amend", parents=common,
                           help="correct an item's capture metadata, with a reason")  # fmt: skip
    amend.add_argument("item", type=int, help="evidence item id (see 'evidence list')")
    amend.add_argument("--reason", required=True, help="why the correction is made")
    amend.add_argument("--url", dest="source_url", help="the corrected source URL")
    amend.add_argument("--no-url-reason", metavar="TEXT", help="why there is no URL")
    amend.add_argument("--platform")
    amend.add_argument("--account", dest="account_shown")
    amend.add_argument("--captured-at", help="ISO 8601 with offset")
    amend.add_argument("--captured-by")
    amend.add_argument("--obtained", help=f"how it was obtained: {obtained}")
    amend.add_argument("--authorization", dest="authorization_id", type=int, metavar="ID")
    amend.add_argument("--credential-request", dest="credential_request_id", type=int,
                       metavar="ID")  # fmt: skip
    amend.set_defaults(handler=cmd_evidence_amend)

    void = sub.add_parser(
        "void", parents=common, help="mark an item void (kept, left out of reports and bundles)"
    )
    void.add_argument("item", type=int, help="evidence item id (see 'evidence list')")
    void.add_argument("--reason", required=True, help="why the item is void")
    void.set_defaults(handler=cmd_evidence_void)


def _metadata(args: argparse.Namespace) -> IntakeMetadata:
    return IntakeMetadata(
        source_url=args.url,
        platform=args.platform,
        account_shown=args.account,
        captured_at=args.captured_at,
        captured_by=args.captured_by,
        description=args.description,
        obtained=args.obtained,
        authorization_id=args.authorization,
        credential_request_id=args.credential_request,
        no_url_reason=args.no_url_reason,
    )


def _files(args: argparse.Namespace) -> list[IntakeFile]:
    from app.services.evidence.prepare import IntakeFile

    # Bytes, so a name that is not UTF-8 is refused rather than guessed at.
    return [IntakeFile(os.fsencode(Path(path).name), path=Path(path)) for path in args.files]


def start_evidence_add(args: argparse.Namespace) -> None:
    """Start preparing the files (read, hash, decode, check, thumbnail) on helper threads
    as soon as the arguments are parsed, while the services load and the user signs in.

    Only when the metadata is good: bad metadata is refused before any file is read
    (by :func:`cmd_evidence_add`, which checks again). Nothing is written or kept
    here; :func:`cmd_evidence_add` stores the files only after the sign-in and the
    case's checks, and drops them otherwise.
    """
    try:
        check_intake_metadata(_metadata(args))
        from app.services.evidence.prepare import start_early  # Pillow, not the database

        args.preparing = start_early(_files(args))
    except CasedeskError:
        return  # said by the command, before any file is read
    except Exception:  # noqa: BLE001 - e.g. no thread to be had: the command prepares itself
        return


def cmd_evidence_add(ctx: Context) -> int:
    """Files are committed a few at a time, each item whole: a bad file is reported and the
    others go on."""
    from app.services.access import case_id_of
    from app.services.evidence.intake import import_evidence

    args = ctx.args
    preparing: Preparing | None = getattr(args, "preparing", None)
    try:
        metadata = _metadata(args)
        # Bad metadata is refused before the database is opened or any file read.
        check_intake_metadata(metadata)
        database, actor = ctx.database, ctx.actor
        case_id = case_id_of(database, actor, args.case)
        files = list(preparing.files) if preparing is not None else _files(args)
        report = import_evidence(database, actor, case_id, files, metadata, preparing=preparing)
    finally:
        if preparing is not None:
            preparing.close()  # a refused sign-in or case: the prepared files are dropped
    for info in report.added:
        dimensions = f" {info.width}x{info.height}" if info.width else ""
        print(
            f"Added {info.original_filename} to {info.case_number} as evidence item {info.id} "
            f"({info.media_type}{dimensions}, {info.size} bytes, SHA-256 {info.sha256})."
        )
    for name, existing in report.duplicates:
        print(
            f"Skipped {name}: it is already in case {args.case} as evidence item {existing}; "
            "it was not added again."
        )
    for failure in report.failed:
        print(f"casedesk: {failure.message}", file=sys.stderr)
    if report.failed:
        print(
            f"{len(report.added)} added, {len(report.duplicates)} already there, "
            f"{len(report.failed)} not imported (see the messages above)."
        )
        return 2
    return 0


def cmd_evidence_list(ctx: Context) -> int:
    from app.services import cases, evidence
    from app.services.capture.details import case_captures

    args = ctx.args
    database, actor = ctx.database, ctx.actor
    case_id = cases.case_id_of(database, actor, args.case)
    items = evidence.list_evidence(database, actor, case_id)
    if args.json:
        # A web capture's item also shows its final URL, status, headers and certificate.
        captures = case_captures(database, actor, case_id)
        print_json(
            [
                {**dataclasses.asdict(i),
                 "web_capture": captures[i.id].as_json() if i.id in captures else None}
                for i in items
            ]
        )  # fmt: skip
        return 0
    rows = [
        (
            i.id,
            i.original_filename,
            i.media_type,
            f"{i.width}x{i.height}" if i.width else "",
            i.size,
            local_time(i.captured_at),
            i.added_by,
            i.sha256[:12],
            f"VOID: {i.void_reason}" if i.void else "",
        )
        for i in items
    ]
    print_table(
        ("ID", "File", "Type", "Pixels", "Bytes", "Captured", "Added by", "SHA-256", "Status"),
        rows,
    )
    return 0


def cmd_evidence_verify(ctx: Context) -> int:
    from app.services import cases, evidence

    args = ctx.args
    database, actor = ctx.database, ctx.actor
    case_id = cases.case_id_of(database, actor, args.case) if args.case else None
    checks = evidence.verify_evidence(database, actor, case_id)
    failed = [c for c in checks if not c.ok]
    for check in failed:
        print(f"casedesk: {evidence.integrity_message(check)}", file=sys.stderr)
    if failed:
        print(f"{len(failed)} of {len(checks)} evidence items failed the check.")
        return 1
    print(f"All {len(checks)} evidence items match their recorded SHA-256.")
    return 0


def cmd_evidence_attach_source(ctx: Context) -> int:
    from app.services.evidence.intake import attach_page_source_file

    args = ctx.args
    # Read with the evidence size limit, regular files only (never /dev/zero or a FIFO).
    info = attach_page_source_file(ctx.database, ctx.actor, args.item, Path(args.file))
    print(
        f"Attached {args.file} to evidence item {info.id} ({info.original_filename}, "
        f"{info.case_number}) as its page source, SHA-256 {info.page_source_sha256}."
    )
    return 0


_AMEND_OPTIONS = (
    "source_url",
    "no_url_reason",
    "platform",
    "account_shown",
    "captured_at",
    "captured_by",
    "obtained",
    "authorization_id",
    "credential_request_id",
)


def cmd_evidence_amend(ctx: Context) -> int:
    """Only the options given are corrected; the earlier values stay in the item's history."""
    from app.services.evidence.amend import amend_evidence

    args = ctx.args
    changes = {name: getattr(args, name) for name in _AMEND_OPTIONS
               if getattr(args, name) is not None}  # fmt: skip
    if not changes:
        raise InvalidInput(
            "Say what to correct, e.g. --captured-at 2026-03-02T14:05:00-06:00 or --url URL; "
            "see 'casedesk evidence amend --help'."
        )
    info = amend_evidence(ctx.database, ctx.actor, args.item, changes, reason=args.reason)
    print(f"Corrected evidence item {info.id} ({info.original_filename}, {info.case_number}); "
          "the earlier values are kept in its history.")  # fmt: skip
    return 0


def cmd_evidence_void(ctx: Context) -> int:
    from app.services.evidence.amend import void_evidence

    args = ctx.args
    info = void_evidence(ctx.database, ctx.actor, args.item, reason=args.reason)
    print(f"Evidence item {info.id} ({info.original_filename}, {info.case_number}) is void: "
          f"{info.void_reason}. It is kept, and left out of reports and bundles unless "
          "--include-void is given.")  # fmt: skip
    return 0
