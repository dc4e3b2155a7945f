"""The ``authorization`` and ``credential-request`` commands.

``authorization add|list|review|revoke``: MA DYS 01.05.22 supervision (B.2)
and investigation (B.3) authorizations. ``credential-request
new|approve|deny|provided|use|list|inadvertent``: credential requests under
the agency's rule pack (Arkansas: DHS policy II(G), Ark. Code Ann. § 11-2-124).
A refusal exits 1 and prints every reason with its citations; bad input exits 2.
"""

from __future__ import annotations

import argparse
import enum

from app.cli.context import Context
from app.cli.output import local_time, print_json, print_table
from app.domain.authorizations.credentials import (
    AccountExclusion,
    Demand,
    ReceiptChannel,
    RequestStatus,
    ViolationKind,
)
from app.domain.authorizations.ma_dys import (
    AuthorizationKind,
    InvestigationRole,
    SupervisionRole,
    parse_enum,
)
from app.domain.cases import CaseNumber
from app.domain.errors import InvalidInput
from app.domain.validation import parse_date
from app.services import authorizations, cases, credential_requests, employees
from app.services.authorizations import AuthorizationInfo
from app.services.credential_requests import CredentialRequestInfo


def _choices(kind: type[enum.Enum]) -> str:
    return ", ".join(m.value for m in kind)


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: list[argparse.ArgumentParser],
) -> None:
    """Add the ``authorization`` and ``credential-request`` commands."""
    _register_authorization(commands, common)
    _register_credential_request(commands, common)


def _register_authorization(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: list[argparse.ArgumentParser],
) -> None:
    parser = commands.add_parser(
        "authorization", parents=common, help="MA DYS social-media authorizations (B.2, B.3)"
    )
    sub = parser.add_subparsers(dest="authorization_command", required=True, metavar="COMMAND")

    add = sub.add_parser("add", parents=common, help="log a written authorization")
    add.add_argument("kind", help=f"kind: {_choices(AuthorizationKind)}")
    add.add_argument("--agency", default="MADYS", help="agency code (default MADYS)")
    add.add_argument("--employee", required=True,
                     help="employee authorized: id, number or exact name")  # fmt: skip
    add.add_argument("--role", required=True,
                     help=f"supervision: {_choices(SupervisionRole)}; "
                          f"investigation: {_choices(InvestigationRole)}")  # fmt: skip
    add.add_argument("--supervisor", help="supervisor who granted it: id, number or exact name")
    add.add_argument("--written", help="date of the written authorization, YYYY-MM-DD")
    add.add_argument("--platform", default="", help="e.g. Facebook")
    add.add_argument("--account", default="",
                     help="account used (B.2) or investigation profile created (B.3)")  # fmt: skip
    add.add_argument("--youth-case", default="", help="the youth's case (B.2), e.g. JJEMS id")
    add.add_argument("--case", help="Casedesk case number (required for investigation)")
    add.add_argument("--attest-no-youth-contact", action="store_true",
                     help="B.2.a: no chatting, friending or communicating with youth")  # fmt: skip
    add.add_argument("--attest-true-identity", action="store_true",
                     help="B.2.b: no false names or identities; site rules followed")  # fmt: skip
    add.add_argument("--site-shows-viewers", action="store_true",
                     help="B.2.d: the site lets users see who views them")  # fmt: skip
    add.add_argument("--privacy-settings-enabled", action="store_true",
                     help="B.2.d: privacy settings hide the viewer")  # fmt: skip
    add.add_argument("--youth-communication-approved", action="store_true",
                     help="B.3.c: communication with youth approved")  # fmt: skip
    add.add_argument("--start", required=True, help="first day, YYYY-MM-DD")
    add.add_argument("--end", help="last day, YYYY-MM-DD (default: open-ended)")
    add.add_argument("--notes", default="")
    add.add_argument("--json", action="store_true", help="print JSON")
    add.set_defaults(handler=cmd_authorization_add)

    listing = sub.add_parser("list", parents=common, help="list authorizations")
    listing.add_argument("--kind", help=f"kind: {_choices(AuthorizationKind)}")
    listing.add_argument("--case", help="case number")
    listing.add_argument("--active-on", help="only those active on this date, YYYY-MM-DD")
    listing.add_argument("--overdue", action="store_true", help="only those overdue for review")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=cmd_authorization_list)

    review = sub.add_parser("review", parents=common,
                            help="record a review meeting with the supervisor (B.3.b)")  # fmt: skip
    review.add_argument("id", type=int, help="authorization id")
    review.add_argument("--met-on", required=True, help="date of the meeting, YYYY-MM-DD")
    review.add_argument("--notes", required=True, help="what was reviewed")
    review.set_defaults(handler=cmd_authorization_review)

    revoke = sub.add_parser("revoke", parents=common, help="revoke an authorization")
    revoke.add_argument("id", type=int, help="authorization id")
    revoke.add_argument("--reason", required=True)
    revoke.add_argument(
        "--on", dest="revoked_on", help="from this date, YYYY-MM-DD (default today)"
    )
    revoke.set_defaults(handler=cmd_authorization_revoke)


