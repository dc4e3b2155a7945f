"""The zoomable, pannable picture of one evidence item, with redaction boxes drawn on it.

The picture sits at the scene's origin at its own pixel size, so scene
coordinates are the original image's pixels whatever the zoom: a box drawn
at 300 % is stored in the same pixels as one drawn at 25 %.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

#: Zoom limits and the step of one wheel notch or key press.
MIN_SCALE, MAX_SCALE, STEP = 0.05, 16.0, 1.25
#: A box smaller than this many image pixels on a side is taken as a click.
MIN_BOX = 3


class RedactionBoxItem(QGraphicsRectItem):
    """One box over confidential content, with its reason; selectable to change or delete."""

    def __init__(self, rect: QRectF, reason: str, label: str = "") -> None:
        super().__init__(rect)
        self.reason = reason
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setZValue(10)
        self.setBrush(QBrush(QColor(0, 0, 0, 150)))
        # The reason stays readable at any zoom: its text ignores the view's scale.
        self.caption = QGraphicsSimpleTextItem(label, self)
        self.caption.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.caption.setBrush(QColor("white"))
        self.set_box(rect)

    def set_box(self, rect: QRectF) -> None:
        self.setRect(rect)
        self.caption.setPos(rect.topLeft() + QPointF(2, 2))

    def set_reason(self, reason: str, label: str) -> None:
        self.reason = reason
        self.caption.setText(label)

    def image_rect(self) -> tuple[int, int, int, int]:
        """x, y, width, height in whole image pixels."""
        rect = self.rect().normalized()
        x, y = round(rect.x()), round(rect.y())
        return x, y, round(rect.right()) - x, round(rect.bottom()) - y

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        selected = self.isSelected()
        pen = QPen(QColor("#ffeb3b") if selected else QColor("#e53935"), 3 if selected else 2)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(self.brush())
        painter.drawRect(self.rect())


class ImageView(QGraphicsView):
    """Zoom (Ctrl+wheel), pan (drag or scroll bars), fit, 100 %, and drawing boxes."""

    scale_changed = Signal(float)
    boxes_changed = Signal()  #: a box was drawn or deleted
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceImage")
        self.scene_ = QGraphicsScene(self)
        self.setScene(self.scene_)
        self.picture = QGraphicsPixmapItem()
        self.picture.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene_.addItem(self.picture)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setBackgroundBrush(self.palette().color(QPalette.ColorRole.Dark))
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.drawing = False
        self.draw_reason = "youth_identity"
        self.reason_label = ""
        self.fitted = True
        self._draft: RedactionBoxItem | None = None
        self._origin = QPointF()
        self.scene_.selectionChanged.connect(self.selection_changed)

    # -- the picture and zoom ----------------------------------------------------------

    def set_image(self, image: QImage) -> None:
        self.picture.setPixmap(QPixmap.fromImage(image))
        self.scene_.setSceneRect(QRectF(self.picture.pixmap().rect()))
        if self.fitted:
            self.fit()

    def image_size(self) -> tuple[int, int]:
        pixmap = self.picture.pixmap()
        return pixmap.width(), pixmap.height()

    def scale_factor(self) -> float:
        return self.transform().m11()

    def set_scale(self, factor: float) -> None:
        factor = max(MIN_SCALE, min(MAX_SCALE, factor))
        current = self.scale_factor()
        if current > 0 and abs(factor - current) > 1e-9:
            self.scale(factor / current, factor / current)
        self.scale_changed.emit(self.scale_factor())

    def zoom_in(self) -> None:
        self.fitted = False
        self.set_scale(self.scale_factor() * STEP)

    def zoom_out(self) -> None:
        self.fitted = False
        self.set_scale(self.scale_factor() / STEP)

    def actual_size(self) -> None:
        self.fitted = False
        self.set_scale(1.0)

    def fit(self) -> None:
        self.fitted = True
        width, height = self.image_size()
        if width and height:
            self.fitInView(self.picture, Qt.AspectRatioMode.KeepAspectRatio)
        self.scale_changed.emit(self.scale_factor())

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().resizeEvent(event)
        if self.fitted:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if event.angleDelta().y() > 0:
                self.zoom_in()
            elif event.angleDelta().y() < 0:
                self.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)

    # -- redaction boxes ---------------------------------------------------------------

    def boxes(self) -> list[RedactionBoxItem]:
        items = [i for i in self.scene_.items() if isinstance(i, RedactionBoxItem)]
        return sorted(items, key=lambda b: (b.rect().y(), b.rect().x()))

    def selected_boxes(self) -> list[RedactionBoxItem]:
        return [i for i in self.scene_.selectedItems() if isinstance(i, RedactionBoxItem)]

    def add_box(self, rect: QRectF, reason: str, label: str) -> RedactionBoxItem:
        box = RedactionBoxItem(rect, reason, label)
        self.scene_.addItem(box)
        return box

    def clear_boxes(self) -> None:
        for box in self.boxes():
            self.scene_.removeItem(box)

    def set_boxes_visible(self, visible: bool) -> None:
        for box in self.boxes():
            box.setVisible(visible)

    def delete_selected(self) -> bool:
        chosen = self.selected_boxes()
        for box in chosen:
            self.scene_.removeItem(box)
        if chosen:
            self.boxes_changed.emit()
        return bool(chosen)

    def set_drawing(self, drawing: bool) -> None:
        """In drawing mode a drag draws a box; otherwise it pans the picture."""
        self.drawing = drawing
        self.setDragMode(QGraphicsView.DragMode.NoDrag if drawing
                         else QGraphicsView.DragMode.ScrollHandDrag)  # fmt: skip
        self.viewport().setCursor(Qt.CursorShape.CrossCursor if drawing
                                  else Qt.CursorShape.OpenHandCursor)  # fmt: skip

    def _clamped(self, point: QPointF) -> QPointF:
        width, height = self.image_size()
        return QPointF(min(max(point.x(), 0.0), float(width)),
                       min(max(point.y(), 0.0), float(height)))  # fmt: skip

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.drawing and event.button() == Qt.MouseButton.LeftButton:
            hit = self.itemAt(event.position().toPoint())
            if isinstance(hit, RedactionBoxItem):
                super().mousePressEvent(event)  # select the box
                return
            self.scene_.clearSelection()
            self._origin = self._clamped(self.mapToScene(event.position().toPoint()))
            self._draft = self.add_box(QRectF(self._origin, self._origin), self.draw_reason,
                                       self.reason_label)  # fmt: skip
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._draft is not None:
            corner = self._clamped(self.mapToScene(event.position().toPoint()))
            self._draft.set_box(QRectF(self._origin, corner).normalized())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._draft is not None and event.button() == Qt.MouseButton.LeftButton:
            draft, self._draft = self._draft, None
            corner = self._clamped(self.mapToScene(event.position().toPoint()))
            draft.set_box(QRectF(self._origin, corner).normalized())
            _x, _y, width, height = draft.image_rect()
            if width < MIN_BOX or height < MIN_BOX:
                self.scene_.removeItem(draft)
            else:
                # Left unselected: the reason list then sets the next box's reason and
                # never relabels this one unless the user selects it.
                self.boxes_changed.emit()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.delete_selected():
            event.accept()
            return
        super().keyPressEvent(event)
