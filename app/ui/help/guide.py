"""The user guide: ``resources/help/guide.md`` shown in a QTextBrowser, searchable.

The guide ships inside the application (``resources/help``, with its
pictures), so it is the same offline and in the package. F1 opens it at the
section of the view in front: :data:`SECTIONS` maps a page key to the
heading of its section.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl, Slot
from PySide6.QtGui import (
    QImageReader,
    QKeySequence,
    QShortcut,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.resources import resource_path
from app.ui.fit import fit_to_screen

#: The guide's section of each view, by page key.
SECTIONS: dict[str, str] = {
    "home": "Home",
    "dashboard": "Dashboard",
    "cases": "Cases",
    "authorizations": "Authorizations",
    "credential_requests": "Credential requests",
    "catalog": "Policy catalog",
    "audit_log": "Audit log",
    "settings": "Settings",
    "users": "Users",
}

#: The widest a picture is shown, in pixels (screenshots are 1366 wide).
IMAGE_WIDTH = 820


class GuideWindow(QDialog):
    """The guide with a search field; non-modal, one per main window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideWindow")
        self.setWindowTitle(self.tr("Casedesk user guide"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        folder = resource_path("resources", "help")
        self.browser = QTextBrowser()
        self.browser.setObjectName("guideBrowser")
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(folder)])
        document = self.browser.document()
        document.setBaseUrl(QUrl.fromLocalFile(str(folder) + "/"))
        self.browser.setMarkdown((folder / "guide.md").read_text(encoding="utf-8"))
        self._fit_images(document, folder)

        self.search = QLineEdit()
        self.search.setObjectName("guideSearch")
        self.search.setPlaceholderText(self.tr("Find in the guide"))
        self.search.setClearButtonEnabled(True)
        label = QLabel(self.tr("&Find:"))
        label.setBuddy(self.search)
        self.next_button = QPushButton(self.tr("&Next"))
        self.next_button.setObjectName("guideFindNext")
        self.status = QLabel()
        self.status.setObjectName("guideFindStatus")
        bar = QHBoxLayout()
        bar.addWidget(label)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.next_button)
        bar.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)

        self.search.returnPressed.connect(self.find_next)
        self.search.textChanged.connect(self.on_search_text_changed)
        self.next_button.clicked.connect(self.find_next)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.focus_search)
        QShortcut(QKeySequence(QKeySequence.StandardKey.FindNext), self, self.find_next)
        fit_to_screen(self, QSize(900, 700))

    def _fit_images(self, document: QTextDocument, folder: Path) -> None:
        """Show each picture at most :data:`IMAGE_WIDTH` wide, keeping its proportions."""
        block = document.begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                image = fragment.charFormat().toImageFormat()
                if fragment.isValid() and fragment.charFormat().isImageFormat():
                    size = QImageReader(str(folder / image.name())).size()
                    width = size.width()
                    if width > IMAGE_WIDTH:
                        scaled = QTextImageFormat(image)
                        scaled.setWidth(IMAGE_WIDTH)
                        scaled.setHeight(size.height() * IMAGE_WIDTH / width)
                        cursor = QTextCursor(document)
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(fragment.position() + fragment.length(),
                                           QTextCursor.MoveMode.KeepAnchor)  # fmt: skip
                        cursor.setCharFormat(scaled)
                iterator += 1
            block = block.next()

    # -- sections ------------------------------------------------------------------------

    def headings(self) -> list[str]:
        """The guide's headings, in order."""
        found = []
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0:
                found.append(block.text())
            block = block.next()
        return found

    def show_section(self, heading: str) -> bool:
        """Scroll so the heading ``heading`` is at the top; False if there is none."""
        document = self.browser.document()
        block = document.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0 and block.text() == heading:
                # From the end, the smallest scroll that shows the cursor puts its line
                # (the heading) at the top.
                bar = self.browser.verticalScrollBar()
                bar.setValue(bar.maximum())
                self.browser.setTextCursor(QTextCursor(block))
                self.browser.ensureCursorVisible()
                return True
            block = block.next()
        return False

    def show_page_help(self, page_key: str | None) -> None:
        """Open at the section of the view ``page_key``, else at the start."""
        # Shown first: the scroll range is known once the browser is laid out.
        self.show()
        self.activateWindow()
        heading = SECTIONS.get(page_key or "")
        if heading is None or not self.show_section(heading):
            self.browser.moveCursor(QTextCursor.MoveOperation.Start)
            self.browser.verticalScrollBar().setValue(0)

    def section_in_view(self) -> str:
        """The heading of the section the cursor is in, when the cursor is on screen."""
        if not self.browser.viewport().rect().contains(self.browser.cursorRect()):
            return ""
        block = self.browser.textCursor().block()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0:
                return block.text()
            block = block.previous()
        return ""

    # -- search --------------------------------------------------------------------------

    @Slot()
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    @Slot(str)
    def on_search_text_changed(self, text: str) -> None:
        """Find as you type, from the start of the guide."""
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        if text:
            self.find_next()
        else:
            self.status.clear()

    @Slot()
    def find_next(self) -> bool:
        """Select the next place the search text occurs, wrapping at the end."""
        text = self.search.text()
        if not text:
            return False
        found = self.browser.find(text)
        if not found:
            self.browser.moveCursor(QTextCursor.MoveOperation.Start)
            found = self.browser.find(text)
        self.status.setText("" if found else self.tr("Not found"))
        return found