def _register_credential_request(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: list[argparse.ArgumentParser],
) -> None:
    parser = commands.add_parser(
        "credential-request", parents=common,
        help="credential requests for formal investigations (AR-DHS II(G), § 11-2-124)",
    )  # fmt: skip
    sub = parser.add_subparsers(dest="credential_command", required=True, metavar="COMMAND")

    new = sub.add_parser("new", parents=common, help="request an employee's credentials")
    new.add_argument("--case", help="case number of the formal investigation")
    new.add_argument("--agency", help="agency code (default: the case's agency)")
    new.add_argument("--employee", required=True, help="id, number or exact name")
    new.add_argument("--platform", required=True)
    new.add_argument("--account", required=True, help="the account's name or handle")
    new.add_argument("--office", default="",
                     help="office conducting the investigation, e.g. internal_affairs_fraud, "
                          "privacy_office, security_office")  # fmt: skip
    new.add_argument("--violation-kind", help=f"suspected violation of: {_choices(ViolationKind)}")
    new.add_argument("--violation-provision", default="",
                     help="the provision, e.g. 'AR-DHS II(A)'")  # fmt: skip
    new.add_argument("--justification", default="",
                     help="why the account activity is reasonably believed relevant")  # fmt: skip
    new.add_argument("--exclusion", default=AccountExclusion.NONE.value,
                     help=f"not a personal account: {_choices(AccountExclusion)}")  # fmt: skip
    new.add_argument("--public-information", action="store_true",
                     help="some of the information sought is publicly available: it may be "
                          "viewed without any request (AR-DHS II(E)); this bars no request "
                          "that meets II(G)")  # fmt: skip
    new.add_argument("--demand", action="append", default=[],
                     help=f"anything else asked of the employee: {_choices(Demand)}")  # fmt: skip
    new.add_argument("--json", action="store_true", help="print JSON")
    new.set_defaults(handler=cmd_credential_new)

    approve = sub.add_parser("approve", parents=common, help="approve a pending request")
    approve.add_argument("id", type=int)
    approve.add_argument("--note", default="")
    approve.set_defaults(handler=cmd_credential_approve)

    deny = sub.add_parser("deny", parents=common, help="deny a pending request")
    deny.add_argument("id", type=int)
    deny.add_argument("--reason", required=True)
    deny.set_defaults(handler=cmd_credential_deny)

    provided = sub.add_parser("provided", parents=common,
                              help="record that the employee provided the credentials "
                                   "(never the credentials themselves)")  # fmt: skip
    provided.add_argument("id", type=int)
    provided.add_argument("--by", required=True, help="who provided them")
    provided.add_argument("--to", required=True, help="user name of who received them")
    provided.add_argument("--at", help="when, ISO 8601 with offset (default now)")
    provided.set_defaults(handler=cmd_credential_provided)

    use = sub.add_parser("use", parents=common, help="record a use of approved credentials")
    use.add_argument("id", type=int)
    use.add_argument("--case", required=True, help="case number the use is for")
    use.add_argument("--purpose", required=True)
    use.set_defaults(handler=cmd_credential_use)

    listing = sub.add_parser("list", parents=common, help="list credential records")
    listing.add_argument("--case", help="case number")
    listing.add_argument("--status", help=f"status: {_choices(RequestStatus)}")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=cmd_credential_list)

    inadvertent = sub.add_parser("inadvertent", parents=common,
                                 help="record credentials received inadvertently")  # fmt: skip
    inadvertent.add_argument("--agency", required=True, help="agency code")
    inadvertent.add_argument("--employee", required=True, help="id, number or exact name")
    inadvertent.add_argument("--platform", required=True)
    inadvertent.add_argument("--account", required=True)
    inadvertent.add_argument(
        "--via", required=True, help=f"received via: {_choices(ReceiptChannel)}"
    )
    inadvertent.add_argument("--received-on", required=True, help="YYYY-MM-DD")
    inadvertent.add_argument("--case", help="case number, if it concerns one")
    inadvertent.add_argument("--description", default="")
    inadvertent.add_argument("--json", action="store_true", help="print JSON")
    inadvertent.set_defaults(handler=cmd_credential_inadvertent)


