"""The report services under their earlier name; they live in :mod:`app.services.reporting`.

Imported lazily: the report renderer (reportlab, fonts, Pillow) loads at the
first use of a report function, not when a view that offers reports is built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.lazyexports import lazy_exports
from app.services.letter_kinds import LetterKind

if TYPE_CHECKING:
    from app.services.reporting import (
        Deliver,
        GeneratedReportInfo,
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


__getattr__ = lazy_exports(__name__, dict.fromkeys(__all__, "app.services.reporting"), globals())
