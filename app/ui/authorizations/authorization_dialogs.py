"""Forms of the Authorizations view: log one (B.2 or B.3), record a review, revoke."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.authorizations.ma_dys import AuthorizationKind
from app.domain.permissions import Permission
from app.services import authorizations
from app.services.authorizations import (
    JURISDICTION,
    AuthorizationInfo,
    InvestigationFields,
    SupervisionFields,
)
from app.services.case_queries import CaseRow
from app.services.employees import EmployeeInfo
from app.ui.authorizations import labels
from app.ui.authorizations.choices import fill_cases, fill_employees
from app.ui.authorizations.forms import NOT_AFTER_TODAY, AgencyForm, RuleDialog
from app.ui.case_view.inputs import DATE_FORMAT, from_qdate, to_qdate
from app.ui.workspace import Workspace


def date_input(name: str, *, future: bool = False) -> QDateEdit:
    """A date with a calendar, in ISO order; up to today unless ``future``."""
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setMinimumDate(QDate(1970, 1, 1))
    # A later day typed is kept and explained beside the field (RuleDialog.add_row),
    # never clamped to today behind the user's back.
    edit.setProperty(NOT_AFTER_TODAY, not future)
    edit.setDate(QDate.currentDate())
    return edit


class EndDateInput(QWidget):
    """An end date, or "no end date" (open-ended until revoked)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date_edit = date_input("endsOnEdit", future=True)
        self.open_ended = QCheckBox(self.tr("No end date"))
        self.open_ended.setObjectName("openEndedCheck")
        self.open_ended.setChecked(True)
        self.date_edit.setEnabled(False)
        self.open_ended.toggled.connect(self.on_open_ended_toggled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date_edit)
        layout.addWidget(self.open_ended)
        layout.addStretch(1)
        self.setFocusProxy(self.date_edit)

    def date(self) -> dt.date | None:
        return None if self.open_ended.isChecked() else from_qdate(self.date_edit.date())

    def set_date(self, value: dt.date | None) -> None:
        self.open_ended.setChecked(value is None)
        if value is not None:
            self.date_edit.setDate(to_qdate(value))

    @Slot(bool)
    def on_open_ended_toggled(self, open_ended: bool) -> None:
        """Grey the date out while the authorization has no end."""
        self.date_edit.setEnabled(not open_ended)


