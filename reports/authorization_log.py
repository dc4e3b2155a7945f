"""The authorization log of an agency over a period.

Supervision authorizations (MA DYS 01.05.22 B.2.c: who may view the account,
the supervisor who granted it, the account used, the youth's case),
investigation authorizations (B.3.a, confidential ones marked, with the
periodic review of B.3.b), credential requests under AR DHS 002 II(G) with
their decisions and every use, and inadvertently received credentials
(II(H)). When the reader's role may not see confidential entries, they are
left out and the report says so.
"""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Spacer

from reports.fonts import markup
from reports.layout import (
    TEXT_WIDTH,
    Styles,
    build_pdf,
    date_text,
    fields_table,
    grid_table,
    or_dash,
    para,
    rich,
    section_heading,
)
from reports.model import (
    AuthorizationEntry,
    AuthorizationLogReport,
    CredentialRequestEntry,
    Progress,
)

CONFIDENTIAL = "Confidential (B.3.a)"


def _authorizations(
    entries: tuple[AuthorizationEntry, ...], *, investigation: bool, empty: str
) -> list[Flowable]:
    if not entries:
        return [para(empty)]
    rows: list[list[Flowable | str]] = []
    shaded: list[int] = []
    for index, entry in enumerate(entries):
        reference = markup(entry.reference)
        if entry.confidential:
            reference += f'<br/><font color="#8b0000"><b>{CONFIDENTIAL}</b></font>'
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
                f"{entry.account}\n({entry.platform})" if entry.platform else entry.account,
                entry.concerns,
                f"{date_text(entry.starts_on)} to\n"
                + (date_text(entry.ends_on) if entry.ends_on else "open"),
                rich(status, Styles.cell),
            ]
        )
    widths = [0.95, 0.9, 0.9, 1.0, 1.4, 0.75]
    widths = [w * inch for w in widths]
    widths.append(TEXT_WIDTH - sum(widths))
    return [
        grid_table(
            ["Reference", "Authorized", "Granted by", "Account", "Concerns", "Period", "Status"],
            rows,
            widths,
            shaded_rows=shaded,
        )
    ]


def _credential_request(entry: CredentialRequestEntry) -> list[Flowable]:
    story: list[Flowable] = [
        para(f"{entry.reference}: case {entry.case_number}, {entry.employee}", Styles.subheading)
    ]
    decided = ", ".join(p for p in (entry.decided_by, entry.decided_at) if p)
    decision = entry.decision + (f" by {decided}" if decided else "")
    if entry.decision_reason:
        decision += f": {entry.decision_reason}"
    story.append(
        fields_table(
            [
                ("Investigating office", entry.office),
                ("Suspected violation", entry.suspected_violation),
                ("Justification", entry.justification),
                ("Requested", f"{entry.requested_by}, {entry.requested_at}"),
                ("Decision", decision),
                ("Investigation ended", entry.ended_at or "open"),
            ],
            label_width=1.5 * inch,
        )
    )
    story.append(Spacer(1, 3))
    if entry.uses:
        story.append(
            grid_table(
                ["Used at", "Used by", "Purpose"],
                [[u.used_at, u.used_by, u.purpose] for u in entry.uses],
                [1.6 * inch, 1.6 * inch, TEXT_WIDTH - 3.2 * inch],
            )
        )
    else:
        story.append(para("No use of these credentials is recorded.", Styles.small))
    story.append(Spacer(1, 6))
    return story


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
                (
                    "Confidential entries",
                    "included and marked"
                    if report.confidential_included
                    else "not included: the role of the person who generated this report may "
                    "not see confidential investigation authorizations (MA DYS 01.05.22 B.3.a)",
                ),
            ]
        ),
    ]
    story += section_heading("1. Supervision authorizations (MA DYS 01.05.22 B.2)")
    story += _authorizations(
        report.supervision,
        investigation=False,
        empty="No supervision authorization was in effect in this period.",
    )
    story += section_heading("2. Investigation authorizations (MA DYS 01.05.22 B.3)")
    story += _authorizations(
        report.investigation,
        investigation=True,
        empty="No investigation authorization is listed for this period"
        + ("." if report.confidential_included else " (confidential entries not included)."),
    )
    if not report.confidential_included:
        story.append(
            para(
                "Confidential investigation authorizations are not included in this report.",
                Styles.notice,
            )
        )
    story += section_heading(
        "3. Credential requests (AR DHS 002 II(G); Ark. Code Ann. \u00a7 11-2-124)"
    )
    if report.credential_requests:
        for entry in report.credential_requests:
            story += _credential_request(entry)
    else:
        story.append(para("No credential request was made in this period."))
    story += section_heading("4. Inadvertently received credentials (AR DHS 002 II(H))")
    if report.inadvertent_receipts:
        story.append(
            para(
                "The agency may not use these credentials to access the accounts; the product "
                "blocks any use.",
                Styles.small,
            )
        )
        story.append(
            grid_table(
                ["Reference", "Received", "Employee", "How received", "Recorded by", "Note"],
                [
                    [
                        r.reference,
                        r.received_at,
                        r.employee,
                        r.how_received,
                        r.recorded_by,
                        or_dash(r.note),
                    ]
                    for r in report.inadvertent_receipts
                ],
                [
                    0.95 * inch,
                    1.2 * inch,
                    1.15 * inch,
                    1.3 * inch,
                    1.1 * inch,
                    TEXT_WIDTH - 5.7 * inch,
                ],
            )
        )
    else:
        story.append(para("No credentials were received inadvertently in this period."))
    pdf = build_pdf(
        story,
        report.document,
        header_left=report.agency.name,
        header_right=f"Authorization log \u00b7 {period}",
        marking=report.confidentiality,
    )
    if progress is not None:
        progress(1, 1)
    return pdf
