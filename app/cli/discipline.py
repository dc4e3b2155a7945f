"""The ``discipline`` commands: decide an action, show a case's discipline, agency settings."""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from app.cli import due_process
from app.cli.context import Context, read_text_file
from app.cli.output import print_fields, print_json, print_table
from app.domain.discipline import (
    APPEAL_TEXT_MAX,
    STEPS_MAX,
    WITHDRAWAL_REASON_MAX,
    DisciplineAction,
    parse_action,
)
from app.domain.discipline.law_settings import RESPONSE_DAYS
from app.domain.errors import InvalidInput
from app.domain.validation import parse_date
from app.domain.zones import local_day
from app.services import discipline, employees
from app.services.discipline import CaseDiscipline, DisciplineInput


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: list[argparse.ArgumentParser],
) -> None:
    """Add the ``discipline`` command and its subcommands."""
    parser = commands.add_parser(
        "discipline", parents=common, help="disciplinary decisions and agency discipline rules"
    )
    sub = parser.add_subparsers(dest="discipline_command", required=True, metavar="COMMAND")

    actions = ", ".join(a.value for a in DisciplineAction)
    decide = sub.add_parser("decide", aliases=["set"], parents=common,
                            help="record HR's decision for an employee of a case")  # fmt: skip
    decide.add_argument("case", help="case number, e.g. MODNR-2026-0003")
    decide.add_argument("--employee", help="employee id, number or full name "
                        "(default: the case's only subject)")  # fmt: skip
    decide.add_argument("--action", required=True, help=f"one of: {actions}")
    decide.add_argument("--days", type=_whole, help="working days of a suspension")
    decide.add_argument("--effective", required=True, help="effective date, YYYY-MM-DD")
    decide.add_argument("--decided-on", help="the day the decision was made, YYYY-MM-DD "
                        "(default: today where the agency is)")  # fmt: skip
    steps = decide.add_mutually_exclusive_group(required=True)
    steps.add_argument("--steps", help="what the employee must do to correct the conduct")
    steps.add_argument("--steps-file", help="read the steps from a UTF-8 file")
    decide.add_argument("--consequence", required=True, help="what a repeat will lead to")
    decide.add_argument("--allegation", type=_whole, action="append", default=[],
                        help="allegation id the decision rests on (repeatable; default: every "
                             "substantiated allegation of the employee)")  # fmt: skip
    # A decision has no response window of its own (the notice's is the employee's):
    # the option of older versions is refused with the reason, not as an unknown word.
    decide.add_argument("--response-due", help=argparse.SUPPRESS)
    decide.add_argument(
        "--status-pending", default="",
        help="the employee's status pending the decision (pre-action notice)",
    )  # fmt: skip
    decide.add_argument("--override-cap", metavar="REASON", default="",
                        help="override the agency's suspension cap, with the reason")  # fmt: skip
    decide.add_argument(
        "--consistency-reason", metavar="REASON", default="",
        help="why the action is milder or harsher than every earlier decision of the agency "
             "under the same provision (asked for then)",
    )  # fmt: skip
    decide.add_argument("--first-day", help="a suspension's first day (default: effective date)")
    decide.add_argument("--last-day", help="a suspension's last day (checked in working days)")
    decide.add_argument("--return-on", help="the return to work (checked: next working day)")
    decide.add_argument("--terminal", action="store_true",
                        help="with a dismissal: --days is a terminal suspension")  # fmt: skip
    decide.add_argument("--step", default="", help="the progressive-discipline step and why")
    decide.add_argument("--aggravating", default="", help="aggravating factors")
    decide.add_argument("--mitigating", default="", help="mitigating factors")
    decide.add_argument("--decision-maker", default="",
                        help="who decides (default: the appointing authority)")  # fmt: skip
    decide.add_argument("--decision-maker-title", default="", help="the decision maker's title")
    decide.add_argument("--json", action="store_true", help="print JSON")
    decide.set_defaults(handler=cmd_discipline_set)

    withdraw = sub.add_parser("withdraw", parents=common,
                              help="withdraw HR's decision for an employee of a case")  # fmt: skip
    withdraw.add_argument("case", help="case number, e.g. MODNR-2026-0003")
    withdraw.add_argument("--employee", help="employee id, number or full name "
                          "(default: the case's only subject)")  # fmt: skip
    reason = withdraw.add_mutually_exclusive_group(required=True)
    reason.add_argument("--reason", help="why the decision is withdrawn (audited)")
    reason.add_argument("--reason-file", help="read the reason from a UTF-8 file")
    withdraw.add_argument("--json", action="store_true", help="print JSON")
    withdraw.set_defaults(handler=cmd_discipline_withdraw)

    show = sub.add_parser("show", parents=common,
                          help="a case's allegations, decisions and prior discipline")  # fmt: skip
    show.add_argument("case")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=cmd_discipline_show)

    rules = sub.add_parser("settings", parents=common,
                           help="show or change an agency's discipline rules")  # fmt: skip
    rules.add_argument("agency", help="agency code, e.g. MODNR")
    rules.add_argument("--response-days", type=_whole,
                       help="working days the employee has to respond to a pre-action notice "
                            "(the same as --set discipline.response_days=N)")  # fmt: skip
    rules.add_argument("--cap-days", help="suspension cap in working days, or 'none'")
    rules.add_argument("--window-months", type=_whole, help="months the cap counts over")
    rules.add_argument("--cap-citation", help="the rule behind the cap, e.g. 'RSMo 36.370'")
    appeal = rules.add_mutually_exclusive_group()
    appeal.add_argument("--appeal-text", help="the appeal / grievance rights text")
    appeal.add_argument("--appeal-file", help="read the appeal rights text from a UTF-8 file")
    rules.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="set one of the agency's keyed settings (repeatable; see the list)",
    )
    rules.add_argument(
        "--clear",
        action="append",
        default=[],
        metavar="KEY",
        help="clear one of the agency's keyed settings (repeatable)",
    )
    rules.add_argument("--json", action="store_true", help="print JSON")
    rules.set_defaults(handler=cmd_discipline_settings)
    due_process.register(sub, common)


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None


