"""Authorization log report…: an agency and a period, then the same background generation.

The log lists the agency's supervision and investigation authorizations
(MA DYS 01.05.22 B.2, B.3), credential requests with their uses and
inadvertent receipts (AR-DHS II(G)) in force during the period. The
service leaves out what the user's roles may not see; the dialog offers
nothing more. The period is checked beside its dates as they change: the
first day on or before the last, neither after today.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QVBoxLayout, QWidget

from app.domain.errors import InvalidInput
from app.domain.permissions import Permission
from app.services import report_building
from app.services.catalog import AgencyInfo, list_agencies
from app.ui.case_view.inputs import DATE_FORMAT, from_qdate, to_qdate
from app.ui.case_view.support import ErrorLabel, alive
from app.ui.report_dialog import GenerateReportDialog
from app.ui.tasks import TaskControl
from app.ui.workspace import Workspace

if TYPE_CHECKING:
    from app.services.report_building import GeneratedReportInfo


def _date_edit(name: str, value: dt.date) -> QDateEdit:
    """A date with a calendar, in ISO order. Future dates can be typed; they are
    refused beside the field, which says why, rather than silently clamped."""
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setMinimumDate(QDate(1970, 1, 1))
    edit.setDate(to_qdate(value))
    return edit


def _with_error(edit: QWidget, error: ErrorLabel) -> QWidget:
    cell = QWidget()
    column = QVBoxLayout(cell)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(edit)
    column.addWidget(error)
    return cell


class AuthorizationLogDialog(GenerateReportDialog):
    """The agency and the period of the authorization log; Generate builds the PDF."""

    def __init__(
        self,
        workspace: Workspace,
        agency_codes: Sequence[str] = (),
        chosen_agency: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, parent)
        self.setObjectName("authorizationLogDialog")
        self.setWindowTitle(self.tr("Authorization log report"))
        self._chosen_agency = chosen_agency
        today = dt.date.today()

        self.agency = QComboBox()
        self.agency.setObjectName("logAgency")
        # The agency's whole name shows: the combo grows to its longest choice.
        self.agency.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for code in agency_codes:
            self.agency.addItem(code, code)
        self._select_agency()
        self.agency_error = ErrorLabel()
        self.agency_error.setObjectName("logAgencyError")
        self.date_from = _date_edit("logFrom", from_qdate(QDate.currentDate().addYears(-1)))
        self.date_to = _date_edit("logTo", today)
        self.from_error = ErrorLabel()
        self.from_error.setObjectName("logFromError")
        self.to_error = ErrorLabel()
        self.to_error.setObjectName("logToError")

        for text, field, error in (
            (self.tr("&Agency:"), self.agency, self.agency_error),
            (self.tr("&From:"), self.date_from, self.from_error),
            (self.tr("&To:"), self.date_to, self.to_error),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            self.form.addRow(label, _with_error(field, error))
        note = self.tr(
            "Supervision and investigation authorizations (MA DYS 01.05.22 B.2, B.3) and "
            "credential requests with their uses (AR-DHS II(G)) in force during the "
            "period, both days included. The report is recorded with its SHA-256."
        )
        if not (
            workspace.can(Permission.INVESTIGATION_AUTHORIZATION_VIEW)
            and workspace.can(Permission.CREDENTIAL_REQUEST_VIEW)
        ):
            note += " " + self.tr(
                "Confidential entries your role may not see are left out, and the report says so."
            )
        self.note.setText(note)
        self.resize(560, 320)

        self.date_from.dateChanged.connect(self.on_period_changed)
        self.date_to.dateChanged.connect(self.on_period_changed)
        self.agency.currentIndexChanged.connect(self.on_agency_changed)
        if workspace.can(Permission.CATALOG_VIEW):
            workspace.call(list_agencies, on_success=alive(self, self._on_agencies), parent=self)

    # -- the agencies ----------------------------------------------------------------------

    def _on_agencies(self, agencies: list[AgencyInfo]) -> None:
        """Every agency by its name (the page offered only those with records loaded)."""
        chosen = self.agency.currentData() or self._chosen_agency
        self.agency.blockSignals(True)
        self.agency.clear()
        for agency in agencies:
            self.agency.addItem(f"{agency.code} — {agency.name}", agency.code)
        self.agency.blockSignals(False)
        self._chosen_agency = chosen
        self._select_agency()

    def _select_agency(self) -> None:
        index = self.agency.findData(self._chosen_agency) if self._chosen_agency else -1
        self.agency.setCurrentIndex(max(index, 0) if self.agency.count() else -1)

    # -- the period ------------------------------------------------------------------------

    def period(self) -> tuple[dt.date, dt.date]:
        return from_qdate(self.date_from.date()), from_qdate(self.date_to.date())

    def check_period(self) -> bool:
        """Show beside each date what is wrong with it; True if the period is fine."""
        start, end = self.period()
        today = dt.date.today()
        from_message = to_message = ""
        if start > today:
            from_message = self.tr(
                "The first day is after today ({0}); the log covers days up to today."
            ).format(today.isoformat())
        if end > today:
            to_message = self.tr(
                "The last day is after today ({0}); choose today or an earlier day."
            ).format(today.isoformat())
        elif end < start:
            to_message = self.tr(
                "The last day is before the first day ({0}); choose a day on or after it."
            ).format(start.isoformat())
        self.from_error.show_message(from_message)
        self.to_error.show_message(to_message)
        return not (from_message or to_message)

    # -- generating ------------------------------------------------------------------------

    def report_work(self) -> Callable[[TaskControl], GeneratedReportInfo] | None:
        self.agency_error.clear_message()
        code = self.agency.currentData()
        valid = self.check_period()
        if not code:
            self.agency_error.show_message(self.tr("Choose the agency whose log you want."))
            self.agency.setFocus()
            return None
        if not valid:
            bad = self.date_from if self.from_error.isVisible() else self.date_to
            bad.setFocus()
            return None
        database, actor = self.workspace.database, self.workspace.actor
        start, end = self.period()

        def work(control: TaskControl) -> GeneratedReportInfo:
            return report_building.generate_authorization_log(
                database, actor, code, start, end, progress=control.progress
            )

        return work

    def progress_text(self) -> str:
        start, end = self.period()
        return self.tr("Generating the authorization log of {0}, {1} to {2}…").format(
            self.agency.currentData(), start.isoformat(), end.isoformat()
        )

    def show_failure(self, error: BaseException) -> None:
        """A period the service refuses is shown by the dates; anything else in a dialog."""
        if isinstance(error, InvalidInput) and error.field == "period":
            self.to_error.show_message(str(error))
            self.date_to.setFocus()
            return
        super().show_failure(error)

    # -- slots -----------------------------------------------------------------------------

    @Slot(QDate)
    def on_period_changed(self, _date: QDate) -> None:
        """Check the period as it is edited, so the message goes as soon as it is fixed."""
        self.check_period()

    @Slot(int)
    def on_agency_changed(self, _index: int) -> None:
        self.agency_error.clear_message()
