"""The intake dialog shown before an import, the import itself, and its summary.

Every way of adding evidence (file dialog, drag and drop, paste, screen
capture) ends here: the user fills in what the files share (source, platform,
account, capture time and zone, capturer, how obtained), the metadata is
checked beside each field, and the import runs in the background with a
progress dialog and Cancel. Files commit a few at a time, each item whole; at the end a
summary says what was added, what was skipped as a duplicate and why each
refused file was refused.
"""

from __future__ import annotations

import datetime as dt
import os
import zoneinfo
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtCore import QBuffer, QDateTime, QIODevice, Qt, QTimeZone, Signal, Slot
from PySide6.QtGui import QImage
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
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.cases import KNOWN_PLATFORMS
from app.domain.errors import InvalidInput, Refused
from app.domain.evidence import RECORDABLE, ObtainedHow
from app.services.evidence.intake import (
    ImportReport,
    IntakeFile,
    IntakeMetadata,
    check_link,
    check_metadata,
    import_evidence,
)
from app.services.thread_switch import switch_quickly
from app.ui.case_view.support import ErrorLabel, alive
from app.ui.evidence.labels import obtained_labels
from app.ui.evidence.link_picker import LINKED, LinkPicker
from app.ui.fit import available_size
from app.ui.form_drafts import DiscardGuard
from app.ui.i18n import tr
from app.ui.tasks import Cancelled, Task, TaskControl
from app.ui.workspace import Workspace

_C = "EvidenceIntake"


@dataclass(frozen=True)
class PendingImage:
    """An image from the clipboard or a screen capture, encoded as PNG off the UI thread."""

    name: str
    image: QImage


Source = Path | PendingImage


def png_bytes(image: QImage) -> bytes:
    """``image`` as PNG bytes (QImage may be encoded on any thread)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    return bytes(buffer.data().data())


def intake_file(source: Source) -> IntakeFile:
    """What the intake service takes for one source (a path is read by the service)."""
    if isinstance(source, PendingImage):
        return IntakeFile(source.name, data=png_bytes(source.image))
    # A name whose bytes are not UTF-8 reaches Python with surrogate escapes; the
    # service gets the bytes themselves so it can say so instead of guessing.
    name: str | bytes = source.name
    if any("\udc80" <= ch <= "\udcff" for ch in source.name):
        name = os.fsencode(source.name)
    return IntakeFile(name, path=source)


def local_zone_name() -> str:
    """The workstation's IANA time zone ("America/Chicago"), UTC if unknown."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return "UTC"
    return name


@dataclass(frozen=True)
class IntakeDefaults:
    """What the dialog starts with: a capture fills in the time and the capturer."""

    captured_at: dt.datetime | None = None  #: aware; None leaves the time unset
    zone: str = ""
    captured_by: str = ""
    suggested_time: dt.datetime | None = None  #: shown but not set (a file's date)


