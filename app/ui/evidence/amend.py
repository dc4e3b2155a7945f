"""Correcting an item's details, and making an item void: the viewer's two dialogs.

"Amend details…" shows the item's capture metadata to correct and asks why;
only the fields the user changed are sent, and the service keeps the earlier
values in the item's history and its custody log. "Void…" asks for the
reason an item no longer counts; the item is kept with its bytes.
Every problem is shown beside its field; the dialog stays open until saved.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

from PySide6.QtCore import QDateTime, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.cases import KNOWN_PLATFORMS
from app.domain.errors import InvalidInput, Refused
from app.domain.evidence import RECORDABLE, ObtainedHow
from app.services.evidence import EvidenceInfo
from app.services.evidence.amend import amend_evidence, void_evidence
from app.ui.case_view.support import ErrorLabel, alive
from app.ui.evidence.intake import local_zone_name
from app.ui.evidence.labels import obtained_labels
from app.ui.evidence.link_picker import LINKED, LinkPicker
from app.ui.evidence.model import capture_zone
from app.ui.form_drafts import DiscardGuard
from app.ui.workspace import Workspace


def _reason_edit(name: str, placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
    return edit


class AmendDialog(QDialog):
    """The item's capture metadata to correct, and the reason for the correction."""

    amended = Signal(object)  #: the EvidenceInfo after the correction

    FIELDS = ("source_url", "no_url_reason", "platform", "account_shown", "captured_at",
              "captured_by", "obtained", "link", "reason")  # fmt: skip
    _LINK_FIELDS = {"authorization": "link", "credential_request": "link",
                    "authorization_id": "link", "credential_request_id": "link"}  # fmt: skip

    def __init__(self, workspace: Workspace, info: EvidenceInfo,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.discard_guard = DiscardGuard(self)
        self.workspace = workspace
        self.info = info
        self.setObjectName("amendEvidenceDialog")
        self.setWindowTitle(self.tr("Amend details of evidence {0}").format(info.id))
        self.setMinimumWidth(640)
        intro = QLabel(self.tr("Correct what was recorded about {0}. The earlier values stay in "
                               "the item's history and its chain of custody.")
                       .format(info.original_filename))  # fmt: skip
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)

        self.source_url = QLineEdit(info.source_url or "")
        self.source_url.setObjectName("amendSourceUrl")
        self.no_url_reason = QLineEdit(info.no_url_reason)
        self.no_url_reason.setObjectName("amendNoUrlReason")
        self.platform = QComboBox()
        self.platform.setObjectName("amendPlatform")
        self.platform.setEditable(True)
        self.platform.addItems(["", *KNOWN_PLATFORMS])
        self.platform.setCurrentText(info.platform)
        self.account_shown = QLineEdit(info.account_shown)
        self.account_shown.setObjectName("amendAccountShown")
        self.time_known = QCheckBox(self.tr("Known"))
        self.time_known.setObjectName("amendTimeKnown")
        self.captured_at = QDateTimeEdit()
        self.captured_at.setObjectName("amendCapturedAt")
        self.captured_at.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        self.zone = QComboBox()
        self.zone.setObjectName("amendZone")
        self.zone.addItems(sorted(zoneinfo.available_timezones()))
        zone = info.capture_tz or local_zone_name()
        if self.zone.findText(zone) < 0:
            self.zone.addItem(zone)
        self.zone.setCurrentText(zone)
        moment = info.captured_at or dt.datetime.now(dt.UTC)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.UTC)
        local = moment.astimezone(capture_zone(zone) or dt.UTC)
        self.captured_at.setDateTime(
            QDateTime(local.year, local.month, local.day, local.hour, local.minute, local.second)
        )
        self.time_known.setChecked(info.captured_at is not None)
        self.time_known.toggled.connect(self.captured_at.setEnabled)
        self.time_known.toggled.connect(self.zone.setEnabled)
        self.captured_at.setEnabled(self.time_known.isChecked())
        self.zone.setEnabled(self.time_known.isChecked())
        time_row = QHBoxLayout()
        time_row.addWidget(self.time_known)
        time_row.addWidget(self.captured_at, 1)
        time_row.addWidget(self.zone, 1)
        self.original_moment = self.capture_moment()
        self.captured_by = QLineEdit(info.captured_by or "")
        self.captured_by.setObjectName("amendCapturedBy")
        self.obtained = QComboBox()
        self.obtained.setObjectName("amendObtained")
        labels = obtained_labels()
        for how in RECORDABLE:
            self.obtained.addItem(labels[how], how.value)
        # A confidential record's way stays as it is: the user may not see or change it.
        masked = info.obtained is ObtainedHow.CONFIDENTIAL
        if masked:
            self.obtained.addItem(labels[ObtainedHow.CONFIDENTIAL], info.obtained.value)
        self.obtained.setCurrentIndex(self.obtained.findData(info.obtained.value))
        self.obtained.setEnabled(not masked)
        self.link = LinkPicker(workspace, info.case_id)
        self.link.setObjectName("amendLinkPicker")
        self.reason = _reason_edit("amendReason", self.tr("Why the details are corrected"))

        self.errors = {name: ErrorLabel() for name in self.FIELDS}
        for name, label in self.errors.items():
            label.setObjectName(f"amendError_{name}")
        self.general_error = ErrorLabel()
        self.general_error.setObjectName("amendError")
        form = self.form = QFormLayout()
        rows: list[tuple[str, QWidget | QHBoxLayout, str]] = [
            (self.tr("Source &URL:"), self.source_url, "source_url"),
            (self.tr("&No URL because:"), self.no_url_reason, "no_url_reason"),
            (self.tr("&Platform:"), self.platform, "platform"),
            (self.tr("&Account shown:"), self.account_shown, "account_shown"),
            (self.tr("Capture &time:"), time_row, "captured_at"),
            (self.tr("Captured &by:"), self.captured_by, "captured_by"),
            (self.tr("&How obtained:"), self.obtained, "obtained"),
            (self.tr("Obtained &under:"), self.link, "link"),
            (self.tr("&Reason:"), self.reason, "reason"),
        ]
        for text, widget, name in rows:
            form.addRow(text, widget)
            form.addRow("", self.errors[name])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save correction"))
        self.save_button.setObjectName("saveAmendment")
        buttons.accepted.connect(self.on_save_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.obtained.currentIndexChanged.connect(self.on_obtained_index_changed)
        self.on_obtained_index_changed()
        self.link.loaded.connect(self._select_current_link)

    @Slot()
    def on_obtained_index_changed(self) -> None:
        how = ObtainedHow(self.obtained.currentData())
        linked = how in LINKED
        self.form.setRowVisible(self.link, linked)
        if linked:
            self.link.show_kind(how)

    @Slot()
    def _select_current_link(self) -> None:
        record = self.info.authorization_id or self.info.credential_request_id
        if record is not None and self.obtained.currentData() == self.info.obtained.value:
            self.link.select_id(record)

    def capture_moment(self) -> dt.datetime | None:
        if not self.time_known.isChecked():
            return None
        value = self.captured_at.dateTime()
        date, time = value.date(), value.time()
        zone = capture_zone(self.zone.currentText()) or dt.UTC
        return dt.datetime(date.year(), date.month(), date.day(), time.hour(), time.minute(),
                           time.second(), tzinfo=zone)  # fmt: skip

    def changes(self) -> dict[str, Any]:
        """Only what the user changed, as the service takes it."""
        info = self.info
        changes: dict[str, Any] = {}
        texts = {
            "source_url": (self.source_url.text().strip(), info.source_url or ""),
            "no_url_reason": (self.no_url_reason.text().strip(), info.no_url_reason),
            "platform": (self.platform.currentText().strip(), info.platform),
            "account_shown": (self.account_shown.text().strip(), info.account_shown),
            "captured_by": (self.captured_by.text().strip(), info.captured_by or ""),
        }
        for name, (now, before) in texts.items():
            if now != before:
                changes[name] = now
        if changes.get("source_url") == "":
            changes["source_url"] = None  # the URL is removed (a reason must say why)
        moment = self.capture_moment()
        if moment != self.original_moment:
            changes["captured_at"] = moment
        how = ObtainedHow(self.obtained.currentData())
        record = self.link.selected_id() if how in LINKED else None
        before_record = info.authorization_id or info.credential_request_id
        if how is not info.obtained or (how in LINKED and record != before_record):
            changes["obtained"] = how
            if how is ObtainedHow.CREDENTIAL_REQUEST:
                changes["credential_request_id"] = record
            elif how in LINKED:
                changes["authorization_id"] = record
        return changes

    @Slot()
    def on_save_clicked(self) -> None:
        for label in (*self.errors.values(), self.general_error):
            label.clear_message()
        changes = self.changes()
        reason = self.reason.toPlainText().strip()
        problems = []
        if not changes:
            problems.append(("", self.tr("Nothing is changed: correct a field first.")))
        if not reason:
            problems.append(("reason", self.tr("Say why the details are corrected.")))
        if problems:
            for field, message in problems:
                self.errors.get(field, self.general_error).show_message(message)
            return
        self.save_button.setEnabled(False)
        self.workspace.call(amend_evidence, self.info.id, changes, reason=reason,
                            on_success=alive(self, self._on_saved),
                            on_failure=alive(self, self._on_failed), parent=self)  # fmt: skip

    def _on_saved(self, info: EvidenceInfo) -> None:
        self.save_button.setEnabled(True)
        self.amended.emit(info)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, InvalidInput):
            problems = getattr(error, "problems", None) or ((error.field or "", str(error)),)
            for field, message in problems:
                field = self._LINK_FIELDS.get(field, field)
                self.errors.get(field, self.general_error).show_message(message)
        elif isinstance(error, Refused):
            self.general_error.show_message(str(error))
        else:
            self.workspace.errors.show(error, self)

    def reject(self) -> None:
        """Cancel, Escape or close: asks first when something was typed."""
        self.discard_guard.reject(super().reject)


