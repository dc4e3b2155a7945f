"""The detail pane of an authorization or a credential record, as HTML for a text browser."""

from __future__ import annotations

import datetime as dt
import html

from app.domain.authorizations.credentials import CredentialOrigin, RequestStatus
from app.domain.authorizations.ma_dys import AuthorizationKind
from app.domain.wording import counted
from app.services.authorizations import AuthorizationInfo
from app.services.credential_requests import CredentialRequestInfo
from app.ui.authorizations import labels
from app.ui.case_view.support import local_time
from app.ui.i18n import tr
from app.ui.palette import css, error_colour, muted_colour

_C = "AuthorizationDetails"


def _warn() -> str:
    """The style of a warning in the details: the palette's error colour, bold."""
    return f"color: {css(error_colour())}; font-weight: bold;"


def _muted() -> str:
    return css(muted_colour())


def _e(text: object) -> str:
    return html.escape(str(text))


def _entries(heading: str, entries: list[tuple[str, str, str]], empty: str) -> str:
    """``heading``, then one bullet per (when, what, recorded by), or ``empty`` if none."""
    if not entries:
        return f"<h4>{_e(heading)}</h4><p>{_e(empty)}</p>"
    items = "".join(
        f"<li><b>{_e(when)}</b> {_e(what)} <span style='color: {_muted()};'>({_e(who)})</span></li>"
        for when, what, who in entries
    )
    return f"<h4>{_e(heading)}</h4><ul>{items}</ul>"