class IntakeDialog(QDialog):
    """The metadata the files of one import share, checked before the import starts."""

    confirmed = Signal(object)  #: the checked IntakeMetadata

    FIELDS = ("source_url", "no_url_reason", "platform", "account_shown", "captured_at",
              "captured_by", "description", "obtained", "link")  # fmt: skip
    #: The service's field names that the record combo answers for.
    _LINK_FIELDS = {"authorization": "link", "credential_request": "link"}

    def __init__(
        self,
        names: Sequence[str],
        defaults: IntakeDefaults,
        workspace: Workspace,
        case_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.discard_guard = DiscardGuard(self)
        self.workspace = workspace
        self.case_id = case_id
        self.setObjectName("evidenceIntakeDialog")
        self.setWindowTitle(self.tr("Add evidence"))
        # Wide enough for a record in the "Obtained under" combo to be read whole.
        self.setMinimumWidth(640)
        self.metadata: IntakeMetadata | None = None

        shown = ", ".join(names[:4]) + (self.tr(", …") if len(names) > 4 else "")
        self.files_label = QLabel(self.tr("Files ({0}): {1}").format(len(names), shown))
        self.files_label.setObjectName("intakeFiles")
        self.files_label.setWordWrap(True)
        self.files_label.setTextFormat(Qt.TextFormat.PlainText)

        self.source_url = QLineEdit()
        self.source_url.setObjectName("sourceUrl")
        self.source_url.setPlaceholderText("https://")
        self.no_url_reason = QLineEdit()
        self.no_url_reason.setObjectName("noUrlReason")
        self.no_url_reason.setPlaceholderText(
            self.tr("Only without a URL, e.g. supplied by reporter as a file")
        )
        self.platform = QComboBox()
        self.platform.setObjectName("platform")
        self.platform.setEditable(True)
        self.platform.addItem("")
        self.platform.addItems(list(KNOWN_PLATFORMS))
        self.account_shown = QLineEdit()
        self.account_shown.setObjectName("accountShown")
        self.account_shown.setPlaceholderText(
            self.tr("The account or profile the screenshot shows")
        )

        self.time_known = QCheckBox(self.tr("Known"))
        self.time_known.setObjectName("captureTimeKnown")
        self.captured_at = QDateTimeEdit()
        self.captured_at.setObjectName("capturedAt")
        self.captured_at.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        self.captured_at.setCalendarPopup(True)
        self.zone = QComboBox()
        self.zone.setObjectName("captureZone")
        self.zone.addItems(sorted(zoneinfo.available_timezones()))
        zone = defaults.zone or local_zone_name()
        if self.zone.findText(zone) < 0:
            self.zone.addItem(zone)
        self.zone.setCurrentText(zone)
        moment = defaults.captured_at or defaults.suggested_time or dt.datetime.now(dt.UTC)
        local = moment.astimezone(zoneinfo.ZoneInfo(zone))
        self.captured_at.setDateTime(
            QDateTime(local.year, local.month, local.day, local.hour, local.minute, local.second)
        )
        self.time_known.setChecked(defaults.captured_at is not None)
        self.time_known.toggled.connect(self.on_time_known_toggled)
        self.on_time_known_toggled(self.time_known.isChecked())
        time_row = QHBoxLayout()
        time_row.addWidget(self.time_known)
        time_row.addWidget(self.captured_at, 1)
        time_row.addWidget(self.zone, 1)

        self.captured_by = QLineEdit(defaults.captured_by)
        self.captured_by.setObjectName("capturedBy")
        self.description = QPlainTextEdit()
        self.description.setObjectName("description")
        self.description.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.obtained = QComboBox()
        self.obtained.setObjectName("obtained")
        labels = obtained_labels()
        for how in RECORDABLE:
            self.obtained.addItem(labels[how], how.value)
        self.link = LinkPicker(workspace, case_id)
        self.link.setObjectName("linkPicker")

        self.errors = {name: ErrorLabel() for name in self.FIELDS}
        for name, error_label in self.errors.items():
            error_label.setObjectName(f"error_{name}")
        self.general_error = ErrorLabel()
        self.general_error.setObjectName("intakeError")

        form = QFormLayout()
        form.addRow(self.files_label)
        rows: list[tuple[str, QWidget | QHBoxLayout, str]] = [
            (self.tr("Source &URL:"), self.source_url, "source_url"),
            (self.tr("&No URL because:"), self.no_url_reason, "no_url_reason"),
            (self.tr("&Platform:"), self.platform, "platform"),
            (self.tr("&Account shown:"), self.account_shown, "account_shown"),
            (self.tr("Capture &time:"), time_row, "captured_at"),
            (self.tr("Captured &by:"), self.captured_by, "captured_by"),
            (self.tr("&Description:"), self.description, "description"),
            (self.tr("&How obtained:"), self.obtained, "obtained"),
            (self.tr("Obtained &under:"), self.link, "link"),
        ]
        for text, widget, name in rows:
            row_label = QLabel(text)
            # A row holding a layout gets no buddy by itself: the mnemonic goes to its check box.
            row_label.setBuddy(widget if isinstance(widget, QWidget) else self.time_known)
            if widget is self.link:
                row_label.setBuddy(self.link.combo)
            form.addRow(row_label, widget)
            form.addRow("", self.errors[name])
        self.form = form
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("&Add to case"))
        self.import_button.setObjectName("addToCaseButton")
        buttons.accepted.connect(self.on_import_clicked)
        buttons.rejected.connect(self.reject)
        layout = self.main_layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

        self.source_url.textEdited.connect(self.errors["source_url"].clear_message)
        # Either answers the source question, so either clears its message.
        self.no_url_reason.textEdited.connect(self.errors["source_url"].clear_message)
        self.no_url_reason.textEdited.connect(self.errors["no_url_reason"].clear_message)
        self.time_known.toggled.connect(self.errors["captured_at"].clear_message)
        self.platform.editTextChanged.connect(self.errors["platform"].clear_message)
        self.account_shown.textEdited.connect(self.errors["account_shown"].clear_message)
        self.captured_at.dateTimeChanged.connect(self.errors["captured_at"].clear_message)
        self.captured_by.textEdited.connect(self.errors["captured_by"].clear_message)
        self.description.textChanged.connect(self.errors["description"].clear_message)
        # The record's check depends on the capture time too: a new time clears its message.
        link_error = self.errors["link"]
        for signal in (self.captured_at.dateTimeChanged, self.zone.currentIndexChanged,
                       self.time_known.toggled, self.link.changed):  # fmt: skip
            signal.connect(link_error.clear_message)
        self.link.load_failed.connect(link_error.show_message)
        self.link.loaded.connect(self.fit_height)
        self.link.load_failed.connect(self.fit_height)
        self.obtained.currentIndexChanged.connect(self.on_obtained_index_changed)
        self.on_obtained_index_changed()

    @Slot()
    def fit_height(self) -> None:
        """Grow to show a wrapped hint or message whole (a dialog does not by itself)."""
        self.main_layout.activate()
        needed = self.main_layout.totalHeightForWidth(self.width())
        needed = min(needed, available_size(self).height())
        if needed > self.height():
            self.resize(self.width(), needed)

    def how_obtained(self) -> ObtainedHow:
        return ObtainedHow(self.obtained.currentData())

    @Slot()
    def on_obtained_index_changed(self) -> None:
        """The record combo shows only for the ways that name a record, with that kind's."""
        how = self.how_obtained()
        self.errors["obtained"].clear_message()
        self.errors["link"].clear_message()
        linked = how in LINKED
        self.form.setRowVisible(self.link, linked)
        if linked:
            self.link.show_kind(how)

    @Slot(bool)
    def on_time_known_toggled(self, known: bool) -> None:
        """The capture time is only sent when the user says it is known."""
        self.captured_at.setEnabled(known)
        self.zone.setEnabled(known)

    def capture_moment(self) -> dt.datetime | None:
        """The capture time as an aware datetime in the chosen zone."""
        if not self.time_known.isChecked():
            return None
        value = self.captured_at.dateTime()
        date, time = value.date(), value.time()
        name = self.zone.currentText()
        zone = zoneinfo.ZoneInfo(name)
        return dt.datetime(date.year(), date.month(), date.day(), time.hour(), time.minute(),
                           time.second(), tzinfo=zone)  # fmt: skip

    def build_metadata(self) -> IntakeMetadata:
        how = self.how_obtained()
        record = self.link.selected_id() if how in LINKED else None
        return IntakeMetadata(
            source_url=self.source_url.text().strip() or None,
            no_url_reason=self.no_url_reason.text().strip(),
            platform=self.platform.currentText().strip(),
            account_shown=self.account_shown.text().strip(),
            captured_at=self.capture_moment(),
            captured_by=self.captured_by.text().strip() or None,
            description=self.description.toPlainText().strip(),
            obtained=how,
            authorization_id=record if how is not ObtainedHow.CREDENTIAL_REQUEST else None,
            credential_request_id=record if how is ObtainedHow.CREDENTIAL_REQUEST else None,
        )

    @Slot()
    def on_import_clicked(self) -> None:
        """Check the metadata; a problem is shown beside its field and the dialog stays."""
        for label in (*self.errors.values(), self.general_error):
            label.clear_message()
        metadata = self.build_metadata()
        try:
            check_metadata(metadata)
        except InvalidInput as error:
            self.show_problems(error)
            return
        if metadata.obtained not in LINKED:
            self._confirm(metadata)
            return
        # Whether the record covers the capture needs the database: asked off the UI thread.
        self.import_button.setEnabled(False)
        self.workspace.call(check_link, self.case_id, metadata,
                            on_success=lambda _none: self._confirm(metadata),
                            on_failure=self._on_link_refused, parent=self)  # fmt: skip

    def show_problems(self, error: InvalidInput) -> None:
        """Every problem beside its field at once; the first field gets the focus."""
        problems = getattr(error, "problems", None) or ((error.field or "", str(error)),)
        for field, message in problems:
            self.errors.get(field, self.general_error).show_message(message)
        first = {"source_url": self.source_url, "no_url_reason": self.no_url_reason,
                 "captured_at": self.time_known, "captured_by": self.captured_by,
                 "platform": self.platform, "account_shown": self.account_shown,
                 "description": self.description}.get(problems[0][0])  # fmt: skip
        if first is not None:
            first.setFocus()
        self.fit_height()

    def _confirm(self, metadata: IntakeMetadata) -> None:
        self.import_button.setEnabled(True)
        self.metadata = metadata
        self.confirmed.emit(self.metadata)
        self.accept()

    def _on_link_refused(self, error: BaseException) -> None:
        """The service's refusal beside the field it concerns, with its citations."""
        self.import_button.setEnabled(True)
        if isinstance(error, InvalidInput):
            field = self._LINK_FIELDS.get(error.field or "", error.field or "")
            self.errors.get(field, self.general_error).show_message(str(error))
        elif isinstance(error, Refused):
            message = str(error)
            if error.citations:
                message = self.tr("{0}: {1}").format("; ".join(error.citations), message)
            self.errors["link"].show_message(message)
        else:
            self.workspace.errors.show(error, self)
        self.fit_height()

    def reject(self) -> None:
        """Cancel, Escape or close: asks first when something was typed."""
        self.discard_guard.reject(super().reject)


