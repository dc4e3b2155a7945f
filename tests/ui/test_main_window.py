"""The main window: what each role sees, the idle lock, remembered layout, Find and
Refresh, and an unexpected error in a slot."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import closing

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QAction, QGuiApplication, QShortcut
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar, QMessageBox, QPushButton, QWidget

from app.errorlog import log_path
from app.services import cases
from app.services.case_queries import CaseQuery, list_cases
from app.services.demo import DEMO_USERS
from app.ui.app import Application
from app.ui.case_list import CaseTableModel
from app.ui.case_view.new_case import NewCaseDialog
from app.ui.cases_page import CasesPage
from app.ui.main_window import MIN_SIZE, MainWindow
from app.ui.workspace import Workspace
from tests import sqlite_files
from tests.ui.case_editing import open_and_edit_a_case
from tests.ui.confirming import answer_once

PASSWORDS = {u.username: u.password for u in DEMO_USERS}
M = CaseTableModel


# --------------------------------------------------------------------- helpers


@pytest.fixture
def window_for(
    qtbot, workspace_for: Callable[[str], Workspace], settle: Callable[[Workspace], None]
) -> Iterator[Callable[[str], MainWindow]]:
    """A shown main window signed in as a demo user, its views loaded."""
    made: list[MainWindow] = []

    def make(username: str) -> MainWindow:
        workspace = workspace_for(username)
        window = MainWindow(workspace)
        qtbot.addWidget(window)
        window.show()
        settle(workspace)
        if "cases" in window.pages:
            # Built once Home has painted its data, then its list loads.
            qtbot.waitUntil(lambda: window.pages.peek("cases") is not None)
            settle(workspace)
        made.append(window)
        return window

    yield make
    for window in made:
        settle(window.workspace)


def navigator_entries(window: MainWindow) -> list[str]:
    """The navigator's entries without Home's counts ("Credential requests (2)")."""
    return [
        re.sub(r" \(\d+\)$", "", window.navigator.item(row).text())
        for row in range(window.navigator.count())
    ]


def unlock(qtbot, app: Application, password: str) -> None:
    dialog = app.lock_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)


def wait_locked(qtbot, app: Application) -> None:
    qtbot.waitUntil(
        lambda: app.lock_dialog is not None and app.lock_dialog.isVisible(), timeout=10_000
    )
    assert app.window is not None and not app.window.isVisible()
    assert app.lock_dialog.objectName() == "lockDialog"
    assert app.lock_dialog.username.text() == app.window.workspace.actor.username
    assert app.lock_dialog.username.isReadOnly()


# ------------------------------------------------------------- (a) per role


@pytest.mark.parametrize(
    ("username", "entries", "new_case"),
    [
        ("admin", ["Home", "Dashboard", "Policy catalog", "Audit log", "Settings", "Users"], False),
        (
            "investigator",
            ["Home", "Cases", "Authorizations", "Credential requests", "Policy catalog"],
            True,
        ),
        (
            "supervisor",
            [
                "Home",
                "Cases",
                "Authorizations",
                "Credential requests",
                "Dashboard",
                "Policy catalog",
                "Audit log",
                "Users",
            ],
            True,
        ),
        ("hr", ["Home", "Cases", "Authorizations", "Dashboard", "Policy catalog"], False),
    ],
)
def test_each_role_sees_its_own_views_and_actions(
    window_for, username: str, entries: list[str], new_case: bool
) -> None:
    window = window_for(username)
    assert navigator_entries(window) == entries
    keys = {
        "Home": "home",
        "Cases": "cases",
        "Authorizations": "authorizations",
        "Credential requests": "credential_requests",
        "Dashboard": "dashboard",
        "Policy catalog": "catalog",
        "Audit log": "audit_log",
        "Settings": "settings",
        "Users": "users",
    }
    assert set(window.pages) == {keys[e] for e in entries}
    assert window.findChild(QAction, "newCaseAction").isVisible() is new_case
    assert window.current_page() is window.pages["home"]  # Home opens first, for every role
    if "users" in window.pages:
        users = window.pages["users"]
        window.show_page("users")
        manage = username == "admin"
        assert users.button_bar.isVisible() is manage
        assert users.read_only_note.isVisible() is not manage  # the supervisor only reads


def test_views_are_built_when_first_shown(window_for, qtbot) -> None:
    window = window_for("admin")
    # Only the view in front exists; the others wait behind placeholders.
    [front] = window.pages.built()
    assert window.current_page() is front
    other = next(key for key in window.pages if f"page_{key}" != front.objectName())
    assert window.stack.findChild(QWidget, f"page_{other}") is None
    window.navigator.setCurrentRow(list(window.pages).index(other))
    shown = window.stack.findChild(QWidget, f"page_{other}")
    assert shown is not None and window.current_page() is shown
    assert window.pages[other] is shown  # built once, kept
    assert len(window.pages.built()) == 2


def test_the_cases_view_is_built_after_home_shows_its_data(workspace_for, qtbot, settle) -> None:
    workspace = workspace_for("investigator")
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    home = window.pages["home"]
    # Signing in builds Home alone; the File menu does not need the case list.
    assert [p.objectName() for p in window.pages.built()] == ["page_home"]
    assert window.summary_action is None  # investigators generate no reports
    window.show()
    qtbot.waitUntil(lambda: home.view is not None)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: window.pages.peek("cases") is not None)
    assert window.current_page() is home
    settle(workspace)


class _WindowsShown(QObject):
    """Records every top-level window shown while it is installed."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            self.shown.append(f"{type(watched).__name__} {watched.objectName()}")
        return False