# -- authorization ---------------------------------------------------------------------


def _case_id(ctx: Context, number: str | None) -> int | None:
    return cases.case_id_of(ctx.database, ctx.actor, number) if number else None


def _describe(info: AuthorizationInfo) -> str:
    state = "revoked" if info.revoked_on else ("active" if info.active else "not active")
    review = ""
    if info.review is not None and info.review.due_on is not None:
        review = f"; next review due {info.review.due_on}"
        if info.review.overdue:
            review += f" (OVERDUE by {info.review.days_overdue} days)"
    return (
        f"Authorization {info.id} ({info.kind.label}): {info.employee_name} on {info.platform} "
        f"account {info.account_name}, granted by {info.supervisor_name} in writing on "
        f"{info.written_on}, from {info.starts_on} to {info.ends_on or 'open-ended'}; "
        f"{state}{review}."
    )


def cmd_authorization_add(ctx: Context) -> int:
    args = ctx.args
    database, actor = ctx.database, ctx.actor
    kind = parse_enum(AuthorizationKind, args.kind, "kind of authorization", "kind")
    employee = employees.resolve_employee(database, actor, args.agency, args.employee)
    supervisor = (
        employees.resolve_employee(database, actor, args.agency, args.supervisor)
        if args.supervisor
        else None
    )
    case_id = _case_id(ctx, args.case)
    if kind is AuthorizationKind.SUPERVISION:
        info = authorizations.add_supervision(
            database,
            actor,
            authorizations.SupervisionFields(
                employee_id=employee,
                role=args.role,
                supervisor_id=supervisor,
                written_on=args.written,
                platform=args.platform,
                account_name=args.account,
                youth_case=args.youth_case,
                attests_no_youth_contact=args.attest_no_youth_contact,
                attests_true_identity=args.attest_true_identity,
                site_shows_viewers=args.site_shows_viewers,
                privacy_settings_enabled=args.privacy_settings_enabled,
                starts_on=args.start,
                ends_on=args.end,
                case_id=case_id,
                notes=args.notes,
            ),
        )
    else:
        if case_id is None:
            raise InvalidInput(
                "An investigation authorization names its investigation: give --case NUMBER.",
                field="case",
            )
        info = authorizations.add_investigation(
            database,
            actor,
            authorizations.InvestigationFields(
                employee_id=employee,
                role=args.role,
                supervisor_id=supervisor,
                written_on=args.written,
                platform=args.platform,
                account_name=args.account,
                case_id=case_id,
                youth_communication_approved=args.youth_communication_approved,
                starts_on=args.start,
                ends_on=args.end,
                notes=args.notes,
            ),
        )
    if args.json:
        print_json(info)
    else:
        print(f"Logged. {_describe(info)}")
    return 0


def cmd_authorization_list(ctx: Context) -> int:
    args = ctx.args
    database, actor = ctx.database, ctx.actor
    items = authorizations.list_authorizations(
        database,
        actor,
        kind=args.kind,
        case_id=_case_id(ctx, args.case),
        active_on=parse_date(args.active_on, "Active on"),
        overdue_only=args.overdue,
    )
    if args.json:
        print_json(items)
        return 0
    rows = []
    for i in items:
        flag = ""
        if i.review is not None and i.review.overdue:
            flag = f"OVERDUE {i.review.days_overdue}d"
        elif i.review is not None and i.review.due_on is not None:
            flag = f"due {i.review.due_on}"
        state = "revoked" if i.revoked_on else ("active" if i.active else "inactive")
        rows.append(
            (i.id, i.kind.value, i.employee_name, i.role, i.supervisor_name, i.platform,
             i.account_name, i.case_number or i.youth_case, i.starts_on, i.ends_on or "",
             state, flag)
        )  # fmt: skip
    print_table(
        ("ID", "Kind", "Employee", "Role", "Supervisor", "Platform", "Account", "Case",
         "Start", "End", "State", "Review"),
        rows,
    )  # fmt: skip
    return 0


def cmd_authorization_review(ctx: Context) -> int:
    args = ctx.args
    info = authorizations.record_review(
        ctx.database, ctx.actor, args.id, met_on=args.met_on, notes=args.notes
    )
    print(f"Review meeting recorded. {_describe(info)}")
    return 0


def cmd_authorization_revoke(ctx: Context) -> int:
    args = ctx.args
    info = authorizations.revoke_authorization(
        ctx.database, ctx.actor, args.id, revoked_on=args.revoked_on, reason=args.reason
    )
    print(f"Revoked from {info.revoked_on}. {_describe(info)}")
    return 0


