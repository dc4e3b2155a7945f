"""The disciplinary report of a case (DOMAIN.md "What a disciplinary report contains").

Sections, in the order a decision maker and a hearing officer read them:
the case and the employee; the allegations with each provision quoted; the
conduct and the investigation; the evidence index (thumbnails, capture
metadata, SHA-256, the integrity check and where redaction was applied) and
interviews; findings; prior discipline; the action; the pre-action notice
(suspension, demotion, dismissal); response and appeal rights; signatures;
then each evidence image at a readable size as an exhibit.
"""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Spacer,
)

from reports.evidence_images import EvidenceImages
from reports.evidence_section import EXHIBIT_HEIGHT, EXHIBIT_WIDTH, evidence_section, exhibits
from reports.fonts import markup
from reports.layout import (
    TEXT_WIDTH,
    Styles,
    build_pdf,
    checkpoint_line,
    date_text,
    fields_table,
    grid_table,
    or_dash,
    para,
    paragraphs,
    period_text,
    rich,
    section_heading,
    signature_grid,
)
from reports.letter_model import TextBlock
from reports.letters import letter_block
from reports.model import (
    ACTION_TAKEN,
    Allegation,
    Arrivals,
    DisciplinaryReport,
    Progress,
)

#: The action section when no decision is given and the report says nothing else.
NO_DECISION = "No disciplinary decision has been recorded yet."


def _front(report: DisciplinaryReport) -> list[Flowable]:
    agency = report.agency
    story: list[Flowable] = [para(agency.name, Styles.subheading)]
    for line in agency.address_lines:
        story.append(para(line, Styles.small))
    story += [
        Spacer(1, 8),
        para("Disciplinary report", Styles.title),
        para(f"Case {report.case_number} \u00b7 {date_text(report.report_date)}", Styles.subtitle),
    ]
    employee = report.employee
    story.append(
        fields_table(
            [
                ("Case number", report.case_number),
                ("Agency", f"{agency.name} ({agency.code})"),
                ("Report date", date_text(report.report_date)),
                ("Prepared by", report.prepared_by),
                ("Employee", employee.name),
                ("Position", employee.title),
                ("Division / unit", employee.unit),
                ("Employee ID", employee.employee_id),
                ("Supervisor", employee.supervisor),
                ("Dates of conduct", period_text(report.conduct_from, report.conduct_to)),
            ]
        )
    )
    return story


def _allegation(allegation: Allegation) -> list[Flowable]:
    head = rich(
        f"Allegation {allegation.number}: {markup(allegation.provision_reference)}"
        f" \u2014 {markup(allegation.provision_title)}",
        Styles.subheading,
    )
    source = para(f"{allegation.policy_name}, {allegation.provision_reference}:", Styles.small)
    quote = para(allegation.provision_text.strip(), Styles.quote)
    conduct = rich(
        f"<b>Conduct</b> ({markup(period_text(allegation.conduct_from, allegation.conduct_to))}): "
        f"{markup(or_dash(allegation.conduct))}"
    )
    return [KeepTogether([head, source, quote]), conduct]


def _conduct_and_investigation(report: DisciplinaryReport) -> list[Flowable]:
    story = section_heading("2. Statement of the conduct")
    dates = period_text(report.conduct_from, report.conduct_to)
    story.append(rich(f"<b>Dates of conduct:</b> {markup(dates)}"))
    story += paragraphs(report.conduct_statement)
    story += section_heading("3. Investigation summary")
    story += paragraphs(report.investigation_summary)
    return story


def _findings(report: DisciplinaryReport) -> list[Flowable]:
    story = section_heading("5. Findings")
    rows: list[list[Flowable | str]] = []
    for allegation in report.allegations:
        finding = allegation.finding
        label = finding.label if finding else "Pending"
        reasoning = finding.reasoning if finding else "No finding has been made."
        decided = ""
        if finding and (finding.decided_by or finding.decided_on):
            decided = "\n" + " ".join(
                p
                for p in (
                    "Recorded",
                    date_text(finding.decided_on) if finding.decided_on else "",
                    f"by {finding.decided_by}" if finding.decided_by else "",
                )
                if p
            )
        rows.append(
            [
                f"{allegation.number}. {allegation.provision_reference}",
                rich(f"<b>{markup(label)}</b>", Styles.cell),
                para(reasoning + decided, Styles.cell),
            ]
        )
    story.append(
        grid_table(
            ["Allegation", "Finding", "Reasoning"],
            rows,
            [1.7 * inch, 1.15 * inch, TEXT_WIDTH - 2.85 * inch],
        )
    )
    return story


def _prior(report: DisciplinaryReport) -> list[Flowable]:
    story = section_heading("6. Prior discipline")
    if not report.prior_discipline:
        story.append(para(f"No prior discipline is recorded for {report.employee.name}."))
        return story
    story.append(
        grid_table(
            ["Action", "Effective", "Case", "Reason"],
            [
                [p.action, date_text(p.effective_date), or_dash(p.case_number), or_dash(p.reason)]
                for p in report.prior_discipline
            ],
            [1.6 * inch, 0.85 * inch, 1.35 * inch, TEXT_WIDTH - 3.8 * inch],
        )
    )
    return story


