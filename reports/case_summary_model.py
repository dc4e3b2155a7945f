"""The case summary report's dataclasses: one page per case.

Filled by the application and rendered by :func:`render_case_summaries`
(:mod:`reports.case_summary`), like the models of :mod:`reports.model`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reports.model import DEFAULT_CONFIDENTIALITY, Agency, DocumentInfo, Employee, Progress


@dataclass(frozen=True)
class SummaryAllegation:
    """An allegation as listed in a case summary."""

    #: Provision reference, e.g. "AR-DHS II(B)(1)".
    provision_reference: str
    #: Provision title.
    provision_title: str
    #: Finding label, e.g. "Substantiated" or "Pending".
    finding: str
    #: The employee it concerns, or "every subject" ("" if not recorded).
    employee: str = ""


@dataclass(frozen=True)
class CaseSummary:
    """One case on its own page of a case summary report."""

    #: The case number.
    case_number: str
    #: The case title.
    title: str
    #: The agency.
    agency: Agency
    #: Status as printed, e.g. "Under investigation", "Closed".
    status: str
    #: The subject employee(s).
    employees: tuple[Employee, ...]
    #: Reported on; conduct from / to (None if unknown); closed on (None if open).
    reported_on: dt.date
    conduct_from: dt.date | None
    conduct_to: dt.date | None
    closed_on: dt.date | None
    #: The assigned investigator ("" if none).
    investigator: str
    #: Allegations with findings.
    allegations: tuple[SummaryAllegation, ...]
    #: The action as printed, e.g. "Written reprimand, effective 2026-04-01",
    #: saying "(proposed: ...)" for one not yet final ("" if none decided).
    action: str
    #: Number of evidence items.
    evidence_count: int
    #: The case narrative, shortened by the caller if it wishes ("" if none).
    narrative: str = ""
    #: Said under the narrative when the caller shortened it ("" otherwise).
    narrative_note: str = ""


@dataclass(frozen=True)
class CaseSummaryReport:
    """Case summaries: one page per case."""

    #: PDF document properties.
    document: DocumentInfo
    #: The report's date.
    report_date: dt.date
    #: Who generated it.
    prepared_by: str
    #: The cases, one page each, in this order.
    cases: tuple[CaseSummary, ...] = field(default_factory=tuple)
    #: Marking printed on every page.
    confidentiality: str = DEFAULT_CONFIDENTIALITY
    #: The audit checkpoint the report was made at, printed on its last page as
    #: "Audit checkpoint: SEQ:HASH signed by KEYID at TIME" ("" prints nothing).
    audit_checkpoint: str = ""


def render_case_summaries(report: CaseSummaryReport, *, progress: Progress | None = None) -> bytes:
    """Case summaries as PDF bytes, one page per case."""
    from reports.case_summary import build

    return build(report, progress=progress)
