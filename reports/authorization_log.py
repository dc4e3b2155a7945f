"""The authorization log of an agency over a period.

Supervision authorizations (MA DYS 01.05.22 B.2.c: who may view the account,
the supervisor who granted it, the account used, the youth's case),
investigation authorizations (B.3.a, confidential ones marked, with the
periodic review of B.3.b), credential requests under AR-DHS II(G) with
their decisions and every use, and inadvertently received credentials
(II(H)). When the reader's role may not see a confidential section, its
entries are left out and the section says that it is withheld, not that it
is empty, and not how many entries it holds.
"""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether, Spacer

from reports.authorization_log_model import (
    AuthorizationEntry,
    AuthorizationLogReport,
    CredentialRequestEntry,
)
from reports.fonts import markup
from reports.layout import (
    CELL_PADDING,
    TEXT_WIDTH,
    Styles,
    breakable,
    build_pdf,
    checkpoint_line,
    date_text,
    fields_table,
    grid_table,
    or_dash,
    para,
    rich,
    section_heading,
)
from reports.model import Progress

CONFIDENTIAL = "Confidential (B.3.a)"
#: Said in place of a section the reader's role may not see: that it is
#: withheld, never that it is empty, and never how many entries it holds.
WITHHELD = (
    "{what} are confidential and are not included in this report: the role of the person "
    "who generated it may not see them ({citation})."
)
INVESTIGATIONS_WITHHELD = (
    "Confidential investigation authorizations are not included in this report: the role of "
    "the person who generated it may not see them (MA DYS 01.05.22 B.3.a)."
)
CREDENTIALS_WITHHELD = WITHHELD.format(
    what="Credential requests", citation="AR-DHS II(G); Ark. Code Ann. \u00a7 11-2-124"
)
RECEIPTS_WITHHELD = WITHHELD.format(
    what="Records of inadvertently received credentials", citation="AR-DHS II(H)"
)

#: Column widths of the authorization tables, in inches; Status takes the rest.
_AUTHORIZATION_WIDTHS = (1.05, 0.95, 0.9, 1.2, 1.05, 0.8)


def _account(account: str, platform: str, width: float) -> str:
    name = breakable(account, width - CELL_PADDING)
    return f"{name}\n({platform})" if platform else name


def _authorizations(
    entries: tuple[AuthorizationEntry, ...], *, investigation: bool
) -> list[Flowable]:
    widths = [w * inch for w in _AUTHORIZATION_WIDTHS]
    widths.append(TEXT_WIDTH - sum(widths))
    rows: list[list[Flowable | str]] = []
    notes: list[str | None] = []
    shaded: list[int] = []
    for index, entry in enumerate(entries):
        reference = markup(entry.reference)
        if entry.confidential:
            reference += '<br/><font color="#8b0000"><b>Confidential<br/>(B.3.a)</b></font>'
            shaded.append(index)
        status = markup(entry.status)
        if investigation:
            status += f"<br/>last review {date_text(entry.last_review)}"
            if entry.review_overdue:
                status += '<br/><font color="#8b0000"><b>Review overdue (B.3.b)</b></font>'
        rows.append(
            [
                rich(reference, Styles.cell),
                entry.person,
                entry.granted_by,
                _account(entry.account, entry.platform, widths[3]),
                breakable(entry.concerns, widths[4] - CELL_PADDING),
                f"{date_text(entry.starts_on)}\nto "
                + (date_text(entry.ends_on) if entry.ends_on else "open"),
                rich(status, Styles.cell),
            ]
        )
        notes.append(entry.status_note or None)
    return [
        grid_table(
            ["Reference", "Authorized", "Granted by", "Account", "Concerns", "Period", "Status"],
            rows,
            widths,
            shaded_rows=shaded,
            notes=notes,
        )
    ]


def _decision(entry: CredentialRequestEntry) -> str:
    decided = ", ".join(p for p in (entry.decided_by, entry.decided_at) if p)
    decision = entry.decision + (f" by {decided}" if decided else "")
    if entry.decision_reason:
        decision += f": {entry.decision_reason}"
    return decision


def _provided(entry: CredentialRequestEntry) -> str:
    if not (entry.provided_by or entry.provided_to or entry.provided_at):
        return "not recorded"
    parts = [f"by {entry.provided_by}" if entry.provided_by else ""]
    parts.append(f"to {entry.provided_to}" if entry.provided_to else "")
    parts.append(entry.provided_at)
    return ", ".join(p for p in parts if p) + " (the credentials themselves are not stored)"


def _credential_request(entry: CredentialRequestEntry) -> list[Flowable]:
    story: list[Flowable] = [
        para(f"{entry.reference}: case {or_dash(entry.case_number)}, {entry.employee}",
             Styles.subheading),
    ]  # fmt: skip
    account = " on ".join(p for p in (entry.account, entry.platform) if p)
    requested = ", ".join(p for p in (entry.requested_by, entry.requested_at) if p)
    if entry.exclusion:
        story.append(
            fields_table(
                [
                    ("Account", account),
                    ("Not a personal account", entry.exclusion),
                    ("Recorded", requested),
                ],
                label_width=1.5 * inch,
            )
        )
        story.append(
            para(
                "Recorded as this exclusion instead of a credential request: no credentials "
                "were requested, provided or used.",
                Styles.small,
            )
        )
        story.append(Spacer(1, 6))
        return [KeepTogether(story)]
    ended = entry.ended_at or "open"
    if entry.ended_at and entry.ended_reason:
        ended += f": {entry.ended_reason}"
    story.append(
        fields_table(
            [
                ("Account", account),
                ("Investigating office", entry.office),
                ("Suspected violation", entry.suspected_violation),
                ("Justification", entry.justification),
                ("Requested", requested),
                ("Decision", _decision(entry)),
                ("Credentials provided", _provided(entry)),
                ("Investigation ended", ended),
            ],
            label_width=1.5 * inch,
        )
    )
    story = [KeepTogether(story), Spacer(1, 3)]
    if entry.uses:
        story.append(
            grid_table(
                ["Used at", "Used by", "Purpose"],
                [[u.used_at, u.used_by, u.purpose] for u in entry.uses],
                [1.4 * inch, 1.4 * inch, TEXT_WIDTH - 2.8 * inch],
            )
        )
    else:
        story.append(para("No use of these credentials is recorded.", Styles.small))
    story.append(Spacer(1, 6))
    return story


