"""Inputs of the intake form that Qt has no single widget for.

An optional date (conduct dates are often not known), the platforms (the
usual ones to tick, others to type) and the subject employees (chosen from
the agency's staff).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.cases import KNOWN_PLATFORMS
from app.services.employees import EmployeeInfo
from app.ui.case_view.support import ErrorLabel
from app.ui.i18n import tr

DATE_FORMAT = "yyyy-MM-dd"


def make_date_edit(parent: QWidget | None = None) -> QDateEdit:
    """A date input with a calendar, in ISO order, for a day that has come.

    A later day is not clamped to today behind the user's back: it stays as
    typed and :func:`say_if_future` explains beside the field why it will be
    refused (the service refuses it in any case).
    """
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setMinimumDate(QDate(1970, 1, 1))
    edit.setDate(QDate.currentDate())
    return edit


#: The property of an error label holding the future-date message it shows, if any.
_FUTURE_MESSAGE = "futureDateMessage"


def say_if_future(edit: QDateEdit, label: ErrorLabel, what: str) -> None:
    """Show beside the field that ``edit``'s date is after today, or take that back.

    ``what`` names the date in the message ("Date reported"). Other messages
    on ``label`` (the service's) are left alone.
    """
    day, today = edit.date(), QDate.currentDate()
    if edit.isEnabled() and day > today:
        message = tr(
            "Inputs", "{what} {day} is after today ({today}): it cannot be in the future."
        ).format(what=what, day=day.toString(DATE_FORMAT), today=today.toString(DATE_FORMAT))
        label.setProperty(_FUTURE_MESSAGE, message)
        label.show_message(message)
    elif label.property(_FUTURE_MESSAGE) and label.text() == label.property(_FUTURE_MESSAGE):
        label.setProperty(_FUTURE_MESSAGE, "")
        label.clear_message()


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class OptionalDateEdit(QWidget):
    """A date, or "not known" (the box ticked, the date greyed out)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date_edit = make_date_edit()
        self.unknown = QCheckBox(self.tr("Not known"))
        self.unknown.setChecked(True)
        self.date_edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date_edit)
        layout.addWidget(self.unknown)
        layout.addStretch(1)
        self.setFocusProxy(self.date_edit)
        self.date_edit.dateChanged.connect(self.changed)
        self.unknown.toggled.connect(self.on_unknown_toggled)

    def date(self) -> dt.date | None:
        """The date, or ``None`` when not known."""
        if self.unknown.isChecked():
            return None
        return from_qdate(self.date_edit.date())

    def set_date(self, value: dt.date | None) -> None:
        self.unknown.setChecked(value is None)
        if value is not None:
            self.date_edit.setDate(to_qdate(value))

    def set_read_only(self, read_only: bool) -> None:
        self.date_edit.setReadOnly(read_only)
        self.unknown.setEnabled(not read_only)

    @Slot(bool)
    def on_unknown_toggled(self, unknown: bool) -> None:
        """Grey the date out while it is not known."""
        self.date_edit.setEnabled(not unknown)
        self.changed.emit()


class PlatformPicker(QWidget):
    """The usual platforms as tick boxes, and a line for any others."""

    changed = Signal()
    COLUMNS = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        for index, name in enumerate(KNOWN_PLATFORMS):
            box = QCheckBox(name)
            box.setObjectName(f"platform{index}")
            box.toggled.connect(self.changed)
            self.boxes[name] = box
            grid.addWidget(box, index // self.COLUMNS, index % self.COLUMNS)
        self.others = QLineEdit()
        self.others.setObjectName("otherPlatforms")
        self.others.setPlaceholderText(self.tr("Other platforms, separated by commas"))
        self.others.textEdited.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.others)

    def focus_widgets(self) -> list[QWidget]:
        """The inputs in tab order."""
        return [*self.boxes.values(), self.others]

    def platforms(self) -> tuple[str, ...]:
        ticked = [name for name, box in self.boxes.items() if box.isChecked()]
        typed = [p.strip() for p in self.others.text().split(",") if p.strip()]
        return tuple(dict.fromkeys(ticked + typed))

    def set_platforms(self, platforms: Iterable[str]) -> None:
        chosen = list(platforms)
        known = {name.casefold(): name for name in self.boxes}
        ticked = {known[p.casefold()] for p in chosen if p.casefold() in known}
        for name, box in self.boxes.items():
            box.setChecked(name in ticked)
        self.others.setText(", ".join(p for p in chosen if p.casefold() not in known))

    def set_read_only(self, read_only: bool) -> None:
        for box in self.boxes.values():
            box.setEnabled(not read_only)
        self.others.setReadOnly(read_only)


def employee_label(employee: EmployeeInfo) -> str:
    """An employee as pickers show them: name, position, number."""
    text = employee.full_name
    if employee.position:
        text += f" — {employee.position}"
    if employee.employee_number:
        text += f" ({employee.employee_number})"
    return text


