"""The catalog page's detail: a policy's header, or a provision's verbatim text."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.catalog import PolicyInfo, ProvisionInfo
from app.ui.case_view.models import charge_note

_SELECTABLE = (
    Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
)
_W = TypeVar("_W", bound=QWidget)


def named(widget: _W, name: str) -> _W:
    """``widget`` with its object name set (tests and style sheets find it by name)."""
    widget.setObjectName(name)
    return widget


def _selectable(label: QLabel, *, bold: bool = False, point_delta: int = 0) -> QLabel:
    """A word-wrapped plain-text label the user can select and copy from."""
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    if bold or point_delta:
        font = label.font()
        font.setBold(bold)
        font.setPointSize(font.pointSize() + point_delta)
        label.setFont(font)
    return label


class PolicyPanel(QWidget):
    """A policy's header: title, agency, issuer, number, effective date, references."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _selectable(named(QLabel(), "policyTitle"), bold=True, point_delta=4)
        self.code = _selectable(named(QLabel(), "policyCode"), bold=True)
        self.agency = _selectable(named(QLabel(), "policyAgency"))
        self.issuer = _selectable(named(QLabel(), "policyIssuer"))
        self.number = _selectable(named(QLabel(), "policyNumber"))
        self.effective = _selectable(named(QLabel(), "policyEffective"))
        self.version = _selectable(named(QLabel(), "policyVersion"))
        self.sunset = _selectable(named(QLabel(), "policySunset"))
        self.provisions = _selectable(named(QLabel(), "policyProvisions"))
        self.references = _selectable(named(QLabel(), "policyReferences"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Code:"), self.code)
        form.addRow(self.tr("Agency:"), self.agency)
        form.addRow(self.tr("Issued by:"), self.issuer)
        form.addRow(self.tr("Document number:"), self.number)
        form.addRow(self.tr("Effective:"), self.effective)
        form.addRow(self.tr("Version:"), self.version)
        form.addRow(self.tr("Sunset date:"), self.sunset)
        form.addRow(self.tr("Provisions:"), self.provisions)
        form.addRow(self.tr("References:"), self.references)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addStretch(1)

    def show_policy(self, policy: PolicyInfo) -> None:
        self.title.setText(policy.title)
        self.code.setText(policy.code)
        self.agency.setText(policy.agency_name)
        self.issuer.setText(policy.issuer)
        self.number.setText(policy.document_number or self.tr("not stated"))
        if policy.effective is None:
            self.effective.setText(self.tr("not stated in the policy"))
        else:
            self.effective.setText(policy.effective.isoformat())
        self.version.setText(policy.version or self.tr("not stated"))
        if policy.sunset is None:
            self.sunset.setText(self.tr("none stated"))
        else:
            self.sunset.setText(
                self.tr("{0} — charging conduct after it needs a confirmation that the policy "
                        "is still in force").format(policy.sunset.isoformat())
            )  # fmt: skip
        self.provisions.setText(str(policy.provision_count))
        self.references.setText(
            "\n".join(f"• {r}" for r in policy.references) or self.tr("none listed")
        )


class ProvisionPanel(QWidget):
    """One provision: citation, title, tags, kind, its lead-in, and its verbatim text."""

    def __init__(self, copy_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.citation = _selectable(named(QLabel(), "provisionCitation"), bold=True, point_delta=4)
        self.copy_button = named(QPushButton(), "copyCitationButton")
        self.copy_button.setText(copy_action.text())
        self.copy_button.setToolTip(copy_action.toolTip())
        self.copy_button.clicked.connect(copy_action.trigger)
        self.policy = _selectable(named(QLabel(), "provisionPolicy"))
        self.title = _selectable(named(QLabel(), "provisionTitle"), bold=True)
        self.tags = _selectable(named(QLabel(), "provisionTags"))
        self.kind = _selectable(named(QLabel(), "provisionKind"))
        self.lead_in_heading = named(QLabel(self.tr("Lead-in:")), "leadInHeading")
        self.lead_in = _selectable(named(QLabel(), "provisionLeadIn"))
        self.lead_in.setStyleSheet(
            "background: palette(alternate-base); border-left: 3px solid palette(mid);"
            " padding: 6px;"
        )
        self.text = named(QPlainTextEdit(), "provisionText")
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(_SELECTABLE)
        self.text.setAccessibleName(self.tr("Provision text"))
        font = self.text.font()
        font.setPointSize(font.pointSize() + 1)
        self.text.setFont(font)
        self.text_heading = QLabel(self.tr("Text:"))
        heading = QHBoxLayout()
        heading.addWidget(self.citation, 1)
        heading.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(self.policy)
        layout.addWidget(self.title)
        layout.addWidget(self.tags)
        layout.addWidget(self.kind)
        layout.addWidget(self.lead_in_heading)
        layout.addWidget(self.lead_in)
        layout.addWidget(self.text_heading)
        layout.addWidget(self.text, 1)

    def show_provision(self, provision: ProvisionInfo, policy: PolicyInfo | None) -> None:
        self.citation.setText(provision.citation)
        self.policy.setText(
            self.tr("{0} — {1} ({2})").format(policy.title, policy.agency_name, policy.dates)
            if policy
            else ""
        )
        self.title.setText(provision.title)
        self.tags.setText(self.tr("Tags: {0}").format(", ".join(provision.tags) or "—"))
        self.kind.setText(charge_note(provision))
        # The lead-in the provision is quoted after (a list item's introductory
        # sentence); a provision under one that introduces nothing has none.
        self.lead_in.setText(provision.quoted_after)
        self.lead_in_heading.setVisible(bool(provision.quoted_after))
        self.lead_in.setVisible(bool(provision.quoted_after))
        self.text.setPlainText(provision.text)
