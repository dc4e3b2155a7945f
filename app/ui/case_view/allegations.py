"""The Allegations tab: the provisions the case cites, and a finding on each."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.cases import Finding
from app.domain.charging import NotChargeable, PolicyPastSunset
from app.domain.errors import InvalidInput
from app.domain.permissions import Permission
from app.services import cases
from app.services.cases import AllegationInfo, CaseDetail
from app.services.recovery import kept_finding
from app.ui.case_view import labels
from app.ui.case_view.models import AllegationModel
from app.ui.case_view.provision_picker import ConductDates, ProvisionChoice, ProvisionPicker
from app.ui.case_view.support import ErrorLabel, alive, set_up_table
from app.ui.palette import css, muted_colour
from app.ui.workspace import Workspace


def _para(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


class AllegationsTab(QWidget):
    """Allegations in a table; the selected one's provision text and finding beside it."""

    case_touched = Signal()  #: an allegation or finding was recorded: reload the case

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.detail: CaseDetail | None = None
        self.picker: ProvisionPicker | None = None
        self._finding_for: int | None = None  # allegation whose finding the editor shows
        self._finding_edited = False
        #: Findings being written for allegations not shown now: (finding, reasoning) by id.
        self._drafts: dict[int, tuple[str, str]] = {}
        self._select_next: int | None = None  # an allegation just added
        may_edit = workspace.can(Permission.ALLEGATION_EDIT)
        may_find = workspace.can(Permission.FINDING_RECORD)

        self.model = AllegationModel(self)
        self.table = QTableView()
        self.table.setObjectName("allegationTable")
        self.table.setModel(self.model)
        set_up_table(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(AllegationModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(AllegationModel.CITATION, 180)
        self.table.setColumnWidth(AllegationModel.EMPLOYEE, 150)
        self.table.setColumnWidth(AllegationModel.FINDING, 130)
        self.add_button = QPushButton(self.tr("Add allegation…"))
        self.add_button.setObjectName("addAllegationButton")
        self.add_button.setVisible(may_edit)
        self.withdraw_button = QPushButton(self.tr("Withdraw"))
        self.withdraw_button.setObjectName("withdrawButton")
        self.withdraw_button.setToolTip(self.tr("Withdraw an allegation that has no finding yet"))
        self.withdraw_button.setVisible(may_edit)
        self.withdraw_button.setEnabled(False)

        self.provision_text = QTextBrowser()
        self.provision_text.setObjectName("allegationProvisionText")
        self.provision_text.setPlaceholderText(self.tr("Select an allegation to read it."))
        self.finding = QComboBox()
        self.finding.setObjectName("findingCombo")
        for value, text in labels.finding_labels().items():
            self.finding.addItem(text, value.value)
        self.reasoning = QPlainTextEdit()
        self.reasoning.setObjectName("reasoningEdit")
        self.reasoning.setTabChangesFocus(True)
        self.reasoning.setPlaceholderText(self.tr("Why: the evidence and how it meets the rule."))
        self.finding_error = ErrorLabel()
        self.finding_error.setObjectName("findingError")
        self.record_button = QPushButton(self.tr("Record finding"))
        self.record_button.setObjectName("recordFindingButton")
        self.record_button.setVisible(may_find)
        self.finding.setEnabled(may_find)
        self.reasoning.setReadOnly(not may_find)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(buttons)
        self.finding_box = QGroupBox(self.tr("Finding"))
        form = QFormLayout(self.finding_box)
        form.addRow(self.tr("&Finding:"), self.finding)
        form.addRow(self.tr("&Reasoning:"), self.reasoning)
        form.addRow("", self.finding_error)
        record_row = QHBoxLayout()
        record_row.addStretch(1)
        record_row.addWidget(self.record_button)
        form.addRow(record_row)
        self.finding_box.setEnabled(False)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        # The finding gets room for its reasoning (several lines) before the provision
        # text, which scrolls; on a short screen the reasoning is never a sliver.
        self.reasoning.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        right_layout.addWidget(self.provision_text, 1)
        right_layout.addWidget(self.finding_box, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([780, 520])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.add_button.clicked.connect(self.on_add_clicked)
        self.withdraw_button.clicked.connect(self.on_withdraw_clicked)
        self.record_button.clicked.connect(self.on_record_clicked)
        self.table.selectionModel().currentRowChanged.connect(self.on_current_changed)
        self.finding.currentIndexChanged.connect(self.on_finding_edited)
        self.reasoning.textChanged.connect(self.on_finding_edited)

    def set_case(self, detail: CaseDetail) -> None:
        """Show the case's allegations, keeping the selection and any unsaved reasoning."""
        self.detail = detail
        keep = self.selected()
        present = {a.id for a in detail.allegations}
        self._drafts = {k: v for k, v in self._drafts.items() if k in present}
        self.model.set_allegations(detail.allegations)
        wanted = self._select_next if self._select_next is not None else (keep.id if keep else None)
        row = self.model.row_of(wanted) if wanted is not None else -1
        if row >= 0:
            self._select_next = None
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        else:
            self._show(None)

    def selected(self) -> AllegationInfo | None:
        index = self.table.currentIndex()
        allegation = index.data(AllegationModel.AllegationRole) if index.isValid() else None
        return allegation if isinstance(allegation, AllegationInfo) else None

    def _show(self, allegation: AllegationInfo | None) -> None:
        self.withdraw_button.setEnabled(
            allegation is not None and allegation.finding is Finding.PENDING
        )
        self.finding_box.setEnabled(allegation is not None)
        if allegation is None:
            self.provision_text.clear()
            self._load_finding(None)
            return
        parts = [
            f"<h3>{html.escape(allegation.citation)} — "
            f"{html.escape(allegation.provision_title)}</h3>"
        ]
        if allegation.policy_dates:
            policy = self.tr("Policy version: {0}").format(html.escape(allegation.policy_dates))
            parts.append(f"<p style='color:{css(muted_colour())}'>{policy}</p>")
        if allegation.provision_lead_in:
            lead_in = _para(allegation.provision_lead_in)
            parts.append(f"<p style='color:{css(muted_colour())}'><i>{lead_in}</i></p>")
        parts.append(f"<p>{_para(allegation.provision_text)}</p>")
        if allegation.employee_name:
            who = self.tr("Employee:")
            parts.append(f"<p><b>{who}</b> {html.escape(allegation.employee_name)}</p>")
        if allegation.summary:
            what = self.tr("Summary:")
            parts.append(f"<p><b>{what}</b> {html.escape(allegation.summary)}</p>")
        self.provision_text.setHtml("".join(parts))
        if allegation.id != self._finding_for or not self._finding_edited:
            self._load_finding(allegation)

    def _load_finding(self, allegation: AllegationInfo | None) -> None:
        """Show ``allegation``'s finding, or the one being written for it; keep the one left."""
        if self._finding_edited and self._finding_for is not None:
            self._drafts[self._finding_for] = (
                str(self.finding.currentData()),
                self.reasoning.toPlainText(),
            )
        self._finding_for = allegation.id if allegation else None
        finding = allegation.finding.value if allegation else Finding.PENDING.value
        reasoning = allegation.reasoning if allegation else ""
        draft = self._drafts.pop(allegation.id, None) if allegation else None
        if draft is not None:
            finding, reasoning = draft
        self.finding.blockSignals(True)
        self.finding.setCurrentIndex(self.finding.findData(finding))
        self.finding.blockSignals(False)
        self.reasoning.blockSignals(True)
        self.reasoning.setPlainText(reasoning)
        self.reasoning.blockSignals(False)
        self._finding_edited = draft is not None
        self.finding_error.clear_message()

    def unrecorded(self) -> list[str]:
        """The findings being written and not recorded, each said for the user."""
        return [said for said, _text, _data in self.unrecorded_findings()]

    def unrecorded_findings(self) -> list[tuple[str, str, str]]:
        """Each finding being written and not recorded: said for the user, its text (the
        finding chosen and the reasoning typed), and what putting it back needs
        (:func:`~app.services.recovery.kept_finding`), to keep against a crash."""
        if self.detail is None:
            return []
        drafts = dict(self._drafts)
        if self._finding_edited and self._finding_for is not None:
            drafts[self._finding_for] = (
                str(self.finding.currentData()),
                self.reasoning.toPlainText(),
            )
        names = {value.value: text for value, text in labels.finding_labels().items()}
        return [
            (
                self.tr("the finding on {0}").format(a.citation),
                self.tr("Finding: {0}\n\nReasoning:\n{1}").format(
                    names.get(drafts[a.id][0], drafts[a.id][0]), drafts[a.id][1]
                ),
                kept_finding(a.id, drafts[a.id][0], drafts[a.id][1]),
            )
            for a in self.detail.allegations
            if a.id in drafts and drafts[a.id] != (a.finding.value, a.reasoning)
        ]

    def put_back(self, allegation_id: int, finding: Finding, reasoning: str) -> str | None:
        """Show a recovered finding in the editor of allegation ``allegation_id``, not
        recorded, and select it; None when it is there. Otherwise why not, changing
        nothing: the case has no such allegation, or another finding is being written
        on it (never overwritten)."""
        row = self.model.row_of(allegation_id)
        allegation = self.model.allegations[row] if self.detail is not None and row >= 0 else None
        if allegation is None:
            return self.tr("This case no longer has the allegation the finding was written for.")
        held = self._drafts.get(allegation_id)
        if allegation_id == self._finding_for and self._finding_edited:
            held = (str(self.finding.currentData()), self.reasoning.toPlainText())
        if held not in (None, (allegation.finding.value, allegation.reasoning),
                        (finding.value, reasoning)):  # fmt: skip
            return self.tr("Another finding is being written on {0}: record or discard it "
                           "first.").format(allegation.citation)  # fmt: skip
        if allegation_id == self._finding_for:
            self.finding.setCurrentIndex(self.finding.findData(finding.value))
            self.reasoning.setPlainText(reasoning)
            self._finding_edited = True
        else:
            self._drafts[allegation_id] = (finding.value, reasoning)
            self.table.selectRow(row)
        self.reasoning.setFocus()
        return None

    # -- slots -----------------------------------------------------------------------------

    @Slot(QModelIndex, QModelIndex)
    def on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """Show the selected allegation's provision and finding."""
        allegation = current.data(AllegationModel.AllegationRole) if current.isValid() else None
        self._show(allegation if isinstance(allegation, AllegationInfo) else None)

    @Slot()
    def on_finding_edited(self) -> None:
        """The user is writing a finding: a reload must not overwrite it."""
        self._finding_edited = True
        self.finding_error.clear_message()

    @Slot()
    def on_add_clicked(self) -> ProvisionPicker | None:
        """Open the provision picker for the case's agency."""
        if self.detail is None:
            return None
        fields = self.detail.fields
        conduct = ConductDates(fields.conduct_from, fields.conduct_to, fields.reported_on)
        picker = ProvisionPicker(self.workspace, self.detail.agency_code, self,
                                 subjects=self.detail.subjects, conduct=conduct)  # fmt: skip
        picker.chosen.connect(self.on_provision_chosen)
        picker.finished.connect(picker.deleteLater)
        self.picker = picker
        picker.open()
        return picker

    @Slot(object)
    def on_provision_chosen(self, choice: ProvisionChoice) -> None:
        """Record the allegation; the picker closes only once it is recorded."""
        picker = self.picker
        if self.detail is None or picker is None:
            return
        self.workspace.call(
            cases.add_allegation,
            self.detail.id,
            choice.provision.citation,
            employee_id=choice.employee_id,
            summary=choice.summary,
            policy_in_force_confirmed=choice.policy_in_force_confirmed,
            on_success=alive(picker, lambda info: self._on_allegation_added(picker, info)),
            on_failure=alive(picker, lambda error: self._on_allegation_refused(picker, error)),
            parent=picker,
        )

    def _on_allegation_added(self, picker: ProvisionPicker, info: AllegationInfo) -> None:
        self._select_next = info.id  # the new allegation is selected once the case reloads
        picker.accept()
        self.case_touched.emit()

    def _on_allegation_refused(self, picker: ProvisionPicker, error: BaseException) -> None:
        if isinstance(error, InvalidInput | NotChargeable | PolicyPastSunset):
            picker.show_error(str(error))
        else:
            picker.set_busy(False)
            self.workspace.errors.show(error, picker)

    @Slot()
    def on_withdraw_clicked(self) -> None:
        """Ask, then withdraw the selected allegation (only one without a finding)."""
        allegation = self.selected()
        if allegation is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Withdraw allegation"),
            self.tr("Withdraw the allegation under {0}? The withdrawal is recorded in the "
                    "case's timeline.").format(allegation.citation),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )  # fmt: skip
        box.setObjectName("withdrawDialog")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Withdraw"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(result: int) -> None:
            if result == QMessageBox.StandardButton.Yes:
                self.workspace.call(
                    cases.remove_allegation, allegation.id,
                    on_success=alive(self, lambda _none: self.case_touched.emit()), parent=self,
                )  # fmt: skip

        box.finished.connect(answered)
        box.open()

    @Slot()
    def on_record_clicked(self) -> None:
        """Record the finding and its reasoning on the selected allegation."""
        allegation = self.selected()
        if allegation is None:
            return
        self.record_button.setEnabled(False)
        sent = (self.finding.currentData(), self.reasoning.toPlainText())
        self.workspace.call(
            cases.record_finding,
            allegation.id,
            Finding(sent[0]),
            sent[1],
            on_success=alive(self, lambda recorded: self._on_finding_recorded(recorded, sent)),
            on_failure=alive(self, self._on_finding_refused),
            parent=self,
        )

    def _on_finding_recorded(
        self, allegation: AllegationInfo, sent: tuple[object, str] | None = None
    ) -> None:
        self.record_button.setEnabled(True)
        # Changed while it was being recorded: the form keeps the change (and the reload
        # leaves it), as a draft of the next finding.
        now = (self.finding.currentData(), self.reasoning.toPlainText())
        changed = sent is not None and allegation.id == self._finding_for and now != sent
        if not changed:
            self._drafts.pop(allegation.id, None)
        if allegation.id == self._finding_for and not changed:
            self._finding_edited = False
        self.workspace.status_message.emit(
            self.tr("Finding recorded on {0}.").format(allegation.citation)
        )
        self.case_touched.emit()

    def _on_finding_refused(self, error: BaseException) -> None:
        self.record_button.setEnabled(True)
        if isinstance(error, InvalidInput):
            self.finding_error.show_message(str(error))
            self.reasoning.setFocus()
        else:
            self.workspace.errors.show(error, self)
