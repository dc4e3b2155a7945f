"""Report dialogs: build a PDF report in the background, then open or save it.

:class:`GenerateReportDialog` is what every report dialog shares: Generate
runs the subclass's work off the UI thread with a progress dialog (Cancel
stops it at the next step), the result is kept in memory, "Open" saves it in
the reports folder (Documents/Casedesk, private to the user) and hands it to
the system viewer, "Save as…" asks where, starting in that folder, and writes
it there (atomically, in the background).
:class:`ReportDialog` is "Generate report…" of one case: the disciplinary
report (every evidence item re-hashed first) or the case summary.
:class:`LetterDialog` shows a letter of the disciplinary process the
Discipline tab's Letters menu generated (:func:`letter_work`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import InvalidInput
from app.privatefiles import (
    check_output_name,
    check_replaceable,
    private_dir,
    write_atomic_private,
)
from app.services import report_building
from app.services.employees import EmployeeInfo
from app.services.letter_kinds import LetterKind
from app.ui.case_view.support import alive
from app.ui.tasks import Cancelled, TaskControl
from app.ui.workspace import Workspace

if TYPE_CHECKING:
    from app.services.report_building import GeneratedReportInfo


def write_pdf(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` (0600) through the private staging folder, then move it.

    A file is replaced only if it is a regular file (the file dialog asked first).
    """
    try:
        check_output_name(path)
        check_replaceable(path, overwrite=True)
        write_atomic_private(path, data)
    except OSError as exc:
        raise InvalidInput(f"Cannot write {path}: {exc.strerror or exc}.") from None
    return path


def reports_folder() -> Path:
    """Where reports are saved unless the user chooses otherwise: Documents/Casedesk, 0700.

    A report names employees and discipline: it goes where the user keeps
    documents (and finds them again), in a folder only they can read, never
    in a cache folder that is cleaned without asking.
    """
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(base or Path.home()) / "Casedesk"
    try:
        private_dir(folder)
    except OSError as exc:
        raise InvalidInput(
            f"Cannot make the folder {folder} for reports: {exc.strerror or exc}; "
            "use Save as… and choose another folder."
        ) from None
    return folder