def _employee_id(ctx: Context, overview: CaseDiscipline, ref: str | None) -> int:
    if ref is None:
        if len(overview.employees) != 1:
            names = ", ".join(f"{e.employee.full_name} ({e.employee.id})"
                              for e in overview.employees) or "none"  # fmt: skip
            raise InvalidInput(
                f"{overview.case_number} has {len(overview.employees)} subject employees "
                f"({names}); say which with --employee."
            )
        return overview.employees[0].employee.id
    return employees.resolve_employee(ctx.database, ctx.actor, overview.agency_code, ref)


def cmd_discipline_set(ctx: Context) -> int:
    args = ctx.args
    database, actor = ctx.database, ctx.actor
    action = parse_action(args.action)
    effective = parse_date(args.effective, "Effective date")
    assert effective is not None
    if args.response_due is not None:
        raise InvalidInput(
            "--response-due is not taken: a decision gives no response window of its own. "
            "The employee's window is the one the pre-action notice gives (casedesk discipline "
            "notice), from the agency's discipline.response_days setting."
        )
    decided_on = parse_date(args.decided_on, "Decision date")
    first_day = parse_date(args.first_day, "First day")
    last_day = parse_date(args.last_day, "Last day")
    return_on = parse_date(args.return_on, "Return to work")
    steps = (
        args.steps
        if args.steps is not None
        else read_text_file(args.steps_file, "the steps to correct", STEPS_MAX)
    )
    overview = discipline.case_discipline(database, actor, args.case)
    employee_id = _employee_id(ctx, overview, args.employee)
    info = discipline.record_discipline(
        database,
        actor,
        overview.case_id,
        DisciplineInput(
            employee_id=employee_id,
            action=action,
            effective_on=effective,
            steps_to_correct=steps,
            repeat_consequence=args.consequence,
            suspension_days=args.days,
            allegation_ids=tuple(args.allegation),
            status_pending=args.status_pending,
            cap_override_reason=args.override_cap,
            suspension_first_day=first_day,
            suspension_last_day=last_day,
            return_to_work_on=return_on,
            terminal_suspension=args.terminal,
            progressive_step=args.step,
            aggravating_factors=args.aggravating,
            mitigating_factors=args.mitigating,
            decision_maker_name=args.decision_maker,
            decision_maker_title=args.decision_maker_title,
            consistency_reason=args.consistency_reason,
            decided_on=decided_on,
        ),
    )
    if args.json:
        print_json(info)
        return 0
    override = " The suspension cap was overridden." if info.cap_override_reason else ""
    days = ""
    if info.suspension_first_day and info.suspension_last_day:
        days = f" Suspended {info.suspension_first_day} to {info.suspension_last_day}"
        days += f", back at work {info.return_to_work_on}." if info.return_to_work_on else "."
    window = (
        f" The pre-action notice gave until {info.response_due} to respond."
        if info.response_due is not None
        else ""
    )
    print(
        f"Recorded for {info.employee.full_name} in {info.case_number}: {info.label}, "
        f"decided on {info.decided_on}, effective {info.effective_on}.{window}{override}{days}"
    )
    print(f"Appeal: {info.appeal_rights}")
    return 0


