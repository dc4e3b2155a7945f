"""The authorization log of an agency over a period (MA DYS B.2/B.3; AR-DHS II(G), II(H))."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select

import reports
from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import (
    User,
)
from app.domain.actor import Actor
from app.domain.authorizations.credentials import (
    AccountExclusion,
    CredentialOrigin,
    ReceiptChannel,
    RequestStatus,
)
from app.domain.authorizations.ma_dys import AuthorizationKind
from app.domain.errors import InvalidInput
from app.domain.permissions import Permission
from app.domain.zones import agency_zone, last_day_begun
from app.services import authorizations, credential_requests
from app.services.database import Database
from app.services.employees import find_agency
from app.services.reporting.common import (
    Deliver,
    GeneratedReportInfo,
    Progress,
    agency_of,
    checkpointed,
    no_progress,
    record,
    render_progress,
    rendered,
    role_text,
)


def _overlaps(
    start: dt.date, end: dt.date | None, period_from: dt.date, period_to: dt.date
) -> bool:
    return start <= period_to and (end is None or end >= period_from)


def _authorization_status(info: authorizations.AuthorizationInfo, today: dt.date) -> str:
    if info.revoked_on is not None:
        return f"Revoked {info.revoked_on.isoformat()}"
    if info.active:
        return "Active"
    if info.starts_on > today:
        return "Not yet started"
    return "Ended"


#: Which sections of the log each jurisdiction's policies call for: the MA DYS
#: authorizations (01.05.22 B.2, B.3) and the AR DHS credential records
#: (002 II(G), II(H); Ark. Code Ann. § 11-2-124).
AUTHORIZATION_JURISDICTIONS = {"MA"}
CREDENTIAL_JURISDICTIONS = {"AR"}


#: The attestations of an authorization, as the log states them (MA DYS 01.05.22).
_ATTESTATIONS = (
    ("attests_no_youth_contact", "no chatting, friending or other communication with youth "
     "from the account (B.2.a)"),
    ("attests_true_identity", "no false name or identity (B.2.b)"),
    ("privacy_settings_enabled", "privacy settings enabled (B.2.d)"),
    ("youth_communication_approved", "communication with youth approved for the "
     "investigation (B.3.c)"),
)  # fmt: skip


def _authorization_note(info: authorizations.AuthorizationInfo) -> str:
    """Written authorization, attestations, review history and any revocation, in a note."""
    lines = [f"Written authorization dated {info.written_on.isoformat()}."]
    attested = [text for field, text in _ATTESTATIONS if getattr(info, field)]
    missing = [text for field, text in _ATTESTATIONS[:2] if not getattr(info, field)]
    if info.site_shows_viewers and not info.privacy_settings_enabled:
        missing.append("privacy settings enabled (B.2.d): the site shows who views a profile")
    lines.append("Attested: " + ("; ".join(attested) if attested else "nothing") + ".")
    if missing:
        lines.append("Not attested: " + "; ".join(missing) + ".")
    if info.kind is AuthorizationKind.INVESTIGATION:
        if info.reviews:
            lines.append(
                "Reviews with the supervisor (B.3.b): "
                + "; ".join(
                    f"{r.met_on.isoformat()}" + (f" ({r.notes})" if r.notes else "")
                    for r in info.reviews
                )
                + "."
            )
        else:
            lines.append("No review with the supervisor is recorded (B.3.b).")
    if info.revoked_on is not None and info.revoked_reason:
        lines.append(f"Reason for the revocation: {info.revoked_reason}")
    return "\n".join(lines)


def _authorization_entry(
    info: authorizations.AuthorizationInfo, today: dt.date
) -> reports.AuthorizationEntry:
    prefix = "SA" if info.kind is AuthorizationKind.SUPERVISION else "IA"
    concerns = info.youth_case or ""
    if info.case_number:
        concerns = f"{concerns} (case {info.case_number})" if concerns else info.case_number
    return reports.AuthorizationEntry(
        reference=f"{prefix}-{info.id:04d}",
        person=f"{info.employee_name} ({info.role.replace('_', ' ')})",
        granted_by=info.supervisor_name,
        account=info.account_name,
        platform=info.platform,
        concerns=concerns,
        starts_on=info.starts_on,
        ends_on=info.ends_on,
        status=_authorization_status(info, today),
        confidential=info.kind is AuthorizationKind.INVESTIGATION,
        last_review=info.reviews[-1].met_on if info.reviews else None,
        review_overdue=info.review_overdue,
        status_note=_authorization_note(info),
    )


def _when(moment: dt.datetime | None, zone: dt.tzinfo) -> str:
    """A moment in the log's zone with UTC beside it ("" when there is none)."""
    if moment is None:
        return ""
    utc = moment.astimezone(dt.UTC)
    local = utc.astimezone(zone)
    return f"{local:%Y-%m-%d %H:%M} {local.tzname()} ({utc:%Y-%m-%d %H:%M} UTC)"


