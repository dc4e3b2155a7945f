"""Windows and dialogs that fit the screen they are on, from 1280×720 (or 150 % of 1080p) up.

A dialog asks for the size it would like and gets at most the screen's
available area; what does not fit scrolls (:func:`scrollable`) instead of
pushing buttons off the screen.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHeaderView,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QTableView,
    QTabWidget,
    QToolTip,
    QWidget,
)

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


def grow_to_fit(window: QWidget) -> None:
    """Grow ``window`` (at most to the screen) when its wrapped text needs more height at its width.

    A label that wraps onto more lines (a long database path, a message) asks
    for height its window's minimum size does not include; without this the
    inputs beside it are squeezed below their own minimum.
    """
    layout = window.layout()
    if layout is not None:
        layout.activate()
    if window.hasHeightForWidth():
        needed = window.heightForWidth(window.width())
    else:
        needed = window.sizeHint().height()
    needed = min(needed, available_size(window).height())
    if window.height() < needed:
        window.resize(window.width(), needed)


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


class ScrollingTabs(QTabWidget):
    """Tabs whose pages scroll when the window is smaller than a page needs.

    Without this, the tallest page's minimum height becomes the window's, and
    on a 720-pixel screen the window's bottom (and its buttons) falls off.
    Each page is wrapped in a scroll area; :meth:`widget`, :meth:`indexOf`,
    :meth:`currentWidget` and :meth:`setCurrentWidget` speak of the pages
    themselves, so callers never see the wrapper.
    """

    def _wrap(self, page: QWidget) -> QScrollArea:
        area = scrollable(page)
        area.setObjectName(f"{page.objectName() or type(page).__name__}Scroll")
        return area

    def addTab(self, page: QWidget, *args: Any) -> int:  # noqa: N802
        return int(super().addTab(self._wrap(page), *args))

    def insertTab(self, index: int, page: QWidget, *args: Any) -> int:  # noqa: N802
        return int(super().insertTab(index, self._wrap(page), *args))

    def widget(self, index: int) -> QWidget | None:
        area = super().widget(index)
        return area.widget() if isinstance(area, QScrollArea) else area

    def currentWidget(self) -> QWidget:  # noqa: N802
        page = self.widget(self.currentIndex())
        return page if page is not None else super().currentWidget()

    def indexOf(self, page: QWidget) -> int:  # noqa: N802
        for index in range(self.count()):
            if self.widget(index) is page:
                return index
        return -1

    def setCurrentWidget(self, page: QWidget) -> None:  # noqa: N802
        index = self.indexOf(page)
        if index >= 0:
            self.setCurrentIndex(index)


def cell_is_cut(table: QAbstractItemView, index: QModelIndex) -> bool:
    """Whether the cell's text is wider than its column shows (it ends in "…")."""
    text = index.data(Qt.ItemDataRole.DisplayRole)
    if text is None or str(text) == "":
        return False
    needed = table.fontMetrics().horizontalAdvance(str(text)) + 6  # the cell's margins
    if index.data(Qt.ItemDataRole.DecorationRole) is not None:
        needed += table.iconSize().width() if table.iconSize().isValid() else 20
        needed += 4
    return needed > table.visualRect(index).width()


def cell_tip(table: QAbstractItemView, index: QModelIndex) -> str:
    """The tooltip of a cell: the model's own, else the whole text of a cut cell."""
    own = index.data(Qt.ItemDataRole.ToolTipRole)
    if own:
        return str(own)
    return str(index.data(Qt.ItemDataRole.DisplayRole)) if cell_is_cut(table, index) else ""


class CutCellTips(QObject):
    """Hovering a cell whose text is cut shows the whole text (unless the model has a tip)."""

    def __init__(self, table: QAbstractItemView) -> None:
        super().__init__(table)
        self.table = table
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.table.indexAt(event.pos())
            if index.isValid() and not index.data(Qt.ItemDataRole.ToolTipRole):
                tip = cell_tip(self.table, index)
                if tip:
                    QToolTip.showText(event.globalPos(), tip, self.table.viewport())
                    return True
        return super().eventFilter(watched, event)


def fit_columns(table: QTableView, *columns: int) -> None:
    """Columns of short values (states, dates, numbers) as wide as their widest value."""
    header = table.horizontalHeader()
    for column in columns:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)


#: Texts up to this long (states, dates, numbers, names of a word or two) are never cut.
SHORT_TEXT = 24


def widen_for_short_values(table: QTableView, rows: int = 500) -> None:
    """Widen each column to show its short values whole; long free text may still elide.

    Runs when the model's rows change; looks at no more than ``rows`` rows.
    """
    model = table.model()
    if model is None:
        return
    metrics = table.fontMetrics()
    icon = (table.iconSize().width() if table.iconSize().isValid() else 16) + 8
    header = table.horizontalHeader()
    for column in range(model.columnCount()):
        if table.isColumnHidden(column):
            continue
        if header.sectionResizeMode(column) is not QHeaderView.ResizeMode.Interactive:
            continue
        widest = 0
        for row in range(min(model.rowCount(), rows)):
            index = model.index(row, column)
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if text is None or len(str(text)) > SHORT_TEXT:
                continue
            width = metrics.horizontalAdvance(str(text)) + 12
            if index.data(Qt.ItemDataRole.DecorationRole) is not None:
                width += icon
            widest = max(widest, width)
        if widest > table.columnWidth(column):
            table.setColumnWidth(column, widest)


def keep_short_values_whole(table: QTableView) -> None:
    """Call :func:`widen_for_short_values` whenever ``table``'s rows change."""
    model = table.model()
    if model is None:
        return
    for signal in (model.modelReset, model.layoutChanged, model.rowsInserted):
        signal.connect(lambda *_args: widen_for_short_values(table))
    widen_for_short_values(table)


def show_whole_choice(combo: QComboBox) -> None:
    """Long choices (a case with its title) are cut in the box: hovering shows them whole."""

    def follow(_index: int = 0) -> None:
        combo.setToolTip(combo.currentText())

    if not combo.property("showsWholeChoice"):
        combo.setProperty("showsWholeChoice", True)
        combo.currentIndexChanged.connect(follow)
    follow()


class FlowLayout(QLayout):
    """A row of widgets that wraps onto more rows when its width runs out.

    Its minimum width is its widest item's, so a bar of buttons no longer
    holds a window wider than a small (or highly scaled) screen; on a wide
    one it is a single row, as a ``QHBoxLayout`` would be.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt API
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt API
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt API
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """All in one row."""
        shown = [item for item in self._items if not item.isEmpty()]
        width = sum(item.sizeHint().width() for item in shown)
        width += self.spacing() * max(0, len(shown) - 1)
        height = max((item.sizeHint().height() for item in shown), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(),
                     height + margins.top() + margins.bottom())  # fmt: skip

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt API
        """The widest item's width: one item a row at the narrowest."""
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """Lay the items out in rows within ``rect`` (when ``place``), each centred on its
        row's height; the height needed."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        rows: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        x = area.x()
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if rows[-1] and x + hint.width() > area.right() + 1:
                rows.append([])
                x = area.x()
            rows[-1].append((item, hint))
            x += hint.width() + self.spacing()
        y = area.y()
        for row in rows:
            height = max((hint.height() for _item, hint in row), default=0)
            x = area.x()
            for item, hint in row:
                if place:
                    top = y + (height - hint.height()) // 2
                    item.setGeometry(QRect(QPoint(x, top), hint))
                x += hint.width() + self.spacing()
            y += height + self.spacing()
        used = y - self.spacing() if any(rows) else y
        return used - rect.y() + margins.bottom()