def notes_input(name: str, placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(placeholder)
    edit.setFixedHeight(72)
    return edit


class AddAuthorizationDialog(AgencyForm):
    """New authorization…: a B.2 supervision or a B.3 investigation authorization.

    The inputs follow the kind chosen; a refusal shows each reason with its
    provision next to the input it concerns and in the list above the form.
    """

    aliases = {
        "employee": "employee",
        "supervisor": "supervisor",
        "written_on": "written_on",
        "written_authorization_date": "written_on",
        "start_date": "starts_on",
        "end_date": "ends_on",
        "platform": "account_name",
        "account": "account_name",
        "case": "case",
        "youth_case": "youth_case",
        "attests_no_youth_contact": "attests",
        "attests_true_identity": "attests",
        "privacy_settings_enabled": "privacy",
        "site_shows_viewers": "privacy",
        "notes": "notes",
    }

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.setObjectName("addAuthorizationDialog")
        self.setWindowTitle(self.tr("New authorization"))
        self.set_intro(
            self.tr(
                "Log a written authorization under MA DYS Policy 01.05.22: B.2 for using social "
                "media to supervise youth, B.3 for an investigation (confidential)."
            )
        )
        self.kind = QComboBox()
        self.kind.setObjectName("kindCombo")
        for kind, text in labels.kind_labels().items():
            permission = (
                Permission.AUTHORIZATION_MANAGE
                if kind is AuthorizationKind.SUPERVISION
                else Permission.INVESTIGATION_AUTHORIZATION_MANAGE
            )
            if workspace.can(permission):
                self.kind.addItem(text, kind.value)
        self.role = QComboBox()
        self.role.setObjectName("roleCombo")
        self.supervisor = QComboBox()
        self.supervisor.setObjectName("supervisorCombo")
        self.written_on = date_input("writtenOnEdit")
        self.account.setPlaceholderText(self.tr("The account's name or handle, e.g. @dys.watch"))
        self.youth_case = QLineEdit()
        self.youth_case.setObjectName("youthCaseEdit")
        self.youth_case.setPlaceholderText(self.tr("The youth's case the supervision concerns"))
        attests = QWidget()
        column = QVBoxLayout(attests)
        column.setContentsMargins(0, 0, 0, 0)
        self.no_youth_contact = QCheckBox(
            self.tr("The account will not be used to chat, friend or otherwise communicate "
                    "with any youth (B.2.a)")
        )  # fmt: skip
        self.no_youth_contact.setObjectName("noYouthContactCheck")
        self.true_identity = QCheckBox(
            self.tr("No false name or identity; the site's rules are followed (B.2.b)")
        )
        self.true_identity.setObjectName("trueIdentityCheck")
        for box in (self.no_youth_contact, self.true_identity):
            column.addWidget(box)
        privacy = QWidget()
        column = QVBoxLayout(privacy)
        column.setContentsMargins(0, 0, 0, 0)
        self.shows_viewers = QCheckBox(self.tr("The site shows users who viewed them"))
        self.shows_viewers.setObjectName("showsViewersCheck")
        self.privacy_enabled = QCheckBox(self.tr("Privacy settings are enabled (B.2.d)"))
        self.privacy_enabled.setObjectName("privacyEnabledCheck")
        column.addWidget(self.shows_viewers)
        column.addWidget(self.privacy_enabled)
        self.youth_communication = QCheckBox(
            self.tr("Communication with youth is approved for this investigation (B.3.c)")
        )
        self.youth_communication.setObjectName("youthCommunicationCheck")
        self.starts_on = date_input("startsOnEdit", future=True)
        self.ends_on = EndDateInput()
        self.notes = notes_input("notesEdit", self.tr("Anything the written authorization adds"))

        self.add_row("kind", self.tr("&Kind:"), self.kind)
        self.add_row("agency", self.tr("A&gency:"), self.agency)
        self.add_row("employee", self.tr("&Employee authorized:"), self.employee, required=True)
        self.add_row("role", self.tr("&Role:"), self.role)
        self.add_row(
            "supervisor", self.tr("&Supervisor who granted it:"), self.supervisor, required=True
        )
        self.add_row(
            "written_on", self.tr("&Written authorization dated:"), self.written_on, required=True
        )
        self.add_row("platform", self.tr("&Platform:"), self.platform, required=True)
        self.add_row("account_name", self.tr("A&ccount:"), self.account, required=True)
        self.add_row("youth_case", self.tr("&Youth case:"), self.youth_case, required=True)
        self.add_row("case", self.tr("C&ase:"), self.case)
        self.add_row("attests", self.tr("Attestations:"), attests)
        self.add_row("privacy", self.tr("Privacy:"), privacy)
        self.add_row("youth_communication", self.tr("Youth contact:"), self.youth_communication)
        self.add_row("starts_on", self.tr("S&tarts on:"), self.starts_on, required=True)
        self.add_row("ends_on", self.tr("E&nds on:"), self.ends_on)
        self.add_row("notes", self.tr("N&otes:"), self.notes)
        self.ok_button.setText(self.tr("Log authorization"))

        self.kind.currentIndexChanged.connect(self.on_kind_changed)
        self.on_kind_changed(self.kind.currentIndex())
        self.load((JURISDICTION,))

    # -- choices -----------------------------------------------------------------------

    def current_kind(self) -> AuthorizationKind:
        return AuthorizationKind(self.kind.currentData() or AuthorizationKind.SUPERVISION.value)

    def no_agency_message(self) -> str:
        return self.tr("No Massachusetts agency is on file: authorizations are logged under "
                       "MA DYS Policy 01.05.22.")  # fmt: skip

    def fill_staff_choices(self, staff: tuple[EmployeeInfo, ...]) -> None:
        super().fill_staff_choices(staff)
        fill_employees(self.supervisor, staff, self.tr("Choose the supervisor"))

    def fill_case_choices(self, rows: tuple[CaseRow, ...]) -> None:
        """A B.2 may name a related case; a B.3 needs its open investigation."""
        if self.current_kind() is AuthorizationKind.SUPERVISION:
            fill_cases(self.case, rows, none_text=self.tr("No related case"))
        else:
            fill_cases(self.case, rows, placeholder=self.tr("Choose the investigation"),
                       closed=False)  # fmt: skip

    @Slot(int)
    def on_kind_changed(self, _index: int) -> None:
        """Show the inputs of the chosen kind (B.2 or B.3)."""
        kind = self.current_kind()
        supervision = kind is AuthorizationKind.SUPERVISION
        self.role.clear()
        roles = (
            labels.supervision_role_labels() if supervision else labels.investigation_role_labels()
        )
        for role, text in roles.items():
            self.role.addItem(text, role.value)
        for key in ("youth_case", "attests", "privacy"):
            self.set_row_visible(key, supervision)
        self.set_row_visible("youth_communication", not supervision)
        cell = self.inputs["case"].parentWidget()
        label = self.form.labelForField(cell) if cell is not None else None
        if isinstance(label, QLabel):
            label.setText(self.tr("Related c&ase:") if supervision else self.tr("Investig&ation:"))
        self.account.setPlaceholderText(
            self.tr("The account's name or handle, e.g. @dys.watch")
            if supervision
            else self.tr("The investigation profile created")
        )
        self.fill_case_choices(self.agency_cases())
        self.clear_errors()

    # -- submitting ------------------------------------------------------------------------

    def submit(self) -> None:
        employee = self.employee.currentData()  # None: the service says to choose one
        notes = self.notes.toPlainText()
        common = {
            "employee_id": employee,
            "role": str(self.role.currentData()),
            "supervisor_id": self.supervisor.currentData(),
            "written_on": from_qdate(self.written_on.date()),
            "platform": self.platform.currentText(),
            "account_name": self.account.text(),
            "starts_on": from_qdate(self.starts_on.date()),
            "ends_on": self.ends_on.date(),
            "notes": notes,
        }
        if self.current_kind() is AuthorizationKind.SUPERVISION:
            self.run(
                authorizations.add_supervision,
                SupervisionFields(
                    **common,
                    youth_case=self.youth_case.text(),
                    case_id=self.case.currentData(),
                    attests_no_youth_contact=self.no_youth_contact.isChecked(),
                    attests_true_identity=self.true_identity.isChecked(),
                    site_shows_viewers=self.shows_viewers.isChecked(),
                    privacy_settings_enabled=self.privacy_enabled.isChecked(),
                ),
            )
            return
        case_id = self.case.currentData()
        self.run(
            authorizations.add_investigation,
            InvestigationFields(
                **common,
                case_id=None if case_id is None else int(case_id),
                youth_communication_approved=self.youth_communication.isChecked(),
            ),
        )


class ReviewDialog(RuleDialog):
    """Record review…: a periodic meeting with the supervisor (B.3.b), its date and notes."""

    aliases = {"review_notes": "notes"}

    def __init__(
        self, workspace: Workspace, info: AuthorizationInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(workspace, parent)
        self.info = info
        self.setObjectName("reviewDialog")
        self.setWindowTitle(self.tr("Review meeting on authorization {0}").format(info.id))
        due = info.review.due_on if info.review else None
        due_text = labels.date_text(due, self.tr("none"))
        if info.review_overdue:
            due_text = self.tr("{0}, overdue").format(due_text)
        self.set_intro(
            self.tr(
                "MA-DYS-01.05.22 B.3.b: {employee} meets periodically with {supervisor} to "
                "review the use of social media in the investigation ({account} on {platform})."
                " Next review due: {due}."
            ).format(employee=info.employee_name, supervisor=info.supervisor_name,
                     account=info.account_name, platform=info.platform,
                     due=due_text)
        )  # fmt: skip
        self.met_on = date_input("metOnEdit")
        self.notes = notes_input("reviewNotesEdit", self.tr("What was reviewed and decided"))
        self.notes.setFixedHeight(110)
        self.add_row("met_on", self.tr("&Meeting date:"), self.met_on, required=True)
        self.add_row("notes", self.tr("&Notes:"), self.notes, required=True)
        self.ok_button.setText(self.tr("Record review"))
        self.notes.setFocus()

    def submit(self) -> None:
        self.run(
            authorizations.record_review,
            self.info.id,
            met_on=from_qdate(self.met_on.date()),
            notes=self.notes.toPlainText(),
        )


class RevokeDialog(RuleDialog):
    """Revoke…: from which day the authorization no longer covers anything, and why."""

    aliases = {"revocation_date": "revoked_on"}

    def __init__(
        self, workspace: Workspace, info: AuthorizationInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(workspace, parent)
        self.info = info
        self.setObjectName("revokeDialog")
        self.setWindowTitle(self.tr("Revoke authorization {0}").format(info.id))
        self.set_intro(
            self.tr(
                "Revoke the authorization of {employee} for {account} on {platform}? From the "
                "revocation date on, evidence captured under it is no longer covered."
            ).format(employee=info.employee_name, account=info.account_name,
                     platform=info.platform)
        )  # fmt: skip
        self.revoked_on = date_input("revokedOnEdit")  # a revocation is never in the future
        self.reason = notes_input("reasonEdit", self.tr("Why the authorization is revoked"))
        self.add_row("revoked_on", self.tr("Re&voked from:"), self.revoked_on, required=True)
        self.add_row("reason", self.tr("&Reason:"), self.reason, required=True)
        self.ok_button.setText(self.tr("Revoke"))
        self.reason.setFocus()

    def submit(self) -> None:
        self.run(
            authorizations.revoke_authorization,
            self.info.id,
            revoked_on=from_qdate(self.revoked_on.date()),
            reason=self.reason.toPlainText(),
        )
