"""Adding evidence through the Evidence tab: file dialog, drag and drop, paste, capture.

Real widgets on a copy of the demo database; the only stand-in is the
system's file dialog (``QFileDialog.getOpenFileNames`` returns paths).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QGuiApplication, QImage, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QPushButton

from app.domain.cases import CaseStatus
from app.services import authorizations, cases, employees, evidence, settings
from app.services.accounts import authenticate
from app.services.cases import CaseFields
from app.services.demo import DEMO_USERS
from app.ui.case_view.view import CaseView
from app.ui.evidence.intake import ImportSummaryDialog, IntakeDialog
from app.ui.evidence.tab import EvidenceTab
from tests import sqlite_files

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def evidence_tab(workspace_for, open_view, find_case, qtbot, settle):
    """Ivy's Evidence tab on an investigating case, shown and loaded."""
    ivy = workspace_for("investigator")
    detail = find_case(ivy, CaseStatus.INVESTIGATING)
    view: CaseView = open_view(ivy, detail.id)
    assert view.evidence is not None
    view.tabs.setCurrentWidget(view.evidence)
    settle(ivy)
    before = evidence.list_evidence(ivy.database, ivy.actor, detail.id)
    assert view.evidence.model.rowCount() == len(before)
    EXISTING[view.evidence.case_id] = {info.id for info in before}
    yield view.evidence  # the view stays referenced (alive) until the test ends


#: The items each test's case held before the test (the demo's own evidence).
EXISTING: dict[int, set[int]] = {}


def stored(tab: EvidenceTab) -> list[evidence.EvidenceInfo]:
    """The items this test added to the case, oldest first."""
    workspace = tab.workspace
    items = evidence.list_evidence(workspace.database, workspace.actor, tab.case_id)
    return [i for i in items if i.id not in EXISTING.get(tab.case_id, set())]


def intake_dialog(qtbot, tab: EvidenceTab) -> IntakeDialog:
    qtbot.waitUntil(lambda: tab.intake_dialog is not None and tab.intake_dialog.isVisible())
    assert tab.intake_dialog is not None
    return tab.intake_dialog


def paste_image(
    qtbot, tab: EvidenceTab, clipboard, size: tuple[int, int], colour: str
) -> IntakeDialog:
    """Paste a plain image into the Evidence tab (Ctrl+V), as a copied screenshot is."""
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    clipboard.setImage(image)
    tab.table.setFocus()
    QTest.keySequence(tab.table, QKeySequence(QKeySequence.StandardKey.Paste))
    return intake_dialog(qtbot, tab)


def fill_required(qtbot, dialog: IntakeDialog) -> None:
    """Give what intake requires where the test left it empty (the test is about the rest)."""
    if not dialog.time_known.isChecked():
        dialog.time_known.setChecked(True)
    if not dialog.captured_by.text():
        qtbot.keyClicks(dialog.captured_by, "Ivy Investigator")
    if not dialog.source_url.text() and not dialog.no_url_reason.text():
        qtbot.keyClicks(dialog.no_url_reason, "supplied by reporter as a file")


def finish_intake(qtbot, settle, tab: EvidenceTab, dialog: IntakeDialog) -> ImportSummaryDialog:
    """Fill in what is required, click "Add to case" and wait for the import's summary."""
    fill_required(qtbot, dialog)
    tab.summary_dialog = None
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.summary_dialog is not None, timeout=20_000)
    settle(tab.workspace)
    assert tab.summary_dialog is not None and tab.summary_dialog.isVisible()
    return tab.summary_dialog


def choose_files(monkeypatch, paths: list[Path]) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args, **kwargs: ([str(p) for p in paths], ""))  # fmt: skip