def _receipts(report: AuthorizationLogReport) -> list[Flowable]:
    widths = [0.85 * inch, 0.9 * inch, 1.75 * inch, 1.65 * inch]
    widths.append(TEXT_WIDTH - sum(widths))
    rows: list[list[Flowable | str]] = []
    for r in report.inadvertent_receipts:
        account = _account(r.account, r.platform, widths[2]) if r.account else ""
        rows.append(
            [
                r.reference,
                r.received_at,
                f"{r.employee}\n{account}" if account else r.employee,
                r.how_received,
                r.recorded_by,
            ]
        )
    return [
        para(
            "The agency may not use these credentials to access the accounts; the product "
            "blocks any use.",
            Styles.small,
        ),
        grid_table(
            ["Reference", "Received", "Employee and account", "How received", "Recorded by"],
            rows,
            widths,
            notes=[
                f"Note: {r.note}" if r.note.strip() else None for r in report.inadvertent_receipts
            ],
        ),
    ]


def _withheld_sections(report: AuthorizationLogReport) -> str:
    withheld = []
    if not report.investigations_included:
        withheld.append("investigation authorizations (MA DYS 01.05.22 B.3.a)")
    if not report.credentials_included:
        withheld.append(
            "credential requests and inadvertently received credentials (AR-DHS II(G), II(H))"
        )
    if not withheld:
        return "included and marked"
    return (
        "not included: the role of the person who generated this report may not see "
        + " or ".join(withheld)
    )


def _omitted_sections(report: AuthorizationLogReport) -> str:
    """Why sections of other agencies' policies are not in this log ("" when none is left out)."""
    parts = []
    if not report.authorization_sections:
        parts.append(
            "social-media supervision and investigation authorizations (MA DYS 01.05.22 B.2, "
            "B.3: Massachusetts DYS)"
        )
    if not report.credential_sections:
        parts.append(
            "credential requests and inadvertently received credentials (AR-DHS II(G), "
            "II(H); Ark. Code Ann. \u00a7 11-2-124: Arkansas DHS)"
        )
    if not parts:
        return ""
    return (
        f"Not part of this log: {'; '.join(parts)}. The policies of {report.agency.name} do "
        "not call for them, and none is recorded for it in this period."
    )


def build(report: AuthorizationLogReport, *, progress: Progress | None = None) -> bytes:
    """The authorization log as PDF bytes."""
    if progress is not None:
        progress(0, 1)
    period = f"{date_text(report.period_from)} to {date_text(report.period_to)}"
    story: list[Flowable] = [
        para(report.agency.name, Styles.subheading),
        para("Authorization log", Styles.title),
        para(f"{report.agency.code} \u00b7 {period}", Styles.subtitle),
        fields_table(
            [
                ("Agency", f"{report.agency.name} ({report.agency.code})"),
                ("Period", period),
                ("Report date", date_text(report.report_date)),
                ("Prepared by", report.prepared_by),
                ("Confidential entries", _withheld_sections(report)),
                (
                    "Times",
                    f"local times in {report.time_zone}, with UTC beside them"
                    if report.time_zone
                    else "UTC",
                ),
            ]
        ),
    ]
    number = 0
    if report.authorization_sections:
        number += 1
        story += section_heading(f"{number}. Supervision authorizations (MA DYS 01.05.22 B.2)")
        if report.supervision:
            story += _authorizations(report.supervision, investigation=False)
        else:
            story.append(para("No supervision authorization was in effect in this period."))
        number += 1
        story += section_heading(f"{number}. Investigation authorizations (MA DYS 01.05.22 B.3)")
        if report.investigation:
            story += _authorizations(report.investigation, investigation=True)
        elif report.investigations_included:
            story.append(para("No investigation authorization was in effect in this period."))
        if not report.investigations_included:
            story.append(para(INVESTIGATIONS_WITHHELD, Styles.notice))
    if report.credential_sections:
        number += 1
        story += section_heading(
            f"{number}. Credential requests (AR-DHS II(G); Ark. Code Ann. \u00a7 11-2-124)"
        )
        if not report.credentials_included:
            story.append(para(CREDENTIALS_WITHHELD, Styles.notice))
        elif report.credential_requests:
            for entry in report.credential_requests:
                story += _credential_request(entry)
        else:
            story.append(para("No credential request was made in this period."))
        number += 1
        story += section_heading(f"{number}. Inadvertently received credentials (AR-DHS II(H))")
        if not report.credentials_included:
            story.append(para(RECEIPTS_WITHHELD, Styles.notice))
        elif report.inadvertent_receipts:
            story += _receipts(report)
        else:
            story.append(para("No credentials were received inadvertently in this period."))
    omitted = _omitted_sections(report)
    if omitted:
        story.append(Spacer(1, 6))
        story.append(para(omitted, Styles.small))
    pdf = build_pdf(
        story,
        report.document,
        header_left=report.agency.name,
        header_right=f"Authorization log \u00b7 {period}",
        marking=report.confidentiality,
        last_page_line=checkpoint_line(report.audit_checkpoint),
    )
    if progress is not None:
        progress(1, 1)
    return pdf