class GenerateReportDialog(QDialog):
    """Generate, then Open or Save as…: the part of a report dialog that is always the same.

    Subclasses put their choices in :attr:`form`, explain the report in
    :attr:`note`, and implement :meth:`report_work` and :meth:`progress_text`.
    """

    generated = Signal(object)  #: the :class:`GeneratedReportInfo`
    saved = Signal(str)  #: the path written by Open or Save as…

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.result_info: GeneratedReportInfo | None = None
        self.form = QFormLayout()
        self.note = QLabel()
        self.note.setObjectName("reportNote")
        self.note.setWordWrap(True)
        self.result_label = QLabel()
        self.result_label.setObjectName("reportResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.generate_button = QPushButton(self.tr("&Generate"))
        self.generate_button.setObjectName("generateButton")
        self.generate_button.setDefault(True)
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setObjectName("openReportButton")
        self.save_button = QPushButton(self.tr("Save &as…"))
        self.save_button.setObjectName("saveReportButton")
        self.open_button.setEnabled(False)
        self.save_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.generate_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        layout.addWidget(buttons)

        self.generate_button.clicked.connect(self.on_generate_clicked)
        self.open_button.clicked.connect(self.on_open_clicked)
        self.save_button.clicked.connect(self.on_save_clicked)

    # -- what subclasses give --------------------------------------------------------------

    def report_work(self) -> Callable[[TaskControl], GeneratedReportInfo] | None:
        """The background work that builds the report, or None if the form is not ready
        (the subclass has shown why)."""
        raise NotImplementedError

    def progress_text(self) -> str:
        """What the progress dialog says while the report is built."""
        raise NotImplementedError

    # -- generating ------------------------------------------------------------------------

    @Slot()
    def on_generate_clicked(self) -> None:
        """Build the report in the background, with progress and Cancel."""
        work = self.report_work()
        if work is None:
            return
        self.generate_button.setEnabled(False)
        self.open_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.result_label.setText(self.tr("Generating…"))

        def cancellable(control: TaskControl) -> GeneratedReportInfo | None:
            # A cancelled task delivers nothing; None tells the dialog to be usable again.
            try:
                return work(control)
            except Cancelled:
                return None

        self.workspace.tasks.run(
            cancellable,
            on_success=alive(self, self._on_generated),
            on_failure=alive(self, self._on_failed),
            progress=self.progress_text(),
            parent=self,
        )

    def show_generated(self, info: GeneratedReportInfo) -> None:
        """Show ``info``, generated elsewhere, ready to Open or Save as…."""
        self._on_generated(info)

    def _on_generated(self, info: GeneratedReportInfo | None) -> None:
        self.generate_button.setEnabled(True)
        if info is None:
            self.result_label.setText(self.tr("Cancelled; no report was generated."))
            return
        self.result_info = info
        self.open_button.setEnabled(True)
        self.save_button.setEnabled(True)
        text = self.tr("Generated {0} ({1:,} bytes). SHA-256 {2}").format(
            info.suggested_name, info.size, info.sha256
        )
        # The checkpoint printed on the last page: what `audit verify --checkpoint` takes.
        for line in (info.checkpoint_line, info.checkpoint_warning):
            if line:
                text += "\n" + line
        self.result_label.setText(text)
        self.open_button.setFocus()
        self.generated.emit(info)

    def _on_failed(self, error: BaseException) -> None:
        self.generate_button.setEnabled(True)
        self.result_label.setText(self.tr("No report was generated."))
        self.show_failure(error)

    def show_failure(self, error: BaseException) -> None:
        """Say why the report was not generated (subclasses show input errors by their field)."""
        self.workspace.errors.show(error, self)

    def _write(self, path: Path, then: Any) -> None:
        info = self.result_info
        assert info is not None
        data = info.pdf
        self.workspace.tasks.run(
            lambda: write_pdf(path, data),
            on_success=alive(self, then),
            on_failure=alive(self, lambda e: self.workspace.errors.show(e, self)),
            parent=self,
        )

    @Slot()
    def on_open_clicked(self) -> None:
        """Save the PDF in the reports folder (Documents/Casedesk) and open it in the viewer."""
        if self.result_info is None:
            return
        name, data = self.result_info.suggested_name, self.result_info.pdf

        def work() -> Path:
            return write_pdf(reports_folder() / name, data)

        self.workspace.tasks.run(
            work,
            on_success=alive(self, self._on_viewer_file),
            on_failure=alive(self, lambda e: self.workspace.errors.show(e, self)),
            parent=self,
        )

    def _on_viewer_file(self, path: Path) -> None:
        self.saved.emit(str(path))
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.result_label.setText(
                self.tr("No PDF viewer opened it; the report is at {0}.").format(path)
            )

    @Slot()
    def on_save_clicked(self) -> None:
        """Ask where to save the PDF, then write it there."""
        if self.result_info is None:
            return
        dialog = QFileDialog(self, self.tr("Save report"))
        dialog.setObjectName("saveReportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF files (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        try:
            dialog.setDirectory(str(reports_folder()))
        except InvalidInput:
            pass  # the dialog starts where it would have; the user chooses
        dialog.selectFile(self.result_info.suggested_name)
        dialog.fileSelected.connect(self.save_to)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    @Slot(str)
    def save_to(self, path: str) -> None:
        """Write the generated PDF to ``path`` (the file dialog's choice)."""
        if not path:
            return
        target = Path(path)
        self._write(target, self._on_saved)

    def _on_saved(self, path: Path) -> None:
        self.result_label.setText(self.tr("Saved to {0}.").format(path))
        self.saved.emit(str(path))


class ReportDialog(GenerateReportDialog):
    """Generate the disciplinary report or the case summary of one case."""

    def __init__(
        self,
        workspace: Workspace,
        case_id: int,
        case_number: str,
        subjects: tuple[EmployeeInfo, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, parent)
        self.case_id = case_id
        self.case_number = case_number
        self.setObjectName("reportDialog")
        self.setWindowTitle(self.tr("Generate report — {0}").format(case_number))

        self.disciplinary = QRadioButton(self.tr("&Disciplinary report"))
        self.disciplinary.setObjectName("kindDisciplinary")
        self.disciplinary.setChecked(True)
        self.summary = QRadioButton(self.tr("Case &summary"))
        self.summary.setObjectName("kindSummary")
        self.employee = QComboBox()
        self.employee.setObjectName("reportEmployee")
        for subject in subjects:
            self.employee.addItem(subject.full_name, subject.id)
        self.employee.setEnabled(len(subjects) > 1)
        self.note.setText(
            self.tr("Every evidence item is re-hashed first; the report is refused if one "
                    "no longer matches. The report is recorded with its SHA-256.")
        )  # fmt: skip
        self.form.addRow(self.tr("Kind:"), self.disciplinary)
        self.form.addRow("", self.summary)
        self.form.addRow(self.tr("&Employee:"), self.employee)
        self.include_void = QCheckBox(self.tr("Include &void evidence (printed as VOID)"))
        self.include_void.setObjectName("includeVoid")
        self.include_void.setToolTip(
            self.tr("Void items are left out unless chosen; when included, each is marked "
                    "VOID with the reason.")
        )  # fmt: skip
        self.form.addRow("", self.include_void)
        self.resize(520, 280)

        self._several = len(subjects) > 1
        self.disciplinary.toggled.connect(self.on_kind_toggled)

    @Slot(bool)
    def on_kind_toggled(self, disciplinary: bool) -> None:
        """The employee matters only for a disciplinary report of a case with several."""
        self.employee.setEnabled(disciplinary and self._several)

    def report_work(self) -> Callable[[TaskControl], GeneratedReportInfo]:
        database, actor = self.workspace.database, self.workspace.actor
        case_id = self.case_id
        disciplinary = self.disciplinary.isChecked()
        employee_id = self.employee.currentData() if disciplinary else None
        include_void = self.include_void.isChecked()

        def work(control: TaskControl) -> GeneratedReportInfo:
            if disciplinary:
                return report_building.generate_disciplinary(
                    database, actor, case_id, employee_id=employee_id, progress=control.progress,
                    include_void=include_void,
                )  # fmt: skip
            return report_building.generate_case_summaries(
                database, actor, [case_id], progress=control.progress, include_void=include_void
            )

        return work

    def progress_text(self) -> str:
        return self.tr("Generating the report of {0}…").format(self.case_number)


def letter_work(
    workspace: Workspace, kind: LetterKind, case_ref: int | str, employee_id: int, draft: bool
) -> Callable[[TaskControl], GeneratedReportInfo | None]:
    """The background work that generates one letter (None if cancelled)."""
    database, actor = workspace.database, workspace.actor

    def work(control: TaskControl) -> GeneratedReportInfo | None:
        try:
            return report_building.generate_letter(
                database, actor, kind, case_ref, employee_id=employee_id, draft=draft,
                progress=control.progress,
            )  # fmt: skip
        except Cancelled:
            return None

    return work


class LetterDialog(GenerateReportDialog):
    """A letter of the disciplinary process, generated: Open or Save as… (or again)."""

    def __init__(
        self,
        workspace: Workspace,
        kind: LetterKind,
        case_number: str,
        employee_id: int,
        employee_name: str,
        draft: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, parent)
        self.kind, self.case_number, self.draft = kind, case_number, draft
        self.employee_id = employee_id
        self.setObjectName("letterDialog")
        titles = {
            LetterKind.NOTICE: self.tr("Pre-action notice"),
            LetterKind.DECISION: self.tr("Decision letter"),
            LetterKind.CLOSURE: self.tr("Closure letter"),
        }
        title = titles[kind]
        if draft:
            title = self.tr("Draft {0} (watermarked)").format(title.lower())
        self.setWindowTitle(f"{title} — {case_number}")
        self.form.addRow(self.tr("Letter:"), QLabel(title))
        self.form.addRow(self.tr("Employee:"), QLabel(employee_name))
        self.note.setText(
            self.tr("A draft is watermarked DRAFT on every page and has no signature part.")
            if draft
            else self.tr("The letter is recorded with its SHA-256; Generate makes it again "
                         "from the record as it stands.")
        )  # fmt: skip
        self.generate_button.setDefault(False)
        self.resize(520, 240)

    def report_work(self) -> Callable[[TaskControl], GeneratedReportInfo]:
        work = letter_work(self.workspace, self.kind, self.case_number, self.employee_id,
                           self.draft)  # fmt: skip

        def done(control: TaskControl) -> GeneratedReportInfo:
            info = work(control)
            if info is None:
                raise Cancelled
            return info

        return done

    def progress_text(self) -> str:
        return self.tr("Generating the letter of {0}…").format(self.case_number)
