"""The ``case`` commands: new, list, show, allege, finding, note, transition.

Each command imports the services it runs (``case list`` needs neither the
case editing services nor the employees', with their discipline rules).
"""

from __future__ import annotations

import argparse
import enum
from typing import TYPE_CHECKING

from app.cli import access
from app.cli.output import local_time, print_fields, print_json, print_table
from app.domain.cases import (
    AccountKind,
    CaseStatus,
    DutyStatus,
    Equipment,
    Finding,
    IntakeChannel,
    NoteKind,
    parse_choice,
)
from app.domain.errors import InvalidInput
from app.domain.validation import NARRATIVE_MAX, NOTE_MAX, parse_date
from app.services.case_queries import CaseSort

if TYPE_CHECKING:
    from app.cli.context import Context


def _choices(kind: type[enum.Enum]) -> str:
    return ", ".join(m.value for m in kind)


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: list[argparse.ArgumentParser],
) -> None:
    """Add the ``case`` command and its subcommands."""
    case = commands.add_parser("case", parents=common, help="cases")
    sub = case.add_subparsers(dest="case_command", required=True, metavar="COMMAND")

    new = sub.add_parser("new", parents=common, help="record a reported violation")
    new.add_argument("--agency", required=True, help="agency code, e.g. ARDHS")
    new.add_argument("--title", required=True)
    new.add_argument("--reported", required=True, help="date reported, YYYY-MM-DD")
    new.add_argument("--conduct-from", help="first date of the conduct, YYYY-MM-DD")
    new.add_argument("--conduct-to", help="last date of the conduct, YYYY-MM-DD")
    new.add_argument(
        "--channel", default="other", help=f"intake channel: {_choices(IntakeChannel)}"
    )
    new.add_argument("--reporter", default="", help="who reported it")
    new.add_argument("--reporter-contact", default="")
    new.add_argument("--confidential-reporter", action="store_true",
                     help="keep the reporter's identity confidential")  # fmt: skip
    new.add_argument("--platform", action="append", default=[], help="platform (repeatable)")
    new.add_argument("--duty", default="unknown", help=f"duty status: {_choices(DutyStatus)}")
    new.add_argument("--equipment", default="unknown", help=f"equipment: {_choices(Equipment)}")
    new.add_argument("--account", default="unknown", help=f"account kind: {_choices(AccountKind)}")
    new.add_argument("--clients-involved", action="store_true",
                     help="clients, youth or consumers are involved")  # fmt: skip
    narrative = new.add_mutually_exclusive_group()
    narrative.add_argument("--narrative", default="", help="what was seen")
    narrative.add_argument(
        "--narrative-file", help="read the narrative from a UTF-8 file (- = stdin)"
    )
    new.add_argument("--subject", action="append", default=[],
                     help="subject employee: id, number or exact name (repeatable)")  # fmt: skip
    new.add_argument("--investigator", help="user name of the assigned investigator")
    new.add_argument("--restricted", action="store_true",
                     help="only you, the investigator and --allow users see it")  # fmt: skip
    new.add_argument("--allow", nargs="*", default=[], metavar="USER",
                     help="users on a restricted case's access list")  # fmt: skip
    new.add_argument("--json", action="store_true", help="print JSON")
    new.set_defaults(handler=cmd_case_new)

    listing = sub.add_parser("list", parents=common, help="list and search cases")
    listing.add_argument("--status", action="append", default=[],
                         help=f"status (repeatable): {_choices(CaseStatus)}")  # fmt: skip
    listing.add_argument("--agency", help="agency code")
    listing.add_argument("--investigator", help="user name")
    listing.add_argument("--from", dest="date_from", help="reported on or after, YYYY-MM-DD")
    listing.add_argument("--to", dest="date_to", help="reported on or before, YYYY-MM-DD")
    listing.add_argument("--search", default="", help="words in number, title, narrative or notes")
    listing.add_argument("--sort", default="reported", help=f"sort by: {_choices(CaseSort)}")
    listing.add_argument("--asc", action="store_true", help="ascending (default: descending)")
    listing.add_argument("--limit", type=int, default=50)
    listing.add_argument("--offset", type=int, default=0)
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=cmd_case_list)

    show = sub.add_parser("show", parents=common, help="show a case")
    show.add_argument("case", help="case number, e.g. ARDHS-2026-0007")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.add_argument(
        "--show-reporter",
        action="store_true",
        help="show a confidential reporter's identity (recorded in the audit log)",
    )
    show.set_defaults(handler=cmd_case_show)

    allege = sub.add_parser("allege", parents=common, help="add an allegation citing a provision")
    allege.add_argument("case")
    allege.add_argument("provision", help="citation, e.g. 'MA-DYS-01.05.22 C.2.e'")
    allege.add_argument("--employee", help="subject employee (when the case has several)")
    allege.add_argument("--summary", default="", help="the conduct alleged")
    allege.add_argument(
        "--policy-in-force",
        action="store_true",
        help="confirm that the policy was still in force on the conduct dates although its "
        "sunset date is before them (recorded in the audit trail)",
    )
    allege.add_argument("--json", action="store_true", help="print JSON")
    allege.set_defaults(handler=cmd_case_allege)

    finding = sub.add_parser("finding", parents=common, help="record the finding on an allegation")
    finding.add_argument("case")
    finding.add_argument("allegation", type=int, help="allegation id (see 'case show')")
    finding.add_argument("finding", help=f"finding: {_choices(Finding)}")
    finding.add_argument("--reasoning", required=True)
    finding.set_defaults(handler=cmd_case_finding)

    note = sub.add_parser("note", parents=common, help="add a note to the timeline")
    note.add_argument("case")
    note.add_argument("text", nargs="?", help="the note (or use --file)")
    note.add_argument("--file", help="read the note from a UTF-8 file (- = stdin)")
    note.add_argument("--kind", default="note", help=f"kind: {_choices(NoteKind)}")
    note.set_defaults(handler=cmd_case_note)

    access.add_case_commands(sub, common)
    move = sub.add_parser("transition", parents=common, help="move a case to another status")
    move.add_argument("case")
    move.add_argument("status", help=f"target status: {_choices(CaseStatus)}")
    move.add_argument("--reason", default="", help="required to reopen, return or close early")
    move.set_defaults(handler=cmd_case_transition)


