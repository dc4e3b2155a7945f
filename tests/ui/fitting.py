"""What "fits the screen" means, checked on real widgets (used by test_fit.py).

A window fits when it can be as small as the screen, and when, at that size,
every visible button and input lies inside it at least as large as it needs
(its minimum size hint), a combo box shows its whole current choice, and
every table column shows its whole heading. Inputs inside a scroll area
only need the scroll area itself to lie inside the window.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QScrollArea,
    QScrollBar,
    QTabBar,
    QTableView,
    QWidget,
)

from app.ui.fit import cell_is_cut, cell_tip  # noqa: E402

#: Screens a window must fit: 1366×768, 1280×720 (also 1920×1080 at 150 %), less a
#: task bar (48 px) and the window's title bar (32 px).
SCREENS = {"1366x768": QSize(1366, 768), "1280x720": QSize(1280, 720)}
CHROME = QSize(0, 80)

#: Set in the child run of test_fit's 150 % test, whose offscreen screen is 1920×1080
#: with QT_SCALE_FACTOR=1.5: 1280×720 device-independent pixels at a pixel ratio of 1.5.
SCALED_RUN = "CASEDESK_TEST_SCREEN_150"
SCALED_SCREEN = {"1920x1080@150%": QSize(1280, 720)}


def screens() -> dict[str, QSize]:
    """The screens of this run: the real 150 % one in the scaled child run, else SCREENS."""
    return SCALED_SCREEN if os.environ.get(SCALED_RUN) else SCREENS


_INPUTS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)
_INSIDE = (QComboBox, QAbstractSpinBox, QAbstractItemView, QTabBar, QScrollBar, QHeaderView)


def room(screen: QSize) -> QSize:
    """The size a window gets on ``screen``."""
    return screen - CHROME


def _ancestors(widget: QWidget, top: QWidget) -> list[QWidget]:
    found = []
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        found.append(parent)
        parent = parent.parentWidget()
    return found


def _name(widget: QWidget) -> str:
    text = widget.text() if hasattr(widget, "text") else ""  # type: ignore[attr-defined]
    label = widget.objectName() or (text if isinstance(text, str) else "")
    return f"{type(widget).__name__}({label!r})"


def _rect_in(widget: QWidget, top: QWidget) -> QRect:
    return QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())


def problems(window: QWidget, size: QSize) -> list[str]:
    """What does not fit when ``window`` is shown at ``size``."""
    found: list[str] = []
    minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
    if minimum.width() > size.width() or minimum.height() > size.height():
        found.append(
            f"window needs at least {minimum.toTuple()}, the screen gives {size.toTuple()}"
        )
    bounds = window.rect()
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        ancestors = _ancestors(widget, window)
        if any(isinstance(a, _INSIDE) for a in ancestors):
            continue
        scrolled = any(isinstance(a, QScrollArea) for a in ancestors)
        if isinstance(widget, (*_INPUTS, QAbstractScrollArea)) and not scrolled:
            rect = _rect_in(widget, window)
            if not bounds.contains(rect):
                found.append(f"{_name(widget)} at {rect.getRect()} is outside the window")
        if isinstance(widget, _INPUTS):
            hint = widget.minimumSizeHint()
            if widget.width() < hint.width() - 1 or widget.height() < hint.height() - 1:
                found.append(
                    f"{_name(widget)} is {widget.size().toTuple()}, needs {hint.toTuple()}"
                )
        if isinstance(widget, QComboBox) and not widget.isEditable() and widget.currentText():
            needed = widget.fontMetrics().horizontalAdvance(widget.currentText()) + 28
            long_with_tip = (
                len(widget.currentText()) > 2 * FREE_TEXT
                and widget.toolTip() == widget.currentText()
            )
            if needed > widget.width() and not long_with_tip:
                found.append(f"{_name(widget)} cuts {widget.currentText()!r}")
        if isinstance(widget, QTableView):
            found.extend(_cut_headings(widget))
            found.extend(_cut_cells(widget))
    return found


def _cut_headings(table: QTableView) -> list[str]:
    header = table.horizontalHeader()
    model = table.model()
    if model is None or header.isHidden():
        return []
    cut = []
    metrics = header.fontMetrics()
    for column in range(model.columnCount()):
        if header.isSectionHidden(column):
            continue
        text = str(model.headerData(column, header.orientation()) or "")
        needed = metrics.horizontalAdvance(text) + 12
        if needed > header.sectionSize(column) + 1:
            cut.append(f"{table.objectName()} column {text!r} is {header.sectionSize(column)} px")
    return cut


#: Longer texts (titles, accounts, names) may be cut if hovering shows them whole;
#: shorter ones (states, dates, numbers, "⚠ OVERDUE") must show whole.
FREE_TEXT = 24


def _cut_cells(table: QTableView) -> list[str]:
    model = table.model()
    if model is None or model.rowCount() > 300:
        return []
    cut = []
    for row in range(model.rowCount()):
        if table.isRowHidden(row) or not table.visualRect(model.index(row, 0)).isValid():
            continue
        for column in range(model.columnCount()):
            index = model.index(row, column)
            if table.isColumnHidden(column) or not cell_is_cut(table, index):
                continue
            text = str(index.data())
            if len(text) <= FREE_TEXT:
                cut.append(f"{table.objectName()} cuts {text!r} ({table.columnWidth(column)} px)")
            elif not cell_tip(table, index):
                cut.append(f"{table.objectName()} cuts {text!r} without a tooltip")
    return cut
