"""The report services under their earlier name; they live in :mod:`app.services.reporting`."""

from app.services.reporting import (
    Deliver,
    GeneratedReportInfo,
    Progress,
    build_authorization_log,
    build_case_summaries,
    build_disciplinary,
    capture_text,
    generate_authorization_log,
    generate_case_summaries,
    generate_disciplinary,
    list_generated,
    read_for_report,
)

__all__ = [
    "Deliver",
    "GeneratedReportInfo",
    "Progress",
    "build_authorization_log",
    "build_case_summaries",
    "build_disciplinary",
    "capture_text",
    "generate_authorization_log",
    "generate_case_summaries",
    "generate_disciplinary",
    "list_generated",
    "read_for_report",
]
