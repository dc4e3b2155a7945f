"""The command line: a thin shell over the services.

Exit status: 0 done; 1 refused (a rule, a permission, an integrity check);
2 invalid input. Errors are one line on standard error, never a traceback.

Start-up time: a command module imports the services it runs (SQLAlchemy,
argon2, Pillow, reportlab ...), so only the module of the command being run
is imported. :data:`COMMANDS` declares every command with its one-line help,
which is all ``casedesk --help`` shows; a test checks it against what the
modules register.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from app import __version__
from app.domain.errors import CasedeskError

if TYPE_CHECKING:
    from app.services.password_ahead import PasswordAhead

#: The environment variables naming the acting user and giving the password
#: (``app.cli.context`` reads them; repeated here so that ``--help`` loads nothing more).
ENV_USER = "CASEDESK_USER"
ENV_PASSWORD = "CASEDESK_PASSWORD"


class Command(NamedTuple):
    """A top-level command: its name, the ``app.cli`` module that declares it, its help."""

    name: str
    module: str
    help: str


#: Every top-level command, in the order ``casedesk --help`` lists them. A
#: module's ``register(commands, common)`` adds its commands' parsers.
COMMANDS: tuple[Command, ...] = (
    Command("init", "admin", "create or upgrade the database, load the policy catalog, "
            "add the first administrator"),
    Command("db", "admin", "database schema"),
    Command("user", "admin", "accounts and roles"),
    Command("audit", "admin", "the tamper-evident audit log"),
    Command("setting", "admin", "business settings"),
    Command("demo", "admin", "fill a new database with demo users and cases"),
    Command("policy", "catalog", "the policy catalog"),
    Command("employee", "catalog", "agency employees"),
    Command("case", "cases", "cases"),
    Command("evidence", "evidence", "screenshot evidence"),
    Command("export", "export", "export a case's evidence bundle (ZIP with originals, "
            "manifest, custody, SHA256SUMS)"),
    Command("discipline", "discipline", "disciplinary decisions and agency discipline rules"),
    Command("report", "reports", "generate a PDF report"),
    Command("authorization", "authorizations", "MA DYS social-media authorizations (B.2, B.3)"),
    Command("credential-request", "authorizations",
            "credential requests for formal investigations (AR-DHS II(G), § 11-2-124)"),
    Command("dashboard", "dashboard",
            "the dashboard's figures: open cases, cases per month, median days, provisions"),
)  # fmt: skip

#: Commands that do not sign in with CASEDESK_PASSWORD (``init`` and ``demo`` create).
_NO_SIGN_IN = frozenset({None, "init", "demo"})

#: Options taking a value that may come before the command word.
_VALUE_OPTIONS = ("--db", "--user")


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


def command_word(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names (its first word that is not an option), if any."""
    expect_value = False
    for arg in argv:
        if expect_value:
            expect_value = False
        elif arg in _VALUE_OPTIONS:
            expect_value = True
        elif arg == "--":
            return None
        elif not arg.startswith("-"):
            return arg
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The ``casedesk`` argument parser.

    Without ``argv``, with every command's options. With ``argv``, only the
    command it names is declared in full (its module imported); the others
    are placeholders with their help line, enough for ``--help`` and for
    argparse to name the valid commands.
    """
    wanted = {c.module for c in COMMANDS}
    if argv is not None:
        word = command_word(argv)
        wanted = {c.module for c in COMMANDS if c.name == word}
    common = _common_options()
    parser = argparse.ArgumentParser(
        prog="casedesk",
        description="Casedesk: social-media policy investigations, from report to discipline.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"casedesk {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in dict.fromkeys(c.module for c in COMMANDS):
        if module in wanted:
            importlib.import_module(f"app.cli.{module}").register(commands, [common])
    for command in COMMANDS:
        if command.name not in commands.choices:
            commands.add_parser(command.name, parents=[common], help=command.help)
    return parser


def warn(message: str) -> None:
    """A warning on standard error, also written to the log."""
    from app.errorlog import log_notice

    print(f"casedesk: warning: {message}", file=sys.stderr)
    log_notice(message)


def _check_password_ahead(argv: Sequence[str]) -> PasswordAhead | None:
    """Start the argon2 check of the user's password on a thread, before the command's
    modules load (see :mod:`app.services.password_ahead`); None when it cannot start."""
    password = os.environ.get(ENV_PASSWORD)
    if not password or command_word(argv) in _NO_SIGN_IN:
        return None
    known, _rest = _common_options().parse_known_args(list(argv))
    username = getattr(known, "user", None) or os.environ.get(ENV_USER, "")
    from app.config import database_url
    from app.services import password_ahead

    return password_ahead.start(database_url(getattr(known, "db", None)), username, password)


def _output_reader_gone() -> bool:
    """Whether standard output is a pipe whose reader has gone (not some other pipe)."""
    import select

    try:
        poller = select.poll()
        poller.register(sys.stdout.fileno(), 0)  # only the conditions always reported
        return any(events & select.POLLERR for _fd, events in poller.poll(0))
    except (OSError, ValueError, AttributeError):
        return False  # not a file of the system (output captured in the process)


#: Where SQLAlchemy hands each fetched row's values to their types' readers.
_ROW_READING = ("sqlalchemy/engine/_result", "sqlalchemy/engine/result.py",
                "sqlalchemy/engine/cursor.py", "sqlalchemy/orm/loading.py")  # fmt: skip
#: What a type's reader may run below that: SQLAlchemy's own code and the model's types.
_VALUE_READERS = ("sqlalchemy/", "app/db/base.py")


def _unreadable_stored_value(error: BaseException) -> bool:
    """Whether ``error`` was raised reading a value of a fetched row (a stored time that
    is not a time): raised below SQLAlchemy's row reading, with nothing of the
    application's between but its column types."""
    if not isinstance(error, (ValueError, TypeError)):
        return False
    files = []
    trace = error.__traceback__
    while trace is not None:
        files.append(trace.tb_frame.f_code.co_filename.replace(os.sep, "/"))
        trace = trace.tb_next
    reading = [i for i, name in enumerate(files) if any(r in name for r in _ROW_READING)]
    if not reading:
        return False
    below = files[reading[-1] + 1 :]
    return bool(below) and all(any(r in name for r in _VALUE_READERS) for name in below)


