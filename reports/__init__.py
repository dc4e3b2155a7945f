"""PDF rendering with reportlab: plain report dataclasses in, PDF bytes out.

This package imports nothing of :mod:`app`. Fill the dataclasses of
:mod:`reports.model` (and :mod:`reports.authorization_log_model`,
:mod:`reports.case_summary_model`, :mod:`reports.letter_model`) and call one
of the ``render_*`` functions::

    use_font_folder(folder)  # the fonts shipped in resources/fonts
    pdf: bytes = render_disciplinary(report, progress=on_progress)

Importing the package loads the dataclasses only; reportlab loads with the
first render or font call (a process that hands its report to
:mod:`reports.worker` never loads it).
"""

from __future__ import annotations

from pathlib import Path

from reports.authorization_log_model import (
    AuthorizationEntry,
    AuthorizationLogReport,
    CredentialRequestEntry,
    CredentialUse,
    InadvertentReceiptEntry,
    render_authorization_log,
)
from reports.case_summary_model import (
    CaseSummary,
    CaseSummaryReport,
    SummaryAllegation,
    render_case_summaries,
)
from reports.letter_model import (
    DRAFT,
    Acknowledgement,
    FieldsBlock,
    Letter,
    LetterBlock,
    LetterSection,
    QuoteBlock,
    TextBlock,
)
from reports.model import (
    ACTION_RECOMMENDED,
    ACTION_TAKEN,
    DEFAULT_CONFIDENTIALITY,
    Agency,
    Allegation,
    DisciplinaryAction,
    DisciplinaryReport,
    DocumentInfo,
    Employee,
    EmployeeRights,
    EvidenceItem,
    Finding,
    Interview,
    PreActionNotice,
    PriorDiscipline,
    Progress,
    ReportError,
    SignatureBlock,
    render_disciplinary,
    render_letter,
)

__all__ = [
    "ACTION_RECOMMENDED",
    "DRAFT",
    "Acknowledgement",
    "FieldsBlock",
    "Letter",
    "LetterBlock",
    "LetterSection",
    "QuoteBlock",
    "TextBlock",
    "render_letter",
    "ACTION_TAKEN",
    "DEFAULT_CONFIDENTIALITY",
    "Agency",
    "Allegation",
    "AuthorizationEntry",
    "AuthorizationLogReport",
    "CaseSummary",
    "CaseSummaryReport",
    "CredentialRequestEntry",
    "CredentialUse",
    "DisciplinaryAction",
    "DisciplinaryReport",
    "DocumentInfo",
    "Employee",
    "EmployeeRights",
    "EvidenceItem",
    "Finding",
    "InadvertentReceiptEntry",
    "Interview",
    "PreActionNotice",
    "PriorDiscipline",
    "Progress",
    "ReportError",
    "SignatureBlock",
    "SummaryAllegation",
    "render_authorization_log",
    "render_case_summaries",
    "render_disciplinary",
    "use_font_cache",
    "use_font_folder",
]


def use_font_folder(folder: Path | str) -> None:
    """Take the shipped report fonts from ``folder`` (``resources/fonts``)."""
    from reports import fonts

    fonts.use_font_folder(folder)


def use_font_cache(folder: Path | str | None) -> None:
    """Keep parsed report fonts in ``folder`` between processes (None: parse every time)."""
    from reports import fonts

    fonts.use_font_cache(folder)
