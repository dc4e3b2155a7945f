"""The Evidence tab of a case: the items with thumbnails, and every way to add to them.

Files come in through the file dialog (many at once), drag and drop, the
clipboard (image data or copied files) and the screen capture; each way
opens the same intake dialog, then the import runs in the background.
Thumbnails are made and cached by the service off the UI thread; rows show
a placeholder until theirs arrives. What the user may do follows their
permissions: buttons they may not use are hidden.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QMimeData, QModelIndex, QSettings, QSize, Qt, Slot
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.permissions import Permission
from app.services.evidence import EvidenceCheck, EvidenceInfo, list_evidence, verify_evidence
from app.services.evidence.intake import ImportReport, IntakeMetadata, attach_page_source_file
from app.services.evidence.thumbnails import case_thumbnails
from app.ui.case_view.support import alive
from app.ui.evidence import images as images_module
from app.ui.evidence.capture import CaptureDialog, ScreenCapture
from app.ui.evidence.export import ExportDialog
from app.ui.evidence.intake import (
    ImportSummaryDialog,
    IntakeDefaults,
    IntakeDialog,
    PendingImage,
    Source,
    quick_thread_switch,
    run_import,
)
from app.ui.evidence.model import THUMB_SIDE, EvidenceModel
from app.ui.evidence.viewer import EvidenceViewer
from app.ui.fit import keep_short_values_whole
from app.ui.workspace import Workspace

_DELAY_KEY = "evidence/capture_delay"
_FOLDER_KEY = "evidence/add_folder"
#: Thumbnails are cached at this size and scaled down for the list.
CACHED_SIDE = 240


def _scaled(images: dict[int, bytes]) -> dict[int, QImage]:
    """PNG thumbnails decoded and scaled for the list (runs off the UI thread)."""
    scaled = {
        item_id: images_module.thumbnail(data, THUMB_SIDE) for item_id, data in images.items()
    }
    return {item_id: image for item_id, image in scaled.items() if not image.isNull()}


def sources_from_mime(mime: QMimeData, stamp: dt.datetime) -> list[Source]:
    """Files named by a drop or the clipboard, else its image data."""
    if mime.hasUrls():
        paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        if paths:
            return list(paths)
    if mime.hasImage():
        image = mime.imageData()
        if isinstance(image, QImage) and not image.isNull():
            name = f"pasted-{stamp.astimezone(dt.UTC).strftime('%Y%m%dT%H%M%SZ')}.png"
            return [PendingImage(name, image.copy())]
    return []


class EvidenceTab(QWidget):
    """A case's screenshots: list, intake, capture, viewer, export, verification."""

    def __init__(self, workspace: Workspace, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.case_id = case_id
        self.case_number = ""
        self.intake_dialog: IntakeDialog | None = None
        self.summary_dialog: ImportSummaryDialog | None = None
        self.capture: ScreenCapture | None = None
        self.capture_dialog: CaptureDialog | None = None
        self.viewer: EvidenceViewer | None = None
        self.export_dialog: ExportDialog | None = None
        self.verify_box: QMessageBox | None = None
        #: The question after an import failed as a whole (try again, or discard).
        self.import_failed_box: QMessageBox | None = None
        self._request = 0
        self._release_threads: Callable[[], None] = lambda: None
        self._announce_when_shown = False
        self._announcing = False
        self._loaded_once = False
        #: What waits for the next list read (:meth:`open_item`).
        self._after_listed: list[Callable[[], None]] = []
        self.setObjectName("evidenceTab")
        may_add = workspace.can(Permission.EVIDENCE_ADD)
        self.setAcceptDrops(may_add)

        self.add_button = self._button(self.tr("&Add files…"), "addEvidence", self.on_add_clicked)
        self.paste_button = self._button(self.tr("&Paste"), "pasteEvidence", self.paste)
        self.paste_button.setToolTip(
            self.tr("Add the image or the files on the clipboard (Ctrl+V)")
        )
        self.capture_button = self._button(self.tr("&Capture screen…"), "captureScreen",
                                           self.on_capture_clicked)  # fmt: skip
        self.web_button = self._button(self.tr("Capture from the &web…"), "captureWeb",
                                       self.open_capture_browser)  # fmt: skip
        self.web_button.setToolTip(
            self.tr("Browse to a post and capture it: full page, MHTML, WARC, headers, certificate")
        )
        self.capture_window: QWidget | None = None
        self.source_button = self._button(self.tr("Attach page &source…"), "attachPageSource",
                                          self.on_attach_source_clicked)  # fmt: skip
        self.source_button.setToolTip(
            self.tr("Attach the saved page (HTML, MHTML, WARC or PDF) the screenshot came from")
        )
        for button in (self.add_button, self.paste_button, self.capture_button,
                       self.web_button, self.source_button):  # fmt: skip
            button.setVisible(may_add)
        self.open_button = self._button(self.tr("&Open viewer"), "openViewer", self.open_viewer)
        self.export_button = self._button(self.tr("E&xport bundle…"), "exportBundle",
                                          self.on_export_clicked)  # fmt: skip
        if not workspace.can(
            Permission.EVIDENCE_EXPORT
        ):  # hidden before it has a parent: never a window of its own
            self.export_button.hide()
        self.verify_button = self._button(self.tr("&Verify"), "verifyEvidence", self.verify)
        self.verify_button.setToolTip(self.tr("Re-hash every item and compare with its record"))
        self.count_label = QLabel()
        self.count_label.setObjectName("evidenceCount")
        bar = QHBoxLayout()
        for button in (self.add_button, self.paste_button, self.capture_button, self.web_button):
            bar.addWidget(button)
        bar.addSpacing(12)
        for button in (self.open_button, self.source_button, self.export_button,
                       self.verify_button):  # fmt: skip
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.count_label)

        self.model = EvidenceModel(self)
        self.table = QTableView()
        self.table.setObjectName("evidenceTable")
        self.table.setModel(self.model)
        keep_short_values_whole(self.table)  # a platform or status is never cut
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setIconSize(QSize(THUMB_SIDE, THUMB_SIDE))
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(THUMB_SIDE + 8)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((EvidenceModel.PREVIEW, THUMB_SIDE + 16), (EvidenceModel.FILE, 260),
                              (EvidenceModel.CAPTURED, 220), (EvidenceModel.PLATFORM, 110),
                              (EvidenceModel.ACCOUNT, 180),
                              (EvidenceModel.SHA256, 130)):  # fmt: skip
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(self.on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.hint = QLabel(
            self.tr("Drop screenshot files here, paste with Ctrl+V, or capture the screen.")
            if may_add else self.tr("Double-click an item to open it.")
        )  # fmt: skip
        self.hint.setObjectName("evidenceHint")
        self.hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)

        paste = QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), self)
        paste.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        paste.activated.connect(self.paste)
        paste.setEnabled(may_add)
        open_ = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        open_.setContext(Qt.ShortcutContext.WidgetShortcut)
        open_.activated.connect(self.open_viewer)
        workspace.case_changed.connect(self.on_workspace_case_changed)
        self._update_buttons()

    def _button(self, text: str, name: str, slot) -> QPushButton:  # type: ignore[no-untyped-def]
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # -- loading -----------------------------------------------------------------------

    def set_case_number(self, number: str) -> None:
        self.case_number = number

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        """The list is read the first time the tab is shown, not when the case opens."""
        super().showEvent(event)
        if not self._loaded_once:
            self._loaded_once = True
            self.refresh()

    def refresh(self) -> None:
        """Read the list, then its thumbnails, in the background."""
        self._loaded_once = True
        self._request += 1
        request = self._request
        self.workspace.call(list_evidence, self.case_id,
                            on_success=alive(self, lambda items: self._on_listed(request, items)),
                            parent=self)  # fmt: skip

    def _on_listed(self, request: int, items: list[EvidenceInfo]) -> None:
        if request != self._request:
            return
        selected = self.selected()
        self.model.set_items(items)
        self.count_label.setText(self.tr("Items: {0}").format(len(items)))
        row = self.model.row_of(selected.id) if selected is not None else -1
        if items:
            self.table.selectRow(max(row, 0))
        self._update_buttons()
        waiting, self._after_listed = self._after_listed, []
        for then in waiting:
            then()
        if not items:
            self._reloaded()
            return
        database, actor, case_id = self.workspace.database, self.workspace.actor, self.case_id

        def work() -> dict[int, QImage]:
            return _scaled(case_thumbnails(database, actor, case_id, max_side=CACHED_SIDE))

        self.workspace.tasks.run(work, on_success=alive(self, self._on_thumbnails),
                                 on_failure=alive(self, self._on_thumbnails_failed))  # fmt: skip

    def _on_thumbnails(self, images: dict[int, QImage]) -> None:
        self.model.set_thumbnails(images)
        self._reloaded()

    def _on_thumbnails_failed(self, error: BaseException) -> None:
        self._reloaded()
        # The list is still useful without pictures; say so once in the status bar.
        self.workspace.status_message.emit(self.tr("Thumbnails could not be made: {0}")
                                           .format(error))  # fmt: skip

    def _reloaded(self) -> None:
        """The list and its thumbnails are shown: now the other views may follow."""
        self._release_threads()
        if self._announce_when_shown:
            self._announce_when_shown = False
            self._announcing = True
            try:
                self.workspace.case_changed.emit(self.case_id)
            finally:
                self._announcing = False

    @Slot(int)
    def on_workspace_case_changed(self, case_id: int) -> None:
        if case_id == self.case_id and self._loaded_once and not self._announcing:
            self.refresh()

    def selected(self) -> EvidenceInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.info_at(rows[0].row()) if rows else None

    @Slot()
    def _update_buttons(self) -> None:
        has_items = self.model.rowCount() > 0
        selected = self.selected()
        self.open_button.setEnabled(selected is not None)
        # A page source, once attached, is kept: a second one is refused by the service.
        self.source_button.setEnabled(selected is not None and selected.page_source_sha256 is None)
        self.export_button.setEnabled(has_items)
        self.verify_button.setEnabled(has_items)

    # -- adding ------------------------------------------------------------------------

    @Slot()
    def on_add_clicked(self) -> None:
        folder = str(QSettings().value(_FOLDER_KEY, ""))
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Add screenshots"), folder,
            self.tr("Images (*.png *.jpg *.jpeg *.gif *.webp *.bmp *.tif *.tiff);;All files (*)"),
        )  # fmt: skip
        if names:
            QSettings().setValue(_FOLDER_KEY, str(Path(names[0]).parent))
            self.start_intake([Path(n) for n in names])

    @Slot()
    def on_attach_source_clicked(self) -> None:
        item = self.selected()
        if item is None:
            return
        folder = str(QSettings().value(_FOLDER_KEY, ""))
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Attach the page source of {0}").format(item.original_filename), folder,
            self.tr("Saved pages (*.html *.htm *.mhtml *.mht *.warc *.pdf);;All files (*)"),
        )  # fmt: skip
        if not name:
            return
        self.source_button.setEnabled(False)
        self.workspace.call(attach_page_source_file, item.id, Path(name),
                            on_success=alive(self, self._on_source_attached),
                            on_failure=alive(self, self._on_source_failed),
                            progress=self.tr("Attaching the page source…"),
                            parent=self)  # fmt: skip

    def _on_source_attached(self, info: EvidenceInfo) -> None:
        self.workspace.status_message.emit(
            self.tr("Page source attached to {0}.").format(info.original_filename)
        )
        self.workspace.case_changed.emit(self.case_id)

    def _on_source_failed(self, error: BaseException) -> None:
        self._update_buttons()
        self.workspace.errors.show(error, self)

    @Slot()
    def paste(self) -> None:
        """Add what is on the clipboard: copied files, or image data."""
        mime = QGuiApplication.clipboard().mimeData()
        sources = sources_from_mime(mime, dt.datetime.now(dt.UTC)) if mime is not None else []
        if not sources:
            self.workspace.status_message.emit(
                self.tr("The clipboard holds no image and no files to add.")
            )
            return
        self.start_intake(sources)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        mime = event.mimeData()
        if mime.hasImage() or any(u.isLocalFile() for u in mime.urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        sources = sources_from_mime(event.mimeData(), dt.datetime.now(dt.UTC))
        if not sources:
            event.ignore()
            return
        event.acceptProposedAction()
        self.start_intake(sources)

    def start_intake(
        self, sources: Sequence[Source], defaults: IntakeDefaults | None = None
    ) -> None:
        """Ask for the shared metadata, then import ``sources`` in the background."""
        if defaults is None:
            defaults = IntakeDefaults(suggested_time=_earliest_change(sources))
        names = [s.name for s in sources]
        dialog = IntakeDialog(names, defaults, self.workspace, self.case_id, self)
        dialog.confirmed.connect(lambda metadata: self._import(list(sources), metadata))
        dialog.finished.connect(dialog.deleteLater)
        self.intake_dialog = dialog
        dialog.open()

    def _import(self, sources: list[Source], metadata: IntakeMetadata) -> None:
        self.add_button.setEnabled(False)
        # Kept until the list and its thumbnails have been reloaded after the import:
        # the views reloading at once are Python work competing with the UI thread.
        self._release_threads()
        self._release_threads = quick_thread_switch()

        def failed(error: BaseException) -> bool:
            return self._on_import_failed(error, sources, metadata)

        run_import(self.workspace, self.case_id, sources, metadata, parent=self,
                   on_done=self._on_imported, on_failed=failed)  # fmt: skip

    def _on_import_failed(
        self, error: BaseException, sources: list[Source], metadata: IntakeMetadata
    ) -> bool:
        """The import as a whole failed (the database was busy or unreachable, say): the
        items committed before it are kept; the rest, a screen capture or a paste among
        them, and what was typed for them are kept too until the user tries again or
        discards them."""
        self.add_button.setEnabled(True)
        self._release_threads()
        self.refresh()
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Evidence not added"),
            self.tr("The screenshots were not added: {0}").format(error),
            QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Discard,
            self,
        )
        box.setObjectName("importFailedDialog")
        box.setInformativeText(
            self.tr(
                "They and what you typed for them are kept: try again, or discard them "
                "(those already added stay; an item added twice is recognised and skipped)."
            )
        )
        box.setDefaultButton(QMessageBox.StandardButton.Retry)
        self.import_failed_box = box

        def answered(result: int) -> None:
            self.import_failed_box = None
            box.deleteLater()
            if result == QMessageBox.StandardButton.Retry:
                self._import(sources, metadata)

        box.finished.connect(answered)
        box.open()
        return True

    def _on_imported(self, report: ImportReport) -> None:
        self.add_button.setEnabled(True)
        if not report.added and not report.duplicates:
            self._release_threads()  # nothing new to show
        known = {info.id: info.original_filename for info in self.model.items}
        self.summary_dialog = ImportSummaryDialog(report, self, known)
        self.summary_dialog.open()
        if report.added:
            self.workspace.status_message.emit(
                self.tr("Screenshots added: {0}.").format(len(report.added))
            )
            # The other views (the timeline shows the adds) reload once this list is
            # shown, not all at once with it: together they kept the UI thread waiting.
            self._announce_when_shown = True
        self.refresh()

    # -- capture -----------------------------------------------------------------------

    @Slot()
    def open_capture_browser(self) -> QWidget:
        """Open (or raise) this case's capture browser window."""
        from app.ui.capture.window import CaptureWindow

        if self.capture_window is None:
            window = CaptureWindow(self.workspace, self.case_id, self.case_number)
            window.destroyed.connect(self._on_capture_window_closed)
            self.capture_window = window
            window.show()
        else:
            self.capture_window.raise_()
            self.capture_window.activateWindow()
        return self.capture_window

    def _on_capture_window_closed(self) -> None:
        self.capture_window = None

    @Slot()
    def on_capture_clicked(self) -> None:
        delay = int(str(QSettings().value(_DELAY_KEY, 3)))
        dialog = CaptureDialog(self, delay)
        dialog.accepted.connect(lambda: self.start_capture(dialog.region.isChecked(),
                                                          dialog.delay.value()))  # fmt: skip
        dialog.finished.connect(dialog.deleteLater)
        self.capture_dialog = dialog
        dialog.open()

    def start_capture(self, region: bool, delay: int) -> ScreenCapture:
        QSettings().setValue(_DELAY_KEY, delay)
        capture = ScreenCapture(self.window(), region=region, delay=delay, parent=self)
        capture.captured.connect(self.on_capture_captured)
        capture.failed.connect(self.on_capture_failed)
        for finished in (capture.captured, capture.failed, capture.cancelled):
            finished.connect(capture.deleteLater)  # after the slots above have run
        self.capture = capture
        capture.start()
        return capture

    @Slot(object, object)
    def on_capture_captured(self, image: PendingImage, moment: dt.datetime) -> None:
        zone = getattr(moment.tzinfo, "key", "UTC")
        actor = self.workspace.actor
        self.start_intake([image], IntakeDefaults(captured_at=moment, zone=zone,
                                                  captured_by=actor.full_name))  # fmt: skip

    @Slot(str)
    def on_capture_failed(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Capture screen"), message)

    # -- viewer, export, verify --------------------------------------------------------

    @Slot(QModelIndex)
    def on_table_double_clicked(self, index: QModelIndex) -> None:
        self.table.selectRow(index.row())
        self.open_viewer()

    def viewers(self) -> list[EvidenceViewer]:
        """The viewers open on this case's items."""
        return self.findChildren(EvidenceViewer)

    def open_item(self, item_id: int, then: Callable[[EvidenceViewer | None], object]) -> None:
        """Open the viewer of item ``item_id`` once the list is read again (the one open
        already, if any); ``then`` gets it (None: the case holds no such item)."""

        def listed() -> None:
            row = self.model.row_of(item_id)
            if row < 0:
                then(None)
                return
            self.table.selectRow(row)
            opened = [v for v in self.viewers() if v.info.id == item_id and v.isVisible()]
            then(opened[0] if opened else self.open_viewer())

        self._after_listed.append(listed)
        self.refresh()

    @Slot()
    def open_viewer(self) -> EvidenceViewer | None:
        info = self.selected()
        if info is None:
            return None
        viewer = EvidenceViewer(self.workspace, info, self)
        viewer.redactions_saved.connect(lambda _id: self.refresh())
        viewer.item_changed.connect(lambda _id: self.workspace.case_changed.emit(self.case_id))
        viewer.finished.connect(viewer.deleteLater)
        self.viewer = viewer
        viewer.show()
        return viewer

    @Slot()
    def on_export_clicked(self) -> None:
        dialog = ExportDialog(self.workspace, self.case_id, self.case_number or str(self.case_id),
                              self)  # fmt: skip
        dialog.exported.connect(lambda _r: self.workspace.case_changed.emit(self.case_id))
        self.export_dialog = dialog
        dialog.open()

    @Slot()
    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.workspace.call(verify_evidence, self.case_id,
                            on_success=alive(self, self._on_verified),
                            on_failure=alive(self, self._on_verify_failed),
                            progress=self.tr("Checking the evidence…"), parent=self)  # fmt: skip

    def _on_verified(self, checks: list[EvidenceCheck]) -> None:
        self._update_buttons()
        failed = [c for c in checks if not c.ok]
        self.model.set_failed({c.item.id for c in failed})
        if failed:
            text = self.tr("Items that no longer match their recorded SHA-256: {0}").format(
                len(failed)
            )
            details = "\n".join(f"• {c.item.id} {c.item.original_filename}: {c.problem}"
                                for c in failed)  # fmt: skip
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                self.tr("Integrity check failed"),
                text + "\n" + details,
                QMessageBox.StandardButton.Ok,
                self,
            )
        else:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Integrity check passed"),
                              self.tr("Every item matches its recorded SHA-256 ({0} checked).")
                              .format(len(checks)),
                              QMessageBox.StandardButton.Ok, self)  # fmt: skip
        box.setObjectName("verifyResult")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.verify_box = box
        box.open()
        self.workspace.case_changed.emit(self.case_id)  # each check is in the custody log

    def _on_verify_failed(self, error: BaseException) -> None:
        self._update_buttons()
        self.workspace.errors.show(error, self)


def _earliest_change(sources: Sequence[Source]) -> dt.datetime | None:
    """The oldest modification time of the files: a suggestion for the capture time."""
    times = []
    for source in sources:
        if isinstance(source, Path):
            try:
                times.append(source.stat().st_mtime)
            except OSError:
                continue
    return dt.datetime.fromtimestamp(min(times), dt.UTC) if times else None
