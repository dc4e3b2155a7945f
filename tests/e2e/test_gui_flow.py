"""A report from sign-in to submitted findings, through the real windows, as a user works.

The application starts on a real SQLite database holding the demo data; the
test signs in through the login dialog, records a new case with File > New
case, cites two provisions through the provision picker, adds a note, moves
the case along with the workflow buttons and finds it again in the case list.
Everything is then read back through the services, and the audit chain checked.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from app.domain.cases import CaseStatus, Finding, NoteKind
from app.services import accounts, audit, cases
from app.services.case_queries import CaseQuery, list_cases
from app.services.demo import DEMO_USERS
from app.ui.app import Application
from app.ui.case_list import CaseTableModel
from app.ui.case_view.models import AllegationModel, ProvisionModel, TimelineModel
from app.ui.case_view.new_case import NewCaseDialog
from app.ui.case_view.provision_picker import ProvisionPicker
from app.ui.case_view.view import CaseView
from app.ui.cases_page import CasesPage

PASSWORDS = {u.username: u.password for u in DEMO_USERS}
TITLE = "Park aide's Instagram reel filmed in the trout hatchery"
NARRATIVE = "A visitor sent screenshots of the reel. The aide wore the park uniform."
NOTE = "Called the visitor; she kept the original screenshots."


@pytest.fixture(autouse=True)
def _qt_settings(tmp_path: Path, qapp) -> Iterator[None]:
    """QSettings in a folder of the test's own, so layouts never leak between tests."""
    QCoreApplication.setOrganizationName("CasedeskTests")
    QCoreApplication.setApplicationName("CasedeskTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    yield
    QSettings().clear()


@pytest.fixture
def application(qapp, demo_url: str) -> Iterator[Application]:
    """The application as ``casedesk`` starts it; closed cleanly afterwards."""
    hook = sys.excepthook
    app = Application(qapp, demo_url, "investigator")
    yield app
    sys.excepthook = hook  # the application routes exceptions to its error dialog
    app.collector.stop()  # automatic garbage collection back, as at the app's exit
    if app.idle is not None:
        app.idle.stop()
    if app.window is not None and app.window.isVisible():
        app.window.close()
    app.tasks.wait_for_done()
    QCoreApplication.processEvents()
    if app.window is not None:
        app.window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if app.database is not None:
        app.database.close()


def column(model, col: int) -> list[str]:
    return [model.index(row, col).data() for row in range(model.rowCount())]


def settle(qtbot, app: Application) -> None:
    qtbot.waitUntil(lambda: not app.tasks.busy, timeout=10_000)


def cite(qtbot, app: Application, view: CaseView, search: str, citation: str) -> str:
    """Add allegation…, type into the picker's search, select ``citation``, Add allegation."""
    view.tabs.setCurrentWidget(view.allegations)
    qtbot.mouseClick(view.allegations.add_button, Qt.MouseButton.LeftButton)
    picker = view.allegations.picker
    assert isinstance(picker, ProvisionPicker) and picker.isVisible()
    qtbot.waitUntil(lambda: picker.model.rowCount() > 0, timeout=10_000)
    everything = picker.proxy.rowCount()
    qtbot.keyClicks(picker.search, search)
    shown = column(picker.proxy, ProvisionModel.CITATION)
    assert 0 < len(shown) < everything  # the search narrowed the list
    row = shown.index(citation)
    picker.select_row(row)
    chosen = picker.selected()
    assert chosen is not None and chosen.citation == shown[row]
    assert chosen.text in picker.text.toPlainText()  # read before choosing
    assert picker.employee.currentData() is not None  # the case's one subject
    with qtbot.waitSignal(picker.finished, timeout=10_000):
        qtbot.mouseClick(picker.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: chosen.citation in column(view.allegations.model, AllegationModel.CITATION),
        timeout=10_000,
    )
    settle(qtbot, app)
    return chosen.citation


def finding_of(view: CaseView, citation: str) -> str:
    """The finding the allegations table shows for ``citation``."""
    model = view.allegations.model
    row = column(model, AllegationModel.CITATION).index(citation)
    return model.index(row, AllegationModel.FINDING).data()


def record_finding(
    qtbot, app: Application, view: CaseView, citation: str, finding: Finding, reasoning: str
) -> None:
    """Select the allegation, choose the finding, write why, Record finding."""
    tab = view.allegations
    view.tabs.setCurrentWidget(tab)
    row = column(tab.model, AllegationModel.CITATION).index(citation)
    tab.table.selectRow(row)
    assert citation in tab.provision_text.toPlainText()
    tab.finding.setCurrentIndex(tab.finding.findData(finding.value))
    tab.reasoning.clear()
    qtbot.keyClicks(tab.reasoning, reasoning)
    label = tab.finding.currentText()
    with qtbot.waitSignal(view.workspace.case_changed, timeout=10_000):
        qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: finding_of(view, citation) == label, timeout=10_000)
    settle(qtbot, app)