def cmd_discipline_withdraw(ctx: Context) -> int:
    args = ctx.args
    reason = (
        args.reason
        if args.reason is not None
        else read_text_file(args.reason_file, "a withdrawal reason", WITHDRAWAL_REASON_MAX)
    )
    overview = discipline.case_discipline(ctx.database, ctx.actor, args.case)
    employee_id = _employee_id(ctx, overview, args.employee)
    info = discipline.withdraw_discipline(
        ctx.database, ctx.actor, overview.case_id, employee_id, reason
    )
    if args.json:
        print_json(info)
        return 0
    print(
        f"Withdrawn for {info.employee.full_name} in {info.case_number}: {info.label}, "
        f"effective {info.effective_on}. It no longer counts as prior discipline or toward "
        "the suspension cap."
    )
    return 0


def cmd_discipline_show(ctx: Context) -> int:
    args = ctx.args
    overview = discipline.case_discipline(ctx.database, ctx.actor, args.case)
    if args.json:
        print_json(overview)
        return 0
    print(f"{overview.case_number} ({overview.status.label})")
    stages = {f.employee.id: f for f in discipline.flows(ctx.database, ctx.actor, args.case)}
    for entry in overview.employees:
        print()
        print(f"Employee: {entry.employee.full_name} (id {entry.employee.id})")
        flow = stages[entry.employee.id]
        regime = flow.regime.label if flow.regime else "not recorded"
        print(f"Regime: {regime}. Stands: {flow.stage.label}. Next: {flow.next_step}")
        if flow.notice is not None:
            n = flow.notice
            response = (
                "none yet" if flow.response is None
                else "none by the deadline" if flow.response.none_by_deadline
                else f"received {flow.response.received_on}"
            )  # fmt: skip
            print(f"Notice: {n.proposed_label} proposed {n.issued_on}; response due "
                  f"{n.response_due} ({response}).")  # fmt: skip
        print_table(
            ("ID", "Provision", "Finding"),
            [(a.id, a.citation, a.finding.value.replace("_", " ")) for a in entry.allegations],
        )
        if flow.referral is not None:
            r = flow.referral
            print(f"Referral: to {r.provider} on {r.referred_on} by {r.sent_by} (no decision: "
                  "the provider decides any discipline).")  # fmt: skip
        elif entry.decision is None and entry.withdrawn is not None:
            w = entry.withdrawn
            when = local_day(w.withdrawn_at, flow.jurisdiction) if w.withdrawn_at else "?"
            print_fields(
                [
                    ("Decision", f"none in force; {w.label}, effective {w.effective_on}, "
                                 "was withdrawn"),
                    ("Withdrawn by", f"{w.withdrawn_by} on {when}"),
                    ("Reason", w.withdrawal_reason),
                ]
            )  # fmt: skip
        elif entry.decision is None:
            print("Decision: none recorded yet.")
        else:
            d = entry.decision
            print_fields(
                [
                    ("Decision", d.label),
                    ("Decided on", d.decided_on),
                    ("Effective", d.effective_on),
                    ("Rests on", ", ".join(d.citations)),
                    ("Steps to correct", d.steps_to_correct),
                    ("If repeated", d.repeat_consequence),
                    ("Response due", d.response_due or "- (no pre-action notice)"),
                    ("Cap override", d.cap_override_reason or "-"),
                    ("Consistency reason", d.consistency_reason or "-"),
                    ("Decided by", d.decided_by),
                ]
            )
        if entry.prior:
            print("Prior discipline:")
            print_table(
                ("Effective", "Action", "Case", "Provisions"),
                [(p.effective_on, p.label, p.case_number, ", ".join(p.citations))
                 for p in entry.prior],
            )  # fmt: skip
        else:
            print("Prior discipline: none.")
    return 0