def cmd_case_new(ctx: Context) -> int:
    from app.cli.context import read_text_file
    from app.services import cases, employees

    args = ctx.args
    reported_on = parse_date(args.reported, "Date reported")
    assert reported_on is not None
    narrative = args.narrative
    if args.narrative_file:
        narrative = read_text_file(args.narrative_file, "a narrative", NARRATIVE_MAX)
    database, actor = ctx.database, ctx.actor
    subject_ids = tuple(
        employees.resolve_employee(database, actor, args.agency, ref) for ref in args.subject
    )
    fields = cases.CaseFields(
        agency_code=args.agency,
        title=args.title,
        reported_on=reported_on,
        intake_channel=parse_choice(IntakeChannel, args.channel, "Intake channel"),
        conduct_from=parse_date(args.conduct_from, "Conduct from"),
        conduct_to=parse_date(args.conduct_to, "Conduct to"),
        reporter_name=args.reporter,
        reporter_contact=args.reporter_contact,
        reporter_confidential=args.confidential_reporter,
        platforms=tuple(args.platform),
        duty_status=parse_choice(DutyStatus, args.duty, "Duty status"),
        equipment=parse_choice(Equipment, args.equipment, "Equipment"),
        account_kind=parse_choice(AccountKind, args.account, "Account kind"),
        clients_involved=args.clients_involved,
        narrative=narrative,
        subject_ids=subject_ids,
        investigator=args.investigator,
    )
    detail = cases.create_case(
        database, actor, fields, restricted=args.restricted, allow=tuple(args.allow)
    )
    if args.json:
        print_json(detail)
    else:
        print(f"Case {detail.number} created.")
    return 0


def cmd_case_list(ctx: Context) -> int:
    from app.services import case_queries
    from app.services.case_queries import CaseQuery

    args = ctx.args
    query = CaseQuery(
        statuses=frozenset(parse_choice(CaseStatus, s, "Status") for s in args.status),
        agency_code=args.agency,
        investigator=args.investigator,
        reported_from=parse_date(args.date_from, "--from"),
        reported_to=parse_date(args.date_to, "--to"),
        text=args.search,
        sort=parse_choice(CaseSort, args.sort, "Sort"),
        descending=not args.asc,
        offset=args.offset,
        limit=args.limit,
    )
    page = case_queries.list_cases(ctx.database, ctx.actor, query)
    if args.json:
        print_json({"total": page.total, "offset": page.offset, "cases": page.rows})
        return 0
    print_table(
        ("Number", "Status", "Reported", "Investigator", "Subjects", "Title"),
        [
            (r.number, r.status.label, r.reported_on, r.investigator, "; ".join(r.subjects),
             r.title)
            for r in page.rows
        ],
    )  # fmt: skip
    shown = len(page.rows)
    print(
        f"\n{shown} of {page.total} cases shown"
        + (f" from {page.offset + 1}" if page.offset else "")
    )
    return 0