def test_files_from_the_file_dialog_are_added_with_the_metadata(
    evidence_tab, qtbot, settle, monkeypatch
) -> None:
    tab = evidence_tab
    choose_files(monkeypatch, [DATA / "good.png", DATA / "good.jpg"])
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = intake_dialog(qtbot, tab)
    assert sys.getswitchinterval() == pytest.approx(0.005)
    assert "good.png" in dialog.files_label.text() and "good.jpg" in dialog.files_label.text()
    qtbot.keyClicks(dialog.source_url, "https://www.facebook.com/jordan.doe/posts/123")
    dialog.platform.setCurrentText("Facebook")
    qtbot.keyClicks(dialog.account_shown, "Jordan Doe (jordan.doe)")
    dialog.time_known.setChecked(True)
    dialog.zone.setCurrentText("America/Chicago")
    dialog.captured_at.setDateTime(dialog.captured_at.dateTime().fromString(
        "2026-03-02 14:05:00", "yyyy-MM-dd HH:mm:ss"))  # fmt: skip
    qtbot.keyClicks(dialog.captured_by, "Pat Reporter")
    dialog.obtained.setCurrentIndex(dialog.obtained.findData("reporter_supplied"))
    # The other views of the case (its timeline) are told once the list is shown.
    with qtbot.waitSignal(tab.workspace.case_changed, timeout=20_000) as announced:
        summary = finish_intake(qtbot, settle, tab, dialog)
    assert announced.args == [tab.case_id]

    assert "Added: 2" in summary.text()
    items = stored(tab)
    assert sorted(i.original_filename for i in items) == ["good.jpg", "good.png"]
    png = next(i for i in items if i.original_filename == "good.png")
    assert png.media_type == "image/png" and (png.width, png.height) == (320, 200)
    assert png.source_url == "https://www.facebook.com/jordan.doe/posts/123"
    assert png.platform == "Facebook" and png.account_shown == "Jordan Doe (jordan.doe)"
    assert png.captured_at is not None
    assert png.captured_at.replace(tzinfo=dt.UTC) == dt.datetime(2026, 3, 2, 20, 5, tzinfo=dt.UTC)
    assert png.capture_tz == "America/Chicago"
    assert png.captured_by == "Pat Reporter" and png.obtained.value == "reporter_supplied"
    # The list shows both, with their thumbnails once made off the UI thread.
    qtbot.waitUntil(lambda: tab.model.rowCount() == len(EXISTING[tab.case_id]) + 2)
    qtbot.waitUntil(lambda: {i.id for i in items} <= set(tab.model.thumbnails))
    assert sys.getswitchinterval() == pytest.approx(0.005)  # Python's default is back
    row = tab.model.row_of(png.id)
    assert tab.model.index(row, tab.model.SHA256).data() == png.sha256[:12] + "…"
    assert png.sha256 in tab.model.index(row, tab.model.SHA256).data(Qt.ItemDataRole.ToolTipRole)
    assert "America/Chicago" in tab.model.index(row, tab.model.CAPTURED).data()
    assert "2026-03-02 14:05" in tab.model.index(row, tab.model.CAPTURED).data()


def test_bad_metadata_is_shown_beside_its_field_and_nothing_is_stored(
    evidence_tab, qtbot, settle, monkeypatch
) -> None:
    tab = evidence_tab
    choose_files(monkeypatch, [DATA / "good.png"])
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = intake_dialog(qtbot, tab)
    qtbot.keyClicks(dialog.source_url, "not a url")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert not dialog.errors["source_url"].isHidden()
    assert "is not a URL" in dialog.errors["source_url"].text()

    dialog.source_url.clear()
    qtbot.keyClicks(dialog.source_url, "https://example.org/post")
    assert dialog.errors["source_url"].isHidden()  # editing clears the message
    dialog.time_known.setChecked(True)
    dialog.captured_at.setDateTime(dialog.captured_at.dateTime().addDays(3))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "in the future" in dialog.errors["captured_at"].text()
    dialog.reject()
    settle(tab.workspace)
    assert stored(tab) == []


