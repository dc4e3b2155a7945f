"""Reports: fill the ``reports`` dataclasses from the database, render, record.

One module per document: :mod:`.disciplinary`, :mod:`.case_summary`,
:mod:`.authorization_log`, and the letters of the disciplinary process
(:mod:`.letters`: :mod:`.letter_notice`, :mod:`.letter_decision`,
:mod:`.letter_closure`, with :mod:`.letter_parts` and :mod:`.letter_appeal`);
:mod:`.evidence_reading` re-hashes and chooses the evidence a report prints;
:mod:`.common` records a generated report with its audit and custody events.

The names below are imported from their module at first use, so a command
that prints one document loads that document's module only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.lazyexports import lazy_exports
from app.services.letter_kinds import LetterKind

if TYPE_CHECKING:
    from app.services.reporting.authorization_log import (
        build_authorization_log,
        generate_authorization_log,
    )
    from app.services.reporting.case_summary import (
        build_case_summaries,
        generate_case_summaries,
    )
    from app.services.reporting.common import (
        Deliver,
        GeneratedReportInfo,
        Progress,
        capture_text,
        list_generated,
    )
    from app.services.reporting.disciplinary import build_disciplinary, generate_disciplinary
    from app.services.reporting.evidence_reading import read_for_report
    from app.services.reporting.letters import build_letter, generate_letter

#: The module each name lives in.
_HOMES = {
    "Deliver": "common",
    "GeneratedReportInfo": "common",
    "Progress": "common",
    "capture_text": "common",
    "list_generated": "common",
    "build_authorization_log": "authorization_log",
    "generate_authorization_log": "authorization_log",
    "build_case_summaries": "case_summary",
    "generate_case_summaries": "case_summary",
    "build_disciplinary": "disciplinary",
    "generate_disciplinary": "disciplinary",
    "read_for_report": "evidence_reading",
    "build_letter": "letters",
    "generate_letter": "letters",
}

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


__getattr__ = lazy_exports(__name__, _HOMES, globals())
