"""``casedesk evidence capture``: the capture browser's capture, run without a window.

The statement and the authorization are checked before the browser starts
(a refused capture loads nothing and stores nothing); the page is captured
off screen, its recorded traffic written as its WARC, and stored as one evidence item.
"""

from __future__ import annotations

import argparse
import dataclasses
import uuid
from typing import TYPE_CHECKING, Any

from app.cli.output import print_json
from app.domain.evidence import RECORDABLE, ObtainedHow, check_url

# The services load when the command runs, not when the evidence commands' options
# are parsed (``evidence add`` starts preparing its files in between).
if TYPE_CHECKING:
    from app.cli.context import Context


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser],
             common: list[argparse.ArgumentParser]) -> None:  # fmt: skip
    """Add ``evidence capture`` to the evidence subcommands."""
    capture = sub.add_parser(
        "capture", parents=common,
        help="capture a web page into a case (full page, MHTML, WARC, headers, certificate)",
    )  # fmt: skip
    capture.add_argument("case", help="case number, e.g. ARDHS-2026-0007")
    capture.add_argument("url", help="the address of the page to capture")
    capture.add_argument("--platform", default="", help="e.g. Facebook, TikTok")
    capture.add_argument("--account", default="", help="the account or profile shown")
    capture.add_argument("--description", default="")
    obtained = ", ".join(o.value for o in RECORDABLE)
    capture.add_argument("--obtained", default=ObtainedHow.PUBLIC.value,
                         help=f"how it is obtained: {obtained}")  # fmt: skip
    capture.add_argument("--authorization", type=int, metavar="ID",
                         help="the authorization the capture runs under")  # fmt: skip
    capture.add_argument("--credential-request", type=int, metavar="ID",
                         help="the credential request the capture runs under")  # fmt: skip
    capture.add_argument(
        "--privacy-confirmed", action="store_true",
        help="MA DYS B.2.d: the account's privacy settings hide the viewer (supervision)",
    )  # fmt: skip
    capture.add_argument(
        "--accept-certificate-error", action="store_true",
        help="go on past a certificate error of the page (recorded with the capture)",
    )  # fmt: skip
    capture.add_argument("--json", action="store_true", help="print the new item as JSON")
    capture.set_defaults(handler=cmd_evidence_capture)


def cmd_evidence_capture(ctx: Context) -> int:
    """Check, capture, archive, store; exit 1 with the citation when not covered."""
    import platformdirs

    from app.domain.web_capture import profile_name
    from app.services import cases
    from app.services.capture.details import capture_of
    from app.services.capture.recorded import archive_capture
    from app.services.capture.store import CaptureStatement, check_capture, store_capture

    args = ctx.args
    check_url(args.url)  # an http or https address with a host, else exit 2
    database, actor = ctx.database, ctx.actor
    case_id = cases.case_id_of(database, actor, args.case)
    statement = CaptureStatement(
        platform=args.platform, account_shown=args.account, description=args.description,
        obtained=args.obtained, authorization_id=args.authorization,
        credential_request_id=args.credential_request, privacy_confirmed=args.privacy_confirmed,
    )  # fmt: skip
    check_capture(database, actor, case_id, statement)
    from app.webcapture.headless import capture_headless

    page = capture_headless(
        args.url,
        profile_name=profile_name(args.authorization),
        storage=platformdirs.user_data_path("casedesk") / "capture-profiles",
        accept_certificate_error=args.accept_certificate_error,
    )
    archive = archive_capture(page)
    info = store_capture(
        database, actor, case_id, page, archive, statement, session=uuid.uuid4().hex
    )
    web = capture_of(database, actor, info.id)
    if args.json:
        entry: dict[str, Any] = {
            **dataclasses.asdict(info),
            "web_capture": web.as_json() if web else None,
        }
        print_json(entry)
        return 0
    print(
        f"Captured {page.final_url} into {info.case_number} as evidence item {info.id} "
        f"(full page {info.width}x{info.height}, SHA-256 {info.sha256})."
    )
    if web is not None:
        status = web.http_status if web.http_status is not None else "not fetched"
        print(f"HTTP status {status}; certificate {web.fingerprint or 'none (not HTTPS)'}.")
        chain = web.certificate_chain
        for number, cert in enumerate(chain, start=1):
            print(f"  certificate {number} of {len(chain)}: "
                  f"{cert.get('sha256_fingerprint')} {cert.get('subject')}")  # fmt: skip
        if web.certificate_chain_error:
            print(f"  only the leaf certificate: {web.certificate_chain_error}")
        for part in web.parts:
            print(f"  {part.role}: {part.filename}, SHA-256 {part.sha256}")
    return 0
