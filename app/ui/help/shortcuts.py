"""Help ▸ Keyboard shortcuts: every shortcut of the running window, found, not written down.

The list is built from the window's actions and shortcuts when it opens, so
it names exactly what the keys do in this build and for these roles.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.fit import fit_to_screen


@dataclass(frozen=True, slots=True)
class ShortcutEntry:
    """A key and what it does."""

    keys: str
    what: str


def _clean(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _keys(sequences: list[QKeySequence]) -> str:
    names = [
        s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences if not s.isEmpty()
    ]
    return ", ".join(dict.fromkeys(names))


def window_shortcuts(window: QWidget) -> list[ShortcutEntry]:
    """Every action and shortcut with a key under ``window``, sorted by what it does."""
    found: dict[tuple[str, str], ShortcutEntry] = {}
    for action in window.findChildren(QAction):
        keys = _keys(action.shortcuts())
        what = _clean(action.text() or action.toolTip())
        if keys and what:
            found[(keys, what)] = ShortcutEntry(keys, what)
    for shortcut in window.findChildren(QShortcut):
        keys = _keys([shortcut.key()])
        what = _clean(shortcut.whatsThis())
        if keys and what:
            found[(keys, what)] = ShortcutEntry(keys, what)
    return sorted(found.values(), key=lambda e: (e.what.lower(), e.keys))


class ShortcutsDialog(QDialog):
    """A table of the window's shortcuts."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.entries = window_shortcuts(window)
        self.table = QTableWidget(len(self.entries), 2)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Shortcut"), self.tr("What it does")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, entry in enumerate(self.entries):
            self.table.setItem(row, 0, QTableWidgetItem(entry.keys))
            self.table.setItem(row, 1, QTableWidgetItem(entry.what))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        fit_to_screen(self, QSize(520, 560))
