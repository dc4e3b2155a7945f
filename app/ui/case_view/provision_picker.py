"""Choosing the provision of the agency's policy that an allegation cites."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QSize, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.charging import SUGGESTIONS_SHOWN, past_sunset
from app.services import catalog
from app.services.catalog import ProvisionInfo
from app.services.employees import EmployeeInfo
from app.ui.case_view.inputs import employee_label
from app.ui.case_view.models import ProvisionFilter, ProvisionModel, charge_note
from app.ui.case_view.support import DownIntoResults, ErrorLabel, alive, set_up_table
from app.ui.fit import fit_to_screen
from app.ui.form_drafts import DiscardGuard
from app.ui.palette import css, muted_colour
from app.ui.workspace import Workspace


@dataclass(frozen=True, slots=True)
class ProvisionChoice:
    """What the user chose: the provision, the employee it concerns, a summary."""

    provision: ProvisionInfo
    employee_id: int | None
    summary: str
    #: The user confirmed that a policy past its sunset date was still in force.
    policy_in_force_confirmed: bool = False


@dataclass(frozen=True, slots=True)
class ConductDates:
    """When the case's conduct happened, to tell a policy past its sunset date."""

    conduct_from: dt.date | None
    conduct_to: dt.date | None
    reported_on: dt.date


