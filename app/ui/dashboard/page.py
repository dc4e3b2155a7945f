"""The Dashboard: charts of the cases' figures, filtered by agency and period.

Below the charts, the comparable decisions under one provision of an agency
(``comparables.ComparablesPanel``).

Each chart comes from ``app.services.dashboard`` (one SQL aggregate each,
counting only what the user may see), loaded in the background whenever the
filter is applied or the page is shown after cases changed.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.permissions import Permission
from app.services import catalog, dashboard
from app.services.dashboard import CHARTS, Dashboard, DashboardFilter
from app.ui.dashboard.comparables import ComparablesPanel
from app.ui.dashboard.panel import ChartPanel
from app.ui.workspace import Workspace

#: Panels per row of the grid.
COLUMNS = 2


def _date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def default_period(today: dt.date) -> tuple[dt.date, dt.date]:
    """The twelve months up to ``today``: from the first day of the month 11 months back."""
    month = today.month - 11
    year = today.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return dt.date(year, month, 1), today


class DashboardPage(QWidget):
    """Filters on top, the charts below in a scrolling grid."""

    loaded = Signal()  #: the charts show the figures of the current filter

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._stale = True
        self._serial = 0
        start, end = default_period(dt.date.today())
        self.agency = QComboBox()
        self.agency.setAccessibleName(self.tr("Agency"))
        self.agency.addItem(self.tr("All agencies"), None)
        self.date_from = _date_edit(start)
        self.date_from.setAccessibleName(self.tr("From"))
        self.date_to = _date_edit(end)
        self.date_to.setAccessibleName(self.tr("To"))
        self.apply = QPushButton(self.tr("&Show"))
        self.apply.setDefault(True)
        self.apply.clicked.connect(self.on_apply_clicked)
        self.status = QLabel()
        filters = QHBoxLayout()
        for label, widget in (
            (self.tr("&Agency:"), self.agency),
            (self.tr("Reported &from:"), self.date_from),
            (self.tr("&to:"), self.date_to),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addWidget(self.apply)
        filters.addWidget(self.status, 1)

        self.panels: dict[str, ChartPanel] = {}
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        for index, key in enumerate(CHARTS):
            panel = ChartPanel(key.replace("_", " ").capitalize())
            panel.saved.connect(self.on_panel_saved)
            self.panels[key] = panel
            grid.addWidget(panel, index // COLUMNS, index % COLUMNS)
        self.comparables = ComparablesPanel(workspace)
        self.comparables.saved.connect(self.on_panel_saved)
        grid.addWidget(self.comparables, (len(CHARTS) + COLUMNS - 1) // COLUMNS, 0, 1, COLUMNS)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(scroll, 1)
        workspace.cases_changed.connect(self.on_cases_changed)
        workspace.case_changed.connect(self.on_cases_changed)
        if workspace.can(Permission.CATALOG_VIEW):
            workspace.call(catalog.list_agencies, on_success=self._set_agencies, parent=self)

    def _set_agencies(self, agencies: list[catalog.AgencyInfo]) -> None:
        for agency in agencies:
            self.agency.addItem(f"{agency.code} – {agency.name}", agency.code)
        self.comparables.set_agencies(agencies)

    def current_filter(self) -> DashboardFilter:
        """The filter the user set."""
        return DashboardFilter(
            agency_code=self.agency.currentData(),
            date_from=self.date_from.date().toPython(),  # type: ignore[arg-type]
            date_to=self.date_to.date().toPython(),  # type: ignore[arg-type]
        )

    def reload(self) -> None:
        """Ask for every chart of the current filter."""
        self._stale = False
        self._serial += 1
        serial = self._serial
        self.status.setText(self.tr("Counting…"))
        self.workspace.call(
            dashboard.dashboard, self.current_filter(),
            on_success=lambda board: self._show(serial, board),
            on_failure=self._failed, parent=self,
        )  # fmt: skip

    def _show(self, serial: int, board: Dashboard) -> None:
        if serial != self._serial:
            return  # a newer filter was applied meanwhile
        for chart in board.charts:
            self.panels[chart.key].set_chart(chart)
        self.status.setText("")
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self.status.setText("")
        self.workspace.errors.show(error, self)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._stale:
            self.reload()

    @Slot()
    def on_apply_clicked(self) -> None:
        """Count again for the filter the user set."""
        self.reload()

    @Slot()
    def on_cases_changed(self) -> None:
        """Figures change with the cases: count again when the page is next shown."""
        self._stale = True
        if self.isVisible():
            self.reload()

    @Slot(str)
    def on_panel_saved(self, path: str) -> None:
        """Say where the export went."""
        self.workspace.status_message.emit(self.tr("Saved {0}").format(path))
