"""The evidence part of the disciplinary report: the index and the exhibits.

The index states that every item was re-hashed when the report was generated
and where redaction was applied, then gives each item a row: its thumbnail
(marked "REDACTED RENDERING" where it is one), capture metadata and the
SHA-256 of the original. The exhibits at the end show each image again at a
readable size.
"""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table

from reports.evidence_images import EvidenceImages
from reports.fonts import MONO, markup
from reports.layout import (
    RULE,
    TEXT_HEIGHT,
    TEXT_WIDTH,
    Styles,
    date_text,
    grid_table,
    or_dash,
    para,
    rich,
    table_style,
)
from reports.model import DisciplinaryReport, EvidenceItem

#: Box the exhibit images are fitted into: the text width, and a height that
#: leaves room for two 16:9 screenshots with their captions on one page.
EXHIBIT_WIDTH = TEXT_WIDTH - 0.6 * inch
EXHIBIT_HEIGHT = 4.0 * inch
#: Thumbnail column of the evidence index.
THUMB_WIDTH = 1.75 * inch
THUMB_HEIGHT = 1.75 * inch
REDACTED = "REDACTED RENDERING"
VOID = "VOID"


def _framed(image: Flowable, align: str = "CENTER") -> Table:
    """An exhibit image with a hairline frame (screenshots are often white)."""
    width, _height = image.wrap(TEXT_WIDTH, TEXT_HEIGHT)
    table = Table([[image]], colWidths=[width], hAlign=align)
    table.setStyle(
        table_style(
            [
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _integrity_statement(report: DisciplinaryReport) -> list[Flowable]:
    count = len(report.evidence)
    if not count:
        return [para("No evidence items are relied on in this report.")]
    subject = "the evidence item was" if count == 1 else f"all {count} evidence items were"
    story = [
        rich(
            f"<b>Integrity verified:</b> {subject} re-hashed when this "
            f"report was generated ({markup(report.integrity_verified_at)}); each matched the "
            "SHA-256 recorded when it was received. The digests below are of the original "
            "files, which are kept unaltered."
        )
    ]
    redacted = [item.item_id for item in report.evidence if item.redacted]
    if redacted:
        story.append(
            rich(
                f"<b>Redaction applied:</b> items {markup(', '.join(redacted))} are shown as "
                "redacted renderings (confidential content masked); the originals are kept "
                "unaltered and are available to those entitled to see them."
                if len(redacted) > 1
                else f"<b>Redaction applied:</b> item {markup(redacted[0])} is shown as a "
                "redacted rendering (confidential content masked); the original is kept "
                "unaltered and is available to those entitled to see it."
            )
        )
    else:
        story.append(para("No redaction was applied: every image is shown as captured."))
    return story


def _metadata(item: EvidenceItem) -> list[Flowable]:
    rows = [
        ("File", item.file_name),
        (
            "Type / size",
            f"{item.media_type}, {item.width} \u00d7 {item.height} px, {item.size_bytes:,} bytes",
        ),
        ("Captured", f"{item.captured_at} by {or_dash(item.captured_by)}"),
        ("Platform / account", " / ".join(p for p in (item.platform, item.account) if p)),
        ("Source", item.source_url),
        ("Obtained", item.obtained),
        ("Shows", item.description),
    ]
    # One paragraph per item: 50 items make 50 paragraphs, not 500.
    lines = [f"<b>{markup(item.item_id)}</b>"]
    if item.void:
        lines.append(f'<font color="#8b0000"><b>{VOID}:</b></font> {markup(item.void)}')
    lines += [f"<b>{markup(k)}:</b> {markup(v)}" for k, v in rows if v.strip()]
    hashes = [("SHA-256 of the original", item.sha256)]
    if item.redacted and item.rendering_sha256:
        hashes.append(("SHA-256 of the redacted rendering", item.rendering_sha256))
    for label, digest in hashes:
        lines.append(f"<b>{label}:</b>")
        lines.append(f'<font face="{MONO}" size="7">{markup(digest)}</font>')
    return [rich("<br/>".join(lines), Styles.cell)]


def _thumbnail(item: EvidenceItem, images: EvidenceImages, index: int) -> list[Flowable]:
    if not images.has_image(index):
        return [para("(no image)", Styles.small)]
    cells: list[Flowable] = [
        _framed(images.flowable(index, THUMB_WIDTH, THUMB_HEIGHT), align="LEFT")
    ]
    if item.redacted:
        # Says what the picture above is; with no picture there is nothing to label.
        cells.append(para(REDACTED, Styles.notice))
    if item.void:
        cells.append(para(VOID, Styles.notice))
    return cells


def evidence_section(
    report: DisciplinaryReport, images: EvidenceImages, heading: list[Flowable]
) -> list[Flowable]:
    """The evidence index: integrity, redaction, one row per item, interviews."""
    story = list(heading)
    story += _integrity_statement(report)
    if report.evidence:
        story.append(
            para(
                "Each image is reproduced at a readable size in the exhibits at the end.",
                Styles.small,
            )
        )
        story.append(Spacer(1, 4))
        # One small table per item: laying out one long table that spans many
        # pages costs far more (it is re-measured at every page break).
        for index, item in enumerate(report.evidence):
            row = Table(
                [[_thumbnail(item, images, index), _metadata(item)]],
                colWidths=[THUMB_WIDTH + 10, TEXT_WIDTH - THUMB_WIDTH - 10],
            )
            row.setStyle(
                table_style(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                        ("TOPPADDING", (0, 0), (-1, -1), 5),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                        ("LEFTPADDING", (0, 0), (-1, -1), 2),
                    ]
                )
            )
            story.append(row)
    story.append(para("Witness statements and interviews", Styles.subheading))
    if report.interviews:
        # The case holds who recorded each one and when, not who was heard or
        # when: the record's own text says that, and the columns say no more.
        story.append(
            grid_table(
                ["Kind", "Recorded by", "Recorded on", "Record"],
                [
                    [i.kind, i.recorded_by, date_text(i.recorded_on), i.summary]
                    for i in report.interviews
                ],
                [0.95 * inch, 1.2 * inch, 0.95 * inch, TEXT_WIDTH - 3.1 * inch],
            )
        )
    else:
        story.append(para("No witness statements or interviews are relied on."))
    return story


def exhibits(report: DisciplinaryReport, images: EvidenceImages) -> list[Flowable]:
    """Each evidence image at a readable size, two screenshots to a page."""
    shown = [i for i in range(len(report.evidence)) if images.has_image(i)]
    if not shown:
        return []
    story: list[Flowable] = [PageBreak(), para("Evidence exhibits", Styles.heading)]
    for index in shown:
        item = report.evidence[index]
        caption = f"<b>Exhibit {markup(item.item_id)}</b>: {markup(item.file_name)}"
        if item.redacted:
            caption += f' \u2014 <font color="#8b0000"><b>{REDACTED}</b></font>'
        if item.void:
            caption += f' \u2014 <font color="#8b0000"><b>{VOID}</b></font>: {markup(item.void)}'
        story.append(
            KeepTogether(
                [
                    rich(caption, Styles.body),
                    _framed(images.flowable(index, EXHIBIT_WIDTH, EXHIBIT_HEIGHT)),
                    rich(
                        f'SHA-256 of the original: <font face="CasedeskMono">'
                        f"{markup(item.sha256)}</font>",
                        Styles.small,
                    ),
                    Spacer(1, 10),
                ]
            )
        )
    return story