@pytest.mark.parametrize("username", ["admin", "supervisor"])
def test_building_a_view_pops_up_no_window_and_keeps_the_keyboard(
    window_for, qtbot, username: str
) -> None:
    window = window_for(username)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    spy = _WindowsShown()
    QApplication.instance().installEventFilter(spy)
    try:
        for row in range(window.navigator.count()):
            window.navigator.setCurrentRow(row)
            QCoreApplication.processEvents()
    finally:
        QApplication.instance().removeEventFilter(spy)
    assert spy.shown == []
    assert window.isActiveWindow()


@pytest.mark.parametrize(("username", "opens"), [("investigator", True), ("hr", False)])
def test_ctrl_n_opens_the_intake_form_only_for_who_may_create(
    window_for, qtbot, username: str, opens: bool
) -> None:
    window = window_for(username)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.pages["cases"].findChild(NewCaseDialog, "newCaseDialog")
    assert (dialog is not None and dialog.isVisible()) is opens
    if dialog is not None:
        qtbot.waitUntil(lambda: dialog.form.agency.count() > 0)
        dialog.reject()


# ------------------------------------------------------------- (b) idle lock


def test_idle_lock_keeps_the_work_and_needs_the_password(signed_in, qtbot) -> None:
    app = signed_in("investigator")
    window = app.window
    assert window is not None and app.idle is not None
    search = window.pages["cases"].case_list.filter_bar.search
    qtbot.keyClicks(search, "screenshot of the trail")

    app.idle.set_minutes(0.005)  # 300 ms without keyboard or mouse
    wait_locked(qtbot, app)

    dialog = app.lock_dialog
    unlock(qtbot, app, "not-the-password")
    qtbot.waitUntil(lambda: dialog.sign_in_button.isEnabled() and dialog.message.text() != "")
    assert "Checking" not in dialog.message.text()
    assert dialog.isVisible() and not window.isVisible()
    assert dialog.password.text() == ""

    app.idle.set_minutes(60)  # no second lock while the test looks around
    unlock(qtbot, app, PASSWORDS["investigator"])
    qtbot.waitUntil(window.isVisible, timeout=10_000)
    assert app.lock_dialog is None
    assert search.text() == "screenshot of the trail"


def test_ctrl_l_locks_at_once(signed_in, qtbot) -> None:
    app = signed_in("investigator")
    window = app.window
    assert window is not None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert app.lock_dialog is not None  # at once, not after the idle time
    wait_locked(qtbot, app)
    unlock(qtbot, app, PASSWORDS["investigator"])
    qtbot.waitUntil(window.isVisible, timeout=10_000)

    window.lock_action.trigger()  # File > Lock
    wait_locked(qtbot, app)
    unlock(qtbot, app, PASSWORDS["investigator"])
    qtbot.waitUntil(window.isVisible, timeout=10_000)


