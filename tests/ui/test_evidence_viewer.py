"""The evidence viewer, redaction, bundle export and verification, on real widgets.

The items are added through the intake service; everything the user then
does (open, zoom, draw, save, export, verify) goes through the widgets.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.domain.cases import CaseStatus
from app.domain.evidence import RedactionBox, RedactionReason
from app.services import evidence
from app.services.evidence import redaction
from app.services.evidence.intake import IntakeFile, import_evidence
from app.ui.evidence.export import ExportDialog
from app.ui.evidence.model import EvidenceModel
from app.ui.evidence.tab import EvidenceTab
from app.ui.evidence.viewer import EvidenceViewer
from tests import provenance, sqlite_files
from tests.ui.pictures import click, drag

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def loaded_tab(workspace_for, open_view, find_case, qtbot, settle):
    """Ivy's Evidence tab on a case that also holds good.png and good.jpg."""
    ivy = workspace_for("investigator")
    detail = find_case(ivy, CaseStatus.INVESTIGATING)
    held = len(evidence.list_evidence(ivy.database, ivy.actor, detail.id))
    files = [IntakeFile("good.png", path=DATA / "good.png"),
             IntakeFile("good.jpg", path=DATA / "good.jpg")]  # fmt: skip
    metadata = provenance.metadata(source_url="https://www.instagram.com/p/abc/",
                              platform="Instagram", account_shown="@jordan")  # fmt: skip
    report = import_evidence(ivy.database, ivy.actor, detail.id, files, metadata)
    assert len(report.added) == 2
    view = open_view(ivy, detail.id)
    assert view.evidence is not None
    view.tabs.setCurrentWidget(view.evidence)
    qtbot.waitUntil(lambda: view.evidence.model.rowCount() == held + 2)
    settle(ivy)
    yield view.evidence


def open_viewer(qtbot, settle, tab: EvidenceTab, name: str) -> EvidenceViewer:
    row = next(r for r, i in enumerate(tab.model.items) if i.original_filename == name)
    tab.table.selectRow(row)
    assert tab.open_button.isEnabled()
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    viewer = tab.viewer
    assert viewer is not None
    qtbot.waitSignal(viewer.opened, timeout=10_000).wait()
    settle(tab.workspace)
    return viewer


def test_the_viewer_zooms_fits_and_records_the_view(loaded_tab, qtbot, settle) -> None:
    tab = loaded_tab
    viewer = open_viewer(qtbot, settle, tab, "good.png")
    image = viewer.image
    assert image.image_size() == (320, 200)
    assert viewer.stack.currentWidget() is image
    # It fits 1366x768 at 150 % (911 pixels wide): its redaction controls wrap to a second row.
    assert viewer.draw_button.isVisible() and viewer.minimumSizeHint().width() <= 911
    fitted = image.scale_factor()
    width = image.viewport().width()
    assert abs(320 * fitted - width) < 2 or 200 * fitted <= image.viewport().height() + 1

    qtbot.mouseClick(viewer.zoom_in_button, Qt.MouseButton.LeftButton)
    assert image.scale_factor() == pytest.approx(fitted * 1.25)
    QTest.keyClick(viewer, Qt.Key.Key_Minus)
    assert image.scale_factor() == pytest.approx(fitted)
    qtbot.mouseClick(viewer.actual_button, Qt.MouseButton.LeftButton)
    assert image.scale_factor() == pytest.approx(1.0)
    assert viewer.zoom_label.text() == "100 %"
    QTest.keyClick(viewer, Qt.Key.Key_Plus)
    assert image.scale_factor() == pytest.approx(1.25)
    qtbot.mouseClick(viewer.fit_button, Qt.MouseButton.LeftButton)
    assert image.scale_factor() == pytest.approx(fitted)

    info = next(i for i in tab.model.items if i.original_filename == "good.png")
    assert viewer.fact_labels["sha256"].text().replace("\n", "") == info.sha256
    assert viewer.fact_labels["platform"].text() == "Instagram"
    assert viewer.fact_labels["account"].text() == "@jordan"
    actions = viewer.custody_actions()
    assert actions[0] == "Added" and "Viewed" in actions
    history = evidence.custody_history(tab.workspace.database, tab.workspace.actor, info.id)
    assert [e.action for e in history].count("evidence.view") == 1  # opening recorded it
    viewer.close()


