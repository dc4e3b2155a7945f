"""The due-process commands: ``discipline notice|response|appeal|refer|flow``.

Each records one step of the flow for one subject employee of a case; the
employer's law decides what is allowed, and a refusal names the rule and its
citation (exit 1).
"""

from __future__ import annotations

import argparse
import os
import textwrap

from app.cli.context import Context, read_text_file
from app.cli.output import print_fields, print_json
from app.domain.discipline import DisciplineAction, parse_action
from app.domain.discipline.flow import (
    RESPONSE_FILE_MAX,
    SUMMARY_MAX,
    AppealOutcome,
    DeliveryMethod,
    parse_appeal_outcome,
    parse_delivery,
)
from app.domain.errors import InvalidInput
from app.domain.validation import parse_date
from app.privatefiles import read_bounded
from app.services import discipline, employees
from app.services.discipline import (
    DisciplineFlow,
    NoticeInput,
    ReferralInput,
    ResponseFileInput,
)


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None


def _case_and_employee(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("case", help="case number, e.g. MODNR-2026-0003")
    parser.add_argument("--employee", help="employee id, number or full name "
                        "(default: the case's only subject)")  # fmt: skip


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: list[argparse.ArgumentParser],
) -> None:
    """Add the due-process subcommands to ``discipline``."""
    actions = ", ".join(a.value for a in DisciplineAction)
    notice = sub.add_parser("notice", parents=common,
                            help="record the pre-action notice given to an employee")  # fmt: skip
    _case_and_employee(notice)
    notice.add_argument("--action", required=True, help=f"the proposed action: {actions}")
    notice.add_argument("--days", type=_whole, help="working days of a proposed suspension")
    notice.add_argument("--issued", required=True, help="the day it was given, YYYY-MM-DD")
    notice.add_argument("--delivery", required=True,
                        help="how: " + ", ".join(m.value for m in DeliveryMethod))  # fmt: skip
    notice.add_argument("--delivered-by", required=True, help="who gave or sent it")
    notice.add_argument("--allegation", type=_whole, action="append", default=[],
                        help="allegation id charged (repeatable; default: every substantiated "
                             "allegation of the employee)")  # fmt: skip
    notice.add_argument(
        "--response-days",
        type=_whole,
        help="working days to respond (default: the agency's setting)",
    )
    explanation = notice.add_mutually_exclusive_group()
    explanation.add_argument("--evidence", default="", help="an explanation of the evidence")
    explanation.add_argument("--evidence-file", help="read the explanation from a UTF-8 file")
    notice.add_argument("--status-pending", default="",
                        help="the employee's status pending the decision")  # fmt: skip
    notice.add_argument("--json", action="store_true", help="print JSON")
    notice.set_defaults(handler=cmd_notice)

    response = sub.add_parser(
        "response", parents=common, help="record the employee's response to the notice, or none"
    )
    _case_and_employee(response)
    when = response.add_mutually_exclusive_group(required=True)
    when.add_argument("--received", help="the day the response was received, YYYY-MM-DD")
    when.add_argument(
        "--none",
        action="store_true",
        help="no response came by the deadline (after the deadline only)",
    )
    summary = response.add_mutually_exclusive_group()
    summary.add_argument("--summary", default="", help="what the employee said")
    summary.add_argument("--summary-file", help="read the summary from a UTF-8 file")
    response.add_argument(
        "--file",
        action="append",
        default=[],
        metavar="PATH",
        help="a file the employee handed in (repeatable; kept with SHA-256)",
    )
    response.add_argument("--json", action="store_true", help="print JSON")
    response.set_defaults(handler=cmd_response)

    appeal = sub.add_parser("appeal", parents=common,
                            help="record an appeal of a decision, or its outcome")  # fmt: skip
    _case_and_employee(appeal)
    step = appeal.add_mutually_exclusive_group(required=True)
    step.add_argument("--filed", help="the day the appeal was filed, YYYY-MM-DD")
    step.add_argument(
        "--outcome", help="how it ended: " + ", ".join(o.value for o in AppealOutcome)
    )
    appeal.add_argument("--on", help="with --outcome: the day it was decided")
    appeal.add_argument("--note", default="", help="with --outcome: a note")
    appeal.add_argument("--json", action="store_true", help="print JSON")
    appeal.set_defaults(handler=cmd_appeal)

    refer = sub.add_parser(
        "refer", parents=common, help="refer findings against a provider's employee to the provider"
    )
    _case_and_employee(refer)
    refer.add_argument("--provider", required=True, help="the contracted provider")
    refer.add_argument("--on", required=True, help="the day it was referred, YYYY-MM-DD")
    refer.add_argument("--sent-by", required=True, help="who sent it")
    refer.add_argument(
        "--allegation",
        type=_whole,
        action="append",
        default=[],
        help="allegation id referred (repeatable; default: every substantiated)",
    )
    refer.add_argument("--note", default="", help="what was sent")
    refer.add_argument("--json", action="store_true", help="print JSON")
    refer.set_defaults(handler=cmd_refer)

    flow = sub.add_parser(
        "flow", parents=common, help="one employee's whole flow: notice to appeal, with the law"
    )
    _case_and_employee(flow)
    flow.add_argument("--json", action="store_true", help="print JSON")
    flow.set_defaults(handler=cmd_flow)


