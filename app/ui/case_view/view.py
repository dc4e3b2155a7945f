"""One case in its tab: a header with the workflow, then Overview, Allegations, Notes.

The view loads the case in the background, and reloads it whenever the
workspace announces that the case changed. Its own changes are announced
the same way, so the case list and other views follow.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEventLoop, Qt, Signal, Slot
from PySide6.QtGui import QAction, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.cases import CaseStatus, Finding
from app.domain.errors import StaleUpdate
from app.domain.permissions import Permission
from app.domain.workflow import Transition
from app.services import cases
from app.services.cases import CaseDetail
from app.services.recovery import FINDING, INTAKE, NOTE, DraftEntry, kept_fields
from app.ui.authorizations.case_tab import CaseAuthorizationsTab
from app.ui.case_view import labels
from app.ui.case_view.access_dialog import AccessDialog
from app.ui.case_view.allegations import AllegationsTab
from app.ui.case_view.discipline.tab import DisciplineTab
from app.ui.case_view.overview import OverviewTab
from app.ui.case_view.support import alive, local_time
from app.ui.case_view.timeline import NotesTab
from app.ui.case_view.workflow_bar import ReasonDialog, WorkflowBar
from app.ui.confirm import confirm_step
from app.ui.evidence.tab import EvidenceTab
from app.ui.fit import ScrollingTabs
from app.ui.form_drafts import ask_discard
from app.ui.report_dialog import ReportDialog
from app.ui.workspace import Workspace


class CaseView(QWidget):
    """Everything about one case; ``may_close`` guards unsaved intake edits."""

    title_changed = Signal(str)  #: the case number, for the tab
    loaded = Signal()  #: a fresh copy of the case is shown
    modified_changed = Signal(bool)  #: the intake facts have unsaved edits, or no longer

    def __init__(self, workspace: Workspace, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.case_id = case_id
        self.detail: CaseDetail | None = None
        self.reason_dialog: ReasonDialog | None = None
        self._announcing = False
        self._load_request = 0
        self.setObjectName("caseView")

        self.number_label = QLabel(self.tr("Loading…"))
        self.number_label.setObjectName("caseNumber")
        font = QFont(self.number_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.number_label.setFont(font)
        self.status_label = QLabel()
        self.status_label.setObjectName("caseStatus")
        self.status_label.setStyleSheet(
            "QLabel { border: 1px solid palette(mid); border-radius: 8px; padding: 2px 8px; }"
        )
        self.title_label = QLabel()
        self.title_label.setObjectName("caseTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        title_font = QFont(self.title_label.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        self.title_label.setFont(title_font)
        self.facts_label = QLabel()
        self.facts_label.setObjectName("caseFacts")
        self.facts_label.setWordWrap(True)
        self.workflow = WorkflowBar()
        self.workflow.setObjectName("workflowBar")

        self.overview = OverviewTab(workspace, case_id)
        self.allegations = AllegationsTab(workspace)
        self.notes = NotesTab(workspace)
        self.tabs = ScrollingTabs()
        self.tabs.setObjectName("caseViewTabs")
        self.tabs.addTab(self.overview, self.tr("&Overview"))
        self.tabs.addTab(self.allegations, self.tr("&Allegations"))
        self.tabs.addTab(self.notes, self.tr("&Notes && timeline"))
        self.evidence: EvidenceTab | None = None
        if workspace.can(Permission.EVIDENCE_VIEW):
            self.evidence = EvidenceTab(workspace, case_id)
            self.tabs.addTab(self.evidence, self.tr("&Evidence"))
        self.discipline: DisciplineTab | None = None
        self.report_dialog: ReportDialog | None = None
        if workspace.can(Permission.DISCIPLINE_VIEW):
            self.discipline = DisciplineTab(workspace)
            self.tabs.addTab(self.discipline, self.tr("&Discipline"))
            self.discipline.case_touched.connect(self.on_case_touched)
            self.discipline.report_requested.connect(self.on_report_requested)
            if workspace.can(Permission.REPORT_GENERATE):
                # Ctrl+P anywhere in the case: a report is this application's printout.
                self.report_action = QAction(self.tr("Generate report…"), self)
                self.report_action.setObjectName("generateReportAction")
                self.report_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
                self.report_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.report_action.triggered.connect(self.on_report_requested)
                self.addAction(self.report_action)
        self.authorizations: CaseAuthorizationsTab | None = None
        if CaseAuthorizationsTab.visible_to(workspace):
            self.authorizations = CaseAuthorizationsTab(workspace, case_id, self.tabs)
        self.tabs.setEnabled(False)

        self.access_button: QPushButton | None = None
        self.access_dialog: AccessDialog | None = None
        top = QHBoxLayout()
        top.addWidget(self.number_label)
        top.addWidget(self.status_label)
        top.addStretch(1)
        if workspace.can(Permission.CASE_ACCESS_MANAGE):
            self.access_button = QPushButton(self.tr("A&ccess…"))
            self.access_button.setObjectName("caseAccessButton")
            self.access_button.setToolTip(self.tr("Restrict the case to the users you name"))
            self.access_button.clicked.connect(self.on_access_clicked)
            top.addWidget(self.access_button)
        top.addWidget(self.workflow)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.title_label)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.tabs, 1)

        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.overview.on_save_clicked)
        self.workflow.transition_requested.connect(self.on_transition_requested)
        self.overview.saved.connect(self.on_overview_saved)
        self.overview.reload_requested.connect(self.on_reload_requested)
        self.overview.stale_found.connect(self.on_overview_stale)
        self._modified = False
        self.overview.form.changed.connect(self.on_form_changed)
        self.allegations.case_touched.connect(self.on_case_touched)
        self.notes.case_touched.connect(self.on_case_touched)
        workspace.case_changed.connect(self.on_workspace_case_changed)
        self.refresh()

    # -- loading -----------------------------------------------------------------------------

    def refresh(self, *, discard_edits: bool = False) -> None:
        """Load the case again; intake edits in progress are kept unless discarded."""
        self._load_request += 1
        request = self._load_request
        self.workspace.call(
            cases.get_case,
            self.case_id,
            on_success=alive(self, lambda d: self._on_loaded(request, d, discard_edits)),
            parent=self,
        )

    def _on_loaded(self, request: int, detail: CaseDetail, discard_edits: bool) -> None:
        if request != self._load_request:
            return  # a newer load is on its way
        self.show_detail(detail, discard_edits=discard_edits)

    def show_detail(self, detail: CaseDetail, *, discard_edits: bool = False) -> None:
        """Show ``detail`` in the header and every tab."""
        first = self.detail is None or self.detail.number != detail.number
        self.detail = detail
        self.number_label.setText(detail.number)
        self.status_label.setText(labels.status_labels()[detail.status])
        self.title_label.setText(detail.fields.title)
        self.facts_label.setText(
            self.tr("{agency} · Investigator: {investigator} · Last changed by {who} at {when}")
            .format(
                agency=detail.agency_name,
                investigator=detail.investigator_name or self.tr("unassigned"),
                who=detail.updated_by,
                when=local_time(detail.updated_at),
            )
        )  # fmt: skip
        if detail.restricted:
            self.status_label.setText(
                self.tr("{0} · Restricted").format(labels.status_labels()[detail.status])
            )
        self.workflow.set_transitions(detail.transitions)
        self.overview.show_detail(detail, discard_edits=discard_edits)
        self.allegations.set_case(detail)
        if self.authorizations is not None:
            self.authorizations.set_jurisdiction(detail.agency_jurisdiction)
        self.notes.set_case(detail)
        if self.evidence is not None:
            self.evidence.set_case_number(detail.number)
        if self.discipline is not None:
            self.discipline.set_case(detail)
        self.tabs.setEnabled(True)
        if first:
            self.title_changed.emit(detail.number)
        self.loaded.emit()

    def _announce(self) -> None:
        """Tell the other views this case changed (this view is already up to date)."""
        self._announcing = True
        try:
            self.workspace.case_changed.emit(self.case_id)
            self.workspace.cases_changed.emit()
        finally:
            self._announcing = False

    # -- slots -------------------------------------------------------------------------------

    @property
    def modified(self) -> bool:
        """Whether the intake facts have edits that are not saved."""
        return self.overview.version is not None and self.overview.form.modified

    @Slot()
    def on_form_changed(self) -> None:
        """Tell the tab and the window title whether there are unsaved edits."""
        modified = self.modified
        if modified != self._modified:
            self._modified = modified
            self.modified_changed.emit(modified)

    @Slot(int)
    def on_workspace_case_changed(self, case_id: int) -> None:
        """Someone changed this case: show the new state."""
        if case_id == self.case_id and not self._announcing:
            self.refresh()

    @Slot(object)
    def on_overview_saved(self, detail: CaseDetail) -> None:
        """The intake facts were saved: header and tabs follow, other views are told."""
        self.show_detail(detail)
        self._announce()

    @Slot()
    def on_overview_stale(self) -> None:
        """A save was refused as stale: show who changed the case; the edits stay."""
        self.refresh()

    @Slot()
    def on_reload_requested(self) -> None:
        """After a refused save the user chose to see the case as saved."""
        self.refresh(discard_edits=True)

    @Slot()
    def on_case_touched(self) -> None:
        """An allegation, finding or note was recorded: reload, and tell the others."""
        self.refresh()
        self._announce()

    @Slot()
    def on_report_requested(self) -> None:
        """Open "Generate report…" for this case."""
        if self.detail is None:
            return
        dialog = ReportDialog(self.workspace, self.case_id, self.detail.number,
                              self.detail.subjects, self)  # fmt: skip
        dialog.finished.connect(dialog.deleteLater)
        self.report_dialog = dialog
        dialog.open()

    @Slot(object)
    def on_transition_requested(self, transition: Transition) -> None:
        """Move the case along, asking first for a reason if the move needs one, and
        before a step that cannot simply be undone."""
        if not self._confirm_transition(transition):
            return
        if not transition.needs_reason:
            self._transition(transition, "")
            return
        dialog = ReasonDialog(transition, self)
        dialog.accepted.connect(lambda: self._transition(transition, dialog.text()))
        dialog.finished.connect(dialog.deleteLater)
        self.reason_dialog = dialog
        dialog.open()

    def _confirm_transition(self, transition: Transition) -> bool:
        """Closing, and submitting findings while allegations are pending, ask first."""
        detail = self.detail
        if detail is None:
            return False
        if transition.target is CaseStatus.CLOSED:
            return confirm_step(
                self,
                title=labels.transition_label(transition),
                question=self.tr("Close {0}?").format(detail.number),
                follows=self.tr(
                    "A closed case can no longer be edited: its intake facts, allegations, "
                    "findings, notes, evidence and discipline stay as they are. Only a "
                    "supervisor or HR can reopen it, giving a reason that is recorded."
                ),
                action=labels.transition_label(transition),
            )
        pending = [a.citation for a in detail.allegations if a.finding is Finding.PENDING]
        if transition.target is CaseStatus.FINDINGS and pending:
            return confirm_step(
                self,
                title=labels.transition_label(transition),
                question=self.tr(
                    "{0} allegation(s) of {1} still have no finding: {2}. Submit anyway?"
                ).format(len(pending), detail.number, ", ".join(pending)),
                follows=self.tr(
                    "After submitting, the case waits for a supervisor, who cannot send it to "
                    "HR or close it while a finding is pending, only return it for more "
                    "investigation."
                ),
                action=labels.transition_label(transition),
            )
        return True

    def _transition(self, transition: Transition, reason: str) -> None:
        if self.detail is None:
            return
        self.workflow.set_busy(True)
        self.workspace.call(
            cases.transition_case,
            self.case_id,
            transition.target,
            reason=reason,
            expected_version=self.detail.version,
            on_success=alive(self, self._on_transitioned),
            on_failure=alive(self, self._on_transition_refused),
            parent=self,
        )

    def _on_transitioned(self, detail: CaseDetail) -> None:
        self.show_detail(detail)
        self.workspace.status_message.emit(
            self.tr("{0} is now in {1}.").format(detail.number,
                                                 labels.status_labels()[detail.status])
        )  # fmt: skip
        self._announce()

    def _on_transition_refused(self, error: BaseException) -> None:
        self.workflow.set_busy(False)
        self.workspace.errors.show(error, self)
        if isinstance(error, StaleUpdate):
            self.refresh()  # show what changed; the user decides again

    # -- closing -----------------------------------------------------------------------------

    @Slot()
    def on_access_clicked(self) -> AccessDialog:
        """Access…: the restriction and access list of this case."""
        dialog = AccessDialog(self.workspace, self.case_id, self)
        self.access_dialog = dialog
        dialog.open()
        return dialog

    def may_close(self) -> bool:
        """Whether the tab may close: asks about unsaved edits, then about work not recorded.

        Save / Discard / Cancel for the intake facts; then Discard / Cancel
        for what is written and not yet recorded: a note, a finding, a step
        of the discipline flow (they are recorded by their own buttons, with
        their own checks, so they are not recorded from here).
        """
        if self.overview.version is not None and self.overview.form.modified:
            answer = self.ask_unsaved()
            if answer == QMessageBox.StandardButton.Save:
                if not self._save_and_wait():
                    return False
            elif answer != QMessageBox.StandardButton.Discard:
                return False
        unrecorded = self.unrecorded()
        if not unrecorded:
            return True
        self.tabs.setCurrentWidget(unrecorded[0][0])
        number = self.detail.number if self.detail else ""
        return ask_discard(
            self, [said for _tab, said in unrecorded],
            self.tr("{0} has work that is not recorded yet:").format(number),
        )  # fmt: skip

    def unrecorded(self) -> list[tuple[QWidget, str]]:
        """Work written in the case's tabs and not recorded: the tab holding it, and what it is.

        The evidence viewer's unsaved redaction boxes and text typed in a dialog
        opened from the case (an amendment's reason, a void's) count too: they
        close with the case's tab.
        """
        from app.ui.form_drafts import typed_dialogs

        found: list[tuple[QWidget, list[str]]] = [
            (self.allegations, self.allegations.unrecorded()),
            (self.notes, self.notes.unrecorded()),
        ]
        if self.discipline is not None:
            found.append((self.discipline, self.discipline.unrecorded()))
        if self.evidence is not None:
            found += [(self.evidence, viewer.unrecorded()) for viewer in self.evidence.viewers()]
        typed = [
            self.tr("what you typed in \u201c{0}\u201d").format(d.windowTitle())
            for d in typed_dialogs(self)
        ]
        found.append((self.tabs.currentWidget(), typed))
        return [(tab, said) for tab, items in found for said in items]

    def when_shown(self, do: Callable[[], object]) -> None:
        """Call ``do`` once the case has loaded and its tabs can be used (now, if they can)."""
        if self.detail is not None and self.tabs.isEnabled():
            do()
        else:
            self.loaded.connect(do, Qt.ConnectionType.SingleShotConnection)

    def recoverable(self) -> list[DraftEntry]:
        """The work :meth:`unrecorded` names, to keep against a crash.

        The intake facts' typed fields while they have unsaved edits, the note
        being written, each finding, the discipline flow's changed forms, the
        redaction boxes drawn in the evidence viewers and not saved, and the
        dialogs opened from the case holding typed text.
        """
        from app.ui.case_view.put_back import unrecorded_steps, unsaved_boxes
        from app.ui.form_drafts import typed_dialogs
        from app.ui.typed_work import typed_entry

        if self.detail is None:
            return []
        case_id, number = self.detail.id, self.detail.number

        def place(said: str) -> str:
            return f"{number}: {said}"

        found: list[DraftEntry] = []
        facts = self.overview.form
        if self.overview.version is not None and facts.modified:
            said = place(self.tr("the intake facts not saved"))
            # None: only what is not kept changed (the agency, the subjects, …), copied by hand.
            changed = facts.typed_changes()
            found += typed_entry(said, facts, case_id, kind=INTAKE if changed else "",
                                 data=kept_fields(changed) if changed else "",
                                 choices=facts.chosen_changes())  # fmt: skip
        note = self.notes.note_text.toPlainText()
        if note.strip():
            said = place(self.tr("a note not yet added"))
            found.append(DraftEntry(said, note, case_id, kind=NOTE))
        found += [
            DraftEntry(place(said), text, case_id, kind=FINDING, data=data)
            for said, text, data in self.allegations.unrecorded_findings()
        ]
        found += unrecorded_steps(self, place)
        if self.evidence is not None:
            for viewer in self.evidence.viewers():
                said = self.tr("the redaction boxes drawn on evidence item {0}")
                found += unsaved_boxes(viewer, place(said.format(viewer.info.id)), case_id)
        for dialog in typed_dialogs(self):
            said = self.tr("what you typed in \u201c{0}\u201d").format(dialog.windowTitle())
            found += typed_entry(place(said), dialog, case_id)
        return found

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        """The question about unsaved edits (a box named "unsavedChangesDialog")."""
        number = self.detail.number if self.detail else ""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved changes"),
            self.tr("The intake facts of {0} have changes that are not saved.").format(number),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("unsavedChangesDialog")
        box.setInformativeText(self.tr("Save them before closing?"))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        self.tabs.setCurrentWidget(self.overview)
        answer = QMessageBox.StandardButton(box.exec())
        box.deleteLater()
        return answer

    def _save_and_wait(self) -> bool:
        """Save in the background and wait for it, the window still responsive."""
        outcome: list[bool] = []
        loop = QEventLoop()

        def finished(ok: bool) -> None:
            outcome.append(ok)
            loop.quit()

        self.overview.save_finished.connect(finished)
        try:
            if not self.overview.save():
                return not self.overview.form.modified
            loop.exec()
        finally:
            self.overview.save_finished.disconnect(finished)
        return outcome == [True]
