"""Forms of the Credential requests view: request, approve or deny, record a use or a receipt.

The request form offers only what the agency's rule pack allows to be asked:
the credentials themselves for a formal investigation. It never asks for a
password, and offers no other demand (AR-DHS II(B)(2)-(3)).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLineEdit,
    QWidget,
)

from app.domain.authorizations.credentials import AccountExclusion
from app.domain.authorizations.packs import PACKS
from app.services import credential_requests
from app.services.case_queries import CaseRow
from app.services.credential_requests import (
    CredentialRequestFields,
    CredentialRequestInfo,
    InadvertentFields,
)
from app.ui.authorizations import labels
from app.ui.authorizations.authorization_dialogs import date_input, notes_input
from app.ui.authorizations.choices import FormChoices, fill_cases, load_choices, select_data
from app.ui.authorizations.forms import AgencyForm, RuleDialog
from app.ui.case_view.inputs import from_qdate
from app.ui.case_view.support import alive
from app.ui.workspace import Workspace


class _PackForm(AgencyForm):
    """A form over the agencies that have a credential rule pack."""

    def no_agency_message(self) -> str:
        return self.tr("No agency on file has credential-request rules (rule packs exist for: "
                       "{0}).").format(", ".join(sorted(PACKS)))  # fmt: skip

    def fill_case_choices(self, rows: tuple[CaseRow, ...]) -> None:
        fill_cases(self.case, rows, placeholder=self.tr("Choose the case"))


class NewRequestDialog(_PackForm):
    """New request…: ask for an employee's credentials for a formal investigation (II(G))."""

    aliases = {
        "violation_kind": "violation",
        "violation_provision": "violation",
        "demands": "account_exclusion",
    }

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.setObjectName("newRequestDialog")
        self.setWindowTitle(self.tr("New credential request"))
        self.set_intro(
            self.tr(
                "AR-DHS II(G), Ark. Code Ann. § 11-2-124: an employee's username and password "
                "may be requested only for a formal investigation by Internal Affairs/Fraud, the "
                "Privacy Office or the Security Office, for a stated violation, where the account "
                "activity is reasonably believed relevant. No password is entered or stored here."
            )
        )
        self.office = QComboBox()
        self.office.setObjectName("officeCombo")
        self.office.setPlaceholderText(self.tr("Choose the investigating office"))
        self.violation_kind = QComboBox()
        self.violation_kind.setObjectName("violationKindCombo")
        self.violation_kind.setPlaceholderText(self.tr("Violation of…"))
        for kind, text in labels.violation_kind_labels().items():
            self.violation_kind.addItem(text, kind.value)
        self.violation_kind.setCurrentIndex(-1)
        self.provision = QLineEdit()
        self.provision.setObjectName("provisionEdit")
        self.provision.setPlaceholderText(self.tr("The provision, e.g. AR-DHS 1084 IV(C)"))
        violation = QWidget()
        row = QHBoxLayout(violation)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.violation_kind)
        row.addWidget(self.provision, 1)
        self.justification = notes_input(
            "justificationEdit",
            self.tr("Why the account activity is reasonably believed relevant to the "
                    "investigation"),
        )  # fmt: skip
        self.justification.setFixedHeight(90)
        self.exclusion = QComboBox()
        self.exclusion.setObjectName("exclusionCombo")
        for exclusion, text in labels.exclusion_labels().items():
            self.exclusion.addItem(text, exclusion.value)
        self.public = QCheckBox(self.tr("The information sought is publicly available"))
        self.public.setObjectName("publicCheck")
        self.public.setToolTip(
            self.tr("AR-DHS II(E): public information may be viewed without any request.")
        )
        self.add_row("agency", self.tr("A&gency:"), self.agency, required=True)
        self.add_row("case", self.tr("&Case:"), self.case,
                     self.tr("An open formal investigation of the agency."),
                     required=True)  # fmt: skip
        self.add_row("office", self.tr("Investigating &office:"), self.office, required=True)
        self.add_row("employee", self.tr("&Employee:"), self.employee, required=True)
        self.add_row("platform", self.tr("&Platform:"), self.platform, required=True)
        self.add_row("account_name", self.tr("Acco&unt:"), self.account, required=True)
        self.add_row("account_exclusion", self.tr("The account is:"), self.exclusion)
        self.add_row("violation", self.tr("Suspected &violation:"), violation, required=True)
        self.add_row("justification", self.tr("&Justification:"), self.justification, required=True)
        self.add_row("information_public", "", self.public)
        self.ok_button.setText(self.tr("Submit request"))
        self.load(PACKS)

    @Slot(int)
    def on_agency_changed(self, index: int) -> None:
        super().on_agency_changed(index)
        self.office.clear()
        code = self.agency.currentData()
        jurisdiction = next(
            (a.jurisdiction for a in (self.choices.agencies if self.choices else ())
             if a.code == code), None,
        )  # fmt: skip
        pack = PACKS.get(jurisdiction or "")
        if pack is not None:
            for key, text in pack.offices.items():
                self.office.addItem(text, key)
        self.office.setCurrentIndex(-1)

    def submit(self) -> None:
        """Send everything as it is: the service reports every problem and refusal at once."""
        self.run(
            credential_requests.new_request,
            CredentialRequestFields(
                agency_code=self.agency.currentData(),
                case_id=self.case.currentData(),
                employee_id=self.employee.currentData(),
                platform=self.platform.currentText(),
                account_name=self.account.text(),
                office=self.office.currentData() or "",
                violation_kind=self.violation_kind.currentData(),
                violation_provision=self.provision.text(),
                justification=self.justification.toPlainText(),
                account_exclusion=self.exclusion.currentData() or AccountExclusion.NONE.value,
                information_public=self.public.isChecked(),
            ),
        )