class ProvisionPicker(QDialog):
    """The agency's provisions, searchable, with the full text of the one selected.

    "Add allegation" emits :attr:`chosen`; the caller records the allegation
    and then closes the picker (:meth:`accept`) or shows why not
    (:meth:`show_error`), so a refused choice loses nothing. Provisions that
    cannot be charged (definitions, permissive clauses, headings …) are
    greyed, say why in their tooltip, and cannot be chosen. A policy whose
    sunset date is before the conduct asks for a confirmation box.
    """

    chosen = Signal(object)  #: a ProvisionChoice
    loaded = Signal()  #: the provisions arrived

    def __init__(
        self,
        workspace: Workspace,
        agency_code: str,
        parent: QWidget | None = None,
        *,
        subjects: Sequence[EmployeeInfo] = (),
        conduct: ConductDates | None = None,
    ) -> None:
        super().__init__(parent)
        self.discard_guard = DiscardGuard(self)
        self.workspace = workspace
        self.agency_code = agency_code
        self.conduct = conduct
        self.setObjectName("provisionPicker")
        self.setWindowTitle(self.tr("Cite a provision of {0}'s policy").format(agency_code))
        self.model = ProvisionModel(self)
        self.proxy = ProvisionFilter(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setObjectName("provisionSearch")
        self.search.setPlaceholderText(self.tr("Search citations, titles and text"))
        self.search.setClearButtonEnabled(True)
        self.tag = QComboBox()
        self.tag.setObjectName("tagFilter")
        self.tag.addItem(self.tr("All tags"), None)
        self.table = QTableView()
        self.table.setObjectName("provisionList")
        self.table.setModel(self.proxy)
        set_up_table(self.table)
        DownIntoResults(self.search, self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ProvisionModel.CITATION, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(ProvisionModel.CITATION, 190)
        self.text = QTextBrowser()
        self.text.setObjectName("provisionText")
        self.text.setPlaceholderText(self.tr("Select a provision to read it in full."))
        self.employee = QComboBox()
        self.employee.setObjectName("allegationEmployee")
        self.employee.addItem(self.tr("Not one employee in particular"), None)
        for subject in subjects:
            self.employee.addItem(employee_label(subject), subject.id)
        if len(subjects) == 1:
            self.employee.setCurrentIndex(1)
        self.summary = QLineEdit()
        self.summary.setObjectName("allegationSummary")
        self.summary.setPlaceholderText(self.tr("Optional: what the employee did, in a line"))
        self.in_force = QCheckBox()
        self.in_force.setObjectName("policyInForce")
        self.in_force.setVisible(False)
        self.message = ErrorLabel()
        self.message.setObjectName("pickerError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.choose_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.choose_button.setObjectName("chooseButton")
        self.choose_button.setText(self.tr("Add allegation"))
        self.choose_button.setEnabled(False)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.tag, 1)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.text)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        splitter.setChildrenCollapsible(False)
        details = QFormLayout()
        details.addRow(self.tr("&Employee:"), self.employee)
        details.addRow(self.tr("S&ummary:"), self.summary)
        self.employee.setVisible(bool(subjects))
        details.labelForField(self.employee).setVisible(bool(subjects))
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(details)
        layout.addWidget(self.in_force)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        fit_to_screen(self, QSize(1120, 680))

        self.search.textChanged.connect(self.on_search_changed)
        self.tag.currentIndexChanged.connect(self.on_tag_changed)
        self.table.selectionModel().currentRowChanged.connect(self.on_current_changed)
        self.table.doubleClicked.connect(self.on_choose_clicked)
        self.buttons.accepted.connect(self.on_choose_clicked)
        self.buttons.rejected.connect(self.reject)
        self.in_force.toggled.connect(self.on_in_force_toggled)
        self.search.setFocus()
        workspace.call(
            catalog.search_provisions,
            agency_code=agency_code,
            on_success=alive(self, self._on_loaded),
            parent=self,
        )

    def _on_loaded(self, provisions: list[ProvisionInfo]) -> None:
        self.model.set_provisions(provisions)
        self.table.resizeColumnToContents(ProvisionModel.CITATION)
        width = self.table.columnWidth(ProvisionModel.CITATION)
        self.table.setColumnWidth(ProvisionModel.CITATION, min(width, 280))
        tags = sorted({tag for p in provisions for tag in p.tags})
        for tag in tags:
            self.tag.addItem(tag, tag)
        self.loaded.emit()

    def selected(self) -> ProvisionInfo | None:
        """The provision selected in the list, if any."""
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        provision = index.data(ProvisionModel.ProvisionRole)
        return provision if isinstance(provision, ProvisionInfo) else None

    def select_row(self, row: int) -> None:
        """Select the ``row``-th provision still shown (for the keyboard and tests)."""
        self.table.selectRow(row)

    def show_error(self, message: str) -> None:
        """The allegation was not recorded: say why; the choice stays as it was."""
        self.set_busy(False)
        self.message.show_message(message)

    def set_busy(self, busy: bool) -> None:
        provision = self.selected()
        self.choose_button.setEnabled(not busy and provision is not None and provision.chargeable)

    def past_sunset(self, provision: ProvisionInfo) -> bool:
        """Whether the case's conduct may fall after the provision's policy's sunset date."""
        if self.conduct is None:
            return False
        return past_sunset(provision.policy_sunset, self.conduct.conduct_from,
                           self.conduct.conduct_to, self.conduct.reported_on)  # fmt: skip

    def _not_chargeable(self, provision: ProvisionInfo) -> str:
        if provision.kind is None:
            return charge_note(provision)
        text = self.tr(
            "{0} cannot be charged: it is {1}. Only a provision that prohibits or requires "
            "conduct can be the ground of an allegation."
        ).format(provision.citation, provision.kind.described)
        if provision.charge_instead:
            shown = ", ".join(provision.charge_instead[:SUGGESTIONS_SHOWN])
            more = "…" if len(provision.charge_instead) > SUGGESTIONS_SHOWN else ""
            text += " " + self.tr("Charge instead: {0}.").format(shown + more)
        return text

    def _render(self, provision: ProvisionInfo) -> str:
        def para(text: str) -> str:
            return html.escape(text).replace("\n", "<br>")

        parts = [f"<h3>{html.escape(provision.citation)} — {html.escape(provision.title)}</h3>"]
        if provision.policy_dates:
            policy = self.tr("Policy version: {0}").format(html.escape(provision.policy_dates))
            parts.append(f"<p style='color:{css(muted_colour())}'>{policy}</p>")
        note = html.escape(charge_note(provision))
        parts.append(f"<p><b>{note}</b></p>" if not provision.chargeable else f"<p>{note}</p>")
        if provision.quoted_after:
            after = para(provision.quoted_after)
            parts.append(f"<p style='color:{css(muted_colour())}'><i>{after}</i></p>")
        parts.append(f"<p>{para(provision.text)}</p>")
        if provision.tags:
            tags = html.escape(", ".join(provision.tags))
            parts.append(f"<p style='color:{css(muted_colour())}'>{self.tr('Tags:')} {tags}</p>")
        return "".join(parts)

    # -- slots -----------------------------------------------------------------------------

    @Slot(str)
    def on_search_changed(self, text: str) -> None:
        """Narrow the list as the user types."""
        self.proxy.set_text(text)
        self._keep_selection_visible()

    @Slot(int)
    def on_tag_changed(self, _index: int) -> None:
        """Narrow the list to one tag."""
        self.proxy.set_tag(self.tag.currentData())
        self._keep_selection_visible()

    def _keep_selection_visible(self) -> None:
        if self.selected() is None:
            self.text.clear()
            self.choose_button.setEnabled(False)

    @Slot(QModelIndex, QModelIndex)
    def on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """Show the provision's full text, with its parent's lead-in."""
        self.message.clear_message()
        provision = current.data(ProvisionModel.ProvisionRole) if current.isValid() else None
        self.in_force.blockSignals(True)
        self.in_force.setChecked(False)
        self.in_force.blockSignals(False)
        if isinstance(provision, ProvisionInfo):
            self.text.setHtml(self._render(provision))
            self.choose_button.setEnabled(provision.chargeable)
            if not provision.chargeable:
                self.message.show_message(self._not_chargeable(provision))
            sunset = provision.policy_sunset
            needed = provision.chargeable and sunset is not None and self.past_sunset(provision)
            if needed and sunset is not None:
                self.in_force.setText(
                    self.tr(
                        "I confirm that {0} was still in force when the conduct happened: its "
                        "sunset date {1} is before the conduct (recorded in the audit trail)."
                    ).format(provision.policy_code, sunset.isoformat())
                )
            self.in_force.setVisible(needed)
        else:
            self.text.clear()
            self.choose_button.setEnabled(False)
            self.in_force.setVisible(False)

    @Slot(bool)
    def on_in_force_toggled(self, _checked: bool) -> None:
        """A refusal for want of the confirmation no longer applies."""
        self.message.clear_message()

    @Slot()
    def on_choose_clicked(self) -> None:
        """Hand the choice to the caller, which records the allegation."""
        provision = self.selected()
        if provision is None or not self.choose_button.isEnabled() or not provision.chargeable:
            return
        self.set_busy(True)
        self.choose_button.setEnabled(False)
        confirmed = not self.in_force.isHidden() and self.in_force.isChecked()
        self.chosen.emit(ProvisionChoice(provision, self.employee.currentData(),
                                         self.summary.text(), confirmed))  # fmt: skip

    def reject(self) -> None:
        """Cancel, Escape or close: asks first when something was typed."""
        self.discard_guard.reject(super().reject)