def test_ctrl_wheel_zooms_and_dragging_pans(loaded_tab, qtbot, settle) -> None:
    tab = loaded_tab
    viewer = open_viewer(qtbot, settle, tab, "good.jpg")
    image = viewer.image
    image.actual_size()
    centre = QPointF(image.viewport().rect().center())
    wheel = QWheelEvent(centre, QPointF(image.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)  # fmt: skip
    QApplication.sendEvent(image.viewport(), wheel)
    assert image.scale_factor() == pytest.approx(1.25)
    for _ in range(5):
        QApplication.sendEvent(image.viewport(), wheel)
    assert image.scale_factor() > 3
    bar = image.horizontalScrollBar()
    assert bar.maximum() > 0
    before = bar.value()
    viewport = image.viewport()
    start = viewport.rect().center()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    QTest.mouseMove(viewport, start + QPoint(60, 0))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(60, 0))
    assert bar.value() == before - 60  # the picture follows the hand
    viewer.close()


def test_a_tampered_item_shows_an_integrity_error_not_the_picture(
    loaded_tab, qtbot, settle, demo_url
) -> None:
    tab = loaded_tab
    info = next(i for i in tab.model.items if i.original_filename == "good.jpg")
    path = demo_url.removeprefix("sqlite:///")
    with sqlite_files.connect(path) as connection:
        connection.execute("UPDATE evidence_blobs SET data = ? WHERE sha256 = ?",
                           (b"not the screenshot", info.sha256))  # fmt: skip
    viewer = open_viewer(qtbot, settle, tab, "good.jpg")
    assert viewer.stack.currentWidget() is viewer.error
    text = viewer.error.text()
    assert "failed its integrity check" in text and "good.jpg" in text
    assert viewer.image.image_size() == (0, 0)
    assert not viewer.draw_button.isEnabled()
    qtbot.waitUntil(
        lambda: any(a.startswith("INTEGRITY FAILURE") for a in viewer.custody_actions())
    )

    viewer.close()
    tab.verify_box = None
    qtbot.mouseClick(tab.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.verify_box is not None, timeout=10_000)
    settle(tab.workspace)
    assert "Items that no longer match their recorded SHA-256: 1" in tab.verify_box.text()
    assert "good.jpg" in tab.verify_box.text()
    row = tab.model.row_of(info.id)
    assert tab.model.index(row, EvidenceModel.STATUS).data() == "INTEGRITY FAILED"


