"""Table models of the authorization and credential-request lists, with overdue flags."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QStyle

from app.domain.authorizations.credentials import RequestStatus
from app.domain.authorizations.ma_dys import AuthorizationKind
from app.domain.wording import counted
from app.services.authorizations import AuthorizationInfo
from app.services.credential_requests import CredentialRequestInfo
from app.ui.authorizations.labels import (
    AuthorizationState,
    kind_labels,
    period_text,
    request_status_labels,
    role_label,
    state_labels,
    state_of,
)
from app.ui.case_view.support import local_time
from app.ui.palette import error_colour, muted_colour

_Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()


class RecordModel(QAbstractTableModel):
    """Rows of frozen records; subclasses say what each column shows.

    A subclass names its :attr:`record_type` and gives each cell's text
    (:meth:`_display`), its sort value (:meth:`_sort_key`) and any other
    role's value (:meth:`_role_data`).
    """

    SortRole = Qt.ItemDataRole.UserRole + 1  #: a value that sorts the column sensibly
    IdRole = Qt.ItemDataRole.UserRole + 2
    headers: tuple[str, ...] = ()
    record_type: type[Any] = object  #: the records' class; other rows show nothing

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_records(self, records: list[Any]) -> None:
        """Show these records (a reload replaces every row)."""
        self.beginResetModel()
        self._rows = list(records)
        self.endResetModel()

    def record_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def records(self) -> list[Any]:
        return list(self._rows)

    def row_of(self, record_id: int) -> int:
        """The row of the record ``record_id``, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == record_id), -1)

    def rowCount(self, parent: _Index = _NO_INDEX) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _NO_INDEX) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._header_texts())

    def _header_texts(self) -> tuple[str, ...]:
        raise NotImplementedError

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        texts = self._header_texts()
        return texts[section] if 0 <= section < len(texts) else None

    def _display(self, record: Any, column: int) -> str:
        raise NotImplementedError

    def _sort_key(self, record: Any, column: int) -> Any:
        raise NotImplementedError

    def _role_data(self, record: Any, column: int, role: int) -> Any:
        """The value of ``role`` other than text, sort value and id; none by default."""
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record = self.record_at(index.row()) if index.isValid() else None
        if not isinstance(record, self.record_type):
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == self.SortRole:
            return self._sort_key(record, column)
        if role == self.IdRole:
            return record.id
        return self._role_data(record, column, role)