class InadvertentDialog(_PackForm):
    """Record inadvertent receipt…: credentials that reached the agency (II(H)); never usable."""

    aliases = {"date_received": "received_on"}

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.setObjectName("inadvertentDialog")
        self.setWindowTitle(self.tr("Record an inadvertent receipt"))
        self.set_intro(
            self.tr(
                "AR-DHS II(H): credentials received inadvertently through an agency device or "
                "network monitoring are recorded here, and may never be used to access the "
                "account. Do not enter the password."
            )
        )
        self.received_via = QComboBox()
        self.received_via.setObjectName("receivedViaCombo")
        for channel, text in labels.receipt_channel_labels().items():
            self.received_via.addItem(text, channel.value)
        self.received_on = date_input("receivedOnEdit")
        self.description = notes_input(
            "descriptionEdit", self.tr("How the credentials came to the agency's attention")
        )
        self.add_row("agency", self.tr("A&gency:"), self.agency, required=True)
        self.add_row("employee", self.tr("&Employee:"), self.employee, required=True)
        self.add_row("platform", self.tr("&Platform:"), self.platform, required=True)
        self.add_row("account_name", self.tr("Acco&unt:"), self.account, required=True)
        self.add_row(
            "received_via", self.tr("Received &through:"), self.received_via, required=True
        )
        self.add_row("received_on", self.tr("Received &on:"), self.received_on, required=True)
        self.add_row("case", self.tr("&Case:"), self.case)
        self.add_row("description", self.tr("&Description:"), self.description)
        self.ok_button.setText(self.tr("Record receipt"))
        self.load(PACKS)

    def fill_case_choices(self, rows: tuple[CaseRow, ...]) -> None:
        fill_cases(self.case, rows, none_text=self.tr("No case"))

    def submit(self) -> None:
        """Send everything as it is: the service reports every problem at once."""
        self.run(
            credential_requests.record_inadvertent,
            InadvertentFields(
                employee_id=self.employee.currentData(),
                platform=self.platform.currentText(),
                account_name=self.account.text(),
                received_via=str(self.received_via.currentData()),
                received_on=from_qdate(self.received_on.date()),
                description=self.description.toPlainText(),
                case_id=self.case.currentData(),
            ),
        )


class DecisionDialog(RuleDialog):
    """Approve… or Deny…: a supervisor's decision on a pending request, with a note."""

    aliases = {"note": "note", "reason_for_the_denial": "note", "approver": "note"}

    def __init__(
        self,
        workspace: Workspace,
        info: CredentialRequestInfo,
        approve: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, parent)
        self.info = info
        self.approve = approve
        self.setObjectName("approveDialog" if approve else "denyDialog")
        title = self.tr("Approve request {0}") if approve else self.tr("Deny request {0}")
        self.setWindowTitle(title.format(info.id))
        self.set_intro(
            self.tr(
                "{employee}'s {platform} account {account}, for {case} ({office}), requested by "
                "{requester}. Suspected violation: {provision}."
            ).format(employee=info.employee_name, platform=info.platform,
                     account=info.account_name, case=info.case_number or "—",
                     office=info.office_label or "—", requester=info.requested_by,
                     provision=info.violation_provision or "—")
        )  # fmt: skip
        self.note = notes_input(
            "decisionNoteEdit",
            self.tr("Optional note") if approve else self.tr("Why the request is denied"),
        )
        self.add_row(
            "note",
            self.tr("&Note:") if approve else self.tr("&Reason:"),
            self.note,
            required=not approve,
        )
        self.ok_button.setText(self.tr("Approve") if approve else self.tr("Deny"))
        self.note.setFocus()

    def submit(self) -> None:
        if self.approve:
            self.run(credential_requests.approve_request, self.info.id,
                     note=self.note.toPlainText())  # fmt: skip
        else:
            self.run(credential_requests.deny_request, self.info.id,
                     note=self.note.toPlainText())  # fmt: skip