def summary_lines(report: ImportReport, known: Mapping[int, str] | None = None) -> list[str]:
    """The summary of an import, one line per fact, in the user's words.

    ``known`` names the case's items by id, so a duplicate says which file
    already holds its content.
    """
    names = dict(known or {})
    names.update({info.id: info.original_filename for info in report.added})
    lines = [tr(_C, "Added: {0}").format(len(report.added))]
    lines += ["  • " + info.original_filename for info in report.added]
    if report.duplicates:
        lines.append(tr(_C, "Skipped, already in the case: {0}").format(len(report.duplicates)))
        for name, existing in report.duplicates:
            line = tr(_C, "{name}: same content as evidence item {id}").format(
                name=name, id=existing
            )
            if existing in names:
                line += f" ({names[existing]})"
            lines.append("  • " + line)
    if report.failed:
        lines.append(tr(_C, "Refused: {0}").format(len(report.failed)))
        for failure in report.failed:
            # The service's message usually names the file already.
            text = failure.message
            if failure.name not in text:
                text = tr(_C, "{name}: {message}").format(name=failure.name, message=text)
            lines.append("  • " + text)
    if report.cancelled:
        lines.append(tr(_C, "Cancelled: the files after that point were not added."))
    return lines


class ImportSummaryDialog(QDialog):
    """What an import did: added, skipped duplicates, and each refused file with why."""

    def __init__(
        self,
        report: ImportReport,
        parent: QWidget | None = None,
        known: Mapping[int, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importSummaryDialog")
        self.setWindowTitle(self.tr("Evidence added"))
        self.resize(620, 360)
        self.report = report
        added, refused = len(report.added), len(report.failed)
        if report.cancelled:
            headline = self.tr("The import was cancelled; what was added before stays.")
        elif refused:
            headline = self.tr("Some files were not added; each one's reason is below.")
        elif added:
            headline = self.tr("Every file was added to the case.")
        else:
            headline = self.tr("Nothing new was added.")
        self.headline = QLabel(headline)
        self.headline.setObjectName("summaryHeadline")
        self.headline.setWordWrap(True)
        self.details = QTextBrowser()
        self.details.setObjectName("summaryDetails")
        self.details.setPlainText("\n".join(summary_lines(report, known)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def text(self) -> str:
        return self.headline.text() + "\n" + self.details.toPlainText()


#: While imports run, Python hands its lock between threads every millisecond. The
#: import's database work is Python code that holds the interpreter lock in 5 ms turns
#: (Python's default); with the UI thread waiting its turn that often showed as 60-80 ms
#: stalls on a loaded machine. At 1 ms the UI thread gets the lock sooner (stalls about a
#: third shorter in the benchmark) and the import is no slower. The default returns when
#: the last import ends.
QUICK_SWITCH_INTERVAL = 0.001


def quick_thread_switch() -> Callable[[], None]:
    """Switch threads every millisecond until the returned function is called (once)."""
    return switch_quickly(QUICK_SWITCH_INTERVAL)


def run_import(
    workspace: Workspace,
    case_id: int,
    sources: Sequence[Source],
    metadata: IntakeMetadata,
    *,
    parent: QWidget,
    on_done: Callable[[ImportReport], None],
    on_failed: Callable[[BaseException], bool] | None = None,
) -> Task:
    """Import ``sources`` in the background with a progress dialog and Cancel.

    ``on_failed(error)``: the import failed as a whole; it returns whether it told
    the user (else the error dialog does).
    """
    database, actor = workspace.database, workspace.actor
    pending = list(sources)

    def work(control: TaskControl) -> ImportReport:
        def progress(done: int, total: int, name: str) -> None:
            if control.cancelled or not name:
                return
            try:
                control.progress(done, total, tr(_C, "Adding {name} ({done} of {total})…").format(
                    name=name, done=min(done + 1, total), total=total))  # fmt: skip
            except Cancelled:
                pass  # the service sees the cancel through ``cancelled`` and stops cleanly

        files = [intake_file(source) for source in pending]
        return import_evidence(database, actor, case_id, files, metadata,
                               progress=progress, cancelled=lambda: control.cancelled)  # fmt: skip

    release = quick_thread_switch()

    def done(report: ImportReport) -> None:
        release()
        alive(parent, on_done)(report)

    def failed(error: BaseException) -> None:
        release()
        if shiboken6.isValid(parent):
            if on_failed is None or not on_failed(error):
                workspace.errors.show(error, parent)

    return workspace.tasks.run(
        work,
        on_success=done,
        on_failure=failed,
        progress=tr(_C, "Adding evidence…"),
        parent=parent,
    )