class SubjectPicker(QWidget):
    """The subject employees of a case, chosen from the agency's staff."""

    changed = Signal()
    new_employee_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._employees: dict[int, EmployeeInfo] = {}
        self.subject_list = QListWidget()
        self.subject_list.setObjectName("subjectList")
        self.subject_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.subject_list.setMaximumHeight(96)
        self.employee_combo = QComboBox()
        self.employee_combo.setObjectName("employeeCombo")
        self.employee_combo.setEditable(True)
        self.employee_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.employee_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.employee_combo.setMinimumContentsLength(24)
        completer = QCompleter(self.employee_combo.model(), self.employee_combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.employee_combo.setCompleter(completer)
        line = self.employee_combo.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Type a name to find an employee"))
        self.add_button = QPushButton(self.tr("Add subject"))
        self.add_button.setObjectName("addSubjectButton")
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeSubjectButton")
        self.new_button = QPushButton(self.tr("New employee…"))
        self.new_button.setObjectName("newEmployeeButton")
        self.add_button.clicked.connect(self.on_add_clicked)
        self.remove_button.clicked.connect(self.on_remove_clicked)
        self.new_button.clicked.connect(self.new_employee_requested)

        chooser = QHBoxLayout()
        chooser.addWidget(self.employee_combo, 1)
        chooser.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.subject_list)
        layout.addLayout(chooser)
        layout.addLayout(buttons)

    def focus_widgets(self) -> list[QWidget]:
        """The inputs in tab order."""
        return [self.subject_list, self.employee_combo, self.add_button, self.remove_button,
                self.new_button]  # fmt: skip

    def set_employees(self, employees: Iterable[EmployeeInfo]) -> None:
        """The agency's staff to choose from."""
        self._employees.update({e.id: e for e in employees})
        self.employee_combo.clear()
        for employee in sorted(self._employees.values(), key=lambda e: e.full_name.casefold()):
            self.employee_combo.addItem(employee_label(employee), employee.id)
        self.employee_combo.setCurrentIndex(-1)
        self._relabel()

    def clear_employees(self) -> None:
        """Another agency was chosen: its staff differ, so do the subjects."""
        self._employees.clear()
        self.employee_combo.clear()
        self.subject_list.clear()

    def subject_ids(self) -> tuple[int, ...]:
        ids = []
        for row in range(self.subject_list.count()):
            ids.append(int(self.subject_list.item(row).data(Qt.ItemDataRole.UserRole)))
        return tuple(ids)

    def set_subjects(self, ids: Iterable[int], known: Iterable[EmployeeInfo] = ()) -> None:
        """Show these subjects; ``known`` names them before the staff list arrives."""
        self._employees.update({e.id: e for e in known})
        self.subject_list.clear()
        for employee_id in ids:
            self._append(employee_id)

    def add_subject(self, employee: EmployeeInfo) -> None:
        """Add one subject (a newly recorded employee, say) and offer them in the list."""
        if employee.id not in self._employees:
            self._employees[employee.id] = employee
            self.employee_combo.addItem(employee_label(employee), employee.id)
        if employee.id not in self.subject_ids():
            self._append(employee.id)
            self.changed.emit()

    def set_read_only(self, read_only: bool, *, can_add_employees: bool = True) -> None:
        for widget in (self.employee_combo, self.add_button, self.remove_button):
            widget.setVisible(not read_only)
        self.new_button.setVisible(not read_only and can_add_employees)

    def _append(self, employee_id: int) -> None:
        item = QListWidgetItem(self._label(employee_id))
        item.setData(Qt.ItemDataRole.UserRole, employee_id)
        self.subject_list.addItem(item)

    def _label(self, employee_id: int) -> str:
        employee = self._employees.get(employee_id)
        if employee is None:
            return self.tr("Employee {0}").format(employee_id)
        return employee_label(employee)

    def _relabel(self) -> None:
        for row in range(self.subject_list.count()):
            item = self.subject_list.item(row)
            item.setText(self._label(int(item.data(Qt.ItemDataRole.UserRole))))

    @Slot()
    def on_add_clicked(self) -> None:
        """Add the employee chosen in the box (typed names must match one)."""
        index = self.employee_combo.findText(self.employee_combo.currentText())
        if index < 0:
            return
        employee_id = int(self.employee_combo.itemData(index))
        if employee_id not in self.subject_ids():
            self._append(employee_id)
            self.changed.emit()
        self.employee_combo.setCurrentIndex(-1)

    @Slot()
    def on_remove_clicked(self) -> None:
        """Take the selected employees off the case."""
        selected = self.subject_list.selectedItems()
        for item in selected:
            self.subject_list.takeItem(self.subject_list.row(item))
        if selected:
            self.changed.emit()
