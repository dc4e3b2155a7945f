"""The ``export`` command: a case's evidence bundle as a ZIP file."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.context import Context
from app.services import cases
from app.services.evidence.export import check_destination, export_case_bundle


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: list[argparse.ArgumentParser],
) -> None:
    """Add the ``export`` command."""
    parser = commands.add_parser(
        "export",
        parents=common,
        help="export a case's evidence bundle (ZIP with originals, manifest, custody, SHA256SUMS)",
    )
    parser.add_argument("case", help="case number, e.g. ARDHS-2026-0007")
    parser.add_argument("--out", required=True, metavar="FILE.zip", help="the bundle to write")
    parser.add_argument(
        "--redacted", action="store_true", help="also include redacted renderings (PNG)"
    )
    parser.add_argument(
        "--include-void",
        action="store_true",
        help="also include void items (marked in the manifest)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")
    parser.set_defaults(handler=cmd_export)


def cmd_export(ctx: Context) -> int:
    args = ctx.args
    out = Path(args.out)
    # A bad destination is refused before the database is opened.
    check_destination(out, overwrite=args.force)
    database, actor = ctx.database, ctx.actor
    case_id = cases.case_id_of(database, actor, args.case)
    result = export_case_bundle(
        database,
        actor,
        case_id,
        out,
        include_redacted=args.redacted,
        include_void=args.include_void,
        overwrite=args.force,
    )
    items = _count(result.item_count, "evidence item")
    redacted = f", {_count(result.redacted_count, 'redacted rendering')}" if args.redacted else ""
    print(f"Exported {items}{redacted} of {args.case} to {result.path} ({result.size} bytes).")
    print(f"SHA-256 {result.sha256}")
    if result.checkpoint_line:
        print(f"{result.checkpoint_line} (in manifest.json)")
    ctx.warn(result.checkpoint_warning)
    return 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
