"""The filter bar above the case list: text search, status, agency, investigator, dates.

It turns what the user picked into a :class:`~app.services.case_queries.CaseQuery`
and says when that changed. A key typed after a pause searches at once (at
the next turn of the event loop, so keys that arrive together cost one
query); keys typed faster than :attr:`CaseFilterBar.SEARCH_DELAY_MS` apart
wait for a pause that long, so a burst costs one query, not one per letter.
A query a newer one supersedes is interrupted in the database (the list's
model does that), and a single letter does not search (it would match most
cases). The counts come after the list has painted its first page (the
list's view starts them), and stop at "more than 1,000" until the user
clicks "count"; a newer count, or a key that changes the search, interrupts
an older one still running, and a superseded count is never shown.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QElapsedTimer, QLocale, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.cases import CaseStatus
from app.domain.permissions import Permission
from app.services.accounts import UserInfo, investigators
from app.services.case_counts import COUNT_LIMIT, MatchCounts, count_matches
from app.services.case_queries import CaseQuery
from app.services.catalog import AgencyInfo, list_agencies
from app.services.home import SavedSearchInfo, save_search
from app.services.query_cancel import QueryCancel
from app.ui.case_list.model import status_names
from app.ui.workspace import Workspace

#: Every status but Closed: what is still being worked on.
OPEN_STATUSES = frozenset(CaseStatus) - {CaseStatus.CLOSED}


class CaseFilterBar(QWidget):
    """Search field, filter pickers and the number of matching cases."""

    filters_changed = Signal()  #: the query changed (search text after a short pause)

    #: Keys typed less than this many milliseconds apart (a burst) wait for a
    #: pause this long before the search runs; a key after a longer gap searches
    #: at once. Tuned against the keystroke-to-painted-list benchmark
    #: (``benchmarks/case_list_typing.py``).
    SEARCH_DELAY_MS = 40
    #: Search text shorter than this does not search: one letter matches most cases.
    MIN_SEARCH = 2

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._status_names = status_names()
        self._counts_generation = 0
        self._counting: QueryCancel | None = None  #: the count under way
        self._counted: CaseQuery | None = None  #: the filters of the last count asked for
        self._counts_shown = False  #: the count of ``_counted`` arrived and is shown
        self._exact_for: CaseQuery | None = None  #: the user asked to count this exactly

        self.search = QLineEdit()
        self.search.setObjectName("caseSearch")
        self.search.setPlaceholderText(
            self.tr("Search number, title, narrative, notes (2 letters or more)…")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(
            self.tr("Cases whose number starts with, or whose words begin with, what you type")
        )
        self.count_label = QLabel()
        self.count_label.setObjectName("caseCount")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count_label.setTextFormat(Qt.TextFormat.RichText)
        self.count_label.linkActivated.connect(self.on_count_label_link_activated)

        self.status = QComboBox()
        self.status.setObjectName("statusFilter")
        self.status.setToolTip(self.tr("Show cases in this status"))
        self._status_choices: list[frozenset[CaseStatus]] = [frozenset(), OPEN_STATUSES]
        self._status_choices += [frozenset({s}) for s in CaseStatus]
        self.status.addItems([""] * len(self._status_choices))
        self.set_status_counts(None)
        # Filters shrink to their start on narrow screens; pop-ups show them whole.
        self.status.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.status.setMinimumContentsLength(14)

        self.agency = QComboBox()
        self.agency.setObjectName("agencyFilter")
        self.agency.setToolTip(self.tr("Show cases of this agency"))
        self.agency.addItem(self.tr("All agencies"), None)
        # Agency names are long: the field shows the start, the pop-up the whole name.
        self.agency.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.agency.setMinimumContentsLength(12)

        self.investigator = QComboBox()
        self.investigator.setObjectName("investigatorFilter")
        self.investigator.setToolTip(self.tr("Show cases assigned to this investigator"))
        self.investigator.addItem(self.tr("All investigators"), None)
        self.investigator.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.investigator.setMinimumContentsLength(12)

        today = QDate.currentDate()
        self.dates = QCheckBox(self.tr("Reported between"))
        self.dates.setObjectName("reportedFilter")
        self.date_from = self._date_edit(today.addYears(-1), self.tr("First day reported"))
        self.date_to = self._date_edit(today, self.tr("Last day reported"))
        self.date_and = QLabel(self.tr("and"))
        self.reset = QPushButton(self.tr("Clear filters"))
        self.reset.setObjectName("clearFilters")
        self.reset.setToolTip(self.tr("Show all cases again"))
        self.save = QPushButton(self.tr("Sa&ve search…"))
        self.save.setObjectName("saveSearch")
        self.save.setToolTip(
            self.tr("Keep these filters under a name; Home lists your saved searches")
        )
        self.save_dialog: QInputDialog | None = None

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(self.SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.on_search_timer_timeout)
        self._last_key = QElapsedTimer()  #: since the search text last changed

        # Two rows of about equal width, so the list fits a narrow screen.
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        for date_widget in (self.dates, self.date_from, self.date_and, self.date_to):
            top.addWidget(date_widget)
        filters = QHBoxLayout()
        for filter_widget in (self.status, self.agency, self.investigator, self.reset, self.save):
            filters.addWidget(filter_widget)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(filters)
        self._enable_dates(False)

        self.search.textChanged.connect(self.on_search_text_changed)
        self.search.returnPressed.connect(self.on_search_return_pressed)
        self.status.currentIndexChanged.connect(self.on_filter_changed)
        self.agency.currentIndexChanged.connect(self.on_filter_changed)
        self.investigator.currentIndexChanged.connect(self.on_filter_changed)
        self.dates.toggled.connect(self.on_dates_toggled)
        self.date_from.dateChanged.connect(self.on_date_changed)
        self.date_to.dateChanged.connect(self.on_date_changed)
        self.reset.clicked.connect(self.on_reset_clicked)
        self.save.clicked.connect(self.on_save_clicked)

        if workspace.can(Permission.CATALOG_VIEW):
            workspace.call(list_agencies, on_success=self.on_agencies_loaded, parent=self)
        else:
            self.agency.hide()
        workspace.call(investigators, on_success=self.on_investigators_loaded, parent=self)

    def _date_edit(self, date: QDate, tooltip: str) -> QDateEdit:
        edit = QDateEdit(date)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setToolTip(tooltip)
        return edit

    def _enable_dates(self, enabled: bool) -> None:
        for widget in (self.date_from, self.date_and, self.date_to):
            widget.setEnabled(enabled)

    # -- what the user picked ------------------------------------------------------

    def query(self) -> CaseQuery:
        """The filters as a case query (default sort and first page)."""
        reported_from = reported_to = None
        if self.dates.isChecked():
            first, last = self.date_from.date().toPython(), self.date_to.date().toPython()
            assert isinstance(first, dt.date) and isinstance(last, dt.date)
            # Either order means the same range; the service refuses a reversed one.
            reported_from, reported_to = min(first, last), max(first, last)
        return CaseQuery(
            statuses=self._status_choices[max(self.status.currentIndex(), 0)],
            agency_code=self.agency.currentData(),
            investigator=self.investigator.currentData(),
            reported_from=reported_from,
            reported_to=reported_to,
            text=self.search_text(),
        )

    def apply(self, query: CaseQuery) -> None:
        """Show the cases of a saved search: its filters in the pickers, announced once."""
        widgets = (self.search, self.status, self.agency, self.investigator, self.dates,
                   self.date_from, self.date_to)  # fmt: skip
        for widget in widgets:
            widget.blockSignals(True)
        self.search.setText(query.text)
        statuses = self._status_choices
        self.status.setCurrentIndex(statuses.index(query.statuses) if query.statuses in statuses
                                    else 0)  # fmt: skip
        for combo, value in ((self.agency, query.agency_code),
                             (self.investigator, query.investigator)):  # fmt: skip
            if value is not None and combo.findData(value) < 0:
                combo.addItem(value, value)  # its full name arrives with the list
            combo.setCurrentIndex(max(combo.findData(value), 0))
        dated = query.reported_from is not None or query.reported_to is not None
        self.dates.setChecked(dated)
        if query.reported_from is not None:
            self.date_from.setDate(
                QDate(query.reported_from.year, query.reported_from.month, query.reported_from.day)
            )
        if query.reported_to is not None:
            self.date_to.setDate(
                QDate(query.reported_to.year, query.reported_to.month, query.reported_to.day)
            )
        for widget in widgets:
            widget.blockSignals(False)
        self._enable_dates(dated)
        self._search_timer.stop()
        self._changed()

    def save_search(self, name: str) -> None:
        """Keep the current filters as the user's search ``name`` (Home lists it)."""
        self.workspace.call(save_search, name, self.query(),
                            on_success=self.on_search_saved, parent=self)  # fmt: skip

    def search_text(self) -> str:
        """The typed search, or nothing while it is a single letter."""
        typed = self.search.text().strip()
        return typed if len(typed) >= self.MIN_SEARCH else ""

    def is_filtered(self) -> bool:
        """Whether any filter or search text narrows the list."""
        return self.query() != CaseQuery()

    def set_count(self, total: int, exact: bool = True) -> None:
        """Show how many cases match; past the counting limit, offer to count them all."""
        number = QLocale().toString(total)
        if not exact:
            text = self.tr("more than %1 cases").replace("%1", number)
            link = self.tr("count")
            self.count_label.setText(f'{text} (<a href="count">{link}</a>)')
            self.count_label.setToolTip(self.tr("Click “count” to count every matching case"))
            return
        self.count_label.setToolTip("")
        if total == 1:
            self.count_label.setText(self.tr("1 case"))
        else:
            self.count_label.setText(self.tr("%1 cases").replace("%1", number))

    def show_search_hint(self) -> None:
        """Say why one typed letter does not search yet."""
        self.count_label.setText(self.tr("Type one more letter to search"))

    def set_status_counts(self, counts: dict[CaseStatus, int] | None) -> None:
        """Label each status choice with its number of cases (None: no numbers yet)."""
        names = [self.tr("All statuses"), self.tr("Open (not closed)")]
        names += [self._status_names[s] for s in CaseStatus]
        locale = QLocale()
        for index, (name, statuses) in enumerate(zip(names, self._status_choices, strict=True)):
            if counts is None:
                self.status.setItemText(index, name)
                continue
            count = sum(counts.values()) if not statuses else sum(counts[s] for s in statuses)
            self.status.setItemText(index, f"{name} ({locale.toString(count)})")

    @property
    def counting(self) -> bool:
        """Whether a count is under way (its figures not shown yet)."""
        return self._counting is not None

    def refresh_counts(self) -> None:
        """Count the matching cases (and by status, when few), up to the counting limit."""
        self.cancel_counts()
        generation = self._counts_generation
        query = self._counted = self.query()
        cancel = self._counting = QueryCancel()
        self.workspace.call(
            count_matches,
            query,
            up_to=None if query == self._exact_for else COUNT_LIMIT,
            cancel=cancel,
            on_success=lambda counts: self._on_counts(generation, counts),
            on_failure=lambda error: self._on_count_failed(generation, cancel, error),
            parent=self,
        )

    def count_exactly(self) -> None:
        """Count every matching case, however many (the user asked)."""
        self._exact_for = self.query()
        self.count_label.setText(self.tr("Counting…"))
        self.refresh_counts()

    def _on_counts(self, generation: int, counts: MatchCounts) -> None:
        if generation != self._counts_generation:
            return  # superseded: the filters changed (or a newer count started) meanwhile
        self._counting = None
        self._counts_shown = True
        self.set_count(counts.total, counts.exact)
        self.set_status_counts(counts.by_status)
        if self.search.text().strip() and not self.search_text():
            self.show_search_hint()

    def _on_count_failed(self, generation: int, cancel: QueryCancel, error: BaseException) -> None:
        if generation == self._counts_generation and not cancel.cancelled:
            self._counting = None
            self.workspace.errors.show(error, self)

    def cancel_counts(self) -> None:
        """Stop the count under way: its figures are for filters no longer shown."""
        self._counts_generation += 1
        self._counts_shown = False
        if self._counting is not None:
            self._counting.cancel()
            self._counting = None

    def _changed(self) -> None:
        """Announce the new query (the list counts again once its rows are shown)."""
        query = self.query()
        if query != self._counted:
            self.cancel_counts()
        elif self._counted is not None and not self._counts_shown and self._counting is None:
            # A key stopped this count, and the text is back to what was counted:
            # the list does not change, so count again here.
            self.refresh_counts()
        self.filters_changed.emit()

    # -- slots -----------------------------------------------------------------------

    @Slot(str)
    def on_search_text_changed(self, text: str) -> None:
        """Search at once after a pause in typing, or wait for one in a burst of keys;
        say so when one letter is not enough."""
        burst = self._last_key.isValid() and self._last_key.elapsed() < self.SEARCH_DELAY_MS
        self._last_key.start()
        self._search_timer.start(self.SEARCH_DELAY_MS if burst else 0)
        if self._counted is not None and self.query() != self._counted:
            self.cancel_counts()  # its figures are for a word no longer typed
        if len(text.strip()) == 1:
            self.show_search_hint()

    @Slot(str)
    def on_count_label_link_activated(self, _link: str) -> None:
        """ "count" beside "more than 1,000 cases": count them all."""
        self.count_exactly()

    @Slot()
    def on_search_return_pressed(self) -> None:
        """Search now, without waiting for the pause."""
        if self._search_timer.isActive():
            self._search_timer.stop()
            self._changed()

    @Slot()
    def on_search_timer_timeout(self) -> None:
        self._changed()

    @Slot(int)
    def on_filter_changed(self, _index: int) -> None:
        self._changed()

    @Slot(bool)
    def on_dates_toggled(self, checked: bool) -> None:
        self._enable_dates(checked)
        self._changed()

    @Slot(QDate)
    def on_date_changed(self, _date: QDate) -> None:
        """Typing a date changes it digit by digit: wait for a pause, as for search."""
        if self.dates.isChecked():
            self._search_timer.start(self.SEARCH_DELAY_MS)

    @Slot()
    def on_reset_clicked(self) -> None:
        """Back to every case, announced once."""
        widgets = (self.search, self.status, self.agency, self.investigator, self.dates)
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        self.status.setCurrentIndex(0)
        self.agency.setCurrentIndex(0)
        self.investigator.setCurrentIndex(0)
        self.dates.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)
        self._enable_dates(False)
        self._search_timer.stop()
        self._changed()

    @Slot()
    def on_save_clicked(self) -> None:
        """Ask for a name, then save the search."""
        dialog = QInputDialog(self)
        dialog.setObjectName("saveSearchDialog")
        dialog.setWindowTitle(self.tr("Save search"))
        dialog.setLabelText(self.tr("Name (a saved search of the same name is replaced):"))
        dialog.setTextValue(self.search.text().strip())
        dialog.textValueSelected.connect(self.save_search)
        dialog.finished.connect(dialog.deleteLater)
        self.save_dialog = dialog
        dialog.open()

    def on_search_saved(self, saved: SavedSearchInfo) -> None:
        self.workspace.status_message.emit(
            self.tr("Search saved as \u201c{0}\u201d.").format(saved.name)
        )
        self.workspace.saved_searches_changed.emit()

    @Slot(object)
    def on_agencies_loaded(self, agencies: list[AgencyInfo]) -> None:
        """Offer each agency, keeping the current choice."""
        current = self.agency.currentData()
        self.agency.blockSignals(True)
        while self.agency.count() > 1:
            self.agency.removeItem(1)
        for agency in agencies:
            self.agency.addItem(f"{agency.code} — {agency.name}", agency.code)
            self.agency.setItemData(
                self.agency.count() - 1, agency.name, Qt.ItemDataRole.ToolTipRole
            )
        self.agency.setCurrentIndex(max(self.agency.findData(current), 0))
        self.agency.blockSignals(False)
        popup = self.agency.view()
        popup.setMinimumWidth(
            popup.sizeHintForColumn(0) + popup.verticalScrollBar().sizeHint().width()
        )

    @Slot(object)
    def on_investigators_loaded(self, users: list[UserInfo]) -> None:
        """Offer each active investigator, keeping the current choice."""
        current = self.investigator.currentData()
        self.investigator.blockSignals(True)
        while self.investigator.count() > 1:
            self.investigator.removeItem(1)
        for user in users:
            self.investigator.addItem(user.full_name, user.username)
        self.investigator.setCurrentIndex(max(self.investigator.findData(current), 0))
        self.investigator.blockSignals(False)
