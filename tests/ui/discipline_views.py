"""Opening a demo case's Discipline tab, for the tests that drive it."""

from __future__ import annotations

import dataclasses

from app.domain.cases import CaseStatus
from app.services import cases, employees


def discipline_case(workspace, find_case, agency: str):
    """The demo case of ``agency`` in discipline review, with one subject."""
    return find_case(
        workspace, CaseStatus.DISCIPLINE_REVIEW,
        lambda d: d.agency_code == agency and len(d.subjects) == 1,
    )  # fmt: skip


def open_discipline(open_view, workspace, detail, qtbot):
    """The case's view with its Discipline tab in front, its flow shown: (view, tab)."""
    view = open_view(workspace, detail.id)
    tab = view.discipline
    assert tab is not None
    view.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.current_flow() is not None)
    return view, tab


def add_a_second_subject(workspace, detail) -> int:
    """Another employee of the case's agency made a subject of it, as the investigator
    (``workspace``) does at intake; that employee's id."""
    database, actor = workspace.database, workspace.actor
    other = next(
        e.id
        for e in employees.list_employees(database, actor, agency_code=detail.agency_code)
        if e.id not in {s.id for s in detail.subjects}
    )
    fields = dataclasses.replace(
        detail.fields, subject_ids=(*(s.id for s in detail.subjects), other)
    )
    cases.update_case(database, actor, detail.id, fields, expected_version=detail.version)
    return other
