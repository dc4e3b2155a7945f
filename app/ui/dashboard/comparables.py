"""The Dashboard's comparables panel: an agency's earlier decisions under one provision.

Choose an agency and one of its provisions (from the catalog); the table
lists the decisions in force of that agency resting on a substantiated
allegation under it (``discipline.consistency.provision_comparables``, the
same list a decision is checked against and ``casedesk dashboard
--provision`` prints), with Export CSV like the charts.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.discipline.consistency import Comparable
from app.domain.errors import InvalidInput
from app.privatefiles import write_atomic_private
from app.services import catalog
from app.services.discipline.consistency import (
    COMPARABLE_COLUMNS,
    comparable_row,
    comparables_csv,
    provision_comparables,
)
from app.ui.report_dialog import reports_folder
from app.ui.workspace import Workspace


class ComparablesPanel(QGroupBox):
    """Agency and provision on top, the earlier decisions below, Export CSV."""

    loaded = Signal()  #: the table shows the decisions of the chosen provision
    saved = Signal(str)  #: the CSV was written to this path

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Comparable decisions under a provision"), parent)
        self.workspace = workspace
        self.comparables: tuple[Comparable, ...] = ()
        self._shown = ("", "")
        self.agency = QComboBox()
        self.agency.setAccessibleName(self.tr("Agency of the decisions"))
        self.agency.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.agency.currentIndexChanged.connect(self.on_agency_changed)
        self.provision = QComboBox()
        self.provision.setAccessibleName(self.tr("Provision"))
        self.provision.setMinimumContentsLength(28)
        self.provision.currentTextChanged.connect(self.provision.setToolTip)
        self.show_button = QPushButton(self.tr("Show &decisions"))
        self.show_button.clicked.connect(self.on_show_clicked)
        self.export_csv = QPushButton(self.tr("Export CSV…"))
        self.export_csv.setEnabled(False)
        self.export_csv.clicked.connect(self.on_export_csv_clicked)
        choose = QHBoxLayout()
        for label, widget in ((self.tr("A&gency:"), self.agency),
                              (self.tr("&Provision:"), self.provision)):  # fmt: skip
            caption = QLabel(label)
            caption.setBuddy(widget)
            choose.addWidget(caption)
            # The provision's heading is long ("AR-DHS I – Purpose; …"): it takes the room.
            choose.addWidget(widget, 1 if widget is self.provision else 0)
        choose.addWidget(self.show_button)
        choose.addWidget(self.export_csv)
        headers = [c.capitalize() for c in COMPARABLE_COLUMNS]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setAccessibleName(self.tr("Earlier decisions under the provision"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(160)
        self.note = QLabel(
            self.tr("Choose an agency and a provision: the earlier decisions in force under it, "
                    "which a new decision is compared with.")
        )  # fmt: skip
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)

    def set_agencies(self, agencies: list[catalog.AgencyInfo]) -> None:
        """Offer these agencies (the first is chosen and its provisions loaded)."""
        for agency in agencies:
            self.agency.addItem(f"{agency.code} – {agency.name}", agency.code)

    @Slot(int)
    def on_agency_changed(self, _index: int) -> None:
        """Load the chosen agency's provisions from the catalog."""
        self.provision.clear()
        code = self.agency.currentData()
        if code is None:
            return
        self.workspace.call(
            catalog.search_provisions, agency_code=code,
            on_success=lambda found: self._set_provisions(code, found), parent=self,
        )  # fmt: skip

    def _set_provisions(self, code: str, provisions: list[catalog.ProvisionInfo]) -> None:
        if code != self.agency.currentData():
            return  # another agency was chosen meanwhile
        self.provision.clear()
        for p in provisions:
            citation = f"{p.policy_code} {p.ref}"
            self.provision.addItem(f"{citation} – {p.title}" if p.title else citation, citation)

    @Slot()
    def on_show_clicked(self) -> None:
        """Ask for the decisions under the chosen provision."""
        code, citation = self.agency.currentData(), self.provision.currentData()
        if code is None or citation is None:
            self.note.setText(self.tr("Choose an agency and one of its provisions first."))
            return
        self.note.setText(self.tr("Looking up…"))
        self.workspace.call(
            provision_comparables, code, citation,
            on_success=lambda found: self._show(code, citation, found),
            on_failure=self._failed, parent=self,
        )  # fmt: skip

    def _show(self, code: str, citation: str, found: tuple[Comparable, ...]) -> None:
        self.comparables = found
        self._shown = (code, citation)
        self.table.setRowCount(len(found))
        for row, comparable in enumerate(found):
            for column, text in enumerate(comparable_row(comparable)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.export_csv.setEnabled(bool(found))
        if found:
            self.note.setText(
                self.tr("{0} earlier decisions of {1} under {2}. A decision harsher or milder "
                        "than all of them needs a consistency reason, kept with it.")
                .format(len(found), code, citation)
            )  # fmt: skip
        else:
            self.note.setText(
                self.tr("No decision of {0} rests on {1} yet.").format(code, citation)
            )
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self.note.setText("")
        self.workspace.errors.show(error, self)

    def _suggested(self) -> str:
        code, citation = self._shown
        name = re.sub(r"[^a-z0-9]+", "-", f"comparables {code} {citation}".lower()).strip("-")
        try:
            return str(reports_folder() / f"{name}.csv")
        except InvalidInput:
            return f"{name}.csv"

    @Slot()
    def on_export_csv_clicked(self) -> None:
        """Write the decisions shown as CSV where the user chooses."""
        if not self.comparables:
            return
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export decisions as CSV"), self._suggested(),
            self.tr("CSV files (*.csv)"),
        )  # fmt: skip
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".csv":
            path = path.with_name(path.name + ".csv")
        try:
            write_atomic_private(path, comparables_csv(self.comparables).encode("utf-8"))
        except OSError as error:
            QMessageBox.warning(
                self, self.tr("Not saved"),
                self.tr("Cannot write {0}: {1}. Choose another folder.").format(
                    path, error.strerror or error),
            )  # fmt: skip
            return
        self.saved.emit(str(path))