def run(argv: Sequence[str], *, process_ends: bool = False) -> int:
    """Parse ``argv``, run the command, and return the exit status.

    The cyclic garbage collector waits while the command's modules load:
    importing SQLAlchemy and the models makes tens of thousands of long-lived
    objects, and the collections they set off find nothing to free. With
    ``process_ends`` (the ``casedesk`` process, :func:`app.__main__.entry`)
    those objects are then frozen (``gc.freeze()``, as the window does after
    sign-in), so that the first collection does not walk every one of them;
    an in-process caller (the tests) gets the collector back as it was,
    nothing frozen. The ``casedesk`` process also defers the standard-library
    modules SQLAlchemy imports but no command uses (:mod:`app.deferredmodules`).
    Once its command is done the collector stays off there: the process
    ends, and a collection over what the command made (a report's tens of
    thousands of objects: 7-10 ms) would free nothing the system does not.
    """
    if process_ends and command_word(argv) is not None:  # not for ``casedesk --help``
        from app.deferredmodules import defer_unused

        defer_unused()  # before SQLAlchemy loads: asyncio and importlib.metadata at first use
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run(argv, collecting=collecting, freeze=process_ends)
    finally:
        if process_ends:
            gc.disable()  # the process ends: what the command made goes with it
        elif collecting:
            gc.enable()


def _run(argv: Sequence[str], *, collecting: bool, freeze: bool) -> int:
    try:
        ahead = _check_password_ahead(argv)
    except (SystemExit, Exception):  # noqa: BLE001 - the sign-in checks the password itself
        ahead = None
    args = build_parser(argv).parse_args(list(argv))
    args.db = getattr(args, "db", None)
    args.user = getattr(args, "user", None)
    # Work a command may start before the services load (no database, never raises):
    # evidence add's files. The password check above starts first, before the
    # command's module loads: for most commands that module loads the services.
    start_ahead = getattr(args, "start_ahead", None)
    #: Whether this process ends with the command (work may go to another process).
    args.process_ends = freeze
    if start_ahead is not None:
        start_ahead(args)
    ctx = None
    try:
        from app.cli.context import Context  # the services: only once a command runs
        from app.privatefiles import secure_at_start

        ctx = Context(args, ahead=ahead)
        if freeze:
            gc.freeze()  # the modules are loaded: what they made stays
        if collecting:
            gc.enable()
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
        if isinstance(error, BrokenPipeError) and _output_reader_gone():
            raise  # app.__main__.entry ends quietly, as a program in a pipeline does
        from app.errorlog import log_unexpected

        path = log_unexpected(error)
        if _unreadable_stored_value(error):
            # Only a change made outside Casedesk stores a value it cannot read back.
            print(
                f"casedesk: a value stored in the database cannot be read ({error}): the "
                "database was changed outside Casedesk. Nothing was changed by the failed "
                "step; restore the database from a backup (an administrator's 'casedesk audit "
                f"verify' names what it can). Details are in {path}.",
                file=sys.stderr,
            )
            return 1
        print(
            f"casedesk: unexpected error ({type(error).__name__}); nothing was changed by the "
            f"failed step. Details are in {path}.",
            file=sys.stderr,
        )
        return 3
    finally:
        if ctx is not None:
            ctx.close()
