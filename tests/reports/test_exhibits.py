"""Exhibits at a readable scale: tall and wide screenshots printed in labelled parts."""

from __future__ import annotations

import dataclasses

import pytest

import reports
from reports.evidence_section import EXHIBIT_HEIGHT, EXHIBIT_WIDTH
from reports.exhibit_plan import (
    MIN_POINTS_PER_CSS_PX,
    device_pixel_ratio,
    plan_exhibit,
    readable_scale,
)
from tests.reports import samples
from tests.reports.conftest import ReadBack


@pytest.mark.parametrize(
    ("size", "parts", "columns"),
    [
        ((800, 600), 1, 1),  # fits the column: whole
        ((1080, 2400), 1, 1),  # a phone screen: shrunk to the page, still readable
        ((1080, 7200), 6, 1),  # a scrolled phone capture: slices the column's width
        ((1920, 1080), 2, 2),  # a desktop screenshot: two columns
        ((1920, 4000), 8, 2),  # a long desktop page: two columns, four rows
    ],
)
def test_the_plan_never_prints_text_below_the_readable_scale(
    size: tuple[int, int], parts: int, columns: int
) -> None:
    width, height = size
    plan = plan_exhibit(width, height, EXHIBIT_WIDTH, EXHIBIT_HEIGHT)
    assert len(plan.parts) == parts and plan.columns == columns
    # One CSS pixel never under 0.5 pt: 14 px text prints at 7 pt or more.
    css_px = plan.scale * device_pixel_ratio(width, height)
    assert css_px >= MIN_POINTS_PER_CSS_PX - 1e-9
    assert plan.scale >= readable_scale(width, height)
    # Every part fits the page, and together they cover every pixel.
    covered = set()
    for part in plan.parts:
        assert part.width * plan.scale <= EXHIBIT_WIDTH + 0.01
        assert part.height * plan.scale <= EXHIBIT_HEIGHT + 0.01
        covered.add((part.left, part.top))
        assert part.left + part.width <= width and part.top + part.height <= height
    assert max(p.left + p.width for p in plan.parts) == width
    assert max(p.top + p.height for p in plan.parts) == height
    assert len(covered) == parts


def test_a_tall_phone_screenshot_prints_in_labelled_parts(read_back: type[ReadBack]) -> None:
    tall = samples.screenshot_png(7, (1080, 7200), text="tall capture")
    item = dataclasses.replace(samples.evidence_item(1, image=tall), redacted=True,
                               rendering_sha256="ab" * 32)  # fmt: skip
    report = dataclasses.replace(samples.disciplinary(evidence=0), evidence=(item,))
    pdf = read_back(reports.render_disciplinary(report))
    for number in range(1, 7):
        assert f"Exhibit E-1, part {number} of 6: {item.file_name}" in pdf.text
    assert "part 7 of" not in pdf.text
    # Each part on a page of its own, with both digests beside it.
    pages = [i for i in range(len(pdf.pages)) if "Exhibit E-1, part" in pdf.page_text(i)]
    assert len(pages) == 6
    for page in pages:
        text = pdf.page_text(page)
        assert f"SHA-256 of the original: {item.sha256}" in text
        assert f"SHA-256 of the redacted rendering printed: {'ab' * 32}" in text
    # The image is embedded once and drawn clipped on every part.
    assert len(pdf.images()) == 1


def test_an_unredacted_original_is_marked_as_such(read_back: type[ReadBack]) -> None:
    item = dataclasses.replace(samples.evidence_item(1), unredacted=True)
    report = dataclasses.replace(samples.disciplinary(evidence=0), evidence=(item,))
    pdf = read_back(reports.render_disciplinary(report))
    assert "Printed unredacted: E-1 has redaction boxes but is shown as the original" in pdf.text
    assert pdf.text.count("UNREDACTED ORIGINAL") == 3  # thumbnail and both parts
    assert "REDACTED RENDERING" not in pdf.text


def test_what_was_left_out_is_said_in_the_evidence_section(read_back: type[ReadBack]) -> None:
    note = "Left out of this document: 1 item concerns another subject of the case only."
    report = dataclasses.replace(samples.disciplinary(evidence=1), left_out=note)
    pdf = read_back(reports.render_disciplinary(report))
    assert note in pdf.text


def test_the_pre_action_notice_is_never_split_across_pages(read_back: type[ReadBack]) -> None:
    # A long conduct statement pushes the notice to different places on the page.
    for lines in range(0, 60, 4):
        report = samples.disciplinary(evidence=0)
        report = dataclasses.replace(
            report, conduct_statement="\n\n".join(["A paragraph of conduct."] * lines)
        )
        pdf = read_back(reports.render_disciplinary(report))
        holding = [
            i
            for i in range(len(pdf.pages))
            if any(
                label in pdf.page_text(i)
                for label in ("8. Pre-action notice", "Charges", "Status pending decision")
            )
        ]
        assert len(holding) == 1, (lines, holding)
