"""The viewer's side panel: an item's details, its corrections, VOID, and its custody.

Shows what the service returned and nothing else; "Amend details…" and
"Void…" are its buttons, which the viewer connects to its dialogs. People
appear by full name (the services resolve them).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.audit import AuditEntry
from app.services.evidence import EvidenceInfo
from app.services.evidence.amend import Amendment
from app.ui.case_view.support import local_time
from app.ui.evidence.labels import custody_action_label, custody_details, obtained_text
from app.ui.evidence.model import capture_text, size_text
from app.ui.i18n import tr

_C = "EvidenceDetails"


def corrections_text(amendments: tuple[Amendment, ...]) -> str:
    """Each correction on a line: when, who, the field, before → after, and why."""
    return "\n".join(
        tr(_C, "{when} {who}: {field} {old} → {new} ({reason})").format(
            when=local_time(a.amended_at), who=a.amended_by, field=a.label,
            old=a.old_value or "—", new=a.new_value or "—", reason=a.reason)
        for a in amendments
    ) or "—"  # fmt: skip


class EvidenceDetails(QWidget):
    """Metadata, corrections, the VOID banner, Amend and Void buttons, chain of custody."""

    custody_loaded = Signal()

    def __init__(self, may_change: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceSidePanel")
        self.facts = QFormLayout()
        self.fact_labels: dict[str, QLabel] = {}
        self.custody = QTableWidget(0, 3)
        self.custody.setObjectName("custodyTable")
        self.custody.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What")])
        self.custody.verticalHeader().hide()
        custody_header = self.custody.horizontalHeader()
        custody_header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        custody_header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        custody_header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.custody.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.custody.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.void_banner = QLabel()
        self.void_banner.setObjectName("voidBanner")
        self.void_banner.setWordWrap(True)
        self.void_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.void_banner.setStyleSheet("QLabel { color: white; background: #8b0000; "
                                       "font-weight: bold; padding: 6px; }")  # fmt: skip
        self.void_banner.hide()
        self.amend_button = QPushButton(self.tr("A&mend details…"))
        self.amend_button.setObjectName("amendDetails")
        self.void_button = QPushButton(self.tr("&Void…"))
        self.void_button.setObjectName("voidItem")
        item_buttons = QHBoxLayout()
        for button in (self.amend_button, self.void_button):
            button.setVisible(may_change)
            item_buttons.addWidget(button)
        item_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.void_banner)
        layout.addWidget(QLabel(self.tr("<b>Metadata</b>")))
        layout.addLayout(self.facts)
        layout.addLayout(item_buttons)
        layout.addWidget(QLabel(self.tr("<b>Chain of custody</b>")))
        layout.addWidget(self.custody, 1)

    def show_custody(self, events: list[AuditEntry]) -> None:
        self.custody.setRowCount(len(events))
        for row, event in enumerate(events):
            what = custody_action_label(event.action)
            said = custody_details(event.action, event.details)
            if said:
                what = f"{what}: {said}"
            for column, text in enumerate((local_time(event.occurred_at), event.actor, what)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.custody.setItem(row, column, cell)
        self.custody.scrollToBottom()
        self.custody_loaded.emit()

    def custody_actions(self) -> list[str]:
        cells = (self.custody.item(row, 2) for row in range(self.custody.rowCount()))
        return [cell.text() for cell in cells if cell is not None]

    def show_facts(self, info: EvidenceInfo, amendments: tuple[Amendment, ...] = ()) -> None:
        dims = f"{info.width} × {info.height}" if info.width and info.height else "—"
        source = info.source_url or (
            self.tr("none: {0}").format(info.no_url_reason) if info.no_url_reason else "—"
        )
        if info.void and info.voided_at is not None:
            self.void_banner.setText(self.tr("VOID: {reason}\nMade void by {who} at {when}.")
                                     .format(reason=info.void_reason, who=info.voided_by,
                                             when=local_time(info.voided_at)))  # fmt: skip
        self.void_banner.setVisible(info.void)
        self.amend_button.setEnabled(not info.void)
        self.void_button.setEnabled(not info.void)
        rows = [
            ("file", self.tr("Original name:"), info.original_filename),
            ("sha256", self.tr("SHA-256:"), f"{info.sha256[:32]}\n{info.sha256[32:]}"),
            ("type", self.tr("Media type:"), info.media_type),
            ("size", self.tr("Size:"), f"{size_text(info.size)} ({info.size:,} bytes)"),
            ("pixels", self.tr("Pixels:"), dims),
            ("source", self.tr("Source URL:"), source),
            ("platform", self.tr("Platform:"), info.platform or "—"),
            ("account", self.tr("Account shown:"), info.account_shown or "—"),
            ("captured", self.tr("Captured:"), capture_text(info)),
            ("captured_by", self.tr("Captured by:"), info.captured_by or "—"),
            ("added", self.tr("Added:"), f"{local_time(info.added_at)} · {info.added_by}"),
            ("obtained", self.tr("How obtained:"), obtained_text(info)),
            ("description", self.tr("Description:"), info.description or "—"),
            ("page_source", self.tr("Page source:"),
             info.page_source_sha256[:16] + "…" if info.page_source_sha256 else "—"),
            ("redactions", self.tr("Redactions:"), str(info.redaction_count)),
            ("corrections", self.tr("Corrections:"), corrections_text(amendments)),
        ]  # fmt: skip
        for key, title, value in rows:
            label = self.fact_labels.get(key)
            if label is None:
                label = QLabel()
                label.setObjectName(f"fact_{key}")
                label.setWordWrap(True)
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                if key == "sha256":
                    label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
                    label.setToolTip(info.sha256)
                self.fact_labels[key] = label
                self.facts.addRow(title, label)
            label.setText(value)
