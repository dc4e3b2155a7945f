"""A date typed after today stays as typed and the field says why it will be refused
(it used to jump back to today without a word)."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit

from app.ui.authorizations.authorizations_page import AuthorizationsPage
from app.ui.case_view.new_case import NewCaseDialog


def type_year(qtbot, edit: QDateEdit, year: int) -> None:
    """Type ``year`` over the year of ``edit``, as a user does."""
    edit.setFocus()
    edit.setSelectedSection(QDateTimeEdit.Section.YearSection)
    qtbot.keyClicks(edit, str(year))


def test_a_future_date_reported_is_kept_and_explained_beside_it(
    workspace_for, qtbot, settle
) -> None:
    ivy = workspace_for("investigator")
    dialog = NewCaseDialog(ivy)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(ivy)
    form = dialog.form
    today = QDate.currentDate()
    next_year = today.year() + 1

    type_year(qtbot, form.reported_on, next_year)

    assert form.reported_on.date().year() == next_year  # not clamped to today
    message = form.error_label("reported_on")
    assert message.isVisible()
    assert "after today" in message.text() and "cannot be in the future" in message.text()
    assert str(next_year) in message.text()

    type_year(qtbot, form.reported_on, today.year() - 1)
    assert not message.isVisible()  # taken back once the date is possible


def test_a_future_review_meeting_is_kept_and_explained_beside_it(
    workspace_for, open_list_page, qtbot, settle
) -> None:
    sam = workspace_for("supervisor")
    page = open_list_page(AuthorizationsPage, sam)
    page.table.selectRow(0)
    review = page.record_review()
    assert review is not None
    next_year = QDate.currentDate().year() + 1

    type_year(qtbot, review.met_on, next_year)

    assert review.met_on.date().year() == next_year
    message = review.error_label("met_on")
    assert message.isVisible() and "Meeting date" in message.text()
    assert "cannot be in the future" in message.text()
    review.reject()