def test_enter_in_an_empty_dialog_shows_every_missing_field_beside_it(
    evidence_tab, qtbot, settle, monkeypatch
) -> None:
    tab = evidence_tab
    choose_files(monkeypatch, [DATA / "good.png"])
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = intake_dialog(qtbot, tab)
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible()
    shown = {name for name, label in dialog.errors.items() if not label.isHidden()}
    assert shown == {"source_url", "captured_at", "captured_by"}
    assert "Give the capture time" in dialog.errors["captured_at"].text()
    assert "Say who captured" in dialog.errors["captured_by"].text()
    assert "say why there is none" in dialog.errors["source_url"].text()
    assert dialog.focusWidget() is dialog.time_known  # the first problem's field

    # A reason instead of a URL answers the source question.
    qtbot.keyClicks(dialog.no_url_reason, "supplied by reporter as a file")
    assert dialog.errors["source_url"].isHidden()
    dialog.time_known.setChecked(True)
    assert dialog.errors["captured_at"].isHidden()
    qtbot.keyClicks(dialog.captured_by, "Ivy Investigator")
    summary = finish_intake(qtbot, settle, tab, dialog)
    assert "Added: 1" in summary.text()
    (added,) = stored(tab)
    assert added.no_url_reason == "supplied by reporter as a file" and added.source_url is None
    assert added.captured_by == "Ivy Investigator" and added.captured_at is not None


def drop(tab: EvidenceTab, mime: QMimeData) -> QDropEvent:
    """Drag ``mime`` onto the tab and drop it, as the window system delivers it."""
    window = tab.window().windowHandle()
    point = tab.mapTo(tab.window(), QPoint(40, 40))
    copy, left = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    enter = QDragEnterEvent(point, copy, mime, left, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(point), copy, mime, left, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, event)
    return event


def test_dropped_files_are_added_and_a_second_drop_is_a_duplicate(
    evidence_tab, qtbot, settle
) -> None:
    tab = evidence_tab
    assert tab.acceptDrops()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(DATA / "good2.png"))])
    assert drop(tab, mime).isAccepted()
    summary = finish_intake(qtbot, settle, tab, intake_dialog(qtbot, tab))
    assert "Added: 1" in summary.text()
    (item,) = stored(tab)
    assert item.original_filename == "good2.png"
    summary.close()

    again = QMimeData()
    again.setUrls([QUrl.fromLocalFile(str(DATA / "good2.png"))])
    drop(tab, again)
    summary = finish_intake(qtbot, settle, tab, intake_dialog(qtbot, tab))
    text = summary.text()
    assert "Added: 0" in text and "Skipped, already in the case: 1" in text
    assert f"good2.png: same content as evidence item {item.id} (good2.png)" in text
    assert len(stored(tab)) == 1


@pytest.fixture
def clipboard():
    """The application's clipboard, emptied afterwards: it owns what a test put on it."""
    yield QGuiApplication.clipboard()
    QGuiApplication.clipboard().clear()


def test_pasting_image_data_and_copied_files(evidence_tab, qtbot, settle, clipboard) -> None:
    tab = evidence_tab
    dialog = paste_image(qtbot, tab, clipboard, (200, 100), "#3b5998")
    assert "pasted-" in dialog.files_label.text()
    summary = finish_intake(qtbot, settle, tab, dialog)
    assert "Added: 1" in summary.text()
    (pasted,) = stored(tab)
    assert pasted.media_type == "image/png" and (pasted.width, pasted.height) == (200, 100)
    assert pasted.original_filename.startswith("pasted-")
    summary.close()

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(DATA / "good.jpg"))])
    clipboard.setMimeData(mime)
    qtbot.mouseClick(tab.paste_button, Qt.MouseButton.LeftButton)
    summary = finish_intake(qtbot, settle, tab, intake_dialog(qtbot, tab))
    assert "Added: 1" in summary.text()
    assert {i.original_filename for i in stored(tab)} == {pasted.original_filename, "good.jpg"}


