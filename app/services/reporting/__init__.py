"""Reports: fill the ``reports`` dataclasses from the database, render, record.

One module per document: :mod:`.disciplinary`, :mod:`.case_summary`,
:mod:`.authorization_log`, and the letters of the disciplinary process
(:mod:`.letters`: :mod:`.letter_notice`, :mod:`.letter_decision`,
:mod:`.letter_closure`, with :mod:`.letter_parts` and :mod:`.letter_appeal`);
:mod:`.evidence_reading` re-hashes and chooses the evidence a report prints;
:mod:`.common` records a generated report with its audit and custody events.
"""

from app.services.letter_kinds import LetterKind
from app.services.reporting.authorization_log import (
    build_authorization_log,
    generate_authorization_log,
)
from app.services.reporting.case_summary import build_case_summaries, generate_case_summaries
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