def build_authorization_log(
    database: Database, actor: Actor, agency_code: str, period_from: dt.date, period_to: dt.date
) -> reports.AuthorizationLogReport:
    """The authorization log of an agency over a period (both days included).

    Investigation authorizations (B.3.a) and credential requests are
    confidential: they are included only for roles that may see them, and the
    report says when they were left out.
    """
    actor.require(Permission.REPORT_GENERATE)
    actor.require(Permission.AUTHORIZATION_VIEW)
    with database.unit_of_work() as uow:
        agency = find_agency(uow, agency_code)
        agency_data = agency_of(agency)
        jurisdiction = agency.jurisdiction
    today = last_day_begun(jurisdiction)  # app.domain.zones
    # The same words as the GUI's period check, for the command line.
    if period_from > today:
        raise InvalidInput(
            f"The first day is after today ({today.isoformat()}); the log covers days up to today.",
            field="period",
        )
    if period_to > today:
        raise InvalidInput(
            f"The last day is after today ({today.isoformat()}); choose today or an earlier day.",
            field="period",
        )
    if period_to < period_from:
        raise InvalidInput(
            f"The period ends ({period_to}) before it starts ({period_from}); swap the dates.",
            field="period",
        )
    zone, zone_text = agency_zone(jurisdiction)  # the zone the log prints local times in
    listed = [
        a
        for a in authorizations.list_authorizations(database, actor)
        if a.agency_code == agency_data.code
        and _overlaps(a.starts_on, a.revoked_on or a.ends_on, period_from, period_to)
    ]
    listed.sort(key=lambda a: (a.starts_on, a.id))
    sees_investigations = actor.can(Permission.INVESTIGATION_AUTHORIZATION_VIEW)
    sees_credentials = actor.can(Permission.CREDENTIAL_REQUEST_VIEW)
    requests: list[reports.CredentialRequestEntry] = []
    receipts: list[reports.InadvertentReceiptEntry] = []
    if sees_credentials:
        found_requests: list[credential_requests.CredentialRequestInfo] = []
        found_receipts: list[credential_requests.CredentialRequestInfo] = []
        for r in credential_requests.list_requests(database, actor):
            if r.agency_code != agency_data.code:
                continue
            if r.origin is CredentialOrigin.INADVERTENT:
                received = r.received_on or r.requested_at.astimezone(zone).date()
                if period_from <= received <= period_to:
                    found_receipts.append(r)
                continue
            # The period's days are the agency's (the log's zone), as printed.
            last = (r.ended_at or utcnow()).astimezone(zone).date()
            first = r.requested_at.astimezone(zone).date()
            if _overlaps(first, last, period_from, period_to):
                found_requests.append(r)
        with database.unit_of_work() as uow:
            names = _names_of_users(uow, [*found_requests, *found_receipts])
        requests = [_request(r, names, zone) for r in found_requests]
        receipts = [_receipt(r, names, zone) for r in found_receipts]
    requests.sort(key=lambda e: (e.requested_at, e.reference))
    receipts.sort(key=lambda e: (e.received_at, e.reference))
    period = f"{period_from.isoformat()} to {period_to.isoformat()}"
    return reports.AuthorizationLogReport(
        document=reports.DocumentInfo(
            title=f"Authorization log {agency_data.code} {period}",
            author=f"{actor.full_name} ({role_text(actor)})",
            subject="Social-media authorizations and credential requests",
            keywords=(agency_data.code, "MA DYS 01.05.22 B.2", "B.3", "AR-DHS II(G)"),
        ),
        agency=agency_data,
        period_from=period_from,
        period_to=period_to,
        report_date=today,
        prepared_by=f"{actor.full_name}, {role_text(actor)}",
        supervision=tuple(
            _authorization_entry(a, today)
            for a in listed
            if a.kind is AuthorizationKind.SUPERVISION
        ),
        investigation=tuple(
            _authorization_entry(a, today)
            for a in listed
            if a.kind is AuthorizationKind.INVESTIGATION
        ),
        credential_requests=tuple(requests),
        inadvertent_receipts=tuple(receipts),
        investigations_included=sees_investigations,
        credentials_included=sees_credentials,
        authorization_sections=jurisdiction in AUTHORIZATION_JURISDICTIONS or bool(listed),
        credential_sections=jurisdiction in CREDENTIAL_JURISDICTIONS or bool(requests or receipts),
        time_zone=zone_text,
    )


