"""Opening a case in the real application and editing it, for the tests of its window."""

from __future__ import annotations

from app.domain.cases import CaseStatus
from app.services.case_queries import CaseQuery, list_cases
from app.ui.app import Application
from app.ui.case_view.view import CaseView


def open_and_edit_a_case(qtbot, app: Application, title: str) -> CaseView:
    """Open an investigating case of the signed-in user and retype its title (unsaved)."""
    window = app.window
    assert window is not None
    workspace = window.workspace
    page = window.pages["cases"]
    found = list_cases(workspace.database, workspace.actor,
                       CaseQuery(statuses=frozenset({CaseStatus.INVESTIGATING})))  # fmt: skip
    view = page.open_case(found.rows[0].id)
    qtbot.waitUntil(lambda: view.detail is not None and view.overview.version is not None,
                    timeout=10_000)  # fmt: skip
    qtbot.waitUntil(lambda: not app.tasks.busy, timeout=10_000)
    form = view.overview.form
    form.title.setFocus()
    form.title.selectAll()
    qtbot.keyClicks(form.title, title)
    assert form.modified
    return view