def move(qtbot, app: Application, view: CaseView, target: CaseStatus, label: str) -> None:
    """Click the workflow button that moves the case to ``target``."""
    button = view.workflow.findChild(QPushButton, f"transition_{target.value}")
    assert button is not None and button.text() == label
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.status is target,
                    timeout=10_000)  # fmt: skip
    assert view.status_label.text() == target.label
    settle(qtbot, app)


def test_a_report_from_sign_in_to_submitted_findings(qtbot, application: Application) -> None:
    app = application

    # Sign in once the database is open.
    login = app.login
    assert login.isVisible() and login.username.text() == "investigator"
    qtbot.waitUntil(login.sign_in_button.isEnabled, timeout=10_000)
    qtbot.keyClicks(login.password, PASSWORDS["investigator"])
    qtbot.mouseClick(login.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.window is not None and app.window.isVisible(), timeout=10_000)
    window = app.window
    assert window is not None
    assert not [w for w in QApplication.topLevelWidgets()
                if w.objectName() == "loginDialog" and w.isVisible()]  # fmt: skip
    assert window.user_label.text() == "Ivy Investigator (investigator)"
    settle(qtbot, app)
    # Home is the first view after sign-in; the case list is one entry below.
    assert window.current_page() is window.pages["home"]
    window.navigator.setCurrentRow(1)
    settle(qtbot, app)
    page = window.pages["cases"]
    assert isinstance(page, CasesPage) and window.current_page() is page
    before = page.case_list.model.rowCount()
    assert before == 40

    # File > New case: the intake form.
    file_menu = window.menuBar().actions()[0].menu()
    assert window.new_case_action in file_menu.actions() and window.new_case_action.isVisible()
    window.new_case_action.trigger()
    dialog = page.findChild(NewCaseDialog, "newCaseDialog")
    assert dialog is not None and dialog.isVisible()
    form = dialog.form
    qtbot.waitUntil(lambda: form.agency.findData("MODNR") >= 0, timeout=10_000)
    form.agency.setCurrentIndex(form.agency.findData("MODNR"))
    qtbot.waitUntil(lambda: form.subjects.employee_combo.count() > 0, timeout=10_000)
    qtbot.keyClicks(form.title, TITLE)
    form.platforms.boxes["Instagram"].setChecked(True)
    form.subjects.employee_combo.setCurrentIndex(0)
    subject_id = form.subjects.employee_combo.currentData()
    subject_label = form.subjects.employee_combo.currentText()
    qtbot.mouseClick(form.subjects.add_button, Qt.MouseButton.LeftButton)
    assert form.subjects.subject_list.count() == 1
    qtbot.keyClicks(form.narrative, NARRATIVE)
    settle(qtbot, app)
    with qtbot.waitSignal(dialog.case_created, timeout=10_000) as created:
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    case_id = created.args[0]

    # The case opens in its own tab.
    qtbot.waitUntil(lambda: len(page.case_views()) == 1, timeout=10_000)
    view = page.case_views()[0]
    assert page.tabs.currentWidget() is view and view.case_id == case_id
    qtbot.waitUntil(lambda: view.detail is not None and view.tabs.isEnabled(), timeout=10_000)
    settle(qtbot, app)
    number = view.detail.number
    assert number.startswith("MODNR-")
    assert page.tabs.tabText(page.tabs.indexOf(view)) == number
    assert view.title_label.text() == TITLE
    assert view.status_label.text() == "Intake"
    assert not dialog.isVisible()

    # Two allegations from the agency's policy, through the provision picker.
    first = cite(qtbot, app, view, "logos", "MO-DNR-SN Policy.5")
    second = cite(qtbot, app, view, "postings", "MO-DNR-SN NegativeLight")
    assert set(column(view.allegations.model, AllegationModel.CITATION)) == {first, second}
    assert column(view.allegations.model, AllegationModel.FINDING) == ["Pending", "Pending"]

    # A note.
    notes = view.notes
    view.tabs.setCurrentWidget(notes)
    notes.note_kind.setCurrentIndex(notes.note_kind.findData(NoteKind.CONTACT.value))
    qtbot.keyClicks(notes.note_text, NOTE)
    with qtbot.waitSignal(view.workspace.case_changed, timeout=10_000):
        qtbot.mouseClick(notes.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: f"Contact: {NOTE}" in column(notes.model, TimelineModel.WHAT),
                    timeout=10_000)  # fmt: skip
    assert notes.note_text.toPlainText() == ""
    settle(qtbot, app)

    # Through the workflow: investigate, a finding on each allegation, submit.
    move(qtbot, app, view, CaseStatus.INVESTIGATING, "Start investigation")
    record_finding(qtbot, app, view, first, Finding.SUBSTANTIATED,
                   "The reel shows the hatchery and the park uniform.")  # fmt: skip
    record_finding(qtbot, app, view, second, Finding.UNFOUNDED,
                   "No client or confidential matter appears in the reel.")  # fmt: skip
    move(qtbot, app, view, CaseStatus.FINDINGS, "Submit findings")
    view.tabs.setCurrentWidget(notes)
    qtbot.waitUntil(
        lambda: "Status: Investigating → Findings" in column(notes.model, TimelineModel.WHAT),
        timeout=10_000,
    )

    # Back to All cases: the case is there, filtered by status and found by a word.
    bar = page.case_list.filter_bar
    tab_bar = page.tabs.tabBar()
    qtbot.mouseClick(tab_bar, Qt.MouseButton.LeftButton, pos=tab_bar.tabRect(0).center())
    assert page.tabs.currentWidget() is page.case_list
    model = page.case_list.model
    qtbot.waitUntil(lambda: model.rowCount() == before + 1, timeout=10_000)
    status = next(i for i in range(bar.status.count())
                  if bar.status.itemText(i).startswith("Findings"))  # fmt: skip
    bar.status.setCurrentIndex(status)
    wait_list(qtbot, app, page)
    assert model.query.statuses == frozenset({CaseStatus.FINDINGS})
    assert case_id in _shown_ids(page)
    assert set(column(model, CaseTableModel.Status)) == {"Findings"}
    in_findings = model.rowCount()
    assert in_findings > 1  # the demo has others in Findings: the search must narrow it
    qtbot.keyClicks(bar.search, "hatchery")
    wait_list(qtbot, app, page)
    assert model.query.text == "hatchery"
    assert _shown_ids(page) == [case_id]
    assert bar.count_label.text() == "1 case"
    assert model.index(0, CaseTableModel.Number).data() == number
    assert model.index(0, CaseTableModel.Title).data() == TITLE
    assert subject_label.split(" (")[0] in model.index(0, CaseTableModel.Subjects).data()
    settle(qtbot, app)

    # What was stored, read through the services.
    database, actor = window.workspace.database, window.workspace.actor
    detail = cases.get_case(database, actor, case_id)
    assert detail.status is CaseStatus.FINDINGS
    assert detail.agency_code == "MODNR"
    assert detail.fields.title == TITLE
    assert detail.fields.platforms == ("Instagram",)
    assert detail.fields.subject_ids == (subject_id,)
    assert detail.fields.narrative == NARRATIVE
    assert detail.fields.investigator == "investigator"
    stored = {a.citation: a for a in detail.allegations}
    assert set(stored) == {first, second}
    assert stored[first].finding is Finding.SUBSTANTIATED
    assert stored[first].reasoning == "The reel shows the hatchery and the park uniform."
    assert stored[second].finding is Finding.UNFOUNDED
    assert all(a.employee_id == subject_id for a in stored.values())
    assert [(n.kind, n.body, n.author) for n in detail.notes] == [
        (NoteKind.CONTACT, NOTE, "Ivy Investigator")
    ]
    events = cases.case_timeline(database, actor, case_id)
    moves = [(e.details["from"], e.details["to"], e.actor) for e in events
             if e.action == "case.transition"]  # fmt: skip
    assert moves == [
        ("intake", "investigating", "investigator"),
        ("investigating", "findings", "investigator"),
    ]
    actions = [e.action for e in events]
    assert actions.count("allegation.add") == 2 and actions.count("allegation.finding") == 2
    assert actions[0] == "case.create" and "note.add" in actions
    found = list_cases(database, actor, CaseQuery(text="hatchery"))
    assert [row.id for row in found.rows] == [case_id]
    admin = accounts.authenticate(database, "admin", PASSWORDS["admin"])
    verification = audit.verify(database, admin)
    assert verification.intact, verification.finding

    # Quit: the window closes, nothing is left running.
    window.close()
    assert not window.isVisible()
    assert app.tasks.wait_for_done()
    assert not any(w.isVisible() for w in QApplication.topLevelWidgets())


def wait_list(qtbot, app: Application, page: CasesPage) -> None:
    """Until the case list shows what its filter bar asks for, with its counts (they are
    asked for once the rows are painted: until then the count line says what it said)."""
    case_list = page.case_list

    def answered() -> bool:
        asked = case_list.filter_bar.query()
        shown = case_list.model.query
        return (
            (shown.statuses, shown.text) == (asked.statuses, asked.text)
            and not case_list.model.loading
            and not case_list.counts_pending
            and not app.tasks.busy
        )

    qtbot.waitUntil(answered, timeout=10_000)


def _shown_ids(page: CasesPage) -> list[int]:
    model = page.case_list.model
    return [model.index(row, 0).data(CaseTableModel.IdRole) for row in range(model.rowCount())]
