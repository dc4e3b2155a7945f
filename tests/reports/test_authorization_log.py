"""The authorization log, with and without the confidential entries."""

from __future__ import annotations

import dataclasses

from reports import DEFAULT_CONFIDENTIALITY, render_authorization_log
from tests.reports import samples
from tests.reports.conftest import ReadBack


def test_log_with_confidential_entries() -> None:
    pdf = ReadBack(render_authorization_log(samples.authorization_log()))
    text = pdf.text
    assert "Authorization log" in text
    assert "Period 2026-01-01 to 2026-03-31" in text
    assert "Confidential entries included and marked" in text
    # B.2.c: person authorized, supervisor who granted it, account, youth's case.
    for value in ("SA-2026-004", "Alex Moreno, Caseworker", "Marisol Vega", "Youth case Y-2291"):
        assert value in text
    assert "IA-2026-007 Confidential (B.3.a)" in text
    assert "Review overdue (B.3.b)" in text
    assert text.count("Confidential (B.3.a)") == 1  # IA-2026-003 is not confidential
    assert "IA-2026-003" in text
    # Credential request, its decision and its use; the inadvertent receipt.
    assert "CR-2026-002: case ARDHS-2026-0019, Casey Brandt" in text
    assert "Approved by Morgan Ruiz, 2026-02-04 09:00 CST" in text
    assert "2026-02-05 13:20 CST Pat Lindqvist Review direct messages" in text
    assert "IR-2026-001" in text and "Agency network monitoring" in text
    for index in range(len(pdf.pages)):
        assert DEFAULT_CONFIDENTIALITY in pdf.page_text(index)
        assert f"Page {index + 1} of {len(pdf.pages)}" in pdf.page_text(index)
    meta = pdf.reader.metadata
    assert meta is not None and meta.title == "Authorization log MADYS 2026-01-01 to 2026-03-31"


def test_log_without_confidential_entries_says_so() -> None:
    pdf = ReadBack(render_authorization_log(samples.authorization_log(confidential_included=False)))
    text = pdf.text
    assert "IA-2026-007" not in text
    assert "unit.inv.profile7" not in text
    assert "Confidential (B.3.a)" not in text
    assert "IA-2026-003" in text
    assert "Confidential investigation authorizations are not included in this report." in text
    assert "Confidential entries not included" in text


def test_empty_log() -> None:
    report = dataclasses.replace(
        samples.authorization_log(),
        supervision=(),
        investigation=(),
        credential_requests=(),
        inadvertent_receipts=(),
    )
    text = ReadBack(render_authorization_log(report)).text
    assert "No supervision authorization was in effect in this period." in text
    assert "No investigation authorization is listed for this period." in text
    assert "No credential request was made in this period." in text
    assert "No credentials were received inadvertently in this period." in text