#: Why an account is not a personal account (AR-DHS I(A)-(D)), as the log says it.
_EXCLUSION_TEXT = {
    AccountExclusion.OPENED_AT_AGENCY_REQUEST: "opened by the employee at the agency's request",
    AccountExclusion.PROVIDED_BY_AGENCY: "provided to the employee by the agency",
    AccountExclusion.SET_UP_ON_AGENCY_BEHALF: "set up by the employee on the agency's behalf",
    AccountExclusion.IMPERSONATES_AGENCY: "set up by the employee to impersonate the agency",
}
_RECEIPT_CHANNELS = {
    ReceiptChannel.AGENCY_DEVICE: "An agency-provided device",
    ReceiptChannel.NETWORK_MONITORING: "Agency network monitoring",
}


def _names_of_users(
    uow: UnitOfWork, records: Sequence[credential_requests.CredentialRequestInfo]
) -> dict[str, str]:
    """Username -> full name of everyone the credential records name (the log prints names)."""
    usernames = {
        name
        for r in records
        for name in (r.requested_by, r.decided_by, r.provided_to, *(u.used_by for u in r.uses))
        if name
    }
    if not usernames:
        return {}
    rows = uow.session.execute(
        select(User.username, User.full_name).where(User.username.in_(usernames))
    )
    return {username: full_name for username, full_name in rows}


def _decision_label(r: credential_requests.CredentialRequestInfo) -> str:
    """The decision on the request; an ended request keeps the decision it had."""
    if r.status is RequestStatus.ENDED:
        return "Approved" if r.decided_at else "Not decided before the request ended"
    return r.status.label


def _request(
    r: credential_requests.CredentialRequestInfo, names: dict[str, str], zone: dt.tzinfo
) -> reports.CredentialRequestEntry:
    def name(username: str | None) -> str:
        return names.get(username, username) if username else ""

    exclusion = ""
    if r.account_exclusion is not AccountExclusion.NONE:
        exclusion = (
            f"The account was {_EXCLUSION_TEXT[r.account_exclusion]}, so it is not a personal "
            f"social media account and no credential request applies "
            f"({'; '.join(r.exclusion_citations)})."
        )
    return reports.CredentialRequestEntry(
        reference=f"CR-{r.id:04d}",
        case_number=r.case_number or "",
        employee=r.employee_name,
        office=r.office_label if r.office else "",
        suspected_violation=r.violation_provision
        or (r.violation_kind.value.replace("_", " ") if r.violation_kind else ""),
        justification=r.justification,
        requested_by=name(r.requested_by),
        requested_at=_when(r.requested_at, zone),
        decision=_decision_label(r),
        decided_by=name(r.decided_by),
        decided_at=_when(r.decided_at, zone),
        decision_reason=r.decision_note,
        uses=tuple(
            reports.CredentialUse(_when(u.used_at, zone), name(u.used_by), u.purpose)
            for u in r.uses
        ),
        ended_at=_when(r.ended_at, zone),
        ended_reason=r.ended_reason,
        platform=r.platform,
        account=r.account_name,
        provided_by=r.provided_by or "",
        provided_to=name(r.provided_to),
        provided_at=_when(r.provided_at, zone),
        exclusion=exclusion,
    )


def _receipt(
    r: credential_requests.CredentialRequestInfo, names: dict[str, str], zone: dt.tzinfo
) -> reports.InadvertentReceiptEntry:
    return reports.InadvertentReceiptEntry(
        reference=f"IR-{r.id:04d}",
        received_at=r.received_on.isoformat() if r.received_on else _when(r.requested_at, zone),
        employee=r.employee_name,
        how_received=_RECEIPT_CHANNELS[r.received_via] if r.received_via else "not recorded",
        recorded_by=names.get(r.requested_by, r.requested_by),
        note=r.description,
        platform=r.platform,
        account=r.account_name,
    )


def generate_authorization_log(
    database: Database,
    actor: Actor,
    agency_code: str,
    period_from: dt.date,
    period_to: dt.date,
    *,
    progress: Progress = no_progress,
    deliver: Deliver | None = None,
) -> GeneratedReportInfo:
    """Build, render and record the authorization log of an agency for a period."""
    report = build_authorization_log(database, actor, agency_code, period_from, period_to)
    report, checkpoint = checkpointed(database, report)
    pdf = rendered(
        reports.render_authorization_log,
        report,
        progress=render_progress(progress, "Rendering the authorization log…"),
    )
    scope = f"{report.agency.code} {period_from.isoformat()}..{period_to.isoformat()}"
    return record(
        database, actor, kind="authorizations", case_id=None, case_number=None, scope=scope,
        pdf=pdf,
        suggested_name=f"{report.agency.code}-authorizations-{period_from}-{period_to}.pdf",
        deliver=deliver, checkpoint=checkpoint,
    )  # fmt: skip
