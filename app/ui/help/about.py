"""Help ▸ About Casedesk: version, licence, database, schema revision, Qt and Python, Copy.

The schema revision is read in the background (it asks the database); the
text copied for support is the same as the text shown.
"""

from __future__ import annotations

import platform
import sys
from html import escape

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.ui.workspace import Workspace

LICENCE = "GPL-3.0-or-later"


class AboutDialog(QDialog):
    """What support asks for, in one place, with a Copy button."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Casedesk"))
        self.workspace = workspace
        self.revision = self.tr("reading…")
        title = QLabel(self.tr("<h2>Casedesk {0}</h2><p>Social-media policy investigations, "
                               "from report to discipline.</p>").format(__version__))  # fmt: skip
        self.facts = QLabel()
        self.facts.setObjectName("aboutFacts")
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setObjectName("aboutCopy")
        self.copy_button.setToolTip(self.tr("Copy these facts for a support request"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.facts)
        layout.addWidget(buttons)
        self._show_facts()
        database = workspace.database
        workspace.tasks.run(database.state, on_success=self.on_state_read,
                            on_failure=self.on_state_failed, parent=self)  # fmt: skip

    def lines(self) -> list[tuple[str, str]]:
        """The facts as (name, value)."""
        database = self.workspace.database
        kind = "PostgreSQL" if database.dialect == "postgresql" else "SQLite"
        if database.encrypted:
            kind += self.tr(" (encrypted)")
        return [
            (self.tr("Version"), __version__),
            (self.tr("Licence"), LICENCE),
            (self.tr("Database"), database.display_name),
            (self.tr("Database kind"), kind),
            (self.tr("Schema revision"), self.revision),
            (self.tr("Qt"), qVersion()),
            (self.tr("PySide6"), PySide6.__version__),
            (self.tr("Python"), f"{platform.python_version()} ({sys.platform})"),
        ]

    def text(self) -> str:
        """The facts as plain text, as Copy puts them on the clipboard."""
        return "\n".join(["Casedesk", *(f"{name}: {value}" for name, value in self.lines())])

    def _show_facts(self) -> None:
        rows = "".join(f"<tr><td><b>{escape(n)}</b>&nbsp;&nbsp;</td><td>{escape(v)}</td></tr>"
                       for n, v in self.lines())  # fmt: skip
        self.facts.setText(f"<table>{rows}</table>")

    def on_state_read(self, state: object) -> None:
        current = getattr(state, "current", None)
        head = getattr(state, "head", None)
        self.revision = (
            str(current)
            if current == head
            else self.tr("{0} (this program: {1})").format(current, head)
        )
        self._show_facts()

    def on_state_failed(self, error: BaseException) -> None:
        self.revision = self.tr("unknown ({0})").format(error)
        self._show_facts()

    def copy(self) -> None:
        """Put the facts on the clipboard."""
        QGuiApplication.clipboard().setText(self.text())
        self.workspace.status_message.emit(self.tr("The facts about Casedesk were copied."))