def test_redaction_boxes_are_drawn_saved_in_image_pixels_and_rendered(
    loaded_tab, qtbot, settle
) -> None:
    tab = loaded_tab
    viewer = open_viewer(qtbot, settle, tab, "good.png")
    image = viewer.image
    image.set_scale(2.0)  # drawn at 200 %, stored in the image's own pixels
    viewer.draw_button.setChecked(True)
    viewer.reason.setCurrentIndex(viewer.reason.findData("cori"))
    image.centerOn(QPointF(80, 60))
    drag(image, QPointF(20, 30), QPointF(120, 80))
    assert viewer.save_button.isEnabled() and len(image.boxes()) == 1
    # The box just drawn is not selected: the reason picked next is the next box's,
    # and the first box keeps its own.
    assert image.selected_boxes() == []
    assert viewer.reason_label.text() == "Reason for the next box:"
    viewer.reason.setCurrentIndex(viewer.reason.findData("youth_identity"))
    assert image.boxes()[0].reason == "cori" and image.boxes()[0].caption.text() == "CORI"
    drag(image, QPointF(130, 100), QPointF(160, 140))
    assert len(image.boxes()) == 2
    assert [b.reason for b in image.boxes()] == ["cori", "youth_identity"]
    # Changing a box's reason is explicit: select it (the list then shows its reason).
    click(image, QPointF(70, 55))
    assert image.selected_boxes() == [image.boxes()[0]]
    assert viewer.reason_label.text() == "Reason of the selected box:"
    assert viewer.reason.currentData() == "cori"
    viewer.reason.setCurrentIndex(viewer.reason.findData("medical"))
    assert image.boxes()[0].reason == "medical"
    # A third box, selected by a click and deleted.
    drag(image, QPointF(200, 20), QPointF(240, 60))
    assert len(image.boxes()) == 3 and image.selected_boxes() == []
    third = next(b for b in image.boxes() if b.rect().x() > 190)
    assert third.reason == "youth_identity"  # the next box's reason, not the edited "medical"
    click(image, QPointF(220, 40))
    assert len(image.selected_boxes()) == 1
    QTest.keyClick(image, Qt.Key.Key_Delete)
    assert len(image.boxes()) == 2

    with qtbot.waitSignal(viewer.redactions_saved, timeout=10_000):
        qtbot.mouseClick(viewer.save_button, Qt.MouseButton.LeftButton)
    settle(tab.workspace)
    info = viewer.info
    boxes = sorted(redaction.get_redactions(tab.workspace.database, tab.workspace.actor,
                                                     info.id), key=lambda b: b.y)  # fmt: skip
    assert len(boxes) == 2
    first, second = boxes
    assert first.reason is RedactionReason.MEDICAL
    assert abs(first.x - 20) <= 1 and abs(first.y - 30) <= 1
    assert abs(first.width - 100) <= 1 and abs(first.height - 50) <= 1
    assert second.reason is RedactionReason.YOUTH_IDENTITY
    assert abs(second.x - 130) <= 1 and abs(second.width - 30) <= 1
    assert not viewer.save_button.isEnabled()
    qtbot.waitUntil(lambda: "Redactions changed" in viewer.custody_actions())

    # The redacted rendering masks the box; the original is unchanged.
    original = viewer.original.pixelColor(70, 55)
    assert viewer.show_redacted.isEnabled()
    viewer.show_redacted.setChecked(True)
    qtbot.waitUntil(lambda: image.picture.pixmap().toImage().pixelColor(70, 55) != original)
    assert image.picture.pixmap().toImage().pixelColor(70, 55) == QColor("black")
    assert not any(box.isVisible() for box in image.boxes())
    viewer.show_redacted.setChecked(False)
    assert image.picture.pixmap().toImage().pixelColor(70, 55) == original
    stored = evidence.read_evidence(tab.workspace.database, tab.workspace.actor, info.id)[1]
    assert stored == (DATA / "good.png").read_bytes()

    viewer.close()
    qtbot.waitUntil(lambda: tab.model.info_at(tab.model.row_of(info.id)).redaction_count == 2)
    row = tab.model.row_of(info.id)
    assert tab.model.index(row, EvidenceModel.STATUS).data() == "Redacted (2)"


def test_unsaved_boxes_are_asked_about_on_close(loaded_tab, qtbot, settle, monkeypatch) -> None:
    tab = loaded_tab
    viewer = open_viewer(qtbot, settle, tab, "good.jpg")
    viewer.draw_button.setChecked(True)
    drag(viewer.image, QPointF(10, 10), QPointF(60, 40))
    assert viewer.modified
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Cancel)
    viewer.close()
    assert viewer.isVisible()  # kept open
    qtbot.mouseClick(viewer.discard_button, Qt.MouseButton.LeftButton)
    assert viewer.image.boxes() == [] and not viewer.modified
    viewer.close()
    assert not viewer.isVisible()


def test_closing_the_case_tab_asks_about_unsaved_boxes(
    loaded_tab, qtbot, settle, monkeypatch
) -> None:
    """The viewer closes with its case's tab: the tab's question names its boxes."""
    from app.ui.case_view.view import CaseView

    tab = loaded_tab
    viewer = open_viewer(qtbot, settle, tab, "good.jpg")
    viewer.draw_button.setChecked(True)
    drag(viewer.image, QPointF(10, 10), QPointF(60, 40))
    view = tab.parent()
    while not isinstance(view, CaseView):
        view = view.parent()
    asked: list[str] = []

    def cancel(box: QMessageBox) -> QMessageBox.StandardButton:
        asked.append(box.informativeText())
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "exec", cancel)
    assert not view.may_close()
    assert asked and f"redaction boxes drawn on evidence item {viewer.info.id}" in asked[0]
    assert viewer.isVisible() and viewer.modified
    qtbot.mouseClick(viewer.discard_button, Qt.MouseButton.LeftButton)
    assert view.may_close()