def employee_id(ctx: Context, case: str, ref: str | None) -> tuple[int, int]:
    """The case's id and the subject employee's id (the only subject when ``ref`` is None)."""
    overview = discipline.case_discipline(ctx.database, ctx.actor, case)
    if ref is None:
        if len(overview.employees) != 1:
            names = ", ".join(f"{e.employee.full_name} ({e.employee.id})"
                              for e in overview.employees) or "none"  # fmt: skip
            raise InvalidInput(
                f"{overview.case_number} has {len(overview.employees)} subject employees "
                f"({names}); say which with --employee."
            )
        return overview.case_id, overview.employees[0].employee.id
    found = employees.resolve_employee(ctx.database, ctx.actor, overview.agency_code, ref)
    return overview.case_id, found


def cmd_notice(ctx: Context) -> int:
    args = ctx.args
    action = parse_action(args.action)
    delivery = parse_delivery(args.delivery)
    issued = parse_date(args.issued, "Notice date")
    assert issued is not None
    explanation = (
        read_text_file(args.evidence_file, "an explanation of the evidence", SUMMARY_MAX)
        if args.evidence_file
        else args.evidence
    )
    case_id, who = employee_id(ctx, args.case, args.employee)
    info = discipline.issue_notice(
        ctx.database, ctx.actor, case_id,
        NoticeInput(who, action, issued, delivery, args.delivered_by, args.days,
                    tuple(args.allegation), args.response_days, explanation,
                    args.status_pending),
    )  # fmt: skip
    if args.json:
        print_json(info)
        return 0
    print(
        f"Notice recorded: {info.proposed_label} proposed, given {info.issued_on} "
        f"({info.delivery_method.label.lower()}, by {info.delivered_by}); charges: "
        f"{', '.join(info.charges)}."
    )
    print(f"Response due {info.response_due}: {info.response_due_note}.")
    return 0


def cmd_response(ctx: Context) -> int:
    args = ctx.args
    received = parse_date(args.received, "Date received") if args.received else None
    summary = (
        read_text_file(args.summary_file, "the response summary", SUMMARY_MAX)
        if args.summary_file
        else args.summary
    )
    files = tuple(
        ResponseFileInput(
            os.path.basename(path), read_bounded(path, RESPONSE_FILE_MAX, "a response file")
        )
        for path in args.file
    )
    case_id, who = employee_id(ctx, args.case, args.employee)
    info = discipline.record_response(
        ctx.database, ctx.actor, case_id, who, received_on=received, summary=summary, files=files
    )
    if args.json:
        print_json(info)
        return 0
    if info.none_by_deadline:
        print("Recorded: no response by the deadline.")
    else:
        late = " (after the deadline)" if info.late else ""
        print(f"Response received {info.received_on}{late} recorded.")
    for f in info.files:
        print(f"  {f.filename}  {f.size} bytes  {f.media_type}  SHA-256 {f.sha256}")
    return 0