class UseDialog(RuleDialog):
    """Record use…: one use of approved credentials, for its case, with its purpose."""

    aliases = {"case": "case", "purpose": "purpose"}

    def __init__(
        self, workspace: Workspace, info: CredentialRequestInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(workspace, parent)
        self.info = info
        self.setObjectName("useDialog")
        self.setWindowTitle(self.tr("Record a use of request {0}").format(info.id))
        self.set_intro(
            self.tr(
                "AR-DHS II(G): the credentials may only be used for the formal investigation "
                "they were requested for ({case}) or a related proceeding, while it is open."
            ).format(case=info.case_number or "—")
        )
        self.case = QComboBox()
        self.case.setObjectName("caseCombo")
        if info.case_id is not None:
            self.case.addItem(info.case_number or str(info.case_id), info.case_id)
        self.purpose = notes_input("purposeEdit", self.tr("What the credentials were used for"))
        self.add_row("case", self.tr("&Case:"), self.case, required=True)
        self.add_row("purpose", self.tr("&Purpose:"), self.purpose, required=True)
        self.ok_button.setText(self.tr("Record use"))
        self.purpose.setFocus()
        workspace.call(
            load_choices, tuple(PACKS), on_success=alive(self, self._on_choices), parent=self
        )

    def _on_choices(self, choices: FormChoices) -> None:
        rows = choices.cases.get(self.info.agency_code, ())
        fill_cases(self.case, rows)
        select_data(self.case, self.info.case_id)

    def submit(self) -> None:
        case_id = self.case.currentData()
        if case_id is None:
            self.error_label("case").show_message(self.tr("Choose the case."))
            return
        self.run(
            credential_requests.record_use,
            self.info.id,
            case_id=int(case_id),
            purpose=self.purpose.toPlainText(),
        )


class ProvidedDialog(RuleDialog):
    """Record provision…: that the employee gave the credentials, to whom and when.

    Only the fact is recorded; the credentials themselves are never typed here.
    """

    aliases = {"captured_at": "provided_at", "provided_by": "provided_by"}

    def __init__(
        self, workspace: Workspace, info: CredentialRequestInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(workspace, parent)
        self.info = info
        self.setObjectName("providedDialog")
        self.setWindowTitle(self.tr("Credentials provided under request {0}").format(info.id))
        self.set_intro(
            self.tr(
                "Record that {employee} provided the credentials of {account} on {platform} "
                "for {case}. Do not enter the username or password: Casedesk records only "
                "that they were provided, by whom, to whom and when."
            ).format(employee=info.employee_name, account=info.account_name,
                     platform=info.platform, case=info.case_number or "—")
        )  # fmt: skip
        self.provided_by = QLineEdit(info.employee_name)
        self.provided_by.setObjectName("providedByEdit")
        self.provided_to = QLineEdit(workspace.actor.username)
        self.provided_to.setObjectName("providedToEdit")
        self.provided_at = QDateTimeEdit(QDateTime.currentDateTime())
        self.provided_at.setObjectName("providedAtEdit")
        self.provided_at.setCalendarPopup(True)
        self.provided_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.provided_at.setMaximumDateTime(QDateTime.currentDateTime().addSecs(60))
        self.add_row("provided_by", self.tr("Provided &by:"), self.provided_by, required=True)
        self.add_row(
            "provided_to", self.tr("Provided &to (user name):"), self.provided_to, required=True
        )
        self.add_row("provided_at", self.tr("&When:"), self.provided_at, required=True)
        self.ok_button.setText(self.tr("Record"))

    def submit(self) -> None:
        moment = self.provided_at.dateTime().toPython()
        assert isinstance(moment, dt.datetime)
        self.run(
            credential_requests.record_credentials_provided,
            self.info.id,
            provided_by=self.provided_by.text(),
            provided_to=self.provided_to.text(),
            provided_at=moment.astimezone(),
        )