# -- credential-request ----------------------------------------------------------------


def _agency(args: argparse.Namespace) -> str:
    if args.agency:
        return str(args.agency)
    if args.case:
        return CaseNumber.parse(args.case).agency_code
    raise InvalidInput("Give --agency CODE (or --case NUMBER) to find the employee.")


def _describe_request(info: CredentialRequestInfo) -> str:
    case = f" for case {info.case_number}" if info.case_number else ""
    return (
        f"Credential record {info.id} ({info.status.value}): {info.employee_name}'s "
        f"{info.platform} account {info.account_name}{case}."
    )


def cmd_credential_new(ctx: Context) -> int:
    args = ctx.args
    database, actor = ctx.database, ctx.actor
    employee = employees.resolve_employee(database, actor, _agency(args), args.employee)
    info = credential_requests.new_request(
        database,
        actor,
        credential_requests.CredentialRequestFields(
            case_id=_case_id(ctx, args.case),
            employee_id=employee,
            platform=args.platform,
            account_name=args.account,
            office=args.office,
            violation_kind=args.violation_kind,
            violation_provision=args.violation_provision,
            justification=args.justification,
            account_exclusion=args.exclusion,
            information_public=args.public_information,
            demands=frozenset(args.demand),
        ),
    )
    if args.json:
        print_json(info)
    elif info.status is RequestStatus.EXCLUDED:
        cited = "; ".join(info.exclusion_citations)
        print(
            f"{_describe_request(info)} The account is not a personal social media account, so "
            f"no credential request applies; recorded as that exclusion [{cited}]."
        )
    else:
        print(f"{_describe_request(info)} Awaiting approval by a supervisor other than you.")
        if args.public_information:
            print(
                "Note: what is publicly available may be viewed without any request; the "
                "request is for the account activity that is not."
            )
    return 0


def cmd_credential_approve(ctx: Context) -> int:
    args = ctx.args
    info = credential_requests.approve_request(ctx.database, ctx.actor, args.id, note=args.note)
    print(f"Approved. {_describe_request(info)}")
    return 0


def cmd_credential_deny(ctx: Context) -> int:
    args = ctx.args
    info = credential_requests.deny_request(ctx.database, ctx.actor, args.id, note=args.reason)
    print(f"Denied. {_describe_request(info)}")
    return 0


def cmd_credential_provided(ctx: Context) -> int:
    args = ctx.args
    info = credential_requests.record_credentials_provided(
        ctx.database, ctx.actor, args.id, provided_by=args.by, provided_to=args.to,
        provided_at=args.at,
    )  # fmt: skip
    print(
        f"Recorded: {info.provided_by} provided the credentials to {info.provided_to} at "
        f"{local_time(info.provided_at)}. {_describe_request(info)}"
    )
    return 0


def cmd_credential_use(ctx: Context) -> int:
    args = ctx.args
    case_id = cases.case_id_of(ctx.database, ctx.actor, args.case)
    use = credential_requests.record_use(
        ctx.database, ctx.actor, args.id, case_id=case_id, purpose=args.purpose
    )
    print(f"Use {use.id} of credential request {use.request_id} recorded for {use.case_number}.")
    return 0


def cmd_credential_list(ctx: Context) -> int:
    args = ctx.args
    items = credential_requests.list_requests(
        ctx.database, ctx.actor, case_id=_case_id(ctx, args.case), status=args.status
    )
    if args.json:
        print_json(items)
        return 0
    rows = [
        (i.id, i.status.value, i.case_number or "", i.employee_name, i.platform, i.account_name,
         i.office_label, i.requested_by, i.decided_by or "", len(i.uses))
        for i in items
    ]  # fmt: skip
    print_table(
        ("ID", "Status", "Case", "Employee", "Platform", "Account", "Office", "Requested by",
         "Decided by", "Uses"),
        rows,
    )  # fmt: skip
    return 0


def cmd_credential_inadvertent(ctx: Context) -> int:
    args = ctx.args
    database, actor = ctx.database, ctx.actor
    employee = employees.resolve_employee(database, actor, args.agency, args.employee)
    info = credential_requests.record_inadvertent(
        database,
        actor,
        credential_requests.InadvertentFields(
            employee_id=employee,
            platform=args.platform,
            account_name=args.account,
            received_via=args.via,
            received_on=args.received_on,
            description=args.description,
            case_id=_case_id(ctx, args.case),
        ),
    )
    if args.json:
        print_json(info)
    else:
        print(
            f"{_describe_request(info)} Recorded as received inadvertently; these credentials "
            "may never be used to access the account."
        )
    return 0