class VoidDialog(QDialog):
    """Why an item no longer counts; it is kept, and left out of reports and bundles."""

    voided = Signal(object)  #: the EvidenceInfo, now void

    def __init__(self, workspace: Workspace, info: EvidenceInfo,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.discard_guard = DiscardGuard(self)
        self.workspace = workspace
        self.info = info
        self.setObjectName("voidEvidenceDialog")
        self.setWindowTitle(self.tr("Make evidence {0} void").format(info.id))
        self.setMinimumWidth(520)
        text = QLabel(self.tr("{0} stays in the case with its bytes and chain of custody, marked "
                              "VOID. Reports and bundles leave it out unless you ask for void "
                              "items.").format(info.original_filename))  # fmt: skip
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        self.reason = _reason_edit("voidReason", self.tr("Why the item is void"))
        self.error = ErrorLabel()
        self.error.setObjectName("voidError")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.void_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.void_button.setText(self.tr("Make &void"))
        self.void_button.setObjectName("confirmVoid")
        buttons.accepted.connect(self.on_void_clicked)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Reason:"), self.reason)
        form.addRow("", self.error)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.reason.textChanged.connect(self.error.clear_message)

    @Slot()
    def on_void_clicked(self) -> None:
        reason = self.reason.toPlainText().strip()
        if not reason:
            self.error.show_message(self.tr("Say why the item is void."))
            return
        self.void_button.setEnabled(False)
        self.workspace.call(void_evidence, self.info.id, reason=reason,
                            on_success=alive(self, self._on_voided),
                            on_failure=alive(self, self._on_failed), parent=self)  # fmt: skip

    def _on_voided(self, info: EvidenceInfo) -> None:
        self.voided.emit(info)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self.void_button.setEnabled(True)
        if isinstance(error, InvalidInput | Refused):
            self.error.show_message(str(error))
        else:
            self.workspace.errors.show(error, self)

    def reject(self) -> None:
        """Cancel, Escape or close: asks first when something was typed."""
        self.discard_guard.reject(super().reject)
