"""Windows and dialogs that fit the screen they are on, from 1280×720 (or 150 % of 1080p) up.

A dialog asks for the size it would like and gets at most the screen's
available area; what does not fit scrolls (:func:`scrollable`) instead of
pushing buttons off the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

#: Room left for the window's title bar and frame, which the window's size excludes.
FRAME_ALLOWANCE = QSize(16, 40)


def available_size(widget: QWidget | None = None) -> QSize:
    """The screen area a window may use (without task bars), less its frame."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(1280, 720) - FRAME_ALLOWANCE
    return screen.availableGeometry().size() - FRAME_ALLOWANCE


def fit_to_screen(window: QWidget, preferred: QSize | None = None) -> QSize:
    """Resize ``window`` to ``preferred`` (its size hint by default), at most the screen."""
    wanted = preferred if preferred is not None else window.sizeHint()
    size = wanted.boundedTo(available_size(window)).expandedTo(window.minimumSize())
    window.resize(size)
    return size


class FormScrollArea(QScrollArea):
    """A scroll area that asks for room for all of its content, and scrolls when it gets less.

    Qt's own asks for at most about 24 lines, so a dialog holding one would
    open with a scroll bar even on a tall screen.
    """

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        content = self.widget()
        if content is None:
            return super().sizeHint()
        hint = content.sizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        frame = 2 * self.frameWidth()
        return QSize(hint.width() + bar + frame, hint.height() + frame)


def scrollable(content: QWidget, *, frame: bool = False) -> QScrollArea:
    """``content`` in a scroll area that follows its width and scrolls when short of room."""
    area = FormScrollArea()
    area.setWidgetResizable(True)
    if not frame:
        area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area
