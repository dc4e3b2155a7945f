"""Case summaries: one page per case, for a list of cases."""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepInFrame, PageBreak, Spacer

from reports.case_summary_model import CaseSummary, CaseSummaryReport
from reports.layout import (
    TEXT_HEIGHT,
    TEXT_WIDTH,
    Styles,
    build_pdf,
    checkpoint_line,
    date_text,
    fields_table,
    grid_table,
    para,
    paragraphs,
    period_text,
)
from reports.model import Employee, Progress


def _employee(employee: Employee) -> str:
    details = ", ".join(p for p in (employee.title, employee.unit) if p)
    number = f" (ID {employee.employee_id})" if employee.employee_id else ""
    return f"{employee.name}{number}" + (f": {details}" if details else "")


def _page(case: CaseSummary, report: CaseSummaryReport) -> list[Flowable]:
    story: list[Flowable] = [
        para(case.agency.name, Styles.subheading),
        para(f"Case summary {case.case_number}", Styles.title),
        para(case.title, Styles.subtitle),
        fields_table(
            [
                ("Case number", case.case_number),
                ("Agency", f"{case.agency.name} ({case.agency.code})"),
                ("Status", case.status),
                (
                    "Employee" if len(case.employees) == 1 else "Employees",
                    "\n".join(_employee(e) for e in case.employees),
                ),
                ("Reported on", date_text(case.reported_on)),
                ("Dates of conduct", period_text(case.conduct_from, case.conduct_to)),
                ("Closed on", date_text(case.closed_on) if case.closed_on else "open"),
                ("Investigator", case.investigator),
                ("Evidence items", str(case.evidence_count)),
                ("Action", case.action or "none decided"),
            ]
        ),
        para("Allegations and findings", Styles.heading),
    ]
    if case.allegations:
        story.append(
            grid_table(
                ["Provision", "Title", "Concerns", "Finding"],
                [
                    [a.provision_reference, a.provision_title, a.employee or "\u2014", a.finding]
                    for a in case.allegations
                ],
                [1.7 * inch, TEXT_WIDTH - 4.5 * inch, 1.6 * inch, 1.2 * inch],
            )
        )
    else:
        story.append(para("No allegation has been recorded."))
    if case.narrative.strip():
        story.append(para("Narrative", Styles.heading))
        story += paragraphs(case.narrative)
        if case.narrative_note:
            story.append(para(case.narrative_note, Styles.notice))
    story.append(Spacer(1, 10))
    story.append(
        para(
            f"Summary generated {date_text(report.report_date)} by {report.prepared_by}.",
            Styles.small,
        )
    )
    return story


def build(report: CaseSummaryReport, *, progress: Progress | None = None) -> bytes:
    """Case summaries as PDF bytes, each case starting on a page of its own."""
    total = len(report.cases) + 1
    if progress is not None:
        progress(0, total)
    story: list[Flowable] = []
    for index, case in enumerate(report.cases):
        if index:
            story.append(PageBreak())
        # Shrunk to fit when a long narrative would spill: one page per case.
        story.append(KeepInFrame(TEXT_WIDTH, TEXT_HEIGHT - 2, _page(case, report), mode="shrink"))
        if progress is not None:
            progress(index + 1, total)
    if not report.cases:
        story.append(para("Case summaries", Styles.title))
        story.append(para("No cases were selected."))
    pdf = build_pdf(
        story,
        report.document,
        header_left=report.document.title,
        header_right=f"Case summaries \u00b7 {date_text(report.report_date)}",
        marking=report.confidentiality,
        last_page_line=checkpoint_line(report.audit_checkpoint),
    )
    if progress is not None:
        progress(total, total)
    return pdf
