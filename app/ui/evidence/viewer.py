"""The evidence viewer: the picture with zoom and pan, metadata, custody, redaction.

Opening it reads the item through ``read_evidence``, which re-hashes the
bytes and records the view in the chain of custody; bytes that no longer
match show a clear error instead of the picture. An item with redaction
boxes opens on its redacted rendering (what reports and exports use); users
who may redact untick "Show redacted rendering" to see the original, draw
boxes over confidential parts and save them; the original bytes are never
changed. The reason chosen applies to the next box drawn; a box's own
reason changes only once the user has selected that box. "Amend details…"
and "Void…" correct or void the item (``amend.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import IntegrityFailure
from app.domain.evidence import RedactionBox, RedactionReason
from app.domain.permissions import Permission
from app.services.audit import AuditEntry
from app.services.evidence import EvidenceInfo, custody_history, read_evidence
from app.services.evidence.amend import Amendment, amendment_history
from app.services.evidence.redaction import (
    get_redactions,
    read_redacted,
    render_redacted,
    set_redactions,
)
from app.ui.capture.viewer_tabs import WebCaptureTabs
from app.ui.case_view.support import alive
from app.ui.evidence.amend import AmendDialog, VoidDialog
from app.ui.evidence.details import EvidenceDetails
from app.ui.evidence.image_view import ImageView
from app.ui.evidence.images import decode
from app.ui.evidence.labels import (
    redaction_reason_labels,
)
from app.ui.fit import FlowLayout, fit_to_screen
from app.ui.palette import css, error_colour
from app.ui.workspace import Workspace


@dataclass(frozen=True)
class Opened:
    """What the viewer loads in the background when it opens."""

    info: EvidenceInfo
    image: QImage
    boxes: list[RedactionBox]
    custody: list[AuditEntry]
    #: The redacted rendering, when the item has boxes.
    redacted: QImage | None = None
    amendments: tuple[Amendment, ...] = ()


class EvidenceViewer(QDialog):
    """One item: picture on the left, metadata and custody on the right."""

    opened = Signal()  #: the picture (or the integrity error) is shown
    redactions_saved = Signal(int)  #: the item's id
    custody_loaded = Signal()
    item_changed = Signal(int)  #: the item's id: its details were corrected or it was voided

    def __init__(self, workspace: Workspace, info: EvidenceInfo,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.workspace = workspace
        self.info = info
        self.saved_boxes: list[RedactionBox] = []
        self.original = QImage()
        self.redacted_image: QImage | None = None
        self.amend_dialog: AmendDialog | None = None
        self.void_dialog: VoidDialog | None = None
        self.modified = False
        #: Whether the item has been read: the picture or the error is shown (``opened``).
        self.done_loading = False
        self.may_redact = workspace.can(Permission.EVIDENCE_REDACT)
        self.setObjectName("evidenceViewer")
        self.setWindowTitle(self.tr("Evidence {0}: {1}").format(info.id, info.original_filename))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        fit_to_screen(self, QSize(1300, 820))

        self.image = ImageView()
        self.image.scale_changed.connect(self.on_image_scale_changed)
        self.image.boxes_changed.connect(self.on_image_boxes_changed)
        self.image.selection_changed.connect(self.on_image_selection_changed)
        self.error = QLabel(self.tr("Loading…"))
        self.error.setObjectName("viewerError")
        self.error.setWordWrap(True)
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.error)
        self.stack.addWidget(self.image)

        bar = QHBoxLayout()
        self.zoom_out_button = self._tool(
            self.tr("−"), self.tr("Zoom out (-)"), self.image.zoom_out
        )
        self.zoom_in_button = self._tool(self.tr("+"), self.tr("Zoom in (+)"), self.image.zoom_in)
        self.fit_button = self._tool(self.tr("Fit"), self.tr("Fit to window (0)"), self.image.fit)
        self.actual_button = self._tool(self.tr("100 %"), self.tr("Actual size (1)"),
                                        self.image.actual_size)  # fmt: skip
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoomLabel")
        self.zoom_label.setMinimumWidth(60)
        for widget in (self.zoom_out_button, self.zoom_in_button, self.fit_button,
                       self.actual_button, self.zoom_label):  # fmt: skip
            bar.addWidget(widget)
        bar.addStretch(1)
        # The redaction controls get a row of their own, which wraps where the viewer is
        # narrow (a small or highly scaled screen: 150 % of 1366x768 is 911 pixels wide).
        redaction_bar = FlowLayout()
        self.draw_button = QToolButton()
        self.draw_button.setObjectName("drawRedactions")
        self.draw_button.setText(self.tr("&Draw redactions"))
        self.draw_button.setCheckable(True)
        self.draw_button.toggled.connect(self.on_draw_toggled)
        self.reason_label = QLabel()
        self.reason_label.setObjectName("redactionReasonLabel")
        self.reason = QComboBox()
        self.reason.setObjectName("redactionReason")
        for value, label in redaction_reason_labels().items():
            self.reason.addItem(label, value)
        self.reason.currentIndexChanged.connect(self.on_reason_changed)
        self.image.draw_reason = self.reason.currentData()
        self.image.reason_label = self.reason.currentText()
        self.delete_button = QPushButton(self.tr("De&lete box"))
        self.delete_button.setObjectName("deleteBox")
        self.delete_button.clicked.connect(self.image.delete_selected)
        self.save_button = QPushButton(self.tr("&Save redactions"))
        self.save_button.setObjectName("saveRedactions")
        self.save_button.clicked.connect(self.on_save_clicked)
        self.discard_button = QPushButton(self.tr("Disca&rd changes"))
        self.discard_button.setObjectName("discardRedactions")
        self.discard_button.clicked.connect(self.on_discard_clicked)
        self.show_redacted = QCheckBox(self.tr("Show red&acted rendering"))
        self.show_redacted.setObjectName("showRedacted")
        self.show_redacted.toggled.connect(self.on_show_redacted_toggled)
        for control in (self.draw_button, self.reason_label, self.reason, self.delete_button,
                        self.save_button, self.discard_button):  # fmt: skip
            control.setVisible(self.may_redact)
            redaction_bar.addWidget(control)
        bar.addWidget(self.show_redacted)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addLayout(redaction_bar)
        left_layout.addWidget(self.stack, 1)

        self.details = EvidenceDetails(workspace.can(Permission.EVIDENCE_ADD))
        self.details.custody_loaded.connect(self.custody_loaded)
        self.details.amend_button.clicked.connect(self.on_amend_clicked)
        self.details.void_button.clicked.connect(self.on_void_clicked)
        # The panel's parts, by the names callers and tests use.
        self.fact_labels = self.details.fact_labels
        self.custody = self.details.custody
        self.void_banner = self.details.void_banner
        self.amend_button = self.details.amend_button
        self.void_button = self.details.void_button
        # A web capture adds its tabs (viewport, headers, log, replay) once it is read.
        self.tabs = QTabWidget()
        self.tabs.setObjectName("viewerTabs")
        self.tabs.setTabBarAutoHide(True)
        self.tabs.addTab(left, self.tr("Picture"))
        splitter = QSplitter()
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([880, 420])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        for keys, slot in (((QKeySequence.StandardKey.ZoomIn, "+", "="), self.image.zoom_in),
                           ((QKeySequence.StandardKey.ZoomOut, "-"), self.image.zoom_out),
                           (("0",), self.image.fit), (("1",), self.image.actual_size)):  # fmt: skip
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.activated.connect(slot)
        self.show_facts(info)
        self._update_buttons()
        self.load()
        self.web_capture = WebCaptureTabs(workspace, self.tabs, info.id)

    def _tool(self, text: str, tip: str, slot) -> QToolButton:  # type: ignore[no-untyped-def]
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    # -- loading -----------------------------------------------------------------------

    def load(self) -> None:
        """Read the item (a recorded view), its boxes and custody, in the background."""
        database, actor, item_id = self.workspace.database, self.workspace.actor, self.info.id

        def work() -> Opened:
            info, data = read_evidence(database, actor, item_id, purpose="view")
            image = decode(data)
            boxes = list(get_redactions(database, actor, item_id))
            # Rendered from the bytes just read: one view, one custody event.
            redacted = decode(render_redacted(data, boxes)) if boxes else None
            return Opened(info, image, boxes, custody_history(database, actor, item_id),
                          redacted, tuple(amendment_history(database, actor, item_id)))  # fmt: skip

        self.workspace.tasks.run(work, on_success=alive(self, self.on_opened),
                                 on_failure=alive(self, self.on_open_failed))  # fmt: skip

    def on_opened(self, opened: Opened) -> None:
        self.info = opened.info
        self.show_facts(opened.info, opened.amendments)
        self.show_custody(opened.custody)
        if opened.image.isNull():
            self.show_error(self.tr("The picture could not be shown (it could not be decoded)."))
            self.done_loading = True
            self.opened.emit()
            return
        self.original = opened.image
        self.image.set_image(opened.image)
        self.saved_boxes = opened.boxes
        self._show_boxes(opened.boxes)
        self.stack.setCurrentWidget(self.image)
        if opened.redacted is not None and not opened.redacted.isNull():
            # What reports and exports use is what is shown first; the original on request.
            self.redacted_image = opened.redacted
            self.show_redacted.blockSignals(True)
            self.show_redacted.setChecked(True)
            self.show_redacted.blockSignals(False)
            self._show_rendering(opened.redacted)
        self.image.fit()
        self._update_buttons()
        self.done_loading = True
        self.opened.emit()

    def on_open_failed(self, error: BaseException) -> None:
        if isinstance(error, IntegrityFailure):
            self.show_error(self.tr("This item failed its integrity check and is not shown.\n\n"
                                    "{0}").format(error))  # fmt: skip
            self.refresh_custody()  # the failure is itself in the custody log
        else:
            self.show_error(str(error))
            self.workspace.errors.show(error, self)
        self.done_loading = True
        self.opened.emit()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setStyleSheet(
            f"QLabel {{ color: {css(error_colour())}; font-weight: bold; padding: 24px; }}"
        )
        self.stack.setCurrentWidget(self.error)
        for widget in (self.draw_button, self.save_button, self.show_redacted,
                       self.zoom_in_button, self.zoom_out_button, self.fit_button,
                       self.actual_button):  # fmt: skip
            widget.setEnabled(False)

    def refresh_custody(self) -> None:
        self.workspace.call(custody_history, self.info.id,
                            on_success=alive(self, self.show_custody), parent=self)  # fmt: skip

    def show_custody(self, events: list[AuditEntry]) -> None:
        self.details.show_custody(events)

    def custody_actions(self) -> list[str]:
        return self.details.custody_actions()

    def show_facts(self, info: EvidenceInfo, amendments: tuple[Amendment, ...] = ()) -> None:
        self.setWindowTitle(
            self.tr("Evidence {0}: {1}").format(info.id, info.original_filename)
            + (self.tr(" (VOID)") if info.void else "")
        )
        self.details.show_facts(info, amendments)

    # -- redaction ---------------------------------------------------------------------

    def _show_boxes(self, boxes: list[RedactionBox]) -> None:
        labels = redaction_reason_labels()
        self.image.clear_boxes()
        for box in boxes:
            reason = RedactionReason(box.reason).value
            self.image.add_box(QRectF(box.x, box.y, box.width, box.height), reason,
                               labels.get(reason, reason))  # fmt: skip
        self.modified = False

    def current_boxes(self) -> list[RedactionBox]:
        """The boxes on the picture, in original-image pixels."""
        result = []
        for item in self.image.boxes():
            x, y, width, height = item.image_rect()
            result.append(RedactionBox(x, y, width, height, RedactionReason(item.reason)))
        return result

    @Slot(bool)
    def on_draw_toggled(self, drawing: bool) -> None:
        self.image.set_drawing(drawing)

    @Slot()
    def on_reason_changed(self) -> None:
        """The reason of the selected boxes if the user selected some, else of the next box.

        A box just drawn is not left selected, so picking a reason after
        drawing one never relabels it; to change a box's reason the user
        selects it first (it is outlined in yellow and the label says so).
        """
        value = self.reason.currentData()
        label = self.reason.currentText()
        chosen = self.image.selected_boxes()
        if not chosen:
            self.image.draw_reason, self.image.reason_label = value, label
            return
        changed = False
        for box in chosen:
            if box.reason != value:
                box.set_reason(value, label)
                changed = True
        if changed:
            self.on_image_boxes_changed()

    @Slot()
    def on_image_selection_changed(self) -> None:
        """The reason list follows the selection: a selected box's reason, else the next box's."""
        chosen = self.image.selected_boxes()
        reason = chosen[0].reason if len(chosen) == 1 else self.image.draw_reason
        self.reason.blockSignals(True)
        self.reason.setCurrentIndex(self.reason.findData(reason))
        self.reason.blockSignals(False)
        self._show_reason_label()
        self._update_buttons()

    def _show_reason_label(self) -> None:
        self.reason_label.setText(
            self.tr("Reason of the selected box:") if self.image.selected_boxes()
            else self.tr("Reason for the next box:")
        )  # fmt: skip

    @Slot()
    def on_image_boxes_changed(self) -> None:
        self.modified = True
        self._update_buttons()

    @Slot(float)
    def on_image_scale_changed(self, factor: float) -> None:
        self.zoom_label.setText(f"{factor * 100:.0f} %")

    def _update_buttons(self) -> None:
        self._show_reason_label()
        self.save_button.setEnabled(self.modified)
        self.discard_button.setEnabled(self.modified)
        self.delete_button.setEnabled(bool(self.image.selected_boxes()))
        # Only those who may redact see the original of a redacted item.
        self.show_redacted.setEnabled(
            not self.modified and bool(self.saved_boxes) and self.may_redact
        )
        self.show_redacted.setToolTip(
            self.tr("Save the boxes first to see the rendering reports and exports use.")
            if self.modified else ""
        )  # fmt: skip

    @Slot()
    def on_save_clicked(self) -> None:
        boxes = self.current_boxes()
        self.save_button.setEnabled(False)
        self.workspace.call(set_redactions, self.info.id, boxes,
                            on_success=alive(self, lambda _r: self._on_saved(boxes)),
                            on_failure=alive(self, self._on_save_failed),
                            parent=self)  # fmt: skip

    def _on_saved(self, boxes: list[RedactionBox]) -> None:
        self.saved_boxes = boxes
        self.redacted_image = None  # made again from the new boxes when asked
        self.modified = False
        self.fact_labels["redactions"].setText(str(len(boxes)))
        self._update_buttons()
        self.refresh_custody()
        self.workspace.status_message.emit(
            self.tr("Redaction boxes saved: {0}; the original is unchanged.").format(len(boxes))
        )
        self.redactions_saved.emit(self.info.id)

    def _on_save_failed(self, error: BaseException) -> None:
        self._update_buttons()
        self.workspace.errors.show(error, self)

    @Slot()
    def on_discard_clicked(self) -> None:
        self._show_boxes(self.saved_boxes)
        self._update_buttons()

    @Slot(bool)
    def on_show_redacted_toggled(self, shown: bool) -> None:
        """Show what reports and exports use (read, and recorded, like any view)."""
        self.draw_button.setChecked(False)
        for control in (self.draw_button, self.reason, self.delete_button):
            control.setEnabled(not shown)
        if not shown:
            self.image.set_boxes_visible(True)
            self.image.set_image(self.original)
            return
        if self.redacted_image is not None:
            self._show_rendering(self.redacted_image)
            return
        database, actor, item_id = self.workspace.database, self.workspace.actor, self.info.id

        def work() -> QImage:
            _info, data = read_redacted(database, actor, item_id, purpose="view")
            return decode(data)

        self.workspace.tasks.run(work, on_success=alive(self, self._on_redacted_loaded),
                                 on_failure=alive(self, self.on_open_failed))  # fmt: skip

    def _on_redacted_loaded(self, image: QImage) -> None:
        if not self.show_redacted.isChecked():
            return
        self.redacted_image = image
        self._show_rendering(image)
        self.refresh_custody()

    def _show_rendering(self, image: QImage) -> None:
        """The redacted rendering in place of the original; the boxes cannot be edited on it."""
        self.draw_button.setChecked(False)
        for control in (self.draw_button, self.reason, self.delete_button):
            control.setEnabled(False)
        self.image.set_boxes_visible(False)
        self.image.set_image(image)

    # -- amend and void ----------------------------------------------------------------

    @Slot()
    def on_amend_clicked(self) -> None:
        dialog = AmendDialog(self.workspace, self.info, self)
        dialog.amended.connect(self._on_item_changed)
        dialog.finished.connect(dialog.deleteLater)
        self.amend_dialog = dialog
        dialog.open()

    @Slot()
    def on_void_clicked(self) -> None:
        dialog = VoidDialog(self.workspace, self.info, self)
        dialog.voided.connect(self._on_item_changed)
        dialog.finished.connect(dialog.deleteLater)
        self.void_dialog = dialog
        dialog.open()

    def _on_item_changed(self, info: EvidenceInfo) -> None:
        """Show the corrected or voided item with its history, and tell the list."""
        self.info = info
        self.workspace.call(amendment_history, info.id,
                            on_success=alive(self, lambda a: self.show_facts(info, tuple(a))),
                            parent=self)  # fmt: skip
        self.show_facts(info)
        self.refresh_custody()
        self.item_changed.emit(info.id)

    # -- closing -----------------------------------------------------------------------

    def unrecorded(self) -> list[str]:
        """Redaction boxes drawn and not saved, said for the case tab's question."""
        if not self.modified:
            return []
        return [self.tr("the redaction boxes drawn on evidence item {0}").format(self.info.id)]

    def put_back_boxes(self, boxes: Sequence[RedactionBox]) -> bool:
        """Show ``boxes`` (kept from a session that crashed) in place of the saved ones,
        not saved: the user checks them, then saves or discards them.

        False, changing nothing, when the picture is not shown (it failed its
        check) or the user may not redact.
        """
        if not self.may_redact or self.original.isNull():
            return False
        if self.show_redacted.isChecked():
            self.show_redacted.setChecked(False)  # the original, where boxes are drawn
        self._show_boxes(list(boxes))
        self.modified = list(boxes) != list(self.saved_boxes)
        self.image.fit()
        self._update_buttons()
        return True

    def may_close(self) -> bool:
        if not self.modified:
            return True
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved redactions"),
                          self.tr("The redaction boxes have changes that are not saved."),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)  # fmt: skip
        box.setObjectName("unsavedRedactionsDialog")
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            self.on_save_clicked()
            return True
        if answer == QMessageBox.StandardButton.Discard:
            self.on_discard_clicked()  # nothing unsaved is left to ask about or keep
            return True
        return False

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.may_close():
            event.accept()
        else:
            event.ignore()

    def reject(self) -> None:
        if self.may_close():
            super().reject()