class AuthorizationModel(RecordModel):
    """Authorizations: kind, who, account, case, period, state and the review flag (B.3.b)."""

    ID, KIND, EMPLOYEE, ACCOUNT, CASE, STATE, REVIEW, PERIOD, ROLE, SUPERVISOR, AGENCY = range(11)

    OverdueRole = Qt.ItemDataRole.UserRole + 3  #: bool: a review meeting is overdue
    StateRole = Qt.ItemDataRole.UserRole + 4  #: an :class:`AuthorizationState`
    record_type = AuthorizationInfo

    def __init__(self, parent: QObject | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.today = today or dt.date.today()

    def _header_texts(self) -> tuple[str, ...]:
        return (
            self.tr("No."),
            self.tr("Kind"),
            self.tr("Employee"),
            self.tr("Account"),
            self.tr("Case"),
            self.tr("State"),
            self.tr("Review (B.3.b)"),
            self.tr("Period"),
            self.tr("Role"),
            self.tr("Authorized by"),
            self.tr("Agency"),
        )

    def state(self, info: AuthorizationInfo) -> AuthorizationState:
        return state_of(info.starts_on, info.ends_on, info.revoked_on, info.active, self.today)

    def review_text(self, info: AuthorizationInfo) -> str:
        """The B.3.b flag: overdue by how long, or when the next review is due."""
        review = info.review
        if info.kind is AuthorizationKind.SUPERVISION or review is None:
            return ""
        if review.overdue:
            days = counted(review.days_overdue, self.tr("day"), self.tr("days"))
            return self.tr("OVERDUE by {0}").format(days)
        if review.due_on is None:
            return self.tr("No review due")
        return self.tr("Due {0}").format(review.due_on.isoformat())

    def case_text(self, info: AuthorizationInfo) -> str:
        if info.case_number and info.youth_case:
            return f"{info.case_number} · {info.youth_case}"
        return info.case_number or info.youth_case

    def _display(self, info: AuthorizationInfo, column: int) -> str:
        if column == self.ID:
            return str(info.id)
        if column == self.KIND:
            return kind_labels()[info.kind]
        if column == self.AGENCY:
            return info.agency_code
        if column == self.EMPLOYEE:
            return info.employee_name
        if column == self.ROLE:
            return role_label(info.kind, info.role)
        if column == self.SUPERVISOR:
            return info.supervisor_name
        if column == self.ACCOUNT:
            return f"{info.account_name} ({info.platform})"
        if column == self.CASE:
            return self.case_text(info)
        if column == self.PERIOD:
            return period_text(info.starts_on, info.ends_on)
        if column == self.STATE:
            text = state_labels()[self.state(info)]
            if info.revoked_on is not None and info.revoked_on > self.today:
                text = self.tr("{0} (revoked from {1})").format(text, info.revoked_on.isoformat())
            return text
        if column == self.REVIEW:
            return self.review_text(info)
        return ""

    def _sort_key(self, info: AuthorizationInfo, column: int) -> Any:
        if column == self.ID:
            return info.id
        if column == self.PERIOD:
            return info.starts_on.isoformat()
        if column == self.STATE:
            return int(self.state(info))
        if column == self.REVIEW:
            review = info.review
            if review is None or review.due_on is None:
                return "9999-12-31"
            return review.due_on.isoformat()
        return self._display(info, column).casefold()

    def _role_data(self, info: AuthorizationInfo, column: int, role: int) -> Any:
        overdue = info.review_overdue
        if role == self.OverdueRole:
            return overdue
        if role == self.StateRole:
            return self.state(info)
        if overdue and column == self.REVIEW:
            if role == Qt.ItemDataRole.ForegroundRole:
                return error_colour()
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.DecorationRole:
                return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            if role == Qt.ItemDataRole.ToolTipRole and info.review is not None:
                return self.tr(
                    "MA-DYS-01.05.22 B.3.b: the periodic review meeting with the supervisor "
                    "was due on {0}."
                ).format(info.review.due_on.isoformat() if info.review.due_on else "")
        if role == Qt.ItemDataRole.ForegroundRole and self.state(info) in (
            AuthorizationState.ENDED,
            AuthorizationState.REVOKED,
        ):
            return muted_colour()
        return None


class CredentialRequestModel(RecordModel):
    """Credential records: status, case, employee, account, requester and decision, uses."""

    ID, STATUS, CASE, EMPLOYEE, ACCOUNT, OFFICE, REQUESTED_BY = range(7)
    REQUESTED, DECIDED_BY, USES = range(7, 10)

    StatusRole = Qt.ItemDataRole.UserRole + 3  #: a :class:`RequestStatus`
    record_type = CredentialRequestInfo

    def _header_texts(self) -> tuple[str, ...]:
        return (
            self.tr("No."),
            self.tr("Status"),
            self.tr("Case"),
            self.tr("Employee"),
            self.tr("Account"),
            self.tr("Office"),
            self.tr("Requested by"),
            self.tr("Requested"),
            self.tr("Decided by"),
            self.tr("Uses"),
        )

    def _display(self, info: CredentialRequestInfo, column: int) -> str:
        if column == self.ID:
            return str(info.id)
        if column == self.STATUS:
            return request_status_labels()[info.status]
        if column == self.CASE:
            return info.case_number or "—"
        if column == self.EMPLOYEE:
            return info.employee_name
        if column == self.ACCOUNT:
            return f"{info.account_name} ({info.platform})"
        if column == self.OFFICE:
            return info.office_label or "—"
        if column == self.REQUESTED_BY:
            return info.requested_by
        if column == self.REQUESTED:
            return local_time(info.requested_at)
        if column == self.DECIDED_BY:
            return info.decided_by or ""
        if column == self.USES:
            return str(len(info.uses))
        return ""

    def _sort_key(self, info: CredentialRequestInfo, column: int) -> Any:
        if column in (self.ID, self.USES):
            return info.id if column == self.ID else len(info.uses)
        if column == self.STATUS:
            return list(RequestStatus).index(info.status)
        if column == self.REQUESTED:
            return info.requested_at.isoformat()
        return self._display(info, column).casefold()

    def _role_data(self, info: CredentialRequestInfo, column: int, role: int) -> Any:
        if role == self.StatusRole:
            return info.status
        if column == self.STATUS:
            if role == Qt.ItemDataRole.DecorationRole:
                pixmap = {
                    RequestStatus.PENDING: QStyle.StandardPixmap.SP_MessageBoxQuestion,
                    RequestStatus.APPROVED: QStyle.StandardPixmap.SP_DialogApplyButton,
                    RequestStatus.DENIED: QStyle.StandardPixmap.SP_DialogCancelButton,
                    RequestStatus.INADVERTENT: QStyle.StandardPixmap.SP_MessageBoxWarning,
                }.get(info.status)
                return QApplication.style().standardIcon(pixmap) if pixmap else None
            if role == Qt.ItemDataRole.ForegroundRole and info.status is RequestStatus.INADVERTENT:
                return error_colour()
        return None
