"""Opening a demo case's Discipline tab, for the tests that drive it."""

from __future__ import annotations

from app.domain.cases import CaseStatus


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