def answer_unsaved(view, button: QMessageBox.StandardButton, asked: list[str]) -> None:
    """Click ``button`` on the unsaved-changes question as soon as it shows."""
    answer_once(view, "unsavedChangesDialog", button, asked)


def test_escape_on_the_lock_keeps_the_lock_and_quit_asks_about_unsaved_edits(
    signed_in, qtbot
) -> None:
    app = signed_in("investigator")
    window = app.window
    assert window is not None
    view = open_and_edit_a_case(qtbot, app, "Typed before locking")
    window.lock_action.trigger()  # Ctrl+L
    wait_locked(qtbot, app)
    dialog = app.lock_dialog
    assert "You locked the window" in dialog.heading.text()
    assert "inactivity" not in dialog.heading.text()

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.close()  # the title bar's close button
    QApplication.processEvents()
    assert app.lock_dialog is dialog and dialog.isVisible() and not app.quitting
    assert view.overview.form.title.text() == "Typed before locking"

    # Quit asks as quitting the window does; Cancel keeps the lock and the edits.
    asked: list[str] = []
    answer_unsaved(view, QMessageBox.StandardButton.Cancel, asked)
    qtbot.mouseClick(dialog.findChild(QPushButton, "quitButton"), Qt.MouseButton.LeftButton)
    assert asked and view.detail.number in asked[0]
    assert app.lock_dialog is dialog and dialog.isVisible() and not app.quitting
    assert view.overview.form.title.text() == "Typed before locking"

    # Save saves them, then the application ends.
    answer_unsaved(view, QMessageBox.StandardButton.Save, asked)
    qtbot.mouseClick(dialog.findChild(QPushButton, "quitButton"), Qt.MouseButton.LeftButton)
    assert len(asked) == 2 and app.quitting
    workspace = window.workspace
    saved = cases.get_case(workspace.database, workspace.actor, view.case_id)
    assert saved.fields.title == "Typed before locking"


