"""The letters of the disciplinary process laid out: notice, decision, closure, referral.

A letterhead and the title; a box for a withdrawal or a referral; the case
and the employee; the numbered sections the caller composed (text,
quotations, label / value rows, the evidence index with thumbnails and
SHA-256); then the acknowledgement of receipt (signature lines, a "refused
to sign" box, delivery). A draft carries a diagonal DRAFT on every page and
no acknowledgement.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from reports.evidence_images import EvidenceImages
from reports.evidence_section import THUMB_HEIGHT, THUMB_WIDTH, evidence_section
from reports.fonts import markup
from reports.layout import (
    INK,
    MARKING,
    TEXT_WIDTH,
    Styles,
    build_pdf,
    checkpoint_line,
    date_text,
    fields_table,
    para,
    paragraphs,
    rich,
    section_heading,
    signature_grid,
    table_style,
)
from reports.letter_model import (
    Acknowledgement,
    Letter,
    LetterBlock,
    LetterSection,
    QuoteBlock,
    TextBlock,
)
from reports.model import Progress

BANNER_BACK = colors.HexColor("#fbeaea")


def _front(letter: Letter) -> list[Flowable]:
    story: list[Flowable] = [para(letter.agency.name, Styles.subheading)]
    for line in letter.agency.address_lines:
        story.append(para(line, Styles.small))
    story += [
        Spacer(1, 8),
        para(letter.title, Styles.title),
        para(letter.subtitle, Styles.subtitle),
    ]
    if letter.banner:
        box = Table([[para(letter.banner, Styles.body)]], colWidths=[TEXT_WIDTH])
        box.setStyle(
            table_style(
                [
                    ("BOX", (0, 0), (-1, -1), 1, MARKING),
                    ("BACKGROUND", (0, 0), (-1, -1), BANNER_BACK),
                    ("LEFTPADDING", (0, 0), (-1, -1), 6),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ]
            )
        )
        story += [box, Spacer(1, 6)]
    story.append(fields_table(list(letter.facts), label_width=1.7 * inch))
    return story


def letter_block(block: LetterBlock) -> list[Flowable]:
    """One of a letter's blocks as flowables (the disciplinary report prints the decision
    letter's appeal blocks with it, so both read alike)."""
    if isinstance(block, TextBlock):
        if block.lead:
            first, *rest = block.text.replace("\r\n", "\n").split("\n\n")
            lead = rich(f"<b>{markup(block.lead)}</b> {markup(first.strip())}")
            return [lead, *(paragraphs("\n\n".join(rest)) if rest else [])]
        return paragraphs(block.text)
    if isinstance(block, QuoteBlock):
        return [
            KeepTogether([para(block.source, Styles.small), para(block.text.strip(), Styles.quote)])
        ]
    return [fields_table(list(block.rows), label_width=1.7 * inch), Spacer(1, 5)]


def _section(
    letter: Letter, number: int, section: LetterSection, images: EvidenceImages
) -> list[Flowable]:
    heading = section_heading(f"{number}. {section.heading}")
    blocks: list[Flowable] = []
    for block in section.blocks:
        blocks += letter_block(block)
    if section.evidence:
        return [*heading, *blocks, *evidence_section(letter, images, [], with_exhibits=False)]
    if len(section.blocks) <= 2:
        # A short section is read as one: never its heading alone at a page's foot.
        return [KeepTogether([*heading, *blocks])]
    return [*heading, *blocks]


def _refused_box(party: str) -> Table:
    box = Table([[""]], colWidths=[10], rowHeights=[10])
    box.setStyle(table_style([("BOX", (0, 0), (-1, -1), 0.8, INK)]))
    row = Table(
        [
            [
                box,
                para(
                    f"{markup(party)} refused to sign. Witness's initials: ________  "
                    "Date: ____________",
                    Styles.small,
                ),
            ]
        ],
        colWidths=[16, TEXT_WIDTH - 16],
        hAlign="LEFT",
    )
    row.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return row


def _acknowledgement(ack: Acknowledgement, number: int) -> list[Flowable]:
    grid = signature_grid([(b.role, b.name, b.title, b.statement) for b in ack.signatures])
    delivered = fields_table(
        [
            (
                "Delivered on",
                date_text(ack.delivered_on) if ack.delivered_on else "____________________",
            ),
            ("Delivery method", ack.delivery_method or "____________________"),
            ("Delivered by", ack.delivered_by or "____________________"),
        ],
        label_width=1.7 * inch,
    )
    return [
        KeepTogether(
            [
                para(f"{number}. Signatures and receipt", Styles.heading),
                grid,
                _refused_box(ack.refusing_party),
                Spacer(1, 6),
                delivered,
            ]
        )
    ]


def build(letter: Letter, *, progress: Progress | None = None) -> bytes:
    """The letter as PDF bytes."""
    total = len(letter.evidence) + 1
    if progress is not None:
        progress(0, total)
    with EvidenceImages(
        letter.evidence, (THUMB_WIDTH, THUMB_HEIGHT), progress=progress, total=total
    ) as images:
        story = _front(letter)
        for number, section in enumerate(letter.sections, start=1):
            story += _section(letter, number, section, images)
        if letter.acknowledgement is not None:
            story += _acknowledgement(letter.acknowledgement, len(letter.sections) + 1)
        pdf = build_pdf(
            story,
            letter.document,
            header_left=letter.agency.name,
            header_right=letter.header,
            marking=letter.confidentiality,
            last_page_line=checkpoint_line(letter.audit_checkpoint),
            watermark=letter.watermark,
        )
        images.finish()
    if progress is not None:
        progress(total, total)
    return pdf
