"""Every view and dialog fits 1366×768 and 1280×720, and 1920×1080 at 150 % for real.

Each main view (as the supervisor, who sees them all, and HR for the
Discipline tab) and each dialog is rendered offscreen on a copy of the demo
database at the room such a screen leaves; every visible button and input
must lie inside the window at least at its minimum size, combo boxes show
their whole choice and table headings are not cut (``fitting.problems``).

The 150 % case runs these same checks in a child pytest (QT_SCALE_FACTOR is
read when the application starts) on an offscreen 1920×1080 screen scaled
by 1.5: 1280×720 device-independent pixels, fonts and icons drawn at 1.5.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.domain.cases import CaseStatus
from app.services import authorizations
from app.services.case_queries import CaseQuery, list_cases
from app.services.recovery import RecoveredDraft
from app.ui.authorizations.credential_dialogs import DecisionDialog, ProvidedDialog, UseDialog
from app.ui.case_view.view import CaseView
from app.ui.fit import available_size
from app.ui.login import LoginDialog
from app.ui.main_window import MainWindow
from app.ui.recovery import RecoveredWorkDialog
from app.ui.tasks import BackgroundTasks
from app.ui.workspace import Workspace
from tests.conftest import DEMO_TEMPLATE_ENV
from tests.ui.fitting import SCALED_RUN, SCREENS, problems, room, screens

SIZES = pytest.mark.parametrize("screen", list(screens()), ids=list(screens()))
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def window_at(
    qtbot, workspace_for: Callable[[str], Workspace], settle
) -> Iterator[Callable[[str, QSize], MainWindow]]:
    made: list[MainWindow] = []

    def make(username: str, size: QSize) -> MainWindow:
        workspace = workspace_for(username)
        window = MainWindow(workspace)
        qtbot.addWidget(window)
        window.resize(size)
        window.show()
        settle(workspace)
        made.append(window)
        return window

    yield make
    for window in made:
        settle(window.workspace)


def shown_at(window: QWidget, size: QSize) -> None:
    """Give ``window`` the size the screen allows it and lay it out."""
    window.resize(size)
    QApplication.processEvents()


def wanted(dialog: QWidget, size: QSize) -> QSize:
    """The size a dialog opens at on a screen with ``size`` of room."""
    opened = dialog.size().expandedTo(dialog.minimumSizeHint()).expandedTo(dialog.minimumSize())
    return opened.boundedTo(size)


def assert_fits(window: QWidget, size: QSize, what: str) -> None:
    shown_at(window, size)
    found = problems(window, size)
    assert not found, f"{what} at {size.toTuple()}:\n" + "\n".join(found)


def open_case(window: MainWindow, settle, status: CaseStatus, agency: str = "") -> CaseView:
    workspace = window.workspace
    query = CaseQuery(statuses=frozenset({status}), agency_code=agency or None)
    case_id = list_cases(workspace.database, workspace.actor, query).rows[0].id
    window.show_page("cases")
    view = window.pages["cases"].open_case(case_id)  # type: ignore[attr-defined]
    settle(workspace)
    return view


@SIZES
def test_every_main_view_fits(window_at, settle, screen: str) -> None:
    size = room(screens()[screen])
    window = window_at("supervisor", size)
    for key in window.pages:
        window.show_page(key)
        settle(window.workspace)
        assert_fits(window, size, f"the {key} view")


@SIZES
@pytest.mark.parametrize("username", ["supervisor", "hr"])
def test_every_tab_of_a_case_fits(window_at, settle, screen: str, username: str) -> None:
    """The Overview (its Save and Revert, its subject buttons), allegations, notes,
    evidence, authorizations and, for HR, the Discipline tab of a case in review."""
    size = room(screens()[screen])
    window = window_at(username, size)
    status = CaseStatus.DISCIPLINE_REVIEW if username == "hr" else CaseStatus.INVESTIGATING
    view = open_case(window, settle, status, "MODMH" if username == "hr" else "MADYS")
    for index in range(view.tabs.count()):
        view.tabs.setCurrentIndex(index)
        settle(window.workspace)
        assert_fits(window, size, f"the case's {view.tabs.tabText(index)!r} tab")


def test_the_overview_shows_the_beginning_of_a_long_title(window_at, settle) -> None:
    window = window_at("investigator", room(SCREENS["1280x720"]))
    view = open_case(window, settle, CaseStatus.INVESTIGATING)
    title = view.overview.form.title
    assert title.cursorPosition() == 0
    assert title.text().startswith(view.detail.fields.title[:10])  # type: ignore[union-attr]


# -- dialogs ---------------------------------------------------------------------------


def _dialogs(window: MainWindow, settle) -> Iterator[tuple[str, QDialog]]:
    """Open each dialog the supervisor can open, in turn; each is closed after its check."""
    workspace = window.workspace
    cases_page = window.pages["cases"]
    yield "New case", cases_page.new_case()  # type: ignore[attr-defined]
    view = open_case(window, settle, CaseStatus.INVESTIGATING, "MADYS")
    yield "Add allegation", view.allegations.on_add_clicked()  # type: ignore[misc]
    if view.evidence is not None:
        view.evidence.on_export_clicked()
        yield "Export evidence", view.evidence.export_dialog  # type: ignore[misc]
        view.tabs.setCurrentWidget(view.evidence)
        settle(workspace)
        view.evidence.table.selectRow(0)
        yield "Evidence viewer", view.evidence.open_viewer()  # type: ignore[misc]
    auth_page = window.pages["authorizations"]
    window.show_page("authorizations")
    yield "New authorization", auth_page.add_authorization()  # type: ignore[attr-defined]
    yield "Authorization log report", auth_page.log_report()  # type: ignore[attr-defined]
    overdue = authorizations.list_authorizations(
        workspace.database, workspace.actor, overdue_only=True
    )
    if overdue and auth_page.select(overdue[0].id):  # type: ignore[attr-defined]
        yield "Record review", auth_page.record_review()  # type: ignore[attr-defined]
        yield "Revoke", auth_page.revoke()  # type: ignore[attr-defined]
    requests = window.pages["credential_requests"]
    window.show_page("credential_requests")
    yield "New credential request", requests.new_request()  # type: ignore[attr-defined]
    yield "Inadvertent receipt", requests.record_inadvertent()  # type: ignore[attr-defined]
    info = requests.model.record_at(0)  # type: ignore[attr-defined]
    yield "Approve", DecisionDialog(workspace, info, approve=True, parent=requests)
    yield "Deny", DecisionDialog(workspace, info, approve=False, parent=requests)
    yield "Record use", UseDialog(workspace, info, requests)
    yield "Credentials provided", ProvidedDialog(workspace, info, requests)
    users = window.pages["users"]
    window.show_page("users")
    yield "Add user", users.add_user()  # type: ignore[attr-defined]
    left = RecoveredDraft(
        1, f"{view.detail.number}: a note not yet added", "Called the reporter back. " * 40,
        view.detail.id, view.detail.number, dt.datetime(2026, 11, 2, 14, 5, tzinfo=dt.UTC),
    )  # fmt: skip
    yield "Recovered work", RecoveredWorkDialog(workspace, [left], lambda _case: None, window)


@SIZES
def test_every_dialog_fits(window_at, settle, qtbot, screen: str) -> None:
    size = room(screens()[screen])
    window = window_at("supervisor", size)
    seen = []
    for name, dialog in _dialogs(window, settle):
        assert dialog is not None, name
        dialog.show()
        settle(window.workspace)
        assert_fits(dialog, wanted(dialog, size), f"the {name} dialog")
        seen.append(name)
        dialog.done(0)
        settle(window.workspace)
    assert len(seen) >= 12, seen


@SIZES
def test_a_refused_credential_request_fits_and_says_each_reason_once(
    window_at, settle, qtbot, screen: str
) -> None:
    """The refusal used to grow the form to about 1000 px, each reason printed twice."""
    size = room(screens()[screen])
    window = window_at("supervisor", size)
    window.show_page("credential_requests")
    dialog = window.pages["credential_requests"].new_request()  # type: ignore[attr-defined]
    with qtbot.waitSignal(dialog.choices_loaded, timeout=10_000):
        pass
    dialog.agency.setCurrentIndex(dialog.agency.findData("ARDHS"))
    dialog.employee.setCurrentIndex(0)
    dialog.platform.setEditText("Facebook")
    dialog.account.setText("b.lockett.personal")
    dialog.ok_button.click()
    qtbot.waitUntil(dialog.refusal.isVisible, timeout=10_000)
    settle(window.workspace)
    assert dialog.height() <= available_size(dialog).height()  # never taller than the screen
    shown = [m for m in dialog.messages.visible().values() if m]
    assert len(shown) >= 3
    assert dialog.refusal.lines == []
    assert_fits(dialog, dialog.size(), "the refused credential request")
    dialog.done(0)


def test_the_login_dialog_fits(qtbot, demo_database) -> None:
    tasks = BackgroundTasks()
    login = LoginDialog(tasks, username="investigator")
    qtbot.addWidget(login)
    login.show()
    login.set_database(demo_database)
    size = room(SCREENS["1280x720"])
    assert_fits(login, wanted(login, size), "the sign-in dialog")
    # A long path wraps onto more lines: the dialog grows instead of squeezing the inputs.
    folder = "/srv/casedesk/shared-case-files/department-of-youth-services/investigations"
    login.set_database_error(
        f"There is no Casedesk database at {folder}/archive-2026/casedesk.sqlite3; check "
        "the path, or create one with 'casedesk init'."
    )
    QApplication.processEvents()
    assert_fits(login, wanted(login, size), "the sign-in dialog with a long path")
    tasks.wait_for_done()


# -- 1920×1080 at 150 % -----------------------------------------------------------------


@pytest.mark.skipif(not os.environ.get(SCALED_RUN), reason="checked in the 150 % child run")
def test_the_screen_is_1920x1080_at_150_percent(qapp) -> None:
    screen = qapp.primaryScreen()
    assert screen.devicePixelRatio() == 1.5
    assert screen.geometry().size() == QSize(1280, 720)


@pytest.mark.subprocess
def test_everything_fits_1920x1080_at_150_percent(tmp_path: Path, demo_template: Path) -> None:
    """This module's checks in a fresh process whose screen is 1080p at 150 %.

    The child copies this run's demo template (the same ``create_demo`` data)
    instead of making the demo again.
    """
    config = tmp_path / "screen.json"
    screen = {"name": "1080p", "x": 0, "y": 0, "width": 1920, "height": 1080,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env = {**inherited, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "QT_SCALE_FACTOR": "1.5", SCALED_RUN: "1",
           DEMO_TEMPLATE_ENV: str(demo_template)}  # fmt: skip
    completed = subprocess.run(
        [sys.executable, "-m", "pytest", str(Path(__file__)), "-q", "-x", "-p",
         "no:cacheprovider", "-m", "not postgres", "-k", "not fits_1920x1080_at_150_percent",
         "--basetemp", str(tmp_path / "child")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    report = completed.stdout[-6000:] + completed.stderr[-2000:]
    assert completed.returncode == 0, report
    summary = completed.stdout.strip().splitlines()[-1]  # the screen check ran, none skipped
    assert "passed" in summary and "skipped" not in summary and "failed" not in summary, report