def test_quitting_from_the_lock_asks_about_text_typed_in_a_dialog_left_open(
    signed_in, qtbot
) -> None:
    app = signed_in("supervisor")
    window = app.window
    assert window is not None
    page = window.show_page("authorizations")
    dialog = page.add_authorization()
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: not app.tasks.busy, timeout=10_000)
    qtbot.keyClicks(dialog.account, "typed before the lock")
    window.lock_action.trigger()  # as the idle lock does: the dialog is hidden with the window
    wait_locked(qtbot, app)
    lock = app.lock_dialog
    assert not dialog.isVisible()

    # Quit asks about it, Cancel by default; Cancel keeps the lock, the dialog and the text.
    asked: list[str] = []
    answer_once(window, "unrecordedWorkDialog", QMessageBox.StandardButton.Cancel, asked,
                default=QMessageBox.StandardButton.Cancel)  # fmt: skip
    qtbot.mouseClick(lock.findChild(QPushButton, "quitButton"), Qt.MouseButton.LeftButton)
    assert asked and f"What you typed in \u201c{dialog.windowTitle()}\u201d" in asked[0]
    assert app.lock_dialog is lock and lock.isVisible() and not app.quitting
    unlock(qtbot, app, PASSWORDS["supervisor"])
    qtbot.waitUntil(dialog.isVisible, timeout=10_000)
    assert dialog.account.text() == "typed before the lock"

    # Discard: the application ends.
    window.lock_action.trigger()
    wait_locked(qtbot, app)
    answer_once(window, "unrecordedWorkDialog", QMessageBox.StandardButton.Discard, asked)
    qtbot.mouseClick(app.lock_dialog.findChild(QPushButton, "quitButton"),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    assert len(asked) == 2 and app.quitting


def test_quitting_from_the_lock_asks_about_a_new_case_being_typed(signed_in, qtbot) -> None:
    app = signed_in("investigator")
    window = app.window
    assert window is not None
    dialog = window.show_page("cases").new_case()
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.form.title, "Reported by phone, not yet created")
    window.lock_action.trigger()
    wait_locked(qtbot, app)
    asked: list[str] = []
    answer_once(window, "unrecordedWorkDialog", QMessageBox.StandardButton.Cancel, asked,
                default=QMessageBox.StandardButton.Cancel)  # fmt: skip
    qtbot.mouseClick(app.lock_dialog.findChild(QPushButton, "quitButton"),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    assert asked and "What you typed in \u201cNew case\u201d" in asked[0]
    assert not app.quitting
    unlock(qtbot, app, PASSWORDS["investigator"])
    qtbot.waitUntil(dialog.isVisible, timeout=10_000)
    assert dialog.form.title.text() == "Reported by phone, not yet created"
    dialog.form.title.clear()  # nothing typed is left for the window's close to ask about
    dialog.done(0)


def test_the_idle_lock_says_it_was_inactivity(signed_in, qtbot) -> None:
    app = signed_in("investigator")
    assert app.idle is not None
    app.idle.set_minutes(0.005)
    wait_locked(qtbot, app)
    app.idle.set_minutes(60)
    assert "inactivity" in app.lock_dialog.heading.text()
    unlock(qtbot, app, PASSWORDS["investigator"])
    qtbot.waitUntil(app.window.isVisible, timeout=10_000)


def test_a_missing_database_is_named_with_how_to_create_it_and_ends_with_status_1(
    qtbot, qapp, tmp_path
) -> None:
    from app.config import sqlite_url

    path = tmp_path / "no" / "such" / "dir" / "x.sqlite3"
    hook = sys.excepthook
    app = Application(qapp, sqlite_url(path), "investigator")
    try:
        qtbot.waitUntil(lambda: app.no_database_box is not None
                        and app.no_database_box.isVisible(), timeout=10_000)  # fmt: skip
        box = app.no_database_box
        assert box.objectName() == "noDatabaseDialog"
        assert f"There is no Casedesk database at {path}" in box.informativeText()
        assert "casedesk --db" in box.informativeText() and "init" in box.informativeText()
        assert not app.login.sign_in_button.isEnabled()
        assert "Wrong user name" not in app.login.message.text()
        assert not (tmp_path / "no").exists()
        assert not app.quitting
        box.button(QMessageBox.StandardButton.Close).click()
        assert app.quitting and app.exit_status == 1
    finally:
        sys.excepthook = hook
        app.tasks.wait_for_done()
        app.login.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        shiboken6.delete(app)


# ------------------------------------------------------------- shortcuts


def _shortcut_entries(window: MainWindow) -> list[tuple[str, object, QWidget, Qt.ShortcutContext]]:
    """Every key sequence in the window: (key, owner, widget it hangs on, context)."""
    entries: list[tuple[str, object, QWidget, Qt.ShortcutContext]] = []
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            for holder in action.associatedObjects():
                if isinstance(holder, QMenu | QMenuBar):
                    entries.append((sequence.toString(), action, window,
                                    Qt.ShortcutContext.WindowShortcut))  # fmt: skip
                elif isinstance(holder, QWidget):
                    entries.append((sequence.toString(), action, holder, action.shortcutContext()))
    for shortcut in window.findChildren(QShortcut):
        for sequence in shortcut.keys():
            entries.append((sequence.toString(), shortcut, shortcut.parent(),
                            shortcut.context()))  # fmt: skip
    return entries


def _reach(widget: QWidget, context: Qt.ShortcutContext) -> QWidget | None:
    """The widget whose whole subtree the shortcut covers (None: only ``widget`` itself)."""
    if context in (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut):
        return widget.window()
    if context == Qt.ShortcutContext.WidgetWithChildrenShortcut:
        return widget
    return None


def _covers(reach: QWidget | None, own: QWidget, other: QWidget) -> bool:
    if reach is None:
        return other is own
    return other is reach or reach.isAncestorOf(other)


def shortcut_clashes(window: MainWindow) -> list[str]:
    """Pairs of different shortcuts with one key that are active together somewhere."""
    entries = _shortcut_entries(window)
    clashes = []
    for i, (key, owner, widget, context) in enumerate(entries):
        for other_key, other_owner, other_widget, other_context in entries[i + 1 :]:
            if key != other_key or owner is other_owner:
                continue
            reach, other_reach = _reach(widget, context), _reach(other_widget, other_context)
            if _covers(reach, widget, other_widget) or _covers(other_reach, other_widget, widget):
                clashes.append(f"{key}: {owner.objectName() or owner} and "
                               f"{other_owner.objectName() or other_owner}")  # fmt: skip
    return clashes


@pytest.mark.parametrize("username", ["investigator", "supervisor", "hr", "admin"])
def test_no_two_shortcuts_share_a_key_where_both_apply(window_for, qtbot, username) -> None:
    window = window_for(username)
    if "cases" in window.pages:
        page = window.pages["cases"]
        view = page.open_case(page.case_list.model.index(0, 0).data(M.IdRole))
        qtbot.waitUntil(lambda: view.detail is not None, timeout=10_000)
    for key in window.pages:
        window.show_page(key)
    assert shortcut_clashes(window) == []


def test_capture_and_copy_citation_each_run_in_the_policy_catalog(
    window_for, qtbot, settle
) -> None:
    window = window_for("investigator")
    catalog = window.show_page("catalog")
    settle(window.workspace)
    assert catalog.select("MA-DYS-01.05.22 C.2.e")
    catalog.tree.setFocus()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QGuiApplication.clipboard().clear()

    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(catalog.tree, Qt.Key.Key_K, ctrl_shift)
    assert QGuiApplication.clipboard().text() == "MA-DYS-01.05.22 C.2.e"
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(catalog.tree, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "MA-DYS-01.05.22 C.2.e"

    QGuiApplication.clipboard().clear()
    with qtbot.waitSignal(window.capture_action.triggered, timeout=2000):
        qtbot.keyClick(catalog.tree, Qt.Key.Key_C, ctrl_shift)
    assert window.statusBar().currentMessage() == "Open a case to capture the screen into it."
    assert QGuiApplication.clipboard().text() == ""  # the citation was not copied instead


# ------------------------------------------------------------- (c) layout memory


def test_window_size_is_remembered_and_home_opens_first(window_for, qtbot) -> None:
    window = window_for("investigator")
    assert window.current_page() is window.pages["home"]
    area = window.screen().availableGeometry()
    qtbot.waitUntil(lambda: window.frameGeometry() != window.geometry())  # framed
    border = window.frameGeometry().size() - window.geometry().size()
    # As wide as the (800 px wide offscreen) test screen allows, a usable height.
    size = QSize(area.width() - border.width(), MIN_SIZE.height() + 20)
    window.resize(size)
    window.move(area.left(), area.top() + 40)
    qtbot.waitUntil(lambda: window.size() == size)
    where = window.frameGeometry().topLeft()
    window.show_page("catalog")
    window.save_layout()

    again = window_for("investigator")
    qtbot.waitUntil(lambda: again.frameGeometry() != again.geometry())
    assert again.size() == size
    # The offscreen platform's frame shifts a restored window by its 2 px border.
    assert (again.frameGeometry().topLeft() - where).manhattanLength() <= 4
    # The view itself is not restored: Home is the first view after every sign-in.
    assert again.current_page() is again.pages["home"]


@pytest.mark.parametrize("where", ["bottom edge", "no screen"])
def test_a_shrunk_or_lost_window_comes_back_whole_on_a_screen_at_a_usable_size(
    window_for, qtbot, where: str
) -> None:
    window = window_for("investigator")
    area = window.screen().availableGeometry()
    window.resize(946, 350)  # as it came back after a change of scale
    if where == "bottom edge":
        window.move(area.left() + 20, area.bottom() - 60)
    else:
        window.move(area.right() + 5000, area.bottom() + 3000)  # a monitor since unplugged
    window.save_layout()

    again = window_for("investigator")
    qtbot.waitUntil(lambda: area.contains(again.frameGeometry()))  # whole, inside the area
    frame = again.frameGeometry()
    assert QGuiApplication.screenAt(frame.center()) is not None
    assert frame.width() >= min(MIN_SIZE.width(), area.width())
    assert frame.height() >= min(MIN_SIZE.height(), area.height())
    assert again.height() > 350


# ------------------------------------------------------------- (d) Find, Refresh


def test_find_goes_back_to_the_list_and_focuses_its_search(window_for, qtbot, settle) -> None:
    window = window_for("investigator")
    page = window.show_page("cases")  # Home opens first
    assert isinstance(page, CasesPage)
    case_id = page.case_list.model.index(0, 0).data(M.IdRole)
    view = page.open_case(case_id)
    qtbot.waitUntil(lambda: view.detail is not None)
    settle(window.workspace)
    assert page.tabs.currentWidget() is view
    search = page.case_list.filter_bar.search
    search.setText("trail")
    qtbot.waitUntil(lambda: page.case_list.model.query.text == "trail")
    settle(window.workspace)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.tabs.currentIndex() == 0
    assert QApplication.focusWidget() is search
    assert search.selectedText() == "trail"  # typing replaces it


def test_refresh_reloads_what_others_changed(window_for, qtbot) -> None:
    window = window_for("investigator")
    page = window.show_page("cases")  # Home opens first
    assert isinstance(page, CasesPage)
    model = page.case_list.model
    case_id = model.index(2, 0).data(M.IdRole)
    workspace = window.workspace
    detail = cases.get_case(workspace.database, workspace.actor, case_id)
    fields = dataclasses.replace(detail.fields, title="Retitled at another workstation")
    # Another workstation: nothing in this window hears of the change.
    cases.update_case(
        workspace.database, workspace.actor, case_id, fields, expected_version=detail.version
    )
    assert model.index(2, M.Title).data() != "Retitled at another workstation"

    window.refresh_action.trigger()  # View > Refresh
    qtbot.waitUntil(lambda: model.index(2, M.Title).data() == "Retitled at another workstation")
    assert model.index(2, 0).data(M.IdRole) == case_id


# ------------------------------------------------------------- (e) unexpected errors


def error_dialogs() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.allWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible()
    ]


def test_an_exception_in_a_slot_is_shown_and_the_app_keeps_running(
    signed_in, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = signed_in("investigator")
    window = app.window
    assert window is not None
    page = window.show_page("cases")  # Home opens first
    assert isinstance(page, CasesPage)

    def broken_refresh() -> None:
        raise RuntimeError("a view's bug")

    monkeypatch.setattr(page, "refresh", broken_refresh)
    with qtbot.waitSignal(app.errors.shown, timeout=5000) as shown:
        window.refresh_action.trigger()  # the slot raises; Qt carries on
    title, message = shown.args
    assert title == "Unexpected error"
    assert "RuntimeError" in message and str(log_path()) in message
    assert "Traceback" not in message and "a view's bug" not in message
    assert "a view's bug" in log_path().read_text(encoding="utf-8")
    boxes = error_dialogs()
    assert len(boxes) == 1 and boxes[0].text() == message
    boxes[0].button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not error_dialogs())

    # Still running: the window is there and does its work.
    monkeypatch.undo()
    assert window.isVisible()
    search = page.case_list.filter_bar.search
    qtbot.keyClicks(search, "TikTok")
    workspace = window.workspace
    expected = list_cases(workspace.database, workspace.actor, CaseQuery(text="TikTok"))
    assert 0 < expected.total < 40
    model = page.case_list.model
    qtbot.waitUntil(lambda: model.rowCount() == expected.total)
    shown = [model.index(r, 0).data(M.IdRole) for r in range(model.rowCount())]
    assert shown == [row.id for row in expected.rows]


def test_the_idle_time_is_the_agencys_setting(signed_in, demo_database) -> None:
    from app.domain.settings import IDLE_LOCK_MINUTES
    from app.services import accounts, settings

    admin = accounts.authenticate(demo_database, "admin", PASSWORDS["admin"])
    settings.set_value(demo_database, admin, IDLE_LOCK_MINUTES.key, 3)
    app = signed_in("investigator")
    assert app.idle is not None
    assert app.idle.interval_ms == 3 * 60_000


def test_the_days_checkpoint_is_made_once_home_shows_its_data(signed_in, qtbot, demo_url) -> None:
    # The demo's checkpoints date from its creation: two days older, the day needs one.
    earlier = (dt.datetime.now(dt.UTC) - dt.timedelta(days=2)).strftime("%Y-%m-%d %H:%M:%S.%f")
    with closing(sqlite_files.connect(demo_url.removeprefix("sqlite:///"))) as connection:
        connection.execute("UPDATE audit_checkpoints SET signed_at = ?", (earlier,))
        connection.commit()
    at_sign_in: list[tuple[bool, object]] = []

    def watch(app: Application) -> None:
        # Connected after the application's own slot: the window is built when this runs.
        app.login.signed_in.connect(lambda _actor: at_sign_in.append(
            (app.session_work_started, app.window.pages["home"].view)))  # fmt: skip

    app = signed_in("investigator", before_click=watch)
    window = app.window
    assert window is not None and app.warmup is not None and app.warmup.done
    # The window is up and Home's load under way; the checkpoint waits for Home's data.
    assert at_sign_in == [(False, None)]
    assert app.session_work_started and window.pages["home"].view is not None
    # The status bar says how the checkpoint went: here, a workstation without a signing
    # key is told so (with one, "Audit checkpoint: ..." and the line).
    qtbot.waitUntil(lambda: "checkpoint" in window.statusBar().currentMessage())
    assert "no signing key" in window.statusBar().currentMessage()


def test_the_warm_up_draws_the_windows_icons_and_makes_qt_classes_in_slices(qtbot) -> None:
    from PySide6 import QtWidgets

    from app.ui import icons
    from app.ui.warmup import TOOLBAR_ICONS, Warmup

    stopped = Warmup()
    stopped.start()
    stopped.stop()  # as at sign-in: nothing more is made
    assert stopped.done
    icons._icon.cache_clear()
    warmup = Warmup()
    warmup.start()
    assert not warmup.done  # the event loop runs between the slices
    qtbot.waitUntil(lambda: warmup.done, timeout=20_000)
    drawn = set(icons.PAGE_ICONS.values()) | set(TOOLBAR_ICONS)
    assert icons._icon.cache_info().currsize == len(drawn)
    assert all(name in vars(QtWidgets) for name in dir(QtWidgets) if name.startswith("Q"))


# ------------------------------------------------------------- case tabs


def test_case_tabs_show_unsaved_edits_close_with_ctrl_w_and_cycle_with_ctrl_tab(
    window_for, qtbot, settle
) -> None:
    window = window_for("investigator")
    page = window.show_page("cases")  # Home opens first
    assert isinstance(page, CasesPage)
    first_id, second_id = (page.case_list.model.index(r, 0).data(M.IdRole) for r in (0, 1))
    first = page.open_case(first_id)
    second = page.open_case(second_id)
    qtbot.waitUntil(lambda: first.detail is not None and second.detail is not None)
    settle(window.workspace)
    assert window.windowTitle().startswith(second.detail.number)  # the case in front
    assert not window.isWindowModified()
    assert "Nothing to save" in second.overview.save_button.toolTip()

    try:
        second.overview.form.title.setText("Edited, not saved")
        second.overview.form.title.textEdited.emit("Edited, not saved")
        assert page.tabs.tabText(page.tabs.indexOf(second)) == f"• {second.detail.number}"
        assert window.isWindowModified()
        assert page.tabs.tabText(page.tabs.indexOf(first)) == first.detail.number

        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        second.overview.form.title.setFocus()
        qtbot.keyClick(
            second.overview.form.title, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier
        )
        assert page.tabs.currentIndex() == 0  # after the last tab, the list again
        qtbot.keyClick(
            page.tabs.currentWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier
        )
        assert page.tabs.currentWidget() is first
        assert window.windowTitle().startswith(first.detail.number)

        page.tabs.setCurrentWidget(second)
        second.overview.form.title.setFocus()
        asked: list[str] = []
        answer_unsaved(second, QMessageBox.StandardButton.Cancel, asked)
        qtbot.keyClick(
            second.overview.form.title, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier
        )
        assert asked and page.tabs.indexOf(second) >= 0  # asked, and Cancel kept it
        first_tab = page.tabs.indexOf(first)
        page.tabs.setCurrentIndex(first_tab)
        window.activateWindow()  # back from the question
        qtbot.waitUntil(window.isActiveWindow)
        first.overview.form.title.setFocus()
        qtbot.keyClick(first.overview.form.title, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
        assert page.tabs.indexOf(first) < 0  # nothing unsaved: closed at once
    finally:
        second.overview.revert()  # no question when the window closes
