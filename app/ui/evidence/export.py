"""Exporting a case's evidence as a bundle: originals, redacted renderings, manifest, sums.

The export runs in the background with progress and Cancel; the result
dialog shows the bundle's own SHA-256, which is also recorded as an audit
event, so the recipient can check the file they were given.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import InvalidInput
from app.domain.evidence import ExportCancelled
from app.privatefiles import check_output_name
from app.services.evidence.export import BundleResult, check_destination, export_case_bundle
from app.ui.case_view.support import ErrorLabel, alive
from app.ui.evidence.model import size_text
from app.ui.tasks import Cancelled, TaskControl
from app.ui.workspace import Workspace

_FOLDER_KEY = "evidence/export_folder"


class ExportDialog(QDialog):
    """Where to write the bundle and whether to include redacted renderings."""

    exported = Signal(object)  #: the BundleResult

    def __init__(self, workspace: Workspace, case_id: int, case_number: str,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.workspace = workspace
        self.case_id = case_id
        self.result_dialog: BundleResultDialog | None = None
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export evidence bundle"))
        self.setMinimumWidth(560)
        folder = QSettings().value(_FOLDER_KEY, QDir.homePath())
        default = Path(str(folder)) / f"{case_number}-evidence.zip"
        self.path = QLineEdit(str(default))
        self.path.setObjectName("bundlePath")
        self.browse = QPushButton(self.tr("&Browse…"))
        self.browse.clicked.connect(self.on_browse_clicked)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        self.include_redacted = QCheckBox(self.tr("Include &redacted renderings"))
        self.include_redacted.setObjectName("includeRedacted")
        self.include_redacted.setChecked(True)
        explain = QLabel(self.tr(
            "The bundle holds every item's original bytes, a manifest with the metadata and "
            "hashes, a SHA256SUMS file and the custody log. Redacted renderings are added "
            "beside the originals of items that have redaction boxes."))  # fmt: skip
        explain.setWordWrap(True)
        self.error = ErrorLabel()
        self.error.setObjectName("exportError")
        form = QFormLayout()
        save_as = QLabel(self.tr("&Save as:"))
        save_as.setBuddy(self.path)  # a row holding a layout gets no buddy by itself
        form.addRow(save_as, row)
        form.addRow("", self.include_redacted)
        self.include_void = QCheckBox(self.tr("Include &void items (marked in the manifest)"))
        self.include_void.setObjectName("includeVoid")
        form.addRow("", self.include_void)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.export_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(self.tr("&Export"))
        self.export_button.setObjectName("exportButton")
        buttons.accepted.connect(self.on_export_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.path.textEdited.connect(self.error.clear_message)

    @Slot()
    def on_browse_clicked(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export evidence bundle"), self.path.text(),
            self.tr("Zip bundles (*.zip)"))  # fmt: skip
        if chosen:
            if not chosen.lower().endswith(".zip"):
                chosen += ".zip"
            self.path.setText(chosen)
            self.error.clear_message()

    @Slot()
    def on_export_clicked(self) -> None:
        text = self.path.text().strip()
        if not text:
            self.error.show_message(self.tr("Choose where to save the bundle."))
            return
        out = Path(text).expanduser()
        if out.suffix.lower() != ".zip":
            out = out.with_name(out.name + ".zip")
        try:
            check_output_name(out)
        except InvalidInput as error:
            self.error.show_message(str(error))
            return
        overwrite = False
        if out.is_file():
            answer = QMessageBox.question(
                self, self.tr("Replace the bundle?"),
                self.tr("{0} already exists. Replace it?").format(out))  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return
            overwrite = True
        try:
            check_destination(out, overwrite=overwrite)
        except InvalidInput as error:
            self.error.show_message(str(error))
            return
        QSettings().setValue(_FOLDER_KEY, str(out.parent))
        self.export_button.setEnabled(False)
        database, actor = self.workspace.database, self.workspace.actor
        case_id, include = self.case_id, self.include_redacted.isChecked()
        include_void = self.include_void.isChecked()
        label = self.tr("Exporting {0}…")

        def work(control: TaskControl) -> BundleResult:
            def progress(done: int, total: int, name: str) -> None:
                if control.cancelled:
                    return  # the service sees it through ``cancelled`` and cleans up
                try:
                    control.progress(done, total, label.format(name) if name else "")
                except Cancelled:
                    pass

            return export_case_bundle(
                database,
                actor,
                case_id,
                out,
                include_redacted=include,
                include_void=include_void,
                progress=progress,
                cancelled=lambda: control.cancelled,
            )

        self.workspace.tasks.run(work, on_success=alive(self, self._on_exported),
                                 on_failure=alive(self, self._on_failed),
                                 progress=self.tr("Exporting the evidence bundle…"),
                                 parent=self)  # fmt: skip

    def _on_exported(self, result: BundleResult) -> None:
        self.result_dialog = BundleResultDialog(result, self.parentWidget())
        self.result_dialog.open()
        self.exported.emit(result)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self.export_button.setEnabled(True)
        if isinstance(error, ExportCancelled):
            self.error.show_message(str(error))  # the user's own choice, not a fault
        elif isinstance(error, InvalidInput):
            self.error.show_message(str(error))
        else:
            self.workspace.errors.show(error, self)


class BundleResultDialog(QDialog):
    """The bundle's path, size, counts and its SHA-256, selectable to copy."""

    def __init__(self, result: BundleResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bundleResultDialog")
        self.setWindowTitle(self.tr("Evidence bundle written"))
        self.setMinimumWidth(620)
        self.result_ = result
        path = QLabel(str(result.path))
        path.setObjectName("bundleResultPath")
        path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        path.setWordWrap(True)
        counts = QLabel(self.tr("{items} items, {redacted} with a redacted rendering; {size}")
                        .format(items=result.item_count, redacted=result.redacted_count,
                                size=size_text(result.size)))  # fmt: skip
        counts.setObjectName("bundleResultCounts")
        self.sha256 = QLineEdit(result.sha256)
        self.sha256.setObjectName("bundleSha256")
        self.sha256.setReadOnly(True)
        self.sha256.setMinimumWidth(self.fontMetrics().horizontalAdvance("0" * 66))
        copy = QPushButton(self.tr("&Copy"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(result.sha256))
        hash_row = QHBoxLayout()
        hash_row.addWidget(self.sha256, 1)
        hash_row.addWidget(copy)
        note = QLabel(
            self.tr(
                "Give the SHA-256 to the recipient with the file, so they can "
                "check it; the export is recorded in each item's custody."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("File:"), path)
        form.addRow(self.tr("Contents:"), counts)
        form.addRow(self.tr("SHA-256:"), hash_row)
        checkpoint = QLabel(result.checkpoint_line or result.checkpoint_warning)
        checkpoint.setObjectName("bundleCheckpoint")
        checkpoint.setWordWrap(True)
        checkpoint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        checkpoint.setToolTip(self.tr("Also in the bundle's manifest.json"))
        if checkpoint.text():
            form.addRow(self.tr("Audit log:"), checkpoint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
