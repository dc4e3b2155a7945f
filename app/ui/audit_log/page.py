"""The Audit log view: every event newest first, filters, a details panel, Verify chain, Export.

Administrators and supervisors (``audit.view``). What each may see of an
event is the service's rule (``app.services.audit_log.visibility``): the
panel says when details are withheld. Verify chain runs in the background
with a progress dialog and names, and selects, the first bad event.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, QItemSelection, QSettings, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.audit import canonical_timestamp
from app.domain.errors import InvalidInput
from app.domain.permissions import Permission
from app.services.audit_log.events import (
    AuditEventPage,
    AuditEventRow,
    AuditFilter,
    FilterChoices,
    events_page,
    filter_choices,
)
from app.services.audit_log.export import export_csv
from app.services.integrity.verification import AuditVerification, verify_audit
from app.ui.audit_log.model import AuditLogModel, local_moment
from app.ui.fit import keep_short_values_whole
from app.ui.form_messages import ErrorLabel, FieldMessages
from app.ui.palette import error_colour, set_text_colour, success_colour, warning_colour
from app.ui.tasks import Cancelled, TaskControl
from app.ui.workspace import Workspace


def _local_midnight(day: QDate) -> dt.datetime:
    return dt.datetime(day.year(), day.month(), day.day()).astimezone()


class AuditLogPage(QWidget):
    """The filter bar, the events table with a details panel, and the chain's tools."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.model = AuditLogModel(self._request, self)
        self.model.loaded.connect(self.on_model_loaded)
        self.last_verification: AuditVerification | None = None

        self.actor = self._combo("auditActorFilter", self.tr("Everyone"))
        self.action = self._combo("auditActionFilter", self.tr("Every action"))
        self.action.setToolTip(
            self.tr("An action, or the start of one: 'evidence' shows every evidence action")
        )
        self.case = QLineEdit()
        self.case.setObjectName("auditCaseFilter")
        self.case.setPlaceholderText(self.tr("Case number"))
        self.case.setClearButtonEnabled(True)
        today = QDate.currentDate()
        self.dates = QCheckBox(self.tr("Between"))
        self.dates.setObjectName("auditPeriodFilter")
        self.date_from = self._date_edit("auditFrom", today.addMonths(-1))
        self.date_to = self._date_edit("auditTo", today)
        self.show_button = QPushButton(self.tr("&Show"))
        self.show_button.setObjectName("auditShow")
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setObjectName("auditClearFilters")
        self.count_label = QLabel()
        self.count_label.setObjectName("auditCount")

        general = ErrorLabel()
        self.messages = FieldMessages(general, parent=self)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        labels = (self.tr("Who"), self.tr("Action"), self.tr("Case"))
        for column, (text, widget, key) in enumerate(zip(
            labels, (self.actor, self.action, self.case), ("actor", "action", "case_number"),
            strict=True,
        )):  # fmt: skip
            label = QLabel(text)
            label.setBuddy(widget)
            grid.addWidget(label, 0, column)
            grid.addWidget(widget, 1, column)
            error = ErrorLabel()
            grid.addWidget(error, 2, column)
            self.messages.add(key, widget, error)
        period = QHBoxLayout()
        for widget in (self.dates, self.date_from, QLabel(self.tr("and")), self.date_to):
            period.addWidget(widget)
        grid.addLayout(period, 1, 3)
        period_error = ErrorLabel()
        grid.addWidget(period_error, 2, 3)
        self.messages.add("since", self.date_from, period_error, watch=False)
        self.messages.add("until", self.date_to, period_error, watch=False)
        grid.addWidget(self.show_button, 1, 4)
        grid.addWidget(self.clear_button, 1, 5)
        grid.setColumnStretch(6, 1)
        grid.addWidget(self.count_label, 1, 7)

        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((0, 60), (1, 140), (2, 100), (3, 170), (4, 130)):
            self.table.setColumnWidth(column, width)
        keep_short_values_whole(self.table)
        self.table.selectionModel().selectionChanged.connect(self.on_table_selection_changed)

        self.details = QPlainTextEdit()
        self.details.setObjectName("auditDetails")
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(self.tr("Choose an event to see its details."))
        self.splitter = QSplitter()
        self.splitter.setObjectName("auditSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([820, 330])

        self.verify_button = QPushButton(self.tr("&Verify chain"), self)
        self.verify_button.setObjectName("auditVerify")
        self.verify_button.setToolTip(
            self.tr("Recompute every event's hash and check it against the signed checkpoints")
        )
        self.verify_button.setVisible(workspace.can(Permission.AUDIT_VERIFY))
        self.export_button = QPushButton(self.tr("&Export CSV…"))
        self.export_button.setObjectName("auditExport")
        self.export_button.setToolTip(self.tr("Save the events the filters show as a CSV file"))
        self.result = QLabel()
        self.result.setObjectName("auditVerifyResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        tools = QHBoxLayout()
        tools.addWidget(self.verify_button)
        tools.addWidget(self.export_button)
        tools.addWidget(self.result, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(general)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(tools)

        self.show_button.clicked.connect(self.apply_filters)
        self.case.returnPressed.connect(self.apply_filters)
        self.actor.activated.connect(self.apply_filters)
        self.action.activated.connect(self.apply_filters)
        self.dates.toggled.connect(self.on_dates_toggled)
        self.clear_button.clicked.connect(self.on_clear_clicked)
        self.verify_button.clicked.connect(self.verify_chain)
        self.export_button.clicked.connect(self.on_export_clicked)
        self.on_dates_toggled(False)
        self.refresh()

    # -- construction --------------------------------------------------------------------

    def _combo(self, name: str, everyone: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        edit = combo.lineEdit()
        if edit is not None:
            edit.setPlaceholderText(everyone)
        combo.setMinimumContentsLength(14)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    def _date_edit(self, name: str, day: QDate) -> QDateEdit:
        edit = QDateEdit(day)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    # -- loading -------------------------------------------------------------------------

    def _request(
        self, wanted: AuditFilter, before: int | None, deliver: Callable[[AuditEventPage], None]
    ) -> None:
        self.workspace.call(events_page, wanted, before=before, on_success=deliver,
                            on_failure=self.on_load_failed, parent=self)  # fmt: skip

    def refresh(self) -> None:
        """Reload the filter lists and the events (View ▸ Refresh)."""
        self.workspace.call(filter_choices, on_success=self.on_choices_loaded, parent=self)
        self.apply_filters()

    def focus_search(self) -> None:
        """Edit ▸ Find: the case number filter."""
        self.case.setFocus()
        self.case.selectAll()

    def current_filter(self) -> AuditFilter:
        """The filters as the user set them."""
        since = until = None
        if self.dates.isChecked():
            since = _local_midnight(self.date_from.date())
            until = _local_midnight(self.date_to.date().addDays(1))
        return AuditFilter(self.actor.currentText().strip(), self.action.currentText().strip(),
                           self.case.text().strip(), since, until)  # fmt: skip

    @Slot()
    def apply_filters(self) -> None:
        """Show the events of the filters from the newest."""
        self.messages.clear()
        self.details.clear()
        self.count_label.setText(self.tr("Loading…"))
        self.model.load(self.current_filter())

    @Slot(object)
    def on_choices_loaded(self, choices: FilterChoices) -> None:
        for combo, items in ((self.actor, choices.actors), (self.action, choices.actions)):
            text = combo.currentText()
            combo.clear()
            combo.addItems(["", *items])
            combo.setCurrentIndex(-1)
            combo.setEditText(text)

    @Slot()
    def on_model_loaded(self) -> None:
        total = self.model.total or 0
        shown = self.model.rowCount()
        self.count_label.setText(
            self.tr("%n event(s)", "", total) if shown >= total
            else self.tr("{0:,} of {1:,} events").format(shown, total)
        )  # fmt: skip

    def on_load_failed(self, error: BaseException) -> None:
        self.model.failed()
        self.count_label.setText("")
        if isinstance(error, InvalidInput):
            self.messages.show_error(error)
        else:
            self.workspace.errors.show(error, self)

    @Slot(bool)
    def on_dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)

    @Slot()
    def on_clear_clicked(self) -> None:
        self.actor.setEditText("")
        self.action.setEditText("")
        self.case.clear()
        self.dates.setChecked(False)
        self.apply_filters()

    # -- details -------------------------------------------------------------------------

    @Slot(QItemSelection, QItemSelection)
    def on_table_selection_changed(self, *_: object) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.details.clear()
            return
        event = self.model.data(rows[0], AuditLogModel.EventRole)
        self.details.setPlainText(self.describe(event))

    def describe(self, event: AuditEventRow) -> str:
        """The details panel's text for ``event``."""
        lines = [
            self.tr("Event {0}: {1}").format(event.seq, event.action),
            self.tr("When: {0} (UTC {1})").format(
                local_moment(event.occurred_at), canonical_timestamp(event.occurred_at)),
            self.tr("Who: {0}").format(event.actor),
            self.tr("Record: {0} {1}").format(event.entity_type, event.entity_id),
            self.tr("Case: {0}").format(event.case_number or self.tr("none")),
            self.tr("Hash: {0}").format(event.hash),
            self.tr("Follows: {0}").format(event.prev_hash),
            "",
        ]  # fmt: skip
        if event.details is None:
            lines.append(self.tr("Details: {0}").format(event.withheld))
        else:
            lines.append(self.tr("Details:"))
            text = json.dumps(event.details, indent=2, ensure_ascii=False, sort_keys=True)
            lines.append(text)
        return "\n".join(lines)

    def select_event(self, seq: int) -> bool:
        """Select event ``seq`` if it is among the rows fetched."""
        row = self.model.row_of(seq)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    # -- the chain -----------------------------------------------------------------------

    @Slot()
    def verify_chain(self) -> None:
        """Recompute the chain in the background; the result names the first bad event."""
        self.verify_button.setEnabled(False)
        self.result.setText(self.tr("Verifying…"))
        database, actor = self.workspace.database, self.workspace.actor

        def work(control: TaskControl) -> AuditVerification | None:
            try:
                return verify_audit(database, actor, progress=control.progress)
            except Cancelled:
                return None

        self.workspace.tasks.run(
            work, on_success=self.on_verified, on_failure=self.on_verify_failed,
            progress=self.tr("Verifying the audit chain…"), parent=self,
        )  # fmt: skip

    def on_verified(self, outcome: AuditVerification | None) -> None:
        self.verify_button.setEnabled(True)
        self.last_verification = outcome
        if outcome is None:
            self.result.setText(self.tr("Verification cancelled."))
            self.result.setPalette(self.palette())
            return
        self.result.setToolTip(outcome.anchor_note if outcome.intact else "")
        if outcome.intact:
            text = self.tr("The chain is intact: {0:,} events checked, {1}.").format(
                outcome.chain.checked, outcome.summary)  # fmt: skip
            if outcome.database_keyed:
                # Not green: a key only the database vouches for anchors nothing.
                text += " " + self.tr(
                    "The checkpoint file's checkpoints are signed by {0}, which this workstation "
                    "knows only from the database: they anchor nothing on their own. If it is an "
                    "earlier workstation's key, an administrator can trust it here ('casedesk "
                    "audit key trust')."
                ).format(", ".join(outcome.database_keyed))
                set_text_colour(self.result, warning_colour(self.palette()))
            else:
                set_text_colour(self.result, success_colour(self.palette()))
            self.result.setText(text)
        elif outcome.record_problems:
            count = len(outcome.record_problems)
            lead = (
                self.tr("The chain is intact ({0:,} events checked), but 1 record no longer "
                        "holds what the log recorded for it: changed outside Casedesk.")
                if count == 1
                else self.tr("The chain is intact ({0:,} events checked), but {1} records no "
                             "longer hold what the log recorded for them: changed outside "
                             "Casedesk.")
            ).format(outcome.chain.checked, count)  # fmt: skip
            listed = " ".join(line + "." for line in outcome.record_problems[:5])
            self.result.setText(f"{lead} {listed}")
            shown = outcome.record_problems[:50]
            more = len(outcome.record_problems) - len(shown)
            self.result.setToolTip(
                "\n".join(shown)
                + ("\n" + self.tr("… and {0:,} more ('casedesk audit verify --json' lists all).")
                   .format(more) if more else "")
            )  # fmt: skip
            set_text_colour(self.result, error_colour(self.palette()))
        else:
            finding = outcome.chain.finding
            first = self.tr("first bad event {0}: ").format(finding.seq) if finding else ""
            self.result.setText(self.tr("The audit log fails verification: {0}{1}").format(
                first, outcome.problem))  # fmt: skip
            set_text_colour(self.result, error_colour(self.palette()))
            if finding is not None:
                self.select_event(finding.seq)
        self.apply_filters_keep_selection()

    def apply_filters_keep_selection(self) -> None:
        """Reload (the verification added an event), keeping the bad event selected."""
        finding = self.last_verification.chain.finding if self.last_verification else None
        if finding is None:
            self.apply_filters()
            return
        seq = finding.seq

        def reselect() -> None:
            self.model.loaded.disconnect(reselect)
            self.select_event(seq)

        self.model.loaded.connect(reselect)
        self.apply_filters()

    def on_verify_failed(self, error: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.result.setText("")
        self.workspace.errors.show(error, self)

    # -- export --------------------------------------------------------------------------

    @Slot()
    def on_export_clicked(self) -> None:
        folder = QSettings().value("audit/exportFolder", str(Path.home()))
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit log"), str(Path(str(folder)) / "audit-log.csv"),
            self.tr("CSV files (*.csv)"),
        )  # fmt: skip
        if chosen:
            self.export_to(Path(chosen))

    def export_to(self, target: Path) -> None:
        """Write the events the filters show to ``target`` in the background."""
        if target.suffix.lower() != ".csv":
            target = target.with_name(target.name + ".csv")
        QSettings().setValue("audit/exportFolder", str(target.parent))
        self.export_button.setEnabled(False)
        database, actor, wanted = self.workspace.database, self.workspace.actor, self.model.filter

        def work(control: TaskControl) -> int:
            return export_csv(database, actor, wanted, target, progress=control.progress)

        self.workspace.tasks.run(
            work, on_success=lambda count: self.on_exported(target, count),
            on_failure=self.on_export_failed, progress=self.tr("Exporting the audit log…"),
            parent=self,
        )  # fmt: skip

    def on_exported(self, target: Path, count: int) -> None:
        self.export_button.setEnabled(True)
        self.result.setText(self.tr("%n event(s) exported to {0}.", "", count).format(target))
        self.result.setPalette(self.palette())

    def on_export_failed(self, error: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.workspace.errors.show(error, self)
