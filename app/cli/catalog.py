"""Commands to browse the policy catalog and manage employees."""

from __future__ import annotations

import argparse

from app.cli import access
from app.cli.context import Context
from app.cli.output import print_fields, print_json, print_table
from app.domain.catalog import TAGS
from app.domain.discipline import Regime, parse_regime
from app.domain.errors import InvalidInput
from app.services import catalog, employees


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: list[argparse.ArgumentParser],
) -> None:
    """Add the ``policy`` and ``employee`` commands."""
    policy = commands.add_parser("policy", parents=common, help="the policy catalog")
    policies = policy.add_subparsers(dest="policy_command", required=True, metavar="COMMAND")
    listing = policies.add_parser("list", parents=common, help="list the source policies")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=cmd_policy_list)
    show = policies.add_parser(
        "show", parents=common, help="list a policy's provisions, or show one provision"
    )
    show.add_argument("code", help="policy code, e.g. MA-DYS-01.05.22")
    show.add_argument("ref", nargs="?", help="provision reference, e.g. C.2.e")
    show.add_argument("--search", default="", help="only provisions containing these words")
    show.add_argument("--tag", help="only provisions with this tag")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=cmd_policy_show)

    employee = commands.add_parser("employee", parents=common, help="agency employees")
    employee_commands = employee.add_subparsers(
        dest="employee_command", required=True, metavar="COMMAND"
    )
    add = employee_commands.add_parser("add", parents=common, help="add an employee")
    add.add_argument("--agency", required=True, help="agency code, e.g. ARDHS")
    add.add_argument("--name", required=True, help="full name")
    add.add_argument("--position", default="")
    add.add_argument("--division", default="", help="division or unit")
    add.add_argument("--number", help="employee number")
    add.add_argument("--supervisor", help="supervisor: employee id, number or exact name")
    add.add_argument("--json", action="store_true", help="print JSON")
    add.set_defaults(handler=cmd_employee_add)
    listing = employee_commands.add_parser("list", parents=common, help="list employees")
    listing.add_argument("--agency", help="agency code")
    listing.add_argument("--name", default="", help="part of the name")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=cmd_employee_list)
    regimes = ", ".join(r.value for r in Regime)
    regime = employee_commands.add_parser(
        "set-regime", parents=common,
        help="record an employee's employment regime (it decides the due process owed)",
    )  # fmt: skip
    regime.add_argument("employee", help="employee id (or number or exact name with --agency)")
    regime.add_argument("regime", help=f"one of: {regimes}; or 'none' for not recorded")
    regime.add_argument("--agency", help="agency code, to find the employee by number or name")
    regime.add_argument("--json", action="store_true", help="print JSON")
    regime.set_defaults(handler=cmd_employee_set_regime)
    access.add_employee_commands(employee_commands, common)


def cmd_policy_list(ctx: Context) -> int:
    policies = catalog.list_policies(ctx.database, ctx.actor)
    if ctx.args.json:
        print_json(policies)
        return 0
    print_table(
        ("Code", "Agency", "Title", "Version and dates", "Provisions"),
        [(p.code, p.agency_code, p.title, p.dates, p.provision_count) for p in policies],
    )
    return 0


def cmd_policy_show(ctx: Context) -> int:
    args = ctx.args
    if args.tag and args.tag not in TAGS:
        raise InvalidInput(f"Unknown tag {args.tag!r}; tags: {', '.join(sorted(TAGS))}.")
    if args.ref:
        provision = catalog.get_provision(ctx.database, ctx.actor, f"{args.code} {args.ref}")
        if args.json:
            print_json(provision)
            return 0
        kind = provision.kind.label if provision.kind else "not known (reload the catalog)"
        fields = [
            ("Citation", provision.citation),
            ("Title", provision.title),
            ("Policy version", provision.policy_dates),
            ("Part of", provision.parent_ref or ""),
            ("Kind", kind + ("" if provision.chargeable else " (cannot be charged)")),
            ("Tags", ", ".join(provision.tags)),
        ]
        if provision.charge_instead:
            fields.append(("Charge instead", ", ".join(provision.charge_instead)))
        print_fields(fields)
        print()
        print(provision.quote)
        return 0
    provisions = catalog.search_provisions(
        ctx.database, ctx.actor, policy_code=args.code, text=args.search, tag=args.tag
    )
    if args.json:
        print_json(provisions)
        return 0
    print_table(
        ("Citation", "Kind", "Title", "Tags"),
        [(p.citation, p.kind.label if p.kind else "?", p.title, ", ".join(p.tags))
         for p in provisions],
    )  # fmt: skip
    return 0


def cmd_employee_add(ctx: Context) -> int:
    args = ctx.args
    supervisor_id = None
    if args.supervisor:
        supervisor_id = employees.resolve_employee(
            ctx.database, ctx.actor, args.agency, args.supervisor
        )
    info = employees.add_employee(
        ctx.database,
        ctx.actor,
        agency_code=args.agency,
        full_name=args.name,
        position=args.position,
        division=args.division,
        employee_number=args.number,
        supervisor_id=supervisor_id,
    )
    if args.json:
        print_json(info)
    else:
        print(f"Employee {info.id} added: {info.full_name} ({info.agency_code}).")
    return 0


def cmd_employee_list(ctx: Context) -> int:
    rows = employees.list_employees(
        ctx.database, ctx.actor, agency_code=ctx.args.agency, name=ctx.args.name
    )
    if ctx.args.json:
        print_json(rows)
        return 0
    print_table(
        ("Id", "Agency", "Name", "Position", "Division / unit", "Supervisor"),
        [(e.id, e.agency_code, e.full_name, e.position, e.division, e.supervisor_name)
         for e in rows],
    )  # fmt: skip
    return 0


def cmd_employee_set_regime(ctx: Context) -> int:
    args = ctx.args
    if args.agency:
        who = employees.resolve_employee(ctx.database, ctx.actor, args.agency, args.employee)
    elif args.employee.strip().isdigit():
        who = int(args.employee)
    else:
        raise InvalidInput(
            f"Give the employee's id, or --agency to find {args.employee!r} by number or name."
        )
    regime = None if args.regime.strip().lower() == "none" else parse_regime(args.regime)
    info = employees.set_regime(ctx.database, ctx.actor, who, regime)
    if args.json:
        print_json(info)
        return 0
    shown = Regime(info.regime).label if info.regime else "not recorded"
    print(f"{info.full_name} ({info.agency_code}): regime {shown}.")
    return 0
