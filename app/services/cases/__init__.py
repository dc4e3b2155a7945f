"""Cases: intake, editing with optimistic locking, allegations, findings, notes, workflow.

Every write checks permission, validates, appends its audit event and
commits in one transaction; nothing is half-written.

- :mod:`.reading`: the case as its readers see it (:class:`CaseDetail`), its
  one load, its timeline;
- :mod:`.editing`: intake (:func:`create_case`) and edits of the intake facts;
- :mod:`.allegations`: allegations and the findings on them;
- :mod:`.workflow`: notes and moves along the workflow.
"""

from __future__ import annotations

from app.services.access import case_id_of
from app.services.cases.allegations import add_allegation, record_finding, remove_allegation
from app.services.cases.editing import create_case, update_case
from app.services.cases.reading import (
    AllegationInfo,
    CaseDetail,
    CaseFields,
    NoteInfo,
    case_timeline,
    get_case,
    user_full_names,
)
from app.services.cases.workflow import add_note, transition_case

__all__ = [
    "AllegationInfo",
    "CaseDetail",
    "CaseFields",
    "NoteInfo",
    "add_allegation",
    "add_note",
    "case_id_of",
    "case_timeline",
    "create_case",
    "get_case",
    "record_finding",
    "remove_allegation",
    "transition_case",
    "update_case",
    "user_full_names",
]
