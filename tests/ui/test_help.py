"""Help and identity: the bundled guide (search, F1 at the view's section), the keyboard
shortcuts found in the running window, About's Copy, the toolbar and navigator icons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication

from app import __version__
from app.ui.help.about import AboutDialog
from app.ui.help.guide import SECTIONS, GuideWindow
from app.ui.help.shortcuts import ShortcutsDialog
from app.ui.main_window import MainWindow


def _window(qtbot, workspace, settle) -> MainWindow:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    settle(workspace)
    return window


def test_the_guide_has_every_views_section_its_pictures_and_finds_a_word(qtbot) -> None:
    guide = GuideWindow()
    qtbot.addWidget(guide)
    guide.show()
    assert set(SECTIONS.values()) <= set(guide.headings())
    assert "How a case travels" in guide.headings()
    document = guide.browser.document()
    assert "images/case-list.png" in document.toMarkdown()
    qtbot.keyClicks(guide.search, "redaction")
    assert guide.browser.textCursor().selectedText().lower() == "redaction"
    assert guide.status.text() == ""
    guide.search.setText("zzzqqq")
    assert guide.status.text() == "Not found"


def test_f1_opens_the_guide_at_the_section_of_the_view_in_front(
    workspace_for, qtbot, settle
) -> None:
    window = _window(qtbot, workspace_for("admin"), settle)
    window.show_page("audit_log")
    settle(window.workspace)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.guide
    assert isinstance(guide, GuideWindow) and guide.isVisible()
    assert guide.section_in_view() == "Audit log"
    window.show_page("settings")
    window.context_help_action.trigger()
    assert guide.section_in_view() == "Settings"


def test_shortcuts_list_what_the_window_has_and_about_copies_for_support(
    workspace_for, qtbot, settle
) -> None:
    ivy = workspace_for("investigator")
    window = _window(qtbot, ivy, settle)
    window.on_shortcuts_triggered()  # as Help > Keyboard shortcuts opens it
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None
    shortcuts = {(key, e.what) for e in dialog.entries for key in e.keys.split(", ")}
    assert ("Ctrl+W", "Close case tab") in shortcuts
    assert ("Ctrl+N", "New case") in shortcuts
    assert ("F1", "Help for this view") in shortcuts
    assert dialog.table.rowCount() == len(dialog.entries)

    about = AboutDialog(ivy, window)
    qtbot.addWidget(about)
    settle(ivy)
    about.copy_button.click()
    text = QGuiApplication.clipboard().text()
    assert f"Version: {__version__}" in text
    assert "Database kind: SQLite" in text and ivy.database.display_name in text
    assert f"Schema revision: {ivy.database.state().current}\n" in text and "Python: 3." in text


def test_the_toolbar_holds_the_days_actions_and_report_waits_for_a_case(
    workspace_for, qtbot, settle
) -> None:
    window = _window(qtbot, workspace_for("supervisor"), settle)
    names = [a.objectName() for a in window.toolbar.actions()]
    assert names == ["newCaseAction", "findAction", "captureScreenAction",
                     "toolbarReportAction", "refreshAction"]  # fmt: skip
    report = window.findChild(QAction, "toolbarReportAction")
    assert not report.isEnabled() and "Open a case" in report.toolTip()
    assert all(not a.icon().isNull() for a in window.toolbar.actions())
    icons = [window.navigator.item(r).icon() for r in range(window.navigator.count())]
    assert all(not i.isNull() for i in icons)
    assert QApplication.instance() is not None
