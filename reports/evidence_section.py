"""The evidence part of the disciplinary report: the index and the exhibits.

The index states that every item was re-hashed when the report was generated
and where redaction was applied, then gives each item a row: its thumbnail
(marked "REDACTED RENDERING" where it is one), capture metadata and the
SHA-256 of the original. The exhibits at the end show each image again at a
readable size.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

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
from reports.model import EvidenceItem, Interview

#: The exhibit column (the text width less the frame), and the tallest part of
#: an exhibit on one page, leaving room for its caption and digests
#: (:mod:`reports.exhibit_plan` says how an image is scaled and split).
EXHIBIT_WIDTH = TEXT_WIDTH - 2
EXHIBIT_HEIGHT = TEXT_HEIGHT - 1.1 * inch
#: Thumbnail column of the evidence index.
THUMB_WIDTH = 1.75 * inch
THUMB_HEIGHT = 1.75 * inch
REDACTED = "REDACTED RENDERING"
VOID = "VOID"


class EvidenceReport(Protocol):
    """What the evidence index reads: the disciplinary report and the letters have it."""

    @property
    def evidence(self) -> Sequence[EvidenceItem]: ...
    @property
    def interviews(self) -> Sequence[Interview]: ...
    @property
    def integrity_verified_at(self) -> str: ...
    @property
    def left_out(self) -> str: ...


UNREDACTED = "UNREDACTED ORIGINAL"


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


def _integrity_statement(report: EvidenceReport) -> list[Flowable]:
    count = len(report.evidence)
    left_out = [para(report.left_out, Styles.notice)] if report.left_out else []
    if not count:
        return [para("No evidence items are relied on in this report."), *left_out]
    subject = "the evidence item was" if count == 1 else f"all {count} evidence items were"
    story = [
        *left_out,
        rich(
            f"<b>Integrity verified:</b> {subject} re-hashed when this "
            f"report was generated ({markup(report.integrity_verified_at)}); each matched the "
            "SHA-256 recorded when it was received. The digests below are of the original "
            "files, which are kept unaltered."
        ),
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
    unredacted = [item.item_id for item in report.evidence if item.unredacted]
    if unredacted:
        story.append(
            rich(
                f"<b>Printed unredacted:</b> {markup(', '.join(unredacted))} "
                f"{'has' if len(unredacted) == 1 else 'have'} redaction boxes but "
                f"{'is' if len(unredacted) == 1 else 'are'} shown as the original, as the "
                "person who generated this report confirmed; the confirmation is recorded "
                "in the audit trail."
            )
        )
    if not redacted and not unredacted:
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
    elif item.unredacted:
        cells.append(para(UNREDACTED, Styles.notice))
    if item.void:
        cells.append(para(VOID, Styles.notice))
    return cells


def evidence_section(
    report: EvidenceReport,
    images: EvidenceImages,
    heading: list[Flowable],
    *,
    with_exhibits: bool = True,
) -> list[Flowable]:
    """The evidence index: integrity, redaction, one row per item, interviews.

    ``with_exhibits``: the document reproduces each image at the end, and says so.
    """
    story = list(heading)
    story += _integrity_statement(report)
    if report.evidence:
        story.append(
            para(
                "Each image is reproduced at a readable size in the exhibits at the end."
                if with_exhibits
                else "The images are reproduced at a readable size in the exhibits of the "
                "disciplinary report of the case.",
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


def _digests(item: EvidenceItem) -> Flowable:
    """The original's SHA-256, and the redacted rendering's beside it when there is one."""
    lines = [f'SHA-256 of the original: <font face="{MONO}">{markup(item.sha256)}</font>']
    if item.redacted and item.rendering_sha256:
        lines.append(
            f'SHA-256 of the redacted rendering printed: <font face="{MONO}">'
            f"{markup(item.rendering_sha256)}</font>"
        )
    return rich("<br/>".join(lines), Styles.small)


def _caption(item: EvidenceItem, part: str = "") -> Flowable:
    caption = f"<b>Exhibit {markup(item.item_id)}{markup(part)}</b>: {markup(item.file_name)}"
    if item.redacted:
        caption += f' \u2014 <font color="#8b0000"><b>{REDACTED}</b></font>'
    elif item.unredacted:
        caption += f' \u2014 <font color="#8b0000"><b>{UNREDACTED}</b></font>'
    if item.void:
        caption += f' \u2014 <font color="#8b0000"><b>{VOID}</b></font>: {markup(item.void)}'
    return rich(caption, Styles.body)


def exhibits(report: EvidenceReport, images: EvidenceImages) -> list[Flowable]:
    """Each evidence image at a readable size: whole when it can be, else in labelled parts."""
    shown = [i for i in range(len(report.evidence)) if images.has_image(i)]
    if not shown:
        return []
    story: list[Flowable] = [PageBreak(), para("Evidence exhibits", Styles.heading)]
    for index in shown:
        item = report.evidence[index]
        plan = images.plan(index)
        if plan.whole:
            width, height = plan.parts[0].width, plan.parts[0].height
            image = images.flowable(index, width * plan.scale, height * plan.scale)
            story.append(
                KeepTogether([_caption(item), _framed(image), _digests(item), Spacer(1, 10)])
            )
            continue
        total = len(plan.parts)
        for number, part in enumerate(plan.parts, start=1):
            where = ""
            if plan.columns > 1 and plan.rows > 1:
                where = f" (row {part.row} of {plan.rows}, column {part.column} of {plan.columns})"
            elif plan.columns > 1:
                where = f" (column {part.column} of {plan.columns})"
            story.append(
                KeepTogether(
                    [
                        _caption(item, f", part {number} of {total}{where}"),
                        _framed(images.part(index, part)),
                        _digests(item),
                        Spacer(1, 10),
                    ]
                )
            )
    return story