def bad_files(tmp_path: Path) -> dict[str, str]:
    """Every kind of bad file, and a word of the message each one must get."""
    expected = {
        str(DATA / "zero-byte.png"): "empty",
        str(DATA / "truncated.png"): "truncated",
        str(DATA / "corrupt.jpg"): "damaged",
        str(DATA / "html-named.png"): "HTML",
        str(DATA / "bomb.png"): "pixels",
        str(DATA / "unsupported.txt"): "not a supported",
        str(DATA / "page.html"): "not a supported",
    }
    big = tmp_path / "big.png"
    big.write_bytes(os.urandom(1024 * 1024 + 10))
    expected[str(big)] = "the limit for evidence is 1.0 MB"
    folder = tmp_path / "folder.png"
    folder.mkdir()
    expected[str(folder)] = "it is a folder"
    dangling = tmp_path / "gone.png"
    dangling.symlink_to(tmp_path / "nowhere.png")
    expected[str(dangling)] = "Cannot read"
    backslash = tmp_path / "evil\\name.png"
    backslash.write_bytes((DATA / "good.png").read_bytes())
    expected[str(backslash)] = "folder separator"
    dots = tmp_path / "evil..png"
    dots.write_bytes((DATA / "good.png").read_bytes())
    expected[str(dots)] = "'..'"
    raw = os.fsencode(tmp_path) + b"/bad-\xff.png"
    with open(raw, "wb") as handle:
        handle.write((DATA / "good.png").read_bytes())
    expected[os.fsdecode(raw)] = "not valid UTF-8"
    return expected


def test_every_bad_file_gets_its_own_message_and_nothing_is_stored(
    evidence_tab, qtbot, settle, monkeypatch, tmp_path
) -> None:
    tab = evidence_tab
    admin = authenticate(
        tab.workspace.database,
        "admin",
        next(u.password for u in DEMO_USERS if u.username == "admin"),
    )
    settings.set_value(tab.workspace.database, admin, "evidence.max_megabytes", 1)
    expected = bad_files(tmp_path)
    choose_files(monkeypatch, [Path(p) for p in expected])
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    summary = finish_intake(qtbot, settle, tab, intake_dialog(qtbot, tab))

    text = summary.text()
    assert "Added: 0" in text and f"Refused: {len(expected)}" in text
    lines = summary.details.toPlainText().splitlines()
    for path, word in expected.items():
        name = (
            Path(path).name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        )
        line = next((ln for ln in lines if ln.startswith("  • ") and name in ln), None)
        assert line is not None, f"no line for {name} in {lines}"
        assert word in line, f"{name}: {line}"
    assert "Traceback" not in text
    assert stored(tab) == []
    summary.close()

    # The application carries on: a good file goes in afterwards.
    choose_files(monkeypatch, [DATA / "good.png"])
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    summary = finish_intake(qtbot, settle, tab, intake_dialog(qtbot, tab))
    assert "Added: 1" in summary.text()


def test_cancelling_an_import_keeps_whole_items_only(
    evidence_tab, qtbot, settle, monkeypatch, tmp_path
) -> None:
    tab = evidence_tab
    paths = []
    for number in range(12):
        # Noise compresses badly, so each file takes a while to hash and decode.
        noise = os.urandom(1280 * 720 * 3)
        image = QImage(noise, 1280, 720, 1280 * 3, QImage.Format.Format_RGB888)
        path = tmp_path / f"shot-{number:02d}.png"
        assert image.save(str(path), "PNG", 0)
        paths.append(path)
    choose_files(monkeypatch, paths)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = intake_dialog(qtbot, tab)
    fill_required(qtbot, dialog)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    progress = tab.findChild(QProgressDialog, "progressDialog")
    assert progress is not None
    qtbot.waitUntil(lambda: progress.value() >= 1, timeout=20_000)
    cancel = progress.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    cancel.click()
    qtbot.waitUntil(lambda: tab.summary_dialog is not None, timeout=30_000)
    settle(tab.workspace)
    text = tab.summary_dialog.text()
    assert "cancelled" in text
    items = stored(tab)
    assert 1 <= len(items) < 12
    assert f"Added: {len(items)}" in text
    assert [i.original_filename for i in items] == [p.name for p in paths[: len(items)]]
    assert all((i.width, i.height) == (1280, 720) for i in items)  # whole items only