def cmd_appeal(ctx: Context) -> int:
    args = ctx.args
    case_id, who = employee_id(ctx, args.case, args.employee)
    if args.filed:
        filed = parse_date(args.filed, "Filing date")
        assert filed is not None
        info = discipline.record_appeal(ctx.database, ctx.actor, case_id, who, filed)
    else:
        outcome: AppealOutcome = parse_appeal_outcome(args.outcome)
        decided = parse_date(args.on, "Outcome date")
        if decided is None:
            raise InvalidInput("--outcome needs --on, the day the appeal was decided.")
        info = discipline.record_appeal_outcome(
            ctx.database, ctx.actor, case_id, who, outcome, decided, args.note
        )
    if args.json:
        print_json(info)
        return 0
    line = f"Appeal to the {info.body}, filed {info.filed_on}"
    if info.deadline:
        late = "; filed late" if info.late else ""
        line += f" (deadline {info.deadline}{late}: {info.deadline_note})"
    if info.outcome:
        line += f": {info.outcome.label.lower()} on {info.outcome_on}"
    print(line + ".")
    return 0


def cmd_refer(ctx: Context) -> int:
    args = ctx.args
    on = parse_date(args.on, "Referral date")
    assert on is not None
    case_id, who = employee_id(ctx, args.case, args.employee)
    info = discipline.refer_to_provider(
        ctx.database, ctx.actor, case_id,
        ReferralInput(who, args.provider, on, args.sent_by, tuple(args.allegation), args.note),
    )  # fmt: skip
    if args.json:
        print_json(info)
        return 0
    print(
        f"Referred to {info.provider} on {info.referred_on}: {', '.join(info.charges)}. The "
        "provider decides any discipline."
    )
    return 0


def cmd_flow(ctx: Context) -> int:
    args = ctx.args
    case_id, who = employee_id(ctx, args.case, args.employee)
    flow = discipline.discipline_flow(ctx.database, ctx.actor, case_id, who)
    if args.json:
        print_json(flow)
        return 0
    print_flow(flow)
    return 0


def print_flow(flow: DisciplineFlow) -> None:
    """One employee's flow as text."""
    regime = flow.regime.label if flow.regime else "not recorded"
    pairs: list[tuple[str, object]] = [
        ("Employee", f"{flow.employee.full_name} (id {flow.employee.id}); regime: {regime}"),
        ("Employer", f"{flow.employer} ({flow.case_number}, {flow.case_status.label})"),
        ("Stands", flow.stage.label),
        ("Next", flow.next_step),
    ]
    if flow.notice:
        n = flow.notice
        pairs += [
            ("Notice", f"{n.proposed_label} proposed; given {n.issued_on} "
                       f"({n.delivery_method.label.lower()}, by {n.delivered_by})"),
            ("Charges", ", ".join(n.charges)),
            ("Response due", f"{n.response_due} ({n.response_due_note})"),
        ]  # fmt: skip
    if flow.response:
        r = flow.response
        pairs.append(
            (
                "Response",
                "none by the deadline"
                if r.none_by_deadline
                else f"received {r.received_on}{' (late)' if r.late else ''}: {r.summary}",
            )
        )
    if flow.decision:
        d = flow.decision
        state = " (withdrawn: " + d.withdrawal_reason + ")" if d.withdrawn else ""
        pairs += [("Decision", f"{d.label}, effective {d.effective_on}{state}"),
                  ("Decided by", d.decision_maker_name or d.decided_by)]  # fmt: skip
        if d.suspension_first_day:
            back = f", return {d.return_to_work_on}" if d.return_to_work_on else ""
            pairs.append(("Suspension", f"{d.suspension_first_day} to "
                          f"{d.suspension_last_day}{back}"))  # fmt: skip
        pairs.append(("Appeal rights", flow.appeal_statement))
    if flow.appeal:
        a = flow.appeal
        outcome = f"; {a.outcome.label.lower()} on {a.outcome_on}" if a.outcome else ""
        pairs.append(("Appeal", f"to the {a.body}, filed {a.filed_on}{outcome}"))
    if flow.referral:
        f = flow.referral
        pairs.append(("Referral", f"to {f.provider} on {f.referred_on}"))
    print_fields(pairs)
    print()
    print("The employer's rules that apply:")
    for rule in flow.rules:
        source = f" [{rule.citation}]" if rule.citation else ""
        print(textwrap.fill(f"{rule.topic}: {rule.text}{source}", width=100,
                            initial_indent="- ", subsequent_indent="  "))  # fmt: skip