def _action(report: DisciplinaryReport) -> list[Flowable]:
    story = section_heading("7. Disciplinary action")
    action = report.action
    if action is None:
        story.append(para(report.no_action_text or NO_DECISION))
        return story
    kind = action.kind
    if action.suspension_days is not None:
        days = "day" if action.suspension_days == 1 else "days"
        kind = f"{kind} of {action.suspension_days} working {days} without pay"
    rows = [
        (action.status or "Action", kind),
        ("Grounds", "\n".join(action.grounds)),
        ("Effective date", date_text(action.effective_date)),
        ("Steps to correct", action.steps_to_correct),
        ("Consequence of a repeat", action.consequence_of_repeat),
    ]
    if action.cap_override:
        rows.append(("Suspension cap override", action.cap_override))
    # The heading and the action are read together: never a lone lead line.
    return [KeepTogether([*story, fields_table(rows, label_width=1.7 * inch)])]


def _pre_action(report: DisciplinaryReport) -> list[Flowable]:
    notice = report.pre_action_notice
    if notice is None:
        return []
    story: list[Flowable] = [para("8. Pre-action notice", Styles.heading)]
    taken = report.action is not None and report.action.status == ACTION_TAKEN
    story.append(
        para(
            "Before the action above took effect the employee was given notice of the charges "
            "and of the evidence, and an opportunity to respond."
            if taken
            else "Before the action above takes effect the employee is given notice of the "
            "charges and of the evidence, and an opportunity to respond."
        )
    )
    table = fields_table(
        [
            ("Charges", notice.charges),
            ("The evidence", notice.evidence_explanation),
            ("Respond by", date_text(notice.response_deadline)),
            ("How to respond", notice.how_to_respond),
            ("Status pending decision", notice.status_pending_decision),
        ],
        label_width=1.7 * inch,
    )
    # The notice is read as one: kept on one page with its heading, never split.
    return [KeepTogether([*story, table])]


def _rights(report: DisciplinaryReport, number: int) -> list[Flowable]:
    """The response and the appeal rights, as the application states them.

    Each part's bold lead is kept on the page with the start of its text: a
    lead never sits alone at a page's foot.
    """
    rights = report.rights
    story = section_heading(f"{number}. Response and appeal rights")
    story += letter_block(TextBlock(rights.response_text or "\u2014", lead="Written response."))
    appeal = [f for block in rights.appeal_blocks for f in letter_block(block)] or paragraphs(
        rights.appeal_text or "\u2014"
    )
    heading = rich("<b>Appeal and grievance rights.</b>")
    story.append(KeepTogether([heading, *appeal[:1]]))
    story += appeal[1:]
    return story


def _signatures(report: DisciplinaryReport, number: int) -> list[Flowable]:
    grid = signature_grid([(b.role, b.name, b.title, b.statement) for b in report.signatures])
    return [KeepTogether([para(f"{number}. Signatures", Styles.heading), grid])]


def build(
    report: DisciplinaryReport,
    *,
    progress: Progress | None = None,
    arrivals: Arrivals | None = None,
) -> bytes:
    """The disciplinary report as PDF bytes.

    ``arrivals``: pending images and the audit checkpoint come later
    (:class:`reports.model.Arrivals`); they are waited for where they are used.
    """
    total = len(report.evidence) + 1
    if progress is not None:
        progress(0, total)
    box = (EXHIBIT_WIDTH, EXHIBIT_HEIGHT)
    with EvidenceImages(
        report.evidence, box, progress=progress, total=total, arrivals=arrivals
    ) as images:
        pdf = _build(report, images, arrivals)
        images.finish()
    if progress is not None:
        progress(total, total)
    return pdf


def _build(report: DisciplinaryReport, images: EvidenceImages, arrivals: Arrivals | None) -> bytes:
    story = _front(report)
    story += section_heading("1. Allegations and the provisions cited")
    for allegation in report.allegations:
        story += _allegation(allegation)
    story += _conduct_and_investigation(report)
    story += evidence_section(report, images, section_heading("4. Evidence relied on"))
    story += _findings(report)
    story += _prior(report)
    story += _action(report)
    story += _pre_action(report)
    number = 9 if report.pre_action_notice is not None else 8
    story += _rights(report, number)
    story += _signatures(report, number + 1)
    story += exhibits(report, images)
    return build_pdf(
        story,
        report.document,
        header_left=report.agency.name,
        header_right=f"Disciplinary report \u00b7 Case {report.case_number}",
        marking=report.confidentiality,
        last_page_line=checkpoint_line(report.audit_checkpoint)
        if arrivals is None
        else lambda: checkpoint_line(arrivals.audit_checkpoint()),
        watermark=report.watermark,
    )