def test_an_import_that_fails_as_a_whole_is_explained_and_add_files_works_again(
    evidence_tab, demo_url, qtbot, settle, monkeypatch
) -> None:
    tab = evidence_tab
    # The database refuses every new item (as a full disk would): the import stops
    # with an error instead of a summary.
    with closing(sqlite_files.connect(demo_url.removeprefix("sqlite:///"))) as raw, raw:
        raw.execute("CREATE TRIGGER no_room BEFORE INSERT ON evidence_items "
                    "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")  # fmt: skip
    choose_files(monkeypatch, [DATA / "good.png"])
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = intake_dialog(qtbot, tab)
    fill_required(qtbot, dialog)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.import_failed_box is not None, timeout=20_000)
    box = tab.import_failed_box
    assert box is not None and "disk is full" in box.text()
    box.button(QMessageBox.StandardButton.Discard).click()  # the files stay on disk anyway
    settle(tab.workspace)
    assert tab.import_failed_box is None
    assert stored(tab) == []
    assert tab.add_button.isEnabled()


def test_capturing_a_drawn_region(evidence_tab, qtbot, settle) -> None:
    tab = evidence_tab
    window = tab.window()
    qtbot.mouseClick(tab.capture_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.capture_dialog is not None and tab.capture_dialog.isVisible())
    dialog = tab.capture_dialog
    dialog.region.setChecked(True)
    dialog.delay.setValue(0)
    qtbot.mouseClick(dialog.capture_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()  # out of the picture
    capture = tab.capture
    qtbot.waitUntil(lambda: capture.overlay is not None and capture.overlay.isVisible())
    overlay = capture.overlay
    QTest.mousePress(overlay, Qt.MouseButton.LeftButton, pos=QPoint(30, 40))
    QTest.mouseMove(overlay, QPoint(100, 80))
    assert (overlay.selection().width(), overlay.selection().height()) == (70, 40)
    QTest.mouseRelease(overlay, Qt.MouseButton.LeftButton, pos=QPoint(150, 90))
    assert window.isVisible()
    intake = intake_dialog(qtbot, tab)
    assert intake.time_known.isChecked()
    assert intake.captured_by.text() == "Ivy Investigator"
    summary = finish_intake(qtbot, settle, tab, intake)
    assert "Added: 1" in summary.text()
    (item,) = stored(tab)
    assert (item.width, item.height) == (120, 50)
    assert item.original_filename.startswith("screen-capture-")
    assert item.captured_by == "Ivy Investigator"
    assert item.captured_at is not None
    age = dt.datetime.now(dt.UTC) - item.captured_at.replace(tzinfo=dt.UTC)
    assert dt.timedelta(0) <= age < dt.timedelta(minutes=2)
    assert item.capture_tz


def test_a_capture_counts_down_and_esc_cancels_the_region(evidence_tab, qtbot, settle) -> None:
    tab = evidence_tab
    window = tab.window()
    capture = tab.start_capture(region=True, delay=1)
    assert not window.isVisible()
    assert capture.countdown.isVisible() and capture.countdown.label.text() == "1"
    qtbot.waitUntil(lambda: capture.overlay is not None and capture.overlay.isVisible(),
                    timeout=5_000)  # fmt: skip
    assert not capture.countdown.isVisible()  # gone before the picture was taken
    QTest.keyClick(capture.overlay, Qt.Key.Key_Escape)
    assert window.isVisible()
    assert tab.intake_dialog is None
    settle(tab.workspace)
    assert stored(tab) == []


def test_full_screen_capture_keeps_the_whole_screen(evidence_tab, qtbot, settle) -> None:
    tab = evidence_tab
    tab.start_capture(region=False, delay=0)
    summary = finish_intake(qtbot, settle, tab, intake_dialog(qtbot, tab))
    assert "Added: 1" in summary.text()
    (item,) = stored(tab)
    screen = QGuiApplication.primaryScreen().geometry()
    assert (item.width, item.height) == (screen.width(), screen.height())


def test_hr_sees_evidence_but_cannot_add(workspace_for, open_view, find_case) -> None:
    harper = workspace_for("hr")
    detail = find_case(harper, CaseStatus.DISCIPLINE_REVIEW)
    view = open_view(harper, detail.id)
    assert view.evidence is not None
    assert not view.evidence.acceptDrops()
    assert view.evidence.add_button.isHidden() and view.evidence.capture_button.isHidden()
    assert not view.evidence.export_button.isHidden()


def test_file_capture_screen_goes_to_the_open_case(workspace_for, find_case, qtbot, settle) -> None:
    from app.ui.main_window import MainWindow

    ivy = workspace_for("investigator")
    window = MainWindow(ivy)
    qtbot.addWidget(window)
    window.show()
    settle(ivy)
    assert window.capture_action.isVisible()
    window.capture_action.trigger()  # no case open: only a hint
    assert "Open a case" in window.statusBar().currentMessage()

    detail = find_case(ivy, CaseStatus.INVESTIGATING)
    view = window.pages["cases"].open_case(detail.id)
    qtbot.waitUntil(lambda: view.detail is not None, timeout=20_000)
    settle(ivy, timeout=20_000)
    window.capture_action.trigger()
    assert view.tabs.currentWidget() is view.evidence
    dialog = view.evidence.capture_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
    window.close()


# -- evidence obtained under an authorization --------------------------------------------------


@pytest.fixture
def authorized_tab(workspace_for, open_view, qtbot, settle):
    """Ivy's Evidence tab on a new MA DYS case with an investigation authorization for February."""
    ivy, sam = workspace_for("investigator"), workspace_for("supervisor")
    database = ivy.database
    case = cases.create_case(database, ivy.actor, CaseFields(
        agency_code="MADYS", title="Staff account messaging a youth",
        reported_on=dt.date(2026, 2, 1)))  # fmt: skip
    cases.transition_case(database, ivy.actor, case.id, CaseStatus.INVESTIGATING)
    staff = employees.list_employees(database, sam.actor, agency_code="MADYS")
    granted = authorizations.add_investigation(
        database, sam.actor,
        authorizations.InvestigationFields(
            employee_id=staff[0].id, role="investigation_unit", supervisor_id=staff[1].id,
            written_on="2026-02-01", platform="Instagram", account_name="inv.test.profile",
            case_id=case.id, youth_communication_approved=False, starts_on="2026-02-01",
            ends_on="2026-02-28",
        ),
    )  # fmt: skip
    view: CaseView = open_view(ivy, case.id)
    assert view.evidence is not None
    view.tabs.setCurrentWidget(view.evidence)
    settle(ivy)
    EXISTING[case.id] = set()
    yield view.evidence, granted.id


def _choose_obtained(qtbot, dialog: IntakeDialog, how: str) -> None:
    with qtbot.waitSignal(dialog.link.loaded, timeout=10_000):
        dialog.obtained.setCurrentIndex(dialog.obtained.findData(how))


def _set_capture(dialog: IntakeDialog, when: str) -> None:
    dialog.time_known.setChecked(True)
    dialog.zone.setCurrentText("America/New_York")
    dialog.captured_at.setDateTime(dialog.captured_at.dateTime().fromString(
        when, "yyyy-MM-dd HH:mm:ss"))  # fmt: skip


def test_the_authorization_is_chosen_from_the_case_and_shown_in_the_viewer(
    authorized_tab, qtbot, settle, monkeypatch
) -> None:
    tab, granted = authorized_tab
    choose_files(monkeypatch, [DATA / "good.png"])
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = intake_dialog(qtbot, tab)
    assert not dialog.form.isRowVisible(dialog.link)  # "Publicly available" names no record
    _choose_obtained(qtbot, dialog, "investigation_authorization")
    assert dialog.form.isRowVisible(dialog.link) and dialog.link.combo.isEnabled()
    index = dialog.link.combo.findData(granted)
    assert index >= 0 and dialog.link.combo.currentIndex() == index  # the only one: chosen
    entry = dialog.link.combo.itemText(index)
    for part in (f"Authorization {granted}", "inv.test.profile (Instagram)",
                 "2026-02-01 – 2026-02-28", "Ended"):  # fmt: skip
        assert part in entry, entry
    _set_capture(dialog, "2026-02-10 12:00:00")

    summary = finish_intake(qtbot, settle, tab, dialog)
    assert "Added: 1" in summary.text()
    [item] = stored(tab)
    assert item.obtained.value == "investigation_authorization"
    assert item.authorization_id == granted
    assert item.obtained_under == f"Authorization {granted} (Instagram, 2026-02-01 – 2026-02-28)"

    summary.close()
    qtbot.waitUntil(lambda: tab.model.row_of(item.id) >= 0)
    tab.table.selectRow(tab.model.row_of(item.id))
    viewer = tab.open_viewer()
    assert viewer is not None
    qtbot.waitUntil(lambda: "obtained" in viewer.fact_labels)
    shown = viewer.fact_labels["obtained"].text()
    assert shown == f"Under an investigation authorization\n{item.obtained_under}"
    settle(tab.workspace)
    viewer.close()


def test_a_capture_outside_the_authorization_is_refused_beside_the_combo(
    authorized_tab, qtbot, settle, monkeypatch
) -> None:
    tab, granted = authorized_tab
    choose_files(monkeypatch, [DATA / "good.png"])
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = intake_dialog(qtbot, tab)
    _choose_obtained(qtbot, dialog, "investigation_authorization")
    assert dialog.link.selected_id() == granted
    _set_capture(dialog, "2026-03-05 09:30:00")
    fill_required(qtbot, dialog)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    error = dialog.errors["link"]
    qtbot.waitUntil(lambda: error.isVisible())
    assert dialog.isVisible() and dialog.import_button.isEnabled()
    assert error.text().startswith("MA-DYS-01.05.22 B.3.a: ")
    assert "captured on 2026-03-05" in error.text() and "not active" in error.text()
    _set_capture(dialog, "2026-03-05 09:31:00")
    assert error.isHidden()  # a new capture time clears the refusal

    # A case with no record of the kind says so and what to do; nothing is offered.
    _choose_obtained(qtbot, dialog, "credential_request")
    assert not dialog.link.combo.isEnabled()
    assert dialog.link.combo.currentText() == "No credential request is recorded for this case"
    assert dialog.link.hint.isVisible() and "Credential requests page" in dialog.link.hint.text()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: error.isVisible())
    assert "must say which one" in error.text() and "casedesk" not in error.text()
    dialog.reject()
    settle(tab.workspace)
    assert stored(tab) == []