def _table(rows: list[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td style='padding-right: 12px; color: {_muted()};'>{_e(k)}</td><td>{v}</td></tr>"
        for k, v in rows
        if v
    )
    return f"<table cellspacing='2'>{cells}</table>"


def _yes(value: bool) -> str:
    return _e(tr(_C, "Yes") if value else tr(_C, "No"))


def authorization_html(info: AuthorizationInfo, today: dt.date | None = None) -> str:
    """Everything recorded about one authorization, its review status first when overdue."""
    today = today or dt.date.today()
    state = labels.state_of(info.starts_on, info.ends_on, info.revoked_on, info.active, today)
    parts = [f"<h3>{_e(tr(_C, 'Authorization {0}').format(info.id))} · "
             f"{_e(labels.kind_labels()[info.kind])}</h3>"]  # fmt: skip
    if info.kind is AuthorizationKind.INVESTIGATION:
        confidential = tr(
            _C, "Confidential (MA-DYS-01.05.22 B.3.a): every view is recorded in the audit log."
        )
        parts.append(f"<p><i>{_e(confidential)}</i></p>")
    if info.review_overdue and info.review is not None:
        parts.append(
            f"<p style='{_warn()}'>"
            + _e(tr(_C, "Review meeting overdue by {0}: it was due on {1} "
                        "(MA-DYS-01.05.22 B.3.b).").format(
                counted(info.review.days_overdue, tr(_C, "day"), tr(_C, "days")),
                labels.date_text(info.review.due_on)))
            + "</p>"
        )  # fmt: skip
    rows = [
        (tr(_C, "State"), _e(labels.state_labels()[state])),
        (tr(_C, "Agency"), _e(info.agency_code)),
        (tr(_C, "Employee authorized"), _e(info.employee_name)),
        (tr(_C, "Role"), _e(labels.role_label(info.kind, info.role))),
        (tr(_C, "Authorized in writing by"), _e(info.supervisor_name)),
        (tr(_C, "Written authorization dated"), _e(info.written_on.isoformat())),
        (tr(_C, "Platform"), _e(info.platform)),
        (tr(_C, "Account"), _e(info.account_name)),
        (tr(_C, "Youth case"), _e(info.youth_case)),
        (tr(_C, "Case"), _e(info.case_number or "")),
        (tr(_C, "Period"), _e(labels.period_text(info.starts_on, info.ends_on))),
    ]
    if info.kind is AuthorizationKind.SUPERVISION:
        rows += [
            (tr(_C, "No contact with youth (B.2.a)"), _yes(info.attests_no_youth_contact)),
            (tr(_C, "True identity (B.2.b)"), _yes(info.attests_true_identity)),
            (tr(_C, "Site shows viewers"), _yes(info.site_shows_viewers)),
            (tr(_C, "Privacy settings enabled (B.2.d)"), _yes(info.privacy_settings_enabled)),
        ]
    else:
        rows.append(
            (tr(_C, "Communication with youth approved (B.3.c)"),
             _yes(info.youth_communication_approved))
        )  # fmt: skip
        if info.review is not None:
            rows.append((tr(_C, "Next review due"),
                         _e(labels.date_text(info.review.due_on, tr(_C, "none")))))  # fmt: skip
    if info.revoked_on is not None:
        rows.append((tr(_C, "Revoked from"), _e(info.revoked_on.isoformat())))
        rows.append((tr(_C, "Reason"), _e(info.revoked_reason)))
    rows.append((tr(_C, "Logged by"),
                 _e(f"{info.created_by}, {local_time(info.created_at)}")))  # fmt: skip
    parts.append(_table(rows))
    if info.notes:
        parts.append(f"<p><b>{_e(tr(_C, 'Notes'))}</b><br>{_e(info.notes)}</p>")
    if info.kind is AuthorizationKind.INVESTIGATION:
        parts.append(
            _entries(
                tr(_C, "Review meetings (B.3.b)"),
                [(r.met_on.isoformat(), f"— {r.notes}", r.recorded_by) for r in info.reviews],
                tr(_C, "No review meeting recorded yet."),
            )
        )
    return "".join(parts)


def request_html(info: CredentialRequestInfo) -> str:
    """Everything recorded about one credential record; never a password."""
    status = labels.request_status_labels()[info.status]
    title = (
        tr(_C, "Inadvertent receipt {0}")
        if info.origin is CredentialOrigin.INADVERTENT
        else tr(_C, "Credential request {0}")
    ).format(info.id)
    parts = [f"<h3>{_e(title)} · {_e(status)}</h3>"]
    if info.status is RequestStatus.INADVERTENT:
        parts.append(
            f"<p style='{_warn()}'>"
            + _e(tr(_C, "AR-DHS II(H); Ark. Code Ann. § 11-2-124: these credentials were "
                        "received inadvertently and may not be used to access the account."))
            + "</p>"
        )  # fmt: skip
    if info.status is RequestStatus.EXCLUDED:
        parts.append(
            "<p><b>"
            + _e(tr(_C, "Not a personal account ({0}): recorded as the exclusion; no credential "
                        "request applies.").format("; ".join(info.exclusion_citations)))
            + "</b></p>"
        )  # fmt: skip
    violation = ""
    if info.violation_kind is not None:
        kind = labels.violation_kind_labels()[info.violation_kind]
        violation = f"{kind}: {info.violation_provision}"
    rows = [
        (tr(_C, "Agency"), _e(info.agency_code)),
        (tr(_C, "Case"), _e(info.case_number or tr(_C, "none"))),
        (tr(_C, "Employee"), _e(info.employee_name)),
        (tr(_C, "Platform"), _e(info.platform)),
        (tr(_C, "Account"), _e(info.account_name)),
        (tr(_C, "Investigating office"), _e(info.office_label)),
        (tr(_C, "Suspected violation"), _e(violation)),
        (tr(_C, "Account"), _e(labels.exclusion_labels()[info.account_exclusion])
         if info.status is RequestStatus.EXCLUDED else ""),
        (tr(_C, "Received through"),
         _e(labels.receipt_channel_labels()[info.received_via]) if info.received_via else ""),
        (tr(_C, "Received on"), _e(labels.date_text(info.received_on))),
        (tr(_C, "Requested by") if info.origin is CredentialOrigin.REQUEST
         else tr(_C, "Recorded by"), _e(f"{info.requested_by}, {local_time(info.requested_at)}")),
    ]  # fmt: skip
    if info.decided_by is not None and info.decided_at is not None:
        verb = (
            tr(_C, "Approved by")
            if info.status is not RequestStatus.DENIED
            else tr(_C, "Denied by")
        )
        rows.append((verb, _e(f"{info.decided_by}, {local_time(info.decided_at)}")))
        rows.append((tr(_C, "Decision note"), _e(info.decision_note)))
    if info.provided_at is not None:
        rows.append(
            (tr(_C, "Credentials provided"),
             _e(tr(_C, "by {0} to {1}, {2}").format(info.provided_by, info.provided_to,
                                                    local_time(info.provided_at))))
        )  # fmt: skip
    if info.ended_at is not None:
        rows.append((tr(_C, "Ended"), _e(f"{local_time(info.ended_at)} — {info.ended_reason}")))
    parts.append(_table(rows))
    if info.justification:
        parts.append(
            f"<p><b>{_e(tr(_C, 'Justification (reasonable belief, AR-DHS II(G))'))}</b><br>"
            f"{_e(info.justification)}</p>"
        )
    if info.description:
        parts.append(f"<p><b>{_e(tr(_C, 'Description'))}</b><br>{_e(info.description)}</p>")
    parts.append(
        f"<p style='color: {_muted()};'>"
        + _e(tr(_C, "No password is ever stored: the record says only that credentials were "
                    "provided, by whom, to whom and when."))
        + "</p>"
    )  # fmt: skip
    if info.origin is CredentialOrigin.REQUEST:
        uses = [
            (local_time(u.used_at), f"· {u.case_number} — {u.purpose}", u.used_by)
            for u in info.uses
        ]
        parts.append(_entries(tr(_C, "Uses of the credentials"), uses, tr(_C, "No use recorded.")))
    return "".join(parts)
