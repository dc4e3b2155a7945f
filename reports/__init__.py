"""PDF rendering with reportlab: plain report dataclasses in, PDF bytes out.

This package imports nothing of :mod:`app`. Fill the dataclasses of
:mod:`reports.model` and call one of the ``render_*`` functions::

    use_font_folder(folder)  # the fonts shipped in resources/fonts
    pdf: bytes = render_disciplinary(report, progress=on_progress)
"""

from reports.fonts import use_font_folder
from reports.model import (
    ACTION_RECOMMENDED,
    ACTION_TAKEN,
    DEFAULT_CONFIDENTIALITY,
    Agency,
    Allegation,
    AuthorizationEntry,
    AuthorizationLogReport,
    CaseSummary,
    CaseSummaryReport,
    CredentialRequestEntry,
    CredentialUse,
    DisciplinaryAction,
    DisciplinaryReport,
    DocumentInfo,
    Employee,
    EmployeeRights,
    EvidenceItem,
    Finding,
    InadvertentReceiptEntry,
    Interview,
    PreActionNotice,
    PriorDiscipline,
    Progress,
    ReportError,
    SignatureBlock,
    SummaryAllegation,
    render_authorization_log,
    render_case_summaries,
    render_disciplinary,
)

__all__ = [
    "ACTION_RECOMMENDED",
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
    "use_font_folder",
]
