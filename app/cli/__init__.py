"""The command line: a thin shell over the services.

Exit status: 0 done; 1 refused (a rule, a permission, an integrity check);
2 invalid input. Errors are one line on standard error, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from app import __version__
from app.cli import (
    admin,
    authorizations,
    cases,
    catalog,
    dashboard,
    discipline,
    evidence,
    export,
    reports,
)
from app.cli.context import Context
from app.domain.errors import CasedeskError
from app.errorlog import log_notice, log_unexpected
from app.privatefiles import secure_at_start


def _common_options() -> argparse.ArgumentParser:
    # Accepted before or after the command: `casedesk --db X case list` or
    # `casedesk case list --db X`. SUPPRESS keeps a later default from
    # overwriting an earlier value.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                        help="database URL or SQLite file (default: CASEDESK_DATABASE_URL, "
                             "else the SQLite file in the user data folder)")  # fmt: skip
    common.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS,
                        help="act as this user (default: CASEDESK_USER); the password comes "
                             "from CASEDESK_PASSWORD or a prompt")  # fmt: skip
    return common


def build_parser() -> argparse.ArgumentParser:
    """The ``casedesk`` argument parser with every command."""
    common = _common_options()
    parser = argparse.ArgumentParser(
        prog="casedesk",
        description="Casedesk: social-media policy investigations, from report to discipline.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"casedesk {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    admin.register(commands, [common])
    catalog.register(commands, [common])
    cases.register(commands, [common])
    evidence.register(commands, [common])
    export.register(commands, [common])
    discipline.register(commands, [common])
    reports.register(commands, [common])
    authorizations.register(commands, [common])
    dashboard.register(commands, [common])
    return parser


def warn(message: str) -> None:
    """A warning on standard error, also written to the log."""
    print(f"casedesk: warning: {message}", file=sys.stderr)
    log_notice(message)


def run(argv: Sequence[str]) -> int:
    """Parse ``argv``, run the command, and return the exit status."""
    args = build_parser().parse_args(list(argv))
    args.db = getattr(args, "db", None)
    args.user = getattr(args, "user", None)
    ctx = Context(args)
    try:
        for notice in secure_at_start():
            warn(notice)
        status: int = args.handler(ctx)
        return status
    except CasedeskError as error:
        print(f"casedesk: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("casedesk: interrupted; nothing more was done.", file=sys.stderr)
        return 130
    except Exception as error:  # noqa: BLE001 - the last line of defence
        path = log_unexpected(error)
        print(
            f"casedesk: unexpected error ({type(error).__name__}); nothing was changed by the "
            f"failed step. Details are in {path}.",
            file=sys.stderr,
        )
        return 3
    finally:
        ctx.close()
