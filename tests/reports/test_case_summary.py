"""Case summaries: one page per case."""

from __future__ import annotations

import dataclasses

from reports import render_case_summaries
from tests.reports import samples
from tests.reports.conftest import ReadBack


def test_one_page_per_case() -> None:
    report = samples.case_summaries(3)
    pdf = ReadBack(render_case_summaries(report))
    assert len(pdf.pages) == 3
    numbers = [case.case_number for case in report.cases]
    for index, case in enumerate(report.cases):
        page = pdf.page_text(index)
        assert f"Case summary {case.case_number}" in page
        assert [n for n in numbers if n in page] == [case.case_number]
        assert f"Status {case.status}" in page
        assert "Jordan T. Whitaker (ID DYS-048213)" in page
        assert f"Evidence items {case.evidence_count}" in page
        assert (
            "MA DYS 01.05.22 C.2.a Disclosing youth identity Jordan T. Whitaker "
            f"{case.allegations[0].finding}" in page
        )
        assert f"Page {index + 1} of 3" in page
    assert "Action Written reprimand, effective 2026-04-10" in pdf.page_text(0)
    assert "Action none decided" in pdf.page_text(1)


def test_a_long_narrative_still_fits_its_page() -> None:
    report = samples.case_summaries(2)
    long_case = dataclasses.replace(report.cases[0], narrative="The post was shared widely. " * 400)
    pdf = ReadBack(
        render_case_summaries(dataclasses.replace(report, cases=(long_case, report.cases[1])))
    )
    assert len(pdf.pages) == 2
    assert report.cases[1].case_number in pdf.page_text(1)
    assert "Summary generated 2026-04-20" in pdf.page_text(0)
