"""PDF rendering with reportlab: plain report dataclasses in, PDF bytes out.

This package imports nothing of :mod:`app`. Fill the dataclasses of
:mod:`reports.model` and call one of the ``render_*`` functions::

    pdf: bytes = render_disciplinary(report, progress=on_progress)
"""

from reports.model import (
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
]