def test_export_writes_the_bundle_and_shows_its_sha256(loaded_tab, qtbot, settle, tmp_path) -> None:
    tab = loaded_tab
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    dialog = tab.export_dialog
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    out = tmp_path / "bundle.zip"
    dialog.path.setText(str(out))
    dialog.include_redacted.setChecked(True)
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    settle(tab.workspace)
    result = dialog.result_dialog
    assert result is not None and result.isVisible()
    assert out.is_file()
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    assert result.sha256.text() == digest
    with zipfile.ZipFile(out) as bundle:
        names = bundle.namelist()
    assert any(n.endswith("manifest.json") for n in names)
    assert any(n.endswith("SHA256SUMS") for n in names)


def test_export_refuses_a_missing_folder_beside_the_path(
    loaded_tab, qtbot, settle, tmp_path
) -> None:
    tab = loaded_tab
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    dialog = tab.export_dialog
    dialog.path.setText(str(tmp_path / "no-such-folder" / "bundle.zip"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and not dialog.error.isHidden()
    assert "does not exist" in dialog.error.text()
    settle(tab.workspace)
    dialog.reject()


def test_export_to_a_place_that_takes_no_file_is_explained_in_the_dialog(
    loaded_tab, qtbot, settle
) -> None:
    tab = loaded_tab
    ivy = tab.workspace
    shown: list[str] = []
    ivy.errors.shown.connect(lambda title, message: shown.append(title))
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    dialog = tab.export_dialog
    # /proc takes no new file, even from root: the failure comes from the export itself.
    dialog.path.setText("/proc/bundle.zip")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.error.isHidden(), timeout=10_000)
    assert "/proc" in dialog.error.text() and "Traceback" not in dialog.error.text()
    assert dialog.isVisible() and dialog.export_button.isEnabled()
    assert shown == []  # no error dialog, let alone the unexpected-error one
    settle(ivy)
    for info in tab.model.items:
        history = evidence.custody_history(ivy.database, ivy.actor, info.id)
        assert "evidence.export" not in [e.action for e in history]
    dialog.reject()


def test_verify_says_every_item_matches(loaded_tab, qtbot, settle) -> None:
    tab = loaded_tab
    qtbot.mouseClick(tab.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.verify_box is not None, timeout=10_000)
    settle(tab.workspace)
    count = tab.model.rowCount()
    assert f"Every item matches its recorded SHA-256 ({count} checked)." in tab.verify_box.text()
    for info in tab.model.items:
        actions = [
            e.action
            for e in evidence.custody_history(tab.workspace.database, tab.workspace.actor, info.id)
        ]
        assert "evidence.verify" in actions


def test_a_page_source_is_attached_from_a_file_dialog_and_a_wrong_file_is_explained(
    loaded_tab, qtbot, settle, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    tab: EvidenceTab = loaded_tab
    ivy = tab.workspace
    chosen = {"path": str(DATA / "page.html")}
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *args, **kwargs: (chosen["path"], ""))  # fmt: skip

    def select(name: str) -> int:
        row = next(r for r, i in enumerate(tab.model.items) if i.original_filename == name)
        tab.table.selectRow(row)
        return tab.model.items[row].id

    png = select("good.png")
    assert tab.source_button.isVisible() and tab.source_button.isEnabled()
    with qtbot.waitSignal(ivy.case_changed, timeout=10_000):
        qtbot.mouseClick(tab.source_button, Qt.MouseButton.LeftButton)
    settle(ivy)
    items = {i.id: i for i in evidence.list_evidence(ivy.database, ivy.actor, tab.case_id)}
    page = (DATA / "page.html").read_bytes()
    assert items[png].page_source_sha256 == hashlib.sha256(page).hexdigest()
    select("good.png")
    assert not tab.source_button.isEnabled()  # a page source, once attached, is kept

    jpg = select("good.jpg")
    chosen["path"] = str(DATA / "good.png")
    with qtbot.waitSignal(ivy.errors.shown, timeout=10_000) as shown:
        qtbot.mouseClick(tab.source_button, Qt.MouseButton.LeftButton)
    assert "is not a saved page" in str(shown.args)
    items = {i.id: i for i in evidence.list_evidence(ivy.database, ivy.actor, tab.case_id)}
    assert items[jpg].page_source_sha256 is None


def test_amend_details_and_void_from_the_viewer(loaded_tab, qtbot, settle, tmp_path) -> None:
    tab = loaded_tab
    viewer = open_viewer(qtbot, settle, tab, "good.jpg")
    assert viewer.void_banner.isHidden() and viewer.amend_button.isEnabled()
    # People by full name in the details and the custody log.
    assert "Ivy" in viewer.fact_labels["added"].text()
    assert viewer.custody.item(0, 1).text() == tab.workspace.actor.full_name

    qtbot.mouseClick(viewer.amend_button, Qt.MouseButton.LeftButton)
    amend = viewer.amend_dialog
    assert amend is not None
    qtbot.waitUntil(amend.isVisible)
    amend.account_shown.clear()
    qtbot.keyClicks(amend.account_shown, "@jordan.real")
    qtbot.mouseClick(amend.save_button, Qt.MouseButton.LeftButton)
    assert not amend.errors["reason"].isHidden()  # the reason is required, shown beside it
    qtbot.keyClicks(amend.reason, "The header shows @jordan.real")
    with qtbot.waitSignal(viewer.item_changed, timeout=10_000):
        qtbot.mouseClick(amend.save_button, Qt.MouseButton.LeftButton)
    settle(tab.workspace)
    assert viewer.fact_labels["account"].text() == "@jordan.real"
    qtbot.waitUntil(lambda: "@jordan → @jordan.real" in viewer.fact_labels["corrections"].text())
    qtbot.waitUntil(lambda: any(a.startswith("Details amended") for a in viewer.custody_actions()))

    qtbot.mouseClick(viewer.void_button, Qt.MouseButton.LeftButton)
    void = viewer.void_dialog
    assert void is not None
    qtbot.waitUntil(void.isVisible)
    qtbot.keyClicks(void.reason, "Posted by another employee")
    with qtbot.waitSignal(viewer.item_changed, timeout=10_000):
        qtbot.mouseClick(void.void_button, Qt.MouseButton.LeftButton)
    settle(tab.workspace)
    assert not viewer.void_banner.isHidden()
    assert "VOID: Posted by another employee" in viewer.void_banner.text()
    assert "(VOID)" in viewer.windowTitle()
    assert not viewer.amend_button.isEnabled() and not viewer.void_button.isEnabled()
    info = viewer.info
    qtbot.waitUntil(lambda: "VOID" in (tab.model.index(tab.model.row_of(info.id),
                                                       tab.model.STATUS).data() or ""))  # fmt: skip
    viewer.resize(1300, 820)
    qtbot.waitUntil(lambda: viewer.custody.rowCount() > 0)
    viewer.grab().save(str(tmp_path / "viewer-void.png"))
    viewer.close()


def test_a_redacted_item_opens_and_lists_redacted(loaded_tab, qtbot, settle) -> None:
    tab = loaded_tab
    info = next(i for i in tab.model.items if i.original_filename == "good.png")
    redaction.set_redactions(tab.workspace.database, tab.workspace.actor, info.id,
                             [RedactionBox(0, 0, 160, 100, RedactionReason.CORI)])  # fmt: skip
    tab.refresh()
    qtbot.waitUntil(lambda: tab.model.info_at(tab.model.row_of(info.id)).redaction_count == 1)
    settle(tab.workspace)
    qtbot.waitUntil(lambda: info.id in tab.model.thumbnails)
    thumb = tab.model.thumbnails[info.id].toImage()
    assert thumb.pixelColor(2, 2).name() == "#000000"  # the box, in the list's thumbnail
    viewer = open_viewer(qtbot, settle, tab, "good.png")
    # Opens on the redacted rendering (the box is black, a band says REDACTED) ...
    assert viewer.show_redacted.isChecked() and viewer.show_redacted.isEnabled()
    assert viewer.image.image_size()[1] > 200
    shown = viewer.image.picture.pixmap().toImage()
    assert shown.pixelColor(10, 10).name() == "#000000"
    # ... and the original is one click away for those who may redact.
    viewer.show_redacted.setChecked(False)
    assert viewer.image.image_size() == (320, 200)
    history = evidence.custody_history(tab.workspace.database, tab.workspace.actor, info.id)
    assert [e.action for e in history].count("evidence.view") == 1  # one read, one event
    viewer.close()
