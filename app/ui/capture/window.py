"""The capture browser: browse to a post and capture it into the case as one evidence item.

A separate window opened from a case's Evidence tab ("Capture from the
web…"). An address bar with back, forward and reload, the page, and beside
it what the investigator states (platform, account shown, description, how
it is obtained and the authorization or credential request it runs under,
as in the intake dialog), the MA DYS B.2.d confirmation for supervision
captures, the Capture button and the capture log of this window. Every
address visited is written to the case's capture log as it is visited.

The window offers no messaging, friending or posting of its own (MA DYS
01.05.22 B.2.a), and a capture under an authorization runs in the browser
profile kept for the authorized account named on it (B.2.a, B.2.b): the
profile is chosen when the authorization is, and changing it reloads the
page in that profile. Nothing is uploaded: the browser sends only the page's
own requests, and the capture's WARC fetch asks the page's own servers.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

import platformdirs
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.evidence import ObtainedHow
from app.domain.web_capture import CapturedPage, profile_name
from app.services.capture.store import CaptureStatement, archive_and_store, log_visit
from app.services.evidence.items import EvidenceInfo
from app.ui.case_view.support import alive
from app.ui.evidence.labels import obtained_labels
from app.ui.evidence.link_picker import LinkPicker
from app.ui.workspace import Workspace

if TYPE_CHECKING:
    from app.services.recovery import DraftEntry
    from app.webcapture.engine import CaptureEngine

#: The ways a web capture can be obtained (a reporter's file is not a capture).
CAPTURE_WAYS = (
    ObtainedHow.PUBLIC,
    ObtainedHow.SUPERVISION_AUTHORIZATION,
    ObtainedHow.INVESTIGATION_AUTHORIZATION,
    ObtainedHow.CREDENTIAL_REQUEST,
)
_LINKED = CAPTURE_WAYS[1:]


class CaptureWindow(QWidget):
    """The capture browser of one case."""

    captured = Signal(object)  #: the stored item (EvidenceInfo)

    def __init__(
        self, workspace: Workspace, case_id: int, case_number: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.workspace = workspace
        self.case_id = case_id
        self.session = uuid.uuid4().hex
        self.engine: CaptureEngine | None = None
        self.setObjectName("captureWindow")
        self.setWindowTitle(self.tr("Capture from the web · {0}").format(case_number))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(1280, 760)
        self.status = QLabel()
        self.status.setObjectName("captureStatus")
        self.status.setWordWrap(True)
        self.case_number = case_number
        self._build()
        #: The details as recorded (empty at first): what differs is the user's work.
        self._recorded = self._details()

    # -- building ----------------------------------------------------------------------

    def _build(self) -> None:
        from PySide6.QtWebEngineWidgets import QWebEngineView

        self.address = QLineEdit()
        self.address.setObjectName("captureAddress")
        self.address.setPlaceholderText(self.tr("Address of the post, e.g. https://…"))
        self.address.returnPressed.connect(self.on_address_return_pressed)
        self.back_button = self._button(self.tr("Back"), "captureBack")
        self.forward_button = self._button(self.tr("Forward"), "captureForward")
        self.reload_button = self._button(self.tr("Reload"), "captureReload")
        go = self._button(self.tr("Go"), "captureGo")
        go.clicked.connect(self.on_address_return_pressed)
        bar = QHBoxLayout()
        for widget in (self.back_button, self.forward_button, self.reload_button):
            bar.addWidget(widget)
        bar.addWidget(self.address, 1)
        bar.addWidget(go)

        self.view = QWebEngineView()
        self.view.setObjectName("captureView")
        self.view.setMinimumWidth(640)

        self.platform = QLineEdit()
        self.platform.setObjectName("capturePlatform")
        self.account = QLineEdit()
        self.account.setObjectName("captureAccount")
        self.description = QPlainTextEdit()
        self.description.setObjectName("captureDescription")
        self.description.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.obtained = QComboBox()
        self.obtained.setObjectName("captureObtained")
        labels = obtained_labels()
        for how in CAPTURE_WAYS:
            self.obtained.addItem(labels[how], how.value)
        self.link = LinkPicker(self.workspace, self.case_id)
        self.link.changed.connect(self.on_link_changed)
        self.privacy = QCheckBox(
            self.tr("The account's privacy settings hide me as a viewer (MA DYS 01.05.22 B.2.d)")
        )
        self.privacy.setObjectName("capturePrivacy")
        self.viewed_as = QLabel()
        self.viewed_as.setObjectName("captureProfile")
        self.viewed_as.setWordWrap(True)
        self.capture_button = QPushButton(self.tr("&Capture"))
        self.capture_button.setObjectName("captureButton")
        self.capture_button.setDefault(True)
        self.capture_button.clicked.connect(self.on_capture_clicked)
        self.log = QListWidget()
        self.log.setObjectName("captureLog")

        form = QFormLayout()
        form.addRow(self.tr("&Platform:"), self.platform)
        form.addRow(self.tr("&Account shown:"), self.account)
        form.addRow(self.tr("&Description:"), self.description)
        form.addRow(self.tr("&How obtained:"), self.obtained)
        form.addRow(self.tr("Under:"), self.link)
        form.addRow(self.privacy)
        self.form = form
        form.addRow(self.viewed_as)
        side = QWidget()
        side.setObjectName("captureStatement")
        side_layout = QVBoxLayout(side)
        side_layout.addLayout(form)
        side_layout.addWidget(self.capture_button)
        side_layout.addWidget(self.status)
        side_layout.addWidget(QLabel(self.tr("Visited in this window:")))
        side_layout.addWidget(self.log, 1)
        side.setMinimumWidth(340)
        side.setMaximumWidth(440)

        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self.back_button.clicked.connect(self.view.back)
        self.forward_button.clicked.connect(self.view.forward)
        self.reload_button.clicked.connect(self.view.reload)
        self.obtained.currentIndexChanged.connect(self.on_obtained_index_changed)
        self.profile = ""
        self._make_engine("")
        self.on_obtained_index_changed()

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        return button

    def _make_engine(self, profile: str) -> None:
        """A browser engine in ``profile`` (the authorized account's, or a private one)."""
        from app.webcapture.engine import CaptureEngine

        old = self.engine
        url = old.page.url().toString() if old is not None else ""
        engine = CaptureEngine(
            self.view, profile_name=profile,
            storage=platformdirs.user_data_path("casedesk") / "capture-profiles",
            certificate_policy=self.ask_certificate,
        )  # fmt: skip
        engine.visited.connect(self.on_engine_visited)
        engine.captured.connect(self.on_engine_captured)
        engine.failed.connect(self.on_engine_failed)
        if old is not None:
            # The view shows the new engine's page now; the old page and profile go.
            old.dispose(delete_view=False)
        self.engine = engine
        self.profile = profile
        if url:
            engine.load(url)

    # -- the statement -----------------------------------------------------------------

    def how_obtained(self) -> ObtainedHow:
        return ObtainedHow(self.obtained.currentData())

    @Slot()
    def on_obtained_index_changed(self) -> None:
        """The record combo for the ways that name one; B.2.d only for supervision."""
        how = self.how_obtained()
        self.form.setRowVisible(self.link, how in _LINKED)
        if how in _LINKED:
            self.link.show_kind(how)
        self.form.setRowVisible(self.privacy, how is ObtainedHow.SUPERVISION_AUTHORIZATION)
        self.on_link_changed()

    @Slot()
    def on_link_changed(self) -> None:
        """Use the browser profile of the authorized account chosen (B.2.a, B.2.b)."""
        how = self.how_obtained()
        chosen = self.link.selected_id() if how in _LINKED else None
        authorization = chosen if how is not ObtainedHow.CREDENTIAL_REQUEST else None
        wanted = profile_name(authorization)
        if wanted != self.profile:
            self._make_engine(wanted)
        self.viewed_as.setText(
            self.tr("Browsing in the profile of the authorized account of authorization {0}.")
            .format(authorization)
            if authorization is not None
            else self.tr("Browsing in a private profile: nothing is kept after the window closes.")
        )  # fmt: skip

    def statement(self) -> CaptureStatement:
        how = self.how_obtained()
        chosen = self.link.selected_id() if how in _LINKED else None
        return CaptureStatement(
            platform=self.platform.text(), account_shown=self.account.text(),
            description=self.description.toPlainText(), obtained=how,
            authorization_id=chosen if how is not ObtainedHow.CREDENTIAL_REQUEST else None,
            credential_request_id=chosen if how is ObtainedHow.CREDENTIAL_REQUEST else None,
            privacy_confirmed=(how is ObtainedHow.SUPERVISION_AUTHORIZATION
                               and self.privacy.isChecked()),
        )  # fmt: skip

    # -- browsing ----------------------------------------------------------------------

    def load(self, url: str) -> None:
        """Go to ``url`` in the window's browser."""
        self.address.setText(url)
        assert self.engine is not None
        self.engine.load(url)

    @Slot()
    def on_address_return_pressed(self) -> None:
        if self.address.text().strip():
            self.load(self.address.text().strip())

    def ask_certificate(self, url: str, description: str) -> bool:
        """Ask whether to go on past a certificate error; the answer is recorded with a capture."""
        answer = QMessageBox.warning(
            self, self.tr("Certificate error"),
            self.tr("The site's certificate could not be verified:\n{0}\n\n{1}\n\nContinue to "
                    "the page anyway? If you capture it, your choice is recorded with the "
                    "capture.").format(url, description),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )  # fmt: skip
        return answer == QMessageBox.StandardButton.Yes

    @Slot(str)
    def on_engine_visited(self, url: str) -> None:
        """Show the address and write it to the case's capture log."""
        self.address.setText(url)
        self.log.addItem(url)
        self.workspace.call(log_visit, self.case_id, self.session, url, parent=self)

    # -- capturing ---------------------------------------------------------------------

    @Slot()
    def on_capture_clicked(self) -> None:
        assert self.engine is not None
        self.capture_button.setEnabled(False)
        self.status.setText(self.tr("Capturing…"))
        self.engine.capture()

    @Slot(object)
    def on_engine_captured(self, page: CapturedPage) -> None:
        """The browser is done: the WARC is fetched and everything stored in the background."""
        self.status.setText(self.tr("Storing the capture…"))
        self.workspace.call(
            archive_and_store, self.case_id, page, self.statement(), session=self.session,
            on_success=alive(self, self._on_stored), on_failure=alive(self, self._on_not_stored),
            parent=self,
        )  # fmt: skip

    def _details(self) -> tuple[str, str, str]:
        return self.platform.text(), self.account.text(), self.description.toPlainText()

    def unrecorded(self) -> list[str]:
        """The details typed since the window opened or last captured, if any (for the
        questions before it, or the application, closes)."""
        if self._details() == self._recorded:
            return []
        return [self.tr("the details typed in the capture browser of {0}").format(self.case_number)]

    def recoverable(self) -> list[DraftEntry]:
        """The details :meth:`unrecorded` names, to keep against a crash."""
        from app.services.recovery import DraftEntry
        from app.ui.typed_work import labelled

        said = self.unrecorded()
        if not said:
            return []
        fields = zip(
            (self.tr("Platform"), self.tr("Account shown"), self.tr("Description")),
            self._details(), strict=True,
        )  # fmt: skip
        text = labelled((label, value) for label, value in fields if value.strip())
        return [DraftEntry(said[0][:1].upper() + said[0][1:], text, self.case_id)]

    def _on_stored(self, info: EvidenceInfo) -> None:
        self._recorded = self._details()
        self.capture_button.setEnabled(True)
        self.log.addItem(self.tr("Captured as evidence item {0}").format(info.id))
        self.status.setText(
            self.tr("Captured as evidence item {0} (SHA-256 {1}…).").format(info.id,
                                                                         info.sha256[:12])
        )  # fmt: skip
        self.workspace.case_changed.emit(self.case_id)
        self.captured.emit(info)

    def _on_not_stored(self, error: BaseException) -> None:
        self.capture_button.setEnabled(True)
        self.status.setText(self.tr("Nothing was stored."))
        self.workspace.errors.show(error, self)

    @Slot(str)
    def on_engine_failed(self, message: str) -> None:
        self.capture_button.setEnabled(True)
        self.status.setText(message)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        """The page and its profile go with the window, once typed details may go."""
        from app.ui.form_drafts import ask_discard

        unrecorded = self.unrecorded()
        if unrecorded and not ask_discard(self, unrecorded):
            event.ignore()
            return
        self._recorded = self._details()  # asked: the application's close asks no more
        if self.engine is not None:
            engine, self.engine = self.engine, None
            engine.dispose()
        super().closeEvent(event)