def cmd_case_show(ctx: Context) -> int:
    from app.services import cases

    detail = cases.get_case(ctx.database, ctx.actor, ctx.args.case,
                            reveal_reporter=ctx.args.show_reporter)  # fmt: skip
    if ctx.args.json:
        print_json(detail)
        return 0
    f = detail.fields
    reporter = f.reporter_name or "(not recorded)"
    if f.reporter_confidential and not detail.reporter_hidden:
        reporter += " [confidential]"
    elif detail.reporter_revealable:
        reporter += " (--show-reporter shows the identity; the view is recorded)"
    conduct = " to ".join(str(d) for d in (f.conduct_from, f.conduct_to) if d) or "(unknown)"
    print_fields(
        [
            ("Case", f"{detail.number}  {f.title}"),
            ("Agency", f"{detail.agency_name} ({detail.agency_code})"),
            ("Status", detail.status.label),
            ("Investigator", detail.investigator_name or "(unassigned)"),
            ("Subjects", "; ".join(f"{e.full_name}, {e.position}" for e in detail.subjects)),
            ("Reported", f"{f.reported_on} via {f.intake_channel.value} by {reporter}"),
            ("Conduct", conduct),
            ("Platforms", ", ".join(f.platforms)),
            ("Duty / equipment", f"{f.duty_status.value} / {f.equipment.value}"),
            ("Account", f.account_kind.value),
            ("Clients involved", "yes" if f.clients_involved else "no"),
            (
                "Updated",
                f"{local_time(detail.updated_at)} by {detail.updated_by} "
                f"(version {detail.version})",
            ),
        ]
    )
    if f.narrative:
        print(f"\n{f.narrative}")
    print("\nAllegations:")
    for a in detail.allegations:
        who = f" against {a.employee_name}" if a.employee_name else ""
        print(f"  [{a.id}] {a.citation}{who}: {a.provision_title} — {a.finding.value}")
        if a.reasoning:
            print(f"       {a.reasoning}")
    if not detail.allegations:
        print("  (none)")
    print("\nNotes:")
    for n in detail.notes:
        print(f"  {local_time(n.created_at)} {n.author} ({n.kind.value}): {n.body}")
    if not detail.notes:
        print("  (none)")
    if detail.transitions:
        nexts = ", ".join(f"{t.target.value} ({t.label})" for t in detail.transitions)
        print(f"\nNext: {nexts}")
    return 0


def cmd_case_allege(ctx: Context) -> int:
    from app.services import cases, employees

    args = ctx.args
    database, actor = ctx.database, ctx.actor
    detail = cases.get_case(database, actor, args.case)
    employee_id = None
    if args.employee:
        employee_id = employees.resolve_employee(database, actor, detail.agency_code, args.employee)
    allegation = cases.add_allegation(
        database,
        actor,
        detail.id,
        args.provision,
        employee_id=employee_id,
        summary=args.summary,
        policy_in_force_confirmed=args.policy_in_force,
    )
    if args.json:
        print_json(allegation)
    else:
        print(f"Allegation {allegation.id} added to {detail.number}: {allegation.citation}.")
    return 0


def cmd_case_finding(ctx: Context) -> int:
    from app.services import cases

    args = ctx.args
    detail = cases.get_case(ctx.database, ctx.actor, args.case)
    if args.allegation not in {a.id for a in detail.allegations}:
        raise InvalidInput(f"Case {detail.number} has no allegation {args.allegation}.")
    finding = parse_choice(Finding, args.finding, "Finding")
    cases.record_finding(ctx.database, ctx.actor, args.allegation, finding, args.reasoning)
    print(f"Finding on allegation {args.allegation} of {detail.number}: {finding.value}.")
    return 0


def cmd_case_note(ctx: Context) -> int:
    from app.cli.context import read_text_file
    from app.services import cases

    args = ctx.args
    if bool(args.text) == bool(args.file):
        raise InvalidInput("Give the note as text or with --file, not both and not neither.")
    body = read_text_file(args.file, "a note", NOTE_MAX) if args.file else args.text
    kind = parse_choice(NoteKind, args.kind, "Note kind")
    case_id = cases.case_id_of(ctx.database, ctx.actor, args.case)
    cases.add_note(ctx.database, ctx.actor, case_id, body, kind)
    print(f"Note added to {args.case.upper()}.")
    return 0


def cmd_case_transition(ctx: Context) -> int:
    from app.services import cases

    args = ctx.args
    target = parse_choice(CaseStatus, args.status, "Status")
    case_id = cases.case_id_of(ctx.database, ctx.actor, args.case)
    detail = cases.transition_case(ctx.database, ctx.actor, case_id, target, reason=args.reason)
    print(f"Case {detail.number} is now {detail.status.label}.")
    return 0
