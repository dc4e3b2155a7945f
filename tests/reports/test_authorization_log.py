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
    pdf = ReadBack(
        render_authorization_log(samples.authorization_log(investigations_included=False))
    )
    text = pdf.text
    assert "IA-2026-007" not in text
    assert "unit.inv.profile7" not in text
    assert "Confidential (B.3.a)" not in text
    assert "IA-2026-003" in text
    assert (
        "Confidential investigation authorizations are not included in this report: the role "
        "of the person who generated it may not see them (MA DYS 01.05.22 B.3.a)." in text
    )
    assert (
        "Confidential entries not included: the role of the person who generated this report "
        "may not see investigation authorizations (MA DYS 01.05.22 B.3.a)" in text
    )
    # The credential sections this role may see are printed in full.
    assert "CR-2026-002" in text and "IR-2026-001" in text


def test_withheld_credential_sections_say_so_and_never_claim_there_are_none() -> None:
    report = samples.authorization_log(investigations_included=False, credentials_included=False)
    text = ReadBack(render_authorization_log(report)).text
    assert (
        "Credential requests are confidential and are not included in this report: the role "
        "of the person who generated it may not see them (AR-DHS II(G); Ark. Code Ann. "
        "§ 11-2-124)." in text
    )
    assert (
        "Records of inadvertently received credentials are confidential and are not included "
        "in this report: the role of the person who generated it may not see them "
        "(AR-DHS II(H))." in text
    )
    assert (
        "may not see investigation authorizations (MA DYS 01.05.22 B.3.a) or credential "
        "requests and inadvertently received credentials (AR-DHS II(G), II(H))" in text
    )
    assert "No credential request was made" not in text
    assert "No credentials were received inadvertently" not in text
    assert "No investigation authorization" not in text
    assert "CR-2026" not in text and "IR-2026" not in text


def test_credential_request_entries_name_the_account_the_handover_and_the_exclusion() -> None:
    text = ReadBack(render_authorization_log(samples.authorization_log())).text
    assert "Account casey.brandt.77 on Facebook" in text
    assert (
        "Credentials provided by Casey Brandt, to Pat Lindqvist, 2026-02-05 11:00 CST "
        "(the credentials themselves are not stored)" in text
    )
    excluded = text[text.index("CR-2026-003") : text.index("4. Inadvertently")]
    assert "Account DHS Careers Page on LinkedIn" in excluded
    assert (
        "Not a personal account The account was set up by the employee on the agency's behalf"
        in excluded
    )
    assert "(AR-DHS I(C); Ark. Code Ann. § 11-2-124)" in excluded
    assert "Recorded Pat Lindqvist, 2026-02-06 10:00 CST" in excluded
    # Not a request: none of the request's fields, no dashes standing for them.
    for label in ("Investigating office", "Suspected violation", "Justification", "Decision"):
        assert label not in excluded
    assert "\u2014" not in excluded


def test_long_account_names_wrap_after_a_separator_and_notes_span_the_table() -> None:
    pdf = ReadBack(render_authorization_log(samples.authorization_log()))
    lines = [line.strip() for line in pdf.pages[0].splitlines()]
    # Too wide for its column, the name wraps after its last dot that fits,
    # not at whatever letter reaches the edge.
    at = lines.index("keisha.r.personal.")
    assert lines[at + 1] == "supervision"
    text = pdf.text
    assert "Revoked 2026-03-01" in text
    assert "Reason for the revocation: youth returned to custody." in text
    assert "Note: Sealed; not to be used." in text


def test_empty_log() -> None:
    report = dataclasses.replace(
        samples.authorization_log(),
        supervision=(),
        investigation=(),
        credential_requests=(),
        inadvertent_receipts=(),
    )
    text = ReadBack(render_authorization_log(report)).text
    # The reader may see every section, so empty sections are empty.
    assert "No supervision authorization was in effect in this period." in text
    assert "No investigation authorization was in effect in this period." in text
    assert "No credential request was made in this period." in text
    assert "No credentials were received inadvertently in this period." in text
