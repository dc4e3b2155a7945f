"""The Overview tab: the intake facts, saved with optimistic locking.

The form remembers the case version it was loaded from and saves against
it, so a save over someone else's newer change is refused (StaleUpdate)
and the user decides: reload theirs, or keep editing. A failed save never
clears the form.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import InvalidInput, StaleUpdate
from app.domain.permissions import Permission
from app.services import cases
from app.services.cases import CaseDetail, CaseFields
from app.ui.case_view import labels
from app.ui.case_view.form import CaseForm
from app.ui.case_view.merge import MergeOutcome, merge
from app.ui.case_view.support import alive
from app.ui.workspace import Workspace


class OverviewTab(QWidget):
    """The intake form with Save (Ctrl+S, from the case view) and Revert."""

    saved = Signal(object)  #: the CaseDetail after a successful save
    reload_requested = Signal()  #: the user chose to discard their edits and reload
    save_finished = Signal(bool)  #: a save ended: whether it succeeded
    stale_found = Signal()  #: a save was refused as stale: the rest of the view may catch up

    def __init__(self, workspace: Workspace, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.case_id = case_id
        self.version: int | None = None  #: the version the form's facts were loaded from
        self.detail: CaseDetail | None = None
        #: The reporter revealed in this view: (case version, name, contact). Reloads of the
        #: same version keep showing it without asking again; a newer version hides it.
        self.revealed: tuple[int, str, str] | None = None
        self.saving = False
        self.stale_dialog: QMessageBox | None = None
        self.confirm_dialog: QMessageBox | None = None
        self.form = CaseForm(workspace, editing=True)
        may_edit = workspace.can(Permission.CASE_EDIT)
        self.form.set_read_only(not may_edit)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip(self.tr("Save the intake facts (Ctrl+S)"))
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.setObjectName("revertButton")
        self.revert_button.setToolTip(self.tr("Throw away your edits and show the saved facts"))
        for button in (self.save_button, self.revert_button):
            button.setVisible(may_edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.on_save_clicked)
        self.revert_button.clicked.connect(self.on_revert_clicked)
        self.form.changed.connect(self.on_form_changed)
        self.form.show_reporter_button.clicked.connect(self.on_show_reporter_clicked)
        self.on_form_changed()

    @Slot()
    def on_show_reporter_clicked(self) -> None:
        """Reveal the confidential reporter: one audited view per click, never on reload."""
        self.form.show_reporter_button.setEnabled(False)
        self.workspace.call(cases.get_case, self.case_id, reveal_reporter=True,
                            on_success=alive(self, self._on_reporter_revealed),
                            on_failure=alive(self, self._on_reveal_failed),
                            parent=self)  # fmt: skip

    def _on_reporter_revealed(self, detail: CaseDetail) -> None:
        self.form.show_reporter_button.setEnabled(True)
        if not self.form.reporter_hidden:
            return
        fields = detail.fields
        self.revealed = (detail.version, fields.reporter_name, fields.reporter_contact)
        self.form.reveal_reporter(fields.reporter_name, fields.reporter_contact)
        self.workspace.case_changed.emit(self.case_id)  # the timeline shows the view

    def _on_reveal_failed(self, error: BaseException) -> None:
        self.form.show_reporter_button.setEnabled(True)
        self.workspace.errors.show(error, self)

    def show_detail(self, detail: CaseDetail, *, discard_edits: bool = False) -> None:
        """Show freshly loaded facts, unless that would throw away the user's edits.

        With edits in progress, a change elsewhere in the case (a note, an
        allegation, the status) leaves the facts as loaded: the edits still
        apply, so they are kept and will save against the new version. If the
        facts themselves changed, the old version stays and Save reports it.
        """
        self.detail = detail
        if discard_edits or self.version is None or not self.form.modified:
            self.form.set_fields(
                detail.fields,
                agency_name=detail.agency_name,
                subjects=detail.subjects,
                investigator_name=detail.investigator_name,
                reporter_hidden=detail.reporter_hidden,
                reporter_revealable=detail.reporter_revealable,
            )
            self.version = detail.version
            if self.revealed is not None and detail.reporter_hidden:
                if self.revealed[0] == detail.version and detail.reporter_revealable:
                    self.form.reveal_reporter(self.revealed[1], self.revealed[2])
                else:
                    self.revealed = None
        elif detail.fields == self.form.baseline:
            self.version = detail.version
        self.on_form_changed()

    def save(self) -> bool:
        """Start saving the edits in the background; ``False`` if there is nothing to save.

        :attr:`save_finished` tells how it ended.
        """
        if self.saving or self.version is None or not self.form.modified:
            return False
        if not self.workspace.can(Permission.CASE_EDIT):
            return False
        self.saving = True
        self.form.setEnabled(False)  # what is saved is what the form shows
        self.on_form_changed()
        self.workspace.call(
            cases.update_case,
            self.case_id,
            self.form.fields(),
            expected_version=self.version,
            on_success=alive(self, self._on_saved),
            on_failure=alive(self, self._on_save_failed),
            parent=self,
        )
        return True

    def _on_saved(self, detail: CaseDetail) -> None:
        self.saving = False
        self.form.setEnabled(True)
        self.show_detail(detail, discard_edits=True)
        self.workspace.status_message.emit(self.tr("Case {0} saved.").format(detail.number))
        self.saved.emit(detail)
        self.save_finished.emit(True)

    def _on_save_failed(self, error: BaseException) -> None:
        self.saving = False
        self.form.setEnabled(True)
        self.on_form_changed()
        self.save_finished.emit(False)
        if isinstance(error, StaleUpdate):
            self._compare_with_saved(error)
            self.stale_found.emit()
        elif isinstance(error, InvalidInput):
            self.form.show_error(error)
        else:
            self.workspace.errors.show(error, self)

    def _compare_with_saved(self, error: StaleUpdate) -> None:
        """Load the case as saved now and see whether both edits can be kept."""
        base, mine = self.form.baseline, self.form.fields()
        self.workspace.call(
            cases.get_case,
            self.case_id,
            on_success=alive(self, lambda saved: self._on_saved_loaded(error, base, mine, saved)),
            on_failure=alive(self, lambda _failure: self._show_stale(error)),
            parent=self,
        )

    def _on_saved_loaded(
        self, error: StaleUpdate, base: CaseFields, mine: CaseFields, saved: CaseDetail
    ) -> None:
        outcome = merge(base, mine, saved.fields)
        if outcome.merged is None:
            self._show_stale(error, outcome.collisions)
        else:
            self._offer_merge(error, saved, outcome)

    def _offer_merge(self, error: StaleUpdate, saved: CaseDetail, outcome: MergeOutcome) -> None:
        """The other user changed other fields than these edits: offer to keep both."""
        theirs = _field_names(outcome.theirs) or self.tr("no intake facts (notes, allegations "
                                                         "or the status)")  # fmt: skip
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Someone else changed this case"),
            self.tr("Also changed by {0} at {1}: {2}. Your edits are not saved yet.").format(
                error.changed_by, error.changed_at, theirs
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("staleDialog")
        box.setInformativeText(
            self.tr("Your changes ({0}) are to other fields. Merge keeps theirs and yours and "
                    "saves; Reload shows the case as saved and discards your edits.")
            .format(_field_names(outcome.mine))
        )  # fmt: skip
        merge_button = box.addButton(self.tr("Merge"), QMessageBox.ButtonRole.AcceptRole)
        merge_button.setObjectName("mergeButton")
        reload_button = box.addButton(self.tr("Reload"), QMessageBox.ButtonRole.DestructiveRole)
        reload_button.setObjectName("reloadButton")
        keep = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keepEditingButton")
        box.setDefaultButton(merge_button)
        box.setEscapeButton(keep)
        merged = outcome.merged
        assert merged is not None

        def answered(button: QAbstractButton) -> None:
            if button is merge_button:
                self._apply_merge(saved, merged)
            else:
                self.on_stale_answered(button)

        box.buttonClicked.connect(answered)
        self.stale_dialog = box
        box.open()

    def _apply_merge(self, saved: CaseDetail, merged: CaseFields) -> None:
        """Show the saved facts with these edits laid over, and save them on the new version."""
        self.detail = saved
        self.form.set_fields(
            merged,
            agency_name=saved.agency_name,
            subjects=saved.subjects,
            investigator_name=saved.investigator_name,
            reporter_hidden=saved.reporter_hidden,
        )
        self.form.set_baseline(saved.fields)
        self.version = saved.version
        self.on_form_changed()
        self.save()

    def _show_stale(self, error: StaleUpdate, collisions: tuple[str, ...] = ()) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Someone else changed this case"),
            self.tr("{0} changed this case at {1}, after you opened it. Your edits are not "
                    "saved.").format(error.changed_by, error.changed_at),
            QMessageBox.StandardButton.NoButton,
            self,
        )  # fmt: skip
        box.setObjectName("staleDialog")
        advice = self.tr("Reload to see their changes (your edits are discarded), or keep "
                         "editing, e.g. to copy what you typed first.")  # fmt: skip
        if collisions:
            advice = self.tr("You both changed: {0}. ").format(_field_names(collisions)) + advice
        box.setInformativeText(advice)
        reload_button = box.addButton(self.tr("Reload"), QMessageBox.ButtonRole.AcceptRole)
        reload_button.setObjectName("reloadButton")
        keep = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keepEditingButton")
        box.setDefaultButton(keep)
        box.buttonClicked.connect(self.on_stale_answered)
        self.stale_dialog = box
        box.open()

    @Slot(QAbstractButton)
    def on_stale_answered(self, button: QAbstractButton) -> None:
        """Reload asks once more before throwing the edits away."""
        if button.objectName() != "reloadButton":
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Discard your edits?"),
            self.tr("Reloading shows the case as it is saved now; what you changed here is "
                    "discarded."),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )  # fmt: skip
        box.setObjectName("confirmReloadDialog")
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("Discard and reload"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(self.on_reload_confirmed)
        self.confirm_dialog = box
        box.open()

    @Slot(int)
    def on_reload_confirmed(self, result: int) -> None:
        """The user agreed: reload the case as saved."""
        if result == QMessageBox.StandardButton.Discard:
            self.reload_requested.emit()

    @Slot()
    def on_form_changed(self) -> None:
        """Save and Revert are there for edits, and only while no save is running."""
        modified = self.version is not None and self.form.modified
        self.save_button.setEnabled(modified and not self.saving)
        self.revert_button.setEnabled(modified and not self.saving)
        # A disabled button says why.
        if self.saving:
            save_tip = revert_tip = self.tr("Saving the intake facts…")
        elif not modified:
            save_tip = self.tr("Nothing to save: the intake facts are as saved.")
            revert_tip = self.tr("Nothing to revert: the intake facts are as saved.")
        else:
            save_tip = self.tr("Save the intake facts (Ctrl+S)")
            revert_tip = self.tr("Throw away your edits and show the saved facts")
        self.save_button.setToolTip(save_tip)
        self.revert_button.setToolTip(revert_tip)

    @Slot()
    def on_save_clicked(self) -> None:
        """Save the intake facts."""
        self.save()

    @Slot()
    def on_revert_clicked(self) -> None:
        """Show the saved facts again, once the user agrees to throw away the edits."""
        from app.ui.form_drafts import ask_discard

        if self.detail is None:
            return
        if self.form.modified and not ask_discard(
            self, [self.tr("your edits of the intake facts")],
            self.tr("Revert to the intake facts as saved?"), saved=True,
        ):  # fmt: skip
            return
        self.revert()

    def revert(self) -> None:
        """Show the saved facts again, throwing away the edits (nothing is asked)."""
        if self.detail is not None:
            self.show_detail(self.detail, discard_edits=True)


def _field_names(names: tuple[str, ...]) -> str:
    """Intake fact names as the timeline words them, "Title, Narrative"."""
    words = labels.field_labels()
    return ", ".join(words.get("subjects" if n == "subject_ids" else n, n) for n in names)