def cmd_discipline_settings(ctx: Context) -> int:
    args = ctx.args
    database, actor = ctx.database, ctx.actor
    changing: dict[str, Any] = {}
    if args.window_months is not None:
        changing["cap_window_months"] = args.window_months
    if args.cap_citation is not None:
        changing["cap_citation"] = args.cap_citation
    if args.appeal_text is not None:
        changing["appeal_rights"] = args.appeal_text
    if args.appeal_file is not None:
        changing["appeal_rights"] = read_text_file(
            args.appeal_file, "the appeal rights text", APPEAL_TEXT_MAX
        )
    if args.cap_days is not None:
        text = args.cap_days.strip().lower()
        if text in ("none", "no", "off"):
            changing["suspension_cap_days"] = None
        elif text.isdigit():
            changing["suspension_cap_days"] = int(text)
        else:
            raise InvalidInput(f"--cap-days '{args.cap_days}' is not a number of days or 'none'.")
    keyed: list[tuple[str, str | None]] = []
    for item in args.set:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise InvalidInput(f"--set '{item}' is not KEY=VALUE.")
        keyed.append((key.strip(), value))
    keyed.extend((key, None) for key in args.clear)
    if args.response_days is not None:
        keyed.append((RESPONSE_DAYS.key, str(args.response_days)))
    if changing:
        rules = discipline.set_agency_settings(database, actor, args.agency, **changing)
        print(f"Discipline rules of {args.agency.upper()} changed.")
    else:
        rules = discipline.agency_settings(database, actor, args.agency)
    for key, value in keyed:
        changed = discipline.set_agency_value(database, actor, args.agency, key, value)
        print(f"{changed.key} = {changed.value if changed.is_set else '(not set)'}")
    values = discipline.agency_values(database, actor, args.agency)
    if args.json:
        print_json({**dataclasses.asdict(rules), "settings": values})
        return 0
    cap = (
        f"{rules.suspension_cap_days} working days in {rules.cap_window_months} months"
        + (f" ({rules.cap_citation})" if rules.cap_citation else "")
        if rules.suspension_cap_days is not None
        else "none"
    )
    print_fields(
        [
            ("Suspension cap", cap),
            ("Appeal rights", rules.appeal_rights),
        ]
    )
    print()
    print("The agency's settings (no defaults; set with --set KEY=VALUE):")
    print_table(
        ("Key", "Value", "What"),
        [(v.key, v.value if v.is_set else "(not set)", v.label) for v in values],
    )
    return 0
