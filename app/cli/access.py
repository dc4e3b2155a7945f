"""Who may see which case, on the command line.

``user agencies``, ``case restrict`` / ``unrestrict`` / ``allow-conflict``
and ``employee link-user``; ``user add --agency`` and ``case new
--restricted --allow`` are options of those commands. The subcommands are
added to the ``user``, ``case`` and ``employee`` commands by their modules.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from app.cli.context import Context
from app.cli.output import print_json
from app.domain.errors import InvalidInput

if TYPE_CHECKING:
    from app.services import access

    Subcommands = argparse._SubParsersAction[argparse.ArgumentParser]


def add_user_commands(users: Subcommands, common: list[argparse.ArgumentParser]) -> None:
    """``user agencies``."""
    agencies = users.add_parser(
        "agencies", parents=common,
        help="show or change the agencies whose cases a user sees (administrators)",
    )  # fmt: skip
    agencies.add_argument("username")
    agencies.add_argument("--add", action="append", default=[], metavar="CODE",
                          help="add an agency (repeatable)")  # fmt: skip
    agencies.add_argument("--remove", action="append", default=[], metavar="CODE",
                          help="remove an agency (repeatable)")  # fmt: skip
    agencies.add_argument("--json", action="store_true", help="print JSON")
    agencies.set_defaults(handler=cmd_user_agencies)


def add_case_commands(sub: Subcommands, common: list[argparse.ArgumentParser]) -> None:
    """``case restrict``, ``case unrestrict``, ``case allow-conflict``."""
    restrict = sub.add_parser(
        "restrict", parents=common,
        help="restrict a case to the users named (you and its investigator always see it)",
    )  # fmt: skip
    restrict.add_argument("case", help="case number, e.g. ARDHS-2026-0007")
    restrict.add_argument("--allow", nargs="*", default=[], metavar="USER",
                          help="user names on the access list")  # fmt: skip
    restrict.add_argument("--json", action="store_true", help="print JSON")
    restrict.set_defaults(handler=cmd_case_restrict)
    unrestrict = sub.add_parser("unrestrict", parents=common, help="lift a case's restriction")
    unrestrict.add_argument("case", help="case number")
    unrestrict.add_argument("--json", action="store_true", help="print JSON")
    unrestrict.set_defaults(handler=cmd_case_unrestrict)
    allow = sub.add_parser(
        "allow-conflict", parents=common,
        help="let a user who is a subject, reporter or witness work on a case (supervisors)",
    )  # fmt: skip
    allow.add_argument("case", help="case number")
    allow.add_argument("username")
    allow.add_argument("--reason", required=True, help="why it is allowed (recorded)")
    allow.set_defaults(handler=cmd_case_allow_conflict)
    involve = sub.add_parser(
        "involve", parents=common,
        help="record that a user is the reporter or a witness of a case (a conflict of interest)",
    )  # fmt: skip
    involve.add_argument("case", help="case number")
    involve.add_argument("username")
    involve.add_argument("--as", dest="kind", required=True, help="reporter or witness")
    involve.set_defaults(handler=cmd_case_involve)


def add_employee_commands(sub: Subcommands, common: list[argparse.ArgumentParser]) -> None:
    """``employee link-user``."""
    link = sub.add_parser(
        "link-user", parents=common,
        help="record that an employee is the same person as a user account",
    )  # fmt: skip
    link.add_argument("employee", help="employee id (or number or exact name with --agency)")
    link.add_argument("username", nargs="?", help="the user account; omit with --unlink")
    link.add_argument("--agency", help="agency code, to find the employee by number or name")
    link.add_argument("--unlink", action="store_true", help="remove the link")
    link.set_defaults(handler=cmd_employee_link_user)


def cmd_user_agencies(ctx: Context) -> int:
    from app.services import access  # the services load when the command runs

    args = ctx.args
    if args.add or args.remove:
        codes = access.set_user_agencies(
            ctx.database, ctx.actor, args.username, add=args.add, remove=args.remove
        )
    else:
        codes = access.user_agency_codes(ctx.database, ctx.actor, args.username)
    if args.json:
        print_json({"username": args.username.strip().lower(), "agencies": list(codes)})
    elif codes:
        print(f"{args.username} sees the cases of {', '.join(codes)}.")
    else:
        print(f"{args.username} belongs to no agency and sees no case.")
    return 0


def _say_access(ctx: Context, number: str, listed: access.AccessList) -> None:
    if ctx.args.json:
        print_json(listed)
    elif listed.restricted:
        print(f"Case {number} is restricted to {', '.join(listed.usernames)}.")
    else:
        print(f"Case {number} is not restricted.")


def cmd_case_restrict(ctx: Context) -> int:
    from app.services import access, cases

    case_id = cases.case_id_of(ctx.database, ctx.actor, ctx.args.case)
    listed = access.set_restriction(
        ctx.database, ctx.actor, case_id, restricted=True, allow=ctx.args.allow
    )
    _say_access(ctx, ctx.args.case.upper(), listed)
    return 0


def cmd_case_unrestrict(ctx: Context) -> int:
    from app.services import access, cases

    case_id = cases.case_id_of(ctx.database, ctx.actor, ctx.args.case)
    listed = access.set_restriction(ctx.database, ctx.actor, case_id, restricted=False)
    _say_access(ctx, ctx.args.case.upper(), listed)
    return 0


def cmd_case_allow_conflict(ctx: Context) -> int:
    from app.services import access, cases

    args = ctx.args
    case_id = cases.case_id_of(ctx.database, ctx.actor, args.case)
    access.allow_conflict(ctx.database, ctx.actor, case_id, args.username, args.reason)
    print(f"{args.username} may work on {args.case.upper()} despite the conflict (recorded).")
    return 0


def cmd_case_involve(ctx: Context) -> int:
    from app.services import access, cases

    args = ctx.args
    case_id = cases.case_id_of(ctx.database, ctx.actor, args.case)
    access.record_involvement(ctx.database, ctx.actor, case_id, args.username, args.kind)
    print(
        f"{args.username} is recorded as {args.kind} of {args.case.upper()}; they no longer "
        "see it unless a supervisor allows it."
    )
    return 0


def cmd_employee_link_user(ctx: Context) -> int:
    from app.services import access, employees

    args = ctx.args
    if args.unlink == bool(args.username):
        raise InvalidInput("Give the user name to link, or --unlink without one.")
    if args.agency:
        who = employees.resolve_employee(ctx.database, ctx.actor, args.agency, args.employee)
    elif args.employee.strip().isdigit():
        who = int(args.employee)
    else:
        raise InvalidInput(
            f"Give the employee's id, or --agency to find {args.employee!r} by number or name."
        )
    access.link_employee_user(ctx.database, ctx.actor, who, None if args.unlink else args.username)
    if args.unlink:
        print(f"Employee {who} is linked to no user account.")
    else:
        print(f"Employee {who} is linked to user {args.username}.")
    return 0