def test_a_paste_whose_import_failed_is_kept_to_try_again(
    evidence_tab, qtbot, settle, clipboard, monkeypatch
) -> None:
    """The import fails as a whole (the database stayed busy through every retry): the
    pasted picture and what was typed for it are not lost; Retry adds it."""
    import app.ui.evidence.intake as intake_ui
    from app.domain.errors import DatabaseBusy

    real = intake_ui.import_evidence
    calls: list[int] = []

    def busy_once(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 1:
            raise DatabaseBusy("The database was busy with other users' changes.")
        return real(*args, **kwargs)

    monkeypatch.setattr(intake_ui, "import_evidence", busy_once)
    tab = evidence_tab
    dialog = paste_image(qtbot, tab, clipboard, (120, 80), "#c13584")
    qtbot.keyClicks(dialog.description, "The story the reporter screen-shared.")
    fill_required(qtbot, dialog)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.import_failed_box is not None, timeout=30_000)
    box = tab.import_failed_box
    assert box is not None and "busy" in box.text() and not stored(tab)
    tab.summary_dialog = None
    box.button(QMessageBox.StandardButton.Retry).click()
    qtbot.waitUntil(lambda: tab.summary_dialog is not None, timeout=30_000)
    settle(tab.workspace)
    (added,) = stored(tab)
    assert (added.width, added.height) == (120, 80)
    assert added.description == "The story the reporter screen-shared."
    assert len(calls) == 2
