"""The report services under their earlier name; they live in :mod:`app.services.reporting`."""

from app.services.reporting import (
    Deliver,
    GeneratedReportInfo,
    LetterKind,
    Progress,
    build_authorization_log,
    build_case_summaries,
    build_disciplinary,
    build_letter,
    capture_text,
    generate_authorization_log,
    generate_case_summaries,
    generate_disciplinary,
    generate_letter,
    list_generated,
    read_for_report,
)

__all__ = [
    "Deliver",
    "GeneratedReportInfo",
    "LetterKind",
    "Progress",
    "build_authorization_log",
    "build_case_summaries",
    "build_disciplinary",
    "build_letter",
    "capture_text",
    "generate_authorization_log",
    "generate_case_summaries",
    "generate_disciplinary",
    "generate_letter",
    "list_generated",
    "read_for_report",
]
